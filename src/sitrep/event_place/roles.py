"""The part a place plays in its sentence, read from the parse and the words around it: struck at by the event's
words, where someone spoke or travelled, where someone came from or went to, where the report sets itself, where
"the attack" or "the area" points back to. The choice and the fallbacks ask these; none of them decides alone.
"""
from __future__ import annotations

from sitrep.event_place.words import _across_border, _bound, _modifier, _people, _qualifier, cues
from sitrep import figures
from sitrep.incidents import incidents
from sitrep.nlp import Parsed, Token
from sitrep.places import PlaceMention, _reference_point, rules


def candidates(parsed: Parsed, mentions: list[PlaceMention], displacement: bool) -> list[PlaceMention]:
    """The places that may be an event's: not a dateline nor where someone spoke nor a country across a border; nor, while another is named, where
    a person comes from, a people's name, or where people were taken ("flown to Misrata"; for a `displacement`, any
    place they went to)."""
    # Nor the country across a border ("near the border with Niger"): it only says which border.
    usable = [m for m in mentions if not m.dateline and not speaker_place(parsed, m) and not _across_border(parsed, m)]
    # Where a person comes from is not where it happened ("shot a shopkeeper from Manbij in Azaz"), and a
    # people's name is no place ("fighting between Tiv herders and Jukun farmers").
    usable = [m for m in usable if not _origin(parsed, m) and not _people(parsed, m)] or usable
    # Where people fled to is not where they were displaced ("ran to neighbouring Gombe state"), nor where the
    # survivors were taken where it happened ("flown to Misrata"), unless the report names no other place.
    usable = [m for m in usable if not (_is_destination(parsed, m, None if displacement else rules().transfer_verbs))] \
        or usable
    return usable


def speaker_place(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place where someone spoke or travelled ("told reporters in Vienna", "travelling through Portugal")? Not
    where the speakers live ("residents of X said", "people in X district have said"): they tell what happened there."""
    head = parsed.span_root(m.start, m.end)
    for t in list(parsed.ancestors(head))[:4]:
        if t.pos == "VERB":
            return t.lemma in rules().speech_or_travel and not _said_after(parsed, m, t) \
                and not _victims_travelling(parsed, t) and not _rite(parsed, t) and not _told_there(parsed, m)
        if t.pos == "NOUN" and t.lower in cues().locals:
            return False  # "residents of X said", "people in X district have said": where they live, told by them
    return False


def _rite(parsed: Parsed, verb: Token) -> bool:
    """"said mass in X", "said prayers at X": what was said is no speech, and the place is where the sayer was, as
    any place an event's sentence names."""
    return any(c.dep == "dobj" and c.lower in cues().rites for c in parsed.children(verb.i))


def _told_there(parsed: Parsed, m: PlaceMention) -> bool:
    """"told AFP from X in the south, where her husband was gunned down", "said a man from X, which was targeted by
    the attack": a clause told of the speaker's place (or of the area named with it) tells the event there; the place
    is the event's too. The clause follows the place, with no verb between."""
    toks = parsed.tokens
    rest = [t for t in toks[m.end : m.end + 30] if t.sent == m.sent]
    for k, t in enumerate(rest[:-1]):
        if t.pos in ("VERB", "AUX"):
            return False
        if t.text == "," and rest[k + 1].lower in cues().relatives:
            clause = rest[k + 2 : k + 18]
            # an event word told there as a verb ("was gunned down", "was targeted by the attack")
            # (the figures' verb lists are read when first used, not at import: `figures.VERBS`)
            return any(c.pos == "VERB" and (c.lemma in rules().event_verbs or c.lemma in figures.VERBS
                                            or c.lemma in figures.INTRANSITIVE) for c in clause) \
                or any(i.verb and clause[0].i <= i.token <= clause[-1].i for i in incidents(parsed))
    return False


def _victims_travelling(parsed: Parsed, verb: Token) -> bool:
    """"a mine struck the bus the traders rode in by X", "shot while visiting X": a journey told inside the
    event's clause is the victims', and where it went on is where the event was; not one under a speech verb
    ("said while visiting X")."""
    if verb.lemma not in cues().journeys or verb.dep not in ("relcl", "acl", "advcl"):
        return False
    above = list(parsed.ancestors(verb))[:6]
    return not any(t.lemma in rules().speech_or_travel for t in above)


def _said_after(parsed: Parsed, m: PlaceMention, verb: Token) -> bool:
    """"... shot dead six in the village of X, in Niger's Diffa region, a regional councillor said on Friday": the
    parse hangs the place on the speech verb that closes the sentence, but it is told in what was said."""
    rest = [t for t in parsed.sentence_tokens(m.sent) if t.i > verb.i]
    return verb.i > m.end and any(t.text == "," for t in parsed.tokens[m.end : verb.i]) \
        and not any(t.pos == "VERB" for t in rest)


def _origin(parsed: Parsed, m: PlaceMention, apart: bool = True) -> bool:
    """Is the place where someone comes from, told apart from where it happened: "a shopkeeper from Manbij in Azaz",
    "whose men are from Hasakah, in the town of Tal Abyad"? "from" follows a noun or "be", and "in" another
    place follows; not "fired from X", nor "kidnapped two civilians from X village", nor "militias from X". Without
    `apart`, any people said to be from the place ("raiders suspected to be from the neighbouring X"): no finer place
    of an event told elsewhere."""
    toks = parsed.tokens
    j = m.start - 1
    while j >= 0 and (toks[j].pos == "DET" or not apart and _qualifier(toks[j])) and toks[j].sent == m.sent:
        j -= 1
    if j < 0 or toks[j].lower != "from" or toks[j].sent != m.sent:
        return False
    before = toks[j - 1] if j > 0 and toks[j - 1].sent == m.sent else None
    if before is None or not (before.pos in ("NOUN", "PRON") or before.lemma == "be"):
        return False
    if not apart:
        return True
    after = [t.lower for t in toks[m.end : m.end + 2] if t.sent == m.sent]
    return after[:1] in (["in"], ["at"]) or after in ([",", "in"], [",", "at"])


def _is_destination(parsed: Parsed, m: PlaceMention, verbs: set[str] | None = None) -> bool:
    """"crossed into Benin", "ran to Gombe state", "a Kabul-bound bus": where people went, not where it happened.
    With `verbs`, only where they went under one of those verbs ("were flown to Misrata"); a place told with "-bound"
    whatever the verb."""
    toks = parsed.tokens
    if _bound(parsed, m):
        return True  # "a Kabul-bound bus": where it was going
    j = m.start - 1
    while j >= 0 and (toks[j].pos == "DET" or _qualifier(toks[j])) and toks[j].sent == m.sent:
        j -= 1  # "to neighbouring Gombe state", "into the northern Benin"
    if j < 0 or toks[j].lower not in rules().away or m.resolved is None:
        return False
    return verbs is None or any(t.lemma in verbs for t in list(parsed.ancestors(toks[j]))[:3])


def _struck_at(parsed: Parsed, m: PlaceMention, words: set[int] = frozenset()) -> bool:
    """Is the place a complement of an event verb ("the gunmen struck around X", "killed in X") or of one of
    `words`, before any verb of speech or travel above it? A name so told is a place, whatever kind of name the
    tagger took it for (a village on a road told as "X axis" reads as an organisation's)."""
    from sitrep.figures import INTRANSITIVE, VERBS

    head = parsed.span_root(m.start, m.end)
    for t in list(parsed.ancestors(head))[:10]:
        if t.i in words or (t.pos == "VERB" and (t.lemma in rules().event_verbs or t.lemma in VERBS
                                                 or t.lemma in INTRANSITIVE)):
            return True
        if t.pos == "VERB" and t.lemma in rules().speech_or_travel:
            return False
    return False


def _attached(parsed: Parsed, m: PlaceMention, anchor: Token) -> bool:
    """Is the place a complement of the event's words: "killed in X", "captured the city of X", "fled X",
    "killed when forces broke up the sit-in in X"? Not where someone spoke or travelled."""
    toks = parsed.tokens
    verb = anchor
    for _ in range(4):
        if verb.pos in ("VERB", "AUX") or verb.head == verb.i:
            break
        verb = toks[verb.head]
    return _struck_at(parsed, m, {anchor.i, verb.i})


def _setting(parsed: Parsed, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The town a report sets itself in with its province, opening a clause: "On 9 June, in Culiacan, Sinaloa,
    ...", "In Londrina, Parana, ...". A name the gazetteer lacks told after it with no area of its own ("in
    Colonia Los Pinos Sur", "in Morro do Cajueiro") is a part of that town, and the event is coded at the town (acled-dev:
    every such note)."""
    toks = parsed.tokens
    for s in mentions:
        if s.resolved is None or s.resolved.kind != "city" or s.within is None or s.within.resolved is None \
                or s.within.resolved.kind != "admin1" or s.dateline:
            continue
        if [t.lower for t in toks[s.end : s.within.start]] != [","]:
            continue
        j = s.start - 1
        first = parsed.sents[s.sent][0]
        if j >= first and toks[j].lower == "in" and (j == first or toks[j - 1].text == ","):
            return s
    return None


def _event_noun_in(parsed: Parsed, m: PlaceMention) -> bool:
    """"The incident in the Muthanna province started when ...", "The violence in al-Khidr district went on
    for hours": the event's noun, pointed back to ("the", "this"), opening its sentence with the place after "in", or
    right before it ("claimed the attack in the town of X")."""
    toks = parsed.tokens
    first = parsed.sents[m.sent][0]
    words = [t.lower for t in toks[first : m.start]]
    opens = len(words) >= 3 and words[0] in ("the", "this") and words[1] in cues().event_nouns \
        and words[2] in ("in", "at")
    return (opens or _event_noun_before(toks, m.start, first)) and not _reference_point(toks, m.start) \
        and not _modifier(parsed, m)


def _event_noun_before(toks: list[Token], k: int, first: int) -> bool:
    """"... a rival faction carried out this attack in the town of Azaz": the event's noun, pointed back to, right
    before "in" and the place (across "the city of")."""
    j = k - 1
    while j > first and (toks[j].lower in ("the", "of") or toks[j].lower in rules().all_features) and k - j <= 4:
        j -= 1
    return j - 2 >= first and toks[j].lower in ("in", "at") and toks[j - 1].lower in cues().event_nouns \
        and toks[j - 2].lower in ("the", "this", "that")


def _points_back(parsed: Parsed, sents: set[int]) -> bool:
    """Do the event's sentences place it by pointing back ("killed in the area", "near the same locality")?"""
    for s in sents:
        words = [t.lower for t in parsed.sentence_tokens(s)]
        for k in range(2, len(words)):
            if words[k] in cues().back_nouns and words[k - 1] in ("the", "same", "that") \
                    and (words[k - 2] in rules().locative or words[k - 1] == "same"):
                return True
    return False


def _tells_again(parsed: Parsed, sent: int) -> bool:
    """Does the sentence point back to the event by its noun ("The attack struck the town of X", "survived the attack
    at X", "The fighting started in X"), or to its site ("this military post lies between X and Y")? It tells more
    of the same event, and where it happened."""
    toks = parsed.sentence_tokens(sent)
    return any(t.lower in cues().event_nouns and k and toks[k - 1].lower in ("the", "this", "that")
               or t.lower in cues().posts and _this_before(toks, k) for k, t in enumerate(toks))


def _this_before(toks: list[Token], k: int) -> bool:
    """"this military post", "that village": a demonstrative before the noun, across its adjectives."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "VERB") and toks[j].tag in ("JJ", "VBN"):
        j -= 1
    return j >= 0 and toks[j].lower in ("this", "that")
