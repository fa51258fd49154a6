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

One module per job: `words` (the time words, data/dates.toml), `days` (calendar arithmetic), `resolution` (time
words resolved against the publication date, the forms read on their own in `forms`), `expressions` (the time
expressions found in the text and what they hang on), `event` (which time an event takes, and its ACLED precision
code).
"""
from __future__ import annotations

from sitrep.dates.days import Resolved
from sitrep.dates.event import acled_time_precision, event_date, offset_days
from sitrep.dates.expressions import TimeWords, time_entities, time_words
from sitrep.dates.resolution import resolve
from sitrep.dates.words import MONTHS, WEEKDAYS, Vocabulary, vocabulary

__all__ = ["MONTHS", "WEEKDAYS", "Resolved", "TimeWords", "Vocabulary", "acled_time_precision", "event_date",
           "offset_days", "resolve", "time_entities", "time_words", "vocabulary"]
