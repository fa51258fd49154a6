"""Store speed: ingest throughput (reports/s) and `sitrep events` query times over a store of 100,000 events.

    python benchmarks/bench_store.py [--reports 200] [--events 100000] [--repeat 20]

Ingest runs the whole path (read, skip stored, extract, store, merge) over the dev corpus and the sample, made
distinct. The query store is filled with synthetic merged events by SQL (no extraction), then each filter of
`sitrep events` is timed; the target is under 100 ms (p95). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpora import articles  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.store.queries import EventFilter, count_events, find_events  # noqa: E402


def bench_ingest(n: int, workdir: Path) -> None:
    import json

    from sitrep.ingest.run import ingest
    from sitrep.pipeline import Extractor

    base = articles("dev", "sample")
    path = workdir / "reports.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            a = base[k % len(base)]
            fh.write(json.dumps({"id": f"{a.id}-{k}", "text": f"{a.text}\n(copy {k})\n",
                                 "published": a.published.isoformat() if a.published else None}) + "\n")
    extractor = Extractor()
    with Store(workdir / "ingest.duckdb") as store:
        t = time.perf_counter()
        report = ingest([str(path)], store, extractor)
        first = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest([str(path)], store, extractor)
        second = time.perf_counter() - t
    print(f"ingest: {report.line()} in {first:.1f} s = {n / first:.1f} reports/s (extraction included)")
    print(f"re-ingest (all unchanged): {again.unchanged} in {second:.2f} s = {n / second:.0f} reports/s")


def fill(store: Store, n: int) -> None:
    """n synthetic merged events spread over 40 countries, 10 years and 8 types."""
    store.con.execute(
        """INSERT INTO merged_events (merged_id, event_type, sub_event_type, date_start, date_end, date_precision,
               location_name, admin1, country, lat, lon, where_prec, killed_low, killed_best, killed_high,
               displaced_low, displaced_best, displaced_high, n_reports, actors, updated_at)
           SELECT 'm' || lpad(CAST(i AS VARCHAR), 15, '0'),
                  ['battle','violence_against_civilians','explosion_remote_violence','airstrike','abduction',
                   'displacement','protest_riot','other'][1 + i % 8],
                  'Attack',
                  DATE '2015-01-01' + CAST(i % 3650 AS INTEGER),
                  DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) + CAST(i % 3 AS INTEGER),
                  'day',
                  'Place ' || CAST(i % 5000 AS VARCHAR),
                  'Province ' || CAST(i % 400 AS VARCHAR),
                  ['IQ','SY','NG','AF','SO','SD','UA','ML','BF','YE','PK','CD','ET','MM','MX','CM','LY','NE','TD',
                   'KE','MZ','CF','SS','PS','IN','PH','CO','HT','LB','IL','TR','IR','EG','DZ','TN','MA','BD','LK',
                   'TH','VE'][1 + i % 40],
                  -30 + (i * 7919 % 6000) / 100.0,
                  -20 + (i * 104729 % 12000) / 100.0,
                  1 + i % 4, i % 50, i % 60, i % 70, NULL, NULL, NULL, 1 + i % 5,
                  '[{"name": "Actor ' || CAST(i % 300 AS VARCHAR) || '", "role": "perpetrator", "type": "rebel group"}]',
                  now()
           FROM range(?) t(i)""", [n])


def bench_queries(n: int, repeat: int, workdir: Path) -> None:
    db = workdir / "query.duckdb"
    with Store(db) as store:
        t = time.perf_counter()
        fill(store, n)
        print(f"\nquery store: {n:,} merged events written in {time.perf_counter() - t:.2f} s")
    filters = {
        "all (first 100)": EventFilter(limit=100),
        "country": EventFilter(country="IQ", limit=100),
        "admin1": EventFilter(admin1="Province 7", limit=100),
        "date range": EventFilter(since=date(2019, 1, 1), until=date(2019, 3, 31), limit=100),
        "type": EventFilter(event_type="airstrike", limit=100),
        "actor": EventFilter(actor="Actor 42", limit=100),
        "min killed": EventFilter(min_killed=45, limit=100),
        "near point": EventFilter(near=(10.0, 20.0), within_km=200, limit=100),
        "combined": EventFilter(country="NG", since=date(2018, 1, 1), min_killed=10, event_type="battle", limit=100),
    }
    with Store(db, read_only=True) as store:
        print(f"{'filter':18} {'rows':>6} {'matches':>8} {'p50 ms':>8} {'p95 ms':>8}")
        for name, f in filters.items():
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                rows = find_events(store.con, f)
                times.append((time.perf_counter() - t) * 1000)
            total = count_events(store.con, f)
            p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 20 else max(times)
            print(f"{name:18} {len(rows):6} {total:8} {statistics.median(times):8.1f} {p95:8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.reports:
            bench_ingest(args.reports, workdir)
        bench_queries(args.events, args.repeat, workdir)


if __name__ == "__main__":
    main()
