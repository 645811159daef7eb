// The intimacy map chart (C6): a radar of fulfilment 0-10 for both partners, drawn from the canvas's data-chart attribute.
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("intimacy-chart");
    if (!canvas || typeof Chart === "undefined") { return; }
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var styles = getComputedStyle(document.documentElement);
    var accent = styles.getPropertyValue("--accent").trim() || "#8a2f55";
    var accent2 = styles.getPropertyValue("--accent-2").trim() || "#1f6561";
    var text = styles.getPropertyValue("--text").trim() || "#1f1b24";
    new Chart(canvas, {
      type: "radar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.myName, data: data.mine, borderColor: accent, backgroundColor: "transparent", spanGaps: true }
        ].concat(data.partner ? [
          { label: data.partnerName, data: data.partner, borderColor: accent2, backgroundColor: "transparent", borderDash: [6, 4], spanGaps: true }
        ] : [])
      },
      options: {
        animation: false,
        scales: { r: { min: 0, max: 10, ticks: { stepSize: 2, color: text, backdropColor: "transparent" }, pointLabels: { color: text } } },
        plugins: { legend: { labels: { color: text } } }
      }
    });
  }
  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
})();
