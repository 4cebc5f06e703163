// The bell (Features/Notifications/Bell): a toast for each notification the SSE stream announces ("toast" event,
// JSON {id, title, text, link}). "Открыть" posts to /notifications/{id}/open, which marks it read and opens its link.
(function () {
    "use strict";
    var token = document.querySelector('meta[name="antiforgery"]');
    document.body.addEventListener("htmx:sseMessage", function (e) {
        if (!e.detail || e.detail.type !== "toast") return;
        var n;
        try { n = JSON.parse(e.detail.data); } catch (_) { return; }
        var box = document.getElementById("toasts");
        if (!box || !window.bootstrap) return;
        var el = document.createElement("div");
        el.className = "toast border-0 text-bg-light bell-toast";
        el.setAttribute("role", "status");
        el.dataset.notificationId = n.id;
        el.innerHTML = '<div class="toast-header"><strong class="me-auto"></strong>' +
            '<button type="button" class="btn-close" data-bs-dismiss="toast" aria-label="Закрыть"></button></div>' +
            '<div class="toast-body"><div class="bell-toast-text"></div>' +
            '<form method="post" class="mt-2 m-0"><input type="hidden" name="__RequestVerificationToken">' +
            '<button type="submit" class="btn btn-sm btn-primary">Открыть</button></form></div>';
        el.querySelector("strong").textContent = n.title;
        el.querySelector(".bell-toast-text").textContent = n.text;
        var form = el.querySelector("form");
        form.action = "/notifications/" + encodeURIComponent(n.id) + "/open";
        form.querySelector("input").value = token ? token.content : "";
        box.appendChild(el);
        el.addEventListener("hidden.bs.toast", function () { el.remove(); });
        bootstrap.Toast.getOrCreateInstance(el, { delay: 10000 }).show();
    });
})();
