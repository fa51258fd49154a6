"""Extraction for the API, apart from reads.

Reading a report is seconds of pure-Python work: in the server's own process it would hold the interpreter lock
and slow every GET meanwhile. So extraction runs in worker processes of its own (spawned, each loading the model
once, on the first report it is given), as many as the cores less one, which is left to the reads. An extractor
handed in (tests do, to reuse a loaded model) runs in one thread of this process instead, one report at a time.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from sitrep.model import Article, Record

_EXTRACTOR: Any = None


def default_extract_workers() -> int:
    from sitrep.parallel import default_workers

    return max(1, default_workers() - 1)


def _extract_here(article: Article) -> Record:
    """In a worker process: the extractor it loaded on its first report."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from sitrep.pipeline import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR.extract(article)


class Extractions:
    def __init__(self, workers: int | None = None):
        self.workers = workers or default_extract_workers()
        self.extractor = None  # set: extract in this process, in a thread of its own
        self._executor: Executor | None = None

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.extractor is not None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="sitrep-extract")
            else:
                self._executor = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"))
        return self._executor

    async def extract(self, article: Article) -> Record:
        pool = self._pool()
        fn = self.extractor.extract if self.extractor is not None else _extract_here
        return await asyncio.wrap_future(pool.submit(fn, article))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
