// The gentle phrasing helper (C8): shows the server's "too long" message in place, and lets
// "Use this wording" copy the suggestion into the textarea it belongs to.
(function () {
  "use strict";
  if (window.mutualityPhrasing) { return; }
  window.mutualityPhrasing = true;

  // htmx leaves 4xx answers unswapped; the helper's 400 carries a message worth showing.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.closest(".gentle-helper")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-phrasing-use]");
    if (!button) { return; }
    var helper = button.closest("[data-phrasing-for]");
    var textarea = helper && document.getElementById(helper.getAttribute("data-phrasing-for"));
    if (!textarea) { return; }
    textarea.value = button.getAttribute("data-phrasing-text") || "";
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  });
})();
