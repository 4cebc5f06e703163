// Counting screen (инвентаризация): warehouse.js queues the scans, keeps the scanner focused and sets the per-scan
// quantity back to 1; here the product just counted is highlighted.
(function () {
    "use strict";
    document.body.addEventListener("htmx:afterSwap", function (e) {
        if (!e.detail.target || e.detail.target.id !== "count-lines") return;
        var first = document.querySelector("#count-lines tbody tr[data-product]");
        if (first) first.classList.add("just-counted");
    });
})();
