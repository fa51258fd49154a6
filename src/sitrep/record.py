"""SPEC §2 serialisation: a `Record` as the "sitrep/1" JSON object, and the JSON Schema that describes it."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sitrep.model import Actor, Article, Event, Figure, Place, Record, Span, When

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
            "language": a.language,
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


def _time_precision(w: When) -> int | None:
    """ACLED's time precision code beside `precision` (1 day, 2 week, 3 month or worse); none without any date."""
    from sitrep.dates import acled_time_precision  # the dates stage's rule; loaded only when a record is written

    return acled_time_precision(w) if w.start is not None or w.end is not None else None


def _when(w: When | None) -> dict[str, Any] | None:
    if w is None:
        return None
    out = {
        "start": w.start.isoformat() if w.start else None,
        "end": w.end.isoformat() if w.end else None,
        "precision": w.precision,
        "text": w.text,
        "time_precision": _time_precision(w),
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


# ---------------------------------------------------------------- reading records back (Parquet partitions, files)
def record_from_dict(d: dict[str, Any], article: Article) -> Record:
    """The Record a SPEC §2 dict was made from (the inverse of record_to_dict, for a known article)."""
    return Record(article=article, events=[event_from_dict(e) for e in d.get("events", [])])


def event_from_dict(e: dict[str, Any]) -> Event:
    figures = [_figure(f) for f in e.get("figures", [])] + [_figure(f) for f in e.get("household_figures", [])]
    return Event(
        id=e["id"], event_type=e["event_type"], sub_event_type=e.get("sub_event_type"), figures=figures,
        date=_when_from(e.get("date")), location=_place_from(e.get("location")),
        actors=[Actor(a["name"], a["role"], a.get("text"), _span_from(a, "text_start", "text_end"), a.get("type"))
                for a in e.get("actors", [])],
        claim_source=e.get("claim_source"), confirmed=e.get("confirmed"),
        evidence=[Span(s["start"], s["end"]) for s in e.get("evidence", [])], confidence=e.get("confidence", 0.5),
        kind=e.get("kind", "main"),
    )


def _figure(f: dict[str, Any]) -> Figure:
    return Figure(category=f["category"], min=f["min"], max=f["max"], qualifier=f["qualifier"],
                  span=Span(f["start"], f["end"]), text=f["text"], victims=f.get("victims", "unknown"),
                  unit=f.get("unit", "people"), source=f.get("source"), confirmed=f.get("confirmed"),
                  superseded=f.get("superseded", False), mentions=[Span(m["start"], m["end"]) for m in f.get("mentions", [])])


def _span_from(d: dict[str, Any], a: str, b: str) -> Span | None:
    return Span(d[a], d[b]) if d.get(a) is not None and d.get(b) is not None else None


def _when_from(d: dict[str, Any] | None) -> When | None:
    if d is None:
        return None
    from datetime import date

    return When(date.fromisoformat(d["start"]) if d.get("start") else None,
                date.fromisoformat(d["end"]) if d.get("end") else None, d.get("precision"), d.get("text"),
                _span_from(d, "text_start", "text_end"))


def _place_from(d: dict[str, Any] | None) -> Place | None:
    if d is None:
        return None
    return Place(name=d["name"], country=d.get("country"), admin1=d.get("admin1"), lat=d.get("lat"), lon=d.get("lon"),
                 geonames_id=d.get("geonames_id"), precision=d.get("precision"),
                 feature_code=d.get("feature_code"), admin1_code=d.get("admin1_code"),
                 span=_span_from(d, "text_start", "text_end"), text=d.get("text"))
