"""Incremental merge (sitrep.store.remerge): after each ingest only what the new or updated reports can change is
merged again, and the result is the one of merging everything again -- on our own reports, with an updated report,
and on the real clusters-dev, dev and sample reports (read from ../shared at run time) ingested in batches."""
from __future__ import annotations

import dataclasses
import json

from sitrep.ingest.files import read_corpus
from sitrep.ingest.run import ingest
from sitrep.model import Article
from sitrep.store import Store
from sitrep.store.db import merge_store
from sitrep.store.remerge import remerge
from tests.conftest import SAMPLE, shared_dir
from tests.test_merge import REPORTS


def merged_state(store: Store) -> tuple[list, list]:
    """The merged events (without their timestamps) and every link, in a fixed order."""
    con = store.con
    events = con.execute("SELECT * EXCLUDE (updated_at) FROM merged_events ORDER BY merged_id").fetchall()
    links = con.execute("SELECT event_id, merged_id, link FROM merge_links ORDER BY event_id").fetchall()
    return events, links


def write_jsonl(path, reports) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return str(path)


def test_reports_one_at_a_time_merge_as_all_at_once(tmp_path, extractor):
    """Each report ingested on its own (an incremental merge after each) ends where merging them all does."""
    with Store(tmp_path / "one.duckdb") as store:
        for k, r in enumerate(REPORTS):
            ingest([write_jsonl(tmp_path / f"r{k}.jsonl", [r])], store, extractor)
        one_by_one = merged_state(store)
        assert store.con.execute("SELECT count(*) FROM merge_dirty").fetchone()[0] == 0
        merge_store(store, full=True)
        assert merged_state(store) == one_by_one
    events, links = one_by_one
    assert len({m for _, m, _ in links}) == len(events) == 3


def test_updated_report_redoes_the_events_it_was_in(tmp_path, extractor):
    """A report whose new version tells another place leaves its old event: that merged event is redone."""
    moved = dict(REPORTS[3], text="A bomb blast killed 33 people at a market in Kandahar, the provincial governor's "
                                  "office said.\n")
    with Store(tmp_path / "events.duckdb") as store:
        ingest([write_jsonl(tmp_path / "a.jsonl", REPORTS)], store, extractor)
        before = {m for _, m, _ in merged_state(store)[1]}
        ingest([write_jsonl(tmp_path / "b.jsonl", [moved])], store, extractor)
        incremental = merged_state(store)
        merge_store(store, full=True)
        assert merged_state(store) == incremental
    reports_of = {}
    for event_id, merged_id, _ in incremental[1]:
        reports_of.setdefault(merged_id, set()).add(event_id)
    assert len(reports_of) == 4 and before != set(reports_of)


def test_real_reports_in_batches_merge_as_all_at_once(tmp_path, extractor):
    """clusters-dev, dev and the sample: most stored and merged, then the rest one report at a time (an incremental
    merge after each), end where one merge of everything does, and so does a merge in small blocks: real reports'
    clusters, decoys and recalled events."""
    folders = [shared_dir() / "corpus" / "clusters-dev", shared_dir() / "corpus" / "dev", SAMPLE]
    articles = [dataclasses.replace(a, id=f"{k}/{a.id}")  # the corpora share folder names
                for k, f in enumerate(folders) for a in read_corpus(f) if isinstance(a, Article)]
    records = list(extractor.extract_many(articles))
    with Store(tmp_path / "events.duckdb") as store:
        items = [(a, r, "new") for a, r in zip(articles, records)]
        store.save([x for n, x in enumerate(items) if n % 5])
        merge_store(store)
        for x in items[::5]:
            store.save([x])
            assert remerge(store) is not None  # incremental, not everything again
        incremental = merged_state(store)
        merge_store(store, full=True)
        assert merged_state(store) == incremental
        merge_store(store, full=True, block_events=3)  # in blocks of a few report events (sitrep.store.blocks)
        assert merged_state(store) == incremental
    assert sum(1 for _, m, _ in incremental[1]) == sum(len(r.events) for r in records)
