"""The extraction pipeline: an article in, a `Record` out.

The NLP model loads once per `Extractor`; texts go through it in batches. Every stage after it is a pure function
of the parsed text, in this order:

    nlp -> figures (statements) -> attribution -> grouping (events) -> consolidate (figures) -> events
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.attribution import attribute
from sitrep.consolidate import consolidate
from sitrep.events import build_events
from sitrep.figures import find_mentions
from sitrep.grouping import group
from sitrep.model import Article, Record
from sitrep.nlp import NLP, Parsed


def extract_parsed(article: Article, parsed: Parsed) -> Record:
    """Run every stage after the NLP on one parsed article."""
    mentions = find_mentions(parsed)
    speakers = attribute(parsed, mentions)
    frames = group(parsed, mentions)
    figures = consolidate(parsed, frames)
    events = build_events(article, parsed, frames, figures, speakers)
    return Record(article=article, events=events)


class Extractor:
    """Reads reports into records. Build one and reuse it: it holds the loaded NLP model."""

    def __init__(self, nlp: NLP | None = None):
        self.nlp = nlp or NLP()

    def extract(self, article: Article) -> Record:
        return extract_parsed(article, self.nlp.parse(article.text))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order; the NLP runs over the texts in batches."""
        for article, parsed in self.nlp.parse_articles(articles):
            yield extract_parsed(article, parsed)
