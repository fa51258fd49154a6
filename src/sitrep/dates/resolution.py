"""Time words resolved against the report's publication date, never the clock: a cascade of readers, each for one
form of words ("since Friday", "the past three days", "9 and 13 August", "last summer", "the 14th"), the first
that reads them wins; dateparser reads what is left. `resolve` is kept per (words, publication date). The forms made
of other time words ("between X and Y", "X last year", "since X", "Saturday, 9 March") are read here, as they
resolve their parts; the forms read on their own are in `forms`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from sitrep.dates.days import Resolved, _coarser
from sitrep.dates.forms import (_ago, _dateparser, _day_of_month, _iso, _month_day, _month_year, _numeric,
                                _part_of_month, _past_n, _relative_words, _season, _weekday, _year_only)
from sitrep.dates.words import WEEKDAYS, vocabulary


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


def _of_year(s: str, pub: date | None) -> Resolved | None:
    """"December last year", "in March of last year", "on 3 May this year": the words before, in that year."""
    m = re.fullmatch(r"(.+?) (?:of )?(last|this) year", s)
    if not m or pub is None:
        return None
    return resolve(f"{m[1]} {pub.year - (m[2] == 'last')}", pub)


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


def _since(s: str, pub: date | None) -> Resolved | None:
    m = re.fullmatch(r"since (.+)", s)
    if not m or pub is None:
        return None
    r = resolve(m[1], pub)
    if r is None or r.start > pub:
        return None
    return Resolved(r.start, pub, r.precision if r.precision in ("day", "week") else "month")


_CASCADE = [_of_year, _iso, _numeric, _since, _past_n, _ago, _relative_words, _dated_weekday, _between, _weekday,
            _season, _month_day, _month_year, _part_of_month, _year_only, _day_of_month, _dateparser]
