"""API and page speed over a store of 100,000 events: each call's p50/p95, fresh and repeated, and the throughput
of 20 concurrent clients.

    python benchmarks/bench_api.py [--events 100000] [--repeat 30] [--clients 20] [--seconds 10] [--server-workers 1]

The store is filled with synthetic merged events by SQL (see bench_store.py), each with its reports (articles,
report events and links, a passing mention on every tenth); the server is `sitrep serve` in a
process of its own (as users run it), called over HTTP on 127.0.0.1 only. For each call:

- fresh: every request is one the server has not answered before (a throw-away `_` parameter makes each new), so
  the query and the serialisation are timed;
- repeated: the same request again (a dashboard reload), answered from the server's kept answers;
- 304: the same request with its ETag (`If-None-Match`), as a browser revalidates.

Then `--clients` threads call `/api/events` (100 events a page, over ten filters and pages) for `--seconds`, once
all fresh and once repeating the dashboard's requests: requests/s and p50/p95. Targets: p95 < 100 ms a call
(GeoJSON of 1,000 events < 150 ms); 20 clients >= 150 requests/s with p95 < 200 ms. Printed, never asserted.
"""
from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import fill  # noqa: E402

from sitrep.store import Store  # noqa: E402
from sitrep.web.local import free_port  # noqa: E402

CALLS = {
    "page /": "/",
    "page assets": None,
    "events (first 100)": "/api/events?limit=100",
    "events country": "/api/events?country=IQ&limit=100",
    "events date range": "/api/events?since=2019-01-01&until=2019-03-31&limit=100",
    "events type+killed": "/api/events?type=battle&min_killed=40&limit=100",
    "events near": "/api/events?near=10,20&within=200&limit=100",
    "events geojson 1000": "/api/events?format=geojson&limit=1000",
    "stats by month": "/api/stats?by=month",
    "stats country": "/api/stats?by=week&country=NG",
}
ASSETS = ["/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
          "/static/vendor/markercluster/leaflet.markercluster.js", "/static/vendor/world/countries-110m.json"]
LOAD = ["/api/events?limit=100", "/api/events?limit=100&offset=100", "/api/events?country=IQ&limit=100",
        "/api/events?country=NG&limit=100", "/api/events?type=battle&limit=100",
        "/api/events?since=2019-01-01&until=2019-03-31&limit=100", "/api/events?min_killed=40&limit=100",
        "/api/events?near=10,20&within=200&limit=100", "/api/events?limit=100&offset=500",
        "/api/events?country=SY&type=battle&limit=100"]
_fresh = itertools.count()


def fill_reports(store: Store) -> None:
    """The reports behind the synthetic merged events (n_reports each, and a passing mention on every tenth), so an
    events page pays for joining its reports as it does on a real store."""
    con = store.con
    con.execute("""CREATE TEMP TABLE _links AS
                   SELECT merged_id, merged_id || '-' || CAST(k AS VARCHAR) AS article_id,
                          CASE WHEN k < n_reports THEN 'report' ELSE 'mention' END AS link, date_end - CAST(k AS INTEGER) AS published
                   FROM merged_events, range(6) r(k)
                   WHERE k < n_reports OR (k = n_reports AND hash(merged_id) % 10 = 0)""")
    con.execute("""INSERT INTO articles (article_id, url, content_hash, title, published, outlet, text, version,
                                         ingested_at)
                   SELECT article_id, 'https://example.org/' || article_id, md5(article_id), 'A report', published,
                          'Outlet ' || CAST(hash(article_id) % 50 AS VARCHAR), 'Text of the report.', 1, now()
                   FROM _links""")
    # Each report's event as extraction stores it (its record, evidence and place), so the event page pays for
    # reading them and for explaining the merge as it does on a real store.
    con.execute("""INSERT INTO report_events (event_id, article_id, seq, kind, event_type, date_start, date_end,
                                              date_precision, location_name, admin1, country, lat, lon, where_prec,
                                              confirmed, evidence, record)
                   SELECT l.article_id || '#0', l.article_id, 0, 'incident', m.event_type, m.date_start, m.date_end,
                          m.date_precision, m.location_name, m.admin1, m.country, m.lat, m.lon, m.where_prec,
                          m.confirmed, '[[0, 6]]',
                          json_object('figures', json_array(json_object(
                              'category', 'killed', 'min', m.killed_low, 'max', m.killed_high, 'qualifier', 'exact',
                              'text', 'Text', 'start', 0, 'end', 4, 'source', NULL, 'confirmed', m.confirmed,
                              'superseded', false)), 'claim_source', NULL)
                   FROM _links l JOIN merged_events m USING (merged_id)""")
    con.execute("INSERT INTO merge_links SELECT article_id || '#0', merged_id, link FROM _links")
    con.execute("DROP TABLE _links")


def fresh(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}_={next(_fresh)}"


def pct(times: list[float]) -> tuple[float, float]:
    if len(times) < 2:
        return times[0], times[0]
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def serve(db: Path, workers: int = 1):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)]
                            + (["--workers", str(workers)] if workers > 1 else []),
                            env=env, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def wait_up(base: str, proc) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server stopped")
        try:
            httpx.get(base + "/api/stats", timeout=5)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def wait_index(base: str, timeout: float = 120) -> None:
    """Wait until a fresh page is quick: the server builds its page index (sitrep.web.pages) in the background
    after it starts, answering from the store meanwhile. Prints how long that took."""
    import httpx

    t0 = time.monotonic()
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.monotonic() - t0 < timeout:
            t = time.perf_counter()
            client.get(fresh("/api/events?limit=100")).raise_for_status()
            if time.perf_counter() - t < 0.02:
                break
            time.sleep(0.25)
    print(f"fresh pages quick {time.monotonic() - t0:.1f} s after the server answered", flush=True)


def detail_calls(client) -> dict[str, str]:
    """The event page's calls: one merged event (reconciled figures, each report's figures and evidence) and one
    stored report with its events, for the most reported event on the first page."""
    events = client.get("/api/events?limit=100").raise_for_status().json()["events"]
    event = max(events, key=lambda e: len(e.get("reports", [])))
    calls = {"event detail": f"/api/events/{event['id']}"}
    if event.get("reports"):
        calls["article"] = f"/api/articles/{event['reports'][0]['article_id']}"
    return calls


def per_call(base: str, repeat: int) -> None:
    import httpx

    print(f"{'call':22} {'fresh p50':>9} {'p95':>7} {'repeat p50':>10} {'p95':>7} {'304 p50':>8} {'bytes':>9}")
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in {**CALLS, **detail_calls(client)}.items():
            runs: dict[str, list[float]] = {"fresh": [], "repeat": [], "304": []}
            size = 0
            for mode in runs:
                etag = client.get(path).headers.get("etag") if path and mode == "304" else None
                for _ in range(repeat):
                    t = time.perf_counter()
                    if path is None:
                        size = sum(len(client.get(a).content) for a in ASSETS)
                    elif mode == "fresh":
                        r = client.get(fresh(path) if path.startswith("/api") else path)
                        r.raise_for_status()
                        size = len(r.content)
                    elif mode == "repeat":
                        client.get(path).raise_for_status()
                    else:
                        r = client.get(path, headers={"If-None-Match": etag} if etag else {})
                    runs[mode].append((time.perf_counter() - t) * 1000)
            (f50, f95), (r50, r95), (n50, _) = (pct(runs[m]) for m in ("fresh", "repeat", "304"))
            print(f"{name:22} {f50:9.1f} {f95:7.1f} {r50:10.1f} {r95:7.1f} {n50:8.1f} {size:9,}", flush=True)


def load(base: str, clients: int, seconds: float, new_each_time: bool) -> None:
    import httpx

    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client_loop(k: int) -> None:
        mine = []
        with httpx.Client(base_url=base, timeout=30) as c:
            for n in itertools.count(k):
                if time.monotonic() >= stop:
                    break
                path = LOAD[n % len(LOAD)]
                t = time.perf_counter()
                try:
                    c.get(fresh(path) if new_each_time else path).raise_for_status()
                except httpx.HTTPError:
                    errors[0] += 1
                    continue
                mine.append((time.perf_counter() - t) * 1000)
        with lock:
            times.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    p50, p95 = pct(times) if times else (float("nan"), float("nan"))
    label = "every request fresh" if new_each_time else "dashboard requests repeated"
    print(f"{clients} clients, {label:28} {len(times) / wall:7.1f} requests/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
          f"  ({len(times)} requests in {wall:.1f} s, {errors[0]} errors)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--server-workers", type=int, default=1, help="`sitrep serve --workers N` (read-only)")
    ap.add_argument("--no-reports", action="store_true", help="merged events without reports (the first benchmark)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.duckdb"
        with Store(db) as store:
            fill(store, args.events)
            if not args.no_reports:
                fill_reports(store)
        proc, base = serve(db, args.server_workers)
        try:
            wait_up(base, proc)
            wait_index(base)
            print(f"{args.events:,} events; {args.repeat} calls each; server: `sitrep serve` in its own process"
                  f"{f' with --workers {args.server_workers}' if args.server_workers > 1 else ''}; "
                  f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            per_call(base, args.repeat)
            load(base, args.clients, args.seconds, new_each_time=True)
            load(base, args.clients, args.seconds, new_each_time=False)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
