"""CPU seconds of processes, for benchmarks on a shared machine: the wall clock there says as much about the other
programs as about sitrep, the CPU each process spent does not."""
from __future__ import annotations

import os


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pool_pids(extractor) -> list[int]:
    """The worker processes of a `sitrep.parallel.ParallelExtractor` (none when it ran in this process)."""
    pool = getattr(extractor, "_pool", None)
    return [w.pid for w in pool._pool] if pool is not None else []
