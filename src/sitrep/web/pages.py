"""The events pages kept ready in memory: every merged event's SPEC §3 JSON, newest first, with the columns the
filters read, in an in-memory DuckDB of the server's own.

Why: a fresh events page on the store joins the page's events to their links, report events and articles by text
keys; with 100,000 events and their reports that join, not Python, was a page's time (tens of ms), and 20 clients
asking for new pages queued behind it. The server's store changes only through the server (reads.Reads), so the
JSON of each event can be written once per state of the store: a page is then a top-N over integer positions with
the filter on a few columns, and the kept JSON texts of the rows it keeps (about 2 ms).

The index is built in a background thread when the server starts and again after each write; until it is ready
for the store's current state, pages come from the store as before (queries.page_json), with the same answer.
A store with more than `max_events` events is not indexed: the index holds about 1.3 KB an event (130 MB for
100,000 events with three reports each), and building it takes a few times that while it runs.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Any

from sitrep.store.queries import INDEX_SQL, EventFilter, where

MAX_EVENTS = 150_000
log = logging.getLogger(__name__)


class PageIndex:
    """The in-memory index of one state (version) of the store, rebuilt in the background when it changes."""

    def __init__(self, max_events: int = MAX_EVENTS, readers: int = 4):
        self.max_events = max_events
        self.readers = readers
        self._ready: tuple[int, Any, queue.Queue] | None = None  # (version, connection, cursors)
        self._lock = threading.Lock()
        self._wanted = -1
        self._thread: threading.Thread | None = None
        self._building = threading.Event()
        self._closed = False

    def refresh(self, store_con, version: int) -> None:
        """Build the index of this version of the store in a background thread (the last version asked wins)."""
        with self._lock:
            if self._closed:
                return
            self._wanted = version
            self._building.set()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, args=(store_con,), name="sitrep-pages",
                                                daemon=True)
                self._thread.start()

    def wait(self, version: int, timeout: float = 60.0) -> bool:
        """Whether the index of this version is ready, waiting for it up to timeout seconds (tests, benchmarks)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = self._ready
            if ready is not None and ready[0] == version:
                return True
            if not self._building.is_set() and (self._thread is None or not self._thread.is_alive()):
                return False  # not building, and not this version: too large, failed, or never asked
            time.sleep(0.01)
        return False

    def page(self, f: EventFilter, version: int, geojson: bool = False) -> tuple[int, str] | None:
        """(total, JSON array text) of the page, or None when the index is not the one of this version."""
        ready = self._ready
        if ready is None or ready[0] != version:
            return None
        import duckdb

        _, _, cursors = ready
        con = cursors.get()
        try:
            return _page(con, f, geojson)
        except duckdb.Error as e:  # replaced and closed meanwhile by a newer state's index: the store answers
            log.debug("page index: %s", e)
            return None
        finally:
            cursors.put(con)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            thread.join(timeout=30)
        self._drop()

    # ------------------------------------------------------------ building
    def _run(self, store_con) -> None:
        while True:
            with self._lock:
                if self._closed or self._wanted < 0:
                    self._building.clear()
                    return
                version, self._wanted = self._wanted, -1
            try:
                built = self._build(store_con)
            except Exception:  # the store is closing, or a query failed: pages come from the store
                log.exception("the events page index could not be built")
                built = None
            with self._lock:
                if self._wanted >= 0 and not self._closed:
                    if built is not None:
                        built.close()
                    continue  # written again meanwhile: build the newer state
                old, self._ready = self._ready, None
                if built is not None and not self._closed:
                    cursors: queue.Queue = queue.Queue()
                    for _ in range(self.readers):
                        cursors.put(built.cursor())
                    self._ready = (version, built, cursors)
                elif built is not None:
                    built.close()
                self._building.clear()
            if old is not None:
                old[1].close()

    def _build(self, store_con):
        import duckdb

        cur = store_con.cursor()
        try:
            n = cur.execute("SELECT count(*) FROM merged_events").fetchall()[0][0]
            if n > self.max_events:
                log.info("%d events: more than the page index keeps (%d); pages come from the store", n,
                         self.max_events)
                return None
            table = cur.sql(INDEX_SQL).to_arrow_table()
        finally:
            cur.close()
        mem = duckdb.connect(":memory:")
        mem.register("_index", table)
        mem.execute("CREATE TABLE events AS SELECT * FROM _index ORDER BY k")
        mem.unregister("_index")
        # Each event's row id is its place in the order: a page's rows are fetched by row id, not by a scan.
        if mem.execute("SELECT count(*) FROM events WHERE rowid <> k").fetchone()[0]:
            mem.close()
            return None
        return mem

    def _drop(self) -> None:
        with self._lock:
            old, self._ready = self._ready, None
        if old is not None:
            old[1].close()


def _page(con, f: EventFilter, geojson: bool) -> tuple[int, str]:
    sql_where, params = where(f, "events")
    page = "SELECT k FROM matching ORDER BY k"
    if f.limit is not None:
        page += " LIMIT ? OFFSET ?"
        params = params + [f.limit, f.offset]
    # The filter runs once (a materialised CTE) for both the count and the page: a third less than twice.
    total, ks = con.execute(f"WITH matching AS MATERIALIZED (SELECT k FROM events{sql_where}) "
                            f"SELECT (SELECT count(*) FROM matching), (SELECT coalesce(list(k), []) FROM ({page}))",
                            params).fetchall()[0]
    if not ks:
        return total, "[]"
    item = ("""'{"type":"Feature","id":' || to_json(merged_id) || ',"geometry":' || geometry || """
            """',"properties":' || spec || '}'""") if geojson else "spec"
    text = con.execute(f"SELECT string_agg({item}, ',' ORDER BY k) FROM events WHERE rowid = ANY(?)",
                       [ks]).fetchall()[0][0]
    return total, "[" + text + "]"
