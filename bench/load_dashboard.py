"""Bounded load test of the dashboard on loopback: N readers at once, each applies a filter.

    .venv/bin/python -m bench.load_dashboard [--pages 20] [--timeout 300]

Runs the loader on seeds/ into a temporary file, starts `streamlit run` on a free port on
127.0.0.1 only, opens N headless chromium pages at the same time (one browser, one context
per reader), and in each: waits for the first render (deck canvas and timeline drawn, script
finished), chooses an actor in the sidebar, and waits until the count caption shows the
filtered count and the map canvas is back. Prints p50/p95 of both times and any errors from
the server log, then stops everything. Bounded: a fixed number of pages and a total timeout.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server
COUNT_RE = re.compile(r"(?:showing|zeige) ([\d.,]+) (?:of|von) ([\d.,]+)")  # grouped: 10,000 / 10.000
MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
DONE = '[data-test-script-state="notRunning"]'


def _cpu_seconds(pid: int) -> float:
    """User+system CPU time of a process (Linux /proc), to tell server cost from browser cost."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


async def _reader(browser, base: str, i: int, results: list, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = await context.new_page()
    page.set_default_timeout(120_000)
    page.on("pageerror", lambda exc: errors.append(f"page {i}: {exc}"))
    try:
        t0 = time.monotonic()
        await page.goto(base + "/?lang=en")
        await page.wait_for_selector(DONE)
        await page.locator(MAP_CANVAS).first.wait_for(state="visible")
        await page.locator(".js-plotly-plot").first.wait_for(state="visible")
        first = time.monotonic() - t0
        await page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
        options = page.get_by_role("option").filter(has_text=re.compile(r"\(\d+\)$"))
        await options.first.wait_for()
        labels = await options.all_inner_texts()
        label = labels[i % len(labels)]
        expected = int(re.search(r"\((\d+)\)$", label).group(1))
        t1 = time.monotonic()
        await page.get_by_role("option", name=label, exact=True).click()
        await page.keyboard.press("Escape")
        await page.get_by_text(re.compile(rf"(showing|zeige) {expected:,} (of|von) ".replace(",", "[.,]"))).first.wait_for()
        await page.wait_for_selector(DONE)
        await page.locator(MAP_CANVAS).first.wait_for(state="visible")
        results.append((first, time.monotonic() - t1))
    except Exception as exc:  # one reader's failure is a finding, not the end of the run
        errors.append(f"page {i}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def _run(base: str, pages: int, timeout: float) -> tuple[list, list]:
    from playwright.async_api import async_playwright

    results, errors = [], []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await asyncio.wait_for(asyncio.gather(*(_reader(browser, base, i, results, errors) for i in range(pages))), timeout)
        except TimeoutError:
            errors.append(f"total timeout of {timeout:.0f} s reached with {len(results)}/{pages} readers done")
        finally:
            await browser.close()
    return results, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.load_dashboard", description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20, help="concurrent readers (at most 50)")
    ap.add_argument("--timeout", type=float, default=300, help="total seconds before giving up")
    args = ap.parse_args(argv)
    pages = max(1, min(args.pages, 50))
    with tempfile.TemporaryDirectory(prefix="geo-load-") as tmp:
        events = Path(tmp) / "events.geojson"
        proc = subprocess.run([sys.executable, "-m", "geo.load", str(ROOT / "seeds"), "--out", str(events), "--quiet"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 2
        log_path = Path(tmp) / "streamlit.log"
        try:
            with streamlit_server(events, log_path) as (base, server):
                t0, cpu0 = time.monotonic(), _cpu_seconds(server.pid)
                results, errors = asyncio.run(_run(base, pages, args.timeout))
                wall, server_cpu = time.monotonic() - t0, _cpu_seconds(server.pid) - cpu0
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 2
        server_errors = [line for line in log_path.read_text().splitlines()
                         if re.search(r"Traceback|Error|Exception", line)]
    print(f"{pages} concurrent readers on {os.cpu_count()} cores, {len(results)} finished in {wall:.1f} s; "
          f"the streamlit server used {server_cpu:.0f} CPU-s of the {wall * (os.cpu_count() or 1):.0f} available "
          "(the rest went mostly to chromium's software WebGL)")
    if results:
        first, filt = [r[0] for r in results], [r[1] for r in results]
        print(f"  first render (map + timeline):  p50 {statistics.median(first):.1f} s  p95 {_pct(first, 0.95):.1f} s  max {max(first):.1f} s")
        print(f"  actor filter to rendered map:   p50 {statistics.median(filt):.1f} s  p95 {_pct(filt, 0.95):.1f} s  max {max(filt):.1f} s")
    print(f"  browser errors: {len(errors)}")
    for e in errors[:10]:
        print(f"    {e}")
    print(f"  server log errors: {len(server_errors)}")
    for line in server_errors[:10]:
        print(f"    {line}")
    return 0 if results and not errors and not server_errors else 1


if __name__ == "__main__":
    sys.exit(main())
