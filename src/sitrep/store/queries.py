"""Reading the store: merged events with filters, one event with its reports and evidence, and statistics.

Every filter value travels as a query parameter; the SQL text is fixed.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.merge import CATEGORIES
from sitrep.model import WHERE_PREC
from sitrep.store.db import registered

MERGED_COLUMNS = [
    "merged_id", "event_type", "sub_event_type", "date_start", "date_end", "date_precision", "location_name",
    "admin1", "country", "lat", "lon", "where_prec", "geonames_id",
    *[f"{c}_{k}" for c in CATEGORIES for k in ("low", "best", "high")],
    "killed_civilians", "killed_low_vague", "best_unconfirmed", "n_reports", "confirmed", "actors", "updated_at",
]


@dataclass(slots=True)
class EventFilter:
    country: str | None = None  # ISO alpha-2
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    min_killed: int | None = None
    near: tuple[float, float] | None = None
    within_km: float | None = None
    limit: int | None = None
    offset: int = 0


def parse_point(near: str) -> tuple[float, float]:
    """A point as users write it, "LAT,LON"; ValueError says what is wrong."""
    try:
        lat, lon = (float(x) for x in near.split(","))
    except ValueError:
        raise ValueError("give the point as LAT,LON, e.g. 33.42,43.30") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("latitude must be within ±90 and longitude within ±180")
    return lat, lon


def where(f: EventFilter, table: str = "merged_events") -> tuple[str, list[Any]]:
    """The WHERE clause of a filter over `table` (merged_events, or a copy of its columns), with its parameters."""
    clauses, params = [], []
    if f.country:
        clauses.append("country = ?")
        params.append(f.country.upper())
    if f.admin1:
        # A province is spelt as each report spells it ("Idlib", "Idleb"): the name matches the events spelt so
        # and every event that carries a province code one of those has.
        clauses.append(f"(lower(admin1) = lower(?) OR admin1_code IN (SELECT admin1_code FROM {table} "
                       "WHERE lower(admin1) = lower(?) AND admin1_code IS NOT NULL))")
        params += [f.admin1, f.admin1]
    if f.since:
        clauses.append("date_end >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("coalesce(date_start, date_end) <= ?")
        params.append(f.until)
    if f.event_type:
        clauses.append("event_type = ?")
        params.append(f.event_type)
    if f.actor:  # part of an actor's name, any case; never the JSON around the names
        # nullif: a store written by an older version may hold '' for "no actors", which is not JSON
        clauses.append("EXISTS (SELECT 1 FROM unnest(json_extract_string(nullif(actors, ''), '$[*].name')) AS a(name) "
                       "WHERE contains(lower(a.name), lower(?)))")
        params.append(f.actor)
    if f.min_killed is not None:
        clauses.append("coalesce(killed_best, killed_low, 0) >= ?")
        params.append(f.min_killed)
    if f.near is not None:
        lat, lon = f.near
        km = f.within_km if f.within_km is not None else 25.0
        dlat = km / 111.0
        dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
        clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        clauses.append(
            "2 * 6371 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) "
            "* pow(sin(radians(lon - ?) / 2), 2))) <= ?")
        params += [lat, lat, lon, km]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_events(con, f: EventFilter) -> list[dict[str, Any]]:
    """Merged events matching the filter, newest first: flat rows."""
    sql_where, params = where(f)
    sql = (f"SELECT {', '.join(MERGED_COLUMNS)} FROM merged_events{sql_where} "
           "ORDER BY date_end DESC NULLS LAST, merged_id")
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [f.limit, f.offset]
    return [dict(zip(MERGED_COLUMNS, r)) for r in con.execute(sql, params).fetchall()]


def count_events(con, f: EventFilter) -> int:
    sql_where, params = where(f)
    return con.execute(f"SELECT count(*) FROM merged_events{sql_where}", params).fetchone()[0]


def reports_of(con, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The report events behind each merged event, with their articles."""
    if not merged_ids:
        return {}
    # An Arrow table of the ids to join with: as fast as `= ANY(?)` for a page of events, twice as fast for all.
    with registered(con, _sitrep_ids={"merged_id": merged_ids}):
        rows = con.execute(
            """SELECT l.merged_id, l.link, e.event_id, e.article_id, a.published, a.outlet, a.url, a.title
               FROM merge_links l JOIN _sitrep_ids i ON i.merged_id = l.merged_id
               JOIN report_events e USING (event_id) JOIN articles a ON a.article_id = e.article_id
               ORDER BY a.published NULLS LAST, e.article_id, e.event_id"""
        ).fetchall()
    out: dict[str, list[dict[str, Any]]] = {}
    for merged_id, link, event_id, article_id, published, outlet, url, title in rows:
        out.setdefault(merged_id, []).append({
            "article_id": article_id, "event_id": event_id, "published": published.isoformat() if published else None,
            "outlet": outlet, "source_url": url, "title": title, "link": link,
        })
    return out


def to_spec(row: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A merged event in the SPEC §3 shape."""
    primary = [r for r in reports if r["link"] == "report"]
    mentions = [r for r in reports if r["link"] == "mention"]

    def rep(r: dict) -> dict:
        return {k: r[k] for k in ("article_id", "event_id", "published", "outlet", "source_url")}

    return {
        "schema": "sitrep/1",
        "id": row["merged_id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "date": {"start": _iso(row["date_start"]), "end": _iso(row["date_end"]), "precision": row["date_precision"]},
        "location": {"name": row["location_name"], "admin1": row["admin1"], "country": row["country"],
                     "lat": row["lat"], "lon": row["lon"], "precision": _precision(row["where_prec"]),
                     "where_prec": row["where_prec"], "geonames_id": row["geonames_id"]},
        "actors": [{"name": a["name"], "role": a["role"], "type": a.get("type")} for a in json.loads(row["actors"] or "[]")],
        "figures": {c: {"low": row[f"{c}_low"], "best": row[f"{c}_best"], "high": row[f"{c}_high"]}
                    for c in CATEGORIES if row[f"{c}_low"] is not None or row[f"{c}_high"] is not None},
        "best_unconfirmed": row["best_unconfirmed"],
        "confirmed": row["confirmed"],
        "reports": [rep(r) for r in primary],
        "mentioned_in": [rep(r) for r in mentions],
    }


def spec_events(con, f: EventFilter) -> list[dict[str, Any]]:
    rows = find_events(con, f)
    reports = reports_of(con, [r["merged_id"] for r in rows])
    return [to_spec(r, reports.get(r["merged_id"], [])) for r in rows]


# ------------------------------------------------------------ pages built by DuckDB
# The API's pages (SPEC §3 events, as JSON or GeoJSON) are written by DuckDB itself, one JSON text per page: no
# Python dict per event, per report or per actor. Each fragment below gives the same keys, in the same order, as
# to_spec (tests/test_api_json.py holds the two to each other on a real store).
def _label_case() -> str:
    return "CASE m.where_prec " + " ".join(f"WHEN {code} THEN '{label}'" for label, code in WHERE_PREC.items()) + " END"


def _figures_json() -> str:
    parts = ", ".join(f"""CASE WHEN m.{c}_low IS NOT NULL OR m.{c}_high IS NOT NULL THEN '"{c}":' || """
                      f"json_object('low', m.{c}_low, 'best', m.{c}_best, 'high', m.{c}_high) END" for c in CATEGORIES)
    return f"CAST('{{' || concat_ws(',', {parts}) || '}}' AS JSON)"


_REPORT_JSON = ("json_object('article_id', e.article_id, 'event_id', e.event_id, 'published', a.published, "
                "'outlet', a.outlet, 'source_url', a.url)")
_ACTORS_JSON = ("""CASE WHEN coalesce(m.actors, '') = '' THEN CAST('[]' AS JSON) ELSE to_json(json_transform(m.actors, """
                """'[{"name": "VARCHAR", "role": "VARCHAR", "type": "VARCHAR"}]')) END""")
SPEC_JSON = f"""json_object('schema', 'sitrep/1', 'id', m.merged_id, 'event_type', m.event_type,
    'sub_event_type', m.sub_event_type,
    'date', json_object('start', m.date_start, 'end', m.date_end, 'precision', m.date_precision),
    'location', json_object('name', m.location_name, 'admin1', m.admin1, 'country', m.country, 'lat', m.lat,
                            'lon', m.lon, 'precision', {_label_case()}, 'where_prec', m.where_prec,
                            'geonames_id', m.geonames_id),
    'actors', {_ACTORS_JSON},
    'figures', {_figures_json()},
    'best_unconfirmed', m.best_unconfirmed, 'confirmed', m.confirmed,
    'reports', coalesce(r.reports, CAST([] AS JSON[])), 'mentioned_in', coalesce(r.mentions, CAST([] AS JSON[])))"""
GEOMETRY_JSON = ("CASE WHEN m.lat IS NOT NULL THEN json_object('type', 'Point', 'coordinates', "
                 "json_array(m.lon, m.lat)) END")
FEATURE_JSON = f"json_object('type', 'Feature', 'id', m.merged_id, 'geometry', {GEOMETRY_JSON}, 'properties', {SPEC_JSON})"
_ORDER = "ORDER BY date_end DESC NULLS LAST, merged_id"
_M_ORDER = "ORDER BY m.date_end DESC NULLS LAST, m.merged_id"
# Each merged event's reports and passing mentions (merged events in `m`), in reports_of's order.
_REPORTS = f"""SELECT l.merged_id,
        list({_REPORT_JSON} ORDER BY a.published NULLS LAST, e.article_id, e.event_id)
            FILTER (WHERE l.link = 'report') AS reports,
        list({_REPORT_JSON} ORDER BY a.published NULLS LAST, e.article_id, e.event_id)
            FILTER (WHERE l.link = 'mention') AS mentions
    FROM m JOIN merge_links l ON l.merged_id = m.merged_id JOIN report_events e ON e.event_id = l.event_id
    JOIN articles a ON a.article_id = e.article_id GROUP BY l.merged_id"""
# Every merged event, newest first (k = its place in that order), with the columns the filters read (where()) and
# its SPEC §3 JSON and GeoJSON geometry: what sitrep.web.pages keeps in memory to answer pages from.
INDEX_SQL = f"""WITH m AS (SELECT * FROM merged_events), r AS ({_REPORTS})
    SELECT row_number() OVER ({_M_ORDER}) - 1 AS k, m.merged_id, m.country, m.admin1, m.admin1_code,
           m.date_start, m.date_end,
           m.event_type, m.actors, m.killed_best, m.killed_low, m.lat, m.lon,
           CAST({SPEC_JSON} AS VARCHAR) AS spec, CAST(coalesce({GEOMETRY_JSON}, 'null') AS VARCHAR) AS geometry
    FROM m LEFT JOIN r ON r.merged_id = m.merged_id ORDER BY k"""


def page_json(con, f: EventFilter, geojson: bool = False) -> tuple[int, str]:
    """How many events match the filter, and the page's events (SPEC §3, or GeoJSON features) as the text of one
    JSON array, newest first: what find_events + reports_of + to_spec give, written by DuckDB.

    Two steps in one snapshot: the page's row ids (a top-N over the two sort columns only, and the count), then
    the JSON of just those rows, fetched by row id with their reports. Sorting every column of the table to keep
    100 rows was most of a page's time."""
    sql_where, params = where(f)
    page = f"SELECT rowid AS r, date_end, merged_id FROM merged_events{sql_where} {_ORDER}"
    page_params = list(params)
    if f.limit is not None:
        page += " LIMIT ? OFFSET ?"
        page_params += [f.limit, f.offset]
    con.execute("BEGIN TRANSACTION")  # the row ids of the first query are the rows of the second
    try:
        total, rowids = con.execute(
            f"SELECT (SELECT count(*) FROM merged_events{sql_where}), "
            f"(SELECT coalesce(list(r), []) FROM ({page}))", params + page_params).fetchall()[0]
        text = "" if not rowids else con.execute(
            f"""WITH m AS (SELECT * FROM merged_events WHERE rowid = ANY(?)), r AS ({_REPORTS})
                SELECT string_agg({FEATURE_JSON if geojson else SPEC_JSON}, ',' {_M_ORDER})
                FROM m LEFT JOIN r ON r.merged_id = m.merged_id""", [rowids]).fetchall()[0][0]
    finally:
        con.execute("COMMIT")
    return total, "[" + (text or "") + "]"


def event_detail(con, merged_id: str) -> dict[str, Any] | None:
    """One merged event, each report's own figures, and the sentences they came from."""
    rows = con.execute(f"SELECT {', '.join(MERGED_COLUMNS)} FROM merged_events WHERE merged_id = ?",
                       [merged_id]).fetchall()
    if not rows:
        return None
    row = dict(zip(MERGED_COLUMNS, rows[0]))
    reports = reports_of(con, [merged_id]).get(merged_id, [])
    out = to_spec(row, reports)
    sources = {event_id: (evidence, record, text) for event_id, evidence, record, text in con.execute(
        """SELECT e.event_id, e.evidence, e.record, a.text FROM merge_links l JOIN report_events e USING (event_id)
           JOIN articles a ON a.article_id = e.article_id WHERE l.merged_id = ?""", [merged_id]).fetchall()}
    details = []
    for r in reports:
        evidence, record, text = sources[r["event_id"]]
        record = json.loads(record or "{}")  # a report event stored without its record still has a page
        details.append({
            **r,
            "figures": [{k: f[k] for k in ("category", "min", "max", "qualifier", "text", "start", "end", "source",
                                           "confirmed", "superseded")} for f in record.get("figures", [])],
            "evidence": [{"start": s, "end": e, "text": text[s:e]} for s, e in json.loads(evidence or "[]")],
            "claim_source": record.get("claim_source"),
        })
    out["report_details"] = details
    out["merge_reasons"] = merge_reasons(con, merged_id)
    return out


def merge_reasons(con, merged_id: str) -> list[dict[str, Any]]:
    """Why each report is in a merged event: the repeats of its own event folded in, and its pair with the report
    it fits best, test by test (sitrep.merge.explain)."""
    from sitrep.merge import explain

    ids = [r[0] for r in con.execute("SELECT event_id FROM merge_links WHERE merged_id = ?", [merged_id]).fetchall()]
    events = _folded(con, ids)
    out = []
    for e in sorted(events, key=lambda e: (e.published or date.min, e.article_id)):
        pairs = [(o, *explain(e, o)) for o in events if o.article_id != e.article_id]
        best = max(pairs, key=lambda p: (p[1] is not None, p[1] or 0.0), default=None)
        out.append({"article_id": e.article_id, "event_id": e.event_id, "folded": [f.event_id for f in e.folded],
                    "with": best[0].article_id if best else None, "score": best[1] if best else None,
                    "tests": _tests(best[2]) if best else []})
    return out


def explain_articles(con, article_a: str, article_b: str) -> list[dict[str, Any]]:
    """Why two reports' events were or were not merged: every pair of their events (each report's repeats folded
    first), with the merged events they are in, the score against the merge's threshold, and each test."""
    from sitrep.merge import THRESHOLD, explain

    rows = con.execute("SELECT e.event_id, l.merged_id FROM report_events e LEFT JOIN merge_links l USING (event_id) "
                       "WHERE e.article_id IN (?, ?)", [article_a, article_b]).fetchall()
    merged = {event_id: merged_id for event_id, merged_id in rows if merged_id is not None}
    events = _folded(con, [event_id for event_id, _ in rows])
    out = []
    for a in (e for e in events if e.article_id == article_a):
        for b in (e for e in events if e.article_id == article_b):
            score, reasons = explain(a, b)
            out.append({"event_a": a.event_id, "event_b": b.event_id, "merged_a": merged.get(a.event_id),
                        "merged_b": merged.get(b.event_id),
                        "merged": merged.get(a.event_id) is not None and merged.get(a.event_id) == merged.get(b.event_id),
                        "score": score, "threshold": THRESHOLD, "tests": _tests(reasons)})
    return out


def _folded(con, ids: list[str]):
    """These stored report events, prepared, each report's repeats folded in (what the merge compares)."""
    from sitrep.merge import fold
    from sitrep.store.db import report_events

    return fold([e.prepare() for e in report_events(con, ids)])


def _tests(reasons) -> list[dict[str, Any]]:
    return [{"test": r.test, "points": r.points, "saw": r.saw} for r in reasons]


def article_detail(con, article_id: str) -> dict[str, Any] | None:
    """One stored report: its text and every event it tells, each with the merged event it went into."""
    row = con.execute("SELECT article_id, title, published, outlet, url, text, version FROM articles "
                      "WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    events = []
    for event_id, record, merged_id in con.execute(
            "SELECT e.event_id, e.record, l.merged_id FROM report_events e LEFT JOIN merge_links l USING (event_id) "
            "WHERE e.article_id = ? ORDER BY e.seq", [article_id]).fetchall():
        events.append({"id": event_id, **json.loads(record or "{}"), "merged_id": merged_id})
    return {"id": row[0], "title": row[1], "published": _iso(row[2]), "outlet": row[3], "source_url": row[4],
            "text": row[5], "version": row[6], "events": events}


def count_report_events(con, article_id: str) -> int:
    return con.execute("SELECT count(*) FROM report_events WHERE article_id = ?", [article_id]).fetchone()[0]


# Each statistic row: how many events, and the killed, displaced, injured and abducted they add up to (best, else
# low). New keys go at the end: readers that take the first three are unchanged.
_SUMS = ("count(*), sum(coalesce(killed_best, killed_low, 0)), "
         "sum(coalesce(displaced_best, displaced_low, 0)), sum(coalesce(injured_best, injured_low, 0)), "
         "sum(coalesce(abducted_best, abducted_low, 0))")
_KEYS = ("events", "killed", "displaced", "injured", "abducted")
_PERIODS = {"day": "CAST(day AS VARCHAR)", "week": "strftime(date_trunc('week', day), '%Y-%m-%d')",
            "month": "strftime(day, '%Y-%m')"}


def stats(con) -> dict[str, Any]:
    """Events and figures by country, and by month (events without a date under None)."""
    by_month = con.execute(
        f"""SELECT strftime(coalesce(date_start, date_end), '%Y-%m') AS month, {_SUMS}
            FROM merged_events GROUP BY month ORDER BY month NULLS LAST""").fetchall()
    return {
        "by_country": by_country(con, EventFilter()),
        "by_month": [{"month": m, **dict(zip(_KEYS, v))} for m, *v in by_month],
        "totals": dict(zip(_KEYS, con.execute(f"SELECT {_SUMS} FROM merged_events").fetchone())),
    }


def by_country(con, f: EventFilter) -> list[dict[str, Any]]:
    sql_where, params = where(f)
    rows = con.execute(f"SELECT country, {_SUMS} FROM merged_events{sql_where} "
                       "GROUP BY country ORDER BY count(*) DESC, country", params).fetchall()
    return [{"country": c, **dict(zip(_KEYS, v))} for c, *v in rows]


def by_period(con, f: EventFilter, by: str) -> list[dict[str, Any]]:
    """Dated events matching the filter by day, week (starting Monday) or month."""
    sql_where, params = where(f)
    rows = con.execute(
        f"""SELECT {_PERIODS[by]} AS period, {_SUMS}
            FROM (SELECT *, coalesce(date_start, date_end) AS day FROM merged_events{sql_where})
            WHERE day IS NOT NULL GROUP BY period ORDER BY period""", params).fetchall()
    return [{"period": p, **dict(zip(_KEYS, v))} for p, *v in rows]


def figure_status(con, merged_ids: list[str]) -> dict[str, dict[str, int]]:
    """For the reports behind these merged events (not passing mentions): per category, how many live figures they
    give, and how many of those are unconfirmed (the report doubts them) or confirmed; superseded figures apart."""
    if not merged_ids:
        return {}
    with registered(con, _sitrep_fig_ids={"merged_id": merged_ids}):
        rows = con.execute(
            """SELECT f.category, count(*) FILTER (WHERE NOT coalesce(f.superseded, false)),
                      count(*) FILTER (WHERE NOT coalesce(f.superseded, false) AND f.confirmed = false),
                      count(*) FILTER (WHERE NOT coalesce(f.superseded, false) AND f.confirmed = true),
                      count(*) FILTER (WHERE coalesce(f.superseded, false))
               FROM merge_links l JOIN _sitrep_fig_ids i ON i.merged_id = l.merged_id
               JOIN figures f ON f.event_id = l.event_id
               WHERE l.link = 'report' GROUP BY f.category""").fetchall()
    return {c: {"figures": n, "unconfirmed": u, "confirmed": k, "superseded": s} for c, n, u, k, s in rows}


def event_articles(con) -> dict[str, list[str]]:
    """Each merged event's report events as "article_id#seq" (passing mentions included). A revised report gets new
    report-event ids but keeps its article id and, mostly, its events' order: this is how an event is followed
    from one merge to the next."""
    rows = con.execute("SELECT DISTINCT l.merged_id, e.article_id || '#' || e.seq FROM merge_links l "
                       "JOIN report_events e USING (event_id) ORDER BY 1, 2").fetchall()
    out: dict[str, list[str]] = {}
    for merged_id, key in rows:
        out.setdefault(merged_id, []).append(key)
    return out


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _precision(where_prec: int | None) -> str | None:
    return _LABELS.get(where_prec)


_LABELS = {code: label for label, code in WHERE_PREC.items()}
