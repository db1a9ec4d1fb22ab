"""Curation: every editor operation, stale rows reported by name, deterministic output."""
import copy
import json

import pytest

from geo.contract import EventProperties
from geo.curate import CurationError, apply_curation, read_curation, write_curation


def _feature(eid, *, evidence=(("d.txt", 0),), date=None, actors=("ICE",)):
    props = {
        "id": eid, "title": f"Titel {eid}", "event_type": "investigation",
        "date_start": date, "date_end": date, "date_precision": "day" if date else "undated",
        "date_basis": "explicit" if date else "none", "date_text": "", "place_name": None, "place_id": None,
        "place_type": "unknown", "place_geometry": None, "actors": list(actors), "cited_sources": [],
        "documents": sorted({d for d, _ in evidence}),
        "evidence": [{"document": d, "start": s, "end": s + 4, "quote": "Text", "sentence": "Text.", "sentence_start": s} for d, s in evidence],
        "confidence": 0.5, "method": "extracted", "language": "de", "undated": date is None, "unlocated": True,
    }
    return {"type": "Feature", "geometry": None, "properties": props}


FEATURES = [_feature("ev_a"), _feature("ev_b", evidence=(("d.txt", 10), ("e.txt", 20))), _feature("ev_c", date="2025-04-07", actors=("DHS",))]


def _row(**kw):
    kw.setdefault("_row", 2)
    return kw


def _apply(*rows):
    original = copy.deepcopy(FEATURES)
    out, report = apply_curation(FEATURES, list(rows))
    assert FEATURES == original  # pure: the loader's events are not changed in place
    return {f["properties"]["id"]: f for f in out}, report


def test_approve_marks_the_event_verified_with_its_source():
    out, _ = _apply(_row(event_id="ev_a", action="approve", editor="kim", source_note="checked with the desk"))
    p = out["ev_a"]["properties"]
    assert p["verified"] is True and "verified" in p["curated_fields"]
    assert p["curation_sources"]["verified"]["editor"] == "kim"


def test_reject_leaves_the_event_out_and_reports_it():
    out, report = _apply(_row(event_id="ev_b", action="reject"))
    assert "ev_b" not in out and report.rejected == ["ev_b"]


def test_edit_corrects_date_place_and_actors_and_records_the_source():
    out, _ = _apply(_row(event_id="ev_a", action="edit", date_start="2025-09-02", place_name="San Juan", place_type="city",
                         lat="18.47", lon="-66.11", actors="ICE; HSI", source_url="https://example.org/report", source_outlet="Example"))
    f = out["ev_a"]
    p = f["properties"]
    assert (p["date_start"], p["date_end"], p["date_precision"], p["date_basis"]) == ("2025-09-02", "2025-09-02", "day", "curated")
    assert f["geometry"]["coordinates"] == [-66.11, 18.47] and p["unlocated"] is False
    assert p["actors"] == ["ICE", "HSI"] and p["method"] == "curated"
    assert set(p["curated_fields"]) >= {"date_start", "place_name", "actors", "geometry"}
    assert p["curation_sources"]["date_start"]["url"] == "https://example.org/report"
    EventProperties.model_validate(p)


def test_merge_folds_one_event_into_another():
    out, _ = _apply(_row(event_id="ev_a", action="merge", target="ev_b"))
    assert "ev_a" not in out
    p = out["ev_b"]["properties"]
    assert len(p["evidence"]) == 3 and p["merged_ids"] == ["ev_a"] and p["documents"] == ["d.txt", "e.txt"]


def test_split_moves_evidence_into_a_new_event():
    out, _ = _apply(_row(event_id="ev_b", action="split", evidence="e.txt:20", title="Zweites Ereignis", event_type="raid_arrest"))
    assert [e["document"] for e in out["ev_b"]["properties"]["evidence"]] == ["d.txt"]
    new = out["ev_b~1"]["properties"]
    assert new["title"] == "Zweites Ereignis" and new["event_type"] == "raid_arrest" and new["documents"] == ["e.txt"]


def test_add_creates_a_missed_event_with_its_source():
    out, _ = _apply(_row(event_id="ed_1", action="add", title="Missed raid", event_type="raid_arrest", date_start="2024-05-01",
                         date_end="2024-05-31", date_precision="month", source_url="https://example.org/x"))
    p = out["ed_1"]["properties"]
    assert p["method"] == "curated" and p["date_precision"] == "month" and p["verified"]


def test_add_without_a_source_is_an_error():
    with pytest.raises(CurationError, match="source"):
        _apply(_row(event_id="ed_2", action="add", title="No source"))


@pytest.mark.parametrize("action", ["approve", "edit", "reject", "split"])
def test_a_row_for_a_vanished_event_is_reported_by_id(action):
    out, report = _apply(_row(event_id="ev_gone", action=action, title="x"))
    assert len(out) == 3 and "ev_gone" in report.stale[0]


def test_merge_into_a_vanished_target_is_reported():
    out, report = _apply(_row(event_id="ev_a", action="merge", target="ev_gone"))
    assert "ev_a" in out and "ev_gone" in report.stale[0]


def test_curated_output_is_deterministic_and_the_file_round_trips(tmp_path):
    rows = [{"event_id": "ev_a", "action": "edit", "title": "Neu, mit Komma"}, {"event_id": "ev_c", "action": "approve"}]
    path = tmp_path / "curation.csv"
    write_curation(rows, path)
    read = read_curation(path)
    assert [r["title"] for r in read] == ["Neu, mit Komma", ""]
    a, _ = apply_curation(FEATURES, read)
    b, _ = apply_curation(FEATURES, read_curation(path))
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_an_unknown_action_names_the_file_and_row(tmp_path):
    path = tmp_path / "curation.csv"
    path.write_text("event_id,action\nev_a,delete\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"curation.csv: row 2"):
        read_curation(path)
