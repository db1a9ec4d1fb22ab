"""The review loop: least certain first, edits become curation rows, saves are not lost."""
import threading

import pytest

from dashboard.review import edits_to_rows, review_table, save_and_rebuild
from geo.curate import curation_lock, read_curation
from tests.export_fixture import collection


def _table():
    feats = collection()["features"]
    feats[2]["properties"]["confidence"] = 0.2
    return review_table(feats)


def test_the_least_certain_event_comes_first():
    assert _table().iloc[0]["id"] == "ev_c"


def test_changed_fields_become_one_edit_row_with_the_source():
    before = _table()
    after = before.copy()
    after.loc[after["id"] == "ev_a", ["title", "date_start", "source_url"]] = ["Korrigiert", "2025-04-08", "https://example.org/a"]
    rows = edits_to_rows(before, after, editor="kim")
    assert rows == [{"event_id": "ev_a", "editor": "kim", "source_url": "https://example.org/a", "action": "edit",
                     "title": "Korrigiert", "date_start": "2025-04-08"}]


def test_approve_and_reject_become_their_own_rows():
    before = _table()
    after = before.copy()
    after.loc[after["id"] == "ev_b", "approve"] = True
    after.loc[after["id"] == "ev_d", "reject"] = True
    actions = {(r["event_id"], r["action"]) for r in edits_to_rows(before, after)}
    assert actions == {("ev_b", "approve"), ("ev_d", "reject")}


def test_unchanged_table_gives_no_rows():
    assert edits_to_rows(_table(), _table()) == []


def test_a_save_during_a_loader_run_is_not_lost(seed_run, tmp_path):
    """The loader holds the curation lock while it reads curation and writes outputs; a
    save that waits for it is applied by the rebuild that follows."""
    curation, events = tmp_path / "curation.csv", tmp_path / "events.geojson"
    events.write_bytes(seed_run[2].read_bytes())
    target = seed_run[1]["features"][0]["properties"]["id"]
    row = {"event_id": target, "action": "edit", "title": "Vom Redakteur korrigiert", "source_note": "Telefonat"}
    results = {}
    with curation_lock(curation):  # a loader run is "in progress"
        t = threading.Thread(target=lambda: results.setdefault("proc", save_and_rebuild([row], curation_path=curation, events_path=events)))
        t.start()
        t.join(timeout=1.0)
        assert t.is_alive(), "the save must wait for the running loader"
    t.join(timeout=300)
    assert results["proc"].returncode == 0, results["proc"].stderr
    assert read_curation(curation)[0]["title"] == "Vom Redakteur korrigiert"
    import json

    titles = {f["properties"]["id"]: f["properties"]["title"] for f in json.loads(events.read_text(encoding="utf-8"))["features"]}
    assert titles[target] == "Vom Redakteur korrigiert"


def test_the_review_page_lists_events_least_certain_first(tmp_path, monkeypatch):
    import json

    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    events = tmp_path / "events.geojson"
    col = collection()
    col["features"][3]["properties"]["confidence"] = 0.1
    events.write_text(json.dumps(col), encoding="utf-8")
    monkeypatch.setenv("GEO_EVENTS", str(events))
    at = AppTest.from_file(str(ROOT / "dashboard" / "pages" / "review.py"), default_timeout=30).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["id"])[0] == "ev_d"
    assert any("0 change(s) pending" in m.value for m in at.markdown)
    assert at.button[0].disabled


# --- Loader and curation messages are text (issue 14) ---

IMAGE = "![t](http://127.0.0.1:9/x)"


def test_a_change_the_loader_would_refuse_is_not_saved(tmp_path):
    from geo.curate import CurationError, write_curation

    curation = tmp_path / "curation.csv"
    write_curation([{"event_id": "ev_a", "action": "approve"}], curation)
    before = curation.read_bytes()
    row = {"event_id": "ev_a", "action": "edit", "date_start": "2025-02-31"}
    with pytest.raises(CurationError, match=r"row 3, field 'date_start'"):
        save_and_rebuild([row], curation_path=curation, events_path=tmp_path / "events.geojson")
    assert curation.read_bytes() == before


def test_a_cleared_cell_is_empty_not_none():
    before = _table()
    after = before.copy()
    after["date_end"] = after["date_end"].astype(object)
    after.loc[after["id"] == "ev_d", "date_end"] = None  # undated: it was "" already
    assert edits_to_rows(before, after) == []


def test_the_review_page_shows_curation_problems_as_text(tmp_path, monkeypatch):
    import json

    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    events, curation = tmp_path / "events.geojson", tmp_path / "curation.csv"
    events.write_text(json.dumps(collection()), encoding="utf-8")
    curation.write_text(f"event_id,action,date_start\nev_a,edit,{IMAGE}\n", encoding="utf-8")
    monkeypatch.setenv("GEO_EVENTS", str(events))
    monkeypatch.setenv("GEO_CURATION", str(curation))
    at = AppTest.from_file(str(ROOT / "dashboard" / "pages" / "review.py"), default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The curation file has problems; the loader refuses it until they are fixed."]
    assert any(IMAGE in t.value and "row 2, field 'date_start'" in t.value for t in at.text)
    assert not [m.value for m in [*at.markdown, *at.error, *at.caption] if "http://127.0.0.1:9" in m.value]


# --- Documents and both languages (issue 13, part 4) ---

DOC = {"id": "doc.txt", "title": "Ein Artikel", "outlet": "Testblatt", "published": None, "language": "de"}


def test_a_documents_changed_fields_become_one_document_row():
    from dashboard.review import document_rows, document_values

    values = {**document_values(DOC), "published": "2025-05-01", "outlet": "Testblatt "}  # outlet unchanged
    assert document_rows(DOC, values, editor="kim") == [
        {"event_id": "", "action": "document", "document": "doc.txt", "editor": "kim", "published": "2025-05-01"}]


def test_an_unchanged_or_cleared_document_form_gives_no_row():
    from dashboard.review import document_rows, document_values

    assert document_rows(DOC, document_values(DOC)) == []
    assert document_rows(DOC, {**document_values(DOC), "outlet": ""}) == []


def test_a_changed_end_date_is_saved_with_its_start():
    """The curation file refuses an end without a start, so an edited end carries the start."""
    before = _table()
    after = before.copy()
    after.loc[after["id"] == "ev_b", "date_end"] = "2023-12-31"
    [row] = edits_to_rows(before, after)
    assert (row["date_start"], row["date_end"]) == ("2023-09-01", "2023-12-31")


def _review_page(tmp_path, monkeypatch, *, lang=None, col=None):
    import json

    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    events = tmp_path / "events.geojson"
    events.write_text(json.dumps(col or collection()), encoding="utf-8")
    monkeypatch.setenv("GEO_EVENTS", str(events))
    monkeypatch.setenv("GEO_CURATION", str(tmp_path / "curation.csv"))
    at = AppTest.from_file(str(ROOT / "dashboard" / "pages" / "review.py"), default_timeout=30)
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def _page_text(at) -> str:
    """Every heading, text, label and value on the page, one a line."""
    elements = [*at.title, *at.header, *at.subheader, *at.caption, *at.markdown, *at.text, *at.text_input,
                *at.button, *at.selectbox, *at.sidebar.radio]
    return "\n".join(str(getattr(e, k, "") or "") for e in elements for k in ("label", "value"))


def test_the_review_page_speaks_german_with_lang_de(tmp_path, monkeypatch):
    at = _review_page(tmp_path, monkeypatch, lang="de")
    assert not at.exception
    text = _page_text(at)
    for german in ("Prüfen", "Ereignisse, die unsichersten zuerst", "Dokumente", "Erscheinungsdatum (JJJJ-MM-TT)",
                   "0 Änderung(en) offen", "Dokument speichern und neu erzeugen", "Bearbeitet von"):
        assert german in text
    for english in ("Review", "pending", "Publication date", "Save", "Documents", "Editor"):
        assert english not in text, english
    at.sidebar.radio[0].set_value("en").run()
    text = _page_text(at)
    assert "Publication date (YYYY-MM-DD)" in text and "0 change(s) pending" in text and "Prüfen" not in text


def test_the_document_form_saves_a_document_row(tmp_path, monkeypatch):
    import subprocess

    import dashboard.review

    saved = []

    def fake_save(rows, **kw):
        saved.append(rows)
        return subprocess.CompletedProcess([], 0, "1 documents, 4 events", "")

    monkeypatch.setattr(dashboard.review, "save_and_rebuild", fake_save)
    at = _review_page(tmp_path, monkeypatch, lang="en")
    at.text_input(key="editor").set_value("kim")
    published = next(w for w in at.text_input if w.label.startswith("Publication date"))
    published.set_value("2025-05-02")
    next(b for b in at.button if b.label == "Save document and rebuild").click().run()
    assert not at.exception
    assert saved == [[{"event_id": "", "action": "document", "document": "doc.txt", "editor": "kim", "published": "2025-05-02"}]]
    assert [s.value for s in at.success] == ["Saved 1 change(s)."]


def test_the_review_page_says_which_document_fields_are_curated(tmp_path, monkeypatch):
    col = collection()
    col["generated_from"][0] |= {"curated_fields": ["published"], "reference_date": "2025-05-01", "reference_basis": "published"}
    text = _page_text(_review_page(tmp_path, monkeypatch, lang="de", col=col))
    assert "Kuratiert: Erschienen" in text and "Relative Angaben gelten ab 2025-05-01 (Erscheinungsdatum)." in text


@pytest.mark.parametrize("lang,mark", [("en", "2025-05-01 (curated)"), ("de", "2025-05-01 (kuratiert)")])
def test_the_dashboards_document_info_marks_curated_fields(lang, mark):
    from dashboard.data import events_from_collection
    from dashboard.details import details_html
    from geo.contract import validate_collection

    col = collection()
    col["generated_from"][0]["curated_fields"] = ["published"]
    events = events_from_collection(validate_collection(col))
    row = events.frame[events.frame["id"] == "ev_a"].iloc[0]
    html = details_html(row, events.documents, lang)
    assert mark in html and "Testblatt (" not in html  # the outlet was not curated
    del events.documents["doc.txt"]["curated_fields"]
    assert mark not in details_html(row, events.documents, lang)
