"""Actors: who did it, and to whom, named the way analysts name them.

Names come from a versioned dictionary (`data/actors.toml`: Islamic State = IS = ISIS = ISIL = Daesh, al-Shabaab,
Houthis = Ansar Allah, RSF, Wagner / Africa Corps, ...) that a user extends with their own file ($SITREP_ACTORS),
from national forces named by demonym or country ("Iraqi security forces" -> Military Forces of Iraq, "Afghan
police" -> Police Forces of Afghanistan), and from words that say only what the perpetrators were ("gunmen" ->
Unidentified Armed Group (Nigeria), as ACLED codes them). Roles come from the sentence: the subject of an attack
verb or its "by" agent is the perpetrator, its object or the victims counted are the target.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep import lexicon
from sitrep.figures import verbal_anchor, vocab as casualty_words
from sitrep.gazetteer import Gazetteer
from sitrep.model import Actor, Figure, Span
from sitrep.nlp import Parsed, Token, split_words

_CROWD_TYPES = {"civilians", "protesters", "rioters"}


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists actors read (data/actors.toml, extended by the user's $SITREP_ACTORS file, and the shared
    speech verbs and attack nouns), compiled once when the pipeline is built (`vocabulary()`), not at import."""

    state_nouns: dict[str, lexicon.Phrases]  # "army", "police" ... after a country: its forces of that kind
    unnamed_state: lexicon.Phrases  # "government forces", "security forces": the report's country's
    unidentified: lexicon.Phrases  # "gunmen"
    unknown: frozenset[str]  # "unknown", "unidentified" gunmen stay unknown
    claims: lexicon.Phrases
    speech: lexicon.Verbs  # their subject is a source, not a participant ("police said")
    source_verbs: frozenset[str]  # nor is theirs ("according to the army", "police suspect")
    violent: frozenset[str]
    raising: frozenset[str]
    attack_nouns: frozenset[str]
    aimed_nouns: frozenset[str]
    weapons: frozenset[str]
    accusing: frozenset[str]
    opponents: frozenset[str]
    partitives: frozenset[str]
    police_victims: re.Pattern
    crowds: tuple[tuple[dict, lexicon.Phrases], ...]
    crowd_starts: frozenset[str]  # the first words of every crowd's words: most tokens start none
    by_event: dict
    by_sub_event: dict
    gang_names: dict[str, str]
    gang_cues: re.Pattern
    peoples: lexicon.Phrases
    people_nouns: lexicon.Phrases
    clan_words: lexicon.Phrases


def vocabulary() -> Words:
    """The actor words in use: the package's, with the user's file ($SITREP_ACTORS) if one is named."""
    return _words(os.environ.get("SITREP_ACTORS", ""))


@lru_cache(maxsize=4)
def _words(user_file: str) -> Words:
    data = _data(user_file)
    roles, ethnic, gang = data["roles"], data["ethnic"], data["gang"]
    attack = lexicon.attack_nouns()
    crowds = tuple((c, lexicon.Phrases(c["words"])) for c in data["crowd"])
    return Words(
        state_nouns={kind: lexicon.Phrases(w) for kind, w in data["state_forces"].items() if kind != "unnamed"},
        unnamed_state=lexicon.Phrases(data["state_forces"]["unnamed"]),
        unidentified=lexicon.Phrases(data["unidentified"]["words"]),
        unknown=frozenset(data["unidentified"]["unknown"]), claims=lexicon.Phrases(data["claims"]["phrases"]),
        speech=lexicon.speech_verbs(), source_verbs=frozenset(roles["source_verbs"]),
        violent=frozenset(roles["violent"]), raising=frozenset(roles["raising"]), attack_nouns=attack,
        aimed_nouns=attack | frozenset(roles["aimed"]), weapons=frozenset(roles["weapons"]),
        accusing=frozenset(roles["accusing"]), opponents=frozenset(roles["opponents"]),
        partitives=frozenset(roles["partitives"]),
        police_victims=re.compile(r"\W*(?:\w+\W+){0,2}?(?:%s)\b" % _alternatives(data["victims"]["police"]), re.I),
        crowds=crowds, crowd_starts=frozenset().union(*(table.starts for _, table in crowds)),
        by_event=data["by_event"], by_sub_event=data.get("by_sub_event", {}), gang_names=gang["names"],
        gang_cues=re.compile(r"\b(?:%s)\b" % _alternatives(gang["cues"]), re.I),
        peoples=lexicon.Phrases(ethnic["peoples"]), people_nouns=lexicon.Phrases(ethnic["nouns"]),
        clan_words=lexicon.Phrases(ethnic["clan_words"]))


def _alternatives(values: list[str]) -> str:
    """A regular expression's alternatives, longest first."""
    return "|".join(re.escape(w) for w in sorted(values, key=len, reverse=True))


@lru_cache(maxsize=4)
def _data(user_file: str) -> dict:
    """data/actors.toml with the user's file of the same shape laid over it: its [[actor]] entries and word lists
    add to the package's, its other values replace them."""
    data = lexicon.load("actors")
    if not user_file:
        return data
    with Path(user_file).open("rb") as f:
        return _overlay(data, tomllib.load(f))


def _overlay(base: dict, user: dict) -> dict:
    out = dict(base)
    for k, v in user.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            out[k] = _overlay(base[k], v)
        elif isinstance(v, list) and isinstance(base.get(k), list):
            out[k] = base[k] + [x for x in v if x not in base[k]]
        else:
            out[k] = v
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    type: str
    countries: tuple[str, ...] = ()  # the only countries where its aliases name it ("SNA" in Somalia, "FDS")


@dataclass(slots=True)
class ActorMention:
    entry: Entry
    span: Span
    sent: int
    start: int
    end: int
    generic: bool = False  # "gunmen", "troops": named by what they are
    acting: Entry | None = None  # the name when they do the violence: "protesters" who attack are "Rioters (X)"


class ActorBook:
    """The actor dictionary: package entries plus a user's own file."""

    def __init__(self, entries: list[dict]):
        self.entries: dict[str, Entry] = {}
        self._exact: dict[tuple[str, ...], Entry] = {}  # capitals-only aliases, matched as written
        folded: dict[str, Entry] = {}
        for e in entries:
            countries = tuple(e.get("countries", ()))
            entry = self.entries.get(e["name"])
            if entry is None or entry.countries != countries:  # one name, aliases that hold in other countries
                entry = Entry(e["name"], e.get("type", "rebel group"), countries)
                self.entries.setdefault(e["name"], entry)
            for alias in [e["name"], *e.get("aliases", [])]:
                words = split_words(alias)  # split the way report text is split ("IS-K" -> IS - K)
                if alias.replace("-", "").isupper() and len(alias) <= 6:
                    self._exact[words] = entry
                else:
                    folded[" ".join(words).lower()] = entry
        self._folded = lexicon.Phrases(list(folded))
        self._folded_entries = {tuple(k.split()): v for k, v in folded.items()}
        self._exact_lengths = sorted({len(k) for k in self._exact}, reverse=True)
        self._exact_starts = frozenset(k[0] for k in self._exact)

    @classmethod
    def default(cls) -> ActorBook:
        return _default_book(os.environ.get("SITREP_ACTORS", ""))

    def find(self, parsed: Parsed) -> list[ActorMention]:
        """Named actors in the text (dictionary aliases), longest match first."""
        toks = parsed.tokens
        lowers = _lowers(parsed)
        folded, exact_starts = self._folded.starts, self._exact_starts
        out: list[ActorMention] = []
        after = 0  # the token after the last match: matches do not overlap
        for k in [k for k, t in enumerate(toks) if t.lower in folded or t.text in exact_starts]:
            if k < after:
                continue
            ph = self._folded.at(lowers, k)
            entry = self._folded_entries.get(ph) if ph else None
            n = len(ph) if ph else 0
            for size in self._exact_lengths:
                exact = tuple(t.text for t in toks[k : k + size])
                if exact in self._exact and size > n:
                    entry, n = self._exact[exact], size
                    break
            if entry is not None and toks[k].sent == toks[k + n - 1].sent:
                out.append(ActorMention(entry, Span(toks[k].idx, toks[k + n - 1].end), toks[k].sent, k, k + n))
                after = k + n
        return out


@lru_cache(maxsize=4)
def _default_book(user_file: str) -> ActorBook:
    return ActorBook(_data(user_file)["actor"])


def state_forces(parsed: Parsed, gazetteer: Gazetteer, focus_country: str | None) -> list[ActorMention]:
    """National forces: "Iraqi security forces", "the Nigerian army", "Afghan police", "government forces"."""
    vocab = vocabulary()
    toks = parsed.tokens
    lowers = _lowers(parsed)
    out: list[ActorMention] = []
    covered = 0  # tokens up to here are part of a country's name already read ("Sudan" in "South Sudan")
    # A country's words start with a capital; the unnamed forces' words are in `unnamed_state`: no other token
    # starts either.
    unnamed = vocab.unnamed_state.starts
    for k, t in [(k, t) for k, t in enumerate(toks) if t.text[:1].isupper() or t.lower in unnamed]:
        if k < covered:
            continue
        code, j = _country_at(parsed, gazetteer, k)
        if code is not None and j > k + 1:
            covered = j
        if code is not None:
            # "Afghan and U.S. forces", "joint British-US airstrikes": countries that share one noun, each of them
            # with the words of the whole phrase
            codes = [code]
            while j + 1 < len(toks) and toks[j].lower in _JOINING and toks[j].sent == t.sent:
                other, after = _country_at(parsed, gazetteer, j + 1)
                if other is None:
                    break
                codes.append(other)
                j = after
            if j < len(toks) and toks[j].lower in ("'s", "’s"):
                j += 1
            for skip in (0, 1):  # "Syrian government helicopters"
                for kind, table in vocab.state_nouns.items():
                    ph = table.at(lowers, j + skip)
                    if ph and toks[j + skip].sent == t.sent:
                        end = j + skip + len(ph)
                        out += [_forces(gazetteer, c, kind, toks, k, end) for c in dict.fromkeys(codes)]
                        covered = max(covered, end) if len(codes) > 1 else covered
                        break
                else:
                    continue
                break
        elif (ph := vocab.unnamed_state.at(lowers, k)) and not any(m.start <= k < m.end for m in out):
            # "police", "the army": the report's country's; of no country where the report names none, the way
            # crowds are "Rioters" of no country then
            if k and toks[k - 1].pos in ("ADJ", "PROPN") and toks[k - 1].text[:1].isupper():
                continue  # "Russian troops" is handled above; "Taliban fighters" is not a state
            # "a policeman", "riot police"
            police = any(vocab.state_nouns["police"].at(lowers, k + d) for d in range(len(ph)))
            kind = "police" if police else "military"
            m = _forces(gazetteer, focus_country, kind, toks, k, k + len(ph))
            m.generic = True
            out.append(m)
    out += _states_acting(parsed, gazetteer, out)
    # "the troops" in a report that names one country's forces ("Eritrean soldiers ... the troops") are those.
    named = {m.entry.name for m in out if not m.generic}
    if len(named) == 1:
        only = next(m.entry for m in out if not m.generic)
        for m in out:
            if m.generic and m.entry.name.split(" of ")[0] == only.name.split(" of ")[0]:
                m.entry = only
    return out


_JOINING = ("and", "-", "/", "&")


def _country_at(parsed: Parsed, gazetteer: Gazetteer, k: int) -> tuple[str | None, int]:
    """The country a demonym or a country's name at token k names ("Iraqi", "Burkina Faso"), and the token after
    its words; (None, k + 1) when none does."""
    toks = parsed.tokens
    t = toks[k]
    code = gazetteer.demonym(t.text) if t.text[:1].isupper() else None
    if code is None and t.text[:1].isupper() and t.pos == "PROPN":
        # The longest name of a country starting here: "Burkina Faso's army", "South Sudan's army".
        for n in (3, 2, 1):
            run = toks[k : k + n]
            if len(run) < n or any(x.pos != "PROPN" or x.sent != t.sent for x in run):
                continue
            code = gazetteer.country_named(parsed.text[t.idx : run[-1].end])
            if code is not None:
                return code, k + n
    return code, k + 1


def _states_acting(parsed: Parsed, gazetteer: Gazetteer, found: list[ActorMention]) -> list[ActorMention]:
    """A country as the subject of a violent verb ("Russia launched a missile attack", "Israel struck"): its
    military."""
    vocab = vocabulary()
    toks = parsed.tokens
    out = []
    for e in parsed.ents:
        if e.label != "GPE" or any(m.start <= e.start < m.end for m in found):
            continue
        root = parsed.span_root(e.start, e.end)
        verb = toks[root.head]
        if root.dep != "nsubj" or verb.pos != "VERB" or verb.lemma not in vocab.violent:
            continue
        country = gazetteer.country_named(e.text)
        if country is not None:
            out.append(_forces(gazetteer, country, "military", toks, e.start, e.end))
    return out


def _forces(gazetteer: Gazetteer, code: str | None, kind: str, toks: list[Token], a: int, b: int) -> ActorMention:
    name = _country_name(gazetteer, code) or code
    label = "Police Forces" if kind == "police" else "Military Forces"
    return ActorMention(Entry(f"{label} of {name}" if name else label, "state forces"),
                        Span(toks[a].idx, toks[b - 1].end), toks[a].sent, a, b)


def unidentified(parsed: Parsed, gazetteer: Gazetteer, focus_country: str | None) -> list[ActorMention]:
    vocab = vocabulary()
    toks = parsed.tokens
    lowers = _lowers(parsed)
    name = _unidentified_group(_country_name(gazetteer, focus_country))
    out = []
    after = 0
    for k in [k for k, w in enumerate(lowers) if w in vocab.unidentified.starts]:
        if k < after:
            continue
        ph = vocab.unidentified.at(lowers, k)
        if ph:
            out.append(ActorMention(Entry(name, "political militia"), Span(toks[k].idx, toks[k + len(ph) - 1].end),
                                    toks[k].sent, k, k + len(ph), generic=True))
            after = k + len(ph)
    return out


def crowds(parsed: Parsed, gazetteer: Gazetteer, focus_country: str | None) -> list[ActorMention]:
    """People named by what they are or do, the way ACLED names them by country: "protesters" -> Protesters
    (Kenya), Rioters (Kenya) when they do the violence; "villagers" -> Civilians (Kenya); "a gang" ->
    Unidentified Gang (Mexico); "clan militiamen" -> Unidentified Clan Militia (Somalia)."""
    vocab = vocabulary()
    toks = parsed.tokens
    lowers = _lowers(parsed)
    where = _country_name(gazetteer, focus_country)
    out = []
    after = 0
    # A people's militia starts with a capital ("Pokot militia"), a crowd with one of the crowds' words.
    for k in [k for k, t in enumerate(toks) if t.text[:1].isupper() or t.lower in vocab.crowd_starts]:
        if k < after:
            continue
        named = _people_militia(parsed, lowers, k, where, vocab) if toks[k].text[:1].isupper() else None
        if named is not None:
            out.append(named)
            after = named.end
            continue
        if lowers[k] not in vocab.crowd_starts:
            continue
        best = None
        for crowd, table in vocab.crowds:
            ph = table.at(lowers, k)
            if ph and (best is None or len(ph) > len(best[1])):
                best = crowd, ph
        if best is None:
            continue
        crowd, ph = best
        acting = crowd.get("acting")
        out.append(ActorMention(_crowd_entry(crowd["name"], crowd["type"], where),
                                Span(toks[k].idx, toks[k + len(ph) - 1].end), toks[k].sent, k, k + len(ph), generic=True,
                                acting=_crowd_entry(acting, "rioters", where) if acting else None))
        after = k + len(ph)
    return out


def _people_militia(parsed: Parsed, lowers: list[str], k: int, where: str | None,
                    vocab: Words) -> ActorMention | None:
    """A militia named by the people it comes from at token k: "Pokot militia" -> Pokot Ethnic Militia (Kenya),
    "Leelkayse clan militiamen" -> Leelkayse Clan Militia (Somalia)."""
    toks = parsed.tokens
    people = vocab.peoples.at(lowers, k) if toks[k].text[:1].isupper() else None
    if people:
        noun = vocab.people_nouns.at(lowers, k + len(people))
        if not noun:
            return None
        end, label, kind = k + len(people) + len(noun), "Ethnic Militia", "identity militia"
    elif toks[k].pos == "PROPN" and toks[k].text[:1].isupper() and (clan := vocab.clan_words.at(lowers, k + 1)):
        end, label, kind = k + 1 + len(clan), "Clan Militia", "identity militia"
        people = (toks[k].lower,)
    else:
        return None
    if toks[end - 1].sent != toks[k].sent:
        return None
    name = " ".join(t.text for t in toks[k : k + len(people)]) + f" {label}" + (f" ({where})" if where else "")
    return ActorMention(Entry(name, kind), Span(toks[k].idx, toks[end - 1].end), toks[k].sent, k, end)


def _lowers(parsed: Parsed) -> list[str]:
    """The text's tokens lower-cased, made once for the scans of one report (read, never changed)."""
    return parsed.memo("actors.lowers", lambda: [t.lower for t in parsed.tokens])


def _crowd_entry(template: str, kind: str, where: str | None) -> Entry:
    return Entry(template.format(country=where) if where else template.split(" ({")[0], kind)


def _country_name(gazetteer: Gazetteer, code: str | None) -> str | None:
    country = gazetteer.country(code) if code else None
    return country.name if country else None


def _gang_name(code: str | None, where: str | None, text: str) -> str | None:
    """ACLED's name for unknown perpetrators in a country where gangs do most of the killing (data: [gang]), when
    the report tells of a criminal setting; else None."""
    vocab = vocabulary()
    template = vocab.gang_names.get(code or "")
    if template is None or where is None or not vocab.gang_cues.search(text):
        return None
    return template.format(country=where)


def _unidentified_group(where: str | None) -> str:
    """ACLED's name for perpetrators named only by what they are: "Unidentified Armed Group (Nigeria)"."""
    return f"Unidentified Armed Group ({where})" if where else "Unidentified Armed Group"


# ---------------------------------------------------------------- roles
def _head(parsed: Parsed, m: ActorMention) -> Token:
    """The noun the actor's words stand for: '"Islamic State" militants' -> militants, "police Lt. Ali Abbas" -> Abbas."""
    vocab = vocabulary()
    toks = parsed.tokens
    outside = [toks[k] for k in range(m.start, m.end) if not m.start <= toks[k].head < m.end] or [toks[m.end - 1]]
    nominal = [t for t in outside if t.dep in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "compound",
                                              "attr", "amod", "nmod", "poss")]
    head = nominal[0] if nominal else outside[-1]
    while head.dep in ("compound", "nmod", "amod") and toks[head.head].pos in ("NOUN", "PROPN") and \
            toks[head.head].lemma not in vocab.attack_nouns and head.head != head.i:
        head = toks[head.head]
    return head


def is_speaker(parsed: Parsed, m: ActorMention) -> bool:
    """"police said", "according to the army": a source, not a participant."""
    vocab = vocabulary()
    toks = parsed.tokens
    head = _head(parsed, m)
    gov = toks[head.head]
    if head.dep in ("nsubj",) and (gov in vocab.speech or gov.lemma in vocab.source_verbs):
        return True
    return head.dep == "pobj" and gov.lower == "to" and toks[gov.head].lower == "according"


def role(parsed: Parsed, m: ActorMention) -> str:
    """perpetrator, target or other, from the actor's place in its sentence."""
    vocab = vocabulary()
    toks = parsed.tokens
    head = _head(parsed, m)  # '"Islamic State" militants', "IS fighters": the role of the noun the name describes
    while head.dep == "conj" and head.head != head.i:  # "killing 170 Afghans and 13 US service members"
        head = toks[head.head]
    gov = toks[head.head]
    # "members of two villages clashed", "a group of villagers attacked": the part the whole names
    while head.dep == "pobj" and gov.lower == "of" and toks[gov.head].lower in vocab.partitives and gov.head != gov.i:
        head = toks[gov.head]
        while head.dep == "conj" and head.head != head.i:
            head = toks[head.head]
        gov = toks[head.head]
    # "militants are thought to have killed": the subject of a raising verb whose complement is the violence
    if head.dep in ("nsubj", "nsubjpass") and gov.lemma in vocab.raising and any(
            c.dep == "xcomp" and c.lemma in vocab.violent for c in parsed.children(gov.i)):
        return "perpetrator"
    if head.dep in ("nsubj",) and gov.lemma in vocab.violent:
        if _counted_victims(parsed, head, gov):
            return "target"
        return "perpetrator"
    if head.dep == "nsubj" and gov.dep == "conj" and toks[gov.head].lemma in vocab.violent:
        return "perpetrator"
    if head.dep == "nsubj" and any(c.dep == "conj" and c.lemma in vocab.violent and not any(
            d.dep in ("nsubj", "nsubjpass") for d in parsed.children(c.i)) for c in parsed.children(gov.i)):
        return "perpetrator"  # "gunmen pulled up ... and opened fire": the subject the violent verb shares
    if head.dep == "pobj" and gov.lower == "by":
        above = toks[gov.head]
        if above.lemma in vocab.violent or above.lemma in vocab.attack_nouns or above.dep in ("agent",) \
                or gov.dep == "agent":
            return "perpetrator"
    if head.dep in ("compound", "amod", "nmod", "poss") and (gov.lemma in vocab.attack_nouns
                                                             or gov.lemma in vocab.weapons):
        return "perpetrator"
    if head.dep in ("dobj",) and gov.lemma in vocab.violent:
        return "target"
    if head.dep == "nsubjpass" and gov.lemma in vocab.violent:
        return "target"
    if head.dep == "pobj" and gov.lower in ("on", "against") and toks[gov.head].lemma in vocab.aimed_nouns:
        return "target"
    if head.dep == "pobj" and gov.lower == "with" and toks[gov.head].lemma in vocab.opponents:
        return "target"  # "militiamen clashed with soldiers": the other side
    # The object of an accusation ("Witnesses accuse the RSF of killing ...")
    if head.dep == "dobj" and gov.lemma in vocab.accusing:
        return "perpetrator"
    if head.dep == "appos":
        return role(parsed, ActorMention(m.entry, m.span, m.sent, gov.i, gov.i + 1))
    return "other"


def _counted_victims(parsed: Parsed, subject: Token, verb: Token) -> bool:
    """"Three US troops killed in drone attack": a headline's counted subject of a casualty verb with no object is
    who was killed (the parser reads the elided passive as active)."""
    return verb.lemma in casualty_words().VERBS and verb.tag in ("VBN", "VBD") \
        and any(c.dep == "nummod" for c in parsed.children(subject.i)) \
        and not any(c.dep in ("dobj", "obj") for c in parsed.children(verb.i))


def claimed_perpetrators(parsed: Parsed, found: list[ActorMention]) -> list[ActorMention]:
    """Every group the report says claimed or is blamed for an attack, one per claim sentence, in order: a report
    of two attacks may tell a claim for each."""
    vocab = vocabulary()
    out = []
    for s in range(len(parsed.sents)):
        toks = parsed.sentence_tokens(s)
        words = [t.lower for t in toks]
        said = [k for k, w in enumerate(words) if w in vocab.claims.starts and vocab.claims.at(words, k)]
        if not said or all(_negated(parsed, toks[k]) for k in said):
            continue  # "No group has claimed the attack, but jihadists linked to ... operate in the area"
        named = [m for m in found if m.sent == s and _named_group(m)]
        if named:
            out.append(named[-1])
    return out


def _negated(parsed: Parsed, t: Token) -> bool:
    """Is the verb of `t` negated ("has not claimed", "No group has claimed")?"""
    kids = parsed.children(verbal_anchor(parsed, t).i)
    return any(c.dep == "neg" for c in kids) or any(
        c.dep in ("nsubj", "nsubjpass") and (c.lower in ("nobody", "none") or any(
            d.dep == "det" and d.lower == "no" for d in parsed.children(c.i))) for c in kids)


def _named_group(m: ActorMention) -> bool:
    return not m.generic and m.entry.type != "state forces"


def _longest(found: list[ActorMention]) -> list[ActorMention]:
    """Of mentions over the same words, the longest ("Myanmar military air strike" over "Myanmar military")."""
    return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start >
                                        m.end - m.start for o in found)]


def _in_country(found: list[ActorMention], gazetteer: Gazetteer, focus_country: str | None) -> list[ActorMention]:
    """Dictionary names that hold in the report's country: an entry limited to some countries ("SNA" is Somalia's
    army) only there; "Military Forces of {country}" ("FDS", "defence and security forces") of that country."""
    out = []
    where = _country_name(gazetteer, focus_country)
    for m in found:
        e = m.entry
        if e.countries and focus_country is not None and focus_country not in e.countries:
            continue  # (a report whose country is unknown keeps them)
        if "{country}" in e.name:
            if where is None:
                continue
            m.entry = Entry(e.name.format(country=where), e.type, e.countries)
        out.append(m)
    return out


@dataclass(slots=True)
class ReportActors:
    """The actors one report names, with what every event of it reads (worked out once per report): the group
    the report says claimed or is blamed for its attack, and the one armed group it names (None when it names
    none or several)."""

    mentions: list[ActorMention]
    claimed: ActorMention | None
    the_group: ActorMention | None
    claims: tuple[ActorMention, ...] = ()


def report_actors(parsed: Parsed, gazetteer: Gazetteer, focus_country: str | None,
                  book: ActorBook | None = None) -> ReportActors:
    """Every actor a report names: dictionary names (`book`, else the default one), national forces, and
    perpetrators named only by what they are."""
    found = _in_country((book or ActorBook.default()).find(parsed), gazetteer, focus_country) \
        + state_forces(parsed, gazetteer, focus_country) \
        + unidentified(parsed, gazetteer, focus_country)
    found = _longest(found)
    taken = {k for m in found for k in range(m.start, m.end)}
    found += [m for m in crowds(parsed, gazetteer, focus_country) if not taken & set(range(m.start, m.end))]
    groups = {m.entry.name: m for m in found if _named_group(m)}
    claims = claimed_perpetrators(parsed, found)
    return ReportActors(found, claims[0] if claims else None,
                        next(iter(groups.values())) if len(groups) == 1 else None, tuple(claims))


def event_actors(parsed: Parsed, report: ReportActors, sents: set[int], figures: list[Figure],
                 violent: bool, gazetteer: Gazetteer, focus_country: str | None,
                 others: set[int] = frozenset(), event_type: str | None = None,
                 sub_event_type: str | None = None) -> list[Actor]:
    """The actors of one event: named in its sentences, with roles; unknown perpetrators and counted victims added.
    The group the report blames, or the one group it names, is this event's only where it is not named in the
    sentences of another event (`others`): "Boko Haram attacked ..." is not the bandits of the next event."""
    vocab = vocabulary()
    text = parsed.text

    def ours(m: ActorMention | None) -> ActorMention | None:
        return m if m is not None and (m.sent in sents or m.sent not in others) else None

    # The claim told in the event's own sentences, else the report's first claim not told in another event's.
    own_claim = next((m for m in report.claims if m.sent in sents), None) \
        or next((m for m in report.claims if ours(m)), None)
    claimed, the_group = own_claim or ours(report.claimed), ours(report.the_group)
    # The report's only event: whom the report names acting or acted on anywhere are its actors ("On 2 May,
    # militiamen clashed with soldiers. ... 3 soldiers were killed").
    anywhere = not others
    where = _country_name(gazetteer, focus_country)
    # The sub-event type says what the people at a protest are (data: by_sub_event), else the event type does.
    implied = vocab.by_sub_event.get(sub_event_type or "") or vocab.by_event.get(event_type or "", {})
    crowd = implied.get("crowd")
    actors: dict[tuple[str, str], Actor] = {}
    naming: set[Span] = set()  # the words of mentions that name their actor ("Iraqi security forces")
    # "eight Islamic State militants": the name and the noun it describes are one actor, the named one.
    named = [m for m in report.mentions if not m.generic and m.sent in sents]
    for m in report.mentions:
        if m.sent not in sents and not anywhere or is_speaker(parsed, m):
            continue
        r = role(parsed, m)
        if m.sent not in sents and r == "other":
            continue  # named in passing elsewhere ("jihadists linked to al-Qaeda operate in the area")
        if crowd and m.generic and m.entry.type in _CROWD_TYPES and r != "target" or \
                crowd and m.generic and m.entry.type == "protesters" and implied.get("crowd_role") == r:
            # "workers held a sit-in", "residents protested": at a protest, the crowd is its protesters (or
            # rioters); the crowd acted on is so where force was used on protesters
            r = implied.get("crowd_role", "perpetrator")
            m = ActorMention(_crowd_entry(crowd[0], crowd[1], where), m.span, m.sent, m.start, m.end, generic=True)
        elif r == "perpetrator" and m.acting is not None:  # "protesters attacked the police": rioters
            m = ActorMention(m.acting, m.span, m.sent, m.start, m.end, generic=True)
        if m.generic:
            # "IS militants", "eight Islamic State militants": the noun a name describes is the named actor
            m = next((n for n in named if n.end == m.start or _head(parsed, n).i == _head(parsed, m).i), m)
        if m.generic and r == "perpetrator" and m.entry.name.startswith("Unidentified"):
            # "the militants" in a report that names whom it blames, or only one group: that group; "the
            # unknown gunmen" stay unknown, and so does a group the report names as their target
            said_unknown = any(t.lower in vocab.unknown for t in parsed.tokens[m.start : m.end])
            pick = claimed or (the_group if the_group is None or role(parsed, the_group) != "target" else None)
            m = m if said_unknown else pick or m
        key = (m.entry.name, r)
        if key not in actors:
            actors[key] = Actor(m.entry.name, r, m.span.text_of(text), m.span, m.entry.type)
        if not m.generic:
            naming.add(m.span)
    # A named perpetrator beats a generic one for the same role ("militants" when "IS" is named).
    named_perps = [a for a in actors.values() if a.role == "perpetrator" and not a.name.startswith("Unidentified")]
    if named_perps:
        actors = {k: a for k, a in actors.items() if not (a.role == "perpetrator" and a.name.startswith("Unidentified"))}
    if violent and claimed is not None and not any(a.role == "perpetrator" for a in actors.values()):
        e = claimed.entry
        actors[(e.name, "perpetrator")] = Actor(e.name, "perpetrator", claimed.span.text_of(text), claimed.span, e.type)
    # What an event of its type implies when the report names nobody: "Protesters (X)" at a protest, "Civilians (X)"
    # attacked in violence against civilians, an unidentified armed group doing violence.
    named_perpetrator = any(a.role == "perpetrator" for a in actors.values())
    for r in ("target", "perpetrator"):
        if r == "target" and implied.get("target_needs_perpetrator") and not named_perpetrator:
            continue  # a protest where nobody is said to have used force: the crowd rioted
        if r == "target" and "target_if_victims" in implied and not any(
                f.victims in implied["target_if_victims"] for f in figures
                if not f.superseded and f.category in ("killed", "injured", "abducted")):
            continue  # a blast that killed soldiers did not target civilians
        of_kind = r in implied.get("of_kind", ["target"] if implied.get("target_of_kind") else [])
        if r in implied and not any(a.role == r and (not of_kind or a.type == implied[r][1]) for a in actors.values()):
            name, kind = implied[r]
            if where:
                name = name.format(country=where)
            elif " ({" in name:
                name = name.split(" ({")[0]
            else:
                continue  # "Police Forces of {country}" of no known country
            actors.setdefault((name, r), Actor(name, r, None, None, kind))
    unknown = _unidentified_group(where)
    if violent and not any(a.role == "perpetrator" for a in actors.values()):
        actors[(unknown, "perpetrator")] = Actor(unknown, "perpetrator", None, None, "political militia")
    gang = _gang_name(focus_country, where, text)
    if gang is not None:  # unknown killers where gangs kill, in a criminal setting: an unidentified gang
        renamed = (Actor(gang, a.role, a.text, a.span, a.type) if a.name == unknown else a for a in actors.values())
        actors = {(a.name, a.role): a for a in renamed}
    for fig in figures:
        if fig.superseded or fig.category not in ("killed", "injured", "abducted"):
            continue
        if fig.victims == "civilians" and where:
            actors.setdefault((f"Civilians ({where})", "target"), Actor(f"Civilians ({where})", "target", None, None, "civilians"))
        elif fig.victims == "security_forces" and where and not any(a.type == "state forces" for a in actors.values()):
            police = vocab.police_victims.match(text, fig.span.end)  # "2 policemen", "three police officers"
            name = f"{'Police' if police else 'Military'} Forces of {where}"
            actors.setdefault((name, "target"), Actor(name, "target", None, None, "state forces"))
    return _one_per_actor(list(actors.values()), naming, report.mentions, text)


def _one_per_actor(said: list[Actor], naming: set[Span], report: list[ActorMention], text: str) -> list[Actor]:
    """One entry per actor: the strongest role said of it, with the words of its first mention in that role. An
    actor that role has no words for (an unknown perpetrator the event's type implies, the victims its figures
    count) takes the words the event names it with in passing ("gangs" named beside the killings; not the
    militants killed, who are no perpetrator), else those the report names it with elsewhere, so that every actor
    the text names points back to its words."""
    order = {"perpetrator": 0, "target": 1, "other": 2}
    best: dict[str, Actor] = {}
    for a in sorted(said, key=lambda a: (order[a.role], a.span.start if a.span else 1 << 30)):
        best.setdefault(a.name, a)
    out = []
    for name, a in best.items():
        span = a.span
        if span is None:
            worded = [o.span for o in said if o.name == name and o.span is not None and o.role == "other"]
            named = [m.span for m in report if m.entry.name == name and not m.generic]
            span = min(worded, key=lambda x: (x not in naming, x.start), default=named[0] if named else None)
        out.append(Actor(a.name, a.role, span.text_of(text) if span is not None else None, span, a.type))
    return out
