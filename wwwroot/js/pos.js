// Al Aroma POS: scanner focus, F-keys, the payment dialog and the idempotency key of the checkout. No build step.
(function () {
    "use strict";

    // Receipt page: print once when opened right after "Пробить чек"; Enter starts the next receipt.
    var receipt = document.getElementById("receipt");
    if (receipt) {
        if (receipt.dataset.autoprint === "1") window.addEventListener("load", function () { window.print(); });
        document.addEventListener("keydown", function (e) {
            var next = document.getElementById("pos-next");
            if (e.key === "Enter" && next && !e.target.closest("input, textarea, select, button, a")) { e.preventDefault(); next.click(); }
        });
    }

    var pos = document.getElementById("pos");
    var scanner = document.getElementById("pos-scanner");
    var dialog = document.getElementById("pos-pay");
    if (!pos || !scanner || !dialog) return;

    var registerId = pos.dataset.register;
    var scanForm = document.getElementById("pos-scan");
    var payForm = document.getElementById("pos-pay-form");
    var queue = Promise.resolve();

    function money(v) {
        return v.toLocaleString("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u00A0| /g, "\u202F") + "\u00A0₽";
    }
    function parseMoney(s) {
        if (!s || !s.trim()) return null;
        var v = Number(s.replace(/[\s\u00A0\u202F₽]/g, "").replace(",", "."));
        return isFinite(v) ? Math.round(v * 100) / 100 : NaN;
    }
    function totals() { return document.getElementById("pos-totals"); }

    // The scanner field keeps the focus unless the cashier is typing elsewhere (search, payment dialog).
    function focusScanner() {
        if (dialog.open) return;
        var a = document.activeElement;
        if (a && a !== scanner && a.matches("input, textarea, select")) return;
        scanner.focus();
    }
    document.body.addEventListener("htmx:afterSettle", focusScanner);
    document.addEventListener("click", function (e) { if (!e.target.closest("input, textarea, select, dialog, .dropdown")) setTimeout(focusScanner, 0); });
    window.addEventListener("focus", focusScanner);

    // Enter in the scanner: take the code, clear the field at once (the next scan may already be coming) and
    // send scans one after another so that none is lost or reordered.
    scanForm.addEventListener("submit", function (e) {
        e.preventDefault();
        var code = scanner.value.trim();
        scanner.value = "";
        if (!code) return;
        queue = queue.then(function () {
            return htmx.ajax("POST", scanForm.dataset.url, { target: "#pos-cart", swap: "outerHTML", values: { code: code } });
        }).catch(function () { /* site.js shows the error */ });
    });

    // One idempotency key per version of the cart, kept in sessionStorage until the sale is written: a retry
    // after a lost response reuses it and gets the same sale back instead of a second one.
    var storeKey = "alaroma.pos." + registerId + ".key";
    function keyFor(version) {
        var saved = null;
        try { saved = JSON.parse(sessionStorage.getItem(storeKey) || "null"); } catch (_) { saved = null; }
        if (saved && saved.version === version) return saved.key;
        var key = crypto.randomUUID();
        sessionStorage.setItem(storeKey, JSON.stringify({ version: version, key: key }));
        return key;
    }

    var due = 0, mode = "Cash";
    var card = document.getElementById("pay-card");
    var tendered = document.getElementById("pay-tendered");
    var error = document.getElementById("pay-error");
    var submit = document.getElementById("pos-pay-submit");
    var certCode = document.getElementById("pay-cert-code");
    var certAmount = document.getElementById("pay-cert-amount");
    var points = document.getElementById("pay-points");
    var maxPoints = 0;
    // An input error is shown once the cashier has typed (or tried to pay), not on an untouched dialog.
    var touched = false;
    // Lines the shop does not have enough of (from the server): said in the dialog, "Пробить чек" still refuses.
    var shortage = "";
    var titles = { Cash: "Оплата наличными", Card: "Оплата картой", Mixed: "Смешанная оплата" };

    // Certificates and points first; what they leave ("Деньгами") is paid by card and/or cash.
    function recalc() {
        var ca = parseMoney(certAmount.value), pt = parseMoney(points.value);
        var rest = Math.round((due - (ca || 0) - (pt || 0)) * 100) / 100;
        if (mode === "Card") card.value = rest > 0 ? String(rest).replace(".", ",") : "";
        var c = mode === "Card" ? rest : mode === "Mixed" ? parseMoney(card.value) : 0;
        var cashPart = Math.round((rest - (c || 0)) * 100) / 100;
        var t = parseMoney(tendered.value);
        var msg = "";
        if (Number.isNaN(c) || Number.isNaN(t) || Number.isNaN(ca) || Number.isNaN(pt)) msg = "Введите сумму числом, например 1990 или 1990,50.";
        else if (pt !== null && (pt < 0 || pt !== Math.floor(pt) || pt > maxPoints)) msg = "Баллами можно не более " + maxPoints + " (целое число).";
        else if (ca !== null && !certCode.value.trim()) msg = "Введите код сертификата.";
        else if (rest < 0) msg = "Сертификатом и баллами оплачено больше суммы к оплате.";
        else if (mode === "Mixed" && rest > 0 && (c === null || c <= 0 || c >= rest)) msg = "Сумма по карте должна быть больше 0 и меньше суммы к оплате.";
        else if (mode !== "Card" && t !== null && t < cashPart) msg = "Недостаточно наличных: не хватает " + money(cashPart - t) + ".";
        document.getElementById("pay-rest").textContent = money(Math.max(rest, 0));
        document.getElementById("pay-cash-part").textContent = money(Math.max(cashPart, 0));
        document.getElementById("pay-change").textContent = money(!msg && t !== null && mode !== "Card" ? t - cashPart : 0);
        error.textContent = touched && msg ? msg : shortage;
        submit.disabled = !!msg;
    }

    function openPay(m) {
        var t = totals();
        if (!t || dialog.open) return;
        due = Number(t.dataset.total);
        if (!(due > 0)) return;
        mode = m;
        document.getElementById("pay-key").value = keyFor(t.dataset.version);
        document.getElementById("pay-mode").value = m;
        document.getElementById("pay-expected").value = t.dataset.total;
        document.getElementById("pos-pay-title").textContent = titles[m];
        document.getElementById("pay-due").textContent = money(due);
        dialog.querySelectorAll("[data-for]").forEach(function (row) { row.hidden = row.dataset.for.split(" ").indexOf(m) < 0; });
        card.value = m === "Card" ? t.dataset.total.replace(".", ",") : "";
        card.readOnly = m === "Card";
        tendered.value = "";
        certCode.value = ""; certAmount.value = ""; points.value = "";
        maxPoints = Number(t.dataset.maxPoints || 0);
        shortage = t.dataset.shortage || "";
        touched = false;
        document.getElementById("pay-max-points").textContent = maxPoints;
        document.getElementById("pay-points-row").hidden = !(maxPoints > 0);
        recalc();
        dialog.showModal();
        (m === "Mixed" ? card : m === "Cash" ? tendered : submit).focus();
    }

    function typed() { touched = true; recalc(); }
    card.addEventListener("input", typed);
    certAmount.addEventListener("input", typed);
    certCode.addEventListener("input", typed);
    points.addEventListener("input", typed);
    tendered.addEventListener("input", typed);
    // Enter while the payment cannot go through: say why (a disabled button would just ignore it).
    payForm.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && submit.disabled && !touched) { touched = true; recalc(); }
    });
    document.getElementById("pos-pay-cancel").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { setTimeout(focusScanner, 0); });
    payForm.addEventListener("htmx:afterRequest", function (e) {
        if (e.detail.xhr && e.detail.xhr.getResponseHeader("HX-Redirect")) sessionStorage.removeItem(storeKey);
    });

    // The modal dialog sits above the toasts: show the server's refusal inside it, and only there (the event stops
    // here, so site.js does not print it a second time as a toast behind the dialog).
    payForm.addEventListener("toast", function (e) {
        if (!dialog.open || e.detail.kind !== "error") return;
        e.stopPropagation();
        error.textContent = e.detail.message;
        submit.disabled = false;
    });

    document.addEventListener("click", function (e) {
        var b = e.target.closest("[data-pay]");
        if (b && !b.disabled) openPay(b.dataset.pay);
    });
    document.addEventListener("keydown", function (e) {
        // F6 (discount) and F9 (park) are the main screen's buttons: pos-counter.js.
        if (e.key === "F8" && !dialog.open) {
            var r = document.getElementById("pos-return");
            if (r) { e.preventDefault(); window.location.href = r.href; }
            return;
        }
        var m = { F2: "Cash", F3: "Card", F4: "Mixed" }[e.key];
        if (m) { e.preventDefault(); openPay(m); }
    });

    focusScanner();
})();
