"""Take the README screenshots: the running app (default models) answering an English question and
a Traditional Chinese one, with the first cited evidence card outlined (its marker clicked).

Usage: python -m gpumkt.chat --port 7861 &  then  python scripts/screenshot.py http://127.0.0.1:7861 docs
(needs a CJK font, e.g. Debian's fonts-noto-cjk, or the reports' Chinese shows as boxes)
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = {"screenshot.png": "What was CoreWeave's revenue in Q2 2025?",
         "screenshot-zh-hant.png": "CoreWeave的資產負債比率是多少?"}


def take(browser, url: str, question: str, out: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 980})
    page.goto(url)
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.wait_for_function("document.querySelector('#status').innerText.includes('done')", timeout=300_000)
    markers = page.locator('#chat a[href^="#ev-"]')
    if markers.count():
        markers.first.click()
        page.wait_for_timeout(1600)  # the card's flash fades, its outline stays
    page.screenshot(path=str(out), full_page=True)
    page.close()


def main(url: str, folder: str = "docs") -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for name, question in SHOTS.items():
            take(browser, url, question, Path(folder) / name)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
