"""The extraction pipeline: an article in, a `Record` out.

The NLP model loads once per `Extractor`; texts go through it in batches. Every stage after it is a pure function
of what earlier stages made, declared the way spaCy declares its components: each `Stage` names the fields of the
`Work` record it requires and the ones it assigns. `Pipeline` checks the order once, when it is built: a stage that
requires a field no earlier stage assigned, or assigns a field another already did, is named in a `PipelineError`.
While running, a stage returns its new fields and the pipeline writes them; a stage that returns other fields than
it declared is named too. The default order:

    nlp -> incidents (event words) -> mentions (figure statements) -> speakers, sourced (attribution) -> places
        -> frames (grouping into events: a report that moves to another place opens another) -> figures
        (consolidated) -> actors -> events
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from sitrep import dates, figures, numbers
from sitrep import incidents as event_words
from sitrep.actors import ActorBook, report_actors
from sitrep.actors import vocabulary as actor_vocabulary
from sitrep.attribution import attribute
from sitrep.attribution import rules as attribution_rules
from sitrep.consolidate import consolidate
from sitrep.events import build_events
from sitrep.figures import find_mentions
from sitrep.grouping import group
from sitrep.grouping import vocabulary as grouping_vocabulary
from sitrep.model import Article, Record
from sitrep.nlp import NLP, Parsed
from sitrep.places import Geoparser
from sitrep.places import rules as place_rules


class PipelineError(RuntimeError):
    """A stage breaks its contract: it requires what no earlier stage assigns, or assigns what it did not declare."""


@dataclass(slots=True)
class Work:
    """The typed record the stages fill, one field each, written once."""

    article: Article
    parsed: Parsed
    incidents: Any = None
    mentions: Any = None
    speakers: Any = None
    sourced: Any = None  # the mentions with who gave each and whether it is confirmed
    frames: Any = None
    figures: Any = None
    places: Any = None
    actors: Any = None
    events: Any = None


INPUTS = ("article", "parsed")
FIELDS = tuple(f.name for f in fields(Work))


@dataclass(frozen=True, slots=True)
class Stage:
    """One step: what it reads, what it writes, and the function that computes the writes from the reads."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[..., dict[str, Any]]


class Pipeline:
    """Stages in order, their contracts checked once at build time."""

    def __init__(self, stages: list[Stage]):
        have = set(INPUTS)
        for st in stages:
            unknown = set(st.requires + st.assigns) - set(FIELDS)
            if unknown:
                raise PipelineError(f"stage {st.name!r} names unknown fields {sorted(unknown)}")
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {st.name!r} requires {missing}, which no earlier stage assigns")
            again = [a for a in st.assigns if a in have]
            if again:
                raise PipelineError(f"stage {st.name!r} assigns {again}, already assigned before it")
            have |= set(st.assigns)
        self.stages = list(stages)

    def __call__(self, work: Work) -> Work:
        for st in self.stages:
            out = st.run(**{r: getattr(work, r) for r in st.requires})
            if set(out) != set(st.assigns):
                raise PipelineError(f"stage {st.name!r} assigned {sorted(out)}, declared {list(st.assigns)}")
            for k, v in out.items():
                setattr(work, k, v)
        return work


def default_stages(geoparser: Geoparser | None = None, book: ActorBook | None = None) -> list[Stage]:
    """sitrep's stages after the NLP, in order. Their word lists load here, when the pipeline is built, not when
    sitrep is imported (a user's actors file, $SITREP_ACTORS, is read with them)."""
    gazetteer = geoparser.gazetteer if geoparser is not None else None
    event_words.table()
    numbers.vocabulary()
    figures.vocab()
    dates.vocabulary()
    grouping_vocabulary()
    place_rules()
    attribution_rules()
    actor_vocabulary()

    # `incidents` is required by the stages that read the event words: `group` and `build_events` take them
    # through `sitrep.incidents.incidents(parsed)`, the memo on the parse the incidents stage filled, so they are
    # found once, by that stage, and the contract names who reads them.
    def frames(article, parsed, sourced, incidents, places):
        return {"frames": group(parsed, sourced, article.published, places[0] if places else None)}

    def speakers(parsed, mentions):
        said, sourced = attribute(parsed, mentions)
        return {"speakers": said, "sourced": sourced}

    def places(article, parsed):
        return {"places": geoparser.parse(parsed, article.outlet) if geoparser is not None else None}

    def actors(parsed, places):
        if geoparser is None:
            return {"actors": None}
        return {"actors": report_actors(parsed, gazetteer, places[1].top, book)}

    def events(article, parsed, incidents, frames, figures, speakers, places, actors):
        return {"events": build_events(article, parsed, frames, figures, speakers, places, gazetteer, actors)}

    return [
        Stage("incidents", ("parsed",), ("incidents",), lambda parsed: {"incidents": event_words.incidents(parsed)}),
        Stage("mentions", ("parsed",), ("mentions",), lambda parsed: {"mentions": find_mentions(parsed)}),
        Stage("speakers", ("parsed", "mentions"), ("speakers", "sourced"), speakers),
        Stage("places", ("article", "parsed"), ("places",), places),
        Stage("frames", ("article", "parsed", "sourced", "incidents", "places"), ("frames",), frames),
        Stage("figures", ("parsed", "frames"), ("figures",),
              lambda parsed, frames: {"figures": consolidate(parsed, frames)}),
        Stage("actors", ("parsed", "places"), ("actors",), actors),
        Stage("events", ("article", "parsed", "incidents", "frames", "figures", "speakers", "places", "actors"),
              ("events",), events),
    ]


def extract_parsed(article: Article, parsed: Parsed, geoparser: Geoparser | None = None,
                   book: ActorBook | None = None, pipeline: Pipeline | None = None) -> Record:
    """Run every stage after the NLP on one parsed article."""
    pipeline = pipeline or Pipeline(default_stages(geoparser, book))
    work = pipeline(Work(article, parsed))
    return Record(article=article, events=work.events)


class Extractor:
    """Reads reports into records. Build one and reuse it: it holds the loaded NLP model, the gazetteer and the
    checked pipeline of stages."""

    def __init__(self, nlp: NLP | None = None, geoparser: Geoparser | None = None, places: bool = True,
                 book: ActorBook | None = None):
        self.nlp = nlp or NLP()
        self.geoparser = (geoparser or Geoparser()) if places else None
        self.book = book  # None: the default book (with $SITREP_ACTORS)
        self.pipeline = Pipeline(default_stages(self.geoparser, self.book))

    def extract(self, article: Article) -> Record:
        return extract_parsed(article, self.nlp.parse(article.text), pipeline=self.pipeline)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order; the NLP runs over the texts in batches."""
        for article, parsed in self.nlp.parse_articles(articles):
            yield extract_parsed(article, parsed, pipeline=self.pipeline)
