"""Editors' overlay: apply `data/curation.csv` to the extracted events, deterministically.

One row per operation, keyed by the stable event id, so the file opens in a spreadsheet and
reviews well in git. Columns (all optional except `event_id` and `action`):

    event_id, action, title, event_type, date_start, date_end, date_precision, place_name,
    place_type, lat, lon, actors, evidence, target, source_url, source_outlet, source_note,
    editor, comment

Actions:
- `approve`  mark the event editor-verified.
- `reject`   leave the event out of the output (counted in the summary).
- `edit`     correct any of title, event_type, dates, place, actors (`;`-separated).
- `merge`    fold this event into `target` (evidence, documents, actors join the target).
- `split`    move the evidence items listed in `evidence` (`document:start;…`) out into a new
             event `<event_id>~<n>`, with the row's fields.
- `add`      add an event the loader missed; `source_url` or `source_note` is required.

Every curated field is listed in `curated_fields` with the row's source in
`curation_sources`. A row whose event no longer exists is reported by id, never dropped.
"""
from __future__ import annotations

import contextlib
import copy
import csv
import fcntl
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from geo.contract import EventProperties

COLUMNS = [
    "event_id", "action", "title", "event_type", "date_start", "date_end", "date_precision", "place_name",
    "place_type", "lat", "lon", "actors", "evidence", "target", "source_url", "source_outlet", "source_note",
    "editor", "comment",
]
ACTIONS = ("approve", "reject", "edit", "merge", "split", "add")
_EDITABLE = ("title", "event_type", "date_start", "date_end", "date_precision", "place_name", "place_type")


class CurationError(ValueError):
    """A curation file that cannot be applied; the message names the file and the row."""


@dataclass
class CurationReport:
    applied: int = 0
    rejected: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # human-readable, one per stale row


@contextlib.contextmanager
def curation_lock(path: str | Path):
    """Exclusive lock shared by the review page (read-modify-write of the curation file) and
    the loader (read curation, write outputs), so neither loses the other's work."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def upsert_rows(existing: list[dict], new: list[dict]) -> list[dict]:
    """Add editors' new rows; a new row for the same event and action replaces the old one."""
    key = lambda r: (r.get("event_id"), r.get("action"), r.get("target", ""), r.get("evidence", ""))  # noqa: E731
    replaced = {key(r) for r in new}
    return [r for r in existing if key(r) not in replaced] + list(new)


def read_curation(path: str | Path) -> list[dict]:
    """Read the curation CSV; a missing file means no curation."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{path}: not UTF-8 text ({exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"event_id", "action"} - set(reader.fieldnames or [])
    if missing:
        raise CurationError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    rows = []
    for n, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(row.values()):
            continue
        if row.get("action") not in ACTIONS:
            raise CurationError(f"{path}: row {n}: action must be one of {', '.join(ACTIONS)}, not '{row.get('action')}'")
        row["_row"] = n
        rows.append(row)
    return rows


def write_curation(rows: list[dict], path: str | Path) -> None:
    """Write rows atomically (temporary file, then rename), columns in the documented order."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def apply_curation(features: list[dict], rows: list[dict]) -> tuple[list[dict], CurationReport]:
    """Apply editors' rows to contract features; pure: the input list is not changed."""
    report = CurationReport()
    if not rows:
        return list(features), report
    touched = {r["event_id"] for r in rows} | {r.get("target", "") for r in rows}
    by_id = {f["properties"]["id"]: (copy.deepcopy(f) if f["properties"]["id"] in touched else f) for f in features}
    order = [f["properties"]["id"] for f in features]
    for row in rows:
        eid, action = row["event_id"], row["action"]
        if action == "add":
            if eid in by_id:
                report.stale.append(f"row {row['_row']}: add: event id '{eid}' already exists")
                continue
            by_id[eid] = _new_feature(eid, row)
            order.append(eid)
            report.applied += 1
            continue
        if eid not in by_id:
            report.stale.append(f"row {row['_row']}: {action}: event '{eid}' no longer exists")
            continue
        feat = by_id[eid]
        if action == "approve":
            feat["properties"]["verified"] = True
            _mark(feat, ["verified"], row)
        elif action == "reject":
            del by_id[eid]
            report.rejected.append(eid)
        elif action == "edit":
            _edit(feat, row)
        elif action == "merge":
            target = row.get("target", "")
            if target not in by_id:
                report.stale.append(f"row {row['_row']}: merge: target event '{target}' no longer exists")
                continue
            _merge_into(by_id[target], feat, row)
            del by_id[eid]
        elif action == "split":
            new = _split(feat, row, existing=by_id)
            if new is None:
                report.stale.append(f"row {row['_row']}: split: none of the evidence '{row.get('evidence')}' is in '{eid}'")
                continue
            by_id[new["properties"]["id"]] = new
            order.append(new["properties"]["id"])
        report.applied += 1
    out = [by_id[i] for i in dict.fromkeys(order) if i in by_id]
    for f in out:
        if f["properties"]["id"] in touched or f["properties"].get("method") == "curated":
            EventProperties.model_validate(f["properties"])  # curated output still honours the contract
    return out, report


def _source(row: dict) -> dict | None:
    src = {k: row.get(f"source_{k}", "") for k in ("url", "outlet", "note")}
    src = {k: v for k, v in src.items() if v}
    if row.get("editor"):
        src["editor"] = row["editor"]
    return src or None


def _mark(feat: dict, fields: list[str], row: dict) -> None:
    p = feat["properties"]
    p["curated_fields"] = sorted(set(p.get("curated_fields", [])) | set(fields))
    src = _source(row)
    if src:
        for f in fields:
            p.setdefault("curation_sources", {})[f] = src


def _edit(feat: dict, row: dict) -> None:
    p = feat["properties"]
    changed = [k for k in _EDITABLE if row.get(k)]
    for k in changed:
        p[k] = row[k]
    if row.get("actors"):
        p["actors"] = [a.strip() for a in row["actors"].split(";") if a.strip()]
        changed.append("actors")
    if row.get("lat") and row.get("lon"):
        feat["geometry"] = {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}
        p["unlocated"] = False
        p["place_id"] = p.get("place_id") or f"curated:{row['event_id']}"
        changed.append("geometry")
    if row.get("date_start"):
        p["date_end"] = row.get("date_end") or row["date_start"]
        p["date_precision"] = row.get("date_precision") or ("day" if p["date_end"] == row["date_start"] else p["date_precision"])
        if p["date_precision"] == "undated":
            p["date_precision"] = "day"
        p["date_basis"] = "curated"
        p["undated"] = False
    if changed:
        p["method"] = "curated"
        _mark(feat, changed, row)


def _merge_into(target: dict, other: dict, row: dict) -> None:
    t, o = target["properties"], other["properties"]
    for key in ("actors", "cited_sources", "documents"):
        t[key] = list(dict.fromkeys(t[key] + o[key]))
    t["documents"] = sorted(t["documents"])
    seen = {(e["document"], e["start"]) for e in t["evidence"]}
    t["evidence"] = sorted(t["evidence"] + [e for e in o["evidence"] if (e["document"], e["start"]) not in seen],
                           key=lambda e: (e["document"], e["start"]))
    t.setdefault("merged_ids", []).append(o["id"])
    t["method"] = "curated"
    _mark(target, ["evidence"], row)


def _split(feat: dict, row: dict, *, existing: dict) -> dict | None:
    wanted = {tuple(x.rsplit(":", 1)) for x in row.get("evidence", "").split(";") if ":" in x}
    p = feat["properties"]
    moved = [e for e in p["evidence"] if (e["document"], str(e["start"])) in wanted]
    if not moved or len(moved) == len(p["evidence"]):
        return None
    n = 1
    while f"{p['id']}~{n}" in existing:
        n += 1
    new = copy.deepcopy(feat)
    np_ = new["properties"]
    np_["id"] = f"{p['id']}~{n}"
    np_["evidence"] = moved
    np_["documents"] = sorted({e["document"] for e in moved})
    p["evidence"] = [e for e in p["evidence"] if e not in moved]
    p["documents"] = sorted({e["document"] for e in p["evidence"]})
    p["method"] = "curated"
    _mark(feat, ["evidence"], row)
    _edit(new, row)
    np_["method"] = "curated"
    _mark(new, ["evidence"], row)
    return new


def _new_feature(eid: str, row: dict) -> dict:
    if not (row.get("source_url") or row.get("source_note")):
        raise CurationError(f"row {row['_row']}: add '{eid}' needs source_url or source_note")
    props = {
        "id": eid, "title": row.get("title") or eid, "event_type": row.get("event_type") or "other",
        "date_start": None, "date_end": None, "date_precision": "undated", "date_basis": "none", "date_text": "",
        "place_name": row.get("place_name") or None, "place_id": None, "place_type": row.get("place_type") or "unknown",
        "place_geometry": None, "actors": [], "cited_sources": [row.get("source_outlet") or row.get("source_url") or "editor"],
        "documents": [row.get("source_url") or "curation.csv"], "evidence": [], "confidence": 1.0,
        "method": "curated", "language": "und", "places_mentioned": [], "section": "body",
        "undated": True, "unlocated": True, "verified": True,
    }
    feat = {"type": "Feature", "geometry": None, "properties": props}
    _edit(feat, row)
    _mark(feat, ["event"], row)
    return feat
