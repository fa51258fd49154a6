"""Is a count a cumulative tally rather than one event's figure? "since 2014", "this year", "in various attacks",
"the conflict has cost 3,000 lives"; and is it told as the total of every count ("18 were killed in all")? A
comparison ("the deadliest attack since 2018") sums nothing up.
"""
from __future__ import annotations

from sitrep.figures.syntax import counted_by_number
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token


def is_aggregate(parsed: Parsed, clause: list[Token], words: list[str], verb: Token) -> bool:
    """A cumulative tally: "since 2014", "this year", "each day", "in various attacks", "the conflict has cost"."""
    w = vocab()
    for k in range(len(words)):
        ph = w.AGGREGATE.at(words, k)
        if not ph:
            continue
        after = words[k + len(ph) : k + len(ph) + 2]
        if after and after[0] in ("-", "–"):
            continue  # "in the war-torn state": another word
        if clause[k].ent in w.NAME_ENTITIES:
            continue  # "a columnist for the Morning Tribune": a name, no window of time
        if after and (after[0] in w.BOUNDED_AFTER or " ".join(after) in w.BOUNDED_AFTER
                      or after[0].isdigit() and len(after[0]) < 3):
            continue
        if k and words[k - 1] in w.BOUNDED_BEFORE:
            continue
        if ph == ("since",) and clause[k].dep == "advmod":
            continue  # "five people have since died": since then, no window
        if ph[0] == "since" and any(t.tag == "JJS" or t.lower in w.COMPARATIVES for t in clause
                                    if t.i < clause[0].i + k):
            continue  # "the deadliest attack since 2018" compares; it does not sum up
        if in_superlative(parsed, clause[k]):
            continue  # "..., the deadliest day of the conflict": a comparison, not a tally
        return True
    perfect = present_perfect(parsed, verb)
    for t in clause:
        head = parsed.tokens[t.head]
        if t.lower in w.MANY_INCIDENTS and head.lower in w.ATTACK_NOUNS and head.tag == "NNS" \
                and (perfect or t.lower not in w.TOLD_APART) \
                and not counted_by_number(parsed, head):
            # "in various attacks", "have been killed in separate attacks" sum many up; "15 were killed in two
            # separate attacks on Saturday" is the report's one total of them (SPEC §2), an event of several
            # incidents, and so is "have killed six herders in two separate raids": a counted few incidents.
            return True
    subjects: list[Token] = []
    v = verb
    for _ in range(4):
        subjects = [c for c in parsed.children(v.i) if c.dep == "nsubj"]
        if v.dep == "relcl" and any(c.lower in ("that", "which") for c in subjects):
            subjects = [parsed.tokens[v.head]]  # "an insurgency ... that has killed": the insurgency
        if subjects or v.dep not in ("conj", "xcomp") or v.head == v.i:
            break
        v = parsed.tokens[v.head]
    if any(s.lemma in w.AGGREGATE_SUBJECTS for s in subjects):
        # "the conflict has cost 3,000 lives": a conflict's toll in the perfect, with no window of its own.
        perfect = any(c.dep == "aux" and c.lemma == "have" for c in parsed.children(v.i))
        has_window = any(t.ent in ("DATE", "TIME") for t in clause)
        return perfect and not has_window
    return False


def in_superlative(parsed: Parsed, t: Token) -> bool:
    """Is `t` inside a noun phrase headed by a superlative ("the deadliest day of the conflict")? Not itself one
    ("the first week of May")."""
    for x in list(parsed.ancestors(t))[:3]:
        if x.pos == "VERB":
            return False
        if x.pos == "NOUN" and any(c.dep == "amod" and (c.tag == "JJS" or c.lower in vocab().COMPARATIVES)
                                   for c in parsed.children(x.i)):
            return True
    return False


def told_as_total(parsed: Parsed, clause: list[Token], near: set[int]) -> bool:
    """"Total fatalities coded as 14", "18 were killed in all": a total word on the count's verb or noun; not
    "14 herders and nine farmers, a total of 23", where the total has a number of its own."""
    for t in clause:
        if t.lower not in vocab().TOTAL_WORDS or t.lower == "all" and parsed.tokens[t.i - 1].lower != "in":
            continue
        if t.head in near or parsed.tokens[t.head].head in near and not parsed.tokens[t.head].like_num:
            if not any(x.like_num for x in parsed.subtree(t) if x.i != t.i):
                return True
    return False


def present_perfect(parsed: Parsed, verb: Token) -> bool:
    """"have been killed": the verb has a present "have" auxiliary."""
    return any(c.dep == "aux" and c.lemma == "have" and c.tag in ("VBP", "VBZ") for c in parsed.children(verb.i))
