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

  ready(function () {
    var canvas = document.getElementById("agreement-chart");
    if (!canvas || typeof window.Chart === "undefined") { return; }
    var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
    var series = JSON.parse(canvas.getAttribute("data-series") || "[]");
    var styles = getComputedStyle(document.documentElement);
    var colours = [styles.getPropertyValue("--accent").trim() || "#2563eb", styles.getPropertyValue("--muted").trim() || "#666"];
    var text = styles.getPropertyValue("--text").trim() || "#222";
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return { label: s.name, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], spanGaps: true, tension: 0.2, borderDash: i === 1 ? [6, 4] : [] };
        })
      },
      options: {
        animation: false,
        responsive: true,
        scales: {
          y: { min: 0, max: 100, ticks: { color: text, callback: function (v) { return v + "%"; } } },
          x: { ticks: { color: text } }
        },
        plugins: { legend: { labels: { color: text } } }
      }
    });
  });
})();
