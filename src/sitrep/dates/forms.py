"""The forms of time words read on their own, one reader each: a date ("2020-05-03", "14/08", "May 15", "the
14th"), a month, season or year ("last March", "summer 2019", "the end of June"), a weekday ("Sunday night"), a
span back from publication ("the past three days", "two weeks ago", "last week"). Each returns None for words not of
its form; `resolution` tries them in turn.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from sitrep.dates.days import (_AHEAD_DAYS, _SOON_DAYS, Resolved, _month, _number, _safe_date, _shift_month, _year,
                               _year_back)
from sitrep.dates.words import MONTHS, WEEKDAYS, vocabulary


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


def _day_of_month(s: str, pub: date | None) -> Resolved | None:
    """"the 14th", "on the 3rd": a day of the month of publication (of the month before, if that day is to come)."""
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", s)
    if not m or pub is None:
        return None
    day = int(m[1])
    y, mth = (pub.year, pub.month) if day <= pub.day + _SOON_DAYS else _shift_month(pub.year, pub.month, -1)
    d = _safe_date(y, mth, day)
    return Resolved(d, d, "day") if d else None


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


def _year_told(written: str | None, pub: date | None, month: int, before: bool = False) -> int | None:
    """The year written with a month ("April 2005"), else the year of the last such month by publication (None
    with no publication date)."""
    if written:
        return int(written)
    return _year_back(pub, month, before=before) if pub is not None else None


def _month_year(s: str, pub: date | None) -> Resolved | None:
    """"April", "last March", "April 2005", "early May"."""
    m = re.fullmatch(r"(?:(last|this|early|mid|late|earlier in|later in) )?([a-z]+)(?: (?:of )?(\d{4}))?", s)
    if not m or m[2] not in MONTHS:
        return None
    month = MONTHS[m[2]]
    year = _year_told(m[3], pub, month, before=m[1] == "last")
    return _month(year, month) if year else None


_PART_DAYS = {"first": (1, 7), "second": (8, 14), "third": (15, 21), "fourth": (22, 28), "beginning": (1, 10),
              "start": (1, 10), "middle": (11, 20)}


def _part_of_month(s: str, pub: date | None) -> Resolved | None:
    """"the first week of May", "the last week of April", "the end of March", "the middle of June"."""
    m = re.fullmatch(r"(?:the )?(?:(first|second|third|fourth|last|final) week|(beginning|start|middle|end)) of "
                     r"([a-z]+)(?: (\d{4}))?", s)
    if not m or m[3] not in MONTHS:
        return None
    month = MONTHS[m[3]]
    year = _year_told(m[4], pub, month)
    if not year:
        return None
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
