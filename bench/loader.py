"""Loader throughput: MB/s, documents/s, events/s and peak memory from 1 MB to 20 MB.

    python -m bench.loader [--sizes 1,5,10,20] [--jobs N]

Each size runs the real CLI (`python -m geo.load`) in a fresh process on a generated
corpus; a per-stage profile on 1 MB shows where time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import generate

OUT = Path(__file__).parent / "out"


def _corpus(mb: int) -> Path:
    folder = OUT / f"corpus_{mb}mb"
    if not folder.exists() or not any(folder.iterdir()):
        generate(folder, megabytes=mb, seed=mb)
    return folder


def _run_cli(folder: Path, jobs: int | None) -> dict:
    out = OUT / f"events_{folder.name}.geojson"
    cmd = [sys.executable, "-m", "geo.load", str(folder), "--out", str(out), "--quiet"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"loader failed: {proc.stderr[-2000:]}")
    events = len(json.loads(out.read_text(encoding="utf-8"))["features"])
    size = sum(p.stat().st_size for p in folder.iterdir())
    docs = sum(1 for _ in folder.iterdir())
    return {
        "mb": size / 1e6, "docs": docs, "events": events, "wall_s": wall,
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_mb": after.ru_maxrss / 1024,
    }


def _stage_profile(folder: Path) -> dict[str, float]:
    """Seconds per stage over one corpus, in this process, on one core."""
    from geo import events as ev_mod, segment as seg_mod, when, where, who
    from geo.ingest import read_document
    from geo.pipeline import Resources

    t0 = time.perf_counter()
    res = Resources.load()
    times = {"load reference data": time.perf_counter() - t0}
    docs = []
    t0 = time.perf_counter()
    for p in sorted(folder.iterdir()):
        docs.append(read_document(p))
    times["ingest"] = time.perf_counter() - t0
    acc = dict.fromkeys(["segment", "when", "where", "who", "events"], 0.0)
    for d in docs:
        t = time.perf_counter(); sents = seg_mod.segment(d.text); acc["segment"] += time.perf_counter() - t
        t = time.perf_counter(); tm = when.tag_dates(d.text, published=d.published, language=d.language); acc["when"] += time.perf_counter() - t
        t = time.perf_counter(); pl = where.find_places(d.text, gazetteer=res.gazetteer, language=d.language); acc["where"] += time.perf_counter() - t
        t = time.perf_counter()
        ac = who.find_actors(d.text, registry=res.registry, language=d.language)
        so = who.find_sources(d.text, registry=res.registry, language=d.language, actors=ac)
        acc["who"] += time.perf_counter() - t
        t = time.perf_counter(); ev_mod.extract_events(d, sents, times=tm, places=pl, actors=ac, sources=so); acc["events"] += time.perf_counter() - t
    times.update(acc)
    return times


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,5,10,20")
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    one = _corpus(1)
    prof = _stage_profile(one)
    mb = sum(p.stat().st_size for p in one.iterdir()) / 1e6
    print(f"\nper-stage time on {mb:.1f} MB, one process:")
    for stage, secs in prof.items():
        rate = f"{mb / secs:8.1f} MB/s" if stage != "load reference data" and secs > 0 else ""
        print(f"  {stage:<20} {secs:7.2f} s {rate}")
    print("\n  MB    docs   events   wall s   cpu s   MB/s wall   MB/s/core   docs/s   events/s   peak RSS MB")
    for size in [int(s) for s in args.sizes.split(",")]:
        r = _run_cli(_corpus(size), args.jobs)
        print(f"{r['mb']:5.1f} {r['docs']:7d} {r['events']:8d} {r['wall_s']:8.1f} {r['cpu_s']:7.1f} {r['mb'] / r['wall_s']:11.2f} "
              f"{r['mb'] / max(r['cpu_s'], 1e-9):11.2f} {r['docs'] / r['wall_s']:8.1f} {r['events'] / r['wall_s']:10.1f} {r['peak_rss_mb']:13.0f}")


if __name__ == "__main__":
    main()
