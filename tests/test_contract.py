"""The contract module: valid files pass, broken ones name the file and the field."""
import copy
import json

import pytest

from geo.contract import ContractError, read_events, validate_collection

GOOD_FEATURE = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [-66.5, 18.2]},
    "properties": {
        "id": "ev_1", "title": "Stationierung in Puerto Rico", "event_type": "deployment",
        "date_start": "2023-09-01", "date_end": "2023-11-30", "date_precision": "season",
        "date_basis": "explicit", "date_text": "im Herbst 2023", "place_name": "Puerto Rico",
        "place_id": "geo:x", "place_type": "admin1", "place_geometry": None, "actors": ["A"],
        "cited_sources": [], "documents": ["a.txt"],
        "evidence": [{"document": "a.txt", "start": 0, "end": 5, "quote": "Hallo"}],
        "confidence": 0.7, "method": "extracted", "language": "de",
    },
}


def _collection(*features):
    return {"type": "FeatureCollection", "schema_version": "1.0", "generated_from": [{"id": "a.txt"}], "features": list(features)}


def test_a_valid_collection_passes():
    col = validate_collection(_collection(GOOD_FEATURE))
    assert col.features[0].properties.date_precision == "season"


@pytest.mark.parametrize(
    "field, value, problem_field",
    [
        ("event_type", "party", "event_type"),
        ("date_start", "2023-13-01", "date_start"),
        ("date_precision", "fortnight", "date_precision"),
        ("confidence", 1.5, "confidence"),
        ("documents", [], "documents"),
        ("date_end", "2023-08-01", "properties"),  # end before start: a whole-record check
    ],
)
def test_a_broken_field_is_named_in_the_error(field, value, problem_field):
    feat = copy.deepcopy(GOOD_FEATURE)
    feat["properties"][field] = value
    with pytest.raises(ContractError) as exc:
        validate_collection(_collection(feat), source="events.geojson")
    assert "events.geojson" in str(exc.value)
    assert problem_field in exc.value.field


def test_a_quote_that_does_not_fit_its_offsets_is_refused():
    feat = copy.deepcopy(GOOD_FEATURE)
    feat["properties"]["evidence"][0]["end"] = 9
    with pytest.raises(ContractError, match="evidence"):
        validate_collection(_collection(feat))


def test_coordinates_out_of_range_are_refused():
    feat = copy.deepcopy(GOOD_FEATURE)
    feat["geometry"]["coordinates"] = [200, 18]
    with pytest.raises(ContractError, match="geometry"):
        validate_collection(_collection(feat))


def test_reading_a_file_that_is_not_json_names_the_file(tmp_path):
    bad = tmp_path / "events.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContractError) as exc:
        read_events(bad)
    assert str(bad) in str(exc.value)


def test_reading_a_valid_file_round_trips(tmp_path):
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps(_collection(GOOD_FEATURE)), encoding="utf-8")
    assert read_events(path).features[0].properties.id == "ev_1"


def test_an_incompatible_schema_version_is_refused():
    col = _collection(GOOD_FEATURE)
    col["schema_version"] = "2.0"
    with pytest.raises(ContractError, match="schema_version"):
        validate_collection(col)
