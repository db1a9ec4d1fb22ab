"""The dashboard's event table: one row per event, the same columns whichever file it came from.

`dashboard.data` builds it from a validated GeoJSON, `dashboard.bigfile` from a GeoParquet;
both name their columns from here, so neither needs the other.
"""
from __future__ import annotations

# Place types drawn as areas (their `place_geometry`), not as points.
AREA_TYPES = ("admin1", "country", "sea", "region", "border")

COLUMNS = [
    "id", "title", "event_type", "date_start", "date_end", "date_precision", "date_basis",
    "date_inherited", "date_text", "place_name", "place_name_de", "place_id", "place_type", "place_geometry", "lon", "lat",
    "actors", "cited_sources", "documents", "outlets", "evidence", "confidence", "method",
    "language", "section", "undated", "unlocated", "n_docs", "search_text",
]


def for_reader(frame, lang: str):
    """The table as a reader of `lang` sees it: for a German reader each place by its German name
    ("Karibisches Meer", "Vereinigte Staaten", where the file gives one: `place_name_de`), so the
    place column, tooltips and titles rebuilt in German agree with the German titles. The
    canonical `place_name` stays in the file and in downloads."""
    import pandas as pd

    if lang != "de" or "place_name_de" not in frame or not frame["place_name_de"].notna().any():
        return frame
    names = [de if isinstance(de, str) and de else name for de, name in zip(frame["place_name_de"], frame["place_name"])]
    return frame.assign(place_name=pd.Series(names, index=frame.index, dtype=object))
