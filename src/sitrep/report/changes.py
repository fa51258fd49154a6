"""What changed between two looks at the store: new events and revised tolls.

A look is a snapshot of merged events (`snapshot`): their figures and the reports (article ids) behind them. Merged
ids are stable while an event's first report stays its first, but a new report can regroup events and a revised
report gets new report-event ids, so an event is followed by its id, else by the reports it shares with an event of
the earlier look. Used by `sitrep report --since-report` and by `sitrep watch`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.merge import CATEGORIES


def snapshot(row: dict[str, Any], articles: list[str]) -> dict[str, Any]:
    """One merged event as kept in a report's JSON: enough to recognise it and compare its tolls later."""
    day = row["date_start"] or row["date_end"]
    return {
        "id": row["merged_id"],
        "date": day.isoformat() if day else None,
        "place": row["location_name"],
        "admin1": row["admin1"],
        "country": row["country"],
        "event_type": row["event_type"],
        "figures": {c: {k: row[f"{c}_{k}"] for k in ("low", "best", "high")}
                    for c in CATEGORIES if row[f"{c}_low"] is not None or row[f"{c}_high"] is not None},
        "n_reports": row["n_reports"],
        "articles": sorted(articles),
    }


@dataclass(slots=True)
class Revision:
    category: str
    before: dict[str, Any] | None  # {"low", "best", "high"}; None: the category was not reported before
    after: dict[str, Any] | None


@dataclass(slots=True)
class Change:
    kind: str  # "new" or "revised"
    event: dict[str, Any]  # the snapshot now
    before: dict[str, Any] | None = None  # the snapshot it follows
    revisions: list[Revision] = field(default_factory=list)


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    """New events, and events whose tolls changed, from the `before` look to the `after` one (snapshots).

    Each earlier event is followed once: by its id, else by the reports it shares (the same report event counts
    more than another event of the same report)."""
    by_id = {e["id"]: e for e in before}
    claimed = {e["id"] for e in after if e["id"] in by_id}
    out: list[Change] = []
    for e in after:
        prev = by_id.get(e["id"])
        if prev is None:
            prev = _best_overlap(e, [p for p in before if p["id"] not in claimed])
            if prev is not None:
                claimed.add(prev["id"])
        if prev is None:
            out.append(Change("new", e))
            continue
        revisions = [Revision(c, prev["figures"].get(c), e["figures"].get(c))
                     for c in CATEGORIES if _toll(prev["figures"].get(c)) != _toll(e["figures"].get(c))]
        if revisions:
            out.append(Change("revised", e, prev, revisions))
    return out


def _best_overlap(e: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    keys = set(e.get("articles") or [])
    articles = {k.split("#")[0] for k in keys}
    best, score = None, 0
    for prev in candidates:
        theirs = set(prev.get("articles") or [])
        s = 2 * len(keys & theirs) + len(articles & {k.split("#")[0] for k in theirs})
        if s > score:
            best, score = prev, s
    return best


def _toll(v: dict[str, Any] | None) -> tuple:
    return (v.get("low"), v.get("best"), v.get("high")) if v else (None, None, None)


def toll_text(v: dict[str, Any] | None) -> str:
    """A toll as people write it: "287", "at least 24", "up to 500", "40 (30-45)"."""
    if not v:
        return "none"
    low, best, high = v.get("low"), v.get("best"), v.get("high")
    if low is None and high is None:
        return f"{best:,}" if best is not None else "none"
    if low is not None and high is None:
        return f"at least {best if best is not None else low:,}"
    if low is None and high is not None:
        return f"up to {high:,}"
    if low == high:
        return f"{low:,}"
    return f"{best:,} ({low:,}-{high:,})" if best is not None else f"{low:,}-{high:,}"


def place_text(e: dict[str, Any]) -> str:
    return ", ".join(x for x in (e.get("place") or e.get("admin1"), e.get("country")) if x) or "unknown place"


def describe(change: Change) -> str:
    """One line: "2024-03-08 Kaduna, NG: at least 287 abducted (was 200), 3 reports"."""
    e = change.event
    head = f"{e.get('date') or 'undated'} {place_text(e)}"
    reports = f"{e['n_reports']} report{'s' if e['n_reports'] != 1 else ''}"
    if change.kind == "new":
        tolls = ", ".join(f"{toll_text(v)} {c}" for c, v in e["figures"].items()) or "no figures"
        return f"{head}: new {e['event_type'].replace('_', ' ')}, {tolls}, {reports}"
    parts = [f"{toll_text(r.after)} {r.category} (was {toll_text(r.before)})" for r in change.revisions]
    return f"{head}: {', '.join(parts)}, {reports}"
