"""The event store: a DuckDB file holding articles (with their history), each report's events with figures and
actors, and the merged events with the links between them.

One process writes at a time (DuckDB locks the file); every write goes through parameters or Arrow tables, never
through SQL built from values; each batch of reports is one transaction, so a run killed part-way leaves no
partial report behind and rerunning completes it.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sitrep.model import Article, Record
from sitrep.record import event_to_dict
from sitrep.store.schema import MIGRATIONS


class StoreError(RuntimeError):
    """The store cannot be opened or used as asked (locked, newer than this sitrep, missing)."""


def default_path() -> Path:
    """$SITREP_DB, else $XDG_DATA_HOME/sitrep/sitrep.duckdb (~/.local/share/sitrep/sitrep.duckdb)."""
    if os.environ.get("SITREP_DB"):
        return Path(os.environ["SITREP_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitrep" / "sitrep.duckdb"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def registered(con, **tables) -> Iterator:
    """Arrow tables (or dicts of columns) registered on the connection under their names for the block, and
    unregistered after however it ends: how a query joins with a list of values (ids, ranges) without putting the
    values into SQL. Give each column its type (pa.array(ids, pa.string())): an empty list has none of its own.

        with registered(con, _sitrep_ids=pa.table({"merged_id": pa.array(ids, pa.string())})):
            rows = con.execute("SELECT ... JOIN _sitrep_ids USING (merged_id)").fetchall()
    """
    import pyarrow as pa

    done = []
    try:
        for name, table in tables.items():
            con.register(name, table if isinstance(table, pa.Table) else pa.table(table))
            done.append(name)
        yield con
    finally:
        for name in done:
            con.unregister(name)


class Store:
    """Open (creating and migrating on first use) a store; use as a context manager."""

    def __init__(self, path: Path | str | None = None, read_only: bool = False):
        import duckdb

        self.path = Path(path) if path else default_path()
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here yet (run 'sitrep ingest' first)")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            raise StoreError(f"{self.path}: cannot open the store ({e}); is another sitrep writing to it?") from None
        self.read_only = read_only
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ------------------------------------------------------------ schema
    @property
    def version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0]
        if not exists:
            return 0
        # fetchall, not fetchone: a result left unfinished makes the connection refuse register() (DuckDB 2)
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        return int(rows[0][0]) if rows else 0

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(f"{self.path}: store schema {current} is newer than this sitrep ({len(MIGRATIONS)})")
        if current == len(MIGRATIONS):
            return
        if self.read_only:
            raise StoreError(f"{self.path}: store schema {current} needs migrating; open it once for writing")
        for n in range(current, len(MIGRATIONS)):
            self.con.begin()
            try:
                self.con.execute(MIGRATIONS[n])
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(n + 1)])
                self.con.commit()
            except Exception:
                self.con.rollback()
                raise

    # ------------------------------------------------------------ ingest
    def status_of(self, article: Article, digest: str | None = None) -> tuple[str, str]:
        """("new" | "unchanged" | "updated", the article id it is stored under). `digest`: the text's
        content_hash, when the caller has it already."""
        digest = digest or content_hash(article.text)
        by_url = None
        if article.source_url:
            by_url = self.con.execute("SELECT article_id, content_hash FROM articles WHERE url = ?",
                                      [article.source_url]).fetchone()
            if by_url and by_url[1] == digest:
                return "unchanged", by_url[0]
        row = self.con.execute("SELECT article_id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        if row:
            return "unchanged", row[0]
        row = self.con.execute("SELECT article_id FROM article_history WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
        if row:
            return "unchanged", row[0]  # an earlier version, already replaced by a later one: not news
        if by_url:
            return "updated", by_url[0]
        row = self.con.execute("SELECT content_hash FROM articles WHERE article_id = ?", [article.id]).fetchone()
        if row:
            return "updated", article.id
        return "new", article.id

    def save(self, items: Iterable[tuple[Article, Record, str] | tuple[Article, Record, str, str]]) -> None:
        """Store extracted reports (status "new" or "updated") in one transaction. An item may carry its text's
        content_hash as a fourth element, saving its computation."""
        items = [(a, r, s, d[0] if d else content_hash(a.text)) for a, r, s, *d in items]
        if not items:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.begin()
        try:
            # An updated report's new version follows the one it replaces (now in the history).
            versions = {a.id: (self._retire(a.id, now) or 0) + 1 for a, _, status, _ in items if status == "updated"}
            self._insert_articles(items, versions, now)
            self._insert_events(items)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _retire(self, article_id: str, now: datetime) -> int | None:
        """Keep the replaced version in the history and drop its extraction; returns that version."""
        old = self.con.execute("SELECT version, content_hash, text FROM articles WHERE article_id = ?",
                               [article_id]).fetchone()
        if old is None:
            return None
        events = self.con.execute("SELECT record FROM report_events WHERE article_id = ? ORDER BY seq",
                                  [article_id]).fetchall()
        record = json.dumps([json.loads(e[0]) for e in events])
        self.con.execute("INSERT INTO article_history VALUES (?, ?, ?, ?, ?, ?)",
                         [article_id, old[0], old[1], old[2], record, now])
        ids = "SELECT event_id FROM report_events WHERE article_id = ?"
        # The merged events it was in are redone by the next merge (sitrep.store.remerge).
        self.con.execute(f"INSERT OR IGNORE INTO merge_dirty SELECT DISTINCT merged_id FROM merge_links "
                         f"WHERE event_id IN ({ids})", [article_id])
        for table in ("figures", "actors", "merge_links"):
            self.con.execute(f"DELETE FROM {table} WHERE event_id IN ({ids})", [article_id])
        self.con.execute("DELETE FROM report_events WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE article_id = ?", [article_id])
        return old[0]

    def _insert_articles(self, items, versions: dict[str, int], now: datetime) -> None:
        self._insert("articles", [
            {"article_id": a.id, "url": a.source_url, "content_hash": digest, "title": a.title, "published": a.published,
             "outlet": a.outlet, "language": a.language, "text": a.text, "version": versions.get(a.id, 1),
             "ingested_at": now}
            for a, _, _, digest in items])

    def _insert_events(self, items) -> None:
        events, figures, actors = [], [], []
        for article, record, *_ in items:
            for seq, e in enumerate(record.events):
                loc, when = e.location, e.date
                events.append({
                    "event_id": e.id, "article_id": article.id, "seq": seq, "kind": e.kind, "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type, "date_start": when.start if when else None,
                    "date_end": when.end if when else None, "date_precision": when.precision if when else None,
                    "location_name": loc.name if loc else None, "admin1": loc.admin1 if loc else None,
                    "admin1_code": loc.admin1_code if loc else None, "country": loc.country if loc else None,
                    "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                    "geonames_id": loc.geonames_id if loc else None, "where_prec": loc.where_prec if loc else None,
                    "claim_source": e.claim_source, "confirmed": e.confirmed, "confidence": e.confidence,
                    "evidence": json.dumps([[s.start, s.end] for s in e.evidence]),
                    "record": json.dumps(event_to_dict(e), ensure_ascii=False),
                })
                for k, f in enumerate(e.figures):
                    figures.append({
                        "event_id": e.id, "seq": k, "category": f.category, "victims": f.victims, "min_value": f.min,
                        "max_value": f.max, "qualifier": f.qualifier, "unit": f.unit, "text": f.text,
                        "start_char": f.span.start, "end_char": f.span.end, "source": f.source,
                        "confirmed": f.confirmed, "superseded": f.superseded,
                    })
                actors += [{"event_id": e.id, "name": a.name, "role": a.role, "type": a.type} for a in e.actors]
        self._insert("report_events", events)
        self._insert("figures", figures)
        self._insert("actors", actors)

    def _insert(self, table: str, rows: list[dict]) -> None:
        """Bulk insert through an Arrow table: values never enter SQL text."""
        if not rows:
            return
        import pyarrow as pa

        columns = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        # Column by column (faster than row dicts); a column of only nulls gets the table's type.
        data = {c: [r.get(c) for r in rows] for c in columns}
        data = pa.table({c: pa.array(v) if any(x is not None for x in v) else pa.nulls(len(v)) for c, v in data.items()})
        cols = ", ".join(columns)
        with registered(self.con, _sitrep_rows=data):
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _sitrep_rows")

    # ------------------------------------------------------------ merged events
    def replace_merged(self, merged_rows: list[dict], links: list[dict], replaced: list[str] | None = None,
                       events: list[str] | None = None) -> None:
        """Replace the merged events and their links in one transaction: all of them, or (an incremental merge) the
        merged events `replaced` and the links of the report `events`. A merged event whose content (its columns
        and its reports) is what was stored keeps its stored `updated_at`: exports' timestamps move only for events
        that changed."""
        if replaced is None:
            with self.merged_writer() as write:
                write(merged_rows, links)
            return
        import pyarrow as pa

        self.con.begin()
        try:
            self._keep_times(merged_rows, links)
            with registered(self.con, _sitrep_replaced=pa.table({"merged_id": pa.array(replaced, pa.string())}),
                            _sitrep_events=pa.table({"event_id": pa.array(events or [], pa.string())})):
                self.con.execute("DELETE FROM merge_links WHERE merged_id IN (SELECT merged_id FROM _sitrep_replaced)"
                                 " OR event_id IN (SELECT event_id FROM _sitrep_events)")
                self.con.execute("DELETE FROM merged_events WHERE merged_id IN (SELECT merged_id FROM _sitrep_replaced)")
            self.con.execute("DELETE FROM merge_dirty")
            self._insert("merged_events", merged_rows)
            self._insert("merge_links", links)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    @contextmanager
    def merged_writer(self) -> Iterator:
        """Replace every merged event and link, block by block: yields write(rows, links), which puts a block's
        merged events aside at once (in Parquet files of a temporary folder, compared first with what is stored to
        keep the timestamps of those that did not change), so that a store-wide merge holds only the block it is
        making; at the end the stored ones are replaced by them in one transaction (one bulk insert, which DuckDB
        writes to the file as it goes). A merge that fails part-way changes nothing."""
        import pyarrow.parquet as pq

        tables = ("merged_events", "merge_links")
        parts: dict[str, list[str]] = {t: [] for t in tables}
        with tempfile.TemporaryDirectory(prefix="sitrep-merge-") as folder:
            def write(merged_rows: list[dict], links: list[dict]) -> None:
                self._keep_times(merged_rows, links)
                for table, rows in zip(tables, (merged_rows, links)):
                    if rows:
                        parts[table].append(os.path.join(folder, f"{table}-{len(parts[table])}.parquet"))
                        pq.write_table(self._typed(table, rows), parts[table][-1])

            yield write
            self.con.begin()
            try:
                for table in ("merge_links", "merged_events", "merge_dirty"):
                    self.con.execute(f"DELETE FROM {table}")
                for table, files in parts.items():
                    if files:
                        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)", [files])
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise

    def _typed(self, table: str, rows: list[dict]):
        """Rows (dicts; a missing key is null) as an Arrow table of `table`'s columns and types."""
        import pyarrow as pa

        schema = self.con.sql(f"FROM {table} LIMIT 0").to_arrow_table().schema
        return pa.table({f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema}, schema=schema)

    def _keep_times(self, merged_rows: list[dict], links: list[dict]) -> None:
        """Give each of `merged_rows` whose content (its columns and its links) is what is stored under its id the
        stored `updated_at`."""
        import pyarrow as pa

        if not merged_rows:
            return
        con = self.con
        # (only the stored events with the new ids matter: the others are replaced whatever they hold)
        columns = [r[0] for r in con.execute("DESCRIBE merged_events").fetchall() if r[0] != "updated_at"]
        ids = pa.table({"merged_id": pa.array([r["merged_id"] for r in merged_rows], pa.string())})
        with registered(con, _sitrep_new_ids=ids):
            where = " WHERE merged_id IN (SELECT merged_id FROM _sitrep_new_ids)"
            rows = con.execute(f"SELECT event_id, merged_id, link FROM merge_links{where}").fetchall()
            stored_rows = con.execute(f"SELECT {', '.join(columns)}, updated_at FROM merged_events{where}").fetchall()
        stored_links: dict[str, list] = {}
        for event_id, merged_id, link in rows:
            stored_links.setdefault(merged_id, []).append((event_id, link))
        stored = {}
        for row in stored_rows:
            stored[row[0]] = (_content(dict(zip(columns, row)), stored_links.get(row[0], []), columns), row[-1])
        if not stored:
            return
        new_links: dict[str, list] = {}
        for ln in links:
            new_links.setdefault(ln["merged_id"], []).append((ln["event_id"], ln["link"]))
        for row in merged_rows:
            old = stored.get(row["merged_id"])
            if old and old[1] is not None and old[0] == _content(row, new_links.get(row["merged_id"], []), columns):
                row["updated_at"] = old[1]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "report_events", "figures", "merged_events", "article_history"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out


def _content(row: dict, links: list, columns: list[str]) -> str:
    """A merged event's content as stored (floats as the DOUBLE column keeps them), for telling a change apart."""
    values = [row.get(c) for c in columns]
    return json.dumps([values, sorted(links)], default=str)


# ---------------------------------------------------------------- merging (reads report events, writes merged ones)
def load_report_events(store: Store) -> list:
    """Every stored report event, as the merge sees it (all at once: the store-wide merge reads them in blocks)."""
    return report_events(store.con)


# ReportEvent.prepare's span of each stored report event, in SQL (a CTE's body; $undated: UNDATED_DAYS): a date
# 'reported' is no date of its own; an event without one ends on its report's publication and starts the week before.
SPANS = """
    SELECT e.event_id, e.article_id, coalesce(e.country, '') AS country,
           e.date_start IS NOT NULL AND coalesce(e.date_precision, '') <> 'reported' AS own,
           coalesce(CASE WHEN own THEN e.date_end END, a.published, e.date_end) AS day_end,
           CASE WHEN day_end IS NOT NULL  -- no end, no span: an own start alone does not date it
                THEN coalesce(CASE WHEN own THEN e.date_start END, day_end - CAST($undated AS INTEGER)) END AS day_start
    FROM report_events e JOIN articles a USING (article_id)"""

# The stored report events as the merge reads them: all ($every) or those of _sitrep_ids, in three queries. The
# chosen events drive each join, so that a few of them read little: the texts are scanned, not held, and the evidence's
# words are cut from them by DuckDB (character offsets, as Python's): the texts never come into Python. Figures in the
# report's order, actors in the order stored.
_CHOSEN = "SELECT event_id FROM report_events WHERE $every UNION ALL SELECT id FROM _sitrep_ids"
_EVENTS = f"""
    SELECT e.event_id, e.article_id, a.published, e.kind, e.event_type, e.sub_event_type, e.date_start, e.date_end,
           e.date_precision, e.location_name, e.admin1, e.admin1_code, e.country, e.lat, e.lon, e.where_prec,
           e.geonames_id, e.confirmed,
           array_to_string(list_transform(CAST(coalesce(e.evidence, '[]') AS INTEGER[][]),
                                          lambda x: substring(a.text, x[1] + 1, x[2] - x[1])), ' ')
    FROM ({_CHOSEN}) c JOIN report_events e USING (event_id) JOIN articles a ON a.article_id = e.article_id"""
_FIGURES = f"""
    SELECT f.event_id, f.category, f.min_value, f.max_value, f.qualifier, f.confirmed, f.source, f.victims
    FROM ({_CHOSEN}) c JOIN figures f USING (event_id) WHERE NOT f.superseded AND f.unit = 'people'
    ORDER BY f.event_id, f.seq"""
_ACTORS = f"""
    SELECT r.event_id, r.name, r.role, r.type FROM ({_CHOSEN}) c JOIN actors r USING (event_id)
    ORDER BY r.event_id, r.rowid"""


def report_events(con, event_ids: list[str] | None = None) -> list:
    """The stored report events (all, or those of `event_ids`), as the merge sees them."""
    import pyarrow as pa

    from sitrep.merge import ReportEvent, ReportFigure, event_words

    every = {"every": event_ids is None}
    ids = sorted(set(event_ids or ()))  # each event once
    with registered(con, _sitrep_ids=pa.table({"id": pa.array(ids, pa.string())})):
        events = {}
        for r in con.execute(_EVENTS, every).fetchall():
            ev = ReportEvent(*r[:18])
            ev.words = event_words(r[18] + " " + (ev.location_name or ""))
            events[ev.event_id] = ev
        for event_id, *figure in con.execute(_FIGURES, every).fetchall():
            if event_id in events:
                events[event_id].figures.append(ReportFigure(*figure))
        for event_id, name, role, kind in con.execute(_ACTORS, every).fetchall():
            if event_id in events:
                events[event_id].actors.append((name, role, kind))
                if role == "perpetrator":
                    events[event_id].perpetrators.add(name)
    return list(events.values())


def save_merged(store: Store, merged: list, replaced: list[str] | None = None, events: list[str] | None = None
                ) -> None:
    """Write the merged events and every report event's link to its merged event, replacing the old ones (all, or
    the merged events `replaced` and the links of `events`: see Store.replace_merged)."""
    store.replace_merged(*merged_rows(merged), replaced, events)


def merged_rows(merged: list) -> tuple[list[dict], list[dict]]:
    """The merged_events rows of merged events, and the merge_links rows of every report event in them."""
    from sitrep.merge import CATEGORIES

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows, links = [], []
    for m in merged:
        p = m.place
        row = {
            "merged_id": m.merged_id, "event_type": m.event_type, "sub_event_type": m.sub_event_type,
            "date_start": m.date_start, "date_end": m.date_end, "date_precision": m.date_precision,
            "location_name": p.location_name if p else None, "admin1": p.admin1 if p else None,
            "admin1_code": p.admin1_code if p else None, "country": p.country if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "where_prec": p.where_prec if p else None, "geonames_id": p.geonames_id if p else None,
            "killed_civilians": m.killed_civilians, "killed_low_vague": m.killed_low_vague,
            "best_unconfirmed": m.best_unconfirmed,
            "n_reports": len({e.article_id for e in m.members}), "confirmed": m.confirmed,
            "actors": json.dumps([{"name": n, "role": r, "type": t} for n, r, t in m.actors]), "updated_at": now,
        }
        for cat in CATEGORIES:
            for k in ("low", "best", "high"):
                row[f"{cat}_{k}"] = m.figures[cat][k]
        rows.append(row)
        for link, events in (("report", m.members), ("mention", m.mentions)):  # with the repeats folded into them
            links += [{"event_id": x.event_id, "merged_id": m.merged_id, "link": link}
                      for e in events for x in (e, *e.folded)]
    return rows, links


def merge_store(store: Store, full: bool = False, block_events: int | None = None) -> int:
    """Merge the stored report events and store the merged events; returns how many there are. Only what the
    reports stored since the last merge can change is redone (sitrep.store.remerge), with the same result as
    merging everything again; `full` merges everything again, block by block (sitrep.store.blocks: about
    `block_events` report events at a time), so memory stays flat however large the store."""
    from sitrep.store.blocks import BLOCK_EVENTS, merged_blocks
    from sitrep.store.remerge import remerge

    with _no_gc():
        if not full:
            done = remerge(store)
            if done is not None:
                return done
        total = linked = 0
        with store.merged_writer() as write:
            for merged in merged_blocks(store.con, block_events or BLOCK_EVENTS):
                rows, links = merged_rows(merged)
                write(rows, links)
                total, linked = total + len(rows), linked + len(links)
            stored = store.con.execute("SELECT count(*) FROM report_events").fetchall()[0][0]
            if linked != stored:  # every report event in exactly one merged event, or nothing is written
                raise RuntimeError(f"merge: {linked} of {stored} report events merged")
    return total


class _no_gc:
    """Python's cycle collector paused for a merge: it builds hundreds of thousands of objects and no cycles, and
    the collector's passes over them took a third of the time of merging 200,000 report events (bench_store)."""

    def __enter__(self):
        import gc

        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        import gc

        if self.was:
            gc.enable()
