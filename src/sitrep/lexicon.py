"""sitrep's rules as data: the TOML files under `sitrep/data/`, read once.

Word lists (number words, hedges, casualty verbs, victims, attribution verbs, doubt cues...) live in versioned data
files so that a reviewer can read and change them without reading code; each has tests that pin its rows. A list
several modules read (the speech verbs, the attack nouns) is kept once, in `vocabulary.toml`, and built once here
(`speech_verbs`, `attack_nouns`). A file is read when first asked for: a module asks when the pipeline is built,
not when it is imported.

A user changes the rules without editing the package: a folder named by $SITREP_DATA may hold a file of the same
name (`vocabulary.toml`, `places.toml`, ...) whose tables are laid over the package's, key by key; a value given
there (a word list, a weight) replaces the package's whole, so to add a word copy the list and add it.
"""
from __future__ import annotations

import calendar
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

# The calendar's words, lower-cased, with their numbers (Monday = 0, January = 1): from the standard library, which
# names them in English unless a program sets another locale. Dates resolve them; numbers keep a day out of counts.
WEEKDAYS = {d.lower(): k for k, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): k for k, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): k for k, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `sitrep/data/<name>.toml`, with the user's `$SITREP_DATA/<name>.toml` laid over it."""
    with resources.files("sitrep.data").joinpath(f"{name}.toml").open("rb") as f:
        table = tomllib.load(f)
    user = Path(os.environ["SITREP_DATA"]) / f"{name}.toml" if os.environ.get("SITREP_DATA") else None
    if user is not None and user.is_file():
        try:
            with user.open("rb") as f:
                table = _laid_over(table, tomllib.load(f))
        except tomllib.TOMLDecodeError as err:
            raise ValueError(f"{user}: not valid TOML ({err})") from None
    return table


def _laid_over(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over`'s tables merged into `base`'s key by key; any other value of `over` replaces `base`'s."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _laid_over(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


class _Word(Protocol):
    lemma: str
    lower: str


@dataclass(frozen=True, slots=True)
class Verbs:
    """A verb list as lemmas, with the inflected forms the tagger sometimes leaves unlemmatised ("media and locals
    said killed ..."): `token in verbs` asks both, the one question every stage means by "is this a speech verb?"."""

    lemmas: frozenset[str]
    forms: frozenset[str]

    def __contains__(self, t: _Word) -> bool:
        return t.lemma in self.lemmas or t.lower in self.forms


@cache
def speech_verbs(extra: str | None = None) -> Verbs:
    """The speech verbs, kept once in `vocabulary.toml` [speech]: their subject is a source, not a participant
    ("police said"), and a time hanging on them dates the statement. `extra` names a group of that table whose
    verbs count too for one reader (`"of_figures"`: "the UN estimated", "rebels claimed", with its `_forms`).
    Read on first use, when the pipeline is built, not at import."""
    speech = load("vocabulary")["speech"]
    lemmas, forms = set(speech["verbs"]), set(speech["forms"])
    if extra:
        lemmas |= set(speech[extra])
        forms |= set(speech.get(f"{extra}_forms", ()))
    return Verbs(frozenset(lemmas), frozenset(forms))


@cache
def attack_nouns() -> frozenset[str]:
    """The attack nouns (`vocabulary.toml` [attack]), lower-case forms: "the attack", "the blast"."""
    return frozenset(load("vocabulary")["attack"]["nouns"])


class Phrases:
    """Multi-word phrases as lower-case token tuples, indexed by first and last word; the longest match wins.
    `starts` holds every first word: a caller scanning each token of a text asks it first, which is cheaper than
    `at` for the many tokens that begin no phrase."""

    __slots__ = ("_by_first", "_by_last", "all", "starts")

    def __init__(self, values: list[str]):
        self.all = tuple(sorted((tuple(v.lower().split()) for v in values), key=len, reverse=True))
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for ph in self.all:
            self._by_first.setdefault(ph[0], []).append(ph)
            self._by_last.setdefault(ph[-1], []).append(ph)
        self.starts = frozenset(self._by_first)

    def at(self, words: list[str], start: int) -> tuple[str, ...] | None:
        """The longest phrase that starts at index `start` of `words`."""
        if start >= len(words):
            return None
        phrases = self._by_first.get(words[start])
        if phrases is None:
            return None
        for ph in phrases:
            n = len(ph)
            if n == 1 or tuple(words[start : start + n]) == ph:
                return ph
        return None

    def before(self, words: list[str], end: int) -> tuple[str, ...] | None:
        """The longest phrase that ends just before index `end` of `words`."""
        if end <= 0:
            return None
        for ph in self._by_last.get(words[end - 1], ()):
            n = len(ph)
            if n <= end and tuple(words[end - n : end]) == ph:
                return ph
        return None

    def search(self, words: list[str]) -> bool:
        """Does any phrase occur anywhere in `words`?"""
        starts = self.starts
        if starts.isdisjoint(words):
            return False
        for k, w in enumerate(words):
            if w in starts and self.at(words, k):
                return True
        return False
