"""Hand-written articles (not the seed) with the events a reader would expect from them."""
import json

import pytest

from tests.conftest import ROOT, run_loader


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "events.geojson"
    proc = run_loader(ROOT / "tests" / "corpus" / "handwritten", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    return [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]


def _one(events, doc, etype, quote_part):
    hits = [e for e in events if doc in e["documents"] and e["event_type"] == etype and any(quote_part in q["quote"] for q in e["evidence"])]
    assert hits, [(e["event_type"], e["title"], e["evidence"][0]["quote"][:60]) for e in events if doc in e["documents"]]
    return hits[0]


def test_english_raid_on_tuesday_is_dated_by_publication_and_placed_in_rotterdam(corpus_events):
    ev = _one(corpus_events, "en_port_raid.md", "raid_arrest", "arrested six people")
    assert ev["place_name"] == "Rotterdam" and ev["place_type"] == "city"
    assert (ev["date_start"], ev["date_precision"], ev["date_basis"]) == ("2024-06-11", "day", "relative")


def test_english_investigation_began_in_march_2024(corpus_events):
    ev = _one(corpus_events, "en_port_raid.md", "investigation", "March 2024")
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2024-03-01", "2024-03-31", "month")
    assert "Ecuador" in {p["name"] for p in ev["places_mentioned"]} or ev["place_name"] != "Ecuador"
    assert "Reuters" in ev["cited_sources"]


def test_english_last_week_visit_is_a_week_interval(corpus_events):
    ev = _one(corpus_events, "en_port_raid.md", "visit", "visited the port")
    assert ev["date_precision"] == "week" and ev["date_basis"] == "relative"
    assert ev["date_start"] <= "2024-06-07" <= ev["date_end"]
    assert any("Visser" in a for a in ev["actors"])


def test_english_range_between_2021_and_2023(corpus_events):
    (ev,) = [e for e in corpus_events if "en_port_raid.md" in e["documents"]
             and any("Between 2021 and 2023" in q["quote"] for q in e["evidence"])]
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2021-01-01", "2023-12-31", "years")


def test_german_deployment_to_the_border_on_monday(corpus_events):
    ev = _one(corpus_events, "de_grenze.md", "deployment", "verlegt")
    assert (ev["date_start"], ev["date_precision"]) == ("2025-02-17", "day")
    assert any("Bundespolizei" in a or "Federal Police" in a for a in ev["actors"])


def test_german_investigation_in_autumn_2024(corpus_events):
    ev = _one(corpus_events, "de_grenze.md", "investigation", "Herbst 2024")
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2024-09-01", "2024-11-30", "season")


def test_german_visit_on_a_full_date_in_goerlitz(corpus_events):
    ev = _one(corpus_events, "de_grenze.md", "visit", "Görlitz")
    assert (ev["date_start"], ev["date_precision"], ev["place_name"]) == ("2025-02-12", "day", "Görlitz")
    assert any("Faeser" in a for a in ev["actors"])


def test_a_comparison_year_dates_nothing(corpus_events):
    assert not any(e["date_start"] and e["date_start"].startswith("2015") for e in corpus_events)


@pytest.mark.parametrize("name", ["corpus", "corpus_holdout"])
def test_the_development_and_held_out_corpora_are_valid(name):
    from bench.corpus_check import check

    assert check(ROOT / "tests" / name) == []
