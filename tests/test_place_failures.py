"""The measuring tools that are safe on held-out news: bench.place_failures tells a wrong namesake from a
right place named elsewhere (counts only), and the tools that list text refuse the held-out corpus."""
from bench.place_failures import named_levels, named_where
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


def test_dev_only_tools_refuse_the_held_out_corpus_and_its_copies(tmp_path):
    import pytest

    from bench.score import HELD_OUT, ROOT, refuse_held_out

    refuse_held_out(ROOT / "tests" / "corpus", "listing")  # the development corpus passes
    with pytest.raises(SystemExit):
        refuse_held_out(HELD_OUT, "listing")
    one = next((HELD_OUT / "news").glob("*.md"))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / one.name).write_bytes(one.read_bytes())
    with pytest.raises(SystemExit):
        refuse_held_out(tmp_path, "listing")


def test_where_the_right_place_is_named():
    """`--split`: inside the event's quote, in the first 600 characters, later, or nowhere."""
    quote = "Officers from Dallas came to Paris."
    assert named_where("Intro. " + quote, GOLD_TX, [quote], GAZ) == "sent"
    assert named_where("Police in Paris said. Officers from Dallas came.", GOLD_TX, ["Officers from Dallas came."], GAZ) == "first600"
    assert named_where("x" * 700 + " Police in Paris said.", GOLD_TX, [], GAZ) == "later"
    assert named_where("Officers from Dallas came.", GOLD_TX, [], GAZ) == "absent"


def test_where_an_inherited_place_came_from():
    """`--split` tells the document's place from the paragraph's by the event's explanation."""
    from bench.place_failures import _inherited_from

    doc = {"explanation": [["place", "no place where it happened"],
                           ["place", "Lagos inherited from the document (its lede, headline, dateline or outlet)"]]}
    par = {"explanation": [["place", "Christchurch (city) from inherited from the paragraph"]]}
    seat = {"explanation": [["place", "Kiel (city) from the seat of 'Kieler Landgericht', the court"]]}
    assert [_inherited_from(p) for p in (doc, par, seat)] == ["inh:doc", "inh:par", "inh:other"]


def test_the_split_of_a_right_and_of_a_wrong_place():
    """`--split` and `--list`: an own place right, or the level chosen and where the right one is named."""
    from bench.place_failures import split_key

    gold = {"place": GOLD_TX, "quotes": ["Officers came to Paris."]}
    right = {"place_inherited": False, "place_type": "city", "point": [-95.56, 33.66]}
    wrong = {"place_inherited": False, "place_type": "city", "point": [-96.80, 32.78]}
    assert split_key(right, gold, "Officers came to Paris.", GAZ) == ("own", "right", "")
    assert split_key(wrong, gold, "Officers came to Paris.", GAZ) == ("own", "town", "sent")


def test_the_listing_refuses_the_held_out_corpus():
    """`--list` prints documents, places and quotes: development corpus only."""
    import pytest

    from bench.place_failures import listing
    from bench.score import HELD_OUT

    with pytest.raises(SystemExit):
        listing(HELD_OUT, [], GAZ)
