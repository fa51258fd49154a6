"""Places: what kind of place a name is, told by the words around it and by the report's other names. Texts written
by us, on the cases a peer geoparser's own suite checks: a plural kind word shared by coordinated names, a state
against the city that bears its name inside a longer one, a capital against its namesake in a state the report
names, and a place that names its own province only by an alias.
"""
from __future__ import annotations

import pytest

from tests.conftest import assert_place_is, place_named


KINDS = [
    # a plural kind word after the last of coordinated names says what each of them is
    ("Government jets bombed villages in the Idlib and Hama governorates.", "Idlib", "SY.12"),
    ("Government jets bombed villages in the Idlib and Hama governorates.", "Hama", "SY.10"),
    ("Floods cut roads in the Amhara, Afar and Tigray regions.", "Amhara", "ET.46"),
    ("Floods cut roads in the Amhara, Afar and Tigray regions.", "Afar", "ET.45"),
    ("Bandits raided farms in Zamfara and Katsina states.", "Katsina", "NG.24"),
    # without one, the city of the name: "Homs" is Homs, not its governorate
    ("Government jets bombed Homs and Hama overnight.", "Homs", 169577),
    ("Government jets bombed Homs and Hama overnight.", "Hama", 170017),
    # a state, not the city that bears the state's name inside its own ("Oklahoma City")
    ("Tornadoes tore through Oklahoma on Tuesday.", "Oklahoma", "US.OK"),
    # a capital named alone is the capital, even though its province bears its name as an alias
    ("Thousands marched through Prague on Sunday.", "Prague", 3067696),
    # ... but a town of a state the report names is that town
    ("A storm hit farms in Oklahoma and flooded the town of Prague.", "Prague", 4548393),
    ("Protesters gathered in Geneva, Illinois.", "Geneva", 4893591),
    ("Diplomats met in Geneva for talks on the ceasefire.", "Geneva", 2660646),
    # a place named as the area of another is not held by that other's namesake province
    ("The envoy flew home to Washington, D.C., on Friday.", "Washington", 4140963),
    # kind words of several words, where a region or district is officially called so
    ("Clashes between farmers left 12 dead in Ethiopia's western Gambela Regional State.", "Gambela", "ET.49"),
    ("Bandits killed nine vigilantes in Zuru Local Government of Kebbi State on Sunday.", "Zuru", 7730014),
]



@pytest.mark.parametrize("text,name,expected", KINDS)
def test_places_kind_of_place(geoparse, text, name, expected):
    assert_place_is(place_named(geoparse(text), name), expected)


def test_places_a_name_is_no_evidence_of_its_own_province(geoparse):
    """"Prague" is also a name of the province Praha: that is no report naming Praha, so no candidate of the name
    earns the bonus of a town whose province the report names."""
    (prague,) = geoparse("Thousands marched through Prague on Sunday.")
    assert not any("is named" in r for c in prague.candidates for r in c.reasons)


@pytest.mark.parametrize("text,name,admin1_code", [
    # a name the model cut at joining words is whole when the gazetteer knows it so, and lies in the state after it
    ("On Friday, in Martinez de la Torre, Veracruz, two gunmen shot a taxi driver dead.", "Martinez de la Torre",
     "MX.30"),
    ("Floods cut off Foz do Iguacu, Parana, for two days.", "Foz do Iguacu", "BR.18"),
])
def test_places_a_name_cut_at_joining_words_is_whole(geoparse, text, name, admin1_code):
    assert place_named(geoparse(text), name).admin1_code == admin1_code


def test_places_a_joining_word_tagged_with_a_name_is_no_part_of_it(extractor):
    """The model sometimes tags "X and" as one name before the next of two coordinated names: the name is X."""
    from sitrep.places.recognition import _pieces

    toks = extractor.nlp.parse("Rebels attacked Kisima and Mavivi overnight.").tokens
    first = next(t.i for t in toks if t.text == "Kisima")
    assert _pieces(toks, first, first + 2, []) == [(first, first + 1)]  # "Kisima and"
    assert _pieces(toks, first + 1, first + 3, []) == [(first + 2, first + 3)]  # "and Mavivi"


@pytest.mark.parametrize("text,name,expected", [
    # a town inside a facility's name the model tags as one organisation is a place of the report
    ("Two suicide bombers struck the University of Maiduguri campus at dawn.", "Maiduguri", 2331447),
    ("A grenade went off at the Mandera District Hospital gate.", "Mandera", "KE.33"),
    ("Drones flew over Khartoum International Airport for a third night.", "Khartoum", 379252),
])
def test_places_a_town_inside_a_facility_name(geoparse, text, name, expected):
    assert_place_is(place_named(geoparse(text), name), expected)


@pytest.mark.parametrize("text", [
    "The Aden Clerics Association condemned the killing of its secretary-general.",  # an organisation, not a facility
    "Doctors at the Kenya National Hospital treated the wounded.",  # a national facility stands anywhere in it
])
def test_places_no_town_inside_an_organisation_or_a_national_facility(geoparse, text):
    assert [m.text for m in geoparse(text) if m.resolved is not None and m.resolved.kind != "country"] == []


@pytest.mark.parametrize("text", [
    "A farmer was later found tied and gagged in a bush behind his house.",  # "bush" tagged a person's name
    "Fighting spread along the west coast of the province.",  # a stretch of coast, not a named place
])
def test_places_a_name_has_a_capital_letter(geoparse, text):
    assert [m.text for m in geoparse(text)] == []


def test_places_a_capitalised_word_of_a_headline_is_no_place(geoparse):
    """In a headline in title case every word is capitalised: "Ambush" before "in Benue" is no village of Benue."""
    assert [m.text for m in geoparse("Nine Herders Shot Dead in Ambush in Benue.\n\nNine herders were shot dead.")] \
        == ["Benue"]
