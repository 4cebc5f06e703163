// The manager's sales chart on the home page (Chart.js, vendored in lib/chart.js). The figures come from the
// server in <canvas data-chart="{…SalesChart…}">; the buttons [data-chart-show] switch between today by hour
// and the last 14 days.
(function () {
    "use strict";
    var canvas = document.getElementById("sales-chart");
    if (!canvas || !window.Chart) return;
    var data = JSON.parse(canvas.dataset.chart);
    var rub = new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", maximumFractionDigits: 0 });
    var views = {
        hours: { labels: data.Hours, now: data.TodayByHour, before: data.WeekAgoByHour, nowLabel: "Сегодня", beforeLabel: "Неделю назад" },
        days: { labels: data.Days, now: data.ByDay, before: data.WeekBeforeByDay, nowLabel: "День", beforeLabel: "Тот же день неделей раньше" }
    };
    function datasets(v) {
        return [
            { type: "bar", label: v.nowLabel, data: v.now, backgroundColor: "rgba(13,110,253,.65)", borderRadius: 3 },
            { type: "line", label: v.beforeLabel, data: v.before, borderColor: "#6c757d", borderDash: [5, 4], pointRadius: 2, tension: .25, fill: false }
        ];
    }
    // Whole roubles on the axis; a day without sales gets 0…1 000 ₽ instead of Chart.js's 0…1 in tenths, which
    // printed as "0 ₽, 0 ₽, … 1 ₽, 1 ₽".
    function axis(v) {
        var peak = Math.max.apply(null, v.now.concat(v.before));
        return { beginAtZero: true, suggestedMax: peak > 0 ? undefined : 1000, ticks: { precision: 0, callback: function (x) { return rub.format(x); } } };
    }
    var chart = new Chart(canvas, {
        data: { labels: views.hours.labels, datasets: datasets(views.hours) },
        options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            interaction: { mode: "index", intersect: false },
            scales: { y: axis(views.hours) },
            plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + rub.format(c.parsed.y); } } } }
        }
    });
    document.addEventListener("click", function (e) {
        var b = e.target.closest && e.target.closest("[data-chart-show]");
        if (!b) return;
        var v = views[b.dataset.chartShow];
        chart.data.labels = v.labels;
        chart.data.datasets = datasets(v);
        chart.options.scales.y = axis(v);
        chart.update();
        document.querySelectorAll("[data-chart-show]").forEach(function (x) {
            x.classList.toggle("active", x === b);
            x.setAttribute("aria-pressed", x === b ? "true" : "false");
        });
    });
})();
