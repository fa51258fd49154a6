"""The ingest run: read inputs, skip what is already stored, extract the rest in batches, store each batch in one
transaction, then merge. Safe to rerun at any point: stored reports are recognised and left as they are."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.ingest import InputError, read_inputs
from sitrep.model import Article
from sitrep.store.db import Store, content_hash, merge_store

BATCH = 16


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    merged_events: int = 0
    errors: list[InputError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.new} new, {self.unchanged} unchanged, {self.updated} updated, {self.failed} failed"
                + (f"; {self.merged_events} merged events" if self.merged_events else ""))


def ingest(paths: Iterable[str], store: Store, extractor=None, batch_size: int = BATCH,
           on_progress: Callable[[IngestReport], None] | None = None, merge: bool = True, fetcher=None) -> IngestReport:
    """Store every readable report of `paths`; errors are counted and kept, never raised."""
    report = IngestReport()
    pending: list[tuple[Article, str]] = []
    seen: set[str] = set()

    def flush() -> None:
        nonlocal extractor
        if not pending:
            return
        if extractor is None:
            from sitrep.pipeline import Extractor

            extractor = Extractor()
        records = list(extractor.extract_many(a for a, _ in pending))
        store.save((a, r, status) for (a, status), r in zip(pending, records))
        for _, status in pending:
            setattr(report, status, getattr(report, status) + 1)
        pending.clear()
        if on_progress:
            on_progress(report)

    for item in read_inputs(paths, fetcher):
        if isinstance(item, InputError):
            report.failed += 1
            report.errors.append(item)
            if on_progress:
                on_progress(report)
            continue
        digest = content_hash(item.text)
        status, stored_id = store.status_of(item)
        if status == "unchanged" or digest in seen or (item.source_url and item.source_url in seen):
            report.unchanged += 1
            if on_progress:
                on_progress(report)
            continue
        seen.add(digest)
        if item.source_url:
            seen.add(item.source_url)
        item.id = stored_id
        pending.append((item, status))
        if len(pending) >= batch_size:
            flush()
    flush()
    if merge:
        report.merged_events = merge_store(store)
    return report
