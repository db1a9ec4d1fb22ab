"""The current view as CSV (flat columns) and GeoJSON (the contract's own Features), for download buttons.

Kept apart from `dashboard/export.py` (the editors' export command and offline embeds)."""
from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd

from dashboard.data import Events
from dashboard.export import csv_cell
from geo.contract import SCHEMA_VERSION

_CSV_COLUMNS = ["id", "title", "event_type", "date_text", "date_start", "date_end", "date_precision",
                "date_basis", "place_name", "place_type", "lon", "lat", "actors", "cited_sources",
                "documents", "confidence", "method", "language"]


def deferred(build: Callable[..., bytes], view: pd.DataFrame, events: Events, *args) -> Callable[[], bytes]:
    """`build(view, *args)` as a download button's data callable that holds the view's row
    labels in the shared events frame, not the view: Streamlit keeps the callable of every
    session until its next rerun, and a filtered view is a copy of its rows (megabytes per
    reader at 100k events)."""
    frame = events.frame
    rows = None if view is frame else view.index.to_numpy()

    def data() -> bytes:
        return build(frame if rows is None else frame.loc[rows], *args)

    return data


def to_csv(view: pd.DataFrame) -> bytes:
    """One row per event; list fields joined with '; '; no cell a spreadsheet would run."""
    flat = view[_CSV_COLUMNS].copy()
    for col in ("actors", "cited_sources", "documents"):
        flat[col] = flat[col].map("; ".join)
    for col in ("date_start", "date_end"):
        flat[col] = flat[col].dt.strftime("%Y-%m-%d")
    for col in flat.columns:
        if not pd.api.types.is_numeric_dtype(flat[col]):
            flat[col] = flat[col].map(csv_cell)
    # RFC 4180 line ends: csv then quotes a cell holding a lone CR, which a reader would take as a row end
    return flat.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def to_geojson(view: pd.DataFrame, events: Events) -> bytes:
    """A FeatureCollection in the contract's shape holding only the events in view."""
    ids = list(view["id"])
    docs = {d for i in ids for d in events.features[i]["properties"]["documents"]}
    out = {"type": "FeatureCollection", "schema_version": SCHEMA_VERSION,
           "generated_from": [m for d, m in events.documents.items() if d in docs],
           "features": [events.features[i] for i in ids]}
    return json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8")


def to_embed_zip(view: pd.DataFrame, events: Events, story, lang: str) -> bytes:
    """The story embed of the events in view (dashboard.export's files: embed.html, its PNG
    fallback, the host snippet, data) as one zip a newsroom publishes as static files."""
    import tempfile
    import zipfile
    from io import BytesIO
    from pathlib import Path

    from dashboard.export import export_all

    ids = list(view["id"])
    docs = {d for i in ids for d in events.features[i]["properties"]["documents"]}
    col = {"generated_from": [{**m, "id": d} for d, m in events.documents.items() if d in docs]}
    buf = BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        written = export_all(col, tmp, features=[events.features[i] for i in ids], title=story.title,
                             lang=lang, intro=story.intro, sources=list(story.sources) or None, as_of=story.as_of)
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in written:
                zf.write(path, Path(path).name)
    return buf.getvalue()
