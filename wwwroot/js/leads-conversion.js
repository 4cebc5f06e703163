// «Конверсия»: calls, contacts and successes by day (Chart.js, vendored in lib/chart.js); the figures come from the
// server in <canvas data-chart="{Labels, Attempted, Contacted, Success}">.
(function () {
    "use strict";
    var canvas = document.getElementById("conversion-chart");
    if (!canvas || !window.Chart) return;
    var d = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
        type: "bar",
        data: {
            labels: d.Labels,
            datasets: [
                { label: "Обзвонено", data: d.Attempted, backgroundColor: "rgba(108,117,125,.45)", borderRadius: 3 },
                { label: "Дозвон", data: d.Contacted, backgroundColor: "rgba(13,110,253,.6)", borderRadius: 3 },
                { label: "Успех", data: d.Success, backgroundColor: "rgba(25,135,84,.8)", borderRadius: 3 }
            ]
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, interaction: { mode: "index", intersect: false },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
