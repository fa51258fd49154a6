"""Extraction speed: articles/s and words/s of sitrep beside spaCy's nlp.pipe alone, on the same texts, in one run.

    python benchmarks/bench_extract.py [--articles 1000] [--batch-size 32]

The texts are the dev corpus (../shared/corpus/dev) and the bundled sample, repeated to at least --articles
reports. The ratio (sitrep time / spaCy time) is what extraction adds on top of the NLP; the target is <= 1.3.
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

    t = time.perf_counter()
    nlp = load_pipeline()
    shared_nlp = NLP(batch_size=args.batch_size)
    extractor = Extractor(shared_nlp)
    no_places = Extractor(shared_nlp, places=False)
    print(f"model load: {time.perf_counter() - t:.2f} s (both pipelines)")

    # Warm up, so no run pays first-call costs in the timed runs.
    list(nlp.pipe([a.text for a in base], batch_size=args.batch_size))
    list(extractor.extract_many(base))

    t = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=args.batch_size):
        pass
    spacy_s = time.perf_counter() - t

    t = time.perf_counter()
    events = sum(len(r.events) for r in extractor.extract_many(articles))
    sitrep_s = time.perf_counter() - t

    t = time.perf_counter()
    for _ in no_places.extract_many(articles):
        pass
    no_places_s = time.perf_counter() - t

    def line(name: str, secs: float) -> str:
        return f"{name:18} {secs:7.2f} s  {len(articles) / secs:7.1f} articles/s  {words / secs:8.0f} words/s"

    print(line("spaCy nlp.pipe", spacy_s))
    print(line("sitrep, no places", no_places_s))
    print(line("sitrep extract", sitrep_s))
    print(f"ratio sitrep/spaCy: {sitrep_s / spacy_s:.3f}   ({events} events)")
    print(f"places add: {100 * (sitrep_s - no_places_s) / no_places_s:.1f}% to extraction time")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
