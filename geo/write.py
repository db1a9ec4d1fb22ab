"""Events to `events.geojson` and `events.parquet`: validated, deterministic, published as one pair.

Same input, same bytes: features are sorted, keys keep the contract's order, no timestamps.

How both files change together (a rename moves one name, and a pair has two): each run
writes the pair into a fresh folder `.<stem>.versions/v<n>-<id>/`, fsyncs it, then swaps the
folder's `current` symlink in one rename. `events.geojson` and `events.parquet` are fixed
symlinks through `current`, so a reader sees the old pair or the new pair, never a mix, and
a run killed at any moment leaves the previous pair. Both files carry the same `output_id`
(GeoJSON top level, GeoParquet schema metadata) for readers to check they hold a pair. The
previous version is kept for readers still on it; older ones and the temporaries of killed
runs go at the next run. A full disk or a read-only folder raises `OutputError`.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import hashlib
import json
import os
import re
import shutil
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


class OutputError(OSError):
    """The outputs could not be written; the previous pair is unchanged. The message says why."""


OUTPUT_ID_KEY = b"geo_events:output_id"  # the pair's id in the GeoParquet schema metadata
_VERSION = re.compile(r"v(\d+)-")


def write_outputs(col: dict, geojson_path: str | Path) -> list[Path]:
    """Publish the GeoJSON and its GeoParquet sibling as one pair; return the two paths."""
    geojson_path = Path(geojson_path)
    parquet_path = geojson_path.with_suffix(".parquet")
    text, output_id = _geojson_text(col)
    writers = {geojson_path.name: lambda p: p.write_text(text, encoding="utf-8"),
               parquet_path.name: lambda p: _write_parquet(col, p, output_id=output_id)}
    versions = geojson_path.parent / f".{geojson_path.stem}.versions"
    try:
        with _writer_lock(versions):
            _clean_stale(versions, [geojson_path, parquet_path])
            folder = _write_version(versions, output_id, writers)
            _swap(versions / "current", folder.name)
            for path in (parquet_path, geojson_path):  # one-time move from plain files to links
                _link(path, f"{versions.name}/current/{path.name}")
            _prune(versions, keep={folder.name, _previous(versions, folder.name)})
    except OSError as exc:
        raise OutputError(_why(exc, geojson_path)) from exc
    return [geojson_path, parquet_path]


def _geojson_text(col: dict) -> tuple[str, str]:
    """The GeoJSON text with `output_id` first, and that id: a hash of the content, so the
    same input still gives the same bytes. NaN or Infinity raise (they are not JSON)."""
    body = json.dumps({k: v for k, v in col.items() if k != "output_id"}, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
    output_id = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return f'{{"output_id":"{output_id}",' + body[1:] + "\n", output_id


def _why(exc: OSError, path: Path) -> str:
    reason = {errno.ENOSPC: "no space left on the device", errno.EDQUOT: "disk quota exceeded",
              errno.EROFS: "the folder is on a read-only file system",
              errno.EACCES: "no permission to write in the folder",
              errno.EPERM: "no permission to write in the folder"}.get(exc.errno, exc.strerror or str(exc))
    return f"{path}: cannot write the outputs: {reason}; the previous outputs are unchanged"


@contextlib.contextmanager
def _writer_lock(versions: Path):
    """One writer per output at a time, so cleaning never takes a running writer's files."""
    versions.mkdir(parents=True, exist_ok=True)
    ignore = versions / ".gitignore"  # the folder is generated output, like the two links
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    with open(versions / ".lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        yield


def _clean_stale(versions: Path, paths: list[Path]) -> None:
    """Temporaries of killed runs: version folders never published, links never swapped in,
    and the per-file temporaries of the writer before versions."""
    for p in versions.iterdir():
        if p.name.startswith(".tmp-") and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith((".tmp-", ".link-")):
            p.unlink(missing_ok=True)
    for path in paths:
        for p in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            p.unlink(missing_ok=True)


def _write_version(versions: Path, output_id: str, writers: dict) -> Path:
    """Both files written and fsynced in a temporary folder, renamed to the next version."""
    tmp = Path(tempfile.mkdtemp(dir=versions, prefix=".tmp-"))
    try:
        umask = _umask()
        for name, write in writers.items():
            write(tmp / name)
            with open(tmp / name, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp / name, 0o666 & ~umask)  # ordinary files, readable by the dashboard
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes 0700
        _fsync_dir(tmp)
        final = versions / f"v{max(_numbers(versions), default=0) + 1:06d}-{output_id}"
        os.rename(tmp, final)
        return final
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap(link: Path, target: str) -> None:
    """Point the symlink `link` at `target` in one rename (the commit of a new pair)."""
    tmp = link.with_name(f".link-{os.getpid()}-{link.name}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)
    _fsync_dir(link.parent)


def _link(path: Path, target: str) -> None:
    """Make `path` the fixed symlink to `target`, unless it already is."""
    if not (path.is_symlink() and os.readlink(path) == target):
        tmp = path.with_name(f".{path.name}.link.tmp")
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, path)
        _fsync_dir(path.parent)


def _numbers(versions: Path) -> dict[int, str]:
    """Version folders by number."""
    return {int(m.group(1)): p.name for p in versions.iterdir() if (m := _VERSION.match(p.name))}


def _previous(versions: Path, current: str) -> str | None:
    """The newest version before `current`: readers that resolved the old link still use it."""
    numbers = _numbers(versions)
    older = [n for n in numbers if n < int(_VERSION.match(current).group(1))]
    return numbers[max(older)] if older else None


def _prune(versions: Path, *, keep: set) -> None:
    for p in versions.iterdir():
        if _VERSION.match(p.name) and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_parquet(col: dict, tmp: Path, *, output_id: str) -> None:
    """GeoParquet with the same rows; nested fields as JSON text for portability; the pair's
    id in the schema metadata."""
    import geopandas as gpd
    import pyarrow.parquet as pq
    from geopandas.io.arrow import _geopandas_to_arrow  # what to_parquet writes; pinned geopandas
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
    table = _geopandas_to_arrow(gdf, index=False)
    table = table.replace_schema_metadata({**table.schema.metadata, OUTPUT_ID_KEY: output_id.encode("ascii")})
    pq.write_table(table, tmp, compression="zstd")
