"""The pipeline's declared stages: the order is checked once, when the pipeline is built."""
from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline, PipelineError, Stage, Work, default_stages


def test_default_stages_build():
    assert [s.name for s in Pipeline(default_stages()).stages][:2] == ["incidents", "mentions"]


def test_a_stage_that_requires_what_no_earlier_stage_assigns_is_named():
    stages = default_stages()
    swapped = [stages[1], stages[3], stages[2]] + stages[4:]  # frames before incidents and speakers
    with pytest.raises(PipelineError, match="'frames' requires"):
        Pipeline(swapped)


def test_a_field_assigned_twice_is_named():
    again = Stage("again", ("parsed",), ("mentions",), lambda parsed: {"mentions": []})
    with pytest.raises(PipelineError, match="'again' assigns"):
        Pipeline(default_stages()[:2] + [again])


def test_unknown_fields_are_named():
    with pytest.raises(PipelineError, match="unknown"):
        Pipeline([Stage("odd", ("parsed",), ("colour",), lambda parsed: {"colour": 1})])


def test_a_stage_that_writes_other_fields_than_declared_is_named(extractor):
    liar = Stage("liar", ("parsed",), ("incidents",), lambda parsed: {"mentions": []})
    parsed = extractor.nlp.parse("Gunmen attacked a village.")
    with pytest.raises(PipelineError, match="'liar' assigned"):
        Pipeline([liar])(Work(article=None, parsed=parsed))


def test_a_stage_writes_its_own_fields_and_leaves_earlier_ones_as_made(extractor):
    """Who gave each figure is written on the speakers stage's own copies (`sourced`): the mentions stage's mentions
    stay as that stage made them."""
    from sitrep.model import Article

    text = "Gunmen killed 12 villagers in Zamfara state on Sunday, police said. The toll could not be verified."
    work = extractor.pipeline(Work(Article(id="t", text=text), extractor.nlp.parse(text)))
    assert [(m.source, m.confirmed) for m in work.mentions] == [(None, None)]
    assert [(m.source, m.confirmed) for m in work.sourced] == [("police", False)]
    assert [(f.source, f.confirmed) for e in work.events for f in e.figures] == [("police", False)]


@pytest.mark.parametrize("outlet,country", [
    (None, "SO"),                        # Al-Shabaab alone points to Somalia and Kenya alike: the first of them
    ("The Star (Kenya)", "KE"),          # the outlet's country settles the tie
    ("Daily Star (Bangladesh)", "SO"),   # an outlet's country the text gives no cue for changes nothing
])
def test_the_outlet_reaches_the_geoparser_as_a_weak_country_cue(extractor, outlet, country):
    from sitrep.model import Article

    text = "Al-Shabaab militants attacked a police post overnight; two officers were killed."
    work = extractor.pipeline(Work(Article(id="t", text=text, outlet=outlet), extractor.nlp.parse(text)))
    assert [e.location.country for e in work.events] == [country]


def test_an_article_takes_its_date_as_callers_have_it_and_names_what_is_no_date(extractor):
    from datetime import date, datetime

    from sitrep.model import Article

    text = "Gunmen killed 4 people in Kaduna on Saturday, police said."
    as_text = extractor.extract(Article(id="a", text=text, published="2024-05-06"))
    as_time = extractor.extract(Article(id="b", text=text, published=datetime(2024, 5, 6, 14, 30)))
    assert as_text.events[0].date.start == as_time.events[0].date.start == date(2024, 5, 4)
    with pytest.raises(ValueError, match="is no date"):
        Article(id="c", text=text, published="last Tuesday")
    with pytest.raises(TypeError, match="text must be a str"):
        Article(id="d", text=b"bytes")
