"""The words of places.toml, compiled once, and the tests on the tokens around a name that read them.

Why a module of its own: recognition, the country focus, the resolution of namesakes and the event's place
(`sitrep.event_place`) all ask the same questions of the words around a name ("is it after "in"?", "is a kind word
after it?", "is it a reference point, "30 km from X"?"), and must answer them alike. The cue words are data
(data/places.toml); the few closed word classes that are grammar, not data (compass words, organisations' nouns), are
here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from sitrep import lexicon
from sitrep.gazetteer import consonants, normalize
from sitrep.nlp import Parsed, Token


def _cue_pattern(words: list[str], flags: int) -> re.Pattern | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", flags)


@dataclass(frozen=True, slots=True)
class Rules:
    """data/places.toml, compiled once when the pipeline is built (`rules()`), not at import: the kind words, the
    stop list, the cues of place and event, and the words that point to a country."""

    features: dict[str, set[str]]
    sites: set[str]
    stop: set[str]
    parents: dict[str, str]
    locative: set[str]
    settlement_after: set[str]
    of_place: set[str]
    facilities: set[str]
    named_after_town: set[str]  # facilities named after the town they stand in: "Mandera District Hospital"
    country_needs_cue: set[str]
    the_city: set[str]
    away: set[str]
    happened_nouns: set[str]
    happened_verbs: set[str]
    coded: set[tuple[str, ...]]
    across_border: set[tuple[str, ...]]  # and the words before a backer's name
    province_land: set[str]
    place_verbs: set[str]
    event_verbs: set[str]
    speech_or_travel: set[str]
    transfer_verbs: set[str]
    joiners: set[str]
    joiners_known: set[str]
    ezafe: set[str]
    articles: set[str]
    lower_features: set[str]
    prefix_kinds: set[str]
    # Words between a name and the areas in brackets after it: "Mandai police station limits (Gaya, Bihar)".
    before_areas: set[str]
    # Words between a name and its kind word: "Zaatari refugee camp", "Pariang cattle camp".
    kind_modifiers: set[str]
    # Kind words of first-level areas that reports say of districts too: "the Beni region".
    loose_areas: set[str]
    # "JNIM", "upazila", "GNA": words that point to the countries they belong to, by their words (case kept for
    # all-capital cues, lower case otherwise), and their patterns.
    country_cues: dict[str, tuple[str, ...]]
    cue_patterns: list[tuple[re.Pattern, bool]]
    # the admin1 codes a cue points to, where the cue belongs to part of a country ("OSCE SMM": Donetsk, Luhansk)
    area_cues: dict[str, tuple[str, ...]]
    all_features: set[str]  # every kind word, of every kind
    long_features: list[tuple[str, ...]]  # the kind words of several words, split
    # Words between a place and the area that qualifies it: "Paris, Texas", "Unguwan Dogo town, Kaduna State",
    # "Ramadi, the Anbar provincial capital"; not "Kabul, wounded four U.S. soldiers".
    qualifier_gap: set[str]
    # Countries whose areas of a kind word usually first-level are second-level in GeoNames: {"PH": {"province"}}.
    second_level: dict[str, set[str]]
    # Nouns of places and parts of them: a demonym or country name said of one points to where the report is.
    place_nouns: set[str]
    # Words after a demonym that make it a language's or a currency's: "French-speaking", "the US dollar".
    not_of_a_place: set[str]
    # Words before a country's name that set it on the other side ("entered the country from Mozambique"), and nouns
    # a demonym is said of that make a person a foreigner ("a Kenyan national") ([elsewhere]).
    from_words: set[str]
    foreigners: set[str]
    # Our short forms of areas in capitals ("KPK", "UP"): in brackets after a place, its area, not its acronym.
    area_short_forms: set[str]


@cache
def rules() -> Rules:
    r = lexicon.load("places")
    cues, verbs = r["cues"], r["verbs"]
    features = {kind: set(words) for kind, words in r["features"].items() if kind != "sites"}
    all_features = {w for words in features.values() for w in words}
    # A cue's values are countries, and the first-level areas ("UA.05") it points to within them.
    cue_values = {(k if k.isupper() else k.lower()): v for k, v in r.get("country_cues", {}).items()}
    country_cues = {k: tuple(c for c in v if "." not in c) for k, v in cue_values.items()}
    area_cues = {k: tuple(c for c in v if "." in c) for k, v in cue_values.items()}
    patterns = [(p, lower) for p, lower in (
        (_cue_pattern([k for k in country_cues if k.isupper()], 0), False),
        (_cue_pattern([k for k in country_cues if not k.isupper()], re.I), True)) if p is not None]
    return Rules(
        features=features, sites=set(r["features"]["sites"]),
        stop={normalize(w) for w in r["stoplist"]["words"]} | {normalize(w) for ws in features.values() for w in ws},
        parents={normalize(k): v for k, v in r["parents"].items()}, locative=set(cues["locative"]),
        settlement_after=set(cues["settlement"]), of_place=set(cues["of_place"]), facilities=set(cues["facilities"]),
        named_after_town=set(cues["named_after_town"]),
        country_needs_cue={normalize(w) for w in cues["country_needs_cue"]}, the_city=set(cues["the_city"]),
        away=set(cues["away"]), happened_nouns=set(cues["happened_nouns"]), happened_verbs=set(cues["happened_verbs"]),
        coded={tuple(w.split()) for w in cues["coded"]},
        across_border={tuple(w.split()) for w in cues.get("across_border", []) + cues.get("backer", [])},
        province_land=set(cues.get("province_land", [])),
        place_verbs=set(verbs["place_and_event"] + verbs["place"]),
        event_verbs=set(verbs["place_and_event"] + verbs["event"]),
        speech_or_travel=set(verbs["speech_or_travel"]), transfer_verbs=set(verbs["transfer"]),
        joiners=set(cues["joiners"]), joiners_known=set(cues["joiners_known"]), ezafe=set(cues["ezafe"]),
        articles=set(cues["articles"]),
        lower_features=set(cues["lower_case_kind_words"]), prefix_kinds=set(cues["prefix_kind_words"]),
        before_areas=set(cues["before_areas"]), kind_modifiers=set(cues["kind_modifiers"]),
        loose_areas=set(cues["loose_area_words"]),
        country_cues=country_cues, area_cues=area_cues, cue_patterns=patterns, all_features=all_features,
        long_features=[tuple(w.split()) for w in all_features if " " in w],
        qualifier_gap=_INSIDE_GAP | all_features | set(cues["lower_case_kind_words"]) | {"-", "–", "—"},
        second_level={c: set(words) for c, words in r.get("second_level", {}).items()},
        place_nouns=set(cues["place_nouns"]), not_of_a_place=set(cues["not_of_a_place"]),
        from_words=set(r.get("elsewhere", {}).get("from_words", [])),
        foreigners=set(r.get("elsewhere", {}).get("foreigners", [])),
        area_short_forms={a for labels in r.get("area_names", {}).get("aliases", {}).values() for a in labels
                          if a.isupper()})


@lru_cache(maxsize=1)
def _actor_names() -> set[str]:
    """The names of armed groups and forces (actors.toml): "Taliban", "Hamas", "Wagner" are never places."""
    return {normalize(n) for a in lexicon.load("actors")["actor"] for n in [a["name"], *a.get("aliases", [])]}


# The model's labels of proper names, capitalised in any sentence.
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def _title_case(parsed: Parsed, sent: int, name: range = range(0)) -> bool:
    """A headline in title case, where a capital says nothing of a name. Told by the words besides the `name` in
    question (its tokens) and the other names the model tags, which are capitalised anywhere: a sentence of names is
    no headline ("The incident occurred at Omar Jillo in Lafey sub-County", an event note naming a party, a device
    and four places), "Twelve Civilians Killed in Burkina Unrest" is one."""
    words = [t for t in parsed.sentence_tokens(sent) if t.text.isalpha() and len(t.text) > 3 and t.i not in name
             and t.ent not in _NAME_LABELS]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) >= 0.6


def _country_cues(text: str, areas: bool = False) -> list:
    """The countries of each distinct country cue of the text ("JNIM", "upazila", "al-Shabaab"), once per cue; with
    `areas`, the admin1 codes the cues point to."""
    seen = _cue_keys(text)
    if areas:
        return [code for key in seen for code in rules().area_cues[key]]
    return [rules().country_cues[key] for key in seen]


@lru_cache(maxsize=4)
def _cue_keys(text: str) -> tuple[str, ...]:
    """The distinct country cues of a text in the order first found: the text is scanned once, though the
    geoparser asks several times."""
    seen: dict[str, str] = {}
    for pattern, lower in rules().cue_patterns:
        for m in pattern.finditer(text):
            key = m.group(0).lower() if lower else m.group(0)
            seen.setdefault(key, key)
    return tuple(seen)


def _place_noun(t: Token) -> bool:
    """A noun for a place or a part of one: "capital", "district", "border", "north"."""
    return t.lower in rules().place_nouns or t.lower in rules().all_features or t.lower in _COMPASS


def _feature_kind(word: str) -> str | None:
    for kind, words in rules().features.items():
        if word in words:
            return None if kind == "any" else kind
    return None


def _locative_before(toks: list[Token], k: int) -> bool:
    j = k - 1
    # (over "the", compass words, a kind word or an article written before a name: "in Barangay Kapitan Pepe",
    # "in Ad Durayhimi")
    while j >= 0 and (toks[j].lower in ("the", "a", "of", "rural", "suburban") or toks[j].lower in _COMPASS
                      or toks[j].lower in rules().prefix_kinds
                      or toks[j].text in rules().articles and toks[j].lower not in rules().locative) \
            and toks[j].sent == toks[k].sent:
        if toks[j].lower == "of" and j > 0 and (toks[j - 1].lower in rules().all_features
                                                 or toks[j - 1].lower in rules().of_place):
            return True
        j -= 1
    if j < 0 or toks[j].sent != toks[k].sent:
        return False
    if _coded_here(toks, k):
        return True
    if j >= 1 and (toks[j].text == "," and toks[j - 1].lower in rules().features["city"] and toks[j - 1].pos == "NOUN"
                   or (toks[j - 1].lower, toks[j].lower) == ("known", "as")):
        return True  # "in the capital, Bujumbura", "a town in southern Niger known as Tessaoua"
    # "in Homs", "entered Falluja", "the capital Bangui"
    return toks[j].lower in rules().locative or (toks[j].pos == "VERB" and toks[j].lemma in rules().place_verbs) \
        or toks[j].lower in rules().all_features and (toks[j].pos == "NOUN" or toks[j].text.islower())


def _coded_here(toks: list[Token], k: int) -> bool:
    """Is the name at token `k` where the report says the event is placed: "coded as Djibo", "coded at X front"?"""
    j = k - 1
    while j >= 0 and toks[j].lower == "the":
        j -= 1
    return j >= 1 and (toks[j - 1].lower, toks[j].lower) in rules().coded


def _strong_cue(toks: list[Token], a: int, b: int) -> bool:
    """"the village of Bokolobo", "Unguwan Dogo town": words that name a settlement even when the gazetteer lacks it."""
    before = [t.lower for t in toks[max(0, a - 2) : a]]
    kinds = rules().features["city"] | rules().features["admin2"] | rules().features["any"]
    if len(before) == 2 and before[1] in ("called", "named") and (before[0] in kinds or before[0] == "place"):
        return True  # "at a place called Dangur", "a village named Kudu"
    if len(before) == 2 and before[1] == "of" and before[0] in kinds or _coded_here(toks, a):
        return True  # "the village of Bokolobo", "in the area of Kofai Dutse", "coded as Djibo"
    if len(before) == 2 and before[0] == "the" and before[1] in rules().features["city"] and toks[a - 1].pos == "NOUN":
        return True  # "the village Sang-Suwar"
    if a >= 3 and toks[a - 3].lower == "the" and (toks[a - 2].pos == "ADJ" or toks[a - 2].lower in _COMPASS) \
            and toks[a - 1].lower in rules().features["city"] and toks[a - 1].pos == "NOUN":
        return True  # "the northern town Al-Suwayq"
    if _past_modifiers(toks, b) < len(toks) and toks[_past_modifiers(toks, b)].lower in rules().settlement_after:
        return True
    # "Unguwan Dogo, a village close to Kachia", "Tiba-Seno, a town in the north": a settlement by apposition, its
    # kind word after a few words that qualify it ("Godogodo, a semi-urban settlement in Jema'a")
    if b + 2 >= len(toks) or toks[b].text != "," or toks[b + 1].lower not in ("a", "the"):
        return False
    k = b + 2
    while k < len(toks) and k - b < 7 and (toks[k].pos == "ADJ" or toks[k].text == "-") \
            and toks[k].lower not in rules().settlement_after:
        k += 1
    return k < len(toks) and toks[k].lower in rules().settlement_after


# Kind words of a part of a town, coded at the town: "the Las Flores neighborhood".
_CITY_PARTS = {"neighbourhood", "neighborhood", "suburb", "colonia", "quarter", "ward"}


# Words of organisations' names, never of a place's: "in Awami League", "at Reuters".
_ORG_WORDS = {"league", "party", "army", "forces", "force", "movement", "front", "police", "ministry", "council",
              "committee", "university", "company", "group", "brigade", "division", "regiment", "battalion",
              "corps", "agency", "bank", "news", "times", "post", "tv", "radio", "association", "union", "court",
              "hospital", "school", "college", "office", "commission", "assembly", "government", "church"}


def _feature_after(toks: list[Token], j: int) -> bool:
    j = _past_modifiers(toks, _past_alias(toks, j))
    return j < len(toks) and toks[j].lower in rules().all_features


def _past_alias(toks: list[Token], j: int) -> int:
    """The token after another name of the place before it, written in brackets right after it: "Sambonaye
    [Sambonay] (Dori, Seno)", "Baghmara (Bagmara) upazila (Rajshahi)", "U Daung (NaTaLa) village"; else `j`. Square
    brackets of one name are always another name; round ones only before a kind word or the areas' brackets ("Janzur
    (Tripoli), killing ..." names the area)."""
    if j >= len(toks) or toks[j].text not in ("(", "["):
        return j
    close = ")" if toks[j].text == "(" else "]"
    k = j + 1
    while k < len(toks) and k - j <= 6 and toks[k].text != close:
        if not (toks[k].text[:1].isupper() or toks[k].text in ("-", "'") or toks[k].lower in rules().joiners):
            return j
        k += 1
    if k == j + 1 or k >= len(toks) or toks[k].text != close:
        return j
    after = k + 1
    if close == "]":
        return after
    # (round brackets hold another spelling of the name, not another place: "Zap (Amadiya) region" names the
    # district Zap lies in)
    i = j
    while i > 0 and j - i < 5 and (toks[i - 1].text[:1].isupper() or toks[i - 1].text == "-"):
        i -= 1
    if not _alike(" ".join(t.text for t in toks[i:j]), " ".join(t.text for t in toks[j + 1 : k])):
        return j
    kind = _past_modifiers(toks, after)
    return after if after < len(toks) and (toks[kind].lower in rules().all_features or toks[after].text == "(") \
        else j


def _alike(a: str, b: str) -> bool:
    """Are two names spellings of one ("Baghmara"/"Bagmara", "Qazi"/"Qaziyan", "Nazar Khan Kelay"/"Nazar Khan")?"""
    a, b = normalize(a), normalize(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a) or consonants(a) == consonants(b) \
        or set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split())


def _past_modifiers(toks: list[Token], j: int) -> int:
    """The token after the words that qualify a kind word ("refugee camp", "cattle camp"), when a kind word follows
    them; else `j`."""
    k = j
    while k < len(toks) and toks[k].lower in rules().kind_modifiers and k - j < 2:
        k += 1
    return k if k > j and k < len(toks) and toks[k].lower in rules().all_features else j


_COMPASS = {"central", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
            "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "north-east", "north-west", "south-east", "south-west", "-"}


# Compass words' short forms, written in brackets before the area: "Idak area (NW, KPK)".
_SHORT_COMPASS = {"nw", "ne", "sw", "se"}


_INSIDE_GAP = {"(", ")", ",", "in", "of", "the", "a", "near", "under"} | _COMPASS | _SHORT_COMPASS


def _reference_point(toks: list[Token], start: int) -> bool:
    """Do the words before token `start` make what starts there a place that only locates another: "east of the
    capital Bangui", "30 km from Goma"?"""
    j = start - 1
    while j > 0 and (toks[j].lower in ("the", "a") or toks[j].lower in rules().all_features):
        j -= 1
    if j < 1:
        return False
    before = toks[j - 1].lower
    return toks[j].lower == "of" and before in _COMPASS | {"north-east", "north-west", "south-east", "south-west"} \
        or toks[j].lower == "from" and before in ("km", "kilometres", "kilometers", "miles")
