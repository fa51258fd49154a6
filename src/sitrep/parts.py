"""Is a smaller count a part of a larger one? A scored choice over cues whose weights live in data.

A report often tells a toll and a group of it ("57 killed" ... "one of the guards was killed"), but also more
victims beside it ("four soldiers were also killed", "another 12 bodies were found"). Which it is follows from
several cues at once (sides, one clause, words of addition, a stated total), so the choice is a sum of weighted
cues (data/figure_cues.toml) rather than a cascade of exceptions, and the cues that held are kept as reasons.
"""
from __future__ import annotations

from functools import cache

from sitrep import lexicon
from sitrep.cues import CueTable, cue_table, weigh
from sitrep.figures import Mention


@cache
def part_cues() -> CueTable:
    """The weights of data/figure_cues.toml [part], read once when first needed."""
    return cue_table(lexicon.load("figure_cues")["part"])


def other_side(a: str, b: str) -> bool:
    """Militants on one side and anyone else known on the other: neither count is among the other's dead."""
    return "unknown" not in (a, b) and "mixed" not in (a, b) and a != b and "militants" in (a, b)


def coordinated(a: list[Mention], b: list[Mention]) -> bool:
    """"killing at least 170 Afghans and 13 US service members": counts of one clause, by side, both stand."""
    return any(x.sent == y.sent and x.anchor == y.anchor and x.nominal != y.nominal for x in a for y in b)


def part_score(small: list[Mention], large: list[Mention], small_victims: str, large_victims: str,
               cues: CueTable | None = None) -> tuple[float, list[str]]:
    """The score that the count stated by `small` is a part of the larger one stated by `large`, and the reasons."""
    cues = cues or part_cues()
    held = {
        "smaller_count": True,
        "other_side": other_side(small_victims, large_victims),
        "same_clause": coordinated(small, large),
        "smaller_told_as_more": any(m.adds_up for m in small),
        "larger_told_as_more": any(m.adds_up for m in large),
        "larger_is_total": any(m.total for m in large) and not any(m.total for m in small),
        "breakdown": any(m.breakdown_of == x.span.start and m.sent == x.sent for m in small for x in large),
    }
    return weigh([name for name, on in held.items() if on], cues.weights, cues.reasons, keep_zero=False)


def is_part(score: float, cues: CueTable | None = None) -> bool:
    return score >= (cues or part_cues()).threshold
