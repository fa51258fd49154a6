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


@pytest.mark.parametrize("body,status,message", [
    ({"text": ""}, 400, "non-empty"),
    ({"nope": 1}, 400, "text"),
    ({"text": "Gunmen killed 12 people.", "published": "08/03/2024"}, 400, "YYYY-MM-DD"),
    ({"text": "x " * 60_000}, 413, "limit"),
])
def test_api_extract_bad_input(client, body, status, message):
    r = client.post("/api/extract", json=body)
    assert r.status_code == status and message in r.json()["detail"]


def test_api_request_body_size_limit(client):
    r = client.post("/api/extract", content=b"{" + b" " * (MAX_BODY + 10) + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


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
