"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
the app runs on a free loopback port with the small test models."""

import os
import re
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


HAN = re.compile(r"[\u4e00-\u9fff]")


def ask(page, question: str, wait: bool = True):
    """Type a question and (by default) wait for its checked answer: the status says done, the chat
    shows this question and the box was cleared (so a next question is not typed into a box
    about to be cleared)."""
    page.wait_for_function("(t => t && t.value === '')(document.querySelector('#question textarea'))")
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    if wait:
        page.wait_for_function(
            "([q]) => document.querySelector('#status').innerText.includes('done') && "
            "document.querySelector('#chat').innerText.includes(q) && "
            "document.querySelector('#question textarea').value === ''", arg=[question], timeout=120_000)


def answer_to(page, question: str) -> str:
    """The chat's text after the last time ``question`` was asked."""
    return page.locator("#chat").inner_text().rsplit(question, 1)[-1]


def test_question_streams_answer_with_citation_and_evidence(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    question = "What was CoreWeave's revenue in Q2 2025?"
    ask(page, question)
    answer = answer_to(page, question)
    assert "[1]" in answer or "[2]" in answer
    # English asked, English answered: the report's 12亿美元 said as dollars, no Chinese in the answer.
    assert "$1.2 billion" in answer and not HAN.search(answer)
    evidence = page.locator("#evidence")
    assert evidence.locator("mark").count() >= 1
    assert "CoreWeave" in evidence.inner_text()
    assert evidence.locator(".ev.cited").count() == 0
    marker = page.locator('#chat a[href^="#ev-"]').last
    n = marker.inner_text().strip("[]")
    marker.click()  # scrolls to its card and flashes it
    cited = evidence.locator(".ev.cited")
    cited.wait_for(timeout=5_000)
    assert cited.count() == 1 and f"[{n}]" in cited.locator("sup").all_inner_texts()
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "chat.png"), full_page=True)
    page.close()


def test_two_follow_ups_in_a_row_stay_on_the_company(app_url, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    ask(page, "What was CoreWeave's revenue in Q2 2025?")
    for follow_up in ["And its customer concentration?", "What about the debt ratio?"]:
        ask(page, follow_up)  # names no company: the search is about CoreWeave still
        assert "CoreWeave" in page.locator("#evidence").inner_text()
    page.close()


def test_stop_in_one_tab_leaves_the_other_tabs_answer_alone(app_url, browser):
    asking, other = browser.new_page(), browser.new_page()
    for page in (asking, other):
        page.goto(app_url)
    # A question the small model answers at length (over 100 tokens), so the second answer is
    # still being written while the other tab presses Stop (a short answer from a cached prompt
    # can finish before the second press).
    question = "Tell me about Modal's business model."
    ask(asking, question)
    alone = tokens_written(asking)
    ask(asking, question, wait=False)
    pressed = 0
    while "done" not in asking.locator("#status").inner_text() or asking.locator("#question textarea").input_value():
        other.locator("#stop").click()  # pressed again and again while the first tab answers
        pressed += 1
    # At temperature 0 the same question writes the same tokens: none were cut by the other tab's Stop.
    assert pressed >= 2 and tokens_written(asking) == alone > 2
    for page in (asking, other):
        page.close()


def tokens_written(page) -> int:
    return int(re.search(r"(\d+) tokens at", page.locator("#status").inner_text()).group(1))


def test_two_tabs_are_queued_not_crashed(app_url, browser):
    pages = [browser.new_page() for _ in range(2)]
    for page in pages:
        page.goto(app_url)
    for page, q in zip(pages, ["How fast is Modal's cold start?", "What is the valuation of Together AI?"]):
        page.locator("#question textarea").fill(q)
        page.locator("#ask").click()
    # The second tab waits its turn, and its status line says so (Gradio's queue position).
    pages[1].wait_for_function("document.querySelector('#status').innerText.includes('queue')", timeout=10_000)
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
    page.locator("#upload").get_by_text("nimbra.html").first.wait_for(timeout=120_000)  # slow under load
    page.locator("#add-docs").click()
    page.wait_for_function("document.querySelector('#doc-status').innerText.includes('nimbra.html')",
                           timeout=120_000)
    assert "added" in page.locator("#doc-status").inner_text()
    assert "nimbra.html" in page.locator("#doc-list").inner_text()
    ask(page, f"{NAME} 2025年第二季度营收是多少?")
    assert "nimbra.html" in page.locator("#evidence").inner_text()
    assert "12亿美元" in page.locator("#chat").inner_text()
    page.close()
