"""The place-choice bench tools (bench/place_choice.py, place_features.py, place_ranker.py): an
experiment beside the loader's rules, measured on the development corpus only."""
import shutil
from types import SimpleNamespace

import numpy as np
import pytest

from bench import place_choice, place_features, place_ranker
from geo import pipeline
from geo.records import Document, Event, Evidence, Place, PlaceMention
from geo.segment import segment
from tests.conftest import ROOT

BERLIN = Place("geonames:2950159", "Berlin", "city", 52.52, 13.40, "DE", "16", 3_400_000)
BOSTON = Place("geonames:4930956", "Boston", "city", 42.36, -71.06, "US", "MA", 600_000)
BERLIN_NH = Place("geonames:5083330", "Berlin", "city", 44.47, -71.19, "US", "NH", 10_000)


def _row(text: str, name: str, place: Place, language: str, trigger: str, gazetteer=None):
    """The features of the place named `name` for the event whose trigger is `trigger`."""
    doc = Document("d.md", "d.md", text, language)
    sentences = segment(text)
    start = text.index(name)
    mention = PlaceMention(start, start + len(name), name, place)
    t = text.index(trigger)
    event = Event("e", "", "accident", None, "", None, False, (), (), ("d.md",),
                  (Evidence("d.md", t, t + len(trigger), trigger, text, 0),), 1.0, language)
    cands, sent = place_features.candidates(doc, sentences, [mention], [], event, gazetteer)
    rows = place_features.features(doc, sentences, [mention], cands, sent, event, None, gazetteer)
    return cands, rows


@pytest.mark.parametrize("text, name, place, language, trigger, cue", [
    ("Ein Mann aus Berlin wurde schwer verletzt.", "Berlin", BERLIN, "de", "verletzt", "cue_from"),
    ("Ein Mann wurde in Berlin schwer verletzt.", "Berlin", BERLIN, "de", "verletzt", "cue_at"),
    ("A man from Boston was badly injured.", "Boston", BOSTON, "en", "injured", "cue_from"),
    ("A man was badly injured in Boston.", "Boston", BOSTON, "en", "injured", "cue_at"),
])
def test_the_word_before_a_mention_is_its_cue(text, name, place, language, trigger, cue):
    _, rows = _row(text, name, place, language, trigger)
    assert rows[0][cue] == 1.0
    assert rows[0]["in_sentence"] == 1.0
    assert not any(rows[0].get(k) for k in ("cue_from", "cue_at", "cue_to") if k != cue)


def test_a_place_of_another_paragraph_counts_only_as_the_ledes():
    text = "Ein Unfall in Berlin.\n\nSpäter brannte ein Haus."
    _, rows = _row(text, "Berlin", BERLIN, "de", "brannte")
    assert rows[0].get("in_sentence", 0.0) == 0.0 and rows[0]["in_lede"] == 1.0


def test_a_mentions_namesakes_are_candidates_and_marked_as_such():
    gazetteer = SimpleNamespace(candidates=lambda surface: [SimpleNamespace(place=BERLIN), SimpleNamespace(place=BERLIN_NH)]
                                if surface == "Berlin" else [])
    cands, rows = _row("Ein Mann wurde in Berlin verletzt.", "Berlin", BERLIN, "de", "verletzt", gazetteer)
    assert [(c.place.id, c.namesake) for c in cands] == [(BERLIN.id, False), (BERLIN_NH.id, True)]
    assert rows[1]["namesake"] == 1.0 and rows[1].get("in_sentence", 0.0) == 0.0


def test_fitting_is_deterministic_and_learns_the_telling_feature():
    rng = np.random.default_rng(0)
    data = []
    for _ in range(40):
        x = rng.random((3, 3))
        x[:, 0] = [1.0, 0.0, 0.0]
        data.append((x, np.array([1.0, 0.0, 0.0])))
    w1, w2 = place_ranker.fit(data, 3), place_ranker.fit(data, 3)
    assert np.array_equal(w1, w2)
    assert w1[0] > 0 and all(place_ranker.picks_right(x, y, w1) for x, y in data)
    assert not place_ranker.picks_right(np.zeros((0, 3)), np.zeros(0), w1)  # no candidate: wrong


def test_folds_never_split_a_document():
    choices = [SimpleNamespace(doc=f"d{i % 7}.md") for i in range(30)]
    fold_of = place_ranker.folds(choices)
    assert sorted(fold_of) == [f"d{i}.md" for i in range(7)]
    assert set(fold_of.values()) == set(range(place_ranker.FOLDS))


@pytest.mark.parametrize("main", [place_choice.main, place_ranker.main])
def test_the_tools_refuse_the_held_out_corpus(main):
    with pytest.raises(SystemExit, match="development corpus only"):
        main(["--corpus", str(ROOT / "tests" / "corpus_holdout")])


def test_collect_finds_a_gold_events_candidates_and_restores_the_pipeline(tmp_path):
    name = "de_accident_bielefeld-sueden-frontalzusammenstoss"
    for sub, ext in (("news", ".md"), ("gold", ".yaml")):
        (tmp_path / sub).mkdir()
        shutil.copy(ROOT / "tests" / "corpus" / sub / (name + ext), tmp_path / sub)
    original = pipeline.extract_events
    choices = place_choice.collect(tmp_path)
    assert pipeline.extract_events is original
    assert choices and all(len(c.rows) == len(c.candidates) == len(c.right) for c in choices)
    # the rules' choice is always a candidate, so where the rules are right a candidate is
    assert all(any(r for r, row in zip(c.right, c.rows) if row.get("rule")) for c in choices if c.rule_ok)


# bench.place_gaps: the classes of found events whose gold place none of the text's mentions is.
def _gaps_gazetteer(places: dict):
    """A gazetteer stub: `places` maps a surface to its Places; `automaton` finds the surfaces in a text."""
    class Automaton:
        def iter(self, text):
            for surface in places:
                for start in (i for i in range(len(text)) if text.startswith(surface, i)):
                    yield start + len(surface) - 1, surface
    return SimpleNamespace(automaton=Automaton(), strict=lambda s: [],
                           candidates=lambda s: [SimpleNamespace(place=p) for p in places.get(s, [])])


NATURNS = Place("geonames:1", "Naturns", "city", 46.648, 11.001, "IT", "17", 5_000)
LAAGE = Place("geonames:2", "Laage", "city", 53.93, 12.35, "DE", "12", 6_000)


@pytest.mark.parametrize("text, gold, cands, places, kind", [
    ("Der Jet landete auf dem Fliegerhorst Laage.", {"name": "Fliegerhorst Laage", "lat": 53.92, "lon": 12.28, "km": 15},
     [], {"Laage": [LAAGE]}, "filtered"),
    ("Die Kanzlerin traf ihn im Schloss Meseberg.", {"name": "Schloss Meseberg", "lat": 52.97, "lon": 13.09, "km": 10},
     [], {}, "facility"),
    ("In Tschirland kam es zu einem Erdrutsch.", {"name": "Tschirland (Naturns)", "lat": 46.65, "lon": 11.03, "km": 10},
     [], {"Naturns": [NATURNS]}, "quarter"),
    ("Shots were fired at Kamologon village.", {"name": "Kamologon village, West Pokot", "lat": 1.6, "lon": 35.3, "km": 40},
     [], {}, "village"),
    ("The county confirmed its first case.", {"name": "San Luis Obispo County", "lat": 35.3, "lon": -120.4, "km": 60},
     [], {}, "implied"),
    ("Ein Unfall bei Naturns.", {"name": "Staben", "lat": 46.648, "lon": 11.15, "km": 8},
     [SimpleNamespace(place=NATURNS)], {}, "tolerance"),
])
def test_a_gap_is_classed_by_what_the_gold_and_the_text_say(text, gold, cands, places, kind):
    from bench import place_gaps

    assert place_gaps.gap_class(text, gold, cands, _gaps_gazetteer(places)) == kind


def test_a_gold_names_head_drops_its_qualifier_and_noun():
    from bench import place_gaps

    assert place_gaps.head("Kamologon village, Muino location, West Pokot") == "Kamologon"
    assert place_gaps.head("Tschirland (Naturns)") == "Tschirland"


def test_place_gaps_refuses_the_held_out_corpus():
    from bench import place_gaps

    with pytest.raises(SystemExit, match="development corpus only"):
        place_gaps.main(["--corpus", "tests/corpus_holdout"])
