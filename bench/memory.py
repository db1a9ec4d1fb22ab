"""Peak memory of the loader as the corpus grows: it must stay flat, not grow with the corpus.

    python -m bench.memory [--sizes 2,10,20] [--jobs N]

The corpus is the development corpus's real articles (tests/corpus/news) copied until it
reaches each size; every copy has its years shifted back by up to 29 and an archive number,
so copies are neither duplicates (which the loader reports once) nor all one happening.
Prints per size: documents, events, wall and CPU seconds, MB/s per core and the peak resident
memory of the largest process (the loader or one of its workers).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).parent / "out" / "memory"
# Run in a fresh process, so the peak is this run's alone (the largest process it waited for).
_MEASURE = """import json, resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "cpu": u.ru_utime + u.ru_stime, "peak_kb": u.ru_maxrss}))
sys.exit(code not in (0, 1))
"""
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


def corpus(mb: float) -> Path:
    """The development articles copied up to `mb` MB (kept: built once per size)."""
    folder = OUT / f"news_{mb:g}mb"
    if folder.exists() and any(folder.iterdir()):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    articles = sorted(p for p in (ROOT / "tests" / "corpus" / "news").iterdir() if p.suffix == ".md")
    total, k = 0, 0
    while total < mb * 1_000_000:
        src = articles[k % len(articles)]
        shift = (k // len(articles)) % 30
        text = _YEAR.sub(lambda m: str(int(m.group(1)) - shift), src.read_text(encoding="utf-8"))
        text += f"\n\nArchivnummer {k}.\n"
        (folder / f"{k:06d}_{src.name}").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        k += 1
    return folder


def run(folder: Path, jobs: int | None) -> dict:
    out = OUT / f"events_{folder.name}.geojson"
    cmd = [sys.executable, "-m", "geo.load", str(folder), "--out", str(out), "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"loader failed: {proc.stderr[-2000:]}")
    usage = json.loads(proc.stdout.splitlines()[-1])
    with open(out, encoding="utf-8") as fh:
        events = len(json.load(fh)["features"])
    files = list(folder.iterdir())
    return {"mb": sum(p.stat().st_size for p in files) / 1e6, "docs": len(files), "events": events, "wall": wall,
            "cpu": usage["cpu"], "peak": usage["peak_kb"] / 1024}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2,10,20", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args(argv)
    print(f"{'MB':>6} {'docs':>6} {'events':>8} {'wall s':>8} {'cpu s':>8} {'MB/s/core':>10} {'peak MB':>8}")
    for mb in (float(x) for x in args.sizes.split(",")):
        r = run(corpus(mb), args.jobs)
        print(f"{r['mb']:>6.1f} {r['docs']:>6} {r['events']:>8} {r['wall']:>8.1f} {r['cpu']:>8.1f} "
              f"{r['mb'] / max(r['cpu'], 1e-9):>10.2f} {r['peak']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
