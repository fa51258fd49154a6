"""The CI quality gate: extraction scored by ../shared/eval/score.py, failing below the pinned floors.

The dev corpus is real reports (publishers' words, read from ../shared, never copied here); the sample corpus is
our own. The floors are in tests/quality_floors.json and only go up.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.record import to_json_line
from sitrep.ingest.files import read_corpus
from tests.conftest import SAMPLE, shared_dir

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def score(extractor, corpus: Path, tmp_path: Path) -> dict:
    articles = [a for a in read_corpus(corpus)]
    assert all(not isinstance(a, Exception) for a in articles), articles
    pred = tmp_path / f"{corpus.name}.jsonl"
    pred.write_text("".join(to_json_line(r) + "\n" for r in extractor.extract_many(articles)), encoding="utf-8")
    scorer = shared_dir() / "eval" / "score.py"
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(corpus), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def value(result: dict, key: str):
    for part in key.split("."):
        result = result[part]
    return result


CORPORA = {"dev": ("corpus", "dev"), "clusters": ("corpus", "clusters-dev")}


@pytest.mark.parametrize("name", ["dev", "sample", "clusters"])
def test_quality_gate(extractor, tmp_path, name):
    corpus = shared_dir().joinpath(*CORPORA[name]) if name in CORPORA else SAMPLE
    result = score(extractor, corpus, tmp_path)
    assert result["missing_articles"] == 0
    failures = []
    for key, floor in FLOORS[name].items():
        if key.endswith("_max"):
            got = value(result, key[: -len("_max")])
            if got > floor:
                failures.append(f"{key[:-4]} = {got} > {floor}")
        else:
            got = value(result, key)
            if got is None or got < floor:
                failures.append(f"{key} = {got} < floor {floor}")
    summary = {k: result[k] for k in ("figures_strict", "events", "claim_source_acc", "confirmed_acc", "event_type_acc")}
    print(f"\n{name}: {summary}")
    assert not failures, f"{name} corpus below the quality floors: " + "; ".join(failures)


def test_quality_gate_merge(extractor, tmp_path):
    """Cross-report merging on real reports of the same events, with decoys, scored by merge_score.py."""
    from sitrep.export import export
    from sitrep.ingest.run import ingest
    from sitrep.store import Store

    corpus = shared_dir() / "corpus" / "clusters-dev"
    merged = tmp_path / "merged.jsonl"
    with Store(tmp_path / "clusters.duckdb") as store:
        report = ingest([str(corpus)], store, extractor)
        assert report.failed == 0
        export(store.con, "json", merged)
    scorer = shared_dir() / "eval" / "merge_score.py"
    out = subprocess.run([sys.executable, str(scorer), "--clusters", str(corpus / "clusters.json"), "--merged",
                          str(merged), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    print(f"\nmerge: precision {result['precision']} recall {result['recall']}")
    floors = FLOORS["merge"]
    assert result["precision"] >= floors["precision"] and result["recall"] >= floors["recall"], result
