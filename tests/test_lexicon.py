"""The rule files under sitrep/data: versioned, loadable, and consistent with each other."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from types import SimpleNamespace as Tok

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


def test_lexicon_speech_verbs_are_one_list_with_named_extras():
    """One list of speech verbs (vocabulary.toml [speech]); a reader that counts more verbs names the group it adds."""
    speech = lexicon.load("vocabulary")["speech"]
    base, of_figures = lexicon.speech_verbs(), lexicon.speech_verbs("of_figures")
    assert base.lemmas == set(speech["verbs"]) and base.forms == set(speech["forms"])
    assert of_figures.lemmas == base.lemmas | set(speech["of_figures"])
    assert of_figures.forms == base.forms | set(speech["of_figures_forms"])
    assert lexicon.speech_verbs() is base  # read once


def test_lexicon_verbs_ask_lemma_and_form():
    """A token is a speech verb by its lemma, or by its form where the tagger left it unlemmatised."""
    speech = lexicon.speech_verbs()
    assert Tok(lemma="say", lower="says") in speech
    assert Tok(lemma="said", lower="said") in speech  # "media and locals said killed ..."
    assert Tok(lemma="kill", lower="killed") not in speech
    assert Tok(lemma="estimate", lower="estimated") in lexicon.speech_verbs("of_figures")
    assert Tok(lemma="estimate", lower="estimates") not in speech


def test_lexicon_stages_read_no_data_file_at_import():
    """The stages' word lists load when the pipeline is built, not when a module is imported: importing them reads
    no data file, and building the stages reads theirs."""
    probe = """
import functools, json, sys
from sitrep import lexicon
read = []
plain = lexicon.load.__wrapped__
lexicon.load = functools.cache(lambda name: read.append(name) or plain(name))
import sitrep.gazetteer, sitrep.nlp  # what they build on
before = len(read)
import sitrep.pipeline  # every stage module
at_import = read[before:]
sitrep.pipeline.default_stages()
print(json.dumps([at_import, read[before:]]))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": ":".join(sys.path)})
    at_import, at_build = json.loads(out.stdout)
    assert at_import == []
    assert {"actors", "attribution", "dates", "casualties", "context", "vocabulary", "places"} <= set(at_build)


def test_user_data_folder_lays_its_tables_over_the_package(tmp_path, monkeypatch):
    """$SITREP_DATA/<name>.toml changes the rules without editing the package: its tables are merged key by key,
    a value it gives replaces the package's, and what it leaves out stays."""
    packaged = lexicon.load.__wrapped__("vocabulary")
    (tmp_path / "vocabulary.toml").write_text('[speech]\nverbs = ["say", "opine"]\n')
    monkeypatch.setenv("SITREP_DATA", str(tmp_path))
    mine = lexicon.load.__wrapped__("vocabulary")
    assert mine["speech"]["verbs"] == ["say", "opine"]
    assert mine["speech"]["forms"] == packaged["speech"]["forms"]  # the same table's other keys stay
    assert mine["attack"] == packaged["attack"]  # and so do other tables
    assert lexicon.load.__wrapped__("numbers") == lexicon.load("numbers")  # no file of that name: the package's


def test_user_data_file_that_is_not_toml_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "places.toml").write_text("[cues\nlocative = 1\n")
    monkeypatch.setenv("SITREP_DATA", str(tmp_path))
    with pytest.raises(ValueError, match="places.toml: not valid TOML"):
        lexicon.load.__wrapped__("places")
