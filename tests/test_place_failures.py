"""bench.place_failures tells a wrong namesake from a right place named elsewhere (counts only)."""
from bench.place_failures import named_levels
from geo.gazetteer import Gazetteer
from geo.records import Place

PARIS_FR = Place("geonames:1", "Paris", "city", 48.86, 2.35, "FR")
PARIS_TX = Place("geonames:2", "Paris", "city", 33.66, -95.56, "US")
DALLAS = Place("geonames:3", "Dallas", "city", 32.78, -96.80, "US")
GAZ = Gazetteer.tiny({"Paris": [PARIS_FR, PARIS_TX], "Dallas": DALLAS}, language="en")
GOLD_TX = {"lat": 33.66, "lon": -95.56, "km": 10}


def test_the_wrong_one_of_two_namesakes():
    assert named_levels("Police in Paris said.", GOLD_TX, GAZ, chosen="geonames:1") == {"city", "namesake"}


def test_another_name_is_no_namesake():
    text = "Police in Paris said. Officers from Dallas came."
    assert named_levels(text, GOLD_TX, GAZ, chosen="geonames:3") == {"city"}
    assert named_levels(text, GOLD_TX, GAZ) == {"city"}


def test_a_right_place_not_named():
    assert named_levels("Officers from Dallas came.", GOLD_TX, GAZ, chosen="geonames:3") == set()
