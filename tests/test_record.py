"""SPEC §2 serialisation: the sitrep/1 record, valid against the JSON Schema shipped in the package."""
from __future__ import annotations

import json

import jsonschema
import pytest

from sitrep.record import SCHEMA, json_schema, record_to_dict
from sitrep.ingest.files import read_corpus
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_records(extractor):
    return [record_to_dict(r) for r in extractor.extract_many(a for a in read_corpus(SAMPLE))]


def test_record_sample_validates_against_schema(sample_records):
    validator = jsonschema.Draft202012Validator(json_schema())
    for rec in sample_records:
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, f"{rec['article']['id']}: {errors[0].message}"


def test_record_shape_is_spec_shape(sample_records):
    rec = next(r for r in sample_records if r["article"]["id"] == "mogadishu-truck-bomb")
    assert rec["schema"] == SCHEMA == "sitrep/1"
    assert list(rec["article"]) == ["id", "title", "published", "outlet", "source_url", "language"]
    assert rec["article"]["language"] == "en"
    assert rec["article"]["published"] == "2017-10-20"
    event = rec["events"][0]
    for key in ("id", "event_type", "sub_event_type", "date", "location", "actors", "figures", "claim_source",
                "confirmed", "evidence", "confidence"):
        assert key in event
    killed = [f for f in event["figures"] if f["category"] == "killed"]
    assert {(f["max"], f["superseded"]) for f in killed} == {(358, False), (276, True)}


def test_record_offsets_point_into_the_text(sample_records):
    texts = {a.id: a.text for a in read_corpus(SAMPLE)}
    for rec in sample_records:
        text = texts[rec["article"]["id"]]
        for e in rec["events"]:
            for f in e["figures"]:
                assert text[f["start"] : f["end"]] == f["text"]
            for ev in e["evidence"]:
                assert 0 <= ev["start"] < ev["end"] <= len(text)


def test_record_is_json_round_trippable(sample_records):
    for rec in sample_records:
        assert json.loads(json.dumps(rec)) == rec


def test_record_quiet_report_has_no_events(sample_records):
    rec = next(r for r in sample_records if r["article"]["id"] == "unsc-south-sudan")
    assert rec["events"] == []


def test_record_round_trips_through_its_dict(extractor):
    from sitrep.record import record_from_dict

    for rec in extractor.extract_many(a for a in read_corpus(SAMPLE)):
        d = record_to_dict(rec)
        assert record_to_dict(record_from_dict(json.loads(json.dumps(d)), rec.article)) == d
