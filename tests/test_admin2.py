"""Second-level subdivisions (counties, Landkreise, Bezirke, districts): the reference file,
how the loader finds them, and how they reach the event file and the map."""
import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer
from geo.nearness import lies_in
from geo.where import find_places

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _found(text, gazetteer, language):
    return [(m.text, m.place.type, m.place.id) for m in find_places(text, gazetteer=gazetteer, language=language)]


def _rows():
    with gzip.open(REF / "admin2.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_the_admin2_file_covers_us_counties_german_kreise_and_districts_elsewhere():
    rows = _rows()
    per_country = {}
    for r in rows:
        per_country[r["country"]] = per_country.get(r["country"], 0) + 1
    assert per_country["US"] > 3000 and per_country["DE"] >= 290  # every Landkreis and Kreis of 2018
    assert per_country["AT"] >= 70 and per_country["CH"] >= 100 and per_country["IN"] >= 500
    assert per_country["GB"] >= 150 and per_country["IE"] >= 25
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["forms"] or r["bare"] for r in rows)
    # An outline, or else an uncertainty radius: never neither.
    with gzip.open(REF / "admin2_outlines.geojson.gz", "rt", encoding="utf-8") as fh:
        drawn = {f["id"] for f in json.load(fh)["features"]}
    assert all(r["id"] in drawn or int(r["radius_km"]) > 0 for r in rows)
    assert {r["id"] for r in rows if r["country"] == "US"} <= drawn


@pytest.mark.parametrize("text, language, surface, unit", [
    ("Das Hochwasser im Kreis Ahrweiler hat Dutzende Opfer gefordert.", "de", "Kreis Ahrweiler", "geo:admin2/DE-07131"),
    ("Ein Unfall im Landkreis Ravensburg", "de", "Landkreis Ravensburg", "geo:admin2/DE-08436"),
    ("Eine Scheune brannte im Kreis Heilbronn.", "de", "Kreis Heilbronn", "geo:admin2/DE-08125"),
    ("Die Feuerwehr des Landkreises Ravensburg rückte aus.", "de", "Landkreises Ravensburg", "geo:admin2/DE-08436"),
    ("Unwetter im Rhein-Sieg-Kreis", "de", "Rhein-Sieg-Kreis", "geo:admin2/DE-05382"),
    ("Waldbrand in Dithmarschen", "de", "Dithmarschen", "geo:admin2/DE-01051"),  # no town of that name
    ("Überfälle im Bezirk Hartberg-Fürstenfeld", "de", "Bezirk Hartberg-Fürstenfeld", "geo:admin2/AT.06.politischer-bezirk-hartberg-fuerstenfeld"),
    # GeoNames' ASCII "Ganserndorf", "Modling", "Vocklabruck" given back their letters
    ("Einbruch in Hohenau (Bezirk Gänserndorf)", "de", "Bezirk Gänserndorf", "geo:admin2/AT.03.politischer-bezirk-ganserndorf"),
    ("Ein Unfall im Bezirk Mödling", "de", "Bezirk Mödling", "geo:admin2/AT.03.politischer-bezirk-modling"),
    ("Hochwasser im Bezirk Vöcklabruck", "de", "Bezirk Vöcklabruck", "geo:admin2/AT.04.politischer-bezirk-vocklabruck"),
    ("Floods hit Ahrweiler County in western Germany.", "en", "Ahrweiler County", "geo:admin2/DE-07131"),
    ("Flooding in County Cork closed roads.", "en", "County Cork", "geo:admin2/IE.M.county-cork"),
    ("Überschwemmungen im County Cork", "de", "County Cork", "geo:admin2/IE.M.county-cork"),
    ("The train derailed in Buxar district.", "en", "Buxar district", "geo:admin2/IN.34.buxar"),
    # South Tyrol and Trentino by their names (scripts/admin2_names.yaml); Sicily's provinces, which
    # GeoNames names without "Provincia"
    ("Murenabgänge in ganz Südtirol", "de", "Südtirol", "geo:admin2/IT.17.bolzano"),
    ("Die Landesregierung Südtirols tagte.", "de", "Südtirols", "geo:admin2/IT.17.bolzano"),
    ("Floods hit South Tyrol on Sunday.", "en", "South Tyrol", "geo:admin2/IT.17.bolzano"),
    ("Ein Waldbrand im Trentino", "de", "Trentino", "geo:admin2/IT.17.provincia-di-trento"),
    ("Ein Waldbrand in der Provinz Palermo", "de", "Provinz Palermo", "geo:admin2/IT.15.palermo"),
    # Polish powiats by their seat town, not by GeoNames' adjective ("kłodzki", "wrocławski", "kutnowski")
    ("The situation is most dramatic in Klodzko county.", "en", "Klodzko county", "geo:admin2/PL.72.powiat-klodzki"),
    ("Flooding in Kłodzko County cut off two towns.", "en", "Kłodzko County", "geo:admin2/PL.72.powiat-klodzki"),
    ("Roads were closed in Wroclaw district.", "en", "Wroclaw district", "geo:admin2/PL.72.powiat-wroclawski"),
    ("Hochwasser im Kreis Kłodzko", "de", "Kreis Kłodzko", "geo:admin2/PL.72.powiat-klodzki"),
    ("Hochwasser im Kreis Kutno", "de", "Kreis Kutno", "geo:admin2/PL.74.powiat-kutnowski"),
])
def test_a_county_or_district_phrase_is_that_unit(gazetteer, text, language, surface, unit):
    assert (surface, "admin2", unit) in _found(text, gazetteer, language)


@pytest.mark.parametrize("text, language, surface", [
    ("Ein Unfall in Ravensburg", "de", "Ravensburg"),
    ("Flooding in Cork closed roads.", "en", "Cork"),
    ("Die Feuerwehr in Heilbronn", "de", "Heilbronn"),
    ("A crash in Buxar", "en", "Buxar"),
    ("Klodzko was partially under water.", "en", "Klodzko"),
    ("Hochwasser in Kłodzko", "de", "Kłodzko"),
])
def test_a_bare_name_that_is_both_town_and_district_stays_the_town(gazetteer, text, language, surface):
    assert [(s, t) for s, t, _ in _found(text, gazetteer, language)] == [(surface, "city")]


@pytest.mark.parametrize("text, surface, unit", [
    ("Flooding in Kent closed roads.", "Kent", "geo:admin2/GB.ENG.kent"),  # Kent, Ohio and Kent, Washington exist
    ("Snow fell in Devon and Cornwall.", "Cornwall", "geo:admin2/GB.ENG.cornwall"),
    ("Officers in Cumbria found the car.", "Cumbria", "geo:admin2/GB.ENG.cumbria"),  # no Cumberland, Maryland
    ("A man was stabbed in Merseyside.", "Merseyside", "geo:admin2/GB.ENG.merseyside"),
    ("Storms hit Greater Manchester overnight.", "Greater Manchester", "geo:admin2/GB.ENG.greater-manchester"),
    ("A bus crashed in the West Midlands.", "West Midlands", "geo:admin2/GB.ENG.west-midlands"),
    ("Flooding in Powys closed roads.", "Powys", "geo:admin2/GB.WLS.sir-powys"),  # GeoNames' "Sir Powys"
])
def test_a_british_county_written_bare_is_the_county(gazetteer, text, surface, unit):
    assert (surface, "admin2", unit) in _found(text, gazetteer, "en")


@pytest.mark.parametrize("text, surface", [
    ("Kent said the vote was close.", "Kent"),            # no locative: no county
    ("A ship docked in Norfolk, Virginia.", "Norfolk"),   # the text's state: the city
])
def test_a_british_county_name_needs_a_locative_and_yields_to_the_texts_namesake(gazetteer, text, surface):
    assert all(t != "admin2" for s, t, _ in _found(text, gazetteer, "en") if s == surface)


@pytest.mark.parametrize("text, found", [
    ("She has been appointed as Cumbria's chief constable.", True),   # a possessive, like a locative
    ("She has been appointed as Cumbria chief constable.", False),
    ("Police said John Kent was charged. Kent's lawyer said so.", False),  # the text's person
])
def test_a_british_county_before_a_possessive_is_the_county(gazetteer, text, found):
    assert any(t == "admin2" for _, t, _ in _found(text, gazetteer, "en")) is found


def test_a_metropolitan_county_lies_around_its_biggest_city(gazetteer):
    (c,) = [c.place for c in gazetteer.candidates("Merseyside") if c.place.type == "admin2"]
    assert abs(c.lat - 53.41) < 0.1 and abs(c.lon + 2.98) < 0.1  # Liverpool


def test_in_ahrweiler_alone_is_not_the_district(gazetteer):
    # "Ahrweiler" is the seat's part (Bad Neuenahr-Ahrweiler), so the name alone never means the Kreis.
    assert all(t != "admin2" for _, t, _ in _found("Das Hochwasser in Ahrweiler", gazetteer, "de"))


@pytest.mark.parametrize("text, state", [
    ("A shooting in Montgomery County, Md., left two dead.", "MD"),
    ("A shooting in Montgomery County, Maryland, left two dead.", "MD"),
    ("A shooting in Montgomery County, Ala., left two dead.", "AL"),
    ("Tornadoes in Montgomery County, Tennessee", "TN"),
    ("Police in Montgomery County said two died.", "MD"),  # no state named: the most populous
])
def test_a_county_name_of_many_states_is_the_one_the_text_qualifies(gazetteer, text, state):
    (found,) = [m for m in find_places(text, gazetteer=gazetteer, language="en") if m.text == "Montgomery County"]
    assert found.place.type == "admin2" and found.place.admin1 == state


@pytest.mark.parametrize("text, units", [
    ("Adient will close its plants in Henderson and Maury counties, Tennessee.", [("Henderson", "TN"), ("Maury", "TN")]),
    ("Tornadoes hit Henderson, Maury and Giles counties, Tennessee.", [("Henderson", "TN"), ("Maury", "TN"), ("Giles", "TN")]),
])
def test_names_before_the_plural_counties_are_each_a_county(gazetteer, text, units):
    found = [(m.text, m.place.admin1) for m in find_places(text, gazetteer=gazetteer, language="en") if m.place.type == "admin2"]
    assert found == units


def test_a_name_without_the_plural_noun_is_no_county(gazetteer):
    found = find_places("Adient will close its plants in Henderson, Tennessee.", gazetteer=gazetteer, language="en")
    assert [m.place.type for m in found if m.text == "Henderson"] == ["city"]


def test_the_state_the_document_is_about_chooses_the_county(gazetteer):
    text = "Storms swept Texas on Monday. In Montgomery County, roofs were torn off."
    (found,) = [m for m in find_places(text, gazetteer=gazetteer, language="en") if m.text == "Montgomery County"]
    assert found.place.admin1 == "TX"


def test_a_us_county_is_drawn_with_its_census_outline(gazetteer):
    from shapely.geometry import Point, shape

    (c,) = [c for c in gazetteer.candidates("Montgomery County") if c.place.admin1 == "MD"]
    outline = shape(c.place.geometry)
    assert outline.contains(Point(-77.15, 39.08))  # Rockville
    assert outline.contains(Point(c.place.lon, c.place.lat))
    assert not outline.contains(Point(-77.04, 38.91))  # Washington, D.C.


def test_a_kreis_without_an_outline_has_a_point_and_an_uncertainty_radius(gazetteer):
    (c,) = gazetteer.candidates("Landkreis Ravensburg")
    assert c.place.geometry is None and 15 <= c.place.radius_km <= 60
    assert abs(c.place.lat - 47.78) < 0.1 and abs(c.place.lon - 9.61) < 0.1  # its seat, Ravensburg


def test_a_town_lies_in_its_district(gazetteer):
    (kreis,) = [c.place for c in gazetteer.candidates("Landkreis Ravensburg")]
    weingarten = next(c.place for c in gazetteer.candidates("Weingarten") if c.place.admin1 == "01")
    hamburg = next(c.place for c in gazetteer.candidates("Hamburg") if c.place.type == "city")
    assert lies_in(weingarten, kreis) and not lies_in(hamburg, kreis)


# (Kreis, a town in it, a town outside it): a Kreis named after two towns sits at the first
# ("Neustadt an der Aisch", "Bad Tölz"), not at the Land's biggest town sharing a word of its name
# (Bad Neustadt, in Rhön-Grabfeld) nor at the second; the last two are controls (the Kreis whose
# seat Bad Neustadt is; a seat by a word of a hyphen's part, Bitburg).
_TWO_TOWN_KREISE = (("Landkreis Neustadt an der Aisch-Bad Windsheim", "Bad Windsheim", "Bad Neustadt an der Saale"),
                    ("Landkreis Bad Tölz-Wolfratshausen", "Lenggries", "Garmisch-Partenkirchen"),
                    ("Landkreis Rhön-Grabfeld", "Bad Neustadt an der Saale", "Bad Windsheim"),
                    ("Landkreis Eifelkreis Bitburg-Prüm", "Bitburg", "Koblenz"))


def test_a_kreis_named_after_two_towns_lies_around_its_seat(gazetteer):
    def town(name):
        return max((c.place for c in gazetteer.candidates(name) if c.place.type == "city" and c.place.country_code == "DE"),
                   key=lambda p: p.population)

    wrong = [kreis for kreis, inside, outside in _TWO_TOWN_KREISE
             if not (lies_in(town(inside), gazetteer.candidates(kreis)[0].place)
                     and not lies_in(town(outside), gazetteer.candidates(kreis)[0].place))]
    assert wrong == []


def test_the_seat_of_a_kreis_is_its_first_named_town(tmp_path):
    """scripts/build_admin2.py: a hyphen's part whole before the words of the whole name."""
    import sys

    sys.path.insert(0, str(REF.parent.parent / "scripts"))
    from build_admin2 import _germany

    table = tmp_path / "districts.csv"
    places = [{"id": "a", "name": "Bad Neustadt an der Saale", "alts": ["Neustadt"], "lat": 50.32, "lon": 10.21, "cc": "DE", "a1": "02", "pop": 15_000},
              {"id": "b", "name": "Neustadt an der Aisch", "alts": [], "lat": 49.58, "lon": 10.61, "cc": "DE", "a1": "02", "pop": 12_000},
              {"id": "c", "name": "Bad Windsheim", "alts": [], "lat": 49.50, "lon": 10.41, "cc": "DE", "a1": "02", "pop": 12_000},
              {"id": "d", "name": "Limburg an der Lahn", "alts": ["Limburg"], "lat": 50.38, "lon": 8.06, "cc": "DE", "a1": "05", "pop": 33_000}]
    table.write_text("AGS;type;name;NUTS3;area_km2;population\n"
                     "09575;Landkreis;Neustadt a.d.Aisch-Bad Windsheim;X;1268;100000\n"
                     "06533;Landkreis;Limburg-Weilburg;X;738;170000\n", encoding="utf-8")
    rows, unplaced = _germany(table, places, {})
    seats = {r["id"]: (r["lat"], r["lon"]) for r in rows}
    assert not unplaced
    assert seats["geo:admin2/DE-09575"] == (49.58, 10.61)  # not Bad Neustadt, whose alternate is "Neustadt"
    assert seats["geo:admin2/DE-06533"] == (50.38, 8.06)   # control: Limburg by a word


def test_an_event_in_a_district_is_written_as_a_region_with_its_area():
    from geo.records import Place
    from geo.write import coarse_area, contract_place_type

    county = Place(id="geo:admin2/DE-08436", name="Ravensburg district", type="admin2", lat=47.78, lon=9.61,
                   country_code="DE", admin1="01", radius_km=30)
    assert contract_place_type(county) == "region"  # the contract has no admin2: a region, its id says which
    circle = json.loads(coarse_area(county))
    assert circle["type"] == "Polygon" and circle["uncertainty_radius_km"] == 30
    lons = [x for x, _ in circle["coordinates"][0]]
    assert 9.1 < min(lons) < 9.3 and 9.9 < max(lons) < 10.1


def test_a_county_event_on_the_map_is_an_area():
    import pandas as pd

    from dashboard.map_layers import _is_area

    row = pd.Series({"place_type": "region", "place_geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}})
    assert _is_area(row)


def test_loader_places_a_flood_in_a_kreis_as_that_kreis(tmp_path):
    from geo.load import main

    doc = tmp_path / "2021-07-15-flut.md"
    doc.write_text("---\ntitle: Flut\nlanguage: de\npublished: 2021-07-15\n---\n\n"
                   "Nach dem Starkregen ist im Kreis Ahrweiler am Mittwoch eine Überschwemmung gemeldet worden.\n",
                   encoding="utf-8")
    out = tmp_path / "events.geojson"
    assert main([str(doc), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    placed = [f["properties"] for f in feats if (f["properties"]["place_id"] or "").startswith("geo:admin2/")]
    assert placed and placed[0]["place_id"] == "geo:admin2/DE-07131"
    assert placed[0]["place_type"] == "region" and placed[0]["place_geometry"]["uncertainty_radius_km"] > 0


@pytest.mark.parametrize("lang, label", [("de", "Kreis/Bezirk"), ("en", "county/district (admin 2)")])
def test_the_dashboard_names_a_district_as_such(lang, label):
    import pandas as pd

    from dashboard.details import place_words

    row = pd.Series({"place_name": "Landkreis Ravensburg", "place_type": "region", "place_id": "geo:admin2/DE-08436"})
    assert place_words(row, lang) == f"Landkreis Ravensburg — {label}"
    region = pd.Series({"place_name": "Naher Osten", "place_type": "region", "place_id": "geo:region/middle-east"})
    assert place_words(region, lang) != f"Naher Osten — {label}"


@pytest.mark.parametrize("name, label", [
    ("Kreis Ahrweiler", "im Kreis Ahrweiler"), ("Landkreis Ravensburg", "im Landkreis Ravensburg"),
    ("Rhein-Sieg-Kreis", "im Rhein-Sieg-Kreis"), ("Montgomery County", "im Montgomery County"),
    ("Region Hannover", "in der Region Hannover"), ("Dithmarschen", "in Dithmarschen"),
])
def test_a_german_title_names_a_district_with_its_article(name, label):
    from geo.events import _german_in

    assert _german_in(name) == label


@pytest.mark.parametrize("text, expected", [
    # the county after a town and a comma says where the town lies: not Ipswich, MA, nor Suffolk, VA
    ("A fire broke out in Ipswich, Suffolk, on Monday.", [("Ipswich", "city", "GB"), ("Suffolk", "admin2", "GB")]),
    ("Flooding hit Maidstone, Kent, overnight.", [("Maidstone", "city", "GB"), ("Kent", "admin2", "GB")]),
    ("Kent, the official said, was stable.", []),  # no town before it: no county
])
def test_a_bare_county_after_a_town_and_a_comma_is_where_the_town_lies(gazetteer, text, expected):
    assert [(m.text, m.place.type, m.place.country_code) for m in find_places(text, gazetteer=gazetteer, language="en")] \
        == expected


# --- admin2_districts.tsv.gz: GeoNames districts the cities1000 admin2 names lack ---------------

@pytest.mark.parametrize("text, language, surface, unit", [
    ("Four militants were killed in the North Waziristan district on Saturday.", "en",
     "North Waziristan district", "geo:admin2/PK.03.north-waziristan-district"),
    ("Officials in East Aceh district said the boat landed at night.", "en",
     "East Aceh district", "geo:admin2/ID.01.east-aceh-regency"),
    ("Im Distrikt North Waziristan wurden vier Kämpfer getötet.", "de",
     "Distrikt North Waziristan", "geo:admin2/PK.03.north-waziristan-district"),
    ("Soldiers patrolled in North Waziristan.", "en",  # the name alone, after a locative
     "North Waziristan", "geo:admin2/PK.03.north-waziristan-district"),
])
def test_a_district_geonames_lists_beyond_cities1000_is_that_unit(gazetteer, text, language, surface, unit):
    assert (surface, "admin2", unit) in _found(text, gazetteer, language)


@pytest.mark.parametrize("text, language", [
    ("North Waziristan elders met the governor.", "en"),  # no locative, no noun: no district
    ("The East Aceh delegation arrived.", "en"),
])
def test_a_new_district_name_alone_needs_evidence(gazetteer, text, language):
    assert all(t != "admin2" for _, t, _ in _found(text, gazetteer, language))


def test_a_new_district_name_is_no_everyday_word():
    with gzip.open(REF / "admin2_districts.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    bare = {b for r in rows for b in r["bare"].split("|") if b}
    assert "North Waziristan" in bare
    assert not bare & {"Center", "Central", "Swat", "Police", "Garden", "Mitte"}
    assert len({r["id"] for r in rows}) == len(rows) and all(int(r["radius_km"]) > 0 for r in rows)
