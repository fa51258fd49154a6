"""The texts benchmarks and tests measure on: the bundled sample and the corpora of ../shared."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.ingest.files import read_corpus  # noqa: E402
from sitrep.model import Article  # noqa: E402


def shared_dir() -> Path:
    """../shared beside the checkout (SITREP_SHARED overrides). Its absence is a failure (tests use this too)."""
    candidates = [Path(os.environ["SITREP_SHARED"])] if os.environ.get("SITREP_SHARED") else []
    candidates += [ROOT.parent / "shared", Path("/work/shared")]
    for c in candidates:
        if (c / "corpus" / "dev").is_dir():
            return c
    raise RuntimeError(f"../shared (dev corpus and scorer) not found beside {ROOT}; set SITREP_SHARED")


def articles(*corpora: str) -> list[Article]:
    """The readable reports of the named corpora, in order: "sample" (the bundled one), or one of ../shared/corpus
    ("dev", "clusters-dev")."""
    folders = [ROOT / "sample" / "corpus" if name == "sample" else shared_dir() / "corpus" / name for name in corpora]
    return [a for folder in folders for a in read_corpus(folder) if isinstance(a, Article)]
