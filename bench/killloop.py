"""Kill loop: SIGKILL a writer of `events.geojson` + `events.parquet` at random moments; after
every kill a whole pair, old or new, must remain.

    .venv/bin/python -m bench.killloop [ITERATIONS] [--events N]

A child process publishes two collections in turn (A, B, A, …) with `geo.write.write_outputs`,
the step the loader ends with; the parent kills it after a random delay of up to three
publishes (measured first), so kills land in every phase of a write, and checks what a
reader finds: the GeoJSON valid under the contract, the GeoParquet holding the same rows, both
with the same `output_id`, and that id one of A's or B's. Children fork from a server that has
already imported the writer, so 50 kills take seconds, not the minutes 50 loader starts would.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.synth import synthetic_collection

_PRELOAD = ["geo.write", "geopandas", "pyarrow.parquet", "shapely", "bench.synth"]


def _publish_forever(path: str, cols: list[dict], ready) -> None:
    """The child: publish A and B in turn until killed."""
    from geo.write import write_outputs

    ready.set()
    i = 0
    while True:
        write_outputs(cols[i % 2], path)
        i += 1


@contextlib.contextmanager
def _main_without_file():
    """A child of the fork server first imports the parent's `__main__` from its file; under
    pytest, after a Streamlit app test, that is dashboard/app.py, a page that cannot be
    imported there. The child needs nothing from it: start it as if from an interactive main."""
    main = sys.modules["__main__"]
    main_file = main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        if main_file is not None:
            main.__file__ = main_file


def read_pair(path: Path) -> str:
    """The `output_id` of the pair a reader finds at `path`; AssertionError if it is no pair."""
    import pyarrow.parquet as pq

    from geo.contract import read_events
    from geo.write import OUTPUT_ID_KEY

    folder = Path(os.path.realpath(path)).parent  # one resolution for both files, as readers do
    col = read_events(folder / path.name)
    output_id = json.loads((folder / path.name).read_text(encoding="utf-8"))["output_id"]
    table = pq.read_table(folder / path.with_suffix(".parquet").name, columns=["id"])
    assert table.schema.metadata[OUTPUT_ID_KEY].decode() == output_id, "GeoParquet of another pair"
    assert sorted(table["id"].to_pylist()) == sorted(f.properties.id for f in col.features), "rows differ"
    return output_id


def run(iterations: int = 50, *, folder: str | Path | None = None, events: int = 400, seed: int = 0) -> dict:
    """Kill `iterations` writers; return what was found after the kills (raises on a bad pair)."""
    from geo.write import write_outputs

    cols = [synthetic_collection(events, seed=1), synthetic_collection(events + events // 2, seed=2)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(folder or tmp) / "events.geojson"
        known, t0 = {}, time.monotonic()
        for name, col in (("B", cols[1]), ("A", cols[0]), ("B", cols[1]), ("A", cols[0])):
            write_outputs(col, path)
            known[read_pair(path)] = name
        max_delay = 3 * (time.monotonic() - t0) / 4
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        rng = random.Random(seed)
        found, leftovers, t0 = Counter(), 0, time.monotonic()
        for _ in range(iterations):
            ready = ctx.Event()
            child = ctx.Process(target=_publish_forever, args=(str(path), cols, ready))
            with _main_without_file():
                child.start()
            ready.wait(timeout=60)
            time.sleep(rng.uniform(0, max_delay))
            child.kill()
            child.join()
            output_id = read_pair(path)
            assert output_id in known, f"unknown pair {output_id}"
            found[known[output_id]] += 1
            versions = path.parent / ".events.versions"
            leftovers += any(p.name.startswith((".tmp-", ".link-")) for p in versions.iterdir())
        write_outputs(synthetic_collection(events, seed=1), path)  # the next run cleans up
        stale = [p.name for p in (path.parent / ".events.versions").iterdir() if p.name.startswith((".tmp-", ".link-"))]
        assert not stale, f"temporaries left after a clean run: {stale}"
        return {"kills": iterations, "pairs_found": dict(found), "kills_leaving_temporaries": leftovers,
                "longest_delay_s": round(max_delay, 3), "seconds": round(time.monotonic() - t0, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.killloop", description=__doc__.split("\n\n")[0])
    ap.add_argument("iterations", nargs="?", type=int, default=50)
    ap.add_argument("--events", type=int, default=400, help="events in the smaller collection")
    args = ap.parse_args(argv)
    print(json.dumps(run(args.iterations, events=args.events)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
