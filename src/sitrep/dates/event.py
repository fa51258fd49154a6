"""Which time an event takes: of the report's time words, those on the event's own clauses first, then tiers of
weaker ties (a time beside it, the statement's day, a time pointed back to, the lead's), a time counted from another
("a week later") moved from it; and ACLED's time precision code of the date so chosen.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep import lexicon
from sitrep.dates.days import _ORDER, Resolved, _coarser, _number
from sitrep.dates.expressions import TimeWords
from sitrep.dates.resolution import resolve
from sitrep.dates.words import vocabulary
from sitrep.figures import verbal_anchor
from sitrep.model import When
from sitrep.nlp import Parsed


def event_date(parsed: Parsed, words: list[TimeWords], figure_sents: list[int], anchors: list[int],
               published: date | None, inherited: When | None = None, foreign: list[int] = (),
               lead: list[int] = (), others: set[int] = frozenset(), additions: list[int] = ()) -> When:
    """The date of an event, from the words that tell it.

    In order: time words on the event's own clauses in the sentences that give its figures; time words on an
    event verb in the sentences beside them ("attacked the village overnight Thursday and Friday"); the date of
    the statement that gives the figures ("the Observatory said on Thursday"); a sentence about the figures
    ("These numbers cover the last four days"); the date of the event it continues ("Another bomb ...").
    Then a time told further on of "the attack" on what the event's sentences name ("the killing of 7 workers at
    a gold mine" ... "the attack on the mine last Sunday"). Then a time on another count's clause of the event's
    own sentence (one sentence, one time), and the time of a lead that tells several incidents at once ("shot
    dead on Friday in three separate incidents") for an event told without any time words of its own.
    Time words counted from another time ("A week later, ...") are the nearest event time before them, moved.
    The day a toll was updated ("rose to 62 on Saturday", "two more died overnight": `additions` are the anchors
    of counts that add to the toll) dates the event only when nothing else does.
    None of those: start unknown, end the publication date.
    """
    vocab = vocabulary()
    sents = set(figure_sents)
    around = {s + d for s in sents for d in (-1, 0, 1)} - (set(others) - sents)  # not another event's sentences
    toks = parsed.tokens
    own = [a for a in anchors if a not in set(additions)]

    def updates(w: TimeWords) -> bool:
        return w.update or bool(additions) and _on_anchor_clause(parsed, w, list(additions), foreign) \
            and not _on_anchor_clause(parsed, w, own, foreign)

    event_words = [w for w in words if not w.speech and not updates(w)]

    def on_event_verb(w: TimeWords) -> bool:
        return toks[w.head].lemma in vocab.event_words or toks[w.head].lower in vocab.event_words

    # Beyond the event's own sentences a time must date an event ("aside" times date another noun's past) and be
    # no wider than a year ("a feud of the past two decades" is a history). (Inside them, the parse's attachments are
    # too often wrong to tell: "killed a mayor allied with the insurgents ... on Tuesday".)
    beyond = [w for w in event_words if not w.aside and _brief(w.text, published)]
    tiers = [
        sorted((w for w in event_words if w.sent in sents and _on_anchor_clause(parsed, w, anchors, foreign)),
               key=lambda w: _clause_depth(parsed, w, anchors, foreign)),
        [w for w in event_words if w.sent in sents and not _on_anchor_clause(parsed, w, foreign)],
        [w for w in words if w.frame],
        [w for w in beyond if w.sent in around and w.sent not in sents and on_event_verb(w)],
        [w for w in event_words if w.sent in set(lead) - set(others) and on_event_verb(w)],
        [w for w in words if w.speech and w.sent in around],
        [w for w in event_words if w.sent in {s + d for s in sents for d in (1, 2)} and _about_figures(parsed, w.sent)],
        [w for w in event_words if w.sent not in others and _points_back(parsed, w, sents)],
        # a note of one paragraph telling one event: its time words ("... as the herders slept on 21/09. 9 dead.")
        [w for w in beyond if not others and len(set(parsed.paragraph_of_sentence)) == 1],
        # a time on another count's clause of the event's own sentence: one sentence, one time ("Five guards
        # died, and the raiders lost two men in the assault late on Friday", where only one clause has the time)
        [w for w in event_words if w.sent in sents],
        # a lead telling several incidents at once dates each one told without a time of its own
        [w for w in event_words if not any(x.sent in sents for x in words) and w.sent in _leads(parsed)
         and _tells_several(parsed, w.sent) and on_event_verb(w)],
        [w for w in words if not w.speech and updates(w) and w.sent in sents],
    ]
    nearby = [x for x in event_words if x.sent in around]
    for tier in tiers:
        for w in tier:
            r = resolve(w.text, published) or _counted_from(words, w, published)
            if r is None or (published is not None and r.start > published):
                continue
            # A more precise date told beside it and inside it: "late November" -> "on November 28 and 29".
            for x in nearby:
                rx = resolve(x.text, published)
                if rx and _ORDER.index(rx.precision) < _ORDER.index(r.precision) and r.start <= rx.start <= rx.end <= r.end:
                    return When(rx.start, rx.end, rx.precision, x.text, x.span)
            return When(r.start, r.end, _hedged(r.precision) if w.hedged else r.precision, w.text, w.span)
    if inherited is not None:
        return inherited
    if published is not None and (not words or not others and len(set(parsed.paragraph_of_sentence)) == 1):
        # Nothing in the report dates anything, or a note of one paragraph telling one event whose time words date
        # something else ("Police intervened - 1 killed", "in the days following the blast"): known to the day it
        # was reported.
        return When(published, published, "reported", None, None)
    return When(None, published, "unknown" if published else None, None, None)


def _leads(parsed: Parsed) -> list[int]:
    """The report's lead sentences (grouping.lead_sentences; imported here, as grouping reads dates)."""
    from sitrep.grouping import lead_sentences

    return lead_sentences(parsed)


def offset_days(text: str) -> tuple[int, str] | None:
    """The days a time counted from another moves by, and its unit: "a week later" (7, "week"), "two days earlier"
    (-2, "day"), "the next day" (1, "day"), "hours later" and "that evening" (0, "day"); None for other words."""
    v = vocabulary()
    m = v.offset.fullmatch(re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" ,."))
    if m is None:
        return None
    unit = m["unit"] or m["unit2"] or m["unit3"]
    n = 1 if m["n"] is None else (3 if m["n"] == "a few" else _number(m["n"]))
    if n is None:
        return None
    per_unit = v.offset_units[unit]
    return n * per_unit * v.offset_signs[m["dir"] or m["dir2"] or m["dir3"]], "day" if per_unit <= 1 else unit


def _counted_from(words: list[TimeWords], w: TimeWords, published: date | None,
                  seen: frozenset[int] = frozenset()) -> Resolved | None:
    """Time words counted from another time ("Three days later, police traded fire ..."): the nearest time before them
    that dates an event to the day or week (not a statement's day), moved by the offset. A count from a count is
    followed back ("Two days later ... A week after that")."""
    off = offset_days(w.text)
    if off is None or w.span.start in seen:
        return None
    days, unit = off
    for x in sorted((x for x in words if x.span.start < w.span.start and not x.speech and not x.aside),
                    key=lambda x: x.span.start, reverse=True):
        r = resolve(x.text, published) or _counted_from(words, x, published, seen | {w.span.start})
        if r is None or published is not None and r.start > published:
            continue
        if r.precision not in ("day", "week"):
            return None
        d = (r.end if days >= 0 else r.start) + timedelta(days=days)
        return Resolved(d, d, _coarser(r.precision, unit))
    return None


def _tells_several(parsed: Parsed, s: int) -> bool:
    """Does sentence `s` tell several incidents at once ("in two separate incidents", "a series of attacks", "three
    attacks")?"""
    v = vocabulary()
    for t in parsed.sentence_tokens(s):
        if t.lemma == "series" or t.lemma in v.rollup_modifiers and t.pos == "NOUN":
            if any(c.lemma in v.rollup_nouns for c in parsed.subtree(t)):
                return True  # "a series of attacks", "a spate of bombings"
        if t.lemma in v.rollup_nouns and t.tag == "NNS":
            kids = list(parsed.children(t.i))
            if any(c.lemma in v.rollup_modifiers or c.dep == "nummod" and (_number(c.lower) or 0) > 1 for c in kids):
                return True
    return False


def _brief(text: str, published: date | None) -> bool:
    """Do the time words span a year at most (or resolve to nothing yet)? "In the last 13 years" dates a history."""
    r = resolve(text, published)
    return r is None or (r.end - r.start).days <= 366


def _hedged(precision: str) -> str:
    """A day known only as the day it was reported ("Around 6 May (as reported)") is known to the week."""
    return "week" if precision == "day" else precision


def _on_anchor_clause(parsed: Parsed, w: TimeWords, anchors: list[int], foreign: list[int] = ()) -> bool:
    """Do the time words hang on the clause of one of `anchors` (up to, not into, another count's clause)?"""
    return _clause_depth(parsed, w, anchors, foreign) is not None


def _clause_depth(parsed: Parsed, w: TimeWords, anchors: list[int], foreign: list[int] = ()) -> int | None:
    """How far up the clause of one of `anchors` the time words hang: 0 on the count or its own verb, 1 on the verb
    above it ... (up to, not into, another count's clause); None if not on it. "The ambush happened on Wednesday
    on the Gusau road, where the gang had kidnapped 20 in March": the kidnapping's time is "in March"."""
    head = parsed.tokens[w.head]
    stop = {verbal_anchor(parsed, parsed.tokens[f]).i for f in foreign if parsed.tokens[f].sent == w.sent}
    best = None
    for a in anchors:
        anchor = parsed.tokens[a]
        if anchor.sent != w.sent:
            continue
        verb = verbal_anchor(parsed, anchor)
        chain = [anchor.i, verb.i]
        for x in parsed.ancestors(verb):
            if x.i in stop:
                break
            chain.append(x.i)
        if head.i in chain:
            depth = max(0, chain.index(head.i) - 1)
            best = depth if best is None else min(best, depth)
    return best


def _points_back(parsed: Parsed, w: TimeWords, sents: set[int]) -> bool:
    """Do the time words hang on a definite attack noun whose words name what sentences `sents` name ("the attack
    on the mine last Sunday" after "... at a gold mine")?"""
    head = parsed.tokens[w.head]
    if w.sent in sents or head.lower not in lexicon.attack_nouns() or not any(
            c.dep == "det" and c.lower in ("the", "this", "that") for c in parsed.children(head.i)):
        return False
    named = {t.lemma for s in sents for t in parsed.sentence_tokens(s) if t.pos in ("NOUN", "PROPN")}
    return any(t.lemma in named for t in parsed.subtree(head)
               if t.pos in ("NOUN", "PROPN") and t.i != head.i and not w.span.start <= t.idx < w.span.end)


def _about_figures(parsed: Parsed, s: int) -> bool:
    words = {t.lemma for t in parsed.sentence_tokens(s)}
    return bool(words & vocabulary().about_figures)


def acled_time_precision(when: When | None) -> int:
    """ACLED's time precision code of a date: 1 the day is known, 2 known to within a week (a day told only as
    reported, "Around 6 May (as reported)", a report's own day, a span of up to a week), 3 to a month or worse."""
    if when is None or when.start is None or when.end is None:
        return 3
    if when.precision == "day" and when.start == when.end:
        return 1
    if when.precision in ("day", "week", "reported") and (when.end - when.start).days <= 7:
        return 2
    return 3
