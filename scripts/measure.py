"""Extract every dev corpus and score it: one table of every score, so a change is judged on all of them at once.

    .venv/bin/python scripts/measure.py                      # all corpora
    .venv/bin/python scripts/measure.py dev news-dev --json  # some, and the full results as JSON

The corpora are the bundled sample and those of ../shared/corpus (dev, news-dev, acled-dev, wad-dev, clusters-dev);
the scorers are ../shared/eval's. Predictions are kept in out/measure/<corpus>.jsonl for error analysis
(`python ../shared/eval/score.py --gold ... --pred out/measure/news-dev.jsonl --show`).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from sitrep.ingest.files import read_corpus  # noqa: E402
from sitrep.model import Article  # noqa: E402
from sitrep.record import to_json_line  # noqa: E402

CORPORA = ("dev", "news-dev", "acled-dev", "wad-dev", "clusters-dev", "sample")
# acled-dev's gold codes deaths only (ACLED codes no injuries or displacement): its figures are scored on killed.
CATEGORIES = {"acled-dev": ("killed",)}
COLUMNS = [("fig F1", "figures_strict.f"), ("val F1", "figures_value.f"), ("ev P", "events.p"),
           ("ev R", "events.r"), ("ev F1", "events.f"), ("loc", "location_acc"), ("adm1", "admin1_acc"),
           ("date", "date_close_acc"), ("type", "event_type_acc"), ("sub", "acled_sub_event_acc"),
           ("conf", "confirmed_acc"), ("src", "claim_source_acc"), ("actor", "actor_recall"),
           ("traps", "trap_false_figures"), ("quiet", "quiet_false_figures"), ("wad kill", "count_match.killed"),
           ("wad inj", "count_match.injured"), ("merge P", "merge.precision"), ("merge R", "merge.recall")]


def scorer():
    """../shared/eval/score.py as a module (standard library only), for its scoring and its event alignment."""
    spec = importlib.util.spec_from_file_location("sitrep_eval_score", shared_dir() / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_dir(name: str) -> Path:
    return ROOT / "sample" / "corpus" if name == "sample" else shared_dir() / "corpus" / name


def acled_sub_event_acc(score, gold: dict, pred: dict) -> float | None:
    """The share of gold events with ACLED's own coding whose aligned prediction has ACLED's sub-event type."""
    n = ok = 0
    for aid, g in gold.items():
        gev, pev = g.get("events") or [], pred.get(aid) or []
        aligned = dict(score.align(gev, pev))
        for gi, ge in enumerate(gev):
            want = (ge.get("acled") or {}).get("sub_event_type")
            if not want:
                continue
            n += 1
            if gi in aligned:
                ok += (pev[aligned[gi]].get("sub_event_type") or "").lower() == want.lower()
    return round(ok / n, 3) if n else None


def merge_scores(extractor, corpus: Path, work: Path) -> dict:
    from sitrep.export import export
    from sitrep.ingest.run import ingest
    from sitrep.store import Store

    merged = work / "merged.jsonl"
    with Store(work / "merge.duckdb") as store:
        ingest([str(corpus)], store, extractor)
        export(store.con, "json", merged)
    out = subprocess.run([sys.executable, str(shared_dir() / "eval" / "merge_score.py"), "--clusters",
                          str(corpus / "clusters.json"), "--merged", str(merged), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(name: str, extractor, score, out_dir: Path) -> dict:
    corpus = corpus_dir(name)
    articles = [a for a in read_corpus(corpus) if isinstance(a, Article)]
    pred_path = out_dir / f"{name}.jsonl"
    started = time.perf_counter()
    lines = [to_json_line(r) for r in extractor.extract_many(articles)]
    seconds = time.perf_counter() - started
    pred_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    gold, pred = score.load_gold(corpus), score.load_pred(pred_path)
    result = score.score(gold, pred, CATEGORIES.get(name, score.CATEGORIES))
    result.pop("per_article")
    result["acled_sub_event_acc"] = acled_sub_event_acc(score, gold, pred)
    result["articles_per_s"] = round(len(articles) / seconds, 1)
    if name == "wad-dev":
        out = subprocess.run([sys.executable, str(shared_dir() / "eval" / "count_match.py"), "--gold", str(corpus),
                              "--pred", str(pred_path)], capture_output=True, text=True, check=True)
        result["count_match"] = {k: v["exact_match"] for k, v in json.loads(out.stdout).items()}
    if (corpus / "clusters.json").exists():
        with tempfile.TemporaryDirectory() as work:
            result["merge"] = merge_scores(extractor, corpus, Path(work))
    return result


def cell(result: dict, key: str) -> str:
    for part in key.split("."):
        if not isinstance(result, dict) or part not in result:
            return "-"
        result = result[part]
    if result is None:
        return "-"
    return f"{result:.3f}" if isinstance(result, float) else str(result)


def table(results: dict[str, dict]) -> str:
    shown = [(head, key) for head, key in COLUMNS if any(cell(r, key) != "-" for r in results.values())]
    rows = [["corpus", "n"] + [head for head, _ in shown]]
    rows += [[name, str(r["articles"])] + [cell(r, key) for _, key in shown] for name, r in results.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths)))
                     for row in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=list(CORPORA), help=f"which corpora (default: {' '.join(CORPORA)})")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "measure", help="where predictions are kept")
    ap.add_argument("--json", action="store_true", help="print the full results as JSON after the table")
    args = ap.parse_args()
    unknown = sorted(set(args.corpora) - set(CORPORA))
    if unknown:
        ap.error(f"unknown corpus {', '.join(unknown)}; choose from {', '.join(CORPORA)}")
    from sitrep.pipeline import Extractor

    args.out.mkdir(parents=True, exist_ok=True)
    extractor, score = Extractor(), scorer()
    results = {}
    for name in args.corpora:
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results[name] = measure(name, extractor, score, args.out)
    print(table(results))
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
