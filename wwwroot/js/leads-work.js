// «Следующий номер»: keyboard shortcuts. A key clicks the button whose data-key it names, unless the operator is typing
// in a field (the comment, the callback time). "Перезвонить" without a time is stopped here with a hint (the server refuses it too).
(function () {
    document.addEventListener('keydown', function (e) {
        if (e.ctrlKey || e.altKey || e.metaKey) return;
        var t = e.target;
        if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
        var key = e.key.toLowerCase();
        if (key === 'т') key = 'n'; // the same key on a Russian layout
        var button = document.querySelector('button[data-key="' + key + '"]');
        if (!button) return;
        e.preventDefault();
        button.click();
    });
    document.addEventListener('click', function (e) {
        var b = e.target.closest && e.target.closest('button[name="Result"][value="CallBack"]');
        if (!b) return;
        var at = document.getElementById('CallBackAt');
        if (at && !at.value) {
            e.preventDefault();
            at.focus();
            at.setCustomValidity('Укажите, когда перезвонить');
            at.reportValidity();
            at.addEventListener('input', function () { at.setCustomValidity(''); }, { once: true });
        }
    });
})();
