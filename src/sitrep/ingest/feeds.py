"""RSS and Atom feeds, as files or URLs: each entry is a report.

An entry whose feed carries the full text is read from the feed; one that carries only a summary is read from its
link, fetched politely (sitrep.ingest.fetch) and extracted with trafilatura. A feed that is not a feed is an error
naming it; an entry that cannot be read is an error naming the entry; the others go on.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from sitrep.ingest.fetch import fetch
from sitrep.ingest.fields import published_date
from sitrep.ingest.files import InputError, short_id
from sitrep.ingest.html import article_from_html
from sitrep.model import Article

FULL_TEXT_CHARS = 300  # an entry with less text than this is a teaser: its article is fetched


def read_feed(path: Path, fetcher: Callable[[str], bytes] | None = None) -> Iterator[Article | InputError]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), f"cannot be read ({e.strerror or e})")
        return
    yield from _entries(data, str(path), fetcher or fetch)


def read_feed_url(url: str, fetcher: Callable[[str], bytes] | None = None) -> Iterator[Article | InputError]:
    get = fetcher or fetch
    try:
        data = get(url)
    except InputError as e:
        yield e
        return
    yield from _entries(data, url, get)


def _entries(data: bytes, where: str, get: Callable[[str], bytes]) -> Iterator[Article | InputError]:
    import feedparser

    if not data.strip():  # a file caught half-written, or a server that answered nothing: no feed at all
        yield InputError(where, "is empty: not an RSS or Atom feed")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f"is not an RSS or Atom feed ({feed.bozo_exception})" if feed.get("bozo") else "is a feed with no entries"
        yield InputError(where, problem)
        return
    outlet = (feed.feed.get("title") or None) if feed.get("feed") else None
    for n, entry in enumerate(feed.entries, 1):
        label = f"{where} entry {n}"
        try:
            yield _entry_article(entry, label, outlet, get)
        except InputError as e:
            yield e


def _entry_article(entry, label: str, outlet: str | None, get: Callable[[str], bytes]) -> Article:
    link = entry.get("link")
    title = entry.get("title")
    published = _published(entry)
    article_id = _entry_id(entry)
    content = ""
    if entry.get("content"):
        content = " ".join(c.get("value", "") for c in entry["content"])
    content = content or entry.get("summary", "")
    plain = _strip_tags(content)
    if len(plain) >= FULL_TEXT_CHARS or not link:
        if not plain.strip():
            raise InputError(label, "has no text and no link to read")
        heading = html.escape(title or "", quote=False)
        page = f"<html><body><h1>{heading}</h1><article>{content}</article></body></html>"
        return article_from_html(page, label, article_id, url=link, published=published, title=title, outlet=outlet)
    page = get(link)
    return article_from_html(page, link, article_id, url=link, published=published, title=title, outlet=outlet)


def _entry_id(entry) -> str:
    key = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return short_id(key)


def _published(entry) -> date | None:
    """The entry's day; None when it has none, or one outside the dates a report can have (a feed's typo)."""
    for field in ("published_parsed", "updated_parsed"):
        t = entry.get(field)
        if t:
            try:
                return published_date(date(t.tm_year, t.tm_mon, t.tm_mday))
            except ValueError:
                return None
    return None


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup or "")
