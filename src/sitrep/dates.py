"""Dates: time words resolved against the report's publication date, never the clock.

`resolve("since Friday", date(2015, 5, 18))` -> 2015-05-15 .. 2015-05-18, precision day. Weekdays are the last
such day on or before publication; a month without a year is the last one begun by then ("in December" in a
January report is the year before), a day and month without a year too unless it is at most a month ahead ("the
vote on 28 June" in a report of 24 June is to come); "the 14th" alone is of the month of publication; the end of a
range is read from its start ("9 and 13 August", "Saturday to Sunday, 21 July"); "last week" is the calendar week
before; "December last year" is of the year before; seasons are northern (summer = June-August). Explicit dates
are read with dateparser. Without a publication date only absolute expressions resolve; relative ones stay
unresolved, and say so. A time counted from another ("A week later", "the next day") is read by `event_date` from
the time told before it. The time words are data (data/dates.toml), read by `vocabulary()` when the pipeline is
built.

`event_date` picks the time words that date an event (see its docstring); an event with none gets start null and
end = the publication date, precision "unknown", with the reporting window analysts code it as kept beside it.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from sitrep import lexicon
from sitrep.figures import in_superlative, verbal_anchor, vocab
from sitrep.model import Span, When
from sitrep.nlp import Entity, Parsed, Token

WEEKDAYS, MONTHS = lexicon.WEEKDAYS, lexicon.MONTHS


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The time words of data/dates.toml, compiled: what `resolve` and `event_date` read."""

    seasons: dict[str, tuple[int, ...]]
    numbers: dict[str, int]
    event_words: frozenset[str]  # words a date hangs on when it dates an event in a sentence beside the figures
    about_figures: frozenset[str]  # words of a sentence about the figures ("the estimates are for ...")
    statements: frozenset[str]  # nouns of a statement: a time on one dates the statement ("a statement on June 28")
    claim_verbs: frozenset[str]  # "claim", "accept": with an object of `claimed`, a statement of responsibility
    claimed: frozenset[str]  # "responsibility", "credit"
    hedges: re.Pattern[str]  # "around", "as reported on" at the start of time words: the day itself
    before_frame: re.Pattern[str]  # what may come before the report's opening date line
    hedged_frame: re.Pattern[str]  # a hedge opening it: the day is only the day it was reported
    offset: re.Pattern[str]  # a time counted from another: "a week later", "the next day", "that evening"
    offset_units: dict[str, int]  # days in one of each unit ("week": 7; an hour later is the same day)
    offset_signs: dict[str, int]  # +1 or -1 per direction word ("later", "next" / "earlier", "previous"), 0 "same"
    rollup_nouns: frozenset[str]  # incidents a lead tells several of at once ("two separate incidents")
    rollup_modifiers: frozenset[str]  # "separate", "a series of": several of them
    clock: re.Pattern[str]  # a clock time told with its day ("about 2:30 am Sunday, local time"): the day is kept
    zone: re.Pattern[str]  # the time zone closing a clock time's words ("... Monday local time")


@cache
def vocabulary() -> Vocabulary:
    """The time words, read when the pipeline is built (or at the first date resolved), not at import."""
    rules = lexicon.load("dates")
    frame = rules["frame"]

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    hedges = alternatives(frame["hedges"])
    off = rules["offsets"]
    units = alternatives(list(off["units"]))
    signs = {w: 1 for w in off["later"] + off["next"]} | {w: -1 for w in off["earlier"] + off["previous"]}
    signs |= {w: 0 for w in off["same"]}
    clock = rules["clock"]
    zones = rf"(?:\s+(?:{alternatives(clock['zones'])}))?"
    digits = rf"\d{{1,2}}(?:[: ]?\d{{2}})?\s*(?:{alternatives(clock['markers'])})|\d{{1,2}}:\d{{2}}|\d{{4}}(?=\s+(?:{alternatives(clock['zones'])})\b)"
    return Vocabulary(
        seasons={name: tuple(months) for name, months in rules["seasons"].items()},
        numbers=dict(rules["numbers"]),
        event_words=frozenset(rules["words"]["event_words"]),
        about_figures=frozenset(lexicon.load("context")["toll"]["about"]),
        statements=frozenset(rules["words"]["statements"]),
        claim_verbs=frozenset(rules["words"]["claim_verbs"]),
        claimed=frozenset(rules["words"]["claimed"]),
        hedges=re.compile(rf"^(?:{hedges})\s+"),
        before_frame=re.compile(rf"\s*(?:(?:{alternatives(frame['openers'])})\s+)?(?:the\s+)?", re.I),
        hedged_frame=re.compile(rf"\s*(?:{hedges})\s", re.I),
        offset=re.compile(rf"(?:(?:{alternatives(off['hedges'])}) )?(?:the (?P<unit3>{units}) "
                          rf"(?P<dir3>{alternatives(off['later'] + off['earlier'])})"
                          rf"|(?:(?P<n>a few|\w+) )?(?P<unit>{units})s? "
                          rf"(?P<dir>{alternatives(off['later'] + off['earlier'])})"
                          rf"|(?:the )?(?P<dir2>{alternatives(off['next'] + off['previous'] + off['same'])}) "
                          rf"(?P<unit2>{units}))"),
        offset_units=dict(off["units"]),
        offset_signs=signs,
        rollup_nouns=frozenset(rules["rollup"]["nouns"]),
        rollup_modifiers=frozenset(rules["rollup"]["modifiers"]),
        clock=re.compile(rf"(?:^|(?<=\s))(?:(?:at|around|about|by|from|after|before|until)\s+)?"
                         rf"(?:{digits}|{alternatives(clock['words'])}){zones}(?:\s+(?:on|of))?(?=\s|$)"),
        zone=re.compile(rf"\s+(?:{alternatives(clock['zones'])})$"),
    )


@dataclass(frozen=True, slots=True)
class Resolved:
    start: date
    end: date
    precision: str


@lru_cache(maxsize=8192)
def resolve(text: str, published: date | None) -> Resolved | None:
    """The dates a time expression stands for, or None if it cannot be resolved (without guessing). Kept per
    (words, publication date): every frame of a report asks about the same time words."""
    s = _clean(text)
    if not s:
        return None
    for rule in _CASCADE:
        got = rule(s, published)
        if got is not None:
            return got
    # The model may tag a day with what follows it ("Tuesday after weeks of siege"): the day before the link.
    m = re.fullmatch(r"(.+?) (?:after|before|following|amid|when|as) .+", s)
    return resolve(m[1], published) if m else None


def _clean(text: str) -> str:
    s = text.lower().replace("’", "'").replace(",", " ").replace(".", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\(?as reported\)?$", "", s).strip()  # "3 May 2020 (as reported)"
    s = vocabulary().hedges.sub("", s)  # "around 3 May", "as reported on 30 April": the day itself
    s = _without_clock(s)
    s = re.sub(r"^(on|in|at|during|by|from|over|of|early on|late on)\s+", "", s)
    s = re.sub(r"^(on|in)\s+", "", s)
    s = re.sub(r"^(?:the )?(?:nights?|evenings?|mornings?|afternoons?) (?:of|between) ", "", s)  # "the night of 2-3"
    s = re.sub(r"^the\s+(?!past|last|previous)", "", s)  # "the last week" is a rolling week, "last week" a calendar one
    s = re.sub(r"(?<![\d-])(\d{1,2})\s*[-–]\s*(\d{1,2})(?![\d-])", r"\1 - \2", s)  # "11-12 May"
    s = re.sub(r"^mid-", "mid ", s)  # "mid-May"
    return s.strip()


def _without_clock(s: str) -> str:
    """"2:30 am sunday, local time", "3 pm on friday", "midnight on saturday": the day told with the clock time.
    A clock time alone ("3 pm", "midnight") has no day of its own and is left as it is (unresolved)."""
    v = vocabulary()
    rest = re.sub(r"\s+", " ", v.clock.sub(" ", s)).strip()
    if not rest or rest == s or not re.search(r"[a-z]", rest):
        return s
    return v.zone.sub("", rest)


# ---------------------------------------------------------------- the cascade
def _of_year(s: str, pub: date | None) -> Resolved | None:
    """"December last year", "in March of last year", "on 3 May this year": the words before, in that year."""
    m = re.fullmatch(r"(.+?) (?:of )?(last|this) year", s)
    if not m or pub is None:
        return None
    return resolve(f"{m[1]} {pub.year - (m[2] == 'last')}", pub)


def _iso(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return Resolved(d, d, "day") if d else None
    return None


def _numeric(s: str, pub: date | None) -> Resolved | None:
    """"14/08", "07/07/2015", "3/5/20": day first, as most of the world writes it, unless the second number cannot
    be a month ("12/25/2020")."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", s)
    if not m:
        return None
    day, month = int(m[1]), int(m[2])
    if month > 12 >= day:
        day, month = month, day
    if m[3]:
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    elif pub is None or _safe_date(pub.year, month, day) is None:
        return None
    else:
        year = _year_back(pub, month, day, ahead=_AHEAD_DAYS)
    d = _safe_date(year, month, day)
    return Resolved(d, d, "day") if d else None


def _between(s: str, pub: date | None) -> Resolved | None:
    """"between March 3 and April 9", "from May 2 to May 4", "Thursday and Friday", "November 28 and 29". The end
    of a range comes after its start: "4 and 7 October" in a report of 4 October ends that October, "Saturday to
    Sunday" ends the day after the Saturday."""
    m = re.fullmatch(r"(?:between |from )?(.+?) (?:and|to|until|through|-) (.+)", s)
    if not m:
        return None
    a, b = m[1], m[2]
    if re.fullmatch(r"\d{1,2}", b) and re.search(r"[a-z]+ \d{1,2}$", a):  # "November 28 and 29"
        b = re.sub(r"\d{1,2}$", b, a)
    if re.fullmatch(r"\d{1,2}", a) and re.fullmatch(r"\d{1,2} [a-z]+( \d{4})?", b):  # "28 and 29 November"
        a = a + b[len(b.split()[0]) :]
    year = re.search(r" (\d{4})$", b)
    if year and re.search(r"[a-z]", a) and not re.search(r"\d{4}", a):  # "26 April - 29 April 2020"
        a = f"{a} {year[1]}"
    ra, rb = resolve(a, pub), resolve(b, pub)
    if ra is None or rb is None:
        return None
    if _weekday(a, pub) and _weekday(b, pub):
        ra, rb = _weekday_range(ra, rb, pub)
    elif rb.end < ra.start and not re.search(r"\d{4}", b):  # each read back from publication on its own
        rb = resolve(f"{b} {ra.start.year}", pub) or rb
    if rb.end < ra.start:
        return None
    return Resolved(ra.start, rb.end, _coarser(ra.precision, rb.precision))


def _weekday_range(ra: Resolved, rb: Resolved, pub: date) -> tuple[Resolved, Resolved]:
    """Two weekdays as a range: the second is the first such day after the first ("Friday and Saturday"); a range
    that would end after publication is the week before's."""
    end = ra.start + timedelta(days=(rb.start - ra.start).days % 7)
    start = ra.start
    if end > pub:
        start, end = start - timedelta(days=7), end - timedelta(days=7)
    return Resolved(start, start, ra.precision), Resolved(end, end, rb.precision)


def _dated_weekday(s: str, pub: date | None) -> Resolved | None:
    """A weekday named with its date ("Saturday, 9 March", "the night of Friday to Saturday, 9 March 2024"): the date,
    and the weekdays before it counted back from it."""
    m = re.fullmatch(rf"(.*\b(?:{'|'.join(WEEKDAYS)})(?:'s)?(?: (?:morning|afternoon|evening|night))?) (.+)", s)
    if not m or re.search(r"\b(?:and|to|until|through)$", m[1]):
        return None
    day = _month_day(m[2], pub) or _iso(m[2], pub) or _numeric(m[2], pub)
    if day is None:
        return None
    days = resolve(m[1], day.start)
    return Resolved(days.start, day.end, "day") if days is not None else day


def _day_of_month(s: str, pub: date | None) -> Resolved | None:
    """"the 14th", "on the 3rd": a day of the month of publication (of the month before, if that day is to come)."""
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", s)
    if not m or pub is None:
        return None
    day = int(m[1])
    y, mth = (pub.year, pub.month) if day <= pub.day + _SOON_DAYS else _shift_month(pub.year, pub.month, -1)
    d = _safe_date(y, mth, day)
    return Resolved(d, d, "day") if d else None


def _since(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"since (.+)", s)
    if not m or pub is None:
        return None
    r = resolve(m[1], pub)
    if r is None or r.start > pub:
        return None
    return Resolved(r.start, pub, r.precision if r.precision in ("day", "week") else "month")


def _past_n(s: str, pub: date | None) -> Resolved | None:
    """"the past three days", "the last week", "the past few weeks", "last 24 hours"."""
    # "the past week" is the seven days before; "last week" (no "the", no number) is the calendar week.
    m = re.fullmatch(r"(?:over |in |during |within )?(?:(?:the )(?:past|last|previous) (?:(\w+) )?|(?:past|last|previous) (\w+) )"
                     r"(hours?|days?|weeks?|months?|years?)(?: alone)?", s)
    if not m or pub is None:
        return None
    word = m[1] or m[2]
    n = _number(word) if word else 1
    if n is None:
        return None
    unit = m[3].rstrip("s")
    days = {"hour": n / 24, "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
    start = pub - timedelta(days=max(1, round(days)) if unit != "hour" else (1 if n > 12 else 0))
    precision = "day" if unit in ("hour", "day") else unit
    return Resolved(start, pub, precision)


def _ago(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"(\w+) (days?|weeks?|months?|years?) ago", s)
    if not m or pub is None:
        return None
    n = _number(m[1])
    if n is None:
        return None
    unit = m[2].rstrip("s")
    if unit == "day":
        d = pub - timedelta(days=n)
        return Resolved(d, d, "day")
    if unit == "week":
        d = pub - timedelta(days=7 * n)  # "a week ago": that day, give or take
        return Resolved(d, d, "week")
    if unit == "month":
        y, mth = _shift_month(pub.year, pub.month, -n)
        return _month(y, mth)
    return _year(pub.year - n)


def _relative_words(s: str, pub: date | None) -> Resolved | None:
    if pub is None:
        return None
    one_day = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": 1, "last night": 1, "yesterday morning": 1, "yesterday afternoon": 1,
               "yesterday evening": 1, "overnight": 1, "the day before yesterday": 2}
    if s in one_day:
        d = pub - timedelta(days=one_day[s])
        return Resolved(d, d, "day")
    monday = pub - timedelta(days=pub.weekday())
    if s in ("this week", "earlier this week"):
        return Resolved(monday, pub, "week")
    if s == "last week":
        return Resolved(monday - timedelta(days=7), monday - timedelta(days=1), "week")
    if s in ("weekend", "this weekend", "over the weekend") and pub.weekday() == 5:
        return Resolved(pub, pub, "day")  # a Saturday's report: the weekend it is in
    if s in ("weekend", "this weekend", "last weekend", "over the weekend", "a weekend"):  # "a weekend siege"
        sunday = pub - timedelta(days=(pub.weekday() + 1) % 7)
        return Resolved(sunday - timedelta(days=1), sunday, "day")
    if s in ("this month", "earlier this month", "so far this month"):
        return Resolved(pub.replace(day=1), pub, "month")
    if s == "last month":
        y, m = _shift_month(pub.year, pub.month, -1)
        return _month(y, m)
    if s in ("this year", "earlier this year", "so far this year"):
        return Resolved(date(pub.year, 1, 1), pub, "year")
    if s == "last year":
        return _year(pub.year - 1)
    return None


def _weekday(s: str, pub: date | None) -> Resolved | None:
    """"Friday", "Sunday night", "Thursday morning", "overnight Thursday", "last Friday"."""
    m = re.fullmatch(r"(?:overnight |late |early |last |this |past )?(\w+?)(?:'s)?(?: (?:morning|afternoon|evening|night|"
                     r"overnight|noon|midnight|dawn))?", s)
    if not m or m[1] not in WEEKDAYS or pub is None:
        return None
    back = (pub.weekday() - WEEKDAYS[m[1]]) % 7
    if s.startswith("last ") and back == 0:
        back = 7
    d = pub - timedelta(days=back)
    return Resolved(d, d, "day")


def _season(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"(?:(last|this|past|early|late) )?(?:in the )?(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?", s)
    if not m:
        return None
    months = vocabulary().seasons[m[2]]
    first, final = months[0], months[-1]
    wraps = final < first  # winter ends in the next year
    if m[3]:
        year = int(m[3])
    elif pub is None:
        return None
    elif wraps:
        year = pub.year - 1  # this year's winter ends next year: the one before
    else:
        year = _year_back(pub, final, before=m[1] == "last")  # the last season to have reached its final month
    end_year = year + wraps
    return Resolved(date(year, first, 1), date(end_year, final, calendar.monthrange(end_year, final)[1]), "season")


def _month_day(s: str, pub: date | None) -> Resolved | None:
    """"May 15", "15 May 2015", "May 15, 2015", "Aug. 27"."""
    m = re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", s) or None
    day_first = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?", s)
    if m and m[1] in MONTHS:
        month, day, year = MONTHS[m[1]], int(m[2]), m[3]
    elif day_first and day_first[2] in MONTHS:
        month, day, year = MONTHS[day_first[2]], int(day_first[1]), day_first[3]
    else:
        return None
    if year:
        d = _safe_date(int(year), month, day)
    elif pub is None or _safe_date(pub.year, month, day) is None:
        return None  # no such day in the year of publication ("February 29")
    else:
        d = _safe_date(_year_back(pub, month, day, ahead=_AHEAD_DAYS), month, day)
    return Resolved(d, d, "day") if d else None


def _month_year(s: str, pub: date | None) -> Resolved | None:
    """"April", "last March", "April 2005", "early May"."""
    m = re.fullmatch(r"(?:(last|this|early|mid|late|earlier in|later in) )?([a-z]+)(?: (?:of )?(\d{4}))?", s)
    if not m or m[2] not in MONTHS:
        return None
    month = MONTHS[m[2]]
    if m[3]:
        year = int(m[3])
    elif pub is None:
        return None
    else:
        year = _year_back(pub, month, before=m[1] == "last")
    return _month(year, month)


_PART_DAYS = {"first": (1, 7), "second": (8, 14), "third": (15, 21), "fourth": (22, 28), "beginning": (1, 10),
              "start": (1, 10), "middle": (11, 20)}


def _part_of_month(s: str, pub: date | None) -> Resolved | None:
    """"the first week of May", "the last week of April", "the end of March", "the middle of June"."""
    m = re.fullmatch(r"(?:the )?(?:(first|second|third|fourth|last|final) week|(beginning|start|middle|end)) of "
                     r"([a-z]+)(?: (\d{4}))?", s)
    if not m or m[3] not in MONTHS:
        return None
    month = MONTHS[m[3]]
    if m[4]:
        year = int(m[4])
    elif pub is None:
        return None
    else:
        year = _year_back(pub, month)
    last = calendar.monthrange(year, month)[1]
    part = m[1] or m[2]
    first, end = (last - 6, last) if part in ("last", "final") else (21, last) if part == "end" else _PART_DAYS[part]
    return Resolved(date(year, month, first), date(year, month, end), "week")


def _year_only(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"(?:(early|mid|late|(?:the )?(?:end|start|beginning) of) )?((?:19|20)\d\d)", s)
    if not m:
        return None
    y = int(m[2])
    part = (m[1] or "").removeprefix("the ")
    if part in ("early", "start of", "beginning of"):
        return Resolved(date(y, 1, 1), date(y, 4, 30), "year")
    if part in ("late", "end of"):
        return Resolved(date(y, 9, 1), date(y, 12, 31), "year")
    return _year(y)


def _dateparser(s: str, pub: date | None) -> Resolved | None:
    """Whatever else dateparser reads as a full date ("the 3rd of March 2021")."""
    if not re.search(r"\d", s) or not any(w in MONTHS for w in re.findall(r"[a-z]+", s)):
        return None
    import dateparser
    from datetime import datetime

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    elif not re.search(r"(19|20)\d\d", s):
        return None
    got = dateparser.parse(s, languages=["en"], settings=settings)
    if got is None:
        return None
    d = got.date()
    return Resolved(d, d, "day")


_CASCADE = [_of_year, _iso, _numeric, _since, _past_n, _ago, _relative_words, _dated_weekday, _between, _weekday,
            _season, _month_day, _month_year, _part_of_month, _year_only, _day_of_month, _dateparser]


# ---------------------------------------------------------------- helpers
def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return vocabulary().numbers.get(word)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _month(y: int, m: int) -> Resolved:
    return Resolved(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def _year(y: int) -> Resolved:
    return Resolved(date(y, 1, 1), date(y, 12, 31), "year")


def _year_back(pub: date, month: int, day: int = 1, before: bool = False, ahead: int | None = None) -> int:
    """The year of the last `month` `day` on or before `pub` ("in December" in a January report is the year
    before); with `before` ("last March", "last summer"), of the last one before `pub`'s month. A time just after
    publication (`ahead` days at most) is of its year: "6 August" in a report of 5 August (another time zone), and
    a day told without its year up to a month after ("the vote on 28 June" in a report of 24 June) is to come, not
    a year back (a year-old day is told with its year)."""
    if before and month >= pub.month:
        return pub.year - 1
    if (month, day) > (pub.month, pub.day):
        soon = _safe_date(pub.year, month, min(day, 28))
        limit = _SOON_DAYS if ahead is None else ahead
        return pub.year if soon is not None and (soon - pub).days <= limit else pub.year - 1
    return pub.year


_SOON_DAYS = 3  # a month, season or day of the month just after publication: another time zone
_AHEAD_DAYS = 31  # a day and month up to a month after publication: to come, not a year back
_ORDER = ["day", "week", "month", "season", "year"]


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=lambda p: _ORDER.index(p) if p in _ORDER else 0)


# ---------------------------------------------------------------- the event's date
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
    toks = parsed.tokens
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
