"""Where a worker's extraction time goes: every document of one or more folders through
`process_path` in this one process, under cProfile (reference data loaded first, outside
the profile), then the functions by own and by cumulative time.

    python -m bench.extract_profile tests/corpus/news DIR2 ... [--top 40] [--save FILE]

Writing and merging are left out: they run in the loader's own process, not in a worker.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from geo.pipeline import Resources, process_path, settle_collector


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--save", help="write the raw profile here (pstats format)")
    ap.add_argument("--plain", action="store_true", help="no cProfile: only the CPU time (for a sampling profiler)")
    args = ap.parse_args()
    paths = sorted(p for f in args.folders for p in Path(f).iterdir() if p.is_file())
    size = sum(p.stat().st_size for p in paths)
    resources = Resources.load()
    settle_collector()
    prof = cProfile.Profile()
    t0 = time.process_time()
    if not args.plain:
        prof.enable()
    events = sum(len(process_path(p, resources=resources).events) for p in paths)
    prof.disable()
    cpu = time.process_time() - t0
    print(f"{len(paths)} documents, {size / 1e6:.2f} MB, {events} events, {cpu:.2f} CPU-s"
          f"{'' if args.plain else ' under cProfile'}, {size / 1e6 / cpu:.3f} MB per CPU-s")
    if args.plain:
        return
    if args.save:
        prof.dump_stats(args.save)
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
