"""`sitrep report`: the one-page situation report analysts pass around (HTML, and PDF through Chromium).

`build` reads the store into a plain dict (the headline numbers as low-best-high, the events, the timeline, the top
events, what changed since an earlier report); `render_html` puts it into the page template (Jinja2 with
autoescape: report text stays text); `write` writes HTML, PDF or the JSON the next report compares with.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sitrep.merge import CATEGORIES
from sitrep.report.changes import Change, compare, describe, place_text, snapshot, toll_text
from sitrep.store.queries import EventFilter, event_articles, figure_status, find_events, reports_of

TOP = 8  # events in the top table (what fits one A4 page beside the rest)
CHANGES = 8  # lines of changes shown; the rest are counted
SCHEMA = "sitrep-report/1"


def build(con, f: EventFilter, previous: dict[str, Any] | None = None, title: str | None = None) -> dict[str, Any]:
    """Everything the page shows, as data (JSON-able but for the charts, drawn in render_html)."""
    f = dataclasses.replace(f, limit=None, offset=0)
    rows = find_events(con, f)
    ids = [r["merged_id"] for r in rows]
    reports = reports_of(con, ids)
    articles = event_articles(con)
    status = figure_status(con, ids)
    snaps = [snapshot(r, articles.get(r["merged_id"], [])) for r in rows]
    days = [d for r in rows for d in (r["date_start"] or r["date_end"],) if d]
    first = f.since or (min(days) if days else None)
    last = f.until or (max(days) if days else None)
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "title": title or _title(f),
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "filters": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in
                    (("country", f.country), ("admin1", f.admin1), ("since", f.since), ("until", f.until),
                     ("actor", f.actor)) if v},
        "period": {"first": first.isoformat() if first else None, "last": last.isoformat() if last else None},
        "headline": _headline(rows, status),
        "n_events": len(rows),
        "n_reports": len({a for r in rows for a in (x["article_id"] for x in reports.get(r["merged_id"], []))}),
        "outlets": Counter(x["outlet"] or "unknown outlet" for r in rows
                           for x in reports.get(r["merged_id"], []) if x["link"] == "report").most_common(),
        "top": [_top_row(k, r, reports.get(r["merged_id"], []), figure_status(con, [r["merged_id"]]))
                for k, r in enumerate(_top(rows), 1)],
        "events": snaps,
        "precision": _precision(rows),
        "undated": sum(1 for r in rows if not (r["date_start"] or r["date_end"])),
        # For the map only (keys with "_" stay out of the JSON the next report compares with).
        "_points": [{"id": r["merged_id"], "lat": r["lat"], "lon": r["lon"], "deaths": deaths(r)} for r in rows],
    }
    data["changes"] = None
    if previous is not None:
        changes = compare(previous.get("events", []), snaps)
        data["changes"] = {"since": previous.get("generated"), "new": sum(c.kind == "new" for c in changes),
                           "revised": sum(c.kind == "revised" for c in changes),
                           "lines": [describe(c) for c in _most_important(changes)]}
    return data


def _title(f: EventFilter) -> str:
    where = ", ".join(x for x in (f.admin1, f.country) if x)
    return f"Situation report{': ' + where if where else ''}{' — ' + f.actor if f.actor else ''}"


def _headline(rows: list[dict], status: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """Per category: the sums of low, best and high over the events that report it, and the figures' doubts.

    An event adds its best (else its low, else its high) to best; one with only "at least N" leaves high open
    (high_open), one with only "up to N" adds nothing to low.
    """
    out = []
    for c in CATEGORIES:
        told = [r for r in rows if r[f"{c}_low"] is not None or r[f"{c}_high"] is not None]
        low = sum(r[f"{c}_low"] or 0 for r in told)
        best = sum(_best(r, c) for r in told)
        open_high = any(r[f"{c}_high"] is None for r in told)
        high = sum(r[f"{c}_high"] if r[f"{c}_high"] is not None else _best(r, c) for r in told)
        s = status.get(c, {})
        out.append({"category": c, "events": len(told), "low": low, "best": best, "high": high,
                    "high_open": open_high, "figures": s.get("figures", 0), "unconfirmed": s.get("unconfirmed", 0),
                    "confirmed": s.get("confirmed", 0), "superseded": s.get("superseded", 0)})
    return out


def _best(r: dict, c: str) -> int:
    for k in ("best", "low", "high"):
        if r[f"{c}_{k}"] is not None:
            return r[f"{c}_{k}"]
    return 0


def deaths(r: dict) -> int:
    return _best(r, "killed") if r["killed_low"] is not None or r["killed_high"] is not None else 0


def _top(rows: list[dict]) -> list[dict]:
    """The events with most deaths; then the most harm of other kinds, so a page on abductions still lists some."""
    def weight(r):
        return (deaths(r), sum(_best(r, c) for c in CATEGORIES), r["n_reports"])

    return sorted(rows, key=weight, reverse=True)[:TOP]


def _top_row(rank: int, r: dict, reports: list[dict], status: dict[str, dict[str, int]]) -> dict[str, Any]:
    """One row of the top table; each figure says whether its reports doubt it (all unconfirmed) or confirm it."""
    actors = json.loads(r["actors"] or "[]")
    figures = []
    for c in CATEGORIES:
        if r[f"{c}_low"] is not None or r[f"{c}_high"] is not None:
            s = status.get(c, {})
            figures.append({"category": c, "text": toll_text({k: r[f"{c}_{k}"] for k in ("low", "best", "high")}),
                            "unconfirmed": bool(s.get("figures")) and s.get("unconfirmed") == s.get("figures"),
                            "confirmed": bool(s.get("confirmed"))})
    day_from, day_to = r["date_start"], r["date_end"]
    when = (day_from or day_to).isoformat() if (day_from or day_to) else "undated"
    until = day_to.isoformat() if day_from and day_to and day_to != day_from else None
    primary = [x for x in reports if x["link"] == "report"]
    return {
        "rank": r.get("rank") or rank,
        "id": r["merged_id"],
        "date": when,
        "until": until,
        "place": place_text({"place": r["location_name"], "admin1": r["admin1"], "country": r["country"]}),
        "admin1": r["admin1"] if r["admin1"] != r["location_name"] else None,
        "type": (r["sub_event_type"] or r["event_type"] or "").replace("_", " ").replace("/", "/\u200b"),
        "perpetrators": [a["name"] for a in actors if a.get("role") == "perpetrator"],
        "figures": figures,
        "outlets": sorted({x["outlet"] or "unknown outlet" for x in primary}),
        "n_reports": len(primary),
    }


def _precision(rows: list[dict]) -> dict[str, int]:
    return {
        "vague_date": sum(1 for r in rows if r["date_precision"] not in ("day",)),
        "vague_place": sum(1 for r in rows if (r["where_prec"] or 6) > 2),
        "unconfirmed_best": sum(1 for r in rows if r["best_unconfirmed"]),
        "single_report": sum(1 for r in rows if r["n_reports"] <= 1),
    }


def _most_important(changes: list[Change]) -> list[Change]:
    def weight(c: Change) -> int:
        return max([_best_of(c.event["figures"].get(k)) for k in CATEGORIES] + [0])

    return sorted(changes, key=lambda c: (c.kind != "revised", -weight(c)))[:CHANGES]


def _best_of(v) -> int:
    if not v:
        return 0
    return next((v[k] for k in ("best", "low", "high") if v.get(k) is not None), 0)


# ---------------------------------------------------------------- the page
def timeline_series(data: dict[str, Any]) -> tuple[str, dict[str, list[tuple[date, int]]], date, date] | None:
    """The timeline's bars: by week for up to half a year, else by month; killed, displaced, abducted, and injured
    when the period reports injuries."""
    from sitrep.report.charts import periods

    if not data["period"]["first"]:
        return None
    first, last = date.fromisoformat(data["period"]["first"]), date.fromisoformat(data["period"]["last"])
    by = "week" if (last - first).days <= 183 else "month"
    cats = ["killed", "displaced", "abducted"]
    series: dict[str, Counter] = {c: Counter() for c in cats}
    for e in data["events"]:
        if not e["date"]:
            continue
        slot = periods(date.fromisoformat(e["date"]), date.fromisoformat(e["date"]), by)[0]
        for c in cats:
            series[c][slot] += _best_of(e["figures"].get(c))
    return by, {c: sorted(v.items()) for c, v in series.items()}, first, last


def render_html(data: dict[str, Any], fit: bool = False) -> str:
    """The page; fit=True (for printing) adds the script that keeps it to one A4 page."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from sitrep.report import charts

    ranks = {t["id"]: t["rank"] for t in data["top"]}
    points = [{"lat": e["lat"], "lon": e["lon"], "deaths": e["deaths"], "rank": ranks.get(e["id"])}
              for e in data.get("_points", [])]
    timeline = timeline_series(data)
    svg_timeline = charts.timeline(timeline[1], timeline[0], timeline[2], timeline[3]) if timeline else ""
    env = Environment(loader=PackageLoader("sitrep.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    from markupsafe import Markup

    return env.get_template("report.html.j2").render(
        r=data, by=timeline[0] if timeline else None, fit=fit,
        map_svg=Markup(charts.event_map(points)), timeline_svg=Markup(svg_timeline))


def load_previous(path: Path) -> dict[str, Any]:
    """A report's JSON written earlier (`sitrep report -o X` writes X's .json beside it); ValueError if not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{path}: cannot be read ({e.strerror or e})") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: is not JSON ({e.msg}, line {e.lineno})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("events"), list):
        raise ValueError(f"{path}: is not a sitrep report's JSON (schema {SCHEMA})")
    return data


def write(data: dict[str, Any], output: Path) -> list[Path]:
    """Write the report as `output` says (.html, .pdf or .json); an .html or .pdf also gets its .json beside it,
    for the next report's --since-report. Returns the files written."""
    from sitrep.export import write_atomic

    output.parent.mkdir(parents=True, exist_ok=True)
    snapshot_json = json.dumps({k: v for k, v in data.items() if not k.startswith("_")}, ensure_ascii=False,
                               indent=1)
    suffix = output.suffix.lower()
    written = []
    if suffix == ".json":
        write_atomic(output, lambda tmp: tmp.write_text(snapshot_json, encoding="utf-8"))
        return [output]
    if suffix == ".pdf":
        write_atomic(output, lambda tmp: _one_page_pdf(data, render_html(data, fit=True), tmp))
    else:
        page = render_html(data)
        write_atomic(output, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    written.append(output)
    side = output.with_suffix(".json")
    write_atomic(side, lambda tmp: tmp.write_text(snapshot_json, encoding="utf-8"))
    written.append(side)
    return written


def _one_page_pdf(data: dict[str, Any], page: str, path: Path) -> None:
    """Print the page (its script shortens it to one page where needed); should a layout still spill onto a
    second page, print it again with four top events and four change lines."""
    from sitrep.report.pdf import html_to_pdf, page_count

    html_to_pdf(page, path)
    if page_count(path) > 1:
        shorter = {**data, "top": data["top"][:4]}
        if data.get("changes"):
            shorter["changes"] = {**data["changes"], "lines": data["changes"]["lines"][:4]}
        html_to_pdf(render_html(shorter, fit=True), path)
