// The one chart renderer (issue 19, item 5): every canvas[data-chart] holds its numbers as JSON of the one server-side
// schema (Features/Shared/Charts/ChartData.cs):
//   { type: "line" | "bar" | "radar", labels: [..], series: [{ label, data: [number|null], dashed, colour }],
//     min, max, step, unit (the value axis's title; "%" is put on each tick instead), spanGaps }
// The same numbers are in a table on the page (the canvas's aria-label says so). Series differ by colour, dash and
// point shape, never by colour alone; nothing animates (reduced motion needs nothing more); the colours come from the
// page's CSS custom properties and are read again when the colour scheme changes while the page is open (issue 13).
(function () {
  "use strict";
  var charts = [];
  var shapes = ["circle", "rect", "triangle", "rectRot"];

  function colour(styles, name, fallback) { return styles.getPropertyValue(name).trim() || fallback; }

  function options(data, canvas, text, grid) {
    var value = { ticks: { color: text }, grid: { color: grid } };
    if (data.min !== undefined) { value.min = data.min; }
    if (data.max !== undefined) { value.max = data.max; }
    if (data.step !== undefined) { value.ticks.stepSize = data.step; }
    var legend = { labels: { color: text, usePointStyle: true } };
    if (data.type === "radar") {
      // The rings' numbers are not drawn (they sat on the points); the key under the chart says what a ring is.
      value.ticks.display = false;
      value.angleLines = { color: grid };
      value.pointLabels = { color: text };
      return { animation: false, responsive: true, scales: { r: value }, plugins: { legend: legend } };
    }
    if (data.unit === "%") {
      value.ticks.callback = function (v) { return v + "%"; }; // a share reads best on the tick itself
    } else {
      value.title = { display: !!data.unit, text: data.unit || "", color: text };
    }
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false, // the box's height (.insight-chart) keeps the plot readable on a phone
      scales: {
        y: value,
        x: { ticks: { color: text, autoSkip: true, autoSkipPadding: 16, maxRotation: 0, maxTicksLimit: (canvas.parentElement || canvas).clientWidth < 480 ? 4 : 8 }, grid: { color: grid } }
      },
      plugins: { legend: legend }
    };
  }

  function draw() {
    if (typeof window.Chart === "undefined") { return; }
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var styles = getComputedStyle(document.documentElement);
    var text = colour(styles, "--text", "#1f1b24");
    var grid = colour(styles, "--border", "#d9d2dc");
    var colours = [colour(styles, "--accent", "#8a2f55"), colour(styles, "--accent-2", "#1f6561"),
      colour(styles, "--warn-text", "#6b3d00"), colour(styles, "--focus", "#1a56c4")];
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute("data-chart"));
      var radar = data.type === "radar";
      var datasets = data.series.map(function (s, i) {
        var c = colours[(s.colour === undefined ? i : s.colour) % colours.length];
        return {
          label: s.label,
          data: s.data,
          borderColor: c,
          backgroundColor: radar ? "transparent" : c,
          pointBackgroundColor: c,
          borderDash: s.dashed && data.type !== "bar" ? [6, 4] : [],
          pointStyle: shapes[i % shapes.length],
          pointRadius: 4,
          spanGaps: !!data.spanGaps
        };
      });
      charts.push(new window.Chart(canvas, { type: data.type, data: { labels: data.labels, datasets: datasets }, options: options(data, canvas, text, grid) }));
    });
  }

  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
  if (window.matchMedia) {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) { scheme.addEventListener("change", draw); }
  }
})();
