"""axe-core in chromium: no serious or critical finding on the dashboard, the review page and
the exported embed, in German and English, at desktop and phone sizes.

axe-core is vendored (tests/browser/vendor/axe.min.js, MPL-2.0, see vendor/README.md), so
the check needs no network. Besides every serious or critical finding, a skipped heading
level and content outside landmarks fail too (moderate in axe, but named in issue 13); other
moderate or minor findings are printed when a test fails and do not fail it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.export_fixture import collection

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
FAILING = ("serious", "critical")
FAILING_RULES = ("heading-order", "landmark-one-main", "region")
DESKTOP, PHONE = {"width": 1400, "height": 1000}, {"width": 390, "height": 844}


def axe_findings(page) -> list[dict]:
    """axe-core's violations on the page as it stands: impact, rule, help and the first nodes."""
    page.evaluate(AXE)  # evaluated by the driver, so a page's Content-Security-Policy does not block it
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"impact": v["impact"], "rule": v["id"], "help": v["help"],
             "nodes": [(n["target"], n["html"][:200], (n.get("failureSummary") or "")[:300]) for n in v["nodes"][:3]]}
            for v in result["violations"]]


def assert_no_serious(page, where: str) -> None:
    findings = axe_findings(page)
    serious = [f for f in findings if f["impact"] in FAILING or f["rule"] in FAILING_RULES]
    assert not serious, f"{where}: axe-core found {len(serious)} problem(s) that must not be there:\n" + "\n".join(
        f"- [{f['impact']}] {f['rule']}: {f['help']}\n    {f['nodes']}" for f in findings)


def _streamlit_page(browser, url: str, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    return context, page


def test_axe_finds_what_it_should_on_a_page_built_to_fail(browser):
    """The check itself can fail: grey-on-white text and a link inside a button are caught."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content('<html lang="en"><body><main><h1>x</h1><p style="color:#aaa">faint text</p>'
                         '<div role="button" tabindex="0">pick <a href="#a">nested</a></div></main></body></html>')
        rules = {f["rule"] for f in axe_findings(page) if f["impact"] in FAILING}
        assert {"color-contrast", "nested-interactive"} <= rules
    finally:
        context.close()


@pytest.mark.parametrize("lang,viewport,event", [
    ("en", DESKTOP, None),
    ("de", DESKTOP, "fx-kiel-frachter"),  # the details panel open: its headings and links
    ("en", PHONE, "fx-kiel-frachter"),
    ("de", PHONE, None),
], ids=["en-desktop", "de-desktop-details", "en-phone-details", "de-phone"])
def test_the_dashboard_has_no_serious_axe_finding(browser, server, lang, viewport, event):
    base = server[0]
    url = f"{base}/?lang={lang}" + (f"&event={event}" if event else "")
    context, page = _streamlit_page(browser, url, viewport)
    try:
        page.wait_for_selector(".js-plotly-plot .main-svg")  # the timeline is drawn
        if event:
            page.get_by_test_id("geo-details").wait_for()
        assert_no_serious(page, url)
    finally:
        context.close()


@pytest.mark.parametrize("lang,viewport", [("en", DESKTOP), ("de", DESKTOP), ("de", PHONE)],
                         ids=["en-desktop", "de-desktop", "de-phone"])
def test_the_review_page_has_no_serious_axe_finding(browser, server, lang, viewport):
    url = f"{server[0]}/review?lang={lang}"
    context, page = _streamlit_page(browser, url, viewport)
    try:
        page.get_by_test_id("stDataFrame").wait_for()
        page.get_by_test_id("stForm").wait_for()  # the document form
        assert_no_serious(page, url)
    finally:
        context.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from dashboard.export import export_all

    out = {}
    for lang in ("de", "en"):
        out[lang] = tmp_path_factory.mktemp(f"axe-embed-{lang}")
        export_all(collection(), out[lang], title="Barrierefreiheit", lang=lang)
    return out


@pytest.mark.parametrize("lang,name,viewport,pick", [
    ("de", "embed.html", DESKTOP, None),
    ("de", "embed.html", DESKTOP, "#timeline .mark[data-id=ev_a]"),  # an event picked: its details shown
    ("en", "embed.html", PHONE, "#map .mark[data-id=ev_c]"),
    ("de", "map.html", DESKTOP, None),
    ("en", "timeline.html", DESKTOP, None),
], ids=["de-embed", "de-embed-picked", "en-embed-phone-picked", "de-map", "en-timeline"])
def test_the_exported_embed_has_no_serious_axe_finding(browser, exported, lang, name, viewport, pick):
    context = browser.new_context(viewport=viewport, locale="en-US")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                  else route.abort())  # offline, as a reader's disk copy would be
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto((exported[lang] / name).as_uri())
        page.wait_for_function("document.documentElement.classList.contains('js')")  # the embed's script ran
        page.locator("svg").first.wait_for()
        if pick:
            page.click(pick)
            page.wait_for_function("document.body.dataset.selected !== ''")
        assert_no_serious(page, f"{lang}/{name}" + (f" with {pick} picked" if pick else ""))
    finally:
        context.close()


def test_the_vendored_axe_core_is_the_one_its_readme_names():
    import hashlib
    import re

    readme = (Path(__file__).parent / "vendor" / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((Path(__file__).parent / "vendor" / "axe.min.js").read_bytes()).hexdigest()
    assert f"sha256 `{digest}`" in readme
    version = re.search(r"axe-core@([0-9.]+)", readme).group(1)
    assert AXE.startswith(f"/*! axe v{version}")
    assert (Path(__file__).parent / "vendor" / "axe-core.LICENSE").read_text().startswith("Mozilla Public License")
