"""API and page speed over a store of 100,000 events: the dashboard's page load and each API call, p50/p95.

    python benchmarks/bench_api.py [--events 100000] [--repeat 30]

The store is filled with synthetic merged events by SQL (see bench_store.py); the server is the real app on
uvicorn, called over HTTP on localhost. The target for filtered queries is p95 under 100 ms. Printed, not asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import fill  # noqa: E402

from sitrep.store import Store  # noqa: E402
from sitrep.web.app import create_app  # noqa: E402
from sitrep.web.local import running  # noqa: E402


def main() -> None:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.duckdb"
        with Store(db) as store:
            fill(store, args.events)
        with running(create_app(db)) as base:
            calls = {
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
            assets = ["/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
                      "/static/vendor/markercluster/leaflet.markercluster.js", "/static/vendor/world/countries-110m.json"]
            with httpx.Client(base_url=base, timeout=30) as client:
                print(f"{args.events:,} events; {args.repeat} calls each")
                print(f"{'call':22} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}")
                for name, path in calls.items():
                    times, size = [], 0
                    for _ in range(args.repeat):
                        t = time.perf_counter()
                        if path is None:
                            size = sum(len(client.get(a).content) for a in assets)
                        else:
                            r = client.get(path)
                            r.raise_for_status()
                            size = len(r.content)
                        times.append((time.perf_counter() - t) * 1000)
                    p95 = statistics.quantiles(times, n=20)[18]
                    print(f"{name:22} {statistics.median(times):8.1f} {p95:8.1f} {size:10,}")


if __name__ == "__main__":
    main()
