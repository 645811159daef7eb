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
  // While our storage is away a post answers 503 ("nothing you sent was saved"). So nothing typed is lost, a form's
  // words are kept in this tab just while it is sent; when the person comes back from that page they are put back.
  // Passwords are never kept, and the copy is dropped at the next page either way.
  var UNSENT = "mutuality:unsent", GIVE_BACK = "mutuality:give-back";
  function storage() { try { return window.sessionStorage; } catch (e) { return null; } }
  function keepable(field) {
    return field.name && !field.disabled && field.type !== "password" && field.type !== "hidden" && field.type !== "file"
      && field.type !== "submit" && field.type !== "button";
  }
  document.addEventListener("submit", function (event) {
    var form = event.target, store = storage();
    if (!store || event.defaultPrevented || !form.method || form.method.toLowerCase() !== "post") { return; }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!keepable(field)) { return; }
      if ((field.type === "checkbox" || field.type === "radio") && !field.checked) { return; }
      fields.push([field.name, field.value, field.type]);
    });
    try { store.setItem(UNSENT, JSON.stringify({ path: location.pathname + location.search, action: form.action, fields: fields })); } catch (e) { /* full */ }
  });
  function giveBack() {
    var store = storage();
    if (!store) { return; }
    var unsent = null;
    try { unsent = JSON.parse(store.getItem(UNSENT) || "null"); } catch (e) { unsent = null; }
    var wanted = store.getItem(GIVE_BACK) === "1";
    store.removeItem(UNSENT);
    store.removeItem(GIVE_BACK);
    if (!wanted || !unsent || unsent.path !== location.pathname + location.search) { return; }
    var form = Array.prototype.find.call(document.forms, function (f) { return f.action === unsent.action; });
    if (!form) { return; }
    unsent.fields.forEach(function (entry) {
      var name = entry[0], value = entry[1], type = entry[2];
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name !== name || !keepable(field)) { return; }
        if (type === "checkbox" || type === "radio") { field.checked = field.value === value; }
        else if (!field.value || field.tagName === "SELECT") { field.value = value; }
      });
    });
    var note = document.createElement("p");
    note.className = "status unsent-note";
    note.setAttribute("role", "status");
    note.textContent = "What you typed is back. Send it again when you're ready.";
    form.insertBefore(note, form.firstChild);
  }
  ready(giveBack);
  window.addEventListener("pageshow", function (event) { if (event.persisted) { giveBack(); } });

  // An htmx request that finds our storage away: say so next to where the answer would have gone; the page stays.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (!xhr || xhr.status !== 503) { return; }
    var text = "We can't reach our storage right now. Nothing you sent was saved. Please try again in a moment.";
    var note = document.getElementById("storage-away") || document.createElement("p");
    note.id = "storage-away";
    note.className = "offline-note";
    note.setAttribute("role", "alert");
    note.textContent = text;
    var main = document.getElementById("main");
    if (main && !note.parentNode) { main.insertBefore(note, main.firstChild); }
  });
})();
