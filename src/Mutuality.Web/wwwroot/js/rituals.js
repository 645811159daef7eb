// Rituals: the break timer. The end time is rendered by the server, so the page works without this script;
// with it, a countdown shows how long is left.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function start(el) {
    var end = Date.parse(el.getAttribute("data-countdown-until"));
    if (isNaN(end)) { return; }
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      el.textContent = left > 0
        ? pad(Math.floor(left / 60)) + ":" + pad(left % 60) + " left"
        : "The break is over. Come back together when you're both ready.";
      if (left > 0) { window.setTimeout(tick, 1000); }
    }
    tick();
  }

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    document.querySelectorAll("[data-countdown-until]").forEach(start);
  });
})();

