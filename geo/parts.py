"""Partitioned extraction for distributed runs: one GeoParquet part per partition of documents.

A Dask task processes a contiguous slice of the input and writes `part-<n>.parquet` (one
row per extracted event: id, type, dates, the place as a Point, and the whole `Event` as
JSON so the cross-document merge sees exactly what the local engine sees) and
`part-<n>.documents.jsonl` (one line per document: its entry for `generated_from`, text
digest, warnings, error, area outlines and how many events it has). The client reads the
parts back one at a time, in input order, so neither the documents' text nor the per-task
results are gathered on it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import types
import typing
from functools import cache
from pathlib import Path

from geo.records import Event


def write_part(outcomes: list, folder: str | Path, number: int) -> Path:
    """Write one partition's `DocumentOutcome`s (geo.engine) as a part; return its Parquet path.
    Files are written under temporary names and renamed, so a task Dask retries after a worker
    died never leaves half a part."""
    import geopandas as gpd
    from shapely.geometry import Point

    folder = Path(folder)
    base = folder / f"part-{number:05d}"
    rows, geoms, lines = [], [], []
    for o in outcomes:
        for e in o.events:
            rows.append({"document": o.path, "id": e.id, "event_type": e.event_type,
                         "date_start": e.interval.start.isoformat() if e.interval else None,
                         "date_end": e.interval.end.isoformat() if e.interval else None,
                         "event": json.dumps(_encode(e), ensure_ascii=False)})
            geoms.append(Point(e.place.lon, e.place.lat) if e.place else None)
        head = {f.name: getattr(o, f.name) for f in dataclasses.fields(o) if f.name not in ("events", "digest")}
        lines.append(json.dumps(head | {"digest": o.digest.hex() if o.digest else None, "events": len(o.events)},
                                ensure_ascii=False))
    columns = ["document", "id", "event_type", "date_start", "date_end", "event"]
    gdf = gpd.GeoDataFrame(rows, columns=columns, geometry=geoms, crs="EPSG:4326")
    tmp = base.with_name(f"{base.name}.{os.getpid()}.tmp")
    gdf.to_parquet(tmp.with_suffix(".parquet"), index=False, compression="zstd")
    tmp.with_suffix(".jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp.with_suffix(".jsonl"), base.with_suffix(".documents.jsonl"))
    os.replace(tmp.with_suffix(".parquet"), base.with_suffix(".parquet"))
    return base.with_suffix(".parquet")


def read_part(path: str | Path, outcome_type: type) -> list:
    """A part's `DocumentOutcome`s in input order, with their events rebuilt exactly."""
    import pyarrow.parquet as pq

    path = Path(path)
    events = iter(pq.read_table(path, columns=["event"]).column("event").to_pylist())
    outcomes, memo = [], {}
    for line in path.with_suffix(".documents.jsonl").read_text(encoding="utf-8").splitlines():
        head = json.loads(line)
        n = head.pop("events")
        head["digest"] = bytes.fromhex(head["digest"]) if head["digest"] else None
        head["warnings"] = tuple(head["warnings"])
        head["events"] = [_decode(Event, json.loads(next(events)), memo) for _ in range(n)]
        outcomes.append(outcome_type(**head))
    return outcomes


def _encode(x):
    """A record as JSON-ready values: dataclasses as objects, tuples as lists, dates as ISO."""
    if dataclasses.is_dataclass(x):
        return {f.name: _encode(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (tuple, list)):
        return [_encode(v) for v in x]
    if isinstance(x, dt.date):
        return x.isoformat()
    return x  # str, int, float (JSON keeps a float's exact value), bool, None, dict


def _decode(tp, v, memo: dict):
    """The inverse of `_encode`, guided by the record's type hints. Equal strings and equal
    records are decoded once per `memo` and shared, as a pickled result shares them (an
    event's places and sentences recur in the events of its document)."""
    if v is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _decode(next(a for a in typing.get_args(tp) if a is not type(None)), v, memo)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], x, memo) for x in v)
        return tuple(_decode(a, x, memo) for a, x in zip(args, v))
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        obj = tp(**{k: _decode(hints[k], x, memo) for k, x in v.items()})
        # Keyed on every field, not only those in __eq__ (a Place's name_de is not), each with
        # its type (1 == 1.0 == True as keys, but they are written differently); records that
        # hold records (an Event) are unique anyway and would compare their parts by __eq__.
        values = [getattr(obj, f.name) for f in dataclasses.fields(tp)]
        if any(isinstance(x, tuple) or dataclasses.is_dataclass(x) for x in values):
            return obj
        key = (tp, *((type(x), x) for x in values))
        try:
            return memo.setdefault(key, obj)
        except TypeError:  # an unhashable field (a geometry dict): not shared
            return obj
    if tp is dt.date:
        return dt.date.fromisoformat(v)
    if isinstance(v, str):
        return memo.setdefault(v, v)
    return v


@cache
def _hints(tp: type) -> dict:
    return typing.get_type_hints(tp)
