"""Consolidation: which counts of one sentence are one event's toll, and which stand beside each other.

Texts are our own, written in the style of wire reports.
"""
from __future__ import annotations

import pytest

from sitrep import lexicon
from tests.conftest import triples


def test_consolidate_rule_file_is_versioned():
    rules = lexicon.load("consolidate")
    assert isinstance(rules["version"], int)
    assert "while" in rules["split"]["contrast"] and "we" in rules["sides"]["first_person"]


@pytest.mark.parametrize("text, expected", [
    # Clauses set against each other by "while": one clash, each side's toll.
    ("The army said nine soldiers were killed and four were wounded, while two insurgents were killed and six were "
     "wounded in the clash near Mopti on Sunday.", {("killed", 9, 9), ("killed", 2, 2)}),
    # One more victim told without a number after a count: the same attack, not another event.
    ("A mortar round struck a school in Sirte on Friday, leaving seven pupils wounded, and a teacher was injured as "
     "he carried them out.", {("injured", 7, 7)}),
    ("Gunmen shot dead six villagers in Dogon Kiri on Sunday and beheaded a man in a nearby hamlet.",
     {("killed", 6, 6)}),
])
def test_consolidate_one_sentence_one_event(extract, text, expected):
    rec = extract(text)
    assert len(rec.events) == 1
    assert expected <= triples(rec)


def test_consolidate_count_of_another_time_in_one_sentence_is_its_own_event(extract):
    rec = extract("Two men were found dead in Culiacan on Monday, and police believe they took part in the massacre "
                  "of 9 farmers.")
    assert len(rec.events) == 2
    assert triples(rec) == {("killed", 2, 2), ("killed", 9, 9)}


@pytest.mark.parametrize("foes", ["21 Shabaab elements", "21 of the enemy"])
def test_consolidate_foes_the_speaker_killed_are_no_rival_toll(extract, foes):
    """"We killed 21 ..." is the speaker's side's count of its foes: the soldiers' toll told before it stands."""
    rec = extract(f'Insurgents killed four soldiers at a base near Diffa on Tuesday, officials said. "We killed '
                  f'{foes} and we mourn our dead," a commander said.')
    assert {("killed", 4, 4), ("killed", 21, 21)} <= triples(rec)
