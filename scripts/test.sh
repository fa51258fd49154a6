#!/usr/bin/env bash
# Everything the tests need on a fresh machine, then the tests: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -e '.[dev]'
# The browser tests drive Debian's Chromium (no browser is downloaded by the test tools); the report tests print
# a PDF with it and read it back with poppler's pdfinfo/pdftoppm.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium poppler-utils > /dev/null
fi
.venv/bin/python -m pytest "$@"
