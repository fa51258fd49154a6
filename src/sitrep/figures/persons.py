"""People: whom a count is of (civilians, security forces, militants, a mix), whether a word names a person, and
how many people a victim told without a number is ("a journalist" is one, "the mayor and his driver" two).
"""
from __future__ import annotations

from sitrep.figures.syntax import counted_by_number
from sitrep.figures.vocab import vocab
from sitrep.model import Span
from sitrep.nlp import Parsed, Token


def victim_kind(parsed: Parsed, nominal: Token) -> str:
    """Whom the count is of: civilians, security forces, militants, a mix, or unknown."""
    # ("5 guards and 2 drivers": the drivers are a count of their own, not of the guards' kind)
    own = {t.i for c in parsed.children(nominal.i) if c.dep == "conj" and c.i > nominal.i
           and any(k.dep == "nummod" for k in parsed.children(c.i)) for t in parsed.subtree(c)}
    words = [nominal] + [c for c in parsed.subtree(nominal) if c.i - nominal.i < 12 and c.i not in own]
    lowers = [t.lower for t in words]
    text = " ".join(lowers)
    if any(" ".join(m) in text for m in vocab().MIXED):
        return "mixed"
    kinds = []
    for t in words:
        if t.dep in ("relcl", "acl") and t.i != nominal.i:
            break
        kind = vocab().VICTIM_WORDS.get(t.lemma) or vocab().VICTIM_WORDS.get(t.lower)
        if kind and kind not in kinds:
            kinds.append(kind)
    if len(kinds) > 1:
        return "mixed"
    return kinds[0] if kinds else "unknown"


def is_person(t: Token) -> bool:
    w = t.lemma
    if w in vocab().NOT_PEOPLE:
        return False
    return w in vocab().VICTIM_WORDS or w in vocab().PEOPLE_NOUNS or t.ent == "PERSON" or w.endswith(
        ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee", "ier", "eer")
    ) or w in ("child", "boy", "girl", "baby", "person", "toddler", "teen", "youth", "civilian")


def is_companion(t: Token) -> bool:
    """A person, or a word for people with someone ("members", "relatives")."""
    return t.lemma in vocab().COMPANIONS or is_person(t)


def counts_people(t: Token) -> bool:
    """Does a count of this noun count people ("four members of his staff")?"""
    return t.lemma in vocab().PEOPLE_NOUNS or is_companion(t)


def one_person(parsed: Parsed, t: Token, category: str, reasons: list[str]) -> bool:
    """Is `t` one person? Strictly a person noun after "a" for any category; for the killed and injured (whose
    victims are people) any singular noun that is no thing, place or group, with a determiner, or a person's name."""
    w = vocab()
    kids = parsed.children(t.i)
    if t.lower == "another" and category in w.ONE_VICTIM_CATEGORIES \
            and t.dep in ("dobj", "nsubj", "nsubjpass", "conj"):
        reasons.append("'another': one more person")  # "killing one and wounding another"
        return True
    if t.dep == "conj":  # "his wife and son": the son is his too
        kids = kids + parsed.children(t.head)
    dets = {c.lower for c in kids if c.dep in ("det", "poss")}
    # "a youth was killed", "a police personnel": a word for many is one person after "a"
    one_of_many = bool(dets & {"a", "an", "one"}) and t.tag == "NN" and is_person(t)
    if t.lemma in w.NOT_PEOPLE or (t.lemma in w.COLLECTIVE or t.lower in w.COLLECTIVE) and not one_of_many \
            or t.tag in ("NNS", "NNPS", "PRP"):
        return False
    # "killed a civilian": the tagger often takes a person word for an adjective; after "a" it is the person.
    # ... and a title written in capitals ("a Deputy Superintendent") is a person too, unless it names a place
    title = t.tag == "NNP" and t.ent not in ("GPE", "LOC", "FAC", "DATE", "TIME")
    if dets & {"a", "an", "one"} and (t.tag == "NN" or title or t.tag == "JJ" and t.lemma in w.VICTIM_WORDS) \
            and is_person(t):
        reasons.append(f"'{t.text}': a person, one")
        return True
    if category not in w.ONE_VICTIM_CATEGORIES:
        return False
    if not dets and t.tag == "NN" and t.dep == "dobj" and _headline_verb(parsed, parsed.tokens[t.head]) \
            and not any(c.dep in ("det", "poss", "nummod") for c in kids) and is_person(t):
        reasons.append(f"'{t.text}': a headline's bare singular victim ('kills police officer'), one")
        return True
    if not dets and t.tag == "NN" and t.dep in ("dobj", "nsubjpass") and is_person(t) \
            and not any(c.dep == "nummod" for c in kids) \
            and any(c.dep == "compound" or c.dep == "prep" and c.lower == "of" for c in kids):
        reasons.append(f"'{t.text}': a title told without an article ('killed director of the clinic'), one")
        return True
    if t.ent in w.NOT_PERSON_ENTITIES:
        return False
    if t.pos == "PROPN":
        if t.ent == "PERSON":
            reasons.append(f"'{t.text}': a person's name, one")
            return True
        return False
    if t.tag == "NN" and (dets & w.SINGULAR_DETS or any(c.dep == "poss" for c in kids)):
        reasons.append(f"'{t.text}': one, the victim of a {category} word")
        return True
    return False


def _headline_verb(parsed: Parsed, v: Token) -> bool:
    """A verb in a headline's present ("Gunmen kill farmer", "Blast kills officer"): no auxiliary, no "to"."""
    return v.tag in ("VBZ", "VBP", "VB") and not any(c.dep in ("aux", "auxpass") for c in parsed.children(v.i))


def singular_victim(parsed: Parsed, arg: Token, category: str, reasons: list[str]) -> int | None:
    """1 for one person told without a number: "a journalist", "the village chief", "Daniel Okoro", and one
    more for each person coordinated with it ("the council head and a government employee")."""
    if not one_person(parsed, arg, category, reasons):
        # "The party's district chairman ..., Musa Bello, has been killed": the name in apposition
        named = [a for c in parsed.children(arg.i) if c.dep == "appos"
                 for a in [c, *[k for k in parsed.children(c.i) if k.dep == "appos"]]]
        if not any(one_person(parsed, a, category, reasons) for a in named):
            return None
    return 1 + coordinated_persons(parsed, arg, category, reasons)


def coordinated_persons(parsed: Parsed, t: Token, category: str, reasons: list[str]) -> int:
    """One for each person coordinated with `t` and told without a number: "the council head and a government
    employee" (one more), "six rangers and their captain" (one more than six), "his daughter, son-in-law and cook"
    (three more). A person needs words of their own (a determiner, a possessive, a name): "a local activist and
    chair of the water committee" is one person."""
    n = 0
    stack = [t]
    while stack:
        x = stack.pop()
        for c in parsed.children(x.i):
            if c.dep != "conj":
                continue
            own = any(k.dep in ("det", "poss") for k in parsed.children(c.i)) or c.ent == "PERSON" \
                or c.lower == "another"
            # "the killing of 2 guards and the wounding of 5 others": a person, not another act of the clause
            person = not (c.tag == "VBG" or c.lower.endswith("ing") or c.lemma in vocab().OF_NOUNS)
            # "6 members of the league, including two clerks and a chairman": a part of the count, not more
            # ... nor a name in brackets after a place ("a pickpocket in Kalikapur (Kalikapur Sadar, Barisal)")
            inside = any(k.lower in vocab().SUBSET_PREPS or k.text == "(" for k in parsed.tokens[t.i + 1:c.i])
            if own and person and not inside and not c.like_num and not counted_by_number(parsed, c) \
                    and one_person(parsed, c, category, []):
                n += 1
                reasons.append(f"and '{c.text}': one more")
                stack.append(c)
    return n


def victim_span(parsed: Parsed, arg: Token) -> Span:
    """The words of a victim told without a number, with its determiner and modifiers ("the village chief")."""
    start = min([arg.i] + [c.i for c in parsed.children(arg.i)
                           if c.dep in ("det", "poss", "amod", "compound") and c.i < arg.i])
    return Span(parsed.tokens[start].idx, arg.end)
