"""Many events: DuckDB filtering equals the pandas filters, the GeoParquet path equals the
GeoJSON path, and the map and timeline switch between counts and single events."""
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bench.synth import synthetic_collection
from dashboard import bigfile
from dashboard.data import events_from_collection, load_events
from dashboard.filters import FilterState, apply_filters
from dashboard.map_layers import build_deck, is_aggregated, type_colors
from dashboard.query import EventQuery, filter_frame
from dashboard.timeline import build_figure, is_binned
from geo.contract import ContractError, read_events, validate_collection
from geo.write import write_outputs

FIXTURE = Path(__file__).parent / "fixtures" / "events.geojson"
N = 20_000


@pytest.fixture(scope="module")
def fixture_frame():
    return events_from_collection(read_events(FIXTURE)).frame


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """20k synthetic events written by the loader's writer (GeoJSON + GeoParquet)."""
    col = synthetic_collection(N, seed=7)
    path = tmp_path_factory.mktemp("big") / "events.geojson"
    write_outputs(col, path)
    return path, col


@pytest.fixture(scope="module")
def big(big_file):
    return load_events(big_file[0])


FIXTURE_STATES = [
    FilterState(),
    FilterState(actors=("Ministry of Ports",)),
    FilterState(actors=("Polizei", "Marine")),
    FilterState(types=("visit",)),
    FilterState(documents=("fx_en_gazette.txt",)),
    FilterState(outlets=("Nordhafen Kurier",)),
    FilterState(sources=("Polizeisprecher",)),
    FilterState(place_types=("sea", "admin1", "country")),
    FilterState(min_confidence=0.8),
    FilterState(text="FRACHTER"),
    FilterState(text="<risk> of smuggling"),
    FilterState(text="o'brien%_"),  # SQL wildcards and quotes are plain text
    FilterState(include_undated=False),
    FilterState(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)),
    FilterState(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31), include_undated=False),
    FilterState(date_from=dt.date(2023, 10, 15)),  # open-ended
    FilterState(actors=("Zoll",), min_confidence=0.5, text="hafen"),
]


@pytest.mark.parametrize("state", FIXTURE_STATES, ids=lambda s: str(s.active()) or "none")
def test_duckdb_filter_keeps_the_same_events_as_pandas_on_the_fixture(fixture_frame, state):
    duck = filter_frame(fixture_frame, EventQuery(fixture_frame), state)
    assert list(duck["id"]) == list(apply_filters(fixture_frame, state)["id"])


@pytest.mark.parametrize("state", [
    FilterState(actors=("Polizei",)),
    FilterState(outlets=("Risk & Co",), types=("strike", "visit")),
    FilterState(text="berlin", min_confidence=0.3),
    FilterState(date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 3, 31), include_undated=False),
    FilterState(place_types=("sea",)),
])
def test_duckdb_filter_keeps_the_same_events_as_pandas_on_20k_events(big, state):
    assert list(filter_frame(big.frame, big.query(), state)["id"]) == list(apply_filters(big.frame, state)["id"])


def test_big_file_is_read_from_geoparquet_with_the_same_rows_as_the_geojson(big, big_file):
    assert isinstance(big.features, bigfile.FrameFeatures)  # the GeoParquet path was taken
    full = events_from_collection(validate_collection(big_file[1])).frame
    for col in ("id", "title", "event_type", "date_start", "date_end", "date_precision", "place_name",
                "place_type", "lon", "lat", "actors", "documents", "outlets", "confidence", "undated",
                "unlocated", "n_docs", "search_text"):
        assert big.frame[col].tolist() == full[col].tolist(), col
    sample = big.frame["id"].iloc[123]
    assert [e["quote"] for e in big.frame["evidence"].iloc[123]] == [e["quote"] for e in full["evidence"].iloc[123]]
    validate_collection({"type": "FeatureCollection", "schema_version": "1.0", "generated_from": [],
                         "features": [big.features[sample]]})


def test_areas_share_one_outline_object_per_place(big):
    areas = big.frame[big.frame["place_geometry"].notna()]
    assert len(areas) > 1000 and len({id(g) for g in areas["place_geometry"]}) <= 10


def test_a_bad_event_type_anywhere_in_the_geoparquet_is_named(big_file, tmp_path):
    path, _ = big_file
    table = pq.read_table(path.with_suffix(".parquet"))
    types = table["event_type"].to_pylist()
    types[15_432] = "picnic"
    bad = table.set_column(table.schema.get_field_index("event_type"), "event_type", pa.array(types))
    target = tmp_path / "events.geojson"
    target.write_bytes(path.read_bytes())
    pq.write_table(bad, target.with_suffix(".parquet"))
    with pytest.raises(ContractError) as err:
        load_events(target)
    assert err.value.field == "features.15432.properties.event_type" and "picnic" in err.value.problem


def test_a_broken_geojson_head_is_named(big_file, tmp_path):
    path, _ = big_file
    target = tmp_path / "events.geojson"
    target.write_bytes(path.read_bytes().replace(b'"schema_version":"1.0"', b'"schema_version":"9.0"', 1))
    target.with_suffix(".parquet").write_bytes(path.with_suffix(".parquet").read_bytes())
    with pytest.raises(ContractError) as err:
        load_events(target)
    assert err.value.field == "schema_version"


def _layer_ids(deck) -> set[str]:
    return {layer["id"] for layer in json.loads(deck.to_json())["layers"]}


def test_20k_events_are_counted_per_cell_on_the_map_and_per_bin_on_the_timeline(big):
    frame = big.frame
    colors = type_colors(list(frame["event_type"]))
    assert is_aggregated(frame) and is_binned(frame)
    deck = json.loads(build_deck(frame, outline=None, colors=colors).to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert "event-grid" in layers and "event-points" not in layers
    located = frame[frame["lon"].notna() & frame["place_geometry"].isna()]
    assert sum(cell["n"] for cell in layers["event-grid"]["data"]) == len(located)
    fig = build_figure(frame, colors=colors)
    assert all(tr.customdata is None for tr in fig.data)  # counts, not event ids
    counts = sum(int(text.rsplit(": ", 1)[1].replace(",", "")) for tr in fig.data for text in tr.text)
    assert counts == int(frame["date_start"].notna().sum())
    assert len(json.dumps(fig.to_plotly_json(), default=str)) < 1_000_000


def test_filtering_down_to_a_few_events_shows_each_one(big):
    few = filter_frame(big.frame, big.query(), FilterState(types=("visit",), actors=("Europol",),
                                                           date_from=dt.date(2020, 1, 1),
                                                           date_to=dt.date(2020, 12, 31), include_undated=False))
    assert 0 < len(few) < 200
    colors = type_colors(list(big.frame["event_type"]))
    assert not is_aggregated(few) and not is_binned(few)
    assert "event-grid" not in _layer_ids(build_deck(few, outline=None, colors=colors))
    fig = build_figure(few, colors=colors)
    ids = {c[0] for tr in fig.data if tr.type == "scatter" for c in tr.customdata}
    assert ids == set(few["id"])


def test_synthetic_events_speak_their_documents_language_and_readers_see_their_own(big_file):
    """bench/synth.py once marked every event German while writing English type words ("Heatwave
    in Samambaia"), so the German view showed English titles the dashboard could not rebuild. Each
    event now carries its document's language and a title in it, as the loader writes them; the
    reader's title is in the reader's language either way."""
    from dashboard.details import reader_title
    from geo.contract import type_label

    col = big_file[1]
    language = {d["id"]: d["language"] for d in col["generated_from"]}
    rows = [f["properties"] for f in col["features"]]
    assert {language[r["documents"][0]] for r in rows} == {"de", "en"}
    for r in rows[:500]:
        assert r["language"] == language[r["documents"][0]], r["id"]
        assert r["title"].startswith(type_label(r["event_type"], r["language"])), r["title"]
        for reader in ("de", "en"):
            title = reader_title(r["title"], r["event_type"], r["language"], reader,
                                 place_name=r["place_name"], actors=r["actors"])
            assert title.startswith(type_label(r["event_type"], reader)) and ": " + r["title"] not in title, title


def test_the_synthetic_corpus_is_the_same_in_every_process():
    """bench/synth.py promises a deterministic corpus: its place ids once came from Python's
    `hash()`, which differs between processes (PYTHONHASHSEED), so two runs wrote different files."""
    import os
    import subprocess
    import sys

    code = ("from bench.synth import synthetic_collection; import json;"
            "print(json.dumps(synthetic_collection(50, seed=3), default=str, sort_keys=True))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1
