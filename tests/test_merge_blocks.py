"""The store-wide merge in blocks (sitrep.store.blocks) gives what merging every report event at once gives: on a
synthetic store (our own made-up reports) where incidents follow each other day after day in the same towns, so that
events sit on every block edge and chains of may-be-one-event pairs run across many blocks, with the cases that make
a block edge hard -- reports without a date of their own or without any date, dates of a whole year, places coarsened
to a province or missing, a report whose events fold together or lie in two countries."""
from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

import pytest

from sitrep.merge import cluster, heads, reconcile
from sitrep.store import Store
from sitrep.store.blocks import plan, read
from sitrep.store.db import load_report_events, merge_store, save_merged

D0 = date(2022, 3, 1)
# country -> towns (name, admin1 code, lat, lon); the first two of each country are 20 km apart, in one province
TOWNS = {
    "AF": [("Jalalabad", "AF.18", 34.43, 70.45), ("Behsud", "AF.18", 34.33, 70.62), ("Kabul", "AF.13", 34.53, 69.17)],
    "IQ": [("Ramadi", "IQ.01", 33.42, 43.30), ("Khalidiya", "IQ.01", 33.37, 43.50), ("Mosul", "IQ.15", 36.34, 43.13)],
}
TYPES = ["explosion_remote_violence", "explosion_remote_violence", "battle", "violence_against_civilians",
         "airstrike", "displacement"]
WORDS = "market bomb blast checkpoint convoy mosque wedding village ambush drone shelling camp bridge school".split()


def _gid(town: str) -> int:
    return 1 + [t[0] for towns in TOWNS.values() for t in towns].index(town)


def synthetic_reports(seed: int) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of articles, report_events and figures: 80 incidents over 70 days, each told by one to four reports
    published over the next days (or a follow-up a week later), tolls climbing, with and without dates and places."""
    rng = random.Random(seed)
    articles, events, figures = [], [], []
    for n in range(80):
        country = rng.choice(sorted(TOWNS))
        town, admin1, lat, lon = rng.choice(TOWNS[country][:2] if rng.random() < 0.8 else TOWNS[country])
        day = D0 + timedelta(days=rng.randrange(70))
        kind_of = rng.choice(TYPES)
        toll = rng.choice([2, 5, 9, 14, 30])
        words = " ".join(rng.sample(WORDS, 4))
        for r in range(rng.randint(1, 4)):
            article_id = f"r{n:03d}-{r}"
            published = day + timedelta(days=r + rng.randrange(2))
            text = f"{words} {town} {rng.choice(WORDS)}"
            articles.append({"article_id": article_id, "content_hash": article_id, "published": published,
                             "text": text, "version": 1, "ingested_at": datetime(2022, 6, 1)})
            if rng.random() < 0.08:
                articles[-1]["published"] = None  # a report without a publication date
            place = (town, admin1, country, lat, lon, 1, _gid(town))
            roll = rng.random()
            if roll < 0.15:
                place = (admin1, admin1, country, lat + 0.2, lon + 0.2, 4, None)  # only the province
            elif roll < 0.2:
                place = (None,) * 5 + (None, None)  # no place
            when = (day, day, "day")
            roll = rng.random()
            if roll < 0.1:  # a follow-up days later that does not repeat the date
                published = articles[-1]["published"] = day + timedelta(days=8 + rng.randrange(3))
                when = (published, published, "reported")
            elif roll < 0.2:
                when = (published, published, "reported")  # no date of its own: its report's week
            elif roll < 0.27:
                when = (None, None, None)
            elif roll < 0.32:
                when = (date(2022, 1, 1), date(2022, 12, 31), "year")  # a year, from a background clause
            elif roll < 0.4:
                when = (day - timedelta(days=1), day + timedelta(days=1), "range")
            elif roll < 0.45:
                when = (day, None, "day")  # a start alone, in a report without a date: no span at all
                articles[-1]["published"] = None
            seq = 0

            def event(place, when, event_type, tolls, kind="main"):
                nonlocal seq
                event_id = f"{article_id}/{seq}"
                name, admin1_code, ctry, lat_, lon_, prec, gid = place
                events.append({"event_id": event_id, "article_id": article_id, "seq": seq, "kind": kind,
                               "event_type": event_type, "date_start": when[0], "date_end": when[1],
                               "date_precision": when[2], "location_name": name, "admin1_code": admin1_code,
                               "country": ctry, "lat": lat_, "lon": lon_, "where_prec": prec, "geonames_id": gid,
                               "evidence": json.dumps([[0, len(text)]]), "record": "{}"})
                for k, (category, count) in enumerate(tolls.items()):
                    figures.append({"event_id": event_id, "seq": k, "category": category, "min_value": count,
                                    "max_value": count, "qualifier": "exact", "unit": "people", "victims": "unknown",
                                    "superseded": False})
                seq += 1

            climbed = max(1, toll * (1 + r) // (1 + rng.randrange(2)))
            tolls = {"displaced": climbed * 100} if kind_of == "displacement" else {"killed": climbed}
            if rng.random() < 0.3:
                tolls["injured"] = climbed * 3
            event(place, when, kind_of, tolls)
            roll = rng.random()
            if roll < 0.15:
                event(place, (None, None, None), kind_of, {})  # a figure-less retelling, folded
            elif roll < 0.22:
                event((None,) * 7, (day, day, "day"), kind_of, {})  # a dated retelling without a place, folded
            elif roll < 0.3:
                other = "IQ" if country == "AF" else "AF"
                town2, admin2, lat2, lon2 = TOWNS[other][0]
                event((town2, admin2, other, lat2, lon2, 1, _gid(town2)),
                      (day - timedelta(days=20), day - timedelta(days=20), "day"), kind_of, {"killed": 3},
                      kind="background")  # an earlier attack elsewhere the report recalls
    return articles, events, figures


def merged_state(store: Store) -> tuple[list, list]:
    con = store.con
    return (con.execute("SELECT * EXCLUDE (updated_at) FROM merged_events ORDER BY merged_id").fetchall(),
            con.execute("SELECT event_id, merged_id, link FROM merge_links ORDER BY event_id").fetchall())


@pytest.fixture(scope="module", params=[1, 2])
def synthetic(request, tmp_path_factory):
    """A store of the synthetic reports, and the merged state of clustering every report event at once."""
    db = tmp_path_factory.mktemp("blocks") / "events.duckdb"
    articles, events, figures = synthetic_reports(request.param)
    with Store(db) as store:
        store._insert("articles", articles)
        store._insert("report_events", events)
        store._insert("figures", figures)
        save_merged(store, [reconcile(g) for g in cluster(load_report_events(store))])
        whole = merged_state(store)
    return db, whole


@pytest.mark.parametrize("size", [1, 5, 100_000])
def test_blocked_merge_is_the_merge_of_everything_at_once(synthetic, size):
    db, whole = synthetic
    with Store(db) as store:
        n = merge_store(store, full=True, block_events=size)
        assert merged_state(store) == whole
        assert n == len(whole[0])
        assert store.con.execute("SELECT count(*) FROM merge_dirty").fetchone()[0] == 0


def test_blocks_cut_through_clusters(synthetic):
    """The test above means something: small blocks cut many clusters, so their events are carried over the edges;
    and each folded event of the store is read in exactly one block."""
    db, whole = synthetic
    with Store(db, read_only=True) as store:
        blocks = list(plan(store.con, 4))
        read_in = [(k, e.event_id) for k, block in enumerate(blocks) for e in read(store.con, block)]
        every = heads(load_report_events(store))
    assert sorted(event_id for _, event_id in read_in) == sorted(e.event_id for e in every)
    block_of = dict((event_id, k) for k, event_id in read_in)
    spread: dict[str, set[int]] = {}
    for event_id, merged_id, _ in whole[1]:
        if event_id in block_of:
            spread.setdefault(merged_id, set()).add(block_of[event_id])
    assert len(blocks) > 30
    assert sum(len(b) > 1 for b in spread.values()) >= 5
