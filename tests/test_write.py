"""Writer: the contract's shape, same input same bytes, atomic replacement, GeoParquet twin."""
import datetime as dt
import json

import geopandas as gpd
import pytest

from geo.contract import read_events
from geo.records import DateInterval, Event, Evidence, Place
from geo.write import build_collection, to_feature, write_outputs

STATE = Place("geo:test/state", "Teststate", "admin1", 39.0, -105.5, "US", geometry={"type": "Polygon", "coordinates": [[[-109, 37], [-102, 37], [-102, 41], [-109, 41], [-109, 37]]]})


def _event(i, interval=None, place=None):
    ev = Evidence("d.txt", 10 * i, 10 * i + 4, "Text", "Text des Satzes.", 10 * i)
    return Event(
        id=f"ev_{i:02d}", title=f"Ereignis {i}", event_type="investigation", interval=interval, date_text="",
        place=place, place_inherited=False, actors=("ICE",), cited_sources=(), documents=("d.txt",),
        evidence=(ev,), confidence=0.5, language="de",
    )


def _collection():
    events = [
        _event(2, DateInterval(dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season", "explicit"), STATE),
        _event(1),  # undated and unlocated: kept, never dropped
        _event(3, DateInterval(dt.date(2021, 1, 1), dt.date(2024, 12, 31), "years", "explicit")),
    ]
    return build_collection([to_feature(e) for e in events], [{"id": "d.txt", "title": None}])


def test_undated_and_unlocated_events_are_kept_and_marked(tmp_path):
    write_outputs(_collection(), tmp_path / "events.geojson")
    props = {f.properties.id: f.properties for f in read_events(tmp_path / "events.geojson").features}
    assert props["ev_01"].undated and props["ev_01"].unlocated and props["ev_01"].date_precision == "undated"
    assert props["ev_02"].place_geometry["type"] == "Polygon"


def test_same_input_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a" / "events.geojson", tmp_path / "b" / "events.geojson"
    write_outputs(_collection(), a)
    write_outputs(_collection(), b)
    assert a.read_bytes() == b.read_bytes()
    assert a.with_suffix(".parquet").read_bytes() == b.with_suffix(".parquet").read_bytes()


def test_geoparquet_has_the_same_rows(tmp_path):
    write_outputs(_collection(), tmp_path / "events.geojson")
    gdf = gpd.read_parquet(tmp_path / "events.parquet")
    assert sorted(gdf["id"]) == ["ev_01", "ev_02", "ev_03"]
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.isna().sum() == 2


def test_a_failed_write_leaves_the_previous_file_untouched(tmp_path, monkeypatch):
    out = tmp_path / "events.geojson"
    write_outputs(_collection(), out)
    before = out.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("geo.write._write_parquet", boom)
    with pytest.raises(OSError):
        write_outputs(_collection(), out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_features_are_ordered_by_date_then_id():
    ids = [f["properties"]["id"] for f in _collection()["features"]]
    assert ids == ["ev_03", "ev_02", "ev_01"]
    assert json.dumps(_collection()) == json.dumps(_collection())
