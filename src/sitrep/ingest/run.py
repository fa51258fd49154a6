"""The ingest run: read inputs, skip what is already stored, extract the rest in batches, store each batch in one
transaction, then merge. Safe to rerun at any point: stored reports are recognised and left as they are.

Reports the relevance prefilter rules out are stored without running the NLP (with no events), so that the store
knows them and a rerun counts them unchanged. `sitrep.scale` runs the same steps with extraction on a cluster.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

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
           on_progress: Callable[[IngestReport], None] | None = None, merge: bool = True, fetcher=None,
           ahead: int = 2) -> IngestReport:
    """Store every readable report of `paths`; errors are counted and kept, never raised.

    An extractor with `submit` (sitrep.parallel) reads up to `ahead` batches while this process stores the ones
    before them, in order; batches are still stored one transaction each, in input order."""
    report = IngestReport()
    pending: list[Admitted] = []
    in_flight: list[tuple[list[Admitted], list[Article], Any]] = []

    def get_extractor():
        nonlocal extractor
        if extractor is None:
            from sitrep.pipeline import Extractor

            extractor = Extractor()
        return extractor

    def store_one() -> None:
        batch, relevant, job = in_flight.pop(0)
        records = {id(a): r for a, r in zip(relevant, job.result() if job is not None else ())}
        store.save((a, records.get(id(a)) or Record(a), s, digest) for a, s, _, digest in batch)
        report.stored(s for _, s, keep, _ in batch if keep)
        report.stored((s for _, s, keep, _ in batch if not keep), parsed=False)
        if on_progress:
            on_progress(report)

    def flush(drain: bool = False) -> None:
        if pending:
            relevant = [a for a, _, keep, _ in pending if keep]
            job = None
            if relevant:
                ex = get_extractor()
                job = ex.submit(relevant) if hasattr(ex, "submit") else _Done(list(ex.extract_many(relevant)))
            in_flight.append((list(pending), relevant, job))
            pending.clear()
        parallel = extractor is not None and hasattr(extractor, "submit")
        while in_flight and (drain or len(in_flight) > (ahead if parallel else 0)):
            store_one()

    for admitted in rounds(paths, store, report, fetcher, on_progress):
        for item in admitted:
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        flush(drain=True)  # a round is stored whole before the next (its held reports are updates of this one's)
    if merge:
        report.merged_events = merge_store(store)
    return report


class _Done:
    """The records of a batch extracted in this process, shaped like a batch in the workers' hands."""

    def __init__(self, records: list[Record]):
        self._records = records

    def result(self) -> list[Record]:
        return self._records
