"""Regenerate the dashboard screenshots in docs/ from the bundled sample (needs /usr/bin/chromium).

    .venv/bin/python docs/screenshots.py
"""
from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from sitrep.ingest.run import ingest
    from sitrep.store import Store
    from sitrep.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.duckdb"
        with Store(db) as store:
            ingest([str(ROOT / "sample" / "corpus")], store)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready='1']")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ROOT / "docs" / "dashboard.png"))
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
        server.should_exit = True
    print("docs/dashboard.png, docs/event.png, docs/paste.png")


if __name__ == "__main__":
    main()
