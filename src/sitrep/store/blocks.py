"""The store-wide merge, block by block: memory bounded by the largest block, not by the store.

The merge compares only events of one country whose days are close (sitrep.merge: a pair is compared when the
later one starts at most CHAIN_DAYS after the earlier ends), and the clusters of each connected set of pairs
(a component) depend on nothing outside it. So the store is read in blocks of about BLOCK_EVENTS report events, in
the merge's order (country, then start day), cut at day boundaries: each block's events are folded, paired and
linked, and every component that no later event can reach -- each of its events ends more than CHAIN_DAYS before
the next block's first day, or its country ends here -- is clustered, reconciled and handed back to be written.
The other components (the block's last days, and whatever they link to) are carried into the next block, which
overlaps them by the merge's reach: no pair across a block edge is lost, and every cluster is the one merging the
whole store at once makes (tests/test_merge_blocks.py checks it).

A report's events are folded together (sitrep.merge.fold), so a block reads every report with an event of its
country and an event starting in its days, and keeps the folded events that fall in it.

What a block holds is its own events and the components it carries. Clusters never span more than MAX_SPAN_DAYS,
but a component can run on: reports of one place every day or two for months, or a busy country's events told only
by their country, link one to the next. Such a component is carried whole until it closes, since which pairs join
depends on the order of all its pairs (strongest first): the merge stays exact, and the largest such component
bounds memory as the largest block does (bench_store: a country's 10,000 country-level copies, two days apart).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

BLOCK_EVENTS = 10_000  # report events read at a time (a block also holds what it carries: its last days' events)


@dataclass(frozen=True, slots=True)
class Days:
    """A block's part of one country: the events starting in [lo, hi) (lo None: from the country's first, events
    without any date included; hi None: to its last)."""

    country: str
    lo: date | None
    hi: date | None

    def holds(self, e) -> bool:
        start = e.span[0] if e.span else None
        if self.lo is not None and (start is None or start < self.lo):
            return False
        return self.hi is None or start is None or start < self.hi

    def reaches_past(self, e, chain_days: int) -> bool:
        """Whether an event of the next block (starting on hi or later) may be compared with e."""
        if self.hi is None:
            return False
        return e.span is None or e.span[1].toordinal() + chain_days >= self.hi.toordinal()


def plan(con, size: int) -> Iterator[dict[str, Days]]:
    """The blocks: country -> its Days, each block about `size` report events, cut where a day begins."""
    from sitrep.merge import UNDATED_DAYS
    from sitrep.store.db import SPANS

    rows = con.execute(
        f"""WITH spans AS ({SPANS}),
               days AS (SELECT country, day_start AS day, count(*) AS n FROM spans GROUP BY ALL),
               run AS (SELECT country, day, (sum(n) OVER (ORDER BY country, day NULLS FIRST
                                                          ROWS UNBOUNDED PRECEDING) - n) // $size AS block
                       FROM days),
               parts AS (SELECT block, country, min(day) AS first_day FROM run GROUP BY ALL)
           SELECT block, country, CASE WHEN lag(block) OVER w IS NOT NULL THEN first_day END,
                  lead(first_day) OVER w
           FROM parts WINDOW w AS (PARTITION BY country ORDER BY block) ORDER BY block, country""",
        {"undated": UNDATED_DAYS, "size": max(1, size)}).fetchall()
    block: dict[str, Days] = {}
    for k, (number, country, lo, hi) in enumerate(rows):
        block[country] = Days(country, lo, hi)
        if k + 1 == len(rows) or rows[k + 1][0] != number:
            yield block
            block = {}


# The events of every report with an event of a country of the block and an event starting in its days (a folded
# event may take its date from another event of its report). _sitrep_days: the block's Days.
_READ = """
    WITH spans AS ({spans}),
         hit AS (SELECT DISTINCT c.article_id FROM spans c JOIN _sitrep_days r USING (country)
                 JOIN spans d ON d.article_id = c.article_id
                 WHERE (r.lo IS NULL OR d.day_start >= r.lo)
                   AND (r.hi IS NULL OR d.day_start IS NULL OR d.day_start < r.hi))
    SELECT e.event_id FROM hit h JOIN report_events e USING (article_id)"""


def read(con, block: dict[str, Days]) -> list:
    """The block's report events, folded and prepared (sitrep.merge.heads), in the merge's order: the reports with
    an event in the block are read whole, and the folded events that fall in the block are kept."""
    import pyarrow as pa

    from sitrep.merge import UNDATED_DAYS, heads
    from sitrep.store.db import SPANS, registered, report_events

    parts = list(block.values())
    days = pa.table({"country": pa.array([p.country for p in parts], pa.string()),
                     "lo": pa.array([p.lo for p in parts], pa.date32()),
                     "hi": pa.array([p.hi for p in parts], pa.date32())})
    with registered(con, _sitrep_days=days):
        ids = [r[0] for r in con.execute(_READ.format(spans=SPANS), {"undated": UNDATED_DAYS}).fetchall()]
    return _kept(heads(report_events(con, ids)), block)


def _kept(events: list, block: dict[str, Days]) -> list:
    return [e for e in events if (p := block.get(e.country or "")) and p.holds(e)]


def merged_blocks(con, size: int = BLOCK_EVENTS) -> Iterator[list]:
    """The merged events of the whole store (sitrep.merge.MergedEvent), a block's at a time: the same as
    [reconcile(g) for g in cluster(every report event)], in another order."""
    from sitrep.merge import CHAIN_DAYS, candidates, link, merge_key, reconcile

    carried: list = []
    known = None  # what was scored among the carried events
    for block in list(plan(con, size)):
        events = sorted(carried + read(con, block), key=merge_key)
        found = candidates(events, known)
        comp = found.component
        reach = {comp[k] for k, e in enumerate(events) if block[e.country or ""].reaches_past(e, CHAIN_DAYS)}
        keep = [k for k in range(len(events)) if comp[k] in reach]
        carried, known = [events[k] for k in keep], found.among(events, keep)
        yield [reconcile([events[k] for k in g]) for g in link(events, found) if comp[g[0]] not in reach]
    if carried:  # the last block of each country reaches past nothing: a bug if anything is left
        raise RuntimeError(f"merge: {len(carried)} report events left unmerged")
