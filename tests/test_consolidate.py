"""Consolidation: which counts of one sentence are one event's toll, and which stand beside each other.

Texts are our own, written in the style of wire reports.
"""
from __future__ import annotations

import pytest

from sitrep import lexicon
from tests.conftest import live_figures, triples


def test_consolidate_rule_file_is_versioned():
    rules = lexicon.load("consolidate")
    assert isinstance(rules["version"], int)
    assert "while" in rules["split"]["contrast"] and "we" in rules["sides"]["first_person"]


@pytest.mark.parametrize("text, expected", [
    # Clauses set against each other by "while": one clash, each side's toll.
    ("According to the army, seven soldiers died and three were hurt, while five insurgents died and eight were "
     "hurt in the fighting outside Mopti on Sunday.", {("killed", 7, 7), ("killed", 5, 5)}),
    # One more victim told without a number after a count: the same attack, not another event.
    ("A mortar round struck a school in Sirte on Friday, leaving seven pupils wounded, and a teacher was injured as "
     "he carried them out.", {("injured", 7, 7)}),
    ("Gunmen shot dead six villagers in Dogon Kiri on Sunday and beheaded a herder at a nearby well.",
     {("killed", 6, 6)}),
])
def test_consolidate_one_sentence_one_event(extract, text, expected):
    rec = extract(text)
    assert len(rec.events) == 1
    assert expected <= triples(rec)


def test_consolidate_count_of_another_time_in_one_sentence_is_its_own_event(extract):
    rec = extract("Two smugglers were shot dead in Agadez on Monday, and the army says they had taken part in the "
                  "killing of 9 migrants.")
    assert len(rec.events) == 2
    assert triples(rec) == {("killed", 2, 2), ("killed", 9, 9)}


@pytest.mark.parametrize("foes", ["17 of their men", "17 of the enemy"])
def test_consolidate_foes_the_speaker_killed_are_no_rival_toll(extract, foes):
    """"We killed 17 ..." is the speaker's side's count of its foes: the soldiers' toll told before it stands."""
    rec = extract(f'Rebels overran an army camp outside Kidal on Tuesday and killed six soldiers, the army said. '
                  f'"We killed {foes} as they fled," an officer told reporters.')
    assert {("killed", 6, 6), ("killed", 17, 17)} <= triples(rec)


def test_consolidate_reads_the_statements_it_is_given_without_changing_them(extractor):
    """Rules that restate a count ("six more", "thousands" folded into a number, a breakdown's open sum) make new
    statements: the ones the figures stage handed over still say what the report said."""
    import copy
    from datetime import date

    from sitrep.consolidate import consolidate
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline, Work, default_stages

    text = ("Eight people were injured and six more were hurt when a bomb went off at a bus stop in Kaduna on Monday. "
            "Thousands fled the district; officials said 7,000 people had reached camps. More than 190 were wounded "
            "in all, 194 according to the hospital.")
    stages = [s for s in default_stages(extractor.geoparser) if s.name not in ("figures", "actors", "events")]
    work = Pipeline(stages)(Work(Article(id="t", text=text, published=date(2024, 1, 15)), extractor.nlp.parse(text)))
    before = copy.deepcopy([[m for m in f.mentions] for f in work.frames])
    given = [[m for m in f.mentions] for f in work.frames]
    figures = consolidate(work.parsed, work.frames)
    assert given == before
    # "more than 190" is the stated 194: the figure says so, the statement handed over still says "more than 190"
    live = [(g.category, g.min, g.max) for figs in figures.values() for g in figs if not g.superseded]
    assert ("injured", 194, 194) in live


@pytest.mark.parametrize("text, expected", [
    # Another outlet's toll in brackets, "also" or not, is the same toll told again: not one more victim.
    ("On 7 June 2024, an IED killed 2 police officers on a road in Baghlan. Fatalities coded as 2 (Tolo News also "
     "reported 2 deaths).", [("killed", 2, 2)]),
    # ... and a different number there is the other outlet's rival count: the note's own count stands (the rival is
    # kept, superseded), as it does against a larger count told before it.
    ("On 7 June 2024, an IED killed 2 police officers on a road in Baghlan. Fatalities coded as 2 (Tolo News "
     "reported 4 deaths).", [("killed", 2, 2)]),
    ("On 2 May 2024, insurgents said they killed 9 soldiers and lost 2 of their own in an assault on a post in "
     "Faryab. Fatalities coded as 4 (a local radio reported 11).", [("killed", 4, 4)]),
    ("On 9 May 2024, 5 guards were killed (7 according to the rebels) when a convoy was ambushed near Kunduz.",
     [("killed", 5, 5)]),
])
def test_consolidate_another_sources_toll_in_brackets_adds_nothing(extract, text, expected):
    rec = extract(text)
    assert sorted((f.category, f.min, f.max) for f in live_figures(rec)) == expected


@pytest.mark.parametrize("text, expected", [
    # The settled count of a note over the vague words it settles ("dozens" is 24 by SPEC's table, not the count).
    ("On 3 June 2024, troops repelled a raid on Harib, killing scores of attackers. Scores of fatalities were coded "
     "as 15.", [("killed", 15, 15)]),
    # Others of the same side told in the next sentence add to that side's toll.
    ("On 29 April, 2 policemen were killed and 3 were wounded in attacks on two villages of Imam Sahib district. "
     "2 other policemen were killed when they arrived as reinforcements.", [("injured", 3, 3), ("killed", 4, 4)]),
    # A settled count is never a part of another source's larger one, however the counts add up.
    ("On 4 March, according to a radio station, 2 soldiers were killed and 1 was wounded in an attack on a "
     "checkpoint in Adraskan, Herat. 1 soldier was killed in a village of the district according to a newspaper. "
     "Fatalities coded as 1 (the radio reported 2 fatalities).", [("injured", 1, 1), ("killed", 1, 1)]),
    # Counts joined as conjuncts are sides of one toll, never a total and its part; a death told as more after them
    # adds to its side's count (four herders).
    ("4 gendarmes and 3 herders died in an ambush on a patrol near Menaka; 2 gendarmes were hurt too. Another "
     "herder died of his wounds the next day.",
     [("injured", 2, 2), ("killed", 4, 4), ("killed", 4, 4)]),
    # A group's name between the number and the people counted: the people are counted (however the parser hangs it).
    ("On 12 June 2024, a drone strike killed about 15 ISWAP fighters near Monguno.", [("killed", 15, 15)]),
    # The count's own verb, then a passive one joined to it with no subject of its own: the count's too.
    ("Five gunmen stormed the police post in Kauru and were killed by troops.", [("killed", 5, 5)]),
    # Joined counts of other people keep each its figure, however alike their numbers.
    ("Two men and two women were shot dead at a checkpoint in Kauru on Friday.", [("killed", 2, 2), ("killed", 2, 2)]),
    # Two words for the same people, one hung on the other.
    ("On Friday, 14 people/civilians died in a bomb blast at a bus station in Maiduguri.", [("killed", 14, 14)]),
])
def test_consolidate_settled_and_joined_counts(extract, text, expected):
    rec = extract(text)
    assert sorted((f.category, f.min, f.max) for f in live_figures(rec)) == expected
