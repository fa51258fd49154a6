"""The cues of a number itself, whatever harm word governs it: it counts things ("11 houses"), a mother's
children ("a mother of three"), or a part of another count ("including six women", "among them 12 children",
"five of them"). They feed the scored choice of `choice` beside the cues of the harm word.
"""
from __future__ import annotations

from sitrep.figures.syntax import counted_by_number, of_objects
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity

OPEN_PART = "open_part"  # a pending cue of `number_cues`, settled by `number.open_part` once the harm is known


def number_cues(parsed: Parsed, q: Quantity, nominal: Token) -> list[str]:
    """The cues of the number itself, whatever governs it: it counts things, a mother's children, a part."""
    toks = parsed.tokens
    head = toks[q.head]
    out: list[str] = []
    if nominal is head and head.dep == "pobj" and toks[head.head].lower == "of" \
            and toks[toks[head.head].head].lemma in vocab().COMPANIONS and toks[toks[head.head].head].tag == "NN":
        out.append("companion_of")  # "a mother of three"
    # "seizing 9 of the province's 14 districts": a bare number counts what its "of" names.
    inner = inner_noun(parsed, nominal) if nominal is head else None
    if any(w in vocab().NOT_PEOPLE and w not in vocab().HOUSEHOLDS for w in (nominal.lemma, inner)):
        out.append("things")
    # "five of them", "seven of their victims": a part of a group the words do not define by its harm; whether it
    # is a part of another count depends on the harm that governs it (`number.open_part`).
    group = partitive_group(parsed, nominal)
    open_group = group is not None and (group.lower in vocab().UNCOUNTED_GROUPS or any(
        c.dep == "poss" for c in parsed.children(group.i)))
    if open_group:
        out.append(OPEN_PART)
    if is_subset(parsed, nominal, partitive=not open_group) or _after_among_group(parsed, q.start):
        out.append("subset")
    return out


def _after_among_group(parsed: Parsed, start: int) -> bool:
    """"killed 16 people, among them three nurses", "among the dead, two soldiers": a count right after "among" and
    the group it picks from is a part of that group, whatever the parser made of it."""
    toks = parsed.tokens
    first = parsed.sents[toks[start].sent][0]
    j = start - 1
    if j >= first and toks[j].lower in (",", ":", "--", "—"):
        j -= 1
    if j < first or toks[j].lower not in vocab().PARTITIVE:
        return False
    return any(toks[i].lower == "among" for i in range(max(first, j - 2), j))


def inner_noun(parsed: Parsed, t: Token) -> str | None:
    """"hundreds of deaths" -> "death"; "four of their colleagues" -> "colleague"."""
    for p in of_objects(parsed, t):
        inner = inner_noun(parsed, p) if p.like_num or p.lemma in ("thousand", "hundred") else None
        return inner or p.lemma
    return None


def partitive_group(parsed: Parsed, nominal: Token) -> Token | None:
    """"one of them", "two of the dead": the word of the group a count is a part of, or None."""
    return next((p for p in of_objects(parsed, nominal) if p.lower in vocab().PARTITIVE), None)


def is_subset(parsed: Parsed, nominal: Token, partitive: bool = True) -> bool:
    """"including six women", "among them 12 children": part of another count, not its own figure."""
    for t in [nominal] + list(parsed.ancestors(nominal))[:3]:
        if t.dep == "pobj" and parsed.tokens[t.head].lower in vocab().SUBSET_PREPS:
            prep = parsed.tokens[t.head]
            # "three children among 10 killed": the count after "among" is the whole, the one before it the part
            if prep.lower == "among" and (t.like_num or counted_by_number(parsed, t)):
                return False
            return True
        if t.lower in vocab().SUBSET_PREPS and t.dep in ("prep",):
            return True
    for c in parsed.children(nominal.i):
        if c.dep == "prep" and c.lower == "among" and any(
                p.like_num or counted_by_number(parsed, p) for p in parsed.children(c.i)):
            return True
    if partitive and partitive_group(parsed, nominal) is not None:
        return True
    k = nominal.i
    sent_start = parsed.sents[nominal.sent][0]
    prev = [parsed.tokens[j].lower for j in range(max(sent_start, k - 5), k)]
    if "including" in prev[-4:] or prev[-2:] == ["among", "them"]:
        return True
    # "20 people including 15 security personnel and five civilians": a later part of the list, whatever the parse.
    for j in range(k - 1, max(sent_start, k - 12) - 1, -1):
        t = parsed.tokens[j]
        if t.lower in vocab().SUBSET_PREPS and t.lower != "among":
            return True
        if t.pos in ("VERB", "AUX") or t.lower in (";", ":", ".", "(", ")", "--", "—") \
                or t.dep == "cc" and t.lower != "and":
            return False
        if t.lower == "and" and j > sent_start and parsed.tokens[j - 1].lower == ",":
            return False  # "including a child, and 10 people were wounded"
    return False
