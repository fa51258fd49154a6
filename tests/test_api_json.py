"""The API's event pages are JSON written by DuckDB (queries.page_json); they must say exactly what the Python
path (find_events + reports_of + to_spec) says, on a real store with the awkward cases added: passing mentions,
reports without a date, events without actors or a place, one-sided figures, quotes and non-ASCII names."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from sitrep.ingest.run import ingest
from sitrep.store import Store
from sitrep.store.queries import EventFilter, page_json, spec_events
from sitrep.web.app import create_app
from tests.conftest import SAMPLE

ODD_NAME = 'Tall "al-Qamh" \\ <Ṣāliḥ>\u2028 حي'


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("pagejson") / "pagejson.duckdb"
    with Store(db) as store:
        ingest([str(SAMPLE)], store, extractor)
        con = store.con
        ids = [r[0] for r in con.execute("SELECT merged_id FROM merged_events ORDER BY merged_id").fetchall()]
        assert len(ids) >= 5
        first, second, third, fourth = ids[:4]
        # Two more reports of the first event: a passing mention with no date, and a report dated before the rest.
        for n, (published, link) in enumerate([(None, "mention"), (date(2001, 1, 1), "report")]):
            con.execute("INSERT INTO articles (article_id, content_hash, title, published, outlet, text, version, "
                        "ingested_at) VALUES (?, ?, 'A test report', ?, 'Our outlet', 'Text.', 1, now())",
                        [f"extra-{n}", f"hash-{n}", published])
            con.execute("INSERT INTO report_events (event_id, article_id, seq) VALUES (?, ?, 0)",
                        [f"extra-{n}#0", f"extra-{n}"])
            con.execute("INSERT INTO merge_links VALUES (?, ?, ?)", [f"extra-{n}#0", first, link])
        con.execute("UPDATE merged_events SET actors = NULL, location_name = ? WHERE merged_id = ?", [ODD_NAME, second])
        con.execute("UPDATE merged_events SET actors = '[]', lat = NULL, lon = NULL, where_prec = NULL "
                    "WHERE merged_id = ?", [third])
        con.execute("""UPDATE merged_events SET actors = '[{"name": "Ḥ \\"X\\"", "role": "target"}]',
                       killed_low = NULL, killed_best = NULL, killed_high = 7, injured_low = 2, injured_best = NULL,
                       injured_high = NULL WHERE merged_id = ?""", [fourth])
    return db


def _python_geojson(events: list[dict]) -> dict:
    """The GeoJSON the API built in Python before DuckDB wrote it."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": s["id"],
         "geometry": {"type": "Point", "coordinates": [s["location"]["lon"], s["location"]["lat"]]}
         if s["location"]["lat"] is not None else None, "properties": s} for s in events]}


FILTERS = [EventFilter(limit=100), EventFilter(limit=3, offset=2), EventFilter(country="NG", limit=10),
           EventFilter(country="ZZ", limit=10), EventFilter(since=date(2021, 1, 1), limit=5), EventFilter()]


@pytest.mark.parametrize("f", FILTERS)
def test_page_json_is_what_to_spec_says(store_path, f):
    with Store(store_path, read_only=True) as store:
        want = json.loads(json.dumps(spec_events(store.con, f), default=str))
        total, text = page_json(store.con, f)
        assert json.loads(text) == want
        assert total == len(spec_events(store.con, replace(f, limit=None, offset=0)))
        _, features = page_json(store.con, f, geojson=True)
        assert json.loads(features) == _python_geojson(want)["features"]


def test_page_json_keeps_the_awkward_cases(store_path):
    with Store(store_path, read_only=True) as store:
        events = {e["id"]: e for e in json.loads(page_json(store.con, EventFilter())[1])}
    by_reports = max(events.values(), key=lambda e: len(e["reports"]) + len(e["mentioned_in"]))
    assert by_reports["reports"][0]["published"] == "2001-01-01"  # the earliest report first
    assert [m["article_id"] for m in by_reports["mentioned_in"]] == ["extra-0"]
    assert by_reports["mentioned_in"][0]["published"] is None
    odd = next(e for e in events.values() if e["location"]["name"] == ODD_NAME)
    assert odd["actors"] == []
    placeless = next(e for e in events.values() if e["location"]["lat"] is None)
    assert placeless["actors"] == [] and placeless["location"]["precision"] is None
    one_sided = next(e for e in events.values() if e["actors"] and e["actors"][0]["role"] == "target")
    assert one_sided["actors"] == [{"name": 'Ḥ "X"', "role": "target", "type": None}]
    assert one_sided["figures"]["killed"] == {"low": None, "best": None, "high": 7}
    assert one_sided["figures"]["injured"] == {"low": 2, "best": None, "high": None}


def test_the_api_pages_are_the_python_answers(store_path):
    with Store(store_path, read_only=True) as store:
        want = json.loads(json.dumps(spec_events(store.con, EventFilter(limit=4, offset=1)), default=str))
        total = len(spec_events(store.con, EventFilter()))
    with TestClient(create_app(store_path)) as c:
        page = c.get("/api/events", params={"limit": 4, "offset": 1})
        geo = c.get("/api/events", params={"limit": 4, "offset": 1, "format": "geojson"})
    assert page.status_code == 200 and page.headers["content-type"] == "application/json"
    assert page.json() == {"total": total, "limit": 4, "offset": 1, "events": want}
    assert geo.json() == _python_geojson(want)


@pytest.mark.parametrize("geojson", [False, True])
def test_the_page_index_answers_what_the_store_answers(store_path, geojson):
    from sitrep.web.pages import PageIndex

    filters = FILTERS + [EventFilter(actor="boko", limit=5), EventFilter(near=(2.04, 45.34), within_km=50, limit=5),
                         EventFilter(admin1="borno", min_killed=1, limit=5), EventFilter(event_type="battle", limit=2)]
    with Store(store_path, read_only=True) as store:
        index = PageIndex()
        index.refresh(store.con, 7)
        assert index.wait(7)
        assert index.page(EventFilter(), 8) is None  # another state of the store: not this index's to answer
        for f in filters:
            total, text = index.page(f, 7, geojson)
            want_total, want = page_json(store.con, f, geojson)
            assert total == want_total and json.loads(text) == json.loads(want), f
        index.close()


def test_a_store_too_large_for_the_index_is_read_directly(store_path):
    from sitrep.web.pages import PageIndex

    with Store(store_path, read_only=True) as store:
        index = PageIndex(max_events=3)
        index.refresh(store.con, 0)
        assert not index.wait(0)
        assert index.page(EventFilter(), 0) is None
        index.close()


def test_the_index_follows_a_write(tmp_path, extractor):
    db = tmp_path / "w.duckdb"
    with TestClient(create_app(db, allow_writes=True)) as c:
        service = c.app.state.service
        service._extractor = extractor
        assert service.pages.wait(service.reads.version)
        assert c.get("/api/events").json()["total"] == 0
        r = c.post("/api/ingest", json={"text": "Gunmen killed 12 villagers in Maiduguri on Friday.",
                                        "published": "2024-03-08"})
        assert r.status_code == 200, r.text
        assert service.pages.wait(service.reads.version)
        body = c.get("/api/events").json()
        assert body["total"] == 1 and body["events"][0]["figures"]["killed"]["best"] == 12
