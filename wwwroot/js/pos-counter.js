// Al Aroma POS, the main screen's big buttons: Скидка (F6) as a dialog and Отложить чек (F9). No build step.
// Listens in the capture phase so that these keys reach neither the browser nor pos.js.
(function () {
    "use strict";

    var pos = document.getElementById("pos");
    if (!pos) return;
    var dialog = document.getElementById("pos-discount-dialog");
    var error = document.getElementById("pos-discount-error");
    var value = document.getElementById("pos-discount-value");

    function visible(el) { return el && !el.disabled && el.offsetParent !== null; }
    function payOpen() { var p = document.getElementById("pos-pay"); return p && p.open; }

    function openDiscount() {
        if (!dialog || dialog.open || payOpen() || !visible(document.getElementById("pos-discount-open"))) return;
        error.textContent = "";
        value.value = "";
        dialog.showModal();
        value.focus();
    }

    function park() {
        var b = document.getElementById("pos-park");
        if (visible(b) && !payOpen() && !(dialog && dialog.open)) b.click();
    }

    document.addEventListener("click", function (e) {
        if (e.target.closest("#pos-discount-open")) openDiscount();
    });

    window.addEventListener("keydown", function (e) {
        if (dialog && dialog.open && /^F\d+$/.test(e.key)) { e.preventDefault(); e.stopImmediatePropagation(); return; }
        if (e.key === "F6") { e.preventDefault(); e.stopImmediatePropagation(); openDiscount(); }
        else if (e.key === "F9") { e.preventDefault(); e.stopImmediatePropagation(); park(); }
    }, true);

    if (!dialog) return;
    document.getElementById("pos-discount-cancel").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { setTimeout(function () { document.getElementById("pos-scanner").focus(); }, 0); });
    // Refused (the server answers with an error toast and no swap): keep the dialog open and say why inside it,
    // because the modal dialog sits above the toasts.
    document.getElementById("pos-discount").addEventListener("htmx:afterRequest", function (e) {
        var xhr = e.detail.xhr;
        if (e.detail.successful && xhr && xhr.getResponseHeader("HX-Reswap") !== "none") dialog.close();
    });
    document.body.addEventListener("toast", function (e) {
        if (dialog.open && e.detail.kind === "error") error.textContent = e.detail.message;
    });
})();
