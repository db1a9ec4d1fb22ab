"""The seed article's headline happenings come out with the right place and date."""
import datetime as dt
import json

from tests.conftest import run_loader


def _find(events, *, place=None, place_type=None, actor=None, etypes=None, quote=None):
    out = []
    for e in events:
        if place and e["place_name"] != place:
            continue
        if place_type and e["place_type"] != place_type:
            continue
        if actor and not any(alt == a or alt in a for alt in (actor if isinstance(actor, tuple) else (actor,)) for a in e["actors"]):
            continue
        if etypes and e["event_type"] not in etypes:
            continue
        if quote and not any(quote in ev["quote"] for ev in e["evidence"]):
            continue
        out.append(e)
    return out


def test_forces_readied_and_inspected_in_puerto_rico(seed_events):
    hits = _find(seed_events, place="Puerto Rico", etypes={"deployment", "visit"}, quote="inspiziert")
    assert hits, [(e["title"], e["place_name"]) for e in seed_events]
    ev = hits[0]
    assert "Dan Caine" in ev["actors"]
    assert any("F-35" in q["quote"] for q in ev["evidence"]) and any("AV-8B" in q["quote"] for q in ev["evidence"])
    assert "Venezuela" in {p["name"] for p in ev["places_mentioned"]}  # the target, not the location
    # Hegseth's words before the cameras are his statement there, an event of their own.
    (said,) = _find(seed_events, place="Puerto Rico", etypes={"statement"}, quote="Kameras")
    assert "Pete Hegseth" in said["actors"]


def test_hsi_denver_investigation_is_dated_autumn_2023_at_denver(seed_events):
    (ev,) = _find(seed_events, place="Denver", etypes={"investigation"}, quote="Herbst 2023")
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2023-09-01", "2023-11-30", "season")
    assert ev["place_type"] == "city"


def test_ice_names_colorado_its_focus_in_the_letter_to_boebert(seed_events):
    hits = _find(seed_events, place="Colorado", actor=("ICE", "Immigration and Customs Enforcement"), quote="Schwerpunkt")
    assert hits
    assert hits[0]["place_type"] == "admin1" and hits[0]["place_geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_strike_on_a_drug_boat_in_the_caribbean_sea(seed_events):
    (ev,) = _find(seed_events, etypes={"strike"}, quote="Drogenschiff")
    assert ev["place_type"] == "sea" and "Caribbean" in ev["place_name"]
    assert ev["place_geometry"] is not None


def test_nic_memo_of_7_april_2025_has_day_precision(seed_events):
    hits = [e for e in seed_events if e["date_start"] == "2025-04-07"]
    assert hits and hits[0]["date_precision"] == "day" and hits[0]["date_end"] == "2025-04-07"
    assert any("National Intelligence Council" in a or a == "NIC" for a in hits[0]["actors"])


def test_nothing_is_dated_2003(seed_events):
    for e in seed_events:
        if e["date_start"]:
            assert not (dt.date.fromisoformat(e["date_start"]).year <= 2003 <= dt.date.fromisoformat(e["date_end"]).year), e["title"]


def test_reader_comments_are_not_reporting(seed_events):
    for e in seed_events:
        if any(q["quote"].startswith("Viele Einwohner Puerto Rico") for q in e["evidence"]):
            assert e["section"] == "comments" and e["confidence"] < 0.4


def test_undated_and_unlocated_events_are_kept(seed_run, tmp_path):
    proc, col, _ = seed_run
    assert "undated" in proc.stdout and "unlocated" in proc.stdout
    assert col["generated_from"][0]["id"] == "000_ba779983c7861c53.txt"
    # The seed's undated sentences take the year of its dates now; a text with no date at all
    # keeps its happenings, undated.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "razzia.md").write_text("---\nlanguage: de\n---\nDie Polizei durchsuchte in München mehrere Wohnungen.\n",
                                                encoding="utf-8")
    out = tmp_path / "events.geojson"
    assert run_loader(tmp_path / "in", "--out", out, "--quiet").returncode == 0
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert feats and all(f["properties"]["undated"] for f in feats)


def test_the_seeds_headline_events_are_dated_by_the_year_its_dates_point_to(seed_events):
    """The seed states no publication date; its latest dates are of 2025, so the deployment in
    Puerto Rico, told without a date, is of 2025 (year precision, inferred)."""
    (ev,) = [e for e in seed_events if "Puerto Rico" in e["place_name"] and "Hegseth" in e["evidence"][0]["quote"]]
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == ("2025-01-01", "2025-12-31", "year")


def test_every_quote_is_the_text_it_points_at(seed_events):
    from geo.ingest import read_document
    from tests.conftest import ROOT

    text = read_document(ROOT / "seeds" / "000_ba779983c7861c53.txt").text
    for e in seed_events:
        for ev in e["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
