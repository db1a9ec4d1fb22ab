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
])
def test_a_locative_or_the_units_noun_names_the_regierungsbezirk(gazetteer, language, text, unit):  # noqa: F811
    assert f"geo:region/DE-{unit}" in _ids(text, gazetteer, language)


@pytest.mark.parametrize("text", [
    "Hans Schwab sagte, er sei zufrieden.",   # a person named Schwab: nothing
    "Die Schwaben feierten das Fest.",         # the people, no locative: not the unit
    "Ein Unfall in Köln forderte zwei Verletzte.",  # the city, not its Regierungsbezirk
    "Schwaben liegt im Südwesten Bayerns.",    # bare without a locative
])
def test_without_evidence_no_regierungsbezirk(gazetteer, text):  # noqa: F811
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
    assert all(50 <= int(r["radius_km"]) <= 150 for r in rows.values())  # covers its Landkreise, no more than a state
    assert int(rows["geo:region/DE-091"]["population"]) > 4_000_000  # München (kreisfrei) counted
