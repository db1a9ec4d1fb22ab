"""Hostile text from a document never runs in the dashboard or in the exported embeds.

A document whose metadata and text carry script payloads (an `onerror` image, a `<script>`,
`javascript:` links) goes through the real loader, with an editor's curation row that puts
markup into an event title and actors; the dashboard is started on that output and every
view that shows the text is opened in chromium (map and timeline tooltips, details via the
URL and via a table click, the table, the sidebar's document list). Then the exports are
opened from file:// with the network blocked. `window.__pwned` must stay unset and no
`javascript:` link, no payload event-handler attribute may appear in the DOM.
"""
from __future__ import annotations

import csv
import json
import math

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, streamlit_server
from tests.conftest import run_loader

pytestmark = pytest.mark.browser

PAYLOAD_DOC = """---
title: "<img src=x onerror=\\"window.__pwned=1\\">Bericht <script>window.__pwned=1</script>"
url: "javascript:window.__pwned=1"
outlet: "<b onmouseover=\\"window.__pwned=1\\">Blatt</b><svg onload=\\"window.__pwned=1\\"></svg>"
author: "<a href=\\"javascript:window.__pwned=1\\">Autor</a>"
published: 2025-03-10
language: de
---
Die Polizei in Göttingen hat am 3. März 2025 <img src=x onerror="window.__pwned=1"> zwei Männer <script>window.__pwned=1</script> festgenommen, sagte ein Sprecher des Innenministeriums <a href="javascript:window.__pwned=1">x</a>.

Laut einem Bericht „<img src=x onerror=window.__pwned=1>“ hat Verteidigungsminister Pete Hegseth im April 2025 die Truppen in Puerto Rico <b onclick="window.__pwned=1">besucht</b>.
"""
TITLE_PAYLOAD = '<img src=x onerror="window.__pwned=1">Festnahme <a href="javascript:window.__pwned=1">x</a>'
ACTOR_PAYLOAD = '<svg onload="window.__pwned=1">Agentur'

# Everything the page could have turned into live markup or a live link.
DOM_CHECK = """() => {
  const bad = [];
  const docs = [document];
  document.querySelectorAll('iframe').forEach(f => { try { if (f.contentDocument) docs.push(f.contentDocument); } catch (e) {} });
  for (const d of docs) {
    for (const el of d.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const v = (a.value || '').trim().toLowerCase();
        if ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction') && v.startsWith('javascript:'))
          bad.push(el.tagName + ' ' + a.name + '=' + a.value);
        if (a.name.startsWith('on') && v.includes('__pwned')) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
      }
      if (el.tagName === 'SCRIPT' && !(el.type || '').includes('json') && (el.textContent || '').includes('__pwned'))
        bad.push('live script: ' + el.textContent.slice(0, 80));
    }
  }
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned), bad};
}"""


def assert_clean(page: Page, where: str) -> None:
    result = page.evaluate(DOM_CHECK)
    assert result["pwned"] is None, f"{where}: a payload ran (window.__pwned={result['pwned']})"
    assert not result["bad"], f"{where}: live markup from a document: {result['bad'][:5]}"


@pytest.fixture(scope="module")
def payload_events(tmp_path_factory):
    """The real loader's output on the hostile document, with a hostile curation row."""
    root = tmp_path_factory.mktemp("payload")
    (root / "docs").mkdir()
    (root / "docs" / "payload.txt").write_text(PAYLOAD_DOC, encoding="utf-8")
    out = root / "out" / "events.geojson"
    assert run_loader(root / "docs", "--out", out, "--quiet").returncode == 0
    first = json.loads(out.read_text(encoding="utf-8"))["features"]
    target = next(f["properties"]["id"] for f in first if f["properties"]["place_name"] == "Göttingen")
    with open(out.with_name("curation.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["event_id", "action", "title", "actors", "source_note"])
        w.writeheader()
        w.writerow({"event_id": target, "action": "edit", "title": TITLE_PAYLOAD, "actors": ACTOR_PAYLOAD,
                    "source_note": "<script>window.__pwned=1</script>"})
    proc = run_loader(root / "docs", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    col = json.loads(out.read_text(encoding="utf-8"))
    # The payloads must reach the output, or this test proves nothing.
    props = [f["properties"] for f in col["features"]]
    assert TITLE_PAYLOAD in [p["title"] for p in props] and any(ACTOR_PAYLOAD in p["actors"] for p in props)
    assert any('onerror="window.__pwned=1"' in p["evidence"][0]["quote"] for p in props)
    assert col["generated_from"][0]["url"] == "javascript:window.__pwned=1"
    return out, col


@pytest.fixture(scope="module")
def payload_server(payload_events, tmp_path_factory):
    with streamlit_server(payload_events[0], tmp_path_factory.mktemp("payload-server")) as srv:
        yield srv


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible(timeout=30_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)


def _pixel(view, lon: float, lat: float, box: dict) -> tuple[float, float]:
    """Where deck.gl's Web Mercator viewport (512-px world at zoom 0) draws lon/lat."""
    world = 512 * 2 ** view.zoom

    def project(lo, la):
        return world * (lo + 180) / 360, world * (1 - math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / math.pi) / 2

    cx, cy = project(view.longitude, view.latitude)
    x, y = project(lon, lat)
    return box["x"] + box["width"] / 2 + (x - cx), box["y"] + box["height"] / 2 + (y - cy)


def _hover_map_points(page: Page, events_path) -> list[str]:
    """Hover each located event on the map; return the tooltips' HTML."""
    from dashboard.data import events_from_collection
    from dashboard.map_layers import fit_view
    from geo.contract import read_events

    frame = events_from_collection(read_events(events_path)).frame
    view = fit_view(frame)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    tooltip = page.locator(".deck-tooltip")
    tips = []
    for row in frame.itertuples():
        x, y = _pixel(view, row.lon, row.lat, box)
        for dx, dy in ((0, 0), (2, 2), (-2, -2), (3, -3), (-3, 3)):
            page.mouse.move(x + dx, y + dy)
            page.wait_for_timeout(100)
            if tooltip.count() and tooltip.first.is_visible() and tooltip.first.inner_text().strip():
                tips.append(tooltip.first.inner_html())
                break
    return tips


def test_the_dashboard_never_runs_document_markup(browser, payload_server, payload_events):
    base, log = payload_server
    col = payload_events[1]
    ids = [f["properties"]["id"] for f in col["features"]]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(20_000)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        _open(page, base + "/?lang=en")
        assert_clean(page, "first render")

        tips = _hover_map_points(page, payload_events[0])
        assert len(tips) == 2, f"expected a tooltip over each of the two events, got {tips}"
        # The curated title shows as text, escaped once (not "&amp;lt;" on the reader's screen).
        assert any("&lt;img src=x onerror" in tip and "&amp;" not in tip for tip in tips), tips
        assert_clean(page, "map tooltips")

        markers = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
        for i in range(markers.count()):
            markers.nth(i).hover(force=True)
            page.wait_for_timeout(150)  # plotly draws the hover label on the next frame
            assert_clean(page, f"timeline tooltip {i}")
            hover = page.locator(".hoverlayer").first.text_content() or ""
            assert "&lt;" not in hover and "&amp;" not in hover, hover  # text, escaped exactly once

        # The sidebar's document filter shows the document's metadata as option labels.
        # (actors, event types, documents: the third lists each document's title and outlet)
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(2).click()
        expect(page.get_by_role("option").first).to_contain_text("onerror")  # the title, as text
        assert_clean(page, "sidebar document options")
        page.keyboard.press("Escape")

        # Details through a table click.
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        gbox = grid.bounding_box()
        page.mouse.click(gbox["x"] + 16, gbox["y"] + 35 + 17)
        details = page.get_by_test_id("geo-details")
        expect(details).to_be_visible()
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        assert "<img" not in details.inner_html().replace("&lt;img", "")
        assert_clean(page, "details after table click")

        # Details through the URL, for every event.
        for eid in ids:
            _open(page, f"{base}/?event={eid}&lang=de")
            details = page.get_by_test_id("geo-details")
            expect(details).to_be_visible()
            expect(details).to_contain_text("onerror")  # shown as text, not as an element
            expect(details.locator("img, script, svg, a[href^='javascript' i]")).to_have_count(0)
            assert_clean(page, f"details of {eid} via URL")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "security-details.png"), full_page=True)
        assert not dialogs
        assert "Traceback" not in log.read_text()
    finally:
        context.close()


def test_the_exports_never_run_document_markup(browser, payload_events, tmp_path):
    from dashboard.export import export_all

    col = payload_events[1]
    written = export_all(col, tmp_path / "exports", title='<script>window.__pwned=1</script>Titel', lang="de")
    pages = [p for p in written if p.name in ("embed.html", "map.html", "timeline.html")]
    assert len(pages) == 3
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    requests = []

    def block(route):
        if not route.request.url.startswith("file://"):
            requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", block)
    ids = [f["properties"]["id"] for f in col["features"]]
    try:
        for path in pages:
            page = context.new_page()
            page.goto(path.as_uri())
            page.wait_for_function("document.querySelectorAll('#geo-embed svg .mark').length > 0", timeout=20_000)
            assert_clean(page, f"{path.name} render")
            markers = page.locator("#geo-embed svg .mark")
            for i in range(min(markers.count(), 6)):
                markers.nth(i).hover(force=True)
                page.wait_for_timeout(100)
                assert_clean(page, f"{path.name} hover {i}")
            page.evaluate("ids => window.geoSelect(ids)", ids)  # the details the click would show
            expect(page.locator("#details blockquote").first).to_contain_text("onerror")
            assert_clean(page, f"{path.name} details")
            page.close()
        assert not requests, f"the exports asked the network for {requests[:3]}"
    finally:
        context.close()
