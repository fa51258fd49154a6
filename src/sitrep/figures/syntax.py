"""Questions about the parse tree that every part of the figures stage asks: does a verb take an object or a
subject of its own, is it passive, is a noun counted by a number, what does its "of" hold. Written once here so
each test reads the same everywhere it is asked.
"""
from __future__ import annotations

from collections.abc import Iterator

from sitrep.nlp import Parsed, Token


def has_object(parsed: Parsed, v: Token) -> bool:
    return any(c.dep == "dobj" for c in parsed.children(v.i))


def has_subject(parsed: Parsed, v: Token) -> bool:
    """Has the verb a subject of its own, active or passive?"""
    return any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(v.i))


def passive_aux(parsed: Parsed, v: Token) -> bool:
    """Has the verb a passive auxiliary ("were killed")?"""
    return any(c.dep == "auxpass" for c in parsed.children(v.i))


def counted_by_number(parsed: Parsed, t: Token) -> bool:
    """Does a number count the noun ("12 children")?"""
    return any(c.dep == "nummod" for c in parsed.children(t.i))


def of_objects(parsed: Parsed, t: Token) -> Iterator[Token]:
    """What the word's "of" holds, in order: "hundreds of deaths" -> "deaths", "the killing of a student"."""
    for c in parsed.children(t.i):
        if c.dep == "prep" and c.lower == "of":
            for p in parsed.children(c.i):
                if p.dep == "pobj":
                    yield p


def shared_subject_conjuncts(parsed: Parsed, v: Token) -> list[Token]:
    """Verbs coordinated with `v` that have no subject of their own: "were shot and killed"."""
    return [c for c in parsed.children(v.i)
            if c.dep == "conj" and c.tag in ("VBN", "VBD") and not has_subject(parsed, c)]
