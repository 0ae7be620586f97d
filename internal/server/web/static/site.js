// site.js only enhances the server-rendered pages: "/" focuses the search
// box, the index filters as you type and can hide unofficial codes.
(function () {
  "use strict";
  var search = document.getElementById("q");
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing && search) {
      e.preventDefault();
      search.focus();
    }
  });
  var rows = document.querySelectorAll(".class-group .code-row");
  if (!rows.length || !search) {
    return;
  }
  var none = document.getElementById("no-match");
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search").toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { shown++; }
    });
    document.querySelectorAll(".class-group").forEach(function (g) {
      g.hidden = !g.querySelector(".code-row:not([hidden])");
    });
    if (none) { none.hidden = shown > 0; }
  }
  search.addEventListener("input", filter);
  var toggle = document.getElementById("show-unofficial");
  if (toggle) {
    toggle.addEventListener("change", function () {
      document.body.classList.toggle("hide-unofficial", !toggle.checked);
    });
  }
})();
