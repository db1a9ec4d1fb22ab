"""An editor corrects a document's publication date on the review page, in chromium, in
German and in English: the curation file gets a document row, the loader rebuilds, and the
page then shows the date as curated and the document's "am Montag" dated from it.
"""
from __future__ import annotations

import csv

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import streamlit_server
from tests.conftest import run_loader

pytestmark = pytest.mark.browser

BRAND = "Großbrand in Rostock\n\nAm Montag brannte in Rostock eine Lagerhalle nieder. Die Feuerwehr war mit 80 Kräften im Einsatz.\n"
WORDS = {  # what the page says, per interface language
    "en": {"published": "Publication date (YYYY-MM-DD)", "save": "Save document and rebuild", "saved": "Saved 1 change(s).",
           "no_reference": "No reference date", "undated": "undated",
           "reference": "Relative dates are read against 2024-06-05 (publication date).", "curated": "Curated: Published"},
    "de": {"published": "Erscheinungsdatum (JJJJ-MM-TT)", "save": "Dokument speichern und neu erzeugen",
           "saved": "1 Änderung(en) gespeichert.", "no_reference": "Kein Bezugsdatum", "undated": "ohne Datum",
           "reference": "Relative Angaben gelten ab 2024-06-05 (Erscheinungsdatum).", "curated": "Kuratiert: Erschienen"},
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_editor_sets_a_documents_publication_date_and_sees_it_applied(browser, tmp_path, lang):
    words = WORDS[lang]
    docs, events, curation = tmp_path / "docs", tmp_path / "out" / "events.geojson", tmp_path / "out" / "curation.csv"
    docs.mkdir()
    (docs / "brand.txt").write_text(BRAND, encoding="utf-8")
    proc = run_loader(docs, "--out", events, "--quiet", timeout=120)
    assert proc.returncode == 0, proc.stderr
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    env = {"GEO_CURATION": str(curation), "GEO_INPUTS": str(docs)}
    try:
        with streamlit_server(events, tmp_path, extra_env=env) as (base, log):
            page.goto(f"{base}/review?lang={lang}")
            page.wait_for_selector('[data-test-script-state="notRunning"]')
            expect(page.get_by_text(words["no_reference"])).to_be_visible()
            listed = page.get_by_test_id("stText").filter(has_text="Brand in Rostock")
            expect(listed).to_contain_text(f"{words['undated']} · Brand in Rostock")

            page.get_by_label(words["published"]).fill("2024-06-05")
            page.get_by_role("button", name=words["save"]).click()
            expect(page.get_by_text(words["saved"])).to_be_visible(timeout=90_000)  # the loader ran
            expect(page.get_by_text(words["reference"])).to_be_visible()
            expect(page.get_by_text(words["curated"])).to_be_visible()
            expect(listed).to_contain_text("2024-06-03 · Brand in Rostock")  # "Am Montag" before 5 June 2024
            expect(page.get_by_label(words["published"])).to_have_value("2024-06-05")
            assert "Traceback" not in log.read_text()
        with open(curation, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert [(r["action"], r["document"], r["published"]) for r in rows] == [("document", "brand.txt", "2024-06-05")]
    finally:
        context.close()
