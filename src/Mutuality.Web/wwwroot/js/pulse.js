// The monthly pulse chart (M9): two lines, 1-5, drawn from the canvas's data-chart attribute.
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("pulse-chart");
    if (!canvas || typeof Chart === "undefined") { return; }
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var styles = getComputedStyle(document.documentElement);
    var accent = styles.getPropertyValue("--accent").trim() || "#8a2f55";
    var accent2 = styles.getPropertyValue("--accent-2").trim() || "#1f6561";
    var text = styles.getPropertyValue("--text").trim() || "#1f1b24";
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.myName, data: data.mine, borderColor: accent, backgroundColor: accent, spanGaps: true },
          { label: data.partnerName, data: data.partner, borderColor: accent2, backgroundColor: accent2, borderDash: [6, 4], spanGaps: true }
        ]
      },
      options: {
        animation: false,
        scales: { y: { min: 1, max: 5, ticks: { stepSize: 1, color: text } }, x: { ticks: { color: text } } },
        plugins: { legend: { labels: { color: text } } }
      }
    });
  }
  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
})();
