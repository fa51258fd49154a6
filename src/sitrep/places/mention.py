"""A place named in a report (`PlaceMention`), the candidates weighed for it, and how named places relate.

Why a module of its own: recognition makes mentions, resolution fills them in, and the event's place reads them; all
of them need the relations between places the text sets ("X (Y, Z)", "X, Y", "X in Y district": which place is named
as holding which) and between gazetteer places (which area holds which), and the sizes that make a place a village or
a great city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.gazetteer import GeoPlace, normalize
from sitrep.model import Span
from sitrep.nlp import Token
from sitrep.places.words import _INSIDE_GAP, rules


@dataclass(slots=True)
class Candidate:
    place: GeoPlace
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text: its words, what kind of place the words say it is, and what it resolved to."""

    text: str
    span: Span
    sent: int
    start: int  # token index
    end: int  # token index, exclusive
    source: str  # the NER label, or GAZ for the gazetteer pass
    hint: str | None = None  # admin1 | admin2 | city, from "province", "district", "the town of"
    kind_word: str | None = None  # the word the hint came from: "province", "district", "town"
    dateline: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    resolved: GeoPlace | None = None
    area: GeoPlace | None = None  # the smallest resolved area it lies in, from `within` and up
    within: PlaceMention | None = None  # the place named as containing it: "X (Y, Z)", "X, Y", "X in Y district"
    is_area: bool = False  # another place is set before it by a comma or a bracket, as lying in it
    bracketed: bool = False  # its areas follow it in brackets, "X (Y, Z)": the report places it itself
    beside: bool = False  # named as near the place after it, "Tondobiga, near Kongoussi": a settlement of its own
    namesake: bool = False  # its only candidates lie in a country the report hardly points to

    @property
    def key(self) -> str:
        return normalize(self.text)


# A city this large is where its parts (barangays, neighbourhoods) are coded.
_CITY_OF_PARTS = 100_000


# A village this small, matched exactly, does not keep a spelling variant in the report's country out.
_TINY = 10_000


# A city this large, named by its own name, is meant over a namesake abroad a hundred times smaller.
_GREAT, _GREAT_PENALTY = 100_000, 4.0


def _parent_name(m: PlaceMention) -> str | None:
    """The city a part of it is named in: from the `parents` table ("Karrada" -> "Baghdad"), or the city before a
    spaced dash ("Dhaka - Badda", a quarter of Dhaka)."""
    parent = rules().parents.get(m.key)
    if parent is None:
        parts = re.split(r"\s+[-–]\s+", m.text)
        parent = parts[0] if len(parts) == 2 and parts[0][:1].isupper() else None
    return parent


def _qualifier(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """"Paris, Texas", "Ramadi, the Anbar provincial capital": the area named right after a place."""
    for o in mentions:
        if o is m or o.sent != m.sent:
            continue
        if 0 < o.start - m.end <= 3 and all(t.lower in rules().qualifier_gap for t in toks[m.end : o.start]):
            return o
    return None


def _after_comma(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """The place set after another by a comma ("Tawila, North Darfur"); not one of a list ("Nigeria, Cameroon
    and Chad")."""
    q = _qualifier(m, mentions, toks)
    if q is None or [t.text for t in toks[m.end : q.start]] != [","]:
        return None
    return None if _listed(q, mentions, toks) else q


def _listed(q: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> bool:
    """Is the place one of a list, followed by "and", "or" or a comma and another place? Places set one after
    another by commas are a list only when a conjunction ends them ("Nigeria, Cameroon and Chad"); without one
    each lies in the next ("Barangay Bagontapay, Tulunan, Cotabato")."""
    starts = {o.start: o for o in mentions}
    seen = 0
    while seen < 8:
        after = [t.lower for t in toks[q.end : q.end + 2]]
        if after[:1] in (["and"], ["or"]) or after == [",", "and"] or after == [",", "or"]:
            return True
        if after[:1] != [","] or q.end + 1 not in starts:
            return False
        q, seen = starts[q.end + 1], seen + 1
    return False


def _within(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """The place named as the area `m` lies in: "Mulamba (Walungu, Sud-Kivu)", "Kutum, North Darfur",
    "Adeke-Ehi in Agatu LGA", "the Sang-Suwar village of Pashtun Zarghun district", "Bokolobo, near Mbres". Not the
    next one of a list ("Nigeria, Cameroon and Chad")."""
    o = next((o for o in mentions if o.start >= m.end), None)
    if o is None or o.sent not in (m.sent, toks[m.end - 1].sent) or o.start - m.end > 5 or o.start == m.end:
        return None
    gap = [t.lower for t in toks[m.end : o.start]]
    lead = 0
    while lead < len(gap) and (gap[lead] in rules().sites or gap[lead] in rules().before_areas
                               or gap[lead] in rules().kind_modifiers):
        lead += 1  # "the Jasim front in Dar'a", "Mandai police station limits (Gaya, Bihar)": words after the name
    words = " ".join(gap[lead:])
    for f in rules().long_features:
        words = words.replace(" ".join(f), "")
    if not all(w in _INSIDE_GAP or w in rules().all_features or w in rules().lower_features for w in words.split()):
        return None
    if "," in gap and _listed(o, mentions, toks):
        return None
    return o


# A place this small is a village: one other name of the report pointing elsewhere makes it doubtful.
_VILLAGE = 5_000


# A city this large is meant wherever the report is set.
_GREAT_CITY = 1_000_000


def _formally_within(m: PlaceMention) -> bool:
    """Set before its areas by a bracket or comma ("Dinangourou (Koro, Mopti)"): the town named is a district."""
    return m.within is not None and m.within.is_area


def _area_of(m: PlaceMention) -> GeoPlace | None:
    """The smallest resolved area up the chain of places named as containing `m`. A country's name in the chain
    holds the areas named after it ("Dhahr Ali area in western Yemen (Abs, Hajjah)": Abs, in Yemen, is the
    smallest unit said to hold Dhahr Ali), so the chain goes on past a country to an area that lies in it."""
    seen, o, found = set(), m.within, None
    while o is not None and id(o) not in seen:
        if o.resolved is not None:
            if found is None:
                found = o.resolved
            elif _inside(o.resolved, found):
                return o.resolved
            if found.kind != "country":
                return found
        seen.add(id(o))
        o = o.within
    return found


def mention_to_dict(m: PlaceMention, with_candidates: int = 5) -> dict:
    """A resolved place mention as JSON: the words, the GeoNames facts, and the candidates weighed."""
    p = m.resolved

    def facts(place: GeoPlace | None) -> dict:
        if place is None:
            return {"geonames_id": None, "name": None, "feature_class": None, "feature_code": None,
                    "country": None, "admin1": None, "admin1_code": None, "lat": None, "lon": None}
        return {"geonames_id": place.geonames_id, "name": place.name,
                "feature_class": "P" if place.kind == "city" else "A", "feature_code": place.feature_code,
                "country": place.country, "admin1": place.admin1, "admin1_code": place.admin1_code,
                "lat": place.lat, "lon": place.lon, "population": place.population}

    return {
        "text": m.text, "start": m.span.start, "end": m.span.end, "source": m.source, "hint": m.hint,
        "dateline": m.dateline, **facts(p),
        "candidates": [{**facts(c.place), "score": c.score, "reasons": c.reasons}
                       for c in m.candidates[:with_candidates]],
    }


def _holds(area: GeoPlace, p: GeoPlace) -> bool:
    """Does a place named as an area hold `p`: an area it lies in, or a town of its province (a town's name set
    after another's stands for the town's surroundings)?"""
    if area.kind == "city":
        return p.country == area.country and p.admin1_code == area.admin1_code and p.geonames_id != area.geonames_id
    return _inside(p, area)


def _inside(p: GeoPlace, area: GeoPlace) -> bool:
    if p.country != area.country or p.geonames_id == area.geonames_id:
        return False
    if area.kind == "country":
        return True
    if area.kind in ("admin1", "admin2"):
        return p.admin1_code == area.admin1_code and _specificity_of(p) > _specificity_of(area)
    return False


def _specificity_of(p: GeoPlace) -> int:
    return {"city": 3, "admin2": 2, "admin1": 1, "country": 0}[p.kind]
