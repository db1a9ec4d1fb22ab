"""One document made of one paragraph repeated, at growing sizes: the cost of merging many
mentions of the same happenings must grow linearly with the text, not with its square.

    python -m bench.repetitive [--sizes 1,2,10]

Prints, per size, wall and CPU seconds, seconds per MB, events and peak memory of the real CLI.
Measured 2026-12-05 on this 2-core machine: before the fix 1 MB took 63 s and 2 MB 207 s
(quadratic); after it 9.8 s, 14.5 s and 64 s for 10 MB.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out" / "repetitive"
PARAGRAPH = ("In Hamburg legten am Montag die Hafenarbeiter die Arbeit nieder. Die Polizei durchsuchte in "
             "München mehrere Wohnungen. Ein Brand in Rotterdam zerstörte eine Lagerhalle.\n\n")


def run(mb: float) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    doc = OUT / f"repeated_{mb:g}mb.md"
    doc.write_text(PARAGRAPH * int(mb * 1_000_000 / len(PARAGRAPH.encode("utf-8"))), encoding="utf-8")
    out = OUT / f"events_{mb:g}mb.geojson"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "geo.load", str(doc), "--out", str(out), "--quiet"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"loader failed on {doc}: {proc.stderr[-2000:]}")
    events = len(json.loads(out.read_text(encoding="utf-8"))["features"])
    return {"mb": mb, "wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "events": events, "peak_mb": after.ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,10", help="document sizes in MB, comma-separated")
    args = ap.parse_args(argv)
    print(f"{'MB':>5} {'wall s':>8} {'cpu s':>8} {'s/MB':>7} {'events':>8} {'peak MB':>8}")
    for mb in (float(x) for x in args.sizes.split(",")):
        r = run(mb)
        print(f"{r['mb']:>5g} {r['wall']:>8.1f} {r['cpu']:>8.1f} {r['wall'] / r['mb']:>7.1f} {r['events']:>8} {r['peak_mb']:>8.0f}",
              flush=True)


if __name__ == "__main__":
    main()
