"""Incremental merge: after an ingest, redo only the merged events the new or updated reports can change.

Merging is decided pair by pair inside a country and a time window (sitrep.merge: events further apart than
CHAIN_DAYS are never compared), and clusters grow only along pairs that may be one event. So the clusters are those
of each connected set of such pairs, each merged on its own: a new report event can change only the set it joins,
and a report that was updated only the sets its old events were in. Those are found from the seeds (report events no
merged event links yet, and the events of the merged events an updated report left, kept in `merge_dirty`): their
country and days are read from the store with the window around them, widened until every event of the sets found
has its whole window read. Only those sets are clustered again, and only their merged events are replaced -- the
same result as merging everything again (tests/test_merge_incremental.py checks it), at the cost of the region read.
"""
from __future__ import annotations

from datetime import date, timedelta

SHARE = 0.2  # more seeds than this share of the stored events: merge everything again (as cheap, simpler)
READ_SHARE = 0.5  # a region grown past this share of the stored events: merge everything again
MARGIN_DAYS = 20  # a window is read this much wider than needed, so that the region grows in few steps


class Region:
    """Days of each country already read: country -> merged intervals; a country without dates is read whole."""

    def __init__(self) -> None:
        self.days: dict[str, list[tuple[date, date]]] = {}
        self.whole: set[str] = set()

    def covers(self, country: str, window: tuple[date, date] | None) -> bool:
        if country in self.whole:
            return True
        if window is None:
            return False
        return any(lo <= window[0] and window[1] <= hi for lo, hi in self.days.get(country, []))

    def add(self, country: str, window: tuple[date, date] | None) -> None:
        if window is None:
            self.whole.add(country)
            return
        spans = sorted(self.days.get(country, []) + [window])
        merged = [spans[0]]
        for lo, hi in spans[1:]:
            if lo <= merged[-1][1] + timedelta(days=1):
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        self.days[country] = merged

    def add_events(self, events: list, chain_days: int) -> None:
        """Add the window of each of `events` (prepared here)."""
        for e in events:
            self.add(e.country or "", window(e.prepare(), chain_days))


def window(e, chain_days: int) -> tuple[date, date] | None:
    """The days whose events e is compared with (None: its whole country, when it has no date at all)."""
    if e.span is None:
        return None
    return e.span[0] - timedelta(days=chain_days), e.span[1] + timedelta(days=chain_days)


def remerge(store) -> int | None:
    """Redo the merged events the reports stored since the last merge change; the number of merged events after,
    or None when everything should be merged again (no merged events yet, or many new reports)."""
    from sitrep.merge import CHAIN_DAYS, cluster_heads, heads, reconcile
    from sitrep.store.db import report_events, save_merged

    con = store.con
    total = con.execute("SELECT count(*) FROM report_events").fetchone()[0]
    if not total or not con.execute("SELECT count(*) FROM merged_events").fetchone()[0]:
        return None
    dirty = [r[0] for r in con.execute("SELECT merged_id FROM merge_dirty").fetchall()]
    seeds = {r[0] for r in con.execute(
        "SELECT event_id FROM report_events WHERE event_id NOT IN (SELECT event_id FROM merge_links) UNION "
        "SELECT event_id FROM merge_links WHERE merged_id IN (SELECT merged_id FROM merge_dirty)").fetchall()}
    if not seeds and not dirty:
        return con.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    if len(seeds) > SHARE * total:
        return None
    region = Region()
    region.add_events(report_events(con, sorted(seeds)), CHAIN_DAYS)
    while True:
        read = _region_events(con, region)
        if len(read) > READ_SHARE * total:
            return None
        hs = heads(report_events(con, read))
        affected = _affected(hs, seeds)
        ids = {x.event_id for h in affected for x in (h, *h.folded)}
        grew = False
        for h in affected:
            w = window(h, CHAIN_DAYS)
            if not region.covers(h.country or "", w):
                region.add(h.country or "", _wider(w))
                grew = True
        # The old merged events of the sets found: every event they hold must be in the sets (else it seeds more).
        replaced = sorted(set(dirty) | _linked(con, ids))
        extra = _members(con, replaced) - ids
        if extra:
            seeds |= extra
            region.add_events(report_events(con, sorted(extra)), CHAIN_DAYS)
            grew = True
        if not grew:
            break
    merged = [reconcile(g) for g in cluster_heads(affected)]
    save_merged(store, merged, replaced=replaced, events=sorted(ids))
    return con.execute("SELECT count(*) FROM merged_events").fetchone()[0]


def _wider(w: tuple[date, date] | None) -> tuple[date, date] | None:
    return None if w is None else (w[0] - timedelta(days=MARGIN_DAYS), w[1] + timedelta(days=MARGIN_DAYS))


def _affected(hs: list, seeds: set[str]) -> list:
    """The heads (in their order) of the connected sets of may-be-one-event pairs that hold a seed."""
    from sitrep.merge import candidates

    comp = candidates(hs).component
    hit = {comp[k] for k, h in enumerate(hs) if any(x.event_id in seeds for x in (h, *h.folded))}
    return [h for k, h in enumerate(hs) if comp[k] in hit]


def _region_events(con, region: Region) -> list[str]:
    """The ids of every event of every report with an event in the region (a report's events are folded
    together, so they are read together). Days are widened as the merge's own spans may be: an event with no
    date of its own spans the week before its report's publication."""
    import pyarrow as pa

    from sitrep.merge import UNDATED_DAYS
    from sitrep.store.db import SPANS, registered

    rows = [(c, lo, hi) for c, spans in region.days.items() if c not in region.whole for lo, hi in spans]
    days = pa.table({"country": pa.array([r[0] for r in rows], pa.string()),
                     "lo": pa.array([r[1] for r in rows], pa.date32()),
                     "hi": pa.array([r[2] for r in rows], pa.date32())})
    whole = pa.table({"country": pa.array(sorted(region.whole), pa.string())})
    with registered(con, _sitrep_region=days, _sitrep_whole=whole):
        return [r[0] for r in con.execute(
            f"""WITH spans AS ({SPANS}),
                   hit AS (
                       SELECT s.article_id FROM spans s JOIN _sitrep_region r USING (country)
                       WHERE s.day_end IS NULL
                          OR (s.day_end >= r.lo AND least(s.day_start, s.day_end - $undated) <= r.hi)
                       UNION SELECT s.article_id FROM spans s JOIN _sitrep_whole w USING (country))
               SELECT event_id FROM report_events WHERE article_id IN (SELECT article_id FROM hit)""",
            {"undated": UNDATED_DAYS}).fetchall()]


def _linked(con, event_ids: set[str]) -> set[str]:
    """The merged events that link any of `event_ids`."""
    return _select(con, "SELECT DISTINCT merged_id FROM merge_links WHERE event_id IN (SELECT id FROM _sitrep_ids)",
                   sorted(event_ids))


def _members(con, merged_ids: list[str]) -> set[str]:
    """The report events the merged events `merged_ids` link."""
    return _select(con, "SELECT event_id FROM merge_links WHERE merged_id IN (SELECT id FROM _sitrep_ids)",
                   merged_ids)


def _select(con, sql: str, ids: list[str]) -> set[str]:
    """The first column of `sql`, run with `ids` registered as the table _sitrep_ids (one column, id)."""
    import pyarrow as pa

    from sitrep.store.db import registered

    with registered(con, _sitrep_ids=pa.table({"id": pa.array(ids, pa.string())})):
        return {r[0] for r in con.execute(sql).fetchall()}
