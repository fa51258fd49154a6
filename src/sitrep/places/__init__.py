"""Places: every place a report names, resolved against the gazetteer with the reasons for each choice.

`Geoparser.parse` runs three jobs, one module each: recognition (`recognition`: which words name places), the
report's country focus (`focus`: where the report is), and resolution among namesakes (`namesakes`: which place each
name is, a scored choice). `mention` holds the mention and the relations between named places, `words` the cue words
(data/places.toml) and the tests on the tokens around a name, which all three and `sitrep.event_place` share.
A country name resolves to the country, unless the words say city ("Gaza city").
"""
from __future__ import annotations

from sitrep.gazetteer import Gazetteer
from sitrep.nlp import Parsed
from sitrep.places.focus import _OUTLET_VOTE, Focus, FocusReader, _vote_resolved
from sitrep.places.mention import Candidate, PlaceMention, _area_of, _within, mention_to_dict
from sitrep.places.namesakes import Resolver, _consistent, _foreign_facility, _spelt_as_the_report, _suspect
from sitrep.places.recognition import Recogniser
from sitrep.places.words import rules

# (the helpers `sitrep.event_place` reads the words around a place and the places' relations with)
from sitrep.places.mention import _formally_within, _inside, _parent_name, _specificity_of
from sitrep.places.words import _CITY_PARTS, _coded_here, _feature_after, _past_alias, _reference_point

__all__ = ["Candidate", "Focus", "Geoparser", "PlaceMention", "mention_to_dict", "rules"]


class Geoparser(Recogniser, FocusReader, Resolver):
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
        mentions = _aliases_folded(self.recognise(parsed), parsed.tokens)
        # Every relation between places is read within one sentence: handed only those, it stays linear on a long
        # text.
        by_sent: dict[int, list[PlaceMention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent, []).append(m)
        for m in mentions:
            # (a name the model's sentence split cuts, "Dand | Wa Patan district, Paktia", reads on into the next)
            end = parsed.tokens[_past_alias(parsed.tokens, m.end) - 1].sent
            m.within = _within(m, by_sent[m.sent] + (by_sent.get(end, []) if end != m.sent else []), parsed.tokens)
        for m in mentions:
            if m.within is not None and m.within.within is None and self._area_before(parsed, m, m.within):
                m.within.within, m.within = m, None  # "the Hama town of Kafr Zita": Kafr Zita lies in Hama
        for m in mentions:
            if m.within is None:
                continue
            gap = {t.lower for t in parsed.tokens[_past_alias(parsed.tokens, m.end) : m.within.start]}
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
            if m.beside and m.area is not None and m.area.kind == "country":
                m.area = None  # "Tal Afar, near Syria": a place near a country is outside it
            self._resolve(m, by_sent[m.sent], focus, parsed.tokens)
            if _suspect(m, first):
                focus.retract(m.key)
        _consistent(mentions)
        mentions = [m for m in mentions if not _foreign_facility(parsed, m, focus)]
        _spelt_as_the_report(mentions, self.gazetteer, parsed.tokens)
        return mentions, focus


def _aliases_folded(mentions: list[PlaceMention], toks: list) -> list[PlaceMention]:
    """Another name of a place in brackets right after it ("Baghmara (Bagmara) upazila", "Sambonaye [Sambonay]") is
    no place of its own: it is kept as the place's `alias`, looked up when the place's own name is unknown."""
    out, skip = [], set()
    for m in mentions:
        if id(m) in skip:
            continue
        end = _past_alias(toks, m.end)
        inner = [o for o in mentions if m.end < o.start < end]
        if inner:
            m.alias = inner[0].text
            skip.update(id(o) for o in inner)
        out.append(m)
    return out
