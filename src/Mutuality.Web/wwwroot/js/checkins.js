// Check-ins: show autosave problems (no inline script). The understanding chart is drawn by charts.js.
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
})();
