// `workbook serve`'s page script (only in pages the server renders): the page kept current in
// place (the changed parts of the chapter swapped in, scroll and editors kept), the "running
// cell N of M" line, the FILE:LINE error banner, and exercises edited in the page with
// CodeMirror: Save writes the block into the .md; Run shows the cells' outputs; Check shows
// ✓/✗ per check beside the cell, the exercise's points and the chapter's total.
(function () {
  "use strict";
  var page = decodeURIComponent(location.pathname.replace(/^\/+/, "")) || "index.html";
  // The version of the chapter file this page was built from (empty on the index).
  var version = (document.currentScript && document.currentScript.dataset.version) || "";
  var article = document.querySelector("article.page-body");
  var sidebar = document.getElementById("sidebar");
  // The server's build number this page shows, and the page's HTML as served (before KaTeX and
  // the editors changed it), to tell which parts a new build changed.
  var shownBuild = -1, session = null, served = null, servedSidebar = null;
  var exercises = [], editors = [], busy = false, activeMessage = null;

  var bar = document.createElement("div");
  bar.className = "serve-status";
  bar.setAttribute("role", "status");
  bar.hidden = true;
  document.body.appendChild(bar);
  function status(text, bad) { bar.hidden = !text; bar.textContent = text || ""; bar.classList.toggle("bad", !!bad); }

  function fetchPage() {
    return fetch(location.pathname, { cache: "no-store" }).then(function (r) { return r.text(); })
      .then(function (text) { return new DOMParser().parseFromString(text, "text/html"); });
  }
  function children(doc) {
    var body = doc.querySelector("article.page-body");
    return body ? Array.prototype.slice.call(body.children) : [];
  }
  function remember(doc) {
    var script = doc.querySelector("script[data-version]");
    // Rebuilt between loading and this fetch: start again from the new page.
    if (script && script.dataset.version !== version) { location.reload(); return; }
    served = children(doc).map(function (n) { return n.outerHTML; });
    var side = doc.getElementById("sidebar");
    servedSidebar = side ? side.innerHTML : null;
  }

  // Swaps in what a new build changed. mode "run": every cell's outputs but the checks' (their
  // verdicts wait for Check); "all": everything. A section holding an editor keeps it.
  function patch(doc, mode) {
    if (!article || !served) { location.reload(); return; }
    var fresh = children(doc), now = fresh.map(function (n) { return n.outerHTML; });
    var old = Array.prototype.slice.call(article.children);
    var first = 0, last = 0;
    while (first < old.length && first < fresh.length && served[first] === now[first]) first++;
    while (last < old.length - first && last < fresh.length - first
           && served[old.length - 1 - last] === now[fresh.length - 1 - last]) last++;
    var byId = {};
    old.slice(first, old.length - last).forEach(function (node, i) { if (node.id) byId[node.id] = { node: node, raw: served[first + i] }; });
    var placed = [], raws = [], added = [];
    fresh.slice(first, fresh.length - last).forEach(function (node, i) {
      var before = node.id && byId[node.id], raw = now[first + i];
      if (before && mode === "run" && before.node.classList.contains("cell-check")) {
        placed.push(before.node); raws.push(before.raw); delete byId[node.id]; return;
      }
      var incoming = document.importNode(node, true);
      if (before) {
        var holder = before.node.querySelector(".exercise-editor");
        var source = incoming.querySelector("pre.source");
        if (holder && source) {
          var entry = editorFor(holder);
          var code = source.textContent.replace(/\n$/, "");
          // Changed on disk and not edited here: show the file's code.
          if (entry && entry.editor.getValue() === entry.saved && code !== entry.saved) { entry.editor.setValue(code); entry.saved = code; }
          source.replaceWith(holder);
          var tools = before.node.querySelector(".exercise-tools");
          if (tools) holder.after(tools);
        }
        delete byId[node.id];
      }
      placed.push(incoming); raws.push(raw); added.push(incoming);
    });
    old.slice(first, old.length - last).forEach(function (node) { if (placed.indexOf(node) < 0) node.remove(); });
    var anchor = old[old.length - last] || null;
    placed.forEach(function (node) { article.insertBefore(node, anchor); });
    served = served.slice(0, first).concat(raws, served.slice(old.length - last));
    added.forEach(function (node) {
      if (window.workbookTypeset) window.workbookTypeset(node);
      if (window.workbookDecorate) window.workbookDecorate(node);
    });
    editors.forEach(function (e) { if (document.contains(e.holder)) e.editor.refresh(); });
    var side = doc.getElementById("sidebar");
    if (sidebar && side && side.innerHTML !== servedSidebar) { sidebar.innerHTML = side.innerHTML; servedSidebar = side.innerHTML; }
    if (doc.title && doc.title !== document.title) document.title = doc.title;
    attachEditors();
    score();
  }

  // Is this build one the page has not shown? (A restarted server counts from 1 again.)
  function unseen(from, build) { return from !== session || build > shownBuild; }
  function update(from, build, mode) {
    return fetchPage().then(function (doc) {
      if (from !== session) { session = from; shownBuild = -1; }
      shownBuild = Math.max(shownBuild, build);
      patch(doc, mode);
    });
  }

  function state() {
    return fetch("/_serve/state?page=" + encodeURIComponent(page)).then(function (r) { return r.json(); }).then(function (s) {
      if (s.error) status(s.error, true);
      exercises = s.exercises || [];
      // Built again while this page was loading or offline: catch up.
      if (session === null) { session = s.session; shownBuild = s.build; }
      else if (unseen(s.session, s.build) && !busy) update(s.session, s.build, "all");
      attachEditors();
      score();
      return s;
    });
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_serve/live");
    socket.onopen = function () { state(); };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "running") {
        var text = "Running cell " + message.cell + " of " + message.cells + " (" + message.page + ")…";
        status(text);
        if (activeMessage && message.page === page) activeMessage.textContent = text;
      }
      if (message.type === "error") status(message.message, true);
      if (message.type === "ok" && bar.classList.contains("bad")) status("");
      if (message.type === "reload") {
        if (!bar.classList.contains("bad")) status("");
        // A Run or Check in this page patches it itself, with what that button shows.
        if (message.pages.indexOf(page) < 0 || busy || !unseen(message.session, message.build)) return;
        // Unsaved edits: keep the version they were made against, so Save refuses to overwrite.
        if (!dirty() && message.versions && message.versions[page]) version = message.versions[page];
        update(message.session, message.build, "all");
      }
    };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }

  // Exercises: CodeMirror in place of the source block. The student's block in the student
  // edition; in the instructor's, the solution (Save, Run, Check) and the starting code (Save).
  function dirty() { return editors.some(function (e) { return e.editor.getValue() !== e.saved; }); }
  function editorFor(holder) { return editors.filter(function (e) { return e.holder === holder; })[0]; }
  function post(action, entry) {
    return fetch("/_serve/" + action, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ page: page, id: entry.exercise.id, block: entry.block, code: entry.editor.getValue(), version: version }) })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); });
  }

  function attachEditors() {
    if (!window.CodeMirror) return;
    exercises.forEach(function (exercise) {
      if (exercise.editable === "solution") {
        attach(exercise, exercise.solutionCell, "solution", ["save", "run", "check"]);
        attach(exercise, exercise.exerciseCell, "exercise", ["save"]);
      } else {
        attach(exercise, exercise.exerciseCell, "exercise", ["save", "run", "check"]);
      }
    });
  }

  function attach(exercise, cellId, block, actions) {
    var cell = document.getElementById(cellId);
    if (!cell || cell.querySelector(".exercise-editor")) return;
    var pre = cell.querySelector("pre.source");
    if (!pre) return;
    var code = pre.textContent.replace(/\n$/, "");
    var holder = document.createElement("div");
    holder.className = "exercise-editor";
    (pre.closest(".source-wrap") || pre).replaceWith(holder);
    var entry = { exercise: exercise, block: block, holder: holder, saved: code, cell: cell };
    var editor = CodeMirror(holder, { value: code, mode: "swift", lineNumbers: true, indentUnit: 4,
      viewportMargin: Infinity, extraKeys: { "Ctrl-S": function () { act("save"); },
        "Shift-Enter": function () { if (actions.indexOf("run") >= 0) act("run"); },
        "Ctrl-Enter": function () { if (actions.indexOf("check") >= 0) act("check"); },
        Tab: false, "Shift-Tab": false } });
    entry.editor = editor;
    editor.getInputField().setAttribute("aria-label", (block === "solution" ? "Solution " : "Exercise ") + exercise.id
      + (block === "exercise" && actions.length === 1 ? " starting code" : " code"));
    editors.push(entry);
    var tools = document.createElement("div");
    tools.className = "exercise-tools";
    var message = document.createElement("span");
    message.className = "exercise-message";
    message.setAttribute("role", "status");
    var verdict = document.createElement("span");
    verdict.className = "exercise-verdict";
    actions.forEach(function (action) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "exercise-" + action;
      b.textContent = { save: "Save", run: "Run", check: "Check" }[action];
      b.title = { save: "Write this block into the chapter file (Ctrl-S)",
                  run: "Save, run the chapter and show the cells' outputs (Shift-Enter)",
                  check: "Save, run the chapter and show each check's ✓/✗ and the points (Ctrl-Enter)" }[action];
      b.addEventListener("click", function () { act(action); });
      tools.appendChild(b);
    });
    if (actions.indexOf("check") >= 0) { tools.appendChild(verdict); entry.verdict = verdict; }
    tools.appendChild(message);
    holder.after(tools);

    function act(action) {
      if (busy) { message.textContent = "Still running; wait for it to finish."; return; }
      busy = true;
      if (entry.verdict && action !== "save") { entry.verdict.textContent = ""; entry.verdict.className = "exercise-verdict"; }
      activeMessage = action === "save" ? null : message;
      message.textContent = action === "save" ? "Saving…" : "Saving and running the chapter…";
      post(action, entry).then(function (answer) {
        if (answer.status === 409) {
          message.textContent = "";
          var again = document.createElement("button");
          again.type = "button"; again.textContent = "Reload";
          again.addEventListener("click", function () { location.reload(); });
          message.append("The file changed on disk since this page loaded; nothing was saved. ", again);
          return;
        }
        if (answer.body.error && !answer.body.version) { message.textContent = answer.body.error; return; }
        version = answer.body.version;
        entry.saved = editor.getValue();
        if (action === "save") { message.textContent = "Saved."; return; }
        if (answer.body.error) { message.textContent = answer.body.error; return; }
        return update(answer.body.session, answer.body.build, action === "run" ? "run" : "all").then(function () {
          var mine = editorFor(holder) || entry;
          if (action === "check") { message.textContent = ""; showVerdict(mine); }
          else message.textContent = "Ran. Outputs updated; Check shows the verdicts.";
        });
      }).catch(function (error) { message.textContent = "The server did not answer: " + error; })
        .then(function () { busy = false; activeMessage = null; });
    }
  }

  // Points from the page's check verdicts and the server's points per check (the grader's).
  function grade(exercise) {
    var checks = exercise.checks.map(function (check) {
      var cell = document.getElementById(check.cell);
      var passed = !!(cell && cell.querySelector(".check-result.tone-good"));
      var ran = !!(cell && cell.querySelector(".check-result"));
      return { passed: passed, ran: ran, points: check.points };
    });
    var points = checks.reduce(function (sum, c) { return sum + (c.passed ? c.points : 0); }, 0);
    return { checks: checks, points: points, max: exercise.maxPoints,
             passed: checks.filter(function (c) { return c.passed; }).length };
  }
  function number(x) { return String(Math.round(x * 100) / 100); }
  function showVerdict(entry) {
    if (!entry.verdict) return;
    var g = grade(entry.exercise), all = g.passed === g.checks.length;
    entry.verdict.className = "exercise-verdict tone-" + (all ? "good" : "bad");
    entry.verdict.textContent = (all ? "✓ " : "✗ ") + g.passed + " of " + g.checks.length + " checks passed · "
      + number(g.points) + " / " + number(g.max) + " points";
  }
  function score() {
    if (!article || !exercises.length) return;
    var total = document.querySelector(".serve-points");
    if (!total) {
      total = document.createElement("p");
      total.className = "serve-points";
      total.setAttribute("role", "status");
      article.before(total);
    }
    var points = 0, max = 0, done = 0;
    exercises.forEach(function (exercise) {
      var g = grade(exercise);
      points += g.points; max += g.max; if (g.passed === g.checks.length) done++;
    });
    total.textContent = "Points on this page: " + number(points) + " / " + number(max) + " (" + done + " of "
      + exercises.length + " exercises passed)";
    editors.forEach(function (e) { if (e.verdict && e.verdict.textContent) showVerdict(e); });
  }

  window.addEventListener("beforeunload", function (event) { if (dirty()) { event.preventDefault(); event.returnValue = ""; } });
  // The page as served, to diff the next build against; then the live channel.
  fetchPage().then(remember).then(connect, connect);
})();
