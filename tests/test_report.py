"""`sitrep report` on a store of the bundled sample (plus one hostile report): the page's numbers, its escaping,
one A4 page of PDF through Chromium, and what changed since an earlier report."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep import report
from sitrep.cli import main
from sitrep.ingest.run import ingest
from sitrep.report.changes import compare, describe, toll_text
from sitrep.store import Store
from sitrep.store.queries import EventFilter, find_events
from tests.conftest import SAMPLE

HOSTILE = {
    "id": "hostile", "title": "<script>alert(1)</script> Bomb kills 5",
    "text": "A car bomb killed 5 people in Kirkuk on Monday, police said. <img src=x onerror=alert(2)>\n",
    "outlet": "<b onmouseover=\"alert(3)\">Evil Wire</b>", "published": "2024-01-15",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory, extractor) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    bad = tmp / "hostile.jsonl"
    bad.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = tmp / "sample.duckdb"
    with Store(path) as store:
        assert ingest([str(SAMPLE), str(bad)], store, extractor).failed == 0
    return path


@pytest.fixture(scope="module")
def data(db):
    with Store(db, read_only=True) as store:
        return report.build(store.con, EventFilter())


def test_headline_sums_the_events_figures(db, data):
    with Store(db, read_only=True) as store:
        rows = find_events(store.con, EventFilter())
    heads = {h["category"]: h for h in data["headline"]}
    assert data["n_events"] == len(rows) >= 9
    for cat in ("killed", "injured", "displaced", "abducted"):
        told = [r for r in rows if r[f"{cat}_low"] is not None or r[f"{cat}_high"] is not None]
        assert heads[cat]["events"] == len(told)
        assert heads[cat]["low"] <= heads[cat]["best"] <= heads[cat]["high"]
    assert heads["abducted"]["best"] >= 110 + 276  # Dapchi and Chibok
    assert heads["killed"]["unconfirmed"] >= 1  # Axum's toll is doubted by its report
    assert heads["killed"]["figures"] >= heads["killed"]["unconfirmed"]


def test_html_has_every_section_and_escapes_report_text(data, tmp_path):
    out = tmp_path / "r.html"
    written = report.write(data, out)
    assert written == [out, tmp_path / "r.json"]
    page = out.read_text(encoding="utf-8")
    for section in ("Where", "When, by month", "Top events by deaths", "What changed", "Methods"):
        assert section in page
    heads = {h["category"]: h for h in data["headline"]}
    assert f'{heads["killed"]["best"]:,}' in page and f'{heads["abducted"]["best"]:,}' in page
    assert page.count("<svg") >= 2  # the map and the timeline
    assert "Mogadishu" in page and "al-Shabaab" in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover" in page  # the hostile outlet stays text
    assert "<script" not in page and "onerror=alert" not in page
    snap = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert snap["schema"] == report.SCHEMA and len(snap["events"]) == data["n_events"]


def test_pdf_is_one_a4_page(db, tmp_path):
    assert Path("/usr/bin/chromium").exists(), "Debian's chromium is needed (.ci/run installs it)"
    assert shutil.which("pdftoppm"), "poppler-utils is needed for pdftoppm/pdfinfo (.ci/run installs it)"
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    assert "A4" in info
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    assert [p.name for p in tmp_path.glob("page*.png")] == ["page-1.png"]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("Situation report", "TOP EVENTS BY DEATHS", "METHODS", "Mogadishu"):
        assert words in text


def test_changes_since_an_earlier_report(data, tmp_path):
    before = copy.deepcopy(data["events"])
    gone = next(e for e in before if e["place"] == "Dapchi")
    before.remove(gone)  # an event the earlier report did not have
    mog = next(e for e in before if e["place"] == "Mogadishu")
    mog["figures"]["killed"] = {"low": 276, "best": 276, "high": 276}  # its toll then
    mog["id"] = "m-old-id"  # regrouped since: followed by its reports
    changes = compare(before, data["events"])
    assert sorted((c.kind, c.event["place"]) for c in changes) == [("new", "Dapchi"), ("revised", "Mogadishu")]
    revised = next(c for c in changes if c.kind == "revised")
    assert describe(revised).endswith("358 killed (was 276), 1 report")
    prev = tmp_path / "prev.json"
    prev.write_text(json.dumps({**data, "_points": [], "events": before}), encoding="utf-8")
    later = {**data, "changes": None}
    with_prev = report.load_previous(prev)
    assert with_prev["events"] == before
    result = CliRunner().invoke(main, ["report", "--db", "x.duckdb", "--since-report", str(tmp_path / "nope.json"),
                                       "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "--since-report", str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "not a sitrep report" in result.output
    assert later["changes"] is None


def test_cli_report_with_since_report_lists_the_changes(db, data, tmp_path):
    before = [e for e in copy.deepcopy(data["events"]) if e["place"] != "Kabul"]
    prev = tmp_path / "prev.json"
    prev.write_text(json.dumps({"schema": report.SCHEMA, "generated": "2024-01-01 00:00 UTC", "events": before}),
                    encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--since-report", str(prev), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "since the report of 2024-01-01 00:00 UTC" in page
    assert "1 new event, 0 revised tolls" in page and "Kabul, AF: new explosion remote violence" in page


@pytest.mark.parametrize("toll, text", [
    ({"low": 12, "best": 12, "high": None}, "at least 12"),
    ({"low": None, "best": None, "high": 500}, "up to 500"),
    ({"low": 287, "best": 287, "high": 287}, "287"),
    ({"low": 30, "best": 40, "high": 45}, "40 (30-45)"),
    (None, "none"),
])
def test_toll_text(toll, text):
    assert toll_text(toll) == text


def test_filters_narrow_the_page(db):
    with Store(db, read_only=True) as store:
        ng = report.build(store.con, EventFilter(country="NG"))
    assert ng["n_events"] == 2 and {t["place"] for t in ng["top"]} == {"Chibok, NG", "Dapchi, NG"}
    assert ng["title"] == "Situation report: NG"


def test_events_stats_and_export_show_abducted_and_write_to_stdout(db):
    run = CliRunner()
    table = run.invoke(main, ["events", "--db", str(db)])
    assert table.exit_code == 0
    head, _, *rows = table.stdout.splitlines()
    assert head.split()[4:8] == ["killed", "injured", "displaced", "abducted"]
    assert "110" in next(r for r in rows if "Dapchi" in r).split()
    stats = run.invoke(main, ["stats", "--db", str(db)])
    assert "386 abducted" in stats.stdout.splitlines()[0]
    out = run.invoke(main, ["export", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(lines) >= 9 and all(x["schema"] == "sitrep/1" for x in lines)
    assert run.invoke(main, ["export", "--db", str(db), "--format", "parquet"]).exit_code == 2


def test_pdf_with_changes_stays_one_page(db, tmp_path):
    prev = tmp_path / "empty.json"
    prev.write_text(json.dumps({"schema": report.SCHEMA, "generated": "2024-01-01 00:00 UTC", "events": []}),
                    encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--since-report", str(prev), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Pages:           1" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "9 new events, 0 revised tolls" in text and "largest shown" in text


def test_api_stats_carry_injured_and_abducted(db):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    with TestClient(create_app(db)) as client:
        body = client.get("/api/stats", params={"by": "month", "country": "NG"}).json()
    by_month = {row["period"]: row for row in body["series"]}
    assert by_month["2018-02"]["abducted"] == 110 and by_month["2014-01"]["abducted"] == 276
    assert all({"events", "killed", "displaced", "injured", "abducted"} <= set(row) for row in body["series"])


def test_top_events_mark_each_figure_doubted_or_confirmed(data):
    top = {t["place"]: {f["category"]: f for f in t["figures"]} for t in data["top"]}
    assert top["Khartoum, SD"]["killed"]["unconfirmed"] and not top["Khartoum, SD"]["injured"]["unconfirmed"]
    assert not top["Mogadishu, SO"]["killed"]["unconfirmed"]
