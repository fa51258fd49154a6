"""Regenerate the dashboard screenshots in docs/ from the bundled sample (needs /usr/bin/chromium).

    .venv/bin/python docs/screenshots.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from sitrep.ingest.run import ingest
    from sitrep.store import Store
    from sitrep.web.app import create_app
    from sitrep.web.local import running

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.duckdb"
        with Store(db) as store:
            ingest([str(ROOT / "sample" / "corpus")], store)
        with running(create_app(db)) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready='1']")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ROOT / "docs" / "dashboard.png"))
            page.locator("#timeline-box").screenshot(path=str(ROOT / "docs" / "timeline.png"))
            page.locator("#events tbody tr", has_text="Mogadishu").click()
            page.wait_for_selector(".report .text mark.figure")
            page.screenshot(path=str(ROOT / "docs" / "event.png"))
            page.goto(url + "/#/paste")
            page.fill("#paste-form textarea", (ROOT / "sample" / "corpus" / "kabul-airport" / "text.txt").read_text())
            page.fill("#paste-form input[name=published]", "2021-08-27")
            page.click("#paste-form button")
            page.wait_for_selector("#paste-result .text mark.figure")
            page.screenshot(path=str(ROOT / "docs" / "paste.png"), full_page=True)
            browser.close()
        report_png(db)
    print("docs/dashboard.png, docs/timeline.png, docs/event.png, docs/paste.png, docs/report.png")


def report_png(db: Path) -> None:
    """The situation report of the sample as a PDF, its page as docs/report.png (needs poppler's pdftoppm)."""
    import subprocess

    from sitrep.store import Store
    from sitrep import report
    from sitrep.store.queries import EventFilter

    with Store(db, read_only=True) as store:
        data = report.build(store.con, EventFilter())
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        report.write(data, pdf)
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf), str(ROOT / "docs" / "report")],
                       check=True)


if __name__ == "__main__":
    main()
