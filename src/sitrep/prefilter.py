"""The relevance prefilter: a fast word test that keeps reports which may tell of violence, casualties or
displacement, and lets the rest skip the NLP. Recall first: a report with an event must never be dropped."""
from __future__ import annotations

import re
from functools import cache

from sitrep import lexicon


@cache
def _pattern() -> re.Pattern[str]:
    stems = sorted(lexicon.load("prefilter")["stems"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")", re.IGNORECASE)


def is_relevant(text: str) -> bool:
    """May this report tell of violence, casualties or displacement?"""
    return _pattern().search(text) is not None
