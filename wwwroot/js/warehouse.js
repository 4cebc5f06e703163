// Warehouse documents: the scanner field keeps focus, clickable list rows. No build step.
(function () {
    "use strict";

    function scanInput() { return document.querySelector("[data-scan] input[name=barcode]"); }
    function typingElsewhere() {
        var a = document.activeElement;
        return a && a !== document.body && a !== scanInput() && /^(INPUT|SELECT|TEXTAREA)$/.test(a.tagName);
    }
    function focusScan() { var s = scanInput(); if (s && !typingElsewhere()) s.focus(); }

    // Enter in a scanner field: take the code, clear the field at once (a scanner may already be typing the next
    // one) and send the scans one after another, so that none is lost or reordered while a request is in flight.
    // Captured before htmx sees the submit; the form's hx-post/hx-target/hx-swap say where the scan goes.
    var queue = Promise.resolve();
    document.addEventListener("submit", function (e) {
        var form = e.target.closest && e.target.closest("[data-scan]");
        if (!form) return;
        e.preventDefault();
        e.stopPropagation();
        var input = form.querySelector("input[name=barcode]");
        var code = input.value.trim();
        if (!code) return;
        var values = {};
        new FormData(form).forEach(function (v, k) { values[k] = v; });
        values.barcode = code;
        input.value = "";
        var qty = form.querySelector("input[name=quantity]");
        if (qty) qty.value = "1";
        input.focus();
        queue = queue.then(function () {
            return htmx.ajax("POST", form.getAttribute("hx-post"), {
                target: form.getAttribute("hx-target"), swap: form.getAttribute("hx-swap") || "innerHTML", values: values,
            });
        }).then(focusScan, function () { /* site.js shows the error */ });
    }, true);

    document.body.addEventListener("htmx:afterRequest", function (e) {
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
