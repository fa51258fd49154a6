"""The extraction pipeline: an article in, a `Record` out.

The NLP model loads once per `Extractor`; texts go through it in batches. Every stage after it is a pure function
of the parsed text, in this order:

    nlp -> figures (statements) -> attribution -> grouping (events) -> consolidate (figures) -> places, actors
        -> events (types, dates, places, actors)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.actors import ActorBook, report_actors
from sitrep.attribution import attribute
from sitrep.consolidate import consolidate
from sitrep.events import build_events
from sitrep.figures import find_mentions
from sitrep.grouping import group
from sitrep.model import Article, Record
from sitrep.nlp import NLP, Parsed
from sitrep.places import Geoparser


def extract_parsed(article: Article, parsed: Parsed, geoparser: Geoparser | None = None,
                   book: ActorBook | None = None) -> Record:
    """Run every stage after the NLP on one parsed article."""
    mentions = find_mentions(parsed)
    speakers = attribute(parsed, mentions)
    frames = group(parsed, mentions, article.published)
    figures = consolidate(parsed, frames)
    places = actors = None
    if geoparser is not None:
        places = geoparser.parse(parsed)
        actors = report_actors(parsed, geoparser.gazetteer, places[1].top, book)
    events = build_events(article, parsed, frames, figures, speakers, places,
                          geoparser.gazetteer if geoparser is not None else None, actors)
    return Record(article=article, events=events)


class Extractor:
    """Reads reports into records. Build one and reuse it: it holds the loaded NLP model and the gazetteer."""

    def __init__(self, nlp: NLP | None = None, geoparser: Geoparser | None = None, places: bool = True,
                 book: ActorBook | None = None):
        self.nlp = nlp or NLP()
        self.geoparser = (geoparser or Geoparser()) if places else None
        self.book = book  # None: the default book (with $SITREP_ACTORS)

    def extract(self, article: Article) -> Record:
        return extract_parsed(article, self.nlp.parse(article.text), self.geoparser, self.book)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order; the NLP runs over the texts in batches."""
        for article, parsed in self.nlp.parse_articles(articles):
            yield extract_parsed(article, parsed, self.geoparser, self.book)
