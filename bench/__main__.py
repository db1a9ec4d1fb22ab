"""All benchmarks, one after the other: `python -m bench` (or `make bench`).

Loader throughput (bench.loader), the dashboard's data layer at 10k/100k/1M events
(bench.dashboard) and the page in headless chromium at 10k/100k events (bench.browser).
Each prints its own table; the load test of many readers is separate (bench.load_dashboard).
"""
from __future__ import annotations

import sys

from bench import browser, dashboard, loader


def main() -> None:
    for name, run in (("loader", loader.main), ("dashboard data layer", dashboard.main),
                      ("dashboard in the browser", browser.main)):
        print(f"\n=== {name} ===", flush=True)
        run([])
        sys.stdout.flush()


if __name__ == "__main__":
    main()
