"""HTML to PDF with a real browser engine: headless Chromium's print-to-PDF (the page's CSS sets A4 and margins).

Chromium is found as $SITREP_CHROMIUM, else `chromium`, `chromium-browser`, `google-chrome` on the PATH (Debian:
`apt-get install chromium`). The page is self-contained (inline CSS and SVG): nothing is fetched while printing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120


class PdfError(RuntimeError):
    """No browser to print with, or the browser failed: the message says what to do."""


def chromium() -> str:
    exe = os.environ.get("SITREP_CHROMIUM")
    if exe:
        if not Path(exe).exists():
            raise PdfError(f"SITREP_CHROMIUM={exe} does not exist")
        return exe
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError("a PDF needs Chromium (Debian: apt-get install chromium; or set SITREP_CHROMIUM); "
                   "write .html instead and print it from a browser")


def html_to_pdf(page: str, output: Path) -> None:
    exe = chromium()
    with tempfile.TemporaryDirectory(prefix="sitrep-pdf-") as tmp:
        src = Path(tmp) / "report.html"
        src.write_text(page, encoding="utf-8")
        args = [exe, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
                f"--print-to-pdf={output}", src.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not print the page within {TIMEOUT} s") from None
        if done.returncode != 0 or not output.exists() or output.stat().st_size == 0:
            tail = (done.stderr or "").strip().splitlines()[-3:]
            raise PdfError(f"Chromium could not print the page (exit {done.returncode}): {' | '.join(tail)}")


def page_count(path: Path) -> int:
    """Pages of a PDF Chromium printed (its page objects are plain dictionaries: /Type /Page)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))
