"""Extraction on every core: worker processes, each with its own extractor, records in input order.

spaCy's model and our stages are pure Python and numpy, so one process uses one core. `ParallelExtractor` cuts the
reports into small chunks and hands them to a pool of worker processes; results come back in input order, so the
output is the same, byte for byte, whatever the number of workers. On Linux the workers are forked from a process
that has already loaded the model, so they start at once and share its memory until they write to it; elsewhere
they are spawned and load it themselves. A single report stays in this process.

`submit` starts a batch and returns at once, so the caller (the ingest run) can store the previous batch while the
workers read the next one: the cores never wait for the single writer.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.model import Article, Record

CHUNK = 8  # reports per task: small enough to balance the workers, large enough to batch the NLP
_WORKER: Any = None  # the extractor of a worker process (inherited on fork, built on spawn)


def default_workers() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(factory: Callable[[], Any] | None) -> None:
    """In each worker: Ctrl-C is the parent's to handle (it stops the pool); the extractor is the parent's copy
    (fork) or built here (spawn)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if factory is not None:
        _WORKER = factory()


def _extract_chunk(articles: list[Article]) -> list[Record]:
    return list(_WORKER.extract_many(articles))


def _default_factory():
    from sitrep.pipeline import Extractor

    return Extractor()


class Pending:
    """A batch in the workers' hands; `result()` waits for its records, in order."""

    def __init__(self, parts: list[Any] | None = None, records: list[Record] | None = None):
        self._parts, self._records = parts, records

    def result(self) -> list[Record]:
        if self._records is None:
            self._records = [r for part in self._parts for r in part.get()]
        return self._records


class ParallelExtractor:
    """An extractor over `workers` processes (default: every core this process may use), with the interface of
    `sitrep.pipeline.Extractor` for many reports. Use it as a context manager, or `close()` it, to stop the pool."""

    def __init__(self, workers: int | None = None, chunk: int = CHUNK,
                 factory: Callable[[], Any] = _default_factory):
        self.workers = workers or default_workers()
        self.chunk = max(1, chunk)
        self._factory = factory
        self._local = None  # this process's extractor: small runs, and the model the forked workers inherit
        self._pool = None

    # ------------------------------------------------------------ the interface
    def extract(self, article: Article) -> Record:
        return self.local().extract(article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order."""
        articles = list(articles)
        if not self._parallel(articles):
            yield from self.local().extract_many(articles)
            return
        pool = self._start()
        for records in pool.imap(_extract_chunk, _chunks(articles, self._size(len(articles)))):
            yield from records

    def submit(self, articles: list[Article]) -> Pending:
        """Start extracting a batch; its records come from `.result()`. Batches submitted one after another are
        read by the workers in turn, with no pause between them."""
        if self.workers == 1 or not articles:
            return Pending(records=list(self.local().extract_many(articles)))
        pool = self._start()
        return Pending(parts=[pool.apply_async(_extract_chunk, (c,))
                              for c in _chunks(articles, self._size(len(articles)))])

    def local(self):
        if self._local is None:
            self._local = self._factory()
        return self._local

    # ------------------------------------------------------------ the pool
    def _parallel(self, articles: list[Article]) -> bool:
        return self.workers > 1 and len(articles) > 1

    def _size(self, n: int) -> int:
        """Reports per task: `chunk`, or fewer so that a small run still goes to every worker."""
        return max(1, min(self.chunk, -(-n // self.workers)))

    def _start(self):
        global _WORKER
        if self._pool is None:
            if "fork" in mp.get_all_start_methods() and sys.platform.startswith("linux"):
                _WORKER = self.local()  # the workers inherit the loaded model: no second load, shared pages
                ctx, factory = mp.get_context("fork"), None
            else:
                ctx, factory = mp.get_context("spawn"), self._factory
            self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(factory,))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ParallelExtractor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass


def _chunks(items: list[Article], size: int) -> Iterator[list[Article]]:
    for k in range(0, len(items), size):
        yield items[k:k + size]
