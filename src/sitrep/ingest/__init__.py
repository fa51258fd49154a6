"""Ingest: reports from corpus folders, text, HTML, JSON Lines and RSS/Atom feeds (files or URLs), as Articles.

`read_inputs(paths)` yields an `Article` for every report it can read and an `InputError` (naming the file, line
or URL and what is wrong) for every one it cannot, in input order, so that a bad input never stops the rest.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.ingest.files import InputError, read_corpus, read_text_file
from sitrep.model import Article

__all__ = ["InputError", "read_inputs"]


def read_inputs(paths: Iterable[str], fetcher=None) -> Iterator[Article | InputError]:
    """Articles from each path or URL, by kind: a folder is a corpus; .html/.htm, .jsonl, .xml/.rss/.atom and
    http(s) URLs are what they say; anything else is a plain-text report."""
    from sitrep.ingest.feeds import read_feed, read_feed_url
    from sitrep.ingest.html import read_html_file
    from sitrep.ingest.jsonl import read_jsonl

    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield from read_feed_url(raw, fetcher)
            continue
        path = Path(raw)
        suffix = path.suffix.lower()
        try:
            if path.is_dir():
                yield from read_corpus(path)
            elif suffix in (".html", ".htm"):
                yield read_html_file(path)
            elif suffix == ".jsonl":
                yield from read_jsonl(path)
            elif suffix in (".xml", ".rss", ".atom", ".feed"):
                yield from read_feed(path, fetcher)
            else:
                yield read_text_file(path)
        except InputError as e:
            yield e
