"""The event store (DuckDB): schema and migrations, writes, merging, queries."""
from sitrep.store.db import Store, StoreError, default_path, merge_store

__all__ = ["Store", "StoreError", "default_path", "merge_store"]
