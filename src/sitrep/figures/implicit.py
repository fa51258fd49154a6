"""Victims told without a number: "A child was killed" (one), "No one was killed" (zero), "gunmen killed the mayor
and his driver" (two), "a judge was killed along with four others" (five), "the body of a priest was found" (one).

A harm verb or a noun of killing with a person as its victim is a statement of its own, scored by `choice`
like a number's; a counted companion already found as a number joins the victim's statement.
"""
from __future__ import annotations

from sitrep.figures.choice import Candidate, choose
from sitrep.figures.context import context_flags
from sitrep.figures.harm_words import phrase_category, verb_category
from sitrep.figures.mention import Mention
from sitrep.figures.modality import modality_cues
from sitrep.figures.persons import counts_people, is_companion, one_person, singular_victim, victim_kind, victim_span
from sitrep.figures.syntax import has_object, has_subject, of_objects, passive_aux, shared_subject_conjuncts
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity, find_quantities


def implicit_mentions(parsed: Parsed, s: int, found: list[Mention]) -> list[Mention]:
    """Victims told without a number: "A child was killed" (one), "No one was killed or wounded" (zero), "gunmen
    killed the mayor and his driver" (two), "a judge was killed along with four others" (five).

    A counted companion ("along with four others", "and seven members of his family") already found as a number
    joins the victim's figure instead of standing as its own."""
    out: list[Mention] = []
    taken = {m.nominal for m in found}
    for v in parsed.sentence_tokens(s):
        if v.pos not in ("VERB", "AUX") and v.tag not in ("VBN", "VBD"):
            continue
        cats = _implicit_categories(parsed, v)
        if not cats:
            continue
        arg = _victim_argument(parsed, v)
        if arg is not None and arg.lower in ("who", "that", "whom") and v.dep == "relcl":
            arg = parsed.tokens[v.head]  # "a judge who was killed"
        lost = _lost_singular_subject(parsed, v, cats[0][0], found) if arg is None else None
        if arg is not None and lost is None and arg.ent in vocab().NOT_PERSON_ENTITIES:
            # "Around 15 January, in X, a nurse was found dead": the parser gave the verb a date or a place as subject
            lost = _lost_singular_subject(parsed, v, cats[0][0], found) or _root_subject(parsed, v, cats[0][0], found)
        if lost is not None:
            arg = lost
        if arg is None or arg.i in taken:
            continue
        kids = parsed.children(arg.i)
        dets = {c.lower for c in kids if c.dep == "det"}
        if arg.like_num and "no" not in dets:
            continue
        zero = arg.lower in ("nobody", "none", "noone") or ("no" in dets and arg.lemma in vocab().ZERO_NOUNS)
        reasons: list[str] = []
        if not zero and cats[0][0] in vocab().NO_ONE_VICTIM:
            continue  # "a motorist who escaped": one person's flight is no displacement figure
        if lost is not None:
            value = 1
            reasons.append(f"'{v.text}' in the singular with its subject lost in the parse ('{arg.text}'): one")
        else:
            value = 0 if zero else singular_victim(parsed, arg, cats[0][0], reasons)
        if value is None:
            continue
        told = Candidate("victim_without_number", cats[0][0], v.i, v.text)
        told.cues.extend(modality_cues(parsed, v, negation=not zero))
        choice = choose([told], [])
        if not choice.figure:
            continue
        absorbed: list[Mention] = []
        numbered = 0
        if not zero:
            said = len(reasons)
            more = _companions(parsed, v, arg, cats[0][0], found, absorbed, reasons)
            numbered = more - sum(1 for r in reasons[said:] if r.endswith(": one more"))  # "and 15 others"
            value += more
        made = False
        for cat, anchor in cats:
            m = _victim_mention(parsed, cat, value, "zero" if zero else "exact", s, anchor, arg,
                                reasons + choice.reasons, implicit=not zero and not numbered)
            if m is not None:
                out.append(m)
                made = True
        if made:
            for x in absorbed:
                if x in found:
                    found.remove(x)
        taken.add(arg.i)
    return out


def victim_of_noun(parsed: Parsed, s: int, found: list[Mention]) -> list[Mention]:
    """"the body of a priest was found", "the killing of journalist Ruth Adeyemi": one victim after a noun of
    killing, told without a number."""
    w = vocab()
    out: list[Mention] = []
    taken = {m.nominal for m in found}
    for t in parsed.sentence_tokens(s):
        if t.pos != "NOUN" or t.lemma not in w.VICTIM_OF_NOUNS and not _an_outcome(parsed, t):
            continue
        told = Candidate("victim_of_killing_noun", "killed", t.i, t.text)
        told.cues.extend(modality_cues(parsed, t, negation=False))
        if t.lemma not in w.BODY_NOUNS and t.dep == "pobj" and parsed.tokens[t.head].lower in w.MOTIVE_PREPS \
                and "motive" not in told.cues:
            told.cues.append("motive")  # "protesters marched over the killing of a student": told of another time
        choice = choose([told], [])
        if not choice.figure:
            continue
        # "the body of a priest", and "a teacher's body" (a body noun's possessor)
        owners = [c for c in parsed.children(t.i) if c.dep == "poss"] if t.lemma in w.BODY_NOUNS else []
        args = [*of_objects(parsed, t), *owners]
        for arg in args:
            if arg.i in taken or arg.like_num:
                continue
            reasons = [f"'{t.text} of': a killing"]
            value = singular_victim(parsed, arg, "killed", reasons)
            if value is None:
                continue
            m = _victim_mention(parsed, "killed", value, "exact", s, t, arg, reasons + choice.reasons, implicit=True)
            if m is not None:
                out.append(m)
                taken.add(arg.i)
        alone = None if args or t.i in taken else _one_told_alone(parsed, t)
        if alone is not None:
            m = _victim_mention(parsed, "killed", 1, "exact", s, t, alone[0], [alone[1]] + choice.reasons,
                                implicit=True)
            if m is not None:
                out.append(m)
                taken.add(t.i)
    return out


def _one_told_alone(parsed: Parsed, t: Token) -> tuple[Token, str] | None:
    """One victim told by the noun alone: "a body was found" (a singular body noun after "a", found), "leading to
    her death" (a death as an event's outcome, its owner one person). The victim's words and the reason."""
    w = vocab()
    kids = parsed.children(t.i)
    if t.lemma in w.BODY_NOUNS and t.tag == "NN" and any(c.dep == "det" and c.lower in ("a", "an") for c in kids) \
            and t.dep in ("nsubjpass", "dobj") and parsed.tokens[t.head].lemma in w.BODY_FOUND_VERBS:
        return t, f"'a {t.text}' found: one killed"
    owner = next((c for c in kids if c.dep == "poss" and c.lower in w.ONE_OWNERS), None)
    if owner is not None and t.lemma in w.OUTCOME_NOUNS and _an_outcome(parsed, t):
        return owner, f"'{owner.text} {t.text}' as an outcome: one killed"
    return None


def _victim_mention(parsed: Parsed, category: str, value: int, qualifier: str, s: int, anchor: Token, arg: Token,
                    reasons: list[str], implicit: bool) -> Mention | None:
    """The statement of victims told without a number in sentence `s`, with its clause's flags; None when it is a
    tally."""
    m = Mention(category, value, value, qualifier, victim_span(parsed, arg), s, anchor.i, arg.i,
                victims=victim_kind(parsed, arg), reasons=reasons, implicit=implicit)
    context_flags(parsed, m, anchor, arg)
    return None if m.aggregate else m


def _an_outcome(parsed: Parsed, t: Token) -> bool:
    """"resulting in the death of its owner", "leading to the death of the local", "caused the death of": a noun of
    death told as what the event brought about."""
    if t.lemma not in vocab().OUTCOME_NOUNS:
        return False
    head = parsed.tokens[t.head]
    verb = parsed.tokens[head.head] if t.dep == "pobj" and head.lower in ("in", "to") \
        else head if t.dep == "dobj" else None
    return verb is not None and verb.lemma in vocab().OUTCOME_VERBS


def _lost_singular_subject(parsed: Parsed, v: Token, category: str, found: list[Mention]) -> Token | None:
    """"In Porto Alto, a fugitive from the prison was killed": the parser hangs the subject elsewhere, but "was killed"
    tells one victim. The noun just before the verb stands for it; None where a number already counts the verb's
    victims or nothing before it could be a victim."""
    w = vocab()
    if not _one_victim_passive(parsed, v, category, found):
        return None
    start = parsed.sents[v.sent][0]
    for j in range(v.i - 1, max(start, v.i - 10) - 1, -1):
        t = parsed.tokens[j]
        if t.pos in ("VERB",) or t.like_num:
            return None
        if t.tag in ("NN", "NNP") and t.lemma not in w.NOT_PEOPLE \
                and t.ent not in ("GPE", "LOC", "FAC", "DATE", "TIME"):
            return t
    return None


def _root_subject(parsed: Parsed, v: Token, category: str, found: list[Mention]) -> Token | None:
    """"A respected editor working for the weekly Dunavska Pravda was killed": the parser made the whole
    sentence one noun phrase and gave "was killed" the newspaper's name (no person) as subject. The sentence's root
    noun, one person told before the singular passive, is its victim."""
    if v.dep != "relcl" or not _one_victim_passive(parsed, v, category, found):
        return None
    root = next((t for t in parsed.sentence_tokens(v.sent) if t.dep == "ROOT"), None)
    if root is None or root.i >= v.i or root.pos != "NOUN" or not one_person(parsed, root, category, []):
        return None
    return root


def _one_victim_passive(parsed: Parsed, v: Token, category: str, found: list[Mention]) -> bool:
    """"was killed": a singular passive of a harm whose victims are people, and no number counts its victims."""
    return category in vocab().ONE_VICTIM_CATEGORIES and not any(m.anchor == v.i for m in found) \
        and any(c.dep == "auxpass" and c.lower in ("was", "is") for c in parsed.children(v.i))


def _companions(parsed: Parsed, v: Token, arg: Token, category: str, found: list[Mention],
                absorbed: list[Mention], reasons: list[str]) -> int:
    """People killed with the victim: "along with four others" (4), "alongside his wife and son" (2), "and seven
    members of his family" (7, a count already found: absorbed into the victim's figure)."""
    w = vocab()
    by_nominal = {m.nominal: m for m in found if m.category == category and m.sent == arg.sent}
    heads = []
    for x in (v, arg, *shared_subject_conjuncts(parsed, v)):  # "was killed and burned along with his wife"
        for c in parsed.children(x.i):
            if c.dep == "prep" and c.lower in w.COMPANION_PREPS:
                heads.extend(p for p in parsed.children(c.i) if p.dep == "pobj")
                # "along with": the parser hangs "with" on "along"
                for k in parsed.children(c.i):
                    if k.dep == "prep" and k.lower == "with":
                        heads.extend(p for p in parsed.children(k.i) if p.dep == "pobj")
    # "a village elder, his wife and four daughters": a counted conjunct anywhere in the victim's coordination
    heads.extend(c for c in _conjuncts(parsed, arg) if c.i in by_nominal)
    # "killed a magistrate loyal to the old regime and three members of his household": a count after "and" that
    # joins the same harm verb's objects, though the parser hung it inside the victim's phrase
    toks = parsed.tokens
    heads.extend(toks[m.nominal] for m in by_nominal.values()
                 if m.anchor == v.i and m.span.start > arg.idx and toks[m.nominal].dep == "conj"
                 and any(t.lower == "and" and t.end <= m.span.start for t in toks[max(0, m.nominal - 4):m.nominal])
                 and toks[m.nominal] not in heads)
    counts = {_counted(parsed, q): q for q in find_quantities(parsed, arg.sent)}
    n = 0
    for h in heads:
        for p in [h, *_conjuncts(parsed, h)]:  # "along with his daughter, son-in-law and cook"
            m = by_nominal.get(p.i)
            q = counts.get(p.i)
            if m is None and q is not None and q.headline is not None and counts_people(p):
                n += q.headline
                reasons.append(f"with '{p.text}': {q.headline} more")
                continue
            if m is not None and m.headline is not None and (m.victims == "unknown" or
                                                              m.victims == victim_kind(parsed, arg) or
                                                              victim_kind(parsed, arg) == "unknown"):
                n += m.headline
                absorbed.append(m)
                reasons.append(f"with '{p.text}': {m.headline} more")
            elif is_companion(p) and not p.like_num and (
                    one_person(parsed, p, category, [])
                    or p is not h and p.tag == "NN" and one_person(parsed, h, category, [])):
                # ("his wife, mother and driver": the later ones share the first one's "his")
                n += 1
                reasons.append(f"with '{p.text}': one more")
    return n


def _conjuncts(parsed: Parsed, t: Token) -> list[Token]:
    """The words coordinated with `t`, down the parser's chain ("his daughter, son-in-law and cook": each hangs on
    the one before)."""
    out: list[Token] = []
    stack = [t]
    while stack:
        for c in parsed.children(stack.pop().i):
            if c.dep == "conj" or c.dep == "appos" and _listed(parsed, c):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda c: c.i)


def _listed(parsed: Parsed, t: Token) -> bool:
    """An apposition that is the middle of a list ("his wife, brother and cook"): it has conjuncts of its own and
    no article (not "his wife, a teacher", which says who she was)."""
    kids = parsed.children(t.i)
    return any(c.dep == "conj" for c in kids) and not any(c.dep == "det" for c in kids)


def _counted(parsed: Parsed, q: Quantity) -> int:
    """The noun a number counts ("four others" -> "others"), or the number itself."""
    head = parsed.tokens[q.head]
    return head.head if head.dep == "nummod" else head.i


def _implicit_categories(parsed: Parsed, v: Token) -> list[tuple[str, Token]]:
    """The casualty categories a verb and the verbs coordinated with it assert: "killed or wounded"."""
    w = vocab()
    cat = verb_category(parsed, v, passive=True) if v.lemma in w.VERBS else (
        w.INTRANSITIVE.get(v.lemma) or phrase_category(parsed, v) or phrase_category(parsed, v, w.SUBJECT_PHRASES))
    if cat is None:
        return []  # (most verbs: their subject is not read)
    own_subject = has_subject(parsed, v)
    if v.dep == "conj" and parsed.tokens[v.head].lemma in w.VERBS and not own_subject \
            and not has_object(parsed, v):  # "killed a farmer and wounded another": its own victim
        return []
    out = [(cat, v)]
    for c in parsed.children(v.i):
        own_subject = any(k.dep in ("nsubj", "nsubjpass", "dobj") for k in parsed.children(c.i))
        if c.dep != "conj" or own_subject:  # "killed or wounded", not "and killed four"
            continue
        # "was kidnapped by five men and hacked to death": a harm verb or phrase of its own
        also = w.VERBS.get(c.lemma) or phrase_category(parsed, c)
        if also:
            out.append((also, c))
    return out


def _victim_argument(parsed: Parsed, v: Token) -> Token | None:
    """The victim of a casualty verb: its passive subject, an intransitive's subject, an active one's object; a verb
    coordinated with another and no subject of its own ("was ambushed and murdered") takes the other's."""
    kids = parsed.children(v.i)
    passive = any(c.dep in ("auxpass", "nsubjpass") for c in kids)
    subjects = [c for c in kids if c.dep == "nsubjpass"]
    if passive and len(subjects) > 1:
        # "In Araguaina, Tocantins, a driver was killed": the parser took the place's name for a second subject; the
        # victim is the subject no place or group names, nearest the verb.
        people = [c for c in subjects if c.ent not in vocab().NOT_PERSON_ENTITIES]
        return max(people or subjects, key=lambda c: c.i if c.i < v.i else -c.i)
    for c in kids:
        if passive and c.dep == "nsubjpass":
            return c
        if not passive and v.lemma in vocab().INTRANSITIVE and c.dep == "nsubj":
            return c
        if not passive and v.lemma not in vocab().INTRANSITIVE and c.dep == "dobj":
            return c
        if not passive and c.dep == "nsubj" and phrase_category(parsed, v, vocab().SUBJECT_PHRASES):
            return c
        if not passive and c.dep == "nsubj" and v.lemma in vocab().VERBS and not has_object(parsed, v) \
                and not any(k.dep == "conj" and has_object(parsed, k) for k in kids) \
                and not any(k.dep == "aux" for k in kids) \
                and (v.tag == "VBN" or v.dep == "conj" and passive_aux(parsed, parsed.tokens[v.head])):
            return c  # "... and his brother wounded": a passive with its auxiliary left out
    head = parsed.tokens[v.head]
    if v.dep in ("xcomp", "oprd", "advcl") and head.lemma in vocab().RAISING and head.i == v.i - 1:
        # "a priest was found shot dead", "a guard was reported killed": the raising verb's subject
        subj = next((c for c in parsed.children(head.i) if c.dep == "nsubjpass"), None)
        if subj is not None:
            return subj
    if v.dep == "conj" and head.i != v.i and not has_subject(parsed, v):
        hk = parsed.children(head.i)
        if any(c.dep in ("auxpass", "nsubjpass") for c in hk):
            return next((c for c in hk if c.dep == "nsubjpass"), None)
    return None
