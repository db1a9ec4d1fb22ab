"""Dashboard data layer: load, filter, build map and timeline, bytes per page update.

    python -m bench.dashboard [--sizes 10000,100000,1000000] [--profile]

For each size a synthetic events file (bench/synth.py, written by the loader's writer) is
loaded in a fresh process, as the dashboard loads it (once per file version). Then, per
interaction, it times what one page update costs on the server: the DuckDB filter, the time
window, the map (pydeck Deck to JSON) and the timeline (plotly Figure to JSON), and the
sidebar's option counts; and it sizes what the page sends: map + timeline JSON, the table
(Arrow IPC, as Streamlit ships it) and the undated list. Median of 3 runs. `--profile`
prints a cProfile of one unfiltered update at the largest size.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time

SCENARIOS = ["all events", "one actor", "one month", "search + type"]


def _scenarios(frame):
    from dashboard.filters import FilterState, date_bounds

    lo, _ = date_bounds(frame)
    mid = lo + dt.timedelta(days=5 * 365)
    return {
        "all events": (FilterState(), None),
        "one actor": (FilterState(actors=("Polizei",)), None),
        "one month": (FilterState(), (mid, mid + dt.timedelta(days=30))),
        "search + type": (FilterState(text="berlin", types=("strike",)), None),
    }


def _update(events, state, window, colors) -> dict:
    """One page update's server work; returns seconds per step and bytes per element."""
    import pyarrow as pa

    from dashboard import data, panels, selection, sidebar
    from dashboard.map_layers import build_deck, is_aggregated
    from dashboard.timeline import build_figure, is_binned

    t = {}
    t0 = time.perf_counter()
    sidebar._options(events.frame)
    t["options"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    shown = selection.in_window(data.filter_events(events, state), window)
    t["filter"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    deck = build_deck(shown, outline=None, colors=colors).to_json()
    t["map"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    fig = build_figure(shown, colors=colors, x_range=window).to_json()
    t["timeline"] = time.perf_counter() - t0
    head = shown.head(panels.TABLE_MAX)
    table = pa.Table.from_pandas(head[["title", "date_text", "event_type", "place_name"]].astype(str),
                                 preserve_index=False)
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as w:
        w.write_table(table)
    undated = min(int(shown["undated"].sum()), panels.LIST_MAX) * 120
    return {**t, "n": len(shown), "map_bytes": len(deck), "timeline_bytes": len(fig),
            "table_bytes": sink.tell(), "undated_bytes": undated,
            "mode": ("grid" if is_aggregated(shown) else "points") + "/" + ("bins" if is_binned(shown) else "events")}


def measure(n: int, *, profile: bool = False) -> dict:
    """Everything for one size, in this process."""
    from bench.synth import synthetic_events
    from dashboard import data
    from dashboard.map_layers import type_colors

    path = synthetic_events(n)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    events = data.load_events(path)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    events.query()
    index_s = time.perf_counter() - t0
    colors = type_colors(list(events.frame["event_type"]))
    out = {"n": n, "load_s": load_s, "index_s": index_s, "geojson_mb": path.stat().st_size / 1e6,
           "parquet_mb": path.with_suffix(".parquet").stat().st_size / 1e6, "scenarios": {}}
    for name, (state, window) in _scenarios(events.frame).items():
        runs = [_update(events, state, window, colors) for _ in range(3)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "mode"}
        med["mode"] = runs[0]["mode"]
        out["scenarios"][name] = med
    if profile:
        prof = cProfile.Profile()
        state, window = _scenarios(events.frame)["all events"]
        prof.enable()
        _update(events, state, window, colors)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(18)
        out["profile"] = buf.getvalue()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["rss_before_load_mb"] = rss0 / 1024
    return out


def _print(results: list[dict]) -> None:
    print("\nload (once per file version):")
    print("  events     GeoJSON MB  GeoParquet MB  load s  DuckDB index s  peak RSS MB")
    for r in results:
        print(f"  {r['n']:>9,}  {r['geojson_mb']:10.1f}  {r['parquet_mb']:13.1f}  {r['load_s']:6.2f}  "
              f"{r['index_s']:14.2f}  {r['peak_rss_mb']:11.0f}")
    print("\nper page update (median of 3; ms on the server, bytes to the browser):")
    print("  events     interaction     shown      mode         options  filter    map  timeline  total ms"
          "   map KB  timeline KB  table KB  total KB")
    for r in results:
        for name, s in r["scenarios"].items():
            total = 1000 * (s["options"] + s["filter"] + s["map"] + s["timeline"])
            kb = (s["map_bytes"] + s["timeline_bytes"] + s["table_bytes"] + s["undated_bytes"]) / 1024
            print(f"  {r['n']:>9,}  {name:<14} {int(s['n']):>8,}  {s['mode']:<12} {1000 * s['options']:7.1f} "
                  f"{1000 * s['filter']:7.1f} {1000 * s['map']:6.1f} {1000 * s['timeline']:9.1f} {total:9.1f}"
                  f" {s['map_bytes'] / 1024:8.1f} {s['timeline_bytes'] / 1024:12.1f} {s['table_bytes'] / 1024:9.1f}"
                  f" {kb:9.1f}")
    for r in results:
        if r.get("profile"):
            print(f"\ncProfile of one unfiltered update at {r['n']:,} events:\n{r['profile']}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size, JSON out
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, profile=args.profile)))
        return
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        cmd = [sys.executable, "-m", "bench.dashboard", "--one", str(n)]
        if args.profile and n == max(sizes):
            cmd.append("--profile")
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, check=False)
        if proc.returncode:
            raise SystemExit(f"size {n} failed:\n{proc.stderr[-3000:]}")
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    _print(results)


if __name__ == "__main__":
    main()
