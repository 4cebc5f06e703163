// Catalog import preview: while the run request of <form data-import-progress="/catalog/import/{id}/progress"> is on
// its way, the progress line inside its indicator is fetched every second ("Записано 1 000 из 2 191 строк").
(function () {
    "use strict";
    var timer = null;
    function stop() { if (timer) { clearInterval(timer); timer = null; } }
    document.addEventListener("htmx:beforeRequest", function (e) {
        var form = e.target.closest && e.target.closest("form[data-import-progress]");
        if (!form || e.target !== form) return;
        var url = form.getAttribute("data-import-progress");
        var box = form.querySelector(".import-progress");
        stop();
        timer = setInterval(function () {
            fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.text() : null; })
                .then(function (html) { if (html !== null && timer && box) box.innerHTML = html; })
                .catch(function () { /* the next tick tries again */ });
        }, 1000);
    });
    document.addEventListener("htmx:afterRequest", function (e) {
        if (e.target.matches && e.target.matches("form[data-import-progress]")) stop();
    });
})();
