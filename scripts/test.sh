#!/usr/bin/env bash
# Everything the tests need on a fresh machine, then the tests: the README's test command, and what CI runs.
# Repeat runs reuse .venv; the project is reinstalled only when pyproject.toml changed (or the install is broken).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "scripts/test.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

# --- the virtual environment, reused
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv || fail "could not create .venv with 'python3 -m venv' (is python3-venv installed?)"
fi
stamp=.venv/.sitrep-installed   # the hash of the pyproject.toml last installed into this .venv
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
here="$(pwd -P)/src/sitrep"
installed="$(.venv/bin/python -c 'import os, sitrep; print(os.path.realpath(os.path.dirname(sitrep.__file__)))' \
  2>/dev/null || true)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] || [ "$installed" != "$here" ]; then
  .venv/bin/pip install -q -e '.[dev]' || fail "'pip install -e .[dev]' into .venv failed (see pip's message above)"
  echo "$want" > "$stamp"
fi

# --- Debian's Chromium for the browser tests (no browser is downloaded by the test tools); the report tests print
# a PDF with it and read it back with poppler's pdfinfo/pdftoppm.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  # Try the install first: a package list that is already there is enough, and 'apt-get update' may fail offline.
  if ! "${SUDO[@]}" apt-get install -y -qq chromium poppler-utils > "$log" 2>&1; then
    if grep -qE "Unable to locate package|has no installation candidate" "$log"; then
      say "chromium is not in the package lists; running 'apt-get update' first"
      "${SUDO[@]}" apt-get update -qq > "$log" 2>&1 || { cat "$log" >&2; say "'apt-get update' failed (above)"; }
      "${SUDO[@]}" apt-get install -y -qq chromium poppler-utils > "$log" 2>&1 || true
    fi
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ]; then
    cat "$log" >&2
    fail "could not install Debian's chromium and poppler-utils (apt-get's message above); the browser and report tests need them"
  fi
fi

.venv/bin/python -m pytest "$@"
