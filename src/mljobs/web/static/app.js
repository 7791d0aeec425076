// Small progressive enhancement: changing a sort/period menu submits its form.
// The pages work without JavaScript; every state is in the URL.
(function () {
  "use strict";
  document.querySelectorAll("form.searchbar select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
