// The book's page script: maths, the phone sidebar, copy buttons, scroll hints and search.
// Plain ES5-style code: it runs from file:// with no build step.
(function () {
  "use strict";

  // Maths: every span the parser left, typeset by KaTeX when it loaded (bad TeX shows in red).
  window.workbookTypeset = function (root) {
    if (!window.katex) return;
    (root || document).querySelectorAll("span.math").forEach(function (el) {
      if (el.dataset.typeset) return;
      katex.render(el.textContent, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
      el.dataset.typeset = "1";
    });
    document.documentElement.classList.add("math-typeset");
  };

  // Code: a copy button on every source block, and a fade on blocks that scroll sideways.
  window.workbookDecorate = function (root) {
    (root || document).querySelectorAll("pre.source").forEach(function (pre) {
      if (pre.parentNode.classList.contains("source-wrap")) return;
      var wrap = document.createElement("div");
      wrap.className = "source-wrap";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      button.addEventListener("click", function () {
        var text = pre.innerText;
        var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done);
        else {
          var area = document.createElement("textarea");
          area.value = text; document.body.appendChild(area); area.select();
          try { document.execCommand("copy"); done(); } catch (e) {}
          document.body.removeChild(area);
        }
      });
      wrap.appendChild(button);
    });
    (root || document).querySelectorAll("pre").forEach(function (pre) {
      pre.classList.toggle("scrolls", pre.scrollWidth > pre.clientWidth + 1);
    });
  };

  // The sidebar on a phone: the top bar's button opens it; Escape or a link closes it.
  var toggle = document.querySelector(".sidebar-toggle");
  var sidebar = document.getElementById("sidebar");
  function setOpen(open) {
    if (!sidebar || !toggle) return;
    sidebar.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { var current = sidebar.querySelector("[aria-current]") || sidebar.querySelector("a"); if (current) current.focus(); }
  }
  if (toggle) toggle.addEventListener("click", function () { setOpen(!sidebar.classList.contains("open")); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && sidebar && sidebar.classList.contains("open")) { setOpen(false); toggle.focus(); }
  });
  if (sidebar) sidebar.addEventListener("click", function (event) { if (event.target.closest("a")) setOpen(false); });

  // Search: the build's inverted index (assets/search-index.js). Every word typed must appear
  // in a section; the last one may be the start of a word.
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  function words(text) { return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || []); }
  function search(query) {
    var index = window.WORKBOOK_SEARCH;
    var terms = words(query);
    if (!index || terms.length === 0) return null;
    var hits = null;
    terms.forEach(function (term, position) {
      var found = {};
      var prefix = position === terms.length - 1;
      Object.keys(index.terms).forEach(function (word) {
        if (word === term || (prefix && word.lastIndexOf(term, 0) === 0)) index.terms[word].forEach(function (d) { found[d] = true; });
      });
      hits = hits === null ? found : Object.keys(hits).reduce(function (both, d) { if (found[d]) both[d] = true; return both; }, {});
    });
    return Object.keys(hits).map(Number).sort(function (a, b) { return a - b; }).slice(0, 20)
      .map(function (d) { return index.docs[d]; });
  }
  function show(list) {
    results.textContent = "";
    if (list === null) { results.hidden = true; return; }
    results.hidden = false;
    if (list.length === 0) {
      var none = document.createElement("p"); none.className = "none"; none.textContent = "No section matches.";
      results.appendChild(none); return;
    }
    var ol = document.createElement("ol");
    list.forEach(function (doc) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = doc.href;
      var section = document.createElement("span"); section.className = "hit-section"; section.textContent = doc.section;
      var chapter = document.createElement("span"); chapter.className = "hit-chapter"; chapter.textContent = doc.chapter;
      var preview = document.createElement("span"); preview.className = "hit-preview"; preview.textContent = doc.preview;
      a.appendChild(section); a.appendChild(chapter); a.appendChild(preview);
      li.appendChild(a); ol.appendChild(li);
    });
    results.appendChild(ol);
  }
  if (input && results) {
    input.addEventListener("input", function () { show(search(input.value)); });
    input.addEventListener("keydown", function (event) {
      var first = results.querySelector("a");
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
      if (event.key === "Enter" && first) { event.preventDefault(); first.click(); }
      if (event.key === "Escape") { input.value = ""; show(null); }
    });
    results.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { show(null); input.focus(); }
    });
    document.addEventListener("click", function (event) { if (!event.target.closest(".search")) show(null); });
  }

  window.workbookTypeset();
  window.workbookDecorate();
})();
