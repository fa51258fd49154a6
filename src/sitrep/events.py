"""Events: each frame of a report, with its figures, becomes an `Event` with a type, a source and its evidence.

Event types follow SPEC §2 (ACLED's sub-event names where one fits), from rules in `data/event_types.toml`.
"""
from __future__ import annotations

import hashlib

from sitrep import incidents
from sitrep.actors import ReportActors, event_actors
from sitrep.attribution import Speaker, doubts
from sitrep.grouping import Frame, apart, incident_words, lead_sentences, opens_with_another, tells_flight
from sitrep.dates import event_date, time_words
from sitrep.figures import harm_lemmas
from sitrep.gazetteer import Gazetteer, GeoPlace
from sitrep.model import Article, Event, Figure, Place, Span
from sitrep.nlp import Parsed
from sitrep.event_place import place_of_event
from sitrep.places import Focus, PlaceMention

_ABDUCTION = "Abduction/forced disappearance"


def build_events(
    article: Article,
    parsed: Parsed,
    frames: list[Frame],
    figures: dict[str, list[Figure]],
    speakers: list[Speaker],
    places: tuple[list[PlaceMention], Focus] | None = None,
    gazetteer: Gazetteer | None = None,
    report_actors: ReportActors | None = None,
) -> list[Event]:
    """One event per frame that has a figure, per incident told without one, and per lead told of a place apart
    from all of them; in text order of first statement."""
    lead_source = _lead_source(parsed, frames, speakers)
    events: list[Event] = []
    leads: list[Event] = []  # events told by a lead without a figure: kept where their place is apart
    frames = _absorb_duplicates(frames, figures)
    plain = [f for f in frames if f.kind != "lead"]  # a lead candidate changes nothing of the other events
    words = time_words(parsed)
    armed = armed_sentences(report_actors)
    main_date = None
    for f in plain + [f for f in frames if f.kind == "lead"]:
        near = frames if f.kind == "lead" else plain
        figs = figures.get(f.key, [])
        if not figs and not f.extra:
            continue
        if f.kind == "lead" and (places is None or gazetteer is None):
            continue  # whether a lead tells an event of its own is a question of places
        for fig in figs:
            fig.text = fig.span.text_of(parsed.text)  # the text made valid (nlp.valid_text), same offsets
        live = [g for g in figs if not g.superseded]
        main_fig = _main_figure(live)
        others = {s for o in near if o is not f for s in o.sentences}
        if f.kind == "lead" and tells_flight(parsed, f.extra[0]):
            event_type, sub = "displacement", None
        else:
            event_type, sub = classify(parsed, f, live, others, main_fig, armed)
        if event_type == "displacement" and f.kind != "lead" and not _flight_told(parsed):
            continue  # "20,527 displaced voters cast ballots": people described as displaced, no flight told
        if event_type == "displacement" and live and all(_survivors(parsed, g) for g in live):
            # "the three other soldiers fled": who got away from an attack, not people displaced. An attack its
            # own sentences tell ("escaped death when a buried explosive went off") is the event, with no figure.
            told = [m for s in f.sentences for m in incidents.tells_event(parsed, s) if m.sub != "displacement"]
            if not told:
                continue
            figs, live, main_fig = [], [], None
            event_type, sub = classify(parsed, f, [], others, None, armed)
            if event_type == "displacement":  # the flight of those who got away types nothing: the attack told does
                best = max(told, key=lambda m: m.weight).sub
                event_type, sub = incidents.type_of(best), incidents.acled_name(best)
        if event_type == "abduction":
            for g in figs:
                if g.category == "missing":
                    g.category = "abducted"  # missing after an abduction raid: the abducted
            main_fig = _main_figure(live)  # an abducted count now ranks above the injured
        sentences = f.sentences
        evidence = [Span(*parsed.sentence_span(s)) for s in sentences]
        claim = _claim_source(f, live, main_fig, speakers, lead_source)
        confirmed = main_fig.confirmed if main_fig else _sentence_confirmed(parsed, f.extra)
        if any(g.confirmed is False for g in live):
            confirmed = False
        live_spans = {sp for g in live for sp in g.mentions}
        anchors = [m.anchor for m in f.mentions if m.span in live_spans] or [m.anchor for m in f.mentions] \
            or incident_words(parsed, f.extra, flight=f.kind == "lead") \
            or [m.token for m in incidents.in_sentences(parsed, f.extra) if m.realis]
        # "Another bomb ...", "A second explosion ...": the same story's other incident, on the same day.
        inherit = main_date if f.kind == "opener" and opens_with_another(parsed, min(f.sentences)) else None
        foreign = [m.anchor for o in near if o is not f for m in o.mentions if m.sent in set(sentences)]
        lead = lead_sentences(parsed) if f.kind == "main" else []
        additions = [m.anchor for m in f.mentions if m.additive]
        when = event_date(parsed, words, sentences, anchors, article.published, inherit, foreign, lead, others,
                          additions)
        if f.kind == "main":
            main_date = when
        location = None
        if places is not None and gazetteer is not None:
            mentions, focus = places
            chosen, geo, label = place_of_event(parsed, mentions, focus, sentences, anchors,
                                                event_type == "displacement", gazetteer, others,
                                                harm_lemmas({g.category for g in live} - {"displaced"}))
            location = to_place(chosen, geo, label)
            if f.kind == "lead" and (chosen is None or chosen.sent not in sentences or chosen.resolved is None):
                continue  # a lead with no place of its own tells the event its figures tell
        actors = []
        if report_actors is not None and gazetteer is not None:
            country = location.country if location and location.country else (places[1].top if places else None)
            para = parsed.paragraph_of_sentence
            told = set(sentences) | {s - 1 for s in sentences if s and para[s - 1] == para[s] and s - 1 not in others}
            violent = event_type not in ("displacement", "other")  # no perpetrator guessed for a flood
            actors = event_actors(parsed, report_actors, told, figs, violent, gazetteer, country, others,
                                  event_type, sub)
        (leads if f.kind == "lead" else events).append(
            Event(
                id=_event_id(article, parsed.text, evidence, event_type, f.key),
                location=location,
                date=when,
                actors=actors,
                event_type=event_type,
                sub_event_type=sub,
                figures=sorted(figs, key=lambda g: (g.superseded, g.span.start)),
                claim_source=claim,
                confirmed=confirmed,
                evidence=evidence,
                confidence=confidence(incidents.in_sentences(parsed, sentences), live, location, when,
                                      len(f.mentions)),
                kind={"main": "main", "time": "background"}.get(f.kind, "other"),
            )
        )
    if events:
        events += [e for e in leads if all(apart(e.location, o.location) for o in events)]
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    return events


def to_place(mention: PlaceMention | None, geo: GeoPlace | None, label: str) -> Place | None:
    """The SPEC §2 location: the words of the text, the gazetteer's facts, the precision."""
    if mention is None and geo is None:
        return None
    return Place(
        name=mention.text if mention is not None else geo.name,
        country=geo.country if geo else None,
        admin1=geo.admin1 if geo and geo.kind != "country" else None,
        lat=geo.lat if geo else None,
        lon=geo.lon if geo else None,
        geonames_id=geo.geonames_id if geo else None,
        precision=label or None,
        feature_code=geo.feature_code if geo else None,
        admin1_code=geo.admin1_code if geo and geo.kind != "country" else None,
        span=mention.span if mention else None,
        text=mention.text if mention else None,
    )


def _absorb_duplicates(frames: list[Frame], figures: dict[str, list[Figure]]) -> list[Frame]:
    """A frame whose figures another frame already has (a repeated paragraph) is that frame."""
    def sig(f: Frame) -> set[tuple]:
        return {(g.category, g.min, g.max) for g in figures.get(f.key, []) if not g.superseded}

    out: list[Frame] = []
    for f in frames:
        mine = sig(f)
        twin = next((o for o in out if mine and (mine == sig(o) or (f.kind == "main" and mine <= sig(o)))), None)
        if twin is not None:
            twin.mentions.extend(f.mentions)
            for g in figures.get(f.key, []):
                same = next((h for h in figures[twin.key] if (h.category, h.min, h.max) == (g.category, g.min, g.max)), None)
                if same is not None:
                    same.mentions = sorted(set(same.mentions) | set(g.mentions), key=lambda s: s.start)
                    same.source = same.source or g.source
            continue
        out.append(f)
    return out


def classify(parsed: Parsed, frame: Frame, figures: list[Figure], others: set[int] = frozenset(),
             main: Figure | None = None, armed: frozenset[int] = frozenset()) -> tuple[str, str | None]:
    """The event type and ACLED sub-event type: a scored choice over the event words of the sentences that tell
    the event (`sitrep.incidents`), and the sentences beside them that tell no other event."""
    cats = {g.category for g in figures}
    if cats and cats <= {"displaced"}:
        return "displacement", None
    near = set(frame.sentences)
    told = telling_sentence(parsed, frame, others)
    if told is not None:
        near.add(told)  # "Gunmen clashed with troops in X. Four men died.": the figures tell of that clash
    # Sentences between two of the event's own that tell no other event tell more of it.
    near |= {s for s in range(min(near), max(near)) if s not in others}
    wider = near | {s + d for s in near for d in (-1, 1) if 0 <= s + d < len(parsed.sents) and s + d not in others}
    # The sentences that state the event's main figure tell what happened first ("killed 12 soldiers in an
    # ambush" before "responded with air strikes").
    own = {m.sent for m in frame.mentions if main is not None and m.span in main.mentions} or near
    if told is not None:
        own = own | {told}  # what the figures point back to is what happened
    victims = {g.victims for g in figures if g.category in ("killed", "injured") and g.victims != "unknown"}
    if cats and cats <= {"missing"}:
        # People missing after a raid: an abduction when the report speaks of taking people anywhere.
        if any(m.sub == _ABDUCTION for m in incidents.incidents(parsed)):
            return incidents.type_of(_ABDUCTION), _ABDUCTION
    bonus = {_ABDUCTION: 3.0} if "abducted" in cats else {}
    chosen = incidents.choose(parsed, own, near, wider, victims, bonus=bonus,
                              harm=frozenset(cats & {"killed", "injured"}), armed=armed)
    if chosen is not None:
        return chosen.event_type, chosen.sub
    if cats & {"killed", "injured"}:
        return ("battle", "Armed clash") if _armed_victims(figures) else ("violence_against_civilians", "Attack")
    return "other", None


def telling_sentence(parsed: Parsed, frame: Frame, others: set[int] = frozenset()) -> int | None:
    """The sentence that tells what happened when the event's figures are stated after it ("Armed men clashed with
    soldiers in X. Four men died."): for the main event, the first sentence before its figures that asserts an event;
    for another, the nearest such sentence before its figures in their paragraph. None when the figures' own
    sentences tell it, or another event's sentences come between."""
    sents = frame.sentences
    if not sents:
        return None
    # (the main event's figures' first sentence: the sentences told before it are candidates, even those the frame
    # took as its telling)
    first = min(m.sent for m in frame.mentions) if frame.kind == "main" and frame.mentions else min(sents)
    if frame.kind != "main" and any(incidents.tells_event(parsed, s, harm=False) for s in sents):
        return None  # (the main event is told by the report's first event sentence, whatever its figures add)
    para = parsed.paragraph_of_sentence
    if frame.kind == "main":
        candidates = range(first)
    else:
        candidates = [s for s in range(first - 1, -1, -1) if para[s] == para[first]]
    for s in candidates:
        if s in others:
            if frame.kind == "main":
                continue
            return None
        if incidents.tells_event(parsed, s):
            return s
    return None


def armed_sentences(report_actors: ReportActors | None) -> frozenset[int]:
    """The sentences that name an armed organisation (a rebel group, a militia, an army; not the police, whom
    crowds clash with): a clash there is a battle, not a riot."""
    if report_actors is None:
        return frozenset()
    kinds = set(incidents.table().refine["armed_types"])
    return frozenset(m.sent for m in report_actors.mentions if m.entry.type in kinds and not m.generic
                     and "police" not in m.entry.name.lower())


def _flight_told(parsed: Parsed) -> bool:
    """Does the report tell anything happening: people fleeing or being displaced, or violence? A report that only
    describes people as displaced ("displaced individuals voted", an election report) tells no displacement. Any
    asserted event word but an adjective of flight before its noun does."""
    for m in incidents.incidents(parsed):
        if not m.realis:
            continue
        if m.sub != "displacement" or parsed.tokens[m.token].dep != "amod":
            return True
    return False


def _survivors(parsed: Parsed, fig: Figure) -> bool:
    """Are the people of a flight figure those who got away from an attack, not people displaced: the rest of a
    group that was hit ("the three other soldiers fled"), armed men or police leaving a position, or people who
    "escaped death"? (`[refine]` survivors_* in data/event_types.toml.)"""
    ref = incidents.table().refine
    num = next((t for t in parsed.tokens if fig.span.start <= t.idx < fig.span.end), None)
    if num is None:
        return False
    noun = parsed.head(num) if num.dep == "nummod" else num
    if any(c.lower in ref["survivors_rest"] for c in parsed.children(noun.i)):
        return True
    if noun.lemma in ref["survivors_armed"] or noun.lower in ref["survivors_armed"]:
        return True
    verb = parsed.head(noun)
    return verb.lemma == "escape" and any(c.lower in ref["escaped_from"] for c in parsed.children(verb.i))


def _sentence_confirmed(parsed: Parsed, sents: list[int]) -> bool | None:
    """An incident told as "reports of ..." or "allegedly" is unconfirmed."""
    return False if any(doubts(parsed, s) for s in sents) else None


def _armed_victims(figures: list[Figure]) -> bool:
    victims = {g.victims for g in figures if g.category in ("killed", "injured")}
    return bool(victims) and victims <= {"security_forces", "militants", "mixed"}


def _main_figure(figures: list[Figure]) -> Figure | None:
    for cat in ("killed", "abducted", "injured", "displaced", "missing", "arrested"):
        for g in figures:
            if g.category == cat:
                return g
    return None


def _lead_source(parsed: Parsed, frames: list[Frame], speakers: list[Speaker]) -> str | None:
    """Who the lead attributes the main event to ("..., police said"): the source of otherwise unsourced figures."""
    main = next((f for f in frames if f.kind == "main"), None)
    if main is None:
        return None
    for m in sorted(main.mentions, key=lambda m: m.sent):
        if m.source:
            return m.source
    return None


def _claim_source(frame: Frame, figures: list[Figure], main_fig: Figure | None, speakers: list[Speaker],
                  lead_source: str | None) -> str | None:
    """The figure's own source if named; else a named source of the event's sentences; else the lead's."""
    named = [m for m in frame.mentions if m.source and m.source_named]
    if main_fig is not None and main_fig.source:
        own = next((m for m in frame.mentions if m.source == main_fig.source), None)
        if own is not None and own.source_named:
            return main_fig.source
    if named:
        return named[0].source
    sents = set(frame.sentences)
    around = sents | {s + d for s in sents for d in (-1, 1)}
    nearby = sorted((sp for sp in speakers if sp.sent in around and sp.named and not sp.relay),
                    key=lambda sp: (sp.sent not in sents, sp.sent))
    if nearby:
        return nearby[0].text  # the named party beside an unnamed one ("a monitoring group" ... "the Observatory")
    if main_fig is not None and main_fig.source:
        return main_fig.source
    sourced = [m.source for m in frame.mentions if m.source]
    if sourced:
        return sourced[0]
    if frame.kind in ("main", "opener", "split", "displacement", "lead"):
        following = [sp for sp in speakers if sp.sent in {s + 1 for s in sents} and sp.named and not sp.relay]
        if following:
            return following[0].text
        if lead_source:
            return lead_source
        # A report that quotes one named source throughout (an agency's release): that source.
        named_anywhere = [sp for sp in speakers if sp.named and not sp.relay]
        if named_anywhere:
            return named_anywhere[0].text
    # An event told without a figure: whoever its own sentences say told it ("IOM estimates ...", "eyewitnesses told
    # the outlet that drones flew over the airport").
    own = [sp for sp in speakers if sp.sent in sents and not sp.relay and not sp.pronoun]
    return own[0].text if own and not figures else None


def confidence(said: list[incidents.Incident], figures: list[Figure], location: Place | None, when,
               statements: int) -> float:
    """How much the text supports the event, 0-1: an event word told as what someone did, with its actor or
    target, a place and a date found, figures stated (more than once, by a named source) raise it; a bare noun,
    no place, no date and doubt lower it. Weights in `event_types.toml` [confidence]."""
    w = incidents.table().confidence
    real = [m for m in said if m.realis]
    score = w["base"]
    if any(m.verb for m in real):
        score += w["verb"]
    elif any(m.weight >= incidents.table().strong for m in real):
        score += w["noun"]
    if any(m.argued for m in real):
        score += w["argued"]
    if location is not None and location.country:
        score += w["place"]
    if when is not None and when.start is not None:
        score += w["date"]
    if figures:
        score += w["figure"] + w["statement"] * min(statements - 1, 2)
        if any(g.source for g in figures):
            score += w["source"]
        if any(g.confirmed is False for g in figures):
            score -= w["doubt"]
    return round(max(0.1, min(score, 0.95)), 2)


def _event_id(article: Article, text: str, evidence: list[Span], event_type: str, frame: str) -> str:
    """Stable: the same report gives the same ids; two events of one report never share one."""
    first = evidence[0] if evidence else Span(0, 0)
    key = f"{article.id}|{frame}|{first.start}|{first.end}|{event_type}|{first.text_of(text)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
