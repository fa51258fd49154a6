"""The NLP stage: the pinned English pipeline, checked at load, with line breaks as sentence ends."""
from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.nlp import MODEL_VERSION, ModelError, check_meta, split_parts, split_words, valid_text


def test_nlp_model_is_the_measured_one(extractor):
    meta = extractor.nlp.meta
    assert meta["version"] == MODEL_VERSION == "3.8.0"
    assert meta["lang"] == "en"
    check_meta(meta)  # does not raise


@pytest.mark.parametrize(
    "meta,problem",
    [
        ({"lang": "en", "version": "3.7.1", "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]}, "version"),
        ({"lang": "de", "version": "3.8.0", "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]}, "language"),
        ({"lang": "en", "version": "3.8.0", "pipeline": ["tok2vec", "ner"]}, "components missing"),
    ],
)
def test_nlp_refuses_another_pipeline(meta, problem):
    with pytest.raises(ModelError, match=problem):
        check_meta(meta)


def test_nlp_line_breaks_end_sentences(extractor):
    parsed = extractor.nlp.parse("Five killed in raid on market\nGunmen opened fire on shoppers on Monday.")
    assert [parsed.sentence_text(s) for s in range(len(parsed.sents))] == [
        "Five killed in raid on market", "Gunmen opened fire on shoppers on Monday."]
    assert parsed.paragraph_of_sentence == [0, 1]


def test_nlp_batches_keep_input_order(extractor):
    texts = [f"Report number {k}: {k + 2} people were injured." for k in range(40)]
    parsed = list(extractor.nlp.parse_many(texts))
    assert [p.text for p in parsed] == texts


def test_nlp_split_words_like_report_text(extractor):
    for text in ("IS-K", "Islamic State-Khorasan", "U.S.-led coalition", "Jama'atu Ahlis Sunna"):
        assert split_words(text) == tuple(t.text for t in extractor.nlp.parse(text).tokens)


@pytest.mark.parametrize(
    "text,valid",
    [
        ("Five killed in Kano.", "Five killed in Kano."),
        ("Five killed\ud800 in Kano.", "Five killed\ufffd in Kano."),
        ("\udc80\ud800", "\ufffd\ufffd"),  # a broken pair: two bad code points, two replacements
        ("Écoles, 😀 and مدرسة", "Écoles, 😀 and مدرسة"),
        ("", ""),
    ],
)
def test_nlp_valid_text_replaces_each_bad_code_point_by_one(text, valid):
    assert valid_text(text) == valid
    assert len(valid_text(text)) == len(text)


def test_nlp_parses_text_with_a_lone_surrogate(extractor):
    text = "Gunmen killed 5 people\ud800 in Kano on Friday, police said."
    parsed = extractor.nlp.parse(text)
    assert parsed.text == valid_text(text)
    assert [t.text for t in parsed.tokens][:4] == ["Gunmen", "killed", "5", "people"]


@pytest.mark.parametrize(
    "text,limit,cuts",
    [
        ("One line.\nTwo line.\nThree line.", 25, [20]),  # after the last line break that fits
        ("One sentence. Two sentence. Three.", 30, [28]),  # else after a sentence end
        ("one two three four five six", 12, [8, 19]),  # else after a space
        ("x" * 25, 10, [10, 20]),  # else anywhere: a run without spaces
        ("short", 10, []),
    ],
)
def test_nlp_split_parts_cuts_at_boundaries(text, limit, cuts):
    spans = split_parts(text, limit)
    assert [a for a, _ in spans[1:]] == cuts
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= limit for a, b in spans)


def test_nlp_long_text_parsed_in_parts_points_at_its_words(extractor, monkeypatch):
    paragraphs = [f"Gunmen killed {k + 3} people in Kano on Friday, police said. Residents fled.\n\n" for k in range(30)]
    text = "".join(paragraphs) + "x" * 700 + " A final line without a stop"
    whole = extractor.nlp.parse(text)
    monkeypatch.setattr(nlp, "MAX_PART_CHARS", 300)
    parts = extractor.nlp.parse(text)
    assert len(split_parts(text, 300)) > 10
    assert parts.text == text
    for t in parts.tokens:
        assert text[t.idx : t.end] == t.text
        a, b = parts.sents[t.sent]
        assert a <= t.i < b and a <= t.head < b
    for e in parts.ents:
        assert text[e.start_char : e.end_char] == e.text == "".join(
            t.text + t.space_after for t in parts.tokens[e.start : e.end]).strip()
    # Cut at line breaks, the paragraphs are the same words (tags and entities may differ a little: the model
    # sees less context at a cut).
    n = len("".join(paragraphs))
    assert [(t.text, t.idx) for t in parts.tokens if t.idx < n] == [(t.text, t.idx) for t in whole.tokens if t.idx < n]
    assert max(len(t.text) for t in parts.tokens) <= 300


def test_nlp_batches_are_bounded_in_parts_and_characters():
    parts = [("x" * n, k) for k, n in enumerate([10, 10, 50, 5, 200, 1, 1, 1, 1])]
    batches = [[k for _, k in b] for b in nlp._batches(parts, 3, 60)]
    assert batches == [[0, 1], [2, 3], [4], [5, 6, 7], [8]]  # a part longer than the bound is a batch alone
