// The couple feed, live: a server-sent event says "something changed" with the unread count only;
// the feed page then fetches its own list. No inline scripts, so the strict CSP holds.
// Why a plain EventSource and not htmx's SSE extension (ADR 0008; vendored once and no longer): the badge is on
// every page and shows a number, not HTML, and the installed app's icon shows the same number (Badging API); the
// first event after each (re)connect only reports the count while later ones mean "refresh the list". The extension
// swaps HTML into the page on named events, so all three would need script around it anyway; forty lines here do it.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  // The installed app's icon shows the same unread count, where the Badging API exists (issue 15).
  function setAppBadge(count) {
    if (!("setAppBadge" in navigator)) { return; }
    var done = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge();
    if (done && done.catch) { done.catch(function () { /* not installed, or not allowed: nothing to show */ }); }
  }

  function setBadge(badge, count) {
    setAppBadge(count);
    var number = badge.firstChild;
    // The server stops counting just past what the badge shows (data-shown-up-to): more reads "99+", as rendered.
    var upTo = parseInt(badge.getAttribute("data-shown-up-to"), 10);
    if (number && number.nodeType === Node.TEXT_NODE) { number.nodeValue = count > upTo ? upTo + "+" : String(count); }
    badge.hidden = count <= 0;
  }

  ready(function () {
    var badge = document.getElementById("feed-unread");
    if (badge) { setAppBadge(badge.hidden ? 0 : parseInt(badge.textContent, 10) || 0); }
    if (!badge || !window.EventSource) { return; }
    var list = document.getElementById("feed-items");
    var refreshing = false;

    function refreshList() {
      if (!list || refreshing) { return; }
      refreshing = true;
      fetch(list.getAttribute("data-refresh-url"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) {
            var doc = new DOMParser().parseFromString(html, "text/html");
            list.replaceChildren.apply(list, Array.prototype.slice.call(doc.body.childNodes));
            setBadge(badge, 0);
          }
        })
        .catch(function () { /* try again on the next event */ })
        .then(function () { refreshing = false; });
    }

    // The first event on (re)connecting only reports the count; every later one means "something changed".
    var first = true;
    var source = new EventSource(badge.getAttribute("data-feed-stream"));
    source.addEventListener("feed", function (event) {
      var count = parseInt(event.data, 10) || 0;
      if (list && (!first || count > 0)) {
        refreshList();
      } else {
        setBadge(badge, count);
      }
      first = false;
    });
    source.addEventListener("error", function () { first = true; });
    window.addEventListener("pagehide", function () { source.close(); });
  });
})();
