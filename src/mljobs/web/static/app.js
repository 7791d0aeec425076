// Small progressive enhancements of the search and dashboard forms. The pages work without
// JavaScript; every state is in the URL.
(function () {
  "use strict";
  // A field left empty (no minimum salary, no trend skills, "any time", "best match") is
  // left out of the URL the form makes: it put "salary_min=&" into every search. The server
  // reads an empty field as no field, so URLs that hold one (bookmarks, no-script) still
  // work. "formdata" fires for the button, the Enter key and form.submit() alike.
  document.querySelectorAll("form.searchbar").forEach(function (form) {
    form.addEventListener("formdata", function (event) {
      var data = event.formData;
      var kept = [];
      data.forEach(function (value, name) {
        if (typeof value !== "string" || value.trim() !== "") { kept.push([name, value]); }
      });
      Array.from(new Set(Array.from(data.keys()))).forEach(function (name) { data.delete(name); });
      kept.forEach(function (pair) { data.append(pair[0], pair[1]); });
    });
  });
  // Picking a sort/period with the mouse submits its form. A change made with the keyboard
  // does not submit: arrow keys step through the options (each step is a "change" in
  // Chromium), and reloading on each would take the choice away; the form's button submits.
  document.querySelectorAll("form.searchbar select").forEach(function (select) {
    var keyed = false;
    select.addEventListener("keydown", function () { keyed = true; });
    select.addEventListener("pointerdown", function () { keyed = false; });
    select.addEventListener("change", function () { if (!keyed) { select.form.submit(); } });
  });
})();
