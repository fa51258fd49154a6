"""Figures that stopped events from aligning: a count read as part of a date (or a date read as a count), people
told without a number beside a count, a victim named by a bare title, a harm phrase before or after a bare count,
"also" on a verb of saying, two harms sharing one passive subject, things that are no people.

Every text here is written by us; each row states what a careful analyst would code from the sentence alone.
"""
from __future__ import annotations

import pytest

from tests.conftest import triples

K, I, D = "killed", "injured", "displaced"

DATES_AND_COUNTS = [
    # a day number before a month's name is the day of the date, not a count
    ("Around 8 May 2021 (as reported), a man was shot dead near the port market.", {(K, 1, 1)}),
    ("Around 4 June 2021, a trader was killed and found dead with signs of torture in the old town.", {(K, 1, 1)}),
    ("About 12 March 2022, a farmer was shot dead by unknown gunmen near his fields.", {(K, 1, 1)}),
    # a number after a month that already has its day is a count
    ("3 Oct. 5 killed by armed men in the river district.", {(K, 5, 5)}),
    ("21 Jan. 7 injured when a grenade exploded at the bus stop.", {(I, 7, 7)}),
]

COUNTED_WITH_PEOPLE = [
    ("Two police officers and a driver were injured when the bomb went off.", {(I, 3, 3)}),
    ("Four soldiers and their commander were killed in the ambush on the convoy.", {(K, 5, 5)}),
    ("1 rebel commander and his bodyguard were killed by a roadside bomb near the bridge.", {(K, 2, 2)}),
    ("Gunmen killed four farmers and a trader on the road to the market.", {(K, 5, 5)}),
    ("Five market porters and a bystander died when the wall collapsed after the blast.", {(K, 6, 6)}),
    ("At least 10 villagers and a teacher were killed in the raid.", {(K, 11, None)}),
    # people with numbers of their own are figures by side (SPEC §2), not added to the first
    ("Five police officers and 15 rebels were killed in the clashes.", {(K, 5, 5), (K, 15, 15)}),
    # no person beside the count
    ("Gunmen killed four farmers and stole a truck.", {(K, 4, 4)}),
]

BARE_TITLES = [
    ("Gunmen killed director of the district clinic on Monday evening.", {(K, 1, 1)}),
    ("Unknown assailants have murdered deputy district commissioner in the capital on Tuesday.", {(K, 1, 1)}),
    ("A roadside bomb wounded police officer in the northern town.", {(I, 1, 1)}),
]

HARM_PHRASE_IN_ORDER = [
    ("Youths stoned the buses - police intervened shooting dead 1", {(K, 1, 1)}),
    ("Second day of the strike. 1 shot dead - no further details", {(K, 1, 1)}),
]

SAID_AGAIN_NOT_MORE = [
    ("On 3 May 2021, militants shot and killed 1 policeman in the border district. Fatalities coded as 1 (a local "
     "outlet also reported 1 fatality).", {(K, 1, 1)}),
    # "also" on the harm word still adds victims
    ("Two soldiers were killed at the checkpoint. Three civilians were also killed nearby.", {(K, 2, 2), (K, 3, 3)}),
]

TWO_HARMS_ONE_COUNT = [
    # the dead and the hurt (or taken) together: neither count
    ("On 4 May 2021, 3 rebels were killed, injured or captured during a security operation.", set()),
    ("Six guards were killed and wounded when the tower was hit.", set()),
    ("Gunmen killed and wounded 35 people at the wedding.", set()),
    # ... but each with its own count stands
    ("Twenty people were killed and 30 were wounded in the blast.", {(K, 20, 20), (I, 30, 30)}),
    ("Twenty people were killed and 30 wounded in the blast.", {(K, 20, 20), (I, 30, 30)}),
]

HIDDEN_VICTIMS = [
    # the parser took a place or a date for the passive subject
    ("On 6 May 2021, in Lagoa, Bahia, a man was killed in a drive-by shooting by two men on a motorbike.", {(K, 1, 1)}),
    ("Around 27 April 2021, in the hill town, a shopkeeper was found dead near the bus station.", {(K, 1, 1)}),
    # a harm phrase coordinated with another harm verb
    ("A farmer was abducted by three men and stabbed to death near the river.", {("abducted", 1, 1), (K, 1, 1)}),
    # a body's possessor
    ("A man's body was found with his hands tied near the old mill.", {(K, 1, 1)}),
]

KILLED_WITH_THE_VICTIM = [
    ("A tribal chief, his wife and three sons have been shot dead in the border province.", {(K, 5, 5)}),
    ("An air strike killed a judge allied with the rebels and six members of his family on Sunday.", {(K, 7, 7)}),
    ("A party official was killed along with his brother and two bodyguards near his home.", {(K, 4, 4)}),
]

MOTIVES_AND_ALLEGATIONS = [
    ("A mob lynched a prisoner accused of murdering two shopkeepers.", {(K, 1, 1)}),
    ("Gunmen shot dead a ranger on Sunday, in retaliation for the killing of 3 of their members last week.",
     {(K, 1, 1)}),
    ("The gang killed nine villagers while avenging the killing of one of their leaders.", {(K, 9, 9)}),
    # a protest's cause: the death it protests, with its victim's own harm word, is no toll of the protest
    ("Villagers marched over the death of a fisherman who drowned during a police raid. Two officers were injured.",
     {(I, 2, 2)}),
    ("Relatives protested against the death of a woman who died in the clinic.", set()),
    # an accusation that reports the event is its toll
    ("Soldiers were accused of killing eight people in the market town on Friday.", {(K, 8, 8)}),
]

TITLES_AND_NAMES = [
    ("Four rebels and a Police Sub-Inspector were killed in the clash near the forest.", {(K, 5, 5)}),
    # a word for many people is one person after "a"
    ("A youth was killed by a stray bullet during the riot.", {(K, 1, 1)}),
    # a name in brackets after a place is no second victim
    ("A mob beat to death a labourer in Kaliganj town (Sadar, Khulna) on suspicion of theft.", {(K, 1, 1)}),
]

THINGS = [
    ("Settlers uprooted 40 olive trees near the village.", set()),
    ("On 6 May 2021, 3 activists protested outside the ministry, hanging up a banner. They were detained.", set()),
    ("The militants hanged two men in the square.", {(K, 2, 2)}),
    ("The militia torched 30 huts and killed two herders.", {(K, 2, 2)}),
]


@pytest.mark.parametrize("text,expected", DATES_AND_COUNTS + COUNTED_WITH_PEOPLE + BARE_TITLES + HARM_PHRASE_IN_ORDER
                         + SAID_AGAIN_NOT_MORE + TWO_HARMS_ONE_COUNT + HIDDEN_VICTIMS + KILLED_WITH_THE_VICTIM
                         + MOTIVES_AND_ALLEGATIONS
                         + TITLES_AND_NAMES + THINGS)
def test_figures_counts(extract, text, expected):
    assert triples(extract(text)) == expected
