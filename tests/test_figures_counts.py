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
    ("Around 17 August 2023 (as reported), a night watchman was shot dead outside the grain depot.", {(K, 1, 1)}),
    ("On 9 November 2022, a mechanic was found beaten to death behind his workshop.", {(K, 1, 1)}),
    ("About 23 February 2024, a beekeeper was shot dead by two gunmen beside his hives.", {(K, 1, 1)}),
    # a number after a month that already has its day is a count
    ("14 Feb. 6 killed by raiders near the salt flats.", {(K, 6, 6)}),
    ("8 Aug. 9 injured as a mortar round landed on the ferry jetty.", {(I, 9, 9)}),
]

COUNTED_WITH_PEOPLE = [
    ("Three customs agents and a cook were injured when the charge detonated.", {(I, 4, 4)}),
    ("Six rangers and their captain were killed when raiders hit the patrol at dawn.", {(K, 7, 7)}),
    ("1 militia leader and his nephew were killed when a mine struck their pickup.", {(K, 2, 2)}),
    ("Bandits murdered three miners and a cook at the gold camp.", {(K, 4, 4)}),
    ("Seven dock workers and a passer-by died when the warehouse roof fell in after the explosion.", {(K, 8, 8)}),
    ("At least 12 pilgrims and a priest were killed when gunmen stormed the shrine.", {(K, 13, None)}),
    # people with numbers of their own are figures by side (SPEC §2), not added to the first
    ("Four gendarmes and 19 insurgents were killed in the fighting near the dam.", {(K, 4, 4), (K, 19, 19)}),
    # no person beside the count
    ("Raiders killed six herders and drove off their cattle.", {(K, 6, 6)}),
]

BARE_TITLES = [
    ("Attackers killed headmaster of the village school on Thursday night.", {(K, 1, 1)}),
    ("Masked men have murdered assistant police superintendent in the provincial seat on Saturday.", {(K, 1, 1)}),
    ("A parcel bomb wounded customs officer at the eastern crossing.", {(I, 1, 1)}),
]

HARM_PHRASE_IN_ORDER = [
    ("Traders blocked the highway - soldiers responded shooting dead 2", {(K, 2, 2)}),
    ("Third night of unrest. 1 gunned down - details unclear", {(K, 1, 1)}),
]

SAID_AGAIN_NOT_MORE = [
    ("On 14 July 2022, gunmen killed 1 ranger at the park gate. A provincial radio station also reported 1 death.",
     {(K, 1, 1)}),
    # "also" on the harm word still adds victims
    ("Three sentries were killed at the outpost. Two shepherds were also killed in the valley.",
     {(K, 3, 3), (K, 2, 2)}),
]

TWO_HARMS_ONE_COUNT = [
    # the dead and the hurt (or taken) together: neither count
    ("In an army sweep on 19 October 2023, 4 smugglers were killed, wounded or captured.", set()),
    ("Nine pilgrims were killed and injured when the bus was shelled.", set()),
    ("The shelling killed and wounded 48 people at the bus depot.", set()),
    # ... but each with its own count stands
    ("Seventeen people were killed and 41 were injured at the fuel depot.", {(K, 17, 17), (I, 41, 41)}),
    ("Seventeen people were killed and 41 injured at the fuel depot.", {(K, 17, 17), (I, 41, 41)}),
]

HIDDEN_VICTIMS = [
    # the parser took a place or a date for the passive subject
    ("On 11 September 2022, in Araguaina, Tocantins, a taxi driver was shot dead by two gunmen outside a bakery.",
     {(K, 1, 1)}),
    ("Around 15 January 2024, in the lake district, a pharmacist was found dead near the ferry pier.", {(K, 1, 1)}),
    # a harm phrase coordinated with another harm verb
    ("A lorry driver was kidnapped by five men and hacked to death in a maize field.",
     {("abducted", 1, 1), (K, 1, 1)}),
    # a body's possessor
    ("A teacher's body was pulled from the canal on Wednesday.", {(K, 1, 1)}),
]

KILLED_WITH_THE_VICTIM = [
    ("A village elder, his wife and four daughters were shot dead at a funeral in the delta.", {(K, 6, 6)}),
    ("Shelling killed a magistrate loyal to the old regime and three members of his household on Thursday.",
     {(K, 4, 4)}),
    ("A union leader was killed along with his son and three colleagues outside the depot.", {(K, 5, 5)}),
]

MOTIVES_AND_ALLEGATIONS = [
    ("A crowd beat to death a detainee accused of killing four herders.", {(K, 1, 1)}),
    ("Rebels executed a village chief on Wednesday, in reprisal for the killing of 6 of their fighters by the army.",
     {(K, 1, 1)}),
    ("The militia killed eleven residents of the hamlet while avenging the murder of two of its scouts.",
     {(K, 11, 11)}),
    # a protest's cause: the death it protests, with its victim's own harm word, is no toll of the protest
    ("Students rallied over the death of their classmate who died in police custody. Three constables were injured.",
     {(I, 3, 3)}),
    ("Neighbours protested about the death of a teenager who was killed by a security guard.", set()),
    # an accusation that reports the event is its toll
    ("Police were accused of killing five demonstrators outside the stadium on Saturday.", {(K, 5, 5)}),
]

TITLES_AND_NAMES = [
    ("Two bandits and a Deputy Superintendent were killed in a shootout on the highway.", {(K, 3, 3)}),
    # a word for many people is one person after "a"
    ("A youth was killed by police gunfire at the football ground.", {(K, 1, 1)}),
    # a name in brackets after a place is no second victim
    ("A crowd beat to death a suspected pickpocket in Kalikapur town (Kalikapur Sadar, Barisal) on Monday.",
     {(K, 1, 1)}),
]

# One victim told by the noun alone: a body found, a death as the outcome of what was done to one person.
TOLD_BY_THE_NOUN = [
    ("Youths fought running battles with police in Kisumu; a body was later found in the town.", {(K, 1, 1)}),
    ("A girl was hit with a baton by a police officer in Kondele, leading to her death on Friday.", {(K, 1, 1)}),
    ("Gunmen shot a trader in Mombasa on Sunday, causing his death.", {(K, 1, 1)}),
    ("Marchers demanded justice over his death in custody.", set()),
    ("The council is a body that was found to be corrupt by the audit.", set()),
]

# A count set after a casualty noun as its label, the report's total over the parts told before it.
LABELS = [
    ("Rebels clashed with troops near Beni, killing 1 soldier and 1 rebel. Total fatalities 2.", {(K, 2, 2)}),
    ("Rebels clashed with troops near Beni on Sunday. Fatalities: 3.", {(K, 3, 3)}),
]

THINGS = [
    ("Bulldozers uprooted 60 almond trees on the hillside.", set()),
    ("On 2 March 2024, 5 nurses picketed the health office, hanging placards on its railings.", set()),
    ("The insurgents hanged three informers at the market.", {(K, 3, 3)}),
    ("Raiders burned 45 huts and killed four fishermen.", {(K, 4, 4)}),
    ("The insurgents attacked the village and took away two motorcycles before troops arrived.", set()),
]


@pytest.mark.parametrize("text,expected", DATES_AND_COUNTS + COUNTED_WITH_PEOPLE + BARE_TITLES + HARM_PHRASE_IN_ORDER
                         + SAID_AGAIN_NOT_MORE + TWO_HARMS_ONE_COUNT + HIDDEN_VICTIMS + KILLED_WITH_THE_VICTIM
                         + MOTIVES_AND_ALLEGATIONS
                         + TITLES_AND_NAMES + TOLD_BY_THE_NOUN + LABELS + THINGS)
def test_figures_counts(extract, text, expected):
    assert triples(extract(text)) == expected


def test_a_participle_after_the_counted_noun_says_its_harm_over_the_verb_it_is_hung_on():
    """"five soldiers killed and five others gone missing", parsed (as the tagger sometimes does) with the soldiers
    as the subject of "gone missing": the participle right after them says they were killed."""
    from sitrep.figures.number import mention_for
    from sitrep.nlp import Parsed, Token
    from sitrep.numbers import find_quantities

    rows = [("five", "five", "CD", "NUM", "nummod", 1), ("soldiers", "soldier", "NNS", "NOUN", "nsubj", 6),
            ("killed", "kill", "VBN", "VERB", "acl", 1), ("and", "and", "CC", "CCONJ", "cc", 1),
            ("five", "five", "CD", "NUM", "nummod", 5), ("others", "other", "NNS", "NOUN", "conj", 1),
            ("gone", "go", "VBD", "VERB", "ROOT", 6), ("missing", "miss", "VBG", "VERB", "acomp", 6),
            (".", ".", ".", "PUNCT", "punct", 6)]
    toks, text = [], ""
    for i, (word, lemma, tag, pos, dep, head) in enumerate(rows):
        toks.append(Token(i, word, word.lower(), lemma, tag, pos, dep, head, len(text),
                          "CARDINAL" if pos == "NUM" else "", pos == "NUM", 0, " "))
        text += word + " "
    parsed = Parsed(text, toks, [(0, len(toks))], [])
    found = [mention_for(parsed, q) for q in find_quantities(parsed, 0)]
    assert [(m.category, m.min) for m in found] == [(K, 5), ("missing", 5)]
