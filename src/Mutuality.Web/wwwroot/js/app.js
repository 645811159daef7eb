// The installed-app pieces of every page: registers the service worker, says so plainly when something could
// not be sent because the device is offline (keeping what was typed), and asks the worker to drop its caches
// on sign-out, Quick exit and account deletion. No inline script anywhere, so the strict CSP holds.
(function () {
  "use strict";

  var OFFLINE_TEXT = "You\u2019re offline \u2014 nothing was sent. What you wrote is still here; try again when you\u2019re connected.";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* the site works without it */ });
  }

  function clearAppCaches() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "clear-caches" });
    }
  }

  function showOffline(near) {
    document.querySelectorAll(".offline-note[data-from-app]").forEach(function (old) { old.remove(); });
    var note = document.createElement("p");
    note.className = "offline-note";
    note.setAttribute("role", "status");
    note.setAttribute("data-from-app", "");
    note.textContent = OFFLINE_TEXT;
    var form = near && near.closest ? (near.closest("form") || near) : null;
    if (form && form.parentNode && form !== document.body) {
      if (form.tagName === "FORM") { form.appendChild(note); } else { form.parentNode.insertBefore(note, form.nextSibling); }
    } else {
      (document.getElementById("main") || document.body).prepend(note);
    }
  }

  // htmx: offline, the worker answers 503 with a marker header and htmx swaps nothing, so the form keeps its text.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr && xhr.getResponseHeader("X-Mutuality-Offline")) { showOffline(event.detail.elt); }
  });
  // Without a worker (first visit, or a browser without one) htmx reports a network failure instead.
  document.addEventListener("htmx:sendError", function (event) { showOffline(event.detail && event.detail.elt); });

  // A plain form sent while the browser knows it is offline would only show the browser's error page:
  // stop it here and say so, with everything typed still in place.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (navigator.onLine === false && form && form.tagName === "FORM" && !form.matches("[hx-post],[hx-put],[hx-get],[data-hx-post]")) {
      event.preventDefault();
      showOffline(form);
    }
  }, true);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var action = form && form.getAttribute ? (form.getAttribute("action") || window.location.pathname) : "";
    if (/^\/Account\/(Logout|Manage\/Delete)/i.test(action)) { clearAppCaches(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("#quick-exit")) { clearAppCaches(); }
  }, true);
  // (Escape three times reaches /Help/Exit too, whose answer carries Clear-Site-Data.)
})();
