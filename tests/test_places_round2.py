"""Places, round two: mechanisms each with short texts of our own (invented sentences, real place names).

Each row: a sentence, a name in it, and the (name, admin1, country) it must resolve to -- or None where the name
must not be taken for a place at all.
"""
from __future__ import annotations

import pytest

from tests.conftest import place_named


RESOLVED = [
    # Our short form of a state in brackets after a place is its area ("Pratapgarh (UP)"): the Pratapgarh of Uttar
    # Pradesh, not the one of Rajasthan; a capital "UP" elsewhere is no place.
    ("Two groups clashed over a plot of land in Pratapgarh (UP) on Sunday.", "Pratapgarh", "Uttar Pradesh", "IN"),
    ("A farmer was beaten in Sadar, Pratapgarh (UP) after a quarrel.", "UP", "Uttar Pradesh", "IN"),
    ("Police STEP UP patrols in Pratapgarh after the quarrel.", "UP", None, None),
    # A kind word the model took into a name ("Golaghat district" tagged as one proper name) makes it a place as a kind
    # word after it does, and the areas after it are read too.
    ("A mob beat a man to death at Borpathar Gaon under Dhansiri sub-division (Golaghat district, Assam).",
     "Golaghat", "Assam", "IN"),
    ("A mob beat a man to death at Borpathar Gaon under Dhansiri sub-division (Golaghat district, Assam).",
     "Assam", "Assam", "IN"),
    # "X, State": a district namesake of the state's name, in the province of X's namesake, is weaker evidence than
    # the state itself (the index knows a town's province, not its district)
    ("On Monday, in Monterrey, Hidalgo, a man was found dead by the road.", "Hidalgo", "Hidalgo", "MX"),
    # A kind word that is part of a city's own name stays in it: "Cape Town" is no "Cape"
    ("Four men were shot dead in Nyanga, a township of Cape Town, police said.", "Cape Town", "Western Cape", "ZA"),
]



@pytest.mark.parametrize("text,name,admin1,country", RESOLVED)
def test_places_round2_resolves(geoparse, text, name, admin1, country):
    found = {m.text: m for m in geoparse(text)}
    if country is None:
        assert name not in found, f"{name!r} taken for a place"
        return
    place = place_named(found.values(), name)
    assert (place.admin1, place.country) == (admin1, country), (place.name, place.admin1, place.country)


EVENT_PLACES = [
    # "Jagindi Ward", one proper name to the model: a ward the gazetteer lacks, the event's place, in Kaduna
    ("Gunmen killed six farmers on Sunday at Ungwan Gado community in Jagindi Ward of Jema'a Local Government "
     "Area of Kaduna State.", "Jagindi Ward", "Kaduna", "NG"),
    # "DRCongo", as some wires write the country, is its name: the Ugandan rebels' country does not place the village
    ("At least 9 villagers were killed by suspected ADF [Allied Democratic Forces, Ugandan] rebels in Mapiki, a village "
     "near Eringeti [eastern DRCongo].", "Mapiki", None, "CD"),
    # Two names that overlap are one ("Santo Nino" known, "Nino Norte" tagged by the model): not the Santo Nino of
    # Mindanao, but the barangay of Iloilo City it is named in
    ("A village official was shot dead by gunmen in Barangay Santo Nino Norte, Arevalo, Iloilo City, Iloilo.",
     "Santo Nino Norte", "Western Visayas", "PH"),
    ("Police said two traders were killed by robbers in Benin City on Friday.", "Benin City", "Edo", "NG"),
    # A name the model cut ("San Carlos" + "Nuevo Guaymas") runs on to the province after a comma, and lies in it
    ("On Sunday, in San Carlos Nuevo Guaymas, Sonora, two men were found shot dead.", "San Carlos Nuevo Guaymas",
     "Sonora", "MX"),
    # A place near a country is outside it, and the country it is near says nothing of where the report is
    ("Fighting flared again around Tal Afar, near Syria, killing 12 militants.", "Tal Afar", "Nineveh", "IQ"),
    # A demonym of two words is the whole's: "South Sudanese" points to South Sudan, not Sudan
    ("Two South Sudanese soldiers were killed when gunmen ambushed their convoy in Latjor state.", "Latjor", None, "SS"),
]


@pytest.mark.parametrize("text,name,admin1,country", EVENT_PLACES)
def test_places_round2_event_place(extract, text, name, admin1, country):
    loc = extract(text).events[0].location
    assert (loc.name, loc.admin1, loc.country) == (name, admin1, country)
