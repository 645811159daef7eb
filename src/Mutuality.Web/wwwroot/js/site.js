// Mutuality's own script: small, no inline handlers, so a strict Content-Security-Policy holds.
(function () {
  "use strict";

  // Every htmx request carries the antiforgery token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    if (meta) {
      event.detail.headers["RequestVerificationToken"] = meta.getAttribute("content");
    }
  });

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    // Default a time-zone select to the browser's own zone, unless the person already chose one.
    document.querySelectorAll("select[data-browser-timezone]").forEach(function (select) {
      if (select.getAttribute("data-browser-timezone") !== "default") { return; }
      try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
          for (var i = 0; i < select.options.length; i++) {
            if (select.options[i].value === zone) { select.value = zone; break; }
          }
        }
      } catch (e) { /* keep the server's default */ }
    });

    document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });

    // Quick exit: the link leaves at once and replaces this page in the history;
    // pressing Escape three times in a row does the same.
    var exit = document.getElementById("quick-exit");
    if (exit) {
      exit.addEventListener("click", function (event) {
        event.preventDefault();
        window.location.replace(exit.href);
      });
      var presses = 0, timer = null;
      document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        presses += 1;
        clearTimeout(timer);
        timer = setTimeout(function () { presses = 0; }, 1200);
        if (presses >= 3) { window.location.replace(exit.href); }
      });
    }

    // The main menu's "More": open and inline on a wider screen; on a phone a drop-down that closes when
    // someone taps elsewhere or presses Escape.
    var more = document.getElementById("nav-more");
    if (more && window.matchMedia) {
      var wide = window.matchMedia("(min-width: 48rem)");
      var fit = function () {
        if (wide.matches) { more.setAttribute("data-inline", ""); more.open = true; }
        else { more.removeAttribute("data-inline"); more.open = false; }
      };
      fit();
      if (wide.addEventListener) { wide.addEventListener("change", fit); }
      document.addEventListener("click", function (event) {
        if (more.open && !wide.matches && !more.contains(event.target)) { more.open = false; }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && more.open && !wide.matches) {
          more.open = false;
          more.querySelector("summary").focus();
        }
      });
    }

    // Buttons that ask for confirmation (data-confirm="question").
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
