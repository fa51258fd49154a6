"""The rule files under sitrep/data: versioned, loadable, and consistent with each other."""
from __future__ import annotations

import pytest

from sitrep import lexicon
from sitrep.model import CATEGORIES, EVENT_TYPES

FILES = ["numbers", "casualties", "context", "attribution", "event_types"]


@pytest.mark.parametrize("name", FILES)
def test_lexicon_files_are_versioned(name):
    assert isinstance(lexicon.load(name)["version"], int)


def test_lexicon_casualty_categories_are_spec_categories():
    data = lexicon.load("casualties")
    for cat in CATEGORIES:
        assert cat in data, f"casualties.toml has no [{cat}] table"


def test_lexicon_hedges_map_to_spec_qualifiers():
    assert set(lexicon.load("numbers")["hedges"].values()) <= {"at_least", "up_to", "approx", "exact"}


def test_lexicon_vague_words_follow_spec_table():
    vague = lexicon.load("numbers")["vague"]
    assert (vague["dozens"], vague["scores"], vague["hundreds"], vague["thousands"], vague["tens of thousands"]) == (
        24, 40, 200, 2000, 20000)


def test_lexicon_event_types_are_spec_types():
    data = lexicon.load("event_types")
    for acled, spec in data["types"].values():
        assert spec in EVENT_TYPES
    for row in data["frame"]:
        assert row["sub"] in data["types"], row["sub"]


def test_lexicon_no_verb_in_two_categories():
    data = lexicon.load("casualties")
    seen: dict[str, str] = {}
    for cat in CATEGORIES:
        for verb in data[cat]["verbs"] + data[cat]["intransitive"]:
            assert verb not in seen, f"{verb!r} is both {seen[verb]} and {cat}"
            seen[verb] = cat


def test_lexicon_phrase_matching():
    table = lexicon.Phrases(["at least", "least", "up to"])
    words = "they killed at least five".split()
    assert table.before(words, 4) == ("at", "least")
    assert table.at(words, 2) == ("at", "least")
    assert table.at(words, 0) is None
    assert table.search(words) and not table.search("up and down".split())
