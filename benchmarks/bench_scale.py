"""Ingest speed: reports/s with 1 and 2 workers over a corpus of 20,000 reports, the prefilter's share and speed,
and (Dask) peak memory per worker.

    python benchmarks/bench_scale.py [--reports 20000] [--engine processes|dask|both] [--partition-size 200]

`processes` is what `sitrep ingest --workers N` runs (sitrep.parallel's worker processes, the whole ingest: read,
prefilter, extract, store, merge); `dask` is `sitrep ingest --dask --workers N` (a local Dask cluster writing
Parquet partitions). The target is 2 workers >= 1.7x one on a 2-core machine; the load average is printed, since
other programs on the machine take cores too.

The corpus: the dev corpus, the sample and the clusters-dev reports (each made distinct), and unrelated news
written from our own templates (markets, sport, weather, culture, science), about seven in ten reports.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpora import articles  # noqa: E402
from cpu import pool_pids, process_cpu  # noqa: E402
from sitrep.ingest.run import ingest  # noqa: E402
from sitrep.parallel import ParallelExtractor  # noqa: E402
from sitrep.prefilter import is_relevant  # noqa: E402
from sitrep.scale import connect, ingest_distributed  # noqa: E402
from sitrep.store import Store, merge_store  # noqa: E402

NEWS = [
    "The {city} stock exchange closed {pct} percent higher on {day} as shares in banks and {sector} companies rose "
    "after the central bank kept interest rates unchanged at {rate} percent. Traders said investors were waiting for "
    "next week's figures on consumer prices, which economists expect to show inflation easing for a {n}th month.",
    "{team} beat {team2} {g1}-{g2} on {day} evening in front of {crowd} spectators, with their captain scoring twice "
    "in the second half. The coach said the squad had trained hard for the match and praised the young goalkeeper, "
    "who made several saves in the last ten minutes.",
    "Forecasters expect {mm} millimetres of rain in {city} on {day}, with temperatures between {t1} and {t2} degrees "
    "and strong winds along the coast. The weather service advised drivers to take care on wet roads and said the "
    "rain would clear by the weekend.",
    "The {city} film festival opened on {day} with a programme of {n} films from {k} countries and an exhibition of "
    "photographs in the old town hall. Organisers said tickets for the opening night had sold out within an hour.",
    "Researchers at the university of {city} said on {day} they had developed a battery that charges in {n} minutes "
    "and keeps {pct} percent of its capacity after {k} cycles. The team hopes to test it in buses next year.",
]
CITIES = ["Lyon", "Osaka", "Recife", "Leeds", "Gdansk", "Porto", "Pune", "Perth", "Malmo", "Quebec"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def build(n: int, folder: Path) -> Path:
    base = articles("dev", "sample", "clusters-dev")
    rnd = random.Random(7)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            if k % 10 < 3:
                a = base[k % len(base)]
                text = f"{a.text}\n(Report {k}.)\n"
                published = a.published.isoformat() if a.published else None
            else:
                text = rnd.choice(NEWS).format(
                    city=rnd.choice(CITIES), pct=rnd.randint(1, 9), day=rnd.choice(DAYS), sector=rnd.choice(
                        ["energy", "mining", "retail"]), rate=rnd.randint(2, 7), n=rnd.randint(3, 60),
                    team=rnd.choice(CITIES) + " United", team2=rnd.choice(CITIES) + " City", g1=rnd.randint(0, 5),
                    g2=rnd.randint(0, 5), crowd=rnd.randint(5, 70) * 1000, mm=rnd.randint(5, 80), t1=rnd.randint(5, 15),
                    t2=rnd.randint(16, 30), k=rnd.randint(10, 3000)) + f"\n(Report {k}.)\n"
                published = f"2024-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"
            fh.write(json.dumps({"id": f"r{k:06d}", "text": text, "published": published}) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=20_000)
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--engine", choices=["processes", "dask", "both"], default="processes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = build(args.reports, tmp)
        texts = [json.loads(x)["text"] for x in corpus.read_text(encoding="utf-8").splitlines()]
        t = time.perf_counter()
        kept = sum(is_relevant(x) for x in texts)
        pf = time.perf_counter() - t
        print(f"{len(texts):,} reports; prefilter keeps {kept:,} and drops {len(texts) - kept:,} "
              f"({100 * (len(texts) - kept) / len(texts):.0f}%) at {len(texts) / pf:,.0f} reports/s")
        engines = ["processes", "dask"] if args.engine == "both" else [args.engine]
        for engine in engines:
            rates, busiest = {}, {}
            for workers in (1, 2):
                db = tmp / f"{engine}{workers}.duckdb"
                t = time.perf_counter()
                if engine == "dask":
                    with connect(workers) as client, Store(db) as store:
                        t = time.perf_counter()
                        report = ingest_distributed([str(corpus)], store, client, tmp / f"parts{workers}",
                                                    args.partition_size)
                else:
                    with ParallelExtractor(workers) as ex, Store(db) as store:
                        ex.local()  # the model loads before the clock starts
                        t, mine = time.perf_counter(), process_cpu(os.getpid())
                        report = ingest([str(corpus)], store, ex, ahead=4 * workers, merge=False)
                        cpus = [process_cpu(os.getpid()) - mine] + [process_cpu(p) for p in pool_pids(ex)]
                        before_merge = process_cpu(os.getpid())
                        report.merged_events = merge_store(store)  # after the last batch: serial, in this process
                        merge_cpu = process_cpu(os.getpid()) - before_merge
                        busiest[workers] = max(cpus) + merge_cpu
                        print(f"  CPU s: this process (read, prefilter, store) {cpus[0]:.1f}"
                              + "".join(f", worker {k + 1} {c:.1f}" for k, c in enumerate(cpus[1:]))
                              + f", then merge {merge_cpu:.1f}")
                secs = time.perf_counter() - t
                rates[workers] = len(texts) / secs
                peaks = ", ".join(f"{mb} MB" for mb in report.workers_peak_mb.values())
                print(f"{engine}, {workers} worker(s): {report.line()} in {secs:.0f} s = {rates[workers]:.1f} "
                      f"reports/s (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
                      + (f"; peak memory per worker: {peaks}" if peaks else ""), flush=True)
            by_cpu = f"; {busiest[1] / busiest[2]:.2f}x by CPU critical path (the cores to itself)" if busiest else ""
            print(f"{engine}: speed-up with 2 workers: {rates[2] / rates[1]:.2f}x wall clock{by_cpu}", flush=True)


if __name__ == "__main__":
    main()
