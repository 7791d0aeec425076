// Small progressive enhancement: picking a sort/period with the mouse submits its form.
// The pages work without JavaScript; every state is in the URL. A change made with the
// keyboard does not submit: arrow keys step through the options (each step is a "change"
// in Chromium), and reloading on each would take the choice away; the form's button submits.
(function () {
  "use strict";
  document.querySelectorAll("form.searchbar select").forEach(function (select) {
    var keyed = false;
    select.addEventListener("keydown", function () { keyed = true; });
    select.addEventListener("pointerdown", function () { keyed = false; });
    select.addEventListener("change", function () { if (!keyed) { select.form.submit(); } });
  });
})();
