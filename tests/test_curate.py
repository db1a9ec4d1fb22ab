"""Curation: every editor operation, stale rows reported by name, deterministic output."""
import copy
import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.contract import EventProperties
from geo.curate import ACTIONS, CurationError, apply_curation, read_curation, write_curation


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


def test_an_editors_place_name_replaces_the_german_name_of_the_old_place():
    """The loader's German name belongs to the place it found; after an editor names another,
    German readers must see the editor's name, not the old place's."""
    feat = _feature("ev_a")
    feat["properties"]["place_name_de"] = "Vereinigte Staaten"
    edit = _row(event_id="ev_a", action="edit", place_name="San Juan", place_type="city", source_note="desk")
    out, _ = apply_curation([feat], [edit])
    assert out[0]["properties"]["place_name"] == "San Juan" and out[0]["properties"]["place_name_de"] is None
    out, _ = apply_curation([feat], [_row(event_id="ev_a", action="edit", date_start="2025-09-02", source_note="desk")])
    assert out[0]["properties"]["place_name_de"] == "Vereinigte Staaten"  # a date edit keeps the place's names


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
    out, report = _apply(_row(event_id="ev_gone", action=action, title="x", evidence="d.txt:0"))
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


# --- Curation checked before anything is written (issue 14) ---

BAD_CELLS = [
    ("lat", "999", {"lon": "10"}),
    ("lat", "nan", {"lon": "10"}),
    ("lon", "inf", {"lat": "10"}),
    ("lon", "-1e999", {"lat": "10"}),  # overflows to -inf
    ("lat", "12,5", {"lon": "10"}),  # a decimal comma is not a number
    ("lat", "1_0", {"lon": "10"}),  # Python's float() would take it
    ("lon", "", {"lat": "10"}),  # lat without lon: the missing one is named
    ("date_start", "2025-02-31", {}),
    ("date_start", "2025-2-3", {}),
    ("date_start", "٢٠٢٥-٠١-٠١", {}),  # Arabic-Indic digits: not YYYY-MM-DD
    ("date_end", "2025-03-01", {"date_start": "2025-03-02"}),  # reversed interval
    ("date_end", "2025-03-01", {}),  # an end needs a start
    ("event_type", "picnic", {}),
    ("place_type", "planet", {}),
    ("date_precision", "undated", {}),
    ("title", "x" * 200_000, {}),  # bigger than csv's own 128 KiB cell limit
    ("source_url", "javascript:alert(1)", {}),
    ("action", "delete", {}),
    ("event_id", "", {}),
]


def _write_raw(path, rows, columns=None):
    columns = columns or ["event_id", "action", *sorted({k for r in rows for k in r} - {"event_id", "action"})]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize("field,value,others", BAD_CELLS, ids=[f"{f}={v[:12]!r}" for f, v, _ in BAD_CELLS])
def test_a_bad_cell_is_named_by_file_row_and_field(tmp_path, field, value, others):
    path = tmp_path / "curation.csv"
    good = {"event_id": "ev_a", "action": "approve"}
    bad = {"event_id": "ev_b", "action": "edit", **others, field: value}
    _write_raw(path, [good, bad])
    with pytest.raises(CurationError) as err:
        read_curation(path)
    assert f"{path}: row 3, field '{field}'" in str(err.value)
    assert len(str(err.value)) < 1000  # a huge cell is cut short in the message


def test_every_bad_cell_of_a_file_is_listed(tmp_path):
    path = tmp_path / "curation.csv"
    _write_raw(path, [{"event_id": "ev_a", "action": "edit", "lat": "nan", "lon": "1"},
                      {"event_id": "ev_b", "action": "edit", "date_start": "2025-02-31"}])
    with pytest.raises(CurationError, match=r"row 2, field 'lat'.*row 3, field 'date_start'"):
        read_curation(path)


def test_an_edit_that_would_break_the_contract_names_its_row():
    """A precision for an event that has no date passes every cell check but not the contract."""
    with pytest.raises(CurationError, match=r"row 7: event 'ev_a'"):
        _apply(_row(event_id="ev_a", action="edit", date_precision="month", _row=7))


def test_a_curation_path_that_is_a_directory_is_refused(tmp_path):
    (tmp_path / "curation.csv").mkdir()
    with pytest.raises(CurationError, match="must be a regular file, not a directory"):
        read_curation(tmp_path / "curation.csv")


def test_a_curation_path_that_is_a_named_pipe_is_refused_without_waiting(tmp_path):
    import os
    import threading

    fifo = tmp_path / "curation.csv"
    os.mkfifo(fifo)
    result = []

    def read():
        try:
            read_curation(fifo)
        except CurationError as exc:
            result.append(str(exc))

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(timeout=5)
    if t.is_alive():  # unblock the reader so the test run can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a named pipe blocked")
    assert result and "not a named pipe" in result[0]


def test_the_writer_refuses_what_the_reader_would_refuse(tmp_path):
    path = tmp_path / "curation.csv"
    write_curation([{"event_id": "ev_a", "action": "approve"}], path)
    before = path.read_bytes()
    with pytest.raises(CurationError, match="field 'lat'"):
        write_curation([{"event_id": "ev_a", "action": "edit", "lat": "inf", "lon": "1"}], path)
    assert path.read_bytes() == before


NASTY = [
    "a\rb",  # a lone carriage return: csv leaves it unquoted with a LF terminator
    "a\r\nb", "a\nb", "\r", "a,b", '"quoted", he said', '""', "'", "=1+2", "-", "tab\tinside",
    "x\x00y", "\x85next line", "line\u2028separator", "\ufeffbom", "émoji 🚀 and 中文", ";", "a;b",
    "#comment", "\\", "\\n", " ", "",
]


@pytest.mark.parametrize("text", NASTY, ids=repr)
def test_a_title_the_reader_accepts_reads_back_as_one_row(tmp_path, text):
    path = tmp_path / "curation.csv"
    rows = [{"event_id": "ev_a", "action": "edit", "title": text, "comment": text},
            {"event_id": "ev_b", "action": "approve"}]
    write_curation(rows, path)
    read = read_curation(path)
    assert [(r["event_id"], r["title"], r["comment"]) for r in read] == [("ev_a", text.strip(), text.strip()), ("ev_b", "", "")]


_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT, note=_TEXT, actors=st.lists(_TEXT, max_size=3))
def test_any_text_round_trips_through_the_curation_file(tmp_path, title, note, actors):
    path = tmp_path / "curation.csv"
    row = {"event_id": "ev_a", "action": "edit", "title": title, "source_note": note, "actors": ";".join(actors)}
    write_curation([row], path)
    (read,) = read_curation(path)
    assert (read["title"], read["source_note"], read["actors"]) == (title.strip(), note.strip(), ";".join(actors).strip())
    write_curation([read], path)  # and the reader's rows write back to the same file
    assert read_curation(path)[0]["title"] == read["title"]


_CELL = {
    "event_id": st.sampled_from(["ev_a", "ev_b", "ev_c", "ev_new", ""]),
    "action": st.sampled_from([*ACTIONS, "delete"]),
    "title": _TEXT,
    "event_type": st.sampled_from(["", "strike", "picnic"]),
    "date_start": st.sampled_from(["", "2025-01-01", "2025-02-31", "2025-12-31", "nan"]),
    "date_end": st.sampled_from(["", "2025-01-31", "2024-01-01", "x"]),
    "date_precision": st.sampled_from(["", "day", "month", "undated", "eon"]),
    "place_type": st.sampled_from(["", "city", "moon"]),
    "lat": st.sampled_from(["", "18.4", "-91", "nan", "inf", "1e999", "abc"]),
    "lon": st.sampled_from(["", "-66.1", "181", "-inf", "0x10"]),
    "target": st.sampled_from(["", "ev_a", "ev_b", "ev_gone"]),
    "evidence": st.sampled_from(["", "d.txt:0", "e.txt:20", "d.txt:x"]),
    "source_url": st.sampled_from(["", "https://example.org/a", "javascript:x"]),
    "source_note": st.sampled_from(["", "desk"]),
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.fixed_dictionaries(_CELL), min_size=1, max_size=6))
def test_a_random_curation_file_never_gives_output_that_breaks_the_contract(tmp_path, rows):
    from geo.contract import validate_collection

    path = tmp_path / "curation.csv"
    _write_raw(path, rows, columns=list(_CELL))
    try:
        out, _ = apply_curation(FEATURES, read_curation(path))
    except CurationError:
        return  # refused, with a message: nothing would be written
    col = {"type": "FeatureCollection", "schema_version": "1.0", "generated_from": [], "features": out}
    validate_collection(json.loads(json.dumps(col, allow_nan=False)))


@pytest.mark.parametrize("make_bad", [
    lambda path, eid: _write_raw(path, [{"event_id": eid, "action": "edit", "lat": "999", "lon": "10"}]),
    lambda path, eid: __import__("os").mkfifo(path),  # would hang a reader that opens it
], ids=["lat 999", "named pipe"])
def test_a_bad_curation_file_stops_the_loader_with_exit_2_and_keeps_the_outputs(seed_run, tmp_path, make_bad):
    from tests.conftest import ROOT, run_loader

    out = tmp_path / "events.geojson"
    out.write_bytes(seed_run[2].read_bytes())
    out.with_suffix(".parquet").write_bytes(seed_run[2].with_suffix(".parquet").read_bytes())
    make_bad(tmp_path / "curation.csv", seed_run[1]["features"][0]["properties"]["id"])
    proc = run_loader(ROOT / "seeds", "--out", out, "--quiet", timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert f"error: {tmp_path / 'curation.csv'}: " in proc.stderr and "Traceback" not in proc.stderr
    assert "row 2, field 'lat'" in proc.stderr or "named pipe" in proc.stderr
    assert out.read_bytes() == seed_run[2].read_bytes() and not out.is_symlink()


def test_the_lock_falls_back_to_the_folder_when_no_lock_file_can_be_made(tmp_path):
    """A read-only data folder must reach the writer, which names the problem (exit 2)."""
    from geo.curate import curation_lock

    (tmp_path / ".curation.csv.lock").mkdir()  # cannot be opened as the lock file
    with curation_lock(tmp_path / "curation.csv"):
        pass


# --- Document rows: editors correct a document's metadata (issue 13, part 4) ---

def _doc_row(**kw):
    return {"event_id": "", "action": "document", "document": "brand.txt", **kw}


def test_a_document_row_reads_back_and_becomes_the_documents_metadata(tmp_path):
    import datetime as dt

    from geo.curate import document_overrides

    path = tmp_path / "curation.csv"
    write_curation([_doc_row(published="2024-06-05", outlet="Ostsee-Zeitung"),
                    _doc_row(title="Großbrand in Rostock", language="de"),
                    {"event_id": "ev_a", "action": "approve"}], path)
    assert document_overrides(read_curation(path)) == {"brand.txt": {
        "published": dt.date(2024, 6, 5), "outlet": "Ostsee-Zeitung", "title": "Großbrand in Rostock", "language": "de"}}


def test_a_later_document_row_wins_field_by_field():
    from geo.curate import document_overrides

    rows = [_doc_row(published="2024-06-05", outlet="A"), _doc_row(outlet="B")]
    assert document_overrides(rows)["brand.txt"] == {"published": __import__("datetime").date(2024, 6, 5), "outlet": "B"}


def test_document_rows_leave_the_events_alone():
    out, report = _apply(_row(**_doc_row(published="2024-06-05")))
    assert out == {f["properties"]["id"]: f for f in FEATURES} and report.applied == 0 and not report.stale


BAD_DOCUMENT_CELLS = [
    ("published", "2024-02-30", {}),
    ("published", "5.6.2024", {}),
    ("published", "2024-06-05T10:00", {}),  # a day, as the form asks for
    ("language", "Deutsch", {}),
    ("language", "DE", {}),  # the loader writes codes in lower case
    ("language", "d", {}),
    ("title", "x" * 1001, {}),  # the loader's own limit for a metadata field
    ("outlet", "y" * 1001, {}),
    ("document", "", {"published": "2024-06-05"}),
    ("document", "../seeds/a.txt", {"published": "2024-06-05"}),
    ("published", "", {}),  # nothing to set
    ("date_start", "2024-06-05", {"published": "2024-06-05"}),  # an event's field on a document row
    ("event_id", "ev_a", {"published": "2024-06-05"}),
]


@pytest.mark.parametrize("field,value,others", BAD_DOCUMENT_CELLS, ids=[f"{f}={v[:16]!r}" for f, v, _ in BAD_DOCUMENT_CELLS])
def test_a_bad_document_cell_is_named_by_file_row_and_field(tmp_path, field, value, others):
    path = tmp_path / "curation.csv"
    bad = {**_doc_row(**others), field: value}
    _write_raw(path, [{"event_id": "ev_a", "action": "approve"}, bad],
               columns=["event_id", "action", "document", "title", "published", "outlet", "language", "date_start"])
    with pytest.raises(CurationError) as err:
        read_curation(path)
    assert f"{path}: row 3, field '{field}'" in str(err.value)
    with pytest.raises(CurationError):  # and the writer refuses to write it
        write_curation([bad], tmp_path / "other.csv")


@pytest.mark.parametrize("field", ["published", "outlet", "language", "document"])
def test_an_event_row_cannot_set_a_documents_field(tmp_path, field):
    with pytest.raises(CurationError, match=f"row 2, field '{field}': only a document row"):
        write_curation([{"event_id": "ev_a", "action": "edit", "title": "x", field: "de"}], tmp_path / "c.csv")


def test_the_documents_entry_lists_its_curated_fields_and_an_unknown_document_is_reported():
    from geo.curate import mark_documents

    entries = [{"id": "brand.txt", "published": "2024-06-05"}, {"id": "other.txt"}]
    stale = mark_documents(entries, {"brand.txt": {"published": None, "outlet": "A"}, "gone.txt": {"title": "x"}})
    assert entries[0]["curated_fields"] == ["outlet", "published"] and "curated_fields" not in entries[1]
    assert stale == ["document: document 'gone.txt' is not among the inputs"]


def test_a_second_save_keeps_the_first_saves_fields():
    """Outlet corrected today, date yesterday: the row keeps both (it used to keep only today's)."""
    from geo.curate import upsert_rows

    first = [_doc_row(published="2024-06-05", editor="kim"), {"event_id": "ev_a", "action": "edit", "title": "Neu"}]
    rows = upsert_rows(first, [_doc_row(outlet="OZ", editor=""), {"event_id": "ev_a", "action": "edit", "place_name": "Rostock"}])
    assert len(rows) == 2
    assert rows[0] == {**_doc_row(published="2024-06-05", editor="kim"), "outlet": "OZ"}
    assert rows[1] == {"event_id": "ev_a", "action": "edit", "title": "Neu", "place_name": "Rostock"}


def test_a_new_date_replaces_the_whole_old_interval():
    from geo.curate import upsert_rows

    first = [{"event_id": "ev_a", "action": "edit", "date_start": "2024-01-01", "date_end": "2024-01-31", "date_precision": "month"}]
    rows = upsert_rows(first, [{"event_id": "ev_a", "action": "edit", "date_start": "2024-06-03"}])
    assert rows == [{"event_id": "ev_a", "action": "edit", "date_start": "2024-06-03"}]


def test_two_documents_rows_do_not_replace_each_other():
    from geo.curate import upsert_rows

    rows = upsert_rows([_doc_row(published="2024-06-05")], [{**_doc_row(published="2024-06-06"), "document": "b.txt"}])
    assert [r["document"] for r in rows] == ["brand.txt", "b.txt"]


BRAND = "Großbrand in Rostock\n\nAm Montag brannte in Rostock eine Lagerhalle nieder. Die Feuerwehr war mit 80 Kräften im Einsatz.\n"


def test_a_curated_publication_date_dates_am_montag_in_a_document_without_one(tmp_path):
    from tests.conftest import run_loader

    docs, out = tmp_path / "docs", tmp_path / "out" / "events.geojson"
    docs.mkdir()
    (docs / "brand.txt").write_text(BRAND, encoding="utf-8")

    def fire():
        proc = run_loader(docs, "--out", out, "--quiet", timeout=120)
        assert proc.returncode == 0, proc.stderr
        col = json.loads(out.read_text(encoding="utf-8"))
        [event] = [f["properties"] for f in col["features"] if f["properties"]["event_type"] == "fire"] or [None]
        return col["generated_from"][0], event

    doc, event = fire()
    assert doc["published"] is None and event["date_start"] is None  # nothing to read "Montag" against
    write_curation([_doc_row(published="2024-06-05", outlet="Ostsee-Zeitung")], out.with_name("curation.csv"))
    doc, event = fire()
    assert (doc["published"], doc["reference_basis"], doc["outlet"]) == ("2024-06-05", "published", "Ostsee-Zeitung")
    assert doc["curated_fields"] == ["outlet", "published"]
    assert (event["date_start"], event["date_basis"], event["date_text"]) == ("2024-06-03", "relative", "Am Montag")
