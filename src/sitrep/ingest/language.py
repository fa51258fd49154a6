"""Which language a report is in, with Google's Compact Language Detector 2 (pycld2: its tables are inside the
wheel, nothing is downloaded, a text takes a fraction of a millisecond).

sitrep reads English. A report is refused only when sitrep is sure it is in another language (see `detect`); a
short note or a text the detector cannot place gets the benefit of the doubt. Measured on the dev corpora: of the
2,553 acled-dev, wad-dev, news-dev, dev and clusters-dev reports none is refused, nor any of 7,659 fragments cut
from them (first 60 characters, first sentence, the note without its date), while all 44 French, Spanish,
German, Portuguese, Arabic, Chinese and Russian news sentences are refused (lingua-language-detector refused 13
acled-dev notes in its accurate mode, after 67 s and 1.1 GB of loading; py3langid 11 notes as Nigerian Pidgin).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH = "en"
ENGLISH_NAMES = {"en", "eng", "english"}  # how a meta.json or a JSON line may declare English ("en-GB" too)
MIN_OTHER_SHARE = 67  # % of the text the detector must put in one other language before it is refused
MAX_ENGLISH_SHARE = 20  # % of English that keeps a report in (a mostly foreign text with English parts)
MIN_LETTERS = 20  # fewer letters than this say nothing about a language
MAX_LATIN_SHARE = 0.2  # a text with fewer Latin letters than this is not English, whatever its language
# Characters CLD2 refuses as not "interchange-valid" UTF-8: controls, surrogates, non-characters.
_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Capitalised words: names of places, groups and people, which in a short note outweigh its English words
# ("FDLR militia loot cattle in Rutshuru territory, Nord-Kivu" reads as Kinyarwanda with them).
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True, slots=True)
class Language:
    """What the detector found: the main language (ISO 639-1 code and name), its share of the text in percent,
    whether CLD2 calls its answer reliable, and whether sitrep is sure enough the report is not English to refuse
    it (`foreign`)."""

    code: str | None
    name: str | None
    share: int
    reliable: bool
    foreign: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.code else (self.name or "unknown")


def detect(text: str) -> Language:
    """The language of `text` (its first 50,000 characters, which say enough).

    Two cues must agree before a report is called foreign: CLD2 reliably puts most of the text, and most of it
    without its capitalised words, in one other language with little English. A text with hardly any Latin
    letters (Arabic, Chinese, Russian...) is foreign even when CLD2 cannot name its language.
    """
    sample = _INVALID.sub(" ", text[:50_000])
    whole = _cld2(sample)
    letters = sum(c.isalpha() for c in sample)
    if letters >= MIN_LETTERS and len(_LATIN.findall(sample)) < MAX_LATIN_SHARE * letters:
        named = whole if whole.code else _cld2(sample, best_effort=True)
        return Language(named.code, named.name or "a language not written in Latin letters", named.share,
                        whole.reliable, foreign=True)
    if not _foreign(whole):
        return Language(whole.code, whole.name, whole.share, whole.reliable)
    names_out = _cld2(_CAPITALISED.sub(" ", sample))
    if _foreign(names_out):
        return Language(whole.code, whole.name, whole.share, whole.reliable, foreign=True)
    return Language(names_out.code, names_out.name, names_out.share, names_out.reliable)  # its words, not names


def _cld2(sample: str, best_effort: bool = False) -> _Reading:
    import pycld2

    try:
        reliable, _, details = pycld2.detect(sample, bestEffort=best_effort)
    except pycld2.error:  # any other byte CLD2 refuses: no answer rather than no report
        return _Reading(None, None, 0, 0, False)
    found = [(name, code, share) for name, code, share, _ in details if code != "un"]
    english = sum(share for _, code, share in found if code == ENGLISH)
    if not found:
        return _Reading(None, None, 0, english, False)
    name, code, share = found[0]
    name = name.capitalize() if name.isupper() else name  # FRENCH -> French; ChineseT stays
    return _Reading(code, name, share, english, bool(reliable))


@dataclass(frozen=True, slots=True)
class _Reading:
    """One CLD2 answer: the main language, its share (%), English's share (%), and CLD2's own reliability."""

    code: str | None
    name: str | None
    share: int
    english_share: int
    reliable: bool


def _foreign(r: _Reading) -> bool:
    return (r.reliable and r.code not in (None, ENGLISH) and r.share >= MIN_OTHER_SHARE
            and r.english_share <= MAX_ENGLISH_SHARE)


def declared_english(language: str) -> bool:
    """Whether a declared language ("en", "en-GB", "English") is English."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] in ENGLISH_NAMES
