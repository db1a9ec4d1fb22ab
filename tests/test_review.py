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
