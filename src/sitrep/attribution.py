"""Attribution: who gave each figure, and whether the report says it was confirmed.

The source of a figure is the subject of the speech verb whose clause holds it ("..., a provincial official said",
"according to Ko Zaw Tun", "the headteacher told authorities"). A pronoun ("he said") stands for the last named
source; a figure inside a quotation belongs to whoever the quotation is attributed to. News agencies relay rather
than claim: "the Interfax news agency cited officials as saying" gives "officials ..., via the Interfax news agency".
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from sitrep import lexicon
from sitrep.figures import Mention
from sitrep.nlp import Parsed, Token

@dataclass(frozen=True, slots=True)
class Rules:
    """The words attribution reads (data/attribution.toml, and the shared speech verbs and toll nouns), compiled
    once when the pipeline is built (`rules()`), not at import."""

    speech: lexicon.Verbs  # the shared speech verbs and those whose subject sources the figures ("estimated")
    relay_verbs: frozenset[str]
    pronouns: frozenset[str]
    not_speech_objects: frozenset[str]
    relays: frozenset[str]
    relay_ends: tuple[str, ...]  # " agency": a name that ends with a relay's ("the state news agency")
    relay_starts: tuple[str, ...]  # "Reuters ": one that starts with it
    doubt_phrases: lexicon.Phrases
    doubt_adverbs: frozenset[str]
    doubt_governors: frozenset[str]
    doubt_about: frozenset[str]
    doubt_not_on: frozenset[str]
    confirm_phrases: lexicon.Phrases
    confirm_verbs: frozenset[str]
    negations: frozenset[str]
    toll_nouns: frozenset[str]


@cache
def rules() -> Rules:
    """attribution's words, read on first use (the pipeline's build asks for them)."""
    att = lexicon.load("attribution")
    speech, doubt, confirm = att["speech"], att["doubt"], att["confirm"]
    return Rules(
        speech=lexicon.speech_verbs("of_figures"), relay_verbs=frozenset(speech["relay_verbs"]),
        pronouns=frozenset(speech["pronouns"]), not_speech_objects=frozenset(speech["not_objects"]),
        relays=frozenset(att["relays"]["names"]),
        relay_ends=tuple(" " + r for r in att["relays"]["names"] if " " in r or len(r) > 3),
        relay_starts=tuple(r + " " for r in att["relays"]["names"] if " " in r or len(r) > 3), doubt_phrases=lexicon.Phrases(doubt["phrases"]),
        doubt_adverbs=frozenset(doubt["adverbs"]), doubt_governors=frozenset(doubt["governors"]),
        doubt_about=frozenset(doubt["about"]), doubt_not_on=frozenset(doubt["not_on"]),
        confirm_phrases=lexicon.Phrases(confirm["phrases"]), confirm_verbs=frozenset(confirm["verbs"]),
        negations=frozenset(confirm["negations"]), toll_nouns=frozenset(lexicon.load("context")["toll"]["nouns"]))


_QUOTES = "\"“”‘’'«»"
_SKIP_IN_NAME = {"relcl", "acl", "advcl", "punct", "cc"}


@dataclass(slots=True)
class Speaker:
    """Someone the report quotes: the words that name them, and whether those words name them properly."""

    sent: int
    verb: int
    text: str
    named: bool
    relay: bool
    pronoun: bool


def attribute(parsed: Parsed, mentions: list[Mention]) -> tuple[list[Speaker], list[Mention]]:
    """Every speaker found in the text, and the mentions again, each a copy with its `source`, `source_named` and
    `confirmed`: the mentions as the figures stage made them are left as they were (a stage writes its own)."""
    speakers = find_speakers(parsed)
    by_verb = {sp.verb: sp for sp in speakers}
    sourced = []
    for m in mentions:
        sp = _speaker_for(parsed, m, by_verb, speakers)
        said = {"source": sp.text, "source_named": sp.named} if sp is not None else {}
        sourced.append(replace(m, **said, confirmed=_confirmed(parsed, m)))
    _doubt_from_next_sentence(parsed, sourced)
    return speakers, sourced


# ---------------------------------------------------------------- speakers
def find_speakers(parsed: Parsed) -> list[Speaker]:
    """Every speech act in the text with a resolved speaker: pronouns stand for the last named one."""
    vocab = rules()
    out: list[Speaker] = []
    for t in parsed.tokens:
        sp = None
        if t in vocab.speech and (t.pos == "VERB" or t.tag in ("VBD", "VBZ", "VBP", "VBN")):
            if any(c.dep == "dobj" and c.lemma in vocab.not_speech_objects for c in parsed.children(t.i)):
                continue  # "claimed responsibility": a claim of the attack, not a statement of its toll
            sp = _speech_subject(parsed, t)
        elif t.lower == "according":
            to = next((c for c in parsed.children(t.i) if c.lower == "to"), None)
            obj = next((c for c in parsed.children(to.i) if c.dep == "pobj"), None) if to else None
            if obj is not None:
                sp = _make_speaker(parsed, t, obj)
        if sp is None:
            continue
        if sp.pronoun:
            prev = _last_named(out)
            if prev is None:
                continue
            sp = Speaker(sp.sent, sp.verb, prev.text, prev.named, prev.relay, False)
        elif not sp.named:
            prev = _antecedent(out, sp.text)
            if prev is not None:
                sp = Speaker(sp.sent, sp.verb, prev.text, True, prev.relay, False)
        out.append(sp)
    return out


def _antecedent(speakers: list[Speaker], text: str) -> Speaker | None:
    """"The office said" after "the UN Office for the Coordination of Humanitarian Affairs said": the same one."""
    words = text.lower().split()
    if len(words) < 2 or words[0] not in ("the", "this"):
        return None
    head = words[-1]
    for sp in reversed(speakers):
        if sp.named and not sp.relay and head in sp.text.lower().split():
            return sp
    return None


def _speech_subject(parsed: Parsed, v: Token) -> Speaker | None:
    vocab = rules()
    kids = parsed.children(v.i)
    subjects = [c for c in kids if c.dep in ("nsubj", "nsubjpass")]
    # Two subjects when the parser misreads an aside ("40 people, most of them women, ..., residents said"):
    # the speaker is the one next to the verb.
    before = [c for c in subjects if c.i < v.i]
    subj = before[-1] if before else (subjects[0] if subjects else None)
    if v.lemma in vocab.relay_verbs:
        # "Interfax cited officials as saying ...": officials are the source, Interfax relays.
        obj = next((c for c in kids if c.dep == "dobj"), None)
        if obj is not None:
            sp = _make_speaker(parsed, v, obj)
            if subj is not None:
                sp.text = f"{sp.text}, via {_name_text(parsed, subj)}"
            return sp
    if subj is None or subj.i > v.i and v.i > parsed.sents[v.sent][0] and parsed.tokens[v.i - 1].pos in ("NOUN", "PROPN"):
        # The parser lost the subject ("local media and residents said", "media and locals said killed"):
        # take the noun phrase just before the verb.
        left = _noun_phrase_before(parsed, v)
        if left is not None:
            return left
    if subj is None and v.dep == "conj":
        subj = next((c for c in parsed.children(v.head) if c.dep == "nsubj"), None)
    if subj is None or subj.pos == "NUM" or subj.like_num:
        return None
    if subj.lower in ("that", "which", "who") or subj.dep == "nsubjpass" and v.lemma != "quote":
        return None
    sp = _make_speaker(parsed, v, subj)
    if v.lemma == "tell":
        # "locals told AFP": the agency relays what locals said.
        obj = next((c for c in kids if c.dep in ("dobj", "dative")), None)
        if obj is not None and _is_relay(_name_text(parsed, obj)):
            sp.text = f"{sp.text}, via {_name_text(parsed, obj)}"
    return sp


def _noun_phrase_before(parsed: Parsed, v: Token) -> Speaker | None:
    """The noun phrase that ends just before `v`, back to a comma, "that" or "but"."""
    start = parsed.sents[v.sent][0]
    k = v.i - 1
    words: list[Token] = []
    while k >= start:
        t = parsed.tokens[k]
        if t.pos in ("NOUN", "PROPN", "ADJ", "DET") or t.lower in ("and", "-", "'s", "of") and words:
            if t.lower in ("that", "which", "who"):
                break
            words.insert(0, t)
            k -= 1
            continue
        break
    while words and words[0].pos in ("DET",) and words[0].lower not in ("a", "an", "the"):
        words.pop(0)
    if not words or not any(w.pos in ("NOUN", "PROPN") for w in words):
        return None
    text = parsed.text[words[0].idx : words[-1].end].strip(" ,;:-–—" + _QUOTES).replace("’", "'")
    named = any(t.pos == "PROPN" or t.ent in ("PERSON", "ORG", "NORP", "GPE") for t in words)
    return Speaker(v.sent, v.i, text, named, _is_relay(text), False)


def _make_speaker(parsed: Parsed, verb: Token, subj: Token) -> Speaker:
    vocab = rules()
    text = _name_text(parsed, subj)
    return Speaker(verb.sent, verb.i, text, _is_named(parsed, subj), _is_relay(text), subj.lower in vocab.pronouns)


def _is_named(parsed: Parsed, head: Token) -> bool:
    """Does the phrase name someone ("Muhannad Haimour", "the UN", "police Lt. Ali Abbas"), rather than describe
    them ("a monitoring group", "one mother from Zummar", "the Britain-based group")?"""
    title = parsed.is_title(head.sent)
    first = parsed.sents[head.sent][0]
    parts = [head] + [c for c in parsed.children(head.i) if c.dep in ("appos", "compound", "flat", "nmod")]
    for t in parts:
        if t.ent in ("PERSON", "ORG"):
            return True
        # A capital at the start of a sentence or in a headline is not evidence of a name.
        if t.pos == "PROPN" and not title and t.i != first:
            return True
    return False


def _name_text(parsed: Parsed, head: Token) -> str:
    """The words naming a speaker: the noun phrase without relative clauses ("Muhannad Haimour, Anbar spokesman")."""
    keep: list[Token] = []
    stack = [head]
    while stack:
        x = stack.pop()
        keep.append(x)
        for c in parsed.children(x.i):
            if c.dep in _SKIP_IN_NAME and not (c.dep == "punct" and c.text in ",()") or c.text.isspace():
                continue  # a line break the parser hangs on a headline's last word is no part of the name
            if c.dep == "prep" and c.lower not in ("of", "for", "in", "from", "at", "with"):
                continue
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    # Contiguous run around the head, so that nothing from elsewhere in the sentence creeps in.
    run = [t for t in keep if abs(t.i - head.i) < 20]
    if not run:
        return head.text
    text = parsed.text[run[0].idx : run[-1].end].strip(" ,;:-–—" + _QUOTES)
    text = text.replace("’", "'").replace("‘", "'")
    while text.endswith("(") or text.count("(") < text.count(")") and text.endswith(")"):
        text = text[:-1].rstrip(" ,")
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def _is_relay(text: str) -> bool:
    vocab = rules()
    low = text.lower().strip()
    return low in vocab.relays or low.endswith(vocab.relay_ends) or low.startswith(vocab.relay_starts)


def _last_named(speakers: list[Speaker]) -> Speaker | None:
    """The speaker a pronoun stands for: the last named one, else the last one."""
    usable = [sp for sp in speakers if not sp.relay and not sp.pronoun]
    for sp in reversed(usable[-3:]):
        if sp.named:
            return sp
    return usable[-1] if usable else None


def _speaker_for(parsed: Parsed, m: Mention, by_verb: dict[int, Speaker], speakers: list[Speaker]) -> Speaker | None:
    """The speech act whose clause holds the mention; else, in a quotation, the quotation's speaker."""
    anchor = parsed.tokens[m.anchor]
    for t in [anchor, *parsed.ancestors(anchor)]:
        if t.i in by_verb and t.i != m.anchor:
            return by_verb[t.i]
        for c in parsed.children(t.i):
            if c.i in by_verb and c.dep in ("parataxis", "advcl", "prep", "conj", "dep", "aux") and c.i != m.anchor:
                return by_verb[c.i]
            if c.lower == "according" and c.i in by_verb:
                return by_verb[c.i]
    same = [sp for sp in speakers if sp.sent == m.sent and not _inside(parsed, sp.verb, m.nominal)
            and _main_clause(parsed, parsed.tokens[sp.verb])]
    if same:
        return same[0]
    if _quoted(parsed, m.sent):
        before = [sp for sp in speakers if sp.sent < m.sent]
        if before:
            return before[-1]
    # A figure told right after a sourced sentence of the same paragraph continues that source's account.
    para = parsed.paragraph_of_sentence
    prev = [sp for sp in speakers if sp.sent == m.sent - 1 and para[sp.sent] == para[m.sent]]
    return prev[-1] if prev else None


def _main_clause(parsed: Parsed, verb: Token) -> bool:
    """A speech verb that frames its sentence ("..., police said"), not one inside a clause ("what one analyst
    described as")."""
    t = verb
    for _ in range(4):
        if t.dep in ("ROOT", "parataxis") or t.head == t.i:
            return True
        if t.dep in ("relcl", "acl", "ccomp", "pcomp", "xcomp", "csubj", "advcl") and t.lower not in ("according",):
            return False
        t = parsed.tokens[t.head]
    return False


def _inside(parsed: Parsed, verb: int, token: int) -> bool:
    """Is `verb` in the subtree of `token` (a speech act about the counted people, not of the reporter)?"""
    t = parsed.tokens[verb]
    return any(a.i == token for a in parsed.ancestors(t))


def _quoted(parsed: Parsed, s: int) -> bool:
    text = parsed.sentence_text(s).strip()
    return bool(text) and (text[0] in _QUOTES or text[-1] in _QUOTES)


# ---------------------------------------------------------------- confirmation
def _confirmed(parsed: Parsed, m: Mention) -> bool | None:
    vocab = rules()
    anchor = parsed.tokens[m.anchor]
    chain = [anchor, *parsed.ancestors(anchor)]
    for t in chain:
        for c in parsed.children(t.i):
            if c.dep == "advmod" and c.lower in vocab.doubt_adverbs:
                return False
        if t is not anchor and t.lemma in vocab.doubt_governors:
            return False
        if t.lemma == "report" and t.pos == "NOUN":
            return False
    words = [t.lower for t in parsed.sentence_tokens(m.sent)]
    if doubts(parsed, m.sent):
        return False
    negated = any(w in vocab.negations for w in words)
    # "..., a hospital spokesperson confirmed": a confirming verb that frames the clause from beside it
    framing = [c for t in chain for c in parsed.children(t.i)
               if c.lemma in vocab.confirm_verbs and c.dep in ("advcl", "parataxis", "conj")]
    if not negated and (vocab.confirm_phrases.search(words) or framing
                        or any(t.lemma in vocab.confirm_verbs for t in chain[1:])):
        return True
    return None


def _doubt_words(parsed: Parsed, s: int) -> Iterator[Token]:
    """The first word of each phrase of doubt in sentence `s` ("could not be independently verified",
    "reportedly"), but for a doubt word that describes a place ("disputed areas", "contested territory")."""
    vocab = rules()
    toks = parsed.sentence_tokens(s)
    words = [t.lower for t in toks]
    starts = vocab.doubt_phrases.starts
    for k in range(len(words)):
        if words[k] not in starts:
            continue
        phrase = vocab.doubt_phrases.at(words, k)
        if phrase is None:
            continue
        if len(phrase) == 1 and toks[k].dep == "amod" and parsed.tokens[toks[k].head].lemma in vocab.doubt_not_on:
            continue
        yield toks[k]


def doubts(parsed: Parsed, s: int) -> bool:
    """Does sentence `s` hold a phrase of doubt? (Asked for each figure of a sentence: answered once a sentence.)"""
    said = parsed.memo("attribution.doubts", dict)
    if s not in said:
        said[s] = any(True for _ in _doubt_words(parsed, s))
    return said[s]


def _doubts_a_figure(parsed: Parsed, s: int) -> bool:
    """Does a doubt phrase of sentence `s` bear on a figure named as such ("the opposition's figure was
    exaggerated", "disputed the toll")?"""
    vocab = rules()
    return any(c.lemma in vocab.toll_nouns or c.lemma in ("claim", "estimate")
               for t in _doubt_words(parsed, s)
               for x in (t, parsed.tokens[t.head])  # "disputed the toll"; "the figure was exaggerated"
               for c in parsed.children(x.i) if c.dep in ("nsubj", "nsubjpass", "dobj"))


def _just_before(with_figures: list[int], s: int) -> list[int]:
    """The (at most two) sentences with figures within three sentences before sentence `s`."""
    return [x for x in with_figures if s - 3 <= x < s][-2:]


def _doubt_from_next_sentence(parsed: Parsed, mentions: list[Mention]) -> None:
    """"... 500 killed ... The figures could not be independently confirmed": a sentence about the figures, with
    none of its own, speaks of the figures told in the sentences just before it. So does one that gives its own
    count and calls another "exaggerated" ("The ministry put the toll at 46 and said the opposition's figure was
    exaggerated"): the toll is contested."""
    vocab = rules()
    with_figures = sorted({m.sent for m in mentions if not m.aggregate})
    for s in range(len(parsed.sents)):
        if s in with_figures:
            if _doubts_a_figure(parsed, s):
                own = {m.category for m in mentions if m.sent == s}  # the ministry's toll contests the killed
                before = _just_before(with_figures, s)
                for m in mentions:
                    if m.sent in before and m.category in own:
                        m.confirmed = False
            continue
        toks = parsed.sentence_tokens(s)
        words = [t.lower for t in toks]
        if not (set(words) & vocab.doubt_about):
            continue
        negated = any(w in vocab.negations for w in words)
        confirms_number = any(t.lemma in vocab.confirm_verbs and any(
            c.lemma in vocab.toll_nouns for c in parsed.children(t.i)
            if c.dep in ("nsubjpass", "dobj")) for t in toks)
        if confirms_number and not negated:
            verdict: bool | None = True  # "the number ... had been confirmed by a headcount"
        elif doubts(parsed, s) or negated and vocab.confirm_phrases.search(words):
            verdict = False  # "could not be verified"; "Neither claim could be independently verified"
        elif vocab.confirm_phrases.search(words):
            verdict = True
        else:
            continue
        before = _just_before(with_figures, s)
        for m in mentions:
            if m.sent in before and (verdict is False or m.confirmed is None):
                m.confirmed = verdict
