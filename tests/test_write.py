"""Writer: the contract's shape, same input same bytes, atomic replacement, GeoParquet twin."""
import datetime as dt
import errno
import json
import os

import geopandas as gpd
import pytest

from pydantic import ValidationError

from geo import contract, write
from geo.contract import EventProperties, json_properties, read_events
from geo.records import DateInterval, Event, Evidence, Place
from geo.write import build_collection, event_properties, to_feature, write_outputs

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


def _pydantic(props: dict) -> dict:
    out = EventProperties.model_validate(props).model_dump(mode="json")
    out["place_geometry"] = props["place_geometry"]
    return out


@pytest.mark.parametrize("event", [
    _event(1),
    _event(2, DateInterval(dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season", "explicit"), STATE),
    _event(3, DateInterval(dt.date(2023, 9, 1), dt.date(2023, 9, 1), "day", "inferred", inherited="paragraph")),
])
def test_the_writers_check_gives_what_pydantic_gives(event):
    props = event_properties(event)
    assert props["date_inherited"] == (event.interval.inherited if event.interval else "")
    assert contract._plainly_valid(props)  # the writer's own properties take the fast path
    assert json_properties(props) == _pydantic(props)
    assert list(json_properties(props)) == list(_pydantic(props))


def test_a_place_travels_with_its_german_name_beside_the_canonical_one():
    """A German reader of an English story's event at the Caribbean Sea sees "Karibisches Meer",
    not "Caribbean Sea" (issue 12, localised names): the writer gives both, the canonical name
    stays `place_name`, and a place without a German name gives its own."""
    sea = Place("geo:test/sea", "Caribbean Sea", "sea", 15.0, -75.0, None, name_de="Karibisches Meer")
    props = event_properties(_event(4, place=sea))
    assert (props["place_name"], props["place_name_de"]) == ("Caribbean Sea", "Karibisches Meer")
    assert event_properties(_event(5, place=STATE))["place_name_de"] == "Teststate"
    assert event_properties(_event(6))["place_name_de"] is None
    assert contract._plainly_valid(props) and json_properties(props) == _pydantic(props)


@pytest.mark.parametrize("change", [
    {"confidence": 1.5}, {"confidence": 1}, {"event_type": "picnic"}, {"documents": []}, {"id": ""},
    {"date_start": dt.date(2024, 2, 1)}, {"date_start": "2023-09-01", "date_end": "2023-11-30"},
    {"date_start": dt.date(2024, 2, 1), "date_end": dt.date(2024, 1, 1)}, {"actors": ("ICE",)},
    {"evidence": [{"document": "d.txt", "start": 4, "end": 2, "quote": "Te", "sentence": "", "sentence_start": 0}]},
    {"evidence": [{"document": "d.txt", "start": 0, "end": 9, "quote": "Text", "sentence": "", "sentence_start": 0}]},
])
def test_properties_off_the_writers_shape_get_pydantics_verdict(change):
    props = event_properties(_event(2, DateInterval(dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season", "explicit"), STATE))
    props.update(change)
    assert not contract._plainly_valid(props)
    try:
        expected = _pydantic(props)
    except ValidationError as exc:
        with pytest.raises(ValidationError) as got:
            json_properties(props)
        assert str(got.value) == str(exc)
    else:
        assert json_properties(props) == expected


@pytest.mark.parametrize("quote", ["Text", '"place_geometry":null', '{"place_geometry":null}'])
def test_an_area_outline_encoded_once_gives_the_same_text(quote):
    event = _event(2, DateInterval(dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season", "explicit"), STATE)
    feature = to_feature(event)
    feature["properties"]["evidence"][0]["quote"] = quote
    feature["properties"]["places_mentioned"] = [{"place_geometry": None}]
    assert write._feature_json(feature) == write._json(feature)
    assert write._feature_json(to_feature(event)) == write._json(to_feature(event))


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


# --- One commit for both outputs (issue 14) ---

def _pair_id(path):
    import pyarrow.parquet as pq

    from geo.write import OUTPUT_ID_KEY

    head = json.loads(path.read_text(encoding="utf-8"))["output_id"]
    return head, pq.read_schema(path.with_suffix(".parquet")).metadata[OUTPUT_ID_KEY].decode()


def _smaller():
    col = _collection()
    return {**col, "features": col["features"][:1]}


def test_both_outputs_are_published_together_through_one_link(tmp_path):
    out = tmp_path / "events.geojson"
    write_outputs(_collection(), out)
    first = _pair_id(out)
    write_outputs(_smaller(), out)
    assert _pair_id(out)[0] == _pair_id(out)[1] != first[0]
    assert out.resolve().parent == out.with_suffix(".parquet").resolve().parent  # one version folder
    assert (tmp_path / ".events.versions" / "current").is_symlink()


def test_plain_files_from_an_older_writer_become_links(tmp_path):
    out = tmp_path / "events.geojson"
    out.write_text("old", encoding="utf-8")
    out.with_suffix(".parquet").write_text("old", encoding="utf-8")
    write_outputs(_collection(), out)
    assert out.is_symlink() and out.with_suffix(".parquet").is_symlink()
    assert len(read_events(out).features) == 3


@pytest.mark.parametrize("code,words", [(errno.ENOSPC, "no space left"), (errno.EDQUOT, "disk quota exceeded")])
def test_a_full_disk_keeps_the_previous_pair_and_says_why(tmp_path, monkeypatch, code, words):
    from geo.write import OutputError

    out = tmp_path / "events.geojson"
    write_outputs(_collection(), out)
    before = out.read_bytes(), out.with_suffix(".parquet").read_bytes()

    def full(*a, **k):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("geo.write._write_parquet", full)  # the GeoJSON was already written
    with pytest.raises(OutputError, match=f"{out}: cannot write the outputs: {words}.*previous outputs are unchanged"):
        write_outputs(_smaller(), out)
    assert (out.read_bytes(), out.with_suffix(".parquet").read_bytes()) == before
    assert not [p for p in (tmp_path / ".events.versions").iterdir() if p.name.startswith(".tmp-")]


def test_a_read_only_folder_is_named(tmp_path, monkeypatch):
    from geo.write import OutputError

    out = tmp_path / "events.geojson"
    write_outputs(_collection(), out)

    def read_only(*a, **k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("geo.write.tempfile.mkdtemp", read_only)
    with pytest.raises(OutputError, match="read-only file system"):
        write_outputs(_smaller(), out)
    assert len(read_events(out).features) == 3


def test_the_loader_exits_2_with_a_message_on_a_full_disk(tmp_path, monkeypatch, capsys):
    from geo.load import main
    from tests.conftest import ROOT

    out = tmp_path / "events.geojson"
    write_outputs(_collection(), out)
    before = out.read_bytes()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("geo.write._write_parquet", full)
    assert main([str(ROOT / "seeds"), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "no space left" in err and "Traceback" not in err
    assert out.read_bytes() == before


def test_temporaries_of_killed_runs_and_old_versions_are_cleaned_by_the_next_run(tmp_path):
    out = tmp_path / "events.geojson"
    for _ in range(4):
        write_outputs(_collection(), out)
    versions = tmp_path / ".events.versions"
    (versions / ".tmp-killed").mkdir()
    (versions / ".tmp-killed" / "events.geojson").write_text("half", encoding="utf-8")
    os.symlink("v000001-x", versions / ".link-999-current")
    (tmp_path / ".events.geojson.abc123.tmp").write_text("half", encoding="utf-8")  # the older writer's
    write_outputs(_smaller(), out)
    assert sorted(p.name for p in versions.iterdir() if p.name.startswith((".tmp", ".link"))) == []
    assert not list(tmp_path.glob(".*.tmp"))
    assert len([p for p in versions.iterdir() if p.name.startswith("v")]) == 2  # current and previous


def test_a_reader_never_mixes_two_pairs(tmp_path, monkeypatch):
    """A GeoJSON beside another run's GeoParquet is refused by the parquet reader; the
    dashboard then reads the GeoJSON itself."""
    from dashboard import bigfile
    from dashboard.data import load_events

    a, b = tmp_path / "a" / "events.geojson", tmp_path / "b" / "events.geojson"
    write_outputs(_collection(), a)
    write_outputs(_smaller(), b)
    mixed = tmp_path / "mixed" / "events.geojson"
    mixed.parent.mkdir()
    mixed.write_bytes(a.read_bytes())
    mixed.with_suffix(".parquet").write_bytes(b.with_suffix(".parquet").read_bytes())
    monkeypatch.setattr(bigfile, "FULL_VALIDATION_MAX_BYTES", 0)  # take the GeoParquet path for small files
    with pytest.raises(bigfile.PairError, match="not written together"):
        bigfile.read(mixed, mixed.with_suffix(".parquet"))
    assert sorted(load_events(mixed).frame["id"]) == ["ev_01", "ev_02", "ev_03"]
    assert isinstance(load_events(a).features, bigfile.FrameFeatures)  # a true pair still takes the fast path


def test_a_writer_killed_at_random_moments_always_leaves_a_whole_pair():
    """50 SIGKILLs at random moments of publishing (bench/killloop.py; about 15 s)."""
    from bench.killloop import run

    result = run(50)
    assert sum(result["pairs_found"].values()) == 50
    assert len(result["pairs_found"]) == 2 and result["kills_leaving_temporaries"] > 0  # kills hit mid-write


def test_the_kill_loop_does_not_import_the_parents_main_module(tmp_path, monkeypatch):
    """Under pytest, after a Streamlit app test, `__main__` may be a page that cannot be imported."""
    import sys

    from bench.killloop import run

    boom = tmp_path / "page.py"
    boom.write_text('raise RuntimeError("a fork-server child imported the parent main module")\n')
    monkeypatch.setattr(sys.modules["__main__"], "__file__", str(boom), raising=False)
    assert sum(run(3)["pairs_found"].values()) == 3


def _waters() -> dict:
    import gzip
    from importlib import resources

    with gzip.open(resources.files("geo.ref") / "waters.geojson.gz", "rt", encoding="utf-8") as fh:
        return {f["properties"]["id"]: f for f in json.load(fh)["features"] if f["geometry"]}


@pytest.mark.parametrize("lon,lat,where", [
    (-85.0, 15.6, "Honduras"), (-78.4, 9.0, "Panama"), (-75.2, 10.0, "Colombia"), (-69.7, 11.2, "Venezuela"),
])
def test_the_caribbean_sea_is_drawn_on_no_central_or_south_american_land(lon, lat, where):
    from shapely.geometry import Point, shape

    from geo.write import coarse_area

    f = _waters()["geo:sea/caribbean-sea"]
    p = f["properties"]
    sea = Place(p["id"], p["name"], "sea", p["lat"], p["lon"], geometry=f["geometry"])
    outline = shape(json.loads(coarse_area(sea)))
    assert not outline.contains(Point(lon, lat)), f"the sea covers {where}"
    assert outline.contains(Point(p["lon"], p["lat"])), "the sea's point lies in its outline"


def test_every_sea_and_lake_outline_covers_water_only_and_holds_its_point():
    """The outline an event carries is the Natural Earth water it was cut from, simplified but
    never past it (the old coarsening put 35 % of the Baltic Sea on land)."""
    from shapely import make_valid
    from shapely.geometry import Point, shape

    from geo.write import _coarsen

    for sid, f in _waters().items():
        water = make_valid(shape(f["geometry"]))
        outline = make_valid(shape(json.loads(_coarsen(f["geometry"]))))
        outside = outline.difference(water).area / outline.area
        assert outside < 1e-4, f"{sid}: {outside:.2%} of its outline is not water"
        assert water.difference(outline).area / water.area < 0.02, f"{sid}: outline lost its water"
        p = f["properties"]
        assert outline.contains(Point(p["lon"], p["lat"])), f"{sid}: its point is not at sea"


def test_a_coarse_outline_is_computed_once_and_then_read_from_the_cache(tmp_path, monkeypatch):
    """A country's or a sea's outline is simplified once per machine, not in every worker of every
    run: the second process reads the same text from the cache folder."""
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    write._coarse_folder.cache_clear()
    try:
        square = {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]}
        first = write._stored_coarse(square)
        assert first == write._coarsen(square)
        stored = list(tmp_path.glob("coarse-areas-*/*.json"))
        assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == first
        stored[0].write_text('{"stand-in": true}', encoding="utf-8")  # proves the second call reads it
        assert write._stored_coarse(square) == '{"stand-in": true}'
        other = {"type": "Polygon", "coordinates": [[[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 0.0]]]}
        assert write._stored_coarse(other) == write._coarsen(other)  # another geometry, another file
    finally:
        write._coarse_folder.cache_clear()


def test_without_a_writable_cache_the_outline_is_computed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GEO_CACHE_DIR", str(blocker / "cache"))
    write._coarse_folder.cache_clear()
    try:
        square = {"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]}
        assert write._stored_coarse(square) == write._coarsen(square)
    finally:
        write._coarse_folder.cache_clear()


def _chunk(features):
    chunks = write._Chunks(None)
    for f in features:
        chunks.add(f)
    return chunks._columns, chunks._geoms


def _same_table(a, b):
    """The same table; the CRS in the GeoParquet metadata aside, as PROJ describes EPSG:4326 in a
    test process after other tests asked it (test_a_fresh_process_writes_the_same_chunk_either_way)."""
    def geo(t):
        meta = json.loads(t.schema.metadata[b"geo"])
        del meta["columns"]["geometry"]["crs"]
        return meta

    assert a.equals(b) and a.schema.metadata[b"pandas"] == b.schema.metadata[b"pandas"] and geo(a) == geo(b)
    assert list(a.schema.metadata) == list(b.schema.metadata) and a.schema.field("geometry").metadata


def test_a_fresh_process_writes_the_same_chunk_either_way():
    """Both ways in a new process, as the loader writes: the same bytes of metadata too."""
    import subprocess
    import sys

    code = ("from tests.test_write import _collection, _chunk; from geo import write; "
            "c, g = _chunk(_collection()['features']); a, b = write._arrow_table(c, g), write._geopandas_table(c, g); "
            "assert a.equals(b) and a.schema.metadata == b.schema.metadata; "
            "assert [f.metadata for f in a.schema] == [f.metadata for f in b.schema]; print('same')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(__file__)))
    assert out.stdout.strip() == "same", out.stderr


@pytest.mark.parametrize("edit", [
    lambda fs: None,
    lambda fs: [f["properties"].update(date_start=None, date_end=None, place_name=None) for f in fs],  # a column of nulls
    lambda fs: [f["properties"].update(actors=[]) for f in fs],  # lists all empty
    lambda fs: fs[0]["properties"].update(actors=["A", "B"], cited_sources=["Reuters"]),
    lambda fs: [f.update(geometry=None) for f in fs],  # no point at all
    lambda fs: fs[1].update(geometry={"type": "Point", "coordinates": [10, 0.0]}),  # whole degrees, zero
    lambda fs: fs[1].update(geometry={"type": "Point", "coordinates": [-171.76667, -43.5]}),
    lambda fs: fs[0]["properties"].update(title="Zürich – “Ausschreitungen” 東京 \U0001F600"),
])
def test_a_chunk_made_from_arrow_buffers_is_the_table_geopandas_makes(edit):
    features = _collection()["features"]
    edit(features)
    columns, geoms = _chunk(features)
    _same_table(write._arrow_table(columns, geoms), write._geopandas_table(columns, geoms))


@pytest.mark.parametrize("edit", [
    lambda fs: fs[0]["properties"].update(confidence=1),  # an integer: pandas' int64 column
    lambda fs: fs[0]["properties"].update(verified=True),  # a property only some rows have
    lambda fs: [f["properties"].update(actors=[1]) for f in fs],  # lists of numbers
    lambda fs: fs[0]["properties"].update(confidence=float("nan")),  # null in pandas
    lambda fs: fs[0].update(geometry={"type": "Point", "coordinates": [-0.0, 51.5]}),
    lambda fs: fs[0].update(geometry={"type": "LineString", "coordinates": [[0.5, 1.5], [2.5, 3.5]]}),
])
def test_a_chunk_of_other_values_goes_through_geopandas(edit, tmp_path):
    features = _collection()["features"]
    edit(features)
    columns, geoms = _chunk(features)
    assert write._arrow_table(columns, geoms) is None
    write._geopandas_table(columns, geoms)  # converts, as before


@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_an_output_path_that_is_no_file_is_refused_and_left_as_it_was(tmp_path, kind):
    """`--out /dev/null` once replaced the device with a link into `/dev/.null.versions`."""
    from geo.write import OutputError

    out = tmp_path / "events.geojson"
    os.mkfifo(out) if kind == "pipe" else out.mkdir()
    with pytest.raises(OutputError, match=f"{out}: is not a regular file"):
        write_outputs(_collection(), out)
    assert not out.is_symlink() and (out.is_dir() if kind == "folder" else not out.is_file())
    assert not (tmp_path / ".events.versions").exists()


def test_the_loader_refuses_an_output_that_is_no_file_before_the_run(tmp_path, capsys):
    from geo.load import main
    from tests.conftest import ROOT

    out = tmp_path / "events.geojson"
    os.mkfifo(out.with_suffix(".parquet"))
    assert main([str(ROOT / "seeds"), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "events.parquet: is not a regular file" in err and "nothing written" in err and "Traceback" not in err
    assert not out.exists() and not out.is_symlink()
