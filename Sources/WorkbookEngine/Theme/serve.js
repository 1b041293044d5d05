// `workbook serve`'s page script (only in pages the server renders): live reload that keeps
// the scroll position, the "running cell N of M" line, the FILE:LINE error banner, and
// exercises edited in the page with CodeMirror, saved into the .md and checked.
(function () {
  "use strict";
  var page = decodeURIComponent(location.pathname.replace(/^\/+/, "")) || "index.html";
  // The version of the chapter file this page was built from (empty on the index).
  var version = (document.currentScript && document.currentScript.dataset.version) || "";

  // Where the reader was, kept across the reload.
  var scrollKey = "workbook-scroll:" + page;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) { sessionStorage.removeItem(scrollKey); window.scrollTo(0, Number(saved)); }
  function reload() { sessionStorage.setItem(scrollKey, String(window.scrollY)); location.reload(); }

  var bar = document.createElement("div");
  bar.className = "serve-status";
  bar.setAttribute("role", "status");
  bar.hidden = true;
  document.body.appendChild(bar);
  function status(text, bad) { bar.hidden = !text; bar.textContent = text || ""; bar.classList.toggle("bad", !!bad); }

  function state() {
    return fetch("/_serve/state?page=" + encodeURIComponent(page)).then(function (r) { return r.json(); }).then(function (s) {
      if (s.error) status(s.error, true);
      // Built again while this page was loading or offline: catch up.
      else if (version && s.version && s.version !== version && !dirty()) reload();
      return s;
    });
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_serve/live");
    socket.onopen = function () { state(); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "running") status("Running cell " + message.cell + " of " + message.cells + " (" + message.page + ")…");
      if (message.type === "error") status(message.message, true);
      if (message.type === "ok" && bar.classList.contains("bad")) status("");
      if (message.type === "reload") {
        if (message.pages.indexOf(page) >= 0 && !dirty()) reload();
        else if (message.pages.indexOf(page) >= 0) status("This chapter changed on disk. Save or reload to see it.", true);
        else if (!bar.classList.contains("bad")) status("");
      }
    };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }

  // Exercises: CodeMirror in place of the source block, with Save, Run and Check.
  var editors = [];
  function dirty() { return editors.some(function (e) { return e.editor.getValue() !== e.saved; }); }
  function post(url, cell, editor) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ page: page, id: cell.dataset.exercise, code: editor.getValue(), version: version }) })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); });
  }
  document.querySelectorAll("section.cell-exercise[data-exercise]").forEach(function (cell) {
    var pre = cell.querySelector("pre.source");
    if (!pre || !window.CodeMirror) return;
    var code = pre.innerText.replace(/\n$/, "");
    var holder = document.createElement("div");
    holder.className = "exercise-editor";
    (pre.closest(".source-wrap") || pre).replaceWith(holder);
    var editor = CodeMirror(holder, { value: code, mode: "swift", lineNumbers: true, indentUnit: 4,
      viewportMargin: Infinity, extraKeys: { "Ctrl-S": function () { act("save"); }, "Ctrl-Enter": function () { act("check"); },
        Tab: false, "Shift-Tab": false } });
    editor.getInputField().setAttribute("aria-label", "Exercise " + cell.dataset.exercise + " code");
    var entry = { editor: editor, saved: code };
    editors.push(entry);
    var tools = document.createElement("div");
    tools.className = "exercise-tools";
    var message = document.createElement("span");
    message.className = "exercise-message";
    message.setAttribute("role", "status");
    function button(label, action) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = label; b.className = "exercise-" + action;
      b.addEventListener("click", function () { act(action); });
      tools.appendChild(b);
    }
    button("Save", "save"); button("Run", "run"); button("Check", "check");
    tools.appendChild(message);
    holder.after(tools);
    function act(action) {
      message.textContent = action === "save" ? "Saving…" : "Saving and running the chapter…";
      post(action === "save" ? "/_serve/save" : "/_serve/check", cell, editor).then(function (answer) {
        if (answer.status === 409) {
          message.textContent = "";
          var again = document.createElement("button");
          again.type = "button"; again.textContent = "Reload";
          again.addEventListener("click", reload);
          message.append("The file changed on disk since this page loaded; nothing was saved. ", again);
          return;
        }
        if (answer.body.error) { message.textContent = answer.body.error; return; }
        version = answer.body.version;
        entry.saved = editor.getValue();
        if (action === "save") { message.textContent = "Saved."; return; }
        sessionStorage.setItem("workbook-focus", cell.id);
        reload();
      });
    }
  });
  var focus = sessionStorage.getItem("workbook-focus");
  if (focus) { sessionStorage.removeItem("workbook-focus"); var back = document.getElementById(focus); if (back) back.scrollIntoView({ block: "center" }); }
  window.addEventListener("beforeunload", function (event) { if (dirty()) { event.preventDefault(); event.returnValue = ""; } });

  connect();
})();
