"""Namesakes decided by the report: the outlet's country as a weak prior, demonyms weighed by what they are said of,
organisations named after provinces, misread areas and acronyms. Texts written by us.

Each row: a text, the outlet that published it (or None), a name of the text, and what it must resolve to: a
country code, or None for a name left unresolved (a namesake abroad, or a place the gazetteer lacks), with the
country the report's focus must then give it.
"""
from __future__ import annotations

import pytest

from sitrep.places import Geoparser
from tests.conftest import place_named

# text, outlet, name, country the name resolves to (None: unresolved), the report's top country (None: not checked)
NAMESAKES = [
    # the outlet's country decides a name the gazetteer knows only as a hamlet abroad spelt alike
    ("Police fired teargas at traders in Dandora on Tuesday.", "Daily Nation (Kenya)", "Dandora", None, "KE"),
    # a name the gazetteer lacks, in a note naming no country: the outlet's
    ("Raiders stole 40 goats from herders in Mathare overnight.", "Kenya Standard", "Mathare", None, "KE"),
    # ... but the outlet never beats a place the report names in another country
    ("Gunmen killed a trader in Beledweyne, Hiraan, on Monday.", "Daily Nation (Kenya)", "Beledweyne", "SO", "SO"),
    # a demonym said of a place votes as a place does: a city abroad bearing the name is no match for it
    ("Raiders burned huts in Jima village, in the Kenyan district of Lamu, on Sunday.", None, "Jima", None, "KE"),
    # a demonym said of arms or people says whose they are, not where: the country named decides
    ("Saudi-led jets bombed a farm near Dhahyan in northern Yemen, medics said.", None, "Yemen", "YE", "YE"),
    # a great city's old name is no great city: Kotwali is a police area here, not Rangpur in Bangladesh
    ("Police beat a vendor in the Kotwali area of Bhilwara, Rajasthan, over the curfew.", None, "Kotwali", None, "IN"),
    # the area named in passing abroad, the name exactly a place of the report's country: that place
    ("Settlers beat a Palestinian shepherd in the Shufat area of Jerusalem, Palestinian medics said.", None,
     "Shufat", "PS", "PS"),
    # a short name of an area that reports use
    ("Gunmen attacked a checkpoint near Rafah, Sinai, and killed three conscripts.", None, "Rafah", "EG", None),
    # Burkina Faso's provinces are second-level areas: "Soum province" is one of them, not a Senegalese town
    ("Gunmen killed 12 herders near Arbinda in Soum province.", None, "Soum", "BF", "BF"),
    # a village abroad, in a report whose other places lie elsewhere, however they are spread
    ("Fighters from Bangui and Moscow met in Boyo before they raided Bambari, Central African Republic.",
     None, "Boyo", None, "CF"),
    # an organisation named after its province says where the report is
    ("Two lecturers were shot dead near Anyigba, the Kogi State University said.", None, "Anyigba", None, "NG"),
    # a great city's name votes for its country: Paynesville here is no Australian village
    ("Police recovered a trader's body in Paynesville on the edge of Monrovia.", None, "Paynesville", None, "LR"),
    # a town that bears the name only as another name, smaller than the name's own bearer, is not meant, however the
    # people named point to its country
    ("Israeli police said a guard was knifed outside a bus station in Kfar Saba by two Palestinians.", None,
     "Kfar Saba", "IL", None),
    # a city abroad matched only by one of its other names is doubted as a town would be: Inada in Japan is spelt
    # Inata too, and nothing else of the report is in Japan
    ("Jets struck militants in Burkina Faso after a gold mine was raided near Inata, the army in Ouagadougou said.",
     None, "Inata", None, "BF"),
    # the words say village, and the gazetteer knows the name only as a district of a neighbour the report points
    # to less
    ("Soldiers in Niger shot six farmers near the village of Abadam, a Nigerien mayor said.", None, "Abadam", None,
     "NE"),
    # "region" is said of districts too: the Congolese territory, not Bolivia's department of the name
    ("Mai-Mai fighters burned two police posts in the troubled Beni region overnight.", None, "Beni", "CD", "CD"),
    # a name said with its kind votes for the areas of that kind: Borno state, not a town of Italy
    ("Gunmen burned trucks at Auno on the Maiduguri road in Borno state.", None, "Auno", None, "NG"),
    # a town abroad that nothing else of the report is in, far from every country the report points to (an armed
    # group's cue, the outlet, the people named): a namesake, left unresolved, and the report's country holds
    ("Suspected JNIM militants killed three gendarmes at a checkpoint outside Banh on Sunday.", None, "Banh", None,
     "BF"),
    ("Two herders were shot dead by cattle raiders near Kiunga on Monday, police said.", "Daily Nation (Kenya)",
     "Kiunga", None, "KE"),
    ("Suspected rebels shot dead five Ugandan fishermen on Lake Albert at dawn, Congolese officials said.", None,
     "Lake Albert", None, None),
    # a town spelt otherwise than the report spells it, with nothing else of the report to point to its country, is
    # meant only when it is a city known well enough to be spelt many ways
    ("Gunmen shot dead two shopkeepers in Gulbahar on Friday.", None, "Gulbahar", None, None),
    ("Miners clashed with police in Likasy on Friday.", None, "Likasy", "CD", "CD"),
    # the more the report points elsewhere, the larger the town it takes to stand against it
    ("Gunmen killed 20 miners at Boma, officials in Venezuela said. Venezuela and Colombia agreed to patrol their"
     " border, and Colombia sent troops.", None, "Boma", None, None),
    # ... not one near the country the report points to, nor a city too large to be a namesake's chance
    ("Drones from Turkey struck a convoy near Idleb on Friday.", None, "Idleb", "SY", "SY"),
    ("The United States said its jets struck a depot in Deir ez-Zor.", None, "Deir ez-Zor", "SY", None),
]

# What the report's country focus is, when countries and peoples are named around the event: text, the top country.
FOCUS = [
    # a country's name in the possessive is where the place is, whatever lies near it; where the attackers came from
    # is the other side of the border
    ("Gunmen killed six villagers near Tanzania's southern border with Mozambique on Monday. The attackers came from"
     " Mozambique, police said.", "TZ"),
    # a people's national is a foreigner where the report is: no vote
    ("Gunmen killed a priest in Cueibet; the motive for the killing of the Kenyan national is unclear.", None),
    ("Police in Kismayo arrested eight Yemeni nationals after a grenade attack.", "SO"),
    # a name resolved again once the area named with it is read moves its vote: Cordoba is first taken for
    # Argentina's city, then for the Mexican town in Veracruz
    ("Riot police broke up a march in Cordoba, Veracruz, on Monday.", "MX"),
    # a name whose every namesake the area named with it rules out (Doro is a town of Italy) is no evidence
    ("Gunmen shot a herder near Doro, in South Sudan's Maban county.", "SS"),
    # a name known exactly only in one country votes for it until it is resolved in another: Shabwa is exactly only
    # a village of Myanmar, resolved as Yemen's Shabwah, and Myanmar keeps no vote
    ("Gunmen killed two soldiers at a checkpoint in Shabwa on Sunday, Yemeni officials said.", "YE"),
]

# Names recognised where the words around say they are places: text, the name.
RECOGNISED = [
    ("Turkish artillery shelled a farm in rural Ein Issa, Raqqa, on Monday.", "Ein Issa"),
    ("Gunmen shot at a car carrying the mayor of Tyre overnight.", "Tyre"),
    ("Soldiers found two mines southern of Bani Walid on Sunday.", "Bani Walid"),
    # a two-letter name, its areas in brackets after it
    ("On 2 June, jets bombed a camp of militants in Se (Djibo, Soum).", "Se"),
    # words between a name and its bracketed areas: who lives there, or a police station's limits
    ("On 5 June, dozens of Kibera residents (Langata, Nairobi) blocked a road over water cuts.", "Kibera"),
    ("Police seized a pipe bomb in Tekari police station limits (Gaya, Bihar) on Friday.", "Tekari"),
    # a kind word written before a settlement the gazetteer lacks, in a town of its own
    ("Troops traded fire with rebels in Barangay Lunod, Bulusan, Sorsogon, on Friday.", "Lunod"),
    # an area named after a place by a comma, itself followed by its areas in brackets
    ("On 8 June, two factions fought in Bhomradaha union, Pirganj upazila (Thakurgaon, Rangpur).", "Pirganj"),
    # a kind word with a word qualifying it after the name
    ("Raiders attacked Pariang cattle camp in Rubkona county of Unity state.", "Pariang"),
    ("Gunmen shot two guards at Tsore refugee camp on Friday.", "Tsore"),
    # the town named after its kind word and an adjective; a name in an area the words call a province
    ("Soldiers retook the northern town Al-Suwayq after a week of fighting.", "Al-Suwayq"),
    ("Tribesmen besieged al-Qarn in the Abyan province overnight.", "al-Qarn"),
    # a site named after the place it is at
    ("Bandits ambushed travellers around Gora axis on Sunday evening.", "Gora"),
]


@pytest.mark.parametrize("text,dateline,not_dateline", [
    # a dateline in title case, the country and a colon after it
    ("Herat, Afghanistan: Gunmen killed four guards at a bank in Shindand district on Monday.", "Herat",
     "Shindand"),
    ("GAROWE: A bomb hit a minibus near Galkayo on Sunday, police said.", "GAROWE", "Galkayo"),
])
def test_places_dateline_with_a_colon(extractor, geoparser, text, dateline, not_dateline):
    found = {m.text: m for m in geoparser.parse(extractor.nlp.parse(text))[0]}
    assert found[dateline].dateline and not found[not_dateline].dateline


def test_places_headline_subject_is_no_dateline(extractor, geoparser):
    found = {m.text: m for m in geoparser.parse(extractor.nlp.parse("Somalia: bomb kills 5 in Baidoa"))[0]}
    assert not any(m.dateline for m in found.values())


@pytest.fixture(scope="module")
def geoparser():
    return Geoparser()


@pytest.mark.parametrize("text,outlet,name,country,top", NAMESAKES)
def test_places_namesake_decided_by_the_report(extractor, geoparser, text, outlet, name, country, top):
    mentions, focus = geoparser.parse(extractor.nlp.parse(text), outlet)
    found = {m.text: m for m in mentions}
    assert name in found, f"{name!r} not recognised; found {list(found)}"
    place = found[name].resolved
    assert (place.country if place else None) == country, (place, found[name].candidates[:2])
    assert top is None or focus.top == top, focus.countries


@pytest.mark.parametrize("text,top", FOCUS)
def test_places_focus_not_moved_by_the_other_side(extractor, geoparser, text, top):
    _, focus = geoparser.parse(extractor.nlp.parse(text))
    assert focus.top == top, focus.countries
    assert all(n > 0 for n in focus.countries.values()), focus.countries  # (a demonym that does not vote is no 0)


def test_places_far_namesake_keeps_its_reason(extractor, geoparser):
    mentions, _ = geoparser.parse(extractor.nlp.parse("Al-Shabaab fighters raided a police post in Pala overnight."),
                                  "The Star (Kenya)")
    pala = place_named(mentions, "Pala", resolved=False)
    assert pala.resolved is None and pala.namesake
    assert any("km from every country the report points to" in r for r in pala.candidates[0].reasons)


@pytest.mark.parametrize("outlet,countries", [
    ("Daily Nation (Kenya)", {"KE"}),
    ("Times of India", {"IN"}),
    ("New Age (Bangladesh)", {"BD"}),
    ("AIB (Burkina Faso)", {"BF"}),
    ("Premium Times (Nigeria); Xinhua", {"NG"}),
    ("Xinhua", set()),
    ("Jerusalem Post", {"IL"}),  # a capital by its own name names its country too (one vote, a weak prior)
    ("La Silla Rota", set()),  # Silla is an old name of Korea, not one an outlet is named by
    ("", set()),
    (None, set()),
])
def test_places_outlet_names_its_country(geoparser, outlet, countries):
    assert geoparser.outlet_countries(outlet) == countries


def test_places_outlet_is_a_weak_prior(extractor, geoparser):
    parsed = extractor.nlp.parse("Rival clans fought over a borehole; two herders died.")
    assert geoparser.parse(parsed, "Daily Nation (Kenya)")[1].top == "KE"
    assert geoparser.parse(parsed)[1].top is None


def test_places_acronym_in_brackets_is_no_area(extractor, geoparser):
    mentions, _ = geoparser.parse(extractor.nlp.parse(
        "A group calling itself the Freedom Falcons (TAK) claimed the car bombing in Ankara."))
    assert [(m.text, m.resolved.country) for m in mentions] == [("Ankara", "TR")]


def test_places_currency_is_no_country(extractor, geoparser):
    _, focus = geoparser.parse(extractor.nlp.parse(
        "Rioters angry at the US dollar rate smashed shop windows in Bar Elias, Lebanon."))
    assert focus.countries["US"] == 0 and focus.top == "LB"


@pytest.mark.parametrize("text,name", RECOGNISED)
def test_places_recognised_by_the_words_around(extractor, geoparser, text, name):
    mentions, _ = geoparser.parse(extractor.nlp.parse(text))
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("text,admin1", [
    # a province named by one of its names keeps the report's spelling; admin1_code stays the key
    ("Militiamen killed 2 farmers in Kalehe (Kalehe, Sud-Kivu) on Friday.", "Sud-Kivu"),
    ("A mortar round wounded 3 children in Jasim, Dar'a, on Friday.", "Dar'a"),
    # not a spelling matched only by its consonants, nor the gazetteer's name with fewer words
    ("A feud in Iraq's Missan province left 2 men dead.", "Maysan"),
    ("A roadside bomb killed 4 soldiers in Jalrez district, Wardak.", "Maidan Wardak"),
])
def test_places_province_as_the_report_spells_it(extract, text, admin1):
    assert extract(text).events[0].location.admin1 == admin1


def test_places_focus_vote_moves_and_never_goes_below_nothing():
    from sitrep.places.focus import Focus

    focus = Focus()
    focus.vote("US", 2, "springfield")  # a name with one country votes before it is resolved
    focus.cast[("springfield", "US")] += 1
    focus.vote("US", 1, "springfield")  # ... and its first place's vote
    focus.recast("springfield", "US", "JM")  # resolved again, in Jamaica
    assert focus.countries == {"US": 2, "JM": 1}
    focus.unvote("US", 5, "springfield")  # no more than the name gave
    assert focus.countries == {"JM": 1} and focus.top == "JM"
    focus.unvote("JM", 1, "kingston")  # a name that gave nothing takes nothing back
    assert focus.countries == {"JM": 1}
