"""The country focus of a report (`Focus`, read by `FocusReader`): where the report is, as votes per country.

Countries, demonyms and unambiguous places the report names vote, as do its dateline, the cues of the armed groups
and missions it names (data/places.toml [country_cues], some pointing to provinces) and the outlet's country. Each
name's votes are kept apart so that a name is weighed on what the rest of the report says. Kept apart from
resolution because the event stages (`sitrep.events`, `sitrep.event_place`) read the focus too.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.gazetteer import Gazetteer, GeoPlace, great_circle_km, normalize
from sitrep.nlp import Parsed, Token
from sitrep.places.words import _country_cues, _ORG_WORDS, _place_noun, rules
from sitrep.places.mention import _after_comma, _GREAT_CITY, PlaceMention, _VILLAGE


class FocusReader:
    """Reads a report's country focus from what it names unambiguously. A part of `Geoparser`, which gives it
    `gazetteer`."""

    gazetteer: Gazetteer

    def outlet_countries(self, outlet: str | None) -> set[str]:
        """The countries an outlet's name names, read with the gazetteer's country names: "Daily Nation (Kenya)" ->
        KE, "Times of India" -> IN; none for "Xinhua", nor for "La Silla Rota" (Silla is an old name of Korea). Runs
        of up to four words, longest first. A capital named by its own name names its country too ("Nairobi News",
        "Baghdad Today"); no other city does ("Al Mashhad" is "the scene", not Iran's Mashhad)."""
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
                if not code and run[:1].isupper():
                    code = next((p.country for p in self.gazetteer.exact(run) if p.feature_code == "PPLC"
                                 and normalize(p.name) == normalize(run)), None)
                if code:
                    found.add(code)
                    k += n - 1
                    break
            k += 1
        return found

    def _first_focus(self, parsed: Parsed, mentions: list[PlaceMention]) -> Focus:
        """Votes from what is unambiguous: country names, demonyms, datelines, names with one country."""
        focus = Focus(country_place=self.gazetteer.country)
        toks = parsed.tokens
        for t in toks:
            if t.ent == "NORP" or t.pos == "ADJ" or t.pos == "PROPN":
                nxt = toks[t.i + 1 : t.i + 3]
                if any(x.lower in rules().not_of_a_place for x in nxt):
                    continue  # "French-speaking" is a language, "the US dollar" a currency, not a country
                # (of two words, the whole: "South Sudanese" is South Sudan's, not Sudan's)
                pair = f"{toks[t.i - 1].text} {t.text}" if t.i > 0 and toks[t.i - 1].text[:1].isupper() else None
                code = (pair and self.gazetteer.demonym(pair) or self.gazetteer.demonym(t.text)) \
                    if t.text[:1].isupper() else None
                if code:
                    # in an organisation's name it tells whose the organisation is ("the Pakistani Taliban"), no
                    # more ("the American Cultural Centre" says nothing of the country it is in)
                    w = _PEOPLE_DEMONYM_VOTE if t.ent == "ORG" else _demonym_vote(toks, t)
                    if w:
                        focus.vote(code, w)
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
            if self.gazetteer.country_named(m.text) and (_of_people(parsed, m) or _across_border(toks, m)):
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
                for c in sorted(countries):  # (in one order whatever the run: "Congo" votes CD and CG, which may tie)
                    focus.vote(c, w, m.key)
                for p in found:
                    if p.kind == "admin1":
                        focus.name_area(p.admin1_code, m.key)
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
            if self.gazetteer.country_named(parsed.text[e.start_char : e.end_char]):
                continue  # a country's name the model calls an organisation votes as the place it is, not twice
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


@dataclass(slots=True)
class Focus:
    """Where the article is: votes per country, and the admin1 areas it names. The votes each place name gave are
    kept apart (`by_name`), so that a name is weighed on what the rest of the report says: "Inata" matching only a
    town in Japan is no evidence that a report is about Japan, however often it is named."""

    countries: Counter = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)
    by_name: dict[str, Counter] = field(default_factory=dict)
    # the place names that named each admin1 area: "Prague" names Praha only as the city's own alias, no evidence
    # that a place of Praha is meant by it
    admin1_by: dict[str, set[str]] = field(default_factory=dict)
    # the gazetteer's country of a code, to tell how far a place lies from the countries the report points to
    country_place: Callable[[str], GeoPlace | None] | None = None
    # (name, country): how many of the name's mentions resolved there and gave the country the name's vote for
    # a resolved place (`_vote_resolved`), so that a name resolved again elsewhere moves its vote (`recast`)
    cast: Counter = field(default_factory=Counter)

    def name_area(self, code: str | None, name: str) -> None:
        if code:
            self.admin1.add(code)
            self.admin1_by.setdefault(code, set()).add(name)

    def area_named(self, code: str | None, name: str) -> bool:
        """Does the report name the admin1 area `code` other than by the place name `name` itself?"""
        return code in self.admin1 and self.admin1_by.get(code) != {name}

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

    def unvote(self, country: str, n: float, name: str) -> None:
        """Take back `n` of the votes the name `name` gave `country` (no more than it gave)."""
        own = self.by_name.get(name)
        n = min(n, own[country]) if own else 0
        if n <= 0:
            return
        own[country] -= n
        self.countries[country] -= n
        for votes in (own, self.countries):
            if votes[country] <= 1e-9:
                del votes[country]

    def recast(self, name: str, before: str | None, after: str | None) -> None:
        """A mention of `name` resolved again: the vote its place gave `before` goes to `after` (None: to no country),
        "San Antonio" first taken for the Texan city, then for Chile's once the area named with it is read."""
        if before == after or before is None or self.cast[(name, before)] <= 0:
            return
        self.cast[(name, before)] -= 1
        if self.cast[(name, before)] == 0:
            self.unvote(before, 1, name)
        if after is not None:
            self.cast[(name, after)] += 1
            if self.cast[(name, after)] == 1:
                self.vote(after, 1, name)

    def retract(self, name: str) -> None:
        """Take back the votes of a name found to be no evidence (a namesake abroad, left unresolved)."""
        own = self.by_name.pop(name, None)
        if own:
            self.countries -= own

    def copy(self) -> Focus:
        return Focus(Counter(self.countries), set(self.admin1), {k: Counter(v) for k, v in self.by_name.items()},
                     {k: set(v) for k, v in self.admin1_by.items()}, self.country_place, Counter(self.cast))

    def is_country_name(self, key: str, country: str) -> bool:
        """Is `key` (a normalised name) the name of the country `country`?"""
        q = self.country_place(country) if self.country_place is not None and "." not in country else None
        return q is not None and normalize(q.name) == key

    def km_from(self, p: GeoPlace, countries) -> float | None:
        """How far the place `p` lies from the nearest of `countries` (from the point the gazetteer gives each
        country), in kilometres; None when no country's point is known."""
        if self.country_place is None or p.lat is None or p.lon is None:
            return None
        far = None
        for c in countries:
            q = self.country_place(c) if "." not in c else None
            if q is None or q.lat is None or q.lon is None:
                continue
            d = great_circle_km(p.lat, p.lon, q.lat, q.lon)
            far = d if far is None or d < far else far
        return far

    @property
    def top(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def _great_bearer(key: str, found: list[GeoPlace]) -> GeoPlace | None:
    """The great city (a million people) that bears the name as its own, beside which every namesake in another
    country is twenty times smaller: the place a report means by the name wherever it is set."""
    great = max((p for p in found if p.kind == "city" and p.population >= _GREAT_CITY and normalize(p.name) == key),
                key=lambda p: p.population, default=None)
    if great is None or any(p.country != great.country and p.population * 20 > great.population for p in found):
        return None
    return great


def _vote_resolved(focus: Focus, mentions: list[PlaceMention]) -> None:
    """Add to the first focus a vote for the country (and admin1 area) of every resolved place, once per name."""
    for m in mentions:
        if not _votes_as_resolved(m):
            continue
        key = (m.key, m.resolved.country)
        focus.cast[key] += 1
        if focus.cast[key] == 1:
            focus.vote(m.resolved.country, 1, m.key)
            if m.resolved.kind == "admin1":
                focus.name_area(m.resolved.admin1_code, m.key)


def _votes_as_resolved(m: PlaceMention) -> bool:
    """Does the place a mention resolved to vote for its country? Not a village picked among namesakes in other
    countries with no area named with it: "Denham" taken for the English village only by its size says nothing of
    where the report is (a report on Kingston, Jamaica)."""
    p = m.resolved
    return p is not None and not (p.kind == "city" and p.population < _VILLAGE and m.area is None
                                  and any(c.place.country != p.country for c in m.candidates))


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


def _across_border(toks: list[Token], m: PlaceMention) -> bool:
    """Is the name set beyond a border from where the report is ("close to the border with Sudan", "came from
    Mozambique"), or named as an actor's backer ("separatists backed by the United Arab Emirates")? Not a country's
    name in the possessive ("near Tanzania's border"): the place is its own."""
    if m.end < len(toks) and toks[m.end].lower in ("'s", "’s"):
        return False  # "near Tanzania's southern border": what lies near is Tanzania's, not beyond it
    j = m.start
    while j > 0 and toks[j - 1].lower == "the":
        j -= 1
    if j > 0 and toks[j - 1].lower in rules().from_words:
        return True  # "entered the country from Mozambique": where they came from, the other side
    return any(tuple(t.lower for t in toks[max(0, j - len(w)) : j]) == w for w in rules().across_border)


def _demonym_vote(toks: list[Token], t: Token) -> float:
    """The vote of a demonym in the report's focus, by the noun it is said of."""
    head = toks[t.head] if 0 <= t.head < len(toks) else t
    if head.i != t.i and head.lower in rules().foreigners:
        return 0.0  # "a Kenyan national": a foreigner where the report is
    if t.dep == "conj" and head.i < t.i:
        return _demonym_vote(toks, head)  # "Iraqi and Syrian troops": as the first of the pair
    while head.lower in ("led", "backed", "based", "run", "allied") and head.head != head.i:
        head = toks[head.head]  # "Saudi-led warplanes"
    if t.pos in ("NOUN", "PROPN") and t.dep not in ("compound", "amod", "nmod"):
        return _PEOPLE_DEMONYM_VOTE  # "stabbed by a Palestinian": a person
    if head.i == t.i or head.pos not in ("NOUN", "PROPN"):
        return 1.0  # said of nothing the parse can tell: a demonym's usual vote
    return _PLACE_DEMONYM_VOTE if _place_noun(head) else _PEOPLE_DEMONYM_VOTE


# The votes the outlet's country gives the report's focus: a prior as weak as a demonym, never a match for a
# place the report names (2 votes) in another country.
_OUTLET_VOTE = 1
