"""The CI quality gate: every dev corpus extracted and scored by ../shared/eval's scorers (through
scripts/measure.py, the same code that prints the table), failing below the pinned floors.

The corpora of ../shared are real reports and coders' notes (their words, read from ../shared, never copied here);
the sample corpus is our own. The floors are in tests/quality_floors.json and only go up.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.measure import measure, scorer

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def value(result: dict, key: str):
    for part in key.split("."):
        result = result[part]
    return result


def below_floors(result: dict, floors: dict) -> list[str]:
    failures = []
    for key, floor in floors.items():
        if key.endswith("_max"):
            got = value(result, key[: -len("_max")])
            if got > floor:
                failures.append(f"{key[:-4]} = {got} > {floor}")
        else:
            got = value(result, key)
            if got is None or got < floor:
                failures.append(f"{key} = {got} < floor {floor}")
    return failures


@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_")])
def test_quality_gate(extractor, tmp_path, name):
    result = measure(name, extractor, scorer(), tmp_path)
    summary = {k: result.get(k) for k in ("figures_strict", "events", "location_acc", "date_close_acc",
                                          "event_type_acc", "count_match", "merge")}
    print(f"\n{name}: {summary}")
    failures = below_floors(result, FLOORS[name])
    assert not failures, f"{name} corpus below the quality floors: " + "; ".join(failures)
