"""Where per-document work runs: in this process, in local worker processes, or on Dask.

Every engine yields one `DocumentResult` per path, in the order of `paths`, so the output
does not depend on the engine.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from geo.pipeline import DocumentResult, Resources, process_path

_WORKER: Resources | None = None


def _init_worker() -> None:
    global _WORKER
    _WORKER = Resources.load()


def _work(path: str, curated: dict[str, dict] | None = None) -> DocumentResult:
    return process_path(path, resources=_WORKER, curated=curated)


def run_paths(paths: list[str], *, engine: str = "local", jobs: int | None = None, scheduler: str | None = None,
              resources: Resources | None = None, curated: dict[str, dict] | None = None) -> Iterator[DocumentResult]:
    """Process documents with the chosen engine, streaming results in input order; `curated`
    is the editors' document metadata by document id (see geo.pipeline.process_path)."""
    if engine == "dask":
        yield from _run_dask(paths, scheduler=scheduler, curated=curated)
        return
    jobs = jobs or min(os.cpu_count() or 1, 4)
    if jobs <= 1 or len(paths) < 8:
        res = resources or Resources.load()
        for p in paths:
            yield process_path(p, resources=res, curated=curated)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
        yield from pool.map(partial(_work, curated=curated), paths, chunksize=4)


def _run_dask(paths: list[str], *, scheduler: str | None, curated: dict[str, dict] | None = None) -> Iterator[DocumentResult]:
    """Partition documents across a Dask cluster's workers; each worker loads resources once."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(_init_worker)
        futures = client.map(partial(_work, curated=curated), paths, pure=False)
        for fut in futures:
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
