"""Consolidation: the statements of one event become its figures.

Rules, in order (each is a general rule of how reports state tolls, none is about one report):
1. "six more" after "eight injured" in the same sentence adds up: 14 injured (another source's toll in brackets,
   "(a radio station also reported 2 deaths)", adds nothing: it is the same toll told again, or, another number, a
   rival count that the report's own gives way to).
2. Parts that add up to a total of the same event ("four soldiers ... and 3 people" = "at least seven") are the
   total's breakdown: the total stands.
3. A total that adds up parts told as separate incidents ("at least five killed" = 3 at the market + 2 at the
   bakery) is a roll-up: the incidents stand.
4. Two different counts of one category in one sentence, from different words, are two events ("the bodies
   of three suspects were found ... wanted for the ambush that killed 11"), unless their clauses are joined ("4 were shot dead and 2
   were killed by a landmine", "9 soldiers were killed, while 2 rebels died": one event's toll by means or side) or
   the later is one more victim told without a number ("seven were wounded, and a baby died").
5. A present-perfect statement with no time and no incident of its own that conflicts with the event's figure is
   a tally ("Thousands have been killed"), and so are its sentence's other such statements.
6. The same number said twice (headline and body, with or without a hedge) is one figure with the widest range.
7. A vague count ("thousands") that a stated number satisfies ("7,000") is that number.
8. Different counts of one category: the one settled ("Fatalities coded as 3") or said most (revised, not
   "initially") is the figure, the larger where
   they are said as often (tolls rise, and a smaller count is often a part); the others stay, marked superseded.
   A count the speaker's side says it dealt ("We killed 17") is the other side's: no rival, no part of theirs.

A rule that restates a statement (adds "six more" to it, folds "thousands" into "7,000") makes a new one with
`dataclasses.replace` in its frame's list: the `Mention`s the figures stage made are read, never changed, so a
stage that still holds them sees what the report said.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from itertools import combinations

from sitrep import lexicon
from sitrep.figures import Mention, vocab
from sitrep.grouping import Frame
from sitrep.model import Figure
from sitrep.nlp import Parsed
from sitrep.parts import coordinated, is_part, part_cues, part_score


@cache
def _context_words(section: str, key: str) -> frozenset[str]:
    """A word list of data/context.toml, read when consolidation first needs it, not at import."""
    return frozenset(lexicon.load("context")[section][key])


@cache
def _rule_words(section: str, key: str) -> frozenset[str]:
    """A word list of data/consolidate.toml, read when consolidation first needs it, not at import."""
    return frozenset(lexicon.load("consolidate")[section][key])


def consolidate(parsed: Parsed, frames: list[Frame]) -> dict[str, list[Figure]]:
    """The figures of each frame, keyed by frame key. Frames left with no figure get none."""
    for f in frames:
        _add_up(parsed, f)
        _join_alternatives(parsed, f)
    for f in frames:
        _drop_breakdowns(f, parsed)
    _drop_rollups(frames)
    _drop_retold(frames)
    frames.extend(_split_same_sentence(frames, parsed))
    for f in frames:
        _drop_tallies(parsed, f)
    _fold_vague(frames)
    return {f.key: _figures(parsed, f) for f in frames}


# ---------------------------------------------------------------- 1-3: sums
def _add_up(parsed: Parsed, f: Frame) -> None:
    """"eight injured ... six more": the count told as more adds to the one before it in its sentence. Another
    source's toll in brackets ("(another outlet also reported 1 fatality)") is the same toll told again, however
    "also" reads: it adds nothing (`_join_alternatives` and `_figures` make it one figure with the first)."""
    keep: list[Mention] = []
    for m in f.mentions:
        if m.adds_up:  # "rose to 31 after four more bodies were recovered" is not 35
            at = next((k for k in range(len(keep) - 1, -1, -1) if keep[k].category == m.category and (
                keep[k].sent == m.sent or keep[k].sent == m.sent - 1 and keep[k].victims == m.victims != "unknown"
                and not _partitive(parsed, keep[k]))), None)
            base = keep[at] if at is not None else None
            # "six other members -- three soldiers and three agents": a breakdown (or a count joined to one) of
            # the count before it does not add to it; rule 2 drops it where its parts add up.
            breakdown = m.breakdown_of is not None or base is not None and base.breakdown_of is not None
            if base is not None and _sourced_aside(parsed, base, m):
                keep.append(replace(m, additive=False))  # told also by another source, not more victims
                continue
            if base is not None and base.headline is not None and m.headline is not None and not breakdown:
                keep[at] = replace(base, min=None if base.min is None or m.min is None else base.min + m.min,
                                   max=None if base.max is None or m.max is None else base.max + m.max,
                                   span=type(base.span)(base.span.start, max(base.span.end, m.span.end)))
                continue
        keep.append(m)
    f.mentions = keep


def _partitive(parsed: Parsed, m: Mention) -> bool:
    """Is the count told as a part of a group ("One of the guards was killed")? Then a count told as more in the
    next sentence ("Four soldiers were also killed") adds to no part: one side's toll told in two steps adds up
    ("2 policemen were killed. 2 other policemen were killed on arrival": four), a part of one does not."""
    return any(c.dep == "prep" and c.lower == "of" for c in parsed.children(m.nominal))


def _join_alternatives(parsed: Parsed, f: Frame) -> None:
    """Two tolls of one sentence that are alternatives, not two counts: "seven people (police) or fifteen people
    (eyewitnesses)", "locals said 36 were killed, the police said 14". They are one figure whose range spans both
    (SPEC §2: "two or three" is N to M), not two events' figures to add up."""
    keep: list[Mention] = []
    for m in f.mentions:
        at = next((k for k, o in enumerate(keep) if _alternatives(parsed, o, m)), None)
        if at is None:
            keep.append(m)
            continue
        other = keep[at]
        if _aside_of(parsed, other, m):
            # "Fatalities put at 3 (a local radio said 4)": the report's own count stands; the other source's,
            # told in brackets after it, stays as a rival that loses (rule 8), as an annotator keeps it aside.
            keep.append(replace(m, superseded_cue=True))
            continue
        lo = [x.min for x in (other, m) if x.min is not None]
        keep[at] = replace(other, min=min(lo) if lo else None,
                           max=None if other.max is None or m.max is None else max(other.max, m.max),
                           qualifier="range",
                           span=type(other.span)(min(other.span.start, m.span.start), max(other.span.end, m.span.end)))
    f.mentions = keep


def _alternatives(parsed: Parsed, a: Mention, b: Mention) -> bool:
    if a.sent != b.sent or a.category != b.category or a.headline in (None, 0) or b.headline in (None, 0) \
            or a.headline == b.headline or a.vague or b.vague or a.adds_up or b.adds_up:
        return False
    if a.victims != b.victims and "unknown" not in (a.victims, b.victims):
        return False
    first, second = sorted((a, b), key=lambda m: m.span.start)
    between = [t for t in parsed.sentence_tokens(a.sent) if first.span.end <= t.idx < second.span.start]
    if any(t.lower in _context_words("alternatives", "words") for t in between) and len(between) <= 8 \
            and not any(t.pos == "VERB" for t in between):
        return True  # "six dead (officials) or ten dead (residents)"
    if _sourced_aside(parsed, first, second):
        return True  # "5 soldiers were killed (7 according to the insurgents)": a rival (see `_aside_of`)
    return bool(a.source and b.source and a.source.lower() != b.source.lower() and a.anchor != b.anchor)


def _aside_of(parsed: Parsed, told: Mention, aside: Mention) -> bool:
    """Is `aside` another source's toll in brackets after the report's own statement `told`, with no word of
    alternatives ("or") between them? Then `told` is the report's count and `aside` the other source's."""
    if aside.span.start < told.span.start or not _sourced_aside(parsed, told, aside):
        return False
    between = [t for t in parsed.sentence_tokens(told.sent) if told.span.end <= t.idx < aside.span.start]
    return not any(t.lower in _context_words("alternatives", "words") for t in between)


def _sourced_aside(parsed: Parsed, first: Mention, second: Mention) -> bool:
    """Is `second` another source's toll in brackets after `first` ("(4 according to other sources)", "(another
    outlet reported 3 fatalities)")? The aside gives the same event's toll another way: an alternative of it, not a
    second incident. A bracket without a source ("(three soldiers and two civilians)") is a breakdown, not this."""
    toks = parsed.sentence_tokens(first.sent)
    opened = [t for t in toks if first.span.end <= t.idx < second.span.start and t.text == "("]
    if not opened or any(t.text == ")" for t in toks if opened[-1].idx < t.idx < second.span.start):
        return False
    closed = next((t.idx for t in toks if t.idx > second.span.start and t.text == ")"), None)
    if closed is None:
        return False
    aside = [t for t in toks if opened[-1].idx < t.idx < closed]
    speech = lexicon.speech_verbs("of_figures")
    return any(t in speech or t.lower in _context_words("alternatives", "sources") for t in aside)


_MAX_PARTS = 20  # candidates for the parts of one total, nearest first


def _sum_parts(total: Mention, parts: list[Mention], parsed: Parsed | None = None) -> list[Mention] | None:
    """Two or three of `parts` that add up to `total`'s number, if any. Not a count joined to it ("5 guards and 2
    drivers"): that one adds to it."""
    target = total.headline
    if target is None or total.vague:
        return None
    cands = [p for p in parts if p is not total and p.headline is not None and not p.vague
             and p.category == total.category and p.headline < target and p.min is not None
             and not (parsed is not None and (_joined_counts(parsed, total, p) or _settled(parsed, p)))]
    # (a settled count, "Fatalities coded as 1", is the event's whole count, never a part of another)
    if len(cands) > _MAX_PARTS:  # a breakdown is told near its total; this keeps a very long text's cost linear
        near = sorted(range(len(cands)), key=lambda k: abs(cands[k].sent - total.sent))[:_MAX_PARTS]
        cands = [cands[k] for k in sorted(near)]
    for r in (2, 3):
        for combo in combinations(cands, r):
            if sum(p.headline for p in combo) == target and len({p.headline for p in combo} | {target}) > 1:
                if len({(p.sent, p.span.start) for p in combo}) == r:
                    return list(combo)
    return None


def _others_alike(parsed: Parsed, a: Mention, b: Mention) -> bool:
    """Two joined counts said with the same number ("two men and two women"): other people, not one count twice."""
    said = [parsed.text[m.span.start:m.span.end].lower() for m in (a, b)]
    return said[0] == said[1] and _joined_counts(parsed, a, b)


def _joined_counts(parsed: Parsed, a: Mention, b: Mention) -> bool:
    """Are the counted nouns of two counts joined as conjuncts ("5 guards and 2 drivers died")?"""
    if a.breakdown_of is not None or b.breakdown_of is not None:
        return False  # "Five people, four farmers and a trader": a count and its breakdown, however parsed
    x, y = parsed.tokens[a.nominal], parsed.tokens[b.nominal]
    return a.sent == b.sent and (y.dep == "conj" and y.head == x.i or x.dep == "conj" and x.head == y.i)


def _drop_breakdowns(f: Frame, parsed: Parsed | None = None) -> None:
    for total in list(f.mentions):
        if total not in f.mentions:
            continue
        parts = _sum_parts(total, f.mentions, parsed)
        same = [m for m in f.mentions if m.category == total.category and m.headline == total.headline]
        if parts and any(m.incidents for m in same) and all(p.sent != m.sent for p in parts for m in same):
            # "nine were killed in two separate incidents" ... six here, three there: the incidents stand
            f.mentions = [m for m in f.mentions if m not in same]
        # "21 people -- 12 herders and 9 farmers": the breakdown may follow the total in its own sentence.
        elif parts and all(p.sent != total.sent or p.span.start > total.span.start for p in parts):
            f.mentions = [_widened_by_parts(m, parts) if m is total else m for m in f.mentions if m not in parts]


def _widened_by_parts(total: Mention, parts: list[Mention]) -> Mention:
    """A headline's "27 killed" over "at least 11 soldiers and 16 attackers were killed": the total told first and
    its breakdown after are one figure said twice, so it keeps the widest range (SPEC §2): a part open above leaves
    the sum open too (parts are lower-bounded: `_sum_parts` takes no "up to"). A total told after its parts
    ("Fatalities coded as 32") is a deliberate sum."""
    if total.qualifier not in ("exact", "approx") or total.total or total.span.start > min(p.span.start for p in parts):
        return total
    if any(p.max is None for p in parts):
        return replace(total, max=None, qualifier="at_least")
    return total


def _drop_rollups(frames: list[Frame]) -> None:
    main = next((f for f in frames if f.kind == "main"), None)
    others = [m for f in frames if f.kind in ("opener", "split") for m in f.mentions]
    # A total told as several incidents ("nine were killed in two separate incidents") rolls up incidents of any
    # other frame, told with their own times too ("In May, ...", "Further north, ...").
    apart = [m for f in frames if f is not main and f.kind not in ("opener", "split") for m in f.mentions]
    if main is None or not others + apart:
        return
    for total in list(main.mentions):
        parts = _sum_parts(total, main.mentions + others + (apart if total.incidents else []))
        if parts and any(p in others or p in apart for p in parts) and any(p in main.mentions for p in parts):
            same = [m for m in main.mentions if m.category == total.category and m.headline == total.headline]
            main.mentions = [m for m in main.mentions if m not in same]


def _drop_retold(frames: list[Frame]) -> None:
    """"Hours before, the same attackers had ... killing three and injuring five": a count told as earlier in the main
    event's frame that another event of the report already counts is that event told again, not the main event's
    (one real-world event is one event; the same figure said twice is one figure)."""
    main = next((f for f in frames if f.kind == "main"), None)
    if main is None:
        return
    elsewhere = {(m.category, m.headline) for f in frames if f is not main for m in f.mentions}
    main.mentions = [m for m in main.mentions if not (m.superseded_cue and (m.category, m.headline) in elsewhere)]


# ---------------------------------------------------------------- 4-5: what is not this event's
def _split_same_sentence(frames: list[Frame], parsed: Parsed) -> list[Frame]:
    new: list[Frame] = []
    for f in frames:
        moved_ids: set[int] = set()
        for a, b in _same_sentence_pairs(f.mentions):
            if _conjoined(parsed, a, b):
                continue  # "4 were shot dead and 2 were killed by a landmine": one event's toll by side or means
            if b.implicit and b.headline == 1:
                continue  # "left seven wounded, and a baby died ...": one more victim (or one of them), no event
            if a.superseded_cue or b.superseded_cue or _settled(parsed, a) or _settled(parsed, b):
                continue  # an initial, another source's or the settled count of the same toll: no other event
            if id(a) in moved_ids or id(b) in moved_ids:
                continue
            if a.sent == b.sent and a.category == b.category and a.anchor != b.anchor and a.headline != b.headline \
                    and a.headline not in (0, None) and b.headline not in (0, None) and a.nominal != b.nominal \
                    and (a.victims == b.victims or "unknown" in (a.victims, b.victims)) \
                    and not _same_clause_split(a, b) and not (a.revision_cue or b.revision_cue):
                moved = [m for m in f.mentions if m.sent == b.sent and m.span.start >= b.span.start]
                moved_ids.update(id(m) for m in moved)
                f.mentions = [m for m in f.mentions if id(m) not in moved_ids]
                new.append(Frame(f"split:{b.sent}:{b.span.start}", "split", moved))
    return new


def _conjoined(parsed: Parsed, a: Mention, b: Mention) -> bool:
    """Are the harm words of two counts told in clauses joined as one ("five soldiers were killed and two rebels
    died", "shot dead five marchers and one officer was killed", "nine soldiers died and four were hurt, whereas two
    insurgents died")? Clauses joined so, or set against each other by a contrast word, tell one
    event's toll by side or by means; a clause of another place or time hangs on its own word ("... and moved to X,
    where they shot one")."""
    ta, tb = parsed.tokens[a.anchor], parsed.tokens[b.anchor]
    return ta.i != tb.i and bool(_clause_chain(parsed, ta.i) & _clause_chain(parsed, tb.i))


def _clause_chain(parsed: Parsed, i: int) -> set[int]:
    """Token `i` and the words it is joined to: up its conjuncts, and up a clause set against another by a
    contrast word ("..., whereas two insurgents died")."""
    contrast = _rule_words("split", "contrast")
    chain = {i}
    t = parsed.tokens[i]
    while t.head != t.i and (t.dep == "conj" or t.dep == "advcl" and any(
            c.dep == "mark" and c.lower in contrast for c in parsed.children(t.i))
            or t.dep == "ccomp" and vocab().VERBS.get(parsed.tokens[t.head].lemma)):
        # (a clause the parser hung as the complement of the next harm verb: "9 guards died, 30 more were hurt
        # and 5 raiders were shot" is one list of clauses)
        t = parsed.tokens[t.head]
        chain.add(t.i)
    return chain


def _same_sentence_pairs(mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of `combinations(mentions, 2)` in one sentence, in the same order, without trying every pair."""
    by_sent: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        by_sent.setdefault(m.sent, []).append(k)
    for k, a in enumerate(mentions):
        for j in by_sent[a.sent]:
            if j > k:
                yield a, mentions[j]


def _same_clause_split(a: Mention, b: Mention) -> bool:
    """Counts by side in one clause ("five police and 15 Taliban were killed") belong together."""
    return a.victims != b.victims and "unknown" not in (a.victims, b.victims)


def _drop_tallies(parsed: Parsed, f: Frame) -> None:
    established = [m for m in f.mentions if not m.perfect or m.anchors_time]
    tally_sents: set[int] = set()
    for m in f.mentions:
        if not m.perfect or m.anchors_time or _has_incident(parsed, m.sent):
            continue
        # A victim told without a number ("another was injured") is no rival toll: often one of the counted.
        rivals = [e for e in established if e.category == m.category and e.sent != m.sent and not e.implicit]
        if rivals and all(not _compatible(m, e) for e in rivals):
            tally_sents.add(m.sent)
    if tally_sents:
        f.mentions = [m for m in f.mentions if not (m.sent in tally_sents and m.perfect and not m.anchors_time)]


def _has_incident(parsed: Parsed, s: int) -> bool:
    own = _context_words("incident", "own_incident")
    return any(t.lower in vocab().ATTACK_NOUNS or t.lemma in own for t in parsed.sentence_tokens(s))


def _compatible(a: Mention, b: Mention) -> bool:
    """Could both statements describe the same count? ("up to 500" and "500"; "thousands" and "7,000")."""
    if a.headline == b.headline:
        return True
    for x, y in ((a, b), (b, a)):
        if x.vague and x.min is not None and y.headline is not None and y.headline >= x.min and not y.vague:
            return True
    return False


# ---------------------------------------------------------------- 6-8: one figure per count
def _fold_vague(frames: list[Frame]) -> None:
    """"Thousands flee" beside "7,000 have crossed" (or "tens of thousands"): the vague count is the other.

    In the same event the vague statement becomes another statement of the stated number (keeping its source);
    a vague statement with no time of its own that another event's number satisfies is that event's and is dropped.
    """
    everything = [m for f in frames for m in f.mentions]
    where = {id(m): k for k, m in enumerate(everything)}

    def restate(ms: list[Mention], k: int, **values) -> None:
        """The statement at `ms[k]` told anew with `values`, in its frame and among every frame's."""
        new = replace(ms[k], **values)
        at = where.pop(id(ms[k]))
        everything[at], ms[k] = new, new
        where[id(new)] = at

    for f in frames:
        ms = f.mentions
        # "more than 190 wounded" beside "194 wounded": the stated number is the count.
        for k in range(len(ms)):
            m = ms[k]
            if m.qualifier == "at_least" and m.min is not None and not m.vague:
                precise = [o for o in ms if o.category == m.category and o.qualifier in ("exact", "approx")
                           and o.headline is not None and o.headline > m.min and o.headline <= 1.5 * m.min]
                if precise:
                    best = max(precise, key=lambda o: o.headline)
                    restate(ms, k, min=best.min, max=best.max, qualifier=best.qualifier, folded=True)
        drop: set[int] = set()
        for k in range(len(ms)):
            m = ms[k]
            if m.vague and m.min is not None:
                def satisfies(o: Mention) -> bool:
                    return o is not m and o.category == m.category and o.headline is not None \
                        and o.headline >= m.min and (not o.vague or (o.min or 0) > m.min)

                here = [o for o in ms if satisfies(o)]
                if here:
                    best = max(here, key=lambda o: (not o.vague, o.headline))
                    restate(ms, k, min=best.min, max=best.max, qualifier=best.qualifier, vague=best.vague,
                            folded=True)
                elif not m.anchors_time and any(satisfies(o) for o in everything):
                    drop.add(k)
        f.mentions = [m for k, m in enumerate(ms) if k not in drop]


def _figures(parsed: Parsed, f: Frame) -> list[Figure]:
    if any(o.category == "abducted" for o in f.mentions):  # missing after an abduction: the abducted
        f.mentions = [replace(m, category="abducted") if m.category == "missing" else m for m in f.mentions]
    groups: list[list[Mention]] = []
    for m in f.mentions:
        for g in groups:
            g0 = g[0]
            if g0.category == m.category and g0.unit == m.unit and g0.headline == m.headline and (
                g0.victims == m.victims or "unknown" in (g0.victims, m.victims) or m.headline == 0
            ) and g0.adds_up == m.adds_up and not any(_others_alike(parsed, x, m) for x in g):
                # ("Three were shot. Three other marchers died": six; "three boys and three girls": two counts of
                # other people; but "Five people, four farmers and a trader" is five said twice)
                g.append(m)
                break
        else:
            groups.append([m])
    figures = [_merge(g) for g in groups]
    foes = [all(_by_speaker(parsed, m) for m in g) for g in groups]
    _mark_superseded(parsed, figures, groups, foes)
    _mark_parts(figures, groups, foes)
    return figures


def _mark_parts(figures: list[Figure], groups: list[list[Mention]], foes: list[bool]) -> None:
    """A smaller count of the same event and category is part of its toll ("one of the guards was killed" beside
    "57 killed"; "two bodies carried away" beside "44 dead") unless the cues against it outweigh that: told as more
    ("four soldiers were also killed"), beside it in one clause ("five police and 15 Taliban"), of the other side
    of a fight ("25 militants dead" ... "two soldiers were killed"). A scored choice (sitrep.parts); the cues that
    decided are kept on the figure. The speaker's side's dead are no part of the foes it says it killed (`foes`)."""
    cues = part_cues()
    for k, fig in enumerate(figures):
        if fig.superseded or not fig.headline:
            continue
        for j, other in enumerate(figures):
            if j == k or other.superseded or other.category != fig.category or other.unit != fig.unit \
                    or foes[j] != foes[k]:
                continue
            if not other.headline or other.headline <= fig.headline:
                continue
            score, reasons = part_score(groups[k], groups[j], fig.victims, other.victims, cues)
            part = is_part(score, cues)
            verdict = "a part" if part else "not a part"
            fig.reasons.append(f"{verdict} of the count of {other.headline} (score {score:+g}: {'; '.join(reasons)})")
            if part:
                fig.superseded = True
                break


def _merge(g: list[Mention]) -> Figure:
    """One figure from statements of the same number: the widest range, the most specific source."""
    lo = None if any(m.min is None for m in g) else min(m.min for m in g)
    hi = None if any(m.max is None for m in g) else max(m.max for m in g)
    # The words of the figure: its widest statement, the stated number rather than "hundreds" folded into it.
    best = max(g, key=lambda m: ((m.min, m.max) == (lo, hi), not m.folded, m.qualifier != "exact", -m.span.start))
    if lo is not None and hi is not None and lo == hi:
        qual = "zero" if lo == 0 else ("exact" if all(m.qualifier == "exact" for m in g) else
                                        next((m.qualifier for m in g if m.qualifier == "approx"), "exact"))
    else:
        qual = best.qualifier
    victims = next((m.victims for m in g if m.victims not in ("unknown",)), "unknown")
    sourced = sorted((m for m in g if m.source), key=lambda m: (not m.source_named, m.span.start))
    confirmed = False if any(m.confirmed is False for m in g) else (True if any(m.confirmed for m in g) else None)
    units = {m.unit for m in g}
    return Figure(
        category=g[0].category,
        min=lo,
        max=hi,
        qualifier=qual,
        span=best.span,
        text="",
        victims=victims,
        unit="households" if "households" in units else "people",
        source=sourced[0].source if sourced else None,
        confirmed=confirmed,
        mentions=sorted({m.span for m in g}, key=lambda s: s.start),
        reasons=list(best.reasons),  # why its words are a figure; the choices between counts add theirs
    )


def _settled(parsed: Parsed, m: Mention) -> bool:
    """Is the count told in a sentence that settles the event's count ("Fatalities coded as 3")? Not another
    source's count in brackets in it (that one has `superseded_cue`), nor the vague words it settles ("Dozens of
    fatalities coded as 12": twelve)."""
    if m.superseded_cue or m.vague:
        return False
    return parsed.memo(f"settled:{m.sent}", lambda: bool(_settled_phrases().search(
        [t.lower for t in parsed.sentence_tokens(m.sent) if not t.text.isspace()])))


@cache
def _settled_phrases() -> lexicon.Phrases:
    return lexicon.Phrases(lexicon.load("consolidate")["settled"]["phrases"])


def _by_speaker(parsed: Parsed, m: Mention) -> bool:
    """Is the count told as done by its speaker's side ("'We killed 17 of them,' an officer said")? Those are the
    speaker's foes, whichever side that is: not a rival count of the victims of the other side."""
    first = _rule_words("sides", "first_person")
    return any(c.dep == "nsubj" and c.lower in first for c in parsed.children(m.anchor))


def _mark_superseded(parsed: Parsed, figures: list[Figure], groups: list[list[Mention]], foes: list[bool]) -> None:
    """Of different counts of one category and side, one is the event's: revised over initial, settled ("coded
    as 3"), most said, larger, first. A count of unknown victims competes with every side's, except one its
    speaker's side is said to have dealt (`foes`): "'We killed 17 of them,' ... six soldiers were wounded" tells
    both sides' tolls."""
    by_key: dict[tuple, list[int]] = {}
    totals = {m.category for g in groups for m in g if m.total}
    settled = {id(m): _settled(parsed, m) for g in groups for m in g}
    for k, fig in enumerate(figures):
        if fig.headline == 0 or any(m.adds_up for m in groups[k]) and fig.category not in totals:
            continue  # "another 12 bodies were found": more victims, no rival count (unless a total sums them)
        side = fig.victims if fig.victims != "unknown" else ("foes" if foes[k] else None)
        by_key.setdefault((fig.category, fig.unit, side), []).append(k)
    # Unknown-victim counts compete with every side of their category.
    for (cat, unit, victims), idx in list(by_key.items()):
        if victims not in (None, "foes") and (cat, unit, None) in by_key:
            by_key[(cat, unit, None)] = sorted(set(by_key[(cat, unit, None)]) | set(idx))
    # A settled count ("Fatalities coded as 6") is the whole of its category, whichever side each other count names.
    for (cat, unit, victims), idx in list(by_key.items()):
        if any(settled[id(m)] for k in idx for m in groups[k]):
            by_key[(cat, unit, victims)] = sorted({k for (c, u, _), ks in by_key.items() if (c, u) == (cat, unit)
                                                   for k in ks})
    for idx in by_key.values():
        if len(idx) < 2:
            continue

        def rank(k: int) -> tuple:
            g = groups[k]
            return (
                not any(m.superseded_cue for m in g),
                any(settled[id(m)] for m in g),
                any(m.revision_cue for m in g),
                not all(m.vague for m in g),
                not all(m.implicit for m in g),  # a stated number over victims told one by one ("another")
                len(g),
                figures[k].headline or 0,
                -min(m.span.start for m in g),
            )

        winner = max(idx, key=rank)
        if any(settled[id(m)] for m in groups[winner]):
            # a settled count is the category's whole count: every other count of it gives way, a part or a rival
            for k in idx:
                if k != winner and not any(settled[id(m)] for m in groups[k]):
                    figures[k].superseded = True
                    figures[k].reasons.append(f"gives way to the settled count of {figures[winner].headline}")
            continue
        for k in idx:
            if k != winner and figures[k].category == figures[winner].category:
                if figures[k].victims != figures[winner].victims and "unknown" not in (figures[k].victims, figures[winner].victims):
                    continue
                if coordinated(groups[k], groups[winner]) and not all(m.superseded_cue for m in groups[k]):
                    continue  # (an initial or another source's count beside it is a rival all the same)
                figures[k].superseded = True
                figures[k].reasons.append(f"superseded by the count of {figures[winner].headline} (revised, said "
                                          "more often, or larger)")
