"""The story embed in chromium with the network off: every request that is not a file or
localhost is aborted and recorded, and none may be attempted. Filters change the events shown,
selection works both ways, the host page receives the embed's height, and without JavaScript
the PNG fallback shows."""
import pytest
from playwright.sync_api import expect

from dashboard.export import export_all
from tests.browser.conftest import ARTIFACTS
from tests.export_fixture import collection

EMBED_PAGES = [("embed.html", ["map", "timeline"]), ("map.html", ["map"]), ("timeline.html", ["timeline"])]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("embed")
    export_all(collection(), out, title="Offline-Test", lang="de")
    # a news site's article with the snippet pasted into it, beside the embed as on a CDN
    snippet = (out / "embed-snippet.html").read_text(encoding="utf-8")
    (out / "host.html").write_text(
        "<!doctype html><html lang='de'><head><meta charset='utf-8'><title>Artikel</title></head>"
        f"<body style='margin:0'><p>Vorspann des Artikels.</p>{snippet}<p>Weiter im Text.</p></body></html>",
        encoding="utf-8")
    return out


@pytest.fixture
def offline(browser):
    """A context that lets only file:// and localhost through; yields (new_context, attempts)."""
    attempts, contexts = [], []

    def guard(route):
        url = route.request.url
        if url.startswith("file://") or url.startswith(("http://127.0.0.1", "http://localhost")):
            return route.continue_()
        attempts.append(url)
        return route.abort()

    def make(**kwargs):
        ctx = browser.new_context(**{"viewport": {"width": 1300, "height": 900}, **kwargs})
        ctx.route("**/*", guard)
        contexts.append(ctx)
        return ctx

    yield make, attempts
    for ctx in contexts:
        ctx.close()


def _open(make, path, **kwargs):
    page = make(**kwargs).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(path.as_uri())
    page.wait_for_function("document.documentElement.classList.contains('js')")
    return page, errors


@pytest.mark.parametrize("name, views", EMBED_PAGES)
def test_exported_pages_render_with_the_network_blocked(offline, exported, name, views):
    make, attempts = offline
    page, errors = _open(make, exported / name)
    for view in views:
        expect(page.locator(f"#{view} svg .mark").first).to_be_visible()
    expect(page.locator("#status")).to_have_text("4 von 4 Ereignissen")
    expect(page.locator("#legend")).to_contain_text("Truppenverlegung")  # a label, not 'deployment'
    expect(page.locator(".source")).to_have_text("Quelle: Testblatt · Stand: 1. Mai 2025")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"export-offline-{name}.png"), full_page=True)
    assert attempts == [] and errors == []


def _visible_marks(page, view):
    return page.eval_on_selector_all(f"#{view} .mark", "ms => ms.filter(m => m.style.display !== 'none')"
                                                       ".map(m => m.dataset.id).sort()")


def test_the_actor_and_source_filters_change_the_visible_events(offline, exported):
    make, attempts = offline
    page, errors = _open(make, exported / "embed.html")
    assert _visible_marks(page, "map") == ["ev_a", "ev_b", "ev_c", "ev_d"]
    page.select_option("#f-actor", label="Agency B (1)")
    expect(page.locator("#status")).to_have_text("1 von 4 Ereignissen")
    assert _visible_marks(page, "map") == ["ev_b"] and _visible_marks(page, "timeline") == ["ev_b"]
    expect(page.locator("#undated")).to_be_empty()  # the undated event is filtered out of its list too
    page.select_option("#f-actor", label="Agency A (3)")
    assert _visible_marks(page, "map") == ["ev_a", "ev_c", "ev_d"]
    expect(page.locator("#undated")).to_contain_text("Undatiertes Ereignis")
    page.select_option("#f-source", label="Report X (4)")
    assert page.evaluate("document.body.dataset.visible") == "ev_a,ev_c,ev_d"
    page.select_option("#f-actor", index=0)
    expect(page.locator("#status")).to_have_text("4 von 4 Ereignissen")
    assert attempts == [] and errors == []


def test_a_timeline_click_selects_on_the_map_and_shows_details(offline, exported):
    make, attempts = offline
    page, errors = _open(make, exported / "embed.html")
    before = page.get_attribute("#map svg", "viewBox")
    page.click("#timeline .mark[data-id=ev_a]")
    page.wait_for_function("document.body.dataset.selected === 'ev_a'")
    expect(page.locator("#map .mark[data-id=ev_a]")).to_have_class("mark selected")
    expect(page.locator("#map .mark[data-id=ev_c]")).to_have_class("mark dim")
    expect(page.locator("#details")).to_contain_text("Ein Zitat.")
    expect(page.locator("#details")).to_contain_text("Ein Artikel · Testblatt")
    x, y, w, h = map(float, page.get_attribute("#map svg", "viewBox").split())
    assert page.get_attribute("#map svg", "viewBox") != before
    ev_x = page.evaluate("JSON.parse(document.getElementById('geo-data').textContent).events[0].x")
    assert x < ev_x < x + w  # the map now frames the selected event
    page.screenshot(path=str(ARTIFACTS / "export-offline-selected.png"), full_page=True)
    page.keyboard.press("Escape")
    page.wait_for_function("document.body.dataset.selected === ''")
    assert page.get_attribute("#map svg", "viewBox") == before
    assert attempts == [] and errors == []


def test_a_map_click_selects_on_the_timeline_and_keys_work(offline, exported):
    make, attempts = offline
    page, errors = _open(make, exported / "embed.html")
    page.click("#map .mark[data-id=ev_c]")
    page.wait_for_function("document.body.dataset.selected === 'ev_c'")
    expect(page.locator("#timeline .mark[data-id=ev_c]")).to_have_class("mark span selected")
    expect(page.locator("#details h2")).to_have_text("Angriff auf See")
    page.click("#clear")
    page.wait_for_function("document.body.dataset.selected === ''")
    page.focus("#timeline .mark[data-id=ev_b]")  # keyboard: marks are focusable buttons
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.selected === 'ev_b'")
    expect(page.locator("#map .area.selected")).to_have_count(1)
    page.click("#undated button[data-id=ev_d]")  # the undated event, from its list
    page.wait_for_function("document.body.dataset.selected === 'ev_d'")
    expect(page.locator("#map .mark[data-id=ev_d]")).to_have_class("mark selected")
    assert attempts == [] and errors == []


def test_the_host_page_receives_the_height_and_resizes_the_iframe(offline, exported):
    make, attempts = offline
    page = make().new_page()
    page.goto((exported / "host.html").as_uri())
    frame = page.frame_locator("iframe[data-geo-embed]")
    expect(frame.locator("#map svg .mark").first).to_be_visible()
    page.wait_for_function("document.querySelector('iframe').style.height !== '700px'")
    inner = page.frames[1].evaluate("Math.ceil(document.getElementById('geo-embed').getBoundingClientRect().bottom)")
    wide = float(page.eval_on_selector("iframe", "f => f.getBoundingClientRect().height"))
    assert inner < wide <= inner + 20  # the whole embed shows, no scrollbar, no gap
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the views stack, the frame grows
    page.wait_for_function(f"document.querySelector('iframe').getBoundingClientRect().height > {wide + 100}")
    tall = page.frames[1].evaluate("Math.ceil(document.getElementById('geo-embed').getBoundingClientRect().bottom)")
    page.wait_for_function(f"document.querySelector('iframe').getBoundingClientRect().height >= {tall}")
    frame.locator("#timeline .mark[data-id=ev_a]").click()  # details open: the frame grows again
    page.wait_for_function(f"document.querySelector('iframe').getBoundingClientRect().height > {tall + 40}")
    page.screenshot(path=str(ARTIFACTS / "export-host-phone.png"), full_page=True)
    assert attempts == []


def test_without_javascript_the_png_fallback_shows(offline, exported):
    make, attempts = offline
    page = make(java_script_enabled=False).new_page()
    page.goto((exported / "embed.html").as_uri())
    img = page.locator("img.fallback")
    expect(img).to_be_visible()
    expect(img).to_have_attribute("alt", "Karte und Zeitleiste mit 4 Ereignissen")
    assert page.eval_on_selector("img.fallback", "i => i.complete && i.naturalWidth") == 1000
    expect(page.locator(".interactive")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "export-noscript.png"), full_page=True)
    assert attempts == []
