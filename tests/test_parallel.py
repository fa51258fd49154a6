"""Extraction on several cores gives the same records, in the same order, as on one: the CLI's output is byte for
byte the same with 1 and 2 workers, and so is the store an ingest builds."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.model import Article
from sitrep.parallel import ParallelExtractor, default_workers
from sitrep.record import record_to_dict
from sitrep.store import Store
from tests.conftest import SAMPLE

REPORTS = [
    "Gunmen killed 12 villagers in an attack on a market on Friday, a local official said.",
    "A roadside bomb wounded four soldiers near the town on Sunday, the army said.",
    "The festival opened on Friday with a concert in the old square.",
    "At least 30 people were abducted from a school on Monday night, police said on Tuesday.",
    "Floods displaced about 2,000 families in the district last week, the relief agency said.",
]


def test_default_workers_is_the_cores_this_process_may_use():
    assert 1 <= default_workers()


def test_two_workers_give_the_records_of_one_in_order(extractor):
    articles = [Article(id=f"r{k}", text=t) for k, t in enumerate(REPORTS * 2)]
    serial = [json.dumps(record_to_dict(r)) for r in extractor.extract_many(articles)]
    with ParallelExtractor(2, chunk=2, factory=lambda: extractor) as ex:
        streamed = [json.dumps(record_to_dict(r)) for r in ex.extract_many(articles)]
        submitted = [ex.submit(articles[:3]), ex.submit(articles[3:])]
        batched = [json.dumps(record_to_dict(r)) for job in submitted for r in job.result()]
    assert streamed == serial and batched == serial
    assert [json.loads(x)["article"]["id"] for x in streamed] == [a.id for a in articles]


def test_cli_extract_output_is_byte_identical_with_one_and_two_workers(tmp_path):
    runner = CliRunner()
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        res = runner.invoke(main, ["extract", "--corpus", str(SAMPLE), "-o", str(out), "--workers", str(workers)])
        assert res.exit_code == 0, res.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == len([p for p in SAMPLE.iterdir() if p.is_dir()])


def test_cli_ingest_with_one_and_two_workers_gives_the_same_store(tmp_path):
    runner = CliRunner()
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        res = runner.invoke(main, ["ingest", str(SAMPLE), "--db", str(db), "--workers", str(workers),
                                   "--batch-size", "3"])
        assert res.exit_code == 0, res.output
        with Store(db, read_only=True) as store:
            dumps.append((store.con.execute("SELECT article_id, record FROM report_events ORDER BY 1, 2").fetchall(),
                          store.con.execute("SELECT * EXCLUDE (updated_at) FROM merged_events ORDER BY 1").fetchall()))
    assert dumps[0] == dumps[1] and dumps[0][0]


@pytest.mark.parametrize("args", [["--progress"], []])
def test_progress_goes_to_stderr_only_when_asked_or_on_a_terminal(tmp_path, args):
    p = tmp_path / "a.txt"
    p.write_text(REPORTS[0], encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(p), "--workers", "1", *args])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["schema"] == "sitrep/1"
    assert ("extracting" in res.stderr) == bool(args)
