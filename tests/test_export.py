"""Exports: UCDP's sides come from the actors' own countries and a dyad always has two sides; an export's timestamps
move only for events whose content changed. Reports here are written by us."""
from __future__ import annotations

import csv
import json
from datetime import date, datetime, timezone

import pytest

from sitrep.export import acled_row, export, ucdp_dyad
from sitrep.ingest.run import ingest
from sitrep.store import Store

REPORTS = [
    {"id": "kremenchuk", "published": "2022-06-28",
     "text": "Russian missiles struck a shopping centre in Kremenchuk on Monday, killing 20 people, Ukrainian "
             "officials said.\n"},
    {"id": "adigrat", "published": "2021-03-10",
     "text": "Eritrean troops killed 12 Ethiopian soldiers near Adigrat in Tigray on Tuesday, a regional official "
             "said.\n"},
    {"id": "shabelle", "published": "2023-05-10",
     "text": "Al-Shabaab fighters attacked a Somali army base in Middle Shabelle on Wednesday, killing 9 soldiers, "
             "officials said.\n"},
    {"id": "nyala", "published": "2023-05-10",
     "text": "Sudanese army jets bombed a market in Nyala on Friday, killing 25 civilians, witnesses said.\n"},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    reports = path.parent / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Store(path) as store:
        assert ingest([str(reports)], store, extractor).failed == 0
    return path


def ucdp_rows(path, tmp_path) -> dict[str, dict]:
    """article id -> its UCDP row."""
    out = tmp_path / "ucdp.csv"
    with Store(path, read_only=True) as store:
        export(store.con, "ucdp", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    return {r["source_article"]: r for r in rows}


@pytest.mark.parametrize("article,violence,side_a,side_b", [
    ("kremenchuk", "3", "Government of Russia", "Civilians (Ukraine)"),  # not the government of the place (Ukraine)
    ("adigrat", "1", "Government of Eritrea", "Government of Ethiopia"),
    ("shabelle", "1", "Government of Somalia", "al-Shabaab"),  # the government is side_a, as UCDP lists it
    ("nyala", "3", "Government of Sudan", "Civilians (Sudan)"),
])
def test_ucdp_sides_from_the_actors_own_countries(store_path, tmp_path, article, violence, side_a, side_b):
    row = ucdp_rows(store_path, tmp_path)[article]
    assert (row["type_of_violence"], row["side_a"], row["side_b"]) == (violence, side_a, side_b)


def _row(actors, event_type="battle", killed=10, civilians=None, country="UA") -> dict:
    return {"actors": json.dumps([{"name": n, "role": r, "type": t} for n, r, t in actors]), "event_type": event_type,
            "killed_best": killed, "killed_civilians": civilians, "country": country}


@pytest.mark.parametrize("row,expected", [
    # a state's forces are their own country's government, wherever they fight
    (_row([("Military Forces of Russia", "perpetrator", "state forces"),
           ("Military Forces of Ukraine", "target", "state forces")]),
     (1, "Government of Russia", "Government of Ukraine")),
    (_row([("Military Forces of Eritrea", "perpetrator", "state forces")], country="ET"),
     (1, "Government of Eritrea", "Unidentified")),
    # forces named by no country are the event country's
    (_row([("Islamic State", "perpetrator", "rebel group"), ("Army", "target", "state forces")], country="IQ"),
     (1, "Government of Iraq", "Islamic State")),
    # two organised non-state sides; one not named is said so, never left empty
    (_row([("al-Shabaab", "perpetrator", "rebel group"), ("Islamic State", "target", "rebel group")], country="SO"),
     (2, "al-Shabaab", "Islamic State")),
    (_row([("al-Shabaab", "perpetrator", "rebel group")], country="SO"), (2, "al-Shabaab", "Unidentified")),
    # one-sided: civilians are side_b; allies among the perpetrators are one side
    (_row([("Wagner Group", "perpetrator", "external/other forces"),
           ("Military Forces of Mali", "perpetrator", "state forces")], event_type="violence_against_civilians",
          country="ML"), (3, "Wagner Group", "Civilians")),
    (_row([("Military Forces of Russia", "perpetrator", "state forces")], killed=5, civilians=5),
     (3, "Government of Russia", "Civilians")),
])
def test_ucdp_dyad(row, expected):
    assert ucdp_dyad(row) == expected


# ---------------------------------------------------------------- timestamps
def acled_timestamps(store: Store, tmp_path) -> dict[str, str]:
    out = tmp_path / "acled.csv"
    export(store.con, "acled", out)
    return {r["source"]: r["timestamp"] for r in csv.DictReader(out.open(encoding="utf-8"))}


def test_reingest_keeps_timestamps_of_unchanged_events(tmp_path, extractor):
    """A re-ingest that changes nothing leaves every ACLED timestamp as it was; an updated report moves only the
    timestamp of its own event."""
    reports = tmp_path / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Store(tmp_path / "events.duckdb") as store:
        ingest([str(reports)], store, extractor)
        # Every event last changed long ago: a rewrite of the time would show.
        store.con.execute("UPDATE merged_events SET updated_at = ?", [datetime(2020, 1, 1)])
        before = acled_timestamps(store, tmp_path)
        assert set(before.values()) == {str(int(datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp()))}
        again = ingest([str(reports)], store, extractor)
        assert again.unchanged == len(REPORTS)
        assert acled_timestamps(store, tmp_path) == before
        revised = dict(REPORTS[3], text=REPORTS[3]["text"].replace("25 civilians", "31 civilians"))
        reports.write_text(json.dumps(revised) + "\n", encoding="utf-8")
        assert ingest([str(reports)], store, extractor).updated == 1
        after = acled_timestamps(store, tmp_path)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"nyala"}, (before, after)


# ---------------------------------------------------------------- ACLED codes
def _acled_input(actors, event_type="battle", start=date(2024, 5, 3), end=date(2024, 5, 3), precision="day",
                 where_prec=1) -> dict:
    row = {"merged_id": "m0123456789abcdef", "actors": json.dumps([{"name": n, "role": r, "type": t} for n, r, t in actors]),
           "event_type": event_type, "sub_event_type": None, "date_start": start, "date_end": end,
           "date_precision": precision, "country": "KE", "admin1": "Nairobi", "location_name": "Kibera",
           "lat": -1.31, "lon": 36.78, "where_prec": where_prec, "updated_at": datetime(2024, 5, 4),
           "n_reports": 1, "killed_low_vague": False}
    for cat in ("killed", "injured", "abducted", "displaced"):
        row[f"{cat}_low"] = row[f"{cat}_high"] = None
    return row


@pytest.mark.parametrize("actors,inter1,inter2,interaction", [
    ([("Police Forces of Kenya", "perpetrator", "state forces"), ("Protesters (Kenya)", "target", "protesters")],
     1, 6, 16),
    ([("al-Shabaab", "perpetrator", "rebel group"), ("Military Forces of Kenya", "target", "state forces")], 2, 1, 12),
    ([("Rioters (Kenya)", "perpetrator", "rioters"), ("Civilians (Kenya)", "target", "civilians")], 5, 7, 57),
    ([("Protesters (Kenya)", "perpetrator", "protesters")], 6, "", 60),  # a sole actor: its code times ten
    ([("Pokot Ethnic Militia (Kenya)", "perpetrator", "identity militia"),
      ("Turkana Ethnic Militia (Kenya)", "target", "identity militia")], 4, 4, 44),
    ([("Unidentified Gang (Kenya)", "perpetrator", "political militia"), ("Civilians (Kenya)", "target", "civilians")],
     3, 7, 37),
    ([("Wagner Group", "perpetrator", "external/other forces"), ("Civilians (Kenya)", "target", "civilians")], 8, 7, 78),
    ([("Civilians (Kenya)", "target", "civilians")], "", 7, 70),  # nobody named acting: actor1 empty
])
def test_acled_inter_codes_from_actor_types(actors, inter1, inter2, interaction):
    row = acled_row(_acled_input(actors), [])
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)


@pytest.mark.parametrize("start,end,precision,code", [
    (date(2024, 5, 3), date(2024, 5, 3), "day", 1),
    (date(2024, 5, 3), date(2024, 5, 3), "week", 2),  # "Around 3 May (as reported)": known to the week
    (date(2024, 5, 3), date(2024, 5, 3), "reported", 2),  # only the report's own day
    (date(2024, 4, 29), date(2024, 5, 3), "day", 2),  # "between 29 April and 3 May"
    (date(2024, 5, 1), date(2024, 5, 31), "month", 3),
    (None, date(2024, 5, 3), "unknown", 3),
])
def test_acled_time_precision_from_the_record(start, end, precision, code):
    assert acled_row(_acled_input([], start=start, end=end, precision=precision), [])["time_precision"] == code


@pytest.mark.parametrize("where_prec,code", [(1, 1), (2, 2), (3, 2), (4, 3), (6, 3), (None, 3)])
def test_acled_geo_precision_from_the_place(where_prec, code):
    assert acled_row(_acled_input([], where_prec=where_prec), [])["geo_precision"] == code


def test_acled_export_of_a_stored_event_carries_the_codes(store_path, tmp_path):
    """A report stored and exported: the army's air strike on a market is state forces (1) on civilians (7)."""
    out = tmp_path / "acled.csv"
    with Store(store_path, read_only=True) as store:
        export(store.con, "acled", out)
    rows = {r["source"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    nyala = rows["nyala"]
    assert (nyala["actor1"], nyala["inter1"], nyala["inter2"], nyala["interaction"]) == \
        ("Military Forces of Sudan", "1", "7", "17")
    assert (nyala["event_date"], nyala["time_precision"], nyala["geo_precision"]) == ("2023-05-05", "1", "1")
