"""Shared fixtures: one loaded extractor for the whole run, and the location of ../shared (dev corpus, scorer)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.corpora import shared_dir
from sitrep.model import Article, Figure, Record
from sitrep.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample" / "corpus"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract one text with a pinned publication date."""

    def run(text: str, published: date | None = date(2024, 1, 15)) -> Record:
        return extractor.extract(Article(id="t", text=text, published=published))

    return run


@pytest.fixture(scope="session")
def geoparse(extractor):
    """The places of one text, found and resolved (the geoparser alone, no event's place)."""
    from sitrep.places import Geoparser

    gp = Geoparser()
    return lambda text: gp.parse(extractor.nlp.parse(text))[0]


def place_named(mentions, name: str, resolved: bool = True):
    """The mention named `name` among a text's places (and, with `resolved`, its place), asserting it is there."""
    found = {m.text: m for m in mentions}
    assert name in found, f"{name!r} not recognised; found {list(found)}"
    if not resolved:
        return found[name]
    assert found[name].resolved is not None, f"{name!r} not resolved"
    return found[name].resolved


def assert_place_is(place, expected) -> None:
    """`expected`: a GeoNames id, or the admin1 code of a first-level area."""
    if isinstance(expected, int):
        assert place.geonames_id == expected, (place.name, place.kind, place.country, place.admin1)
    else:
        assert (place.kind, place.admin1_code) == ("admin1", expected), (place.name, place.kind, place.admin1_code)


def live_figures(rec: Record, unit: str = "people") -> list[Figure]:
    return [f for e in rec.events for f in e.figures if not f.superseded and f.unit == unit]


def triples(rec: Record, unit: str = "people") -> set[tuple]:
    return {(f.category, f.min, f.max) for f in live_figures(rec, unit)}

__all__ = ["ROOT", "SAMPLE", "assert_place_is", "place_named", "shared_dir"]  # what the tests import from here
