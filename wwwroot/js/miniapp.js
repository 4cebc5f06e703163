// The Mini App card (Features/Bots/MiniApp). No telegram-web-app.js (the CSP allows scripts from this site only):
// the signed initData is read from window.Telegram.WebApp when a client provides it, else from the launch URL's
// fragment "#tgWebAppData=…", which is where Telegram puts it (the same place telegram-web-app.js reads it from).
// Every request posts it; the server validates it and answers 401 when it is forged or stale.
(function () {
    'use strict';
    var card = document.getElementById('miniapp-card');
    if (!card) return;

    function initData() {
        var tg = window.Telegram && window.Telegram.WebApp;
        if (tg && tg.initData) return tg.initData;
        try {
            return new URLSearchParams(window.location.hash.slice(1)).get('tgWebAppData') || '';
        } catch (e) {
            return '';
        }
    }

    var data = initData();
    // Tells the Telegram client the page is ready (hides its loader) without its script: the mobile apps' bridge.
    try {
        if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent('web_app_ready', '');
    } catch (e) { /* not inside a Telegram app */ }

    function post(url) {
        var body = new URLSearchParams();
        body.set('initData', data);
        return fetch(url, { method: 'POST', body: body, credentials: 'omit', headers: { 'Accept': 'text/html' } })
            .then(function (r) { return r.text().then(function (html) { return { status: r.status, html: html }; }); });
    }

    function loadCard() {
        post('/miniapp/card').then(function (r) {
            card.innerHTML = r.html;
        }).catch(function () {
            card.innerHTML = '<div class="ma-note">Нет связи с сервером. Проверьте интернет и откройте карту ещё раз.</div>';
        });
    }

    card.addEventListener('click', function (e) {
        var button = e.target.closest('[data-miniapp-code]');
        if (!button) return;
        button.disabled = true;
        post('/miniapp/code').then(function (r) {
            if (r.status === 401) { card.innerHTML = r.html; return; }
            var target = document.getElementById('miniapp-code');
            if (target) target.innerHTML = r.html;
            button.textContent = 'Новый код';
        }).catch(function () {
            var target = document.getElementById('miniapp-code');
            if (target) target.textContent = 'Нет связи с сервером. Попробуйте ещё раз.';
        }).then(function () { button.disabled = false; });
    });

    loadCard();
})();
