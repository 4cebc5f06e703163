// Al Aroma: small glue between htmx, the antiforgery token and Bootstrap toasts. No build step.
(function () {
    "use strict";
    // The Content-Security-Policy forbids eval and inline styles: no hx-on / "js:" values, and the indicator
    // CSS htmx would inject lives in site.css. Behaviour goes into the delegated handlers at the end of this file.
    if (window.htmx) {
        htmx.config.allowEval = false;
        htmx.config.allowScriptTags = false;
        htmx.config.includeIndicatorStyles = false;
    }
    var token = document.querySelector('meta[name="antiforgery"]');

    // Every htmx request carries the antiforgery token (ASP.NET Core validates it on every POST).
    document.body.addEventListener("htmx:configRequest", function (e) {
        if (token) e.detail.headers["RequestVerificationToken"] = token.content;
    });

    function toast(message, kind) {
        var box = document.getElementById("toasts");
        if (!box || !message) return;
        var el = document.createElement("div");
        el.className = "toast align-items-center border-0 text-bg-" + (kind === "error" ? "danger" : kind === "info" ? "secondary" : "success");
        el.setAttribute("role", kind === "error" ? "alert" : "status");
        el.innerHTML = '<div class="d-flex"><div class="toast-body"></div><button type="button" class="btn-close btn-close-white me-2 m-auto" data-bs-dismiss="toast" aria-label="Закрыть"></button></div>';
        el.querySelector(".toast-body").textContent = message;
        box.appendChild(el);
        var t = bootstrap.Toast.getOrCreateInstance(el, { delay: kind === "error" ? 8000 : 4000 });
        el.addEventListener("hidden.bs.toast", function () { el.remove(); });
        t.show();
    }
    window.alaromaToast = toast;

    // Server-sent toasts: HX-Trigger: {"toast": {"message": "...", "kind": "success|error|info"}}
    document.body.addEventListener("toast", function (e) { toast(e.detail.message, e.detail.kind); });

    // A failed request never goes unnoticed.
    document.body.addEventListener("htmx:responseError", function (e) {
        var s = e.detail.xhr.status;
        toast(s === 403 ? "Недостаточно прав для этого действия."
            : s === 503 ? "Нет связи с базой данных. Повторите через минуту — ничего не потеряно, чек дважды не пробьётся."
            : "Ошибка сервера (" + s + "). Повторите или обратитесь к администратору.", "error");
    });
    document.body.addEventListener("htmx:sendError", function () {
        toast("Нет связи с сервером. Проверьте сеть и повторите — данные не потеряны.", "error");
    });

    // Toasts carried over a redirect (TempData).
    document.addEventListener("DOMContentLoaded", function () {
        var box = document.getElementById("toasts");
        if (!box) return;
        if (box.dataset.error) toast(box.dataset.error, "error");
        if (box.dataset.success) toast(box.dataset.success, "success");
    });

    // Destructive actions ask first: <button data-confirm="Отменить документ?">
    document.addEventListener("submit", function (e) {
        var b = e.submitter;
        var msg = (b && b.dataset.confirm) || e.target.dataset.confirm;
        if (msg && !window.confirm(msg)) e.preventDefault();
    }, true);

    // Inline handlers are refused by the CSP; views say what a control does with data-* attributes instead.
    //   <button data-print>                         prints the page
    //   <button data-remove-closest="tr">           removes the row (or other ancestor) it sits in
    //   <button data-check-all="#rows input[name=s]"> ticks every matching checkbox
    //   <button data-clear="#rows" data-confirm="…"> empties the element after the question is answered yes
    document.addEventListener("click", function (e) {
        var el = e.target.closest && e.target.closest("[data-print],[data-remove-closest],[data-check-all],[data-clear]");
        if (!el) return;
        var d = el.dataset;
        if (d.print !== undefined) window.print();
        if (d.removeClosest) { var row = el.closest(d.removeClosest); if (row) row.remove(); }
        if (d.checkAll) document.querySelectorAll(d.checkAll).forEach(function (c) { c.checked = true; });
        if (d.clear && (!d.confirm || window.confirm(d.confirm))) {
            var box = document.querySelector(d.clear);
            if (box) box.innerHTML = "";
        }
    });

    // <select data-autosubmit> sends its form as soon as a value is picked.
    document.addEventListener("change", function (e) {
        var sel = e.target;
        if (sel.matches && sel.matches("select[data-autosubmit]") && sel.form) sel.form.requestSubmit();
    });

    // <form data-reset-on-success="#results">: after its own successful htmx request the form is emptied for the
    // next scan and the element named by the attribute (search results) is cleared.
    document.body.addEventListener("htmx:afterRequest", function (e) {
        var form = e.detail.elt;
        if (!form || !form.matches || !form.matches("form[data-reset-on-success]") || !e.detail.successful) return;
        form.reset();
        var box = form.dataset.resetOnSuccess && document.querySelector(form.dataset.resetOnSuccess);
        if (box) box.innerHTML = "";
    });

    // <a data-list-export href="/catalog/export?…">: the filters may have changed in place (htmx pushes the URL)
    // since the page was drawn, so the export takes the address bar's current filters, paging left out.
    document.addEventListener("click", function (e) {
        var a = e.target.closest && e.target.closest("a[data-list-export]");
        if (!a) return;
        var params = new URLSearchParams(window.location.search);
        ["page", "after", "before", "cursor"].forEach(function (p) { params.delete(p); });
        var url = new URL(a.href, window.location.href);
        url.search = params.toString();
        a.href = url.toString();
    });

    // Below 992 px the sidebar is folded away; the header's "Меню" button ([data-sidebar-toggle]) opens and closes it.
    document.addEventListener("click", function (e) {
        var b = e.target.closest && e.target.closest("[data-sidebar-toggle]");
        if (!b) return;
        var open = document.body.classList.toggle("sidebar-open");
        b.setAttribute("aria-expanded", open ? "true" : "false");
    });
})();
