"""The ingest run: read inputs, skip what is already stored, extract the rest in batches, store each batch in one
transaction, then merge. Safe to rerun at any point: stored reports are recognised and left as they are.

Reports the relevance prefilter rules out are stored without running the NLP (with no events), so that the store
knows them and a rerun counts them unchanged. `sitrep.scale` runs the same steps with extraction on a cluster.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.ingest import InputError, read_inputs
from sitrep.model import Article, Record
from sitrep.prefilter import is_relevant
from sitrep.store.db import Store, content_hash, merge_store

BATCH = 16


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    filtered: int = 0  # stored without NLP: nothing about violence, casualties or displacement
    merged_events: int = 0
    errors: list[InputError] = field(default_factory=list)
    workers_peak_mb: dict[int, int] = field(default_factory=dict)

    def stored(self, statuses: Iterable[str], parsed: bool = True) -> None:
        """Count reports just stored, by status ("new" or "updated"); parsed=False: stored without NLP (the
        prefilter ruled them out)."""
        for status in statuses:
            setattr(self, status, getattr(self, status) + 1)
            self.filtered += not parsed

    def line(self) -> str:
        text = f"{self.new} new, {self.unchanged} unchanged, {self.updated} updated, {self.failed} failed"
        if self.filtered:
            text += f" ({self.filtered} without violence, not parsed)"
        return text + (f"; {self.merged_events} merged events" if self.merged_events else "")


Admitted = tuple[Article, str, bool, str]  # (article, status, relevant, content hash)


def rounds(paths: Iterable[str], store: Store, report: IngestReport, fetcher=None,
           on_progress: Callable[[IngestReport], None] | None = None) -> Iterator[Iterator[Admitted]]:
    """The reports of `paths` to store, in rounds; store all of a round before taking the next. Reports that need
    nothing done are counted in `report` (and shown through `on_progress`) instead.

    A report with the id or URL of a different one admitted earlier in its round (a revised version in the same
    run, or another corpus's report under the same folder name) waits for the next round, when the first is
    stored, and is then stored as its update: nothing collides and nothing is dropped.
    """
    def admitted(items: Iterable[Article | InputError], held: list[Article]) -> Iterator[Admitted]:
        for item in _admit(items, store, report, held):
            if item is not None:
                yield item
            elif on_progress:
                on_progress(report)

    held: list[Article] = []
    yield admitted(read_inputs(paths, fetcher), held)
    while held:
        waiting, held = held, []
        yield admitted(waiting, held)


def _admit(items: Iterable[Article | InputError], store: Store, report: IngestReport,
           held: list[Article]) -> Iterator[Admitted | None]:
    """Each report to store; None after counting one that needs nothing done (stored already, a repeat of one
    admitted in this round, or unreadable)."""
    digests: set[str] = set()
    claimed: set[str] = set()  # the ids and URLs of this round's reports
    for item in items:
        if isinstance(item, InputError):
            report.failed += 1
            report.errors.append(item)
            yield None
            continue
        digest = content_hash(item.text)
        status, stored_id = store.status_of(item, digest)
        if status == "unchanged" or digest in digests:
            report.unchanged += 1
            yield None
            continue
        keys = {stored_id, item.source_url} - {None}
        if keys & claimed:
            held.append(item)
            continue
        digests.add(digest)
        claimed |= keys
        item.id = stored_id
        yield item, status, is_relevant(item.text), digest


def ingest(paths: Iterable[str], store: Store, extractor=None, batch_size: int = BATCH,
           on_progress: Callable[[IngestReport], None] | None = None, merge: bool = True, fetcher=None) -> IngestReport:
    """Store every readable report of `paths`; errors are counted and kept, never raised."""
    report = IngestReport()
    pending: list[Admitted] = []

    def flush() -> None:
        nonlocal extractor
        if not pending:
            return
        relevant = [a for a, _, keep, _ in pending if keep]
        records = {}
        if relevant:
            if extractor is None:
                from sitrep.pipeline import Extractor

                extractor = Extractor()
            records = {id(a): r for a, r in zip(relevant, extractor.extract_many(relevant))}
        store.save((a, records.get(id(a)) or Record(a), s, digest) for a, s, _, digest in pending)
        report.stored(s for _, s, keep, _ in pending if keep)
        report.stored((s for _, s, keep, _ in pending if not keep), parsed=False)
        pending.clear()
        if on_progress:
            on_progress(report)

    for admitted in rounds(paths, store, report, fetcher, on_progress):
        for item in admitted:
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        flush()
    if merge:
        report.merged_events = merge_store(store)
    return report
