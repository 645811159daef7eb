// Insights charts (C9): every canvas with a data-insights-chart attribute holds its own numbers as JSON
// ({ type, labels, series: [{ label, data, dashed }], min, max, unit }). The same numbers are in a table next to it.
(function () {
  "use strict";
  function draw() {
    if (typeof Chart === "undefined") { return; }
    var styles = getComputedStyle(document.documentElement);
    var accent = styles.getPropertyValue("--accent").trim() || "#8a2f55";
    var accent2 = styles.getPropertyValue("--accent-2").trim() || "#1f6561";
    var text = styles.getPropertyValue("--text").trim() || "#1f1b24";
    var grid = styles.getPropertyValue("--border").trim() || "#d9d2dc";
    var colours = [accent, accent2, accent, accent2];
    var canvases = document.querySelectorAll("canvas[data-insights-chart]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      var data = JSON.parse(canvas.getAttribute("data-insights-chart"));
      var bar = data.type === "bar";
      var datasets = data.series.map(function (s, i) {
        var colour = bar ? (i === 0 ? accent : accent2) : colours[i % colours.length];
        return {
          label: s.label,
          data: s.data,
          borderColor: colour,
          backgroundColor: colour,
          borderDash: s.dashed && !bar ? [6, 4] : [],
          pointStyle: i >= 2 ? "rectRot" : "circle",
          spanGaps: true
        };
      });
      var y = { ticks: { color: text }, grid: { color: grid }, title: { display: !!data.unit, text: data.unit, color: text } };
      if (data.min !== null && data.min !== undefined) { y.min = data.min; }
      if (data.max !== null && data.max !== undefined) { y.max = data.max; }
      new Chart(canvas, {
        type: data.type,
        data: { labels: data.labels, datasets: datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: y, x: { ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { color: grid } } },
          plugins: { legend: { labels: { color: text, usePointStyle: true } } }
        }
      });
    });
  }
  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
})();
