"""A `Mention`: one statement of a figure in the text, the unit the figures stage hands to the stages after it.

It is its own module because every step of the stage makes or reads one (a count and the harm word governing it,
a victim told without a number, the flags of its clause) and the stages after it (attribution, grouping,
consolidation, parts) take it as their input.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.model import Span


@dataclass(slots=True)
class Mention:
    """One statement of a figure in the text, before statements of the same figure are merged."""

    category: str
    min: int | None
    max: int | None
    qualifier: str
    span: Span
    sent: int
    anchor: int  # token index of the casualty word (verb, adjective or noun)
    nominal: int  # token index of the counted noun (or the number itself)
    victims: str = "unknown"
    unit: str = "people"
    vague: bool = False  # a conventional bound ("dozens"), not a stated number
    aggregate: bool = False  # a cumulative tally ("since 2014", "this year"), not one event's figure
    perfect: bool = False  # "have been killed": present perfect, often a tally
    superseded_cue: bool = False  # "had initially put the toll at 12"
    revision_cue: bool = False  # "the toll rose to 45"
    additive: bool = False  # "six more", "another 5": adds to the figure before it
    incidents: bool = False  # "in two separate attacks": one total of several incidents
    others: bool = False  # "four others": people other than a count before it
    total: bool = False  # "Total fatalities coded as 14": the sum of every count told
    implicit: bool = False  # a victim told without a number ("a policeman", "another")
    breakdown_of: int | None = None  # "Five people, four farmers and a trader": the start of the count it breaks down
    folded: bool = False  # a vague or lower count that took the values of the stated number it stands for
    source: str | None = None
    source_named: bool = False
    confirmed: bool | None = None
    anchors_time: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # the cues that made it a figure, for `sitrep explain`

    @property
    def headline(self) -> int | None:
        return self.max if self.max is not None else self.min

    @property
    def adds_up(self) -> bool:
        """Adds to the figure before it: "six more", but not "climbed to 64 after five more bodies were found"."""
        return self.additive and not self.revision_cue
