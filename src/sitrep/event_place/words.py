"""The words of the event's place stage (data/event_place.toml), and the tests on a name's own words and those
next to it that say what kind of thing it names: a site, a people, a natural feature, a town's countryside, an
actor's country, the kind word of another place. Every other module of the stage asks these questions, so they
live apart from the choices made with them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep import lexicon
from sitrep.cues import CueTable, cue_table
from sitrep.nlp import Parsed, Token
from sitrep.places import PlaceMention, rules


@dataclass(frozen=True, slots=True)
class Cues:
    """data/event_place.toml: the words that tell where an event happened, read once when first needed."""

    rural: frozenset[str]
    people: frozenset[str]
    people_before: frozenset[str]
    sites: frozenset[str]
    neighbourhoods: frozenset[str]
    choice: CueTable  # the choice among the places told with the figures ([choice]), its threshold the floor
    event_nouns: frozenset[str]  # "the attack", "the clashes", "the conflict": nouns that point back to the event
    natural: frozenset[str]  # "Lake Chad", "the Nuba Mountains": a name of a natural feature, no settlement
    back_nouns: frozenset[str]  # "died in that area", "near the same locality": the place named last
    posts: frozenset[str]  # "this military post", "that village": the event's site pointed back to
    journeys: frozenset[str]  # "travelling", "visiting": a journey, the victims' where an event's clause holds it
    locals: frozenset[str]  # "residents of X said": the people of a place, who tell what happened there
    qualifiers: frozenset[str]  # "neighbouring", "nearby": words before a place's name the tagger reads as nouns
    before: CueTable  # the choice among the places named just before the figures ([before])
    inner: CueTable  # the choice among the places named inside the one chosen ([inner])
    earlier: CueTable  # the choice among the places named before, when those just before name a country ([earlier])
    borders: frozenset[str]  # "the border with Niger": the country across it names the border, not the place
    seats: frozenset[str]  # "the government in Bamako": a seat of government, not where a village lies
    far_km: float  # a reference point this far away does not hold the place it locates ([precision])
    offices: frozenset[str]  # "the mayor of X": those who hold an office of a place
    outskirts: frozenset[str]  # "outside X": the event was just out of the town
    bound: frozenset[str]  # "a Kabul-bound bus": where someone was going
    rites: frozenset[str]  # "said mass": a thing said that is no speech
    relatives: frozenset[str]  # "from X, where ...": words opening a clause told of a place


@cache
def cues() -> Cues:
    """The stage's words and weights, read on first use (after the places file, whose happened nouns it joins)."""
    table = lexicon.load("event_place")
    words = table["words"]
    return Cues(*(frozenset(words[k]) for k in ("rural", "people", "people_before", "sites", "neighbourhoods")),
                cue_table(table["choice"]),
                frozenset(rules().happened_nouns | lexicon.attack_nouns() | set(words["event_nouns"])),
                frozenset(words["natural"]), frozenset(words["back_nouns"]), frozenset(words["posts"]),
                frozenset(words["journeys"]), frozenset(words["locals"]),
                frozenset(words["qualifiers"]),
                cue_table(table["before"]), cue_table(table["inner"]), cue_table(table["earlier"]),
                frozenset(words["borders"]), frozenset(words["seats"]), float(table["precision"]["far_km"]),
                frozenset(words["offices"]), frozenset(words["outskirts"]), frozenset(words["bound"]),
                frozenset(words["rites"]), frozenset(words["relatives"]))


def _site(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place a site, not a settlement: "Sololo market", "the Ortiz farm", "Market Square", "Colonia Los
    Pinos"? Its word follows its name (or ends it), or a neighbourhood's word opens it."""
    toks = parsed.tokens
    words = [t.lower for t in toks[m.start : m.end]]
    after = toks[m.end].lower if m.end < len(toks) and toks[m.end].sent == m.sent else ""
    said = after in cues().sites or words[-1] in cues().sites or words[0] in cues().neighbourhoods
    # "Al Dabab checkpoint (Jabal Habashi, Taizz)": a site the report places itself, with its areas in
    # brackets, is the coded location
    return said and m.hint is None and not m.bracketed and (m.resolved is None or m.resolved.kind == "city")


def _people(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the name a people's, told before a word for its members: "Tiv herders", "between the Eggon and Alago
    ethnic groups", "the Murusade and Duduble clans"? Towns bear such names too, but not in those words."""
    toks = parsed.tokens
    k = m.end
    if k < len(toks) and toks[k].lower == "and":  # the first of two peoples named before one word
        k += 1
        while k < len(toks) and toks[k].sent == m.sent and (toks[k].pos == "PROPN" or toks[k].text[:1].isupper()
                                                            or toks[k].lower in ("-", "al", "el")):
            k += 1
    while k < len(toks) and toks[k].lower in cues().people_before:  # "ethnic", "sub"
        k += 1
    return k < len(toks) and toks[k].sent == m.sent and toks[k].lower in cues().people


def _natural(m: PlaceMention) -> bool:
    """Is the place a natural feature the gazetteer does not hold, a lake, a river, a range ("Lake Chad", "the
    Nuba Mountains"), by the words of its name?"""
    return m.resolved is None and bool({w.lower() for w in m.text.split()} & cues().natural)


def _rural(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the country around it ("in Hama countryside", "in rural Homs")? A name told inside it
    is a village of its own, not a part of the town (acled-dev: such notes code the village)."""
    toks = parsed.tokens
    after = toks[m.end].lower if m.end < len(toks) else ""
    before = toks[m.start - 1].lower if m.start else ""
    return after in cues().rural or before in cues().rural


def _modifier(parsed: Parsed, m: PlaceMention) -> bool:
    """"Myanmar military", "US air raids", "Iraqi forces", "rebels backed by Rwanda": a country's name
    describing an actor or standing for one, not a location; so is any place that does something ("a truce declared
    by Moscow")."""
    toks = parsed.tokens
    head = parsed.span_root(m.start, m.end)
    above = toks[head.head]
    if m.resolved is None:
        return False
    if head.dep == "pobj" and above.dep == "agent":
        # "militias armed by a neighbour state, Rwanda", "a truce declared by Moscow": a country, or a capital standing
        # for its government, doing something: an actor
        return True
    if m.resolved.kind != "country":
        return False
    return head.dep in ("compound", "amod", "nmod", "poss") and above.pos in ("NOUN", "PROPN") and \
        above.lower not in rules().all_features


def _across_border(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the one across a border ("near the border with Niger", "Mali's border with Niger", "Gok
    State, on the border with Maridi State")? It names which border; the event is on the other side of it."""
    toks = parsed.tokens
    j = m.start - 1
    if j > 0 and toks[j].lower == "the":
        j -= 1
    return j > 0 and toks[j].lower == "with" and toks[j - 1].lower in cues().borders


def _seat(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the seat of those who govern ("allied to the government in Bamako", "the authorities in
    Kabul")? It says who, not where the report's other places lie."""
    toks = parsed.tokens
    j = m.start - 1
    return j > 0 and toks[j].lower == "in" and toks[j - 1].lower in cues().seats


def _office(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the place of an office-holder: "the mayor of X", "a candidate for mayor of X", "the
    deputy head of X province's security command", "the mayor of a town in X district"? Up from the name, an office
    noun is met before any verb, across nouns, their prepositions and qualifiers."""
    toks = parsed.tokens
    t = parsed.span_root(m.start, m.end)
    for _ in range(8):
        if t.head == t.i:
            return False
        t = toks[t.head]
        if t.pos in ("VERB", "AUX"):
            return False
        if t.pos in ("NOUN", "PROPN") and (t.lower in cues().offices or t.text in cues().offices):
            return True
    return False


def _outskirts(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place told as the town the event was just out of: "outside X", "outside the northeast city of X", "on
    the outskirts of X"? Across the words that qualify the name and its kind word."""
    toks = parsed.tokens
    first = parsed.sents[m.sent][0]
    j = m.start - 1
    while j >= first and m.start - j <= 7:
        t = toks[j]
        if t.lower in cues().outskirts:
            return True
        if not (t.pos in ("DET", "ADJ", "PROPN") or t.lower == "of" or t.lower in rules().all_features
                or _qualifier(t)):
            return False
        j -= 1
    return False


def _bound(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the place where someone was going, told with "-bound" ("a Kabul-bound bus")?"""
    toks = parsed.tokens
    words = [t.lower for t in toks[m.start : m.end]]
    after = [t.lower for t in toks[m.end : m.end + 2] if t.sent == m.sent]
    return len(words) >= 2 and words[-2] == "-" and words[-1] in cues().bound \
        or after[:1] == ["-"] and after[1:] and after[1] in cues().bound \
        or any(w.endswith(tuple("-" + b for b in cues().bound)) for w in words[-1:])


def _kind_of(parsed: Parsed, m: PlaceMention, area: PlaceMention) -> bool:
    """"the Andean town of Juliaca", "the Darfur town of Kutum": the kind word before "of" is the next
    place's, which has none of its own, so the name before it only qualifies that town; not "the Deh-e-Now village
    of Kohsar district", where the area says its own kind."""
    toks = parsed.tokens
    between = [t.lower for t in toks[m.end : area.start] if t.pos != "DET"]
    if len(between) != 2 or between[1] != "of" or between[0] not in rules().features["city"]:
        return False
    kinds = rules().all_features | {words[0] for words in rules().long_features}  # "Local Government Area"
    return not (area.end < len(toks) and toks[area.end].lower in kinds)


def _qualifier(tok: Token) -> bool:
    """Is the word one that qualifies a place's name before it: "northern", "neighbouring" (which the tagger reads
    as an adjective, a participle or a noun), "nearby"?"""
    return tok.pos == "ADJ" or tok.tag in ("VBG", "VBN") or tok.lower in cues().qualifiers
