"""Browser fixtures: a real `streamlit run` server on a free port and a headless Chromium page.

Env: GEO_BROWSER_EVENTS points the server at another events file (default: the synthetic
fixture); CI set turns a missing browser into a failure instead of a skip.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest

from bench.server import CHROMIUM, CHROMIUM_ARGS
from bench.server import streamlit_server as _serve

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
COUNT_RE = re.compile(r"(showing|zeige) ([\d.,]+) (of|von) ([\d.,]+)")  # counts grouped: 10,000 / 10.000


def whole(digits: str) -> int:
    """A count as the count line writes it ("10,000", "10.000") as a number."""
    return int(re.sub(r"[.,]", "", digits))


def grouped(n: int) -> str:
    """A regex for `n` as either language groups it."""
    from dashboard.i18n import number

    return "(?:" + "|".join(re.escape(number(n, lang)) for lang in ("en", "de")) + ")"


def pytest_collection_modifyitems(items):
    """Every test in this folder drives chromium: mark it `browser`, so `-m "not browser"` (the fast
    suite) leaves out the files that forgot their own `pytestmark`."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextlib.contextmanager
def streamlit_server(events: str | Path, log_dir: Path, extra_env: dict | None = None):
    """The dashboard on `events` (see bench/server.py); yield (base_url, log_path)."""
    log_path = Path(log_dir) / "streamlit.log"
    env = dict(extra_env or {})
    if not (ROOT / "geo" / "ref" / "countries.geojson").exists():
        env.setdefault("GEO_OUTLINE", str(FIXTURES / "outline.geojson"))
    stack = contextlib.ExitStack()
    try:  # only a failed start becomes a test failure; errors in the test body pass through
        base, _proc = stack.enter_context(_serve(events, log_path, extra_env=env))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    with stack:
        yield base, log_path


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Start the dashboard; yield (base_url, log_path, "fixture" or "custom"); stop it at the end."""
    custom = os.environ.get("GEO_BROWSER_EVENTS")
    events = custom or str(FIXTURES / "events.geojson")
    if not Path(events).exists():
        _missing(f"events file {events} does not exist")
    with streamlit_server(events, tmp_path_factory.mktemp("server")) as (base, log_path):
        yield base, log_path, "custom" if custom else "fixture"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        _missing(f"chromium not found at {CHROMIUM}")
    from playwright.sync_api import expect, sync_playwright

    # A rerun can take longer than expect's default 5 s on 2 busy cores (seen at load ~10: a
    # 10k-event rerun, Escape's clear); every wait stays bounded.
    expect.set_options(timeout=20_000)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server, request):
    """A fresh page at 1400x1000 (tests may resize); the server log is attached on failure."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-FAILED.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)
    if rep.when == "call" and rep.failed and "server" in item.fixturenames:
        log = item.funcargs["server"][1]
        rep.sections.append(("streamlit server log", Path(log).read_text()[-8000:]))
