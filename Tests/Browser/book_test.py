#!/usr/bin/env python3
"""The book in a real browser: Debian's chromium driven by Selenium through chromium-driver.

    python3 Tests/Browser/book_test.py .build/release/workbook

Serves the student edition of chapters 1 and 2 (a fresh copy in a temporary folder), then as a
reader would: follows the sidebar, searches a word, edits an exercise in the page, presses Run
(the chapter runs, "Running cell N of M" shows, the verdicts stay), then Check and sees ✓
beside the check and the exercise with its points, all without a page reload; reloads and
finds the edit saved in the .md; edits the chapter file on disk and sees the page update by
itself; breaks the chapter on disk and sees FILE:LINE: error in the page, then fixes it and
sees it recover; runs axe-core on the index and two chapters (no serious or critical
violations). Every wait is bounded; the server is stopped with SIGINT at the end.
"""
import os, re, shutil, signal, socket, subprocess, sys, tempfile, time
sys.stdout.reconfigure(line_buffering=True)

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXERCISE = "step-forward"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def solution(markdown, ident):
    match = re.search(r"```swift solution id=%s\n(.*?)```" % re.escape(ident), markdown, re.S)
    return match.group(1)


def axe_check(driver, what):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for v in bad:
        print("  axe %s: %s (%s) on %d nodes: %s" % (what, v["id"], v["impact"], len(v["nodes"]),
                                                       v["nodes"][0]["target"]), file=sys.stderr)
    assert not bad, "%s: %d serious or critical accessibility violations" % (what, len(bad))
    print("ok: axe finds no serious or critical violation on %s" % what)


def main():
    workbook = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/workbook"))
    course = tempfile.mkdtemp(prefix="wb-browser-")
    server = driver = None
    try:
        chapters = [os.path.join(ROOT, "Chapters", name) for name in ("01-backprop.md", "02-rnn.md")]
        subprocess.run([workbook, "release", "--output", course] + chapters,
                       check=True, stdout=subprocess.DEVNULL)
        # release writes COURSE/Chapters and COURSE/Data; link the data only where it did not.
        if os.path.isdir(os.path.join(ROOT, "Data")) and not os.path.exists(os.path.join(course, "Data")):
            os.symlink(os.path.join(ROOT, "Data"), os.path.join(course, "Data"))
        port = free_port()
        server = subprocess.Popen([workbook, "serve", "--student", "--port", str(port), os.path.join(course, "Chapters")],
                                  stdout=subprocess.PIPE, stderr=sys.stderr, text=True, start_new_session=True)
        deadline = time.time() + 600
        line = ""
        while time.time() < deadline and "Serving" not in line:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                raise SystemExit("workbook serve exited with %s before serving" % server.returncode)
        assert "Serving" in line, "workbook serve did not start within 10 minutes"
        base = "http://127.0.0.1:%d/" % port
        print("ok: serving", base)

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(300)  # axe-core over a long chapter on a loaded machine
        wait = WebDriverWait(driver, 60)

        driver.get(base)
        axe_check(driver, "the index")

        # The sidebar: follow it to chapter 2, then back to chapter 1.
        driver.find_element(By.CSS_SELECTOR, "#sidebar a[href='02-rnn.html']").click()
        wait.until(lambda d: d.current_url.endswith("/02-rnn.html"))
        assert driver.find_element(By.CSS_SELECTOR, "#sidebar .toc-sections a"), "current chapter's sections in the sidebar"
        axe_check(driver, "chapter 2")
        driver.find_element(By.CSS_SELECTOR, "#sidebar a[href='01-backprop.html']").click()
        wait.until(lambda d: d.current_url.endswith("/01-backprop.html"))
        axe_check(driver, "chapter 1")
        print("ok: the sidebar leads from page to page")

        # Search a word; a result links to its section.
        box = driver.find_element(By.ID, "search-input")
        box.send_keys("backpropagation")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
        first = driver.find_element(By.CSS_SELECTOR, "#search-results a")
        href = first.get_attribute("href")
        assert "#" in href and ".html" in href, href
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: d.current_url == href)
        print("ok: search finds 'backpropagation' and goes to", href.split("/")[-1])

        # Edit the exercise in the page, Check, see ✓.
        driver.get(base + "01-backprop.html")
        selector = "section[data-exercise='%s'] .CodeMirror" % EXERCISE
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
        with open(chapters[0], encoding="utf-8") as f:
            answer = solution(f.read(), EXERCISE)
        driver.execute_script("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1])", selector, answer)
        verdict = """
            var s = document.querySelector("section[data-exercise='%s']"), n = s && s.nextElementSibling;
            while (n && !n.classList.contains('cell-check')) n = n.nextElementSibling;
            var r = n && n.querySelector('.check-result');
            return r ? r.textContent : '';""" % EXERCISE
        before = driver.execute_script(verdict)
        assert "✗" in before, "the student's starting code fails its check first: %r" % before
        tools = "section[data-exercise='%s'] .exercise-tools " % EXERCISE
        # Marks this page (a reload would drop it) and records the status line's texts.
        driver.execute_script("""window.notReloaded = true; window.statusSeen = [];
            var bar = document.querySelector('.serve-status');
            new MutationObserver(function () { window.statusSeen.push(bar.textContent); })
                .observe(bar, { childList: true, characterData: true, subtree: true });""")
        # Run: the chapter runs, the outputs are patched in; the check's verdict waits for Check.
        driver.find_element(By.CSS_SELECTOR, tools + ".exercise-run").click()
        WebDriverWait(driver, 300).until(lambda d: "Ran." in d.find_element(By.CSS_SELECTOR, tools + ".exercise-message").text)
        assert "✗" in driver.execute_script(verdict), "Run leaves the check's verdict as it was"
        assert driver.find_element(By.CSS_SELECTOR, tools + ".exercise-verdict").text == "", "Run shows no verdict"
        seen = driver.execute_script("return window.statusSeen")
        assert any(re.match(r"Running cell \d+ of \d+", text or "") for text in seen), seen
        print("ok: Run runs the chapter (%s) and leaves the verdicts alone"
              % [t for t in seen if t.startswith("Running")][-1])
        # Check: ✓ beside the check and beside the exercise, with points, without a reload.
        driver.find_element(By.CSS_SELECTOR, tools + ".exercise-check").click()
        WebDriverWait(driver, 300).until(lambda d: "✓" in (d.execute_script(verdict) or ""))
        WebDriverWait(driver, 60).until(lambda d: d.find_element(By.CSS_SELECTOR, tools + ".exercise-verdict").text)
        beside = driver.find_element(By.CSS_SELECTOR, tools + ".exercise-verdict").text
        assert beside == "✓ 1 of 1 checks passed · 1 / 1 points", beside  # release drops the hidden check
        assert driver.execute_script("return window.notReloaded === true"), "Check patched the page in place"
        total = driver.find_element(By.CSS_SELECTOR, ".serve-points").text
        assert re.match(r"Points on this page: 1 / \d+ \(1 of \d+ exercises passed\)", total), total
        print("ok: Check shows", driver.execute_script(verdict).strip(), "|", beside, "|", total)

        driver.refresh()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
        saved_md = open(os.path.join(course, "Chapters", "01-backprop.md"), encoding="utf-8").read()
        assert "let a3 = 2 * x1 - 3 * x2" in saved_md, "the edit is saved in the .md"
        shown = driver.execute_script("return document.querySelector(arguments[0]).CodeMirror.getValue()", selector)
        assert "let a3 = 2 * x1 - 3 * x2" in shown, "the reloaded page shows the saved edit"
        print("ok: after a reload the edit is in the page and in the .md")

        # Edit the chapter on disk; the open page updates by itself.
        marker = "Edited on disk at %d." % time.time()
        path = os.path.join(course, "Chapters", "01-backprop.md")
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n%s\n" % marker)
        # Read through a script: the page replaces itself when it reloads, so no element handle is kept.
        WebDriverWait(driver, 120).until(lambda d: marker in (d.execute_script(
            "var m = document.querySelector('main'); return m ? m.innerText : ''") or ""))
        print("ok: the page shows an edit made on disk without being touched")

        # A chapter that stops parsing: the page shows FILE:LINE: error, then recovers when fixed.
        good = open(path, encoding="utf-8").read()
        broken = good + "\n```swift exercise id=%s\nlet again = 1\n```\n" % EXERCISE
        line = len(good.splitlines()) + 2
        with open(path, "w", encoding="utf-8") as f:
            f.write(broken)
        banner = "var b = document.querySelector('.serve-status.bad'); return b && !b.hidden ? b.textContent : '';"
        WebDriverWait(driver, 120).until(lambda d: re.search(r"01-backprop\.md:%d: error: " % line,
                                                             d.execute_script(banner) or ""))
        print("ok: a broken chapter shows", driver.execute_script(banner).split("/")[-1][:90])
        fixed = "Fixed at %d." % time.time()
        with open(path, "w", encoding="utf-8") as f:
            f.write(good + "\n%s\n" % fixed)
        WebDriverWait(driver, 120).until(lambda d: not d.execute_script(banner) and fixed in (d.execute_script(
            "var m = document.querySelector('main'); return m ? m.innerText : ''") or ""))
        print("ok: fixed on disk, the error goes and the page shows the fix")
        print("browser test passed")
    finally:
        if driver:
            driver.quit()
        if server and server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(course, ignore_errors=True)


if __name__ == "__main__":
    main()
