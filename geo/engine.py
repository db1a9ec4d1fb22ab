"""Where per-document work runs: in this process, in local worker processes, or on Dask.

Every engine yields one `DocumentOutcome` per path, in the order of `paths`, so the output
does not depend on the engine. An outcome keeps what the output needs of a document (its
events, its `generated_from` entry, a digest of its text), never the text itself.

On Dask, each task processes a contiguous partition of the paths and writes its outcomes as
a GeoParquet part (geo/parts.py) into a folder the workers and the client share; the client
reads the parts back one at a time, in order, and deletes each after reading.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from geo.ingest import document_warnings
from geo.merge import PackedEvents
from geo.parts import read_part, write_part
from geo.pipeline import DocumentResult, Resources, process_path, settle_collector
from geo.records import Event
from geo.write import document_entry

_WORKER: Resources | None = None


@dataclass
class DocumentOutcome:
    """One processed path as the client needs it: `entry` and `doc_id` are None when the
    document could not be read; `digest` identifies its (normalised) text."""

    path: str
    error: str | None = None
    warnings: tuple[str, ...] = ()
    entry: dict | None = None
    doc_id: str | None = None
    digest: bytes | None = None
    events: list[Event] = field(default_factory=list)
    areas: dict[str, str] = field(default_factory=dict)
    packed: PackedEvents | None = None  # the events instead, from local worker processes

    def spill_events(self) -> "list[Event] | PackedEvents":
        """What `EventSpill.extend` takes: the packed events, else the events."""
        return self.events if self.packed is None else self.packed


def _outcome(r: DocumentResult) -> DocumentOutcome:
    doc = r.document
    if doc is None:
        return DocumentOutcome(path=r.path, error=r.error, warnings=tuple(r.warnings))
    return DocumentOutcome(
        path=r.path, error=r.error, warnings=tuple(document_warnings(doc)) + tuple(r.warnings),
        entry=document_entry(doc), doc_id=doc.id,
        digest=hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).digest(),
        events=r.events, areas=r.areas,
    )


def _init_worker() -> None:
    global _WORKER
    if _WORKER is None:  # a forked local worker has the loader's own copy (run_paths)
        _WORKER = Resources.load()
    settle_collector()


def _work(path: str, curated: dict[str, dict] | None = None) -> DocumentOutcome:
    return _outcome(process_path(path, resources=_WORKER, curated=curated))


def _work_packed(path: str, curated: dict[str, dict] | None = None) -> DocumentOutcome:
    """`_work` with the events packed for the client's spill (geo.merge.PackedEvents)."""
    outcome = _work(path, curated)
    outcome.packed, outcome.events = PackedEvents(outcome.events), []
    return outcome


def run_paths(paths: list[str], *, engine: str = "local", jobs: int | None = None, scheduler: str | None = None,
              resources: Resources | None = None, curated: dict[str, dict] | None = None,
              parts_dir: str | Path | None = None) -> Iterator[DocumentOutcome]:
    """Process documents with the chosen engine, streaming outcomes in input order; `curated`
    is the editors' document metadata by document id (see geo.pipeline.process_path). On Dask
    the parts go into a temporary folder inside `parts_dir` (default: the system's temporary
    folder, which only a local cluster shares with the client)."""
    if engine == "dask":
        yield from _run_dask(paths, scheduler=scheduler, curated=curated, parts_dir=parts_dir)
        return
    jobs = jobs or min(os.cpu_count() or 1, 4)
    if jobs <= 1 or len(paths) < 8:
        res = resources or Resources.load()
        for p in paths:
            yield _outcome(process_path(p, resources=res, curated=curated))
        return
    yield from _pooled(paths, jobs, curated)


def _pooled(paths: list[str], jobs: int, curated: dict[str, dict] | None) -> Iterator[DocumentOutcome]:
    """Local worker processes. The reference data is loaded here, once, before they fork, so
    each starts with it (the automaton's pages shared) instead of unpickling its own (about
    0.25 CPU-s a worker); where workers do not fork, each loads it in `_init_worker`. This
    process lets go of it once they have started."""
    global _WORKER
    if multiprocessing.get_start_method() == "fork":
        _WORKER = Resources.load()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
            outcomes = pool.map(partial(_work_packed, curated=curated), paths, chunksize=4)
            _WORKER = None  # the workers have forked (all at the first task)
            yield from outcomes
    finally:
        _WORKER = None


def _partition(paths: list[str], folder: str, number: int, curated: dict[str, dict] | None = None) -> str:
    """A Dask task: process a slice of the paths and write them as one part."""
    if _WORKER is None:  # a worker that joined after client.run(_init_worker)
        _init_worker()
    return str(write_part([_work(p, curated) for p in paths], folder, number))


def _partitions(paths: list[str], workers: int) -> list[list[str]]:
    """Contiguous slices, so reading parts in order reads documents in input order; a few per
    worker so a slow slice does not hold the others up, and none over 200 documents so a
    part's events stay small on the client."""
    n = max(workers * 4, -(-len(paths) // 200), 1)
    size = -(-len(paths) // n) if paths else 1
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def _run_dask(paths: list[str], *, scheduler: str | None, curated: dict[str, dict] | None = None,
              parts_dir: str | Path | None = None) -> Iterator[DocumentOutcome]:
    """Partition documents across a Dask cluster's workers; each worker loads resources once
    and writes its partitions' events as GeoParquet parts; the client streams them back."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        if parts_dir is not None:
            Path(parts_dir).mkdir(parents=True, exist_ok=True)
        folder = tempfile.mkdtemp(prefix=".geo-parts-", dir=parts_dir)
    except OSError:  # e.g. a read-only output folder: the writer will name that problem
        folder = tempfile.mkdtemp(prefix="geo-parts-")
    try:
        client.run(_init_worker)
        slices = _partitions(paths, sum(client.nthreads().values()))
        futures = [client.submit(_partition, s, folder, i, curated, pure=False) for i, s in enumerate(slices)]
        for fut in futures:
            part = fut.result()
            fut.release()  # the scheduler forgets the task; only the part file remains
            yield from read_part(part, DocumentOutcome)
            for name in (part, Path(part).with_suffix(".documents.jsonl")):
                Path(name).unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        client.close()
        if cluster is not None:
            cluster.close()
