"""Grouping: which figure statements tell of the same real-world event.

A report tells one main event (headline, lead and body) and often others: a background event with its own time
("On Saturday, rockets killed at least 6 people...", "In April ... 114,000 fled"), another incident ("Separately,
...", "Another bomb ..."), a displacement told apart from the violence that caused it, or a lead told of another
place than the figures. Each is a `Frame`: the statements of one event, in text order. Cumulative tallies
("since 2014", "this year") belong to none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from datetime import date, timedelta

from sitrep import lexicon
from sitrep.dates import MONTHS, WEEKDAYS, resolve, time_entities
from sitrep.incidents import in_sentences, tells_event
from sitrep.figures import Mention, verbal_anchor
from sitrep.nlp import Parsed, Token
from sitrep.places import PlaceMention

@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words grouping reads (data/context.toml [new_event] and [incident], the shared attack nouns, the toll
    verbs of figures), compiled once when the pipeline is built (`vocabulary()`), not at import."""

    openers: lexicon.Phrases
    openers_with_event: lexicon.Phrases
    anywhere: frozenset[str]
    offset_units: frozenset[str]
    offset_directions: frozenset[str]
    place_preps: frozenset[str]
    opener_window: int
    time_apart: timedelta
    incident_words: frozenset[str]
    attack_verbs: frozenset[str]
    flight_verbs: frozenset[str]
    comes_after: frozenset[str]
    responsibility: frozenset[str]
    attack_nouns: frozenset[str]
    toll_update: frozenset[str]
    tells_incident: frozenset[str]  # attack nouns, incident words and attack verbs
    retold: frozenset[str]  # nouns of an event at large that point back to one told ("the violence")
    happen: frozenset[str]  # verbs of happening that date an event told ("the clash took place on Sunday")


def _tells_incident(t: Token) -> bool:
    return t.lower in vocabulary().tells_incident or t.lemma in vocabulary().tells_incident


@cache
def vocabulary() -> Vocabulary:
    from sitrep.figures import vocab

    ctx = lexicon.load("context")
    new, incident = ctx["new_event"], ctx["incident"]
    return Vocabulary(
        lexicon.Phrases(new["openers"]), lexicon.Phrases(new["openers_with_event"]), frozenset(new["anywhere"]),
        frozenset(new["offset_units"]), frozenset(new["offset_directions"]), frozenset(new["place_preps"]),
        int(new["place_window"]), timedelta(days=int(new["time_apart_days"])), frozenset(incident["words"]),
        frozenset(incident["verbs"]), frozenset(incident["flight"]), frozenset(new["comes_after"]),
        frozenset(incident["responsibility"]), lexicon.attack_nouns(), frozenset(vocab().TOLL_UPDATE),
        lexicon.attack_nouns() | frozenset(incident["words"]) | frozenset(incident["verbs"]),
        frozenset(lexicon.load("vocabulary")["attack"]["retold"]),
        frozenset(lexicon.load("vocabulary")["attack"]["happen"]))


VIOLENCE = ("killed", "injured", "abducted", "missing", "arrested")
_OFFSET = re.compile(r"\b(minutes?|hours?|seconds?)\b.*\b(later|earlier|after|before)\b|^\d+ (minutes?|hours?)$", re.I)
_TIME_OF_DAY = re.compile(
    r"(by |in the |this |that |during the |the |late |early )?(morning|afternoon|evening|night|overnight|dawn|dusk|"
    r"midnight|noon|nightfall|daybreak|later|earlier|hours|the day|the night|today|tonight|now)"
)
_DAY_WORDS = re.compile(
    r"\b(" + "|".join(sorted(WEEKDAYS.keys() | MONTHS.keys(), key=lambda w: (-len(w), w))) + r"|yesterday|today|"
    r"(?:19|20)\d\d|last (?:night|week|month|year|summer|winter|spring|autumn|fall)|this (?:week|month|year)|"
    r"(?:\d+|two|three|four|five|six|seven|a) (?:days?|weeks?|months?|years?) (?:ago|earlier)|weekend|"
    r"\d{1,2}(?:st|nd|rd|th)?)\b"
)


@dataclass(slots=True)
class Frame:
    """The statements of one event in one report."""

    key: str
    kind: str  # main | opener | time | split | displacement | incident | lead
    mentions: list[Mention] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)  # sentences that tell the event without a figure

    @property
    def sentences(self) -> list[int]:
        return sorted({m.sent for m in self.mentions} | set(self.extra))


def group(parsed: Parsed, mentions: list[Mention], published: date | None = None,
          places: list[PlaceMention] | None = None) -> list[Frame]:
    """Assign every non-tally mention to the frame of its event; the main event's frame comes first. A statement
    opens another event where the report says so ("Separately, ..."), moves to another time ("In May, ...", "A week
    later, ...") or to a place apart from the main event's ("In the city of X, ..." in another province); `places`
    are the report's place mentions (none: no move by place is seen)."""
    tallies = {(m.category, m.headline) for m in mentions if m.aggregate}
    for m in mentions:
        if (m.category, m.headline) in tallies:
            m.aggregate = True  # a headline restating a tally is the tally
    live = [m for m in mentions if not m.aggregate]
    main = Frame("main", "main")
    frames = [main]
    by_key = {"main": main}
    para = parsed.paragraph_of_sentence
    prev: Frame | None = None
    prev_sent = -1
    main_times: set[str] = set()
    main_days: tuple[date, date] | None = None
    main_from_update = False
    other_sents: set[int] = set()  # sentences told of events other than the main one
    lead_days = _lead_days(parsed, published)
    for s in sorted({m.sent for m in live}):
        ms = [m for m in live if m.sent == s]
        words, times = [], set()
        for w in event_time_words(parsed, s):
            keys = _day_keys(w)
            if keys:
                words.append(w)
                times |= keys
        near_main = main_days is not None and _all_near(words, published, main_days, main_from_update)
        if all(_told_as_earlier(parsed, m) for m in ms):
            # (first of all: "The raid occurred after days of clashes in which 8 died" dates the main event by an
            # earlier one, whether or not the main event has figures yet)
            frame = Frame(f"earlier:{s}", "time")
        elif not main.mentions:
            frame = main  # the first statement (headline or lead) is the main event's
        elif (opens_event(parsed, s) or _opened_before(parsed, s, live)) \
                and not all(_is_toll_update(parsed, m) for m in ms):
            frame = Frame(f"opener:{s}", "opener")
            if _opened_before(parsed, s, live):
                frame.extra.append(s - 1)  # the sentence that told what happened, its toll told after it
                other_sents.add(s - 1)
        elif places and _moves_place(parsed, s, places, other_sents) \
                and not all(_is_toll_update(parsed, m) for m in ms):
            frame = Frame(f"opener:{s}", "opener")
        elif times and not main_times and (all(parsed.is_title(m.sent) for m in main.mentions)
                                           or not _conflicts(ms, main.mentions)) \
                and not _before_lead(words, published, lead_days):
            frame = main  # the first date given to the main event (its headline and lead had none, or the same)
        elif times and _dates_told_event(parsed, s):
            frame = prev if prev is not None else main  # "The fighting took place on Friday": when the event told was
        elif times and not times <= main_times and not near_main and not all(_is_toll_update(parsed, m) for m in ms):
            key = "time:" + "|".join(sorted(times))
            frame = by_key.get(key) or Frame(key, "time")
        elif prev is not None and prev is not main and para[prev_sent] == para[s]:
            frame = prev
        else:
            frame = main
        if frame.key not in by_key:
            by_key[frame.key] = frame
            frames.append(frame)
        if frame is main:
            main_times |= times
            if main_days is None:
                main_days = _span_of(words, published)
                main_from_update = all(_is_toll_update(parsed, m) for m in ms)
        frame.mentions.extend(ms)
        if frame is not main:
            other_sents.add(s)
        prev, prev_sent = frame, s
    frames = _split_displacement(frames, parsed)
    frames = [f for f in frames if f.mentions]
    if not frames:
        told = untolled_main(parsed)
        frames = [told] if told is not None else []
    elif not main.mentions:
        # Only earlier events have figures: the main event is told before them without one ("Police shot a man.
        # The killing occurred after days of clashes in which 8 died.")
        told = untolled_main(parsed, before=min(m.sent for m in live))
        if told is not None:
            frames = [told] + frames
    elif main.mentions and (opens_event(parsed, min(m.sent for m in main.mentions))
                            or _time_apart(parsed, min(m.sent for m in main.mentions), published, None)
                            or _dated_before_told(parsed, main.mentions, published)):
        # "Militants attacked a post on Monday. In a separate attack, gunmen killed 9": the first figures open
        # another event; the one told before them, without a figure, is the main one. So too where the first
        # figures open on a time apart from the report's ("Bandits abducted passengers on Tuesday ... In March,
        # bandits killed nine ..."), or are dated days before the event told before them ("ended a sit-in on
        # Monday ... the victims of Thursday's bombing, which killed 116").
        told = untolled_main(parsed, before=min(m.sent for m in main.mentions))
        if told is not None:
            main.key, main.kind = f"opener:{min(m.sent for m in main.mentions)}", "opener"
            frames = [told] + frames
    _told_before_toll(parsed, frames, live)
    _told_after(parsed, frames, live)
    more = incidents(parsed, live, frames, published, main_days)
    return frames + more + lead_incident(parsed, live, frames + more)


def _told_before_toll(parsed: Parsed, frames: list[Frame], live: list[Mention]) -> None:
    """"Gunmen shot at a bus driver. The man died.": where the first sentence of a frame's figures
    tells no event of its own, the sentence just before it in its paragraph that tells one, without figures, not
    another frame's and not dated otherwise, is the frame's: what happened, where and when."""
    para = parsed.paragraph_of_sentence
    taken = {s for f in frames for s in f.sentences} | {m.sent for m in live}
    for f in frames:
        if f.kind == "displacement" or not f.mentions:
            continue
        first = min(m.sent for m in f.mentions)
        main = f.kind == "main"
        if first == 0 or parsed.is_title(first) or (_tells_anew(parsed, first) if main
                                                     else tells_event(parsed, first, harm=False)):
            continue
        # The main event's toll may come after a sentence or two of background ("On 2 May, soldiers clashed
        # with smugglers in X. The area is a smuggling route. One suspect was injured."): the nearest sentence
        # before it in its paragraph that tells an event, across sentences that tell none.
        # For the main event, every sentence before its toll in the paragraph that tells it, back to the first.
        own = _times_of(parsed, first)
        for s in range(first - 1, -1 if main else first - 2, -1):
            if s in taken or para[s] != para[first] or parsed.is_title(s):
                break
            if not tells_event(parsed, s):
                continue
            before = _times_of(parsed, s)
            if opens_event(parsed, first) or own and before and not own & before:
                break
            f.extra.append(s)
            taken.add(s)
            if not main or opens_event(parsed, s):
                break


def _tells_anew(parsed: Parsed, s: int) -> bool:
    """Does sentence `s` tell an event of its own, beyond pointing back to one ("The explosion did not cause
    casualties") or an arrest after it ("A suspect has been arrested")?"""
    return any(m.sub != "Arrests" and not _told_before(parsed, parsed.tokens[m.token])
               for m in tells_event(parsed, s, harm=False))


def _told_after(parsed: Parsed, frames: list[Frame], live: list[Mention]) -> None:
    """"... killed at least 40 people in Parachinar on Thursday." / "A banned militant group claimed the bombing on
    Thursday night.": a sentence without figures, right after a frame's last sentence, that points back to an attack told
    ("the attack", "the incident in X province"), denies nothing and is not dated otherwise, tells more of that
    frame's event: who did it, where, with what. ("No group has claimed the attack, but ..." tells no more.)"""
    taken = {s for f in frames for s in f.sentences} | {m.sent for m in live}
    # An event told apart from the main one (another incident, one dated before the lead's): the main event is
    # told across the report and draws on the sentences around its own; a background event told in passing
    # leaves "the blast" after it to the story's own.
    # A claim of responsibility with its own attack noun ("claimed they were behind a roadside bombing") names the
    # attack just told, whichever event that is.
    last = {max(f.sentences): f for f in frames if f.mentions}
    for s in range(1, len(parsed.sents)):
        f = last.get(s - 1)
        if f is None or s in taken or opens_event(parsed, s) or parsed.is_title(s):
            continue
        told = [t for t in parsed.sentence_tokens(s) if _tells_incident(t)]
        back = [t for t in told if _claimed(parsed, t)] if f.kind not in ("opener", "incident") else \
            [t for t in told if _told_before(parsed, t) or _claimed(parsed, t)]
        own, theirs = _times_of(parsed, s), {k for x in f.sentences for k in _times_of(parsed, x)}
        denies = any(t.dep == "neg" or t.dep == "det" and t.lower == "no" for t in parsed.sentence_tokens(s))
        if back and not denies and (not own or own & theirs):
            f.extra.append(s)
            taken.add(s)


def _fled_that(parsed: Parsed, s: int) -> bool:
    """Does sentence `s` tie its flight to violence told before ("after the fighting broke out", "fleeing the
    clashes"), without a time of its own?"""
    if _times_of(parsed, s):
        return False
    return any((_tells_incident(t) or t.lemma in ("fighting", "violence"))
               and _told_before(parsed, t) for t in parsed.sentence_tokens(s))


def _times_of(parsed: Parsed, s: int) -> set[str]:
    """The day-level words of the times that date an event in sentence `s`."""
    return {k for w in event_time_words(parsed, s) for k in _day_keys(w)}


def untolled_main(parsed: Parsed, before: int | None = None) -> Frame | None:
    """A report that tells its event without a figure ("Gunmen stormed the town", "Hundreds protested in the
    capital"): the main event is told by the first sentence that asserts an event, and by the sentences after it
    in its paragraph that tell more of it, up to one that opens another event."""
    para = parsed.paragraph_of_sentence
    end = len(parsed.sents) if before is None else before
    first = next((s for s in range(end) if tells_event(parsed, s)), None)
    if first is None:
        return None
    sents = [first]
    for s in range(first + 1, end):
        if para[s] != para[first] or opens_event(parsed, s):
            break
        if in_sentences(parsed, [s]):
            sents.append(s)
    if parsed.is_title(first):  # a headline tells it again in the lead, with its place and time
        lead = next((s for s in range(first + 1, end) if not parsed.is_title(s) and tells_event(parsed, s)), None)
        if lead is not None and lead in lead_sentences(parsed):
            sents += [s for s in range(lead, end) if para[s] == para[lead] and s not in sents]
    return Frame("main", "main", extra=sents)


def incidents(parsed: Parsed, live: list[Mention], frames: list[Frame], published: date | None = None,
              main_days: tuple[date, date] | None = None) -> list[Frame]:
    """Another incident told without a figure ("Separately, there were reports of another attack on a village to the north",
    "In January, the army shelled the group's bases"): still an event for the analyst."""
    told = {s for f in frames for s in f.sentences}
    with_figures = {m.sent for m in live}
    para = parsed.paragraph_of_sentence
    out = []
    for s in range(len(parsed.sents)):
        if s in told or s in with_figures or not (opens_event(parsed, s) or _time_apart(
                parsed, s, published, main_days) and tells_event(parsed, s)):
            continue  # (a time apart opens an incident only where the sentence asserts one: not "in 2020, a
            # committee was set up to probe the incidents")
        nxt = s + 1
        if nxt < len(parsed.sents) and nxt in with_figures and para[nxt] == para[s]:
            continue  # its figures follow: the frame of the next sentence holds it
        telling = [t for t in parsed.sentence_tokens(s) if _tells_incident(t)]
        if telling and not all(_told_before(parsed, t) for t in telling):
            out.append(Frame(f"incident:{s}", "incident", extra=[s]))
    return out


def _told_before(parsed: Parsed, t: Token) -> bool:
    """"the attack", "this bombing": a noun that points back to an event already told, not another one."""
    return t.pos in ("NOUN", "PROPN") and any(
        c.dep in ("det", "poss") and c.lower in ("the", "this", "that", "these", "those", "its", "their")
        for c in parsed.children(t.i))


def _dates_told_event(parsed: Parsed, s: int) -> bool:
    """Does every time word of sentence `s` date, by a verb of happening, an event already told and pointed back
    to ("The fighting took place on Friday", "The unrest began at dawn, leaving two dead", "The raid, which took
    place Sunday, ...")? Then the sentence tells when that event was, not another one; a time of a clause of its
    own ("..., where militia killed 30 herders last November") keeps its own event, and so does a past event
    named with "the" ("the 2014 kidnapping of 276 girls")."""
    said = set(event_time_words(parsed, s))
    roots = [root for e, root in time_entities(parsed, s) if e.text in said and _day_keys(e.text)]
    return bool(roots) and all(_dates_told(parsed, r) for r in roots)


def _dates_told(parsed: Parsed, t: Token) -> bool:
    """Is the time word `t` said of a verb of happening whose subject (or the noun of whose relative clause)
    points back to an event told?"""
    for _ in range(2):  # the time word, or the preposition it hangs on ("on Sunday")
        if t.head == t.i:
            return False
        t = parsed.tokens[t.head]
        if t.pos in ("VERB", "AUX"):
            if t.lemma not in vocabulary().happen:
                return False
            sides = [c for c in parsed.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
            if t.dep == "relcl" and t.head != t.i:
                sides.append(parsed.tokens[t.head])
            return any(_told_incident(parsed, x) for x in sides)
    return False


def _told_incident(parsed: Parsed, t: Token) -> bool:
    return (_tells_incident(t) or t.lemma in vocabulary().retold) and _told_before(parsed, t)


def _claimed(parsed: Parsed, t: Token) -> bool:
    """"claimed they were behind a roadside bombing": an attack someone takes responsibility for, in the sentence
    after an event's, is that event, however it is introduced."""
    seen = set()
    while t.head != t.i and t.i not in seen:
        seen.add(t.i)
        t = parsed.tokens[t.head]
        if t.lemma in vocabulary().responsibility:
            return True
    return False


def lead_incident(parsed: Parsed, live: list[Mention], frames: list[Frame]) -> list[Frame]:
    """A lead that tells an incident or a flight without a figure, while the figures are told later ("households
    who fled Kunduz province ..." before "Up to 400 families from Baghlan crossed ..."): a
    candidate event of its own. `events` keeps it only where its place lies apart from every other event's, so a
    lead that sums up the event its figures tell is not counted twice."""
    lead = lead_sentences(parsed)[:1]
    if not frames or not lead:
        return []
    s = lead[0]
    if s in {m.sent for m in live} or any(s in f.sentences for f in frames):
        return []
    if not incident_words(parsed, [s], flight=True):
        return []
    return [Frame(f"lead:{s}", "lead", extra=[s])]


def incident_words(parsed: Parsed, sents: list[int], flight: bool = False) -> list[int]:
    """The words that tell an incident without a figure: "attack", "attacked", "bombing"; with `flight`, "fled"."""
    v = vocabulary()
    return [t.i for s in sents for t in parsed.sentence_tokens(s)
            if t.lower in v.attack_nouns or t.lemma in v.attack_verbs or flight and t.lemma in v.flight_verbs]


def tells_flight(parsed: Parsed, s: int) -> bool:
    """Does sentence `s` tell people fleeing, and no attack?"""
    toks = parsed.sentence_tokens(s)
    v = vocabulary()
    return any(t.lemma in v.flight_verbs for t in toks) and not any(t.lemma in v.attack_verbs for t in toks)


def lead_sentences(parsed: Parsed) -> list[int]:
    """The first two sentences of the body (after headline lines): where a wire story tells and dates its main
    event."""
    body = [s for s in range(len(parsed.sents)) if not parsed.is_title(s)]
    return body[:2]


def _told_as_earlier(parsed: Parsed, m: Mention) -> bool:
    """"The attack comes a week after 22 people died in a car bombing", "That came a year after the city's bloodiest
    operation, which left 19 people dead": a count told to date the main event by an earlier one, which is its own event."""
    verb = verbal_anchor(parsed, parsed.tokens[m.anchor])
    if verb.dep == "advcl" and any(c.dep == "mark" and c.lower == "after" for c in parsed.children(verb.i)):
        return parsed.tokens[verb.head].lemma in vocabulary().comes_after
    for x in list(parsed.ancestors(verb))[:8]:  # the count told in a clause of the earlier event's noun, up to
        # the verb that clause hangs on ("after days of clashes between police and gangs in which 8 died")
        if x.lower == "after" and x.dep == "prep":
            return parsed.tokens[x.head].lemma in vocabulary().comes_after
        if x.pos in ("VERB", "AUX"):
            return False
    return False


def _opened_before(parsed: Parsed, s: int, live: list[Mention]) -> bool:
    """Does the sentence before `s`, without figures of its own, open another event that `s` tells the toll of:
    in `s`'s paragraph, or a paragraph of its own that tells an event ("A week later, rival clans fought with
    swords." / "Three people were killed.")?"""
    if s == 0 or any(m.sent == s - 1 for m in live) or not opens_event(parsed, s - 1):
        return False
    para = parsed.paragraph_of_sentence
    return para[s - 1] == para[s] or bool(tells_event(parsed, s - 1))


def _opening(parsed: Parsed, s: int) -> list[Token]:
    """The words before the first comma of sentence `s`, where it comes within the first few words: the
    adverbial a sentence opens on ("In the city of Kaduna,", "In January,")."""
    toks = [t for t in parsed.sentence_tokens(s) if not t.text.isspace()]
    for k, t in enumerate(toks[:vocabulary().opener_window + 1]):
        if t.text == ",":
            return toks[:k]
    return []


def _moves_place(parsed: Parsed, s: int, places: list[PlaceMention], other: set[int]) -> bool:
    """Does sentence `s` open on a place ("In the city of Kaduna, ...") that lies apart from every place of the
    province or town level told before it of the main event (the sentences before `s` not told of other events;
    not a dateline)? A report that gave the main event no such place moves nowhere."""
    opening = _opening(parsed, s)
    if not opening or opening[0].lower not in vocabulary().place_preps:
        return False
    end = opening[-1].i + 1
    here = [p.resolved for p in places if p.sent == s and p.end <= end and _local(p)]
    if not here or parsed.tokens[opening[0].head] in lexicon.speech_verbs():
        return False  # "In Kabul, the ministry said ...": where it was said
    before = [p.resolved for p in places if p.sent < s and p.sent not in other and not p.dateline and _local(p)]
    return bool(before) and all(apart(h, b) for h in here for b in before)


def _local(p: PlaceMention) -> bool:
    return p.resolved is not None and p.resolved.kind != "country" and bool(p.resolved.country)


def apart(a, b) -> bool:
    """Do two places (a `Place` or a `GeoPlace`) lie apart: other countries, or other provinces of one country?
    A place inside the other (a town in a province, a province in a country) or one unknown is not apart."""
    if a is None or b is None or not a.country or not b.country:
        return False
    if a.country != b.country:
        return True
    return bool(a.admin1_code and b.admin1_code and a.admin1_code != b.admin1_code)


def _time_apart(parsed: Parsed, s: int, published: date | None, days: tuple[date, date] | None) -> bool:
    """Does sentence `s` open on a time ("In January, ...", "In December last year, ...") more than a week from
    the main event's days (or, where those are not known yet, from the report's publication)?"""
    if days is None:
        if published is None:
            return False
        days = (published, published)
    opening = _opening(parsed, s)
    if not opening:
        return False
    text = parsed.text[opening[0].idx:opening[-1].end]
    apart_days = vocabulary().time_apart
    for w in event_time_words(parsed, s):
        if w not in text or not _day_keys(w):
            continue
        whole = resolve(w, published)  # or, where the whole is beyond the resolver, its parts ("last year")
        for r in [whole] if whole is not None else [resolve(k, published) for k in sorted(_day_keys(w))]:
            if r is not None and (r.end < days[0] - apart_days or r.start > days[1] + apart_days):
                return True
    return False


def _dated_before_told(parsed: Parsed, mentions: list[Mention], published: date | None) -> bool:
    """Are the first figures dated (a time on their own verb, not "a statement on June 28") before the days the
    sentences before them date the event they tell without figures?"""
    first = min(m.sent for m in mentions)
    told = [s for s in range(first) if tells_event(parsed, s)]
    days = _span_of([w for s in told for w in event_time_words(parsed, s) if _day_keys(w)], published)
    anchors = {m.anchor for m in mentions if m.sent == first}
    anchors |= {verbal_anchor(parsed, parsed.tokens[a]).i for a in anchors}
    said = set(event_time_words(parsed, first))
    words = [e.text for e, root in time_entities(parsed, first) if e.text in said and _day_keys(e.text)
             and any(a.i in anchors for a in list(parsed.ancestors(root))[:3])]
    return _before_lead(words, published, days)


def _lead_days(parsed: Parsed, published: date | None) -> tuple[date, date] | None:
    """The days the lead dates the event it tells ("Gangs launched an attack early Tuesday"), with or without
    figures: a later count dated otherwise ("On November 11, gunmen wounded ...") is another event."""
    lead = [s for s in lead_sentences(parsed) if tells_event(parsed, s)]
    words = [w for s in lead for w in event_time_words(parsed, s) if _day_keys(w)]
    return _span_of(words, published)


def _before_lead(words: list[str], published: date | None, lead: tuple[date, date] | None) -> bool:
    """Do these time words date a count before the days the lead gives its event (a day or more): an earlier
    event the report recalls? (A later day may be when the wounded died: the same event.)"""
    if lead is None or (lead[1] - lead[0]).days > 2:
        return False
    spans = [r for r in (resolve(w, published) for w in words) if r is not None]
    return bool(spans) and all(r.end < lead[0] - timedelta(days=1) for r in spans)


def _span_of(words: list[str], published: date | None) -> tuple[date, date] | None:
    spans = [r for r in (resolve(w, published) for w in words) if r is not None]
    if not spans:
        return None
    return min(r.start for r in spans), max(r.end for r in spans)


def _all_near(words: list[str], published: date | None, days: tuple[date, date], from_update: bool) -> bool:
    """Do all these time words date the main event? The same day(s) as its date; or, when all the main event has
    is the date of a toll update ("rose to 62 on Saturday"), the day before it (Friday's attack)."""
    if not words or (days[1] - days[0]).days > 2:
        return False  # a main event dated by a week or more is no measure for another count's day
    slack = timedelta(days=1 if from_update else 0)
    for w in words:
        r = resolve(w, published)
        if r is None or (r.end - r.start).days > 2:
            return False
        if r.start > days[1] or r.end < days[0] - slack:
            return False
    return True


def event_time_words(parsed: Parsed, s: int) -> list[str]:
    """The time words of sentence `s` that date an event (not "said on Wednesday", not "30 minutes later")."""
    out = []
    for e, root in time_entities(parsed, s):
        if _OFFSET.search(e.text) or _TIME_OF_DAY.fullmatch(e.text.lower()) or not re.search(r"[A-Za-z]", e.text) and not re.fullmatch(r"(1[89]|20)\d\d", e.text):
            continue
        head = parsed.tokens[root.head]
        if head.lower in ("on", "in", "at", "since", "during", "by") and head.head != head.i:
            head = parsed.tokens[head.head]
        if head in lexicon.speech_verbs():
            continue
        out.append(e.text)
    return out


def _day_keys(text: str) -> set[str]:
    """The day-level words of a time expression: "dawn on Sunday" and "Sunday" are the same day."""
    return set(_DAY_WORDS.findall(text.lower()))  # "the third row", "the past three days": no day of their own


def _words_of(parsed: Parsed, s: int) -> list[Token]:
    """The words of sentence `s`, without punctuation and spaces."""
    return [t for t in parsed.sentence_tokens(s) if t.pos != "PUNCT" and not t.text.isspace()]


def opens_event(parsed: Parsed, s: int) -> bool:
    """"Separately, ...", "Meanwhile, ...", "Another bomb ...", "In April, ..." open another event."""
    toks = _words_of(parsed, s)
    words = [t.lower for t in toks]
    if vocabulary().openers.at(words, 0) or _offset_opener(words):
        return True
    ph = vocabulary().openers_with_event.at(words, 0)
    # "Another bomb ...", not "Another 11 were wounded in the attack": a count after the opener, with the attack
    # it was hurt in pointing back ("the attack"), is more people of the event already told.
    after = toks[len(ph) : len(ph) + 6] if ph else []
    more = bool(after) and after[0].pos == "NUM"
    v = vocabulary()
    if ph and any((t.lower in v.attack_nouns or t.lower in v.incident_words) and not (more and _told_before(parsed, t))
                  for t in after):
        return True
    return any(t.lower in vocabulary().anywhere and t.dep == "advmod" for t in toks[:12])


def _offset_opener(words: list[str]) -> bool:
    """"A week later, ...", "Two days earlier, ...", "Three weeks ago, ...": a time counted from another event."""
    v = vocabulary()
    return any(w in v.offset_units and words[k + 1] in v.offset_directions for k, w in enumerate(words[:4])
               if k + 1 < len(words))


def opens_with_another(parsed: Parsed, s: int) -> bool:
    """"Another bomb ...", "A second explosion ...": sentence `s` opens on another incident of the same story."""
    return vocabulary().openers_with_event.at([t.lower for t in _words_of(parsed, s)], 0) is not None


def _is_toll_update(parsed: Parsed, m: Mention) -> bool:
    """"the toll had risen to 20": a count that updates an event already told, never a new one."""
    return m.revision_cue or parsed.tokens[m.anchor].lemma in vocabulary().toll_update


def _conflicts(ms: list[Mention], others: list[Mention]) -> bool:
    """Does a sentence give a different count of a category the main event already has?"""
    return any(m.category == o.category and m.headline != o.headline and not m.additive for m in ms for o in others)


def _split_displacement(frames: list[Frame], parsed: Parsed | None = None) -> list[Frame]:
    """Displacement told in sentences of its own is its own event, apart from the violence it follows; unless
    its sentence says it fled that very violence ("10,000 residents fled after the fighting broke out": a
    definite event noun, no time of its own), which makes it part of that event."""
    out: list[Frame] = []
    for f in frames:
        violent = {m.sent for m in f.mentions if m.category in VIOLENCE}
        moved = [m for m in f.mentions if m.category == "displaced" and m.sent not in violent
                 and not (parsed is not None and _fled_that(parsed, m.sent))]
        # The same count said again beside the violence ("displacing about 2,000 families and killing three")
        # goes with it: one figure, not one in each event.
        heads = {m.headline for m in moved}
        moved += [m for m in f.mentions if m.category == "displaced" and m.sent in violent and m.headline in heads]
        moved.sort(key=lambda m: m.span.start)
        if violent and moved:
            f.mentions = [m for m in f.mentions if m not in moved]
            out.append(f)
            out.append(Frame(f"displacement:{f.key}", "displacement", moved))
        else:
            out.append(f)
    return out
