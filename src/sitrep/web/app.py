"""The HTTP API and the dashboard, on the same store the CLI uses.

`create_app(db)` serves, read-only unless asked: the JSON API (`/api/...`, OpenAPI at `/docs` with assets shipped
in the package, so it works offline) and the dashboard (`/`). Report text is untrusted: the API returns it as
JSON strings and the dashboard only ever puts it into the page as text; every response carries a strict Content
Security Policy. Request bodies are size-limited; there is no CORS unless origins are given.
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.ingest.fields import ReportFields, describe
from sitrep.ingest.files import InputError, short_id
from sitrep.model import EVENT_TYPES, Article
from sitrep.store import Store
from sitrep.store.queries import (CATEGORIES, EventFilter, article_detail, by_country, by_period,
                                  count_report_events, event_detail, page_json, parse_point)
from sitrep.web.extraction import Extractions
from sitrep.web.pages import PageIndex
from sitrep.web.reads import Reads, dumps, json_response

MAX_BODY = 256_000  # bytes: a long report is 50,000 characters
MAX_TEXT = 100_000  # characters of one report sent for extraction
MAX_COUNT = 2**31 - 1  # offsets and counts in queries: the store's integers, never an overflow
STATIC = resources.files("sitrep.web") / "static"
CSP = ("default-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class Service:
    """The store, the cursors reads use, and the extraction workers, shared by requests."""

    def __init__(self, db: Path, allow_writes: bool, extract_workers: int | None = None, readers: int = 4):
        self.allow_writes = allow_writes
        if not db.exists():
            Store(db).close()  # create an empty, migrated store
        self.store = Store(db, read_only=not allow_writes)
        self.reads = Reads(self.store.con, self.store.path, readers, read_only=not allow_writes)
        self.extractions = Extractions(extract_workers)
        self.pages = PageIndex(readers=readers)
        self.pages.refresh(self.store.con, self.reads.version)
        self._write_lock = asyncio.Lock()

    @property
    def _extractor(self):
        return self.extractions.extractor

    @_extractor.setter
    def _extractor(self, extractor) -> None:
        """An extractor already loaded (tests): extraction then runs in a thread of this process."""
        self.extractions.extractor = extractor

    async def extract(self, article: Article):
        return await self.extractions.extract(article)

    async def ingest(self, article: Article) -> dict[str, Any]:
        """Store one report and re-merge: one write at a time; the extraction runs with the other extractions,
        and reads go on meanwhile."""
        from sitrep.store import merge_store

        async with self._write_lock:
            status, stored_id = await anyio.to_thread.run_sync(self.store.status_of, article)
            if status != "unchanged":
                article.id = stored_id
                record = await self.extract(article)

                def write() -> None:
                    self.store.save([(article, record, status)])
                    merge_store(self.store)

                await anyio.to_thread.run_sync(write)
                self.reads.changed()
                self.pages.refresh(self.store.con, self.reads.version)
            n = await self.reads.run(count_report_events, stored_id)
        return {"status": status, "article_id": stored_id, "events": n}

    def events_page(self, con, f: EventFilter, geojson: bool) -> tuple[int, str]:
        """(total, JSON array) of an events page: from the page index when it holds the store's current state,
        else from the store."""
        return self.pages.page(f, self.reads.version, geojson) or page_json(con, f, geojson)

    def close(self) -> None:
        self.extractions.close()
        self.pages.close()
        self.reads.close()
        self.store.close()


def create_app(db: Path, allow_writes: bool = False, cors_origins: list[str] | None = None,
               extract_workers: int | None = None) -> FastAPI:
    service = Service(Path(db), allow_writes, extract_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.close()

    # max_body_size counts the bytes actually received (a chunked body has no Content-Length to believe) and
    # answers 413 as soon as they pass the limit, so an oversized body is never read whole.
    app = FastAPI(title="sitrep", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Conflict events with their figures, places, dates, actors and evidence.",
                  max_body_size=MAX_BODY)
    app.state.service = service

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        """422 with one readable line naming each bad field (the dashboard shows `detail`), and pydantic's list."""
        errors = exc.errors()
        return JSONResponse({"detail": describe(errors), "errors": jsonable_encoder(errors)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        """FastAPI's answers, with the body limit said in bytes when that is what was passed."""
        if exc.status_code == 413 and exc.detail == "Content Too Large":
            exc = StarletteHTTPException(413, f"the request body is larger than {MAX_BODY:,} bytes")
        return await http_exception_handler(request, exc)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "POST"])

    # ------------------------------------------------------------ events
    @app.get("/api/events", summary="Merged events, with the CLI's filters; JSON or GeoJSON")
    async def events(
        request: Request,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO alpha-2")] = None,
        admin1: str | None = None,
        since: date | None = None,
        until: date | None = None,
        type: Annotated[str | None, Query(description="event type")] = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
        min_killed: Annotated[int | None, Query(ge=0, le=MAX_COUNT)] = None,
        near: Annotated[str | None, Query(pattern=r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$", description="LAT,LON")] = None,
        within: Annotated[float | None, Query(gt=0, le=20000, description="km")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 0,
        format: Literal["json", "geojson"] = "json",
    ):
        f = _filter(country, admin1, since, until, type, actor, min_killed, near, within, limit, offset)
        return await service.reads.answer(request, _geojson if format == "geojson" else _page, service, f)

    @app.get("/api/events/{event_id}", summary="One merged event: reconciled figures, each report's figures, evidence")
    async def event(request: Request, event_id: str):
        return await service.reads.answer(request, _found, event_detail, event_id, "event")

    @app.get("/api/articles/{article_id}", summary="One stored report: its text and every event it tells")
    async def article(request: Request, article_id: str):
        return await service.reads.answer(request, _found, article_detail, article_id, "article")

    @app.get("/api/stats", summary="Events and people killed, injured, displaced and abducted by day, week or "
                                   "month, and by country")
    async def stats(
        request: Request,
        by: Literal["day", "week", "month"] = "month",
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
        since: date | None = None,
        until: date | None = None,
        type: str | None = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
    ):
        f = _filter(country, None, since, until, type, actor, None, None, None, None, 0)
        return await service.reads.answer(request, _stats, f, by)

    # ------------------------------------------------------------ extraction and ingest
    @app.post("/api/extract", summary="Extract one report (not stored): its record (docs/formats.md)")
    async def extract(report: Annotated[ReportFields, Body(examples=[{"text": "Gunmen killed 12 villagers on Friday.",
                                                                       "published": "2024-03-08"}])]):
        article = _article(report, "pasted")
        from sitrep.record import record_to_dict

        return json_response(record_to_dict(await service.extract(article)))

    @app.post("/api/ingest", summary="Store one report and re-merge (only when the server allows writes)")
    async def ingest(report: ReportFields):
        if not service.allow_writes:
            raise HTTPException(403, "this server is read-only: start it with --allow-writes to ingest")
        article = _article(report, report.id)
        return json_response(await service.ingest(article))

    # ------------------------------------------------------------ pages
    @app.get("/docs", include_in_schema=False)
    def docs():
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    index_html = (STATIC / "index.html").read_text(encoding="utf-8")  # read once: it ships with the package

    @app.get("/", include_in_schema=False)
    def index():
        return HTMLResponse(index_html)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def app_from_env() -> FastAPI:
    """The read-only app of one of `sitrep serve --workers N`'s processes, configured by $SITREP_SERVE (JSON)."""
    import json
    import os

    conf = json.loads(os.environ["SITREP_SERVE"])
    return create_app(Path(conf["db"]), cors_origins=conf.get("cors"), extract_workers=conf.get("extract_workers"))


def _page(con, service: Service, f: EventFilter) -> bytes:
    """The events page, its JSON written by DuckDB (web.pages, queries.page_json): only the envelope is made here."""
    total, events = service.events_page(con, f, geojson=False)
    head = dumps({"total": total, "limit": f.limit, "offset": f.offset})
    return head[:-1] + b',"events":' + events.encode() + b"}"


def _geojson(con, service: Service, f: EventFilter) -> bytes:
    _, features = service.events_page(con, f, geojson=True)
    return b'{"type":"FeatureCollection","features":' + features.encode() + b"}"


def _stats(con, f: EventFilter, by: str) -> dict[str, Any]:
    return {"by": by, "series": by_period(con, f, by), "by_country": by_country(con, f),
            "categories": list(CATEGORIES)}


def _found(con, detail, key: str, what: str) -> dict[str, Any]:
    out = detail(con, key)
    if out is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return out


def _filter(country, admin1, since, until, event_type, actor, min_killed, near, within, limit, offset) -> EventFilter:
    if event_type is not None and event_type not in EVENT_TYPES:
        raise HTTPException(400, f"unknown type {event_type!r}; one of {', '.join(EVENT_TYPES)}")
    point = None
    if near:
        try:
            point = parse_point(near)
        except ValueError as e:
            raise HTTPException(400, f"near: {e}") from None
    if within is not None and point is None:
        raise HTTPException(400, "within needs near")
    if since and until and since > until:
        raise HTTPException(400, "since is after until")
    return EventFilter(country=country, admin1=admin1, since=since, until=until,
                       event_type=event_type, actor=actor, min_killed=min_killed, near=point, within_km=within,
                       limit=limit, offset=offset)


def _article(report: ReportFields, article_id: str | None) -> Article:
    """The posted report (its fields checked already) as an Article, with the API's own size limit: 413 when too
    long, 422 when the text is not a report sitrep reads (empty, not English)."""
    from sitrep.ingest.jsonl import article_from_fields

    if len(report.text) > MAX_TEXT:
        raise HTTPException(413, f"the report is {len(report.text):,} characters; the limit is {MAX_TEXT:,}")
    try:
        return article_from_fields(report, "the report", article_id or short_id(report.text))
    except InputError as e:
        raise HTTPException(422, str(e)) from None
