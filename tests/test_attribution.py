"""Who said each figure, and whether the report says it was confirmed. Texts written by us."""
from __future__ import annotations

import pytest

from tests.conftest import live_figures

SOURCES = [
    ("At least 9 people were killed, a police spokesman said.", "a police spokesman"),
    ("According to the Red Cross, 40 people were injured in the clashes.", "the Red Cross"),
    ("Twelve people died in the raid, local officials told AFP.", "local officials, via AFP"),
    ("The provincial governor, Ahmad Karimi, said 30 people were wounded.", "The provincial governor, Ahmad Karimi"),
    ("The UN said up to 20,000 people had fled the valley.", "The UN"),
    ("Reuters cited two hospital officials as saying 11 people were killed.", "two hospital officials, via Reuters"),
    ("\"We counted 14 bodies,\" said Maria Lopez, a nurse at the clinic.", "Maria Lopez, a nurse at the clinic"),
    ("Residents said seven people lost their lives and 13 were hurt.", "Residents"),
    ("Eight people were killed when a bomb hit the market.", None),
    # an aside the parser reads as a second subject is not the speaker
    ("Bandits abducted more than 40 people, most of them women, in a raid on a village, residents said on Monday.",
     "residents"),
    # the parser split ", officials said." off after a dashed dateline: a comma starts no sentence
    ("QUETTA, Pakistan — A bomb planted on a motorcycle exploded near a police truck in the city of Quetta on "
     "Monday, killing 12 people, including five police officers, and wounding 20 others, officials said.",
     "officials"),
    # a headline's source, without the line break after it
    ("Air strike on village kills 11, say residents\n\nAn air strike killed 11 people in a hill village on Thursday.",
     "residents"),
]


@pytest.mark.parametrize("text,source", SOURCES)
def test_attribution_source(extract, text, source):
    figs = live_figures(extract(text))
    assert figs, "expected a figure"
    assert {f.source for f in figs} == {source}


def test_attribution_pronoun_stands_for_last_named_source(extract):
    text = ("A jet bombed the village, according to Samir Haddad, a local council member.\n"
            "Seven people were killed and nine wounded, he said.")
    figs = live_figures(extract(text))
    assert {f.source for f in figs} == {"Samir Haddad, a local council member"}


def test_attribution_quote_belongs_to_its_speaker(extract):
    text = ('"We have no full count yet," said the district chief, Omar Bello. '
            '"We think 40 people have been killed."')
    figs = live_figures(extract(text))
    assert [f.source for f in figs] == ["the district chief, Omar Bello"]


def test_attribution_named_source_is_the_events_claim_source(extract):
    text = ("Up to 60 people were killed, a regional official said.\n"
            "\"At least 60 are dead,\" said the regional spokesman, Idris Musa.")
    rec = extract(text)
    assert rec.events[0].claim_source == "the regional spokesman, Idris Musa"


CONFIRMATION = [
    ("At least 9 people were killed, hospital officials confirmed.", True),
    ("The army confirmed that 4 soldiers died in the ambush.", True),
    ("Activists said 35 people were killed. The toll could not be independently verified.", False),
    ("Activists said 35 people were killed in the shelling. Neither claim could be independently verified.", False),
    ("Rebels claimed to have killed 50 soldiers.", False),
    ("The strike likely killed 3 militants, a defence official said.", False),
    ("Some 200 people are believed to have died in the assault.", False),
    ("Witnesses reported 15 deaths, but the government disputed the figure.", False),
    # a lower toll beside a word against the other is a contested toll
    ("Doctors said 108 people were killed. The ministry put the toll at 46 and said the doctors' figure was "
     "exaggerated.", False),
    ("Six people were allegedly killed by police.", False),
    ("Six people died in the attack, police said.", None),
    # a doubt word that describes a place is no doubt about the figure
    ("At least 300 people fled the disputed areas near Kirkuk on Monday, officials said.", None),
]


@pytest.mark.parametrize("text,confirmed", CONFIRMATION)
def test_attribution_confirmed(extract, text, confirmed):
    rec = extract(text)
    figs = live_figures(rec)
    assert figs and {f.confirmed for f in figs} == {confirmed}
    assert rec.events[0].confirmed is confirmed


def test_attribution_a_group_claiming_the_attack_is_no_source(extract):
    rec = extract("A bomb killed 12 people near a police truck on Monday, officials said.\nThe outlawed Balochistan "
                  "Liberation Army claimed responsibility in a statement.")
    assert rec.events[0].claim_source == "officials"
