"""One number: the statement it makes, or None. A scored choice (`choice`) over the routes by which a harm
word governs it (`routes`), with the cues of the number (`number_cues`) and of each harm word
(`modality`); the statement then takes whom it counts (`persons`) and its clause's flags
(`context`).
"""
from __future__ import annotations

from dataclasses import replace

from sitrep.figures.choice import Candidate, choose, figure_cues
from sitrep.figures.context import context_flags
from sitrep.figures.harm_words import verb_category
from sitrep.figures.mention import Mention
from sitrep.figures.modality import hypothetical, modality_cues, negated
from sitrep.figures.number_cues import OPEN_PART, inner_noun, number_cues
from sitrep.figures.persons import coordinated_persons, counts_people, victim_kind
from sitrep.figures.routes import candidates
from sitrep.figures.syntax import passive_aux, shared_subject_conjuncts
from sitrep.figures.vocab import vocab
from sitrep.model import Span
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity, find_quantities


def mention_for(parsed: Parsed, q: Quantity, why: list[str] | None = None) -> Mention | None:
    """The statement a number makes, or None: a scored choice over the routes by which a casualty word governs it
    and the cues for and against (sitrep.figures.choice); `why` collects the reasons (for `sitrep explain`)."""
    w = vocab()
    why = [] if why is None else why
    toks = parsed.tokens
    head = toks[q.head]
    nominal = head
    if head.dep in ("nummod", "quantmod", "compound", "amod", "det", "nmod") and head.head != head.i:
        nominal = toks[head.head]
        # "tens of thousands of people": the number is the head; keep it.
        if nominal.i < q.start and nominal.dep == "pobj":
            nominal = head
        # "at least 23 injured Monday morning", "wounded at least 20 late on Friday": the parser hung the number on
        # a time; it counts on its own.
        if nominal.i >= q.end and (nominal.ent in ("DATE", "TIME") or nominal.pos == "ADV"):
            nominal = head
    # "killed some 30 ISWAP fighters": the parser may take a group's name for the counted noun and hang it on the
    # people after it; the people are counted.
    nxt = toks[nominal.head]
    if nominal.pos == "PROPN" and nominal.i < nxt.i <= nominal.i + 3 and nxt.pos == "NOUN" \
            and all(toks[j].pos == "PROPN" for j in range(nominal.i, nxt.i)) \
            and (nxt.lemma in w.PEOPLE_NOUNS or nxt.lemma in w.VICTIM_WORDS):
        nominal = nxt
    # "14 people/civilians died": two words for the same people, the parser hanging one on the other.
    if nominal.dep in ("nmod", "compound") and nominal.head > nominal.i and counts_people(nominal) \
            and counts_people(toks[nominal.head]) \
            and all(toks[j].text in ("/", "-") for j in range(nominal.i + 1, nominal.head)):
        nominal = toks[nominal.head]
    # "killing a family of five": five people, in the family the verb takes.
    family = head.dep == "pobj" and nominal is head and toks[head.head].lower == "of" \
        and toks[toks[head.head].head].lemma in w.HOUSEHOLDS \
        and any(c.dep == "det" and c.lower in ("a", "an") for c in parsed.children(toks[head.head].head))
    if family:
        nominal = toks[toks[head.head].head]
    why.append(f"counts '{nominal.text}' ({nominal.dep} of '{toks[nominal.head].text}')")
    own_cues = number_cues(parsed, q, nominal)
    routes = candidates(parsed, nominal, q, own_cues)
    if OPEN_PART in own_cues:
        own_cues[own_cues.index(OPEN_PART)] = open_part(parsed, nominal, routes)
    for c in routes:
        c.cues.extend(modality_cues(parsed, toks[c.anchor], habit=q.vague_word))
    choice = choose(routes, own_cues)
    why.extend(choice.reasons)
    if not choice.figure or choice.best is None:
        return None
    category, anchor = choice.best.category, toks[choice.best.anchor]
    # "200 families fled", "hundreds of families": households; "eight members of the same family": people.
    households = nominal.lemma in w.HOUSEHOLDS or nominal.i == q.head and inner_noun(parsed, nominal) in w.HOUSEHOLDS
    unit = "households" if households and not family else "people"
    start, end = toks[q.start].idx, toks[q.end - 1].end
    # "six rangers and their captain were killed", "three customs agents and a cook": people told without a
    # number beside the count are its victims too.
    more = coordinated_persons(parsed, nominal, category, why) \
        if unit == "people" and category in w.ONE_VICTIM_CATEGORIES else 0
    m = Mention(
        category=category,
        min=None if q.min is None else q.min + more,
        max=None if q.max is None else q.max + more,
        qualifier=q.qualifier,
        span=Span(start, end),
        sent=head.sent,
        anchor=anchor.i,
        nominal=nominal.i,
        victims=victim_kind(parsed, nominal),
        unit=unit,
        vague=q.vague_word,
    )
    context_flags(parsed, m, anchor, nominal)
    m.reasons = why
    return m


def also_told(parsed: Parsed, m: Mention) -> list[Mention]:
    """"1 civilian was kidnapped and killed": a passive subject shared by harm verbs of different categories is a
    count of each (not the killed and the injured together: "were killed and wounded" is no count of either)."""
    v = parsed.tokens[m.anchor]
    if not passive_aux(parsed, v):
        return []
    out: list[Mention] = []
    for c in shared_subject_conjuncts(parsed, v):
        cat = verb_category(parsed, c, passive=True)
        if cat is None or cat == m.category or {cat, m.category} <= vocab().COMBINED \
                or negated(parsed, c) or hypothetical(parsed, c):
            continue
        also = replace(m, category=cat, anchor=c.i, reasons=m.reasons + [f"{cat}: also told by '{c.text}'"])
        context_flags(parsed, also, c, parsed.tokens[m.nominal])
        out.append(also)
    return out


def open_part(parsed: Parsed, nominal: Token, candidates: list[Candidate]) -> str:
    """"stopped a minibus of traders, gunning five of them down", "seized 18 traders; the bodies of four of them
    were found": a part of a group told without a number, or counted for another harm, is the count of the harmed;
    "Nine were killed. Six of them ..." (a count of the same harm before it) is a part of that count."""
    routes = figure_cues().routes
    best = max(candidates, key=lambda c: routes.get(c.route, 0.0), default=None)
    if best is not None and _counted_before(parsed, nominal, best.category):
        return "subset"
    return "part_of_uncounted"


def _counted_before(parsed: Parsed, t: Token, category: str) -> bool:
    """Is a count of this harm told before `t`, in its sentence or the one before? ("Nine were killed. Six of
    them ...")"""
    for s in range(max(0, t.sent - 1), t.sent + 1):
        for q in find_quantities(parsed, s):
            if parsed.tokens[q.start].idx < t.idx and q.head != t.i and q.start != t.i:
                m = mention_for(parsed, q)
                if m is not None and m.category == category:
                    return True
    return False
