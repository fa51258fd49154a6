"""Which language a report is in, with Google's Compact Language Detector 2 (pycld2: its tables are inside the
wheel, nothing is downloaded, a text takes a fraction of a millisecond).

sitrep reads English. A report is refused only when the detector is sure it is another language and English is a
small part of it; a short note or a text it cannot place gets the benefit of the doubt. Measured on the dev
corpora: of 1,500 ACLED notes, 1,000 WAD reports and the news-dev, dev, clusters-dev and sample reports none is
refused, while French, Spanish, German, Portuguese, Arabic, Chinese and Russian news sentences are named as such.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH = "en"
ENGLISH_NAMES = {"en", "eng", "english"}  # how a meta.json or a JSON line may declare English ("en-GB" too)
MIN_OTHER_SHARE = 67  # % of the text the detector must put in one other language before it is refused
MAX_ENGLISH_SHARE = 20  # % of English that keeps a report in (a mostly foreign text with English parts)
# Characters CLD2 refuses as not "interchange-valid" UTF-8: controls, surrogates, non-characters.
_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Language:
    """What the detector found: the main language (ISO 639-1 code and name), its share of the text in percent,
    English's share, and whether CLD2 calls its answer reliable."""

    code: str | None
    name: str | None
    share: int
    english_share: int
    reliable: bool

    @property
    def foreign(self) -> bool:
        """Sure enough that this is not an English report to refuse it."""
        return (self.reliable and self.code not in (None, ENGLISH) and self.share >= MIN_OTHER_SHARE
                and self.english_share <= MAX_ENGLISH_SHARE)


def detect(text: str) -> Language:
    """The language of `text` (its first 50,000 characters, which say enough)."""
    import pycld2

    sample = _INVALID.sub(" ", text[:50_000])
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # any other byte CLD2 refuses: no answer rather than no report
        return Language(None, None, 0, 0, False)
    found = [(name, code, share) for name, code, share, _ in details if code != "un"]
    english = sum(share for _, code, share in found if code == ENGLISH)
    if not found:
        return Language(None, None, 0, english, False)
    name, code, share = found[0]
    return Language(code, name.capitalize(), share, english, bool(reliable))


def declared_english(language: str) -> bool:
    """Whether a declared language ("en", "en-GB", "English") is English."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] in ENGLISH_NAMES
