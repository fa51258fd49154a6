"""The gazetteer index: normalised keys, spelling variants, and what it holds."""
from __future__ import annotations

import pytest

from sitrep import lexicon
from sitrep.gazetteer import Gazetteer, normalize, skeleton


@pytest.mark.parametrize(
    "name,key",
    [("Ciudad Juárez", "ciudad juarez"), ("Al-Fallujah", "fallujah"), ("El Fasher", "fasher"),
     ("Cox’s Bāzār", "coxs bazar"), ("The Hague", "hague"), ("  Deir ez-Zor ", "deir ez zor")],
)
def test_gazetteer_normalize(name, key):
    assert normalize(name) == key


@pytest.mark.parametrize("a,b", [("falluja", "fallujah"), ("mahmoudiyah", "al mahmudiyah"), ("kandahar", "qandahar")])
def test_gazetteer_skeleton_joins_spelling_variants(a, b):
    assert skeleton(normalize(a)) == skeleton(normalize(b))


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def test_gazetteer_holds_every_layer(gaz):
    stats = gaz.stats()
    assert stats["country"] >= 240 and stats["admin1"] >= 3000 and stats["admin2"] >= 40000
    assert stats["city"] >= 150000 and stats["names"] >= 500000


def test_gazetteer_lookup_orders_best_known_first(gaz):
    assert [(p.kind, p.country) for p in gaz.lookup("Kirkuk")][:3] == [("admin1", "IQ"), ("admin2", "IQ"), ("city", "IQ")]
    assert gaz.lookup("Iraq")[0].kind == "country"


def test_gazetteer_one_typo_away(gaz):
    assert gaz.lookup("West Dafur")[0].name == "West Darfur"
    assert gaz.exact("West Dafur") == []


def test_gazetteer_admin1_names_are_english(gaz):
    assert gaz.admin1("IQ.01").name == "Anbar"
    assert gaz.admin1("UA.26").name == "Zaporizhzhia"
    assert gaz.country("SY").name == "Syria"


def test_gazetteer_demonyms(gaz):
    assert (gaz.demonym("Iraqi"), gaz.demonym("Nigerian"), gaz.demonym("Afghan")) == ("IQ", "NG", "AF")


def test_gazetteer_country_names_from_demonyms_file(gaz):
    # short and everyday names are indexed as written, even those the alias filter would drop ("US", "DRC")
    words = ("UK", "Britain", "US", "U.S.", "USA", "UAE", "DRC", "DR Congo", "Ivory Coast", "Burma", "West Bank")
    assert [gaz.exact(w)[0].country for w in words] == ["GB", "GB", "US", "US", "US", "AE", "CD", "CD", "CI", "MM",
                                                        "PS"]
    assert (gaz.demonym("UK"), gaz.demonym("Britain")) == ("GB", "GB")


@pytest.mark.parametrize("word,code", [("French", "FR"), ("Pole", "PL"), ("Dutch", "NL"), ("Greek", "GR"),
                                       ("Turk", "TR"), ("Dane", "DK"), ("Swede", "SE"), ("Lao", "LA")])
def test_gazetteer_demonym_is_not_a_country_name(gaz, word, code):
    assert gaz.demonym(word) == code
    assert [p for p in gaz.exact(word) if p.kind == "country"] == []


def test_gazetteer_demonyms_file_keeps_names_apart():
    for iso, words in lexicon.load("demonyms")["countries"].items():
        assert set(words) <= {"names", "demonyms"} and words, iso
        assert not set(words.get("names", [])) & set(words.get("demonyms", [])), iso


def test_gazetteer_country_named(gaz):
    assert [gaz.country_named(n) for n in ("Burkina Faso", "Ivory Coast", "Myanmar", "Baghdad", "John")] == [
        "BF", "CI", "MM", None, None]


def test_area_display_name_prefers_a_short_english_alias_else_the_name_without_diacritics():
    from sitrep.gazetteer import _display
    assert _display("Al Anbār", ["Anbar Governorate"]) == "Anbar"
    assert _display("Ţarābulus", ["Tripoli", "Tarabulus"]) == "Tripoli"
    # an alias longer in words than the name is another language's form, not its English name
    assert _display("Kandahār", ["Qandahor viloyati"]) == "Kandahar"


def test_area_names_in_english():
    from sitrep.gazetteer import _area_name
    # another language's compass words give way to an English alias; French ones are kept as reports keep them
    assert _area_name("XX.01", "Kalimantan Tengah", ["Provinsi Kalimantan Tengah", "Central Kalimantan"]) == \
        "Central Kalimantan"
    assert _area_name("XX.02", "Nord-Kivu", ["North Kivu"]) == "Nord-Kivu"
    # our table, where no GeoNames form is the usual English one
    assert _area_name("BD.84", "Chattogram", ["Chittagong"]) == "Chittagong"


def test_area_names_reach_the_index(gaz):
    assert {p.admin1 for p in gaz.exact("Cox's Bazar") if p.country == "BD"} == {"Chittagong"}


@pytest.mark.parametrize("town,country,admin1", [
    # an area's name since it changed (2019), and English forms where GeoNames has another language's or an old one
    ("Marawi", "PH", "Bangsamoro Autonomous Region in Muslim Mindanao"),
    ("Kuala Lumpur", "MY", "Federal Territory of Kuala Lumpur"),
    ("Batumi", "GE", "Adjara"),
    ("Diwaniya", "IQ", "Al-Qadisiyah"),
    ("Douma", "SY", "Rural Damascus"),
    ("Sirte", "LY", "Sirte"),
])
def test_area_names_current_and_english(gaz, town, country, admin1):
    assert admin1 in {p.admin1 for p in gaz.lookup(town) if p.country == country}


@pytest.mark.parametrize("name,code", [("J&K", "IN.12"), ("KPK", "PK.03"), ("AJK", "PK.06"),
                                       ("Rural Damascus", "SY.08")])
def test_gazetteer_our_names_of_areas(gaz, name, code):
    """Short forms and English names reports give areas (places.toml [area_names.aliases]), kept though a short
    form in capitals is elsewhere dropped as an airport code."""
    assert code in {p.admin1_code for p in gaz.lookup(name) if p.kind == "admin1"}


def test_gazetteer_our_area_names_point_to_known_areas(gaz):
    aliases = lexicon.load("places")["area_names"]["aliases"]
    assert aliases and all(gaz.admin1(code) is not None for code in aliases)


def test_gazetteer_areas_like_a_name_by_its_consonants(gaz):
    # a transliteration the skeleton misses, looked for only among areas of the countries given
    assert [p.name for p in gaz.areas_like("Missan", "admin1", {"IQ"})] == ["Maysan"]
    assert gaz.areas_like("Missan", "admin1", {"NG"}) == []
