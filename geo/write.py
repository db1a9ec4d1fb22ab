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
import functools
import glob
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import struct
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterable
from itertools import accumulate
from json.encoder import c_make_encoder, encode_basestring, encode_basestring_ascii
from pathlib import Path

from geo.contract import SCHEMA_VERSION, EventProperties, json_properties, validate_collection
from geo.records import Document, Event, Place


def event_properties(e: Event, *, areas: dict[str, str] | None = None) -> dict:
    """The contract's properties of an assembled event, as plain data in the contract's order (for
    `json_properties` to check); `areas` maps place ids to coarse outlines (JSON text) for events
    whose places travelled without their geometry."""
    iv = e.interval
    return {
        "id": e.id,
        "title": e.title,
        "event_type": e.event_type,
        "date_start": iv.start if iv else None,
        "date_end": iv.end if iv else None,
        "date_precision": iv.precision if iv else "undated",
        "date_basis": iv.basis if iv else "none",
        "date_text": e.date_text,
        "place_name": e.place.name if e.place else None,
        "place_id": e.place.id if e.place else None,
        "place_type": contract_place_type(e.place),
        "place_geometry": _area(e, areas),
        "actors": list(e.actors),
        "cited_sources": list(e.cited_sources),
        "documents": list(e.documents),
        "evidence": [
            {"document": v.document, "start": v.start, "end": v.end, "quote": v.quote, "sentence": v.sentence, "sentence_start": v.sentence_start}
            for v in e.evidence
        ],
        "confidence": e.confidence,
        "method": "extracted",
        "language": e.language,
        "places_mentioned": [{"name": p.name, "id": p.id, "type": contract_place_type(p)} for p in e.places_mentioned],
        "section": e.section,
        "undated": iv is None,
        "unlocated": e.place is None,
        "place_inherited": e.place_inherited,
        "date_inherited": iv.inherited if iv else "",
        "country_code": e.place.country_code if e.place else None,
        # The place's German name ("Karibisches Meer", "Vereinigte Staaten", "München"), so a German
        # reader sees it whatever the document's language; `place_name` stays the canonical name.
        "place_name_de": (e.place.name_de or e.place.name) if e.place else None,
        "explanation": [list(pair) for pair in e.explanation],
    }


def _area(e: Event, areas: dict[str, str] | None) -> dict | None:
    """The outline of an event's area (not of a town or a site), parsed; None without one."""
    if e.place and e.place.type not in ("site", "city"):
        text = (areas or {}).get(e.place.id) or coarse_area(e.place)
        return _parsed_area(text) if text else None
    return None


@functools.lru_cache(maxsize=4096)
def _parsed_area(text: str) -> dict:
    """An outline's JSON text parsed, once per outline: every event at a country repeats it (the
    result is shared, and read only)."""
    return json.loads(text)


_MAX_VERTICES = 400
# The coarsest simplification an outline gets, in degrees (about 4 km): coarser and its edge
# cuts across what it borders. Until 2026-12-06 the tolerance doubled up to 5° while an outline
# had more than _MAX_VERTICES; the Caribbean Sea's 270 islands keep 4 vertices each whatever
# the tolerance, so its coast was simplified to 19 vertices that ran over Honduras, Panama and
# Venezuela (the Baltic Sea's coarse outline was 35 % land).
_MAX_TOLERANCE = 0.04


def contract_place_type(place: Place | None) -> str:
    """The contract's place type: a county, Landkreis or district (internally "admin2", which the
    contract's vocabulary lacks) is written as a "region" whose `place_id` starts "geo:admin2/"."""
    if place is None:
        return "unknown"
    return "region" if place.type == "admin2" else place.type


_COARSE: dict[str, str | None] = {}


def coarse_area(place: Place) -> str | None:
    """The place's area outline at event-map detail (JSON text): simplified while it has more
    than a few hundred vertices (every event at a country or sea repeats it), at most by
    _MAX_TOLERANCE, and never outside the place (a sea's outline covers water only). Cached per
    place id."""
    if place.id not in _COARSE:
        if place.geometry:
            _COARSE[place.id] = _stored_coarse(place.geometry)
        elif place.type == "admin2" and place.radius_km:
            _COARSE[place.id] = _circle(place)
        else:
            _COARSE[place.id] = None
    return _COARSE[place.id]


def _stored_coarse(geometry: dict) -> str:
    """`_coarsen(geometry)`, kept on disk across runs and processes: a country's or a sea's
    outline takes 20-130 ms to simplify and clip, a tenth of a run on real news, and every
    worker process of every run did it again. A file per outline, named by a hash of the
    geometry, in a cache folder named by this module and by shapely's version; written
    to a temporary name and renamed, so a reader never sees half of one. Without a writable
    cache the outline is simply computed."""
    folder = _coarse_folder()
    if folder is None:
        return _coarsen(geometry)
    path = folder / (hashlib.blake2b(pickle.dumps(geometry, protocol=5), digest_size=16).hexdigest() + ".json")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8")
    text = _coarsen(geometry)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return text


@functools.lru_cache(maxsize=1)
def _coarse_folder() -> Path | None:
    """The folder of `_stored_coarse`; shapely's version (its wheel brings its GEOS) is read from
    its metadata, so a worker that finds every outline there never imports shapely."""
    from importlib.metadata import version

    from geo.ref import compiled

    h = hashlib.blake2b(digest_size=12)
    for part in (sys.version, version("shapely"), Path(__file__).read_text(encoding="utf-8")):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return compiled("coarse-areas", h.hexdigest(), lambda tmp: None)


def _circle(place: Place, n: int = 32) -> str:
    """A unit without an outline: the circle of its uncertainty radius around its point, as a
    polygon that says so (GeoJSON foreign member "uncertainty_radius_km")."""

    dlat = place.radius_km / 111.2
    dlon = dlat / max(0.05, math.cos(math.radians(place.lat)))
    ring = [[round(place.lon + dlon * math.cos(2 * math.pi * i / n), 3), round(place.lat + dlat * math.sin(2 * math.pi * i / n), 3)]
            for i in range(n)]
    return json.dumps({"type": "Polygon", "coordinates": [ring + ring[:1]], "uncertainty_radius_km": place.radius_km})


def _coarsen(geometry: dict) -> str:
    from shapely import get_num_coordinates, make_valid, set_precision
    from shapely.geometry import mapping, shape

    geom = shape(geometry)
    simple, tolerance = geom, 0.02
    while get_num_coordinates(simple) > _MAX_VERTICES and tolerance <= _MAX_TOLERANCE:
        simpler = simple.simplify(tolerance, preserve_topology=True)
        if not simpler.is_empty:
            simple = simpler
        tolerance *= 2
    if simple is not geom and geom.geom_type in ("Polygon", "MultiPolygon"):
        # a simplified edge may bulge past the original one: clip it back to the place
        simple = _polygons(make_valid(simple).intersection(make_valid(geom))) or simple
    return json.dumps(mapping(set_precision(simple, 0.001)))


def _polygons(geom):
    """The polygonal part of a geometry (an intersection may add stray lines or points)."""
    from shapely.geometry import MultiPolygon

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", ()) if g.geom_type in ("Polygon", "MultiPolygon")]
    polys = [p for g in parts for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    return MultiPolygon(polys) if polys else None


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
    col = collection_head(documents)
    col["features"] = sorted(features, key=lambda f: (f["properties"]["date_start"] or "9999", f["properties"]["id"]))
    return col


def collection_head(documents: list[dict]) -> dict:
    """The collection's top level, validated, with an empty "features" for the writer to fill."""
    col = {
        "type": "FeatureCollection",
        "schema_version": SCHEMA_VERSION,
        "generated_from": sorted(documents, key=lambda d: d["id"]),
        "features": [],
    }
    # Every feature was checked against the contract (json_properties; curated ones re-validated),
    # so only the top level is checked here: validating 100k features twice doubled the run time.
    validate_collection(col, source="<loader output>")
    return col


def to_feature(e: Event, *, areas: dict[str, str] | None = None) -> dict:
    """The event's Feature, validated against the contract; an area's outline is the parsed outline
    itself, one object per outline, so the writer encodes each outline once."""
    geometry = {"type": "Point", "coordinates": [round(e.place.lon, 5), round(e.place.lat, 5)]} if e.place else None
    return {"type": "Feature", "geometry": geometry, "properties": json_properties(event_properties(e, areas=areas))}


class OutputError(OSError):
    """The outputs could not be written; the previous pair is unchanged. The message says why."""


OUTPUT_ID_KEY = b"geo_events:output_id"  # the pair's id in the GeoParquet schema metadata
_VERSION = re.compile(r"v(\d+)-")


def write_outputs(col: dict, geojson_path: str | Path) -> list[Path]:
    """Publish the GeoJSON and its GeoParquet sibling as one pair; return the two paths."""
    return publish({k: v for k, v in col.items() if k != "output_id"}, col["features"], geojson_path)


def output_problem(geojson_path: str | Path) -> str | None:
    """Why the outputs cannot go to `geojson_path`, or None. The writer replaces each file of the
    pair by a link into its versions folder, so a path that exists as something other than a
    file or a link ("--out /dev/null", a folder, a pipe) would itself be replaced: it is refused."""
    geojson_path = Path(geojson_path)
    for path in (geojson_path, geojson_path.with_suffix(".parquet")):
        if path.exists() and not path.is_symlink() and not path.is_file():
            return (f"{path}: is not a regular file (a device, a folder or a pipe); the outputs are a GeoJSON "
                    "file and a GeoParquet file beside it: give a file path")
    return None


def publish(head: dict, features: Iterable[dict], geojson_path: str | Path) -> list[Path]:
    """`write_outputs` for a collection given as its top level (`head`, in order, whose
    "features" stands for `features`) and its features in their final order, streamed: each
    feature is written to the GeoJSON and to a GeoParquet chunk on disk as it comes, so the
    writer holds one chunk of rows, not the corpus."""
    if (problem := output_problem(geojson_path)) is not None:
        raise OutputError(problem)
    geojson_path = Path(geojson_path)
    parquet_path = geojson_path.with_suffix(".parquet")
    versions = geojson_path.parent / f".{geojson_path.stem}.versions"
    try:
        with _writer_lock(versions):
            _clean_stale(versions, [geojson_path, parquet_path])
            folder = _write_version(versions, lambda tmp: _write_pair(head, features, tmp / geojson_path.name,
                                                                     tmp / parquet_path.name))
            _swap(versions / "current", folder.name)
            for path in (parquet_path, geojson_path):  # one-time move from plain files to links
                _link(path, f"{versions.name}/current/{path.name}")
            _prune(versions, keep={folder.name, _previous(versions, folder.name)})
    except OSError as exc:
        raise OutputError(_why(exc, geojson_path)) from exc
    return [geojson_path, parquet_path]


_ID_AT = len('{"output_id":"')


def _write_pair(head: dict, features: Iterable[dict], geojson: Path, parquet: Path) -> str:
    """Both files of a pair; return its `output_id`, a hash of the GeoJSON's body (all but the
    id), so the same input still gives the same bytes. The id goes first in the file: it is
    written as zeros and filled in at the end. NaN or Infinity raise (they are not JSON)."""
    digest, chunks = hashlib.sha256(), _Chunks(parquet.parent)
    try:
        with open(geojson, "wb", buffering=1 << 20) as fh:
            def put(text: str) -> None:
                data = text.encode("utf-8")
                digest.update(data)
                fh.write(data)

            fh.write(b'{"output_id":"' + b"0" * 16 + b'",')
            digest.update(b"{")  # the body's brace, which the id's line opened in the file
            for n, (key, value) in enumerate(head.items()):
                put(("," if n else "") + _json(key) + ":")
                if key != "features":
                    put(_json(value))
                    continue
                put("[")
                for i, feature in enumerate(features):
                    put(("," if i else "") + _feature_json(feature))
                    chunks.add(feature)
                put("]")
            put("}")
            fh.write(b"\n")
            output_id = digest.hexdigest()[:16]
            fh.seek(_ID_AT)
            fh.write(output_id.encode("ascii"))
        _write_parquet(chunks.close(), parquet, output_id=output_id)
    finally:
        chunks.remove()
    return output_id


class _Dumps:
    """`json.dumps(value, **options)`, the same text, with the C encoder made once instead of at
    every call (a writer dumps a dozen values per event)."""

    def __init__(self, **options):
        self._options, self._encode = options, None

    def __call__(self, value) -> str:
        if isinstance(value, str):
            return encode_basestring(value) if not self._options.get("ensure_ascii", True) else json.dumps(value, **self._options)
        if c_make_encoder is None:
            return json.dumps(value, **self._options)
        encode = self._encode
        if encode is None:
            e = json.JSONEncoder(**self._options)
            encode = self._encode = c_make_encoder({}, e.default, encode_basestring if not e.ensure_ascii else encode_basestring_ascii,
                                                   e.indent, e.key_separator, e.item_separator, e.sort_keys, e.skipkeys,
                                                   e.allow_nan)
        try:
            return "".join(encode(value, 0))
        except BaseException:
            self._encode = None  # its circular-reference markers may be left half-filled
            raise


_json = _Dumps(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_sorted_json = _Dumps(ensure_ascii=False, sort_keys=True)  # the GeoParquet's nested columns

_OUTLINES: dict[int, tuple[dict, str, str]] = {}  # id(outline) -> (outline, _json text, _sorted_json text)


def _outline_texts(area: dict) -> tuple[str, str]:
    """An area outline's two encodings, made once per outline object: every event at a country
    or a sea carries the same parsed outline (`_parsed_area`), hundreds of vertices each."""
    got = _OUTLINES.get(id(area))
    if got is None or got[0] is not area:
        if len(_OUTLINES) >= 4096:
            _OUTLINES.clear()
        got = _OUTLINES[id(area)] = (area, _json(area), _sorted_json(area))
    return got[1], got[2]


def _feature_json(feature: dict) -> str:
    """`_json(feature)`, the same text, with its area outline encoded once per outline: the
    feature is encoded with a null outline, and the outline's text put in its place. Inside an
    encoded string every quotation mark is escaped, so `"place_geometry":null` found once is the
    key itself."""
    props = feature.get("properties")
    area = props.get("place_geometry") if type(props) is dict else None
    if type(area) is not dict:
        return _json(feature)
    text = _json({**feature, "properties": {**props, "place_geometry": None}})
    if text.count(_NO_OUTLINE) != 1:  # another key of that name, deeper in the feature
        return _json(feature)
    return text.replace(_NO_OUTLINE, '"place_geometry":' + _outline_texts(area)[0])


_NO_OUTLINE = '"place_geometry":null'


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


def _write_version(versions: Path, write: Callable[[Path], str]) -> Path:
    """Both files written (`write` returns the pair's id) and fsynced in a temporary folder,
    renamed to the next version."""
    tmp = Path(tempfile.mkdtemp(dir=versions, prefix=".tmp-"))
    try:
        umask = _umask()
        output_id = write(tmp)
        for path in tmp.iterdir():
            with open(path, "rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(path, 0o666 & ~umask)  # ordinary files, readable by the dashboard
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


PARQUET_COLUMNS = list(EventProperties.model_fields) + ["place_inherited", "date_inherited", "country_code", "place_name_de", "explanation", "verified",
                                                        "curated_fields", "curation_sources"]
_CHUNK_ROWS = 20_000  # a GeoParquet row group; an output this small is one, as before streaming


def _geometries(items: list) -> list:
    """Shapely geometries for a chunk's rows: (lon, lat) pairs become points in one call, as
    `shape` makes them one by one; GeoJSON geometries become shapes; None stays."""
    import shapely
    from shapely.geometry import shape

    out = [shape(g) if type(g) is dict else g for g in items]
    at = [i for i, g in enumerate(items) if type(g) is tuple]
    if not at:
        return out
    for i, point in zip(at, shapely.points([items[i] for i in at]).tolist()):
        out[i] = point
    return out


_NESTED = frozenset(("evidence", "place_geometry", "places_mentioned", "explanation", "curated_fields", "curation_sources"))
_MISSING = object()  # a property the feature does not have (pandas made it NaN)


class _Chunks:
    """GeoParquet rows converted a chunk at a time (nested fields as JSON text) and kept as
    Arrow IPC files in `folder` until the pair's id is known. The rows are kept as columns, and
    a chunk of the loader's usual values (text or null, lists of text, numbers, flags, points)
    is made into an Arrow table directly (`_arrow_table`); any other chunk goes through
    geopandas, as every chunk did before, which gives the same table."""

    def __init__(self, folder: Path):
        self.folder, self.paths, self.schemas = folder, [], []
        self._columns, self._geoms = [[] for _ in PARQUET_COLUMNS], []

    def add(self, feature: dict) -> None:
        p = feature["properties"]
        for key, column in zip(PARQUET_COLUMNS, self._columns):
            value = p.get(key, _MISSING)
            if key in _NESTED:
                if value is None or value is _MISSING or (type(value) is list and not value):
                    value = "[]" if type(value) is list else "null"  # what _sorted_json gives, without the call
                else:
                    value = _outline_texts(value)[1] if key == "place_geometry" and type(value) is dict else _sorted_json(value)
            column.append(value)
        geometry = feature["geometry"]
        if geometry and geometry["type"] == "Point" and len(geometry["coordinates"]) == 2:
            self._geoms.append(tuple(geometry["coordinates"]))
        else:
            self._geoms.append(geometry or None)
        if len(self._geoms) >= _CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        table = _arrow_table(self._columns, self._geoms) if self._geoms else None
        if table is None:
            table = _geopandas_table(self._columns, self._geoms)
        path = self.folder / f".chunk-{len(self.paths):06d}.arrow"
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        self.paths.append(path)
        self.schemas.append(table.schema)
        self._columns, self._geoms = [[] for _ in PARQUET_COLUMNS], []

    def close(self) -> "_Chunks":
        if self._geoms or not self.paths:  # an empty collection is one empty chunk
            self._flush()
        return self

    def tables(self):
        import pyarrow as pa

        for path in self.paths:
            with pa.memory_map(str(path)) as source:
                yield pa.ipc.open_file(source).read_all()

    def remove(self) -> None:
        for path in self.paths:
            path.unlink(missing_ok=True)


def _geopandas_table(columns: list[list], geoms: list):
    """The chunk's Arrow table as geopandas writes a GeoDataFrame of its rows (a missing
    property is NaN)."""
    import geopandas as gpd
    from geopandas.io.arrow import _geopandas_to_arrow  # what to_parquet writes; pinned geopandas

    rows = [{k: v for k, v in zip(PARQUET_COLUMNS, values) if v is not _MISSING} for values in zip(*columns)]
    gdf = gpd.GeoDataFrame(rows, columns=PARQUET_COLUMNS, geometry=_geometries(geoms), crs="EPSG:4326")
    return _geopandas_to_arrow(gdf, index=False)


_POINT_WKB = struct.Struct("<BIdd").pack  # little-endian WKB of a 2D point, as shapely writes it


def _arrow_table(columns: list[list], geoms: list):
    """`_geopandas_table`'s table (the same columns, types, values and metadata), built from
    Arrow buffers, for a chunk whose columns each hold one of the kinds pandas converts
    predictably: text (or null), lists of text, floats, booleans, or a property no row has; and
    points or no geometry. None for any other chunk. The buffers are made here, not by
    `pyarrow.array`, which imports pandas to ask whether a list is one of its arrays."""
    import pyarrow as pa

    fields, arrays, described = [], [], []
    try:
        for key, column in zip(PARQUET_COLUMNS, columns):
            kinds = set(map(type, column))
            if kinds <= {str, type(None)}:
                if str in kinds:
                    arr, pandas_type = _binary(column, pa.large_string()), ("object", "str")
                else:  # only nulls: an object column of None
                    arr, pandas_type = pa.nulls(len(column)), ("empty", "object")
            elif kinds == {list}:
                if not all(type(x) is str for value in column for x in value):
                    return None
                offsets = _buffer("i", accumulate(map(len, column), initial=0))
                if any(column):
                    items, pandas_type = _binary([x for value in column for x in value], pa.string()), ("list[unicode]", "object")
                else:
                    items, pandas_type = pa.nulls(0), ("list[empty]", "object")
                arr = pa.Array.from_buffers(pa.list_(items.type), len(column), [None, offsets], 0, 0, [items])
            elif kinds == {float} and all(v == v for v in column):  # NaN is null in pandas
                arr, pandas_type = pa.Array.from_buffers(pa.float64(), len(column), [None, _buffer("d", column)]), ("float64", "float64")
            elif kinds == {bool}:
                arr, pandas_type = pa.Array.from_buffers(pa.bool_(), len(column), [None, _bits(column)]), ("bool", "bool")
            elif kinds == {type(_MISSING)}:  # a property no row has: NaN in pandas
                arr, pandas_type = pa.nulls(len(column), pa.float64()), ("float64", "float64")
            else:
                return None
            fields.append(pa.field(key, arr.type))
            arrays.append(arr)
            described.append((key, *pandas_type))
    except UnicodeError:  # a lone surrogate
        return None
    if not set(map(type, geoms)) <= {tuple, type(None)} \
            or not all(type(c) in (float, int) and (c or math.copysign(1.0, c) > 0) for g in geoms if g is not None for c in g):
        return None  # a shape; a coordinate not a number, or -0.0 (which numpy's bounds may choose over 0.0)
    template = _parquet_template()
    fields.append(pa.field("geometry", pa.binary(), metadata=template["geometry_field"]))
    # an area's point may be in whole degrees: shapely makes every coordinate a float
    points = [None if g is None else (float(g[0]), float(g[1])) for g in geoms]
    arrays.append(_binary([None if g is None else _POINT_WKB(1, 1, *g) for g in points], pa.binary()))
    points = [g for g in points if g is not None]
    described.append(("geometry", "empty", "object"))
    pandas = dict(template["pandas"])
    pandas["columns"] = [{"name": k, "field_name": k, "pandas_type": t, "numpy_type": n, "metadata": None} for k, t, n in described]
    geo = json.loads(template["geo"])
    column = geo["columns"]["geometry"]
    column["geometry_types"] = ["Point"] if points else []
    if points:
        column["bbox"] = [min(g[0] for g in points), min(g[1] for g in points), max(g[0] for g in points), max(g[1] for g in points)]
    metadata = {b"pandas": json.dumps(pandas).encode("utf-8"), b"geo": json.dumps(geo).encode("utf-8")}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=metadata))


def _buffer(code: str, values):
    """An Arrow buffer of machine numbers (`array` type code)."""
    import pyarrow as pa

    return pa.py_buffer(array(code, values))


def _bits(flags: list) -> "pyarrow.Buffer":
    """An Arrow bitmap: flag i is bit i % 8 of byte i // 8."""
    import pyarrow as pa

    return pa.py_buffer(int("".join("1" if f else "0" for f in reversed(flags)) or "0", 2).to_bytes((len(flags) + 7) // 8, "little"))


def _binary(values: list, type_):
    """An Arrow array of text (UTF-8) or bytes; None is null."""
    import pyarrow as pa

    nulls = values.count(None)
    items = [b"" if v is None else v for v in values] if nulls and type_ == pa.binary() else \
        [v or "" for v in values] if nulls else values
    if type_ == pa.binary():
        data = b"".join(items)
    else:
        data = "".join(items)
        if data.isascii():  # a character a byte: the lengths are the texts'
            data = data.encode("ascii")
        else:
            items = [v.encode("utf-8") for v in items]
            data = b"".join(items)
    offsets = _buffer("q" if type_ == pa.large_string() else "i", accumulate(map(len, items), initial=0))
    validity = _bits([v is not None for v in values]) if nulls else None
    return pa.Array.from_buffers(type_, len(values), [validity, offsets, pa.py_buffer(data)], nulls)


@functools.lru_cache(maxsize=1)
def _parquet_template() -> dict:
    """What `_arrow_table` takes from geopandas: the geometry field's metadata (the CRS as
    geoarrow carries it), the GeoParquet metadata's constant part (the CRS, version, creator)
    and pandas' metadata's (creator, version), from a one-row GeoDataFrame of a point. Made
    once per machine and kept in the compiled cache (a folder per version of the libraries and
    this module), so a run imports neither geopandas nor pandas. It is made in a new Python
    process: PROJ's description of EPSG:4326 depends on what the process asked it before
    (after a `crs.to_epsg()` its datum is no longer an ensemble)."""
    from importlib.metadata import version

    from geo.ref import compiled

    h = hashlib.blake2b(digest_size=12)
    for part in (sys.version, *(version(n) for n in ("geopandas", "pandas", "pyarrow", "pyproj", "shapely")),
                 Path(__file__).read_text(encoding="utf-8")):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    folder = compiled("parquet-template", h.hexdigest(), lambda tmp: (tmp / "template.pickle").write_bytes(_fresh_template()))
    return pickle.loads((folder / "template.pickle").read_bytes() if folder else _fresh_template())


def _fresh_template() -> bytes:
    """`_template()` pickled, from a new Python process."""
    import subprocess

    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    code = "import pickle, sys; from geo.write import _template; sys.stdout.buffer.write(pickle.dumps(_template()))"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, check=True).stdout


def _template() -> dict:
    """`_parquet_template`'s parts, from the table geopandas makes of one point."""
    table = _geopandas_table([[None] for _ in PARQUET_COLUMNS], [(0.0, 0.0)])
    geo = json.loads(table.schema.metadata[b"geo"])
    geo["columns"]["geometry"].pop("geometry_types")
    geo["columns"]["geometry"].pop("bbox")
    pandas = json.loads(table.schema.metadata[b"pandas"])
    return {"geometry_field": dict(table.schema.field("geometry").metadata), "geo": json.dumps(geo), "pandas": pandas}


def _write_parquet(chunks: _Chunks, tmp: Path, *, output_id: str) -> None:
    """GeoParquet with the GeoJSON's rows, a row group per chunk; the pair's id in the schema
    metadata."""
    import pyarrow.parquet as pq

    schema = _schema(chunks.schemas)
    schema = schema.with_metadata({**schema.metadata, OUTPUT_ID_KEY: output_id.encode("ascii")})
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for table in chunks.tables():
            writer.write_table(table.cast(schema))


def _schema(schemas: list):
    """One schema for every chunk: a column empty in one chunk (null type) takes the type the
    others give it; the GeoParquet metadata covers all chunks (geometry types, bounding box),
    as if the rows had been converted at once."""
    import pyarrow as pa

    if len(schemas) == 1:
        return schemas[0]
    unified = pa.unify_schemas(schemas, promote_options="permissive")
    geos = [json.loads(s.metadata[b"geo"]) for s in schemas]
    geo = geos[0]
    for name, column in geo["columns"].items():
        column["geometry_types"] = sorted({t for g in geos for t in g["columns"][name]["geometry_types"]})
        boxes = [g["columns"][name]["bbox"] for g in geos if "bbox" in g["columns"][name]]
        if boxes:
            column["bbox"] = [min(b[0] for b in boxes), min(b[1] for b in boxes),
                              max(b[2] for b in boxes), max(b[3] for b in boxes)]
    pandas = json.loads(schemas[0].metadata[b"pandas"])
    for column in pandas["columns"]:  # described by a chunk that has the column's final type
        name = column["name"]
        if name in unified.names:
            typed = next((s for s in schemas if s.field(name).type == unified.field(name).type), schemas[0])
            column.update(next(c for c in json.loads(typed.metadata[b"pandas"])["columns"] if c["name"] == name))
    return unified.with_metadata({**schemas[0].metadata, b"geo": json.dumps(geo).encode("utf-8"),
                                  b"pandas": json.dumps(pandas).encode("utf-8")})
