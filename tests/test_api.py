"""The HTTP API on a real DuckDB store (FastAPI's TestClient): every endpoint, filter, bad parameter, limits."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.ingest.run import ingest
from sitrep.store import Store
from sitrep.web.app import MAX_BODY, create_app
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(db) as store:
        assert ingest([str(SAMPLE)], store, extractor).new == 8
    return db


@pytest.fixture(scope="module")
def client(store_path, extractor):
    app = create_app(store_path)
    app.state.service._extractor = extractor
    with TestClient(app) as c:
        yield c


def test_api_events_list_and_total(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 8 and len(body["events"]) == 8
    assert body["events"][0]["schema"] == "sitrep/1"


@pytest.mark.parametrize("params,expected", [
    ({"country": "SO"}, {"Mogadishu"}),
    ({"country": "ng"}, {"Dapchi", "Chibok"}),
    ({"admin1": "Rakhine"}, set()),
    ({"since": "2021-01-01"}, {"Mariupol", "Kabul airport (Abbey Gate)", "Kabul"}),
    ({"until": "2015-01-01"}, {"Chibok"}),
    ({"type": "protest_riot"}, {"Khartoum"}),
    ({"actor": "Boko Haram"}, {"Dapchi"}),
    ({"min_killed": 300}, {"Mariupol", "Mogadishu"}),
    ({"near": "2.04,45.34", "within": 50}, {"Mogadishu"}),
])
def test_api_events_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    names = {e["location"]["name"] for e in r.json()["events"]}
    assert names == expected or names <= expected | {"Kabul"} and names


def test_api_events_paging(client):
    a = client.get("/api/events", params={"limit": 3, "offset": 0}).json()["events"]
    b = client.get("/api/events", params={"limit": 3, "offset": 3}).json()["events"]
    assert len(a) == 3 and len(b) == 3 and not {e["id"] for e in a} & {e["id"] for e in b}


def test_api_events_geojson(client):
    doc = client.get("/api/events", params={"format": "geojson", "country": "SO"}).json()
    assert doc["type"] == "FeatureCollection"
    (f,) = doc["features"]
    lon, lat = f["geometry"]["coordinates"]
    assert 1 < lat < 3 and 44 < lon < 46


@pytest.mark.parametrize("params,status,message", [
    ({"country": "Iraq"}, 422, "country"),
    ({"since": "yesterday"}, 422, "since"),
    ({"min_killed": -1}, 422, "min_killed"),
    ({"limit": 5000}, 422, "limit"),
    ({"near": "north"}, 422, "near"),
    ({"near": "95,10"}, 400, "latitude"),
    ({"within": 10}, 400, "within needs near"),
    ({"type": "riot"}, 400, "unknown type"),
    ({"since": "2020-01-02", "until": "2020-01-01"}, 400, "since is after until"),
    ({"format": "xml"}, 422, "format"),
])
def test_api_bad_parameters_are_clear_json_errors(client, params, status, message):
    r = client.get("/api/events", params=params)
    assert r.status_code == status
    assert message in r.text and r.headers["content-type"].startswith("application/json")


def test_api_event_detail_with_evidence(client):
    event_id = client.get("/api/events", params={"country": "SO"}).json()["events"][0]["id"]
    d = client.get(f"/api/events/{event_id}").json()
    assert d["figures"]["killed"] == {"low": 358, "best": 358, "high": 358}
    (report,) = d["report_details"]
    assert any(f["text"] == "358" for f in report["figures"])
    assert any("risen to 358" in ev["text"] for ev in report["evidence"])


def test_api_unknown_event_and_article_are_404(client):
    assert client.get("/api/events/nope").status_code == 404
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and "no article" in r.json()["detail"]


def test_api_article_with_its_events(client):
    a = client.get("/api/articles/mogadishu-truck-bomb").json()
    assert a["title"].startswith("Mogadishu truck bomb") and a["published"] == "2017-10-20"
    fig = next(f for f in a["events"][0]["figures"] if f["text"] == "358")
    assert a["text"][fig["start"]:fig["end"]] == "358" and a["events"][0]["merged_id"]


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_api_stats(client, by):
    s = client.get("/api/stats", params={"by": by}).json()
    assert s["by"] == by and sum(x["events"] for x in s["series"]) == 8
    assert {c["country"] for c in s["by_country"]} >= {"NG", "SO", "UA"}


def test_api_stats_filtered(client):
    s = client.get("/api/stats", params={"country": "NG"}).json()
    assert sum(x["events"] for x in s["series"]) == 2


def test_api_extract_does_not_store(client):
    r = client.post("/api/extract", json={"text": "Gunmen killed 12 villagers in Zamfara state on Friday, police said.",
                                          "published": "2024-03-08"})
    assert r.status_code == 200
    rec = r.json()
    assert rec["schema"] == "sitrep/1" and rec["events"][0]["figures"][0]["min"] == 12
    assert client.get("/api/events").json()["total"] == 8


def test_api_extract_makes_a_lone_surrogate_text(client):
    """The issue's reproduction: "\\ud800" in a JSON body crashed spaCy's tokenizer and the API answered 500."""
    body = b'{"text": "Gunmen killed 12 villagers in Zamfara state \\ud800 on Friday, police said.", "title": "\\udc00"}'
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200
    rec = r.json()
    assert rec["article"]["title"] == "\ufffd" and rec["events"][0]["figures"][0]["min"] == 12


@pytest.mark.parametrize("body,status,message", [
    ({"text": ""}, 422, "is empty"),
    ({"nope": 1}, 422, 'has no "text" string'),
    (["Gunmen killed 12 people."], 422, "valid dictionary"),
    ({"text": "Gunmen killed 12 people.", "published": "08/03/2024"}, 422, "YYYY-MM-DD"),
    ({"text": "Gunmen killed 12 people.", "published": "0001-01-01"}, 422, "outside 1900-01-01..2100-12-31"),
    ({"text": "Gunmen killed 12 people.", "published": 20240308}, 422, "field 'published'"),
    ({"text": "Gunmen killed 12 people.", "url": 123}, 422, "field 'url': Input should be a valid string (got 123)"),
    ({"text": "Gunmen killed 12 people.", "title": ["a"]}, 422, "field 'title'"),
    ({"text": "Gunmen killed 12 people.", "outlet": {"name": "x"}}, 422, "field 'outlet'"),
    ({"text": "Gunmen killed 12 people.", "id": 1.5}, 422, "field 'id'"),
    ({"text": 12}, 422, "field 'text'"),
    ({"text": "Gunmen killed 12 people.", "language": "fr"}, 422, "is in language 'fr'"),
    ({"text": "Des hommes armés ont tué douze villageois vendredi soir dans le nord du pays, selon la police."},
     422, "reads as French"),
    ({"text": "x " * 60_000}, 413, "limit"),
])
def test_api_extract_bad_input(client, body, status, message):
    r = client.post("/api/extract", json=body)
    assert r.status_code == status and message in r.json()["detail"]


def test_api_extract_record_keeps_the_schema_and_tells_the_language(client):
    import jsonschema

    from sitrep.record import json_schema

    r = client.post("/api/extract", json={"text": "Gunmen killed 12 villagers in Zamfara state on Friday, police said.",
                                          "url": "https://example.invalid/a", "title": "", "outlet": None})
    assert r.status_code == 200
    rec = r.json()
    assert rec["article"]["source_url"] == "https://example.invalid/a" and rec["article"]["language"] == "en"
    jsonschema.Draft202012Validator(json_schema()).validate(rec)


@pytest.mark.parametrize("params", [{"offset": 9223372036854775808}, {"offset": 2**31}, {"min_killed": 10**20},
                                    {"limit": 10**30}])
def test_api_huge_paging_and_counts_are_422_not_500(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and next(iter(params)) in r.json()["detail"]


def test_api_request_body_size_limit(client):
    r = client.post("/api/extract", content=b"{" + b" " * (MAX_BODY + 10) + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_api_chunked_body_is_counted_as_it_is_read(client):
    """No Content-Length to believe: the bytes read are counted, and the read stops at the limit."""
    chunks = (b" " * 16_384 for _ in range(64))  # 1 MB, sent chunked
    r = client.post("/api/extract", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["detail"] == f"the request body is larger than {MAX_BODY:,} bytes"
    small = (part for part in [b'{"text": "Gunmen killed 12 people ', b'in Kano on Friday."}'])
    assert client.post("/api/extract", content=small, headers={"content-type": "application/json"}).status_code == 200


class _CountingReceive:
    """ASGI wrapper counting the request-body bytes the server hands the app."""

    def __init__(self, app):
        self.app, self.received = app, 0

    async def __call__(self, scope, receive, send):
        async def counted():
            message = await receive()
            if message["type"] == "http.request":
                self.received += len(message.get("body", b""))
            return message

        await self.app(scope, counted, send)


def _post_chunked(base: str, path: str, total: int, size: int = 16_384) -> tuple[str, int]:
    """POST `total` bytes to a real server in chunks (Transfer-Encoding: chunked, no Content-Length), stopping as
    soon as the server answers; the status line and the bytes sent."""
    import select
    import socket

    host, port = base.removeprefix("http://").split(":")
    piece = f"{size:x}\r\n".encode() + b" " * size + b"\r\n"
    sent, data = 0, b""
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n".encode())
        try:
            while sent < total and not select.select([s], [], [], 0)[0]:
                s.sendall(piece)
                sent += size
            if sent >= total:
                s.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending: what we want
        while b"\r\n" not in data:
            try:
                got = s.recv(4096)
            except ConnectionResetError:
                break
            if not got:
                break
            data += got
    return data.split(b"\r\n", 1)[0].decode(), sent


def test_api_chunked_upload_to_a_real_server_stops_at_the_limit(tmp_path):
    """Against uvicorn on 127.0.0.1: a 4 MB chunked body gets 413, and the app reads little past 256 KB."""
    from sitrep.web.local import running

    app = _CountingReceive(create_app(tmp_path / "empty.duckdb"))
    with running(app) as base:
        status, sent = _post_chunked(base, "/api/extract", 4_000_000)
        assert " 413 " in status
        assert MAX_BODY < sent and MAX_BODY < app.received < MAX_BODY + 600_000  # one read past the limit at most
        app.received = 0
        status, _ = _post_chunked(base, "/api/events", 4_000_000)  # a GET-only path: refused, body never read
        assert " 405 " in status and app.received == 0


def test_api_ingest_is_refused_on_a_read_only_server(client):
    r = client.post("/api/ingest", json={"text": "Gunmen killed 12 villagers on Friday."})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_api_ingest_when_writes_are_allowed(tmp_path, extractor):
    app = create_app(tmp_path / "w.duckdb", allow_writes=True)
    app.state.service._extractor = extractor
    with TestClient(app) as c:
        body = {"id": "w1", "text": "A car bomb killed 9 people in Mogadishu on Tuesday, police said.",
                "published": "2023-04-11", "url": "https://example.invalid/w1"}
        first = c.post("/api/ingest", json=body).json()
        again = c.post("/api/ingest", json=body).json()
        assert (first["status"], again["status"]) == ("new", "unchanged")
        assert c.get("/api/events").json()["total"] == 1


def test_api_security_headers_and_no_cors(client):
    r = client.get("/", headers={"Origin": "https://evil.invalid"})
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers


def test_api_openapi_page_works_offline(client):
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    page = client.get("/docs").text
    assert "/static/vendor/swagger/swagger-ui-bundle.js" in page and "cdn" not in page
    assert client.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200


def test_api_serves_the_dashboard_and_vendored_map(client):
    assert "sitrep" in client.get("/").text
    for asset in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/vendor/world/countries-110m.json"):
        assert client.get(asset).status_code == 200
