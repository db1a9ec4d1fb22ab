"""The exported embed works from disk with every network request blocked, and its
selection moves the map."""
import pytest

from dashboard.export import export_all
from tests.browser.conftest import ARTIFACTS
from tests.export_fixture import collection


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("embed")
    export_all(collection(), out, title="Offline-Test", lang="de")
    return out


def _open_offline(browser, path):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    requests = []

    def guard(route):
        requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            return route.continue_()
        return route.abort()

    page.route("**/*", guard)
    page.goto(path.as_uri())
    return context, page, requests


@pytest.mark.parametrize("name, charts", [("embed.html", ["map", "timeline"]), ("map.html", ["map"]), ("timeline.html", ["timeline"])])
def test_exported_pages_render_with_the_network_blocked(browser, exported, name, charts):
    context, page, requests = _open_offline(browser, exported / name)
    for chart in charts:
        page.wait_for_selector(f"#{chart} .main-svg", timeout=20_000)
    assert [u for u in requests if not u.startswith("file://")] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"export-offline-{name}.png"))
    context.close()


def test_clicking_the_timeline_moves_the_map_and_shows_the_quote(browser, exported):
    context, page, _ = _open_offline(browser, exported / "embed.html")
    page.wait_for_selector("#timeline .main-svg", timeout=20_000)
    page.wait_for_selector("#map .main-svg", timeout=20_000)
    before = page.evaluate("document.getElementById('map').layout.xaxis.range.slice()")
    # the one day event (ev_a, a diamond at 2025-04-07) is a real plotly point on the timeline
    point = page.locator("#timeline .scatterlayer path.point").first
    point.click(force=True)
    page.wait_for_function("document.body.dataset.selected === 'ev_a'", timeout=10_000)
    after = page.evaluate("document.getElementById('map').layout.xaxis.range.slice()")
    assert after != before
    assert 13.4 > after[0] and 13.4 < after[1]  # the map now frames the selected event
    assert "Ein Zitat." in page.inner_text("#details")
    page.screenshot(path=str(ARTIFACTS / "export-offline-selected.png"))
    page.click("#clear")
    page.wait_for_function("document.body.dataset.selected === ''", timeout=10_000)
    context.close()
