// Insights charts (C9): every canvas with a data-insights-chart attribute holds its own numbers as JSON
// ({ type, labels, series: [{ label, data, dashed }], min, max, unit }). The same numbers are in a table next to it.
// Lines do not span points with no data (spanGaps false); the four-series charts differ by colour and point shape;
// colours are read again when the colour scheme changes while the page is open (issue 13).
(function () {
  "use strict";
  var charts = [];
  function draw() {
    if (typeof Chart === "undefined") { return; }
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var styles = getComputedStyle(document.documentElement);
    var accent = styles.getPropertyValue("--accent").trim() || "#8a2f55";
    var accent2 = styles.getPropertyValue("--accent-2").trim() || "#1f6561";
    var text = styles.getPropertyValue("--text").trim() || "#1f1b24";
    var grid = styles.getPropertyValue("--border").trim() || "#d9d2dc";
    var accent3 = styles.getPropertyValue("--warn-text").trim() || "#6b3d00";
    var accent4 = styles.getPropertyValue("--focus").trim() || "#1a56c4";
    var colours = [accent, accent2, accent3, accent4];
    var shapes = ["circle", "rect", "triangle", "rectRot"];
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
          pointStyle: shapes[i % shapes.length],
          pointRadius: 4,
          spanGaps: false
        };
      });
      var y = { ticks: { color: text }, grid: { color: grid }, title: { display: !!data.unit, text: data.unit, color: text } };
      if (data.min !== null && data.min !== undefined) { y.min = data.min; }
      if (data.max !== null && data.max !== undefined) { y.max = data.max; }
      charts.push(new Chart(canvas, {
        type: data.type,
        data: { labels: data.labels, datasets: datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: y, x: { ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { color: grid } } },
          plugins: { legend: { labels: { color: text, usePointStyle: true } } }
        }
      }));
    });
  }
  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
  if (window.matchMedia) {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) { scheme.addEventListener("change", draw); }
  }
})();
