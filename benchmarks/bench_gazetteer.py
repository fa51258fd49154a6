"""Gazetteer and geoparser speed: index build time and peak memory, lookups per second, `sitrep places` reports/s.

    python benchmarks/bench_gazetteer.py [--lookups 20000] [--reports 200]

The index is built into a temporary directory (the user cache is left alone), so the build is timed from scratch;
peak memory is the process's maximum resident set size after the build (the build runs in a child process, so
the figure is the build's own). The target is a build under a minute. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _build(path: str, out) -> None:
    from sitrep.gazetteer import build

    t0 = time.perf_counter()
    build(Path(path))
    out.put((time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def bench_build(workdir: Path) -> Path:
    path = workdir / "gazetteer.sqlite"
    q: mp.Queue = mp.Queue()
    proc = mp.get_context("fork").Process(target=_build, args=(str(path), q))
    proc.start()
    seconds, peak_mb = q.get()
    proc.join()
    size = path.stat().st_size / 2**20
    print(f"build: {seconds:.1f} s, peak memory {peak_mb:.0f} MB, index {size:.0f} MB")
    return path


def bench_lookups(path: Path, n: int) -> None:
    from sitrep.gazetteer import Gazetteer

    gaz = Gazetteer(path)
    print("index:", gaz.stats())
    words = ["Homs", "Kaduna", "Goma", "Oxford", "Geneva", "Prague", "Mogadishu", "Gulran", "Bomadi", "Derai",
             "Nord-Kivu", "Sylhet", "Catole do Rocha", "Foz do Iguacu", "Qalanqal", "Falluja", "Unknownville"]
    t0 = time.perf_counter()
    for k in range(n):
        gaz._cache.clear() if k % len(words) == 0 else None
        gaz.lookup(words[k % len(words)])
    dt = time.perf_counter() - t0
    print(f"lookups: {n / dt:,.0f}/s (uncached every {len(words)})")


def bench_places(path: Path, n: int) -> None:
    from corpora import articles

    from sitrep.gazetteer import Gazetteer
    from sitrep.nlp import NLP
    from sitrep.places import Geoparser

    nlp, gp = NLP(), Geoparser(Gazetteer(path))
    base = articles("dev", "sample")
    texts = [base[k % len(base)].text for k in range(n)]
    parsed = [nlp.parse(t) for t in texts]
    t0 = time.perf_counter()
    found = sum(len(gp.parse(p)[0]) for p in parsed)
    dt = time.perf_counter() - t0
    print(f"places (after parsing): {n / dt:.1f} reports/s, {found / dt:.0f} places/s over {n} reports")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lookups", type=int, default=20000)
    ap.add_argument("--reports", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = bench_build(Path(tmp))
        bench_lookups(path, args.lookups)
        bench_places(path, args.reports)


if __name__ == "__main__":
    main()
