"""Where an event is placed when no place is told with its figures: the place named just before, "the city"
pointed back to, a settlement the next sentence names, the lead, the dateline; and a country's capital said
without its name ("in Burundi's capital"). Each is tried in turn, the first that finds a place wins.
"""
from __future__ import annotations

from sitrep.event_place.choice import Weighed, ranked, weigh_before
from sitrep.event_place.precision import _known_parent, _specificity
from sitrep.event_place.roles import _points_back
from sitrep.event_place.words import _site, cues
from sitrep.gazetteer import Gazetteer, GeoPlace
from sitrep.nlp import Parsed
from sitrep.places import Focus, PlaceMention, _reference_point, rules


def fallback(parsed: Parsed, sents: set[int], usable: list[PlaceMention], mentions: list[PlaceMention],
             focus: Focus) -> PlaceMention | None:
    """The event's place when none is told with its figures, the first found of: the best place named just before
    them (`weigh_before`: known or pointed back to; a settlement over a site, finer than a country, not an area named
    as holding another, the last named of equals), "the city" as the last city named, a settlement the next sentence
    names, the most specific place of the lead, the dateline."""
    first = min(sents) if sents else 0
    # "Two herders were shot dead there in the area too": the place named last, known to the gazetteer or not
    back = _points_back(parsed, sents)
    before = weigh_before(parsed, [m for m in usable if first - 2 <= m.sent < first
                                   and (back or m.resolved is not None or _known_parent(parsed, m, mentions, focus))])
    chosen = before[0].mention if before else _the_city(parsed, sents, mentions)
    if before and "country" in before[0].cues:
        # only a country named just before: a place in it the report named earlier (a choice of its own, taken
        # only on this one's result, so no cue of it)
        chosen = next((w.mention for w in weigh_earlier(parsed, usable, first - 2, chosen.resolved.country)), chosen)
    if chosen is None:
        chosen = _named_next(parsed, sents, usable)
    if chosen is None:
        early = [m for m in usable if m.sent <= 3 and m.resolved is not None]
        if early:
            chosen = max(early, key=lambda m: (_specificity(m), -m.start))
    if chosen is None:
        datelines = [m for m in mentions if m.dateline and m.resolved is not None]
        if datelines:
            chosen = datelines[0]
    return chosen


def weigh_earlier(parsed: Parsed, usable: list[PlaceMention], until: int, country: str,
                  below_floor: bool = False) -> list[Weighed]:
    """Where the sentences just before an event name only its country ("... near X Bridge, Minbya Township, Y
    District, Rakhine State, troops and rebels clashed. The army claimed it seized a rebel camp in Myanmar. Both sides
    suffered losses."), the places the report named before them (before sentence `until`), scored as the event's
    place, best first (the first named of equals): the most precise place in that country, a place set in others
    first; the report told where it all happened once, and a country named later only says whose army it was. The
    sum of the weights (data/event_place.toml [earlier]) of the cues that hold for each, the reasons kept; below the
    floor, a place no finer than a country, in another country, or a site, is none of the event's. It is a choice of
    its own, not cues of `weigh_before`: it is made only when that one chooses a country, in that country."""
    def held(m: PlaceMention) -> dict[str, float]:
        where = m.resolved or m.area
        said = {"coarse": where is None or where.kind == "country",
                "elsewhere": where is not None and where.country != country, "site": _site(parsed, m),
                "area_of_another": m.is_area, "specificity": _specificity(m)}
        return {name: float(value) for name, value in said.items() if value}

    return ranked([(m, held(m)) for m in usable if m.sent < until], cues().earlier, first_of_equals=True,
                  below_floor=below_floor)


def _the_city(parsed: Parsed, sents: set[int], mentions: list[PlaceMention]) -> PlaceMention | None:
    """"the city", "the town": the last city named before."""
    for s in sorted(sents):
        words = [t.lower for t in parsed.sentence_tokens(s)]
        for k in range(len(words) - 1):
            if words[k] == "the" and words[k + 1] in rules().the_city:
                before = [m for m in mentions if m.sent <= s and m.resolved is not None and m.resolved.kind == "city"
                          and not m.dateline]
                if before:
                    return before[-1]
    return None


def _named_next(parsed: Parsed, sents: set[int], usable: list[PlaceMention]) -> PlaceMention | None:
    """"Rebels overran a village ... The village of Tell Aswad lies west of Homs": a settlement the
    event's sentence leaves unnamed ("a town", "a village") and the next sentence names with its kind word."""
    if not sents:
        return None
    toks = parsed.tokens
    unnamed = [t for s in sents for t in parsed.sentence_tokens(s) if t.lower in rules().features["city"] and t.pos == "NOUN"
               and t.i + 1 < len(toks) and toks[t.i + 1].lower != "of" and toks[t.i + 1].pos != "PROPN"
               and toks[t.i - 1].lower not in ("the", "this", "that")]  # "captured a town", "capture town"
    if not unnamed:
        return None
    after = range(min(sents) + 1, max(sents) + 6)
    return next((m for m in usable if m.sent in after and m.hint == "city" and m.resolved is not None), None)


def _capital_said(parsed: Parsed, sents: set[int], focus: Focus, chosen: PlaceMention | None,
                  gazetteer: Gazetteer) -> GeoPlace | None:
    """The capital of the country "the capital" is said of, in the event's sentences: "in Burundi's capital"
    (a country's name before it), "the Libyan capital" (a demonym), "in the capital" (the report's country). Not a
    province's ("the provincial capital", "Helmand's capital"), not one named ("the capital Niamey", "the capital
    of Kano state"), not "capital punishment", not one that only locates another ("north-east of the capital")."""
    toks = parsed.tokens
    for s in sorted(sents):
        for t in parsed.sentence_tokens(s):
            if t.lower != "capital" or t.pos != "NOUN" or t.dep in ("compound", "amod"):
                continue
            if _reference_point(toks, t.i):
                continue  # "a post north-east of the capital": the capital only locates it
            nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
            if nxt is not None and (nxt.lower == "of" or nxt.pos == "PROPN"):
                continue
            before = [b for b in toks[max(0, t.i - 3) : t.i] if b.sent == t.sent]
            words = {b.lower for b in before}
            if words & (rules().all_features | {"provincial", "regional", "local", "economic", "former", "commercial"}):
                continue
            country = None
            if before and before[-1].lower in ("'s", "’s"):
                named = before[-2].text if len(before) >= 2 else ""
                country = gazetteer.country_named(named) or gazetteer.demonym(named)
                if country is None and named.lower() not in ("country", "nation"):
                    continue  # "Helmand's capital"
            else:
                country = next((c for b in reversed(before) if b.text[:1].isupper()
                                and (c := gazetteer.demonym(b.text) or gazetteer.country_named(b.text))), None)
            if country is None:
                if chosen is not None and chosen.resolved is not None:
                    country = chosen.resolved.country
                else:
                    country = focus.top
            if country is not None:
                return gazetteer.capital(country)
    return None
