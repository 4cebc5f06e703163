// Searchable multi-selects whose choices stay visible as chips (tom-select 2.6.2, vendored in lib/tom-select).
//   <select multiple data-chips data-placeholder="Найти бренд…">
// The original <select> keeps the values, so forms, htmx posts and "change" triggers work as before. Bound on every
// htmx load, so fragments swapped in later get it too.
(function () {
    "use strict";
    function bind(root) {
        var selects = root.matches && root.matches("select[data-chips]") ? [root] : root.querySelectorAll("select[data-chips]");
        Array.prototype.forEach.call(selects, function (sel) {
            if (sel.tomselect) return;
            new TomSelect(sel, {
                plugins: { remove_button: { title: "Убрать" } },
                maxOptions: null,
                hidePlaceholder: true,
                closeAfterSelect: false,
                placeholder: sel.getAttribute("data-placeholder") || "",
                render: {
                    no_results: function () { return '<div class="no-results">Ничего не найдено</div>'; }
                }
            });
        });
    }
    htmx.onLoad(bind);
})();
