// Check-ins: show autosave problems, and draw the understanding chart from data attributes (no inline script).
(function () {
  "use strict";

  // htmx does not swap 4xx responses by default: show the draft's problem in its status line.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id === "draft-status" && (event.detail.xhr.status === 400 || event.detail.xhr.status === 409)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // Lines do not span reveals with no data; the two series differ by colour, dash and point shape; x labels skip
  // rather than overlap; colours are read again when the colour scheme changes while the page is open (issue 13).
  var chart = null;
  function drawUnderstanding() {
    var canvas = document.getElementById("agreement-chart");
    if (!canvas || typeof window.Chart === "undefined") { return; }
    if (chart) { chart.destroy(); }
    var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
    var series = JSON.parse(canvas.getAttribute("data-series") || "[]");
    var styles = getComputedStyle(document.documentElement);
    var colours = [styles.getPropertyValue("--accent").trim() || "#2563eb", styles.getPropertyValue("--accent-2").trim() || "#1f6561"];
    var shapes = ["circle", "rect"];
    var text = styles.getPropertyValue("--text").trim() || "#222";
    var grid = styles.getPropertyValue("--border").trim() || "#d9d2dc";
    chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return { label: s.name, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], pointStyle: shapes[i % shapes.length], pointRadius: 4, spanGaps: false, tension: 0.2, borderDash: i === 1 ? [6, 4] : [] };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false, // the box's height (.insight-chart) keeps the plot readable on a phone
        scales: {
          y: { min: 0, max: 100, ticks: { color: text, callback: function (v) { return v + "%"; } }, grid: { color: grid } },
          x: { ticks: { color: text, autoSkip: true, autoSkipPadding: 16, maxRotation: 0, maxTicksLimit: canvas.clientWidth < 480 ? 4 : 8 }, grid: { color: grid } }
        },
        plugins: { legend: { labels: { color: text, usePointStyle: true } } }
      }
    });
  }

  ready(drawUnderstanding);
  if (window.matchMedia) {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) { scheme.addEventListener("change", drawUnderstanding); }
  }
})();
