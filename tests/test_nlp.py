"""The NLP stage: the pinned English pipeline, checked at load, with line breaks as sentence ends."""
from __future__ import annotations

import pytest

from sitrep.nlp import MODEL_VERSION, ModelError, check_meta, split_words


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
