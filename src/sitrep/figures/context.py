"""The flags a statement takes from its clause and sentence: a tally, one total of several incidents, present
perfect, an earlier toll, a revised toll, more victims ("six more"), others ("four others"), a total, the time
words that anchor it. They are not part of whether a number is a figure; the stages after this one use them to
merge statements into figures and figures into events.
"""
from __future__ import annotations

from sitrep import lexicon
from sitrep.figures.mention import Mention
from sitrep.figures.tally import is_aggregate, present_perfect, told_as_total
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token


def context_flags(parsed: Parsed, m: Mention, anchor: Token, nominal: Token) -> None:
    """Set the statement's flags from the clause of its harm word and its sentence (see `Mention`)."""
    w = vocab()
    verb = verbal_anchor(parsed, anchor)
    clause = _clause(parsed, verb, nominal) if verb.i != nominal.i else _clause(parsed, nominal, nominal)
    if nominal.i not in {t.i for t in clause}:
        clause = sorted(set(clause) | set(parsed.subtree(nominal)), key=lambda t: t.i)
    words = [t.lower for t in clause]
    m.aggregate = is_aggregate(parsed, clause, words, verb)
    m.incidents = any(t.lower in w.TOLD_APART and parsed.tokens[t.head].lower in w.ATTACK_NOUNS for t in clause)
    m.perfect = present_perfect(parsed, verb)
    sent_words = [t.lower for t in parsed.sentence_tokens(m.sent)]
    m.superseded_cue = _superseded(parsed, verb, sent_words)
    m.revision_cue = w.REVISION.search(sent_words)
    before = [parsed.tokens[j].lower for j in range(max(parsed.sents[m.sent][0], nominal.i - 6), nominal.i)]
    before = [b for k, b in enumerate(before) if not (b == "more" and before[k + 1 : k + 2] == ["than"])]  # a hedge
    m.additive = nominal.lower in w.ADDITIVE_COUNTED \
        or any(b in before[-n:] for b, n in w.ADDITIVE_BEFORE.items()) \
        or any(c.lower in w.ADDITIVE_ADVERBS and c.dep == "advmod" for c in parsed.children(verb.i)) \
        and not _said(verb)
    m.total = told_as_total(parsed, clause, {verb.i, anchor.i, nominal.i})
    m.others = nominal.lower in w.OTHER_COUNTED or any(b in before[-n:] for b, n in w.OTHER_BEFORE.items())
    m.anchors_time = [e.text for e in parsed.ents_between(clause[0].i, clause[-1].i + 1)
                      if e.label in ("DATE", "TIME") and any(e.start <= t.i < e.end for t in clause)
                      and not e.start <= m.nominal < e.end]


def _said(verb: Token) -> bool:
    """"A provincial radio station also reported 1 death": "also" on a verb of saying tells another source saying
    it too, not more victims; "two shepherds were also killed" (with "also" on the harm word) adds to the toll."""
    return verb in lexicon.speech_verbs("of_figures")


def _clause(parsed: Parsed, anchor: Token, nominal: Token) -> list[Token]:
    """The anchor's clause: its subtree without embedded reported speech, nor the relative clauses of other nouns
    ("six bodies were found near the quarry, which the army reopened last year": the quarry's, not the count's);
    the counted noun's own ("people who have died since 2014") stays."""
    out, stack = [], [anchor]
    while stack:
        x = stack.pop()
        out.append(x)
        for c in parsed.children(x.i):
            if c.dep not in ("ccomp", "parataxis") and not (c.dep == "relcl" and x.i != nominal.i):
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


def _superseded(parsed: Parsed, verb: Token, sent_words: list[str]) -> bool:
    """"had initially put the toll at 12", "Authorities had said earlier that more than 100..."."""
    chain = [verb] + list(parsed.ancestors(verb))
    for t in chain:
        for c in parsed.children(t.i):
            if c.dep == "advmod" and c.lower in vocab().SUPERSEDED:
                prev = parsed.tokens[c.i - 1] if c.i else None
                if c.lower == "earlier" and prev is not None \
                        and (prev.like_num or prev.lower in ("days", "weeks", "day", "week", "a", "hours")):
                    continue
                return True
            if c.dep == "amod" and c.lower in ("initial", "earlier", "previous") \
                    and t.lemma in ("toll", "figure", "count"):
                return True
    return False
