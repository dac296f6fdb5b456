"""Take the README screenshot: the running app (default models) answering a CoreWeave question.

Usage: python -m gpumkt.chat --port 7861 &  then  python scripts/screenshot.py http://127.0.0.1:7861 docs/screenshot.png
"""

import sys

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(url: str, out: str, question: str = "CoreWeave 客户集中度?") -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 980})
        page.goto(url)
        page.locator("#question textarea").fill(question)
        page.locator("#ask").click()
        page.wait_for_function("document.querySelector('#status').innerText.includes('done')",
                               timeout=300_000)
        page.screenshot(path=out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
