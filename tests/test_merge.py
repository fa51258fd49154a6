"""Merging rules: one incident per report, tolls read in publication order, undated events dated by their report,
places compatible by containment. Reports here are written by us."""
from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.ingest.run import ingest
from sitrep.merge import ReportEvent, ReportFigure, cluster, fold, pair_score, toll_fit
from sitrep.store import Store
from sitrep.store.queries import EventFilter, spec_events

D = date(2022, 5, 13)


def ev(event_id: str, article: str = "a", *, published: date | None = D, start: date | None = D,
       end: date | None = D, place: tuple | None = ("Jalalabad", "AF.18", 1, 1142404, 34.43, 70.45),
       event_type: str = "explosion_remote_violence", kind: str = "main", words: str = "",
       **tolls: int) -> ReportEvent:
    """A report event as the merge reads it: place = (name, admin1 code, where_prec, geonames id, lat, lon)."""
    name, admin1_code, prec, gid, lat, lon = place or (None,) * 6
    e = ReportEvent(event_id, article, published, kind, event_type, None, start, end, "day" if start else "unknown",
                    name, None, admin1_code, "AF" if place else None, lat, lon, prec, gid, None)
    e.figures = [ReportFigure(cat, n, n, "exact", None, None, "unknown") for cat, n in tolls.items()]
    e.words = set(words.split())
    return e


# ---------------------------------------------------------------- tolls
@pytest.mark.parametrize("category,a,b,later,fits", [
    ("killed", 30, 32, 0, True),
    ("killed", 10, 35, 0, True),  # within four, any order
    ("killed", 6, 33, 1, True),  # the later report's toll climbed
    ("killed", 6, 33, 0, False),  # the same day: no order to read
    ("killed", 33, 6, 1, False),  # the later report's toll is a fraction of the first: another event
    ("killed", 6, 33, -1, False),
    ("killed", 33, 6, -1, True),
    ("killed", 5, 90, 1, False),  # beyond any revision
    ("injured", 20, 110, 0, True),  # the injured are counted loosest
    ("injured", 20, 300, 1, True),
    ("injured", 20, 300, 0, False),
    ("killed", 0, 4, 1, False),  # "no one was killed" is not a toll that grows
])
def test_toll_fit_reads_publication_order(category, a, b, later, fits):
    assert (toll_fit(category, a, b, later) is not None) == fits


# ---------------------------------------------------------------- one incident per report
def _prepared(*events: ReportEvent) -> list[ReportEvent]:
    return [e.prepare() for e in events]


BOTH = {"killed": 6, "injured": 20}


@pytest.mark.parametrize("first,second,folds", [
    (BOTH, ev("b"), True),  # a figure-less retelling
    (BOTH, ev("b", killed=6), True),  # the same blast with its deaths only
    ({"killed": 6}, ev("b", injured=20), True),  # the same blast told once with its deaths, once with its injured
    (BOTH, ev("b", start=None, end=D), True),  # no date of its own
    (BOTH, ev("b", killed=2), False),  # another toll: another incident
    (BOTH, ev("b", start=date(2022, 5, 10), end=date(2022, 5, 10)), False),  # another day
    (BOTH, ev("b", place=("Kabul", "AF.13", 1, 1138958, 34.53, 69.17)), False),  # another place
    (BOTH, ev("b", event_type="displacement"), False),
    (BOTH, ev("b", kind="background"), False),  # an earlier event the report recalls
])
def test_fold_one_incident_per_report(first, second, folds):
    out = fold(_prepared(ev("a", **first), second))
    assert (len(out) == 1) == folds
    if folds:
        assert out[0].folded == [second] and out[0].tolls == BOTH


def test_fold_lets_other_reports_join_the_whole_incident():
    """A report that split its event no longer keeps the other outlets from joining either half."""
    groups = cluster([ev("a1", "a", killed=6, injured=20), ev("a2", "a", words="market blast"),
                      ev("b1", "b", published=date(2022, 5, 14), killed=9, words="market blast")])
    assert len(groups) == 1 and {e.event_id for e in groups[0]} == {"a1", "b1"}
    assert [f.event_id for f in groups[0][0].folded + groups[0][1].folded] == ["a2"]


# ---------------------------------------------------------------- when and where
def test_undated_event_is_dated_by_its_reports_publication_week():
    dated = ev("a", killed=30).prepare()
    assert pair_score(dated, ev("b", "b", published=date(2022, 5, 19), start=None, end=date(2022, 5, 19),
                                killed=31).prepare()) is not None
    # a follow-up days after the week, not repeating the date: not ruled out, no points for the date
    late = ev("b", "b", published=date(2022, 5, 22), start=None, end=date(2022, 5, 22), killed=31).prepare()
    assert pair_score(dated, late) is not None
    assert pair_score(dated, ev("b", "b", published=date(2022, 5, 30), start=None, end=date(2022, 5, 30),
                                killed=31).prepare()) is None  # published weeks later: another event
    assert pair_score(ev("c", "c", published=date(2022, 5, 9), start=None, end=date(2022, 5, 9), killed=30).prepare(),
                      dated) is None  # a report cannot tell an event that happened after it was published
    # a date of its own counts more than the publication week
    assert pair_score(dated, ev("b", "b", killed=31).prepare()) > pair_score(
        dated, ev("b", "b", start=None, end=date(2022, 5, 14), killed=31).prepare())


def test_city_is_inside_the_province_another_report_names():
    city = ev("a", killed=30).prepare()
    province = ev("b", "b", place=("Nangarhar", "AF.18", 4, 1131256, 34.3, 70.5), killed=31).prepare()
    other_province = ev("c", "c", place=("Kunar", "AF.34", 4, 1145006, 35.0, 71.0), killed=31).prepare()
    assert pair_score(city, province) >= 3.0
    assert pair_score(city, other_province) is None


def test_year_long_date_does_not_stretch_a_cluster():
    """An event dated only to its year (a background clause) still joins the reports of its day."""
    groups = cluster([ev("a", killed=30), ev("b", "b", start=date(2022, 1, 1), end=date(2022, 12, 31), killed=30),
                      ev("c", "c", published=date(2022, 5, 20), start=date(2022, 5, 13), killed=31)])
    assert len(groups) == 1


# ---------------------------------------------------------------- end to end, our own reports
REPORTS = [
    {"id": "jalalabad-1", "published": "2022-05-14",
     "text": "A bomb exploded at a crowded market in Jalalabad on Friday, killing at least 6 people and wounding 20, "
             "police said.\n"},
    {"id": "jalalabad-2", "published": "2022-05-15",
     "text": "The death toll from Friday's market bombing in Jalalabad has risen to 31, with 140 people wounded, a "
             "hospital director said.\n"},
    {"id": "jalalabad-3", "published": "2022-05-15",
     "text": "Officials in Nangarhar province said 28 people died when a bomb ripped through a busy market. Dozens of "
             "the wounded were taken to hospital.\n"},
    {"id": "jalalabad-4", "published": "2022-05-16",
     "text": "A bomb blast killed 33 people at a market in Jalalabad, the provincial governor's office said.\n"},
    {"id": "jalalabad-decoy-year", "published": "2023-05-13",
     "text": "A bomb exploded at a market in Jalalabad on Friday, killing 7 people, police said.\n"},
    {"id": "jalalabad-decoy-week", "published": "2022-05-21",
     "text": "A roadside bomb killed 2 people near a market in Jalalabad on Saturday, police said.\n"},
]


def test_climbing_tolls_undated_and_coarse_reports_merge_decoys_apart(tmp_path, extractor):
    p = tmp_path / "reports.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Store(tmp_path / "events.duckdb") as store:
        assert ingest([str(p)], store, extractor).failed == 0
        events = {tuple(sorted(r["article_id"] for r in m["reports"])): m
                  for m in spec_events(store.con, EventFilter())}
    assert set(events) == {("jalalabad-1", "jalalabad-2", "jalalabad-3", "jalalabad-4"), ("jalalabad-decoy-year",),
                           ("jalalabad-decoy-week",)}
    m = events[("jalalabad-1", "jalalabad-2", "jalalabad-3", "jalalabad-4")]
    assert m["figures"]["killed"] == {"low": 6, "best": 33, "high": 33}
    assert m["date"]["start"] == "2022-05-13" and m["location"]["name"] == "Jalalabad"


def test_show_and_explain_say_why(tmp_path, extractor):
    """`show`'s detail says why each report is in an event; explain_articles says why two reports' events were or
    were not merged, test by test."""
    from sitrep.store.queries import event_detail, explain_articles

    p = tmp_path / "reports.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Store(tmp_path / "events.duckdb") as store:
        ingest([str(p)], store, extractor)
        merged = next(m for m in spec_events(store.con, EventFilter()) if len(m["reports"]) == 4)
        reasons = event_detail(store.con, merged["id"])["merge_reasons"]
        together = explain_articles(store.con, "jalalabad-1", "jalalabad-2")
        apart = explain_articles(store.con, "jalalabad-1", "jalalabad-decoy-year")
    assert {r["article_id"] for r in reasons} == {f"jalalabad-{k}" for k in range(1, 5)}
    assert all(r["score"] >= 3.0 for r in reasons)
    assert [t["test"] for t in reasons[0]["tests"]][:3] == ["where", "when", "what"]
    assert together[0]["merged"] and together[0]["score"] >= together[0]["threshold"]
    climb = next(t for t in together[0]["tests"] if t["test"] == "how many" and t["saw"].startswith("killed"))
    assert climb["points"] == 0.0 and "6 and 31" in climb["saw"]  # a revision, not a conflict
    assert not apart[0]["merged"] and apart[0]["score"] is None and apart[0]["tests"][-1]["test"] == "when"


def test_events_with_missing_dates_and_places_are_compared_without_error():
    """No publication date, a start without an end, no place: compared on what there is."""
    undated = ev("a", published=None, start=None, end=None, killed=5)
    start_only = ev("b", "b", published=None, start=D, end=None, killed=5)
    nowhere = ev("c", "c", published=None, start=None, end=None, place=None, killed=5)
    other_toll = ev("d", "d", published=None, start=None, end=None, killed=50)
    groups = cluster([undated, start_only, nowhere, other_toll])
    assert sorted(sorted(e.event_id for e in g) for g in groups) == [["a", "b"], ["c"], ["d"]]


# ---------------------------------------------------------------- sitrep merge --explain, on the bundled sample
SAMPLE_EXTRA = [  # ours: an earlier report of the sample's Mogadishu truck bomb, and a bombing there a year later
    {"id": "mogadishu-first-toll", "published": "2017-10-15",
     "text": "MOGADISHU - A truck packed with explosives blew up at a busy junction in Mogadishu on Saturday, killing "
             "at least 276 people and wounding 300, police said.\n"},
    {"id": "mogadishu-next-year", "published": "2018-10-15",
     "text": "MOGADISHU - A car bomb blew up near a hotel in Mogadishu on Saturday, killing 9 people, police said.\n"},
]


def test_cli_merge_explain_on_the_sample(tmp_path, extractor):
    """`sitrep merge --explain A B` on a store: two reports of one event are merged, with each test and its points;
    a decoy is not, and the test that rules it out is named; an unknown report id is a clear error."""
    from click.testing import CliRunner

    from sitrep.cli import main

    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    p = tmp_path / "extra.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in SAMPLE_EXTRA), encoding="utf-8")
    db = tmp_path / "sample.duckdb"
    with Store(db) as store:
        assert ingest([str(root / "sample" / "corpus"), str(p)], store, extractor).failed == 0
    runner = CliRunner()
    together = runner.invoke(main, ["merge", "--db", str(db), "--explain", "mogadishu-truck-bomb",
                                    "mogadishu-first-toll"])
    assert together.exit_code == 0, together.output
    first = together.output.splitlines()[1]
    assert ": merged; score" in first
    assert [ln.split()[0] for ln in together.output.splitlines()[2:5]] == ["where", "when", "what"]
    assert "killed 358 and 276" in together.output or "killed 276 and 358" in together.output
    apart = runner.invoke(main, ["merge", "--db", str(db), "--explain", "mogadishu-truck-bomb", "mogadishu-next-year",
                                 "--format", "json"])
    assert apart.exit_code == 0, apart.output
    pairs = json.loads(apart.output)
    assert pairs and not any(x["merged"] for x in pairs)
    assert all(x["score"] is None and x["tests"][-1]["test"] == "when" and x["tests"][-1]["points"] is None
               for x in pairs)
    unknown = runner.invoke(main, ["merge", "--db", str(db), "--explain", "mogadishu-truck-bomb", "no-such-report"])
    assert unknown.exit_code == 1 and "no report 'no-such-report'" in unknown.output
    same = runner.invoke(main, ["merge", "--db", str(db), "--explain", "dapchi-school", "dapchi-school"])
    assert same.exit_code == 2
