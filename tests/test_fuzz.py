"""Fuzzing the whole extraction: generated texts of every kind never raise, give schema-valid records, and every
offset in a record points at the words it names.

The texts mix report words with what breaks parsers: digits of any length (up to hundreds), casualty phrases
with hedges, unicode of many scripts, control and zero-width characters, lone surrogates, nested quotes, very long
tokens. A few hundred texts run per CI run; the seed is printed (pytest -s, or in the failure message) and set with
SITREP_FUZZ_SEED to replay a run; SITREP_FUZZ_N sets how many texts. Half the texts are parsed with a small part
size, so the joining of parts (nlp.split_parts) is fuzzed too, at every kind of boundary.
"""
from __future__ import annotations

import json
import os
import random
from datetime import date, timedelta

import jsonschema
import pytest

from sitrep import nlp
from sitrep.model import Article
from sitrep.record import json_schema, record_to_dict

SEED = int(os.environ.get("SITREP_FUZZ_SEED") or random.SystemRandom().randrange(1 << 32))
N_TEXTS = int(os.environ.get("SITREP_FUZZ_N") or 240)

WORDS = (
    "gunmen killed wounded injured people civilians police soldiers said on Friday Monday in at least up to dozens "
    "hundreds of the attack village town displaced abducted according officials more than between and a bomb "
    "exploded last week January 2024 toll rose death residents fled homes militants army claimed responsibility "
    "Kano Mogadishu Aleppo Kabul Maiduguri Tigray Donetsk Khartoum Gaza Borno state province district near"
).split()
HEDGES = ("", "at least ", "up to ", "more than ", "about ", "nearly ", "some ", "between 3 and ", "an estimated ")
VICTIMS = ("people", "civilians", "soldiers", "children", "police officers", "villagers", "")
VERBS = ("killed", "wounded", "injured", "abducted", "displaced", "dead", "missing", "were killed", "died")
NUMBER_WORDS = ("one", "two", "twelve", "twenty-five", "a dozen", "dozens", "hundreds", "thousands",
                "tens of thousands", "half a million", "two hundred and fifty", "several dozen")
MULTIPLIERS = ("", "", "", " million", " billion", " thousand", " hundred")
# Code point ranges to draw from: Latin-1, combining marks, Greek, Cyrillic, Arabic, Devanagari, CJK, emoji,
# zero-width and direction marks, line and paragraph separators, C0 controls, lone surrogates.
RANGES = ((0xA0, 0xFF), (0x300, 0x36F), (0x391, 0x3C9), (0x410, 0x44F), (0x600, 0x6FF), (0x900, 0x97F),
          (0x4E00, 0x4FFF), (0x1F300, 0x1F5FF), (0x200B, 0x200F), (0x2028, 0x2029), (0x0, 0x1F), (0xD800, 0xDFFF),
          (0xFFF0, 0xFFFF))
QUOTES = ('"', "'", "“", "”", "‘", "’", "«", "»")
SEPARATORS = (" ", " ", " ", " ", "\n", "\n\n", "\t", ", ", ". ", "  ", "\r\n")


def digits(rng: random.Random) -> str:
    """A number of any length: mostly short, sometimes long, rarely hundreds of digits; with commas or decimals."""
    n = rng.choice((1, 1, 2, 2, 3, 4, 5, 7, 10, 19, 20, 21, 40, rng.randint(50, 600)))
    s = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
    roll = rng.random()
    if roll < 0.2:
        s = f"{int(s):,}" if n < 4000 else s
    elif roll < 0.3:
        s += "." + str(rng.randint(0, 99))
    return s + rng.choice(MULTIPLIERS)


def casualty_phrase(rng: random.Random) -> str:
    count = digits(rng) if rng.random() < 0.6 else rng.choice(NUMBER_WORDS)
    forms = (f"{rng.choice(HEDGES)}{count} {rng.choice(VICTIMS)} {rng.choice(VERBS)}",
             f"gunmen {rng.choice(VERBS)} {rng.choice(HEDGES)}{count} {rng.choice(VICTIMS)}",
             f"the toll rose to {count}", f"{count} more {rng.choice(VICTIMS)} died",
             f"{count}-{digits(rng)} {rng.choice(VICTIMS)} {rng.choice(VERBS)}")
    return rng.choice(forms)


def junk(rng: random.Random) -> str:
    chars = []
    for _ in range(rng.randint(1, 6)):
        lo, hi = rng.choice(RANGES)
        chars.append(chr(rng.randint(lo, hi)))
    return "".join(chars)


def quoted(rng: random.Random, depth: int = 0) -> str:
    inner = " ".join(piece(rng, depth + 1) for _ in range(rng.randint(1, 4)))
    return f"{rng.choice(QUOTES)}{inner}{rng.choice(QUOTES) if rng.random() < 0.8 else ''}"


def long_token(rng: random.Random) -> str:
    alphabet = rng.choice(("abcdefghijklmnopqrstuvwxyz", "0123456789", "abc123.,-/'", "a", "9,", "-", "\ud800x"))
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(100, 2500)))


def piece(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(WORDS)
    if roll < 0.62:
        return casualty_phrase(rng)
    if roll < 0.72:
        return digits(rng)
    if roll < 0.84:
        return junk(rng)
    if roll < 0.92 and depth < 3:
        return quoted(rng, depth)
    if roll < 0.94:
        return long_token(rng)
    return rng.choice(WORDS).upper()


def fuzz_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 40)):
        out.append(piece(rng))
        out.append(rng.choice(SEPARATORS))
    return "".join(out)


def _check_span(text: str, start: int, end: int, what: str, words: str | None = None) -> None:
    assert 0 <= start < end <= len(text), f"{what}: span {start}-{end} outside a text of {len(text)}"
    assert text[start:end].strip(), f"{what}: span {start}-{end} is blank"
    if words is not None:
        assert text[start:end] == words, f"{what}: {text[start:end]!r} at {start}-{end}, record says {words!r}"


def check_offsets(text: str, rec: dict) -> None:
    """Every offset in the record points at the words it names, in the text as parsed (made valid)."""
    for e in rec["events"]:
        for f in e["figures"]:
            _check_span(text, f["start"], f["end"], "figure", f["text"])
            for m in f["mentions"]:
                _check_span(text, m["start"], m["end"], "figure mention")
        for ev in e["evidence"]:
            _check_span(text, ev["start"], ev["end"], "evidence")
        for key in ("date", "location"):
            part = e.get(key)
            if part and "text_start" in part:
                _check_span(text, part["text_start"], part["text_end"], key, part["text"])
        for a in e["actors"]:
            if "text_start" in a:
                _check_span(text, a["text_start"], a["text_end"], "actor", a["text"])


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(json_schema())


def test_fuzz_texts_extract_to_valid_records(extractor, validator, monkeypatch):
    print(f"fuzz seed {SEED} (SITREP_FUZZ_SEED={SEED} replays it), {N_TEXTS} texts")
    rng = random.Random(SEED)
    for k in range(N_TEXTS):
        text = fuzz_text(rng)
        published = rng.choice((None, date(2024, 1, 15) + timedelta(days=rng.randint(-20000, 2000))))
        monkeypatch.setattr(nlp, "MAX_PART_CHARS", rng.choice((nlp.MAX_PART_CHARS, rng.randint(40, 600))))
        where = f"seed {SEED}, text {k}: {text[:300]!r}"
        try:
            rec = record_to_dict(extractor.extract(Article(id=f"fuzz-{k}", text=text, published=published)))
            json.dumps(rec, ensure_ascii=False).encode("utf-8")  # valid text all through
        except Exception as e:  # noqa: BLE001 - any exception is the finding; the message says which text
            raise AssertionError(f"{where}: {type(e).__name__}: {e}") from e
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, f"{where}: {errors[0].message}"
        try:
            check_offsets(nlp.valid_text(text), rec)
        except AssertionError as e:
            raise AssertionError(f"{where}: {e}") from None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 99999999999999999999 people in Kano on Friday, police said.",
        "Gunmen killed " + "9" * 400 + " people in Kano on Friday, police said.",
        "Gunmen killed 12 people\ud800 in Kano on Friday, police said.",
        "\udc80\ud800 " * 50,
        "killed" * 5000,
        "At least 5 people were killed. " * 200,  # more than one part
    ],
)
def test_fuzz_reproductions_extract(extractor, validator, monkeypatch, text):
    """The crashes of issue 11, and the kinds of text behind them, as fixed cases (in parts of 2,000 characters)."""
    monkeypatch.setattr(nlp, "MAX_PART_CHARS", 2000)
    rec = record_to_dict(extractor.extract(Article(id="t", text=text, published=date(2024, 1, 15))))
    assert not list(validator.iter_errors(rec))
    check_offsets(nlp.valid_text(text), rec)
    assert all(f["max"] is None or f["max"] <= 1_000_000_000 for e in rec["events"] for f in e["figures"])
