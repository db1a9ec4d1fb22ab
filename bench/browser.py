"""Browser: time until the map and the timeline are drawn in headless chromium.

    python -m bench.browser [--sizes 10000,100000] [--timeout 600]

For each size: a synthetic events file (bench/synth.py), `streamlit run` on a free port on
127.0.0.1 only, one headless chromium page. Times (a) the first load: navigation until the
script has finished and both the deck canvas and the plotly timeline are drawn (the server's
first load of the file included), (b) a reload with the file cached, (c) one interaction:
choosing an actor in the sidebar until the count caption changes and the script is done.
Also reports the server's peak memory. Bounded: every wait has a timeout and the server is
stopped at the end, whatever happens.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from pathlib import Path

from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server

COUNT_RE = re.compile(r"(?:showing|zeige) ([\d.,]+) (?:of|von) ([\d.,]+)")
MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
TIMELINE = ".js-plotly-plot .scatterlayer .trace"
DONE = '[data-test-script-state="notRunning"]'


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextlib.contextmanager
def _server(events: Path, timeout: float):
    try:
        with streamlit_server(events, ROOT / "bench" / "out" / f"streamlit_{events.stem}.log",
                              timeout=min(timeout, 60)) as served:
            yield served
    except RuntimeError as exc:
        raise SystemExit(str(exc)) from None


def _rendered(page, timeout_ms: int) -> None:
    page.wait_for_selector(DONE, timeout=timeout_ms)
    page.wait_for_selector(MAP_CANVAS, state="visible", timeout=timeout_ms)
    page.wait_for_selector(TIMELINE, state="attached", timeout=timeout_ms)
    page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=timeout_ms)


def _caption(page) -> str:
    return page.get_by_text(COUNT_RE).first.inner_text()


def measure(n: int, *, timeout: float) -> dict:
    """First load, cached reload and one filter interaction for `n` events."""
    from playwright.sync_api import sync_playwright

    from bench.synth import synthetic_events

    events = synthetic_events(n)
    ms = int(timeout * 1000)
    out = {"n": n}
    with _server(events, timeout) as (base, proc), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
            received = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
            t0 = time.monotonic()
            page.goto(base + "/?lang=en", timeout=ms)
            _rendered(page, ms)
            out["first_s"] = time.monotonic() - t0
            print(f"  … {n:,}: first render {out['first_s']:.1f} s", file=sys.stderr, flush=True)
            out["first_kb"] = sum(received) / 1024
            received.clear()
            t0 = time.monotonic()
            page.reload(timeout=ms)
            _rendered(page, ms)
            out["reload_s"] = time.monotonic() - t0
            out["reload_kb"] = sum(received) / 1024
            before = _caption(page)
            received.clear()
            t0 = time.monotonic()
            # the first actor offered (as tests/browser does: open the box, click an option, close)
            page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
            option = page.get_by_role("option").filter(has_text=re.compile(r"\(\d+\)$")).first
            option.wait_for(state="visible", timeout=ms)
            option.click()
            page.keyboard.press("Escape")
            deadline = time.monotonic() + timeout
            while _caption(page) == before:  # poll the count caption (bounded)
                if time.monotonic() > deadline:
                    raise SystemExit(f"{n} events: the count never changed after filtering")
                page.wait_for_timeout(50)
            _rendered(page, ms)
            out["filter_s"] = time.monotonic() - t0
            out["filter_kb"] = sum(received) / 1024
            out["after_filter"] = COUNT_RE.search(_caption(page)).group(1)
            out["server_peak_mb"] = _peak_rss_mb(proc.pid)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed for each wait")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"chromium not found at {CHROMIUM}")
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, headless chromium (software WebGL), server and browser share them")
    print("\n  events    first load s  (KB)   reload s  (KB)   filter s  (KB)  shown after filter  server peak RSS MB")
    for n in [int(s) for s in args.sizes.split(",")]:
        r = measure(n, timeout=args.timeout)
        print(f"  {n:>9,}  {r['first_s']:10.1f} {r['first_kb']:6.0f}  {r['reload_s']:8.1f} {r['reload_kb']:5.0f}"
              f"  {r['filter_s']:8.1f} {r['filter_kb']:5.0f}  {r['after_filter']:>18}  {r['server_peak_mb']:18.0f}")


if __name__ == "__main__":
    main()
