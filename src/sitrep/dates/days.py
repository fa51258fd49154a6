"""Calendar arithmetic the resolution and the event's date share: a resolved span of days with its precision,
whole months and years, the year a month without one is in (read back from publication), and which of two
precisions is the coarser.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sitrep.dates.words import vocabulary


@dataclass(frozen=True, slots=True)
class Resolved:
    start: date
    end: date
    precision: str


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
