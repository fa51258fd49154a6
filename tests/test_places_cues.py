"""Places found by the words around them, and namesakes doubted by the rest of the report. Texts written by us.

Each row: a text, a name that must be among its place mentions, and what it must resolve to: a country code, or
None for a name kept unresolved (the gazetteer lacks it, or it is a namesake abroad). NO_PLACE rows: a name that must
not be a place mention.
"""
from __future__ import annotations

import pytest

from sitrep.places import Geoparser
from tests.conftest import place_named

PLACES = [
    # a place's local ruler: "the traditional ruler of X" names X, a place the gazetteer may lack
    ("Gunmen kidnapped the traditional ruler of Ungwan Kpaki in Kaduna State.", "Ungwan Kpaki", None),
    ("The Emir of Kano condemned the attack.", "Kano", "NG"),
    # a short sentence of names is no headline: the names after "at" and "between" are places
    ("The incident occurred at Dukana Jillo in Lafey sub-County.", "Dukana Jillo", None),
    ("On 3 May, CPI-Maoist cadres triggered an Improvised Explosive Device (IED) that damaged a bridge between "
     "Kodenar and Mursipal villages (Dantewada, Chhattisgarh).", "Kodenar", None),
    # a word spelt with its Arabic article joined, the model taking it for an adjective before "town"
    ("Bandits abducted two nuns in Elwak town in Mandera district.", "Elwak", "KE"),
    ("LOCATION: Elwak town in Mandera district.", "Elwak", "KE"),
    # an area the gazetteer lacks, after a known country's or province's possessive and before an area's kind word
    ("Gunmen killed nine people in South Sudan's Gok State on Friday.", "Gok", None),
    ("Miners clashed with police in northeast Nigeria's Mambilla region.", "Mambilla", None),
    # a kind word of several words ends an area's name before "of" and the province
    ("A bomber struck Kauri village in Mafa Local Council of Borno State.", "Mafa", "NG"),
    ("A bomber struck Kauri village in Mafa Local Council of Borno State.", "Borno", "NG"),
    # a kind word in lower case before a name, though the model tags it as a proper noun
    ("Gunmen raided a camp east of the state capital el-Geneina.", "el-Geneina", "SD"),
    # a name the model cut before a joining word, the rest tagged a person's name, is joined whole when the gazetteer
    # knows the whole
    ("On 6 May, in Santo Antonio de Jesus, Bahia, a trafficker was killed.", "Santo Antonio de Jesus", "BR"),
    # a kind word written before a name, starting a name the model took for a person's, makes it a place
    ("Militants planted bombs at the boundary of Barangays Pahug and Madalunot, Pinabacdao, Samar.", "Pahug", None),
    # a name joined by the Persian linking vowel goes on as often as the vowel comes
    ("Taliban fighters attacked a checkpoint in Rabat-e Sangi-ye Pain district, Herat.", "Rabat-e Sangi-ye Pain",
     "AF"),
    # a name after "via" is a place, though the model took it for a person's
    ("Two Turkish military convoys entered Idleb via Kafr Lusin border crossing.", "Kafr Lusin", None),
    # a settlement by apposition, its kind word after words that qualify it
    ("Gunmen laid siege to Dogonkuka, a semi-urban settlement in Jema'a LGA.", "Dogonkuka", None),
    # the words after the tagged part of a name, up to a kind word in lower case, are the name's
    ("A suicide bomber hit offices in the Warta Nabadda district of Mogadishu.", "Warta Nabadda", None),
    # "a place called X", "the community of X": names of places the gazetteer may lack
    ("Fighting broke out at a place called Dangur Woreda in Metekel Zone.", "Dangur", None),
    ("The shooting took place in the community of Zimanca near the border with Jalisco.", "Zimanca", None),
    # a town abroad that nothing else of the report is in, when two cues point elsewhere, is a namesake
    ("Al Shabaab militants attacked Kiunga, and Kenyan security forces rescued two pupils.", "Kiunga", None),
    # ... but not when the other country is named only beyond a border
    ("Soldiers killed eight people in Metema, close to the border with Sudan.", "Metema", "ET"),
    # ... nor when it is named as an actor's backer
    ("Separatists backed by the United Arab Emirates took the southern city of Ataq.", "Ataq", "YE"),
]

NO_PLACE = [
    ("Twelve Civilians Killed in Burkina Unrest", "Burkina Unrest"),
    ("Nine Herders Shot Dead in Burkina Raid", "Burkina Raid"),
    # a capitalised word first in its sentence is no place for standing before "town"
    ("Mining town residents protested on Monday.", "Mining"),
    # "X's Y" is no area of X without an area's kind word after it
    ("Gunmen killed nine people in South Sudan's Gok on Friday.", "Gok"),
    # a report's field label is no dateline
    ("LOCATION: Elwak town in Mandera district.", "LOCATION"),
]



@pytest.mark.parametrize("text,name,country", PLACES)
def test_places_cue_finds_and_resolves(geoparse, text, name, country):
    found = {m.text: m for m in geoparse(text)}
    assert name in found, f"{name!r} not recognised; found {list(found)}"
    place = found[name].resolved
    assert (place.country if place else None) == country, (place, [c.reasons for c in found[name].candidates[:2]])


@pytest.mark.parametrize("text,name", NO_PLACE)
def test_places_cue_keeps_out(geoparse, text, name):
    assert name not in {m.text for m in geoparse(text)}


PROVINCE_SPELT = [
    # a town or district bearing its province's name, set as the area another place lies in, spells the province
    ("Houthi shelling hit two villages in Razih district (Sadah).", "Razih", "Sadah"),
    ("Artillery fire was reported near Horadiz, Fizuli.", "Horadiz", "Fizuli"),
    # ... or said with a word for the land around it, which is its province's
    ("Regime forces shelled Kansafra in Idleb countryside.", "Idleb", "Idleb"),
    ("Regime forces shelled Foah in the countryside of Idleb.", "Idleb", "Idleb"),
    # ... not a port named in passing
    ("Warships shelled Hodeida in Yemen on Sunday.", "Hodeida", "Al Hudaydah"),
]


@pytest.mark.parametrize("text,name,admin1", PROVINCE_SPELT)
def test_places_province_spelt_as_the_report_sets_it(geoparse, text, name, admin1):
    assert place_named(geoparse(text), name).admin1 == admin1


ALIASES = [
    # another name of a place in brackets right after it is no place of its own: the areas after it hold the place
    ("Gunmen robbed traders near Kobaye [Kobay] (Dori, Seno).", "Kobaye", "Dori"),
    ("Party members clashed at Hatgram village, Baghmara (Bagmara) upazila (Rajshahi).", "Baghmara", "Rajshahi"),
    # ... but a lone area in brackets before a comma is the area, not another name, and so is one not spelt alike
    ("Bombs hit villages in Zap (Amadiya) region of Dahuk.", "Zap", "Amadiya"),
    ("Shells fell in Janzur (Tripoli), killing a man.", "Janzur", "Tripoli"),
]


@pytest.mark.parametrize("text,name,area", ALIASES)
def test_places_bracketed_alias_is_no_place(geoparse, text, name, area):
    mention = place_named(geoparse(text), name, resolved=False)
    assert mention.within is not None and mention.within.text == area, mention.within



@pytest.mark.parametrize("outlet,countries", [
    ("Nairobi News", {"KE"}),  # a capital by its own name names its country
    ("Baghdad Today", {"IQ"}),
    ("Al Mashhad Al Yemeni", set()),  # "the scene", not Iran's Mashhad: no other city names a country
    ("Lider San Antonio", set()),
])
def test_places_outlet_names_a_capital(outlet, countries):
    assert Geoparser().outlet_countries(outlet) == countries
