// The "we can't reach our storage" page: offers going back to the form, where site.js puts back what was typed.
(function () {
  "use strict";
  try { sessionStorage.setItem("mutuality:give-back", "1"); } catch (e) { /* storage off: the browser's own back may keep it */ }
  document.addEventListener("DOMContentLoaded", function () {
    var back = document.getElementById("go-back");
    if (back && window.history.length > 1) {
      back.hidden = false;
      back.addEventListener("click", function () { window.history.back(); });
    }
  });
})();
