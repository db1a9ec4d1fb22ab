"""The editors' review loop: events in a table (least certain first), documents in a form,
edits to curation rows.

Pure functions here; `dashboard/pages/review.py` is the thin Streamlit page that calls them.
Saving writes `data/curation.csv` atomically under the curation lock, then rebuilds the
events with the loader, so an edit is never lost to a concurrent loader run.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from geo.contract import DATE_PRECISIONS, EVENT_TYPES, PLACE_TYPES
from geo.curate import DOCUMENT_FIELDS, CurationError, curation_lock, read_curation, upsert_rows, write_curation

EDITABLE = ["title", "event_type", "date_start", "date_end", "date_precision", "place_name", "place_type", "actors"]
COLUMNS = ["approve", "reject", "id", "confidence", *EDITABLE, "source_url", "source_outlet", "source_note", "quote"]


def review_table(features: list[dict]) -> pd.DataFrame:
    """One row per event, highest uncertainty first, lists as '; '-joined text."""
    rows = []
    for f in features:
        p = f["properties"]
        rows.append({
            "approve": bool(p.get("verified")), "reject": False, "id": p["id"], "confidence": p["confidence"],
            "title": p["title"], "event_type": p["event_type"], "date_start": p["date_start"] or "",
            "date_end": p["date_end"] or "", "date_precision": p["date_precision"], "place_name": p["place_name"] or "",
            "place_type": p["place_type"], "actors": "; ".join(p["actors"]), "source_url": "", "source_outlet": "",
            "source_note": "", "quote": p["evidence"][0]["quote"] if p["evidence"] else "",
        })
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["confidence", "id"], kind="stable").reset_index(drop=True)


def edits_to_rows(original: pd.DataFrame, edited: pd.DataFrame, *, editor: str = "") -> list[dict]:
    """Curation rows for what the editor changed: approve, reject, or an edit of fields."""
    before = original.set_index("id")
    rows = []
    for _, new in edited.iterrows():
        old = before.loc[new["id"]]
        source = {k: _text(new[k]) for k in ("source_url", "source_outlet", "source_note") if _text(new[k])}
        base = {"event_id": new["id"], "editor": editor, **source}
        if bool(new["reject"]):
            rows.append({**base, "action": "reject"})
            continue
        changed = {k: _text(new[k]) for k in EDITABLE if _text(new[k]) != _text(old[k])}
        if "date_end" in changed and "date_start" not in changed and _text(new["date_start"]):
            changed["date_start"] = _text(new["date_start"])  # the curation file refuses an end without its start
        if changed:
            rows.append({**base, "action": "edit", **changed})
        if bool(new["approve"]) and not bool(old["approve"]):
            rows.append({**base, "action": "approve"})
    return rows


def document_values(entry: dict) -> dict[str, str]:
    """A document's editable metadata (its `generated_from` entry) as form text."""
    return {k: _text(entry.get(k)) for k in DOCUMENT_FIELDS}


def document_rows(entry: dict, values: dict, *, editor: str = "") -> list[dict]:
    """The curation row for what the editor changed in a document's form, or none. A cleared
    field is not a change: curation sets metadata, it does not delete it."""
    before = document_values(entry)
    changed = {k: _text(values.get(k)) for k in DOCUMENT_FIELDS if _text(values.get(k)) and _text(values.get(k)) != before[k]}
    if not changed:
        return []
    return [{"event_id": "", "action": "document", "document": str(entry["id"]), "editor": editor, **changed}]


def document_events(features: list[dict], doc_id: str) -> list[tuple[str, str]]:
    """(title, date or '') of the events a document reports, earliest first: what its
    metadata dates."""
    out = [(f["properties"]["title"], f["properties"]["date_start"] or "") for f in features
           if doc_id in f["properties"]["documents"]]
    return sorted(out, key=lambda te: (te[1] or "9999", te[0]))


def _text(value) -> str:
    """A table cell as curation text: a cleared cell is empty, not 'None'."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def curation_problem(path: str | Path) -> str | None:
    """Why the loader would refuse the curation file (file, row, field), or None; editors see
    it before they edit. The text quotes cells: show it as text, never as Markdown."""
    try:
        read_curation(path)
    except CurationError as exc:
        return str(exc)
    return None


def save_and_rebuild(rows: list[dict], *, curation_path: str | Path, events_path: str | Path,
                     inputs: list[str] | None = None) -> subprocess.CompletedProcess:
    """Merge rows into the curation file (atomic, locked), then rebuild the events. Rows the
    loader would refuse raise CurationError and nothing is written."""
    with curation_lock(curation_path):
        write_curation(upsert_rows(read_curation(curation_path), rows), curation_path)
    cmd = [sys.executable, "-m", "geo.load", *(inputs or ["seeds"]), "--out", str(events_path),
           "--curation", str(curation_path), "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)


def column_options() -> dict[str, list[str]]:
    """Allowed values for the select columns of the review table."""
    return {"event_type": list(EVENT_TYPES), "date_precision": list(DATE_PRECISIONS), "place_type": list(PLACE_TYPES)}
