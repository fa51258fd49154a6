"""SPEC §2 serialisation: a `Record` as the "sitrep/1" JSON object, and the JSON Schema that describes it."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sitrep.model import Actor, Event, Figure, Place, Record, Span, When

SCHEMA = "sitrep/1"


def record_to_dict(rec: Record) -> dict[str, Any]:
    a = rec.article
    return {
        "schema": SCHEMA,
        "article": {
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "outlet": a.outlet,
            "source_url": a.source_url,
        },
        "events": [event_to_dict(e) for e in rec.events],
    }


def event_to_dict(e: Event) -> dict[str, Any]:
    people = [f for f in e.figures if f.unit == "people"]
    households = [f for f in e.figures if f.unit != "people"]
    out: dict[str, Any] = {
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": _when(e.date),
        "location": _place(e.location),
        "actors": [_actor(a) for a in e.actors],
        "figures": [figure_to_dict(f) for f in people],
        "claim_source": e.claim_source,
        "confirmed": e.confirmed,
        "evidence": [_span(s) for s in e.evidence],
        "confidence": e.confidence,
        "kind": e.kind,
    }
    if households:
        # Counts of families or households keep their unit and stay apart from counts of people (SPEC §2).
        out["household_figures"] = [figure_to_dict(f) for f in households]
    return out


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {
        "category": f.category,
        "victims": f.victims,
        "min": f.min,
        "max": f.max,
        "qualifier": f.qualifier,
        "unit": f.unit,
        "text": f.text,
        "start": f.span.start,
        "end": f.span.end,
        "source": f.source,
        "confirmed": f.confirmed,
        "superseded": f.superseded,
        "mentions": [_span(s) for s in f.mentions],
    }


def _span(s: Span) -> dict[str, int]:
    return {"start": s.start, "end": s.end}


def _when(w: When | None) -> dict[str, Any] | None:
    if w is None:
        return None
    out = {
        "start": w.start.isoformat() if w.start else None,
        "end": w.end.isoformat() if w.end else None,
        "precision": w.precision,
        "text": w.text,
    }
    if w.span is not None:
        out.update({"text_start": w.span.start, "text_end": w.span.end})
    return out


def _place(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    out = {
        "name": p.name,
        "admin1": p.admin1,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
        "precision": p.precision,
        "where_prec": p.where_prec,
        "feature_code": p.feature_code,
        "admin1_code": p.admin1_code,
        "text": p.text,
    }
    if p.span is not None:
        out.update({"text_start": p.span.start, "text_end": p.span.end})
    return out


def _actor(a: Actor) -> dict[str, Any]:
    out: dict[str, Any] = {"name": a.name, "role": a.role, "type": a.type, "text": a.text}
    if a.span is not None:
        out.update({"text_start": a.span.start, "text_end": a.span.end})
    return out


def to_json_line(rec: Record) -> str:
    return json.dumps(record_to_dict(rec), ensure_ascii=False)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (`sitrep/schema/record.schema.json`)."""
    text = resources.files("sitrep.schema").joinpath("record.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
