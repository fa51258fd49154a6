"""The figures stage: which numbers in a report count the killed, injured, displaced, abducted, arrested or missing.

A number is a figure only when the words that govern it say so: "killed up to 500 people" (object of a casualty
verb), "500 people have been killed" (passive subject), "8,000 have fled" (subject of an intransitive one), "the
bodies of two men", "hundreds of deaths", "3,150 displaced persons", "the toll rose to 45". Everything else (years,
ages, money, troop numbers, durations, houses) is not. Each figure found here is a `Mention`: one statement, with
flags that the events stage uses to consolidate statements into figures and figures into events.

This module is the stage's entry point, which other stages import: `find_mentions` and `explain` (`sitrep
explain`), and the names they share (`Mention`, `vocab` and its word lists by name, `verbal_anchor`,
`in_superlative`, `harm_lemmas`). The work is done in the package's modules:

| module | job |
|---|---|
| `vocab` | the word lists, read from data when first needed |
| `mention` | `Mention`, one statement of a figure |
| `number` | one number: its statement, a scored choice over routes and cues (`choice`) |
| `routes`, `word_order` | the ways a harm word governs a count: by the parse, by the word order |
| `harm_words` | which harm a word tells (verb, intransitive, adjective, phrase, toll) |
| `number_cues` | cues of the number: things, a mother's children, a part of another count |
| `modality` | cues of the harm word: hypothetical, negated, habitual |
| `context`, `tally` | a statement's flags: a tally, an earlier or revised toll, more, others, a total |
| `persons` | whom a count is of, and how many a victim told without a number is |
| `implicit` | victims told without a number ("a judge was killed along with four others") |
| `relations` | statements of one sentence: breakdowns, others that add up, coordinated tallies |
| `syntax` | the parse-tree questions they all ask |
"""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.figures.context import verbal_anchor
from sitrep.figures.implicit import implicit_mentions, victim_of_noun
from sitrep.figures.mention import Mention
from sitrep.figures.number import also_told, mention_for
from sitrep.figures.relations import breakdowns, coordinated_tallies, others_add_up
from sitrep.figures.tally import in_superlative
from sitrep.figures.vocab import CATEGORY_ORDER, Vocabulary, harm_lemmas, vocab
from sitrep.nlp import Parsed
from sitrep.numbers import find_quantities

__all__ = ["CATEGORY_ORDER", "Explanation", "Mention", "Vocabulary", "explain", "find_mentions", "harm_lemmas",
           "in_superlative", "verbal_anchor", "vocab"]


def __getattr__(name: str) -> object:
    """The word lists by name for the stages that share them ("from sitrep.figures import VERBS"): read when first
    asked for, like `vocab()`."""
    if name.isupper() and name in vars(vocab()):
        return getattr(vocab(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_mentions(parsed: Parsed) -> list[Mention]:
    """Every casualty or displacement statement in the text, in text order."""
    out: list[Mention] = []
    for s in range(len(parsed.sents)):
        found: list[Mention] = []
        for q in find_quantities(parsed, s):
            m = mention_for(parsed, q)
            if m is not None:
                found.append(m)
                found.extend(also_told(parsed, m))
        found.extend(implicit_mentions(parsed, s, found))
        found.extend(victim_of_noun(parsed, s, found))
        coordinated_tallies(parsed, found)
        others_add_up(found)
        breakdowns(parsed, found)
        out.extend(sorted(found, key=lambda m: m.span.start))
    return out


@dataclass(slots=True)
class Explanation:
    """Why a number (or a victim told without one) did or did not become a figure: `sitrep explain`."""

    text: str
    sent: int
    figure: str | None  # "killed 5", or None when the number is no figure
    reasons: list[str]


def explain(parsed: Parsed) -> list[Explanation]:
    """Every number of the text and every victim told without one, with the cues that decided each."""
    out: list[Explanation] = []
    mentions = find_mentions(parsed)
    by_span = {(m.span.start, m.span.end): m for m in mentions}
    seen: set[int] = set()
    for s in range(len(parsed.sents)):
        for q in find_quantities(parsed, s):
            why: list[str] = []
            made = mention_for(parsed, q, why)
            start, end = parsed.tokens[q.start].idx, parsed.tokens[q.end - 1].end
            m = by_span.get((start, end)) or next((x for x in mentions if x.span.start <= start < x.span.end), None)
            if m is not None and m.span.start != start:
                why.append(f"taken into '{m.span.text_of(parsed.text)}'")
            if m is not None:
                seen.add(id(m))
                why += _flags(m)
            elif made is not None:
                why.append("taken into another figure (a companion, a sum)")
            out.append(Explanation(parsed.text[start:end], s, _describe(m), why))
    for m in mentions:
        if id(m) not in seen:
            out.append(Explanation(m.span.text_of(parsed.text), m.sent, _describe(m), m.reasons + _flags(m)))
    return sorted(out, key=lambda e: e.sent)


def _describe(m: Mention | None) -> str | None:
    if m is None:
        return None
    value = m.min if m.min == m.max else f"{m.min}-{m.max}"
    return f"{m.category} {value} ({m.qualifier}, victims {m.victims})"


def _flags(m: Mention) -> list[str]:
    names = {"aggregate": "a tally, not this event's", "perfect": "present perfect",
             "superseded_cue": "an earlier toll", "revision_cue": "a revised toll",
             "additive": "adds to the count before it", "incidents": "one total of several incidents",
             "total": "the sum of every count told"}
    return [v for k, v in names.items() if getattr(m, k)]
