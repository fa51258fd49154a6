"""Scale out: extraction over many reports on a Dask cluster, into one store.

The driver reads the inputs, skips what the store already has, and drops what the prefilter says cannot be about
violence (those are stored with no events, so a rerun knows them). The rest goes out in partitions: each task
extracts its partition on a worker (which loads the NLP model once, through a worker plugin) and writes two Parquet
files, the articles with their records and their events flattened, atomically and named by partition, so a task
that Dask reruns after a worker died writes the same files again. The driver, the only writer, loads each
finished partition into the store in one transaction, then merges. A report that fails is reported by id and the
rest of its partition goes on.

    sitrep ingest corpus/ --workers 4                       # a local cluster of 4 processes
    sitrep ingest corpus/ --scheduler tcp://10.0.0.5:8786   # an existing Dask cluster (shared --parquet dir)
"""
from __future__ import annotations

import json
import os
import resource
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sitrep.export import write_atomic
from sitrep.ingest import InputError
from sitrep.ingest.run import IngestReport, rounds
from sitrep.model import Article, Record
from sitrep.store.db import Store, merge_store

PARTITION = 200
_WORKER_EXTRACTOR = None


# ---------------------------------------------------------------- on the workers
def worker_extractor():
    """The worker's extractor, loaded once per worker process."""
    global _WORKER_EXTRACTOR
    if _WORKER_EXTRACTOR is None:
        from sitrep.pipeline import Extractor

        _WORKER_EXTRACTOR = Extractor()
    return _WORKER_EXTRACTOR


def load_model_plugin():
    """A Dask worker plugin that loads the NLP model when a worker starts, not in its first task."""
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "sitrep-load-model"

        def setup(self, worker) -> None:
            worker_extractor()

    return LoadModel()


def extract_partition(part: str, articles: list[Article], out_dir: str) -> dict[str, Any]:
    """Extract one partition and write it as Parquet; returns the file and the reports that failed."""
    import pyarrow as pa

    from sitrep.record import record_to_dict

    extractor = worker_extractor()
    rows, events, errors = [], [], []
    for article in articles:
        try:
            record = extractor.extract(article)
        except Exception as e:  # one bad report never sinks its partition
            errors.append({"article_id": article.id, "problem": f"{type(e).__name__}: {e}"})
            continue
        d = record_to_dict(record)
        rows.append({**_article_row(article), "record": json.dumps(d, ensure_ascii=False)})
        events += [_event_row(article, e) for e in d["events"]]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"part-{part}.parquet"
    _write(pa.Table.from_pylist(rows, schema=_ARTICLE_SCHEMA(pa)), path)
    _write(pa.Table.from_pylist(events, schema=_EVENT_SCHEMA(pa)), out / f"events-{part}.parquet")
    return {"part": part, "path": str(path), "errors": errors, "peak_rss_mb": peak_rss_mb(), "pid": os.getpid()}


def _write(table, path: Path) -> None:
    import pyarrow.parquet as pq

    write_atomic(path, lambda tmp: pq.write_table(table, tmp))


def _article_row(a: Article) -> dict[str, Any]:
    row = asdict(a)
    row["published"] = a.published
    return row


def _event_row(a: Article, e: dict[str, Any]) -> dict[str, Any]:
    """One report event, flat: for querying the partitions directly with DuckDB."""
    loc, when = e.get("location") or {}, e.get("date") or {}
    row = {"article_id": a.id, "event_id": e["id"], "published": a.published, "event_type": e["event_type"],
           "date_start": when.get("start"), "date_end": when.get("end"), "country": loc.get("country"),
           "admin1": loc.get("admin1"), "location": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon")}
    for cat in ("killed", "injured", "displaced", "abducted"):
        figs = [f for f in e["figures"] if f["category"] == cat and not f["superseded"]]
        row[f"{cat}_min"] = min((f["min"] for f in figs if f["min"] is not None), default=None)
        row[f"{cat}_max"] = max((f["max"] for f in figs if f["max"] is not None), default=None)
    return row


def _ARTICLE_SCHEMA(pa):
    return pa.schema([("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("published", pa.date32()),
                      ("outlet", pa.string()), ("source_url", pa.string()), ("language", pa.string()),
                      ("record", pa.string())])


def _EVENT_SCHEMA(pa):
    fields = [("article_id", pa.string()), ("event_id", pa.string()), ("published", pa.date32()),
              ("event_type", pa.string()), ("date_start", pa.string()), ("date_end", pa.string()),
              ("country", pa.string()), ("admin1", pa.string()), ("location", pa.string()), ("lat", pa.float64()),
              ("lon", pa.float64())]
    fields += [(f"{c}_{k}", pa.int64()) for c in ("killed", "injured", "displaced", "abducted") for k in ("min", "max")]
    return pa.schema(fields)


def peak_rss_mb() -> int:
    """This process's peak resident memory. Linux's VmHWM belongs to the running program; ru_maxrss would also
    count the parent's peak, which a spawned worker inherits across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


# ---------------------------------------------------------------- on the driver
def connect(workers: int | None = None, scheduler: str | None = None):
    """A Dask client: on an existing cluster, or on a local one of `workers` single-threaded processes."""
    from distributed import Client

    if scheduler:
        return Client(scheduler, timeout="30s")
    # Built by the client, the local cluster is closed with it (a cluster passed in would outlive the client).
    from sitrep.parallel import default_workers

    return Client(n_workers=workers or default_workers(), threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0")


def ingest_distributed(paths: Iterable[str], store: Store, client, parquet_dir: Path, partition_size: int = PARTITION,
                       on_progress: Callable[[IngestReport], None] | None = None, merge: bool = True,
                       fetcher=None) -> IngestReport:
    """Ingest like `sitrep.ingest.run.ingest`, with extraction on the cluster behind `client`."""
    from distributed import as_completed

    from sitrep.record import record_from_dict

    client.register_plugin(load_model_plugin())
    report = IngestReport()
    futures = []
    batch: list[tuple[Article, str, str]] = []  # (article, status, content hash)
    part_no = 0
    by_part: dict[str, list[tuple[Article, str, str]]] = {}

    def submit(batch: list[tuple[Article, str, str]]) -> None:
        nonlocal part_no
        part_no += 1
        part = f"{part_no:05d}"
        by_part[part] = batch
        futures.append(client.submit(extract_partition, part, [a for a, _, _ in batch], str(parquet_dir),
                                     key=f"sitrep-extract-{part}-{os.getpid()}", retries=2, pure=False))

    unparsed: list[tuple[Article, Record, str, str]] = []

    def store_unparsed() -> None:
        store.save(unparsed)  # known to the store, no NLP spent on them
        report.stored((status for _, _, status, _ in unparsed), parsed=False)
        unparsed.clear()

    def collect() -> None:
        """Store each finished partition as it comes (one writer: this process)."""
        import pyarrow.parquet as pq

        for future in as_completed(futures):
            result = future.result()
            failed = {e["article_id"]: e["problem"] for e in result["errors"]}
            table = pq.read_table(result["path"], columns=["id", "record"]).to_pydict()
            records = dict(zip(table["id"], table["record"]))
            items = []
            for article, status, digest in by_part[result["part"]]:
                if article.id in failed:
                    report.failed += 1
                    report.errors.append(InputError(f"report {article.id}", f"failed on a worker: {failed[article.id]}"))
                    continue
                items.append((article, record_from_dict(json.loads(records[article.id]), article), status, digest))
            store.save(items)
            report.stored(status for _, _, status, _ in items)
            report.workers_peak_mb[result["pid"]] = max(report.workers_peak_mb.get(result["pid"], 0),
                                                        result["peak_rss_mb"])
            if on_progress:
                on_progress(report)
        futures.clear()

    for admitted in rounds(paths, store, report, fetcher, on_progress):
        for article, status, relevant, digest in admitted:
            if not relevant:
                unparsed.append((article, Record(article), status, digest))
                if len(unparsed) >= partition_size:
                    store_unparsed()
                continue
            batch.append((article, status, digest))
            if len(batch) >= partition_size:
                submit(batch)
                batch = []
        if batch:
            submit(batch)
            batch = []
        store_unparsed()
        collect()
    if merge:
        report.merged_events = merge_store(store)
    return report


def default_parquet_dir(db: Path) -> Path:
    return db.with_name(db.name + ".parts")
