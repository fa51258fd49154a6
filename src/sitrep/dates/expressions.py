"""The time expressions of a report, found in the text: the model's DATE and TIME entities, joined where it split
one and completed by the days of a month it did not tag, each with what it hangs on in the parse (a statement, a
toll update, the report's opening date line, a clause on another noun). Datelines and page time stamps are left out:
they date the filing, not what is told.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep import lexicon
from sitrep.dates.words import MONTHS, WEEKDAYS, vocabulary
from sitrep.figures import in_superlative, vocab
from sitrep.model import Span
from sitrep.nlp import Entity, Parsed, Token


@dataclass(frozen=True, slots=True)
class TimeWords:
    text: str
    span: Span
    sent: int
    head: int  # the token the time words hang on in the parse
    speech: bool  # dates a statement ("said on Thursday"), not an event
    update: bool = False  # dates a toll update ("rose to 62 on Saturday"), not the event
    frame: bool = False  # opens the report ("On 11 February 2021, ..."): the time of what it tells
    hedged: bool = False  # "Around 17 June 2019 (as reported)", "Reported on 8 March": known to the report's day
    aside: bool = False  # dates what a clause on another noun tells ("the group that raided a post on 5 October")


_JOINS = ("and", "to", "-", "–", "through", "until")


_MONTH_NAMES = "|".join(sorted((m.capitalize() + (r"\.?" if len(m) <= 4 and m != "may" else "") for m in MONTHS),
                              key=len, reverse=True))


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"


# Days of a month the model may not tag, or tags in part: "between 1 and 7 April", "on 3 March", "April 1-7",
# "Around 3 May 2020" (tagged "May 2020"), "28 Apr 2020", "on 14/08", "07/07/2015", "2020-05-03".
_DAY_MONTH = re.compile(
    # (every match starts with a digit, "between", "from" or a month's capital: the lookahead lets the scan pass
    # over other positions without trying the five alternatives at each; seven times faster, same matches)
    rf"(?=[\dbf{''.join(sorted({m[0].upper() for m in MONTHS}))}])(?:"
    rf"\b(?:between |from )?{_DAY}(?:(?: and | to |\s?[-–]\s?){_DAY})? (?:of )?(?:{_MONTH_NAMES})(?!\w)(?: \d{{4}})?"
    rf"|\b(?:{_MONTH_NAMES}) {_DAY}(?:(?: and | to |\s?[-–]\s?){_DAY})?\b(?:,? \d{{4}})?"
    r"|(?:(?<=\bon )|(?<=\bof )|(?<=\bsince )|(?<=\buntil )|(?<=\band )|(?<=\bto ))\d{1,2}/\d{1,2}\b(?!/)|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b)")


_DATED_WEEKDAY = re.compile(rf"(?:{'|'.join(WEEKDAYS)})(?: (?:morning|afternoon|evening|night))?"
                            rf", (?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH_NAMES})|(?:{_MONTH_NAMES}) \d)", re.I)


def time_entities(parsed: Parsed, sent: int | None = None) -> Iterator[tuple[Entity, Token]]:
    """The DATE and TIME entities of the text (or of sentence `sent`), each with its root token. Two that the model
    split ("Sunday" + "evening", "11 and" + "12 May") are one; days of a month it did not tag are added."""
    every, by_sent = parsed.memo("time_entities", lambda: _time_entities_by_sentence(parsed))
    ents = every if sent is None else by_sent.get(sent, [])
    k = 0
    while k < len(ents):
        e, joined = ents[k], False
        while k + 1 < len(ents) and _joins(parsed, e, ents[k + 1], joined):
            nxt = ents[k + 1]
            e = Entity(e.label, e.start, nxt.end, e.start_char, nxt.end_char, parsed.text[e.start_char : nxt.end_char])
            k, joined = k + 1, True
        yield e, parsed.span_root(e.start, e.end)
        k += 1


def _joins(parsed: Parsed, e: Entity, nxt: Entity, joined: bool) -> bool:
    """Are two time entities one time? "Sunday" + "evening" side by side, "11 and" + "12 May", "Monday" "to"
    "Wednesday" (once); a weekday and its date, "Saturday to Sunday" ", " "21 July" (also after a join)."""
    toks = parsed.tokens
    between = [t.lower for t in toks[e.end : nxt.start]]
    if between == [","]:
        return bool(_DATED_WEEKDAY.search(parsed.text[e.start_char : nxt.end_char]))
    return not joined and (not between and toks[e.end - 1].sent == toks[nxt.start].sent
                           or between in ([j] for j in _JOINS))


def _time_entities_by_sentence(parsed: Parsed) -> tuple[list[Entity], dict[int, list[Entity]]]:
    """The DATE and TIME entities, tagged and untagged, in text order; and the same by sentence (worked out once
    per text, so that asking sentence by sentence stays linear on a long text)."""
    ents = [e for e in [*parsed.ents, *parsed.memo("untagged_days", lambda: _untagged_days(parsed))]
            if e.label in ("DATE", "TIME")]
    ents.sort(key=lambda e: e.start)
    by_sent: dict[int, list[Entity]] = {}
    for e in ents:
        by_sent.setdefault(parsed.tokens[e.start].sent, []).append(e)
    for k, same in by_sent.items():  # "May 2020" inside "3 May 2020" (one sentence holds both)
        by_sent[k] = [e for e in same if not any(o.start <= e.start and e.end <= o.end
                                                   and (o.end - o.start) > (e.end - e.start) for o in same)]
    return [e for k in sorted(by_sent) for e in by_sent[k]], by_sent


def _untagged_days(parsed: Parsed) -> list[Entity]:
    """Days of a month in the text that no DATE or TIME entity covers ("between 1 and 7 April")."""
    toks = parsed.tokens
    tagged = [(e.start_char, e.end_char) for e in parsed.ents if e.label in ("DATE", "TIME")]
    starts = {t.idx: t.i for t in toks}
    ends = {t.idx + len(t.text): t.i for t in toks}
    out = []
    for m in _DAY_MONTH.finditer(parsed.text):
        a, b = m.span()
        if a not in starts or b not in ends or any(x < b and a < y and not (a <= x and y <= b and (x, y) != (a, b))
                                                   for x, y in tagged):
            continue  # tagged already, or in part in a way it does not cover
        out.append(Entity("DATE", starts[a], ends[b] + 1, a, b, m.group(0)))
    return out


def time_words(parsed: Parsed) -> list[TimeWords]:
    """Every DATE/TIME expression, with what it hangs on."""
    toks = parsed.tokens
    out = []
    for e, root in time_entities(parsed):
        above = toks[root.head]
        if above.pos == "ADP" and above.head != above.i:
            above = toks[above.head]
        if _in_dateline(parsed, e.start) or _stamp_line(parsed.text, e.start_char, e.end_char):
            continue  # "KHARTOUM, June 6 -", "4 March 2022, 9:47 am": when the story was filed
        if in_superlative(parsed, root):
            continue  # "the deadliest day of the conflict since 2006" compares; it dates nothing
        text = e.text
        prev = toks[e.start - 1].lower if e.start else ""
        if prev == "since" and _when_clause(parsed, root):
            prev = ""  # "since 2014, when extremists kidnapped ...": the event is in 2014
        if prev in ("since", "between", "overnight") and not text.lower().startswith(prev):
            text = f"{prev} {text}"
            start = toks[e.start - 1].idx
        else:
            start = e.start_char
        opener = _opening(parsed, start, e.end_char)
        out.append(TimeWords(text, Span(start, e.end_char), root.sent, above.i,
                             above in lexicon.speech_verbs()
                             or above.lemma in vocabulary().statements or _claims(parsed, above),
                             above.pos in ("VERB", "AUX") and above.lemma in vocab().TOLL_UPDATE,
                             opener is not None, bool(opener), _aside(parsed, above)))
    return out


_AFTER_FRAME = re.compile(r"\s*(\(\s*as reported\s*\))?\s*[,.:;–—-]")


def _rest_of_line(text: str, k: int) -> str:
    end = text.find("\n", k)
    return text[k : end if end >= 0 else len(text)]


def _opening(parsed: Parsed, a: int, b: int) -> str | None:
    """Do characters a..b open the report's first sentence as its date line ("On 30 April 2020, ...", "Reported
    on 8 March 2020, ...", "24 April. ...")? None if not; else the words around it that say the day is only the
    day it was reported ("Around", "(as reported)"), "" when there are none."""
    body = [s for s in range(len(parsed.sents)) if not parsed.is_title(s)]
    first = {0, *body[:1]}
    for s in first:
        lo, hi = parsed.sentence_span(s)
        if not lo <= a < hi:
            continue
        before, after = vocabulary().before_frame.fullmatch(parsed.text[lo:a]), _AFTER_FRAME.match(parsed.text, b)
        if before is None or after is None or len(re.findall(r"[^\W\d]{2,}", _rest_of_line(parsed.text, after.end()))) < 3:
            return None  # not an opening, or a line of its own ("4 March 2022, 9:47 am"): a page's time stamp
        hedge = vocabulary().hedged_frame.match(parsed.text[lo:a] + " ")
        return " ".join(x for x in (hedge and hedge.group(0).strip(), after[1]) if x)
    return None


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*)?\s*(?:\([^)]*\))?\s*,\s*$")


def _in_dateline(parsed: Parsed, k: int) -> bool:
    """Is token k in a dateline: a line that starts with a place in capitals and a comma ("MOGADISHU, Oct. 20 -")?"""
    start = parsed.tokens[k].idx
    line_start = parsed.text.rfind("\n", 0, start) + 1
    return bool(_DATELINE.match(parsed.text[line_start:start]))


def _stamp_line(text: str, a: int, b: int) -> bool:
    """Are characters a..b on a line of their own with a few words at most ("4 March 2022, 9:47 am", "Updated:
    17-06-2019 08:20 IST"): a page's time stamp?"""
    lo = text.rfind("\n", 0, a) + 1
    return len(re.findall(r"[^\W\d]{2,}", text[lo:a] + " " + _rest_of_line(text, b))) < 3


def _aside(parsed: Parsed, head: Token) -> bool:
    """Does a time hanging on `head` date a clause that describes another noun than an attack ("Sirte, taken from
    the group in 2016", "a peace deal struck in 2015", "the group that raided police posts on 5 October")? It
    dates that noun's past, not the event; "the clash, which took place on Sunday" still dates the clash, and "a bus
    travelling to the market on Wednesday was attacked" the attack (a present participle: at the same time)."""
    if head.dep not in ("relcl", "acl") or head.head == head.i or head.dep == "acl" and head.tag == "VBG":
        return False
    noun = parsed.tokens[head.head]
    return noun.pos in ("NOUN", "PROPN") and noun.lemma not in lexicon.attack_nouns() | vocabulary().event_words


def _claims(parsed: Parsed, head: Token) -> bool:
    """Is `head` a claim of responsibility ("IS claimed responsibility on Saturday", "claimed the attack on
    Saturday" is not: a claim of the attack, its object an attack noun, stays the attack's)? Its time dates the
    claim, a statement, not the attack."""
    v = vocabulary()
    if head.lemma in v.claimed and head.dep == "dobj":  # "claimed responsibility on Tuesday": hung on the object
        head = parsed.tokens[head.head]
    return head.lemma in v.claim_verbs and any(c.dep == "dobj" and c.lemma in v.claimed
                                               for c in parsed.children(head.i))


def _when_clause(parsed: Parsed, root: Token) -> bool:
    return any(c.dep in ("relcl", "advcl") and any(x.lower == "when" for x in parsed.subtree(c))
               for c in parsed.children(root.i))
