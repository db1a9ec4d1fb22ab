"""Big events files: read the loader's GeoParquet sibling instead of parsing the GeoJSON.

How the contract is checked here, and why: validating 100k events one by one with the
contract's pydantic models takes ~15 s (1M: minutes and gigabytes), so for big files
`geo.contract` remains the gate but is applied as
  1. the GeoJSON's top level (`schema_version`, `generated_from`) validated in full by
     `validate_collection`, read from the head of the file without parsing the features;
  2. the GeoParquet schema: every field the contract requires must be a column;
  3. full-column checks of what the dashboard relies on: vocabularies (`event_type`,
     `date_precision`, `date_basis`, `place_type`, `method`), `confidence` in 0–1, ids present;
  4. a deterministic sample of SAMPLE_ROWS rows (evenly spread, first and last included)
     validated as Features by the pydantic models (dates, evidence offsets, coordinates…).
A broken row outside the sample can slip through checks 3–4 only in fields the dashboard
shows as text. The parquet is trusted only when written with the GeoJSON (see `use_parquet`; the
same `output_id` in both, `_check_pair`).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.frame import COLUMNS
from geo.contract import (
    DATE_BASES,
    DATE_PRECISIONS,
    EVENT_TYPES,
    METHODS,
    PLACE_TYPES,
    ContractError,
    EventProperties,
    validate_collection,
)
from geo.write import OUTPUT_ID_KEY

FULL_VALIDATION_MAX_BYTES = 8_000_000  # ~10k events: full pydantic validation stays under ~2 s
SAMPLE_ROWS = 500
# The loader writes the parquet, then the GeoJSON; a parquet much older than its GeoJSON was
# not written with it (e.g. a hand-edited GeoJSON) and is ignored.
MAX_SKEW_S = 300
_FEATURES = re.compile(rb',\s*"features"\s*:\s*\[')
_JSON_COLUMNS = ("evidence", "place_geometry", "places_mentioned")


def use_parquet(path: Path, *, size: int, mtime: float, pq_mtime: float, pq_size: int) -> bool:
    """Whether to read `path`'s GeoParquet sibling instead of the GeoJSON itself."""
    return (path.suffix == ".geojson" and size > FULL_VALIDATION_MAX_BYTES and pq_size > 0
            and pq_mtime >= mtime - MAX_SKEW_S)


class JsonList(Sequence):
    """A list kept as its JSON text and parsed when read (evidence of 1M events as dicts
    would take gigabytes; only the focused event's is ever read)."""

    __slots__ = ("_text",)

    def __init__(self, text: str | None):
        self._text = text or "[]"

    def _items(self) -> list:
        return json.loads(self._text) or []

    def __getitem__(self, i):
        return self._items()[i]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self):
        return iter(self._items())

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, tuple, Sequence)) else NotImplemented

    def __repr__(self) -> str:
        return f"JsonList({self._text[:60]!r})"


def _head(path: Path) -> dict:
    """The top level of a GeoJSON events file, without its features (read up to `"features"`)."""
    buf = b""
    with open(path, "rb") as fh:
        while len(buf) < 256 * 2**20:
            chunk = fh.read(2**20)
            if not chunk:
                break
            buf += chunk
            # `,"features":[` cannot occur inside a JSON string: its quotes would be escaped.
            m = _FEATURES.search(buf)
            if m:
                try:
                    return json.loads(buf[:m.start()].decode("utf-8") + "}")
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise ContractError(path, "(file)", f"not valid JSON: {exc}") from None
    raise ContractError(path, "features", "no features array found")


class PairError(ContractError):
    """The GeoParquet beside a GeoJSON was not written with it (another `output_id`)."""


def _pair(path: Path, pq_path: Path) -> tuple[Path, Path]:
    """Both files from one published version (see geo.write): the GeoJSON's link is resolved
    once and the GeoParquet taken from the same folder, so a swap between the two reads
    cannot mix versions."""
    real = Path(os.path.realpath(path))
    beside = real.parent / Path(pq_path).name
    return real, beside if beside.exists() else Path(os.path.realpath(pq_path))


def _check_pair(head: dict, table_schema: pa.Schema, pq_path: Path) -> None:
    ours = head.get("output_id")
    theirs = (table_schema.metadata or {}).get(OUTPUT_ID_KEY)
    theirs = theirs.decode("ascii", "replace") if theirs else None
    if ours != theirs:
        raise PairError(pq_path, "output_id", f"{theirs} is not the GeoJSON's {ours}: the files were not written together")


def _check_schema(table_schema: pa.Schema, pq_path: Path) -> None:
    required = [n for n, f in EventProperties.model_fields.items() if f.is_required()]
    for name in required + ["geometry"]:
        if name not in table_schema.names:
            raise ContractError(pq_path, name, "column missing from the GeoParquet file")


def _check_columns(table: pa.Table, pq_path: Path) -> None:
    for name, allowed in (("event_type", EVENT_TYPES), ("date_precision", DATE_PRECISIONS),
                          ("date_basis", DATE_BASES), ("place_type", PLACE_TYPES), ("method", METHODS)):
        col = table[name]
        bad = pc.invert(pc.is_in(col, value_set=pa.array(allowed)))
        if pc.any(bad).as_py():
            row = int(pc.index(bad, True).as_py())
            raise ContractError(pq_path, f"features.{row}.properties.{name}",
                                f"{col[row].as_py()!r} is not one of {', '.join(allowed)}")
    conf = table["confidence"]
    bad = pc.or_kleene(pc.or_kleene(pc.less(conf, 0.0), pc.greater(conf, 1.0)), pc.is_null(conf))
    if pc.any(bad).as_py():
        row = int(pc.index(bad, True).as_py())
        raise ContractError(pq_path, f"features.{row}.properties.confidence", "must be a number from 0 to 1")
    if table["id"].null_count:
        raise ContractError(pq_path, "id", "an event has no id")


def _feature(row: dict) -> dict:
    props = {k: v for k, v in row.items() if k != "geometry"}
    for key in _JSON_COLUMNS:
        if isinstance(props.get(key), str):
            props[key] = json.loads(props[key])
    props["places_mentioned"] = props.get("places_mentioned") or []
    geom = row.get("geometry")
    point = None
    if geom:
        import shapely

        g = shapely.from_wkb(geom)
        point = {"type": "Point", "coordinates": [g.x, g.y]}
    return {"type": "Feature", "geometry": point, "properties": props}


def _check_sample(table: pa.Table, head: dict, pq_path: Path) -> None:
    n = table.num_rows
    rows = sorted(set(np.linspace(0, n - 1, min(SAMPLE_ROWS, n)).astype(int).tolist())) if n else []
    sample = table.take(pa.array(rows, pa.int64())).to_pylist() if rows else []
    try:
        validate_collection({**head, "features": [_feature(r) for r in sample]}, source=pq_path)
    except ContractError as exc:
        m = re.match(r"features\.(\d+)(.*)", exc.field)
        if m:  # name the row in the file, not in the sample
            raise ContractError(pq_path, f"features.{rows[int(m.group(1))]}{m.group(2)}", exc.problem) from None
        raise


def _lists(col: pa.ChunkedArray) -> list[list[str]]:
    """A list<string> column as Python lists whose equal strings are one shared object."""
    arr = col.combine_chunks()
    if len(arr) == 0:
        return []
    flat = arr.flatten()
    enc = pc.dictionary_encode(flat).combine_chunks() if isinstance(flat, pa.ChunkedArray) else pc.dictionary_encode(flat)
    vocab = enc.dictionary.to_pylist()
    words = [vocab[i] for i in enc.indices.to_numpy(zero_copy_only=False)]
    offsets = arr.offsets.to_numpy()
    offsets = offsets - offsets[0]
    return [words[offsets[k]:offsets[k + 1]] for k in range(len(arr))]


def _shared_json(col: pa.ChunkedArray) -> list:
    """Parse a JSON-text column once per distinct value (outlines are shared by reference)."""
    cache: dict = {}
    out = []
    for text in col.to_pylist():
        if text not in cache:
            cache[text] = json.loads(text) if text else None
        out.append(cache[text])
    return out


def _strings(col: pa.ChunkedArray) -> list:
    """A string column as Python strings, each distinct value one shared object (None for null)."""
    enc = pc.dictionary_encode(col).combine_chunks()
    vocab = enc.dictionary.to_pylist() + [None]
    idx = enc.indices.fill_null(len(vocab) - 1).to_numpy(zero_copy_only=False)
    return [vocab[i] for i in idx.tolist()]


def read(path: Path, pq_path: Path) -> tuple[pd.DataFrame, dict, Mapping]:
    """(frame with dashboard.frame.COLUMNS, documents by id, features by id) from the GeoParquet."""
    import shapely

    path, pq_path = _pair(path, pq_path)
    head = _head(path)
    validate_collection({**head, "features": []}, source=path)
    documents = {str(d.get("id")): d for d in head.get("generated_from", []) if d.get("id") is not None}
    schema = pq.read_schema(pq_path)
    _check_schema(schema, pq_path)
    _check_pair(head, schema, pq_path)
    wanted = [c for c in list(EventProperties.model_fields) + ["date_inherited", "geometry"] if c in schema.names]
    table = pq.read_table(pq_path, columns=wanted)
    _check_columns(table, pq_path)
    _check_sample(table, head, pq_path)

    n = table.num_rows
    geoms = table["geometry"].to_numpy(zero_copy_only=False) if n else np.array([], dtype=object)
    points = shapely.from_wkb(geoms)
    located = ~shapely.is_missing(points)
    lon, lat = np.full(n, np.nan), np.full(n, np.nan)
    lon[located], lat[located] = shapely.get_x(points[located]), shapely.get_y(points[located])
    docs = _lists(table["documents"])
    outlet_of = {d: str(m["outlet"]) for d, m in documents.items() if m.get("outlet")}
    outlets_cache: dict = {}

    def outlets(ds: list[str]) -> list[str]:
        key = tuple(ds)
        if key not in outlets_cache:
            outlets_cache[key] = sorted({outlet_of[d] for d in ds if d in outlet_of})
        return outlets_cache[key]

    title = table["title"].to_pylist()
    evidence_text = table["evidence"].to_pylist()
    quotes = pa.array(evidence_text, pa.string())
    quotes_only = _quotes(quotes)
    date_start = pd.to_datetime(pd.Series(table["date_start"].to_pylist(), dtype=object), format="%Y-%m-%d")
    date_end = pd.to_datetime(pd.Series(table["date_end"].to_pylist(), dtype=object), format="%Y-%m-%d")
    undated = date_start.isna().to_numpy() | np.asarray(table["undated"].fill_null(False).to_numpy(zero_copy_only=False))
    place_geometry = _shared_json(table["place_geometry"])
    place_type = _strings(table["place_type"])
    has_area = np.fromiter((g is not None for g in place_geometry), bool, n)
    unlocated = np.asarray(table["unlocated"].fill_null(False).to_numpy(zero_copy_only=False)) | (~located & ~has_area)
    frame = pd.DataFrame({
        "id": table["id"].to_pylist(), "title": title, "event_type": _strings(table["event_type"]),
        "date_start": date_start, "date_end": date_end,
        "date_precision": _strings(table["date_precision"]), "date_basis": _strings(table["date_basis"]),
        "date_inherited": ([x or "" for x in _strings(table["date_inherited"])]
                           if "date_inherited" in table.column_names else [""] * n),
        "date_text": _strings(table["date_text"]), "place_name": _strings(table["place_name"]),
        "place_name_de": (_strings(table["place_name_de"]) if "place_name_de" in table.column_names else [None] * n),
        "place_id": _strings(table["place_id"]), "place_type": place_type, "place_geometry": place_geometry,
        "lon": pd.Series(lon).astype(object).where(located, None),
        "lat": pd.Series(lat).astype(object).where(located, None),
        "actors": _lists(table["actors"]), "cited_sources": _lists(table["cited_sources"]),
        "documents": docs, "outlets": [outlets(d) for d in docs],
        "evidence": [JsonList(t) for t in evidence_text],
        "confidence": table["confidence"].to_numpy(zero_copy_only=False).astype(float),
        "method": _strings(table["method"]), "language": _strings(table["language"]),
        "section": _strings(table["section"]) if "section" in table.column_names else ["body"] * n,
        "undated": undated, "unlocated": unlocated, "n_docs": [len(d) for d in docs],
        # Arrow-backed: a third of the memory of Python strings, and str.contains runs in Arrow.
        "search_text": pd.array([(t + " " + q).casefold() if q else t.casefold() for t, q in zip(title, quotes_only)],
                                dtype=pd.ArrowDtype(pa.string())),
    }, columns=COLUMNS)
    del table, title, evidence_text, quotes, quotes_only
    for col in ("id", "title", "event_type", "date_precision", "date_basis", "date_text", "place_name",
                "place_name_de", "place_id", "place_type", "method", "language", "section"):
        # pandas' string dtype turns None into NaN (truthy); keep None so `x or default` works.
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame, documents, FrameFeatures(frame)


def _quotes(evidence: pa.Array) -> list[str]:
    """The quotes of each event's evidence joined by spaces (the search covers titles and quotes)."""
    import duckdb

    con = duckdb.connect()
    con.register("ev", pa.table({"e": evidence}))
    rows = con.execute(
        "SELECT array_to_string(list_transform(from_json(e, '[{\"quote\":\"VARCHAR\"}]'), lambda x: x.quote), ' ') "
        "FROM ev").fetchnumpy()
    con.close()
    return [q or "" for q in next(iter(rows.values())).tolist()]


class FrameFeatures(Mapping):
    """Event id -> the contract's Feature, rebuilt from the frame on demand (for downloads).

    Added fields other than `section`, `undated`, `unlocated` (e.g. `explanation`) are left out."""

    _FIELDS = ("id", "title", "event_type", "date_start", "date_end", "date_precision", "date_basis",
               "date_text", "place_name", "place_id", "place_type", "place_geometry", "actors",
               "cited_sources", "documents", "evidence", "confidence", "method", "language", "section",
               "undated", "unlocated")

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame
        self._index = pd.Index(frame["id"])

    def __getitem__(self, event_id: str) -> dict:
        pos = self._index.get_loc(event_id)
        if not isinstance(pos, (int, np.integer)):
            raise KeyError(event_id)
        row = self._frame.iloc[int(pos)]
        props = {}
        for key in self._FIELDS:
            value = row[key]
            if key in ("date_start", "date_end"):
                value = None if pd.isna(value) else value.date().isoformat()
            elif key in ("actors", "cited_sources", "documents", "evidence"):
                value = list(value)
            elif key in ("undated", "unlocated"):
                value = bool(value)
            elif key == "confidence":
                value = float(value)
            props[key] = value
        props["places_mentioned"] = []
        geom = None if row["lon"] is None else {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
        return {"type": "Feature", "geometry": geom, "properties": props}

    def __iter__(self):
        return iter(self._frame["id"])

    def __len__(self) -> int:
        return len(self._frame)
