"""A scored choice's arithmetic, kept in one place: the cues that hold, each weighed from data, summed, with a
reason per cue.

Several stages decide by many cues at once (is a number a figure, is a count a part of another, which place is the
event's). Each keeps its cues and weights as data and its own idea of which cues hold; the sum and the reasons it
gives the user (`sitrep explain`) are made here, the same way everywhere.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CueTable:
    """One scored choice's weights as its data file gives them: a weight and a reason per cue, the score that
    decides, and (for a choice among ways, as figures' routes) a weight per way."""

    weights: dict[str, float]
    reasons: dict[str, str]
    threshold: float
    routes: dict[str, float] = field(default_factory=dict)


def cue_table(section: Mapping, weights: str = "weights") -> CueTable:
    """The CueTable of a data file's section ([part], [figure] of figure_cues.toml); `weights` names its cue table."""
    return CueTable({k: float(v) for k, v in section[weights].items()}, dict(section["reasons"]),
                    float(section["threshold"]), {k: float(v) for k, v in section.get("routes", {}).items()})


def weigh(held: Mapping[str, float] | Iterable[str], weights: Mapping[str, float], texts: Mapping[str, str],
          keep_zero: bool = True, base: float = 0.0) -> tuple[float, list[str]]:
    """The sum of the weights of the cues that hold (a cue's weight times its value: 1, or a level) and a reason for
    each, "<what the cue says> (+w)", added to `base` (a score the caller has already). `keep_zero=False` leaves
    out the reasons of cues that weigh nothing."""
    values = held.items() if isinstance(held, Mapping) else ((name, 1.0) for name in held)
    total, reasons = base, []
    for name, value in values:
        w = weights.get(name, 0.0) * value
        total += w
        if w or keep_zero:
            reasons.append(f"{texts.get(name, name)} ({w:+g})")
    return total, reasons
