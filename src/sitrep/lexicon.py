"""sitrep's rules as data: the TOML files under `sitrep/data/`, read once.

Word lists (number words, hedges, casualty verbs, victims, attribution verbs, doubt cues...) live in versioned data
files so that a reviewer can read and change them without reading code; each has tests that pin its rows.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `sitrep/data/<name>.toml`."""
    with resources.files("sitrep.data").joinpath(f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as lower-case token tuples, longest first (so the longest match wins)."""
    return tuple(sorted((tuple(v.lower().split()) for v in values), key=len, reverse=True))


def match_before(words: list[str], end: int, table: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase of `table` that ends just before index `end` of `words`."""
    for ph in table:
        n = len(ph)
        if n <= end and tuple(words[end - n : end]) == ph:
            return ph
    return None


def match_at(words: list[str], start: int, table: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase of `table` that starts at index `start` of `words`."""
    for ph in table:
        n = len(ph)
        if tuple(words[start : start + n]) == ph:
            return ph
    return None
