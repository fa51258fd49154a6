"""Scale-out: the relevance prefilter keeps every report with an event, and the same corpus gives the identical store
serially, on local Dask workers, on a real `dask scheduler` with two `dask worker` processes, and when a worker is
killed mid-run."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.ingest.files import read_corpus
from sitrep.ingest.run import ingest
from sitrep.prefilter import is_relevant
from sitrep.store import Store
from sitrep.web.local import free_port
from tests.conftest import ROOT, SAMPLE, shared_dir

BIN = Path(sys.executable).parent
UNRELATED = [
    "The central bank kept its main interest rate at 4.5 percent on Thursday, saying inflation had eased to 3.1 percent "
    "in the year to March and that it expected growth of about 2 percent next year.",
    "The home side came back from two goals down to win 3-2 in front of 40,000 fans, with the captain scoring twice in "
    "the last ten minutes of the match.",
    "Heavy rain is expected across the south on Monday, with up to 40 millimetres in places and temperatures around "
    "18 degrees, the weather service said.",
    "The festival opened on Friday with an exhibition of 120 paintings by local artists and a concert in the old square.",
]


def test_prefilter_keeps_every_report_with_an_event():
    for corpus in (shared_dir() / "corpus" / "dev", SAMPLE, shared_dir() / "corpus" / "clusters-dev"):
        for a in read_corpus(corpus):
            gold = json.loads((corpus / a.id / "gold.json").read_text(encoding="utf-8"))
            if gold["events"]:
                assert is_relevant(a.text), f"{corpus.name}/{a.id} has events but the prefilter drops it"


@pytest.mark.parametrize("text", UNRELATED)
def test_prefilter_drops_plainly_unrelated_news(text):
    assert not is_relevant(text)


def test_prefiltered_reports_are_stored_without_events(tmp_path, extractor):
    p = tmp_path / "news.jsonl"
    p.write_text("".join(json.dumps({"id": f"n{k}", "text": t}) + "\n" for k, t in enumerate(UNRELATED)), encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(p)], store, extractor)
        assert (report.new, report.filtered) == (4, 4)
        assert store.counts()["articles"] == 4 and store.counts()["report_events"] == 0
        assert ingest([str(p)], store, extractor).unchanged == 4


# ---------------------------------------------------------------- identical stores
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The sample, the dev corpus, and unrelated news, as one corpus folder; then a revised version of a sample
    report under the same id (stored in a second round, as an update)."""
    root = tmp_path_factory.mktemp("scale") / "corpus"
    shutil.copytree(SAMPLE, root)
    for d in (shared_dir() / "corpus" / "dev").iterdir():
        if d.is_dir():
            shutil.copytree(d, root / f"dev-{d.name}")
    for k, text in enumerate(UNRELATED):
        (root / f"news-{k}").mkdir()
        (root / f"news-{k}" / "text.txt").write_text(text + "\n", encoding="utf-8")
    original = (SAMPLE / "kabul-airport" / "text.txt").read_text(encoding="utf-8")
    revised = root.parent / "revised.jsonl"
    revised.write_text(json.dumps({"id": "kabul-airport", "published": "2021-08-27", "text": original
                                   + "\nHospital officials said later that the toll had risen further.\n"}) + "\n",
                       encoding="utf-8")
    return [str(root), str(revised)]


def dump(db: Path) -> dict:
    """Everything a store holds, without the times it was written at."""
    with Store(db, read_only=True) as store:
        q = store.con.execute
        return {
            "articles": q("SELECT article_id, url, content_hash, title, published, outlet, text, version "
                          "FROM articles ORDER BY article_id").fetchall(),
            "events": q("SELECT * FROM report_events ORDER BY event_id").fetchall(),
            "figures": q("SELECT * FROM figures ORDER BY event_id, seq").fetchall(),
            "actors": q("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "merged": q("SELECT * EXCLUDE (updated_at) FROM merged_events ORDER BY merged_id").fetchall(),
            "links": q("SELECT * FROM merge_links ORDER BY event_id").fetchall(),
            "history": q("SELECT article_id, version, content_hash, record FROM article_history ORDER BY ALL").fetchall(),
        }


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory, extractor) -> dict:
    db = tmp_path_factory.mktemp("serial") / "serial.duckdb"
    with Store(db) as store:
        report = ingest(corpus, store, extractor)
        assert report.failed == 0 and report.filtered == 4 and report.updated == 1
    return dump(db)


def run_cli(args: list[str], **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600, **kw)


def test_scale_local_workers_give_the_identical_store(corpus, serial, tmp_path):
    db = tmp_path / "workers.duckdb"
    res = run_cli(["ingest", *corpus, "--db", str(db), "--workers", "2", "--partition-size", "4"])
    assert res.returncode == 0, res.stderr
    assert dump(db) == serial
    parts = list((tmp_path / "workers.duckdb.parts").glob("events-*.parquet"))
    assert len(parts) >= 5
    import duckdb

    rows = duckdb.sql(f"SELECT event_id, article_id FROM read_parquet('{tmp_path}/workers.duckdb.parts/events-*.parquet')"
                      ).fetchall()
    # the partitions are queryable on their own: every stored event, and the replaced version's too
    assert {r[0] for r in rows} == {e[0] for e in serial["events"]}
    revised = sum(e[1] == "kabul-airport" for e in serial["events"])
    assert len(rows) == len(serial["events"]) + revised


@pytest.fixture()
def cluster(tmp_path):
    """A real scheduler and two single-threaded workers (no nanny: a killed worker stays dead)."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=env, cwd=tmp_path)]
    time.sleep(2)
    for k in range(2):
        procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-nanny",
                                       "--name", f"w{k}", "--dashboard-address", ":0"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, env=env, cwd=tmp_path))
    from distributed import Client

    with Client(address, timeout="60s") as c:
        c.wait_for_workers(2, timeout=120)
    yield address, procs[1:]
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def test_scale_dask_scheduler_and_two_workers_give_the_identical_store(corpus, serial, cluster, tmp_path):
    address, _ = cluster
    db = tmp_path / "dask.duckdb"
    res = run_cli(["ingest", *corpus, "--db", str(db), "--scheduler", address, "--partition-size", "4"])
    assert res.returncode == 0, res.stderr
    assert dump(db) == serial


def test_scale_worker_killed_mid_run_still_gives_the_identical_store(corpus, serial, cluster, tmp_path):
    address, workers = cluster
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "ingest", *corpus, "--db", str(db),
                             "--scheduler", address, "--partition-size", "2", "--progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    killed = False
    for line in proc.stderr:
        if line.startswith("ingesting:") and int(line.split()[1]) >= 2 and not killed:
            workers[0].send_signal(signal.SIGKILL)  # a worker dies with tasks in hand
            killed = True
    out, _ = proc.communicate(timeout=600)
    assert killed, "the run finished before a worker could be killed"
    assert proc.returncode == 0
    assert workers[0].poll() is not None
    assert dump(db) == serial
