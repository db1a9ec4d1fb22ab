"""The review page shows loader and curation messages as text: a curation cell holding a
Markdown image or an HTML `<img>` pointing at a local listener must not make chromium
fetch it. The listener is first shown to count a real image fetch, so a zero means something.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import streamlit_server
from tests.export_fixture import collection

pytestmark = pytest.mark.browser


@pytest.fixture
def listener():
    """A loopback HTTP server that records every path asked of it; yields (base_url, paths)."""
    paths: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            paths.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", paths
    server.shutdown()
    server.server_close()


def test_a_curation_message_with_image_links_fetches_nothing(browser, listener, tmp_path):
    base_url, paths = listener
    markdown_image, html_image = f"![t]({base_url}/markdown.png)", f'<img src="{base_url}/html.png">'
    events, curation = tmp_path / "events.geojson", tmp_path / "curation.csv"
    events.write_text(json.dumps(collection()), encoding="utf-8")
    curation.write_text("event_id,action,date_start,event_type\n"
                        f"ev_a,edit,{markdown_image},\n"
                        f'ev_b,edit,,"{html_image.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.set_content(f'<img src="{base_url}/probe.png">')  # the listener does count a fetch
        page.wait_for_function("() => document.images[0].complete")
        assert paths == ["/probe.png"], paths
        with streamlit_server(events, tmp_path, extra_env={"GEO_CURATION": str(curation)}) as (base, log):
            page.goto(base + "/review")
            page.wait_for_selector('[data-test-script-state="notRunning"]')
            expect(page.get_by_text("The curation file has problems")).to_be_visible()
            message = page.get_by_test_id("stText").filter(has_text="row 2, field 'date_start'")
            expect(message).to_contain_text(markdown_image)  # the cell as written, as text
            expect(message).to_contain_text(html_image)
            page.wait_for_load_state("networkidle")
            assert page.locator(f'img[src^="{base_url}"]').count() == 0
            assert "Traceback" not in log.read_text()
        assert paths == ["/probe.png"], f"the review page fetched {paths[1:]}"
    finally:
        context.close()
