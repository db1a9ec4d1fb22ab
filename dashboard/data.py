"""Cached loading: the events file (through `geo.contract`) and the offline world outline.

Small files are validated event by event with the contract's pydantic models. Big ones
(over FULL_VALIDATION_MAX_BYTES of GeoJSON with a fresh GeoParquet sibling, as the loader
writes them) are read from the GeoParquet instead; see `dashboard.bigfile` for how the
contract is checked there and why.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.filters import FilterState
from dashboard.frame import COLUMNS, for_reader
from geo.contract import ContractError, EventCollection, read_events

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVENTS = ROOT / "data" / "events.geojson"
DEFAULT_OUTLINE = ROOT / "geo" / "ref" / "countries.geojson"


@dataclass(frozen=True)
class Events:
    """What the dashboard needs from one events file."""

    frame: pd.DataFrame  # one row per event, COLUMNS
    features: dict  # event id -> the Feature as JSON-ready dict (for GeoJSON export)
    documents: dict  # document id -> its `generated_from` metadata
    path: str
    _query: list = field(default_factory=list, repr=False, compare=False)  # lazily built EventQuery
    _frames: dict = field(default_factory=dict, repr=False, compare=False)  # language -> reader's frame

    def query(self):
        """The DuckDB index over this file's events, built on first use."""
        if not self._query:
            from dashboard.query import EventQuery

            self._query.append(EventQuery(self.frame))
        return self._query[0]

    def frame_for(self, lang: str) -> pd.DataFrame:
        """The frame as a reader of `lang` sees it (`dashboard.frame.for_reader`: German place names for
        German readers), built once per language and shared by every session like the frame itself, so
        the memo of derived values (`frame_memo`, keyed by the frame) is not rebuilt on every rerun."""
        if lang not in self._frames:
            self._frames[lang] = for_reader(self.frame, lang)
        return self._frames[lang]


def events_path() -> Path:
    """The events file: env GEO_EVENTS, else data/events.geojson."""
    return Path(os.environ.get("GEO_EVENTS") or DEFAULT_EVENTS)


def outline_path() -> Path:
    """The offline world outline: env GEO_OUTLINE, else geo/ref/countries.geojson."""
    return Path(os.environ.get("GEO_OUTLINE") or DEFAULT_OUTLINE)


def _file_key(path: Path) -> tuple[str, float, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), 0.0, -1)
    return (str(path), stat.st_mtime, stat.st_size)


def load_events(path: Path | None = None) -> Events:
    """Read events through the contract; cached per path+mtime+size (of the GeoJSON and its
    GeoParquet sibling) so a new file is picked up."""
    path = Path(path or events_path())
    return _load_events(*_file_key(path), *_file_key(path.with_suffix(".parquet")))


def filter_events(events: Events, state: FilterState, lang: str = "en") -> pd.DataFrame:
    """The events passing the sidebar's filters, queried in DuckDB (see dashboard.query), as a reader
    of `lang` sees them (`Events.frame_for`: same rows in the same order, so the query's positions hold)."""
    from dashboard.query import filter_frame

    return filter_frame(events.frame_for(lang), events.query(), state)


class FrameMemo:
    """Values derived from one loaded frame, built once and shared by every session (thread-safe).

    A reader's session keeps what its widgets were given until its next rerun; built per
    session (e.g. 20,000 document labels at 100k events) that was megabytes per reader."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame  # held, so the id this memo is cached under cannot be reused
        self._values: dict = {}
        self._lock = threading.RLock()  # a build may read another value (labels read the options)

    def get(self, key, build):
        """The value for `key`, from `build()` the first time; callers must not modify it."""
        with self._lock:
            if key not in self._values:
                self._values[key] = build()
            return self._values[key]


def frame_memo(frame: pd.DataFrame) -> FrameMemo:
    """The shared memo of `frame` (the loaded events' frame; not for per-session slices)."""
    return _frame_memo(frame)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs={pd.DataFrame: id})
def _frame_memo(frame: pd.DataFrame) -> FrameMemo:
    return FrameMemo(frame)


def load_outline(path: Path | None = None) -> dict | None:
    """The country outline FeatureCollection, or None when the file is absent or unreadable."""
    return _load_outline(*_file_key(path or outline_path()))


# A resource, not data: Streamlit would otherwise pickle and copy the whole frame on every
# rerun (seconds at 100k events). Nothing downstream modifies the frame in place.
@st.cache_resource(show_spinner=False, max_entries=2)
def _load_events(path: str, mtime: float, size: int, pq_path: str, pq_mtime: float, pq_size: int) -> Events:
    from dashboard import bigfile

    if bigfile.use_parquet(Path(path), size=size, mtime=mtime, pq_mtime=pq_mtime, pq_size=pq_size):
        try:
            frame, documents, features = bigfile.read(Path(path), Path(pq_path))
            return Events(frame=frame, features=features, documents=documents, path=path)
        except bigfile.PairError:
            pass  # not the GeoJSON's pair (e.g. one file replaced by hand): read the GeoJSON itself
    return events_from_collection(read_events(path), path=path)


@st.cache_data(show_spinner=False, max_entries=2)
def _load_outline(path: str, mtime: float, size: int) -> dict | None:
    if size < 0:
        return None
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if obj.get("type") != "FeatureCollection":
        return None
    # Only the shapes and names go to the browser; the reference file carries much more.
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": f.get("geometry"),
         "properties": {k: (f.get("properties") or {}).get(k) for k in ("iso2", "name")}}
        for f in obj.get("features", []) if f.get("geometry")]}


def events_from_collection(col: EventCollection, *, path: str = "<memory>") -> Events:
    """Flatten a validated collection into one DataFrame row per event."""
    documents = {str(d.get("id")): d for d in col.generated_from if d.get("id") is not None}
    rows, features = [], {}
    for feat in col.features:
        p = feat.properties
        geom = feat.geometry.model_dump(mode="json") if feat.geometry else None
        features[p.id] = {"type": "Feature", "geometry": geom, "properties": p.model_dump(mode="json")}
        lon, lat = (feat.geometry.coordinates if feat.geometry else (None, None))
        evidence = [e.model_dump(mode="json") for e in p.evidence]
        outlets = sorted({str(documents[d].get("outlet")) for d in p.documents
                          if d in documents and documents[d].get("outlet")})
        rows.append({
            "id": p.id, "title": p.title, "event_type": p.event_type,
            "date_start": pd.Timestamp(p.date_start) if p.date_start else pd.NaT,
            "date_end": pd.Timestamp(p.date_end) if p.date_end else pd.NaT,
            "date_precision": p.date_precision, "date_basis": p.date_basis,
            "date_inherited": str((p.model_extra or {}).get("date_inherited") or ""), "date_text": p.date_text,
            "place_name": p.place_name, "place_name_de": (p.model_extra or {}).get("place_name_de"), "place_id": p.place_id, "place_type": p.place_type,
            "place_geometry": p.place_geometry, "lon": lon, "lat": lat,
            "actors": list(p.actors), "cited_sources": list(p.cited_sources),
            "documents": list(p.documents), "outlets": outlets, "evidence": evidence,
            "confidence": float(p.confidence), "method": p.method, "language": p.language,
            "section": p.section,
            "undated": bool(p.undated or p.date_start is None),
            "unlocated": bool(p.unlocated or (feat.geometry is None and p.place_geometry is None)),
            "n_docs": len(p.documents),
            "search_text": " ".join([p.title] + [e.quote for e in p.evidence]).casefold(),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["date_start"] = pd.to_datetime(frame["date_start"])
    frame["date_end"] = pd.to_datetime(frame["date_end"])
    # pandas' string dtype turns None into NaN (truthy); keep None so `x or default` works.
    for col in ("title", "date_text", "place_name", "place_name_de", "place_id", "lon", "lat"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return Events(frame=frame, features=features, documents=documents, path=path)


def load_events_or_stop(lang: str = "en") -> Events:
    """Load events, or show which file and field break the contract and stop the script."""
    from dashboard.i18n import t

    try:
        return load_events()
    except ContractError as exc:
        st.error(t("contract_error", lang, path=exc.path, field=exc.field, problem=exc.problem))
        st.stop()


def load_story(events: Events, lang: str):
    """The page's title, intro, sources and "as of" date (see dashboard.story)."""
    from dashboard.story import build_story, story_path

    return build_story(_read_story(*_file_key(story_path(Path(events.path)))), documents=events.documents,
                       n_events=len(events.frame), lang=lang)


@st.cache_data(show_spinner=False, max_entries=4)
def _read_story(path: str, mtime: float, size: int) -> dict:
    from dashboard.story import read_config

    return read_config(Path(path)) if size >= 0 else {}


def default_language() -> str:
    """German when the reader's browser asks for it, else English (a `?lang=` parameter wins)."""
    try:
        locale = st.context.locale or ""
    except (AttributeError, RuntimeError):
        locale = ""
    return "de" if locale.lower().startswith("de") else "en"
