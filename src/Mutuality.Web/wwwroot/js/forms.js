// Issue 16: forms that answer at the top. A refused form's error summary takes focus when the page loads, and each
// of its links moves focus to the field it names. Also: fields shown only when a choice needs them.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  var controls = "input:not([type=hidden]), select, textarea, button";

  // The control a summary link leads to: the element itself, the first control inside it, or the one just after an anchor.
  function controlFor(target) {
    if (target.matches(controls)) { return target; }
    var inside = target.querySelector(controls);
    if (inside) { return inside; }
    var next = target.nextElementSibling;
    while (next) {
      if (next.matches(controls)) { return next; }
      var nested = next.querySelector(controls);
      if (nested) { return nested; }
      next = next.nextElementSibling;
    }
    return target;
  }

  ready(function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) { return; }
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) { return; }
        event.preventDefault();
        var details = target.closest("details");
        if (details) { details.open = true; }
        var control = controlFor(target);
        var label = control.id ? document.querySelector("label[for='" + control.id + "']") : null;
        (control.closest("fieldset") || label || control).scrollIntoView({ block: "start" });
        control.focus({ preventScroll: true });
      });
    }

    // A field that matters for one choice only: <div data-shown-when="Input.Urgency=At">.
    document.querySelectorAll("[data-shown-when]").forEach(function (field) {
      var rule = field.getAttribute("data-shown-when").split("=");
      var form = field.closest("form");
      if (!form || rule.length !== 2) { return; }
      function update() {
        var chosen = form.querySelector("input[name='" + rule[0] + "']:checked");
        field.hidden = !(chosen && chosen.value === rule[1]);
      }
      form.addEventListener("change", update);
      update();
    });
  });
})();

// Issue 16: Copy and Share buttons on the invitation (shown only where the browser can do them).
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var status = document.querySelector("[data-copy-status]");
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      if (!navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.querySelector(button.getAttribute("data-copy"));
        navigator.clipboard.writeText(source.value || source.textContent).then(function () {
          if (status) { status.textContent = "Copied."; }
        }, function () {
          source.select();
          if (status) { status.textContent = "Select the link and copy it."; }
        });
      });
    });
    document.querySelectorAll("[data-share-url]").forEach(function (button) {
      if (!navigator.share) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: "Mutuality", text: button.getAttribute("data-share-text"), url: button.getAttribute("data-share-url") }).catch(function () { });
      });
    });
  });
})();

// Issue 16: a table wider than the screen says so — a hint above it and shaded edges — instead of hiding columns.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      var wider = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("is-scrollable", wider);
      var hint = wrap.previousElementSibling;
      var hasHint = hint && hint.classList.contains("table-scroll-hint");
      if (wider && !hasHint) {
        hint = document.createElement("p");
        hint.className = "table-scroll-hint";
        hint.textContent = "This table is wider than your screen: swipe it sideways to see every column.";
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!wider && hasHint) {
        hint.remove();
      }
    });
  }
  if (document.readyState !== "loading") { mark(); } else { document.addEventListener("DOMContentLoaded", mark); }
  window.addEventListener("resize", mark);
})();
