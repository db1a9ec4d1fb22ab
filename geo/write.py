"""Events to `events.geojson` and `events.parquet`: validated, deterministic, atomic.

Same input, same bytes: features are sorted, keys keep the contract's order, no timestamps.
Each file is written to a temporary file in the target folder and renamed into place, so a
run killed at any moment leaves the previous outputs intact.
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from geo.contract import SCHEMA_VERSION, EventProperties, feature_dict, validate_collection
from geo.records import Document, Event


def event_properties(e: Event) -> EventProperties:
    """The contract's view of an assembled event."""
    iv = e.interval
    return EventProperties(
        id=e.id,
        title=e.title,
        event_type=e.event_type,
        date_start=iv.start if iv else None,
        date_end=iv.end if iv else None,
        date_precision=iv.precision if iv else "undated",
        date_basis=iv.basis if iv else "none",
        date_text=e.date_text,
        place_name=e.place.name if e.place else None,
        place_id=e.place.id if e.place else None,
        place_type=e.place.type if e.place else "unknown",
        place_geometry=_coarse_geometry(e.place.id, e.place.geometry) if e.place and e.place.type not in ("site", "city") else None,
        actors=list(e.actors),
        cited_sources=list(e.cited_sources),
        documents=list(e.documents),
        evidence=[
            {"document": v.document, "start": v.start, "end": v.end, "quote": v.quote, "sentence": v.sentence, "sentence_start": v.sentence_start}
            for v in e.evidence
        ],
        confidence=e.confidence,
        method="extracted",
        language=e.language,
        places_mentioned=[{"name": p.name, "id": p.id, "type": p.type} for p in e.places_mentioned],
        section=e.section,
        undated=iv is None,
        unlocated=e.place is None,
        place_inherited=e.place_inherited,
        country_code=e.place.country_code if e.place else None,
        explanation=[list(pair) for pair in e.explanation],
    )


_MAX_VERTICES = 400


def _coarse_geometry(place_id: str, geometry: dict | None) -> dict | None:
    """The area outline at event-map detail: at most a few hundred vertices per place, since
    every event at a country or sea repeats it."""
    if geometry is None:
        return None
    return json.loads(_coarse_json(place_id, json.dumps(geometry, sort_keys=True)))


@lru_cache(maxsize=4096)
def _coarse_json(place_id: str, geometry_json: str) -> str:
    from shapely import get_num_coordinates, set_precision
    from shapely.geometry import mapping, shape

    geom = shape(json.loads(geometry_json))
    tolerance = 0.02
    while get_num_coordinates(geom) > _MAX_VERTICES and tolerance < 5:
        simpler = geom.simplify(tolerance, preserve_topology=True)
        if not simpler.is_empty:
            geom = simpler
        tolerance *= 2
    geom = set_precision(geom, 0.001)
    return json.dumps(mapping(geom))


def document_entry(doc: Document) -> dict:
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "outlet": doc.outlet,
        "url": doc.url,
        "language": doc.language,
        "author": doc.author,
    }


def build_collection(features: list[dict], documents: list[dict]) -> dict:
    """The FeatureCollection in a canonical order, validated against the contract."""
    features = sorted(features, key=lambda f: (f["properties"]["date_start"] or "9999", f["properties"]["id"]))
    col = {
        "type": "FeatureCollection",
        "schema_version": SCHEMA_VERSION,
        "generated_from": sorted(documents, key=lambda d: d["id"]),
        "features": features,
    }
    validate_collection(col, source="<loader output>")
    return col


def to_feature(e: Event) -> dict:
    geometry = {"type": "Point", "coordinates": [round(e.place.lon, 5), round(e.place.lat, 5)]} if e.place else None
    return feature_dict(event_properties(e), geometry)


def write_outputs(col: dict, geojson_path: str | Path) -> list[Path]:
    """Write the GeoJSON and its GeoParquet sibling atomically; return the paths written."""
    geojson_path = Path(geojson_path)
    geojson_path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(col, ensure_ascii=False, separators=(",", ":")) + "\n"
    parquet_path = geojson_path.with_suffix(".parquet")
    _atomic_write(parquet_path, lambda tmp: _write_parquet(col, tmp))
    _atomic_write(geojson_path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return [geojson_path, parquet_path]


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_parquet(col: dict, tmp: str) -> None:
    """GeoParquet with the same rows; nested fields as JSON text for portability."""
    import geopandas as gpd
    from shapely.geometry import shape

    rows, geoms = [], []
    for f in col["features"]:
        p = dict(f["properties"])
        for key in ("evidence", "place_geometry", "places_mentioned", "explanation"):
            p[key] = json.dumps(p[key], ensure_ascii=False, sort_keys=True)
        rows.append(p)
        geoms.append(shape(f["geometry"]) if f["geometry"] else None)
    columns = list(EventProperties.model_fields) + ["place_inherited", "country_code", "explanation"]
    gdf = gpd.GeoDataFrame(rows, columns=columns, geometry=geoms, crs="EPSG:4326")
    gdf.to_parquet(tmp, index=False, compression="zstd")
