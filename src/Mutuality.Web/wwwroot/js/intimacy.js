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
        // Issue 16: "fulfilled" solid and "matters" dashed for each partner, so the gap between them shows.
        datasets: [
          { label: data.myName + ": fulfilled", data: data.mine, borderColor: accent, backgroundColor: "transparent", pointBackgroundColor: accent, spanGaps: true },
          { label: data.myName + ": matters", data: data.mineMatters, borderColor: accent, backgroundColor: "transparent", borderDash: [6, 4], pointStyle: "rectRot", spanGaps: true }
        ].concat(data.partner ? [
          { label: data.partnerName + ": fulfilled", data: data.partner, borderColor: accent2, backgroundColor: "transparent", pointBackgroundColor: accent2, spanGaps: true },
          { label: data.partnerName + ": matters", data: data.partnerMatters, borderColor: accent2, backgroundColor: "transparent", borderDash: [6, 4], pointStyle: "rectRot", spanGaps: true }
        ] : [])
      },
      options: {
        animation: false,
        // The rings' numbers are not drawn (they sat on the points); the key under the chart says what a ring is.
        scales: { r: { min: 0, max: 10, ticks: { stepSize: 2, display: false }, pointLabels: { color: text } } },
        plugins: { legend: { labels: { color: text } } }
      }
    });
  }
  if (document.readyState !== "loading") { draw(); } else { document.addEventListener("DOMContentLoaded", draw); }
})();
