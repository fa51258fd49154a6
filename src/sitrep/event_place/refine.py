"""From the place chosen to the most specific place told inside it: the place named inside the area chosen (a scored
choice, `weigh_inner`, whose cues and their reasons are data), a town told where the same harm or the same event is
told again (in the areas that may hold it in turn: a lake's countries, a foreign country's report country), the
place a report codes in brackets, the first of two places a road runs between. An event is placed as precisely as
the report allows, never outside the place chosen.
"""
from __future__ import annotations

from dataclasses import replace

from sitrep.event_place.choice import Weighed, ranked
from sitrep.event_place.precision import _known_parent, _province_named, _specificity
from sitrep.event_place.roles import _origin, _setting, _struck_at, _tells_again
from sitrep.event_place.words import _kind_of, _modifier, _natural, _outskirts, _rural, _site, cues
from sitrep.gazetteer import Gazetteer, GeoPlace
from sitrep.nlp import Parsed
from sitrep.places import Focus, PlaceMention, _formally_within, _inside, _reference_point, _specificity_of, rules


def innermost(parsed: Parsed, chosen: PlaceMention, usable: list[PlaceMention]) -> PlaceMention:
    """The place named inside the area chosen, down the chain ("Sylhet Sadar upazila (Sylhet, Sylhet)": the
    upazila), at most four levels down: at each, the best of the places named as lying in it (`weigh_inner`)."""
    for _ in range(4):
        inner = weigh_inner(parsed, chosen, usable)
        if not inner:
            break
        chosen = inner[0].mention
    return chosen


def weigh_inner(parsed: Parsed, chosen: PlaceMention, usable: list[PlaceMention],
                below_floor: bool = False) -> list[Weighed]:
    """The places of `usable` named as lying in the place chosen, scored as the event's finer place, best first (the
    first named of equals): the sum of the weights (data/event_place.toml [inner]) of the cues that hold for each,
    with the reasons kept; those below the floor (its threshold) are no finer place of the event (`below_floor`
    keeps them, to show why)."""
    inner = [(m, _inner_cues(parsed, m, chosen)) for m in usable if m.within is chosen]
    return ranked(inner, cues().inner, first_of_equals=True, below_floor=below_floor)


def _inner_cues(parsed: Parsed, m: PlaceMention, chosen: PlaceMention) -> dict[str, float]:
    """The cues that hold against a place named inside the one chosen as the event's finer place."""
    city = chosen.resolved is not None and chosen.resolved.kind == "city"
    # Not a name the gazetteer lacks inside a city, with no word saying it is a settlement: a compound or a
    # neighbourhood ("a pharmacy inside Canal Colony in Multan") is placed at its city; unless the city's name is
    # its province's too, or the city is told as its countryside ("X in Hama countryside": a village of its own).
    unplaced = m.resolved is None and not m.hint and city and not _formally_within(m) and not m.beside \
        and not (_province_named(chosen) and m.source not in ("ORG", "FAC")) and not _rural(parsed, chosen)
    held = {"modifier": _modifier(parsed, m), "facility": m.source == "FAC", "origin": _origin(parsed, m),
            "kind_word": _kind_of(parsed, m, chosen), "site": _site(parsed, m),
            "reference_point": not m.bracketed and _reference_point(parsed.tokens, m.start),
            "city_ward": _city_ward(m, chosen), "unplaced_in_city": unplaced, "outskirts": _outskirts(parsed, m)}
    return {name: 1.0 for name, value in held.items() if value}


def finest(parsed: Parsed, chosen: PlaceMention, free: list[PlaceMention], sents: set[int], alike: set[int],
           mentions: list[PlaceMention], focus: Focus, gazetteer: Gazetteer) -> PlaceMention:
    """The most specific place told inside the one chosen (`_refine`), beside it or where the event is told again,
    sought in the areas that may hold the event in turn (`_areas_sought`), the first that holds one."""
    areas = _areas_sought(parsed, chosen, mentions, sents, focus, gazetteer)
    return next((f for area in areas if (f := _refine(parsed, chosen, free, sents, alike, mentions, focus, area))
                 is not chosen), chosen)


def _areas_sought(parsed: Parsed, chosen: PlaceMention, mentions: list[PlaceMention], sents: set[int], focus: Focus,
                  gazetteer: Gazetteer) -> list[GeoPlace | None]:
    """The areas a finer place of the event is sought in, in turn (None: the place chosen itself). For a lake, a
    river, a range the gazetteer cannot hold, the countries around it first; for a country other than the report's,
    the report's country after it. The event lies in the place chosen wherever the report says so; these are where
    it lies when the place chosen cannot hold a town."""
    # "killed four troops in an outpost on Lake Chad ... this post between X and Y village": a lake, a river, a range
    # is no settlement; a town told where the event is told again, in the report's country, is where it was
    wild: list[GeoPlace | None] = _countries_around(chosen, mentions, sents, focus, gazetteer) \
        if _natural(chosen) and _known_parent(parsed, chosen, mentions, focus) is None else []
    # "an air strike by the coalition killed 26 civilians, while state media in the UAE reported ... 22 children died
    # in X": a country other than the report's told with the figures, a town of the report's country told where the
    # event is told again is where it was
    report = [gazetteer.country(focus.top)] if _foreign(chosen, focus) else []
    return [*wild, None, *report]


def _refine(parsed: Parsed, chosen: PlaceMention | None, usable: list[PlaceMention], sents: set[int], alike: set[int],
            mentions: list[PlaceMention], focus: Focus, around_it: GeoPlace | None = None) -> PlaceMention | None:
    """A more specific place inside the chosen one, told beside it or where the same harm is told again: the
    event's most precise location. Places told beside it come first. `around_it`: the area a place the gazetteer
    cannot hold lies in (the country around a lake)."""
    area = around_it or chosen.resolved
    if chosen is not None and _province_named(chosen):
        # "across Hama ... in the town of Kafr Nabudah": a name both a province and its capital, with no
        # word saying town, holds the province's towns
        area = replace(area, kind="admin1", geonames_id=-1)
    if area is None or area.kind == "city":
        return chosen
    capital = area.geonames_id == -1
    around = sents | {s + d for s in sents for d in (-1, 1)}
    holders = _holders(chosen) if chosen is not None else set()
    # (a place the gazetteer lacks named again is no finer place of itself: "Lake Chad" twice)
    key = chosen.key if chosen is not None and chosen.resolved is None else None
    better = []
    for m in usable:
        if m is chosen or m.key == key or id(m) in holders or m.sent not in around | alike or _modifier(parsed, m) \
                or _site(parsed, m) or _origin(parsed, m, apart=False):
            continue  # a site is no finer place of the event than the town that holds it, nor where people came from
        if capital and (m.resolved is None or m.is_area or m.start and parsed.tokens[m.start - 1].lower == "from"):
            continue  # only the province's known towns, not where someone came from
        where = m.resolved if m.resolved is not None else _known_parent(parsed, m, mentions, focus)
        if where is None and area.kind == "country" and (m.source in ("GPE", "LOC") or m.hint or _struck_at(parsed, m)):
            # "... in southern Niger. The gunmen raided a market in Guidan Roumdji": a town in it, though the
            # gazetteer knows its name only abroad (the country chosen is the report's word against the namesake's)
            where = area
        if where is None:
            continue
        if m.resolved is None and where.geonames_id != area.geonames_id and not _inside(where, area):
            continue
        if m.resolved is not None and not _inside(where, area):
            continue
        level = _specificity(m) if m.resolved is None else _specificity_of(where)
        ref = _reference_point(parsed.tokens, m.start)
        holds = any(o.within is m for o in usable)  # "the Abuja suburb of Kubwa": the suburb, not the city
        # beside the figures, the most precise place; further on, the nearest ("The violence in X district ..."
        # before "... the clash in the town of Y", another incident's)
        near, far = m.sent in around, -abs(m.sent - min(sents, default=m.sent))
        # a town over a sea, a lake, a river the gazetteer cannot hold, told with the area ("the state of X on the
        # Gulf of Y ... shot in the state capital of Z"): the feature only says where the area lies
        better.append((near, not ref, not _natural(m), level if near else far, far if near else level, not holds,
                       -m.start, m))
    if not better:
        return chosen
    best = max(better, key=lambda x: x[:7])[7]
    if best.resolved is None and best.area is None and _known_parent(parsed, best, mentions, focus) is None:
        best.area = area  # a town the gazetteer lacks, told in the country chosen: in that country
    return best


def _holders(m: PlaceMention) -> set[int]:
    """The places a place is set before by a bracket or a comma, up the chain ("Metuge (Pemba, Cabo Delgado)": Pemba
    and Cabo Delgado): none of them is a finer place of the event than it, whatever the gazetteer says of their
    kinds; nor a place known to be coarser that it is set in ("Mawiyah district in south-western Yemen (Taizz)"). Not a
    name the gazetteer lacks after "in" ("X district in the Y area": read as often the other way round)."""
    def coarser(o: PlaceMention, inner: PlaceMention) -> bool:
        return o.resolved is not None and inner.resolved is not None \
            and _specificity_of(o.resolved) <= _specificity_of(inner.resolved)

    seen: set[int] = set()
    inner, o = m, m.within
    while o is not None and (o.is_area or coarser(o, inner)) and id(o) not in seen:
        seen.add(id(o))
        inner, o = o, o.within
    return seen


def _alike(parsed: Parsed, free: list[PlaceMention], sents: set[int], harm: frozenset[str]) -> set[int]:
    """The sentences of places no other event holds that tell this event again: the same harm, its noun pointed
    back to ("the attack"), the eventful sentences just before figures that point back to it ("The deputy governor
    was also wounded in the attack" after "A candidate for mayor of X was shot"), or, after the figures, what was
    done ("... in Mexico's Michoacan state. ... the attackers burst into a house in the city of Zamora": where in the
    area it was done)."""
    first = min(sents, default=None)
    eventful = _eventful(parsed)
    # "The deputy governor was also wounded in the attack": the figures point back to an event told just before
    back = first is not None and any(_tells_again(parsed, s) for s in sents)
    alike = set()
    for s in {m.sent for m in free}:
        if harm and any(t.lemma in harm for t in parsed.sentence_tokens(s)) \
                or first is not None and s > first and (_tells_again(parsed, s) or s in eventful) \
                or back and first - 2 <= s < first and s in eventful:
            alike.add(s)
    return alike


def _eventful(parsed: Parsed) -> set[int]:
    """The sentences that tell something done as having happened: an asserted event word ("opened fire",
    "stormed", "the body was found")."""
    from sitrep.incidents import incidents

    return {i.sent for i in incidents(parsed) if i.realis and i.detects}


def _countries_around(m: PlaceMention, mentions: list[PlaceMention], sents: set[int], focus: Focus,
                      gazetteer: Gazetteer) -> list[GeoPlace]:
    """The countries a lake or a river told as an event's place may lie in, likeliest first: those named among the
    event's sentences and those just before them, the last named first ("... Lake Victoria, shared by Kenya, Tanzania
    and finally Uganda": a country named last most often qualifies the place before it), then the
    report's country. The event is placed in the first that holds a town told where the event is told again."""
    lo, hi = min(sents, default=m.sent) - 2, max(sents, default=m.sent)
    out: list[GeoPlace] = []
    for o in reversed(mentions):
        if lo <= o.sent <= hi and o.resolved is not None and o.resolved.kind == "country" and not o.dateline \
                and o.resolved not in out:
            out.append(o.resolved)
    top = gazetteer.country(focus.top) if focus.top else None
    return out + [top] if top is not None and top not in out else out


def _coded_at(parsed: Parsed, m: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
    """The place an event is coded at: where a report writes the coded location with its areas in brackets, "X
    (Y, Z)", after a detail the gazetteer lacks ("Ceel Qoday village in Kaaraan district (Kaaraan, Banadir)",
    "Dighir Para village, Gopalpur upazila (Sherpur, Mymensingh)"), the bracketed place is the location and the detail
    only tells where in it (acled-dev: the bracketed place in most such notes). A detail the gazetteer knows keeps
    its own place, and so does one named before a place written without brackets ("the Sar-e-Pul village of Khoja
    Sabz Posh district"), or one the words call an administrative unit ("Hemnagar union, Gopalpur upazila (...)"): its name is
    as precise as the report."""
    toks = parsed.tokens
    if m.hint in ("admin1", "admin2") or m.end < len(toks) and toks[m.end].text in rules().lower_features:
        return m
    if m.within is None and m.area is None:
        # a name the gazetteer lacks, or knows only abroad ("the Vila Nova hill" after "In Campinas, Sao
        # Paulo,"): a part of the town the report is set in
        setting = _setting(parsed, mentions)
        if setting is not None and setting.start < m.start and 0 <= m.sent - setting.sent <= 1 \
                and (m.resolved is None or m.resolved.country != setting.resolved.country):
            return setting
    seen: set[int] = set()
    o = m
    while o.resolved is None and not o.bracketed and o.within is not None and id(o) not in seen:
        seen.add(id(o))
        o = o.within
        where = o.resolved or o.area
        if o.bracketed and where is not None and where.kind in ("city", "admin2", "admin1") \
                and (o.resolved is None or o.resolved.kind != "admin1"):
            return o
    return m


def _first_between(parsed: Parsed, m: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
    """"a mine between Bourzanga and Kongoussi (Bam, Centre-Nord)": a road or a stretch between two places is
    placed at the first, as event notes code it; the second's areas hold it too."""
    toks = parsed.tokens
    if m.start < 3 or toks[m.start - 1].lower != "and":
        return m
    first = next((o for o in mentions if o.end == m.start - 1 and o.sent == m.sent), None)
    if first is None or first.start < 1 or toks[first.start - 1].lower != "between" or first.dateline:
        return m
    if first.resolved is None and first.area is None and first.within is None:
        first.area = m.area or m.resolved  # "(Bam, Centre-Nord)" says where both lie
    return first


def _city_ward(m: PlaceMention, city: PlaceMention) -> bool:
    """Is the place a ward of the city it is told in, a "district" the gazetteer lacks ("the Hodan district of
    Mogadishu")? The city is the event's place (wad-dev codes the city; acled-dev writes "Mogadishu-Hodan"), unless
    the city's name is its province's too ("the X district of Kandahar" is as often a district of the province)."""
    return m.resolved is None and m.hint == "admin2" and city.resolved is not None and city.resolved.kind == "city" \
        and not _province_named(city)


def _foreign(m: PlaceMention, focus: Focus) -> bool:
    """Is the place a country other than the one the report is about?"""
    return m.resolved is not None and m.resolved.kind == "country" and focus.top is not None \
        and m.resolved.country != focus.top
