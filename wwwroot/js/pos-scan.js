// Al Aroma POS: a full barcode typed (by a scanner, which is a keyboard) into another field of the till adds the
// unit as if scanned into the scanner field, and the scanner field has the focus again (a pick from the search
// results gives it back through pos.js's click handler). No build step.
(function () {
    "use strict";

    var pos = document.getElementById("pos");
    var scanner = document.getElementById("pos-scanner");
    var scanForm = document.getElementById("pos-scan");
    var search = document.getElementById("pos-search");
    var results = document.getElementById("pos-search-results");
    if (!pos || !scanner || !scanForm) return;

    // EAN-8, UPC-A, EAN-13, GTIN-14: what a scanner types. Phones (10–11 digits) and customer codes (6) never match.
    // Certificate codes are 13 digits too: their fields carry data-no-scan.
    function isBarcode(text) { return /^(\d{8}|\d{12,14})$/.test(text); }

    function takesScans(el) {
        return el && el !== scanner && el.matches("input:not([type]), input[type=text], input[type=search]")
            && !el.closest("dialog, [data-no-scan]") && pos.contains(el);
    }

    // A scanner types its digits in one burst, appended to what the field holds (the last search query). A pause
    // before a key marks where a burst starts; Enter then takes the burst as the scan when it is a full barcode
    // (or the whole value, typed or pasted), and the field keeps the text before it.
    var burstAt = new WeakMap(), lastKeyAt = new WeakMap();
    document.addEventListener("keydown", function (e) {
        var field = e.target;
        if (!takesScans(field)) return;
        if (e.key !== "Enter") {
            var now = Date.now();
            if (e.key.length === 1 && now - (lastKeyAt.get(field) || 0) > 500) burstAt.set(field, field.selectionStart);
            lastKeyAt.set(field, now);
            return;
        }
        var value = field.value, from = burstAt.get(field) || 0;
        var burst = value.slice(from).trim();
        if (!isBarcode(burst)) { burst = value.trim(); from = 0; }
        if (!isBarcode(burst)) return;
        // Capture phase: before htmx's own Enter handling of the field (a search, a customer lookup).
        e.preventDefault();
        e.stopPropagation();
        field.value = value.slice(0, from);
        lastKeyAt.delete(field);
        // A slow scanner (or a busy computer) may have paused long enough for the search to run with the digits in
        // it: search again for what the field holds now, so the results match the query the cashier sees.
        if (field === search && field.value.trim() && window.htmx) htmx.trigger(field, "search");
        scanner.value = burst;
        scanner.focus();
        scanForm.requestSubmit();
    }, true);

    if (search) {
        // The delayed "type to search" request of a field just emptied by a scan (or by hand) lists nothing.
        search.addEventListener("htmx:beforeRequest", function (e) {
            if (!search.value.trim()) { e.preventDefault(); if (results) results.innerHTML = ""; }
        });
    }
})();
