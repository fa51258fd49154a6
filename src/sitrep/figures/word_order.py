"""Routes read off the order of the words, where the parse cannot be trusted: headlines ("5 killed in blast"), a
count that opens a clause before its verb ("... and 30 others were injured"), a count right after a harm verb the
parser hung on a time, a count that joins an earlier harm verb's objects. Each gives the harm word and its
category, or None; `routes` weighs them with the routes the parse gives.
"""
from __future__ import annotations

from sitrep.figures.harm_words import verb_category
from sitrep.figures.syntax import has_object
from sitrep.figures.vocab import vocab
from sitrep.nlp import Parsed, Token
from sitrep.numbers import Quantity


def verb_in_order(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
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
    if h.lower in w.ADJECTIVES and (passive or not aux) and not has_object(parsed, h):
        return w.ADJECTIVES[h.lower], h
    if h.lemma in w.VERBS and (passive or not aux and h.tag in ("VBN", "VBD")) and not has_object(parsed, h) \
            and not (h.i + 1 < end and toks[h.i + 1].pos in ("NUM", "DET")):
        cat = verb_category(parsed, h, passive=True)
        return (cat, h) if cat else None
    after = {t.lemma for t in toks[h.i + 1 : min(end, h.i + 4)]}
    for ph, cat in w.SUBJECT_PHRASES.items():
        if len(ph) == 2 and ph[0] == h.lemma and ph[1] in after and h.tag.startswith("VB"):
            return cat, h
    return None


def linear_category(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
    """Headline patterns the parser gets wrong: "5 killed in ...", "two injured by shelling", "Twelve civilians
    killed"."""
    toks = parsed.tokens
    sent_end = parsed.sents[toks[q.head].sent][1]
    k = q.end
    skipped = loose = 0
    while k < sent_end and skipped <= 3 and loose <= 4:
        t = toks[k]
        cat = vocab().ADJECTIVES.get(t.lower) or (vocab().VERBS.get(t.lemma) if t.tag in ("VBN", "VBD") else None) \
            or (vocab().INTRANSITIVE.get(t.lemma) if t.tag in ("VBD", "VBN") else None) \
            or (phrase_in_order(parsed, k) if t.tag in ("VBD", "VBN") else None)  # "1 gunned down"
        if cat and cat != "displaced" or (cat == "displaced" and t.lemma in ("flee", "displace")):
            if t.tag in ("VBD", "VBN") and t.lemma in vocab().VERBS and _has_victim_object(parsed, t):
                # "4 gunmen had killed two guards": the count before a verb with victims of its own is no victim
                return None
            return cat, t
        if t.lower in ("were", "was", "have", "had", "been", "are", "is", "more", "others", "other") \
                or t.pos in ("NOUN", "ADJ", "PROPN") \
                and (t.lemma in vocab().VICTIM_WORDS or t.lemma in vocab().PEOPLE_NOUNS or t.pos == "ADJ"):
            skipped += 1
        elif skipped and (t.ent in ("DATE", "TIME") or t.pos == "ADV" or t.lower in (",", "and")):
            loose += 1  # "were last night killed", "17 people, most of them farmers, were, on Sunday, killed"
        else:
            break
        k += 1
    return None


def object_of_verb_before(parsed: Parsed, q: Quantity) -> tuple[str, Token] | None:
    """"... and wounded at least 20 late on Friday": a casualty verb right before a number the parser hung on a time
    takes it as its object."""
    if q.start == 0:
        return None
    v = parsed.tokens[q.start - 1]
    if v.sent == parsed.tokens[q.head].sent and v.lemma in vocab().VERBS and v.tag in ("VBD", "VBG") \
            and not has_object(parsed, v):
        cat = verb_category(parsed, v, passive=False)
        if cat:
            return cat, v
    # "soldiers responded shooting dead 2": a verb and its particle right before the count
    v = parsed.tokens[q.start - 2] if q.start >= 2 else None
    if v is not None and v.sent == parsed.tokens[q.head].sent and v.tag in ("VBD", "VBG") \
            and not has_object(parsed, v):
        cat = phrase_in_order(parsed, v.i)
        if cat:
            return cat, v
    return None


def phrase_in_order(parsed: Parsed, k: int) -> str | None:
    """"shot dead", "gunned down": a verb and the next word make a two-word harm phrase, whatever the parse made of
    the second; its category, or None."""
    toks = parsed.tokens
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent:
        return None
    nxt = toks[k + 1]
    return next((cat for ph, cat in vocab().PHRASES.items()
                 if len(ph) == 2 and ph[0] == toks[k].lemma and ph[1] in (nxt.lower, nxt.lemma)), None)


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


def harm_verb_before(parsed: Parsed, q: Quantity) -> Token | None:
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
