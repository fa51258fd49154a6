"""Places: every place a report names, resolved against the gazetteer with the reasons for each choice.

Recognition takes spaCy's GPE/LOC/FAC entities, plus names the model mislabels ("El Fasher" as ORG) or misses,
when the gazetteer knows them and the words around say they are places ("in", "near", "X province"). A guard
list keeps common words out. Disambiguation weighs, for each candidate: population and kind, what the words around
say it is ("province", "district", "the city of"; a "province" is a second-level area where a country's provinces
are, as in the Philippines), the article's country focus (countries, demonyms and unambiguous places it names, its
dateline, and cues of the armed groups and missions it names, some pointing to provinces), an admin area named with
it ("Ramadi, the Anbar provincial capital", "Paris, Texas", "X in Yemen (Abs, Hajjah)"), and how well the name
matched. A country name resolves to the country, unless the words say city ("Gaza city").
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from sitrep import lexicon
from sitrep.gazetteer import Gazetteer, GeoPlace, normalize
from sitrep.model import Span
from sitrep.nlp import Parsed, Token

def _cue_pattern(words: list[str], flags: int) -> re.Pattern | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", flags)


@dataclass(frozen=True, slots=True)
class Rules:
    """data/places.toml, compiled once when the pipeline is built (`rules()`), not at import: the kind words, the
    stop list, the cues of place and event, and the words that point to a country."""

    features: dict[str, set[str]]
    sites: set[str]
    stop: set[str]
    parents: dict[str, str]
    locative: set[str]
    settlement_after: set[str]
    of_place: set[str]
    facilities: set[str]
    country_needs_cue: set[str]
    the_city: set[str]
    away: set[str]
    happened_nouns: set[str]
    happened_verbs: set[str]
    coded: set[tuple[str, ...]]
    place_verbs: set[str]
    event_verbs: set[str]
    speech_or_travel: set[str]
    transfer_verbs: set[str]
    joiners: set[str]
    joiners_known: set[str]
    ezafe: set[str]
    articles: set[str]
    lower_features: set[str]
    prefix_kinds: set[str]
    # Words between a name and the areas in brackets after it: "Mandai police station limits (Gaya, Bihar)".
    before_areas: set[str]
    # Words between a name and its kind word: "Zaatari refugee camp", "Pariang cattle camp".
    kind_modifiers: set[str]
    # Kind words of first-level areas that reports say of districts too: "the Beni region".
    loose_areas: set[str]
    # "JNIM", "upazila", "GNA": words that point to the countries they belong to, by their words (case kept for
    # all-capital cues, lower case otherwise), and their patterns.
    country_cues: dict[str, tuple[str, ...]]
    cue_patterns: list[tuple[re.Pattern, bool]]
    # the admin1 codes a cue points to, where the cue belongs to part of a country ("OSCE SMM": Donetsk, Luhansk)
    area_cues: dict[str, tuple[str, ...]]
    all_features: set[str]  # every kind word, of every kind
    long_features: list[tuple[str, ...]]  # the kind words of several words, split
    # Words between a place and the area that qualifies it: "Paris, Texas", "Unguwan Dogo town, Kaduna State",
    # "Ramadi, the Anbar provincial capital"; not "Kabul, wounded four U.S. soldiers".
    qualifier_gap: set[str]
    # Countries whose areas of a kind word usually first-level are second-level in GeoNames: {"PH": {"province"}}.
    second_level: dict[str, set[str]]
    # Nouns of places and parts of them: a demonym or country name said of one points to where the report is.
    place_nouns: set[str]
    # Words after a demonym that make it a language's or a currency's: "French-speaking", "the US dollar".
    not_of_a_place: set[str]


@cache
def rules() -> Rules:
    r = lexicon.load("places")
    cues, verbs = r["cues"], r["verbs"]
    features = {kind: set(words) for kind, words in r["features"].items() if kind != "sites"}
    all_features = {w for words in features.values() for w in words}
    # A cue's values are countries, and the first-level areas ("UA.05") it points to within them.
    cue_values = {(k if k.isupper() else k.lower()): v for k, v in r.get("country_cues", {}).items()}
    country_cues = {k: tuple(c for c in v if "." not in c) for k, v in cue_values.items()}
    area_cues = {k: tuple(c for c in v if "." in c) for k, v in cue_values.items()}
    patterns = [(p, lower) for p, lower in (
        (_cue_pattern([k for k in country_cues if k.isupper()], 0), False),
        (_cue_pattern([k for k in country_cues if not k.isupper()], re.I), True)) if p is not None]
    return Rules(
        features=features, sites=set(r["features"]["sites"]),
        stop={normalize(w) for w in r["stoplist"]["words"]} | {normalize(w) for ws in features.values() for w in ws},
        parents={normalize(k): v for k, v in r["parents"].items()}, locative=set(cues["locative"]),
        settlement_after=set(cues["settlement"]), of_place=set(cues["of_place"]), facilities=set(cues["facilities"]),
        country_needs_cue={normalize(w) for w in cues["country_needs_cue"]}, the_city=set(cues["the_city"]),
        away=set(cues["away"]), happened_nouns=set(cues["happened_nouns"]), happened_verbs=set(cues["happened_verbs"]),
        coded={tuple(w.split()) for w in cues["coded"]},
        place_verbs=set(verbs["place_and_event"] + verbs["place"]),
        event_verbs=set(verbs["place_and_event"] + verbs["event"]),
        speech_or_travel=set(verbs["speech_or_travel"]), transfer_verbs=set(verbs["transfer"]),
        joiners=set(cues["joiners"]), joiners_known=set(cues["joiners_known"]), ezafe=set(cues["ezafe"]),
        articles=set(cues["articles"]),
        lower_features=set(cues["lower_case_kind_words"]), prefix_kinds=set(cues["prefix_kind_words"]),
        before_areas=set(cues["before_areas"]), kind_modifiers=set(cues["kind_modifiers"]),
        loose_areas=set(cues["loose_area_words"]),
        country_cues=country_cues, area_cues=area_cues, cue_patterns=patterns, all_features=all_features,
        long_features=[tuple(w.split()) for w in all_features if " " in w],
        qualifier_gap=_INSIDE_GAP | all_features | set(cues["lower_case_kind_words"]) | {"-", "–", "—"},
        second_level={c: set(words) for c, words in r.get("second_level", {}).items()},
        place_nouns=set(cues["place_nouns"]), not_of_a_place=set(cues["not_of_a_place"]))


@lru_cache(maxsize=1)
def _actor_names() -> set[str]:
    """The names of armed groups and forces (actors.toml): "Taliban", "Hamas", "Wagner" are never places."""
    return {normalize(n) for a in lexicon.load("actors")["actor"] for n in [a["name"], *a.get("aliases", [])]}
# Entity labels the model gives proper names it does not know as places ("Tillaberi" as PRODUCT).
_NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                     "ORDINAL", "TIME"}


@dataclass(slots=True)
class Candidate:
    place: GeoPlace
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text: its words, what kind of place the words say it is, and what it resolved to."""

    text: str
    span: Span
    sent: int
    start: int  # token index
    end: int  # token index, exclusive
    source: str  # the NER label, or GAZ for the gazetteer pass
    hint: str | None = None  # admin1 | admin2 | city, from "province", "district", "the town of"
    kind_word: str | None = None  # the word the hint came from: "province", "district", "town"
    dateline: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    resolved: GeoPlace | None = None
    area: GeoPlace | None = None  # the smallest resolved area it lies in, from `within` and up
    within: PlaceMention | None = None  # the place named as containing it: "X (Y, Z)", "X, Y", "X in Y district"
    is_area: bool = False  # another place is set before it by a comma or a bracket, as lying in it
    bracketed: bool = False  # its areas follow it in brackets, "X (Y, Z)": the report places it itself
    beside: bool = False  # named as near the place after it, "Tondobiga, near Kongoussi": a settlement of its own
    namesake: bool = False  # its only candidates lie in a country the report hardly points to

    @property
    def key(self) -> str:
        return normalize(self.text)


@dataclass(slots=True)
class Focus:
    """Where the article is: votes per country, and the admin1 areas it names. The votes each place name gave are
    kept apart (`by_name`), so that a name is weighed on what the rest of the report says: "Inata" matching only a
    town in Japan is no evidence that a report is about Japan, however often it is named."""

    countries: Counter = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)
    by_name: dict[str, Counter] = field(default_factory=dict)

    def vote(self, country: str, n: int = 1, name: str | None = None) -> None:
        self.countries[country] += n
        if name is not None:
            self.by_name.setdefault(name, Counter())[country] += n

    def others(self, name: str | None) -> Counter:
        """The votes of everything in the report but the place name `name` (its normalised key)."""
        own = self.by_name.get(name) if name is not None else None
        return self.countries - own if own else self.countries

    def share(self, country: str, name: str | None = None) -> float:
        """The share of the votes for `country`, of the rest of the report when `name` is given."""
        own = self.by_name.get(name) if name is not None else None
        if not own:
            total = sum(self.countries.values())
            return self.countries[country] / total if total else 0.0
        # `others(name)` summed without building it (asked for every candidate of every place): the votes left to
        # each country, in its order (votes are positive, so a name's countries are all in `countries`)
        total = mine = 0
        for c, n in self.countries.items():
            left = n - own[c]
            if left > 0:
                total += left
                mine = left if c == country else mine
        return mine / total if total else 0.0

    def retract(self, name: str) -> None:
        """Take back the votes of a name found to be no evidence (a namesake abroad, left unresolved)."""
        own = self.by_name.pop(name, None)
        if own:
            self.countries -= own

    def copy(self) -> Focus:
        return Focus(Counter(self.countries), set(self.admin1), {k: Counter(v) for k, v in self.by_name.items()})

    @property
    def top(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


class Geoparser:
    """Finds and resolves places. The gazetteer is passed in, so tests and other tools can give their own.

    Example:
        >>> from sitrep.nlp import NLP
        >>> gp = Geoparser()
        >>> mentions, focus = gp.parse(NLP().parse("Fighting in Homs and Aleppo killed 12 people."))
        >>> [(m.text, m.resolved.geonames_id) for m in mentions]
        [('Homs', 169577), ('Aleppo', 170063)]
    """

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()

    def parse(self, parsed: Parsed, outlet: str | None = None) -> tuple[list[PlaceMention], Focus]:
        """The places of a parsed report, resolved, and the report's country focus. `outlet`: the name of the outlet
        that published it ("Daily Nation (Kenya)"); a country it names is a weak prior for namesakes."""
        mentions = self.recognise(parsed)
        # Every relation between places is read within one sentence: handed only those, it stays linear on a long
        # text.
        by_sent: dict[int, list[PlaceMention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent, []).append(m)
        for m in mentions:
            # (a name the model's sentence split cuts, "Dand | Wa Patan district, Paktia", reads on into the next)
            end = parsed.tokens[m.end - 1].sent
            m.within = _within(m, by_sent[m.sent] + (by_sent.get(end, []) if end != m.sent else []), parsed.tokens)
        for m in mentions:
            if m.within is not None and m.within.within is None and self._area_before(parsed, m, m.within):
                m.within.within, m.within = m, None  # "the Hama town of Kafr Zita": Kafr Zita lies in Hama
        for m in mentions:
            if m.within is None:
                continue
            gap = {t.lower for t in parsed.tokens[m.end : m.within.start]}
            m.bracketed = "(" in gap
            m.beside = "near" in gap and m.source in ("GPE", "LOC", "GAZ")
            if gap & {",", "("} and "near" not in gap:  # "X, a village near Y": Y is no area X lies in
                m.within.is_area = True  # "Bomadi (Bomadi LGA, Delta)": named as an area; "in Peshawar" is not
        focus = self._first_focus(parsed, mentions)
        for country in self.outlet_countries(outlet):
            focus.vote(country, _OUTLET_VOTE)
        first = focus.copy()
        for m in mentions:
            self._resolve(m, by_sent[m.sent], focus, parsed.tokens)
        _vote_resolved(focus, mentions)  # a second pass, with every resolved place voting too
        # The areas first, so that each place is resolved inside the area named with it.
        for m in reversed(mentions):
            m.area = _area_of(m)
            self._resolve(m, by_sent[m.sent], focus, parsed.tokens)
            if _suspect(m, first):
                focus.retract(m.key)
        _consistent(mentions)
        mentions = [m for m in mentions if not _foreign_facility(parsed, m, focus)]
        _spelt_as_the_report(mentions, self.gazetteer)
        return mentions, focus

    def outlet_countries(self, outlet: str | None) -> set[str]:
        """The countries an outlet's name names, read with the gazetteer's country names: "Daily Nation (Kenya)" ->
        KE, "Times of India" -> IN; none for "Xinhua", nor for "La Silla Rota" (Silla is an old name of Korea). Runs
        of up to four words, longest first."""
        if not outlet:
            return set()
        words = re.findall(r"[^\W\d_][\w'’.-]*", outlet)
        found, k = set(), 0
        while k < len(words):
            for n in range(min(4, len(words) - k), 0, -1):
                run = " ".join(words[k : k + n])
                code = run[:1].isupper() and self.gazetteer.country_named(run)
                # the country's own name or an everyday one ("DRC"), not an old alias ("Silla" of Korea)
                if code and normalize(run) != normalize(self.gazetteer.country(code).name) \
                        and self.gazetteer.demonym(run) != code:
                    code = None
                if code:
                    found.add(code)
                    k += n - 1
                    break
            k += 1
        return found

    # ------------------------------------------------------------ recognition
    def recognise(self, parsed: Parsed) -> list[PlaceMention]:
        toks = parsed.tokens
        cued = frozenset(c for cs in _country_cues(parsed.text) for c in cs)
        out: list[PlaceMention] = []
        unsure: set[int] = set()  # ids of names kept only if an area named with them is known
        taken: set[int] = set()
        ends: set[int] = set()
        for e in parsed.ents:
            if e.label not in ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"):
                continue
            whole = parsed.text[e.start_char : e.end_char]
            if e.label == "NORP" and self.gazetteer.demonym(whole) is not None:
                continue  # "the Somali capital": a demonym hints at a country, it is no place (not Ethiopia's Somali)
            # "Kaduna State's Unguwan Dogo town" is two places.
            splits = [k + 1 for k in range(e.start, e.end - 1) if toks[k].lower in ("'s", "’s")]
            if splits and self.gazetteer.exact(whole):
                splits = []  # "Cox's Bazar" is one place
            # ... and so is it in "Cox's Bazar Sadar", a district named after it
            splits = [k for k in splits if not self.gazetteer.exact(parsed.text[toks[e.start].idx : toks[k].end])]
            # "Ardo-Kola Local Government Area of Taraba", tagged as one name, is a district and its state
            splits += [k for k in range(e.start + 2, e.end - 1) if toks[k].lower == "of"
                       and toks[k - 1].lower in rules().all_features and toks[k + 1].text[:1].isupper()
                       and normalize(parsed.text[toks[e.start].idx : toks[k].idx]) not in _actor_names()
                       and not self.gazetteer.exact(whole)]
            if e.label in ("PRODUCT", "WORK_OF_ART", "EVENT") and not self.gazetteer.exact(whole):
                splits += [k for k in range(e.start, e.end) if toks[k].lower in ("and", "or")]  # "Makera and Usu"
            # "Bokolobo near Mbres", "Kalutara outside Colombo", "Bentiu on Saturday": a place and the words
            # relating it to another, tagged as one name, unless the gazetteer knows the whole ("Stratford-upon-Avon")
            if not self.gazetteer.exact(whole):
                splits += [k for k in range(e.start + 1, e.end) if toks[k].text in _RELATING]
            for a, b in _pieces(toks, e.start, e.end, splits):
                b2 = b - 1 if b - 1 > a and toks[b - 1].lower in ("'s", "’s") else b
                coordinated = _coordinated(toks, a, ends)
                if e.label in ("GPE", "LOC", "FAC"):
                    m = self._mention(parsed, a, b2, e.label)
                    if m is not None and not self.gazetteer.exact(m.text):
                        c = self._country_suffix(parsed, a, b2, e.label)
                        # "in Kolofata Cameroon's Far North": the name before the country's is a place too
                        before = self._mention(parsed, a, c.start, e.label) \
                            if c is not None and c.start > a and _locative_before(toks, a) else None
                        if before is not None:
                            out.append(before)
                            ends.add(before.end)
                        m = c or m
                elif _locative_before(toks, a) or _feature_after(toks, b2) or coordinated \
                        or self._areas_after(parsed, b2) or toks[b2 - 1].lower in rules().all_features:
                    m = self._mention(parsed, a, b2, e.label)
                    if m is not None and not self.gazetteer.exact(m.text):
                        m = self._country_suffix(parsed, a, b2, e.label) or m
                    if m is not None and not (self._known(m, True, cued) or _strong_cue(toks, a, b2)
                                              or self._areas_after(parsed, m.end)):
                        unsure.add(id(m))
                elif e.label in ("ORG", "NORP"):
                    m = self._mention(parsed, a, b2, e.label)  # "Burkina Faso's army", tagged ORG
                    if m is not None and not self._country(m):
                        m = self._country_suffix(parsed, a, b2, e.label)
                else:
                    continue
                if m is not None:
                    out.append(m)
                    taken.update(range(a, b2))
                    ends.add(m.end)
        # Names the model did not tag as places: proper-noun runs after "in"/"near"/... that the gazetteer knows.
        ent_tokens = {k for e in parsed.ents if e.label in _NOT_PLACE_LABELS for k in range(e.start, e.end)}
        k = 0
        while k < len(toks):
            if toks[k].pos != "PROPN" or k in taken or k in ent_tokens:
                k += 1
                continue
            j = k
            while j < len(toks) and toks[j].pos == "PROPN" and toks[j].sent == toks[k].sent and j not in ent_tokens:
                j += 1
                # "As-Sweida", "Deir-ez-Zor": a hyphen inside a name, with no space on either side
                if j + 1 < len(toks) and toks[j].text == "-" and toks[j - 1].end == toks[j].idx \
                        and toks[j].end == toks[j + 1].idx and toks[j + 1].pos == "PROPN" and j + 1 not in ent_tokens:
                    j += 1
            coordinated = _coordinated(toks, k, ends)
            if (_locative_before(toks, k) or _feature_after(toks, j) or coordinated or self._areas_after(parsed, j)) \
                    and toks[k].text[:1].isupper():
                m = self._mention(parsed, k, j, "GAZ")
                # Known to the gazetteer, or named as a place by the words around ("the village of Bokolobo").
                if m is not None:
                    if not (self._known(m, True, cued) or _strong_cue(toks, k, j) or self._areas_after(parsed, m.end)):
                        unsure.add(id(m))
                    out.append(m)
                    ends.add(j)
            elif toks[k].text[:1].isupper() and (m := self._mention(parsed, k, j, "GAZ")) and self._country(m):
                out.append(m)  # a country's name, wherever it stands ("Nigeria said ...")
                ends.add(j)
            k = j
        # Datelines in capitals ("KABUL, Aug. 27 -") that the model does not tag.
        for a, _ in parsed.sents:
            j = a
            while j < len(toks) and (toks[j].text.isspace()):
                j += 1
            b = j
            while b < len(toks) and toks[b].text.isupper() and toks[b].text.isalpha() and b - j < 4:
                b += 1
            if b == j:  # "Herat, Afghanistan: ...": in title case, only with the country's name and a colon after
                while b < len(toks) and toks[b].pos == "PROPN" and toks[b].text[:1].isupper() and b - j < 3:
                    b += 1
                after = _COUNTRY_COLON.match(parsed.text, toks[b - 1].end) if b > j else None
                if after is None or self.gazetteer.country_named(after.group(1)) is None:
                    b = j
            if b > j and not any(k in taken for k in range(j, b)) and b < len(toks) \
                    and toks[b].text in (",", "-", "—", "–", "(", ":"):
                m = self._mention(parsed, j, b, "GAZ")
                if m is not None and self._known(m, exact=True):
                    out.append(m)
                    taken.update(range(j, b))
        whole = {}
        for m in map(lambda m: self._whole_name(parsed, m), out):
            if whole.get(m.start) is None or whole[m.start].end < m.end:
                whole[m.start] = m
        out, reach = [], -1
        for m in sorted(whole.values(), key=lambda m: m.start):
            if m.end > reach:  # not a part of the name before it ("California" of "Baja California")
                out.append(m)
            reach = max(reach, m.end)
        out += self._areas_named_after(parsed, out)
        out.sort(key=lambda m: m.span.start)

        # A name the gazetteer does not know stays only when the words around call it a place ("Gunmen" does not),
        # or an area named with it is known ("Adeke-Ehi in Agatu LGA").
        def kept(m: PlaceMention) -> bool:
            if _strong_cue(toks, m.start, m.end) or m.key in rules().parents or self._areas_after(parsed, m.end):
                return True
            # "fighting around Katari axis", "shelled the Bakhmut front": a site named after the place it is at
            if m.end < len(toks) and toks[m.end].lower in rules().sites and _locative_before(toks, m.start) \
                    and m.text[:1].isupper() and not m.text.isupper():
                return True
            if id(m) not in unsure and self.gazetteer.lookup(m.text):
                return True
            if m.start >= 1 and toks[m.start - 1].lower in rules().prefix_kinds:
                # "in Barangay Magsaysay, Pinukpuk, Kalinga": a kind word before a name the gazetteer lacks says it
                # is a settlement; a part of a great city is coded at the city ("Barangay Lahug, Cebu City").
                o = _within(m, out, toks)
                return o is None or not any(p.kind == "city" and p.population >= _CITY_OF_PARTS
                                            for p in self.gazetteer.exact(o.text))
            # "shells fell in Garabulli": a name the model calls a place, after a word that says where, is one even
            # when the gazetteer lacks it: the event keeps its name (and the report's country).
            if m.source in ("GPE", "LOC") and _locative_before(toks, m.start) and m.text[:1].isupper() \
                    and not any(t.like_num for t in toks[m.start : m.end]):
                return True
            # "raided a police post in Tiba-Seno", "near Zolotarivka": any proper name right after "in", "near"
            # or "at" (not "in the ...", not an acronym) the model took for a person or an organisation
            # (or after "of" and a word that makes it a place: "a resident of Toummour", "the outskirts of X")
            before = m.start - 1
            while before > 0 and toks[before].lower in ("rural", "suburban"):
                before -= 1  # "in rural Ein Issa"
            after_of = before > 0 and toks[before].lower == "of" and toks[before - 1].lower in rules().of_place
            if before >= 0 and (toks[before].lower in ("in", "near", "at", "between") or after_of) \
                    and m.text[:1].isupper() \
                    and not m.text.isupper() and not any(t.like_num for t in toks[m.start : m.end]) \
                    and not any(t.lower in _ORG_WORDS for t in toks[m.start : m.end]) \
                    and self.gazetteer.demonym(m.text) is None \
                    and not _title_case(parsed, m.sent):  # "Nine Herders Shot Dead in Burkina Raid"
                return True
            o = _within(m, out, toks)
            # "the Peshawar area of Qarghayi district": a kind word after the name, and any known place holding it
            # (or an area the words call one, whatever the gazetteer knows it as: "al-Qatn in the Hadramawt province")
            return o is not None and (o.hint in ("admin1", "admin2") and bool(self.gazetteer.lookup(o.text))
                                      and not any(t.lower in _ORG_WORDS for t in toks[m.start : m.end])
                                      or any(p.kind != "city" or _feature_after(toks, m.end)
                                             for p in self.gazetteer.lookup(o.text)))

        out = [m for m in out if kept(m)]
        out.sort(key=lambda m: m.span.start)
        _mark_datelines(parsed, out, self.gazetteer.country_named)
        return out

    def _mention(self, parsed: Parsed, a: int, b: int, source: str, as_area: bool = False) -> PlaceMention | None:
        """The place of words a to b, or None when they are no place's name. `as_area`: named in brackets as the area
        of the place before, where a compass word is an area's whole name ("Dowa (Central)")."""
        toks = parsed.tokens
        while a < b and (toks[a].lower in ("the", "a", "an") or toks[a].pos == "PUNCT" or toks[a].text.isspace()):
            a += 1
        hint = word = None
        if b > a + 1 and toks[a].lower in rules().prefix_kinds:  # "Barangay Bagontapay"
            hint, word, a = "city", toks[a].lower, a + 1
        while b > a and (toks[b - 1].text.isspace() or toks[b - 1].lower == "of"):
            b -= 1  # (not "of" ending a name: "the Municipality of" tagged without the name after it)
        # "Anbar province", "Kaduna State", "Arghistan district": the kind word is part of the name.
        for words in rules().long_features:  # "Dange Local Government Area", tagged up to "Local"
            n = len(words)
            for k in range(n, 0, -1):
                if b - k > a and tuple(t.lower for t in toks[b - k : b - k + n]) == words:
                    word = " ".join(words)
                    hint, b = _feature_kind(word), b - k
                    break
        while b > a + 1 and (toks[b - 1].lower in rules().all_features or toks[b - 1].text in rules().lower_features):
            word = toks[b - 1].lower
            hint = _feature_kind(word)
            b -= 1
            while b > a + 1 and toks[b - 1].lower in rules().kind_modifiers:
                b -= 1  # "Zaatari refugee camp"
        if b <= a:
            return None
        kind_at = _past_modifiers(toks, b)
        if kind_at < len(toks) and toks[kind_at].lower in rules().all_features:
            word = toks[kind_at].lower
            hint = _feature_kind(word)
        elif [t.lower for t in toks[b : b + 2]] in ([",", "a"], [",", "the"]) and b + 2 < len(toks) \
                and toks[b + 2].lower in rules().settlement_after:
            word = toks[b + 2].lower
            hint = _feature_kind(word)  # "Unguwan Dogo, a village close to Kachia"
        before = [t.lower for t in toks[max(0, a - 3) : a]]
        if hint != "admin1" and len(before) >= 2 and before[-1] == "of" and before[-2] in rules().all_features:
            word = before[-2]
            hint = _feature_kind(word)  # "the town of X"; not "the Mustaba district of Hajja province"
        text = parsed.text[toks[a].idx : toks[b - 1].end]
        text = re.sub(r"['’]s$", "", text.strip()).strip(" ,.;:-–—()\"“”‘’\n\t")
        key = normalize(text)
        if not key or not any(c.isalpha() for c in key):
            return None
        if len(key) < 3 and not (re.fullmatch(r"[A-Z][a-z]", text) and self._areas_after(parsed, b)):
            return None  # "Se (Djibo, Soum)": a short name only with the areas it lies in after it
        if key in rules().stop and hint != "admin1" and not (as_area and set(key.split()) <= _COMPASS):
            return None  # "the West region" is a place; "West" alone is not
        if key in _actor_names() and not self.gazetteer.country_named(text):
            return None  # "a Taliban-planted bomb"
        if self._people(text):
            return None  # "the Tajik side", "the South Indian state of Kerala"
        if source in ("ORG", "PERSON") and re.fullmatch(r"[A-Z]{2,4}", text) \
                and not self.gazetteer.country_named(text):
            return None  # "GNA positions": an acronym, not Guna
        start = toks[a].idx
        return PlaceMention(text, Span(start, start + len(text)), toks[a].sent, a, b, source, hint, kind_word=word)

    def _whole_name(self, parsed: Parsed, m: PlaceMention) -> PlaceMention:
        """A name the model cut at a joining word: "Foz" of "Foz do Iguacu", "Cruz" of "Brejo do Cruz"."""
        toks = parsed.tokens
        a, b = m.start, m.end
        while (a >= 2 and toks[a - 1].lower in rules().joiners and toks[a - 2].pos == "PROPN"
               and toks[a - 2].text[:1].isupper()):
            a -= 2
        while b + 1 < len(toks) and toks[b].lower in rules().joiners and toks[b + 1].pos in ("PROPN", "NOUN") \
                and toks[b + 1].text[:1].isupper():  # "Ribeirao das Neves", "Neves" tagged NOUN
            b += 2
        # "Port of Spain", "Gracias a Dios": a joining word of a name the gazetteer knows whole
        while b + 1 < len(toks) and toks[b].lower in rules().joiners_known and toks[b + 1].text[:1].isupper() \
                and self.gazetteer.exact(parsed.text[toks[a].idx : toks[b + 1].end]):
            b += 2
        while a >= 2 and toks[a - 1].lower in rules().joiners_known and toks[a - 2].text[:1].isupper() \
                and self.gazetteer.exact(parsed.text[toks[a - 2].idx : toks[b - 1].end]):
            a -= 2
        # "in Ad Durayhimi": an Arabic article written apart, after a lower-case word, is the name's (not "At", which
        # may as well be the English word saying where)
        while a >= 2 and toks[a - 1].text in rules().articles and toks[a - 1].lower not in rules().locative \
                and toks[a - 1].end < toks[a].idx \
                and toks[a - 2].text[:1].islower() and toks[a - 1].sent == toks[a].sent:
            a -= 1
        # "Sang-Suwar", "Qala-e-Sabz", "Ohaji/Egbema": a hyphenated or slashed name the model tagged in part.
        while a >= 2 and toks[a - 1].text in ("-", "/") and toks[a - 2].end == toks[a - 1].idx == toks[a].idx - 1 \
                and toks[a - 2].text[:1].isalpha():
            a -= 2
        while b + 1 < len(toks) and toks[b].text in ("-", "/") and toks[b - 1].end == toks[b].idx \
                and toks[b].end == toks[b + 1].idx and toks[b + 1].text[:1].isalpha():
            b += 2
        # "Pul-e Khumari", "Deh-e Now": a name ending in the linking vowel goes on to the next word.
        while b < len(toks) and b - a >= 3 and toks[b - 1].lower in rules().ezafe and toks[b - 2].text == "-" \
                and toks[b].text[:1].isupper() and toks[b].sent == toks[a].sent:
            b += 1
        # "Baja" + "California": two names the model cut apart that the gazetteer knows as one.
        for longer in range(min(b + 3, len(toks)), b, -1):
            run = toks[b:longer]
            if all(t.pos == "PROPN" and t.text[:1].isupper()
                                                    and t.sent == toks[a].sent for t in run) \
                    and self.gazetteer.exact(parsed.text[toks[a].idx : run[-1].end]):
                b = longer
                break
        if (a, b) == (m.start, m.end):
            return m
        whole = self._mention(parsed, a, b, m.source)
        if whole is None:
            return m
        if whole.hint is None:
            whole.hint, whole.kind_word = m.hint, m.kind_word
        return whole

    def _areas_named_after(self, parsed: Parsed, found: list[PlaceMention]) -> list[PlaceMention]:
        """The areas set after a place by brackets or commas that the passes before missed: "Warri (Warri South
        LGA, Delta)", "Derai upazila (Sunamganj, Sylhet)". Each must be a name the gazetteer knows."""
        toks = parsed.tokens
        starts = {m.start for m in found}
        queue, out = [(m, False) for m in found], []
        while queue:
            m, bracketed = queue.pop()
            j = m.end
            while j < len(toks) and (toks[j].lower in rules().all_features or toks[j].lower in rules().sites
                                      or toks[j].lower in rules().before_areas
                                      or toks[j].text in rules().lower_features):
                j += 1
            if j + 1 >= len(toks) or toks[j].text not in ("(", ","):
                continue
            while True:
                k = e = j + 1
                while e < len(toks) and e - k < 5 and toks[e].text not in _BREAKS and toks[e].text not in (".", ";") \
                        and toks[e].sent == toks[k].sent and (toks[e].text[:1].isupper()
                                                              or toks[e].text in ("-", "'", "/")
                                                              or toks[e].lower in rules().all_features
                                                              or toks[e].lower in rules().joiners and e + 1 < len(toks)
                                                              and toks[e + 1].text[:1].isupper()):
                    e += 1  # "(Wadi al Jawf, Marib)": a joining word inside an area's name
                if e == k or k in starts or not toks[k].text[:1].isupper():
                    break
                # Inside brackets that end in a known area, a name the gazetteer lacks is one of the areas too
                # ("Kalanqole village (Buloburto, Hiraan)").
                bracketed = toks[j].text == "(" and self._areas_after(parsed, m.end) \
                    or bracketed and toks[j].text == ","
                new = self._mention(parsed, k, e, "GAZ", as_area=_in_brackets(toks, k))
                # (or one with its own areas in brackets: "X union, Pirganj upazila (Thakurgaon, Rangpur)")
                if new is not None and new.start not in starts and (bracketed or self.gazetteer.exact(new.text)
                                                                    or self._areas_after(parsed, new.end)):
                    starts.add(new.start)
                    out.append(new)
                    queue.append((new, bracketed))
                elif toks[k].lower in _SHORT_COMPASS and e + 1 < len(toks) and toks[e].text == ",":
                    j = e  # "(NW, KPK)": a compass word's short form before the area
                    continue
                break
        return out

    def _areas_after(self, parsed: Parsed, j: int) -> bool:
        """Is the name followed by the areas it lies in, in brackets: "Mulamba (Walungu, Sud-Kivu)",
        "Derai upazila (Sunamganj, Sylhet)"? The last of them must be an area the gazetteer knows."""
        toks = parsed.tokens
        while j < len(toks) and (toks[j].lower in rules().all_features or toks[j].text in rules().lower_features
                                  or toks[j].lower in rules().sites or toks[j].lower in rules().before_areas):
            j += 1
        if j >= len(toks) or toks[j].text != "(":
            return False
        close = next((k for k in range(j + 1, min(j + 14, len(toks))) if toks[k].text == ")"), None)
        if close is None or close == j + 1:
            return False
        inner = parsed.text[toks[j + 1].idx : toks[close - 1].end]
        if re.fullmatch(r"[A-Z]{2,6}", inner):
            return False  # "the Freedom Falcons (TAK)": a name's acronym, not its area
        last = inner.split(",")[-1].strip()
        return bool(last) and any(p.kind != "city" for p in self.gazetteer.lookup(last))

    def _country_suffix(self, parsed: Parsed, a: int, b: int, label: str) -> PlaceMention | None:
        """"North-East Burkina Faso's Oudalan province": the country's name that ends an entity the gazetteer does not
        know (not an organisation "of" a country: "the National University of Somalia")."""
        toks = parsed.tokens
        return next((c for j in range(a + 1, b) if toks[j - 1].lower not in ("of", "for")
                     and (c := self._mention(parsed, j, b, label)) is not None and self._country(c)), None)

    def _area_before(self, parsed: Parsed, m: PlaceMention, o: PlaceMention) -> bool:
        """"the Hama town of Kafr Zita": an area named before the kind word of the
        place after it, which is the town (not "the Karrada neighbourhood of Baghdad", nor "the Kohna-Deh village
        of Shirin Tagab district", where the place after is the area)."""
        toks = parsed.tokens
        gap = [t.lower for t in toks[m.end : o.start]]
        if len(gap) != 2 or gap[1] != "of" or gap[0] not in rules().features["city"]:
            return False
        if o.end < len(toks) and (toks[o.end].lower in rules().all_features
                                  or toks[o.end].text in rules().lower_features):
            return False
        outer, inner = self.gazetteer.exact(m.text), self.gazetteer.exact(o.text)
        # a province in any spelling the gazetteer knows ("the Lower Shabelle town of Balad": "Lower Shabeelle")
        if any(p.kind in ("admin1", "country") for p in outer or self.gazetteer.lookup(m.text)):
            return True
        # "the Lagos suburb of Ikorodu": a great city named before a part of it (not "the X neighbourhood of
        # Jerusalem", where the place after is the greater)
        city = max((p for p in outer if p.kind == "city"), key=lambda p: p.population, default=None)
        return city is not None and city.population >= 500_000 \
            and city.population > 10 * max((p.population for p in inner if p.country == city.country), default=0)

    def _people(self, text: str) -> bool:
        """A demonym, after any compass word ("Kyrgyz", "North Indian"), that is no country's name and no area's
        ("Somali region" is one): it says whose, not where."""
        words = text.split()
        while len(words) > 1 and words[0].lower() in _COMPASS:
            words = words[1:]
        bare = " ".join(words)
        return self.gazetteer.demonym(bare) is not None and self.gazetteer.country_named(bare) is None \
            and not any(p.kind in ("admin1", "admin2") for p in self.gazetteer.exact(text))

    def _country(self, m: PlaceMention) -> bool:
        """Is the name a country's (and not one that is also a given name)?"""
        return m.key not in rules().country_needs_cue and self.gazetteer.country_named(m.text) is not None

    def _known(self, m: PlaceMention, exact: bool, cued: frozenset[str] = frozenset()) -> bool:
        """Known to the gazetteer as an area or a town of 1,000 people, or as any village in a country the report's
        cues point to ("near Zolotarivka" in a note on the OSCE SMM's observations)."""
        found = self.gazetteer.exact(m.text) if exact else self.gazetteer.lookup(m.text)
        return any(p.kind != "city" or p.population >= 1000 or p.country in cued for p in found)

    # ------------------------------------------------------------ focus
    def _first_focus(self, parsed: Parsed, mentions: list[PlaceMention]) -> Focus:
        """Votes from what is unambiguous: country names, demonyms, datelines, names with one country."""
        focus = Focus()
        toks = parsed.tokens
        for t in toks:
            if t.ent == "NORP" or t.pos == "ADJ" or t.pos == "PROPN":
                nxt = toks[t.i + 1 : t.i + 3]
                if any(x.lower in rules().not_of_a_place for x in nxt):
                    continue  # "French-speaking" is a language, "the US dollar" a currency, not a country
                code = self.gazetteer.demonym(t.text) if t.text[:1].isupper() else None
                if code:
                    # in an organisation's name it tells whose the organisation is ("the Pakistani Taliban"), no
                    # more ("the American Cultural Centre" says nothing of the country it is in)
                    focus.vote(code, _PEOPLE_DEMONYM_VOTE if t.ent == "ORG" else _demonym_vote(toks, t))
        for countries in _country_cues(parsed.text):
            for c in countries:
                focus.countries[c] += 1
        for c in self._organisations_areas(parsed):
            focus.countries[c] += 1
        focus.admin1.update(_country_cues(parsed.text, areas=True))
        # "Tawila, North Darfur": a name qualified by an area of another country than all its namesakes' is
        # not one of them, here or anywhere else in the article.
        foreign = {m.key for m in mentions if (q := _after_comma(m, mentions, toks)) is not None
                   and (areas := {p.country for p in self.gazetteer.exact(q.text) if p.kind in ("admin1", "country")})
                   and not areas & {p.country for p in self.gazetteer.exact(m.text)}}
        # A name votes 2 (a dateline's 3), and each time the report names it again only 1 more: a name said often is
        # what the report is about, but not as much as that many names would be.
        # A country's name said of people or things ("a UAE news crew", "Nigeria's army") votes as a
        # demonym said of them does.
        weight: dict[str, float] = {}
        for m in mentions:
            if m.key in foreign:
                continue
            if self.gazetteer.country_named(m.text) and _of_people(parsed, m):
                weight[m.key] = weight.get(m.key, 0) + _PEOPLE_DEMONYM_VOTE
            else:
                weight[m.key] = weight[m.key] + 1 + m.dateline if m.key in weight else 3 if m.dateline else 2
        for m in mentions:
            w = weight.pop(m.key, None)
            if w is None:
                continue
            found = self.gazetteer.exact(m.text)
            named_country = [p for p in found if p.kind == "country"]
            if named_country:
                found = named_country  # "Lebanon" is the country, not Lebanon, Pennsylvania
            if m.hint in ("admin1", "admin2") and any(p.kind == m.hint for p in found):
                found = [p for p in found if p.kind == m.hint]  # "Borno state": the state, not a town of Italy
            countries = {p.country for p in found}
            great = _great_bearer(m.key, found)
            if great is not None:
                countries = {great.country}  # "Monrovia": Liberia's capital, not a town of California
            if named_country or len(countries) == 1:
                for c in countries:
                    focus.vote(c, w, m.key)
                for p in found:
                    if p.kind == "admin1":
                        focus.admin1.add(p.admin1_code)
        return focus

    def _organisations_areas(self, parsed: Parsed) -> list[str]:
        """The countries of the provinces and countries organisations are named after ("Kogi State University",
        "Gauteng Police", "the Aden Clerics Association"), once per name: where the report is, as weak as a cue. A
        province's name counts only when every place of the name lies in one country."""
        seen: dict[str, str] = {}
        for e in parsed.ents:
            words = parsed.tokens[e.start : e.end]
            if e.label != "ORG" and not any(t.lower in _ORG_WORDS for t in words):
                continue  # (an organisation the model calls a person: "Gauteng Police")
            for t in words:
                if not t.text[:1].isupper() or len(t.text) < 4 or t.lower in seen:
                    continue
                # (a province of one country, whatever towns abroad bear its name: "Borno")
                found = [p for p in self.gazetteer.exact(t.text) if p.kind in ("admin1", "country")]
                countries = {p.country for p in found}
                # (its own name, not an alias or a word of a longer name: not "Free" of "the Free Syrian Army")
                people = self.gazetteer.demonym(t.text) is not None and not self.gazetteer.country_named(t.text)
                if len(countries) == 1 and not people \
                        and any(p.kind in ("admin1", "country") and normalize(p.name) == t.lower for p in found):
                    seen[t.lower] = countries.pop()
        return list(seen.values())

    # ------------------------------------------------------------ resolution
    def _resolve(self, m: PlaceMention, mentions: list[PlaceMention], focus: Focus, toks: list[Token]) -> None:
        exact = self.gazetteer.exact(m.text)
        parent = _parent_name(m)
        if parent and not exact:
            # A neighbourhood the gazetteer lacks ("Karrada", "Dhaka - Badda"): its city.
            found = [p for p in self.gazetteer.exact(parent) if p.kind == "city"][:1]
            exact = found
        else:
            found = exact or self.gazetteer.lookup(m.text)
        exact_keys = {p.geonames_id for p in exact}
        # A spelling variant counts only in a country the article is about ("Sanga" on Nigeria is not Sangha, Congo),
        # by what the rest of the report says.
        others = focus.others(m.key)
        top = {c for c, _ in others.most_common(2) if focus.share(c, m.key) >= 0.25}
        # Or when it names the area another place lies in ("Sang-Suwar village, Herat"), or is the report's only
        # clue to its country.
        alone = not others and len({p.country for p in found}) == 1
        if exact and not parent and all(p.kind == "city" and p.population < _TINY for p in exact):
            # A name that is exactly only a village abroad ("Shabwa" in Myanmar) may be a spelling of a place in
            # a country the report is about (Yemen's Shabwah): both compete, the variant with its penalty.
            own = {p.country for p in exact}
            found = exact + [p for p in self.gazetteer.variants(m.text)
                             if p.geonames_id not in exact_keys and p.country in top - own]
        if m.hint in ("admin1", "admin2") and exact and not parent and not any(p.kind == m.hint for p in exact):
            # "Hajja province": the words say province, and the gazetteer spells it "Hajjah": its spelling variant of
            # that kind, in a country the name has, competes with the town
            have = {p.geonames_id for p in found}
            found = found + [p for p in self.gazetteer.variants(m.text) if p.geonames_id not in have
                             and p.kind == m.hint and p.country in {p.country for p in exact} | top]
        if m.hint in ("admin1", "admin2") and not parent and not any(p.kind == m.hint and p.country in top
                                                                     for p in found):
            # "Missan province": no area of the name in the report's countries, but one with its consonants (Maysan)
            found = found + self.gazetteer.areas_like(m.text, m.hint, top)
        # (a variant alone in the report only when it is a well-known place: "Falluja" is Fallujah, but "Dandora"
        # is no hamlet of Afghanistan's spelt alike)
        found = [p for p in found if p.geonames_id in exact_keys or p.country in top
                 or alone and (p.population >= _TINY or p.kind != "city")
                 or m.is_area and p.kind in ("admin1", "admin2")]
        # A place named with a province lies in it: "Kyauk Taw village in the Magway region".
        named_areas = {o.resolved.admin1_code for o in mentions if o is not m and o.sent == m.sent
                       and o.resolved is not None and o.resolved.kind == "admin1"}
        if named_areas:
            found = [p for p in found if p.kind in ("country", "admin1") or p.admin1_code in named_areas
                     or p.country not in {a.split(".")[0] for a in named_areas}]
        qualifier = _qualifier(m, mentions, toks)
        q = m.area
        if q is not None and (not any(p.kind == "country" for p in exact)
                              or q.kind in ("admin1", "admin2") and any(_inside(p, q) for p in found)):
            # (a country's name only when a place of that name lies in the area named: "Benin, the capital of
            # Edo State" is Benin City)
            # "Tawila, North Darfur", "Mulamba village (Walungu, Sud-Kivu)": the place lies in the area named
            # with it, or the gazetteer lacks it.
            inside = [p for p in found if _inside(p, q) or p.geonames_id == q.geonames_id
                      or q.kind == "city" and p.admin1_code == q.admin1_code and p.country == q.country]
            # An area named as containing another, the report and the gazetteer disagreeing on its province
            # ("Kaliganj upazila (Jhenaidah, Chittagong)"): its namesake in the same country.
            found = inside or [p for p in found if m.is_area and q.kind != "country" and p.country == q.country] \
                or _great_city_kept(m, exact, _area_mention(m, q), focus)
        # The forty best known, and the areas beyond them (an area has no population of its own to rank it by:
        # "La Union province" is a Philippine province among a hundred towns called Union).
        found = found[:40] + [p for p in found[40:] if p.kind != "city"][:20]
        cands = [self._score(m, p, focus, qualifier, p.geonames_id in exact_keys, mentions) for p in found]
        if m.hint not in ("admin1", "admin2") and not m.is_area:
            # "Khartoum", "Homs", "Kirkuk": the city, unless the words say the province of the same name.
            seats = {c.place.admin1_code for c in cands if c.place.kind == "city"}
            for c in cands:
                if c.place.kind in ("admin1", "admin2") and c.place.admin1_code in seats:
                    c.score = round(c.score - 2.5, 2)
                    c.reasons.append("a city of the same name is meant unless the words say province (-2.5)")
        if q is None and (qualifier is None or qualifier.resolved is None):
            _great_city_first(m, cands)
        _own_name_first(m, cands)
        cands.sort(key=lambda c: -c.score)
        m.candidates = cands
        m.resolved = cands[0].place if cands else None

    def _score(self, m: PlaceMention, p: GeoPlace, focus: Focus, qualifier: PlaceMention | None,
               exact: bool, mentions: list[PlaceMention]) -> Candidate:
        reasons = []
        score = math.log10(max(p.population, 0) + 10)
        reasons.append(f"population {p.population:,} (+{score:.1f})")
        if m.hint == "city" and p.kind == "country":
            reasons.append("the words say city: not the country")  # "Gaza city", "in Guatemala City"
        elif p.kind == "country" and normalize(p.name) == m.key or p.kind == "country" and exact:
            score += 12
            reasons.append("a country's name (+12)")
        kind_prior = {"country": 1.0, "admin1": 0.5, "admin2": -1.0, "city": 0.8}[p.kind]
        score += kind_prior
        # "Mentao (Pobe-Mengao, Soum)": a name set after another by a bracket or comma is an area, and an area of
        # that name (a district has no population of its own in the index) beats a small town of the same name.
        if m.is_area and p.kind in ("admin1", "admin2"):
            score += 4
            reasons.append("named as the area another place lies in (+4)")
        elif m.is_area and p.kind == "city":
            score -= 1
            reasons.append("named as an area, not a town (-1)")
        if m.is_area:
            # "Banfora (Banfora, Comoe)": Burkina Faso's Comoe, not Cote d'Ivoire's; "Reni, Odessa": the Odesa whose
            # province holds a Reni, not Odessa, Texas.
            inner = [o for o in mentions if o.within is m]
            held = next((o.text for o in inner if any(_holds(p, c) for c in self.gazetteer.exact(o.text))), None)
            if held is not None:
                bonus = 4 if p.kind == "city" else 8  # a town of its province is weaker evidence than lying in it
                score += bonus
                reasons.append(f"{held}, named as lying in it, is in it (+{bonus})")
        if m.hint:
            if m.hint == p.kind:
                score += 5
                reasons.append(f"the words say {m.hint} (+5)")
            elif p.kind == "admin2" and m.kind_word in rules().second_level.get(p.country, ()):
                score += 5  # "La Union province": the Philippines' provinces are second-level areas
                reasons.append(f"the words say {m.kind_word}, in {p.country} a second-level area (+5)")
            elif p.kind == "admin2" and m.kind_word in rules().loose_areas:
                score += 3  # "the volatile Beni region": reports call a district a region too
                reasons.append(f"the words say {m.kind_word}, said of districts too (+3)")
            elif p.kind != "country":
                score -= 2
                reasons.append(f"the words say {m.hint}, not {p.kind} (-2)")
        share = focus.share(p.country, m.key)  # its own votes say nothing of itself
        if share:
            score += 6 * share
            reasons.append(f"article focus on {p.country} {share:.0%} (+{6 * share:.1f})")
        if p.admin1_code and p.admin1_code in focus.admin1 and p.kind != "admin1" and normalize(p.admin1 or "") != m.key:
            score += 3
            reasons.append(f"its province {p.admin1} is named (+3)")
        if qualifier is not None and qualifier.resolved is not None:
            q = qualifier.resolved
            if (q.kind == "country" and q.country == p.country) or (q.kind == "admin1" and q.admin1_code == p.admin1_code):
                score += 8
                reasons.append(f"named with {q.name} (+8)")
        if not exact:
            score -= 2
            reasons.append("spelling variant match (-2)")
        elif normalize(p.name) == m.key:
            bonus = 2.0 if p.population >= 100_000 else 0.5
            score += bonus
            reasons.append(f"primary name (+{bonus})")  # "Kabul" is Kabul, not a town that once bore the name
        return Candidate(p, round(score, 2), reasons)


# A city this large is where its parts (barangays, neighbourhoods) are coded.
_CITY_OF_PARTS = 100_000
# A village this small, matched exactly, does not keep a spelling variant in the report's country out.
_TINY = 10_000
# A city this large, named by its own name, is meant over a namesake abroad a hundred times smaller.
_GREAT, _GREAT_PENALTY = 100_000, 4.0


def _great_bearer(key: str, found: list[GeoPlace]) -> GeoPlace | None:
    """The great city (a million people) that bears the name as its own, beside which every namesake in another
    country is twenty times smaller: the place a report means by the name wherever it is set."""
    great = max((p for p in found if p.kind == "city" and p.population >= _GREAT_CITY and normalize(p.name) == key),
                key=lambda p: p.population, default=None)
    if great is None or any(p.country != great.country and p.population * 20 > great.population for p in found):
        return None
    return great


def _great_city_first(m: PlaceMention, cands: list[Candidate]) -> None:
    """"in Kabul", "in Najaf": a great city bearing the name as its own is meant over a village abroad that bears it
    as another name, or is a hundred times smaller, however much the report's actors point to that village's country
    ("US troops patrolled Kabul" is not Cabool, Missouri). An area named with the place decides instead."""
    great = [c.place for c in cands if c.place.kind == "city" and c.place.population >= _GREAT
             and normalize(c.place.name) == m.key]
    if not great:
        return
    big = max(great, key=lambda p: p.population)
    for c in cands:
        p = c.place
        if p.kind == "city" and p.country != big.country and p.population * 100 < big.population:
            c.score = round(c.score - _GREAT_PENALTY, 2)
            c.reasons.append(f"{big.name}, {big.country}, a great city, bears the name (-{_GREAT_PENALTY})")


def _great_city_kept(m: PlaceMention, exact: list[GeoPlace], area: PlaceMention | None, focus: Focus) -> list[GeoPlace]:
    """A great city of the name (any place of the name, when the area is a village), when nothing of the name lies in
    the area read as holding it, and that area is a namesake picked with nothing else of the report in its country:
    the area was misread ("the mayor of Ouagadougou,
    Marin ...": a man's name after the comma, not an area of Mexico), and is dropped. (An empty list keeps the
    area: the gazetteer lacks the place in it, "Ilorin (Borgu LGA, Niger)".)"""
    if m.is_area or area is None or area.resolved is None:
        return []
    q = area.resolved
    # "the Shufat area of Jerusalem" in a report on the West Bank: an area named in passing (not set after
    # the name by a comma or a bracket), while the name is exactly a place of a country the rest of the report points
    # to more than to the area's: that place, which the gazetteer puts elsewhere than in the area.
    # (the report read without the name and the area themselves)
    support = focus.others(m.key) - focus.by_name.get(area.key, Counter())
    if m.within is not None and not m.within.is_area:
        ours = [p for p in exact if p.country != q.country and support[p.country] > support[q.country]]
        if ours:
            m.area = None
            return ours
    # A village read as the area ("Rafah, in Sinai": Sinai taken for a hamlet of Ecuador) holds no
    # place of the name: every place of the name is kept, and the area dropped.
    village = q.kind == "city" and q.population < _VILLAGE
    kept = exact if village else \
        [p for p in exact if p.kind == "city" and p.population >= _GREAT_CITY and normalize(p.name) == m.key]
    if not kept or len({c.place.country for c in area.candidates}) < 2 or focus.share(q.country, area.key) >= 0.2:
        return []
    m.area = None
    return kept


def _area_mention(m: PlaceMention, q: GeoPlace) -> PlaceMention | None:
    """The place named as holding `m` that resolved to the area `q`."""
    seen, o = set(), m.within
    while o is not None and id(o) not in seen:
        if o.resolved is q:
            return o
        seen.add(id(o))
        o = o.within
    return None


# What bearing a name only as another name costs a town, against a place that bears it as its own.
_ALIAS_PENALTY = 1.5


def _own_name_first(m: PlaceMention, cands: list[Candidate]) -> None:
    """"near Rann": a place whose own name it is (Rann, Borno) is meant over a small town abroad that bears it only as
    an old or foreign name (Brezice, Slovenia, once "Rann"), or any town smaller than the name's own bearer, unless
    more than population speaks for that town. Not over a larger one: a place known abroad by another name is often
    that name's famous bearer ("Palmyra")."""
    bearers = [c.place for c in cands if normalize(c.place.name) == m.key]
    own = {p.country for p in bearers}
    if not own:
        return
    largest = max(p.population for p in bearers)
    for c in cands:
        p = c.place
        # (or a town of any size smaller than the name's own bearer: "Kfar Saba" is the Israeli city, not a West Bank
        # town that GeoNames gives the name as another)
        if p.kind == "city" and (p.population < _TINY or p.population < largest) and p.country not in own \
                and normalize(p.name) != m.key:
            c.score = round(c.score - _ALIAS_PENALTY, 2)
            c.reasons.append(f"bears the name only as another name; a place in {'/'.join(sorted(own))} bears it as"
                             f" its own (-{_ALIAS_PENALTY})")


def _vote_resolved(focus: Focus, mentions: list[PlaceMention]) -> None:
    """Add to the first focus a vote for the country (and admin1 area) of every resolved place, once per name. Not a
    village picked among namesakes in other countries with no area named with it: "Denham" taken for the English
    village only by its size says nothing of where the report is (a report on Kingston, Jamaica)."""
    seen = set()
    for m in mentions:
        p = m.resolved
        if p is not None and p.kind == "city" and p.population < _VILLAGE and m.area is None \
                and any(c.place.country != p.country for c in m.candidates):
            continue
        if m.resolved is not None and (m.key, m.resolved.country) not in seen:
            seen.add((m.key, m.resolved.country))
            focus.vote(m.resolved.country, 1, m.key)
            if m.resolved.kind == "admin1" and m.resolved.admin1_code:
                focus.admin1.add(m.resolved.admin1_code)


def _spelt_as_the_report(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """A province the report names by one of its names is called as the report spells it ("Dar'a", "Sud-Kivu",
    "Ninewa", "Rural Damascus") in the `admin1` of every place resolved in it, not by the gazetteer's English form
    ("Daraa", "South Kivu", "Nineveh", "Rif-dimashq"): the record keeps the report's words (`admin1_code` stays the
    key). Not a spelling matched only as a variant or by its consonants ("Missan" stays Maysan), nor one that is the
    gazetteer's name with more words or fewer ("Saint James Parish", "Wardak" of Maidan Wardak)."""
    spelt: dict[str, str] = {}
    for m in mentions:
        p = m.resolved
        if p is None or p.kind not in ("admin1", "city") or not p.admin1_code or m.dateline or m.text.isupper():
            continue
        words, theirs = set(normalize(m.text).split()), set(normalize(p.admin1 or "").split())
        # (a city named as its province is: "Dar'a" for the city of Daraa names the province too)
        if not theirs <= words and not words <= theirs \
                and any(q.kind == "admin1" and q.admin1_code == p.admin1_code for q in gazetteer.exact(m.text)):
            spelt.setdefault(p.admin1_code, m.text)
    if not spelt:
        return
    for m in mentions:
        for attr in ("resolved", "area"):
            p = getattr(m, attr)
            if p is not None and p.kind != "country" and p.admin1_code in spelt:
                setattr(m, attr, replace(p, admin1=spelt[p.admin1_code]))


def _parent_name(m: PlaceMention) -> str | None:
    """The city a part of it is named in: from the `parents` table ("Karrada" -> "Baghdad"), or the city before a
    spaced dash ("Dhaka - Badda", a quarter of Dhaka)."""
    parent = rules().parents.get(m.key)
    if parent is None:
        parts = re.split(r"\s+[-–]\s+", m.text)
        parent = parts[0] if len(parts) == 2 and parts[0][:1].isupper() else None
    return parent


def _title_case(parsed: Parsed, sent: int) -> bool:
    """A headline in title case, where a capital says nothing of a name."""
    words = [t for t in parsed.sentence_tokens(sent) if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) >= 0.6


def _country_cues(text: str, areas: bool = False) -> list:
    """The countries of each distinct country cue of the text ("JNIM", "upazila", "al-Shabaab"), once per cue; with
    `areas`, the admin1 codes the cues point to."""
    seen = _cue_keys(text)
    if areas:
        return [code for key in seen for code in rules().area_cues[key]]
    return [rules().country_cues[key] for key in seen]


@lru_cache(maxsize=4)
def _cue_keys(text: str) -> tuple[str, ...]:
    """The distinct country cues of a text in the order first found: the text is scanned once, though the
    geoparser asks several times."""
    seen: dict[str, str] = {}
    for pattern, lower in rules().cue_patterns:
        for m in pattern.finditer(text):
            key = m.group(0).lower() if lower else m.group(0)
            seen.setdefault(key, key)
    return tuple(seen)


# A demonym said of a place ("the Kenyan district of Lamu", "the Somali capital") votes as a place name does;
# one said of people or their arms ("Israeli airstrikes", "Saudi-led warplanes", "a Kenyan national") tells whose
# they are, not where the report is, and votes half a demonym. (The nouns of places: places.toml [cues].)
_PLACE_DEMONYM_VOTE, _PEOPLE_DEMONYM_VOTE = 2.0, 0.5


def _of_people(parsed: Parsed, m: PlaceMention) -> bool:
    """Is the name a modifier of a noun that is no place: "a UAE news crew", "Nigeria's army"?"""
    root = parsed.span_root(m.start, m.end)
    head = parsed.tokens[root.head]
    return root.dep in ("compound", "amod", "poss", "nmod") and head.i >= m.end and head.pos == "NOUN" \
        and not _place_noun(head)


def _demonym_vote(toks: list[Token], t: Token) -> float:
    """The vote of a demonym in the report's focus, by the noun it is said of."""
    head = toks[t.head] if 0 <= t.head < len(toks) else t
    if t.dep == "conj" and head.i < t.i:
        return _demonym_vote(toks, head)  # "Iraqi and Syrian troops": as the first of the pair
    while head.lower in ("led", "backed", "based", "run", "allied") and head.head != head.i:
        head = toks[head.head]  # "Saudi-led warplanes"
    if t.pos in ("NOUN", "PROPN") and t.dep not in ("compound", "amod", "nmod"):
        return _PEOPLE_DEMONYM_VOTE  # "stabbed by a Palestinian": a person
    if head.i == t.i or head.pos not in ("NOUN", "PROPN"):
        return 1.0  # said of nothing the parse can tell: a demonym's usual vote
    return _PLACE_DEMONYM_VOTE if _place_noun(head) else _PEOPLE_DEMONYM_VOTE


def _place_noun(t: Token) -> bool:
    """A noun for a place or a part of one: "capital", "district", "border", "north"."""
    return t.lower in rules().place_nouns or t.lower in rules().all_features or t.lower in _COMPASS


def _feature_kind(word: str) -> str | None:
    for kind, words in rules().features.items():
        if word in words:
            return None if kind == "any" else kind
    return None


def _locative_before(toks: list[Token], k: int) -> bool:
    j = k - 1
    # (over "the", compass words, a kind word or an article written before a name: "in Barangay Kapitan Pepe",
    # "in Ad Durayhimi")
    while j >= 0 and (toks[j].lower in ("the", "a", "of", "rural", "suburban") or toks[j].lower in _COMPASS
                      or toks[j].lower in rules().prefix_kinds
                      or toks[j].text in rules().articles and toks[j].lower not in rules().locative) \
            and toks[j].sent == toks[k].sent:
        if toks[j].lower == "of" and j > 0 and (toks[j - 1].lower in rules().all_features
                                                 or toks[j - 1].lower in rules().of_place):
            return True
        j -= 1
    if j < 0 or toks[j].sent != toks[k].sent:
        return False
    if _coded_here(toks, k):
        return True
    if j >= 1 and (toks[j].text == "," and toks[j - 1].lower in rules().features["city"] and toks[j - 1].pos == "NOUN"
                   or (toks[j - 1].lower, toks[j].lower) == ("known", "as")):
        return True  # "in the capital, Bujumbura", "a town in southern Niger known as Tessaoua"
    # "in Homs", "entered Falluja", "the capital Bangui"
    return toks[j].lower in rules().locative or (toks[j].pos == "VERB" and toks[j].lemma in rules().place_verbs) \
        or toks[j].lower in rules().all_features and toks[j].pos == "NOUN"


def _coded_here(toks: list[Token], k: int) -> bool:
    """Is the name at token `k` where the report says the event is placed: "coded as Djibo", "coded at X front"?"""
    j = k - 1
    while j >= 0 and toks[j].lower == "the":
        j -= 1
    return j >= 1 and (toks[j - 1].lower, toks[j].lower) in rules().coded


def _strong_cue(toks: list[Token], a: int, b: int) -> bool:
    """"the village of Bokolobo", "Unguwan Dogo town": words that name a settlement even when the gazetteer lacks it."""
    before = [t.lower for t in toks[max(0, a - 2) : a]]
    kinds = rules().features["city"] | rules().features["admin2"] | rules().features["any"]
    if len(before) == 2 and before[1] == "of" and before[0] in kinds or _coded_here(toks, a):
        return True  # "the village of Bokolobo", "in the area of Kofai Dutse", "coded as Djibo"
    if len(before) == 2 and before[0] == "the" and before[1] in rules().features["city"] and toks[a - 1].pos == "NOUN":
        return True  # "the village Sang-Suwar"
    if a >= 3 and toks[a - 3].lower == "the" and (toks[a - 2].pos == "ADJ" or toks[a - 2].lower in _COMPASS) \
            and toks[a - 1].lower in rules().features["city"] and toks[a - 1].pos == "NOUN":
        return True  # "the northern town Al-Suwayq"
    if _past_modifiers(toks, b) < len(toks) and toks[_past_modifiers(toks, b)].lower in rules().settlement_after:
        return True
    # "Unguwan Dogo, a village close to Kachia", "Tiba-Seno, a town in the north": a settlement by apposition
    after = [t.lower for t in toks[b : b + 3]]
    return len(after) == 3 and after[0] == "," and after[1] in ("a", "the") and after[2] in rules().settlement_after


_BREAKS = {"(", ")", ",", ";", "[", "]"}
# Kind words of a part of a town, coded at the town: "the Las Flores neighborhood".
_CITY_PARTS = {"neighbourhood", "neighborhood", "suburb", "colonia", "quarter", "ward"}
# Lower-case words that relate a place to another or to a time, never inside a place's name.
_RELATING = {"near", "outside", "in", "at", "on", "under", "inside", "beside", "behind", "the"}
# Words of organisations' names, never of a place's: "in Awami League", "at Reuters".
_ORG_WORDS = {"league", "party", "army", "forces", "force", "movement", "front", "police", "ministry", "council",
              "committee", "university", "company", "group", "brigade", "division", "regiment", "battalion",
              "corps", "agency", "bank", "news", "times", "post", "tv", "radio", "association", "union", "court",
              "hospital", "school", "college", "office", "commission", "assembly", "government", "church"}


def _pieces(toks: list[Token], start: int, end: int, splits: list[int]) -> list[tuple[int, int]]:
    """An entity cut at its possessives and brackets: "Goma (Goma" tagged as one name is two."""
    out, a = [], start
    for k in range(start, end + 1):
        if k == end or k in splits or toks[k].text in _BREAKS:
            if k > a:
                out.append((a, k))
            a = k + 1 if k < end and (toks[k].text in _BREAKS or toks[k].lower in ("and", "or", "of")
                                      or toks[k].text in _RELATING) else k
    return out


def _in_brackets(toks: list[Token], k: int) -> bool:
    """Is token `k` inside brackets opened in its sentence: "(Port Loko, North-West)"?"""
    j = k - 1
    while j >= 0 and toks[j].sent == toks[k].sent:
        if toks[j].text in ("(", ")"):
            return toks[j].text == "("
        j -= 1
    return False


def _coordinated(toks: list[Token], k: int, ends: set[int]) -> bool:
    """Right after a place and "and", "or", a comma or a bracket: "Homs and Hama", "Goma (Goma, Nord-Kivu)"."""
    j = k - 1
    if j < 1 or toks[j].lower not in ("and", "or", ",", "("):
        return False
    # "LGA, Delta"
    while j > 0 and (toks[j - 1].lower in rules().all_features or toks[j - 1].text in rules().lower_features):
        j -= 1
    return j in ends


def _feature_after(toks: list[Token], j: int) -> bool:
    j = _past_modifiers(toks, j)
    return j < len(toks) and toks[j].lower in rules().all_features


def _past_modifiers(toks: list[Token], j: int) -> int:
    """The token after the words that qualify a kind word ("refugee camp", "cattle camp"), when a kind word follows
    them; else `j`."""
    k = j
    while k < len(toks) and toks[k].lower in rules().kind_modifiers and k - j < 2:
        k += 1
    return k if k > j and k < len(toks) and toks[k].lower in rules().all_features else j


def _qualifier(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """"Paris, Texas", "Ramadi, the Anbar provincial capital": the area named right after a place."""
    for o in mentions:
        if o is m or o.sent != m.sent:
            continue
        if 0 < o.start - m.end <= 3 and all(t.lower in rules().qualifier_gap for t in toks[m.end : o.start]):
            return o
    return None


def _consistent(mentions: list[PlaceMention]) -> None:
    """One name, one place in one article: a name said with its kind ("Sagaing region") decides the bare ones;
    a name the gazetteer lacks in the area named with it ("Tawila, North Darfur") is no namesake elsewhere."""
    decided = {}
    for m in mentions:
        # "the town of X" ... "X": the town. ("Homs Governorate" does not make a later "Homs" the governorate.)
        if m.hint == "city" and m.resolved is not None and m.resolved.kind == "city":
            decided.setdefault(m.key, m.resolved)
        # "Tumeremo, Bolivar state" ... "Tumeremo": the place named with its area is the one meant after.
        elif m.area is not None and m.resolved is not None and m.resolved.kind == "city" and _inside(m.resolved, m.area):
            decided.setdefault(m.key, m.resolved)
    lacking = {m.key for m in mentions if m.resolved is None and m.area is not None}
    for m in mentions:
        if m.key in lacking:
            m.resolved = None
        elif not m.hint and not m.is_area and m.key in decided and any(c.place == decided[m.key] for c in m.candidates):
            # (not a name set as the area of another, "in Sao Paulo, Sao Paulo": the city, then its state)
            m.resolved = decided[m.key]


def _after_comma(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """The place set after another by a comma ("Tawila, North Darfur"); not one of a list ("Nigeria, Cameroon
    and Chad")."""
    q = _qualifier(m, mentions, toks)
    if q is None or [t.text for t in toks[m.end : q.start]] != [","]:
        return None
    return None if _listed(q, mentions, toks) else q


def _listed(q: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> bool:
    """Is the place one of a list, followed by "and", "or" or a comma and another place? Places set one after
    another by commas are a list only when a conjunction ends them ("Nigeria, Cameroon and Chad"); without one
    each lies in the next ("Barangay Bagontapay, Tulunan, Cotabato")."""
    starts = {o.start: o for o in mentions}
    seen = 0
    while seen < 8:
        after = [t.lower for t in toks[q.end : q.end + 2]]
        if after[:1] in (["and"], ["or"]) or after == [",", "and"] or after == [",", "or"]:
            return True
        if after[:1] != [","] or q.end + 1 not in starts:
            return False
        q, seen = starts[q.end + 1], seen + 1
    return False


_COMPASS = {"central", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
            "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "north-east", "north-west", "south-east", "south-west", "-"}
# Compass words' short forms, written in brackets before the area: "Idak area (NW, KPK)".
_SHORT_COMPASS = {"nw", "ne", "sw", "se"}
_INSIDE_GAP = {"(", ")", ",", "in", "of", "the", "a", "near", "under"} | _COMPASS | _SHORT_COMPASS


def _within(m: PlaceMention, mentions: list[PlaceMention], toks: list[Token]) -> PlaceMention | None:
    """The place named as the area `m` lies in: "Mulamba (Walungu, Sud-Kivu)", "Kutum, North Darfur",
    "Adeke-Ehi in Agatu LGA", "the Sang-Suwar village of Pashtun Zarghun district", "Bokolobo, near Mbres". Not the
    next one of a list ("Nigeria, Cameroon and Chad")."""
    o = next((o for o in mentions if o.start >= m.end), None)
    if o is None or o.sent not in (m.sent, toks[m.end - 1].sent) or o.start - m.end > 5 or o.start == m.end:
        return None
    gap = [t.lower for t in toks[m.end : o.start]]
    lead = 0
    while lead < len(gap) and (gap[lead] in rules().sites or gap[lead] in rules().before_areas
                               or gap[lead] in rules().kind_modifiers):
        lead += 1  # "the Jasim front in Dar'a", "Mandai police station limits (Gaya, Bihar)": words after the name
    words = " ".join(gap[lead:])
    for f in rules().long_features:
        words = words.replace(" ".join(f), "")
    if not all(w in _INSIDE_GAP or w in rules().all_features or w in rules().lower_features for w in words.split()):
        return None
    if "," in gap and _listed(o, mentions, toks):
        return None
    return o


# The votes the outlet's country gives the report's focus: a prior as weak as a demonym, never a match for a
# place the report names (2 votes) in another country.
_OUTLET_VOTE = 1
# A place this small is a village: one other name of the report pointing elsewhere makes it doubtful.
_VILLAGE = 5_000
# A city this large is meant wherever the report is set.
_GREAT_CITY = 1_000_000


def _suspect(m: PlaceMention, first: Focus) -> bool:
    """A town or district in a country the report hardly points to, when it clearly points to another, is a namesake:
    "Usu villages" in a report on Zamfara is not Wusu, China. The name stays, unresolved (True). The report is read
    without the name's own votes; how much it takes depends on the place's size (a village, a town, a city)."""
    p = m.resolved
    if p is None:
        return False
    first = first.others(m.key)  # the name's own vote says nothing of itself
    total = sum(first.values())
    # A village abroad needs less to be doubted than a town, and a city (50,000 people and more) much more: nothing
    # else of the report in its country, and the report clearly about another ("the Tama area" in a report on
    # North Kivu is not Tama, Tokyo). A great city called by its own name is never doubted.
    least = 2 if p.kind == "city" and p.population < _VILLAGE else 3  # votes of other names needed to doubt it
    # (a city known by another name is no more than a town here: "Inata" in a report on Burkina Faso is not Inada,
    # Japan, whose alternate spelling it is)
    city = p.population >= 50_000 and normalize(p.name) == m.key
    great = p.population >= _GREAT_CITY and normalize(p.name) == m.key  # (not "Kotwali", an old name of Rangpur)
    # "the village of Abadam" in a report on Niger: the words say settlement, the gazetteer knows the name only as an
    # area of another country (Nigeria's Abadam LGA), which the report points to less than to its own
    if m.hint == "city" and m.kind_word in rules().settlement_after and p.kind in ("admin1", "admin2") \
            and not any(c.place.kind == "city" for c in m.candidates) and m.area is None and total \
            and first.most_common(1)[0][0] != p.country and first[p.country] < first.most_common(1)[0][1]:
        m.resolved, m.namesake = None, True
        if m.candidates:
            m.candidates[0].reasons.append(f"the words say {m.kind_word}; {p.country} knows it only as an area: "
                                           "a namesake, left unresolved")
        return True
    if p.kind in ("country", "admin1") or great or total < least \
            or first[p.country] / total >= 0.2 or m.area is not None or city and first[p.country] > 0:
        return False
    top, votes = first.most_common(1)[0]
    # (a village in a country nothing else of the report is in, however the report's votes are spread: "Boyo" in a
    # report on the Central African Republic and Russia is no village of Cote d'Ivoire)
    village = p.kind == "city" and p.population < _VILLAGE
    if votes / total >= 0.6 or not city and votes / total >= 0.4 and first[p.country] <= 0 \
            or village and first[p.country] <= 0:
        m.resolved, m.namesake = None, True
        if m.candidates:
            m.candidates[0].reasons.append(f"no other place of the report is in {p.country}, it points to {top}:"
                                           " a namesake, left unresolved")
        return True
    return False


def _reference_point(toks: list[Token], start: int) -> bool:
    """Do the words before token `start` make what starts there a place that only locates another: "east of the
    capital Bangui", "30 km from Goma"?"""
    j = start - 1
    while j > 0 and (toks[j].lower in ("the", "a") or toks[j].lower in rules().all_features):
        j -= 1
    if j < 1:
        return False
    before = toks[j - 1].lower
    return toks[j].lower == "of" and before in _COMPASS | {"north-east", "north-west", "south-east", "south-west"} \
        or toks[j].lower == "from" and before in ("km", "kilometres", "kilometers", "miles")


def _formally_within(m: PlaceMention) -> bool:
    """Set before its areas by a bracket or comma ("Dinangourou (Koro, Mopti)"): the town named is a district."""
    return m.within is not None and m.within.is_area


def _area_of(m: PlaceMention) -> GeoPlace | None:
    """The smallest resolved area up the chain of places named as containing `m`. A country's name in the chain
    holds the areas named after it ("Dhahr Ali area in western Yemen (Abs, Hajjah)": Abs, in Yemen, is the
    smallest unit said to hold Dhahr Ali), so the chain goes on past a country to an area that lies in it."""
    seen, o, found = set(), m.within, None
    while o is not None and id(o) not in seen:
        if o.resolved is not None:
            if found is None:
                found = o.resolved
            elif _inside(o.resolved, found):
                return o.resolved
            if found.kind != "country":
                return found
        seen.add(id(o))
        o = o.within
    return found


# After a dateline's city in title case: its country's name and a colon ("Kabul, Afghanistan: ...").
_COUNTRY_COLON = re.compile(r",\s*([A-Z][\w'’. -]{1,30}?)\s*:\s")


def _mark_datelines(parsed: Parsed, mentions: list[PlaceMention], country_named) -> None:
    """"BAGHDAD, Iraq (AP) —": where a wire story was filed, not necessarily where the event was."""
    for m in mentions:
        a, _ = parsed.sents[m.sent]
        first = next((t for t in parsed.tokens[a : a + 3] if not t.text.isspace()), None)
        if first is None or first.i != m.start:
            continue
        words = m.text.replace(" ", "")
        after = parsed.text[m.span.end : m.span.end + 40]
        # "KABUL, Afghanistan (AP) -", "PESHAWAR: ...", or in title case only with the country and a colon after:
        # "Kabul, Afghanistan: The Taliban ..." (not "Syria: barrel bombs kill 20", a headline's subject)
        country_colon = _COUNTRY_COLON.match(after)
        if words.isupper() and re.match(r"\s*(,|\(|—|–|-|:\s)", after) \
                or country_colon and country_named(country_colon.group(1)) is not None:
            m.dateline = True
            for o in mentions:
                if o.sent == m.sent and 0 < o.start - m.end <= 2:
                    o.dateline = True


def mention_to_dict(m: PlaceMention, with_candidates: int = 5) -> dict:
    """A resolved place mention as JSON: the words, the GeoNames facts, and the candidates weighed."""
    p = m.resolved

    def facts(place: GeoPlace | None) -> dict:
        if place is None:
            return {"geonames_id": None, "name": None, "feature_class": None, "feature_code": None,
                    "country": None, "admin1": None, "admin1_code": None, "lat": None, "lon": None}
        return {"geonames_id": place.geonames_id, "name": place.name,
                "feature_class": "P" if place.kind == "city" else "A", "feature_code": place.feature_code,
                "country": place.country, "admin1": place.admin1, "admin1_code": place.admin1_code,
                "lat": place.lat, "lon": place.lon, "population": place.population}

    return {
        "text": m.text, "start": m.span.start, "end": m.span.end, "source": m.source, "hint": m.hint,
        "dateline": m.dateline, **facts(p),
        "candidates": [{**facts(c.place), "score": c.score, "reasons": c.reasons}
                       for c in m.candidates[:with_candidates]],
    }


def _foreign_facility(parsed: Parsed, m: PlaceMention, focus: Focus) -> bool:
    """"a doctor at Medina hospital" in a report about Somalia: a facility's name, not a Saudi city (resolved there, or
    left unresolved as a namesake abroad)."""
    head = parsed.span_root(m.start, m.end)
    above = parsed.tokens[head.head]
    abroad = m.namesake or m.resolved is not None and focus.top is not None and m.resolved.country != focus.top
    return head.dep == "compound" and above.lemma in rules().facilities and abroad


def _holds(area: GeoPlace, p: GeoPlace) -> bool:
    """Does a place named as an area hold `p`: an area it lies in, or a town of its province (a town's name set
    after another's stands for the town's surroundings)?"""
    if area.kind == "city":
        return p.country == area.country and p.admin1_code == area.admin1_code and p.geonames_id != area.geonames_id
    return _inside(p, area)


def _inside(p: GeoPlace, area: GeoPlace) -> bool:
    if p.country != area.country or p.geonames_id == area.geonames_id:
        return False
    if area.kind == "country":
        return True
    if area.kind in ("admin1", "admin2"):
        return p.admin1_code == area.admin1_code and _specificity_of(p) > _specificity_of(area)
    return False


def _specificity_of(p: GeoPlace) -> int:
    return {"city": 3, "admin2": 2, "admin1": 1, "country": 0}[p.kind]
