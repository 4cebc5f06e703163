// Counting screen (инвентаризация): warehouse.js keeps the scanner focused; here the per-scan quantity goes back
// to 1 after each successful scan, and the product just counted is highlighted.
(function () {
    "use strict";
    document.body.addEventListener("htmx:afterRequest", function (e) {
        var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest("[data-scan]");
        if (!form || !e.detail.successful) return;
        var trigger = e.detail.xhr.getResponseHeader("HX-Trigger") || "";
        if (trigger.indexOf('"kind":"error"') >= 0) return;
        var qty = form.querySelector("input[name=quantity]");
        if (qty) qty.value = "1";
    });
    document.body.addEventListener("htmx:afterSwap", function (e) {
        if (!e.detail.target || e.detail.target.id !== "count-lines") return;
        var first = document.querySelector("#count-lines tbody tr[data-product]");
        if (first) first.classList.add("just-counted");
    });
})();
