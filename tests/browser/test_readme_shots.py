"""The README's screenshots, taken on the seed corpus (the loader's output on seeds/): German and
English, 1366x768 with an event picked (details beside the map, ringed on both charts) and
390x844 as a reader first sees it (map and timeline on the first screen). Each test checks what
its caption in the README says, then saves the first screen to test-artifacts/readme-*.png;
`cp test-artifacts/readme-*.png docs/` updates the README's pictures.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, streamlit_server
from tests.browser.test_dashboard_browser import MAP, TIMELINE, map_label, open_app

pytestmark = pytest.mark.browser

RINGED = {"en": "Ringed: ", "de": "Markiert: "}


@pytest.fixture(scope="module")
def seed_server(seed_run, tmp_path_factory):
    """The dashboard on the seed corpus, and the event the desktop pictures pick: a located event
    dated to the day, the one with most actors (else any located, dated event)."""
    rows = [f["properties"] for f in seed_run[1]["features"]]
    placed = [r for r in rows if not r["unlocated"] and not r["undated"]]
    assert placed, "the seed corpus has no event with both a date and a place"
    pick = max(placed, key=lambda r: (r["date_precision"] == "day", len(r["actors"]), r["id"]))
    with streamlit_server(seed_run[2], tmp_path_factory.mktemp("seed-server")) as (base, _log):
        yield base, pick["id"]


def _open(page: Page, base: str, width: int, height: int, query: str, lang: str) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, base, f"{query}&lang={lang}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.wait_for_timeout(500)  # the phone CSS resizes the map after the first paint


def _save(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("document.querySelector('[data-testid=stMain]').scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"readme-{name}.png"))  # the first screen, as a reader sees it


@pytest.mark.parametrize("lang", ["en", "de"])
def test_readme_desktop_shot_event_picked(page, seed_server, lang):
    base, event_id = seed_server
    _open(page, base, 1366, 768, f"?event={event_id}", lang)
    details = page.get_by_test_id("geo-details")
    expect(details).to_have_attribute("data-event-id", event_id)
    assert RINGED[lang] in map_label(page)
    m, d, t = (page.locator(MAP).first.bounding_box(), details.bounding_box(),
               page.locator(TIMELINE).first.bounding_box())
    assert m["x"] + m["width"] <= d["x"] + 1 and d["x"] + d["width"] <= t["x"] + 1, "map | details | timeline"
    assert max(m["y"], d["y"], t["y"]) < 768 - 200, "all three on the first screen"
    _save(page, f"desktop-{lang}")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_readme_phone_shot_first_screen(page, seed_server, lang):
    base, _ = seed_server
    _open(page, base, 390, 844, "?", lang)
    m, t = page.locator(MAP).first.bounding_box(), page.locator(TIMELINE).first.bounding_box()
    assert m["y"] + m["height"] <= 844 and t["y"] + 200 <= 844, (m, t)
    _save(page, f"phone-{lang}")
