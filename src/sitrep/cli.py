"""The `sitrep` command: thin commands over the library.

Exit codes (docs/formats.md): 0 success; 1 a bad input was met (named on stderr; the good inputs are still written);
2 bad command-line use. No traceback for a user error.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click

from sitrep.model import Article
from sitrep.ingest.files import InputError, decode_text, read_corpus, read_text_file

MAX_COUNT = 2**31 - 1  # limits and counts given on the command line: the store's integers, never an overflow


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: conflict news reports in, event data with evidence out."""


def _workers_option(f):
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Extract in N processes (default: every core this machine lets sitrep use).")(f)


def _progress_option(f):
    return click.option("--progress", is_flag=True,
                        help="Show progress on stderr even when it is not a terminal (a terminal gets it anyway).")(f)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False),
              help="A corpus folder (one folder per report, docs/formats.md).")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date of the FILEs (YYYY-MM-DD): anchors relative dates.")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the records (JSON Lines); '-' is standard output.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one record per block instead of per line).")
@_workers_option
@_progress_option
def extract(files: tuple[Path, ...], corpus: Path | None, published, output: Path, pretty: bool, workers: int | None,
            progress: bool) -> None:
    """Extract events, figures and their evidence from reports.

    \b
    Examples:
      sitrep extract report.txt --published 2015-05-18
      sitrep extract --corpus sample/corpus -o out.jsonl
    """
    if not files and corpus is None:
        raise click.UsageError("give report FILEs or --corpus DIR")
    if files and corpus is not None:
        raise click.UsageError("give either FILEs or --corpus, not both")
    pub = _published(published)
    inputs = list(read_corpus(corpus) if corpus is not None else _file_inputs(files, pub))
    failures: list[InputError] = [x for x in inputs if isinstance(x, InputError)]
    articles = [x for x in inputs if isinstance(x, Article)]
    for err in failures:
        click.echo(f"sitrep: {err}", err=True)
    records = _extract(articles, workers, progress)
    _write(records, output, pretty)
    if failures:
        click.echo(f"sitrep: {len(failures)} input(s) could not be read; {len(articles)} extracted.", err=True)
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True, dir_okay=False))
def explain(file: Path) -> None:
    """Show, for each number in a report, whether it became a figure and the cues that decided it.

    \b
    Example:
      sitrep explain report.txt
    """
    from sitrep.figures import explain as explain_figures
    from sitrep.nlp import NLP

    try:
        text = read_text_file(file).text if str(file) != "-" else decode_text(sys.stdin.buffer.read(), "<stdin>")[0]
    except InputError as err:
        click.echo(f"sitrep: {err}", err=True)
        sys.exit(1)
    parsed = NLP().parse(text)
    for e in explain_figures(parsed):
        verdict = f"FIGURE {e.figure}" if e.figure else "no figure"
        click.echo(f"[{e.sent}] {e.text!r}: {verdict}")
        for r in e.reasons:
            click.echo(f"      - {r}")
    _explain_events(text, parsed)


def _explain_events(text: str, parsed) -> None:
    """The figures each event ends with, and the choices made between counts (a part of another, superseded)."""
    from sitrep.model import Article
    from sitrep.pipeline import extract_parsed

    record = extract_parsed(Article(id="explain", text=text), parsed)
    for n, ev in enumerate(record.events):
        click.echo(f"event {n + 1}:")
        for f in ev.figures:
            value = f.min if f.min == f.max else f"{f.min}-{f.max}"
            mark = " (superseded)" if f.superseded else ""
            click.echo(f"  {f.category} {value}{mark}: {text[f.span.start:f.span.end]!r}")
            for r in f.reasons:
                click.echo(f"      - {r}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--candidates", default=5, show_default=True, help="How many weighed candidates to show per place.")
def places(files: tuple[Path, ...], candidates: int) -> None:
    """Every place a report names, resolved offline: words, offsets, GeoNames id, kind, coordinates, candidates.

    \b
    Example:
      echo "Shelling hit Homs and the Homs Governorate town of Talbiseh." | sitrep places -
    """
    from sitrep.nlp import NLP
    from sitrep.places import Geoparser, mention_to_dict

    inputs = list(_file_inputs(files, None))
    failures = [x for x in inputs if isinstance(x, InputError)]
    for err in failures:
        click.echo(f"sitrep: {err}", err=True)
    articles = [x for x in inputs if isinstance(x, Article)]
    if articles:
        nlp, geoparser = NLP(), Geoparser()
        for article, parsed in nlp.parse_articles(articles):
            mentions, focus = geoparser.parse(parsed, article.outlet)
            click.echo(json.dumps({"id": article.id, "focus": dict(focus.countries.most_common()),
                                   "places": [mention_to_dict(m, candidates) for m in mentions]},
                                  ensure_ascii=False))
    if failures:
        sys.exit(1)


# ---------------------------------------------------------------- the store
def _db_option(f):
    return click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=None,
                        help="The DuckDB store (default: $SITREP_DB or ~/.local/share/sitrep/sitrep.duckdb).")(f)


def _open_store(db: Path | None, read_only: bool = False):
    from sitrep.store import Store, StoreError

    try:
        return Store(db, read_only=read_only)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--batch-size", default=16, show_default=True, help="Reports per transaction.")
@click.option("--no-merge", is_flag=True, help="Store the reports but do not re-merge events.")
@click.option("--progress", "progress_lines", is_flag=True,
              help="Print a progress line per batch (for logs; a terminal gets a live bar anyway).")
@_workers_option
@click.option("--dask", "use_dask", is_flag=True,
              help="Run the local workers as a Dask cluster writing Parquet partitions (implied by --scheduler, "
                   "--partition-size and --parquet).")
@click.option("--scheduler", metavar="ADDRESS", help="Extract on an existing Dask cluster, e.g. tcp://host:8786.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Reports per Dask task (default 200).")
@click.option("--parquet", "parquet_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Where Dask workers write their Parquet partitions (default: beside the store; must be shared "
                   "storage on a multi-machine cluster).")
def ingest(paths: tuple[str, ...], db: Path | None, batch_size: int, no_merge: bool, progress_lines: bool,
           workers: int | None, use_dask: bool, scheduler: str | None, partition_size: int | None,
           parquet_dir: Path | None) -> None:
    """Store reports and merge the events they tell: corpus folders, .txt, .html, .jsonl, RSS/Atom feeds (files or
    URLs). Rerunning is safe: a stored report (same URL or text) changes nothing; a changed one replaces its
    extraction and keeps the old version in the history. Extraction runs on every core unless --workers says.

    \b
    Examples:
      sitrep ingest sample/corpus
      sitrep ingest reports.jsonl https://example.org/feed.xml --db events.duckdb
    """
    from sitrep.ingest.run import ingest as run

    if workers and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    store = _open_store(db)
    bar = _progress_bar(False, total=None, desc="ingesting")

    def progress(report) -> None:
        if progress_lines:
            click.echo(f"ingesting: {report.line()}", err=True)
        elif not bar.disable:
            bar.n = report.new + report.unchanged + report.updated + report.failed
            bar.set_postfix_str(report.line(), refresh=False)
            bar.refresh()

    try:
        if scheduler or use_dask or partition_size or parquet_dir:
            from sitrep.scale import PARTITION, connect, default_parquet_dir, ingest_distributed

            with connect(workers, scheduler) as client:
                report = ingest_distributed(paths, store, client, parquet_dir or default_parquet_dir(store.path),
                                            partition_size or PARTITION, on_progress=progress, merge=not no_merge)
        else:
            from sitrep.parallel import ParallelExtractor

            with ParallelExtractor(workers) as extractor:
                report = run(paths, store, extractor, batch_size=batch_size, on_progress=progress,
                             merge=not no_merge, ahead=4 * extractor.workers)
    finally:
        store.close()
        bar.close()
    for err in report.errors:
        click.echo(f"sitrep: {err}", err=True)
    click.echo(f"{report.line()} ({store.path})")
    if report.failed:
        sys.exit(1)


@main.command()
@_db_option
@click.option("--explain", nargs=2, metavar="ARTICLE_A ARTICLE_B", default=None,
              help="Say why two stored reports' events were or were not merged, test by test; nothing is changed.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="With --explain: text, or the pairs as JSON.")
def merge(db: Path | None, explain: tuple[str, str] | None, fmt: str) -> None:
    """Re-merge every stored report event into events (ingest does this after each run).

    \b
    Examples:
      sitrep merge --db events.duckdb
      sitrep merge --db events.duckdb --explain report-1 report-2
    """
    from sitrep.store import merge_store

    if explain:
        _explain_merge(db, *explain, fmt)
        return
    with _open_store(db) as store:
        click.echo(f"{merge_store(store, full=True)} merged events")


def _explain_merge(db: Path | None, article_a: str, article_b: str, fmt: str) -> None:
    """Every pair of the two reports' events: merged or not, the score against the threshold, and each test with
    its points (a test that rules the pair out is the last one and says 'rules out')."""
    from sitrep.store.queries import article_detail, count_report_events, explain_articles

    if article_a == article_b:
        raise click.UsageError("--explain needs two different reports (one report's events are never merged)")
    with _open_store(db, read_only=True) as store:
        known = {a: count_report_events(store.con, a) for a in (article_a, article_b)}
        # A report with events is stored; one without may not be: ask the store for it.
        missing = [a for a, n in known.items() if not n and article_detail(store.con, a) is None]
        if missing:
            raise click.ClickException(
                f"no report {', '.join(repr(m) for m in missing)} in the store (report ids are the ids ingest "
                "stored: a corpus folder's name, a JSON line's id)")
        pairs = explain_articles(store.con, article_a, article_b)
    if fmt == "json":
        click.echo(json.dumps(pairs, ensure_ascii=False, indent=2))
        return
    empty = [a for a in (article_a, article_b) if not known[a]]
    if empty:
        click.echo(f"{' and '.join(empty)}: no events (nothing to merge)")
        return
    click.echo(f"{article_a} ({known[article_a]} events) and {article_b} ({known[article_b]} events); "
               "each report's repeats folded into its events first:")
    for p in pairs:
        verdict = "merged" if p["merged"] else "not merged"
        score = "ruled out" if p["score"] is None else f"score {p['score']:.2f} (threshold {p['threshold']:.1f})"
        click.echo(f"{p['event_a']} ({p['merged_a']}) and {p['event_b']} ({p['merged_b']}): {verdict}; {score}")
        for t in p["tests"]:
            points = "rules out" if t["points"] is None else f"{t['points']:+.2f}"
            click.echo(f"  {t['test']:9} {points:>9}  {t['saw']}")
        if p["score"] is not None and not p["merged"]:
            why = ("below the threshold" if p["score"] < p["threshold"]
                   else "each joined a cluster with an event it conflicts with")
            click.echo(f"  (apart: {why})")


def _event_filter(country, admin1, since, until, event_type, actor, min_killed, near, within, limit):
    from sitrep.store.queries import EventFilter, parse_point

    point = None
    if near:
        try:
            point = parse_point(near)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--near") from None
    if within is not None and point is None:
        raise click.BadParameter("--within needs --near", param_hint="--within")
    if country and len(country) != 2:
        country = _country_code(country)
    return EventFilter(country=country, admin1=admin1, since=since.date() if since else None,
                       until=until.date() if until else None, event_type=event_type, actor=actor,
                       min_killed=min_killed, near=point, within_km=within, limit=limit)


def _country_code(name: str) -> str:
    from sitrep.gazetteer import Gazetteer

    found = [p for p in Gazetteer.default().exact(name) if p.kind == "country"]
    if not found:
        raise click.BadParameter(f"unknown country {name!r}: give an ISO code (IQ) or a country name",
                                 param_hint="--country")
    return found[0].country


def _filters(f):
    from sitrep.model import EVENT_TYPES

    dt = click.DateTime(formats=["%Y-%m-%d"])
    for opt in reversed([
        click.option("--country", help="ISO alpha-2 code or name."),
        click.option("--admin1", help="Province / state / region name."),
        click.option("--since", type=dt, help="Events on or after this day (YYYY-MM-DD)."),
        click.option("--until", type=dt, help="Events on or before this day (YYYY-MM-DD)."),
        click.option("--type", "event_type", type=click.Choice(EVENT_TYPES), help="Event type."),
        click.option("--actor", help="Actor name (part of it)."),
        click.option("--min-killed", type=click.IntRange(0, MAX_COUNT),
                     help="At least this many killed (best estimate)."),
        click.option("--near", metavar="LAT,LON", help="Events near a point ..."),
        click.option("--within", type=click.FloatRange(min=0), metavar="KM", help="... within this many km (default 25)."),
    ]):
        f = opt(f)
    return f


@main.command()
@_db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1, MAX_COUNT), default=None, help="At most this many events.")
def events(db, country, admin1, since, until, event_type, actor, min_killed, near, within, fmt, limit) -> None:
    """List merged events, newest first, with filters.

    \b
    Examples:
      sitrep events --country IQ --since 2015-05-01 --min-killed 10
      sitrep events --near 33.42,43.30 --within 50 --format json
    """
    from sitrep.store.queries import find_events, reports_of, to_spec

    if limit is None and fmt == "table":
        limit = 50  # a screenful; --limit for more, --format json/csv for all
    f = _event_filter(country, admin1, since, until, event_type, actor, min_killed, near, within, limit)
    with _open_store(db, read_only=True) as store:
        rows = find_events(store.con, f)
        if fmt == "table" and len(rows) == limit:
            from sitrep.store.queries import count_events

            more = count_events(store.con, f) - len(rows)
            if more > 0:
                click.echo(f"({more} more events: use --limit, or --format json / csv)", err=True)
        if fmt == "json":
            reports = reports_of(store.con, [r["merged_id"] for r in rows])
            for r in rows:
                click.echo(json.dumps(to_spec(r, reports.get(r["merged_id"], [])), ensure_ascii=False))
        elif fmt == "csv":
            import csv as csvmod

            w = csvmod.writer(sys.stdout)
            w.writerow(["id", "date_start", "date_end", "event_type", "location", "admin1", "country", "killed_low",
                        "killed_best", "killed_high", "displaced_best", "reports", "injured_best", "abducted_best"])
            for r in rows:
                w.writerow([r["merged_id"], r["date_start"] or "", r["date_end"] or "", r["event_type"],
                            r["location_name"] or "", r["admin1"] or "", r["country"] or "", _blank(r["killed_low"]),
                            _blank(r["killed_best"]), _blank(r["killed_high"]), _blank(r["displaced_best"]), r["n_reports"],
                            _blank(r["injured_best"]), _blank(r["abducted_best"])])
        else:
            click.echo(_table(rows))


def _blank(v) -> str:
    return "" if v is None else str(v)


def _table(rows: list[dict]) -> str:
    if not rows:
        return "no events"
    head = ["id", "date", "type", "where", "killed", "injured", "displaced", "abducted", "reports"]
    lines = []
    for r in rows:
        day = r["date_start"] or r["date_end"]
        killed = _spread(r["killed_low"], r["killed_best"], r["killed_high"])
        where = ", ".join(x for x in (r["location_name"], r["country"]) if x)
        lines.append([r["merged_id"], day.isoformat() if day else "?", r["event_type"], where[:32], killed,
                      _spread(r["injured_low"], r["injured_best"], r["injured_high"]), _blank(r["displaced_best"]),
                      _spread(r["abducted_low"], r["abducted_best"], r["abducted_high"]), str(r["n_reports"])])
    widths = [max(len(h), *(len(str(x[k])) for x in lines)) for k, h in enumerate(head)]
    fmt = "  ".join(f"{{:{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), fmt.format(*("-" * w for w in widths))] + [fmt.format(*x) for x in lines])


def _spread(low, best, high) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return str(best if best is not None else low)
    return f"{_blank(best)} ({_blank(low)}-{_blank(high)})"


@main.command()
@click.argument("event_id")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(event_id: str, db: Path | None, fmt: str) -> None:
    """One merged event: reconciled figures, each report's figures, and the sentences they came from."""
    from sitrep.store.queries import event_detail

    with _open_store(db, read_only=True) as store:
        detail = event_detail(store.con, event_id)
    if detail is None:
        raise click.ClickException(f"no event {event_id!r} in the store (see 'sitrep events')")
    if fmt == "json":
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    loc, when = detail["location"], detail["date"]
    click.echo(f"{detail['id']}  {detail['event_type']} / {detail['sub_event_type']}")
    click.echo(f"  when:  {when['start']} .. {when['end']} ({when['precision']})")
    click.echo(f"  where: {loc['name']}, {loc['admin1']}, {loc['country']} ({loc['lat']}, {loc['lon']}; {loc['precision']})")
    for a in detail["actors"]:
        click.echo(f"  {a['role']}: {a['name']} ({a['type']})")
    for cat, v in detail["figures"].items():
        click.echo(f"  {cat}: best {v['best']} (low {v['low']}, high {v['high']})")
    for r in detail["report_details"]:
        click.echo(f"\n  report {r['article_id']} ({r['outlet'] or 'unknown outlet'}, {r['published']}) [{r['link']}]")
        for f in r["figures"]:
            mark = " superseded" if f["superseded"] else ""
            click.echo(f"    {f['category']}: {f['text']!r} -> {f['min']}..{f['max']} ({f['qualifier']}), "
                       f"source: {f['source']}, confirmed: {f['confirmed']}{mark}")
        for ev in r["evidence"]:
            click.echo(f"    > {ev['text']}")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db: Path | None, fmt: str) -> None:
    """Events and figures by country and by month."""
    from sitrep.store.queries import stats as compute

    with _open_store(db, read_only=True) as store:
        s = compute(store.con)
    if fmt == "json":
        click.echo(json.dumps(s, default=str))
        return
    t = s["totals"]
    click.echo(f"{t['events']} events, {t['killed'] or 0} killed, {t['injured'] or 0} injured, "
               f"{t['displaced'] or 0} displaced, {t['abducted'] or 0} abducted (best estimates)")
    click.echo("\nby country:")
    for r in s["by_country"]:
        click.echo(f"  {r['country'] or '?':4} {_stat_line(r)}")
    click.echo("\nby month:")
    for r in s["by_month"]:
        click.echo(f"  {r['month'] or 'unknown':8} {_stat_line(r)}")


def _stat_line(r: dict) -> str:
    return (f"{r['events']:6} events  {r['killed'] or 0:8} killed  {r['injured'] or 0:8} injured  "
            f"{r['displaced'] or 0:9} displaced  {r['abducted'] or 0:7} abducted")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "geojson", "parquet", "acled", "ucdp"]),
              required=True,
              help="json is JSON Lines of merged events (docs/formats.md); acled and ucdp use those datasets' columns.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The file to write (default: standard output; parquet needs a file).")
@_filters
def export(db, fmt, output, country, admin1, since, until, event_type, actor, min_killed, near, within) -> None:
    """Write the merged events to a file, or to standard output. json is JSON Lines (one event per line).

    \b
    Examples:
      sitrep export --format json -o events.jsonl
      sitrep export --format acled --country NG -o nigeria_acled.csv
      sitrep export --format json | jq .figures
    """
    from sitrep.export import export as write

    if output is None and fmt == "parquet":
        raise click.UsageError("parquet is binary: give -o FILE")
    f = _event_filter(country, admin1, since, until, event_type, actor, min_killed, near, within, None)
    with _open_store(db, read_only=True) as store:
        if output is not None:
            n = write(store.con, fmt, output, f)
            click.echo(f"{n} events -> {output}")
            return
        import tempfile

        with tempfile.TemporaryDirectory(prefix="sitrep-export-") as tmp:
            path = Path(tmp) / f"events.{fmt}"
            n = write(store.con, fmt, path, f)
            with path.open("rb") as src:
                import shutil

                shutil.copyfileobj(src, sys.stdout.buffer)
            sys.stdout.flush()
    click.echo(f"{n} events", err=True)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-writes", is_flag=True, help="Allow POST /api/ingest (the store is opened for writing).")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN", help="Allow cross-origin requests from ORIGIN.")
@click.option("--extract-workers", type=click.IntRange(min=1), default=None,
              help="Processes that read pasted reports, apart from the reads (default: the cores less one).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes answering requests (read-only servers only: DuckDB lets one process write).")
def serve(db: Path | None, host: str, port: int, allow_writes: bool, cors: tuple[str, ...],
          extract_workers: int | None, workers: int) -> None:
    """The dashboard and the JSON API (OpenAPI page at /docs) on the store.

    \b
    Example:
      sitrep serve --db events.duckdb      # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from sitrep.store import StoreError, default_path
    from sitrep.web.app import create_app

    if workers > 1 and allow_writes:
        raise click.UsageError("--workers N needs a read-only server (without --allow-writes)")
    try:
        app = create_app(db or default_path(), allow_writes=allow_writes, cors_origins=list(cors) or None,
                         extract_workers=extract_workers)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"sitrep: serving {db or default_path()} on http://{host}:{port}/ "
               f"({'read-write' if allow_writes else 'read-only'}"
               f"{f', {workers} processes' if workers > 1 else ''})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    import os

    app.state.service.close()  # checked that it opens; each server process opens its own
    os.environ["SITREP_SERVE"] = json.dumps({"db": str(db or default_path()), "cors": list(cors) or None,
                                             "extract_workers": extract_workers})
    uvicorn.run("sitrep.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@main.command()
@_db_option
@click.option("--country", help="ISO alpha-2 code or name.")
@click.option("--admin1", help="Province / state / region name.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Events on or after this day (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Events on or before this day (YYYY-MM-DD).")
@click.option("--actor", help="Actor name (part of it).")
@click.option("--since-report", "since_report", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="The JSON of an earlier report: list the new events and revised tolls since.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="report.html, report.pdf (needs Chromium) or report.json; an .html or .pdf also gets its .json "
                   "beside it, for the next --since-report.")
def report(db, country, admin1, since, until, actor, since_report, output) -> None:
    """A one-page situation report (A4): headline numbers, map, timeline, top events, changes, methods.

    \b
    Examples:
      sitrep report --db events.duckdb -o report.pdf
      sitrep report --country NG --since 2024-03-01 --since-report report.json -o report-2.pdf
    """
    from sitrep import report as sitrep_report
    from sitrep.report.pdf import PdfError

    if output.suffix.lower() not in (".html", ".htm", ".pdf", ".json"):
        raise click.BadParameter("give a file ending in .html, .pdf or .json", param_hint="-o")
    previous = None
    if since_report is not None:
        try:
            previous = sitrep_report.load_previous(since_report)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--since-report") from None
    f = _event_filter(country, admin1, since, until, None, actor, None, None, None, None)
    with _open_store(db, read_only=True) as store:
        data = sitrep_report.build(store.con, f, previous)
    try:
        written = sitrep_report.write(data, output)
    except PdfError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{data['n_events']} events -> {', '.join(map(str, written))}")


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@_db_option
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="How often to poll the feeds (15m, 1h, 90s).")
@click.option("--once", is_flag=True, help="Poll each feed once and stop (for cron); exit 1 if a feed failed.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="How to print each new event and revised toll.")
@click.option("--timeout", default=15.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds to wait for a feed's answer.")
def watch(feeds: tuple[str, ...], db: Path | None, every: str, once: bool, fmt: str, timeout: float) -> None:
    """Follow RSS/Atom feeds (URLs or files): store new and updated reports and print each new event and each
    revised toll. A failing feed is reported and retried later; the others go on. Ctrl-C stops cleanly.

    \b
    Examples:
      sitrep watch https://example.org/feed.xml --db events.duckdb
      sitrep watch feeds/*.xml --db events.duckdb --once --format jsonl
    """
    import time

    from sitrep.report.changes import describe
    from sitrep.watch import Watcher, change_json, parse_every

    try:
        seconds = parse_every(every)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--every") from None
    store = _open_store(db)
    try:
        watcher = Watcher(store, list(feeds), every=seconds, timeout=timeout)
    except ValueError as e:
        store.close()
        raise click.BadParameter(str(e), param_hint="FEEDS") from None
    failed, first = False, True
    try:
        while True:
            result = watcher.poll(every_feed=first)  # the first round asks every feed; then each when it is due
            first = False
            for change in result.changes:
                click.echo(json.dumps(change_json(change), ensure_ascii=False) if fmt == "jsonl" else describe(change))
            for err in result.entry_errors + result.errors:
                click.echo(f"sitrep watch: {err}", err=True)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            click.echo(f"sitrep watch: {stamp} {len(feeds)} feed(s): {result.new} new, {result.updated} updated, "
                       f"{result.not_modified} unchanged, {len(result.errors)} failed", err=True)
            failed = bool(result.errors)
            if once:
                break
            time.sleep(watcher.next_due())
    except KeyboardInterrupt:
        try:
            watcher.finish()
        except KeyboardInterrupt:
            pass  # the merge is one transaction: interrupted, it changed nothing; the next run merges
        click.echo("sitrep watch: stopped; the store holds every report stored so far", err=True)
        sys.exit(130)
    finally:
        store.close()
    if failed:
        sys.exit(1)


@main.command()
def info() -> None:
    """Show the NLP model and the rule files in use."""
    from sitrep import lexicon
    from sitrep.nlp import NLP

    nlp = NLP()
    meta = nlp.meta
    click.echo(f"model: {meta.get('name')} {meta.get('version')} (spaCy {meta.get('spacy_version')})")
    click.echo(f"pipeline: {', '.join(nlp._nlp.pipe_names)}")
    for name in ("numbers", "casualties", "context", "attribution", "event_types"):
        click.echo(f"rules: data/{name}.toml version {lexicon.load(name).get('version')}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output record (docs/formats.md)."""
    from sitrep.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


# ---------------------------------------------------------------- helpers
def _published(value) -> date | None:
    """--published as a day, in the range a report's publication date can have (year 1 overflows date sums)."""
    from sitrep.ingest.fields import published_date

    try:
        return published_date(value.date()) if value else None
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--published") from None


def _file_inputs(files: Iterable[Path], published: date | None) -> Iterator[Article | InputError]:
    for path in files:
        try:
            if str(path) == "-":
                text, language = decode_text(sys.stdin.buffer.read(), "<stdin>")
                yield Article(id="stdin", text=text, published=published, language=language)
            else:
                yield read_text_file(path, published)
        except InputError as e:
            yield e


def _extract(articles: list[Article], workers: int | None, progress: bool):
    """Records in input order, on `workers` processes (default: every core), with a progress bar when asked."""
    from sitrep.nlp import ModelError
    from sitrep.parallel import ParallelExtractor

    if not articles:
        return []
    with ParallelExtractor(workers) as extractor:
        try:
            extractor.local()  # the model loads here, once; forked workers share it
        except ModelError as e:
            raise click.ClickException(str(e)) from None
        with _progress_bar(progress, total=len(articles), desc="extracting") as bar:
            records = []
            for r in extractor.extract_many(articles):
                records.append(r)
                bar.update()
            return records


def _progress_bar(asked: bool, total: int | None, desc: str):
    """A tqdm bar on stderr: on a terminal when the run lasts more than two seconds, or always when asked
    (`--progress`); otherwise none, so logs and pipes stay clean."""
    from tqdm import tqdm

    show = asked or sys.stderr.isatty()
    return tqdm(total=total, desc=desc, unit="report", file=sys.stderr, disable=not show, delay=0 if asked else 2,
                mininterval=0.5 if sys.stderr.isatty() else 10, dynamic_ncols=True)


def _write(records, output: Path, pretty: bool) -> None:
    from sitrep.record import record_to_dict

    lines = [json.dumps(record_to_dict(r), ensure_ascii=False, indent=2 if pretty else None) for r in records]
    text = "".join(line + "\n" for line in lines)
    if str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from sitrep.export import write_atomic

    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))


if __name__ == "__main__":
    main()
