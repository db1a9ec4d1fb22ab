"""Size and first render of the story embed (dashboard/embed), before and after.

    .venv/bin/python -m bench.embed [--events data/events.geojson] [--sizes 1000,5000] [--no-browser]

"Before" is the embed as it was up to commit dd8ae21: plotly.js inlined into every frame plus
the map and timeline figures as plotly JSON (rebuilt here from the same figure functions, which
the PNG fallback still uses). "After" is `embed.html` as `dashboard.export` writes it now.
Bytes are raw and gzip -9 (what a CDN sends). The render time is chromium's, headless, with
every non-file request aborted: from navigation to map and timeline drawn with all events.
"""
from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path

from bench.server import CHROMIUM, CHROMIUM_ARGS


def _before(features: list[dict]) -> str:
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    from dashboard.export import _rows, map_figure, timeline_figure

    rows = _rows(features)
    return (get_plotlyjs() + pio.to_json(map_figure(rows), validate=False)
            + pio.to_json(timeline_figure(rows), validate=False) + json.dumps(rows, ensure_ascii=False))


def _after(features: list[dict], documents: list[dict]) -> str:
    from dashboard.export import embed_html

    return embed_html(features, title="Bench", source_line="Bench", lang="de", documents=documents)


def _kb(text: str) -> tuple[float, float]:
    raw = text.encode("utf-8")
    return len(raw) / 1024, len(gzip.compress(raw, 9)) / 1024


def _render_seconds(page_html: str, n: int) -> float:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "embed.html"
        path.write_text(page_html, encoding="utf-8")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('#map .mark').length > 0 && "
                               "document.querySelectorAll('#timeline .mark').length > 0", timeout=120_000)
        seconds = time.perf_counter() - t0
        browser.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    from bench.synth import synthetic_collection
    from geo.contract import read_events

    ap = argparse.ArgumentParser(prog="python -m bench.embed", description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", default="data/events.geojson")
    ap.add_argument("--sizes", default="1000,5000", help="synthetic corpora to measure besides --events")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    corpora = []
    if Path(args.events).exists():
        col = read_events(args.events).model_dump(mode="json")
        corpora.append((f"{args.events}", col))
    for n in filter(None, args.sizes.split(",")):
        corpora.append((f"synthetic {int(n):,}", synthetic_collection(int(n))))
    print(f"{'corpus':<24} {'events':>7} {'before KB':>10} {'gzip':>7} {'after KB':>9} {'gzip':>7} {'render s':>9}")
    for name, col in corpora:
        feats, docs = col["features"], col.get("generated_from", [])
        before, after = _kb(_before(feats)), _kb(page := _after(feats, docs))
        render = "" if args.no_browser else f"{_render_seconds(page, len(feats)):.2f}"
        print(f"{name:<24} {len(feats):>7,} {before[0]:>10,.0f} {before[1]:>7,.0f} {after[0]:>9,.0f} {after[1]:>7,.0f} {render:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
