"""The routes by which a harm word governs a count: every way the words can say what a number counts.

"500 people have been killed" (the count is the verb's passive subject), "killed 12" (its object), "8,000 have
fled" (an intransitive's subject), "left 12 dead", "the bodies of two men", "3,150 displaced persons", "the toll
rose to 45", "12 feared dead", and the routes read off the word order where the parse fails (`word_order`).
Several routes can hold at once; each is a `Candidate` that `choice` scores. Cues of the number met on the
way (two harms sharing one object, an age, a mere status) are added to the number's cues.
"""
from __future__ import annotations

from sitrep.figures.choice import Candidate
from sitrep.figures.harm_words import (
    combined,
    intransitive_category,
    phrase_category,
    subject_category,
    toll_category,
    verb_category,
    word_category,
)
from sitrep.figures.number_cues import inner_noun
from sitrep.figures.persons import counts_people
from sitrep.figures.syntax import has_object, has_subject, passive_aux, shared_subject_conjuncts
from sitrep.figures.vocab import vocab
from sitrep.figures.word_order import harm_verb_before, linear_category, object_of_verb_before, verb_in_order
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity


def candidates(parsed: Parsed, nominal: Token, q: Quantity, number_cues: list[str]) -> list[Candidate]:
    """Every route by which a casualty word governs the count held by `nominal`, in the order of their weights;
    cues of the number met on the way (a shared object of two harms, an age, a mere status) join `number_cues`."""
    toks = parsed.tokens
    out: list[Candidate] = []

    def add(route: str, cat: str | None, anchor: Token) -> bool:
        if cat:
            out.append(Candidate(route, cat, anchor.i, anchor.text))
        return bool(cat)

    # "50 killed, 86 injured": a participle right after the count, hanging on it, says what it counts.
    nxt = toks[q.end] if q.end < len(toks) and toks[q.end].sent == nominal.sent else None
    if nxt is not None and nominal.i == q.head and nxt.head == q.head and nxt.dep in ("acl", "amod", "relcl"):
        add("participle_after", _participle_category(parsed, nxt), nxt)
    # ... or right after the counted noun made a subject: "five soldiers killed and five others gone missing" (the
    # participle says what the count is, whatever verb the parser made the noun the subject of; not "executed six
    # people captured in a raid", where the verb that takes them as object does). Added last, where another route
    # tells another harm.
    after = toks[nominal.i + 1] if nominal.i + 1 < len(toks) and nominal.i != q.head else None
    after_cat = _participle_category(parsed, after) if after is not None and after.sent == nominal.sent \
        and after.head == nominal.i and after.dep == "acl" and after.tag == "VBN" \
        and nominal.dep in ("nsubj", "nsubjpass") else None
    # "left 12 dead", "the 20 wounded": the number counts a casualty adjective.
    if nominal.i != q.head and (nominal.lower in vocab().ADJECTIVES) and nominal.pos in ("ADJ", "NOUN", "VERB"):
        add("casualty_adjective", vocab().ADJECTIVES[nominal.lower], nominal)
    # "nine fighters were reported killed and 8 others injured": a conjunct with a casualty participle of its own.
    if nominal.dep in ("conj", "appos"):
        for c in parsed.children(nominal.i):
            if c.dep in ("acl", "amod") and c.i > nominal.i:
                if add("conjunct_participle", _participle_category(parsed, c), c):
                    break
    gov_tok, role, gov = _governor(parsed, nominal, q)
    if role in ("nsubjpass", "nsubj") and gov.lemma in vocab().RAISING:
        # "300 people are believed to have been killed", "12 feared dead", "five reported killed".
        for c in parsed.children(gov.i):
            if c.dep in ("xcomp", "oprd", "acomp", "ccomp") or c.dep == "advcl" and c.i == gov.i + 1:
                cat = word_category(parsed, c) or (
                    verb_category(parsed, c, passive=True) if passive_aux(parsed, c)
                    else intransitive_category(parsed, c)) or phrase_category(parsed, c)
                if add("raised_subject", cat, c):
                    break
    if role == "nsubjpass":
        # "were shot and killed", "were attacked and killed": the verb or one coordinated with it, with no subject
        for v in [gov, *shared_subject_conjuncts(parsed, gov)]:
            if add("passive_subject", verb_category(parsed, v, passive=True), v):
                break
    if role == "nsubj":
        add("intransitive_subject", intransitive_category(parsed, gov), gov)
    if role == "nsubj" and gov.pos == "VERB":
        # "5 gunmen stormed the post and were killed": a passive conjunct with no subject of its own is the count's
        lost = [c for c in parsed.children(gov.i) if c.dep == "conj" and c.tag == "VBN" and c.i > gov.i
                and passive_aux(parsed, c) and not has_subject(parsed, c)]
        for v in lost:
            if add("passive_subject", verb_category(parsed, v, passive=True), v):
                break
    if role in ("dobj", "nsubjpass") and combined(parsed, gov):
        number_cues.append("combined")  # "killed and wounded some 35 people": the dead and the hurt together
    if role in ("dobj", "dative", "npadvmod", "nsubj") and gov.pos in ("VERB", "AUX"):
        if role != "nsubj" or (gov.tag == "VBN" and not has_object(parsed, gov)):
            add("object", verb_category(parsed, gov, passive=False, obj=gov_tok), gov)
    if role == "nsubj" and gov.lemma == "be":
        # "were, yesterday, killed": the parser hangs the count on the auxiliary
        for v in parsed.children(gov.i):
            if v.dep in ("acomp", "conj", "xcomp", "advcl") and v.tag == "VBN" and v.i > gov.i:
                if add("auxiliary_subject", verb_category(parsed, v, passive=True), v):
                    break
    if role == "pobj":
        prep = gov
        above = toks[prep.head]
        if prep.lower == "of" and (above.lemma in vocab().OF_NOUNS):
            add("of_harm_noun", vocab().OF_NOUNS[above.lemma], above)
        if prep.lower == "of" and above.lemma in vocab().TOLL_OF_NOUNS:
            add("of_toll_noun", subject_category(parsed, above), above)
        if prep.lower in vocab().TOLL_PREPS and above.pos in ("VERB", "AUX"):
            add("toll_verb", toll_category(parsed, above), above)
    if role == "attr" and gov.lemma == "be":
        for c in parsed.children(gov.i):
            if c.dep in ("nsubj", "nsubjpass") and c.tag == "NN" and c.lemma not in vocab().COPULAR_TOLL_SUBJECTS:
                number_cues.append("age")  # "the wounded boy was 12"
                break
            if c.dep in ("nsubj", "nsubjpass") and add("copular_toll", subject_category(parsed, c), c):
                break
    # A modifier of the counted noun: "3,150 displaced persons", "two dead men", "people killed", "3 people who
    # were killed", "those missing".
    status_only = modified = False
    for c in parsed.children(nominal.i):
        if c.i == q.head:
            continue
        if c.dep in ("amod", "acl", "relcl", "compound") and c.i != nominal.i:
            cat = word_category(parsed, c, as_modifier=True)
            if cat == "displaced" and c.dep == "amod" and _acts(parsed, nominal):
                status_only = True  # "20,000 displaced people voted": a status of people who did something else
                continue
            if add("harm_modifier", cat if cat and not has_object(parsed, c) else None, c):
                modified = True
                break
    if status_only and not modified:
        number_cues.append("displaced_status")
    # The counted noun is itself a casualty noun: "20 deaths", "200 refugees", "hundreds of deaths".
    inner = inner_noun(parsed, nominal)
    for lemma in (nominal.lemma if nominal.i != q.head else None, inner):
        if lemma in vocab().NOUNS and lemma not in ("toll", "life", "dead"):
            add("casualty_noun", vocab().NOUNS[lemma], nominal)
            break
    # A count set after a casualty noun as a label, in a clause with no verb: "Total fatalities 2", "Deaths: 3".
    label = toks[nominal.head]
    if nominal.i == q.head and nominal.dep in ("appos", "advmod", "npadvmod", "dep") and label.i < q.start \
            and label.dep == "ROOT" and label.lemma in vocab().NOUNS and label.lemma not in ("toll", "life"):
        add("label_noun", vocab().NOUNS[label.lemma], label)
    # "killed 12 people and 30 others were injured": a count opening a clause, followed by its verb (where the parse
    # already hangs the count on that verb, its own route says so).
    in_order = verb_in_order(parsed, q)
    if in_order and not any(c.anchor == in_order[1].i for c in out):
        add("subject_in_order", *in_order)
    if nominal.dep == "conj" and q.start > 0 and toks[q.start - 1].lower == "and" and counts_people(nominal):
        # "killed a mayor allied with the insurgents and four members of his staff": the parser hung the count on
        # a noun inside the first victim's phrase; it is the harm verb's second object.
        v = harm_verb_before(parsed, q)
        if v is not None:
            add("coordinated_object", verb_category(parsed, v, passive=False), v)
    after = toks[nominal.i + 1] if nominal.i + 1 < len(toks) and nominal.i >= q.head else None
    if role in ("nsubj", "ROOT", "dep", "npadvmod") or nominal.i == q.head \
            or after is not None and after.tag == "VBN" and after.lemma in vocab().VERBS:
        # ("resulting in 1 soldier killed": a participle right after the counted noun, whatever the parse)
        # Headlines and loose parses: "5 killed in bomb attacks", "two injured by shelling".
        found = linear_category(parsed, q) or (object_of_verb_before(parsed, q) if nominal.i == q.head else None)
        if found:
            add("headline_order", found[0], found[1])
    if after_cat and any(c.category != after_cat for c in out):
        add("participle_after", after_cat, after)
    return out


def _participle_category(parsed: Parsed, t: Token) -> str | None:
    """The harm a participle tells of the count it hangs on ("50 killed, 86 injured"), unless it takes an object of
    its own ("fighters killed two guards": they did the harm)."""
    cat = word_category(parsed, t, as_modifier=True)
    return cat if cat and not has_object(parsed, t) else None


def _governor(parsed: Parsed, nominal: Token, q: Quantity) -> tuple[Token, str, Token]:
    """The counted noun's place in its clause: the token that holds it there, its role, and the word it hangs on
    ("20 villagers hostage": the noun it is part of; "29 persons ... were, yesterday, killed": past the auxiliary)."""
    toks = parsed.tokens
    gov_tok, role = nominal, nominal.dep
    while role == "compound" and toks[gov_tok.head].pos == "NOUN" and gov_tok.head != gov_tok.i:
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    while role == "conj" and gov_tok.head != gov_tok.i \
            and toks[gov_tok.head].pos in ("NOUN", "PROPN", "NUM", "PRON"):
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    if role == "appos" and gov_tok.head != gov_tok.i:
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    gov = toks[gov_tok.head]
    if role == "nsubj" and gov.dep in ("auxpass", "aux") and gov.head != gov.i:
        # "17 people, most of them farmers, were, on Sunday, killed", "12 others had sustained injuries": the parser
        # hangs the subject on the auxiliary
        gov, role = toks[gov.head], "nsubjpass" if gov.dep == "auxpass" else "nsubj"
    if role == "pobj" and q.start <= gov.i < q.end:
        # "wounding close to 40 others", "A total of 87 people were hurt": the parser took the hedge for a
        # noun or a preposition; the count is the argument of the verb the hedge hangs on, in the hedge's role.
        top = gov
        while q.start <= top.head < q.end and top.head != top.i:
            top = toks[top.head]
        above = toks[top.head]
        if top.head != top.i and above.pos in ("VERB", "AUX"):
            gov_tok, gov = top, above
            role = top.dep if top.dep in ("nsubj", "nsubjpass") else "dobj"
    return gov_tok, role, gov


def _acts(parsed: Parsed, nominal: Token) -> bool:
    """Is the counted noun the subject of an act that makes "displaced" a mere status ("displaced people
    voted")?"""
    if nominal.dep != "nsubj" or nominal.head == nominal.i:
        return False
    if any(c.dep in ("acl", "relcl") for c in parsed.children(nominal.i)):
        return False  # "5,800 displaced persons arriving in the capital need help": told as arrivals
    return parsed.tokens[nominal.head].lemma in vocab().STATUS_ACTS
