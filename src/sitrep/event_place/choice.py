"""The scored choice among the places told with an event's figures (`weigh`): each cue that holds for a place adds
its weight (data/event_place.toml [choice]), and the reasons are kept; a place scored below the floor is none of
the event's; and the place a report says the event happened at ("the attack took place in X"), which may overrule
it.
"""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.cues import CueTable
from sitrep.cues import weigh as cue_weights
from sitrep.event_place.precision import _placed_finer, _specificity
from sitrep.event_place.roles import _attached, _event_noun_in
from sitrep.event_place.words import _kind_of, _modifier, _office, _outskirts, _rural, _seat, _site, cues
from sitrep.nlp import Parsed
from sitrep.places import _CITY_PARTS, PlaceMention, _feature_after, _formally_within, _reference_point, rules


@dataclass(frozen=True, slots=True)
class Weighed:
    """One place weighed as an event's place: its score, the cues that held, and the reasons they give."""

    mention: PlaceMention
    score: float
    cues: dict[str, float]
    reasons: tuple[str, ...]


def weigh(parsed: Parsed, pool: list[PlaceMention], mentions: list[PlaceMention], anchors: list[int],
          setting: PlaceMention | None = None, below_floor: bool = False) -> list[Weighed]:
    """The places of `pool` scored as the event's place, best first (the first named of equals): the sum of the
    weights (data/event_place.toml [choice]) of the cues that hold for each, with the reasons kept. A place
    scored below the floor ([choice] threshold) is left out: it is no event place even when no other is told with
    the figures (a country that only describes an actor), and the event is placed as if none were. Its cue is a
    weight like any other, not a filter after the choice, so that its reason is kept: `below_floor` keeps such
    places, to show why they lost."""
    return ranked([(m, _place_cues(parsed, m, mentions, anchors, setting, pool)) for m in pool], cues().choice,
                  first_of_equals=True, below_floor=below_floor)


def weigh_before(parsed: Parsed, before: list[PlaceMention]) -> list[Weighed]:
    """The places named just before an event's figures, when none is named with them, scored as its place, best
    first (the last named of equals: the place an event told without one goes on from): the sum of the weights
    (data/event_place.toml [before]) of the cues that hold for each, with the reasons kept."""
    def held(m: PlaceMention) -> dict[str, float]:
        said = {"site": _site(parsed, m), "country": m.resolved is not None and m.resolved.kind == "country",
                "area_of_another": m.is_area}
        return {name: 1.0 for name, value in said.items() if value}

    return ranked([(m, held(m)) for m in before], cues().before, first_of_equals=False)


def ranked(held: list[tuple[PlaceMention, dict[str, float]]], table: CueTable, first_of_equals: bool,
           below_floor: bool = False) -> list[Weighed]:
    """Places with the cues that hold for each, scored by a table's weights (`sitrep.cues.weigh`: their sum, a
    reason each) and ranked best first, of equals the first named or the last; those scored below the table's
    floor (its threshold) left out unless `below_floor`. Each of the stage's choices ranks so, from its own cues
    and table."""
    out = []
    for m, cues_held in held:
        score, reasons = cue_weights(cues_held, table.weights, table.reasons)
        if below_floor or score >= table.threshold:
            out.append(Weighed(m, score, cues_held, tuple(reasons)))
    order = -1 if first_of_equals else 1
    return sorted(out, key=lambda w: (w.score, order * w.mention.start), reverse=True)


def _place_cues(parsed: Parsed, m: PlaceMention, mentions: list[PlaceMention], anchors: list[int],
                setting: PlaceMention | None, pool: list[PlaceMention] = ()) -> dict[str, float]:
    """The cues that hold for one place as an event's place, each with its value (1, or a level)."""
    toks = parsed.tokens
    main_anchor = anchors[0] if anchors else None
    modifier = _modifier(parsed, m) or m.within is not None and _kind_of(parsed, m, m.within)
    to_main = not modifier and main_anchor is not None and toks[main_anchor].sent == m.sent and \
        _attached(parsed, m, toks[main_anchor])
    attached = to_main or not modifier and any(_attached(parsed, m, toks[a]) for a in anchors if toks[a].sent == m.sent)
    # A name the gazetteer lacks counts as placed when an area holds it, but not a bare name inside a city
    # (a compound, a neighbourhood: "Army Barracks in Multan").
    # A settlement the gazetteer lacks, named with its kind word and on its own ("in Tudun Bako village", "the
    # chief of Kaloko area"), is a place of its own and finer than a town named elsewhere in the sentence. Not
    # one told with a known place right after it ("X village outside of Y city", "X area (...) of Y district"):
    # that is coded at the known place; but a district as unknown as it is no better ("the village of X, in the
    # nearby Y district"). A district is no settlement ("Y county", its kind word an area's).
    settled = m.resolved is None and m.source != "FAC" and m.within is None and m.area is None \
        and (m.hint == "city" or m.hint is None and _feature_after(toks, m.end)) and setting is None \
        and not (m.end < len(toks) and toks[m.end].lower in _CITY_PARTS) \
        and not any(o.sent == m.sent and 0 < o.start - m.end <= 8 and _placed_finer(o) for o in mentions) \
        and "between" not in {t.lower for t in toks[max(0, m.start - 3) : m.start]}
    known = settled or m.resolved is not None or m.area is not None and (
        m.hint is not None or m.area.kind != "city" or _formally_within(m) or m.beside)
    # a country that only describes an actor ("separatists backed by the UAE", "Iraqi forces") is no place of the
    # event, even alone: its weight takes it below the floor
    actor_country = modifier and m.resolved is not None and m.resolved.kind == "country"
    held = {"actor_country": actor_country, "reference_point": _reference_point(toks, m.start),
            "namesake": m.namesake, "site": _site(parsed, m),
            "attached": attached, "attached_to_main": to_main, "office": attached and _office(parsed, m),
            "outskirts": _outskirts(parsed, m) and any(_settlement_beside(parsed, o, m) for o in pool),
            "modifier": modifier, "seat": _seat(parsed, m),
            "area_of_another": m.is_area, "known": known, "specificity": _specificity(m) + settled}
    return {name: float(value) for name, value in held.items() if value}


def _settlement_beside(parsed: Parsed, o: PlaceMention, m: PlaceMention) -> bool:
    """Is `o` a settlement named beside the town `m` ("a farm near Y outside X", "outside X, in Y village"): in its
    sentence, a few words from it, a town or a name the gazetteer lacks that its words do not call an area, not a site
    nor a reference point?"""
    if o is m or o.sent != m.sent or o.key == m.key or not (0 < o.start - m.end <= 6 or 0 < m.start - o.end <= 6):
        return False
    if _rural(parsed, o) or o.start and parsed.tokens[o.start - 1].text == "(" or o.end <= m.start and any(
            t.lower in rules().all_features for t in parsed.tokens[o.end : m.start]):
        # the area that holds the town ("outside X in Y countryside"), its other name or areas in brackets ("X (Z)
        # city"), or "Y village outside of X" (coded at X)
        return False
    town = o.resolved.kind == "city" if o.resolved is not None else o.hint in (None, "city") and o.source != "FAC"
    return town and not _site(parsed, o) and not _reference_point(parsed.tokens, o.start) \
        and not _modifier(parsed, o)


def _said_to_happen(parsed: Parsed, mentions: list[PlaceMention], verb_only: bool = False) -> PlaceMention | None:
    """The first place after "the attack took place", "the incident happened", "the clashes occurred" (the event
    noun the subject of the verb), not a reference point ("30 km from Bunia") nor a place's modifier."""
    toks = parsed.tokens
    for m in mentions:
        if not verb_only and _event_noun_in(parsed, m):
            return m
        verb = next((t for t in reversed(parsed.sentence_tokens(m.sent)[: m.start - parsed.sents[m.sent][0]])
                     if t.lemma in rules().happened_verbs and t.pos == "VERB"), None)
        if verb is None or m.start - verb.i > 12 or _reference_point(toks, m.start) or _modifier(parsed, m):
            continue
        if verb.lemma == "take" and not (verb.i + 1 < len(toks) and toks[verb.i + 1].lower == "place"):
            continue
        # told of that verb, not of a clause after it ("the raid happened a week after the army warned ...")
        head = parsed.span_root(m.start, m.end)
        if next((t for t in parsed.ancestors(head) if t.pos in ("VERB", "AUX")), None) is not verb:
            continue
        subject = next((t for t in toks[max(parsed.sents[m.sent][0], verb.i - 4) : verb.i]
                        if t.lower in cues().event_nouns and t.dep in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return m
    return None


def _within_reach(sent: int, sents: set[int], others: set[int]) -> bool:
    """Can a sentence tell more of the event of `sents`: it is none of another event's, and no sentence of another
    event stands between it and the event's ("On Friday, four were shot ... Further south, in Basra province, a feud
    ... The clash, which took place in the town of X": X is the Basra feud's)."""
    others = others - sents
    if sent in others:
        return False
    if not sents or min(sents) <= sent <= max(sents):
        return True
    lo, hi = (sent, min(sents)) if sent < min(sents) else (max(sents), sent)
    return not any(lo < o < hi for o in others)
