// site.js only enhances the server-rendered pages, which work without it:
// "/" focuses the search box; the index filters as you type and can hide
// unofficial codes; copy buttons appear; the tester sends without
// reloading the page (the server renders the same result either way).
(function () {
  "use strict";
  var search = document.getElementById("q");
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (e.key === "/" && !typing && search) {
      e.preventDefault();
      search.focus();
    }
  });

  // Copy buttons: <button class="copy" data-copy="id"> copies #id's text.
  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }
  function fallbackCopy(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (err) { /* the text stays selectable */ }
    document.body.removeChild(area);
  }
  function enableCopyButtons(root) {
    root.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
      var label = b.textContent;
      b.hidden = false;
      b.addEventListener("click", function () {
        var src = document.getElementById(b.getAttribute("data-copy"));
        if (!src) { return; }
        copyText(src.textContent, function () {
          b.textContent = "Copied";
          setTimeout(function () { b.textContent = label; }, 1500);
        });
      });
    });
  }
  enableCopyButtons(document);

  // The tester: send without reloading, keep the form in the address.
  var tester = document.getElementById("tester");
  if (tester) {
    var outcome = document.getElementById("outcome");
    var sending = document.getElementById("sending");
    var button = tester.querySelector("button[type=submit]");
    var load = function (url, push) {
      sending.hidden = false;
      button.disabled = true;
      return fetch(url, { headers: { Accept: "text/html" } })
        .then(function (resp) { return resp.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("outcome");
          if (!fresh) { throw new Error("no result in the page"); }
          outcome.replaceWith(fresh);
          outcome = fresh;
          document.title = doc.title;
          if (push) { history.pushState(null, "", url); }
          enableCopyButtons(outcome);
          var heading = outcome.querySelector("h2, [role=alert]");
          if (heading) {
            heading.setAttribute("tabindex", "-1");
            heading.focus();
          }
        })
        .catch(function () { location.assign(url); })
        .then(function () {
          sending.hidden = true;
          button.disabled = false;
        });
    };
    tester.addEventListener("submit", function (e) {
      e.preventDefault();
      var params = new URLSearchParams();
      new FormData(tester).forEach(function (v, k) {
        if (v !== "" && !(k === "follow" && v === "yes")) { params.append(k, v); }
      });
      load("/tester?" + params.toString(), true);
    });
    window.addEventListener("popstate", function () { location.reload(); });
  }

  // The index: filter as you type, hide unofficial codes.
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
