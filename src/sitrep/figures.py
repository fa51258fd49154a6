"""The figures stage: which numbers in a report count the killed, injured, displaced, abducted, arrested or missing.

A number is a figure only when the words that govern it say so: "killed up to 500 people" (object of a casualty
verb), "500 people have been killed" (passive subject), "8,000 have fled" (subject of an intransitive one), "the
bodies of two men", "hundreds of deaths", "4,522 displaced persons", "the toll rose to 45". Everything else (years,
ages, money, troop numbers, durations, houses) is not. Each figure found here is a `Mention`: one statement, with
flags that the events stage uses to consolidate statements into figures and figures into events.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from sitrep import lexicon
from sitrep.figure_choice import Candidate, choose, figure_cues
from sitrep.model import Span
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity, find_quantities

CATEGORY_ORDER = ("killed", "injured", "displaced", "abducted", "arrested", "missing")


class Vocabulary:
    """The word lists the figures stage reads (data/casualties.toml, context.toml, vocabulary.toml), built once
    when the pipeline first reads a text (`vocab()`), not when the module is imported."""

    def __init__(self) -> None:
        cas, ctx = lexicon.load("casualties"), lexicon.load("context")

        def index(kind: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for cat in CATEGORY_ORDER:
                for w in cas[cat].get(kind, []):
                    out.setdefault(w, cat)
            return out

        one = cas["one_victim"]
        self.VERBS = index("verbs")
        self.INTRANSITIVE = index("intransitive")
        self.ADJECTIVES = index("adjectives")
        self.NOUNS = index("nouns")
        self.OF_NOUNS = index("of_nouns")
        self.PHRASES = {tuple(p.split()): cat for cat in CATEGORY_ORDER for p in cas[cat].get("phrases", [])}
        self.SUBJECT_PHRASES = {tuple(p.split()): cat for cat in CATEGORY_ORDER
                                for p in cas[cat].get("subject_phrases", [])}
        # Verb -> words that, in its clause, make it no casualty verb ("evacuated to hospital").
        self.NOT_WITH = {verb: set(words) for cat in CATEGORY_ORDER
                         for verb, words in cas[cat].get("not_with", {}).items()}
        self.DISPLACE_NEEDS = set(cas["displaced"]["needs"])
        self.STATUS_ACTS = set(cas["displaced"]["status_acts"])
        self.VICTIM_WORDS = {w: kind for kind in ("civilians", "security_forces", "militants")
                             for w in cas["victims"][kind]}
        self.MIXED = [tuple(p.split()) for p in cas["victims"]["mixed"]]
        self.PEOPLE_NOUNS = set(cas["people"]["nouns"])
        self.NOT_PEOPLE = set(cas["not_people"]["nouns"])
        self.HOUSEHOLDS = set(cas["not_people"]["households"])
        self.COLLECTIVE = set(cas["not_people"]["collective"])
        self.COMPANIONS = set(cas["people"]["companions"])
        self.ZERO_NOUNS = set(cas["people"]["zero"])
        self.ONE_VICTIM_CATEGORIES = set(one["categories"])
        self.NOT_PERSON_ENTITIES = set(one["not_entities"])
        self.SINGULAR_DETS = set(one["determiners"])
        self.COMPANION_PREPS = set(one["companion_preps"])
        self.NO_ONE_VICTIM = set(one["not_categories"])
        self.VICTIM_OF_NOUNS = set(one["of_nouns"])
        self.BODY_NOUNS = set(one["body_nouns"])
        self.OUTCOME_NOUNS = set(one["outcome_nouns"])
        self.OUTCOME_VERBS = set(one["outcome_verbs"])
        self.MOTIVE_PREPS = set(one["motive_preps"])
        self.AGGREGATE = lexicon.Phrases(ctx["aggregate"]["phrases"])
        self.BOUNDED_AFTER = set(ctx["aggregate"]["bounded_after"])
        self.BOUNDED_BEFORE = set(ctx["aggregate"]["bounded_before"])
        self.MANY_INCIDENTS = set(ctx["aggregate"]["many_incidents"])
        self.TOLD_APART = set(ctx["aggregate"]["told_apart"])
        self.COMPARATIVES = set(ctx["aggregate"]["comparatives"])
        self.AGGREGATE_SUBJECTS = set(ctx["aggregate"]["subjects"])
        self.NAME_ENTITIES = set(ctx["aggregate"]["not_in_names"])
        order = cas["subject_order"]
        self.ORDER_OPENERS = set(order["openers"])
        self.ORDER_GAPPED = set(order["gapped"])
        self.ORDER_PHRASE = set(order["phrase"])
        self.ORDER_AUX = set(order["auxiliaries"])
        self.ORDER_PASSIVE = set(order["passive"])
        self.ORDER_WINDOW = int(order["window"])
        self.MODALS = set(ctx["hypothetical"]["modals"])
        self.HYPOTHETICAL_GOVERNORS = set(ctx["hypothetical"]["governors"])
        self.TOLD_AS_FACT = set(ctx["hypothetical"]["factual_marks"])
        self.SUPERSEDED = set(ctx["superseded"]["phrases"])
        self.REVISION = lexicon.Phrases(ctx["superseded"]["revision"])
        self.SUBSET_PREPS = set(ctx["subset"]["preps"])
        self.PARTITIVE = set(ctx["subset"]["partitive"])
        self.UNCOUNTED_GROUPS = set(ctx["subset"]["group_pronouns"])
        self.ATTACK_NOUNS = lexicon.attack_nouns()
        self.TOLL_NOUNS = set(ctx["toll"]["nouns"])
        self.TOLL_OF_NOUNS = set(ctx["toll"]["of_nouns"])
        self.TOLL_UPDATE = set(ctx["toll"]["update"])
        self.TOLL_PREPS = set(ctx["toll"]["preps"])
        self.TOTAL_WORDS = set(ctx["toll"]["total_words"])
        self.COPULAR_TOLL_SUBJECTS = set(ctx["toll"]["copular_subjects"])
        self.RAISING = set(ctx["raising"]["verbs"])
        self.ADDITIVE_COUNTED = set(ctx["additive"]["counted"])
        self.COMBINED = set(ctx["combined"]["categories"])
        self.ADDITIVE_BEFORE: dict[str, int] = ctx["additive"]["before"]
        self.ADDITIVE_ADVERBS = set(ctx["additive"]["adverbs"])
        self.OTHER_COUNTED = set(ctx["additive"]["other_counted"])
        self.OTHER_BEFORE: dict[str, int] = ctx["additive"]["other_before"]


@cache
def vocab() -> Vocabulary:
    """The figures stage's word lists, read once when first needed."""
    return Vocabulary()


def __getattr__(name: str) -> object:
    """The word lists by name for the stages that share them ("from sitrep.figures import VERBS"): read when first
    asked for, like `vocab()`."""
    if name.isupper() and name in vars(vocab()):
        return getattr(vocab(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def harm_lemmas(categories: set[str]) -> frozenset[str]:
    """The verbs and nouns that tell harm of these categories ("murder", "die", "killing" for killed)."""
    cas = lexicon.load("casualties")
    return frozenset(w for cat in categories for kind in ("verbs", "intransitive", "of_nouns")
                     for w in cas[cat].get(kind, []))


_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "oprd", "dative", "npadvmod", "ROOT", "dep"}


@dataclass(slots=True)
class Mention:
    """One statement of a figure in the text, before statements of the same figure are merged."""

    category: str
    min: int | None
    max: int | None
    qualifier: str
    span: Span
    sent: int
    anchor: int  # token index of the casualty word (verb, adjective or noun)
    nominal: int  # token index of the counted noun (or the number itself)
    victims: str = "unknown"
    unit: str = "people"
    vague: bool = False  # a conventional bound ("dozens"), not a stated number
    aggregate: bool = False  # a cumulative tally ("since 2014", "this year"), not one event's figure
    perfect: bool = False  # "have been killed": present perfect, often a tally
    superseded_cue: bool = False  # "had initially put the toll at 12"
    revision_cue: bool = False  # "the toll rose to 45"
    additive: bool = False  # "six more", "another 5": adds to the figure before it
    incidents: bool = False  # "in two separate attacks": one total of several incidents
    others: bool = False  # "four others": people other than a count before it
    total: bool = False  # "Total fatalities coded as 14": the sum of every count told
    implicit: bool = False  # a victim told without a number ("a policeman", "another")
    breakdown_of: int | None = None  # "Five people, four farmers and a trader": the start of the count it breaks down
    folded: bool = False  # a vague or lower count that took the values of the stated number it stands for
    source: str | None = None
    source_named: bool = False
    confirmed: bool | None = None
    anchors_time: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # the cues that made it a figure, for `sitrep explain`

    @property
    def headline(self) -> int | None:
        return self.max if self.max is not None else self.min

    @property
    def adds_up(self) -> bool:
        """Adds to the figure before it: "six more", but not "climbed to 64 after five more bodies were found"."""
        return self.additive and not self.revision_cue


def find_mentions(parsed: Parsed) -> list[Mention]:
    """Every casualty or displacement statement in the text, in text order."""
    out: list[Mention] = []
    for s in range(len(parsed.sents)):
        found: list[Mention] = []
        for q in find_quantities(parsed, s):
            m = _mention_for(parsed, q)
            if m is not None:
                found.append(m)
                found.extend(_also_told(parsed, m))
        found.extend(_implicit_mentions(parsed, s, found))
        found.extend(_victim_of_noun(parsed, s, found))
        _coordinated_tallies(parsed, found)
        _others_add_up(found)
        _breakdowns(parsed, found)
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
            made = _mention_for(parsed, q, why)
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
    names = {"aggregate": "a tally, not this event's", "perfect": "present perfect", "superseded_cue": "an earlier toll",
             "revision_cue": "a revised toll", "additive": "adds to the count before it",
             "incidents": "one total of several incidents", "total": "the sum of every count told"}
    return [v for k, v in names.items() if getattr(m, k)]


def _breakdowns(parsed: Parsed, found: list[Mention]) -> None:
    """"Five people, four farmers and a trader, were killed", "14 people, among them four children": a count set off
    by a comma right after a larger count of the same harm, with no verb between, or in apposition to it, breaks
    that count down."""
    ordered = sorted(found, key=lambda m: m.span.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.category != b.category or a.headline is None or b.headline is None or b.headline >= a.headline:
            continue
        between = [t for t in parsed.sentence_tokens(a.sent) if t.i > a.nominal and a.span.end <= t.idx < b.span.start]
        nb = parsed.tokens[b.nominal]
        appos = nb.dep == "appos" and nb.head == a.nominal
        loose = 0 < len(between) <= 6 and between[0].lower in (",", "(", "--", "—", "-", ":") \
            and not any(t.pos in ("VERB", "AUX") for t in between)
        if appos or loose:
            b.breakdown_of = a.span.start


def _others_add_up(found: list[Mention]) -> None:
    """"killed four others", "two other protesters were also killed": more victims of the same harm, adding to the
    count before them; but "killed 5 and injured 15 others" counts people other than the dead."""
    for m in found:
        if m.others and not m.additive:
            m.additive = not any(o.category != m.category and o.span.start < m.span.start for o in found)


def _coordinated_tallies(parsed: Parsed, found: list[Mention]) -> None:
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


# ---------------------------------------------------------------- one number
def _mention_for(parsed: Parsed, q: Quantity, why: list[str] | None = None) -> Mention | None:
    """The statement a number makes, or None: a scored choice over the routes by which a casualty word governs it
    and the cues for and against (sitrep.figure_choice); `why` collects the reasons (for `sitrep explain`)."""
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
    # "killing a family of five": five people, in the family the verb takes.
    family = head.dep == "pobj" and nominal is head and toks[head.head].lower == "of" \
        and toks[toks[head.head].head].lemma in w.HOUSEHOLDS \
        and any(c.dep == "det" and c.lower in ("a", "an") for c in parsed.children(toks[head.head].head))
    if family:
        nominal = toks[toks[head.head].head]
    why.append(f"counts '{nominal.text}' ({nominal.dep} of '{toks[nominal.head].text}')")
    number_cues = _number_cues(parsed, q, nominal)
    candidates = _candidates(parsed, nominal, q, number_cues)
    if OPEN_PART in number_cues:
        number_cues[number_cues.index(OPEN_PART)] = _open_part(parsed, nominal, candidates)
    for c in candidates:
        anchor = toks[c.anchor]
        if _hypothetical(parsed, anchor):
            c.cues.append("hypothetical")
        if _negated(parsed, anchor):
            c.cues.append("negated")
        if q.vague_word and _habitual(parsed, anchor):
            c.cues.append("habitual")
    choice = choose(candidates, number_cues)
    why.extend(choice.reasons)
    if not choice.figure or choice.best is None:
        return None
    category, anchor = choice.best.category, toks[choice.best.anchor]
    # "200 families fled", "hundreds of families": households; "eight members of the same family": people.
    households = nominal.lemma in w.HOUSEHOLDS or nominal.i == q.head and _inner_noun(parsed, nominal) in w.HOUSEHOLDS
    unit = "households" if households and not family else "people"
    start, end = toks[q.start].idx, toks[q.end - 1].end
    m = Mention(
        category=category,
        min=q.min,
        max=q.max,
        qualifier=q.qualifier,
        span=Span(start, end),
        sent=head.sent,
        anchor=anchor.i,
        nominal=nominal.i,
        victims=_victims(parsed, nominal),
        unit=unit,
        vague=q.vague_word,
    )
    _context_flags(parsed, m, anchor, nominal)
    m.reasons = why
    return m


def _also_told(parsed: Parsed, m: Mention) -> list[Mention]:
    """"1 civilian was kidnapped and killed": a passive subject shared by harm verbs of different categories is a
    count of each (not the killed and the injured together: "were killed and wounded" is no count of either)."""
    v = parsed.tokens[m.anchor]
    if not any(c.dep == "auxpass" for c in parsed.children(v.i)):
        return []
    out: list[Mention] = []
    for c in _shared_subject_conjuncts(parsed, v):
        cat = _verb_category(parsed, c, passive=True)
        if cat is None or cat == m.category or {cat, m.category} <= vocab().COMBINED \
                or _negated(parsed, c) or _hypothetical(parsed, c):
            continue
        also = replace(m, category=cat, anchor=c.i, reasons=m.reasons + [f"{cat}: also told by '{c.text}'"])
        _context_flags(parsed, also, c, parsed.tokens[m.nominal])
        out.append(also)
    return out


def _number_cues(parsed: Parsed, q: Quantity, nominal: Token) -> list[str]:
    """The cues of the number itself, whatever governs it: it counts things, a mother's children, a part."""
    toks = parsed.tokens
    head = toks[q.head]
    out: list[str] = []
    if nominal is head and head.dep == "pobj" and toks[head.head].lower == "of" \
            and toks[toks[head.head].head].lemma in vocab().COMPANIONS and toks[toks[head.head].head].tag == "NN":
        out.append("companion_of")  # "a mother of three"
    # "capturing 13 of the state's 17 townships": a bare number counts what its "of" names.
    inner = _inner_noun(parsed, nominal) if nominal is head else None
    if any(w in vocab().NOT_PEOPLE and w not in vocab().HOUSEHOLDS for w in (nominal.lemma, inner)):
        out.append("things")
    # "five of them", "seven of their victims": a part of a group the words do not define by its harm; whether it
    # is a part of another count depends on the harm that governs it (`_open_part`).
    group = _partitive(parsed, nominal)
    open_group = group is not None and (group.lower in vocab().UNCOUNTED_GROUPS or any(
        c.dep == "poss" for c in parsed.children(group.i)))
    if open_group:
        out.append(OPEN_PART)
    if _is_subset(parsed, nominal, partitive=not open_group) or _after_among_group(parsed, q.start):
        out.append("subset")
    return out


OPEN_PART = "open_part"  # a pending cue of `_number_cues`, settled by `_open_part` once the harm is known


def _open_part(parsed: Parsed, nominal: Token, candidates: list[Candidate]) -> str:
    """"stopped a minibus of traders, gunning five of them down", "seized 18 traders; the bodies of four of them
    were found": a part of a group told without a number, or counted for another harm, is the count of the harmed;
    "Nine were killed. Six of them ..." (a count of the same harm before it) is a part of that count."""
    routes = figure_cues().routes
    best = max(candidates, key=lambda c: routes.get(c.route, 0.0), default=None)
    if best is not None and _counted_before(parsed, nominal, best.category):
        return "subset"
    return "part_of_uncounted"


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


def _inner_noun(parsed: Parsed, t: Token) -> str | None:
    """"hundreds of deaths" -> "death"; "four of their colleagues" -> "colleague"."""
    for c in parsed.children(t.i):
        if c.dep == "prep" and c.lower == "of":
            for p in parsed.children(c.i):
                if p.dep == "pobj":
                    inner = _inner_noun(parsed, p) if p.like_num or p.lemma in ("thousand", "hundred") else None
                    return inner or p.lemma
    return None


def _candidates(parsed: Parsed, nominal: Token, q: Quantity, number_cues: list[str]) -> list[Candidate]:
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
        cat = _word_category(parsed, nxt, as_modifier=True)
        add("participle_after", cat if cat and not _has_object(parsed, nxt) else None, nxt)
    # "left 12 dead", "the 20 wounded": the number counts a casualty adjective.
    if nominal.i != q.head and (nominal.lower in vocab().ADJECTIVES) and nominal.pos in ("ADJ", "NOUN", "VERB"):
        add("casualty_adjective", vocab().ADJECTIVES[nominal.lower], nominal)
    # "nine fighters were reported killed and 8 others injured": a conjunct with a casualty participle of its own.
    if nominal.dep in ("conj", "appos"):
        for c in parsed.children(nominal.i):
            if c.dep in ("acl", "amod") and c.i > nominal.i:
                cat = _word_category(parsed, c, as_modifier=True)
                if add("conjunct_participle", cat if cat and not _has_object(parsed, c) else None, c):
                    break
    gov_tok, role, gov = _governor(parsed, nominal, q)
    if role in ("nsubjpass", "nsubj") and gov.lemma in vocab().RAISING:
        # "300 people are believed to have been killed", "12 feared dead", "five reported killed".
        for c in parsed.children(gov.i):
            if c.dep in ("xcomp", "oprd", "acomp", "ccomp") or c.dep == "advcl" and c.i == gov.i + 1:
                cat = _word_category(parsed, c) or (
                    _verb_category(parsed, c, passive=True) if any(k.dep == "auxpass" for k in parsed.children(c.i))
                    else _intransitive_category(parsed, c)) or _phrase_category(parsed, c)
                if add("raised_subject", cat, c):
                    break
    if role == "nsubjpass":
        # "were shot and killed", "were attacked and killed": the verb or one coordinated with it, with no subject
        for v in [gov, *_shared_subject_conjuncts(parsed, gov)]:
            if add("passive_subject", _verb_category(parsed, v, passive=True), v):
                break
    if role == "nsubj":
        add("intransitive_subject", _intransitive_category(parsed, gov), gov)
    if role == "dobj" and _combined(parsed, gov):
        number_cues.append("combined")  # "killed and wounded some 35 people": the dead and the hurt together
    if role in ("dobj", "dative", "npadvmod", "nsubj") and gov.pos in ("VERB", "AUX"):
        if role != "nsubj" or (gov.tag == "VBN" and not _has_object(parsed, gov)):
            add("object", _verb_category(parsed, gov, passive=False, obj=gov_tok), gov)
    if role == "nsubj" and gov.lemma == "be":
        # "were, yesterday, killed": the parser hangs the count on the auxiliary
        for v in parsed.children(gov.i):
            if v.dep in ("acomp", "conj", "xcomp", "advcl") and v.tag == "VBN" and v.i > gov.i:
                if add("auxiliary_subject", _verb_category(parsed, v, passive=True), v):
                    break
    if role == "pobj":
        prep = gov
        above = toks[prep.head]
        if prep.lower == "of" and (above.lemma in vocab().OF_NOUNS):
            add("of_harm_noun", vocab().OF_NOUNS[above.lemma], above)
        if prep.lower == "of" and above.lemma in vocab().TOLL_OF_NOUNS:
            add("of_toll_noun", _subject_category(parsed, above), above)
        if prep.lower in vocab().TOLL_PREPS and above.pos in ("VERB", "AUX"):
            add("toll_verb", _toll_category(parsed, above), above)
    if role == "attr" and gov.lemma == "be":
        for c in parsed.children(gov.i):
            if c.dep in ("nsubj", "nsubjpass") and c.tag == "NN" and c.lemma not in vocab().COPULAR_TOLL_SUBJECTS:
                number_cues.append("age")  # "the wounded boy was 12"
                break
            if c.dep in ("nsubj", "nsubjpass") and add("copular_toll", _subject_category(parsed, c), c):
                break
    # A modifier of the counted noun: "4,522 displaced persons", "two dead men", "people killed", "3 people who
    # were killed", "those missing".
    status_only = modified = False
    for c in parsed.children(nominal.i):
        if c.i == q.head:
            continue
        if c.dep in ("amod", "acl", "relcl", "compound") and c.i != nominal.i:
            cat = _word_category(parsed, c, as_modifier=True)
            if cat == "displaced" and c.dep == "amod" and _acts(parsed, nominal):
                status_only = True  # "20,000 displaced people voted": a status of people who did something else
                continue
            if add("harm_modifier", cat if cat and not _has_object(parsed, c) else None, c):
                modified = True
                break
    if status_only and not modified:
        number_cues.append("displaced_status")
    # The counted noun is itself a casualty noun: "20 deaths", "200 refugees", "hundreds of deaths".
    inner = _inner_noun(parsed, nominal)
    for lemma in (nominal.lemma if nominal.i != q.head else None, inner):
        if lemma in vocab().NOUNS and lemma not in ("toll", "life", "dead"):
            add("casualty_noun", vocab().NOUNS[lemma], nominal)
            break
    # "killed 12 people and 30 others were injured": a count opening a clause, followed by its verb (where the parse
    # already hangs the count on that verb, its own route says so).
    in_order = _verb_in_order(parsed, q)
    if in_order and not any(c.anchor == in_order[1].i for c in out):
        add("subject_in_order", *in_order)
    if nominal.dep == "conj" and q.start > 0 and toks[q.start - 1].lower == "and" and _counts_people(nominal):
        # "killed a mayor allied with the insurgents and four members of his staff": the parser hung the count on
        # a noun inside the first victim's phrase; it is the harm verb's second object.
        v = _harm_verb_before(parsed, q)
        if v is not None:
            add("coordinated_object", _verb_category(parsed, v, passive=False), v)
    after = toks[nominal.i + 1] if nominal.i + 1 < len(toks) and nominal.i >= q.head else None
    if role in ("nsubj", "ROOT", "dep", "npadvmod") or nominal.i == q.head \
            or after is not None and after.tag == "VBN" and after.lemma in vocab().VERBS:
        # ("resulting in 1 soldier killed": a participle right after the counted noun, whatever the parse)
        # Headlines and loose parses: "5 killed in bomb attacks", "two injured by shelling".
        found = _linear_category(parsed, q) or (_object_of_verb_before(parsed, q) if nominal.i == q.head else None)
        if found:
            add("headline_order", found[0], found[1])
    return out


def _verb_in_order(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
    """"... and 30 others were injured", "... and 9 others had sustained injuries", "were killed, and 33 injured",
    "9 inmates died, 40 warders and 3 constables hurt": a count that opens a clause (after "and", a comma,
    or at the sentence's start), its noun phrase, a verb group and a harm word, in that order. The harm word's
    category, or None. A harm verb needs a passive auxiliary ("were injured"; "had killed" is active) or none at
    all after "and" or a comma (a clause whose auxiliary is left out)."""
    w = vocab()
    toks = parsed.tokens
    first, end = parsed.sents[toks[q.head].sent][0], parsed.sents[toks[q.head].sent][1]
    opener = toks[q.start - 1].lower if q.start > first else None
    if opener is not None and opener not in w.ORDER_OPENERS:
        return None
    k, aux, passive = q.end, [], False
    while k < end and k - q.end < w.ORDER_WINDOW:  # the counted noun phrase
        t = toks[k]
        # "eight displaced people": a modifier; but "five more suffered gunshot wounds", whose verb the parser hangs
        # on its object
        prenominal = t.dep in ("amod", "compound") and t.head > t.i \
            and not any(ph[0] == t.lemma for ph in w.SUBJECT_PHRASES)
        if not prenominal and (t.tag.startswith("VB") or t.pos in ("AUX", "VERB") or t.lower in w.ADJECTIVES):
            break
        if not (t.pos in ("NOUN", "PROPN", "ADJ", "NUM", "DET") or t.lower in w.ORDER_PHRASE) \
                or t.ent in ("DATE", "TIME") or t.pos == "NUM" and toks[k - 1].lower != "and":
            return None  # not "12 Sep. 4 killed": a date, and another count
        k += 1
    while k < end and k - q.end < w.ORDER_WINDOW:  # the verb group
        t = toks[k]
        if t.lemma in w.ORDER_AUX or t.lower in w.ORDER_AUX or t.lemma in w.RAISING and t.tag == "VBN":
            aux.append(t)
            passive = passive or t.lemma in w.ORDER_PASSIVE
            k += 1
        elif t.pos == "ADV" and t.lower not in w.ADJECTIVES:
            k += 1
        else:
            break
    if k >= end or not aux and opener not in w.ORDER_GAPPED and opener is not None:
        return None
    h = toks[k]
    if h.lemma in w.INTRANSITIVE and h.tag in ("VBD", "VBN"):
        return w.INTRANSITIVE[h.lemma], h
    if h.lower in w.ADJECTIVES and (passive or not aux) and not _has_object(parsed, h):
        return w.ADJECTIVES[h.lower], h
    if h.lemma in w.VERBS and (passive or not aux and h.tag in ("VBN", "VBD")) and not _has_object(parsed, h) \
            and not (h.i + 1 < end and toks[h.i + 1].pos in ("NUM", "DET")):
        cat = _verb_category(parsed, h, passive=True)
        return (cat, h) if cat else None
    after = {t.lemma for t in toks[h.i + 1 : min(end, h.i + 4)]}
    for ph, cat in w.SUBJECT_PHRASES.items():
        if len(ph) == 2 and ph[0] == h.lemma and ph[1] in after and h.tag.startswith("VB"):
            return cat, h
    return None


def _counts_people(t: Token) -> bool:
    w = vocab()
    return t.lemma in w.PEOPLE_NOUNS or t.lemma in w.COMPANIONS or _is_person(t)


def _harm_verb_before(parsed: Parsed, q: Quantity) -> Token | None:
    """The active harm verb, told before the count with an object of its own before it, with no other finite verb
    between: the verb whose objects the count joins."""
    toks = parsed.tokens
    start = parsed.sents[toks[q.head].sent][0]
    for j in range(q.start - 2, max(start, q.start - 16) - 1, -1):
        t = toks[j]
        if t.lemma in vocab().VERBS and t.tag in ("VBD", "VBG", "VBZ", "VBP") \
                and any(c.dep == "dobj" and c.i < q.start for c in parsed.children(t.i)):
            return t
        if t.pos in ("VERB", "AUX") and t.tag in ("VBD", "VBZ", "VBP", "MD") or t.lower in (";", ":", "."):
            return None
    return None


def _governor(parsed: Parsed, nominal: Token, q: Quantity) -> tuple[Token, str, Token]:
    """The counted noun's place in its clause: the token that holds it there, its role, and the word it hangs on
    ("20 villagers hostage": the noun it is part of; "29 persons ... were, yesterday, killed": past the auxiliary)."""
    toks = parsed.tokens
    gov_tok, role = nominal, nominal.dep
    while role == "compound" and toks[gov_tok.head].pos == "NOUN" and gov_tok.head != gov_tok.i:
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    while role == "conj" and gov_tok.head != gov_tok.i and toks[gov_tok.head].pos in ("NOUN", "PROPN", "NUM", "PRON"):
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    if role == "appos" and gov_tok.head != gov_tok.i:
        gov_tok = toks[gov_tok.head]
        role = gov_tok.dep
    gov = toks[gov_tok.head]
    if role == "nsubj" and gov.dep in ("auxpass", "aux") and gov.head != gov.i:
        # "29 persons, mainly women, were, yesterday, killed", "12 others had sustained injuries": the parser hangs
        # the subject on the auxiliary
        gov, role = toks[gov.head], "nsubjpass" if gov.dep == "auxpass" else "nsubj"
    if role == "pobj" and q.start <= gov.i < q.end:
        # "wounding close to 70 others", "A total of 87 people were hurt": the parser took the hedge for a
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
    """Is the counted noun the subject of an act that makes "displaced" a mere status ("displaced people voted")?"""
    if nominal.dep != "nsubj" or nominal.head == nominal.i:
        return False
    if any(c.dep in ("acl", "relcl") for c in parsed.children(nominal.i)):
        return False  # "5,800 displaced persons arriving in the capital need help": told as arrivals
    return parsed.tokens[nominal.head].lemma in vocab().STATUS_ACTS


def _combined(parsed: Parsed, v: Token) -> bool:
    """"killed and wounded 68 people", "killing or wounding 25": two harm verbs of different categories share one
    object, a count of both together."""
    w = vocab()
    cat = w.VERBS.get(v.lemma)
    if cat not in w.COMBINED:
        return False
    pair = [parsed.tokens[v.head]] if v.dep == "conj" else []
    pair += [c for c in parsed.children(v.i) if c.dep == "conj"]
    return any(w.VERBS.get(o.lemma) in w.COMBINED - {cat} and not _has_object(parsed, o) and abs(o.i - v.i) <= 3
               for o in pair if o.i != v.i)


def _shared_subject_conjuncts(parsed: Parsed, v: Token) -> list[Token]:
    """Verbs coordinated with `v` that have no subject of their own: "were shot and killed"."""
    return [c for c in parsed.children(v.i) if c.dep == "conj" and c.tag in ("VBN", "VBD")
            and not any(k.dep in ("nsubj", "nsubjpass") for k in parsed.children(c.i))]


def _word_category(parsed: Parsed, t: Token, as_modifier: bool = False) -> str | None:
    """Category of a casualty word used as a modifier: "dead", "displaced", "killed", "who fled"."""
    if t.lemma in vocab().ADJECTIVES or t.lower in vocab().ADJECTIVES:
        return vocab().ADJECTIVES.get(t.lower) or vocab().ADJECTIVES.get(t.lemma)
    if t.pos == "VERB" or t.tag.startswith("VB"):
        if t.lemma in vocab().INTRANSITIVE:
            return vocab().INTRANSITIVE[t.lemma]
        if t.dep == "relcl":
            # "people who were killed" (passive) vs "gunmen who killed" (active, not victims).
            kids = parsed.children(t.i)
            if any(c.dep == "nsubjpass" for c in kids) or any(c.dep == "auxpass" for c in kids):
                return _verb_category(parsed, t, passive=True)
            return _intransitive_category(parsed, t)
        if t.tag == "VBN":
            return _verb_category(parsed, t, passive=True) or _intransitive_category(parsed, t)
        if t.tag == "VBG" and t.dep == "acl":  # "families fleeing the fighting", "people arriving in camps"
            return _intransitive_category(parsed, t)
    return None


def _verb_category(parsed: Parsed, v: Token, passive: bool, obj: Token | None = None) -> str | None:
    """Category of a verb whose victims are its object (or passive subject)."""
    if v.lemma in vocab().VERBS:
        cat = vocab().VERBS[v.lemma]
        blockers = vocab().NOT_WITH.get(v.lemma)
        if blockers and any(t.lower in blockers for t in parsed.subtree(v)):
            return None
        if v.lemma in ("drive", "force", "evacuate", "expel") or cat == "displaced" and v.lemma not in ("displace", "uproot"):
            return cat if _displacement_complement(parsed, v) or v.lemma in ("evacuate", "expel") else None
        if v.lemma == "seize" and not passive:
            return None
        return cat
    if v.lemma in vocab().INTRANSITIVE and passive is False and obj is None:
        return vocab().INTRANSITIVE[v.lemma]
    phrase = _phrase_category(parsed, v)
    if phrase:
        return phrase
    return None


def _intransitive_category(parsed: Parsed, v: Token) -> str | None:
    w = vocab()
    if v.lemma in w.INTRANSITIVE:
        return w.INTRANSITIVE[v.lemma]
    if v.lower in w.ADJECTIVES and (v.tag == "VBG" or v.pos == "ADJ"):  # "are still missing", "dozens more wounded"
        return w.ADJECTIVES[v.lower]
    if v.lemma in ("be", "remain", "go", "lie", "lay") or v.pos == "AUX":
        for c in parsed.children(v.i):
            if c.dep in ("acomp", "attr", "oprd") and (c.lower in w.ADJECTIVES or c.lemma in w.ADJECTIVES):
                return w.ADJECTIVES.get(c.lower) or w.ADJECTIVES[c.lemma]
    return _phrase_category(parsed, v, w.SUBJECT_PHRASES)


def _phrase_category(parsed: Parsed, v: Token, table: dict | None = None) -> str | None:
    """Multi-word casualty phrases headed by a verb: "shot dead", "taken hostage", "made homeless", "fled home"."""
    table = vocab().PHRASES if table is None else table
    kids = [c for c in parsed.children(v.i) if c.dep in ("oprd", "acomp", "dobj", "prt", "advmod", "prep", "xcomp", "ccomp", "npadvmod", "attr")
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
    blockers = vocab().NOT_WITH.get(v.lemma)
    if blockers and any(t.lower in blockers for t in parsed.subtree(v)):
        return None  # "took away 12 bodies": no abduction
    for ph, cat in table.items():
        if ph[0] == v.lemma and all(w in words for w in ph[1:] if w not in ("the",)):
            return cat
    return None


def _displacement_complement(parsed: Parsed, v: Token) -> bool:
    """"forced 8,000 to flee", "driven from their homes", "driven tens of thousands of people away"."""
    w = vocab()
    for c in parsed.subtree(v)[:60]:
        if c.i != v.i and (c.lemma in w.DISPLACE_NEEDS or c.lower in w.DISPLACE_NEEDS) and c.head in {v.i} | _child_ids(parsed, v):
            return True
    return False


def _child_ids(parsed: Parsed, v: Token) -> set[int]:
    return {c.i for c in parsed.children(v.i)}


def _subject_category(parsed: Parsed, subj: Token) -> str | None:
    """"the death toll", "the number of those missing", "the dead": what a copular statement counts."""
    for t in parsed.subtree(subj):
        if t.lemma == "toll":
            mods = {c.lemma for c in parsed.children(t.i)}
            return "injured" if "injury" in mods else "killed"
        cat = vocab().ADJECTIVES.get(t.lower) or vocab().NOUNS.get(t.lemma) if t.lemma not in ("life",) else None
        if cat:
            return cat
    return None


def _toll_category(parsed: Parsed, v: Token) -> str | None:
    """"put the toll at 12", "the death toll rose to 45": the verb's subject or object is a toll."""
    for c in parsed.children(v.i):
        if c.dep in ("nsubj", "dobj", "nsubjpass") and c.lemma in vocab().TOLL_NOUNS:
            return _subject_category(parsed, c) or ("killed" if c.lemma == "toll" else None)
    return None


def _linear_category(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
    """Headline patterns the parser gets wrong: "5 killed in ...", "two injured by shelling", "Twelve civilians killed"."""
    toks = parsed.tokens
    sent_end = parsed.sents[toks[q.head].sent][1]
    k = q.end
    skipped = loose = 0
    while k < sent_end and skipped <= 3 and loose <= 4:
        t = toks[k]
        cat = vocab().ADJECTIVES.get(t.lower) or (vocab().VERBS.get(t.lemma) if t.tag in ("VBN", "VBD") else None) or \
            (vocab().INTRANSITIVE.get(t.lemma) if t.tag in ("VBD", "VBN") else None)
        if cat and cat != "displaced" or (cat == "displaced" and t.lemma in ("flee", "displace")):
            if t.tag in ("VBD", "VBN") and t.lemma in vocab().VERBS and _has_victim_object(parsed, t):
                # "4 gunmen had killed two guards": the count before a verb with victims of its own is no victim
                return None
            return cat, t
        if t.lower in ("were", "was", "have", "had", "been", "are", "is", "more", "others", "other") or t.pos in ("NOUN", "ADJ", "PROPN") and \
                (t.lemma in vocab().VICTIM_WORDS or t.lemma in vocab().PEOPLE_NOUNS or t.pos == "ADJ"):
            skipped += 1
        elif skipped and (t.ent in ("DATE", "TIME") or t.pos == "ADV" or t.lower in (",", "and")):
            loose += 1  # "were last night killed", "29 persons, mainly women and children, were, yesterday, killed"
        else:
            break
        k += 1
    return None


def _object_of_verb_before(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
    """"... and wounded at least 20 late on Friday": a casualty verb right before a number the parser hung on a time
    takes it as its object."""
    if q.start == 0:
        return None
    v = parsed.tokens[q.start - 1]
    if v.sent == parsed.tokens[q.head].sent and v.lemma in vocab().VERBS and v.tag in ("VBD", "VBG") \
            and not _has_object(parsed, v):
        cat = _verb_category(parsed, v, passive=False)
        if cat:
            return cat, v
    return None


def _has_victim_object(parsed: Parsed, v: Token) -> bool:
    """Does the verb take people as its object? Not "3 killed (machetes)" (a thing, told aside), nor "1 killed 3
    injured" (a count with a participle of its own): there the count before the verb is its victims, told as a
    headline."""
    toks = parsed.tokens
    for c in parsed.children(v.i):
        if c.dep != "dobj" or c.lemma in vocab().NOT_PEOPLE or c.i and toks[c.i - 1].lower == "(":
            continue
        nxt = toks[c.i + 1] if c.i + 1 < len(toks) else None
        if c.like_num and nxt is not None and (nxt.lower in vocab().ADJECTIVES or nxt.lemma in vocab().VERBS):
            continue
        return True
    return False


def _has_object(parsed: Parsed, v: Token) -> bool:
    return any(c.dep == "dobj" for c in parsed.children(v.i))


# ---------------------------------------------------------------- context
def _clause(parsed: Parsed, anchor: Token) -> list[Token]:
    """The anchor's clause: its subtree without embedded reported speech."""
    out, stack = [], [anchor]
    while stack:
        x = stack.pop()
        out.append(x)
        for c in parsed.children(x.i):
            if c.dep not in ("ccomp", "parataxis"):
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def verbal_anchor(parsed: Parsed, anchor: Token) -> Token:
    """The verb whose clause holds a casualty word ("deaths" -> the verb it belongs to; a verb is its own)."""
    t = anchor
    for _ in range(6):
        if t.pos in ("VERB", "AUX") or t.head == t.i:
            return t
        t = parsed.tokens[t.head]
    return t


def _habitual(parsed: Parsed, anchor: Token) -> bool:
    """"Scores of civilians are also killed in the crossfire": a simple-present passive of a vague count tells what
    keeps happening, not an event; a report tells its own toll in the past ("were killed") or the perfect. Stated
    numbers are left alone: coders' notes tell their events in the present ("3 civilians are killed")."""
    v = parsed.tokens[anchor.i]
    if v.pos != "VERB" or v.tag != "VBN":
        return False
    kids = parsed.children(v.i)
    return any(c.dep == "auxpass" and c.tag in ("VBP", "VBZ") for c in kids) \
        and not any(c.dep == "aux" for c in kids)


def _hypothetical(parsed: Parsed, anchor: Token) -> bool:
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
        if k > 0 and t.lemma in w.HYPOTHETICAL_GOVERNORS and chain[k - 1].dep in ("xcomp", "ccomp", "pcomp", "advcl") \
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
    return clause.i < governor.i and any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(clause.i))


def _negated(parsed: Parsed, anchor: Token) -> bool:
    return any(c.dep == "neg" for c in parsed.children(anchor.i))


def _partitive(parsed: Parsed, nominal: Token) -> Token | None:
    """"one of them", "two of the dead": the word of the group a count is a part of, or None."""
    for c in parsed.children(nominal.i):
        if c.dep == "prep" and c.lower == "of":
            for p in parsed.children(c.i):
                if p.dep == "pobj" and p.lower in vocab().PARTITIVE:
                    return p
    return None


def _counted_before(parsed: Parsed, t: Token, category: str) -> bool:
    """Is a count of this harm told before `t`, in its sentence or the one before? ("Nine were killed. Six of
    them ...")"""
    for s in range(max(0, t.sent - 1), t.sent + 1):
        for q in find_quantities(parsed, s):
            if parsed.tokens[q.start].idx < t.idx and q.head != t.i and q.start != t.i:
                m = _mention_for(parsed, q)
                if m is not None and m.category == category:
                    return True
    return False


def _is_subset(parsed: Parsed, nominal: Token, partitive: bool = True) -> bool:
    """"including six women", "among them 12 children": part of another count, not its own figure."""
    for t in [nominal] + list(parsed.ancestors(nominal))[:3]:
        if t.dep == "pobj" and parsed.tokens[t.head].lower in vocab().SUBSET_PREPS:
            prep = parsed.tokens[t.head]
            # "three children among 10 killed": the count after "among" is the whole, the one before it the part
            if prep.lower == "among" and (t.like_num or any(c.dep == "nummod" for c in parsed.children(t.i))):
                return False
            return True
        if t.lower in vocab().SUBSET_PREPS and t.dep in ("prep",):
            return True
    for c in parsed.children(nominal.i):
        if c.dep == "prep" and c.lower == "among" and any(
                p.like_num or any(x.dep == "nummod" for x in parsed.children(p.i)) for p in parsed.children(c.i)):
            return True
    if partitive and _partitive(parsed, nominal) is not None:
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
        if t.pos in ("VERB", "AUX") or t.lower in (";", ":", ".", "(", ")", "--", "—") or t.dep == "cc" and t.lower != "and":
            return False
        if t.lower == "and" and j > sent_start and parsed.tokens[j - 1].lower == ",":
            return False  # "including a child, and 10 people were wounded"
    return False


def _victims(parsed: Parsed, nominal: Token) -> str:
    """Whom the count is of: civilians, security forces, militants, a mix, or unknown."""
    words = [nominal] + [c for c in parsed.subtree(nominal) if c.i - nominal.i < 12]
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


def _context_flags(parsed: Parsed, m: Mention, anchor: Token, nominal: Token) -> None:
    w = vocab()
    verb = verbal_anchor(parsed, anchor)
    clause = _clause(parsed, verb) if verb.i != nominal.i else _clause(parsed, nominal)
    if nominal.i not in {t.i for t in clause}:
        clause = sorted(set(clause) | set(parsed.subtree(nominal)), key=lambda t: t.i)
    words = [t.lower for t in clause]
    m.aggregate = _is_aggregate(parsed, clause, words, verb)
    m.incidents = any(t.lower in w.TOLD_APART and parsed.tokens[t.head].lower in w.ATTACK_NOUNS for t in clause)
    m.perfect = _present_perfect(parsed, verb)
    sent_words = [t.lower for t in parsed.sentence_tokens(m.sent)]
    m.superseded_cue = _superseded(parsed, verb, sent_words)
    m.revision_cue = w.REVISION.search(sent_words)
    before = [parsed.tokens[j].lower for j in range(max(parsed.sents[m.sent][0], parsed.tokens[nominal.i].i - 6), nominal.i)]
    before = [b for k, b in enumerate(before) if not (b == "more" and before[k + 1 : k + 2] == ["than"])]  # a hedge
    m.additive = nominal.lower in w.ADDITIVE_COUNTED or any(b in before[-n:] for b, n in w.ADDITIVE_BEFORE.items()) \
        or any(c.lower in w.ADDITIVE_ADVERBS and c.dep == "advmod" for c in parsed.children(verb.i))
    m.total = _told_as_total(parsed, clause, {verb.i, anchor.i, nominal.i})
    m.others = nominal.lower in w.OTHER_COUNTED or any(b in before[-n:] for b, n in w.OTHER_BEFORE.items())
    m.anchors_time = [e.text for e in parsed.ents_between(clause[0].i, clause[-1].i + 1)
                      if e.label in ("DATE", "TIME") and
                      any(e.start <= t.i < e.end for t in clause) and not e.start <= m.nominal < e.end
                      and not (e.start <= parsed.tokens[m.nominal].i < e.end)]


def _present_perfect(parsed: Parsed, verb: Token) -> bool:
    """"have been killed": the verb has a present "have" auxiliary."""
    return any(c.dep == "aux" and c.lemma == "have" and c.tag in ("VBP", "VBZ") for c in parsed.children(verb.i))


def _told_as_total(parsed: Parsed, clause: list[Token], near: set[int]) -> bool:
    """"Total fatalities coded as 14", "18 were killed in all": a total word on the count's verb or noun; not
    "14 Jieh and nine Murle, a total of 23", where the total has a number of its own."""
    for t in clause:
        if t.lower not in vocab().TOTAL_WORDS or t.lower == "all" and parsed.tokens[t.i - 1].lower != "in":
            continue
        if t.head in near or parsed.tokens[t.head].head in near and not parsed.tokens[t.head].like_num:
            if not any(x.like_num for x in parsed.subtree(t) if x.i != t.i):
                return True
    return False


def _is_aggregate(parsed: Parsed, clause: list[Token], words: list[str], verb: Token) -> bool:
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
        if after and (after[0] in w.BOUNDED_AFTER or " ".join(after) in w.BOUNDED_AFTER or after[0].isdigit() and len(after[0]) < 3):
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
    perfect = _present_perfect(parsed, verb)
    for t in clause:
        head = parsed.tokens[t.head]
        if t.lower in w.MANY_INCIDENTS and head.lower in w.ATTACK_NOUNS and head.tag == "NNS" \
                and (perfect or t.lower not in w.TOLD_APART) \
                and not any(c.dep == "nummod" for c in parsed.children(head.i)):
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


def _superseded(parsed: Parsed, verb: Token, sent_words: list[str]) -> bool:
    """"had initially put the toll at 12", "Authorities had said earlier that more than 100..."."""
    chain = [verb] + list(parsed.ancestors(verb))
    for t in chain:
        for c in parsed.children(t.i):
            if c.dep == "advmod" and c.lower in vocab().SUPERSEDED:
                prev = parsed.tokens[c.i - 1] if c.i else None
                if c.lower == "earlier" and prev is not None and (prev.like_num or prev.lower in ("days", "weeks", "day", "week", "a", "hours")):
                    continue
                return True
            if c.dep == "amod" and c.lower in ("initial", "earlier", "previous") and t.lemma in ("toll", "figure", "count"):
                return True
    return False


# ---------------------------------------------------------------- statements without a number
def _implicit_mentions(parsed: Parsed, s: int, found: list[Mention]) -> list[Mention]:
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
            lost = _root_subject(parsed, v, cats[0][0], found)
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
            value = 0 if zero else _singular_victim(parsed, arg, cats[0][0], reasons)
        if value is None:
            continue
        told = Candidate("victim_without_number", cats[0][0], v.i, v.text)
        if _hypothetical(parsed, v):
            told.cues.append("hypothetical")
        if _negated(parsed, v) and not zero:
            told.cues.append("negated")
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
        span = Span(parsed.tokens[_victim_start(parsed, arg)].idx, arg.end)
        made = False
        for cat, anchor in cats:
            m = Mention(cat, value, value, "zero" if zero else "exact", span, s, anchor.i, arg.i,
                        victims=_victims(parsed, arg), reasons=reasons + choice.reasons,
                        implicit=not zero and not numbered)
            _context_flags(parsed, m, anchor, arg)
            if not m.aggregate:
                out.append(m)
                made = True
        if made:
            for x in absorbed:
                if x in found:
                    found.remove(x)
        taken.add(arg.i)
    return out


def _victim_of_noun(parsed: Parsed, s: int, found: list[Mention]) -> list[Mention]:
    """"the body of a priest was found", "the killing of journalist Maxwell Nashan": one victim after a noun of
    killing, told without a number."""
    w = vocab()
    out: list[Mention] = []
    taken = {m.nominal for m in found}
    for t in parsed.sentence_tokens(s):
        if t.pos != "NOUN" or t.lemma not in w.VICTIM_OF_NOUNS and not _an_outcome(parsed, t):
            continue
        told = Candidate("victim_of_killing_noun", "killed", t.i, t.text)
        if t.lemma not in w.BODY_NOUNS and t.dep == "pobj" and parsed.tokens[t.head].lower in w.MOTIVE_PREPS:
            told.cues.append("motive")  # "protesters marched over the killing of a student": told of another time
        if _hypothetical(parsed, t):
            told.cues.append("hypothetical")
        choice = choose([told], [])
        if not choice.figure:
            continue
        for prep in parsed.children(t.i):
            if prep.dep != "prep" or prep.lower != "of":
                continue
            for arg in parsed.children(prep.i):
                if arg.dep != "pobj" or arg.i in taken or arg.like_num:
                    continue
                reasons = [f"'{t.text} of': a killing"]
                value = _singular_victim(parsed, arg, "killed", reasons)
                if value is None:
                    continue
                reasons += choice.reasons
                span = Span(parsed.tokens[_victim_start(parsed, arg)].idx, arg.end)
                m = Mention("killed", value, value, "exact", span, s, t.i, arg.i,
                            victims=_victims(parsed, arg), reasons=reasons, implicit=True)
                _context_flags(parsed, m, t, arg)
                if not m.aggregate:
                    out.append(m)
                    taken.add(arg.i)
    return out


def _an_outcome(parsed: Parsed, t: Token) -> bool:
    """"resulting in the death of its owner", "leading to the death of the local", "caused the death of": a noun of
    death told as what the event brought about."""
    if t.lemma not in vocab().OUTCOME_NOUNS:
        return False
    head = parsed.tokens[t.head]
    verb = parsed.tokens[head.head] if t.dep == "pobj" and head.lower in ("in", "to") else head if t.dep == "dobj" else None
    return verb is not None and verb.lemma in vocab().OUTCOME_VERBS


def _victim_start(parsed: Parsed, arg: Token) -> int:
    """The first token of a victim told without a number, with its determiner and modifiers ("the village chief")."""
    return min([arg.i] + [c.i for c in parsed.children(arg.i)
                          if c.dep in ("det", "poss", "amod", "compound") and c.i < arg.i])


def _lost_singular_subject(parsed: Parsed, v: Token, category: str, found: list[Mention]) -> Token | None:
    """"In Colider, a fugitive from the prison was killed": the parser hangs the subject elsewhere, but "was killed"
    tells one victim. The noun just before the verb stands for it; None where a number already counts the verb's
    victims or nothing before it could be a victim."""
    w = vocab()
    if category not in w.ONE_VICTIM_CATEGORIES or any(m.anchor == v.i for m in found):
        return None
    kids = parsed.children(v.i)
    if not any(c.dep == "auxpass" and c.lower in ("was", "is") for c in kids):
        return None
    start = parsed.sents[v.sent][0]
    for j in range(v.i - 1, max(start, v.i - 10) - 1, -1):
        t = parsed.tokens[j]
        if t.pos in ("VERB",) or t.like_num:
            return None
        if t.tag in ("NN", "NNP") and t.lemma not in w.NOT_PEOPLE and t.ent not in ("GPE", "LOC", "FAC", "DATE", "TIME"):
            return t
    return None


def _root_subject(parsed: Parsed, v: Token, category: str, found: list[Mention]) -> Token | None:
    """"A respected editor working for the weekly Dunavska Pravda was killed": the parser made the whole
    sentence one noun phrase and gave "was killed" the newspaper's name (no person) as subject. The sentence's root
    noun, one person told before the singular passive, is its victim."""
    if category not in vocab().ONE_VICTIM_CATEGORIES or v.dep != "relcl" or any(m.anchor == v.i for m in found):
        return None
    if not any(c.dep == "auxpass" and c.lower in ("was", "is") for c in parsed.children(v.i)):
        return None
    root = next((t for t in parsed.sentence_tokens(v.sent) if t.dep == "ROOT"), None)
    if root is None or root.i >= v.i or root.pos != "NOUN" or not _one_person(parsed, root, category, []):
        return None
    return root


def _singular_victim(parsed: Parsed, arg: Token, category: str, reasons: list[str]) -> int | None:
    """1 for one person told without a number: "a journalist", "the village chief", "Emmanuel Niyonkuru", and one
    more for each person coordinated with it ("the council head and a government employee")."""
    if not _one_person(parsed, arg, category, reasons):
        # "The All Progressives Congress Ward Chairman ..., Alhaji Yusuf Yahaya, has been killed": the name in apposition
        named = [a for c in parsed.children(arg.i) if c.dep == "appos"
                 for a in [c, *[k for k in parsed.children(c.i) if k.dep == "appos"]]]
        if not any(_one_person(parsed, a, category, reasons) for a in named):
            return None
    n = 1
    for c in parsed.children(arg.i):
        own = any(k.dep in ("det", "poss") for k in parsed.children(c.i)) or c.ent == "PERSON" or c.lower == "another"
        if c.dep == "conj" and own and not c.like_num and not any(k.dep == "nummod" for k in parsed.children(c.i)) \
                and _one_person(parsed, c, category, []):  # not "a social leader and president of the council"
            n += 1
            reasons.append(f"and '{c.text}': one more")
    return n


def _headline_verb(parsed: Parsed, v: Token) -> bool:
    """A verb in a headline's present ("Gunmen kill farmer", "Blast kills officer"): no auxiliary, no "to"."""
    return v.tag in ("VBZ", "VBP", "VB") and not any(c.dep in ("aux", "auxpass") for c in parsed.children(v.i))


def _one_person(parsed: Parsed, t: Token, category: str, reasons: list[str]) -> bool:
    """Is `t` one person? Strictly a person noun after "a" for any category; for the killed and injured (whose
    victims are people) any singular noun that is no thing, place or group, with a determiner, or a person's name."""
    w = vocab()
    kids = parsed.children(t.i)
    if t.lower == "another" and category in w.ONE_VICTIM_CATEGORIES and t.dep in ("dobj", "nsubj", "nsubjpass", "conj"):
        reasons.append("'another': one more person")  # "killing one and wounding another"
        return True
    if t.dep == "conj":  # "his wife and son": the son is his too
        kids = kids + parsed.children(t.head)
    dets = {c.lower for c in kids if c.dep in ("det", "poss")}
    if t.lemma in w.NOT_PEOPLE or t.lemma in w.COLLECTIVE or t.lower in w.COLLECTIVE or t.tag in ("NNS", "NNPS", "PRP"):
        return False
    # "killed a civilian": the tagger often takes a person word for an adjective; after "a" it is the person.
    if dets & {"a", "an", "one"} and (t.tag == "NN" or t.tag == "JJ" and t.lemma in w.VICTIM_WORDS) and _is_person(t):
        reasons.append(f"'{t.text}': a person, one")
        return True
    if category not in w.ONE_VICTIM_CATEGORIES:
        return False
    if not dets and t.tag == "NN" and t.dep == "dobj" and _headline_verb(parsed, parsed.tokens[t.head]) \
            and not any(c.dep in ("det", "poss", "nummod") for c in kids) and _is_person(t):
        reasons.append(f"'{t.text}': a headline's bare singular victim ('kills police officer'), one")
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


def _companions(parsed: Parsed, v: Token, arg: Token, category: str, found: list[Mention],
                absorbed: list[Mention], reasons: list[str]) -> int:
    """People killed with the victim: "along with four others" (4), "alongside his wife and son" (2), "and seven
    members of his family" (7, a count already found: absorbed into the victim's figure)."""
    w = vocab()
    by_nominal = {m.nominal: m for m in found if m.category == category and m.sent == arg.sent}
    heads = []
    for x in (v, arg, *_shared_subject_conjuncts(parsed, v)):  # "was killed and burned along with his wife"
        for c in parsed.children(x.i):
            if c.dep == "prep" and c.lower in w.COMPANION_PREPS:
                heads.extend(p for p in parsed.children(c.i) if p.dep == "pobj")
                # "along with": the parser hangs "with" on "along"
                for k in parsed.children(c.i):
                    if k.dep == "prep" and k.lower == "with":
                        heads.extend(p for p in parsed.children(k.i) if p.dep == "pobj")
    for c in parsed.children(arg.i):
        if c.dep == "conj" and c.i in by_nominal:
            heads.append(c)
    counts = {_counted(parsed, q): q for q in find_quantities(parsed, arg.sent)}
    n = 0
    for h in heads:
        for p in [h] + [c for c in parsed.children(h.i) if c.dep == "conj"]:
            m = by_nominal.get(p.i)
            q = counts.get(p.i)
            if m is None and q is not None and q.headline is not None and (p.lemma in w.PEOPLE_NOUNS or _is_companion(p)):
                n += q.headline
                reasons.append(f"with '{p.text}': {q.headline} more")
                continue
            if m is not None and m.headline is not None and (m.victims == "unknown" or
                                                              m.victims == _victims(parsed, arg) or
                                                              _victims(parsed, arg) == "unknown"):
                n += m.headline
                absorbed.append(m)
                reasons.append(f"with '{p.text}': {m.headline} more")
            elif (_is_companion(p) and _one_person(parsed, p, category, [])) and not p.like_num:
                n += 1
                reasons.append(f"with '{p.text}': one more")
    return n


def _counted(parsed: Parsed, q: Quantity) -> int:
    """The noun a number counts ("four others" -> "others"), or the number itself."""
    head = parsed.tokens[q.head]
    return head.head if head.dep == "nummod" else head.i


def _is_companion(t: Token) -> bool:
    return t.lemma in vocab().COMPANIONS or _is_person(t)


def _implicit_categories(parsed: Parsed, v: Token) -> list[tuple[str, Token]]:
    """The casualty categories a verb and the verbs coordinated with it assert: "killed or wounded"."""
    w = vocab()
    cat = _verb_category(parsed, v, passive=True) if v.lemma in w.VERBS else (
        w.INTRANSITIVE.get(v.lemma) or _phrase_category(parsed, v) or _phrase_category(parsed, v, w.SUBJECT_PHRASES))
    own_subject = any(k.dep in ("nsubj", "nsubjpass") for k in parsed.children(v.i))
    if cat is None or v.dep == "conj" and parsed.tokens[v.head].lemma in w.VERBS and not own_subject \
            and not _has_object(parsed, v):  # "killed a farmer and wounded another": its own victim
        return []
    out = [(cat, v)]
    for c in parsed.children(v.i):
        own_subject = any(k.dep in ("nsubj", "nsubjpass", "dobj") for k in parsed.children(c.i))
        if c.dep == "conj" and c.lemma in w.VERBS and not own_subject:  # "killed or wounded"; not "... and killed four"
            out.append((w.VERBS[c.lemma], c))
    return out


def _victim_argument(parsed: Parsed, v: Token) -> Token | None:
    """The victim of a casualty verb: its passive subject, an intransitive's subject, an active one's object; a verb
    coordinated with another and no subject of its own ("was ambushed and murdered") takes the other's."""
    kids = parsed.children(v.i)
    passive = any(c.dep in ("auxpass", "nsubjpass") for c in kids)
    for c in kids:
        if passive and c.dep == "nsubjpass":
            return c
        if not passive and v.lemma in vocab().INTRANSITIVE and c.dep == "nsubj":
            return c
        if not passive and v.lemma not in vocab().INTRANSITIVE and c.dep == "dobj":
            return c
        if not passive and c.dep == "nsubj" and _phrase_category(parsed, v, vocab().SUBJECT_PHRASES):
            return c
        if not passive and c.dep == "nsubj" and v.lemma in vocab().VERBS and not _has_object(parsed, v) \
                and not any(k.dep == "conj" and _has_object(parsed, k) for k in kids) \
                and not any(k.dep == "aux" for k in kids) and (v.tag == "VBN" or v.dep == "conj" and any(
                    k.dep == "auxpass" for k in parsed.children(v.head))):
            return c  # "... and his brother wounded": a passive with its auxiliary left out
    head = parsed.tokens[v.head]
    if v.dep in ("xcomp", "oprd", "advcl") and head.lemma in vocab().RAISING and head.i == v.i - 1:
        # "a priest was found shot dead", "a guard was reported killed": the raising verb's subject
        subj = next((c for c in parsed.children(head.i) if c.dep == "nsubjpass"), None)
        if subj is not None:
            return subj
    if v.dep == "conj" and head.i != v.i and not any(c.dep in ("nsubj", "nsubjpass") for c in kids):
        hk = parsed.children(head.i)
        if any(c.dep in ("auxpass", "nsubjpass") for c in hk):
            return next((c for c in hk if c.dep == "nsubjpass"), None)
    return None


def _is_person(t: Token) -> bool:
    w = t.lemma
    if w in vocab().NOT_PEOPLE:
        return False
    return w in vocab().VICTIM_WORDS or w in vocab().PEOPLE_NOUNS or t.ent == "PERSON" or w.endswith(
        ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee", "ier", "eer")
    ) or w in ("child", "boy", "girl", "baby", "person", "toddler", "teen", "youth", "civilian")
