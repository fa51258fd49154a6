"""The time words of data/dates.toml, compiled once when the pipeline is built (or at the first date resolved), not
at import: seasons, number words, hedges, offsets ("a week later"), clock times, and the words that say what a time
dates. Every other module of the stage reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep import lexicon


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
