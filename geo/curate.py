"""Editors' overlay: apply `data/curation.csv` to the extracted events, deterministically.

One row per operation, keyed by the stable event id (or, for a document row, the document's
id), so the file opens in a spreadsheet and reviews well in git. Columns (all optional except
`action` and `event_id`, which a document row leaves empty for `document`):

    event_id, action, title, event_type, date_start, date_end, date_precision, place_name,
    place_type, lat, lon, actors, evidence, target, source_url, source_outlet, source_note,
    editor, comment, document, published, outlet, language

Actions:
- `approve`  mark the event editor-verified.
- `reject`   leave the event out of the output (counted in the summary).
- `edit`     correct any of title, event_type, dates, place, actors (`;`-separated).
- `merge`    fold this event into `target` (evidence, documents, actors join the target).
- `split`    move the evidence items listed in `evidence` (`document:start;…`) out into a new
             event `<event_id>~<n>`, with the row's fields.
- `add`      add an event the loader missed; `source_url` or `source_note` is required.
- `document` correct a document's metadata: any of `title`, `published` (YYYY-MM-DD),
             `outlet`, `language` (a lowercase ISO 639 code) for the document whose id (file
             name) is in `document`. Applied when the document is read, before extraction, so a
             curated publication date dates the document's relative expressions; the document's
             entry in `generated_from` lists them in `curated_fields`.

Every curated field is listed in `curated_fields` with the row's source in
`curation_sources`. A row whose event no longer exists is reported by id, never dropped.

Every row is checked against the contract before anything is applied or written: known
action, event type, precision and place type; real `YYYY-MM-DD` dates with start ≤ end;
finite coordinates on Earth, lat and lon together; at most MAX_CELL characters a cell. A
bad file raises CurationError naming the file, row (as a spreadsheet numbers it) and field.
Values are stripped of outer whitespace by the reader and the writer alike, so what one
writes the other reads back unchanged, line breaks and lone carriage returns included.
"""
from __future__ import annotations

import contextlib
import copy
import csv
import datetime as dt
import fcntl
import io
import math
import os
import re
import stat
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from geo.contract import DATE_PRECISIONS, EVENT_TYPES, PLACE_TYPES, EventFeature
from geo.metadata import MAX_FIELD_CHARS

COLUMNS = [
    "event_id", "action", "title", "event_type", "date_start", "date_end", "date_precision", "place_name",
    "place_type", "lat", "lon", "actors", "evidence", "target", "source_url", "source_outlet", "source_note",
    "editor", "comment", "document", "published", "outlet", "language",
]
ACTIONS = ("approve", "reject", "edit", "merge", "split", "add", "document")
DOCUMENT_FIELDS = ("title", "published", "outlet", "language")
_DOCUMENT_ONLY = ("document", "published", "outlet", "language")
_EVENT_ONLY = ("event_type", "date_start", "date_end", "date_precision", "place_name", "place_type", "lat", "lon",
               "actors", "evidence", "target")
_EDITABLE = ("title", "event_type", "date_start", "date_end", "date_precision", "place_name", "place_type")
MAX_CELL = 10_000  # characters; a title or a note, never a document
MAX_FILE = 20 * 2**20  # bytes; some hundred thousand rows
_VOCABULARIES = {"event_type": EVENT_TYPES, "date_precision": DATE_PRECISIONS, "place_type": PLACE_TYPES}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")  # no nan, inf, 1_000, 0x1
_EVIDENCE = re.compile(r"[^;]+:[0-9]+(;[^;]+:[0-9]+)*;?")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_LANGUAGE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or -3, as the loader writes it ("de", "und")
_CSV_LIMIT = threading.Lock()
_TOGETHER = (("date_start", "date_end", "date_precision"), ("place_name", "place_type", "lat", "lon"))


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
    fd = _lock_fd(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock_fd(path: Path) -> int:
    """The lock file; in a folder we may not write to, the folder itself (flock works on a
    read-only descriptor), so the loader reaches the write and says why it cannot."""
    try:
        return os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)


def upsert_rows(existing: list[dict], new: list[dict]) -> list[dict]:
    """Add editors' new rows; a new row for the same event (or document) and action replaces
    the old one. An edit or document row keeps the old row's fields it does not set, so
    correcting the outlet today does not undo yesterday's corrected date."""
    def key(r):
        return (r.get("event_id") or "", r.get("action"), r.get("target") or "", r.get("evidence") or "",
                r.get("document") or "")

    old = {key(r): r for r in existing}
    merged = []
    for r in new:
        before = dict(old.get(key(r)) or {}) if r.get("action") in ("edit", "document") else {}
        for group in _TOGETHER:  # a new date replaces the whole old interval, a new point the old place
            if any(_clean(r.get(k)) for k in group):
                for k in group:
                    before.pop(k, None)
        merged.append({**{k: v for k, v in before.items() if not k.startswith("_")},
                       **{k: v for k, v in r.items() if _clean(v) or not before.get(k)}})
    replaced = {key(r) for r in new}
    return [r for r in existing if key(r) not in replaced] + merged


def read_curation(path: str | Path) -> list[dict]:
    """Read and check the curation CSV; a missing file means no curation."""
    path = Path(path)
    text = _read_text(path)
    if text is None:
        return []
    rows = []
    with _csv_field_limit(MAX_FILE):  # an oversized cell is named by its field below, not by csv
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = {"event_id", "action"} - set(reader.fieldnames or [])
        if missing:
            raise CurationError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        try:
            for n, raw in enumerate(reader, start=2):
                row = {k: _clean(v) for k, v in raw.items() if k}
                if any(row.values()):
                    rows.append({**row, "_row": n, "_file": str(path)})
        except csv.Error as exc:
            raise CurationError(f"{path}: line {reader.line_num}: not readable as CSV ({exc})") from None
    _check_rows(rows, source=path)
    return rows


def _read_text(path: Path) -> str | None:
    """The file's text, or None when it does not exist. A directory, a named pipe or a device
    is refused by its type before it is read, so nothing can block; so is a huge file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CurationError(f"{path}: cannot read the curation file ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise CurationError(f"{path}: the curation file must be a regular file, not {_kind(info.st_mode)}")
    if info.st_size > MAX_FILE:
        raise CurationError(f"{path}: the curation file is {info.st_size // 2**20} MiB, more than {MAX_FILE // 2**20} MiB")
    try:  # O_NONBLOCK: should the path have become a pipe since the check, open does not wait
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise CurationError(f"{path}: the curation file must be a regular file")
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise CurationError(f"{path}: cannot read the curation file ({exc.strerror})") from None
    try:  # bytes, not read_text: universal newlines would turn a lone CR in a cell into LF
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{path}: not UTF-8 text ({exc})") from None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "a special file"


@contextlib.contextmanager
def _csv_field_limit(limit: int):
    """csv's cell limit is process-wide; raised only while one file is parsed."""
    with _CSV_LIMIT:
        old = csv.field_size_limit(limit)
        try:
            yield
        finally:
            csv.field_size_limit(old)


def _clean(value) -> str:
    """A cell as the reader returns it and the writer writes it: text without outer whitespace."""
    return "" if value is None else str(value).strip()


def write_curation(rows: list[dict], path: str | Path) -> None:
    """Write rows atomically (temporary file, then rename), columns in the documented order.
    Rows the reader would refuse are refused here, so the file always reads back."""
    path = Path(path)
    cells = [{k: _clean(row.get(k)) for k in COLUMNS} for row in rows]
    rows = [{**r, "_row": n} for n, r in enumerate((r for r in cells if any(r.values())), start=2)]
    _check_rows(rows, source=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    plain = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    # csv quotes a cell holding LF but not one holding a lone CR (the line terminator is LF),
    # and a reader would end the row there: such rows have every cell quoted.
    quoted = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writeheader()
    for row in rows:
        (quoted if any("\r" in row[k] for k in COLUMNS) else plain).writerow(row)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_rows(rows: list[dict], *, source: str | Path) -> None:
    """Raise CurationError listing every bad cell (file, row, field, why)."""
    problems = [f"row {row.get('_row', n)}, field '{name}': {why}"
                for n, row in enumerate(rows, start=2) for name, why in _row_problems(row)]
    if problems:
        more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise CurationError(f"{source}: " + "; ".join(problems[:10]) + more)


def _row_problems(row: dict):
    """(field, why) for each cell of one row that breaks the contract."""
    for name, value in row.items():
        if isinstance(value, str) and len(value) > MAX_CELL:
            yield name, f"{len(value)} characters, more than {MAX_CELL}"
            return
    if row.get("action") == "document":
        yield from _document_problems(row)
        return
    if not row.get("event_id"):
        yield "event_id", "is empty"
    for name in _DOCUMENT_ONLY:
        if row.get(name):
            yield name, "only a document row (action 'document') sets it"
    if row.get("action") not in ACTIONS:
        yield "action", f"{_show(row.get('action'))} is not one of {', '.join(ACTIONS)}"
    for name, allowed in _VOCABULARIES.items():
        if row.get(name) and row[name] not in allowed:
            yield name, f"{_show(row[name])} is not one of {', '.join(allowed)}"
    if row.get("date_precision") == "undated":
        yield "date_precision", "'undated' cannot be set: give a date, or leave the cell empty"
    yield from _date_problems(row)
    yield from _point_problems(row)
    yield from _action_problems(row)


def _document_problems(row: dict):
    """A document row names one document by its file name and sets only its metadata."""
    doc = row.get("document") or ""
    if not doc:
        yield "document", "a document row needs the document's id (its file name)"
    elif "/" in doc or "\\" in doc or doc in (".", ".."):
        yield "document", f"{_show(doc)} is not a document id (a file name, without folders)"
    for name in ("event_id", *_EVENT_ONLY):
        if row.get(name):
            yield name, "a document row sets only title, published, outlet and language"
    if not any(row.get(k) for k in DOCUMENT_FIELDS):
        yield "published", "a document row needs at least one of title, published, outlet, language"
    for name in ("title", "outlet"):
        if len(row.get(name) or "") > MAX_FIELD_CHARS:
            yield name, f"{len(row[name])} characters, more than {MAX_FIELD_CHARS} for a document's {name}"
    if row.get("published") and _day(row["published"]) is None:
        yield "published", f"{_show(row['published'])} is not a real date YYYY-MM-DD"
    if row.get("language") and not _LANGUAGE.fullmatch(row["language"]):
        yield "language", f"{_show(row['language'])} is not a language code such as de or en"
    if row.get("source_url") and not _URL.fullmatch(row["source_url"]):
        yield "source_url", f"{_show(row['source_url'])} is not an http(s) address"


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if _DATE.fullmatch(value) else None
    except ValueError:
        return None


def document_overrides(rows: list[dict]) -> dict[str, dict]:
    """Curated metadata by document id from the document rows (a later row wins field by
    field), `published` as a date: what the loader puts in place of the file's metadata."""
    out: dict[str, dict] = {}
    for row in rows:
        if row.get("action") != "document":
            continue
        fields = out.setdefault(row["document"], {})
        for name in DOCUMENT_FIELDS:
            if row.get(name):
                fields[name] = _day(row[name]) if name == "published" else row[name]
    return out


def mark_documents(entries: list[dict], overrides: dict[str, dict]) -> list[str]:
    """List the curated fields in each document's `generated_from` entry (in place); return
    a message for each document row whose document is not among the inputs."""
    by_id = {e.get("id"): e for e in entries}
    stale = []
    for doc, fields in overrides.items():
        entry = by_id.get(doc)
        if entry is None:
            stale.append(f"document: document '{doc}' is not among the inputs")
            continue
        entry["curated_fields"] = sorted(fields)
    return stale


def _date_problems(row: dict):
    days = {}
    for name in ("date_start", "date_end"):
        value = row.get(name)
        if value:
            try:
                days[name] = dt.date.fromisoformat(value) if _DATE.fullmatch(value) else None
            except ValueError:
                days[name] = None
            if days[name] is None:
                yield name, f"{_show(value)} is not a real date YYYY-MM-DD"
    if row.get("date_end") and not row.get("date_start"):
        yield "date_end", "needs date_start"
    if days.get("date_start") and days.get("date_end") and days["date_start"] > days["date_end"]:
        yield "date_end", f"{row['date_end']} is before date_start {row['date_start']}"


def _point_problems(row: dict):
    for name, limit in (("lat", 90), ("lon", 180)):
        value = row.get(name)
        if value and not (_NUMBER.fullmatch(value) and math.isfinite(float(value)) and abs(float(value)) <= limit):
            yield name, f"{_show(value)} is not a number from -{limit} to {limit}"
    if bool(row.get("lat")) != bool(row.get("lon")):
        yield "lon" if row.get("lat") else "lat", "lat and lon go together"


def _action_problems(row: dict):
    action = row.get("action")
    if action == "merge" and not row.get("target"):
        yield "target", "merge needs the id of the event to merge into"
    if action == "merge" and row.get("target") == row.get("event_id"):
        yield "target", "an event cannot merge into itself"
    if action == "split" and not _EVIDENCE.fullmatch(row.get("evidence") or ""):
        yield "evidence", f"{_show(row.get('evidence'))} is not 'document:start;…'"
    if action == "add" and not (row.get("source_url") or row.get("source_note")):
        yield "source_url", "add needs source_url or source_note"
    if row.get("source_url") and not _URL.fullmatch(row["source_url"]):
        yield "source_url", f"{_show(row['source_url'])} is not an http(s) address"


def _show(value) -> str:
    """A value for a message: quoted, and cut short so a huge cell does not flood the screen."""
    text = "" if value is None else str(value)
    return repr(text if len(text) <= 80 else text[:80] + "…")


def apply_curation(features: list[dict], rows: list[dict]) -> tuple[list[dict], CurationReport]:
    """Apply editors' rows to contract features; pure: the input list is not changed."""
    report = CurationReport()
    if not rows:
        return list(features), report
    _check_rows(rows, source=rows[0].get("_file", "curation"))
    touched = {r["event_id"] for r in rows} | {r.get("target", "") for r in rows}
    by_id = {f["properties"]["id"]: (copy.deepcopy(f) if f["properties"]["id"] in touched else f) for f in features}
    order = [f["properties"]["id"] for f in features]
    for row in rows:
        if row["action"] == "document":
            continue  # applied to the document when it is read (document_overrides)
        stale = _apply_row(row, by_id, order, report)
        if stale:
            report.stale.append(f"row {row['_row']}: {row['action']}: {stale}")
            continue
        report.applied += 1
        # the row's event, its merge target, and the event a split or an add appended last
        _check_result(row, [by_id.get(i) for i in (row["event_id"], row.get("target"), order[-1])])
    return [by_id[i] for i in dict.fromkeys(order) if i in by_id], report


def _apply_row(row: dict, by_id: dict, order: list[str], report: CurationReport) -> str | None:
    """One row applied in place; the reason when it no longer fits the events, else None."""
    eid, action = row["event_id"], row["action"]
    if action == "add":
        if eid in by_id:
            return f"event id '{eid}' already exists"
        by_id[eid] = _new_feature(eid, row)
        order.append(eid)
        return None
    if eid not in by_id:
        return f"event '{eid}' no longer exists"
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
            return f"target event '{target}' no longer exists"
        _merge_into(by_id[target], feat, row)
        del by_id[eid]
    elif action == "split":
        new = _split(feat, row, existing=by_id)
        if new is None:
            return f"none of the evidence '{row.get('evidence')}' is in '{eid}'"
        by_id[new["properties"]["id"]] = new
        order.append(new["properties"]["id"])
    return None


def _check_result(row: dict, features: list[dict | None]) -> None:
    """The events a row changed still honour the contract, or the row is named: e.g. a
    precision given to an event that has no date."""
    for feat in features:
        if feat is None:
            continue
        try:
            EventFeature.model_validate(feat)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"][1:]) or "event"
            raise CurationError(f"{row.get('_file', 'curation')}: row {row['_row']}: event '{feat['properties'].get('id')}': "
                                f"{where}: {err['msg']}") from None


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
    if "place_name" in changed:
        p["place_name_de"] = None  # the editor's name is the only one known: readers see it
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
