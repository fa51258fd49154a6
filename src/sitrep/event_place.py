"""The event's place: which of the places a report names is where an event happened, and how precisely.

The geoparser (`sitrep.places`) finds and resolves every place a report names; this stage picks, for one event,
the place its event and harm words attach to ("killed ... in Tikrit"), then the most specific place told inside it,
and says how precise that is. A dateline or a speaker's city is never the event's place while another is named, nor
where a person comes from, a people's name, or a site while the town that holds it is named. The choice among the
places told with the figures is a scored one (`weigh`): each cue that holds for a place adds its weight, read from
data/event_place.toml with the other word lists of this stage, and the reasons are kept.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from sitrep import lexicon
from sitrep.cues import weigh as cue_weights
from sitrep.gazetteer import Gazetteer, GeoPlace, consonants, normalize, skeleton
from sitrep.nlp import Parsed, Token
from sitrep.places import (_CITY_PARTS, Focus, PlaceMention, _coded_here, _feature_after, _formally_within,
                           _inside, _parent_name, _reference_point, _specificity_of, rules)


@dataclass(frozen=True, slots=True)
class Cues:
    """data/event_place.toml: the words that tell where an event happened, read once when first needed."""

    rural: frozenset[str]
    people: frozenset[str]
    people_before: frozenset[str]
    sites: frozenset[str]
    neighbourhoods: frozenset[str]
    weights: dict[str, float]
    reasons: dict[str, str]
    event_nouns: frozenset[str]  # "the attack", "the clashes", "the conflict": nouns that point back to the event
    natural: frozenset[str]  # "Lake Chad", "the Nuba Mountains": a name of a natural feature, no settlement
    back_nouns: frozenset[str]  # "died in that area", "near the same locality": the place named last
    posts: frozenset[str]  # "this military post", "that village": the event's site pointed back to
    journeys: frozenset[str]  # "travelling", "visiting": a journey, the victims' where an event's clause holds it
    locals: frozenset[str]  # "residents of X said": the people of a place, who tell what happened there
    qualifiers: frozenset[str]  # "neighbouring", "nearby": words before a place's name the tagger reads as nouns


@cache
def cues() -> Cues:
    """The stage's words and weights, read on first use (after the places file, whose happened nouns it joins)."""
    table = lexicon.load("event_place")
    words, choice = table["words"], table["choice"]
    return Cues(*(frozenset(words[k]) for k in ("rural", "people", "people_before", "sites", "neighbourhoods")),
                {k: float(v) for k, v in choice["weights"].items()}, dict(choice["reasons"]),
                frozenset(rules().happened_nouns | lexicon.attack_nouns() | set(words["event_nouns"])),
                frozenset(words["natural"]), frozenset(words["back_nouns"]), frozenset(words["posts"]),
                frozenset(words["journeys"]), frozenset(words["locals"]),
                frozenset(words["qualifiers"]))


def place_of_event(parsed: Parsed, mentions: list[PlaceMention], focus: Focus, figure_sents: list[int],
                   anchors: list[int], displacement: bool, gazetteer: Gazetteer,
                   other_events: set[int] = frozenset(),
                   harm: frozenset[str] = frozenset()) -> tuple[PlaceMention | None, GeoPlace | None, str]:
    """The place tied to an event's words, the gazetteer place it stands for, and the precision label.

    First the best-scoring place of the sentences that give the figures (`weigh`: the casualty words attach to it,
    "killed ... in Tikrit"; not a reference point, a site, a namesake), or where the report says it happened ("the
    attack took place in X", "The incident in X ..."), else the last place named just before them (finer than a
    country, not an area named as holding another), else "the city" as the last city named, else the lead, else the
    dateline, else the article's country. Then the most specific place told beside it and inside it ("Nigeria" ->
    "Kurmin Gwari town in Kaduna State", "Hama" -> "X in Hama countryside"), or, nearest first, told inside it
    further on where the same harm or what was done is told again (`harm`: the lemmas of the event's figure
    categories, so that "30 farmers were killed in Amhara region" takes Dessie where "shooting the men" is told; not for
    displacement, where a place told with "fled" is as often where people went). A name the gazetteer lacks takes
    the coordinates of the nearest known place named with it, finer than a country, with precision saying so.
    """
    toks = parsed.tokens
    sents = set(figure_sents)
    usable = [m for m in mentions if not m.dateline and not speaker_place(parsed, m)]
    # Where a person comes from is not where it happened ("shot a shopkeeper from Manbij in Azaz"), and a
    # people's name is no place ("fighting between Tiv herders and Jukun farmers").
    usable = [m for m in usable if not _origin(parsed, m) and not _people(parsed, m)] or usable
    # Where people fled to is not where they were displaced ("ran to neighbouring Gombe state"), nor where the
    # survivors were taken where it happened ("flown to Misrata"), unless the report names no other place.
    usable = [m for m in usable if not (_is_destination(parsed, m, None if displacement else rules().transfer_verbs))] \
        or usable
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

    weighed = weigh(parsed, pool, mentions, anchors, setting)
    # a country that only describes an actor ("separatists backed by the UAE") is no place of the event, even alone
    weighed = [w for w in weighed if not ("modifier" in w.cues and w.mention.resolved is not None
                                          and w.mention.resolved.kind == "country")]
    chosen = weighed[0].mention if weighed else None
    # "(coded as Dori at geoprecision 2)": the report says where the event is placed; nothing overrules it.
    coded = next((m for m in mentions if not m.dateline and _coded_here(toks, m.start)), None)
    if coded is not None:
        return _placed(coded, mentions, focus, gazetteer)
    if said is not None and (chosen is None or "attached" not in weighed[0].cues or chosen.resolved is not None
                             and chosen.resolved.kind != "city"):
        chosen = said  # unless the figures' own words name a town ("killed in X")
    if chosen is None or chosen.resolved is not None and chosen.resolved.kind == "country" and not chosen.within:
        # "a grenade in Burundi's capital", "across the Libyan capital": a country's capital, not the country.
        capital = _capital_said(parsed, sents | {toks[a].sent for a in anchors}, focus, chosen, gazetteer)
        if capital is not None:
            return None, capital, "city"
    if chosen is None:
        first = min(sents) if sents else 0
        # "Two herders were shot dead there in the area too": the place named last, known to the gazetteer or not
        back = _points_back(parsed, sents)
        before = [m for m in usable if first - 2 <= m.sent < first
                  and (back or m.resolved is not None or _known_parent(m, mentions, focus))]
        before = [m for m in before if not _site(parsed, m)] or before
        # the last named finer than a country: a country named last most often qualifies a place before it
        # ("Diyala, a province bordering Iran")
        before = [m for m in before if m.resolved is None or m.resolved.kind != "country"] or before
        # nor an area named as holding the place before it ("around X village (Wanla Weyn, Lower Shabelle). ...
        # One was killed")
        before = [m for m in before if not m.is_area] or before
        if before and all(m.resolved is not None and m.resolved.kind == "country" for m in before):
            before = _finer_before(parsed, usable, first - 2, before[-1].resolved.country) or before
        chosen = before[-1] if before else _the_city(parsed, sents, mentions)
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
    for _ in range(4):  # "Sylhet Sadar upazila (Sylhet, Sylhet)": the place inside the area chosen
        # Not a name the gazetteer lacks inside a city, with no word saying it is a settlement: a compound or a
        # neighbourhood ("a pharmacy inside Canal Colony in Multan") is placed at its city.
        inner = next((m for m in usable if m.within is chosen and not _modifier(parsed, m) and m.source != "FAC"
                      and not _origin(parsed, m) and not _kind_of(parsed, m, chosen) and not _site(parsed, m)
                      and (m.bracketed or not _reference_point(parsed.tokens, m.start))
                      and not _city_ward(m, chosen)
                      and (m.resolved is not None or m.hint or chosen.resolved is None
                           or chosen.resolved.kind != "city" or _formally_within(m) or m.beside
                           or _province_named(chosen) and m.source not in ("ORG", "FAC")
                           or _rural(parsed, chosen))), None)
        if inner is None:
            break
        chosen = inner
    # "killed four troops in an outpost on Lake Chad ... this post between X and Y village": a lake, a river, a range
    # is no settlement; a town told where the event is told again, in the report's country, is where it was
    wild = _countries_around(chosen, mentions, sents, focus, gazetteer) \
        if _natural(chosen) and _known_parent(chosen, mentions, focus) is None else []
    finer = next((f for c in wild if (f := _refine(parsed, chosen, free, sents, alike, mentions, focus, c))
                  is not chosen), None)
    if finer is None:
        finer = _refine(parsed, chosen, free, sents, alike, mentions, focus)
    if finer is chosen and _foreign(chosen, focus):
        # "an air strike by the coalition killed 26 civilians, while state media in the UAE reported ... 22 children
        # died in X": a country other than the report's told with the figures, a town of the report's country told
        # where the event is told again is where it was
        finer = _refine(parsed, chosen, free, sents, alike, mentions, focus, gazetteer.country(focus.top))
    chosen = _coded_at(parsed, finer, mentions)
    chosen, geo, label = _placed(_first_between(parsed, chosen, mentions), mentions, focus, gazetteer)
    if label == "country" and chosen.resolved is None:
        # a town the gazetteer lacks, held only by the country: in the one province the report's places lie in
        province = _one_province(parsed, mentions, geo)
        if province is not None:
            province = gazetteer.admin1(province)
        if province is not None:
            return chosen, province, "admin1"
    return chosen, geo, label


def _finer_before(parsed: Parsed, usable: list[PlaceMention], until: int, country: str) -> list[PlaceMention]:
    """Where the sentences just before an event name only its country ("... near X Bridge, Minbya Township, Y
    District, Rakhine State, troops and rebels clashed. The army claimed it seized a rebel camp in Myanmar. Both sides
    suffered losses."), the most precise place in that country the report named before them, a place set in others
    first: the report told where it all happened once, and a country named later only says whose army it was."""
    told = [m for m in usable if m.sent < until and _placed_finer(m) and not _site(parsed, m)
            and (m.resolved or m.area).country == country]
    told = [m for m in told if not m.is_area] or told
    return [max(told, key=lambda m: (_specificity(m), -m.start))] if told else []


def _foreign(m: PlaceMention, focus: Focus) -> bool:
    """Is the place a country other than the one the report is about?"""
    return m.resolved is not None and m.resolved.kind == "country" and focus.top is not None \
        and m.resolved.country != focus.top


def _city_ward(m: PlaceMention, city: PlaceMention) -> bool:
    """Is the place a ward of the city it is told in, a "district" the gazetteer lacks ("the Hodan district of
    Mogadishu")? The city is the event's place (wad-dev codes the city; acled-dev writes "Mogadishu-Hodan"), unless
    the city's name is its province's too ("the X district of Kandahar" is as often a district of the province)."""
    return m.resolved is None and m.hint == "admin2" and city.resolved is not None and city.resolved.kind == "city" \
        and not _province_named(city)


def _one_province(parsed: Parsed, mentions: list[PlaceMention], country: GeoPlace | None) -> str | None:
    """The admin1 code of the one province all the report's known places finer than `country` lie in, if one; not
    counting a dateline nor a reference point ("a factory in X, north-east of Bangui": Bangui's province is not X's).
    A report on a village the gazetteer lacks that names towns of one province only most often names that village's
    (news-dev, acled-dev, wad-dev: the province so given was the gold one, or no gold province was coded)."""
    codes = {m.resolved.admin1_code for m in mentions if not m.dateline and m.resolved is not None
             and m.resolved.kind != "country" and not _reference_point(parsed.tokens, m.start)}
    if country is None or len(codes) != 1:
        return None
    code = next(iter(codes))
    return code if code and code.split(".")[0] == country.country else None


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


def _alike(parsed: Parsed, free: list[PlaceMention], sents: set[int], harm: frozenset[str]) -> set[int]:
    """The sentences of places no other event holds that tell this event again: the same harm, its noun pointed
    back to ("the attack"), or, after the figures, what was done ("... in Mexico's Michoacan state. ... the attackers
    burst into a house in the city of Zamora": where in the area it was done)."""
    first = min(sents, default=None)
    eventful = _eventful(parsed)
    alike = set()
    for s in {m.sent for m in free}:
        if harm and any(t.lemma in harm for t in parsed.sentence_tokens(s)) \
                or first is not None and s > first and (_tells_again(parsed, s) or s in eventful):
            alike.add(s)
    return alike


@dataclass(frozen=True, slots=True)
class Weighed:
    """One place weighed as an event's place: its score, the cues that held, and the reasons they give."""

    mention: PlaceMention
    score: float
    cues: dict[str, float]
    reasons: tuple[str, ...]


def weigh(parsed: Parsed, pool: list[PlaceMention], mentions: list[PlaceMention], anchors: list[int],
          setting: PlaceMention | None = None) -> list[Weighed]:
    """The places of `pool` scored as the event's place, best first (the first named of equals): the sum of the
    weights (data/event_place.toml [choice]) of the cues that hold for each, with the reasons kept."""
    weights, texts = cues().weights, cues().reasons
    out = []
    for m in pool:
        held = _place_cues(parsed, m, mentions, anchors, setting)
        score, reasons = cue_weights(held, weights, texts)
        out.append((score, -m.start, Weighed(m, score, held, tuple(reasons))))
    out.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [w for _, _, w in out]


def _place_cues(parsed: Parsed, m: PlaceMention, mentions: list[PlaceMention], anchors: list[int],
                setting: PlaceMention | None) -> dict[str, float]:
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
    held = {"reference_point": _reference_point(toks, m.start), "namesake": m.namesake, "site": _site(parsed, m),
            "attached": attached, "attached_to_main": to_main, "modifier": modifier,
            "area_of_another": m.is_area, "known": known, "specificity": _specificity(m) + settled}
    return {name: float(value) for name, value in held.items() if value}


def _placed_finer(m: PlaceMention) -> bool:
    """Is the place known, itself or by the area holding it, finer than a country?"""
    where = m.resolved or m.area
    return where is not None and where.kind != "country"


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


def _placed(chosen: PlaceMention, mentions: list[PlaceMention], focus: Focus,
            gazetteer: Gazetteer) -> tuple[PlaceMention, GeoPlace | None, str]:
    """The event's place mention with the gazetteer place that stands for it and the precision label: its own
    place, else the known place named with it ("near"), else the report's country."""
    if chosen.resolved is None:
        parent = _known_parent(chosen, mentions, focus)
        if parent is None:
            country = gazetteer.country(focus.top) if focus.top else None
            return chosen, country, "country" if country else ""
        return chosen, parent, "near" if parent.kind == "city" else parent.kind
    place = chosen.resolved
    label = place.kind
    if _parent_name(chosen) and place.kind == "city" and normalize(place.name) != chosen.key:
        label = "near"
    return chosen, place, label


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


def _eventful(parsed: Parsed) -> set[int]:
    """The sentences that tell something done as having happened: an asserted event word ("opened fire",
    "stormed", "the body was found")."""
    from sitrep.incidents import incidents

    return {i.sent for i in incidents(parsed) if i.realis and i.detects}


def _tells_again(parsed: Parsed, sent: int) -> bool:
    """Does the sentence point back to the event by its noun ("The attack struck the town of X", "survived the attack
    at X", "The fighting started in X"), or to its site ("this military post lies between X and Y")? It tells more
    of the same event, and where it happened."""
    toks = parsed.sentence_tokens(sent)
    return any(t.lower in cues().event_nouns and k and toks[k - 1].lower in ("the", "this", "that")
               or t.lower in cues().posts and _this_before(toks, k) for k, t in enumerate(toks))


def _this_before(toks: list[Token], k: int) -> bool:
    """"this military post", "that village": a demonstrative before the noun, across its adjectives."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "VERB") and toks[j].tag in ("JJ", "VBN"):
        j -= 1
    return j >= 0 and toks[j].lower in ("this", "that")


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


def _setting(parsed: Parsed, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The town a report sets itself in with its province, opening a clause: "On 9 June, in Culiacan, Sinaloa,
    ...", "In Londrina, Parana, ...". A name the gazetteer lacks told after it with no area of its own ("in
    Colonia Los Pinos Sur", "in Morro do Cajueiro") is a part of that town, and the event is coded at the town (acled-dev:
    every such note)."""
    toks = parsed.tokens
    for s in mentions:
        if s.resolved is None or s.resolved.kind != "city" or s.within is None or s.within.resolved is None \
                or s.within.resolved.kind != "admin1" or s.dateline:
            continue
        if [t.lower for t in toks[s.end : s.within.start]] != [","]:
            continue
        j = s.start - 1
        first = parsed.sents[s.sent][0]
        if j >= first and toks[j].lower == "in" and (j == first or toks[j - 1].text == ","):
            return s
    return None


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


def _event_noun_in(parsed: Parsed, m: PlaceMention) -> bool:
    """"The incident in the Muthanna province started when ...", "The violence in al-Khidr district went on
    for hours": the event's noun, pointed back to ("the", "this"), opening its sentence with the place after "in", or
    right before it ("claimed the attack in the town of X")."""
    toks = parsed.tokens
    first = parsed.sents[m.sent][0]
    words = [t.lower for t in toks[first : m.start]]
    opens = len(words) >= 3 and words[0] in ("the", "this") and words[1] in cues().event_nouns \
        and words[2] in ("in", "at")
    return (opens or _event_noun_before(toks, m.start, first)) and not _reference_point(toks, m.start) \
        and not _modifier(parsed, m)


def _event_noun_before(toks: list[Token], k: int, first: int) -> bool:
    """"... a rival faction carried out this attack in the town of Azaz": the event's noun, pointed back to, right
    before "in" and the place (across "the city of")."""
    j = k - 1
    while j > first and (toks[j].lower in ("the", "of") or toks[j].lower in rules().all_features) and k - j <= 4:
        j -= 1
    return j - 2 >= first and toks[j].lower in ("in", "at") and toks[j - 1].lower in cues().event_nouns \
        and toks[j - 2].lower in ("the", "this", "that")


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


def _modifier(parsed: Parsed, m: PlaceMention) -> bool:
    """"Myanmar military", "US air raids", "Iraqi forces", "rebels backed by Rwanda": a country's name
    describing an actor or standing for one, not a location; so is any place that does something ("a truce declared
    by Moscow")."""
    toks = parsed.tokens
    head = parsed.span_root(m.start, m.end)
    above = toks[head.head]
    if m.resolved is None:
        return False
    if head.dep == "pobj" and above.dep == "agent":
        # "militias armed by a neighbour state, Rwanda", "a truce declared by Moscow": a country, or a capital standing
        # for its government, doing something: an actor
        return True
    if m.resolved.kind != "country":
        return False
    return head.dep in ("compound", "amod", "nmod", "poss") and above.pos in ("NOUN", "PROPN") and \
        above.lower not in rules().all_features


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
        where = m.resolved if m.resolved is not None else _known_parent(m, mentions, focus)
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
        better.append((near, not ref, level if near else far, far if near else level, not holds, -m.start, m))
    if not better:
        return chosen
    best = max(better, key=lambda x: x[:6])[6]
    if best.resolved is None and best.area is None and _known_parent(best, mentions, focus) is None:
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


def _natural(m: PlaceMention) -> bool:
    """Is the place a natural feature the gazetteer does not hold, a lake, a river, a range ("Lake Chad", "the
    Nuba Mountains"), by the words of its name?"""
    return m.resolved is None and bool({w.lower() for w in m.text.split()} & cues().natural)


def _points_back(parsed: Parsed, sents: set[int]) -> bool:
    """Do the event's sentences place it by pointing back ("killed in the area", "near the same locality")?"""
    for s in sents:
        words = [t.lower for t in parsed.sentence_tokens(s)]
        for k in range(2, len(words)):
            if words[k] in cues().back_nouns and words[k - 1] in ("the", "same", "that") \
                    and (words[k - 2] in rules().locative or words[k - 1] == "same"):
                return True
    return False


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


def _rural(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the country around it ("in Hama countryside", "in rural Homs")? A name told inside it
    is a village of its own, not a part of the town (acled-dev: such notes code the village)."""
    toks = parsed.tokens
    after = toks[m.end].lower if m.end < len(toks) else ""
    before = toks[m.start - 1].lower if m.start else ""
    return after in cues().rural or before in cues().rural


def _specificity(m: PlaceMention) -> int:
    """How precise a place is; a name the gazetteer lacks is as precise as its words say ("Gagarawa District")."""
    if m.resolved is None:
        return {"admin1": 1, "admin2": 2}.get(m.hint or "", 3)
    return _specificity_of(m.resolved)


def _attached(parsed: Parsed, m: PlaceMention, anchor: Token) -> bool:
    """Is the place a complement of the event's words: "killed in X", "captured the city of X", "fled X",
    "killed when forces broke up the sit-in in X"? Not where someone spoke or travelled."""
    toks = parsed.tokens
    verb = anchor
    for _ in range(4):
        if verb.pos in ("VERB", "AUX") or verb.head == verb.i:
            break
        verb = toks[verb.head]
    return _struck_at(parsed, m, {anchor.i, verb.i})


def _struck_at(parsed: Parsed, m: PlaceMention, words: set[int] = frozenset()) -> bool:
    """Is the place a complement of an event verb ("the gunmen struck around X", "killed in X") or of one of
    `words`, before any verb of speech or travel above it? A name so told is a place, whatever kind of name the
    tagger took it for (a village on a road told as "X axis" reads as an organisation's)."""
    from sitrep.figures import INTRANSITIVE, VERBS

    head = parsed.span_root(m.start, m.end)
    for t in list(parsed.ancestors(head))[:10]:
        if t.i in words or (t.pos == "VERB" and (t.lemma in rules().event_verbs or t.lemma in VERBS
                                                 or t.lemma in INTRANSITIVE)):
            return True
        if t.pos == "VERB" and t.lemma in rules().speech_or_travel:
            return False
    return False


def _origin(parsed: Parsed, m: PlaceMention, apart: bool = True) -> bool:
    """Is the place where someone comes from, told apart from where it happened: "a shopkeeper from Manbij in Azaz",
    "whose men are from Hasakah, in the town of Tal Abyad"? "from" follows a noun or "be", and "in" another
    place follows; not "fired from X", nor "kidnapped two civilians from X village", nor "militias from X". Without
    `apart`, any people said to be from the place ("raiders suspected to be from the neighbouring X"): no finer place
    of an event told elsewhere."""
    toks = parsed.tokens
    j = m.start - 1
    while j >= 0 and (toks[j].pos == "DET" or not apart and _qualifier(toks[j])) and toks[j].sent == m.sent:
        j -= 1
    if j < 0 or toks[j].lower != "from" or toks[j].sent != m.sent:
        return False
    before = toks[j - 1] if j > 0 and toks[j - 1].sent == m.sent else None
    if before is None or not (before.pos in ("NOUN", "PRON") or before.lemma == "be"):
        return False
    if not apart:
        return True
    after = [t.lower for t in toks[m.end : m.end + 2] if t.sent == m.sent]
    return after[:1] in (["in"], ["at"]) or after in ([",", "in"], [",", "at"])


def _site(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place a site, not a settlement: "Sololo market", "the Ortiz farm", "Market Square", "Colonia Los
    Pinos"? Its word follows its name (or ends it), or a neighbourhood's word opens it."""
    toks = parsed.tokens
    words = [t.lower for t in toks[m.start : m.end]]
    after = toks[m.end].lower if m.end < len(toks) and toks[m.end].sent == m.sent else ""
    said = after in cues().sites or words[-1] in cues().sites or words[0] in cues().neighbourhoods
    # "Al Dabab checkpoint (Jabal Habashi, Taizz)": a site the report places itself, with its areas in
    # brackets, is the coded location
    return said and m.hint is None and not m.bracketed and (m.resolved is None or m.resolved.kind == "city")


def _people(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the name a people's, told before a word for its members: "Tiv herders", "between the Eggon and Alago
    ethnic groups", "the Murusade and Duduble clans"? Towns bear such names too, but not in those words."""
    toks = parsed.tokens
    k = m.end
    if k < len(toks) and toks[k].lower == "and":  # the first of two peoples named before one word
        k += 1
        while k < len(toks) and toks[k].sent == m.sent and (toks[k].pos == "PROPN" or toks[k].text[:1].isupper()
                                                            or toks[k].lower in ("-", "al", "el")):
            k += 1
    while k < len(toks) and toks[k].lower in cues().people_before:  # "ethnic", "sub"
        k += 1
    return k < len(toks) and toks[k].sent == m.sent and toks[k].lower in cues().people


def _kind_of(parsed: Parsed, m: PlaceMention, area: PlaceMention) -> bool:
    """"the Andean town of Juliaca", "the Darfur town of Kutum": the kind word before "of" is the next
    place's, which has none of its own, so the name before it only qualifies that town; not "the Deh-e-Now village
    of Kohsar district", where the area says its own kind."""
    toks = parsed.tokens
    between = [t.lower for t in toks[m.end : area.start] if t.pos != "DET"]
    if len(between) != 2 or between[1] != "of" or between[0] not in rules().features["city"]:
        return False
    kinds = rules().all_features | {words[0] for words in rules().long_features}  # "Local Government Area"
    return not (area.end < len(toks) and toks[area.end].lower in kinds)


def speaker_place(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place where someone spoke or travelled ("told reporters in Vienna", "travelling through Portugal")? Not
    where the speakers live ("residents of X said", "people in X district have said"): they tell what happened there."""
    head = parsed.span_root(m.start, m.end)
    for t in list(parsed.ancestors(head))[:4]:
        if t.pos == "VERB":
            return t.lemma in rules().speech_or_travel and not _said_after(parsed, m, t) \
                and not _victims_travelling(parsed, t)
        if t.pos == "NOUN" and t.lower in cues().locals:
            return False  # "residents of X said", "people in X district have said": where they live, told by them
    return False


def _victims_travelling(parsed: Parsed, verb: Token) -> bool:
    """"a mine struck the bus the traders rode in by X", "shot while visiting X": a journey told inside the
    event's clause is the victims', and where it went on is where the event was; not one under a speech verb
    ("said while visiting X")."""
    if verb.lemma not in cues().journeys or verb.dep not in ("relcl", "acl", "advcl"):
        return False
    above = list(parsed.ancestors(verb))[:6]
    return not any(t.lemma in rules().speech_or_travel for t in above)


def _said_after(parsed: Parsed, m: PlaceMention, verb: Token) -> bool:
    """"... shot dead six in the village of X, in Niger's Diffa region, a regional councillor said on Friday": the
    parse hangs the place on the speech verb that closes the sentence, but it is told in what was said."""
    rest = [t for t in parsed.sentence_tokens(m.sent) if t.i > verb.i]
    return verb.i > m.end and any(t.text == "," for t in parsed.tokens[m.end : verb.i]) \
        and not any(t.pos == "VERB" for t in rest)


def _qualifier(tok: Token) -> bool:
    """Is the word one that qualifies a place's name before it: "northern", "neighbouring" (which the tagger reads
    as an adjective, a participle or a noun), "nearby"?"""
    return tok.pos == "ADJ" or tok.tag in ("VBG", "VBN") or tok.lower in cues().qualifiers


def _is_destination(parsed: Parsed, m: PlaceMention, verbs: set[str] | None = None) -> bool:
    """"crossed into Benin", "ran to Gombe state": where people went, not where it happened. With `verbs`, only
    where they went under one of those verbs ("were flown to Misrata")."""
    toks = parsed.tokens
    j = m.start - 1
    while j >= 0 and (toks[j].pos == "DET" or _qualifier(toks[j])) and toks[j].sent == m.sent:
        j -= 1  # "to neighbouring Gombe state", "into the northern Benin"
    if j < 0 or toks[j].lower not in rules().away or m.resolved is None:
        return False
    return verbs is None or any(t.lemma in verbs for t in list(parsed.ancestors(toks[j]))[:3])


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


def _known_parent(m: PlaceMention, mentions: list[PlaceMention], focus: Focus) -> GeoPlace | None:
    """For a name the gazetteer lacks, a known place named with it ("Kindjandi ... in Diffa region"), here or
    where the same name is said with its area ("Sabiid, Lower Shabelle")."""
    if m.area is not None:
        return m.area
    near = [o for o in mentions if o is not m and o.resolved is not None and o.sent == m.sent and not o.dateline]
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
