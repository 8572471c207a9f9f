/* Draws every chart of the page (templates/common/_chart.html) with Chart.js from its JSON data
   (json_script), as CSP-strict pages need: no inline script. The same numbers stay in the table beside
   each chart. A chart: {type, horizontal, labels, series: [{label, data}]}. */
(function () {
  "use strict";
  var palette = ["#0b5cad", "#d9480f", "#2b8a3e", "#7048e8", "#f59f00", "#1098ad"];
  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof Chart === "undefined") { return; }
    var chart = JSON.parse(source.textContent);
    var many = chart.series.length > 1;
    var scales = {};
    scales[chart.horizontal ? "x" : "y"] = { beginAtZero: true, ticks: { precision: 0 } };
    new Chart(canvas, {
      type: chart.type || "bar",
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, n) {
          return { label: series.label, data: series.data, backgroundColor: palette[n % palette.length] };
        })
      },
      options: {
        indexAxis: chart.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: many, position: "bottom" } },
        scales: scales
      }
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
