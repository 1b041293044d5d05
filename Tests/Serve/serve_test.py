#!/usr/bin/env python3
"""`workbook serve` from the outside, without a browser (Python's standard library only).

    python3 Tests/Serve/serve_test.py .build/release/workbook

Bad input and what a `--student` server hands out, on a one-chapter course in a temporary
folder whose exercise has a solution and a hidden check, each holding a marker string:
  1. a missing folder: exit 2 and one `error:` line naming it;
  2. a port in use: exit 2 and an error naming the port, before any chapter is built;
  3. a `--student` server over the instructor's chapters: every file of its site, every page's
     state, the live channel's first message and the POST routes (a solution block included)
     never carry the solution's or the hidden check's text;
  4. a chapter that stops parsing while served: the state (what the page shows) says
     `FILE:LINE: error: …`, and recovers when the file is fixed;
  5. the instructor edition: Check on the solution block writes that block only and reports
     the exercise's points.
"""
import base64, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request
sys.stdout.reconfigure(line_buffering=True)

SOLUTION_MARK = "solutionMarker7f3a"
HIDDEN_MARK = "hiddenMarker9c2e"

CHAPTER = """# Served

Some prose.

```swift exercise id=double
func double(_ x: Int) -> Int {
    return 0
}
```

```swift solution id=double
func double(_ x: Int) -> Int {
    let %s = x + x
    return %s
}
```

```swift check id=double points=2
expectEqual(double(2), 4)
```

```swift check hidden id=double points=1
let %s = double(5)
expectEqual(%s, 10)
```
""" % (SOLUTION_MARK, SOLUTION_MARK, HIDDEN_MARK, HIDDEN_MARK)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def course_folder():
    folder = tempfile.mkdtemp(prefix="wb-serve-test-")
    os.makedirs(os.path.join(folder, "Chapters"))
    with open(os.path.join(folder, "Chapters", "01-served.md"), "w", encoding="utf-8") as f:
        f.write(CHAPTER)
    return folder


def start(workbook, arguments, timeout=600):
    """Starts `workbook serve ARGUMENTS` and waits for its "Serving" line."""
    server = subprocess.Popen([workbook, "serve"] + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    deadline = time.time() + timeout
    line = ""
    while time.time() < deadline and "Serving" not in line:
        line = server.stdout.readline()
        if not line and server.poll() is not None:
            raise AssertionError("serve exited with %s: %s" % (server.returncode, server.stderr.read()))
    assert "Serving" in line, "serve did not start"
    return server


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=600) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def first_live_message(port):
    """The WebSocket handshake by hand, then the first text frame the server sends."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall(("GET /_serve/live HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                   % (port, key)).encode())
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(4096)
        head, rest = data.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head
        while len(rest) < 2:
            rest += s.recv(4096)
        length, start = rest[1] & 0x7F, 2
        if length == 126:
            while len(rest) < 4:
                rest += s.recv(4096)
            length, start = int.from_bytes(rest[2:4], "big"), 4
        while len(rest) < start + length:
            rest += s.recv(4096)
        return rest[start:start + length].decode("utf-8")


def wait_for(what, condition, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def test_missing_folder(workbook):
    folder = tempfile.mkdtemp(prefix="wb-serve-test-")
    try:
        result = subprocess.run([workbook, "serve", "--port", str(free_port()), "Nope/"], cwd=folder,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert result.stderr.startswith("error: Nope") and "no such file or directory" in result.stderr, result.stderr
        assert not os.path.exists(os.path.join(folder, "Output")), "nothing is written for bad input"
        print("ok: a missing folder exits 2 with one error line")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_port_in_use(workbook):
    folder = course_folder()
    try:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen(1)
            port = taken.getsockname()[1]
            result = subprocess.run([workbook, "serve", "--port", str(port), os.path.join(folder, "Chapters")],
                                    capture_output=True, text=True, timeout=600)
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert "error: port %d is in use" % port in result.stderr and "--port" in result.stderr, result.stderr
        built = os.path.join(folder, "Output", ".serve", "01-served.html")
        assert not os.path.exists(built), "the port is tried before any chapter is built or run"
        print("ok: a port in use exits 2, names the port, and builds nothing")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_student_server_hands_out_no_solution(workbook):
    folder = course_folder()
    port = free_port()
    server = start(workbook, ["--student", "--port", str(port), os.path.join(folder, "Chapters")])
    base = "http://127.0.0.1:%d/" % port
    try:
        seen = []
        site = os.path.join(folder, "Output", ".serve-student")
        # Every file of the served site, by its own URL, and the routes a page uses.
        for directory, _, names in os.walk(site):
            for name in names:
                relative = os.path.relpath(os.path.join(directory, name), site)
                status, body = get(base + urllib.request.pathname2url(relative))
                seen.append((relative, body))
        pages = [relative for relative, _ in seen if relative.endswith(".html")]
        assert "01-served.html" in pages and "index.html" in pages, pages
        for page in pages + [""]:
            seen.append(("state " + page, get(base + "_serve/state?page=" + page)[1]))
        seen.append(("/", get(base)[1]))
        for path in ("../Chapters/01-served.md", "..%2FChapters%2F01-served.md", ".cache/", "Chapters/01-served.md",
                     "01-served.md", "_serve/solution"):
            seen.append((path, get(base + path)[1]))
        seen.append(("live", first_live_message(port)))
        # The POST routes, asked for the solution block and with an empty body.
        state = json.loads(get(base + "_serve/state?page=01-served.html")[1])
        for route in ("save", "run", "check"):
            for block in ("solution", "exercise"):
                seen.append((route + " " + block, post(base + "_serve/" + route, {
                    "page": "01-served.html", "id": "double", "block": block, "code": "func double(_ x: Int) -> Int { x }",
                    "version": "stale"})[1]))
            seen.append((route + " {}", post(base + "_serve/" + route, {})[1]))
        assert state.get("edition") == "student", state
        for what, body in seen:
            assert SOLUTION_MARK not in body, "the solution's text is served by %s" % what
            assert HIDDEN_MARK not in body, "the hidden check's code is served by %s" % what
        # The student's server still shows the hidden check's verdict, just not its code.
        chapter = dict(seen)["01-served.html"]
        assert "Check double (hidden)" in chapter and "cell-check" in chapter, "the hidden check is named"
        print("ok: a --student server hands out no solution or hidden check (%d responses)" % len(seen))
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def test_broken_chapter_shows_error_and_recovers(workbook):
    folder = course_folder()
    port = free_port()
    path = os.path.join(folder, "Chapters", "01-served.md")
    server = start(workbook, ["--student", "--port", str(port), os.path.join(folder, "Chapters")])
    base = "http://127.0.0.1:%d/" % port
    state = lambda: json.loads(get(base + "_serve/state?page=01-served.html")[1])
    try:
        assert state()["error"] is None
        # A second solution block for the same exercise: the chapter no longer parses as exercises.
        broken = CHAPTER + "\nMore prose.\n\n```swift exercise id=double\nfunc again() {}\n```\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(broken)
        line = broken.splitlines().index("```swift exercise id=double", 5) + 1
        error = wait_for("the error", lambda: state()["error"])
        assert re.search(r"01-served\.md:%d: error: " % line, error), error
        with open(path, "w", encoding="utf-8") as f:
            f.write(CHAPTER.replace("Some prose.", "Fixed prose."))
        wait_for("the recovery", lambda: state()["error"] is None)
        assert "Fixed prose." in get(base + "01-served.html")[1]
        print("ok: a chapter that stops parsing shows FILE:LINE: error and recovers when fixed")
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def test_instructor_checks_the_solution(workbook):
    folder = course_folder()
    port = free_port()
    path = os.path.join(folder, "Chapters", "01-served.md")
    server = start(workbook, ["--port", str(port), os.path.join(folder, "Chapters")])
    base = "http://127.0.0.1:%d/" % port
    try:
        state = json.loads(get(base + "_serve/state?page=01-served.html")[1])
        assert state["edition"] == "instructor"
        exercise = [e for e in state["exercises"] if e["id"] == "double"][0]
        assert exercise["editable"] == "solution" and exercise["maxPoints"] == 3, exercise
        # A wrong solution: Check saves it into the solution block, runs it, and the page shows
        # both checks failed (the page adds 0 of the 3 points from these verdicts).
        status, body = post(base + "_serve/check", {"page": "01-served.html", "id": "double", "block": "solution",
                                                    "code": "func double(_ x: Int) -> Int {\n    return x * 3\n}",
                                                    "version": state["version"]})
        answer = json.loads(body)
        assert status == 200 and "error" not in answer and answer["build"] > state["build"], body
        html = get(base + "01-served.html")[1]
        checks = [html[m.start():html.find("</section>", m.start())]
                  for m in re.finditer(r'<section class="cell cell-check', html)]
        assert len(checks) == 2 and all("check-result tone-bad" in c for c in checks), checks
        assert [c["cell"] for c in exercise["checks"]] == [re.search(r'id="(cell-\d+)"', c).group(1) for c in checks]
        text = open(path, encoding="utf-8").read()
        assert "return x * 3" in text and "return 0" in text, "only the solution block is written"
        print("ok: the instructor edition edits and checks the solution block (✗ for a wrong one)")
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def main():
    workbook = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/workbook")
    tests = [test_missing_folder, test_port_in_use, test_student_server_hands_out_no_solution,
             test_broken_chapter_shows_error_and_recovers, test_instructor_checks_the_solution]
    chosen = [t for t in tests if len(sys.argv) < 3 or t.__name__ in sys.argv[2:]]
    failed = 0
    for test in chosen:
        try:
            test(workbook)
        except Exception as error:
            failed += 1
            print("FAILED: %s: %s" % (test.__name__, error))
    print("serve tests: %d of %d passed" % (len(chosen) - failed, len(chosen)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
