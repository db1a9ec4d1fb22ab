"""The dashboard page by keyboard, its details panel beside the map or as a sheet under it, and
Streamlit's and plotly's own words in German (dashboard/keyboard.py, panels.details_panel,
dashboard/widget_words.py). Assertions read text and boxes the page states, not pixels.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import FIXTURES
from tests.browser.test_dashboard_browser import MAP, TIMELINE, map_label, open_app, settle, shot, where_on_timeline

pytestmark = pytest.mark.browser

POINT = "[data-geo-id]"


def _fixture_only(server) -> None:
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")


def _focused(page: Page) -> tuple[str | None, str | None]:
    return tuple(page.evaluate(
        "() => [document.activeElement.getAttribute('data-geo-id'), document.activeElement.getAttribute('aria-label')]"))


def _details_id(page: Page) -> str | None:
    return page.get_by_test_id("geo-details").get_attribute("data-event-id")


def test_timeline_events_are_reached_by_tab_and_arrow_keys_enter_picks_escape_clears(page, server):
    open_app(page, server[0], "?lang=en")
    expect(page.locator(POINT).first).to_be_attached()
    # Tab from the map onwards reaches the timeline's events (one tab stop for all of them)
    page.locator(f"{MAP} canvas").first.focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if _focused(page)[0]:
            break
    first, label = _focused(page)
    assert first, "Tab never reached an event on the timeline"
    assert label and "," in label  # title, date, place, actors in words
    assert page.locator(f'{POINT}[tabindex="0"]').count() == 1
    page.keyboard.press("ArrowRight")
    second, _ = _focused(page)
    assert second and second != first
    page.keyboard.press("ArrowLeft")
    assert _focused(page)[0] == first
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("geo-details")).to_have_attribute("data-event-id", second)
    settle(page)
    title = page.get_by_test_id("geo-details").locator("h3").inner_text()
    expect(page.locator(MAP).first).to_have_attribute("aria-label", re.compile("Ringed: " + re.escape(title[:20])))
    # the focus stays on the picked event after the page reran, so the reader can go on
    expect(page.locator(f'{POINT}[data-geo-id="{second}"]').first).to_be_focused()
    shot(page, "keyboard-picked")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("geo-details")).to_have_count(0)
    settle(page)
    assert "Ringed" not in map_label(page)


def test_escape_clears_a_selection_made_with_the_mouse(page, server):
    _fixture_only(server)
    open_app(page, server[0], "?event=fx-kiel-frachter&lang=en")
    expect(page.get_by_test_id("geo-details")).to_be_visible()
    page.locator("h1").first.click()  # focus in the page, not in a field
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("geo-details")).to_have_count(0)
    expect(page).not_to_have_url(re.compile("event="))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_details_stand_beside_the_map_on_a_wide_screen(page, server, lang):
    _fixture_only(server)
    page.set_viewport_size({"width": 1366, "height": 768})
    open_app(page, server[0], f"?event=fx-ostsee-manoever&lang={lang}")
    details = page.get_by_test_id("geo-details")
    expect(details).to_be_visible()
    page.wait_for_timeout(300)
    m, d, t = (page.locator(MAP).first.bounding_box(), details.bounding_box(),
               page.locator(TIMELINE).first.bounding_box())
    assert d["x"] >= m["x"] + m["width"] - 1, f"details not right of the map: {d} {m}"
    assert m["y"] - 80 <= d["y"] <= m["y"] + 80, f"details not level with the map: {d} {m}"
    assert d["y"] < 768, "details below the first screen"
    assert t["x"] >= d["x"] + 100, "the timeline should stay beside them"
    shot(page, f"details-wide-{lang}")


def test_details_are_a_sheet_right_under_the_map_on_a_phone(page, server):
    _fixture_only(server)
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, server[0], "?lang=de")
    page.wait_for_timeout(300)
    m, t = page.locator(MAP).first.bounding_box(), page.locator(TIMELINE).first.bounding_box()
    # nothing picked: no sheet, the timeline follows the map
    assert page.get_by_text("Details zum Ereignis").first.is_hidden()
    assert t["y"] - (m["y"] + m["height"]) < 120, (m, t)
    page.goto(server[0] + "/?event=fx-ostsee-manoever&lang=de")
    settle(page)
    details = page.get_by_test_id("geo-details")
    expect(details).to_be_visible()
    page.wait_for_timeout(300)
    m, d, t = (page.locator(MAP).first.bounding_box(), details.bounding_box(),
               page.locator(TIMELINE).first.bounding_box())
    assert 0 <= d["y"] - (m["y"] + m["height"]) < 120, f"details not right under the map: {d} {m}"
    assert t["y"] > d["y"], "the timeline follows the sheet"
    sheet = page.locator(".st-key-geo-details-sheet").bounding_box()
    assert sheet["height"] <= 0.56 * 844 + 1, "the sheet scrolls instead of pushing the page"
    shot(page, "details-phone-sheet")
    page.get_by_role("button", name="Details schließen").click()
    expect(details).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_details_have_no_none_and_no_empty_labels(page, server, lang):
    _fixture_only(server)
    features = json.loads((FIXTURES / "events.geojson").read_text(encoding="utf-8"))["features"]
    for eid in [f["properties"]["id"] for f in features]:
        page.goto(server[0] + f"/?event={eid}&lang={lang}")
        settle(page)
        details = page.get_by_test_id("geo-details")
        expect(details).to_have_attribute("data-event-id", eid)
        text = details.inner_text()
        assert not re.search(r"\b(None|nan|NaT|null|undefined)\b", text), (eid, text)
        cells = details.locator("dt, dd").all_inner_texts()
        assert cells and all(c.strip() for c in cells), (eid, cells)
        assert "undated — undated" not in text and "ohne Datum — ohne Datum" not in text


def test_german_page_has_no_english_widget_words(page, server):
    open_app(page, server[0], "?lang=de")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first
    expect(box).to_have_attribute("placeholder", "Auswählen")
    box.click()
    page.keyboard.type("zzzzqq")
    expect(page.get_by_role("option").first).to_have_text("Keine Treffer")
    page.keyboard.press("Escape")
    field = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first
    field.click()
    page.keyboard.type("ab")
    expect(page.get_by_test_id("InputInstructions")).to_have_text("Mit Enter übernehmen")
    english = page.evaluate("""() => {
      const words = /^(Choose options?|No results|Open|Fullscreen|Box Select|Lasso Select|Reset axes|Pan|Zoom|Zoom in|Zoom out|Map|Toggle attribution|Link to heading|Collapse sidebar|Press Enter to apply)$|start date$|end date$|— (start|end)$|^(year|month|day), /;
      const out = [];
      for (const el of document.querySelectorAll('[aria-label], [title], [data-title], [placeholder]'))
        for (const a of ['aria-label', 'title', 'data-title', 'placeholder'])
          if (el.hasAttribute(a) && words.test(el.getAttribute(a))) out.push(a + '=' + el.getAttribute(a));
      return out;
    }""")
    assert not english, english


def test_timeline_tooltip_names_the_date_once(page, server):
    _fixture_only(server)
    open_app(page, server[0], "?lang=en")
    x, y = where_on_timeline(page, "fx-kiel-frachter", "scatter")
    page.mouse.move(x, y)
    hover = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    expect(hover).to_contain_text("Am 14. März 2023")
    assert "2023-03-14" not in hover.text_content()
    x, y = where_on_timeline(page, "fx-ostsee-manoever", "bar", 0.2)
    page.mouse.move(x, y)
    expect(hover).to_contain_text("Im Herbst 2023")
    assert "2023-09-01" not in hover.text_content()


def test_german_review_page_has_no_english_widget_words(page, server):
    page.goto(server[0] + "/review?lang=de")
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    field = page.locator('[data-testid="stMain"] [data-testid="stTextInput"] input').first
    field.click()
    page.keyboard.type("ab")
    expect(page.get_by_test_id("InputInstructions").first).to_have_text("Mit Enter übernehmen")
