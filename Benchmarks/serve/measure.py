#!/usr/bin/env python3
"""Live-editing latency of `workbook serve`, measured in a real browser (chromium + Selenium).

    python3 Benchmarks/serve/measure.py .build/release/workbook [REPEATS]

1. Prose edit: a sentence appended to chapter 2's .md on disk → the open page shows it.
2. Check: on chapter 2's last exercise (student edition, the reference answer typed into the
   page's editor), pressing Check → the reloaded page with its check verdict (✓ or ✗: the
   chapter's earlier exercises still hold the starting code). The chapter is compiled and run.
Each is repeated (default 3) and printed as min / median / max seconds.
"""
import os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def figures(name, values):
    print("%s: min %.3f s, median %.3f s, max %.3f s over %d runs" % (
        name, min(values), statistics.median(values), max(values), len(values)))


def main():
    workbook = os.path.abspath(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    course = tempfile.mkdtemp(prefix="wb-measure-")
    server = driver = None
    try:
        source = os.path.join(ROOT, "Chapters", "02-rnn.md")
        subprocess.run([workbook, "release", "--output", os.path.join(course, "Chapters"), source],
                       check=True, stdout=subprocess.DEVNULL)
        if os.path.isdir(os.path.join(ROOT, "Data")):
            os.symlink(os.path.join(ROOT, "Data"), os.path.join(course, "Data"))
        markdown = open(source, encoding="utf-8").read()
        ident = re.findall(r"```swift exercise id=([\w-]+)", markdown)[-1]
        answer = re.search(r"```swift solution id=%s\n(.*?)```" % re.escape(ident), markdown, re.S).group(1)
        port = free_port()
        server = subprocess.Popen([workbook, "serve", "--student", "--port", str(port), os.path.join(course, "Chapters")],
                                  stdout=subprocess.PIPE, text=True, start_new_session=True)
        while "Serving" not in (server.stdout.readline() or "Serving"):
            pass
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        url = "http://127.0.0.1:%d/02-rnn.html" % port
        driver.get(url)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!window.CodeMirror"))
        time.sleep(1)

        prose = []
        path = os.path.join(course, "Chapters", "02-rnn.md")
        for run in range(repeats):
            marker = "Prose edit number %d at %f." % (run, time.time())
            start = time.time()
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n%s\n" % marker)
            WebDriverWait(driver, 60, poll_frequency=0.01).until(
                lambda d: d.execute_script("return document.body.innerText.indexOf(arguments[0]) >= 0", marker))
            prose.append(time.time() - start)
            time.sleep(0.5)
        figures("prose edit saved -> page updated", prose)

        check = []
        selector = "section[data-exercise='%s']" % ident
        verdict = """var s = document.querySelector(arguments[0]), n = s && s.nextElementSibling;
            while (n && !n.classList.contains('cell-check')) n = n.nextElementSibling;
            var r = n && n.querySelector('.check-result'); return r ? r.textContent : '';"""
        for run in range(repeats):
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector + " .CodeMirror"))
            # A different answer each time (a comment), so the chapter really compiles and runs again.
            code = answer + "// run %d at %f\n" % (run, time.time())
            driver.execute_script("document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.setValue(arguments[1])",
                                  selector, code)
            button = driver.find_element(By.CSS_SELECTOR, selector + " .exercise-check")
            # Marks this page, so only the page reloaded after the run counts as the result.
            driver.execute_script("window.beforeCheck = true")
            start = time.time()
            button.click()
            WebDriverWait(driver, 600, poll_frequency=0.02).until(
                lambda d: d.execute_script("return document.readyState === 'complete' && !window.beforeCheck")
                and (d.execute_script(verdict, selector) or "") != ""
                and d.execute_script("return document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror.getValue()",
                                     selector).rstrip("\n") == code.rstrip("\n"))
            check.append(time.time() - start)
        print("verdict shown:", driver.execute_script(verdict, selector).strip()[:80])
        figures("Check pressed -> verdict on chapter 2's last exercise (%s)" % ident, check)
    finally:
        if driver:
            driver.quit()
        if server and server.poll() is None:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=20)
        shutil.rmtree(course, ignore_errors=True)


if __name__ == "__main__":
    main()
