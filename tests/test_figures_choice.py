"""A number becomes a figure by a scored choice over routes and cues kept in data/figure_cues.toml [figure]."""
from __future__ import annotations

from sitrep.cues import CueTable
from sitrep.figures.choice import Candidate, choose, figure_cues

K, I = "killed", "injured"


def test_route_and_cue_weights_are_data():
    cues = figure_cues()
    assert cues.routes["passive_subject"] > cues.routes["headline_order"] >= cues.threshold
    assert cues.weights["negated"] < 0 and cues.weights["things"] < 0
    assert set(cues.routes) | set(cues.weights) <= set(cues.reasons)


def test_the_best_route_wins_and_a_cue_against_it_can_hand_over_to_another():
    cues = figure_cues()
    negated = Candidate("passive_subject", K, 3, "killed", ["negated"])
    other = Candidate("object", I, 7, "wounded")
    choice = choose([negated, other], [], cues)
    assert choice.figure and choice.best is other
    assert any("negated" in r for r in choice.reasons)


def test_a_cue_of_the_number_holds_for_every_route():
    choice = choose([Candidate("object", K, 2, "killed")], ["things"])
    assert not choice.figure and any("things" in r for r in choice.reasons)


def test_a_table_that_weighs_a_cue_less_decides_otherwise():
    cues = figure_cues()
    lenient = CueTable({**cues.weights, "negated": 0.0}, cues.reasons, cues.threshold, cues.routes)
    assert choose([Candidate("passive_subject", K, 3, "killed", ["negated"])], [], lenient).figure


def test_explain_and_the_figure_keep_the_route_and_its_weight(extract):
    rec = extract("Twelve villagers were killed when gunmen stormed the market on Tuesday.")
    fig = next(f for e in rec.events for f in e.figures)
    assert any("passive subject" in r and "+" in r for r in fig.reasons)
    assert any(r.startswith("score") and "a figure" in r for r in fig.reasons)


def test_no_route_no_figure(extractor):
    from sitrep.figures import explain

    lines = {e.text: e for e in explain(extractor.nlp.parse("Troops blocked 30 roads near the town on Sunday."))}
    assert lines["30"].figure is None and any("things" in r or "no casualty word" in r for r in lines["30"].reasons)


def test_word_lists_are_read_when_first_needed_not_at_import():
    """Importing the figures and numbers modules reads no data file; the stage's cached loaders do, once."""
    import subprocess
    import sys

    code = ("import sitrep.figures, sitrep.numbers, sitrep.lexicon as L; print(L.load.cache_info().currsize); "
            "sitrep.figures.vocab(); sitrep.numbers.vocabulary(); print(L.load.cache_info().currsize); "
            "from sitrep.figures import VERBS; print(VERBS['kill'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "0" and int(out[1]) >= 3 and out[2] == "killed"
