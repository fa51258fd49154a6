"""`sitrep watch`: follow RSS/Atom feeds and tell each new event and each revised toll as it is stored.

Each poll asks every feed that is due for what changed (HTTP: If-None-Match / If-Modified-Since with the ETag and
Last-Modified it answered last; a file: its size and modification time), ingests what it gives with the ordinary
ingest (new entries stored, changed ones stored as updates), merges once, and compares the merged events with the
look before (sitrep.report.changes). A feed that fails is reported and retried later, waiting longer after each
failure (1, 2, 4 ... minutes, at most the polling interval times 8); the other feeds go on. What each feed answered
is kept beside the store (DB.watch.json), so `--once` from cron asks politely too. Every stored batch is one
transaction and the merge replaces the merged events in one, so stopping at any point leaves whole reports.
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.ingest.fetch import MAX_BYTES, USER_AGENT, fetch
from sitrep.ingest.files import InputError
from sitrep.report.changes import Change, compare, describe, snapshot
from sitrep.store.db import Store, merge_store
from sitrep.store.queries import EventFilter, event_articles, find_events

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".feed")
FIRST_RETRY = 60.0  # seconds after a first failure; doubled after each further one


@dataclass(slots=True)
class FeedState:
    """What a feed answered last, and when to ask it again."""
    source: str
    etag: str | None = None
    last_modified: str | None = None
    file_stamp: list[int] | None = None  # [size, mtime_ns] of a feed file when last read
    failures: int = 0
    next_try: float = 0.0  # time.time() before which the feed is not asked again
    last_error: str | None = None


@dataclass(slots=True)
class Poll:
    """One round over the feeds: what was stored, what changed, what failed."""
    new: int = 0
    updated: int = 0
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # feeds that failed this round (messages)
    entry_errors: list[str] = field(default_factory=list)  # entries that could not be read (the feed went on)
    not_modified: int = 0


def parse_every(text: str) -> float:
    """'15m', '1h', '90s', '2h30m' or plain seconds -> seconds; ValueError says what is wrong."""
    import re

    s = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", s):
        seconds = float(s)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)\s*([hms])", s)
        if not parts or "".join(f"{n}{u}" for n, u in parts) != re.sub(r"\s+", "", s):
            raise ValueError(f"{text!r} is not a duration: give e.g. 15m, 1h, 90s")
        seconds = sum(float(n) * {"h": 3600, "m": 60, "s": 1}[u] for n, u in parts)
    if seconds < 1:
        raise ValueError("the interval must be at least 1 second")
    return seconds


class Watcher:
    def __init__(self, store: Store, sources: list[str], extractor=None, every: float = 900.0,
                 timeout: float = 15.0, state_path: Path | None = None,
                 clock: Callable[[], float] = time.time):
        for s in sources:
            if not s.startswith(("http://", "https://")) and Path(s).suffix.lower() not in FEED_SUFFIXES:
                raise ValueError(f"{s}: give a feed URL (http/https) or a feed file ({', '.join(FEED_SUFFIXES)})")
        self.store, self.extractor, self.every, self.timeout, self.clock = store, extractor, every, timeout, clock
        self.state_path = state_path if state_path is not None else Path(str(store.path) + ".watch.json")
        saved = self._load_state()
        self.feeds = {s: saved.get(s) or FeedState(s) for s in sources}
        self._pending: dict[str, Any] = {}  # what a feed answered, kept once its entries are stored
        self.unmerged = False  # reports may have been stored since the last merge (an interrupted round)

    # ------------------------------------------------------------ state kept beside the store
    def _load_state(self) -> dict[str, FeedState]:
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {k: FeedState(**v) for k, v in raw.get("feeds", {}).items()}
        except (OSError, ValueError, TypeError):
            return {}  # none yet, or unreadable: ask every feed afresh

    def _save_state(self) -> None:
        from sitrep.export import write_atomic

        if str(self.store.path) == ":memory:":
            return
        data = {"feeds": {k: asdict(v) for k, v in self.feeds.items()}}
        try:
            write_atomic(self.state_path, lambda tmp: tmp.write_text(json.dumps(data, indent=1), encoding="utf-8"))
        except OSError:
            pass  # the next run asks every feed again: slower, never wrong

    # ------------------------------------------------------------ one round
    def due(self) -> list[FeedState]:
        now = self.clock()
        return [f for f in self.feeds.values() if f.next_try <= now]

    def next_due(self) -> float:
        """Seconds until the next feed is due: its interval after it answered, its backoff after it failed."""
        now = self.clock()
        return max(min((f.next_try for f in self.feeds.values()), default=now + self.every) - now, 0.0)

    def poll(self, every_feed: bool = False) -> Poll:
        """Ask each due feed (every_feed: each feed, as `--once` does) once; store what is new; merge; return the
        changes. Never raises for a feed."""
        result = Poll()
        before: list[dict[str, Any]] | None = None
        for feed in (list(self.feeds.values()) if every_feed else self.due()):
            try:
                source = self._ask(feed)
            except InputError as e:
                self._failed(feed, str(e), result)
                continue
            if source is None:
                result.not_modified += 1
                self._ok(feed)
                continue
            if before is None:
                before = self.look()
            self.unmerged = True
            try:
                self._ingest(feed, source, result)
            except Exception as e:  # one feed's trouble must not stop the others
                self._failed(feed, f"{feed.source}: {type(e).__name__}: {e}", result)
        if before is not None and (result.new or result.updated):
            self.finish()
            result.changes = compare(before, self.look())
        self._save_state()
        return result

    def finish(self) -> None:
        """Merge what was stored since the last merge (after a round, or when stopped part-way)."""
        if self.unmerged:
            merge_store(self.store)
            self.unmerged = False

    def look(self) -> list[dict[str, Any]]:
        """Every merged event as a snapshot (figures and reports), to compare with the next look."""
        con = self.store.con
        articles = event_articles(con)
        return [snapshot(r, articles.get(r["merged_id"], [])) for r in find_events(con, EventFilter())]

    def _ask(self, feed: FeedState) -> Callable[[str], bytes] | str | None:
        """What to ingest from this feed: None when it has not changed since asked last."""
        if not feed.source.startswith(("http://", "https://")):
            try:
                st = os.stat(feed.source)
            except OSError as e:
                raise InputError(feed.source, f"cannot be read ({e.strerror or e})") from None
            stamp = [st.st_size, st.st_mtime_ns]
            if stamp == feed.file_stamp:
                return None
            self._pending[feed.source] = stamp
            return feed.source
        headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml, "
                                                          "text/xml;q=0.9, */*;q=0.5"}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        req = urllib.request.Request(feed.source, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read(MAX_BYTES + 1)
                etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        except urllib.error.HTTPError as e:
            if e.code == 304:
                return None
            raise InputError(feed.source, f"could not be fetched: HTTP {e.code} {e.reason}") from None
        except urllib.error.URLError as e:
            raise InputError(feed.source, f"could not be fetched: {e.reason}") from None
        except TimeoutError:
            raise InputError(feed.source, f"could not be fetched: no answer within {self.timeout:g} s") from None
        except OSError as e:
            raise InputError(feed.source, f"could not be fetched: {e}") from None
        if len(body) > MAX_BYTES:
            raise InputError(feed.source, f"is larger than {MAX_BYTES // 1_000_000} MB: not a feed")
        self._pending[feed.source] = (etag, modified)

        def fetcher(url: str) -> bytes:  # the feed itself as just fetched; its articles' pages politely
            return body if url == feed.source else fetch(url, timeout=self.timeout)

        return fetcher

    def _ingest(self, feed: FeedState, source, result: Poll) -> None:
        from sitrep.ingest.run import ingest

        if callable(source):
            report = ingest([feed.source], self.store, self.extractor, merge=False, fetcher=source)
        else:
            report = ingest([feed.source], self.store, self.extractor, merge=False)
        result.new += report.new
        result.updated += report.updated
        names = {feed.source, str(Path(feed.source))}
        # A feed with no entries today is not failing; one that is not a feed (any more) is.
        whole = [e for e in report.errors if e.where in names and not e.problem.startswith("is a feed with no")]
        result.entry_errors += [str(e) for e in report.errors if e.where not in names]
        if whole:  # the feed is not a feed (any more): a failure, retried later
            self._failed(feed, str(whole[0]), result)
            return
        pending = self._pending.pop(feed.source, None)
        if isinstance(pending, tuple):
            feed.etag, feed.last_modified = pending
        elif pending is not None:
            feed.file_stamp = pending
        self._ok(feed)

    def _ok(self, feed: FeedState) -> None:
        feed.failures, feed.next_try, feed.last_error = 0, self.clock() + self.every, None

    def _failed(self, feed: FeedState, message: str, result: Poll) -> None:
        feed.failures += 1
        wait = min(FIRST_RETRY * 2 ** (feed.failures - 1), max(self.every * 8, FIRST_RETRY))
        feed.next_try = self.clock() + wait
        feed.last_error = message
        result.errors.append(f"{message} (failure {feed.failures}; retried in {_duration(wait)})")


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def change_json(change: Change) -> dict[str, Any]:
    """A change as one JSON line: what happened, the event now, each revised category before and after."""
    return {"change": change.kind, "line": describe(change),
            "event": {k: v for k, v in change.event.items() if k != "articles"},
            "revisions": [{"category": r.category, "before": r.before, "after": r.after} for r in change.revisions]}
