"""Store speed: ingest throughput (reports/s), merging 200,000 report events, and `sitrep events` query times over a
store of 100,000 events.

    python benchmarks/bench_store.py [--reports 200] [--merge 50000 100000 200000] [--events 100000] [--repeat 20]
                                     [--profile]

Ingest runs the whole path (read, skip stored, extract, store, merge) over the dev corpus and the sample, made
distinct. Each merge store holds the bench corpus's extracted events copied until there are --merge report events,
each copy made distinct (its own reports, a day and a place of its own: ~1,400 copies of a report's events share a
country, as a busy country's events do); merging them all (read, cluster, reconcile, write: in blocks) is timed
with its peak memory, in a process of its own, then one more report is ingested and the re-merge timed (the target:
under a minute at 200,000 report events, and memory flat: the same peak at 50,000, 100,000 and 200,000). The
query store is filled with synthetic merged events by SQL (no extraction), then each filter of
`sitrep events` is timed; the target is under 100 ms (p95). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
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


def merge_store_of(n: int, base: list, records: list, db: Path) -> Path:
    """A store of n report events: the bench corpus's extracted records, copied by SQL."""
    with Store(db) as store:
        store.save([(a, r, "new") for a, r in zip(base, records)])
        per_copy = store.con.execute("SELECT count(*) FROM report_events").fetchone()[0]
        copies = -(-n // per_copy)
        con = store.con
        con.execute("CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, ?)", [copies])
        # Copy k: its own report ids, its dates k*37 days later (mod 10 years), its place k/27 degrees away (far
        # beyond any merge distance, in another province); ~1,400 copies share a country, as a busy one's events do.
        shift = "CAST((k * 37) % 3650 AS INTEGER)"
        con.execute(f"""INSERT INTO articles SELECT a.article_id || '~' || k, NULL, a.content_hash || '~' || k, title,
                        published + {shift}, outlet, language, text, version, ingested_at FROM articles a, copies""")
        con.execute(f"""INSERT INTO report_events SELECT event_id || '~' || k, article_id || '~' || k, seq, kind,
                        event_type, sub_event_type, date_start + {shift}, date_end + {shift}, date_precision,
                        location_name, admin1, admin1_code || '~' || (k % 97), country, lat + (k % 27) * 1.5,
                        lon + (k // 27 % 53) * 1.5, geonames_id + k * 1000000, where_prec, claim_source, confirmed,
                        confidence, evidence, record FROM report_events, copies""")
        for table in ("figures", "actors"):
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            select = ", ".join("event_id || '~' || k" if c == "event_id" else c for c in cols)
            con.execute(f"INSERT INTO {table} SELECT {select} FROM {table}, copies")
    return db


def bench_merge(sizes: list[int], workdir: Path, profile: bool) -> None:
    """Merge stores of each size, each in a process of its own (its peak memory is the merge's alone)."""
    import json
    import subprocess

    from sitrep.pipeline import Extractor

    base = articles("dev", "sample")
    records = list(Extractor().extract_many(base))
    print("\nmerge (each in a fresh process; peak = its highest resident memory, imports included):")
    for n in sizes:
        db = merge_store_of(n, base, records, workdir / f"merge-{n}.duckdb")
        out = subprocess.run([sys.executable, __file__, "--merge-db", str(db)] + (["--profile"] if profile else []),
                             capture_output=True, text=True, check=True).stdout
        if profile:
            print(out.rsplit("\n", 2)[0])
        r = json.loads(out.strip().splitlines()[-1])
        print(f"  {r['events']:>9,} report events -> {r['merged']:,} merged events in {r['wall']:.1f} s "
              f"({r['cpu']:.1f} s of CPU; the wall time counts other processes' load); peak memory "
              f"{r['peak_mb']:,.0f} MB (+{r['peak_mb'] - r['start_mb']:,.0f} MB over the {r['start_mb']:,.0f} MB "
              f"before); re-merge after one more report ({r['new']} events) {r['remerge']:.2f} s")
        db.unlink()


def merge_in_this_process(db: Path, profile: bool) -> None:
    """The child of bench_merge: merge the store (timed, peak memory), then add one report and re-merge; prints one
    JSON line."""
    import json

    from sitrep.store.db import merge_store

    with Store(db) as store:
        start_mb = _rss_mb()
        t, cpu = time.perf_counter(), time.process_time()
        if profile:
            import cProfile
            import pstats

            pr = cProfile.Profile()
            merged = pr.runcall(merge_store, store)
            pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
        else:
            merged = merge_store(store)
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        peak_mb = _peak_mb()
        con = store.con
        events = con.execute("SELECT count(*) FROM report_events").fetchone()[0]
        # One more report (a copy of the first report's events, three days later), merged incrementally.
        con.execute("""INSERT INTO articles SELECT article_id || '~new', NULL, content_hash || '~new', title,
                       published + 3, outlet, language, text, version, ingested_at FROM articles
                       WHERE article_id = (SELECT min(article_id) FROM articles)""")
        new = [r[0] for r in con.execute(
            "SELECT event_id FROM report_events WHERE article_id = (SELECT min(article_id) FROM articles)").fetchall()]
        con.execute("""INSERT INTO report_events SELECT event_id || '~new', article_id || '~new', seq, kind,
                       event_type, sub_event_type, date_start + 3, date_end + 3, date_precision, location_name,
                       admin1, admin1_code, country, lat, lon, geonames_id, where_prec, claim_source, confirmed,
                       confidence, evidence, record FROM report_events WHERE event_id IN (SELECT unnest(?))""", [new])
        t = time.perf_counter()
        merge_store(store)
        remerge = time.perf_counter() - t
    print(json.dumps({"events": events, "merged": merged, "wall": took, "cpu": cpu, "start_mb": start_mb,
                      "peak_mb": peak_mb, "new": len(new), "remerge": remerge}))


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    """The process's highest resident memory (VmHWM: its own, unlike ru_maxrss, which keeps the parent's from
    before the exec)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


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
    ap.add_argument("--merge", type=int, nargs="*", default=[50_000, 100_000, 200_000],
                    help="Report events to merge, one store of each size (none: skip).")
    ap.add_argument("--profile", action="store_true", help="Profile each merge (cProfile) and print the top 25.")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--merge-db", type=Path, help=argparse.SUPPRESS)  # bench_merge's child: merge this store
    args = ap.parse_args()
    if args.merge_db:
        return merge_in_this_process(args.merge_db, args.profile)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.reports:
            bench_ingest(args.reports, workdir)
        if args.merge:
            bench_merge(args.merge, workdir, args.profile)
        bench_queries(args.events, args.repeat, workdir)


if __name__ == "__main__":
    main()
