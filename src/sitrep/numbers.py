"""Numbers in running text, with the report's hedging kept as a range (SPEC §2's table).

"up to 500" -> (None, 500, up_to); "at least 12" -> (12, None, at_least); "dozens" -> (24, None, vague);
"between 10 and 15" -> (10, 15, range). Numbers that are not counts of people (years, ages, money, percentages,
durations, distances) are left out here; whether a count is a casualty figure is decided in `sitrep.figures`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from sitrep import lexicon
from sitrep.nlp import Parsed, Token

MAX_PHRASE_WORDS = 12  # "two hundred and fifty-five thousand, three hundred" is 10; more is a list, not a number


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Number words, hedges and the marks of numbers that count no people (data/numbers.toml, data/context.toml)."""

    vague: dict[str, int]
    words: dict[str, float]
    multipliers: dict[str, int]
    hedges: dict[str, str]
    hedge_phrases: lexicon.Phrases
    vague_phrases: lexicon.Phrases
    range_joiners: frozenset[str]
    max_count: int
    not_count_entities: frozenset[str]
    not_count_before: frozenset[str]
    not_count_after: frozenset[str]
    ordinals: frozenset[str]
    units: frozenset[str]
    # The words a count can start with besides a number-like token ("dozens", "a dozen", "half a million",
    # "several hundred"): a token that is neither is passed over without reading the rules.
    starts: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    """The tables, read once when the pipeline first reads a number, not when the module is imported."""
    num, ctx = lexicon.load("numbers"), lexicon.load("context")["not_counts"]
    return Vocabulary(
        vague=num["vague"], words=num["words"], multipliers=num["multipliers"], hedges=num["hedges"],
        hedge_phrases=lexicon.Phrases(list(num["hedges"])), vague_phrases=lexicon.Phrases(list(num["vague"])),
        range_joiners=frozenset(num["ranges"]["joiners"]), max_count=num["bounds"]["max_count"],
        not_count_entities=frozenset(ctx["entities"]), not_count_before=frozenset(ctx["before"]),
        not_count_after=frozenset(ctx["after"]), ordinals=frozenset(ctx["ordinals"]),
        units=frozenset(num["units"]["words"]) | frozenset(ctx["after"]),
        starts=frozenset(w.split()[0].lower() for w in num["vague"]) | frozenset(num["multipliers"])
        | {"a", "an", "several", "few", "half"},
    )


_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count in the text: its range, the hedge that gave it, and where it sits."""

    min: int | None
    max: int | None
    qualifier: str
    start: int  # first token, hedge included
    end: int  # token after the last
    head: int  # the token the parser hangs the number on
    vague_word: bool = False  # "dozens", "hundreds": a conventional bound, not a stated number

    @property
    def headline(self) -> int | None:
        return self.max if self.max is not None else self.min


_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def number_value(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words: "8,000", "1.5 million", "twenty-five", "a dozen";
    None for no number, or for one above `max_count` of data/numbers.toml (no count of people is that large)."""
    if not words or len(words) > MAX_PHRASE_WORDS:
        return None
    words = [w.lower() for w in words if w not in ("-", "–")]
    value: float | None = None
    rest = words
    if _DIGITS.match(words[0]):
        # "8.000" and "10.500.000" group thousands with dots (as most of Europe writes them); a count of people has
        # no thousandths, so three digits after each dot are a group, not decimals ("1.5 million" stays 1.5).
        digits = words[0].replace(",", "") if not _DOTTED_THOUSANDS.fullmatch(words[0]) else words[0].replace(".", "")
        value = float(digits)
        rest = words[1:]
    elif words[0] in vocabulary().words and len(words) > 1:
        value = float(vocabulary().words[words[0]])
        rest = words[1:]
        if rest and rest[0] in ("a", "an"):  # "half a million"
            rest = rest[1:]
    else:
        # Longest prefix of number words that text2num reads.
        for k in range(len(words), 0, -1):
            try:
                value = float(text2num(" ".join(words[:k]), "en"))
            except ValueError:
                continue
            rest = words[k:]
            break
        if value is None and words[0] in vocabulary().words and words[0] not in ("a", "an", "half"):
            value, rest = float(vocabulary().words[words[0]]), words[1:]
    if value is None:
        return None
    for w in rest:
        if w in vocabulary().multipliers:
            value *= vocabulary().multipliers[w]
        elif w == "of":
            continue
        else:
            break
    return value if math.isfinite(value) and value <= vocabulary().max_count else None


def _is_numberish(t: Token) -> bool:
    return (t.like_num and t.lower not in vocabulary().ordinals and not t.lower.endswith(("st", "nd", "rd", "th"))) or (
        t.lower in vocabulary().multipliers
    )


def _is_word_number(t: Token) -> bool:
    return t.lower in _SMALL_WORDS or t.lower in ("hundred", "thousand")


def _phrase_end(toks: list[Token], k: int) -> int:
    """Index after the number phrase starting at k: "1.5 million", "two hundred and fifty", "twenty-five"."""
    n = len(toks)
    j = k + 1
    while j < n:
        cur, prev = toks[j], toks[j - 1]
        if cur.lower in vocabulary().multipliers and not (cur.lower in ("m", "bn") and not _DIGITS.match(prev.lower)):
            j += 1
        elif cur.lower == "a" and prev.lower == "half":
            j += 1
        elif _is_word_number(cur) and _is_word_number(prev):
            j += 1
        elif cur.lower in ("-", "and") and j + 1 < n and _is_word_number(toks[j + 1]) and _is_word_number(prev) and (
            cur.lower == "-" or prev.lower in ("hundred", "thousand")
        ):
            j += 2
        else:
            break
    return j


_SMALL_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety",
}


def _not_a_count(toks: list[Token], a: int, b: int) -> bool:
    """Years, ages, money, percentages, durations and distances are not counts of people."""
    if _day_of_month(toks, a, b):
        return True
    if any(t.ent in vocabulary().not_count_entities for t in toks[a:b]) and not _mislabelled_count(toks, a, b) \
            and not _after_whole_date(toks, a) and not _before_weekday(toks, b):
        return True
    before = vocabulary().not_count_before
    if a > 0 and (toks[a - 1].lower in before or toks[a - 1].text in before):
        return True
    after = [t.lower for t in toks[b : b + 3]]
    if after and after[0] in vocabulary().not_count_after:
        return True
    if len(after) >= 2 and after[0] in ("-", "–") and after[1] in vocabulary().not_count_after:
        return True
    first = toks[a].text
    if re.fullmatch(r"(19|20)\d\d", first) and b == a + 1:
        return True  # a bare year
    return False


def _is_day(t: Token) -> bool:
    """A day of a month in digits ("8", "31"); not "²", which `str.isdigit` takes for a digit."""
    return re.fullmatch(r"[0-9]{1,2}", t.text) is not None and 1 <= int(t.text) <= 31


def _month(t: Token) -> bool:
    """A month's name as written, capitalised ("May", not the modal "may"; "Feb." or "Feb")."""
    return t.text[:1].isupper() and t.lower.removesuffix(".") in lexicon.MONTHS


def _weekday(t: Token) -> bool:
    return t.text[:1].isupper() and t.lower in lexicon.WEEKDAYS


def _day_of_month(toks: list[Token], a: int, b: int) -> bool:
    """"Around 19 May 2022, a herder was found dead": a day number right before a month's name is the day of a date,
    not a count, whatever the tagger made of it (here the passive subject of "found")."""
    return b == a + 1 and b < len(toks) and _is_day(toks[a]) and _month(toks[b]) \
        and toks[b].sent == toks[a].sent


def _after_whole_date(toks: list[Token], a: int) -> bool:
    """"14 Feb. 6 killed by raiders": a number after a month that has its day before it is no part of that date
    (which the tagger reads as "Feb. 6"), but a count of what follows."""
    return a >= 2 and _month(toks[a - 1]) and _is_day(toks[a - 2]) \
        and not re.fullmatch(r"(1[89]|20)\d\d", toks[a].text)


def _before_weekday(toks: list[Token], b: int) -> bool:
    """"killed five and wounded 19 Tuesday": a number right before a weekday's name is no part of a date
    (a date puts the day number after the weekday), but a count the tagger joined to the day."""
    return b < len(toks) and _weekday(toks[b])  # a bare year before it is caught below


_RANGE_WORDS = {"between", "and", "to", "or", "-", "–", "about", "around", "some", "nearly", "over", "up", "almost"}


def _mislabelled_count(toks: list[Token], a: int, b: int) -> bool:
    """A bare number the entity tagger called a DATE ("put the toll at 46"): no date word beside it; or a QUANTITY
    with no unit ("1 KRF fighter", "40 warders": the tagger took the group's name for a unit)."""
    labels = {t.ent for t in toks[a:b]}
    if labels - {"DATE", "TIME", "QUANTITY", ""}:
        return False
    quantity = labels <= {"QUANTITY", ""}
    for k in range(max(0, a - 2), min(len(toks), b + 3)):
        t = toks[k]
        if quantity and t.lower not in vocabulary().units:
            continue  # a quantity is told by its unit; dates beside it tell nothing of it
        if not a <= k < b and t.ent in ("DATE", "TIME", "QUANTITY") and not t.like_num and t.lower not in _RANGE_WORDS:
            return False
    text = toks[a].text
    return not re.fullmatch(r"(1[89]|20)\d\d", text)


def find_quantities(parsed: Parsed, sent: int) -> list[Quantity]:
    """Every count of something in sentence `sent`, with its hedge and range."""
    toks = parsed.sentence_tokens(sent)
    words = [t.lower for t in toks]
    out: list[Quantity] = []
    starts = vocabulary().starts
    k, n = 0, len(toks)
    while k < n:
        if not toks[k].like_num and words[k] not in starts:
            k += 1
            continue
        q, b = _quantity_at(parsed, toks, words, k)
        if q is not None:
            out.append(q)
        k = max(b, k + 1)
    return out


def _quantity_at(parsed: Parsed, toks: list[Token], words: list[str], k: int) -> tuple[Quantity | None, int]:
    """The quantity starting at token k of the sentence, if any, and the index after it."""
    n = len(toks)
    w = words[k]
    vague = vocabulary().vague_phrases.at(words, k)
    if vague and _vague_is_count(toks, k):
        b = k + len(vague)
        a, qual = _hedge(words, k)
        lo = vocabulary().vague[" ".join(vague)]
        rng = (None, lo) if qual == "up_to" else (lo, None)
        return _make(toks, rng, qual if qual in ("at_least", "up_to") else "vague", a, k, b, vague=True), b
    starts = (_is_numberish(toks[k]) and w not in vocabulary().multipliers) or (
        w in ("a", "an", "several", "few") and k + 1 < n and words[k + 1] in ("dozen", "hundred", "thousand", "million")
    ) or (w == "half" and k + 2 < n and words[k + 1] == "a" and words[k + 2] in vocabulary().multipliers)
    # "that one", "no one": a pronoun; but "confirmed that one man died" (a complementizer "that") counts.
    if not starts or (w == "one" and k > 0 and words[k - 1] in ("no", "every", "any", "each", "this", "that")
                      and toks[k - 1].dep != "mark"):
        return None, k + 1
    b = _phrase_end(toks, k)
    if _not_a_count(toks, k, b):
        return None, b
    a, qual = _hedge(words, k)
    if w in ("several", "few"):  # "several dozen": at least two dozen; "a few hundred" likewise
        return _make(toks, (2 * vocabulary().multipliers[words[k + 1]], None), "vague", a, k, b, vague=True), b
    value = number_value(words[k:b])
    if value is None:
        return None, b
    lo = hi = int(round(value))
    # Ranges: "between 10 and 15", "10 to 15", "10-15", "two or three".
    v = vocabulary()
    if b + 1 < n and words[b] in v.range_joiners and _is_numberish(toks[b + 1]) and words[b + 1] not in v.multipliers:
        between = k > 0 and words[k - 1] == "between"
        if words[b] != "and" or between:
            c = _phrase_end(toks, b + 1)
            v2 = None if _not_a_count(toks, b + 1, c) else number_value(words[b + 1 : c])
            if v2 is not None and v2 > value:
                return _make(toks, (lo, int(round(v2))), "range", k - 1 if between else a, k, c), c
    if qual == "at_least":
        rng: tuple[int | None, int | None] = (lo, None)
    elif qual == "up_to":
        rng = (None, hi)
    else:
        rng, qual = (lo, hi), qual or "exact"
    return _make(toks, rng, qual, a, k, b), b


def _make(toks: list[Token], rng: tuple[int | None, int | None], qual: str, a: int, k: int, b: int,
          vague: bool = False) -> Quantity:
    return Quantity(rng[0], rng[1], qual, toks[a].i, toks[b - 1].i + 1, _head_of(toks, k, b), vague)




def _vague_is_count(toks: list[Token], k: int) -> bool:
    """"hundreds of people", "scores were injured": yes. "test scores", "Hundreds Street": no."""
    t = toks[k]
    if t.pos == "PROPN" or t.ent in vocabulary().not_count_entities:
        return False
    if k > 0 and toks[k - 1].pos in ("NOUN", "PROPN", "ADJ") and toks[k - 1].lower not in ("the", "of"):
        return toks[k - 1].lower in ("to", "killing")  # "rose to hundreds"
    return True


def _hedge(words: list[str], k: int) -> tuple[int, str]:
    """The hedge just before token k ("at least", "up to", "about") and where it starts."""
    ph = vocabulary().hedge_phrases.before(words, k)
    if ph is None:
        return k, ""
    return k - len(ph), vocabulary().hedges[" ".join(ph)]


def _head_of(toks: list[Token], a: int, b: int) -> int:
    """The phrase's token whose parser head lies outside the phrase: how the number attaches to the sentence."""
    lo, hi = toks[a].i, toks[b - 1].i
    for t in toks[a:b]:
        if not lo <= t.head <= hi or t.head == t.i:
            return t.i
    return toks[b - 1].i
