"""Event mentions: what a report says happened, found from its event words and their frames.

Every word of `data/event_types.toml` that a sentence uses ("ambushed", "a drone strike", "protesters", "looted")
is an `Incident`: the ACLED sub-event type it tells, how strongly, whether the parse gives it its arguments (who
acted, on whom) and whether the text asserts it happened (not "threatened to attack", "condemned the killing",
"a planned march"). Typing an event is a scored choice over its sentences' incidents, with ACLED's codebook
distinctions (a protest vs a riot, force against protesters, an attack on civilians vs a clash between armed sides)
applied after; the reasons (the words that decided) are kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sitrep import lexicon
from sitrep.figures import vocab as figure_words
from sitrep.nlp import Parsed, Token

_ARGUMENT_DEPS = ("dobj", "nsubjpass")
_NOT_GOVERNED = ("advcl", "conj", "parataxis")  # clauses of their own, not what a governor governs
_NOT_EVENT_ENTS = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")


@dataclass(frozen=True, slots=True)
class FrameRow:
    sub: str
    weight: float
    words: frozenset[tuple[str, ...]]
    pos: str | None = None
    subject: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    near_only: bool = False
    detects: bool = True
    plain: bool = False
    target: bool = False
    unarmed: bool = False
    object_not: frozenset[str] = frozenset()
    governed_by: frozenset[str] = frozenset()  # verbs the word must hang on to give the "governed" argument


@dataclass(slots=True)
class Table:
    """The frame table, loaded once: rows indexed by the first word of their phrases."""

    rows: list[FrameRow]
    by_first: dict[str, list[tuple[tuple[str, ...], FrameRow]]]
    types: dict[str, tuple[str, str]]
    argued: float
    near_share: float
    neighbour_share: float
    refine: dict
    strong: float
    confidence: dict
    repeat_share: float
    place_nouns: frozenset[str]
    governors: frozenset[str]
    modifiers: frozenset[str]
    conditionals: frozenset[str]
    habitual: frozenset[str]


@cache
def table() -> Table:
    """The event words of `data/event_types.toml` (read on first use, not at import)."""
    data = lexicon.load("event_types")
    vocab = data.get("vocab", {})

    def words_of(v):  # a list, or "@name": the [vocab] list of that name (each list lives once)
        if isinstance(v, str) and v.startswith("@"):
            return list(vocab[v[1:]])
        if isinstance(v, list) and any(isinstance(w, str) and w.startswith("@") for w in v):
            return [x for w in v for x in (vocab[w[1:]] if w.startswith("@") else [w])]
        return v

    rows = []
    for r in data["frame"]:
        r = {k: words_of(v) if k in ("subject", "object", "words", "object_not", "governed_by") else v
             for k, v in r.items()}
        rows.append(FrameRow(
            sub=r["sub"], weight=float(r["weight"]), words=frozenset(_phrase(w) for w in r["words"]) |
            frozenset(tuple(w.lower().split()) for w in r["words"]),
            pos=r.get("pos"), subject=frozenset(r.get("subject", [])), object=frozenset(r.get("object", [])),
            requires=frozenset([r["requires"]] if isinstance(r.get("requires"), str) else r.get("requires", [])), near_only=r.get("near_only", False), detects=r.get("detects", True),
            plain=r.get("plain", False), target=r.get("target", False),
            unarmed=r.get("unarmed", False), object_not=frozenset(r.get("object_not", [])),
            governed_by=frozenset(r.get("governed_by", []))))
    by_first: dict[str, list] = {}
    for row in rows:
        for ph in row.words:
            by_first.setdefault(ph[0], []).append((ph, row))
    for v in by_first.values():
        v.sort(key=lambda x: -len(x[0]))
    ne = data["not_event"]
    refine = {k: words_of(v) for k, v in data["refine"].items()}
    return Table(rows, by_first, {k: tuple(v) for k, v in data["types"].items()}, float(data["argued"]),
                 float(data["near_share"]), float(data["neighbour_share"]), refine, float(data["strong"]),
                 data["confidence"], float(data["repeat_share"]),
                 frozenset(data["places"]["nouns"]), frozenset(ne["governors"]),
                 frozenset(ne["modifiers"]), frozenset(ne["conditionals"]), frozenset(ne["habitual"]))


def _phrase(words: str) -> tuple[str, ...]:
    """The tokens of a table entry as the tokenizer splits them: "shoot-out" is "shoot", "-", "out"."""
    return tuple(x for w in words.lower().split() for x in w.replace("-", " - ").split())


def type_of(sub: str) -> str:
    """SPEC's event_type of an ACLED sub-event type (or of "displacement", "hazard")."""
    return table().types[sub][1]


def acled_name(sub: str | None) -> str | None:
    """The `sub_event_type` to output: ACLED's name, none for our own displacement and hazard rows."""
    return sub if sub and table().types.get(sub, ("",))[0] else None


@dataclass(frozen=True, slots=True)
class Incident:
    """One event word of one sentence, with what its frame says of it."""

    sent: int
    token: int
    sub: str
    weight: float
    argued: bool  # the parse gives it a matching actor or target
    verb: bool  # told as a verb (what someone did), not only a noun
    realis: bool  # asserted as having happened
    near_only: bool
    detects: bool
    words: str = field(default="")
    target: bool = False
    harm: bool = False  # a word of harm ("killed"): who was hurt, not how


def incidents(parsed: Parsed) -> list[Incident]:
    """Every event mention of the text, in text order (computed once per parsed text)."""
    return parsed.memo("incidents", lambda: _find(parsed))


def in_sentences(parsed: Parsed, sents: set[int] | list[int]) -> list[Incident]:
    s = set(sents)
    return [m for m in incidents(parsed) if m.sent in s]


def _find(parsed: Parsed) -> list[Incident]:
    tab = table()
    out: list[Incident] = []
    spans: list[tuple[int, int, str]] = []  # the words each incident was found on, in step with `out`
    for s in range(len(parsed.sents)):
        toks = [t for t in parsed.sentence_tokens(s) if not t.text.isspace()]
        lowers = [t.lower for t in toks]
        lemmas = [t.lemma.lower() for t in toks]
        for k, t in enumerate(toks):
            if lowers[k] not in tab.by_first and lemmas[k] not in tab.by_first:
                continue  # no entry starts with the word (most words)
            if t.ent in _NOT_EVENT_ENTS:
                continue  # "March" the month, "Strike" a name's word in a date
            seen: set[str] = set()
            for seq in (lowers, lemmas):
                for ph, row in tab.by_first.get(seq[k], ()):
                    if tuple(seq[k:k + len(ph)]) != ph or row.sub in seen and len(ph) == 1:
                        continue
                    head = _head_of(parsed, toks[k:k + len(ph)])
                    if row.pos == "verb" and head.pos not in ("VERB", "AUX"):
                        continue
                    if row.pos == "noun" and head.pos not in ("NOUN", "PROPN"):
                        continue
                    found = _arguments(parsed, head, row)
                    if not row.requires <= found:
                        continue
                    hits = not row.plain and bool(found & ({"subject", "object", "object_people"} if not (row.subject or row.object)
                                         else {"subject", "object"}))
                    seen.add(row.sub)
                    # (a row that found the arguments it requires is no part of a longer entry's words)
                    spans.append((toks[k].i, toks[k].i + len(ph),
                                  row.sub if not (row.target or row.requires) else None))
                    out.append(Incident(s, head.i, row.sub, row.weight + (tab.argued if hits else 0.0), hits,
                                        head.pos == "VERB", _realis(parsed, head, tab), row.near_only, row.detects,
                                        " ".join(ph), row.target, row.plain))
    # Words inside a longer entry of another type are that entry's: "tear gas shells" is no shelling.
    keep = [m for m, (a, b, sub) in zip(out, spans) if sub is None or
            not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) and sub2 not in (sub, None) for a2, b2, sub2 in spans)]
    best: dict[tuple[int, str], Incident] = {}
    for m in keep:  # one incident per word and type: "opened fire" and its lemmas "open fire" are one; of two
        # alike, the one whose frame lets it tell an event ("murdered" with its killers, not the bare word of harm)
        k = (m.token, m.sub)
        if k not in best or (m.weight, m.detects) > (best[k].weight, best[k].detects):
            best[k] = m
    return sorted(best.values(), key=lambda m: (m.token, m.sub))


def _head_of(parsed: Parsed, toks: list[Token]) -> Token:
    """The word of a phrase whose head lies outside it ("drone strike" -> "strike")."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head not in ids or t.head == t.i:
            return t
    return toks[-1]


def _arguments(parsed: Parsed, t: Token, row: FrameRow) -> set[str]:
    """Which arguments the parse gives the word as its row asks: "subject", "object", "object_people", "governed"
    (the verb it hangs on is one of the row's: "bodies were found", "police recovered a body")."""
    out = set()
    if row.governed_by and t.head != t.i and parsed.tokens[t.head].lemma in row.governed_by:
        out.add("governed")
    if row.subject and any(_names(parsed, a, row.subject) and not (row.unarmed and _armed(parsed, a))
                           for a in _subjects(parsed, t)):
        out.add("subject")
    objs = _objects(parsed, t)
    if row.object and any(_names(parsed, o, row.object) and not _said_of(parsed, o, row.object_not) for o in objs):
        out.add("object")
    w = figure_words()
    if any(w.VICTIM_WORDS.get(o.lemma) == "civilians" or o.lemma in w.PEOPLE_NOUNS for o in objs):
        out.add("object_people")
    taken = [o for o in objs if o.dep in _ARGUMENT_DEPS or parsed.tokens[o.head].lower in ("from", "of", "into")]
    if any(o.ent in ("GPE", "LOC", "FAC") or o.lemma in table().place_nouns for o in taken):
        out.add("object_place")
    return out


def _off_duty(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Are the soldiers or officers hit said to be off duty, former or guards of a jail ("killed a former soldier",
    "an off-duty policeman was shot")? Then ACLED counts them as civilians."""
    words = frozenset(ref["not_armed"])
    for s in sents:
        for t in parsed.sentence_tokens(s):
            if t.lower in ("off-duty", "duty") and any(c.lower == "off" for c in parsed.children(t.i)) \
                    or t.lower == "off-duty":
                return True
            if figure_words().VICTIM_WORDS.get(t.lemma) == "security_forces" and t.dep in ("nsubjpass", "dobj") \
                    and _said_of(parsed, t, words):
                return True
    return False


def _said_of(parsed: Parsed, t: Token, words: frozenset[str]) -> bool:
    """Is one of `words` said of `t`: one of its modifiers, or among the three words before it ("an off-duty
    soldier", "a former army officer", "a cattle camp")?"""
    if not words:
        return False
    if any(c.dep in ("amod", "compound", "nmod") and (c.lower in words or c.lemma in words)
           for c in parsed.children(t.i)):
        return True
    return any(parsed.tokens[j].lower in words for j in range(max(0, t.i - 3), t.i))


def _armed(parsed: Parsed, t: Token) -> bool:
    """"armed youths", "armed villagers": a militia, not a mob."""
    return any(c.dep == "amod" and c.lower == "armed" for c in parsed.children(t.i))


def _names(parsed: Parsed, t: Token, words: frozenset[str]) -> bool:
    return t.lemma in words or t.lower in words or any(
        c.dep in ("compound", "amod") and (c.lemma in words or c.lower in words) for c in parsed.children(t.i))


def _subjects(parsed: Parsed, t: Token) -> list[Token]:
    """Who acted: the subject, the "by" agent of a passive, the noun a participle modifies ("jets bombing ...")."""
    out = []
    for c in parsed.children(t.i):
        if c.dep in ("nsubj", "compound") or c.dep == "poss":
            out.append(c)
        elif c.dep == "agent":
            out += [p for p in parsed.children(c.i) if p.dep == "pobj"]
    if not out and t.dep in ("conj", "xcomp", "advcl") and t.head != t.i:
        head = parsed.tokens[t.head]
        kids = parsed.children(t.i)
        active_to = t.dep == "xcomp" and any(c.dep == "aux" and c.lower == "to" for c in kids) \
            and not any(c.dep == "auxpass" for c in kids)
        raised = [c for c in parsed.children(head.i) if c.dep == "nsubjpass"] if active_to else []
        # "forces were reported to have moved in": the forces moved ("a man was found hacked to death": not he)
        return _subjects(parsed, head) + raised
    passive = t.tag == "VBN" and t.dep == "acl" or any(c.dep == "auxpass" for c in parsed.children(t.i))
    if t.dep in ("acl", "relcl") and t.head != t.i and not passive:
        out.append(parsed.tokens[t.head])  # "jets bombing ...", not "people (who were) killed": those were hit
    return [x for c in out for x in [c] + [k for k in parsed.children(c.i) if k.dep == "conj"]]


def _objects(parsed: Parsed, t: Token) -> list[Token]:
    """On whom or what: the object, the passive subject, "on"/"against"/"with" + noun, "of" + noun of a noun, and
    "at" + noun where the word has no object of its own ("fired at a checkpoint"; but "killed a driver at a
    checkpoint" says where, not whom)."""
    out = [c for c in parsed.children(t.i) if c.dep in _ARGUMENT_DEPS]
    preps = ("on", "against", "of", "with", "from", "into") + (() if out else ("at",))
    for c in parsed.children(t.i):
        if c.dep == "prep" and c.lower in preps:
            out += [p for p in parsed.children(c.i) if p.dep == "pobj"]
    return [x for c in out for x in [c] + [k for k in parsed.children(c.i) if k.dep == "conj"]]


def _realis(parsed: Parsed, t: Token, tab: Table) -> bool:
    """Does the text assert this happened? Not when negated, modal ("could attack"), conditional, habitual
    ("regularly attack"), governed by a
    threat, plan, warning, condemnation, trial or commemoration, or a noun modified as possible or planned."""
    if any(c.dep == "neg" for c in parsed.children(t.i)):
        return False
    if any(c.dep in ("amod", "compound") and c.lower in tab.modifiers for c in parsed.children(t.i)):
        return False
    chain = [t] + list(parsed.ancestors(t))[:4]
    for k, x in enumerate(chain):
        kids = parsed.children(x.i)
        if x.pos in ("VERB", "AUX"):
            modal = [c for c in kids if c.dep == "aux" and c.lower in figure_words().MODALS]
            perfect = any(c.dep == "aux" and c.lemma == "have" for c in kids)
            if modal and not perfect:
                return False
            if any(c.dep == "mark" and c.lower in tab.conditionals for c in kids):
                return False
            if any(c.dep == "advmod" and c.lower in tab.habitual for c in kids):
                return False  # "often carry out attacks": a habit, not an event
        if k > 0 and x.lemma in tab.governors and chain[k - 1].dep not in _NOT_GOVERNED:
            return False  # "threatened to attack", "condemned the killing"; not "feared dead after ... an IED"
        if x.dep in ("ROOT",) or k >= 3:
            break
    return True


# ---------------------------------------------------------------------------------------------- typing


@dataclass(slots=True)
class Typing:
    """The type chosen for one event, with the incidents that decided it."""

    event_type: str
    sub: str | None
    reasons: list[Incident]
    score: float


def choose(parsed: Parsed, own: set[int], near: set[int], wider: set[int], victims: set[str],
           bonus: dict[str, float] | None = None,
           harm: frozenset[str] = frozenset(), armed: frozenset[int] = frozenset()) -> Typing | None:
    """The sub-event type the incidents of an event's sentences tell best: its own sentences (those that state its
    main figure) count fully, its other sentences nearly so, the sentences beside them a share; the highest sum
    wins, earlier rows of the table winning ties. None when no event word is there."""
    tab = table()
    scores: dict[str, float] = dict(bonus or {})
    reasons: dict[str, list[Incident]] = {}
    weights: dict[str, list[float]] = {}
    targets: dict[str, list[float]] = {}  # who was attacked: decides between types, unless a weapon tells it
    order = {r.sub: k for k, r in reversed(list(enumerate(tab.rows)))}
    for m in incidents(parsed):
        if m.sent in own:
            share = 1.0
        elif m.sent in near:
            share = tab.near_share
        elif m.sent in wider and not m.near_only:
            share = tab.neighbour_share
        else:
            continue
        w = m.weight * share * (1.0 if m.realis else 0.5)
        (targets if m.target else weights).setdefault(m.sub, []).append(w)
        reasons.setdefault(m.sub, []).append(m)
    # The strongest word of a type counts fully, its repeats a share: twenty "attack"s of one story are one
    # story's word, not twenty cues.
    for k, ws in weights.items():
        scores[k] = scores.get(k, 0.0) + _sum(ws, tab.repeat_share)
    # "clashed", "exchanged fire" in the event's sentences: a clash told as one, whoever was hurt in it.
    told_clash = any(m.weight >= tab.strong and not m.target and m.realis and m.sent in own | near
                     for m in reasons.get("Armed clash", []))
    targets = {k: _sum(ws, tab.repeat_share) for k, ws in targets.items()}
    ref = tab.refine
    # Where the sentences of the main figure tell only whom it hit ("a soldier was killed in combat"), a weapon
    # told as one in the event's other sentences ("a roadside bombing" in the claim after it) tells how; whom it
    # hit then no longer decides the type. (An "ambush" told with the figure keeps the story's own telling.)
    how_own = any(m.weight >= tab.strong * tab.near_share and m.realis and not m.target
                  for ms in reasons.values() for m in ms if m.sent in own)
    weapon_told = any(scores.get(k, 0.0) >= tab.strong for k in ref["weapons"]) or not how_own and any(
        m.weight >= tab.strong and m.realis and not m.target and m.sent in own | near
        for k in ref["weapons"] for m in reasons.get(k, []))
    if not weapon_told:
        for k, v in targets.items():
            scores[k] = scores.get(k, 0.0) + v
    if harm:  # people killed or injured: no strategic development
        scores = {k: v for k, v in scores.items() if k not in ref["no_harm"]}
    if not scores:
        return None
    sub = max(scores, key=lambda k: (scores[k], -order[k]))
    for first, over in ref["precedence"]:
        if sub in over and scores.get(first, 0.0) >= tab.strong * tab.near_share:
            sub = first  # a suicide bomber's bomb is a suicide bomb, whatever else the report calls it
    # Demonstrators named in the event's own sentences ("demonstrators clashed with police"): however often the
    # other words are repeated, who clashed decides.
    crowd = max([m.weight for k in ref["protest_family"] for m in reasons.get(k, [])
                 if m.realis and m.sent in own | near] or [0.0])
    if sub in ref["protest_over"] and crowd >= ref["protest_decides"]:
        sub = max(ref["protest_family"], key=lambda k: scores.get(k, 0.0))  # who clashed: demonstrators
    if sub in ref["killing_over"] and "killed" in harm and scores.get("Attack"):
        # People killed and others taken: ACLED codes the killing, as the best type told besides the taking.
        rest = {k: v for k, v in scores.items() if k not in ref["killing_over"]}
        sub = max(rest, key=lambda k: (rest[k], -order[k]))
        if sub not in ("Armed clash", "Attack") and rest[sub] < tab.strong * tab.near_share:
            sub = "Attack"
    if sub == "Mob violence" and (told_clash or all(parsed.tokens[m.token].lemma in ("clash", "fight")
                                                    for m in reasons[sub])) \
            and _armed_side(parsed, own | near, ref, armed):
        sub = "Armed clash"  # "gunmen clashed with residents", "youths of a tribe raided a camp in the clashes":
        # one side is armed men, a battle
    if sub in ref["clash_weapons"] and _both_sides_fired(parsed, reasons.get(sub, []), ref):
        told_clash = True  # the sides fired at each other: a clash told as one, whoever was hit
    if sub in ref["clash_weapons"] and told_clash:
        sub = "Armed clash"  # mortars and small arms fired both ways, grenades thrown in a gunfight: a clash
    if sub in ref["fired_with"] and _any(_words(parsed, own | near), ref["direct_fire"]) and (
            victims and victims <= set(ref["armed_victims"]) or scores[sub] >= tab.strong):
        # A bomb or shells, then small arms or rifles: a complex attack fought as a clash, where armed men were hit
        # or the weapon is told with the event's own figures (not "witnesses heard blasts, then gunfire" beside
        # the killing of a bar's patron)
        sub = "Armed clash"
    sub = refine(parsed, sub, scores, own | near, victims, told_clash, bool(harm), armed, wider)
    return Typing(type_of(sub), acled_name(sub), reasons.get(sub, []), scores.get(sub, 0.0))


def _both_sides_fired(parsed: Parsed, weapons: list[Incident], ref: dict) -> bool:
    """Were the weapons fired by both sides: the firing verb's subject names the sides together, as a plural of
    sides or as two named sides ("the two sides fired mortars", "the Al-X and the Al-Y tribes fired grenades")?"""
    sides = frozenset(ref["both_sides"])
    for m in weapons:
        verb = parsed.tokens[m.token]
        for _ in range(3):  # from the weapon ("grenades", "rounds and grenades") up to the verb that fired it
            if verb.pos == "VERB" or verb.head == verb.i:
                break
            verb = parsed.tokens[verb.head]
        subjects = [c for c in parsed.children(verb.i) if c.dep == "nsubj"]
        if m.realis and verb.pos == "VERB" and any(
                x.lower in sides or x.pos == "PROPN" and any(k.dep == "conj" and k.pos == "PROPN"
                                                            for k in parsed.children(x.i))
                for x in subjects):
            return True
    return False


def _sum(weights: list[float], share: float) -> float:
    top = max(weights)
    return top + share * (sum(weights) - top)


def refine(parsed: Parsed, sub: str, scores: dict[str, float], sents: set[int], victims: set[str],
           told_clash: bool = False, harm: bool = False, armed: frozenset[int] = frozenset(),
           beside: set[int] | None = None) -> str:
    """ACLED's distinctions the event words alone cannot make. A clash told as one ("clashed", "exchanged
    fire") stays a clash whoever was hurt in it; a battle told only by whom an attack hit, or by a capture, is an
    attack on civilians when every victim is a civilian. `beside`: the event's sentences and their neighbours, where a
    victim's record is told ("The victim had charges for drug trafficking")."""
    ref = table().refine
    family = ref["protest_family"]
    armed_victims = set(ref["armed_victims"])
    demonstrating = any(scores.get(k) for k in ref["demonstration"])
    if sub == "Armed clash" and not any(scores.get(k, 0.0) >= table().strong for k in ref["weapons"]) \
            and _unorganised(parsed, sents, ref, armed):
        # Supporters, clans, villagers or traders who clash: rioters, not armed organisations (ACLED's riots); a
        # violent demonstration where a demonstration is told, not only the police dispersing the crowd.
        sub = "Violent demonstration" if demonstrating else "Mob violence"
    if sub in family:
        words = _words(parsed, sents)
        force = _authority_force(parsed, sents, ref)
        if _crowd_violence(parsed, sents, ref):
            # demonstrators who fight, burn or smash riot, whatever the police do; a crowd that does so with no
            # demonstration told (villagers clashing until the police dispersed them) is a mob
            return "Violent demonstration" if demonstrating else "Mob violence"
        if _any(words, ref["force"]) and (victims or harm or force) or force and harm:
            return "Excessive force against protesters"
        if _any(words, ref["intervention"]):
            return "Protest with intervention"
        return "Peaceful protest"
    victims = _as_acled(parsed, sents, ref, victims)
    if sub == "Attack" and victims and victims <= armed_victims:
        return "Armed clash"
    if sub == "Attack" and not victims and _armed_hit(parsed, sents, ref) and not _off_duty(parsed, sents, ref):
        return "Armed clash"  # "killed 15 militants": whose dead the figures could not tell, the words do
    if sub == "Attack" and victims <= {"civilians"} and _armed_target(parsed, sents, ref):
        return "Armed clash"  # a raid on gangs, an attack on police stations: armed sides fought, whoever died
    if sub == "Attack" and victims <= {"civilians"} and _criminal_hit(parsed, beside or sents, ref):
        return "Armed clash"  # a drug dealer shot dead by armed men: gangs at war (ACLED's armed clash)
    if sub in ("Armed clash", "Non-state actor overtakes territory") and victims and victims <= {"civilians"} \
            and not (sub == "Armed clash" and told_clash):
        return "Attack"
    return sub


def _as_acled(parsed: Parsed, sents: set[int], ref: dict, victims: set[str]) -> set[str]:
    """The victims as ACLED sees them: soldiers or officers off duty or retired are civilians ("killed an off-duty
    soldier"); suspects hit in a raid are no armed side unless called armed ("police shot dead a
    drug suspect in a raid"), so the figures' "militants" for them are civilians."""
    out = set(victims)
    if out & {"security_forces", "mixed"} and _off_duty(parsed, sents, ref):
        out = (out - {"security_forces", "mixed"}) | {"civilians"}
    if "militants" in out and _suspects_hit(parsed, sents, ref):
        out = (out - {"militants"}) | {"civilians"}
    return out


def _suspects_hit(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Are the people hit named only as suspects ("a drug suspect was killed", "police shot two suspects"), not
    armed ones and not militants ("suspected militants" are militants)?"""
    nouns = frozenset(ref["suspects"])
    armed = frozenset(ref["armed_actors"])
    verbs = frozenset(ref["hit_verbs"])
    hit = [o for s in sents for t in parsed.sentence_tokens(s) if t.pos == "VERB" and t.lemma in verbs
           for o in _objects(parsed, t)]
    return any(o.lemma in nouns for o in hit) and not any(_armed(parsed, o) or _names(parsed, o, armed) for o in hit)


def _armed_target(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Was an armed side what the violence went for: the object of an attack, raid or storming, or of what a raid
    or operation targeted, named as armed men, police or organised crime ("gunmen attacked police stations", "a
    police operation targeting organised crime gangs")?"""
    verbs = frozenset(ref["target_verbs"])
    nouns = frozenset(ref["target_nouns"])
    armed = frozenset(ref["armed_targets"])
    for s in sents:
        for t in parsed.sentence_tokens(s):
            if t.pos == "VERB" and t.lemma in verbs:
                if t.lemma == "target" and not (t.dep == "acl" and parsed.tokens[t.head].lemma in nouns):
                    continue  # "targeting" says what a raid went for; alone, of a bomb, it may be anyone
                if any(_names(parsed, o, armed) for o in _objects(parsed, t) if o.dep in _ARGUMENT_DEPS):
                    return True
    return False


def _armed_hit(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Were armed men the ones hit: the object or passive subject of a verb of harm named as militants, fighters,
    soldiers ("killed 4 IS militants", "two fighters were shot", "left 3 insurgents dead")?"""
    armed = frozenset(ref["armed_actors"]) - {"force", "forces"}
    verbs = frozenset(ref["hit_verbs"])
    for s in sents:
        for t in parsed.sentence_tokens(s):
            if t.pos == "VERB" and t.lemma in verbs:
                # ("killed seven armed robbers": men called armed are an armed side, whatever their noun)
                if any(_names(parsed, o, armed) or _armed(parsed, o) for o in _objects(parsed, t)) \
                        or _next_noun(parsed, t) in armed:
                    return True
    return False


def _next_noun(parsed: Parsed, t: Token) -> str | None:
    """The first noun after a verb across a count and names ("killed 4 IS militants": the tagger may read "IS" as a
    verb and lose the object), within four words; None when a word of another kind comes first."""
    for j in range(t.i + 1, min(t.i + 5, len(parsed.tokens))):
        x = parsed.tokens[j]
        if x.pos == "NOUN":
            return x.lower
        if not (x.pos in ("NUM", "PROPN", "DET", "ADJ") or x.text.isupper()):
            return None
    return None


def _criminal_hit(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Are the people hit said to be of the drug trade or a gang: a verb of harm's object named so ("shot an alleged
    drug dealer"), or a sentence whose subject is the victim and that speaks of drugs or gangs without negation
    ("The victim had charges for drug trafficking"; not "the victims were not involved")?"""
    crime = frozenset(ref["criminal_victims"])
    verbs = frozenset(ref["hit_verbs"])
    nouns = frozenset(ref["victim_nouns"])
    for s in sents:
        toks = [t for t in parsed.sentence_tokens(s) if not t.text.isspace()]
        if not any(t.lemma in crime or t.lower in crime for t in toks):
            continue
        for t in toks:
            if t.pos == "VERB" and t.lemma in verbs and any(_names(parsed, o, crime) for o in _objects(parsed, t)):
                return True
        if any(t.lemma in nouns and t.dep in ("nsubj", "nsubjpass") for t in toks) \
                and not any(t.dep == "neg" for t in toks):
            return True
    return False


def _authority_force(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Security forces as who fired, killed or hurt ("police opened fire", "troops shot dead two", "injured by
    the police")."""
    auth = frozenset(ref["authorities"])
    force = {w.split()[0] for w in ref["force"]} | set(ref["harm_verbs"])
    for s in sents:
        for t in parsed.sentence_tokens(s):
            if t.pos == "VERB" and (t.lemma in force or t.lower in force):
                if any(_names(parsed, a, auth) for a in _subjects(parsed, t)):
                    return True
    return False


def _crowd_violence(parsed: Parsed, sents: set[int], ref: dict) -> bool:
    """Violence by the demonstrators themselves: a word of `violent` that the authorities did not do ("police
    beat protesters" is force against them; "protesters burned tyres", "clashes", "stones" are theirs). Words of
    harm ("injured", "beat") count only with a subject that is not the authorities."""
    auth = frozenset(ref["authorities"])
    harm = set(ref["harm_verbs"])
    violent = ref["violent"]
    for s in sents:
        toks = [t for t in parsed.sentence_tokens(s) if not t.text.isspace()]
        for k, t in enumerate(toks):
            pair = {f"{t.lemma} {toks[k + 1].lemma}", f"{t.lower} {toks[k + 1].lower}"} if k + 1 < len(toks) else set()
            if not (t.lemma in violent or t.lower in violent or pair & set(violent)):
                continue
            if t.lemma in ("clash", "riot"):
                return True  # a clash with the police is the demonstrators' as much as theirs
            subjects = _subjects(parsed, t) if t.pos in ("VERB", "AUX") else []
            if any(_names(parsed, a, auth) for a in subjects):
                continue
            if (t.lemma in harm or t.lower in harm) and not subjects:
                continue
            return True
    return False


def _armed_side(parsed: Parsed, sents: set[int], ref: dict, named: frozenset[int] = frozenset()) -> bool:
    """Do the sentences name an armed organisation or its men (not the police: a crowd's usual opponent), or
    clans or tribes (identity militias)?
    `named`: the sentences where the actor book finds an armed group by name ("Taliban", "JNIM")."""
    if sents & named:
        return True
    armed = frozenset(ref["armed_actors"])
    identity = frozenset(ref["armed_sides"])
    return any((t.lemma in armed or t.lower in armed or t.lower == "armed") and not (
        t.lemma == "force" and any(c.lower == "police" for c in parsed.children(t.i)))
        or (t.lemma in identity or t.lower in identity) and not _members_of(parsed, t)
        for s in sents for t in parsed.sentence_tokens(s))


def _members_of(parsed: Parsed, t: Token) -> bool:
    """"members of two clans": people of a clan, not the clan's men in arms (a village quarrel between two
    families' members is a riot; "clan clashes", "rival clans clashed" are clans fighting)."""
    head = parsed.tokens[t.head]
    return head.lower == "of" and parsed.tokens[head.head].lemma == "member"


def _unorganised(parsed: Parsed, sents: set[int], ref: dict, named: frozenset[int] = frozenset()) -> bool:
    """Are the sides of a clash people of no armed organisation (supporters, clans, villagers, traders), with
    no armed group, soldier or gunman among the words of its sentences?"""
    crowd = frozenset(ref["crowd"])
    if _armed_side(parsed, sents, ref, named):
        return False  # ("police forces" are the authorities a crowd clashes with, not a side in arms)
    return any((t.lemma in crowd or t.lower in crowd) and t.pos in ("NOUN", "PROPN") and not _armed(parsed, t)
               for s in sents for t in parsed.sentence_tokens(s))


def _words(parsed: Parsed, sents: set[int]) -> set[str]:
    out: set[str] = set()
    for s in sents:
        toks = [t for t in parsed.sentence_tokens(s) if not t.text.isspace()]
        for k, t in enumerate(toks):
            out.add(t.lemma)
            out.add(t.lower)
            if k + 1 < len(toks):
                out.add(f"{t.lemma} {toks[k + 1].lemma}")
                out.add(f"{t.lower} {toks[k + 1].lower}")
    return out


def _any(words: set[str], phrases: list[str]) -> bool:
    return any(p in words for p in phrases)


def tells_event(parsed: Parsed, s: int, harm: bool = True) -> list[Incident]:
    """The incidents by which sentence `s` tells an event of its own: asserted, of a row that may tell one, and
    told as what someone did (a verb) or by a word strong enough alone ("a drone strike", "protesters").
    `harm=False`: not by words that tell only who was hurt: a word of harm, or whom an attack hit ("the attackers
    killed 20", "the group said its fighters killed four officers in the attack": whom the event told before hit, not
    another event; such a killing tells one only where nothing else is told)."""
    tab = table()
    return [m for m in in_sentences(parsed, [s]) if m.realis and m.detects and m.sub != "hazard"
            and (harm or not (m.harm or m.target))
            and (m.verb or m.weight >= tab.strong or m.argued or _indefinite(parsed, parsed.tokens[m.token]))]


def _indefinite(parsed: Parsed, t: Token) -> bool:
    """"an attack", "a shoot-out": a noun that tells an event anew (not "the attack", told before)."""
    return t.pos in ("NOUN", "PROPN") and any(c.dep == "det" and c.lower in ("a", "an") for c in parsed.children(t.i))
