"""The API's read path: answers carry an ETag and are 304 when the client has them, change when the store is
written, are the same bytes kept or fresh, and a GET is answered while an extraction is still running."""
from __future__ import annotations

import threading

import httpx
import pytest
from fastapi.testclient import TestClient

from sitrep.ingest.run import ingest
from sitrep.store import Store
from sitrep.web.app import create_app
from sitrep.web.local import running
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("reads") / "reads.duckdb"
    with Store(db) as store:
        ingest([str(SAMPLE)], store, extractor)
    return db


@pytest.mark.parametrize("path", ["/api/events?limit=3", "/api/events?format=geojson", "/api/stats?by=week",
                                  "/api/events?country=NG&limit=5"])
def test_answers_have_an_etag_and_are_304_when_the_client_has_them(store_path, path):
    with TestClient(create_app(store_path)) as c:
        first = c.get(path)
        again = c.get(path)
        assert first.status_code == again.status_code == 200
        assert first.content == again.content  # kept or made again, the same bytes
        etag = first.headers["etag"]
        assert etag == again.headers["etag"] and first.headers["cache-control"] == "no-cache"
        not_modified = c.get(path, headers={"If-None-Match": etag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert c.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_same_query_in_another_order_is_the_same_answer_and_others_differ(store_path):
    with TestClient(create_app(store_path)) as c:
        a = c.get("/api/events?country=NG&limit=5")
        b = c.get("/api/events?limit=5&country=NG")
        other = c.get("/api/events?country=SO&limit=5")
        assert a.headers["etag"] == b.headers["etag"] != other.headers["etag"]
        assert a.json() != other.json()


def test_a_missing_event_is_404_and_not_kept(store_path):
    with TestClient(create_app(store_path)) as c:
        for _ in range(2):
            r = c.get("/api/events/nope")
            assert r.status_code == 404 and "etag" not in r.headers


def test_a_write_changes_the_etag_and_the_answer(tmp_path, extractor):
    app = create_app(tmp_path / "w.duckdb", allow_writes=True)
    app.state.service._extractor = extractor
    with TestClient(app) as c:
        before = c.get("/api/events")
        assert before.json()["total"] == 0
        c.post("/api/ingest", json={"id": "w1", "text": "A car bomb killed 9 people in Mogadishu on Tuesday.",
                                    "published": "2023-04-11"}).raise_for_status()
        after = c.get("/api/events", headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.json()["total"] == 1
        assert after.headers["etag"] != before.headers["etag"]


class _Held:
    """An extractor that waits until released: an extraction that is still running."""

    def __init__(self, extractor):
        self.extractor, self.started, self.release = extractor, threading.Event(), threading.Event()

    def extract(self, article):
        self.started.set()
        self.release.wait(60)
        return self.extractor.extract(article)


def test_a_get_is_answered_while_an_extraction_runs(store_path, extractor):
    held = _Held(extractor)
    app = create_app(store_path)
    app.state.service._extractor = held
    with running(app) as base:
        result = {}

        def post() -> None:
            result["r"] = httpx.post(base + "/api/extract", json={"text": "Gunmen killed 4 people on Friday."},
                                     timeout=120)

        poster = threading.Thread(target=post)
        poster.start()
        try:
            assert held.started.wait(60)
            r = httpx.get(base + "/api/events?limit=2", timeout=60)  # answered with the extraction still held
            assert r.status_code == 200 and len(r.json()["events"]) == 2
            assert "r" not in result
        finally:
            held.release.set()
            poster.join(120)
        assert result["r"].status_code == 200 and result["r"].json()["schema"] == "sitrep/1"


def test_extraction_runs_in_a_worker_process_of_its_own(tmp_path):
    """No extractor handed in: the server's worker process loads the model and reads the report."""
    import os

    app = create_app(tmp_path / "e.duckdb", extract_workers=1)
    with TestClient(app) as c:
        r = c.post("/api/extract", json={"text": "Gunmen killed 12 villagers in Zamfara state on Friday, police said.",
                                         "published": "2024-03-08"})
        assert r.status_code == 200, r.text
        figs = [(f["category"], f["min"]) for e in r.json()["events"] for f in e["figures"]]
        assert ("killed", 12) in figs
        pids = list(app.state.service.extractions._executor._processes)
        assert pids and os.getpid() not in pids


def test_serve_with_several_processes_answers_with_one_etag(store_path):
    """`sitrep serve --workers 2`: read-only processes on one store; the ETag is the store's, whichever answers."""
    import os
    import subprocess
    import sys
    import time

    from sitrep.web.local import free_port
    from tests.conftest import ROOT

    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(store_path), "--port",
                             str(port), "--workers", "2"], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to a minute for both processes to start
            try:
                first = httpx.get(base + "/api/events?limit=2", timeout=10)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, "the server stopped"
                time.sleep(0.1)
        answers = [httpx.get(base + "/api/events?limit=2", timeout=10) for _ in range(6)]
        assert {r.status_code for r in answers} == {200} and len(first.json()["events"]) == 2
        assert {r.headers["etag"] for r in answers} == {first.headers["etag"]}
        assert {r.content for r in answers} == {first.content}
    finally:
        proc.terminate()
        proc.wait(30)


def test_serve_refuses_several_processes_that_write(tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import main

    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--workers", "2", "--allow-writes"])
    assert res.exit_code == 2 and "read-only" in res.output
