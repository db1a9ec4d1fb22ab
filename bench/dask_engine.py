"""The Dask engine against the local one: client peak memory, wall time and same output.

    python -m bench.dask_engine [--sizes 5] [--code DIR]

Each size runs the real CLI on a generated corpus (bench/corpus.py) with the local engine
(`--jobs 2`) and with `--engine dask` (a local 2-process cluster), in fresh processes. The
client's peak memory is its own peak RSS (`RUSAGE_SELF`), without its worker processes.
`--code DIR` runs another checkout's `geo/` (e.g. `git archive HEAD~1 geo | tar -x -C DIR`),
to compare with the engine before a change.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).parent / "out"
# The loader's main() in this process, then this process's own peak RSS on stderr's last line.
_CLIENT = ("import resource, sys; from geo.load import main; rc = main(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")


def _corpus(mb: int) -> Path:
    folder = OUT / f"corpus_{mb}mb"
    if not folder.exists() or not any(folder.iterdir()):
        generate(folder, megabytes=mb, seed=mb)
    return folder


def _run(folder: Path, engine: str, code: Path) -> dict:
    out = OUT / f"dask_bench_{engine}" / f"events_{folder.name}.geojson"
    args = ["--jobs", "2"] if engine == "local" else ["--engine", "dask"]
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CLIENT, str(folder), "--out", str(out), "--quiet", *args],
                          cwd=code, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"loader failed ({engine}): {proc.stderr[-2000:]}")
    events = len(json.loads(out.read_text(encoding="utf-8"))["features"])
    return {"engine": engine, "events": events, "wall_s": wall,
            "client_peak_mb": int(proc.stderr.strip().splitlines()[-1]) / 1024, "out": out}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--code", type=Path, default=ROOT, help="folder holding the geo/ package to run")
    args = ap.parse_args(argv)
    print(f"{'MB':>4} {'engine':>6} {'events':>7} {'wall s':>7} {'client peak MB':>15}  same output")
    for mb in (int(s) for s in args.sizes.split(",")):
        folder = _corpus(mb)
        runs = [_run(folder, engine, args.code.resolve()) for engine in ("local", "dask")]
        same = runs[0]["out"].read_bytes() == runs[1]["out"].read_bytes()
        for r in runs:
            print(f"{mb:>4} {r['engine']:>6} {r['events']:>7} {r['wall_s']:>7.1f} {r['client_peak_mb']:>15.0f}  {same}",
                  flush=True)


if __name__ == "__main__":
    main()
