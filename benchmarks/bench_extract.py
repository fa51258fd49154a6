"""Extraction speed: articles/s and words/s of sitrep beside spaCy's nlp.pipe alone, on the same texts, in one run;
then sitrep with 1 and 2 worker processes (sitrep.parallel, as `sitrep extract` runs) side by side.

    python benchmarks/bench_extract.py [--articles 1000] [--batch-size 32] [--workers 1,2 | 0] [--only-workers]
                                       [--rounds 8]

The texts are the dev corpus (../shared/corpus/dev) and the bundled sample, repeated to at least --articles
reports. The ratio (sitrep time / spaCy time) is what extraction adds on top of the NLP; the target is <= 1.3.
The runs take turns over slices of the texts, and CPU seconds are printed beside the wall clock: on a machine
shared with other programs the ratio by CPU seconds is the steadier figure.
With workers, the target is 2 workers >= 1.7x one on a 2-core machine; the CPU seconds spent (this process and its
workers) and the load average are printed beside, since other programs on the machine take cores too.
Speed is reported here, never asserted in tests.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corpora import articles as corpus_articles  # noqa: E402
from sitrep.model import Article  # noqa: E402
from sitrep.nlp import NLP, load_pipeline  # noqa: E402
from sitrep.pipeline import Extractor  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--workers", default="1,2", help="worker counts to compare, e.g. 1,2; 0 for none")
    ap.add_argument("--only-workers", action="store_true", help="skip the spaCy and no-places runs")
    ap.add_argument("--rounds", type=int, default=8, help="slices the three runs take turns over")
    args = ap.parse_args()

    base = corpus_articles("dev", "sample")
    reps = -(-args.articles // len(base))
    articles = [Article(id=f"{a.id}-{k}", text=a.text, published=a.published) for k in range(reps) for a in base]
    words = sum(len(re.findall(r"\S+", a.text)) for a in articles)
    print(f"{len(articles)} articles ({len(base)} distinct), {words:,} words, batch size {args.batch_size}")

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    from sitrep.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    gazetteer.lookup("Ramadi")
    print(f"gazetteer open: {time.perf_counter() - t:.3f} s, +{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0:.0f} MB"
          f" ({gazetteer.path.stat().st_size / 1e6:.0f} MB index on disk, {gazetteer.stats()['names']:,} names)")

    if args.only_workers:
        bench_workers(articles, words, [int(w) for w in args.workers.split(",")])
        return
    t = time.perf_counter()
    nlp = load_pipeline()
    shared_nlp = NLP(batch_size=args.batch_size)
    extractor = Extractor(shared_nlp)
    no_places = Extractor(shared_nlp, places=False)
    print(f"model load: {time.perf_counter() - t:.2f} s (both pipelines)")

    # Warm up, so no run pays first-call costs in the timed runs.
    list(nlp.pipe([a.text for a in base], batch_size=args.batch_size))
    list(extractor.extract_many(base))

    # The three runs take turns over slices of the texts (spaCy, sitrep, sitrep without places; the next slice ...),
    # so that a machine whose other programs come and go slows each of them alike; wall and CPU seconds are summed.
    wall = {"spacy": 0.0, "sitrep": 0.0, "no_places": 0.0}
    cpu = dict(wall)
    events = 0
    step = -(-len(articles) // max(1, args.rounds))
    for k in range(0, len(articles), step):
        part = articles[k : k + step]
        for name in wall:
            t, c = time.perf_counter(), time.process_time()
            if name == "spacy":
                for _ in nlp.pipe((a.text for a in part), batch_size=args.batch_size):
                    pass
            elif name == "sitrep":
                events += sum(len(r.events) for r in extractor.extract_many(part))
            else:
                for _ in no_places.extract_many(part):
                    pass
            wall[name] += time.perf_counter() - t
            cpu[name] += time.process_time() - c
    spacy_s, sitrep_s, no_places_s = wall["spacy"], wall["sitrep"], wall["no_places"]

    def line(name: str, key: str) -> str:
        secs = wall[key]
        return (f"{name:18} {secs:7.2f} s  {len(articles) / secs:7.1f} articles/s  {words / secs:8.0f} words/s"
                f"  (CPU {cpu[key]:.2f} s)")

    print(line("spaCy nlp.pipe", "spacy"))
    print(line("sitrep, no places", "no_places"))
    print(line("sitrep extract", "sitrep"))
    print(f"ratio sitrep/spaCy: {sitrep_s / spacy_s:.3f}   (by CPU seconds {cpu['sitrep'] / cpu['spacy']:.3f}; "
          f"{events} events)")
    print(f"sitrep's own work: {1000 * (sitrep_s - spacy_s) / len(articles):.2f} s per 1,000 articles "
          f"(CPU {1000 * (cpu['sitrep'] - cpu['spacy']) / len(articles):.2f} s; sitrep extract minus spaCy), headroom "
          f"to the 1.3 ratio {1000 * (1.3 * spacy_s - sitrep_s) / len(articles):.2f} s")
    print(f"places add: {100 * (sitrep_s - no_places_s) / no_places_s:.1f}% to extraction time")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    counts = [int(w) for w in args.workers.split(",") if int(w) > 0]
    if counts:
        bench_workers(articles, words, counts)


def bench_workers(articles: list[Article], words: int, counts: list[int]) -> None:
    """The same texts through `sitrep.parallel.ParallelExtractor` (what `sitrep extract --workers N` runs).

    On a shared machine the wall-clock ratio says as much about the other programs as about sitrep, so each run
    also prints the CPU seconds of every process it used, and the speed-up the machine would give with its cores
    to itself: the one-process CPU time over the busiest process's CPU time (its critical path)."""
    import os

    from cpu import pool_pids, process_cpu

    from sitrep.parallel import ParallelExtractor

    secs, busiest = {}, {}
    for n in counts:
        with ParallelExtractor(n) as ex:
            ex.local()  # the model loads before the clock starts, as it does once per run
            t, mine = time.perf_counter(), process_cpu(os.getpid())
            for _ in ex.extract_many(articles):
                pass
            secs[n] = time.perf_counter() - t
            workers = pool_pids(ex)
            cpus = [process_cpu(os.getpid()) - mine] + [process_cpu(pid) for pid in workers]
        busiest[n] = max(cpus)
        print(f"{n} worker(s): {secs[n]:7.2f} s  {len(articles) / secs[n]:7.1f} articles/s  {words / secs[n]:8.0f} "
              f"words/s  (CPU s: this process {cpus[0]:.1f}"
              + "".join(f", worker {k + 1} {c:.1f}" for k, c in enumerate(cpus[1:]))
              + f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)
    first = counts[0]
    for n in counts[1:]:
        print(f"speed-up {n} workers over {first}: {secs[first] / secs[n]:.2f}x wall clock; "
              f"{busiest[first] / busiest[n]:.2f}x by CPU critical path (the cores to itself)")


if __name__ == "__main__":
    main()
