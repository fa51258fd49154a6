"""Which harm a word tells, and of which category: a verb with its victims as object ("killed five"), an
intransitive ("fled"), a casualty adjective ("dead"), a phrase ("shot dead", "taken hostage"), a toll ("the death
toll rose to"). These tests look at the word and its own clause only; `routes` decides how the word
governs a count.
"""
from __future__ import annotations

from sitrep.figures.syntax import has_object, has_subject
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token


def adjective_category(t: Token) -> str | None:
    """The category of a casualty adjective, by its form or its lemma: "dead", "wounded", "missing"."""
    adjectives = vocab().ADJECTIVES
    return adjectives.get(t.lower) or adjectives.get(t.lemma)


def _blocked(parsed: Parsed, v: Token) -> bool:
    """A word in the verb's clause makes it no casualty verb: "evacuated to hospital", "took away 12 bodies"."""
    blockers = vocab().NOT_WITH.get(v.lemma)
    return bool(blockers) and any(t.lower in blockers for t in parsed.subtree(v))


def word_category(parsed: Parsed, t: Token, as_modifier: bool = False) -> str | None:
    """Category of a casualty word used as a modifier: "dead", "displaced", "killed", "who fled"."""
    adjective = adjective_category(t)
    if adjective:
        return adjective
    if t.pos == "VERB" or t.tag.startswith("VB"):
        if t.lemma in vocab().INTRANSITIVE:
            return vocab().INTRANSITIVE[t.lemma]
        if t.dep == "relcl":
            # "people who were killed" (passive) vs "gunmen who killed" (active, not victims).
            kids = parsed.children(t.i)
            if any(c.dep == "nsubjpass" for c in kids) or any(c.dep == "auxpass" for c in kids):
                return verb_category(parsed, t, passive=True)
            return intransitive_category(parsed, t)
        if t.tag == "VBN":
            return verb_category(parsed, t, passive=True) or intransitive_category(parsed, t)
        if t.tag == "VBG" and t.dep == "acl":  # "families fleeing the fighting", "people arriving in camps"
            return intransitive_category(parsed, t)
    return None


def verb_category(parsed: Parsed, v: Token, passive: bool, obj: Token | None = None) -> str | None:
    """Category of a verb whose victims are its object (or passive subject)."""
    if v.lemma in vocab().VERBS:
        cat = vocab().VERBS[v.lemma]
        if _blocked(parsed, v):
            return None
        if v.lemma in ("drive", "force", "evacuate", "expel") \
                or cat == "displaced" and v.lemma not in ("displace", "uproot"):
            return cat if _displacement_complement(parsed, v) or v.lemma in ("evacuate", "expel") else None
        if v.lemma == "seize" and not passive:
            return None
        return cat
    if v.lemma in vocab().INTRANSITIVE and passive is False and obj is None:
        return vocab().INTRANSITIVE[v.lemma]
    return phrase_category(parsed, v)


def intransitive_category(parsed: Parsed, v: Token) -> str | None:
    w = vocab()
    if v.lemma in w.INTRANSITIVE:
        return w.INTRANSITIVE[v.lemma]
    if v.lower in w.ADJECTIVES and (v.tag == "VBG" or v.pos == "ADJ"):  # "are still missing", "dozens more wounded"
        return w.ADJECTIVES[v.lower]
    if v.lemma in ("be", "remain", "go", "lie", "lay") or v.pos == "AUX":
        for c in parsed.children(v.i):
            if c.dep in ("acomp", "attr", "oprd") and (adjective := adjective_category(c)):
                return adjective
    return phrase_category(parsed, v, w.SUBJECT_PHRASES)


def phrase_category(parsed: Parsed, v: Token, table: dict | None = None) -> str | None:
    """Multi-word casualty phrases headed by a verb: "shot dead", "taken hostage", "made homeless", "fled home"."""
    table = vocab().PHRASES if table is None else table
    if v.lemma not in vocab().PHRASE_FIRSTS:
        return None  # no phrase starts with the verb: the words around it cannot make one
    kids = [c for c in parsed.children(v.i)
            if c.dep in ("oprd", "acomp", "dobj", "prt", "advmod", "prep", "xcomp", "ccomp", "npadvmod", "attr")
            or c.dep == "advcl" and c.pos == "ADJ"]  # "shot four marchers dead": the parser hangs "dead" as a clause
    words = {c.lemma for c in kids} | {c.lower for c in kids}
    # A preposition on the verb, or on its object ("treated 40 people for gunshot wounds").
    preps = [c for c in kids if c.dep == "prep"] + [p for c in kids if c.dep == "dobj"
                                                    for p in parsed.children(c.i) if p.dep == "prep"]
    for c in preps:
        words |= {p.lemma for p in parsed.children(c.i)}
        words.add(f"{c.lower}")
    # "shot dead 11 workers": the parser hangs the word right after the verb on its object's number.
    nxt = parsed.tokens[v.i + 1] if v.i + 1 < len(parsed.tokens) else None
    if nxt is not None and any(c.dep == "dobj" and nxt in parsed.subtree(c) for c in kids):
        words |= {nxt.lower, nxt.lemma}
    if _blocked(parsed, v):
        return None  # "took away 12 bodies": no abduction
    for ph, cat in table.items():
        if ph[0] == v.lemma and all(w in words for w in ph[1:] if w not in ("the",)):
            return cat
    return None


def _displacement_complement(parsed: Parsed, v: Token) -> bool:
    """"forced 8,000 to flee", "driven from their homes", "driven tens of thousands of people away"."""
    w = vocab()
    near = {v.i} | {c.i for c in parsed.children(v.i)}  # words on the verb or on its arguments
    for c in parsed.subtree(v)[:60]:
        if c.i != v.i and (c.lemma in w.DISPLACE_NEEDS or c.lower in w.DISPLACE_NEEDS) and c.head in near:
            return True
    return False


def subject_category(parsed: Parsed, subj: Token) -> str | None:
    """"the death toll", "the number of those missing", "the dead": what a copular statement counts."""
    for t in parsed.subtree(subj):
        if t.lemma == "toll":
            mods = {c.lemma for c in parsed.children(t.i)}
            return "injured" if "injury" in mods else "killed"
        cat = vocab().ADJECTIVES.get(t.lower) or vocab().NOUNS.get(t.lemma) if t.lemma not in ("life",) else None
        if cat:
            return cat
    return None


def toll_category(parsed: Parsed, v: Token) -> str | None:
    """"set the toll at 9", "the toll climbed to 30": the verb's subject or object is a toll (or a vague count
    of one: "Scores of fatalities were coded as 40")."""
    for c in parsed.children(v.i):
        if c.dep not in ("nsubj", "dobj", "nsubjpass"):
            continue
        of = [o for p in parsed.children(c.i) if p.dep == "prep" and p.lower == "of"
              for o in parsed.children(p.i) if o.dep == "pobj"]
        for x in [c] + of:
            if x.lemma in vocab().TOLL_NOUNS:
                return subject_category(parsed, x) or ("killed" if x.lemma == "toll" else None)
    return None


def combined(parsed: Parsed, v: Token) -> bool:
    """"killed and wounded 41 people", "killing or wounding 31", "4 smugglers were killed, wounded or captured":
    two harm verbs of different categories share one object (or passive subject), a count of both together. The
    parser hangs the second on the first as a conjunct, or after a comma as a clause of its own; words of their own
    between them ("were killed and 41 injured", "and several injured") make them two statements."""
    w = vocab()
    cat = w.VERBS.get(v.lemma)
    if cat not in w.COMBINED:
        return False
    pair = [parsed.tokens[v.head]] if v.dep in ("conj", "advcl") else []
    pair += [c for c in parsed.children(v.i) if c.dep == "conj" or c.dep == "advcl" and c.tag == "VBN"]
    return any(w.VERBS.get(o.lemma) in w.COMBINED - {cat} and not has_object(parsed, o) and 0 < abs(o.i - v.i) <= 3
               and not (o.i > v.i and has_subject(parsed, o))  # "... and three more injured": their own clause
               and all(t.pos in ("PUNCT", "CCONJ", "ADV") for t in parsed.tokens[min(o.i, v.i) + 1:max(o.i, v.i)])
               for o in pair)
