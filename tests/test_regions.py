"""Regierungsbezirke (geo/ref/regions.yaml, regions.tsv.gz, scripts/build_regions.py): "in
Oberbayern", "in der Oberpfalz", "Bezirk Schwaben", "Regierungsbezirk Köln" name the unit, an
area with a point and an uncertainty radius that covers its Landkreise; the bare name needs the
evidence a district's bare name needs, and a city's name is never bare."""
import csv
import gzip

import pytest

from geo.where import find_places
from tests.test_islands import REF, gazetteer  # noqa: F401 (the module's gazetteer fixture)


def _ids(text, gazetteer, language="de"):
    return {m.place.id for m in find_places(text, gazetteer=gazetteer, language=language)}


@pytest.mark.parametrize("language,text,unit", [
    ("de", "Ein Unwetter hat in Oberbayern große Schäden angerichtet.", "091"),
    ("de", "In Unterfranken brannte ein Wald.", "096"),
    ("de", "In der Oberpfalz wurde ein Mann festgenommen.", "093"),
    ("de", "Ein Unfall in Schwaben forderte zwei Verletzte.", "097"),
    ("de", "Der Bezirk Schwaben warnt vor Hochwasser.", "097"),
    ("de", "Im Regierungsbezirk Köln gilt eine Unwetterwarnung.", "053"),
    ("en", "Flooding hit parts of Lower Franconia on Monday.", "096"),
    ("en", "A storm swept across Upper Bavaria.", "091"),
    # landscapes: approximately the Kreise they mostly cover
    ("de", "Ein Unfall im Allgäu forderte zwei Verletzte.", "allgaeu"),
    ("de", "Im Schwarzwald brannte ein Wald.", "schwarzwald"),
    ("de", "In der Eifel wurde ein Mann festgenommen.", "eifel"),
    ("de", "Im Erzgebirge fiel der Strom aus.", "erzgebirge"),
    ("de", "In der Lausitz streikten die Beschäftigten.", "lausitz"),
    ("de", "In der Rhön gab es Schnee.", "rhoen"),
    ("de", "Im Emsland brannte eine Scheune.", "emsland"),
    ("de", "Der Sturm richtete in Ostfriesland Schäden an.", "ostfriesland"),
    ("en", "A wildfire broke out in the Black Forest.", "schwarzwald"),
    ("en", "Heavy snow fell in the Harz Mountains.", "harz"),
])
def test_a_locative_or_the_units_noun_names_the_area(gazetteer, language, text, unit):  # noqa: F811
    assert f"geo:region/DE-{unit}" in _ids(text, gazetteer, language)


@pytest.mark.parametrize("text", [
    "Hans Schwab sagte, er sei zufrieden.",   # a person named Schwab: nothing
    "Die Schwaben feierten das Fest.",         # the people, no locative: not the unit
    "Ein Unfall in Köln forderte zwei Verletzte.",  # the city, not its Regierungsbezirk
    "Schwaben liegt im Südwesten Bayerns.",    # bare without a locative
    "Das Harz der Bäume klebt.",   # the word, no locative
    "Die Eifel ist schön.",         # bare, no locative
    "Ein Unfall im Landkreis Harz.",  # the Landkreis, not the landscape
])
def test_without_evidence_no_area(gazetteer, text):  # noqa: F811
    assert not {pid for pid in _ids(text, gazetteer) if pid.startswith("geo:region/DE-")}


def test_koeln_alone_stays_the_city(gazetteer):  # noqa: F811
    assert "geonames:2886242" in _ids("Ein Unfall in Köln forderte zwei Verletzte.", gazetteer)


def test_a_village_named_like_a_landscape_keeps_its_qualifier(gazetteer):  # noqa: F811
    """Spessart (Landkreis Ahrweiler) is a village; with its qualifier it stays the village."""
    assert "geonames:2830591" in _ids("Ein Unfall in Spessart (Landkreis Ahrweiler).", gazetteer)


def test_a_districts_bare_name_takes_its_article_after_a_locative(gazetteer):  # noqa: F811
    """ "in der Uckermark" is the Landkreis as "in Dithmarschen" is; "in der Südstadt" stays nothing."""
    assert "geo:admin2/DE-12073" in _ids("Ein Unfall in der Uckermark.", gazetteer)
    assert "geo:admin2/DE-12073" not in _ids("Die Uckermark ist dünn besiedelt.", gazetteer)
    assert _ids("Ein Unfall in der Südstadt.", gazetteer) == set()


def test_titles_and_radii():
    with gzip.open(REF / "regions.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    assert rows["geo:region/DE-091"]["name_de"] == "Oberbayern" and rows["geo:region/DE-091"]["name_en"] == "Upper Bavaria"
    assert rows["geo:region/DE-053"]["name_de"] == "Regierungsbezirk Köln"  # never the city's bare name
    assert "Köln" not in rows["geo:region/DE-053"]["bare"].split("|")
    bezirke = [r for pid, r in rows.items() if pid[14:].isdigit()]
    assert len(bezirke) == 19 and all(50 <= int(r["radius_km"]) <= 150 for r in bezirke)  # its Landkreise, no more than a state
    assert rows["geo:region/DE-harz"]["admin1"] == "" and rows["geo:region/DE-allgaeu"]["admin1"] == "02"  # across Länder: none
    assert int(rows["geo:region/DE-091"]["population"]) > 4_000_000  # München (kreisfrei) counted


def test_a_town_in_a_landscape_across_laender_lies_in_it(gazetteer):  # noqa: F811
    """The Harz spans three Länder: Goslar (Lower Saxony) and Wernigerode (Saxony-Anhalt) lie in
    it, Munich does not (a landscape without admin1 is judged by its reach alone)."""
    from geo.nearness import lies_in, outside_of

    harz = gazetteer.candidates("Harz Mountains")[0].place
    towns = {n: next(c.place for c in gazetteer.candidates(n) if c.place.type == "city" and c.place.country_code == "DE")
             for n in ("Goslar", "Wernigerode", "München")}
    assert lies_in(towns["Goslar"], harz) and lies_in(towns["Wernigerode"], harz)
    assert not outside_of(towns["Goslar"], harz) and outside_of(towns["München"], harz)


# Mountain ranges and natural regions (regions.yaml `ranges`, the German landscapes that take an
# article): a point and an uncertainty radius each, no outline package carries them.
_RANGES = (("de", "Eine Lawine ging in den Alpen nieder.", "alps"),
           ("en", "An avalanche buried two skiers in the Alps.", "alps"),
           ("en", "Heavy snow fell in the Swiss Alps.", "alps"),
           ("de", "In den Pyrenäen brannte ein Wald.", "pyrenees"),
           ("en", "A wildfire spread in the Pyrenees.", "pyrenees"),
           ("de", "Im Himalaya starben drei Bergsteiger.", "himalayas"),
           ("en", "Three climbers died in the Himalayas.", "himalayas"),
           ("de", "Waldbrände wüten in Sibirien.", "siberia"),
           ("en", "Wildfires raged in Siberia.", "siberia"),
           ("de", "Eine Rakete schlug auf den Golanhöhen ein.", "golan-heights"),
           ("en", "A rocket hit the Golan Heights.", "golan-heights"),
           ("de", "In der Sahara verdursteten Migranten.", "sahara"),
           ("en", "Migrants died in the Sahara.", "sahara"),
           ("de", "Schnee fiel in Patagonien.", "patagonia"),
           ("en", "Climbers were rescued in the Andes.", "andes"),
           ("de", "In den Anden bebte die Erde.", "andes"),
           ("en", "Wildfires burned in the Rockies.", "rocky-mountains"),
           ("en", "Floods hit towns in the Appalachians.", "appalachians"),
           ("de", "Ein Unfall im Spessart forderte zwei Verletzte.", "DE-spessart"),
           ("de", "Ein Unfall im Bayerischen Wald forderte zwei Verletzte.", "DE-bayerischer-wald"),
           ("de", "Ein Unfall auf der Schwäbischen Alb forderte zwei Verletzte.", "DE-schwaebische-alb"),
           ("en", "A storm hit the Bavarian Forest.", "DE-bayerischer-wald"),
           ("de", "Im Ruhrgebiet fiel der Strom aus.", "DE-ruhrgebiet"),
           ("en", "Power failed across the Ruhr area.", "DE-ruhrgebiet"),
           ("de", "Ein Unfall am Niederrhein forderte zwei Verletzte.", "DE-niederrhein"),
           ("de", "Im Münsterland brannte eine Scheune.", "DE-muensterland"),
           ("de", "Im Taunus brannte ein Wald.", "DE-taunus"),
           ("de", "In der Lüneburger Heide brannte ein Wald.", "DE-lueneburger-heide"),
           ("de", "Im Thüringer Wald fiel Schnee.", "DE-thueringer-wald"),
           ("de", "In der Sächsischen Schweiz brannte ein Wald.", "DE-saechsische-schweiz"),
           ("de", "Im Ural stürzte ein Flugzeug ab.", "ural"),
           ("en", "A plane crashed in the Urals.", "ural"),
           ("de", "Auf der Sinai-Halbinsel wurden Soldaten getötet.", "sinai"),
           ("en", "Soldiers were killed in the Sinai.", "sinai"),
           ("de", "Im Outback brannten Buschfeuer.", "outback"),
           ("en", "Bushfires burned in the Outback.", "outback"),
           ("en", "Fires raged in the Amazon rainforest.", "amazon"),
           ("de", "In der Wüste Gobi fanden Forscher Fossilien.", "gobi"))


def test_a_range_or_natural_region_is_that_area(gazetteer):  # noqa: F811
    missed = [text for language, text, unit in _RANGES if f"geo:region/{unit}" not in _ids(text, gazetteer, language)]
    assert missed == []


def test_a_name_that_takes_its_article_is_the_area_only_after_it(gazetteer):  # noqa: F811
    """ "in den Alpen", "im Spessart" are the areas; "in Alpen" (Lower Rhine) and "in Spessart" the
    towns; the name alone without a locative names nothing."""
    assert "geo:region/alps" in _ids("Eine Lawine ging in den Alpen nieder.", gazetteer)
    assert _ids("Ein Brand in Alpen forderte Verletzte.", gazetteer) == {"geonames:2958188"}
    assert "geonames:2830591" in _ids("Ein Unfall in Spessart (Landkreis Ahrweiler).", gazetteer)
    assert _ids("Die Alpen sind schön.", gazetteer) == set()
    assert "geo:region/ural" in _ids("Im Ural stürzte ein Flugzeug ab.", gazetteer)
    assert "geo:region/ural" not in _ids("Ein Unfall in Ural forderte Verletzte.", gazetteer)  # the town


def test_a_town_in_a_range_across_borders_lies_in_it(gazetteer):  # noqa: F811
    """The Alps span eight countries and have none written: Chamonix (France) and Innsbruck
    (Austria) lie in them, Munich lies outside their reach only by distance (not by its country)."""
    from geo.nearness import lies_in

    alps = gazetteer.candidates("Alps")[0].place
    towns = {n: max((c.place for c in gazetteer.candidates(n) if c.place.type == "city"), key=lambda p: p.population)
             for n in ("Chamonix", "Innsbruck", "Hamburg")}
    assert alps.country_code is None
    assert lies_in(towns["Chamonix"], alps) and lies_in(towns["Innsbruck"], alps) and not lies_in(towns["Hamburg"], alps)


def test_a_german_title_takes_the_areas_article():
    from geo.events import _place_label
    from geo.records import Place, PlaceMention

    def area(name_de):
        return Place(id="geo:region/x", name="x", type="admin2", lat=0, lon=0, name_de=name_de)

    assert _place_label("", None, area("den Alpen"), "de") == "in den Alpen"
    assert _place_label("", None, area("dem Himalaya"), "de") == "im Himalaya"
    assert _place_label("", None, area("auf den Golanhöhen"), "de") == "auf den Golanhöhen"
    assert _place_label("", None, area("am Niederrhein"), "de") == "am Niederrhein"
    assert _place_label("", None, area("Oberbayern"), "de") == "in Oberbayern"  # control: no article
    text = "Ein Bergsteiger aus den Alpen"  # the text's "aus den": the title's "in den"
    mention = PlaceMention(text.index("Alpen"), len(text), "Alpen", area("den Alpen"))
    assert _place_label(text, mention, mention.place, "de") == "in den Alpen"
