"""How the statements of one sentence bear on each other: a count that breaks down a larger one ("Five people,
four farmers and a trader"), "others" that add to the count before them, and the clauses coordinated with a tally
("has cost 3,000 lives and forced half a million to flee"), which are tallies too.
"""
from __future__ import annotations

from sitrep.figures.context import verbal_anchor
from sitrep.figures.mention import Mention
from sitrep.nlp import Parsed


def breakdowns(parsed: Parsed, found: list[Mention]) -> None:
    """"Five people, four farmers and a trader, were killed", "14 people, among them four children": a count set off
    by a comma right after a larger count of the same harm, with no verb between, or in apposition to it, breaks
    that count down."""
    ordered = sorted(found, key=lambda m: m.span.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.category != b.category or a.headline is None or b.headline is None or b.headline >= a.headline:
            continue
        between = [t for t in parsed.sentence_tokens(a.sent)
                   if t.i > a.nominal and a.span.end <= t.idx < b.span.start]
        nb = parsed.tokens[b.nominal]
        appos = nb.dep == "appos" and nb.head == a.nominal
        loose = 0 < len(between) <= 6 and between[0].lower in (",", "(", "--", "—", "-", ":") \
            and not any(t.pos in ("VERB", "AUX") for t in between)
        if appos or loose:
            b.breakdown_of = a.span.start


def others_add_up(found: list[Mention]) -> None:
    """"killed four others", "two other protesters were also killed": more victims of the same harm, adding to the
    count before them; but "killed 5 and injured 15 others" counts people other than the dead."""
    for m in found:
        if m.others and not m.additive:
            m.additive = not any(o.category != m.category and o.span.start < m.span.start for o in found)


def coordinated_tallies(parsed: Parsed, found: list[Mention]) -> None:
    """"the conflict has cost 3,000 lives and forced half a million to flee": a tally's coordinated clauses are too."""
    tallies = {verbal_anchor(parsed, parsed.tokens[m.anchor]).i for m in found if m.aggregate}
    if not tallies:
        return
    for m in found:
        if m.aggregate:
            continue
        t = parsed.tokens[m.anchor]
        for a in [t, *list(parsed.ancestors(t))[:5]]:
            if a.i in tallies:
                m.aggregate = True
                break
