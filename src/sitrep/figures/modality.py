"""Is a harm word told as what happened? Not when it is hypothetical ("could kill thousands", "threatened to
kill"), negated ("were not killed") or habitual ("civilians are also killed in the crossfire"). These are cues of
the harm word that `choice` weighs against it.
"""
from __future__ import annotations

from sitrep.figures.context import verbal_anchor
from sitrep.figures.syntax import has_subject
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token


def modality_cues(parsed: Parsed, anchor: Token, negation: bool = True, habit: bool = False) -> list[str]:
    """The cues against a harm word told as what happened: "hypothetical", "negated" (where asked),
    "habitual" (where asked: for vague counts) and "motive", in that order."""
    out = []
    if hypothetical(parsed, anchor):
        out.append("hypothetical")
    if negation and negated(parsed, anchor):
        out.append("negated")
    if habit and habitual(parsed, anchor):
        out.append("habitual")
    if motive(parsed, anchor):
        out.append("motive")
    return out


def motive(parsed: Parsed, anchor: Token) -> bool:
    """"in reprisal for the killing of 6 of their fighters", "avenging the murder of two scouts", "a detainee accused
    of killing four herders": a harm word that a word of motive, or of an allegation describing someone, governs
    (through its preposition, or as its object) tells another time's killing, not this event's."""
    return _governed_as_motive(parsed, anchor) or _inside_a_motive(parsed, anchor)


def _governed_as_motive(parsed: Parsed, anchor: Token) -> bool:
    t = anchor
    if t.dep in ("pobj", "pcomp") and t.head != t.i:
        t = parsed.tokens[t.head]  # the preposition
    elif t.dep != "dobj":
        return False
    if t.head == t.i:
        return False
    governor = parsed.tokens[t.head]
    return governor.lemma in vocab().MOTIVE_GOVERNORS \
        or governor.lemma in vocab().ALLEGATION_GOVERNORS and governor.dep == "acl"  # "a detainee accused of"


def _inside_a_motive(parsed: Parsed, anchor: Token) -> bool:
    """"rallied over the death of their classmate who died in custody": a harm word inside the victim's phrase of a
    killing told as a protest's cause (the noun of killing after "over", "against", "about") is that cause, not a
    toll."""
    w = vocab()
    for x in list(parsed.ancestors(anchor))[:5]:
        if x.pos == "NOUN" and x.lemma in w.VICTIM_OF_NOUNS | w.OUTCOME_NOUNS and x.lemma not in w.BODY_NOUNS \
                and x.dep == "pobj" and parsed.tokens[x.head].lower in w.CAUSE_PREPS:
            return True
    return False


def hypothetical(parsed: Parsed, anchor: Token) -> bool:
    """"could kill thousands", "threatened to kill" - no figure. "may have killed" is a hedged past: kept."""
    w = vocab()
    v = verbal_anchor(parsed, anchor)
    chain = [v] + [a for a in parsed.ancestors(v)][:3]
    for k, t in enumerate(chain):
        kids = parsed.children(t.i)
        modal = [c for c in kids if c.dep == "aux" and c.lower in w.MODALS]
        perfect = any(c.dep == "aux" and c.lemma == "have" for c in kids)
        if modal and not perfect and k == 0:
            return True
        if k > 0 and t.lemma in w.HYPOTHETICAL_GOVERNORS \
                and chain[k - 1].dep in ("xcomp", "ccomp", "pcomp", "advcl") \
                and not any(c.dep == "mark" and c.lower in w.TOLD_AS_FACT for c in parsed.children(chain[k - 1].i)) \
                and not any(c.dep in ("auxpass", "nsubjpass") for c in kids) \
                and not _told_before_governor(parsed, chain[k - 1], t):  # "are feared to have been killed"
            return True  # "ordered troops to kill"; not "ordered a meeting after 22 people were killed"
        if chain[k].dep not in ("xcomp", "ccomp", "conj", "pcomp", "advcl"):
            break
    return False


def _told_before_governor(parsed: Parsed, clause: Token, governor: Token) -> bool:
    """"Eight persons have been shot ...; a gang popularly called X": a clause with a subject of its own, told before
    the verb the parser hung it on, is told as it happened; a plan or a threat comes after its verb ("threatened to
    kill", "called for the killing")."""
    return clause.i < governor.i and has_subject(parsed, clause)


def negated(parsed: Parsed, anchor: Token) -> bool:
    return any(c.dep == "neg" for c in parsed.children(anchor.i))


def habitual(parsed: Parsed, anchor: Token) -> bool:
    """"Scores of civilians are also killed in the crossfire": a simple-present passive of a vague count tells what
    keeps happening, not an event; a report tells its own toll in the past ("were killed") or the perfect. Stated
    numbers are left alone: coders' notes tell their events in the present ("3 civilians are killed")."""
    v = parsed.tokens[anchor.i]
    if v.pos != "VERB" or v.tag != "VBN":
        return False
    kids = parsed.children(v.i)
    return any(c.dep == "auxpass" and c.tag in ("VBP", "VBZ") for c in kids) \
        and not any(c.dep == "aux" for c in kids)
