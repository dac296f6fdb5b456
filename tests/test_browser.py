"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
the app runs on a free loopback port with the small test models."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

pytestmark = [pytest.mark.integration, pytest.mark.browser]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Screenshots go to pytest's temp folder, or where GPUMKT_SCREENSHOTS says (to re-take the README's).
SHOTS = os.environ.get("GPUMKT_SCREENSHOTS")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: apt-get install chromium (make test does it)")
    tmp = tmp_path_factory.mktemp("app")
    env = dict(os.environ, GPUMKT_EMBED_MODEL="all-minilm-l6-v2", GPUMKT_LLM_MODEL="smollm2-135m",
               GPUMKT_INDEX_DIR=str(tmp / "index"), GPUMKT_LIBRARY_DIR=str(tmp / "library"),
               GRADIO_ANALYTICS_ENABLED="False")
    port = free_port()
    log = open(tmp / "app.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "gpumkt.chat", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):  # bounded: at most 120 s for index build + model load
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("app exited: " + (tmp / "app.log").read_text()[-2000:])
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("app did not start: " + (tmp / "app.log").read_text()[-2000:])
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def ask(page, question: str):
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.wait_for_function("document.querySelector('#status') && "
                           "document.querySelector('#status').innerText.includes('done')", timeout=120_000)


def test_question_streams_answer_with_citation_and_evidence(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    ask(page, "What was CoreWeave's revenue in Q2 2025?")
    answer = page.locator("#chat").inner_text()
    assert "[1]" in answer or "[2]" in answer
    evidence = page.locator("#evidence")
    assert evidence.locator("mark").count() >= 1
    assert "CoreWeave" in evidence.inner_text()
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "chat.png"), full_page=True)
    page.close()


def test_two_tabs_are_queued_not_crashed(app_url, browser):
    pages = [browser.new_page() for _ in range(2)]
    for page in pages:
        page.goto(app_url)
    for page, q in zip(pages, ["How fast is Modal's cold start?", "What is the valuation of Together AI?"]):
        page.locator("#question textarea").fill(q)
        page.locator("#ask").click()
    for page in pages:
        page.wait_for_function("document.querySelector('#status').innerText.includes('done')",
                               timeout=180_000)
        assert page.locator("#evidence mark").count() >= 1
        page.close()


def test_upload_a_report_and_ask_about_it(app_url, browser, tmp_path):
    from docmaker import NAME, make_html, report_pages

    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(app_url)
    page.locator("#documents").get_by_text("Documents").first.click()
    page.locator("#upload input[type=file]").set_input_files(str(make_html(tmp_path / "nimbra.html",
                                                                             report_pages())))
    page.locator("#upload").get_by_text("nimbra.html").first.wait_for(timeout=30_000)
    page.locator("#add-docs").click()
    page.wait_for_function("document.querySelector('#doc-status').innerText.includes('nimbra.html')",
                           timeout=120_000)
    assert "added" in page.locator("#doc-status").inner_text()
    assert "nimbra.html" in page.locator("#doc-list").inner_text()
    ask(page, f"{NAME} 2025年第二季度营收是多少?")
    assert "nimbra.html" in page.locator("#evidence").inner_text()
    assert "12亿美元" in page.locator("#chat").inner_text()
    page.close()
