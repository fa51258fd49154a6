"""Is a number a figure, and of which harm? A scored choice over routes and cues whose weights live in data.

A count becomes a figure through a harm word that governs it, and there are many ways to govern one: the passive
subject of "killed", the object of "wounded", "the massacre of 14", "left 12 dead", "the toll rose to 45". Several
can hold at once, and cues of the number ("11 houses", "including six women") or of the harm word ("were not
killed", "could kill") speak against. Each way is a route (`Candidate`) with a weight, each cue adds its own
(data/figure_cues.toml [figure]); the best candidate is the figure's category when its score reaches the
threshold, and the cues that held are kept as the figure's reasons, as places keep their candidates' reasons.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sitrep import lexicon
from sitrep.cues import CueTable, cue_table, weigh


@cache
def figure_cues() -> CueTable:
    """The weights of data/figure_cues.toml [figure] (its routes and its cues), read once when first needed."""
    return cue_table(lexicon.load("figure_cues")["figure"], weights="cues")


@dataclass(slots=True)
class Candidate:
    """One way a harm word governs the count: the route, the category it gives, the harm word, the cues against."""

    route: str
    category: str
    anchor: int  # token index of the harm word
    anchor_text: str
    cues: list[str] = field(default_factory=list)  # cue names that hold for this route's harm word


@dataclass(slots=True)
class Choice:
    """The best candidate (None when no route holds), its score, whether it is a figure, and the reasons."""

    best: Candidate | None
    score: float
    figure: bool
    reasons: list[str]


def score(c: Candidate, number_cues: list[str], cues: CueTable) -> tuple[float, list[str]]:
    """The score of one candidate: its route's weight and the weights of the cues that hold, with their reasons."""
    w = cues.routes.get(c.route, 0.0)
    total, reasons = weigh([*number_cues, *c.cues], cues.weights, cues.reasons, base=w)
    return total, [f"{c.category}: governed by '{c.anchor_text}', {cues.reasons.get(c.route, c.route)} ({w:+g})",
                       *reasons]


def choose(candidates: list[Candidate], number_cues: list[str], cues: CueTable | None = None) -> Choice:
    """The best-scoring candidate (the first of equals), and whether its score makes the number a figure."""
    cues = cues or figure_cues()
    if not candidates:
        reasons = [f"{cues.reasons.get(n, n)} ({cues.weights.get(n, 0.0):+g})" for n in number_cues]
        return Choice(None, 0.0, False, reasons + ["no casualty word governs it"])
    scored = [(score(c, number_cues, cues), k, c) for k, c in enumerate(candidates)]
    (best_score, reasons), _, best = max(scored, key=lambda x: (x[0][0], -x[1]))
    figure = best_score >= cues.threshold
    verdict = "a figure" if figure else "no figure"
    others = [f"also '{c.anchor_text}' ({c.category}, {s:+g}" + "".join(f"; {cues.reasons.get(n, n)}" for n in c.cues)
              + ")" for (s, _), _, c in scored if (c.anchor, c.category) != (best.anchor, best.category)]
    return Choice(best, best_score, figure, reasons + others + [f"score {best_score:+g}: {verdict}"])
