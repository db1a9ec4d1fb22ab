"""The dashboard's event table: one row per event, the same columns whichever file it came from.

`dashboard.data` builds it from a validated GeoJSON, `dashboard.bigfile` from a GeoParquet;
both name their columns from here, so neither needs the other.
"""
from __future__ import annotations

# Place types drawn as areas (their `place_geometry`), not as points.
AREA_TYPES = ("admin1", "country", "sea", "region", "border")

COLUMNS = [
    "id", "title", "event_type", "date_start", "date_end", "date_precision", "date_basis",
    "date_inherited", "date_text", "place_name", "place_id", "place_type", "place_geometry", "lon", "lat",
    "actors", "cited_sources", "documents", "outlets", "evidence", "confidence", "method",
    "language", "section", "undated", "unlocated", "n_docs", "search_text",
]
