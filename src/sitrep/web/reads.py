"""Reads for the API: a pool of store cursors used off the event loop, responses serialised once, and cache
validators.

A request's query runs in a worker thread on a cursor of its own (a DuckDB cursor is a connection of its own to
the same database), so the event loop keeps accepting requests and reads run side by side. The answer is
serialised once, by orjson, straight to bytes; FastAPI's default path (jsonable_encoder, then json.dumps) walked
every value twice and was most of the API's time.

Every read answer carries an ETag made of the store's state and the request (path and query). The state is a
token of the store file taken at start and a counter that every write through this server increments: DuckDB lets
no other process write a file this server has open, so nothing else can change what a read returns. A client that
sends the ETag back (`If-None-Match`) gets `304 Not Modified` without a query. Recent answers are kept, bounded in
bytes, so a dashboard reload or many clients asking the same thing cost a dictionary lookup.
"""
from __future__ import annotations

import hashlib
import os
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import anyio
import orjson
from fastapi import Request
from fastapi.responses import Response

CACHE_BYTES = 64_000_000  # answers kept: a GeoJSON page of 1,000 events is 0.65 MB
CACHE_ENTRIES = 512


def _default(value: Any) -> Any:
    """What orjson does not know: DuckDB's decimals (sums) and sets."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(payload: Any) -> bytes:
    return orjson.dumps(payload, default=_default, option=orjson.OPT_NON_STR_KEYS)


def _bytes(payload: Any) -> bytes:
    """An answer as JSON bytes: those a query wrote itself (DuckDB's own JSON) as they are, anything else by orjson."""
    return payload if isinstance(payload, bytes) else dumps(payload)


def json_response(payload: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(payload), status_code=status_code, media_type="application/json", headers=headers)


class Reads:
    """Cursors of one store connection, lent to worker threads one request at a time, and the answers cache."""

    def __init__(self, con, path: Path, size: int = 4, read_only: bool = True):
        self._cursors: queue.Queue = queue.Queue()
        for _ in range(size):
            self._cursors.put(con.cursor())
        self._all = list(self._cursors.queue)
        self.limiter = anyio.CapacityLimiter(size)
        # The file's state names the store's: a server restarted on the same file keeps its ETags. A server that
        # writes counts its writes from 0 again when restarted, so its start time is part of the token too.
        seed = str(path) + "".join(_stat(p) for p in (path, Path(f"{path}.wal")))
        if not read_only:
            seed += f":{time.time_ns()}"
        self.token = hashlib.blake2b(seed.encode(), digest_size=6).hexdigest()
        self.version = 0
        self._cache: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self._cache_bytes = 0
        self._lock = threading.Lock()

    def changed(self) -> None:
        """The store was written: every ETag changes and the kept answers go."""
        with self._lock:
            self.version += 1
            self._cache.clear()
            self._cache_bytes = 0

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(cursor, *args) in a worker thread, on a cursor no other request is using."""
        return await anyio.to_thread.run_sync(self._call, fn, args, limiter=self.limiter)

    def _call(self, fn, args):
        con = self._cursors.get()
        try:
            return fn(con, *args)
        finally:
            self._cursors.put(con)

    def etag(self, key: str) -> str:
        digest = hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
        return f'"{self.token}.{self.version}.{digest}"'

    async def answer(self, request: Request, fn: Callable[..., Any], *args: Any) -> Response:
        """The JSON answer of fn(cursor, *args) for this request: 304 when the client has it, the kept bytes when
        this server made it already, else made now (off the event loop) and kept."""
        key = request.url.path + "?" + "&".join(sorted(request.url.query.split("&")))
        etag = self.etag(key)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}  # no-cache: keep it, but ask (a 304 is cheap)
        if etag in _none_match(request):
            return Response(status_code=304, headers=headers)
        kept = self._cache.get(key)
        if kept is not None and kept[0] == etag:
            self._cache.move_to_end(key)
            return Response(kept[1], media_type="application/json", headers=headers)
        version = self.version
        body = await self.run(lambda con: _bytes(fn(con, *args)))
        with self._lock:
            if version == self.version:  # not written meanwhile: the answer is still this state's
                self._keep(key, etag, body)
        return Response(body, media_type="application/json", headers=headers)

    def _keep(self, key: str, etag: str, body: bytes) -> None:
        if len(body) > CACHE_BYTES // 8:
            return
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_bytes -= len(old[1])
        self._cache[key] = (etag, body)
        self._cache_bytes += len(body)
        while self._cache and (self._cache_bytes > CACHE_BYTES or len(self._cache) > CACHE_ENTRIES):
            _, (_, dropped) = self._cache.popitem(last=False)
            self._cache_bytes -= len(dropped)

    def close(self) -> None:
        for con in self._all:
            try:
                con.close()
            except Exception:  # already closed with its connection
                pass


def _stat(path: Path) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return ":-"
    return f":{st.st_mtime_ns}:{st.st_size}"


def _none_match(request: Request) -> set[str]:
    header = request.headers.get("if-none-match")
    if not header:
        return set()
    return {t.strip().removeprefix("W/") for t in header.split(",")}
