"""Tablet widths (641-1099 px: map and timeline side by side, details on a row under them, with
and without the sidebar) and the date field's calendar in the interface's language.
Assertions read boxes and text the page states, not pixels.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_dashboard_browser import MAP, TIMELINE, open_app, settle, shot

pytestmark = pytest.mark.browser

# Visible things cut short: a label's text wider than its box (a button's "Clear s…"), or a
# widget reaching past the right edge of the main area. The table scrolls on purpose.
_CLIPPED = """() => {
  const main = document.querySelector('[data-testid="stMain"]'), right = main.getBoundingClientRect().right;
  const out = [];
  for (const el of main.querySelectorAll('[data-testid="stMarkdownContainer"], [data-testid^="st"], [data-testid^="geo-"]')) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || el.closest('[data-testid="stDataFrame"]')) continue;
    const cuts = ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    if (cuts && el.scrollWidth > el.clientWidth + 1) out.push(['cut', el.innerText.slice(0, 40), el.scrollWidth, el.clientWidth]);
    else if (r.right > right + 1) out.push(['outside', el.getAttribute('data-testid'), Math.round(r.right), Math.round(right)]);
  }
  return out;
}"""
_MONTHS = {"en": ["January", "February", "March", "May", "June", "July", "October", "December"],
           "de": ["Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember"]}


# The count line's box against the buttons of the map's toolbar, which Streamlit shows on hover
# in the band above the map (fullscreen, and clear selection once something is picked). Returns
# {line, buttons, hits}: boxes as [left, top, right, bottom], hits the buttons over the line.
_TOOLBAR_OVER_COUNT = """(map) => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const cap = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .find(e => /(showing|zeige) [\\d.,]+ (of|von) [\\d.,]+/.test(e.innerText));
  const line = box(cap.querySelector('p') || cap);
  const buttons = [...map.closest('.stElementContainer').querySelectorAll('[data-testid="stElementToolbar"] button')].map(box);
  const hits = buttons.filter(b => b[0] < line[2] && line[0] < b[2] && b[1] < line[3] && line[1] < b[3]);
  return {line, buttons, hits};
}"""


def toolbar_over_count_line(page: Page) -> dict:
    """Point at the map, so Streamlit shows its toolbar; the count line's and the buttons' boxes.
    Before the hover the toolbar waits, transparent, 24 px lower, over the map's top edge. The
    pointer moves without Playwright's hover (its checks retried for 20 s on a loaded machine)."""
    chart = page.locator(MAP).first
    box = chart.bounding_box(timeout=60_000)  # a starved renderer answered late (load 15)
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] / 2)
    toolbar = chart.locator('xpath=ancestor::*[contains(@class, "stElementContainer")][1]'
                            ' >> [data-testid="stElementToolbar"]').first
    expect(toolbar).to_have_css("opacity", "1")  # it has faded in, and moved up
    return chart.evaluate(_TOOLBAR_OVER_COUNT)


def _fixture_only(server) -> None:
    if server[2] != "fixture":
        pytest.skip("this test names events of the synthetic fixture")


@pytest.mark.parametrize("width,height,lang", [(768, 1024, "en"), (1024, 768, "de"), (641, 900, "de"), (1099, 800, "en")])
def test_tablet_widths_show_both_views_side_by_side_and_cut_nothing(page, server, width, height, lang):
    _fixture_only(server)
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server[0], f"?event=fx-ostsee-manoever&lang={lang}")
    details = page.get_by_test_id("geo-details")
    expect(details).to_be_visible()
    page.wait_for_timeout(300)
    m, t = page.locator(MAP).first.bounding_box(), page.locator(TIMELINE).first.bounding_box()
    # map and timeline beside each other, each a real share of the page, both on the first screen
    assert abs(m["y"] - t["y"]) < 40 and t["x"] >= m["x"] + m["width"] - 1, (m, t)
    assert 0.8 < m["width"] / t["width"] < 1.25 and m["width"] >= 250, (m, t)
    assert m["y"] + 200 <= height and t["y"] + 200 <= height, (m, t)
    # the details take a row of their own under both, as wide as the page
    d = details.bounding_box()
    assert d["y"] >= max(m["y"] + m["height"], t["y"] + t["height"]) - 1, (d, m, t)
    assert d["width"] >= 0.95 * (t["x"] + t["width"] - m["x"]), (d, m, t)
    # nothing cut short, anywhere down the page (buttons, lists, downloads)
    clipped = page.evaluate(_CLIPPED)
    assert not clipped, clipped
    shot(page, f"tablet-{width}x{height}-{lang}")


def test_at_1024x768_with_the_sidebar_open_the_timeline_has_room_to_read(page, server):
    """724 px are left beside the sidebar: the timeline took 274 px of them, its plot 154 px
    beside the English lane names (the seed corpus), about 115 px beside German ones. Less
    padding, the larger share of the row and long lane names on two lines: 373 px, its plot
    279 px in English, about 250 px in German."""
    page.set_viewport_size({"width": 1024, "height": 768})
    open_app(page, server[0], "?lang=de")
    page.wait_for_timeout(300)
    assert page.get_by_test_id("stSidebar").bounding_box()["width"] >= 250, "the sidebar is open"
    m, t = page.locator(MAP).first.bounding_box(), page.locator(TIMELINE).first.bounding_box()
    plot = page.locator(f"{TIMELINE} .nsewdrag").first.bounding_box()
    assert t["width"] >= 360 and plot["width"] >= 230, (t, plot)
    assert t["width"] > m["width"] >= 280, (m, t)
    assert abs(m["y"] - t["y"]) < 40 and m["y"] + 200 <= 768 and t["y"] + 200 <= 768, (m, t)
    assert t["x"] + t["width"] <= 1024 - 8, "nothing reaches past the page's right edge"
    ticks = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .xtick text')].map(t => t.textContent)")
    assert ticks and all(re.fullmatch(r"\d{4}", x) for x in ticks), ticks  # four years: a tick a year
    shot(page, "tablet-1024x768-timeline")


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_maps_toolbar_leaves_the_count_line_readable(page, server, width, height, lang):
    """Streamlit draws the map's toolbar in the band above the map, where the count line stood:
    its buttons hid the line's end ("0 ohne Or…" in the 10k screenshot). The line must keep
    that band free at any length, so its box, not only its text, stays clear of the buttons."""
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server[0], f"?lang={lang}")
    seen = toolbar_over_count_line(page)
    assert seen["buttons"], "the map has no toolbar"
    assert not seen["hits"], seen
    shot(page, f"count-line-toolbar-{lang}-{width}")


@pytest.mark.parametrize("lang,browser_locale", [("de", "en-US"), ("en", "de-DE")])
def test_date_calendar_speaks_the_interface_language_not_the_browsers(browser, server, lang, browser_locale):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale=browser_locale)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server[0] + f"/?lang={lang}")
        settle(page)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        page.wait_for_function("() => window.__geoWords && window.__geoWords.installed")  # its script loaded
        page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"] button').first.click()
        calendar = page.get_by_role("dialog").first
        # Whole words: "Januar" is also the start of "January", so the wait would end before the
        # page's script has translated the calendar (seen under load in CI).
        expect(calendar).to_contain_text(re.compile(r"\b(" + "|".join(_MONTHS[lang]) + r")\b"))
        other = "de" if lang == "en" else "en"
        expect(calendar).not_to_contain_text(re.compile(r"\b(" + "|".join(_MONTHS[other]) + r")\b"))
        text = calendar.inner_text()
        assert not re.search(r"\b(" + "|".join(_MONTHS[other]) + r")\b", text), text
        if lang == "de":  # the calendar's own words too, and the field's dates day first
            assert "Zeitraum" in text and "Date range" not in text, text
            expect(page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').first).to_contain_text(
                re.compile(r"\d\d\s*\.\s*\d\d\s*\.\s*\d{4}"))
        shot(page, f"calendar-{lang}")
    finally:
        context.close()


# English words Streamlit, react-aria and plotly.js write into the calendar, the date field and
# the timeline themselves (month names only where German spells them otherwise).
_ENGLISH = re.compile(r"\b(Choose|Previous|Next|Past|Selected|Clear|January|February|March|May|June|July|"
                      r"October|December|Mar|May|Jun|Jul|Oct|Dec)\b")
_WORDS = """(sel) => {
  const out = [];
  for (const root of document.querySelectorAll(sel)) {
    const all = [root, ...root.querySelectorAll('*')];
    for (const el of all) {
      if (el.closest('[data-geo-id]')) continue;  // the events' own (document) words
      for (const a of ['aria-label', 'aria-valuetext', 'title', 'data-title', 'placeholder'])
        if (el.getAttribute(a)) out.push(el.getAttribute(a));
      for (const n of el.childNodes) if (n.nodeType === 3 && n.nodeValue.trim()) out.push(n.nodeValue.trim());
    }
  }
  return out;
}"""


def test_calendar_and_timeline_say_everything_in_german_screen_reader_words_too(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        # a one-year window: the timeline's ticks are months
        page.goto(server[0] + "/?lang=de&win_from=2023-01-01&win_to=2023-12-31")
        settle(page)
        page.wait_for_function("() => window.__geoWords && window.__geoWords.installed")
        field = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').first
        field.locator("button").first.click()
        calendar = page.get_by_role("dialog").first
        # the heading a screen reader announces, and the month buttons
        expect(calendar.locator("h2").first).to_have_text(re.compile(r"^Zeitraum wählen, \w+ \d{4}$"))
        expect(calendar.get_by_role("button", name="Vorheriger Monat")).to_have_count(1)
        expect(calendar.get_by_role("button", name="Nächster Monat")).to_have_count(1)
        calendar.get_by_role("button", name="Zeitraum schnell wählen").click()
        options = page.get_by_test_id("stDateInputQuickSelectPopover").get_by_role("option")
        expect(options.first).to_have_text(re.compile(r"^Letzte"))
        seen = page.evaluate(_WORDS, '[role="dialog"], [data-testid="stDateInputQuickSelectPopover"]')
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
        settle(page)
        # the date field's segments and descriptions (Streamlit writes them in en-US)
        seen += page.evaluate(_WORDS, '[data-testid="stSidebar"] [data-testid="stDateInput"], [id^="react-aria-description"]')
        descriptions = page.evaluate("() => [...document.querySelectorAll('[id^=react-aria-description]')].map(e => e.textContent)")
        assert any(d.startswith("Ausgewähltes Datum: 1. Januar 2021") for d in descriptions), descriptions
        # the time window and the timeline: labels, ticks, toolbar, text alternative
        seen += page.evaluate(_WORDS, '[data-testid="stMain"] [data-testid="stSlider"], [data-testid="stPlotlyChart"]')
        ticks = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .xtick text')].map(t => t.textContent)")
        assert ticks and all(re.fullmatch(r"(Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}", x)
                             for x in ticks), ticks
        english = sorted({w for w in seen if _ENGLISH.search(w)})
        assert not english, english
        assert "01.01.2023" in seen, "the time window's dates are written day first"
        shot(page, "calendar-timeline-de")
    finally:
        context.close()
