"""Islands (geo/ref/islands.tsv.gz, scripts/build_islands.py): "auf Rügen", "on Lesbos", "vor Sylt",
"Insel Föhr" name the island, an area with its Natural Earth outline; the bare name needs the
evidence a village needs, and "auf"/"on" is that evidence for an island only."""
import csv
import gzip
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from geo.gazetteer import Gazetteer
from geo.nearness import lies_in
from geo.where import find_places

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _found(text, gazetteer, language):
    return [(m.text, m.place.id) for m in find_places(text, gazetteer=gazetteer, language=language)]


def _island(text, gazetteer, language, surface):
    found = [m for m in find_places(text, gazetteer=gazetteer, language=language) if m.text == surface]
    return found[0].place if found else None


def _islands(text, gazetteer, language):
    return {pid.removeprefix("geo:island/") for _, pid in _found(text, gazetteer, language) if pid.startswith("geo:island/")}


# text -> the island it names: "auf", "vor", "Insel" in German; "on", "off", "island of" in English
NAMED = {
    "Eurofighter fangen russische Militärmaschine vor Rügen ab.": ("de", "ruegen"),
    "Ein Urlauber ist auf Sylt tödlich verunglückt.": ("de", "sylt"),
    "Auf Mallorca wurden zwei Touristen festgenommen.": ("de", "mallorca"),
    "Auf der Insel Föhr brannte eine Scheune.": ("de", "foehr"),
    "More than 2,000 migrants landed on Lesbos on Monday.": ("en", "lesbos"),
    "The wildfire on Maui killed more than 100 people.": ("en", "maui"),
    "Two hikers were rescued on the island of Gran Canaria.": ("en", "gran-canaria"),
}


@pytest.mark.parametrize("text", NAMED)
def test_a_locative_or_the_islands_noun_names_the_island(gazetteer, text):
    language, island = NAMED[text]
    assert _islands(text, gazetteer, language) == {island}


def test_a_village_named_like_its_island_is_the_island_and_a_city_stays():
    gazetteer = Gazetteer.load()
    assert _island("Hunderte Migranten kamen in Lampedusa an.", gazetteer, "de", "Lampedusa").id == "geo:island/lampedusa"
    city = _island("A ferry ran aground off Tenerife.", gazetteer, "en", "Tenerife")  # Santa Cruz de Tenerife
    tenerife = shape(next(f for f in _outlines() if f["id"] == "geo:island/tenerife")["geometry"])
    assert city.type == "city" and tenerife.contains(Point(city.lon, city.lat))


@pytest.mark.parametrize("text, language", [
    ("Der Bundestag sprach zwei Rügen aus.", "de"),  # the German noun (reprimands), no locative
    ("Das Präsidium erteilte Rügen wegen der Zwischenrufe.", "de"),
    ("Lesbos residents protested.", "en"),  # the bare name needs a locative, as a village's does
])
def test_an_island_name_alone_needs_evidence(gazetteer, text, language):
    assert not any(pid.startswith("geo:island/") for _, pid in _found(text, gazetteer, language))


@pytest.mark.parametrize("text, language, expected", [
    ("Das Paket kam auf Treuenbrietzen an.", "de", []),  # "auf" is an island's locative, not a village's
    ("Das Paket kam in Treuenbrietzen an.", "de", ["Treuenbrietzen"]),
    ("He commented on Monday on Merkel.", "en", []),
])
def test_auf_and_on_place_no_other_village(gazetteer, text, language, expected):
    assert [t for t, _ in _found(text, gazetteer, language)] == expected


def test_crete_has_its_german_name():
    assert ("Kreta", "geonames:6697802") in _found("Waldbrände auf Kreta", Gazetteer.load(), "de")


def _rows():
    with gzip.open(REF / "islands.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _outlines():
    import json

    with gzip.open(REF / "islands_outlines.geojson.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)["features"]


def test_every_island_has_an_outline_holding_its_point_and_towns_on_it_lie_in_it(gazetteer):
    rows, outlines = _rows(), {f["id"]: f for f in _outlines()}
    assert len(rows) > 100 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["id"].startswith("geo:island/") and int(r["radius_km"]) > 0
        assert shape(outlines[r["id"]]["geometry"]).buffer(0.01).contains(Point(float(r["lon"]), float(r["lat"])))
    bare = {b for r in rows for b in r["bare"].split("|") if b}
    assert {"Rügen", "Sylt", "Lesbos", "Mallorca", "Maui"} <= bare
    assert not bare & {"Java", "Elba", "Skye", "Trinidad", "Ibiza", "Corfu"}  # a given name, a city or a word
    ruegen = next(c.place for c in gazetteer.candidates("Insel Rügen"))
    bergen = next(c.place for c in gazetteer.candidates("Bergen auf Rügen"))
    assert ruegen.geometry is not None and lies_in(bergen, ruegen)


def test_an_event_on_an_island_is_written_as_a_region_with_its_outline(gazetteer):
    from geo.write import coarse_area, contract_place_type

    sylt = next(c.place for c in gazetteer.candidates("Insel Sylt"))
    assert contract_place_type(sylt) == "region"
    assert shape(__import__("json").loads(coarse_area(sylt))).contains(Point(8.31, 54.9))


def test_a_town_on_an_island_lies_in_it_whichever_province_it_is_in(gazetteer):
    """Sumatra's row carries one province's code (North Sumatra's, its most populous town's);
    Padang is in West Sumatra, Jakarta on Java."""
    from geo.nearness import outside_of

    sumatra = next(c.place for c in gazetteer.candidates("Insel Sumatra"))
    padang, medan, jakarta = (next(c.place for c in gazetteer.candidates(n) if c.place.type == "city")
                              for n in ("Padang", "Medan", "Jakarta"))
    assert lies_in(padang, sumatra) and not outside_of(padang, sumatra)
    assert lies_in(medan, sumatra) and not outside_of(medan, sumatra)
    assert not lies_in(jakarta, sumatra) and outside_of(jakarta, sumatra)
