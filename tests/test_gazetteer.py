"""The gazetteer: reference files, surface forms (names, German inflections, demonyms), load budget."""
import json
import time
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, german_forms
from geo.records import Place

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _kinds(gazetteer, surface):
    return {(c.place.name, c.place.type, c.kind, c.weak) for c in gazetteer.candidates(surface)}


def test_countries_file_is_a_clean_feature_collection_of_every_country():
    fc = json.loads((REF / "countries.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    props = {f["properties"]["iso2"]: f["properties"] for f in fc["features"]}
    assert len(props) >= 245
    assert {"DE", "VE", "US", "CU", "MX", "GE"} <= set(props)
    assert all(p["name"] for p in props.values())
    assert props["DE"]["name_de"] == "Deutschland" and props["DE"]["name_es"] == "Alemania"
    assert sum(f["geometry"] is not None for f in fc["features"]) >= 170


def test_us_states_file_has_fifty_states_dc_and_five_territories():
    fc = json.loads((REF / "us_states.geojson").read_text(encoding="utf-8"))
    codes = {f["properties"]["code"] for f in fc["features"]}
    assert len(codes) == 56
    assert {"CO", "DC", "PR", "GU", "VI", "AS", "MP"} <= codes
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fc["features"])


def test_reference_files_stay_small():
    total = sum(p.stat().st_size for p in REF.glob("*") if p.suffix in (".geojson", ".tsv"))
    assert total < 15_000_000


@pytest.mark.parametrize("surface, name, place_type", [
    ("Venezuela", "Venezuela", "country"),
    ("Venezuelas", "Venezuela", "country"),          # German genitive
    ("Deutschlands", "Germany", "country"),
    ("Colorados", "Colorado", "admin1"),
    ("Kalifornien", "California", "admin1"),           # German state name
    ("Nord-Carolina", "North Carolina", "admin1"),
    ("Puerto Rico", "Puerto Rico", "admin1"),          # US territory: admin1 of the US
    ("Karibisches Meer", "Caribbean Sea", "sea"),
    ("Karibischen Meer", "Caribbean Sea", "sea"),      # "im Karibischen Meer"
    ("Karibik", "Caribbean Sea", "sea"),
    ("Persischen Golf", "Persian Gulf", "sea"),        # "am Persischen Golf"
    ("Mar Caribe", "Caribbean Sea", "sea"),            # Spanish
    ("Lateinamerikas", "Latin America", "region"),
    ("Südamerika", "South America", "region"),
    ("Naher Osten", "Middle East", "region"),
    ("US-mexikanische Grenze", "US-Mexico border", "border"),
    ("US-mexikanischen Grenze", "US-Mexico border", "border"),
    ("USA", "United States", "country"),
    ("U.S.", "United States", "country"),
    ("Denver", "Denver", "city"),
])
def test_name_and_german_forms_are_indexed(gazetteer, surface, name, place_type):
    assert any(c.place.name == name and c.place.type == place_type for c in gazetteer.candidates(surface))


@pytest.mark.parametrize("surface, country", [
    ("venezolanische", "Venezuela"),
    ("venezolanischer", "Venezuela"),
    ("Venezolaner", "Venezuela"),        # the people noun derived from -anisch
    ("kubanische", "Cuba"),
    ("mexikanischen", "Mexico"),
    ("amerikanische", "United States"),
    ("Venezuelan", "Venezuela"),
    ("Cuban", "Cuba"),
    ("venezolanos", "Venezuela"),        # Spanish
])
def test_demonyms_map_to_their_country_as_weak_evidence(gazetteer, surface, country):
    cands = gazetteer.candidates(surface)
    assert cands and all(c.weak and c.kind == "dem" for c in cands)
    assert {c.place.name for c in cands} == {country}


@pytest.mark.parametrize("word", ["Mut", "Wie", "Will", "Of", "Van", "Can", "Dabei", "Auch", "Namen", "Hof"])
def test_everyday_words_are_not_plain_city_names(gazetteer, word):
    assert not [c for c in gazetteer.candidates(word) if c.place.type == "city" and not c.common]


@pytest.mark.parametrize("name, expected", [
    ("Venezuela", {"Venezuelas"}),
    ("Paris", set()),                                   # already ends in s
    ("Karibisches Meer", {"Karibischen Meer", "Karibischen Meeres", "Karibisches Meeres"}),
    ("Golf von Mexiko", {"Golfs von Mexiko", "Golfes von Mexiko"}),
])
def test_german_forms_cover_genitive_and_adjective_endings(name, expected):
    assert expected <= german_forms(name)


def test_tiny_gazetteer_indexes_only_what_it_is_given():
    paris = Place(id="geonames:2988507", name="Paris", type="city", lat=48.85, lon=2.35, country_code="FR")
    g = Gazetteer.tiny({"Paris": paris}, demonyms={"französisch": Place(
        id="geonames:3017382", name="France", type="country", lat=46.0, lon=2.0, country_code="FR")})
    assert len(g.candidates("Paris")) == 1 and g.candidates("Berlin") == []
    assert g.candidates("französischen")[0].weak


def test_load_is_fast_enough_to_build_once_per_run():
    t = time.process_time()  # CPU time: wall time swings when CI shares the machine
    g = Gazetteer.load()
    assert time.process_time() - t < 3.0
    assert len(g) > 100_000
