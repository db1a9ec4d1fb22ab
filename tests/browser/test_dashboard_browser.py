"""The dashboard in a real browser: render, filter, time selection, details, URL state, narrow screens.

Assertions read text the app writes (the "showing N of M" caption, the map's accessible
label, the details panel), not pixels. Every test leaves a screenshot in test-artifacts/.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, COUNT_RE, grouped, whole

MAP = '[data-testid="stDeckGlJsonChart"]'
TIMELINE = ".js-plotly-plot"
MARKERS = ".js-plotly-plot .scatterlayer .trace .points path"


def open_app(page: Page, base: str, query: str = "") -> None:
    page.goto(base + "/" + query)
    settle(page)
    # deck.gl on software WebGL can take a while on a busy 2-core machine
    expect(page.locator(f"{MAP} canvas").first).to_be_visible(timeout=30_000)
    expect(page.locator(TIMELINE).first).to_be_visible(timeout=30_000)


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def count(page: Page) -> tuple[int, int]:
    text = page.get_by_text(COUNT_RE).first.inner_text()
    m = COUNT_RE.search(text)
    return whole(m.group(2)), whole(m.group(4))


def expect_count(page: Page, shown: int, total: int) -> None:
    expect(page.get_by_text(COUNT_RE).first).to_contain_text(re.compile(rf"\b{grouped(shown)} (of|von) {grouped(total)}\b"))
    settle(page)


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def map_label(page: Page) -> str:
    return page.locator(MAP).first.get_attribute("aria-label") or ""


def timeline_label(page: Page) -> str:
    return page.locator('[data-testid="stPlotlyChart"]').first.get_attribute("aria-label") or ""


# Where an event is drawn on the timeline: (x, y) on the page of its bar ("bar") or marker
# ("scatter"), at `along` (0–1) of its width. Reads plotly's own data bound to the SVG nodes.
_WHERE = """([id, kind, along]) => {
  for (const p of document.querySelectorAll(
      '.js-plotly-plot .barlayer .trace .point path, .js-plotly-plot .scatterlayer .trace .points path')) {
    const tr = p.closest('.trace').__data__[0].trace, pt = p.__data__;
    const custom = tr.customdata && tr.customdata[pt.i];
    if (tr.type === kind && custom && custom[0] === id) {
      const r = p.getBoundingClientRect();
      return [r.x + r.width * along, r.y + r.height / 2];
    }
  }
  return null;
}"""
# The page x of a date on the timeline's axis.
_X_OF = """(day) => {
  const gd = document.querySelector('.js-plotly-plot'), xa = gd._fullLayout.xaxis;
  const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
  return box.x + xa.d2p(day);
}"""


def where_on_timeline(page: Page, event_id: str, kind: str, along: float = 0.5) -> tuple[float, float]:
    page.locator(TIMELINE).first.scroll_into_view_if_needed()
    xy = page.evaluate(_WHERE, [event_id, kind, along])
    assert xy, f"{event_id} is not drawn as a {kind} on the timeline"
    return xy


def test_map_canvas_and_timeline_render(page, server):
    open_app(page, server[0])
    total = count(page)[1]
    assert count(page) == (total, total)
    assert page.locator(MARKERS).count() > 0
    box = page.locator(f"{MAP} canvas").first.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200
    expect(page.get_by_test_id("geo-legend")).to_be_visible()
    shot(page, "render")


def test_choosing_an_actor_changes_count_map_and_timeline(page, server):
    open_app(page, server[0])
    total = count(page)[1]
    markers_before, label_before = page.locator(MARKERS).count(), map_label(page)
    actor_box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    actor_box.click()
    options = page.get_by_role("option").filter(has_text=re.compile(r"\(\d+\)$"))
    expect(options.first).to_be_visible()
    # pick the actor with the fewest events so the change is visible in every chart
    labels = options.all_inner_texts()
    fewest = min(labels, key=lambda s: int(re.search(r"\((\d+)\)$", s).group(1)))
    expected = int(re.search(r"\((\d+)\)$", fewest).group(1))
    page.keyboard.type(re.sub(r" \(\d+\)$", "", fewest))
    page.get_by_role("option", name=fewest, exact=True).click()
    page.keyboard.press("Escape")
    expect_count(page, expected, total)
    assert expected < total
    expect(page.locator(MARKERS)).not_to_have_count(markers_before)
    assert map_label(page) != label_before
    shot(page, "actor-filter")


def test_box_select_keeps_events_whose_interval_lies_inside_the_box(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    # The box's edges lie 4 and 5 days from events it must keep out or in: the timeline needs
    # some pixels per day, so a wide screen (beside it stand the map and the details panel).
    page.set_viewport_size({"width": 1920, "height": 1000})
    open_app(page, server[0])
    total = count(page)[1]
    label_before = map_label(page)
    plot = page.locator(TIMELINE).first
    plot.scroll_into_view_if_needed()
    plot.hover()
    page.locator('.modebar-btn[data-val="select"]').first.click()  # the toolbar's box select
    drag = page.locator(".js-plotly-plot .nsewdrag").first
    box = drag.bounding_box()
    # June 2023 to 5 January 2024 across all lanes: the June visit, autumn 2023 and December
    # 2023 lie inside; the 2021–2024 law merely overlaps and stays out.
    x0, x1 = page.evaluate(_X_OF, "2023-06-01"), page.evaluate(_X_OF, "2024-01-05")
    page.mouse.move(x0, box["y"] + 2)
    page.mouse.down()
    page.mouse.move(x1, box["y"] + box["height"] / 2, steps=5)
    page.mouse.move(x1, box["y"] + box["height"] - 2, steps=5)
    page.mouse.up()
    expect_count(page, 3, total)
    assert map_label(page) != label_before
    shot(page, "timeline-box-select")
    page.get_by_role("button", name=re.compile("Clear selection|Auswahl aufheben")).click()
    expect_count(page, total, total)


def test_clicking_a_timeline_bar_shows_details_and_rings_it_on_the_map(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    open_app(page, server[0])
    total = count(page)[1]
    # a quarter along the autumn-2023 bar: the bar itself, not the marker at its middle
    page.mouse.click(*where_on_timeline(page, "fx-ostsee-manoever", "bar", 0.25))
    details = page.get_by_test_id("geo-details")
    expect(details).to_have_attribute("data-event-id", "fx-ostsee-manoever")
    expect(details.locator("mark")).to_have_text(re.compile("übte die Marine"))
    settle(page)
    assert "Ringed: Deployment" in map_label(page)  # the map rings the same event
    assert count(page) == (total, total)  # a click picks; it does not filter
    shot(page, "timeline-click-details")
    # and a marker (a day event) works the same way
    page.mouse.click(*where_on_timeline(page, "fx-kiel-frachter", "scatter"))
    expect(details).to_have_attribute("data-event-id", "fx-kiel-frachter")
    settle(page)
    assert "Ringed: Investigation" in map_label(page)


def test_clicking_a_map_point_shows_details_and_rings_it_on_the_timeline(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    open_app(page, server[0], "?type=visit")  # one located event: the map centres on it
    expect_count(page, 1, count(page)[1])
    canvas = page.locator(f"{MAP} canvas").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    details = page.get_by_test_id("geo-details")
    # deck.gl picks from what it has drawn: on a loaded machine the first click can come before
    # the point is drawn, so click again (at most three times) until the details name it.
    for _ in range(3):
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            expect(details).to_have_attribute("data-event-id", "fx-gdansk-visit", timeout=7_000)
            break
        except AssertionError:
            settle(page)
    expect(details).to_have_attribute("data-event-id", "fx-gdansk-visit")
    settle(page)
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_have_attribute(
        "aria-label", re.compile("Ringed: Maria Beispiel visits Gdansk shipyard"))
    shot(page, "map-click-details")


def test_reset_clears_filters_selection_and_url_for_good(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    open_app(page, server[0], "?actor=Zoll&event=fx-rostock-razzia&win_from=2023-01-01&win_to=2024-06-30")
    total = count(page)[1]
    expect_count(page, 1, total)
    expect(page.get_by_test_id("geo-details")).to_be_visible()
    page.get_by_role("button", name=re.compile("Reset filters and selection")).click()
    expect_count(page, total, total)
    expect(page.get_by_test_id("geo-details")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"actor=|event=|win_from="))
    # the next interaction must not bring the old filters back from the browser's widget state
    page.get_by_text("by actor").click()
    expect(page).to_have_url(re.compile("lanes=actor"))
    settle(page)
    assert count(page) == (total, total)
    assert "actor=" not in page.url


def test_time_window_step_changes_the_map(page, server):
    open_app(page, server[0])
    total = count(page)[1]
    label_before = map_label(page)
    page.get_by_role("button", name=re.compile(r"^(Step|Schritt)")).click()
    expect(page.get_by_text(COUNT_RE).first).not_to_contain_text(re.compile(rf"\b{grouped(total)} (of|von) {grouped(total)}\b"))
    settle(page)
    assert count(page)[0] < total
    assert map_label(page) != label_before
    shot(page, "time-window-step")


def test_clicking_a_table_row_shows_its_quote(page, server):
    open_app(page, server[0])
    expect(page.get_by_test_id("geo-details")).to_have_count(0)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # glide-data-grid draws on a canvas: click the row-selection cell of the first data row
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    details = page.get_by_test_id("geo-details")
    expect(details).to_be_visible()
    settle(page)
    quote = details.locator("mark").first
    expect(quote).to_be_visible()
    assert len(quote.inner_text()) > 3
    details.scroll_into_view_if_needed()
    shot(page, "table-click-details")


def test_url_with_query_parameters_reopens_the_view(page, server):
    open_app(page, server[0])
    total = count(page)[1]
    # filter through the UI, then open the URL the app wrote in a fresh page
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option").filter(has_text=re.compile(r"\(\d+\)$")).first.click()
    page.keyboard.press("Escape")
    expect(page.get_by_text(COUNT_RE).first).not_to_contain_text(re.compile(rf"\b{grouped(total)} (of|von) {grouped(total)}\b"))
    settle(page)
    shown = count(page)[0]
    expect(page).to_have_url(re.compile(r"actor="))
    url = page.url + "&lang=de"
    other = page.context.new_page()
    other.goto(url)
    settle(other)
    expect(other.get_by_text(COUNT_RE).first).to_contain_text(re.compile(rf"zeige {grouped(shown)} von {grouped(total)}"))
    shot(other, "url-reopened")
    other.close()


def test_url_event_parameter_opens_details(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names an event of the synthetic fixture")
    open_app(page, server[0], "?event=fx-kiel-frachter&lang=en")
    details = page.get_by_test_id("geo-details")
    expect(details.locator("mark")).to_have_text("kontrollierte die Küstenwache einen Frachter vor Kiel")
    expect(details.get_by_test_id("geo-date")).to_have_text(
        "14 March 2023day, stated in the text · as written: “Am 14. März 2023”")
    expect(details.locator('a[href^="javascript"]')).to_have_count(0)
    details.scroll_into_view_if_needed()
    shot(page, "url-event-details")


def test_language_switch_gives_the_details_title_and_date_once_in_the_new_language(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names an event of the synthetic fixture")
    open_app(page, server[0], "?event=fx-ostsee-manoever&lang=en")
    details = page.get_by_test_id("geo-details")
    expect(details.locator("h3")).to_have_text("Deployment: Manöver in der Ostsee")
    expect(details.get_by_test_id("geo-date")).to_contain_text("autumn 2023 (1 September – 30 November 2023)")
    assert details.inner_text().count("Manöver in der Ostsee") == 1, details.inner_text()  # the title once
    page.get_by_test_id("stSidebar").get_by_text("Deutsch", exact=True).click()
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    # one heading, in German, and no second line repeating the document's title
    expect(details.locator("h3")).to_have_text("Manöver in der Ostsee")
    assert details.inner_text().count("Manöver in der Ostsee") == 1, details.inner_text()
    date = details.get_by_test_id("geo-date")
    expect(date).to_have_text("Herbst 2023 (1. September – 30. November 2023)"
                              "Jahreszeit, im Text genannt · laut Text: „Im Herbst 2023“")
    shot(page, "details-language-switch")


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_map_and_timeline_both_show_above_the_fold(page, server, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server[0])
    page.wait_for_timeout(500)  # let the page's phone CSS resize the map before measuring
    m = page.locator(MAP).first.bounding_box()
    t = page.locator(TIMELINE).first.bounding_box()
    assert m["y"] >= 0 and m["y"] + m["height"] <= height, f"map not on the first screen: {m}"
    assert t["y"] + 200 <= height, f"less than 200 px of the timeline on the first screen: {t}"
    assert m["width"] > 0.8 * (width if width < 640 else width / 3)
    # the page says what it is before the charts: title, intro, sources and date
    for test_id in ("geo-intro", "geo-sources"):
        box = page.get_by_test_id(test_id).bounding_box()
        assert box and box["y"] < m["y"], test_id
    shot(page, f"fold-{width}x{height}")


def test_tab_title_sources_and_no_none_anywhere(page, server):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    open_app(page, server[0], "?event=fx-hamburg-dementi&lang=en")
    assert page.title() == "What 3 news reports say happened, where and when"
    expect(page.get_by_test_id("geo-sources")).to_contain_text("Harbour Gazette")
    expect(page.get_by_test_id("geo-sources")).to_contain_text("as of 2 April 2024")
    expect(page.get_by_test_id("geo-sources").locator('a[href^="javascript"]')).to_have_count(0)
    expect(page.get_by_test_id("geo-legend")).to_contain_text("Dots are towns and sites")
    details = page.get_by_test_id("geo-details")
    expect(details).to_contain_text("undated")
    text = page.get_by_test_id("stMain").inner_text()
    assert "None" not in text and "undated — undated" not in text
    details.scroll_into_view_if_needed()
    shot(page, "details-undated")


def test_both_charts_visible_at_375_px(page, server):
    page.set_viewport_size({"width": 375, "height": 800})
    open_app(page, server[0])
    for selector in (f"{MAP} canvas", TIMELINE):
        el = page.locator(selector).first
        el.scroll_into_view_if_needed()
        expect(el).to_be_visible()
        box = el.bounding_box()
        assert box and 150 < box["width"] <= 375, (selector, box)
    m, t = page.locator(MAP).first.bounding_box(), page.locator(TIMELINE).first.bounding_box()
    assert t["y"] >= m["y"] + m["height"] - 1, "charts should stack on a narrow screen"
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "narrow-375")


def test_play_steps_the_time_window_until_paused(page, server):
    open_app(page, server[0])
    total = count(page)[1]
    page.get_by_role("button", name=re.compile(r"Play|Abspielen")).click()
    expect(page).to_have_url(re.compile(r"win_from="), timeout=15_000)
    first = re.search(r"win_from=([\d-]+)", page.url).group(1)
    expect(page).not_to_have_url(re.compile(rf"win_from={first}"), timeout=15_000)
    page.get_by_role("button", name=re.compile(r"Pause|Anhalten")).click()
    settle(page)
    assert count(page)[1] == total
    shot(page, "play")


@pytest.mark.parametrize("list_id,event_id,quote", [
    ("geo-undated", "fx-hamburg-dementi", "weist alle Vorwürfe zurück"),
    ("geo-unlocated", "fx-sanctions", "Sanctions against a shipping firm"),
])
def test_events_without_date_or_place_open_from_their_lists(page, server, list_id, event_id, quote):
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")
    open_app(page, server[0])
    total = count(page)[1]
    header = page.get_by_test_id(list_id)
    expect(header).to_contain_text("(1)")  # the same count as the caption's
    expect(page.get_by_text(COUNT_RE).first).to_contain_text(f"1 {'undated' if 'undated' in list_id else 'unlocated'}")
    page.locator(f".st-key-{list_id}-items").get_by_role("button").first.click()
    details = page.get_by_test_id("geo-details")
    expect(details).to_have_attribute("data-event-id", event_id)
    expect(details.locator("mark")).to_contain_text(quote)
    settle(page)
    assert count(page) == (total, total)
    shot(page, f"list-click-{list_id}")
