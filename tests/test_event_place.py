"""The event's place: which of a report's places is where its event happened. Texts written by us.

Each row is a short report and the place its (first) event must be placed at: the name as the report spells it and
the country. The rows cover the choices `sitrep.event_place` makes: the place the event words attach to over a
dateline, a speaker's city or a reference point; a village told in a town's countryside; where a person comes
from; a people's name; a site and the town that holds it; a region narrowed to a town told later.
"""
from __future__ import annotations

import pytest

from sitrep import event_place
from sitrep.nlp import NLP
from sitrep.places import Geoparser

EVENT_PLACES = [
    # the place the event words attach to, not the dateline, a speaker's city or a reference point
    ("KABUL, March 2 (Reuters) - A roadside bomb killed four soldiers in Kandahar on Monday, officials said.",
     "Kandahar", "AF"),
    ("Speaking in Nairobi, a UN official said 12 villagers were killed in Beni, North Kivu.", "Beni", "CD"),
    ("Gunmen killed six farmers in the village of Kadarko, 40 km north of Makurdi, police said.", "Kadarko", "NG"),
    # a village told in a town's countryside, or in a city named as its province, is a place of its own
    ("On 3 June, regime forces shelled the village of Tal Hawash in Hama countryside, killing 2 civilians.",
     "Tal Hawash", "SY"),
    ("On 3 June, unidentified gunmen killed a shepherd in Hazima in Ar-Raqqa.", "Hazima", "SY"),
    ("On 3 June, a roadside bomb hit a patrol in Western Ghariyeh in Dar'a countryside, killing 3 soldiers.",
     "Western Ghariyeh", "SY"),
    # ... but a place told before the speech verb that closes the sentence is in what was said; a village the
    # gazetteer lacks takes the province named with it, not the country
    ("A suicide bomber killed at least eight people in the village of Kolofata Nord, two kilometres from the "
     "Nigerian border, in Cameroon's Far North region, a local official said on Sunday.", "Kolofata Nord", "CM"),
    # where a person comes from is not where it happened
    ("On 5 June, militants executed a man from Afrin in Idleb after a week in detention.", "Idleb", "SY"),
    ("On 5 June, gunmen killed a trader from Gao in Menaka.", "Menaka", "ML"),
    # ... but a place people were taken from is
    ("On 5 June, Al Shabaab militants kidnapped three traders from Buulo Mareer village (Marka, Lower Shabelle).",
     "Buulo Mareer", "SO"),
    # a people's name is no place
    ("At least 9 people died in clashes between Hawadle and Galje'el clans near Beledweyne town.", "Beledweyne", "SO"),
    ("Eleven people were killed in fighting between Tiv herders and Jukun farmers in Wukari.", "Wukari", "NG"),
    ("Four died as Bassa and Egbura ethnic groups clashed in Umaisha town of Toto Local Government Area of "
     "Nasarawa State.", "Umaisha", "NG"),
    # "the X town of Y": the town is Y, X only qualifies it
    ("A journalist was shot dead in the Amazon town of Tabatinga on Friday.", "Tabatinga", "BR"),
    ("A shop owner was killed in the Iraqi Kurdish town of Penjwen.", "Penjwen", "IQ"),
    # a site is not a settlement: the town that holds it is the place
    ("A grenade exploded in Koba market, in Garbatulla, wounding 4 people.", "Garbatulla", "KE"),
    ("On 4 June, in El Refugio (Ahuachapan), police patrolling the Lopez farm were attacked.\n"
     "Two attackers were killed.", "El Refugio", "SV"),
    ("Rioters burned the homes of officials in Ouahigouya.\nPolice fired tear gas.\n"
     "One body was found in the Sawadogo home after the fire.", "Ouahigouya", "BF"),
    ("On 3 May, gunmen executed a trader in Public Square in the centre of Jowhar District (Jowhar, Middle "
     "Shabelle).", "Jowhar", "SO"),
    # ... but a site the report places itself, its areas in brackets, is the coded location
    ("On 6 May, soldiers opened fire on a car at Al Qahira checkpoint (Al Mudhaffar, Taizz), killing a man.",
     "Al Qahira", "YE"),
    # a region is narrowed to a town told later where the report says what was done
    ("At least 11 people were killed in a shooting at a bar in Mexico's Guanajuato state on Sunday.\n"
     "Armed men arrived in two vans at the club in the city of Celaya and opened fire.", "Celaya", "MX"),
    # ... not to a town named later for something else
    ("Clashes in Anbar province on Monday left at least 30 people dead, officials said.\nThe army sent "
     "reinforcements.\nThe governor later held a press conference.\nSchools in Haditha will reopen next week.",
     "Anbar", "IQ"),
    # "the attack took place in X": where the report says it happened
    ("Six people were killed when cattle herders attacked farmers in northern Nigeria, police said.\n"
     "The attack took place on Sunday in the Demsa district of Adamawa state.", "Demsa", "NG"),
    ("Thirteen people were killed in a dispute over land in Mexico's southern state of Oaxaca, prosecutors said.\n"
     "The deadly conflict took place on Monday in Juquila district, when one group attacked another.", "Juquila",
     "MX"),
    # "The incident in X ...": the report points back to the event and says where it was
    ("Tribal feuds are common across southern Iraq, from Basra to Amarah.\nLast week, a boy was killed and three "
     "people wounded when two tribes traded fire over a small debt.\nThe incident in the Dhi Qar province began "
     "when a child refused to repay a friend.", "Dhi Qar", "IQ"),
    # the capital that only locates the place is not the place
    ("Al Shabaab militants killed 12 Somali soldiers and briefly held a base south-west of the capital, officials "
     "said.", "Somalia", "SO"),
    # a village the gazetteer lacks, named with its kind word, is the place (at its area's coordinates)
    ("Gunmen killed 8 people in Kofai Dutse village in Zamfara state on Friday.", "Kofai Dutse", "NG"),
    # a place told past another event's sentences is that event's ("Further north, in Wasit province, ... The
    # violence, which took place in the town of X"): the first event keeps its country
    ("Tribal violence has flared across the south this year.\nPolice said the clashes were over land and marriage "
     "disputes.\nSix people were shot dead on Wednesday during a clash between two tribes over farmland.\nThe "
     "fighting lasted several hours, police said.\nFurther north, in Wasit province, an armed clash between members "
     "of one tribe left three people dead.\nThe violence, which took place in the town of Suwaira, broke out over a "
     "marriage.", "Iraq", "IQ"),
    # the last place named before the figures, not a country named after it
    ("Tribal feuds often turn deadly in Maysan province, which borders Iran.\nOn Monday, eight people were killed "
     "in a feud over farmland, police said.", "Maysan", "IQ"),
    # ... and not the areas named in brackets after it
    ("On 2 May 2020, soldiers clashed with Al Shabaab fighters on patrol near Buur Heybe village (Baydhaba, Bay).\n"
     "After a brief exchange of fire the soldiers withdrew. Two militants were killed.", "Buur Heybe", "SO"),
    # "the city" is the last city named
    ("Militants captured Ramadi on Sunday.\nAt least 40 people were killed as the city fell.", "Ramadi", "IQ"),
]


@pytest.mark.parametrize("text,name,country", EVENT_PLACES)
def test_event_place(extract, text, name, country):
    loc = extract(text).events[0].location
    assert (loc.name, loc.country) == (name, country)


@pytest.fixture(scope="module")
def parse():
    nlp, geoparser = NLP(), Geoparser()

    def run(text: str):
        parsed = nlp.parse(text)
        mentions, _ = geoparser.parse(parsed)
        return parsed, mentions

    return run


def test_event_place_choice_keeps_its_reasons(parse):
    """The choice is a score over named cues, and each place weighed keeps the reasons that made its score."""
    parsed, mentions = parse("A grenade exploded in Koba market, in Garbatulla, wounding 4 people.")
    anchor = next(t.i for t in parsed.tokens if t.lower == "exploded")
    weighed = event_place.weigh(parsed, mentions, mentions, [anchor])
    assert [w.mention.text for w in weighed][0] == "Garbatulla"
    market = next(w for w in weighed if w.mention.text == "Koba")
    assert "site" in market.cues and market.score < weighed[0].score
    assert any("site" in r for r in market.reasons)


def test_event_place_weights_are_data():
    """The cue weights and their reasons come from data/event_place.toml, one reason per weight."""
    c = event_place.cues()
    assert c.weights["attached"] > 0 > c.weights["reference_point"]
    assert set(c.reasons) == set(c.weights)
    assert "countryside" in c.rural and "clans" in c.people and "market" in c.sites
    assert {"attack", "incident", "conflict"} <= c.event_nouns  # the places file's, the shared attack nouns, ours


def test_event_place_unknown_village_takes_the_province_named_with_it(extract):
    """A village the gazetteer lacks takes the nearest known place named with it finer than a country, and a place
    told before the speech verb closing the sentence is no speaker's place."""
    loc = extract("A suicide bomber killed at least eight people in the village of Kolofata Nord, two kilometres "
                  "from the Nigerian border, in Cameroon's Far North region, a local official said on Sunday."
                  ).events[0].location
    assert (loc.name, loc.admin1, loc.country, loc.precision) == ("Kolofata Nord", "Far North", "CM", "admin1")
