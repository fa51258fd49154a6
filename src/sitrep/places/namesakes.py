"""Resolution: which gazetteer place each name is (`Resolver`), a scored choice among its namesakes.

Each candidate is scored with its reasons kept: population and kind, what the words around say it is ("province",
"the city of"; a "province" is a second-level area where a country's provinces are, as in the Philippines), the
report's country focus, an area named with it ("Ramadi, the Anbar provincial capital", "Paris, Texas",
"X in Yemen (Abs, Hajjah)"), and how well the name matched. After the choice: one name is one place in one report,
and a village abroad that nothing else of the report points to is a namesake left unresolved.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from sitrep.gazetteer import Gazetteer, GeoPlace, normalize, skeleton
from sitrep.nlp import Parsed, Token
from sitrep.places.words import _reference_point, rules
from sitrep.places.mention import (Candidate, _GREAT, _GREAT_CITY, _GREAT_PENALTY, _holds, _inside, _parent_name,
                                   PlaceMention, _qualifier, _TINY, _VILLAGE)
from sitrep.places.focus import Focus, _votes_as_resolved


class Resolver:
    """Resolves each name to one of its namesakes, a scored choice with its reasons. A part of `Geoparser`, which
    gives it `gazetteer`."""

    gazetteer: Gazetteer

    def _resolve(self, m: PlaceMention, mentions: list[PlaceMention], focus: Focus, toks: list[Token]) -> None:
        before = m.resolved
        self._choose(m, mentions, focus, toks)
        # Resolved again (the areas read): the vote its first place gave moves with it ("San Antonio, Valparaiso"
        # first taken for the Texan city); a name left with no place at all, every namesake ruled out by the area
        # named with it ("Kelly, in the countryside of Idleb" is no US town), is no evidence of where the report is.
        if before is not None:
            after = m.resolved.country if m.resolved is not None and _votes_as_resolved(m) else None
            focus.recast(m.key, before.country, after)
            if m.resolved is None and not m.candidates:
                focus.unvote(before.country, focus.by_name.get(m.key, Counter())[before.country], m.key)
            elif m.resolved is not None:
                # A name the gazetteer knows exactly in one country only votes for it before it is resolved; resolved
                # in another ("Shabwa", exactly only a village of Myanmar, is Yemen's Shabwah), those votes are taken
                # back: the namesake that lost is no evidence of where the report is.
                for c, n in list(focus.by_name.get(m.key, Counter()).items()):
                    if c != m.resolved.country:
                        focus.unvote(c, n - focus.cast[(m.key, c)], m.key)

    def _choose(self, m: PlaceMention, mentions: list[PlaceMention], focus: Focus, toks: list[Token]) -> None:
        exact = self.gazetteer.exact(m.text)
        if not exact and m.alias:
            exact = self.gazetteer.exact(m.alias)  # "Baghmara (Bagmara) upazila": the other name the report gives
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
        # is no hamlet of Afghanistan's spelt alike, nor "Nyang" a town of 13,000 in China spelt Niyang)
        found = [p for p in found if p.geonames_id in exact_keys or p.country in top
                 or alone and (p.population >= _ALONE_VARIANT or p.kind != "city")
                 or m.is_area and p.kind in ("admin1", "admin2")]
        # A place named with a province lies in it: "Kyauk Taw village in the Magway region" (not one the place
        # is named as the area of: "Washington, D.C." is no place of Washington state)
        named_areas = {o.resolved.admin1_code for o in mentions if o is not m and o.within is not m and o.sent == m.sent
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
            # "Khartoum", "Homs", "Kirkuk": the city, unless the words say the province of the same name. (A city
            # that bears the name only inside its own, "Oklahoma City", is no city of the same name: "in Oklahoma".)
            seats = {c.place.admin1_code for c in cands if c.place.kind == "city" and not _longer_name(c.place, m.key)}
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
                # a town of its province is weaker evidence than lying in it, and so is lying in the province of a
                # district (the index knows a town's province, not its district: "Monterrey, Hidalgo" is no town of
                # Nuevo Leon's Hidalgo municipality)
                bonus = 4 if p.kind in ("city", "admin2") else 8
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
        if p.admin1_code and focus.area_named(p.admin1_code, m.key) and p.kind != "admin1" \
                and normalize(p.admin1 or "") != m.key:
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


def _longer_name(p: GeoPlace, key: str) -> bool:
    """Is the place's own name the name with more words: "Oklahoma City" for "Oklahoma"?"""
    own = normalize(p.name)
    return own != key and own.startswith(key + " ")


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


# The people a town spelt otherwise than the report spells it must have to be meant when nothing else of the report
# points to its country: a city known well enough to be spelt many ways.
_ALONE_VARIANT = 50_000

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


def _spelt_as_the_report(mentions: list[PlaceMention], gazetteer: Gazetteer, toks: list[Token]) -> None:
    """A province the report names by one of its names is called as the report spells it ("Dar'a", "Sud-Kivu",
    "Ninewa", "Rural Damascus") in the `admin1` of every place resolved in it, not by the gazetteer's English form
    ("Daraa", "South Kivu", "Nineveh", "Rif-dimashq"): the record keeps the report's words (`admin1_code` stays the
    key). Not a spelling matched only as a variant or by its consonants ("Missan" stays Maysan), nor one that is the
    gazetteer's name with more words or fewer ("Saint James Parish", "Wardak" of Maidan Wardak)."""
    spelt: dict[str, str] = {}
    for m in mentions:
        p = m.resolved
        if p is None or p.kind == "country" or not p.admin1_code or m.dateline or m.text.isupper():
            continue
        words, theirs = set(normalize(m.text).split()), set(normalize(p.admin1 or "").split())
        # (a city named as its province is: "Dar'a" for the city of Daraa names the province too; and so does the
        # report's spelling of a town or district that bears its province's name, matched exactly, where the report
        # sets it as the area another place lies in: "Razih district (Sadah)" (the district of Sa'dah, in Saada),
        # "near Horadiz, Fizuli" (the town of Fuzuli, in Fuzuli); not a port named in passing ("Hodeida"), nor one
        # named only to locate another ("Ad Durayhimi, south of Hodeidah"); or said with a word for the land around
        # it, which is the province's: "in Idleb countryside", "the countryside of Idleb")
        if not theirs <= words and not words <= theirs \
                and (any(q.kind == "admin1" and q.admin1_code == p.admin1_code for q in gazetteer.exact(m.text))
                     or (m.is_area and not _reference_point(toks, m.start) or m.kind_word in rules().province_land)
                     and p.kind != "admin1" and _bears_its_province(p) and p in gazetteer.exact(m.text)):
            spelt.setdefault(p.admin1_code, m.text)
    if not spelt:
        return
    for m in mentions:
        for attr in ("resolved", "area"):
            p = getattr(m, attr)
            if p is not None and p.kind != "country" and p.admin1_code in spelt:
                setattr(m, attr, replace(p, admin1=spelt[p.admin1_code]))


def _bears_its_province(p: GeoPlace) -> bool:
    """Does a town or district bear its province's name, in some spelling ("Sa'dah" in Saada, Fuzuli in Fuzuli)?"""
    return bool(p.admin1) and skeleton(normalize(p.name)) == skeleton(normalize(p.admin1))


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


def _suspect(m: PlaceMention, first: Focus) -> bool:
    """A town or district in a country the report hardly points to, when it clearly points to another, is a namesake:
    "Usu villages" in a report on Zamfara is not Wusu, China. The name stays, unresolved (True). The report is read
    without the name's own votes; how much it takes depends on the place's size (a village, a town, a city)."""
    p = m.resolved
    if p is None:
        return False
    report, first = first, first.others(m.key)  # the name's own vote says nothing of itself
    total = sum(first.values())
    # A village abroad needs less to be doubted than a town, and a city (50,000 people and more) much more: nothing
    # else of the report in its country, and the report clearly about another ("the Tama area" in a report on
    # North Kivu is not Tama, Tokyo). A great city called by its own name is never doubted.
    least = 2 if p.kind == "city" and p.population < _VILLAGE else 3  # votes of other names needed to doubt it
    if p.kind == "city" and p.population < 50_000 and first[p.country] <= 0:
        least = 2  # (a town in a country nothing else of the report is in: "Kiunga" in a note on al-Shabaab in Kenya)
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
    if _far_namesake(m, p, report, first, total):
        report.retract(m.key)  # (no evidence against the names doubted after it either)
        m.resolved, m.namesake = None, True
        if m.candidates:
            m.candidates[0].reasons.append(f"nothing else of the report is in {p.country}, and it lies over"
                                           f" {_FAR_KM:,} km from every country the report points to: a namesake,"
                                           " left unresolved")
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


# A namesake abroad is doubted when it lies this far from every country the rest of the report points to (a point of
# each country: its centroid or capital), and is a town (of fewer people than _FAR_TOWN, or _FAR_ALIAS when it bears
# the name only as another name): "Kiunga" in a note from a Kenyan outlet on al-Shabaab is no town of Papua New Guinea.
_FAR_KM, _FAR_TOWN, _FAR_ALIAS = 2000, 100_000, 150_000


def _far_namesake(m: PlaceMention, p: GeoPlace, focus: Focus, others: Counter, total: float) -> bool:
    """A town or district that nothing else of the report puts in its country, lying far from every country the rest
    of the report does point to (`others`: the report read without the name's own votes). What points there must be
    more than one other place name alone, which may as well be the namesake ("Kelly" taken for a US town in a report
    on Idlib): a country's name, two names, an armed group's cue, the outlet, a demonym. An area named with it
    decides instead."""
    if p.kind not in ("city", "admin2") or m.area is not None or others[p.country] > 0 or total < 1:
        return False
    told = Counter()
    for c, n in others.items():
        names = [k for k, votes in focus.by_name.items() if k != m.key and votes[c] > 0]
        alone = len(names) == 1 and not focus.is_country_name(names[0], c)
        told[c] = n - focus.by_name[names[0]][c] if alone else n
    told = +told
    if sum(told.values()) < 1:
        return False
    # (the more the report points elsewhere, the larger a town it takes to stand against it: "Boma" in a report
    # naming Ethiopia and South Sudan again and again is no city of Congo's)
    size = (_FAR_TOWN if normalize(p.name) == m.key else _FAR_ALIAS) * max(1.0, sum(told.values()) / 2)
    if p.population >= size:
        return False
    far = focus.km_from(p, list(told))
    return far is not None and far > _FAR_KM


def _foreign_facility(parsed: Parsed, m: PlaceMention, focus: Focus) -> bool:
    """"a doctor at Medina hospital" in a report about Somalia: a facility's name, not a Saudi city (resolved there, or
    left unresolved as a namesake abroad)."""
    head = parsed.span_root(m.start, m.end)
    above = parsed.tokens[head.head]
    abroad = m.namesake or m.resolved is not None and focus.top is not None and m.resolved.country != focus.top
    return head.dep == "compound" and above.lemma in rules().facilities and abroad
