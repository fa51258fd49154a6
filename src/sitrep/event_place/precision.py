"""How precisely an event is placed: the gazetteer place that stands for the mention chosen and its precision label
("city", "admin2", "near", "country"), a known place named with a name the gazetteer lacks, and how specific a
place is. Kept apart because the choice, the fallbacks and the refinement all rank places by it.
"""
from __future__ import annotations

from functools import cache

from sitrep.event_place.words import _seat, cues
from sitrep.gazetteer import Gazetteer, GeoPlace, consonants, normalize, skeleton
from sitrep.nlp import Parsed
from sitrep.places import Focus, PlaceMention, _parent_name, _reference_point, _specificity_of


def _placed(parsed: Parsed, chosen: PlaceMention, mentions: list[PlaceMention], focus: Focus,
            gazetteer: Gazetteer) -> tuple[PlaceMention, GeoPlace | None, str]:
    """The event's place mention with the gazetteer place that stands for it and the precision label: its own
    place, else the known place named with it ("near"), else the report's country."""
    if chosen.resolved is None:
        parent = _known_parent(parsed, chosen, mentions, focus)
        if parent is None:
            country = gazetteer.country(focus.top) if focus.top else None
            return chosen, country, "country" if country else ""
        return chosen, parent, "near" if parent.kind == "city" else parent.kind
    place = chosen.resolved
    label = place.kind
    if _parent_name(chosen) and place.kind == "city" and normalize(place.name) != chosen.key:
        label = "near"
    return chosen, place, label


def _known_parent(parsed: Parsed, m: PlaceMention, mentions: list[PlaceMention], focus: Focus) -> GeoPlace | None:
    """For a name the gazetteer lacks, a known place named with it ("Kindjandi ... in Diffa region"), here or
    where the same name is said with its area ("Sabiid, Lower Shabelle"). Not a reference point far away ("X, 300
    km north-east of Bangui"): it only says how far the place is from it, not what holds it."""
    if m.area is not None:
        return m.area
    near = [o for o in mentions if o is not m and o.resolved is not None and o.sent == m.sent and not o.dateline
            and not _far_reference(parsed, o.start)]
    if not near:
        said = next((o.area for o in mentions if o.key == m.key and o.area is not None), None)
        if said is not None:
            return said
        # "... in northern Faryab province. ... they shelled the Qarabagh village": the area named just before, in the
        # report's country, holds a village the gazetteer lacks
        before = [o for o in mentions if m.sent - 2 <= o.sent < m.sent and o.resolved is not None and not o.dateline
                  and o.resolved.kind in ("admin1", "admin2") and o.resolved.country == focus.top]
        return before[-1].resolved if before else None
    # the nearest finer than a country: "X, a day's walk from the frontier, in Niger's Diffa region"
    near.sort(key=lambda o: (o.resolved.kind == "country", abs(o.start - m.start), -_specificity(o)))
    for o in near:
        if focus.top is None or o.resolved.country == focus.top:
            return o.resolved
    return near[0].resolved if near else None


_UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
          "miles": 1.609, "mile": 1.609}


def _far_reference(parsed: Parsed, start: int) -> bool:
    """Is the place at token `start` a reference point told at least `far_km` away ("some 300 km north-east of
    Bangui", "1,300 kilometres from Niamey")? A bare compass word or a nearer distance is not."""
    toks = parsed.tokens
    if not _reference_point(toks, start):
        return False
    lo = max(parsed.sents[toks[start].sent][0], start - 10)
    for j in range(start - 1, lo, -1):
        unit = _UNITS.get(toks[j].lower)
        number = toks[j - 1].text.replace(",", "") if unit else toks[j].lower.replace(",", "")
        if unit is None and number.endswith(("km", "kms")):  # "300km"
            unit, number = 1.0, number.rstrip("ms").removesuffix("k")
        if unit is not None:
            try:
                return float(number) * unit >= cues().far_km
            except ValueError:
                return False
    return False


def _specificity(m: PlaceMention) -> int:
    """How precise a place is; a name the gazetteer lacks is as precise as its words say ("Gagarawa District")."""
    if m.resolved is None:
        return {"admin1": 1, "admin2": 2}.get(m.hint or "", 3)
    return _specificity_of(m.resolved)


def _placed_finer(m: PlaceMention) -> bool:
    """Is the place known, itself or by the area holding it, finer than a country?"""
    where = m.resolved or m.area
    return where is not None and where.kind != "country"


def _one_province(parsed: Parsed, mentions: list[PlaceMention], country: GeoPlace | None) -> str | None:
    """The admin1 code of the one province all the report's known places finer than `country` lie in, if one; not
    counting a dateline, a reference point ("a factory in X, north-east of Bangui": Bangui's province is not X's) nor
    a seat of government ("allied to the government in Bamako").
    A report on a village the gazetteer lacks that names towns of one province only most often names that village's
    (news-dev, acled-dev, wad-dev: the province so given was the gold one, or no gold province was coded)."""
    codes = {m.resolved.admin1_code for m in mentions if not m.dateline and m.resolved is not None
             and m.resolved.kind != "country" and not _reference_point(parsed.tokens, m.start) and not _seat(parsed, m)}
    if country is None or len(codes) != 1:
        return None
    code = next(iter(codes))
    return code if code and code.split(".")[0] == country.country else None


def _province_named(m: PlaceMention) -> bool:
    """Is the place a city named as its province is, with no word saying city ("in Hama", "in Homs", not
    "in Hama city")? Such a name stands for the province as often as for the city: "Kafr Nabudah in Hama
    countryside" is a village of the province, not a part of the city."""
    p = m.resolved
    return p is not None and p.kind == "city" and m.hint != "city" and bool(p.admin1_code) \
        and not _parent_name(m) and _one_name(p.admin1 or "", p.name)


@cache
def _one_name(a: str, b: str) -> bool:
    """Are two names one name spelt two ways ("Ar Raqqah" and "Raqqa", "As-Suwayda" and "Sweida", "Dar'a" and
    "Daraa")? GeoNames spells a province and its capital apart as often as alike."""
    def bare(name: str) -> str:
        return skeleton(normalize(name)).replace(" ", "").rstrip("h")
    # (or by their consonants: "Quneitra" and "Al Qunaytirah")
    return bool(a) and (bare(a) == bare(b) or len(consonants(normalize(a))) >= 3
                        and consonants(normalize(a)) == consonants(normalize(b)))
