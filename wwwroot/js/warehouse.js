// Warehouse documents: the scanner field keeps focus, clickable list rows. No build step.
(function () {
    "use strict";

    function scanInput() { return document.querySelector("[data-scan] input[name=barcode]"); }
    function typingElsewhere() {
        var a = document.activeElement;
        return a && a !== document.body && a !== scanInput() && /^(INPUT|SELECT|TEXTAREA)$/.test(a.tagName);
    }
    function focusScan() { var s = scanInput(); if (s && !typingElsewhere()) s.focus(); }

    // After a scan: clear the field on success; on a refusal (error toast) keep the code selected, so the next scan replaces it.
    document.body.addEventListener("htmx:afterRequest", function (e) {
        var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest("[data-scan]");
        if (form) {
            var input = scanInput();
            var trigger = e.detail.xhr.getResponseHeader("HX-Trigger") || "";
            if (!e.detail.successful || trigger.indexOf('"kind":"error"') >= 0) input.select(); else input.value = "";
            input.focus();
            return;
        }
        // A product added from the search: clear the results and go back to the scanner.
        var hit = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest("[data-hit]");
        if (hit && e.detail.successful) {
            var hits = document.getElementById("product-hits");
            var search = document.querySelector("input[name=q][data-product-search]");
            if (hits) hits.innerHTML = "";
            if (search) search.value = "";
            var s = scanInput(); if (s) s.focus();
        }
    });

    // Clicks on empty space return to the scanner (a scanner types into whatever has focus).
    document.addEventListener("click", function (e) {
        if (!e.target.closest("input,select,textarea,button,a,label")) setTimeout(focusScan, 0);
    });

    // Row click opens the document.
    document.addEventListener("click", function (e) {
        var row = e.target.closest("tr[data-href]");
        if (row && !e.target.closest("a,button,input,select")) window.location.href = row.dataset.href;
    });

    document.addEventListener("DOMContentLoaded", focusScan);
})();
