"""Recognition: which words of a report name places (`Recogniser`).

spaCy's GPE/LOC/FAC entities, plus names the model mislabels ("El Fasher" as ORG) or misses, when the gazetteer
knows them or the words around say they are places ("in", "near", "X province", "X (Y, Z)"); a stop list keeps
common words out, and a name is cut or joined where the model cut it wrongly ("Foz" of "Foz do Iguacu", "Kaduna
State's Unguwan Dogo town"). Kept apart from resolution because it decides only what is a name, never which place.
"""
from __future__ import annotations

import re

from sitrep.gazetteer import Gazetteer, normalize
from sitrep.model import Span
from sitrep.nlp import Parsed, Token
from sitrep.places.words import (_actor_names, _COMPASS, _country_cues, _feature_after, _feature_kind, _locative_before,
                                 _ORG_WORDS, _past_alias, _past_modifiers, rules, _SHORT_COMPASS, _strong_cue, _title_case)
from sitrep.places.mention import _CITY_OF_PARTS, PlaceMention, _within


class Recogniser:
    """Finds the words of a report that name places. A part of `Geoparser`, which gives it `gazetteer`."""

    gazetteer: Gazetteer

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
            # a town inside a facility's name, tagged as the facility: "the University of Maiduguri"
            towns = self._facility_towns(parsed, e.start, e.end, cued) \
                if e.label in ("ORG", "FAC", "NORP") and not self.gazetteer.exact(whole) else []
            for m in towns:
                out.append(m)
                taken.update(range(m.start, m.end))
                ends.add(m.end)
            if towns:
                continue
            # "Kaduna State's Unguwan Dogo town" is two places.
            splits = [k + 1 for k in range(e.start, e.end - 1) if toks[k].lower in ("'s", "’s")]
            if splits and self.gazetteer.exact(whole):
                splits = []  # "Cox's Bazar" is one place
            # ... and so is it in "Cox's Bazar Sadar", a district named after it
            splits = [k for k in splits if not self.gazetteer.exact(parsed.text[toks[e.start].idx : toks[k].end])]
            # "Ardo-Kola Local Government Area of Taraba", tagged as one name, is a district and its state
            # (or "Mafa Local Council of Borno State", a kind word of several words)
            splits += [k for k in range(e.start + 2, e.end - 1) if toks[k].lower == "of"
                       and (toks[k - 1].lower in rules().all_features
                            or any(tuple(t.lower for t in toks[k - len(f) : k]) == f for f in rules().long_features))
                       and toks[k + 1].text[:1].isupper()
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
                        or self._areas_after(parsed, b2) or toks[b2 - 1].lower in rules().all_features \
                        or b2 - a > 1 and toks[a].lower in rules().prefix_kinds:  # "Barangays Pahug", as a person's
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
                if k not in taken and k not in ent_tokens and self._word_before_kind(toks, k):
                    m = self._mention(parsed, k, k + 1, "GAZ")
                    if m is not None:
                        out.append(m)
                        ends.add(k + 1)
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
            # (a kind word the model took into the name, "Golaghat District", says it is a place as one after it does)
            kind_inside = j - k > 1 and toks[j - 1].lower in rules().all_features
            if (_locative_before(toks, k) or _feature_after(toks, j) or kind_inside or coordinated
                    or self._areas_after(parsed, j)) and toks[k].text[:1].isupper():
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
            if out and m.start < reach < m.end and out[-1].end == reach and m.sent == out[-1].sent \
                    and toks[m.end - 1].text[:1].isupper():  # (not a kind word the model ran on to: "X city")
                # two names that overlap are one: the gazetteer's "Santo Nino" and the model's "Nino Norte" are
                # "Santo Nino Norte"
                union = self._mention(parsed, out[-1].start, m.end, m.source)
                if union is not None:
                    out[-1] = union
            elif m.end > reach:  # not a part of the name before it ("California" of "Baja California")
                out.append(m)
            reach = max(reach, m.end)
        out += self._areas_named_after(parsed, out)
        out.sort(key=lambda m: m.span.start)

        # A name the gazetteer does not know stays only when the words around call it a place ("Gunmen" does not),
        # or an area named with it is known ("Adeke-Ehi in Agatu LGA").
        def kept(m: PlaceMention) -> bool:
            if _strong_cue(toks, m.start, m.end) or m.key in rules().parents or self._areas_after(parsed, m.end):
                return True
            if self._area_of_known(toks, m, out):
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
            if before >= 0 and (toks[before].lower in ("in", "near", "at", "between", "via") or after_of) \
                    and m.text[:1].isupper() \
                    and not m.text.isupper() and not any(t.like_num for t in toks[m.start : m.end]) \
                    and not any(t.lower in _ORG_WORDS for t in toks[m.start : m.end]) \
                    and self.gazetteer.demonym(m.text) is None \
                    and not _title_case(parsed, m.sent, range(m.start, m.end)):  # "Nine Herders Shot Dead in ..."
                return True
            o = _within(m, out, toks)
            # "the Peshawar area of Qarghayi district": a kind word after the name, and any known place holding it
            # (or an area the words call one, whatever the gazetteer knows it as: "al-Qatn in the Hadramawt province");
            # not a capitalised word of a headline ("Security Men in Shootout in Lagos")
            return o is not None and not (m.source == "GAZ" and _title_case(parsed, m.sent, range(m.start, m.end))) \
                and (o.hint in ("admin1", "admin2") and bool(self.gazetteer.lookup(o.text))
                     and not any(t.lower in _ORG_WORDS for t in toks[m.start : m.end])
                     or any(p.kind != "city" or _feature_after(toks, m.end) for p in self.gazetteer.lookup(o.text)))

        out = [m for m in out if kept(m)]
        out.sort(key=lambda m: m.span.start)
        _share_plural_kind(toks, out)
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
        # (unless the kind word is part of a city's own name: "Cape Town", "Kuwait City")
        whole = parsed.text[toks[a].idx : toks[b - 1].end] if b > a else ""
        while b > a + 1 and (toks[b - 1].lower in rules().all_features or toks[b - 1].text in rules().lower_features) \
                and not (toks[b - 1].text[:1].isupper() and toks[b - 1].lower in rules().features["city"]
                         and any(p.kind == "city" and normalize(p.name) == normalize(whole)
                                 for p in self.gazetteer.exact(whole))):
            word = toks[b - 1].lower
            hint = _feature_kind(word)
            b -= 1
            while b > a + 1 and toks[b - 1].lower in rules().kind_modifiers:
                b -= 1  # "Zaatari refugee camp"
        if b <= a:
            return None
        kind_at = _past_modifiers(toks, _past_alias(toks, b))
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
        if not any(w[:1].isupper() for w in re.split(r"[\s-]+", text)):
            return None  # "in a bush", "two mosques", "the jihadist-run province": a name has a capital somewhere
        short_area = as_area and text in rules().area_short_forms  # "Pratapgarh (UP)": our short form of an area
        if len(key) < 3 and not short_area \
                and not (re.fullmatch(r"[A-Z][a-z]", text) and self._areas_after(parsed, b)):
            return None  # "Se (Djibo, Soum)": a short name only with the areas it lies in after it
        if key in rules().stop and hint != "admin1" and not short_area and not (as_area and set(key.split()) <= _COMPASS):
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

    def _area_of_known(self, toks: list[Token], m: PlaceMention, found: list[PlaceMention]) -> bool:
        """A name with an area's kind word after it, set after a known country's or province's possessive: "South
        Sudan's Gok State", "northeast Nigeria's Mambilla region", "Gambella's Gog area": an area of that place,
        though the gazetteer lacks it."""
        j = m.start - 1
        while j > 0 and toks[j].lower in _COMPASS:
            j -= 1  # "Ethiopia's western Gambela region"
        if j < 1 or toks[j].lower not in ("'s", "’s") or not (_feature_after(toks, m.end) or m.hint):
            return False
        o = next((o for o in found if o.end == j), None)
        return o is not None and any(p.kind in ("country", "admin1") for p in self.gazetteer.exact(o.text))

    def _word_before_kind(self, toks: list[Token], k: int) -> bool:
        """A capitalised word the model took for an adjective or a noun, right before a settlement's kind word, that
        the gazetteer knows in some spelling: "Elwak town" (El Wak), "LOCATION: Elwak town". Not a word of the stop
        list ("Border town"), nor the first of a sentence, capitalised for that ("Mining town residents ...")."""
        t = toks[k]
        inside = k > 0 and (toks[k - 1].sent == t.sent and not toks[k - 1].text.isspace() or toks[k - 1].text == ":")
        return inside and t.pos in ("ADJ", "NOUN") and t.text[:1].isupper() and not t.text.isupper() \
            and t.text.isalpha() \
            and k + 1 < len(toks) and toks[k + 1].lower in rules().settlement_after \
            and normalize(t.text) not in rules().stop and bool(self.gazetteer.lookup(t.text))

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
        # "Pul-e Khumari", "Deh-e Now": a name ending in the linking vowel goes on to the next word, and on again
        # ("Rabat-e Sangi-ye Pain")
        grown = True
        while grown:
            grown = False
            while b + 1 < len(toks) and toks[b].text in ("-", "/") and toks[b - 1].end == toks[b].idx \
                    and toks[b].end == toks[b + 1].idx and toks[b + 1].text[:1].isalpha():
                b, grown = b + 2, True
            while b < len(toks) and b - a >= 3 and toks[b - 1].lower in rules().ezafe and toks[b - 2].text == "-" \
                    and toks[b].text[:1].isupper() and toks[b].sent == toks[a].sent:
                b, grown = b + 1, True
        # "Baja" + "California": two names the model cut apart that the gazetteer knows as one; joining words
        # inside ("Santo" + "Antonio de Jesus", the rest tagged a person's name; "Martinez" + "de la Torre")
        for longer in range(min(b + 3, len(toks)), b, -1):
            run = toks[b:longer]
            if all((t.pos == "PROPN" and t.text[:1].isupper() or t.lower in rules().joiners
                    or t.lower in rules().joiners_known)
                   and t.sent == toks[a].sent for t in run) and run[-1].text[:1].isupper() \
                    and self.gazetteer.exact(parsed.text[toks[a].idx : run[-1].end]):
                b = longer
                break
        # "the Warta Nabadda district": the model tagged the first word, the words after it up to a kind word in
        # lower case are the name's too
        k = b
        while k < len(toks) and k - b < 2 and toks[k].pos == "PROPN" and toks[k].text[:1].isupper() \
                and toks[k].lower not in rules().all_features and toks[k].sent == toks[a].sent:
            k += 1
        if k > b and k < len(toks) and toks[k].text.islower() and toks[k].lower in rules().all_features:
            b = k
        elif k > b and self._province_after_comma(parsed, k):
            b = k  # "San Carlos" + "Nuevo Guaymas, Sonora": the words up to the province after a comma are the name's
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
            j = _past_alias(toks, m.end)
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

    def _province_after_comma(self, parsed: Parsed, k: int) -> bool:
        """Is token `k` a comma before a first-level area's name the gazetteer knows ("..., Sonora,")?"""
        toks = parsed.tokens
        if k + 1 >= len(toks) or toks[k].text != "," or toks[k + 1].sent != toks[k].sent:
            return False
        e = k + 1
        while e < len(toks) and e - k <= 3 and toks[e].pos == "PROPN" and toks[e].text[:1].isupper():
            e += 1
        return e > k + 1 and any(p.kind == "admin1" for p in self.gazetteer.exact(
            parsed.text[toks[k + 1].idx : toks[e - 1].end]))

    def _areas_after(self, parsed: Parsed, j: int) -> bool:
        """Is the name followed by the areas it lies in, in brackets: "Mulamba (Walungu, Sud-Kivu)",
        "Derai upazila (Sunamganj, Sylhet)"? The last of them must be an area the gazetteer knows."""
        toks = parsed.tokens
        j = _past_alias(toks, j)
        while j < len(toks) and (toks[j].lower in rules().all_features or toks[j].text in rules().lower_features
                                  or toks[j].lower in rules().sites or toks[j].lower in rules().before_areas):
            j += 1
        if j >= len(toks) or toks[j].text != "(":
            return False
        close = next((k for k in range(j + 1, min(j + 14, len(toks))) if toks[k].text == ")"), None)
        if close is None or close == j + 1:
            return False
        inner = parsed.text[toks[j + 1].idx : toks[close - 1].end]
        if re.fullmatch(r"[A-Z]{2,6}", inner) and inner not in rules().area_short_forms:
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

    def _facility_towns(self, parsed: Parsed, a: int, b: int, cued: frozenset[str]) -> list[PlaceMention]:
        """The town or area a facility tagged from `a` to `b` is named after, and the town named after it: "the
        University of Maiduguri campus", "Mandera District Hospital", "the Kapedo Catholic church", "Kogi State
        University, Anyigba". Only names the gazetteer knows, each as a whole: the model tags the facility, not them.
        Not an organisation's name of other kinds ("the Aden Clerics Association"): it stands anywhere."""
        toks = parsed.tokens
        if b < len(toks) and toks[b].lower in rules().all_features:
            return []  # "Dhaka - New Market city": a place's name, not a facility's
        facility = next((k for k in range(a, b) if toks[k].lower in rules().named_after_town), None)
        if facility is None and b < len(toks) and toks[b].lower in rules().named_after_town:
            facility = b
        if facility is None:
            return []
        lo, hi = (facility + 2, b) if facility + 2 < b and toks[facility + 1].lower == "of" else (a, facility)
        found = []
        for end in range(hi, lo, -1):  # the longest run of words from its start that names a known place
            m = self._mention(parsed, lo, end, "FAC")
            if m is not None and toks[end - 1].text[:1].isupper() and self._known(m, True, cued) \
                    and not self._country(m):  # (a national hospital stands anywhere in its country)
                found.append(m)
                break
        after = max(b, facility + 1)
        if after + 1 < len(toks) and toks[after].text == "," and toks[after + 1].pos == "PROPN":
            end = after + 2
            while end < len(toks) and toks[end].pos == "PROPN" and end - after < 4:
                end += 1
            m = self._mention(parsed, after + 1, end, "GAZ")
            if m is not None and self._known(m, True, cued):
                found.append(m)  # "the students were from Kogi State University, Anyigba"
        return found

    def _known(self, m: PlaceMention, exact: bool, cued: frozenset[str] = frozenset()) -> bool:
        """Known to the gazetteer as an area or a town of 1,000 people, or as any village in a country the report's
        cues point to ("near Zolotarivka" in a note on the OSCE SMM's observations)."""
        found = self.gazetteer.exact(m.text) if exact else self.gazetteer.lookup(m.text)
        return any(p.kind != "city" or p.population >= 1000 or p.country in cued for p in found)


# Entity labels the model gives proper names it does not know as places ("Tillaberi" as PRODUCT).
_NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                     "ORDINAL", "TIME"}


_BREAKS = {"(", ")", ",", ";", "[", "]"}


# Lower-case words that relate a place to another or to a time, never inside a place's name.
_RELATING = {"near", "outside", "in", "at", "on", "under", "inside", "beside", "behind", "the"}


def _pieces(toks: list[Token], start: int, end: int, splits: list[int]) -> list[tuple[int, int]]:
    """An entity cut at its possessives and brackets: "Goma (Goma" tagged as one name is two. A joining word the
    model tagged at either end is no part of the name ("Minibo and" tagged as one name before "Mutsonge")."""
    out, a = [], start
    for k in range(start, end + 1):
        if k == end or k in splits or toks[k].text in _BREAKS:
            b = k
            while b > a and toks[b - 1].lower in ("and", "or"):
                b -= 1
            while a < b and toks[a].lower in ("and", "or"):
                a += 1
            if b > a:
                out.append((a, b))
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


def _share_plural_kind(toks: list[Token], mentions: list[PlaceMention]) -> None:
    """"Homs and Aleppo governorates", "the Amhara, Afar and Oromia regions": a plural kind word after the last of
    coordinated names says what each of them is."""
    for i in range(len(mentions) - 1, 0, -1):
        m = mentions[i]
        if m.kind_word is None or not m.kind_word.endswith("s"):
            continue
        j = i
        while j > 0:
            o, nxt = mentions[j - 1], mentions[j]
            gap = [t.lower for t in toks[o.end : nxt.start]]
            if not gap or any(w not in (",", "and", "or") for w in gap) or o.hint is not None:
                break
            o.hint, o.kind_word = m.hint, m.kind_word
            j -= 1


def _coordinated(toks: list[Token], k: int, ends: set[int]) -> bool:
    """Right after a place and "and", "or", a comma or a bracket: "Homs and Hama", "Goma (Goma, Nord-Kivu)"."""
    j = k - 1
    if j < 1 or toks[j].lower not in ("and", "or", ",", "("):
        return False
    # "LGA, Delta"
    while j > 0 and (toks[j - 1].lower in rules().all_features or toks[j - 1].text in rules().lower_features):
        j -= 1
    return j in ends


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
