"""The store: every input kind, idempotent and crash-safe ingest, updates with history, merging with decoys,
filters, show/stats, and every export format read back. Reports here are written by us."""
from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.export import ACLED_COLUMNS, UCDP_COLUMNS, export
from sitrep.ingest.run import ingest
from sitrep.store import Store
from sitrep.store.queries import EventFilter, article_detail, event_detail, find_events, spec_events, stats
from sitrep.store.schema import MIGRATIONS
from tests.conftest import ROOT, SAMPLE

FIXTURES = Path(__file__).parent / "fixtures"

# Reports of the same events by different outlets, with decoys (our own words).
REPORTS = [
    {"id": "baghdad-1", "outlet": "Wire One", "published": "2021-01-21", "url": "https://one.invalid/baghdad",
     "text": "Twin suicide bombings tore through a crowded market in central Baghdad on Thursday, killing at least "
             "28 people and wounding 73, police said.\n"},
    {"id": "baghdad-2", "outlet": "Wire Two", "published": "2021-01-22", "url": "https://two.invalid/baghdad",
     "text": "The death toll from twin suicide bombings at a market in Baghdad rose to 32 on Friday, the health "
             "ministry said. At least 110 people were wounded in Thursday's attack on the market.\n"},
    {"id": "baghdad-decoy-week", "outlet": "Wire One", "published": "2021-01-28",
     "text": "A roadside bomb killed 3 people in Baghdad on Thursday, police said.\n"},
    {"id": "tikrit-decoy-day", "outlet": "Wire Two", "published": "2021-01-21",
     "text": "A car bomb killed 6 people at a checkpoint in Tikrit on Thursday, police said.\n"},
    {"id": "kabul-1", "outlet": "Wire One", "published": "2022-04-22",
     "text": "A bomb killed 12 worshippers at a mosque in Kabul on Friday, officials said.\n"},
    {"id": "kabul-2", "outlet": "Wire Three", "published": "2022-04-23",
     "text": "At least 14 people were killed when a bomb exploded in a Kabul mosque during Friday prayers, police "
             "said.\n"},
    {"id": "zamfara-1", "outlet": "Wire Two", "published": "2023-03-01",
     "text": "Gunmen killed 20 villagers in Zamfara state on Tuesday, police spokesman Mohammed Shehu said.\n"},
    {"id": "zamfara-2", "outlet": "Wire Two", "published": "2023-03-02",
     "text": "The toll from Tuesday's attack on a village in Zamfara state rose to 31, police spokesman Mohammed "
             "Shehu said.\n"},
    {"id": "idlib-1", "outlet": "Wire Three", "published": "2020-02-11",
     "text": "Activists said 40 people were killed in the shelling of Idlib on Monday. The figure could not be "
             "independently verified.\n"},
    {"id": "idlib-2", "outlet": "Wire One", "published": "2020-02-11",
     "text": "Rebels claimed that 55 civilians died in the shelling of Idlib on Monday.\n"},
]


@pytest.fixture()
def db(tmp_path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture()
def reports_jsonl(tmp_path) -> Path:
    p = tmp_path / "reports.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    return p


@pytest.fixture()
def filled(db, reports_jsonl, extractor) -> Path:
    with Store(db) as store:
        report = ingest([str(reports_jsonl), str(SAMPLE)], store, extractor)
    assert report.failed == 0 and report.new == len(REPORTS) + 8
    return db


def merged_of(store: Store) -> dict[str, set[str]]:
    """merged id -> the article ids reported in it."""
    out: dict[str, set[str]] = {}
    for m in spec_events(store.con, EventFilter()):
        out[m["id"]] = {r["article_id"] for r in m["reports"]}
    return out


# ---------------------------------------------------------------- schema
def test_store_is_created_and_migrated_once(db):
    with Store(db) as store:
        assert store.version == len(MIGRATIONS)
    with Store(db) as store:
        assert store.version == len(MIGRATIONS)
        assert store.counts()["articles"] == 0


def test_a_store_from_before_province_codes_gets_them_from_its_reports(filled):
    """A store at schema 2 (no admin1_code on merged events) is migrated on opening: each merged event takes the
    province code of its report events, so the spelling-proof province filter works on it too."""
    with Store(filled) as store:
        want = dict(store.con.execute("SELECT merged_id, admin1_code FROM merged_events").fetchall())
        for sql in ("DROP INDEX merged_country", "DROP INDEX merged_dates",
                    "ALTER TABLE merged_events DROP COLUMN admin1_code",
                    "CREATE INDEX merged_country ON merged_events(country)",
                    "CREATE INDEX merged_dates ON merged_events(date_start, date_end)"):
            store.con.execute(sql)
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store(filled) as store:
        assert store.version == len(MIGRATIONS)
        got = dict(store.con.execute("SELECT merged_id, admin1_code FROM merged_events").fetchall())
    assert got == want and sum(c is not None for c in got.values()) >= 5


def test_store_read_only_needs_an_existing_store(db):
    from sitrep.store import StoreError

    with pytest.raises(StoreError, match="no store here yet"):
        Store(db, read_only=True)


# ---------------------------------------------------------------- ingest kinds
def test_ingest_html_page(db, extractor):
    with Store(db) as store:
        report = ingest([str(FIXTURES / "page.html")], store, extractor)
        assert (report.new, report.failed) == (1, 0)
        row = store.con.execute("SELECT title, published, outlet, text FROM articles").fetchone()
        assert row[0].startswith("Gunmen kill 14") and row[1] == date(2023, 6, 14) and row[2] == "The Sahel Monitor"
        assert "Advertisement" not in row[3] and "Great article" not in row[3]
        figs = store.con.execute("SELECT category, min_value, max_value FROM figures WHERE NOT superseded").fetchall()
        assert set(figs) == {("killed", 14, None), ("injured", 9, 9)}


@pytest.mark.parametrize("content,problem", [
    (b"<html><body><div><p>", "no article text"),
    (b"\x00\x01\x02 binary", "binary"),
    (b"", "empty"),
])
def test_ingest_broken_html_is_an_error_naming_the_file(db, extractor, tmp_path, content, problem):
    bad = tmp_path / "broken.html"
    bad.write_bytes(content)
    with Store(db) as store:
        report = ingest([str(bad), str(FIXTURES / "page.html")], store, extractor)
    assert (report.new, report.failed) == (1, 1)
    assert str(bad) in str(report.errors[0]) and problem in str(report.errors[0])


def test_ingest_jsonl_bad_line_is_named_and_good_lines_stored(db, extractor, tmp_path):
    p = tmp_path / "mixed.jsonl"
    good = {"id": "a", "text": REPORTS[0]["text"], "published": "2021-01-21"}
    p.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "b"}) + "\n"
                 + json.dumps({**good, "id": "c", "text": REPORTS[4]["text"]}) + "\n", encoding="utf-8")
    with Store(db) as store:
        report = ingest([str(p)], store, extractor)
        assert (report.new, report.failed) == (2, 2)
        assert [str(e) for e in report.errors] == [f"{p}:2: is not valid JSON (Expecting property name enclosed in "
                                                    f"double quotes at column 2)", f'{p}:3: has no "text" string']
        assert {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()} == {"a", "c"}


def test_ingest_rss_file_with_full_text(db, extractor):
    with Store(db) as store:
        report = ingest([str(FIXTURES / "feed.rss")], store, extractor)
        assert (report.new, report.failed) == (2, 0)
        rows = store.con.execute("SELECT url, outlet, published FROM articles ORDER BY url").fetchall()
        assert rows[0] == ("https://wire.invalid/2023/car-bomb-mogadishu", "Regional Wire", date(2023, 4, 11))
        assert store.con.execute("SELECT count(*) FROM report_events").fetchone()[0] == 1  # the market story has none


def test_ingest_feed_that_is_not_xml(db, extractor, tmp_path):
    bad = tmp_path / "feed.xml"
    bad.write_text("this is not a feed at all", encoding="utf-8")
    with Store(db) as store:
        report = ingest([str(bad)], store, extractor)
    assert report.failed == 1 and "is not an RSS or Atom feed" in str(report.errors[0])


@pytest.fixture()
def web(tmp_path):
    """A local HTTP server (never the internet) serving an Atom feed and the page it links to."""
    root = tmp_path / "www"
    root.mkdir()
    shutil.copy(FIXTURES / "page.html", root / "djibo-raid.html")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(root), **k)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "feed.atom").write_text((FIXTURES / "feed.atom").read_text().replace("{BASE}", base), encoding="utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def test_ingest_feed_url_fetches_linked_articles(db, extractor, web):
    with Store(db) as store:
        report = ingest([f"{web}/feed.atom", f"{web}/no-such-feed.xml"], store, extractor)
        assert (report.new, report.failed) == (1, 2)
        assert any("missing.html" in str(e) and "HTTP 404" in str(e) for e in report.errors)
        assert any("no-such-feed.xml" in str(e) for e in report.errors)
        url = store.con.execute("SELECT url FROM articles").fetchone()[0]
        assert url == f"{web}/djibo-raid.html"


# ---------------------------------------------------------------- idempotence, updates, history
def test_ingest_twice_changes_nothing(filled, reports_jsonl, extractor):
    with Store(filled) as store:
        before = store.counts()
        merged_before = merged_of(store)
        report = ingest([str(reports_jsonl), str(SAMPLE)], store, extractor)
        assert (report.new, report.updated, report.unchanged) == (0, 0, len(REPORTS) + 8)
        assert store.counts() == before
        assert merged_of(store) == merged_before


def test_ingest_same_text_under_another_name_is_unchanged(filled, extractor, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(REPORTS[4]["text"], encoding="utf-8")
    with Store(filled) as store:
        assert ingest([str(copy)], store, extractor).unchanged == 1


def test_ingest_updated_report_replaces_extraction_and_keeps_history(filled, extractor, tmp_path):
    revised = dict(REPORTS[0], text=REPORTS[0]["text"].replace("at least 28", "at least 35"))
    p = tmp_path / "revised.jsonl"
    p.write_text(json.dumps(revised) + "\n", encoding="utf-8")
    with Store(filled) as store:
        report = ingest([str(p)], store, extractor)
        assert report.updated == 1
        con = store.con
        assert con.execute("SELECT version FROM articles WHERE article_id = 'baghdad-1'").fetchone()[0] == 2
        hist = con.execute("SELECT version, text, record FROM article_history WHERE article_id = 'baghdad-1'").fetchall()
        assert len(hist) == 1 and hist[0][0] == 1 and "at least 28" in hist[0][1] and '"min": 28' in hist[0][2]
        figs = con.execute("""SELECT min_value FROM figures JOIN report_events USING (event_id)
                              WHERE article_id = 'baghdad-1' AND category = 'killed'""").fetchall()
        assert figs == [(35,)]


@pytest.mark.parametrize("key", ["id", "url"])
def test_ingest_two_versions_in_one_run_store_the_later_as_an_update(db, extractor, tmp_path, key):
    """Two reports with one id (two corpora with the same folder name) or one URL in the same run, even the same
    batch: no crash, nothing dropped; the later is stored as the update of the earlier, which goes to history."""
    first = dict(REPORTS[0])
    later = dict(REPORTS[0], text=REPORTS[0]["text"].replace("at least 28", "at least 35"))
    if key == "url":
        later["id"] = "baghdad-1-revised"
    else:
        first.pop("url"), later.pop("url")
    p = tmp_path / "both.jsonl"
    p.write_text(json.dumps(first) + "\n" + json.dumps(REPORTS[4]) + "\n" + json.dumps(later) + "\n", encoding="utf-8")
    with Store(db) as store:
        report = ingest([str(p)], store, extractor)
        assert (report.new, report.updated, report.failed) == (2, 1, 0)
        con = store.con
        assert con.execute("SELECT count(*), max(version) FROM articles WHERE article_id = 'baghdad-1'").fetchone() == (1, 2)
        assert "at least 35" in con.execute("SELECT text FROM articles WHERE article_id = 'baghdad-1'").fetchone()[0]
        assert con.execute("SELECT count(*) FROM article_history WHERE article_id = 'baghdad-1'").fetchone()[0] == 1
        again = ingest([str(p)], store, extractor)  # rerunning changes nothing, the earlier version included
        assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
        assert con.execute("SELECT max(version) FROM articles WHERE article_id = 'baghdad-1'").fetchone()[0] == 2


def test_ingest_killed_part_way_then_rerun_completes_without_duplicates(tmp_path):
    """A real `sitrep ingest` process killed mid-run leaves whole reports only; rerunning completes the store."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 60
    for k in range(n):
        d = corpus / f"r{k:03d}"
        d.mkdir()
        (d / "text.txt").write_text(f"Gunmen killed {k + 3} villagers in report number {k} near Maiduguri on "
                                    f"Friday, police said.\n", encoding="utf-8")
        (d / "meta.json").write_text('{"published": "2022-05-16"}', encoding="utf-8")
    db = tmp_path / "crash.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4",
           "--progress"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    seen = 0
    for line in proc.stderr:
        if line.startswith("ingesting:"):
            seen = int(line.split()[1])
            if seen >= 12:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with Store(db) as store:
        partial = store.counts()["articles"]
        assert 12 <= partial < n
        # every stored report is whole: its events and figures are there
        lonely = store.con.execute("""SELECT count(*) FROM articles a WHERE NOT EXISTS
                                      (SELECT 1 FROM report_events e WHERE e.article_id = a.article_id)""").fetchone()[0]
        assert lonely == 0
    rerun = subprocess.run(cmd[:-1], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - partial} new, {partial} unchanged" in rerun.stdout
    with Store(db) as store:
        con = store.con
        assert store.counts()["articles"] == n
        assert con.execute("SELECT count(*), count(DISTINCT event_id) FROM report_events").fetchone() == (n, n)
        assert con.execute("SELECT count(*) FROM merge_links").fetchone()[0] == n  # every report event linked once


# ---------------------------------------------------------------- merge
def test_merge_same_events_and_decoys(filled):
    with Store(filled, read_only=True) as store:
        groups = sorted(sorted(g) for g in merged_of(store).values())
    assert ["baghdad-1", "baghdad-2"] in groups
    assert ["kabul-1", "kabul-2"] in groups
    assert ["zamfara-1", "zamfara-2"] in groups
    assert ["idlib-1", "idlib-2"] in groups
    assert ["baghdad-decoy-week"] in groups and ["tikrit-decoy-day"] in groups
    assert all(len(g) == 1 for g in groups if any(a.endswith("-airport") or a.startswith("moga") for a in g))


def test_merge_reconciles_low_best_high(filled):
    with Store(filled, read_only=True) as store:
        events = {tuple(sorted(r["article_id"] for r in e["reports"])): e for e in spec_events(store.con, EventFilter())}
    baghdad = events[("baghdad-1", "baghdad-2")]["figures"]
    assert baghdad["killed"] == {"low": 28, "best": 32, "high": 32}  # the later report sets best
    assert baghdad["injured"] == {"low": 73, "best": 110, "high": 110}
    # a source's later figure replaces its own earlier one
    assert events[("zamfara-1", "zamfara-2")]["figures"]["killed"] == {"low": 31, "best": 31, "high": 31}
    # unconfirmed figures do not set best alone: the conservative one, flagged
    idlib = events[("idlib-1", "idlib-2")]
    assert idlib["figures"]["killed"] == {"low": 40, "best": 40, "high": 55} and idlib["best_unconfirmed"] is True


def test_merge_every_report_event_belongs_to_one_merged_event(filled):
    with Store(filled, read_only=True) as store:
        con = store.con
        assert con.execute("SELECT count(*) FROM report_events").fetchone()[0] == \
            con.execute("SELECT count(DISTINCT event_id) FROM merge_links").fetchone()[0]


# ---------------------------------------------------------------- queries
@pytest.mark.parametrize("f,expected", [
    (EventFilter(country="IQ"), {"baghdad-1", "baghdad-2", "baghdad-decoy-week", "tikrit-decoy-day"}),
    (EventFilter(admin1="Zamfara"), {"zamfara-1", "zamfara-2"}),
    (EventFilter(since=date(2022, 4, 1), until=date(2022, 4, 30)), {"kabul-1", "kabul-2"}),
    (EventFilter(event_type="violence_against_civilians", country="NG"), {"zamfara-1", "zamfara-2"}),
    (EventFilter(actor="Islamic State", country="AF"), {"kabul-airport"}),
    (EventFilter(min_killed=301), {"mogadishu-truck-bomb"}),
    (EventFilter(near=(33.34, 44.40), within_km=30), {"baghdad-1", "baghdad-2", "baghdad-decoy-week"}),
])
def test_events_filters(filled, f, expected):
    with Store(filled, read_only=True) as store:
        rows = find_events(store.con, f)
        got = {a for m in spec_events(store.con, f) for a in (r["article_id"] for r in m["reports"])}
    assert got == expected and rows


def test_province_filter_matches_every_spelling_through_the_code(filled):
    """Each report's spelling of a province is kept ("Kabol" beside "Kabul"); the filter on either spelling finds the
    events of both through the province code they share, and an unknown spelling finds none."""
    with Store(filled) as store:
        con = store.con
        kabul = {r["merged_id"]: r for r in find_events(con, EventFilter(admin1="Kabul"))}
        assert len(kabul) >= 2
        codes = dict(con.execute("SELECT merged_id, admin1_code FROM merged_events").fetchall())
        assert len({codes[m] for m in kabul}) == 1 and None not in {codes[m] for m in kabul}
        one = sorted(kabul)[0]
        con.execute("UPDATE merged_events SET admin1 = 'Kabol' WHERE merged_id = ?", [one])
        try:
            for spelling in ("Kabul", "kabol"):
                assert {r["merged_id"] for r in find_events(con, EventFilter(admin1=spelling))} == set(kabul)
            assert find_events(con, EventFilter(admin1="Kabool")) == []
        finally:
            con.execute("UPDATE merged_events SET admin1 = ? WHERE merged_id = ?", [kabul[one]["admin1"], one])


def test_events_actor_filter_matches_actor_names_only(filled):
    """Part of an actor's name in any case; never the JSON around the names, and % and _ taken literally."""
    with Store(filled, read_only=True) as store:
        def found(actor: str) -> set[str]:
            return {r["merged_id"] for r in find_events(store.con, EventFilter(actor=actor))}

        with_actors = {r["merged_id"] for r in find_events(store.con, EventFilter()) if json.loads(r["actors"] or "[]")}
        assert len(with_actors) > 1
        for json_word in ("role", "name", "type", "perpetrator", '"'):  # matched every event with actors before
            assert found(json_word) == set(), json_word
        assert found("%") == found("_") == set()
        islamic = found("Islamic State")
        assert islamic and found("slamic sta") == found("ISLAMIC STATE") == islamic
        assert islamic < with_actors


def test_events_actor_filter_skips_events_without_actors_json(filled):
    """An event whose actors are '' or NULL (a store from an older version) is no match, and no error."""
    with Store(filled) as store:
        ids = [r["merged_id"] for r in find_events(store.con, EventFilter())]
        islamic = {r["merged_id"] for r in find_events(store.con, EventFilter(actor="Islamic State"))}
        blank = [i for i in ids if i not in islamic][:2]
        store.con.execute("UPDATE merged_events SET actors = '' WHERE merged_id = ?", [blank[0]])
        store.con.execute("UPDATE merged_events SET actors = NULL WHERE merged_id = ?", [blank[1]])
        assert {r["merged_id"] for r in find_events(store.con, EventFilter(actor="Islamic State"))} == islamic
        assert {r["merged_id"] for r in find_events(store.con, EventFilter(actor="a"))}.isdisjoint(blank)


def test_event_and_report_pages_without_a_stored_record(filled):
    """A report event stored without its record (a partial or older store) still gives the event's and the report's
    pages, with its id, its merged event and no figures of its own, instead of an error."""
    with Store(filled) as store:
        event_id, article_id, merged_id = store.con.execute(
            "SELECT e.event_id, e.article_id, l.merged_id FROM report_events e JOIN merge_links l USING (event_id) "
            "ORDER BY e.event_id LIMIT 1").fetchone()
        store.con.execute("UPDATE report_events SET record = NULL WHERE event_id = ?", [event_id])
        detail = event_detail(store.con, merged_id)
        mine = next(d for d in detail["report_details"] if d["event_id"] == event_id)
        assert mine["figures"] == [] and mine["article_id"] == article_id
        report = article_detail(store.con, article_id)
        assert {"id": event_id, "merged_id": merged_id} in [{k: e[k] for k in ("id", "merged_id")}
                                                            for e in report["events"]]


def test_show_gives_reports_and_evidence(filled):
    with Store(filled, read_only=True) as store:
        m = next(e for e in spec_events(store.con, EventFilter(country="AF", since=date(2022, 1, 1))))
        detail = event_detail(store.con, m["id"])
    assert {r["article_id"] for r in detail["report_details"]} == {"kabul-1", "kabul-2"}
    assert any("mosque in Kabul" in ev["text"] for r in detail["report_details"] for ev in r["evidence"])


def test_stats_by_country_and_month(filled):
    with Store(filled, read_only=True) as store:
        s = stats(store.con)
    by_country = {r["country"]: r for r in s["by_country"]}
    assert by_country["IQ"]["events"] == 3 and by_country["IQ"]["killed"] == 32 + 3 + 6
    assert any(r["month"] == "2021-01" for r in s["by_month"])


# ---------------------------------------------------------------- exports, read back
@pytest.fixture()
def exported(filled, tmp_path):
    out = {}
    with Store(filled, read_only=True) as store:
        for fmt in ("csv", "json", "geojson", "parquet", "acled", "ucdp"):
            path = tmp_path / f"events.{fmt}"
            out[fmt] = (path, export(store.con, fmt, path))
    return out


def test_export_json_is_spec_3(exported):
    path, n = exported["json"]
    events = [json.loads(x) for x in path.read_text().splitlines()]
    assert len(events) == n > 5
    e = next(e for e in events if {r["article_id"] for r in e["reports"]} == {"kabul-1", "kabul-2"})
    assert set(e) >= {"schema", "id", "event_type", "sub_event_type", "date", "location", "actors", "figures", "reports"}
    assert e["schema"] == "sitrep/1" and e["location"]["country"] == "AF"
    assert set(e["reports"][0]) == {"article_id", "event_id", "published", "outlet", "source_url"}


def test_export_csv_and_parquet_read_back(exported):
    import pyarrow.parquet as pq

    path, n = exported["csv"]
    rows = list(csv.DictReader(path.open()))
    assert len(rows) == n and {"merged_id", "killed_best", "country", "outlets"} <= set(rows[0])
    table = pq.read_table(exported["parquet"][0])
    assert table.num_rows == n and "killed_best" in table.column_names


def test_export_geojson_points(exported):
    doc = json.loads(exported["geojson"][0].read_text())
    assert doc["type"] == "FeatureCollection"
    kabul = [f for f in doc["features"] if f["properties"]["location"]["name"] == "Kabul"]
    lon, lat = kabul[0]["geometry"]["coordinates"]
    assert 34 < lat < 35 and 68 < lon < 70


def test_export_acled_columns_and_conventions(exported):
    rows = list(csv.DictReader(exported["acled"][0].open()))
    assert list(rows[0]) == ACLED_COLUMNS
    baghdad = next(r for r in rows if r["location"] == "Baghdad" and r["fatalities"] == "28")  # conservative: low
    assert baghdad["event_id_cnty"].startswith("IRQ") and baghdad["iso"] == "368" and baghdad["country"] == "Iraq"
    assert baghdad["event_type"] == "Explosions/Remote violence" and baghdad["time_precision"] == "1"
    zamfara = next(r for r in rows if r["admin1"] == "Zamfara")
    assert zamfara["inter1"] == "3" and zamfara["actor2"] == "Civilians (Nigeria)" and zamfara["interaction"] == "37"


def test_export_ucdp_columns_and_conventions(exported):
    rows = list(csv.DictReader(exported["ucdp"][0].open()))
    assert list(rows[0]) == UCDP_COLUMNS
    idlib = next(r for r in rows if r["adm_1"] == "Idlib")
    assert (idlib["low"], idlib["best"], idlib["high"]) == ("40", "40", "55")
    assert all(int(r["best"]) >= 1 for r in rows)  # UCDP records deadly events only
    zamfara = next(r for r in rows if r["adm_1"] == "Zamfara")
    assert zamfara["type_of_violence"] == "3" and zamfara["side_b"] == "Civilians (Nigeria)"


# ---------------------------------------------------------------- the commands
def test_cli_ingest_events_show_stats_export(filled, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["events", "--db", str(filled), "--country", "Iraq", "--format", "json"])
    assert res.exit_code == 0, res.output
    events = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(events) == 3
    table = runner.invoke(main, ["events", "--db", str(filled), "--min-killed", "20"])
    assert "Baghdad" in table.stdout and "killed" in table.stdout.splitlines()[0]
    shown = runner.invoke(main, ["show", events[0]["id"], "--db", str(filled)])
    assert shown.exit_code == 0 and "report" in shown.stdout
    assert runner.invoke(main, ["stats", "--db", str(filled)]).exit_code == 0
    out = tmp_path / "x.csv"
    res = runner.invoke(main, ["export", "--db", str(filled), "--format", "acled", "-o", str(out), "--country", "IQ"])
    assert res.exit_code == 0 and len(list(csv.DictReader(out.open()))) == 3


@pytest.mark.parametrize("args,message", [
    (["events", "--near", "north"], "LAT,LON"),
    (["events", "--near", "95,10"], "latitude"),
    (["events", "--within", "10"], "--within needs --near"),
    (["events", "--country", "Atlantis"], "unknown country"),
    (["events", "--since", "last week"], "--since"),
    (["export", "--format", "xlsx", "-o", "x"], "--format"),
])
def test_cli_bad_filters_exit_2(filled, args, message):
    res = CliRunner().invoke(main, [*args, "--db", str(filled)] if args[0] != "export" else args + ["--db", str(filled)])
    assert res.exit_code == 2 and message in res.output


def test_cli_show_unknown_event_is_an_error(filled):
    res = CliRunner().invoke(main, ["show", "m-nope", "--db", str(filled)])
    assert res.exit_code == 1 and "no event 'm-nope'" in res.output
