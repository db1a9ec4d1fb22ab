"""The map without tiles at town zoom, in chromium with every request off this machine aborted:
an event in a small German town (read in German) and one in a small US town (read in English)
must be surrounded by place names and subdivision borders (dashboard/context.py), not sit on a
blank background.

Pixels are counted in a screenshot of the map: label text is dark neutral grey, subdivision
borders a muted purple (dashboard.context.LABEL_TEXT, SUBDIVISION_LINE); the events are
orange, so neither count sees them. Screenshots: test-artifacts/map-context-*.png.
"""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, streamlit_server
from tests.browser.test_dashboard_browser import MAP, settle
from tests.export_fixture import _feature, collection

pytestmark = pytest.mark.browser

ZOOM_CLICKS = 4  # from the first view (zoom 4.5, a region) to 8.5: a town and its neighbours


def _town_near(name: str, lo: int, hi: int) -> tuple[float, float]:
    """The most populous place of lo..hi inhabitants within 0.3° of the largest place called
    `name` (invented events, at real towns of the gazetteer)."""
    from dashboard.context import places

    pl = places()
    big = max((i for i, n in enumerate(pl.names) if n == name), key=lambda i: pl.population[i])
    near = np.flatnonzero((np.abs(pl.lon - pl.lon[big]) < 0.3) & (np.abs(pl.lat - pl.lat[big]) < 0.3)
                          & (pl.population >= lo) & (pl.population < hi))
    i = near[np.argmax(pl.population[near])]
    return float(pl.lon[i]), float(pl.lat[i])


@pytest.fixture(scope="module")
def towns(tmp_path_factory):
    col = collection()
    col["features"] = [
        _feature("ev_de", "Unfall im Ort", "crash", "2025-04-07", "2025-04-07", "day", *_town_near("Ulm", 2_000, 15_000)),
        _feature("ev_us", "Crash in town", "crash", "2025-04-08", "2025-04-08", "day",
                 *_town_near("Kansas City", 2_000, 15_000)),
    ]
    path = tmp_path_factory.mktemp("towns") / "events.geojson"
    path.write_text(json.dumps(col), encoding="utf-8")
    with streamlit_server(path, tmp_path_factory.mktemp("server-towns")) as (base, _log):
        yield base


def _counts(png: bytes) -> tuple[int, int]:
    """(label text pixels, subdivision border pixels) of a map screenshot, without the strip
    on its right that holds the zoom buttons."""
    px = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)[:, :-70].reshape(-1, 3)
    r, g, b = px[:, 0], px[:, 1], px[:, 2]
    spread = px.max(axis=1) - px.min(axis=1)
    text = int(((px.max(axis=1) <= 120) & (spread <= 16)).sum())
    border = int(((r >= g + 8) & (b >= g + 12) & (spread <= 60)).sum())
    return text, border


@pytest.mark.parametrize("event,lang", [("ev_de", "de"), ("ev_us", "en")])
def test_town_zoom_without_tiles_shows_place_names_and_borders(browser, towns, event, lang):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE" if lang == "de" else "en-US")
    outside = []

    def guard(route):  # the network is off: only this machine answers
        if route.request.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(f"{towns}/?sel={event}&lang={lang}")
        settle(page)
        chart = page.locator(MAP).first
        expect(chart.locator("canvas").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(2500)  # deck.gl draws the text once its font atlas is built
        ARTIFACTS.mkdir(exist_ok=True)
        first = chart.screenshot(path=str(ARTIFACTS / f"map-context-{lang}-region.png"))
        for _ in range(ZOOM_CLICKS):
            chart.locator("button.mapboxgl-ctrl-zoom-in").click()
            page.wait_for_timeout(400)
        page.wait_for_timeout(2000)
        town = chart.screenshot(path=str(ARTIFACTS / f"map-context-{lang}-town.png"))
        for png in (first, town):
            text, border = _counts(png)
            assert text >= 150, f"no place names drawn ({text} text pixels)"
            assert border >= 40, f"no subdivision borders drawn ({border} border pixels)"
    finally:
        context.close()
