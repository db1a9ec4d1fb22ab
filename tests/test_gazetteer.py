"""The gazetteer: reference files, surface forms (names, German inflections, demonyms), load budget."""
import json
import time
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, _german_transliterations, german_forms
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
    total = sum(p.stat().st_size for p in REF.glob("*") if p.suffix in (".geojson", ".tsv", ".gz"))
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
    ("Tamil Nadu", "Tamil Nādu", "admin1"),            # written without the macron
    ("Gujarat", "Gujarāt", "admin1"),
    ("NRW", "Nordrhein-Westfalen", "admin1"),          # admin1_aliases.yaml
    ("North Rhine-Westphalia", "Nordrhein-Westfalen", "admin1"),
    ("Lower Saxony", "Niedersachsen", "admin1"),
    ("NSW", "New South Wales", "admin1"),              # Australian news abbreviates its states
    ("Qld", "Queensland", "admin1"),
    ("Sao Paulo", "São Paulo", "city"),
    ("Klodzko", "Kłodzko", "city"),                    # ł, ø, ı are no letter plus an accent: folded too
    ("Ladek Zdroj", "Lądek-Zdrój", "city"),            # a town under 15,000, also without its hyphen
    ("Ladek-Zdroj", "Lądek-Zdrój", "city"),
    ("Nurdagi", "Nurdağı", "city"),
    ("Northern Territory", "Northern Territory", "admin1"),  # a name ending in "Territory", from admin1_aliases.yaml
    ("West Java", "Jawa Barat", "admin1"),
    ("North Kivu", "Nord-Kivu", "admin1"),
    ("Katalonien", "Catalunya", "admin1"),             # admin1_german.yaml: German exonyms
    ("Kataloniens", "Catalunya", "admin1"),            # and their genitive ("Kataloniens Regierung")
    ("Baskenland", "País Vasco", "admin1"),
    ("Tschetschenien", "Chechenskaya Respublika", "admin1"),
    ("Balearen", "Illes Balears", "admin1"),
    ("Kanarischen Inseln", "Canarias", "admin1"),      # "auf den Kanarischen Inseln"
    ("Azoren", "Região Autónoma dos Açores", "admin1"),
    ("Spitzbergen", "Svalbard", "admin1"),
])
def test_name_and_german_forms_are_indexed(gazetteer, surface, name, place_type):
    assert any(c.place.name == name and c.place.type == place_type for c in gazetteer.candidates(surface))


@pytest.mark.parametrize("surface, accented", [
    ("Bank", "Bānk"),      # "World Bank Approves Loan" is no town in India
    ("Coin", "Coín"),      # a coin is no town in Andalusia
])
def test_an_everyday_word_is_no_citys_accent_free_form(gazetteer, surface, accented):
    assert not any(c.place.name == accented for c in gazetteer.candidates(surface))
    assert any(c.place.name == accented for c in gazetteer.candidates(accented))


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


@pytest.mark.parametrize("written, name", [
    ("St. Pölten", "Sankt Pölten"),
    ("St.Pölten", "Sankt Pölten"),
    ("St. Johann im Pongau", "Sankt Johann im Pongau"),
    ("Groß St. Florian", "Groß Sankt Florian"),             # "Sankt" inside the name
    ("St.Gallen", "Sankt Gallen"),                          # Swiss news writes no space
    ("St.Moritz", "St. Moritz"),                            # GeoNames' own "St. X", without the space
])
def test_german_speaking_saints_towns_as_news_writes_them(gazetteer, written, name):
    """GeoNames spells out "Sankt"; German, Austrian and Swiss news write "St." ("in St. Pölten")."""
    assert any(c.place.name == name and c.place.type == "city" for c in gazetteer.candidates(written))


def test_towns_of_german_speaking_countries_keep_their_umlauts(gazetteer):
    """German and English news write "Nörvenich", never "Norvenich"; a folded German name may be a word ("Rohr")."""
    assert any(c.place.name == "Nörvenich" for c in gazetteer.candidates("Nörvenich"))
    assert not any(c.place.name == "Nörvenich" for c in gazetteer.candidates("Norvenich"))


@pytest.mark.parametrize("written, name", [("Schwanez", "Zhvanets"), ("Schurawliwka", "Zhuravlivka")])
def test_ukrainian_villages_as_german_news_transliterates_them(gazetteer, written, name):
    """GeoNames writes a Ukrainian village in English ("Zhvanets"), German news in German ("Schwanez")."""
    assert any(c.place.name == name and c.place.country_code == "UA" for c in gazetteer.candidates(written))
    assert any(c.place.name == name for c in gazetteer.candidates(name))


def test_a_ukrainian_city_as_german_news_transliterates_it(gazetteer):
    """ "Mykolajiw" is the city of 470,000 (GeoNames lists only its English forms), not only a village."""
    assert any(c.place.name == "Mykolayiv" and c.place.population > 100_000 for c in gazetteer.candidates("Mykolajiw"))


@pytest.mark.parametrize("names, country, expected", [
    (["Kostyantynivka"], "UA", ["Kostjantyniwka"]),
    (["Chasiv Yar"], "UA", ["Tschassiw Jar"]),   # с between vowels is "ss"
    (["Cherkasy"], "UA", ["Tscherkassy"]),
    (["Sloviansk"], "UA", ["Slowiansk"]),       # not between vowels: one s
    (["Khmelnytskyi"], "UA", ["Chmelnyzkyj"]),  # Ukrainian -кий is "-kyj"
    (["Kryvyi Rih"], "UA", ["Krywyj Rih"]),
    (["Rostov-on-Don"], "RU", ["Rostow am Don"]),
    (["Sudzha"], "RU", ["Sudscha"]),
    (["Sudzha"], "PL", []),          # only Ukrainian, Russian and Belarusian names
    (["Vladimir"], "RU", []),        # a given name, "Wladimir", is no town
])
def test_german_transliterations_of_cyrillic_towns(names, country, expected):
    assert _german_transliterations(names, country) == expected


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


def test_load_opens_the_compiled_cache_instead_of_parsing_the_files(monkeypatch):
    Gazetteer.load()  # builds the cache when absent (a clean clone)

    def parse_again():
        raise AssertionError("parsed the reference files although the compiled cache is there")

    monkeypatch.setattr(Gazetteer, "build", classmethod(lambda cls: parse_again()))
    assert len(Gazetteer.load()) > 100_000


def _one(gazetteer, surface, place_type):
    (place,) = {c.place for c in gazetteer.candidates(surface) if c.place.type == place_type}
    return place


def test_caribbean_sea_is_natural_earth_water_with_its_point_at_sea(gazetteer):
    from shapely.geometry import Point, shape

    sea = _one(gazetteer, "Karibisches Meer", "sea")
    outline = shape(sea.geometry)
    assert outline.contains(Point(sea.lon, sea.lat))
    for lon, lat in [(-87.21, 14.08),   # Tegucigalpa, Honduras
                     (-84.09, 9.93),    # San José, Costa Rica
                     (-76.79, 18.01)]:  # Kingston, Jamaica: an island inside the sea
        assert not outline.contains(Point(lon, lat))
    assert outline.contains(Point(-80.0, 14.0))  # open water between Jamaica and Nicaragua


@pytest.mark.parametrize("surface, name, lon, lat", [
    ("Bodensee", "Lake Constance", 9.45, 47.6),
    ("Lake Constance", "Lake Constance", 9.45, 47.6),
    ("Golf von Mexiko", "Gulf of Mexico", -90.0, 25.0),
    ("Gulf of Mexico", "Gulf of Mexico", -90.0, 25.0),
    ("Ärmelkanal", "English Channel", -2.0, 50.0),
    ("English Channel", "English Channel", -2.0, 50.0),
    ("Ostsee", "Baltic Sea", 19.0, 57.0),
    ("Genfersee", "Lake Geneva", 6.5, 46.45),
])
def test_waters_resolve_to_outlines_that_hold_open_water(gazetteer, surface, name, lon, lat):
    from shapely.geometry import Point, shape

    place = _one(gazetteer, surface, "sea")
    assert place.name == name and place.id.startswith("geo:sea/")
    outline = shape(place.geometry)
    assert outline.contains(Point(lon, lat)) and outline.contains(Point(place.lon, place.lat))


def test_sea_outlines_leave_the_land_out(gazetteer):
    from shapely.geometry import Point, shape

    assert not shape(_one(gazetteer, "Nordsee", "sea").geometry).contains(Point(8.8, 53.08))  # Bremen
    assert not shape(_one(gazetteer, "Mittelmeer", "sea").geometry).contains(Point(12.5, 41.9))  # Rome
    assert not shape(_one(gazetteer, "Golf von Mexiko", "sea").geometry).contains(Point(-95.37, 29.76))  # Houston


@pytest.mark.parametrize("surface, name, country, lon, lat", [
    ("Bayern", "Bayern", "DE", 11.58, 48.14),          # München
    ("Ontario", "Ontario", "CA", -79.38, 43.65),       # Toronto
    ("Île-de-France", "Île-de-France", "FR", 2.35, 48.86),  # a région made of départements
    ("Nordrhein-Westfalen", "Nordrhein-Westfalen", "DE", 6.96, 50.94),  # Köln
])
def test_subdivisions_outside_the_us_are_drawn_as_areas(gazetteer, surface, name, country, lon, lat):
    from shapely.geometry import Point, shape

    place = _one(gazetteer, surface, "admin1")
    assert place.country_code == country and place.geometry is not None
    outline = shape(place.geometry)
    assert outline.contains(Point(lon, lat)) and outline.contains(Point(place.lon, place.lat))


def test_colorado_is_a_state_drawn_as_an_area(gazetteer):
    from shapely.geometry import Point, shape

    state = _one(gazetteer, "Colorado", "admin1")
    assert shape(state.geometry).contains(Point(-104.99, 39.74))  # Denver


def test_regions_and_borders_still_come_from_areas_yaml(gazetteer):
    assert _one(gazetteer, "Naher Osten", "region").geometry is not None
    assert _one(gazetteer, "US-mexikanische Grenze", "border").geometry["type"] == "LineString"


def test_most_subdivisions_have_an_outline():
    import gzip

    with gzip.open(REF / "admin1_outlines.geojson.gz", "rt", encoding="utf-8") as fh:
        outlines = json.load(fh)["features"]
    rows = (REF / "admin1.tsv").read_text(encoding="utf-8").count("\n") - 1
    assert len(outlines) >= 0.9 * rows
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in outlines)


@pytest.mark.parametrize("text, language, found", [
    ("Modi arrived at Paro International airport on Saturday.", "en", "Paro"),  # a Spanish word, an English name
    ("The crash happened near Young, New South Wales, on Monday.", "en", "Young"),
    ("The crash happened just east of Young on Monday.", "en", None),  # an English word needs its qualifier
    ("Der Brand brach am Montag im Wald aus.", "de", None),
])
def test_a_town_named_like_an_everyday_word_is_a_place_where_that_word_is_no_word(gazetteer, text, language, found):
    from geo.where import find_places

    names = {m.text for m in find_places(text, gazetteer=gazetteer, language=language)}
    assert (found in names) if found else not ({"Young", "Wald"} & names)


@pytest.mark.parametrize("text, name", [
    ("Der Murenabgang ereignete sich in der Nähe von Gossensaß.", "Colle Isarco"),  # GeoNames: "Gossensass"
    ("Die Straße in Sterzing wurde gesperrt.", "Vipiteno"),
    ("Die Landesstraße zwischen Margreid und Salurn ist gesperrt.", "Magrè sulla Strada del Vino"),  # "Margreid an der Weinstrasse"
    ("In Brixen brannte ein Stadel.", "Bressanone"),  # a city of 15,868: no Brixen im Thale
    ("Der Waldbrand im Misox ist gelöscht.", "Mesocco"),
])
def test_south_tyrol_and_swiss_towns_are_found_by_their_german_names(gazetteer, text, name):
    """In multilingual regions every GeoNames alternate is one of the town's own names, though it
    shares no first letters with the Italian one; elsewhere such an alternate stays out."""
    from geo.where import find_places

    assert name in {m.place.name for m in find_places(text, gazetteer=gazetteer, language="de")}


def test_a_swiss_citys_transliterations_are_not_its_names(gazetteer):
    """ "Kura" (Chur's Lithuanian name) is a river of the Caucasus: only South Tyrol's cities keep
    every alternate."""
    assert not any(c.place.name == "Chur" for c in gazetteer.candidates("Kura"))


@pytest.mark.parametrize("text, language", [
    ("Das Justizministerium hat im August den Druck erhöht.", "de"),
    ("The ministry raised the pressure in August.", "en"),
    ("Am Sonntag wurde gewählt.", "de"),
])
def test_a_month_or_weekday_is_never_a_town(gazetteer, text, language):
    from geo.where import find_places

    assert find_places(text, gazetteer=gazetteer, language=language) == []


@pytest.mark.parametrize("text, found", [
    ("Die Kita blieb geschlossen, weil das Virus Mitte Juni zurückkam. Kitas sind zu.", set()),
    ("Die Polizei sperrte in Mitte zwei Straßen. Flüge aus Quito fielen aus.", {"Mitte", "Quito"}),
    ("Der Rat stimmte dem Neubau zu. Auf der Landstraße bei Krefeld stießen zwei Autos zusammen.", {"Krefeld"}),
    ("In der Altstadt und am Hauptbahnhof kontrollierte die Polizei.", set()),
])
def test_german_everyday_words_are_no_city_nor_a_citys_alternate_or_genitive(gazetteer, text, found):
    """ "Kita" (Quito's alternate, and a town in Mali), "Virus" (the genitive of Virú's "Viru"),
    "Mitte" (Berlin's district, after a locative only), "Neubau" and "Landstraße" (districts of Vienna),
    "Altstadt" and "Hauptbahnhof" (villages) are German words in every text."""
    from geo.where import find_places

    assert {m.text for m in find_places(text, gazetteer=gazetteer, language="de")} == found


@pytest.mark.parametrize("text, name", [
    ("Am Samstag demonstrierten Hunderte in der Mainzer Innenstadt.", "Mainz"),
    ("Die Würzburger Polizei nahm am Montag einen Mann fest.", "Würzburg"),
    ("Die Münchner Feuerwehr rückte aus.", "Munich"),
    ("Der Kärntner Landtag hat sich aufgelöst.", "Kärnten"),
    ("Die Zürcher Stadtpolizei meldete einen Unfall.", "Zürich"),
    ("Die Bremer Polizei meldete einen Unfall.", "Bremen"),
    ("Am Grenzübergang Kiefersfelden stoppten Beamte einen Bus.", "Kiefersfelden"),
])
def test_german_city_and_state_adjectives_name_the_place(gazetteer, text, name):
    from geo.where import find_places

    found = [(m.place.name, m.place.type) for m in find_places(text, gazetteer=gazetteer, language="de")]
    assert found and found[0][0] == name and (found[0][1] == "city" or name == "Kärnten")


@pytest.mark.parametrize("text", ["Herr Fischer Müller sagte, er sei zufrieden.", "Anna Mainzer Schmidt kam."])
def test_a_surname_or_given_name_ending_in_er_is_no_city_adjective(gazetteer, text):
    from geo.where import find_places

    assert find_places(text, gazetteer=gazetteer, language="de") == []


@pytest.mark.parametrize("url, country", [
    ("https://www.heraldlive.co.za/news/1", "ZA"), ("https://www.theguardian.co.uk/x", "GB"), ("https://x.com.au/a", "AU")])
def test_the_outlets_country_domain_chooses_among_namesakes(gazetteer, url, country):
    from geo.outlet import url_country
    from geo.where import find_places

    (m,) = find_places("Floods hit Newcastle on Monday.", gazetteer=gazetteer, language="en", country=url_country(url))
    assert m.place.country_code == country


def test_a_generic_domain_names_no_country():
    from geo.outlet import url_country

    assert [url_country(u) for u in ("https://www.nytimes.com/a", "http://localhost:8501", None, "https://1.2.3.4/")] \
        == [None, None, None, None]


@pytest.mark.parametrize("text, country", [
    ("The Kazakh president spoke.", "Kazakhstan"),  # not Petropavl, whose alternate name it is
    ("An Argentine court ruled.", "Argentina"),  # not Argentine, Kansas
    ("Saudi officials spoke.", "Saudi Arabia"),  # countryinfo has only "Saudi Arabian"
    ("Uzbek troops arrived.", "Uzbekistan"),
    ("Tajik police spoke.", "Tajikistan"),  # countryinfo spells it "Tadzhik"
])
def test_the_demonyms_news_writes_name_their_country(gazetteer, text, country):
    from geo.where import find_places

    assert [(m.place.name, m.weak) for m in find_places(text, gazetteer=gazetteer, language="en")] == [(country, True)]


@pytest.mark.parametrize("text, country", [
    ("The French-flagged vessel sank.", "France"), ("American troops arrived.", "United States"),
    ("Chinese officials spoke.", "China")])
def test_a_demonym_shared_with_territories_names_the_country(gazetteer, text, country):
    from geo.where import find_places

    assert [m.place.name for m in find_places(text, gazetteer=gazetteer, language="en")] == [country]


@pytest.mark.parametrize("written, german", [("Lombardia", "Lombardei"), ("Valais", "Wallis"), ("Sicilia", "Sizilien"),
                                             # iso-codes has none: the first name of admin1_german.yaml
                                             ("Catalunya", "Katalonien"), ("Illes Balears", "Balearen")])
def test_a_subdivision_has_its_german_name_for_german_titles(gazetteer, written, german):
    """GeoNames names a subdivision in its own language; a German title writes the German name
    (iso-codes' translation), an English one keeps the GeoNames name."""
    from geo.merge import local_name
    place = next(c.place for c in gazetteer.candidates(written) if c.place.type == "admin1")
    assert local_name(place, "de") == german
    assert local_name(place, "en") == written


def test_a_subdivision_keeps_its_name_where_the_translation_names_another(gazetteer):
    """iso-codes translates Vitebsk oblast as "Brest", the name of another Belarusian oblast: no German name."""
    place = next(c.place for c in gazetteer.candidates("Vitebsk") if c.place.type == "admin1")
    assert place.name_de is None
    bavaria = next(c.place for c in gazetteer.candidates("Bayern") if c.place.type == "admin1")
    assert bavaria.name_de is None  # the German name is its own


@pytest.mark.parametrize("landscape", ["Erzgebirge", "Rhön", "Oberlausitz", "Fläming", "Werra", "Bergbahn"])
def test_a_german_postal_villages_slash_qualifier_is_no_name_of_it(gazetteer, landscape):
    """The postal table writes "Hermsdorf/Erzgebirge", "Fischbach/Rhön", "Berka/Werra": a village and
    its landscape, river or line; "im Erzgebirge" is no village Hermsdorf."""
    assert not any(c.place.id.startswith("postal:") for c in gazetteer.candidates(landscape) + gazetteer.strict(landscape))


def test_an_austrian_postal_villages_second_name_is_its_name_in_another_language(gazetteer):
    """"Kroatisch Minihof / Mjenovo": the village's Croatian name, kept."""
    assert any(c.place.name == "Kroatisch Minihof" for c in gazetteer.candidates("Mjenovo"))
