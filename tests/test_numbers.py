"""Numbers in digits and words, and the hedge -> range table of SPEC §2 (data/numbers.toml)."""
from __future__ import annotations

import pytest

from sitrep.numbers import find_quantities, number_value


@pytest.mark.parametrize(
    "words,value",
    [
        (["500"], 500), (["8,000"], 8000), (["1.5", "million"], 1_500_000), (["five"], 5), (["twenty", "-", "five"], 25),
        (["two", "hundred", "and", "fifty"], 250), (["a", "dozen"], 12), (["half", "a", "million"], 500_000),
        (["four", "dozen"], 48), (["3", "million"], 3_000_000), (["eleven"], 11), (["a", "hundred"], 100),
        # Thousands grouped with dots: no count of people has thousandths.
        (["8.000"], 8000), (["10.000"], 10_000), (["2.5"], 2.5),
    ],
)
def test_numbers_value(words, value):
    assert number_value(words) == value


@pytest.fixture(scope="module")
def quantities(extractor):
    def run(text):
        parsed = extractor.nlp.parse(text)
        return [(q.min, q.max, q.qualifier) for s in range(len(parsed.sents)) for q in find_quantities(parsed, s)]

    return run


@pytest.mark.parametrize(
    "text,expected",
    [
        ("They counted 500 people.", [(500, 500, "exact")]),
        ("They counted up to 500 people.", [(None, 500, "up_to")]),
        ("They counted as many as 500 people.", [(None, 500, "up_to")]),
        ("They counted nearly 500 people.", [(None, 500, "up_to")]),
        ("They counted fewer than 500 people.", [(None, 500, "up_to")]),
        ("They counted close on 500 people.", [(None, 500, "up_to")]),
        ("They counted nigh on 500 people.", [(None, 500, "up_to")]),
        ("They counted at least 500 people.", [(500, None, "at_least")]),
        ("They counted more than 500 people.", [(500, None, "at_least")]),
        ("They counted over 500 people.", [(500, None, "at_least")]),
        ("They counted about 500 people.", [(500, 500, "approx")]),
        ("They counted an estimated 500 people.", [(500, 500, "approx")]),
        ("They counted some 500 people.", [(500, 500, "approx")]),
        ("They counted between 400 and 500 people.", [(400, 500, "range")]),
        ("They counted 400 to 500 people.", [(400, 500, "range")]),
        ("They counted two or three people.", [(2, 3, "range")]),
        ("They counted dozens of people.", [(24, None, "vague")]),
        ("They counted scores of people.", [(40, None, "vague")]),
        ("They counted hundreds of people.", [(200, None, "vague")]),
        ("They counted thousands of people.", [(2000, None, "vague")]),
        ("They counted tens of thousands of people.", [(20000, None, "vague")]),
        ("They counted a dozen people.", [(12, 12, "exact")]),
        ("They counted several dozen people.", [(24, None, "vague")]),
        # not counts of people: years, ages, money, percentages, durations, distances, ordinals
        ("It began in 2014.", []),
        ("A 7-year-old boy was there.", []),
        ("It cost $300 million.", []),
        ("Turnout was 60 percent.", []),
        ("It lasted three days.", []),
        ("The village is 15km away.", []),
        ("It was the second attack.", []),
    ],
)
def test_numbers_hedges_and_ranges(quantities, text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "words,value",
    [
        (["1", "billion"], 1_000_000_000),  # numbers.toml bounds.max_count: kept
        (["1,000,000,001"], None),  # above it: no count of people
        (["99999999999999999999"], None),
        (["9" * 400], None),  # float infinity
        (["2", "billion"], None),
        (["9" * 30, "million"], None),
        (["one"] * 13, None),  # a list of number words, not a number
    ],
)
def test_numbers_value_is_bounded(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen killed 99999999999999999999 people in Kano.", []),
        ("Gunmen killed " + "9" * 400 + " people in Kano.", []),
        ("Gunmen killed 12 and 99999999999999999999 people in Kano.", [(12, 12, "exact")]),
        ("They counted between 10 and 99999999999999 people.", [(10, 10, "exact")]),
    ],
)
def test_numbers_huge_numbers_are_no_counts(quantities, text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a day number before a month's name is the day of a date, whatever the tagger makes of it
        ("Around 19 May 2022, a herder was found dead.", []),
        ("On 30 June bandits killed a herder.", []),
        # a number after a month that has its day before it counts what follows
        ("14 Feb. 6 killed by raiders.", [(6, 6, "exact")]),
        # no day of a month: counts, and a superscript digit is no day
        ("Raiders killed 31 farmers in May.", [(31, 31, "exact")]),
        ("Readings of ² May were lost.", []),
        # a number before a weekday is a count the tagger joined to the day
        ("The bomb killed five and wounded 19 Tuesday.", [(5, 5, "exact"), (19, 19, "exact")]),
    ],
)
def test_numbers_days_of_months_are_no_counts(quantities, text, expected):
    assert quantities(text) == expected
