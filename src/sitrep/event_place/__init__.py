"""The event's place: which of the places a report names is where an event happened, and how precisely.

The geoparser (`sitrep.places`) finds and resolves every place a report names; this stage picks, for one event,
the place its event and harm words attach to ("killed ... in Tikrit"), then the most specific place told inside it,
and says how precise that is. A dateline or a speaker's city is never the event's place while another is named, nor
where a person comes from, a people's name, or a site while the town that holds it is named.

`place_of_event` runs the jobs, one module each: `words` (the stage's words, data/event_place.toml, and what kind of
thing a name names), `roles` (the part a place plays in its sentence), `choice` (the scored choice among the places
told with the figures, `weigh`: each cue that holds adds its weight, the reasons are kept, and a place scored below
the floor is none of the event's), `fallbacks` (where the event is placed when none is told with them), `refine`
(the finer place told inside the one chosen) and `precision` (the gazetteer place that stands for it and the
precision label).
"""
from __future__ import annotations

from sitrep.event_place.choice import Weighed, _said_to_happen, _within_reach, weigh, weigh_before
from sitrep.event_place.fallbacks import _capital_said, fallback, weigh_earlier
from sitrep.event_place.precision import _one_province, _placed
from sitrep.event_place.refine import _alike, _coded_at, _first_between, _refine, finest, innermost, weigh_inner
from sitrep.event_place.roles import _setting, candidates, speaker_place
from sitrep.event_place.words import Cues, _site, cues
from sitrep.gazetteer import Gazetteer, GeoPlace
from sitrep.nlp import Parsed
from sitrep.places import Focus, PlaceMention, _coded_here

__all__ = ["Cues", "Weighed", "cues", "place_of_event", "speaker_place", "weigh", "weigh_before", "weigh_earlier",
           "weigh_inner"]


def place_of_event(parsed: Parsed, mentions: list[PlaceMention], focus: Focus, figure_sents: list[int],
                   anchors: list[int], displacement: bool, gazetteer: Gazetteer,
                   other_events: set[int] = frozenset(),
                   harm: frozenset[str] = frozenset()) -> tuple[PlaceMention | None, GeoPlace | None, str]:
    """The place tied to an event's words, the gazetteer place it stands for, and the precision label.

    First the best-scoring place of the sentences that give the figures (`weigh`: the casualty words attach to it,
    "killed ... in Tikrit"; not a reference point, a site, a namesake), or where the report says it happened ("the
    attack took place in X", "The incident in X ..."), else the best place named just before them (`weigh_before`:
    finer than a country, not a site), else "the city" as the last city named, else the lead, else the
    dateline, else the article's country. Then the most specific place told beside it and inside it ("Nigeria" ->
    "Kurmin Gwari town in Kaduna State", "Hama" -> "X in Hama countryside"), or, nearest first, told inside it
    further on where the same harm or what was done is told again (`harm`: the lemmas of the event's figure
    categories, so that "30 farmers were killed in Amhara region" takes Dessie where "shooting the men" is told; not for
    displacement, where a place told with "fled" is as often where people went). A name the gazetteer lacks takes
    the coordinates of the nearest known place named with it, finer than a country, with precision saying so.
    """
    toks = parsed.tokens
    # "(coded as Dori at geoprecision 2)": the report says where the event is placed; nothing overrules it.
    coded = next((m for m in mentions if not m.dateline and _coded_here(toks, m.start)), None)
    if coded is not None:
        return _placed(parsed, coded, mentions, focus, gazetteer)
    sents = set(figure_sents)
    usable = candidates(parsed, mentions, displacement)
    pool = [m for m in usable if m.sent in sents]
    if pool and all(_site(parsed, m) for m in pool):
        # "Two bodies were found in the Kabore house": the town that holds it, named with it or just before
        first = min(sents)
        pool += [m for m in usable if first - 2 <= m.sent <= max(sents) and m.resolved is not None
                 and m.resolved.kind != "country" and not _site(parsed, m) and m not in pool]
    told = usable
    # A namesake left unresolved can be the place told with the event's figures, never one merely named near them.
    usable = [m for m in usable if not m.namesake] or usable

    # "The raid happened in Tudun Bako village": where the report says it happened, in a sentence of no other event.
    said = _said_to_happen(parsed, [m for m in usable if _within_reach(m.sent, sents, other_events)])
    if said is None and sents and max(sents) + 1 in other_events:
        # "Six were killed ... The clashes happened in X district, where militias killed 30 herders last year": the
        # next sentence says where this event happened before it tells an older one
        said = _said_to_happen(parsed, [m for m in usable if m.sent == max(sents) + 1], verb_only=True)

    setting = _setting(parsed, mentions)

    # (a place below the score floor, as a country that only describes an actor, is no place of the event even alone)
    weighed = weigh(parsed, pool, mentions, anchors, setting)
    chosen = weighed[0].mention if weighed else None
    if said is not None and (chosen is None or "attached" not in weighed[0].cues or chosen.resolved is not None
                             and chosen.resolved.kind != "city"):
        chosen = said  # unless the figures' own words name a town ("killed in X")
    if chosen is None or chosen.resolved is not None and chosen.resolved.kind == "country" and not chosen.within:
        # "a grenade in Burundi's capital", "across the Libyan capital": a country's capital, not the country.
        capital = _capital_said(parsed, sents | {toks[a].sent for a in anchors}, focus, chosen, gazetteer)
        if capital is not None:
            return None, capital, "city"
    if chosen is None:
        chosen = fallback(parsed, sents, usable, mentions, focus)
    free = [m for m in told if m.sent not in other_events - sents]
    alike = _alike(parsed, free, sents, harm)
    if chosen is None:
        # no place named with the event: the report's country, or a town in it told where the event is told again
        # ("overran an army camp ... A car bomb went off at the gate of the X camp")
        country = gazetteer.country(focus.top) if focus.top else None
        chosen = _refine(parsed, None, free, sents, alike, mentions, focus, country) if country else None
        if chosen is None and country is None:
            # the report names no place the gazetteer knows: the name it gives, where the event's sentences or
            # those before them name one ("in Rancho Las Palmitas, two armed men fired on a patrol"), without coordinates
            named = [m for m in usable if m.sent <= max(sents, default=0) and not m.namesake]
            chosen = named[-1] if named else None
        if chosen is None:
            return None, country, "country" if country else ""
    chosen = innermost(parsed, chosen, usable)
    finer = finest(parsed, chosen, free, sents, alike, mentions, focus, gazetteer)
    chosen = _coded_at(parsed, finer, mentions)
    chosen, geo, label = _placed(parsed, _first_between(parsed, chosen, mentions), mentions, focus, gazetteer)
    if label == "country" and chosen.resolved is None:
        # a town the gazetteer lacks, held only by the country: in the one province the report's places lie in
        province = _one_province(parsed, mentions, geo)
        if province is not None:
            province = gazetteer.admin1(province)
        if province is not None:
            return chosen, province, "admin1"
    return chosen, geo, label
