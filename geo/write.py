"""Events to `events.geojson` and `events.parquet`: validated, deterministic, atomic.

Same input, same bytes: features are sorted, keys keep the contract's order, no timestamps.
Each file is written to a temporary file in the target folder and renamed into place, so a
run killed at any moment leaves the previous outputs intact.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from geo.contract import SCHEMA_VERSION, EventProperties, feature_dict, validate_collection
from geo.records import Document, Event, Place


def event_properties(e: Event, *, areas: dict[str, str] | None = None) -> EventProperties:
    """The contract's view of an assembled event; `areas` maps place ids to coarse outlines
    (JSON text) for events whose places travelled without their geometry."""
    iv = e.interval
    area = None
    if e.place and e.place.type not in ("site", "city"):
        text = (areas or {}).get(e.place.id) or coarse_area(e.place)
        area = json.loads(text) if text else None
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
        place_geometry=area,
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


_COARSE: dict[str, str | None] = {}


def coarse_area(place: Place) -> str | None:
    """The place's area outline at event-map detail (JSON text): at most a few hundred vertices,
    since every event at a country or sea repeats it. Cached per place id."""
    if place.id not in _COARSE:
        _COARSE[place.id] = _coarsen(place.geometry) if place.geometry else None
    return _COARSE[place.id]


def _coarsen(geometry: dict) -> str:
    from shapely import get_num_coordinates, set_precision
    from shapely.geometry import mapping, shape

    geom = shape(geometry)
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
        # When `published` is missing: the date the loader read the document against, and why.
        "reference_date": doc.reference.isoformat() if doc.reference else None,
        "reference_basis": doc.reference_basis,
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
    # Every feature was built through EventProperties (and curated ones re-validated), so only
    # the top level is checked here: validating 100k features twice doubled the run time.
    validate_collection({**col, "features": []}, source="<loader output>")
    return col


def to_feature(e: Event, *, areas: dict[str, str] | None = None) -> dict:
    geometry = {"type": "Point", "coordinates": [round(e.place.lon, 5), round(e.place.lat, 5)]} if e.place else None
    return feature_dict(event_properties(e, areas=areas), geometry)


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
        for key in ("evidence", "place_geometry", "places_mentioned", "explanation", "curated_fields", "curation_sources"):
            p[key] = json.dumps(p.get(key), ensure_ascii=False, sort_keys=True)
        rows.append(p)
        geoms.append(shape(f["geometry"]) if f["geometry"] else None)
    columns = list(EventProperties.model_fields) + ["place_inherited", "country_code", "explanation", "verified", "curated_fields", "curation_sources"]
    gdf = gpd.GeoDataFrame(rows, columns=columns, geometry=geoms, crs="EPSG:4326")
    gdf.to_parquet(tmp, index=False, compression="zstd")
