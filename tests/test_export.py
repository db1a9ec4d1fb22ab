"""Exports: each format parsed back and checked, not just written."""
import csv
import io
import json
import re

import pytest

from dashboard.export import embed_html, export_all, iframe_snippet, select_features, to_csv, to_timelinejs
from tests.export_fixture import collection


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    col = collection()
    export_all(col, out, title="Test <Titel>", lang="de", base_url="https://example.org/")
    return out


def test_csv_has_one_row_per_event_with_quotes(exported):
    rows = list(csv.DictReader(io.StringIO((exported / "events.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["ev_a", "ev_b", "ev_c", "ev_d"]
    assert rows[0]["quote"] == "Ein Zitat." and rows[1]["date_precision"] == "season"


def test_geojson_round_trips_through_the_contract(exported):
    from geo.contract import validate_collection

    data = json.loads((exported / "events.geojson").read_text(encoding="utf-8"))
    data["schema_version"] = "1.0"
    assert len(validate_collection(data).features) == 4


def test_timelinejs_json_keeps_precision_and_skips_undated():
    tl = to_timelinejs(collection()["features"], title="T")
    by_id = {e["unique_id"]: e for e in tl["events"]}
    assert set(by_id) == {"ev_a", "ev_b", "ev_c"}
    assert by_id["ev_a"]["start_date"] == {"year": 2025, "month": 4, "day": 7} and "end_date" not in by_id["ev_a"]
    assert by_id["ev_b"]["start_date"] == {"year": 2023, "month": 9} and by_id["ev_b"]["end_date"] == {"year": 2023, "month": 11}
    assert by_id["ev_c"]["start_date"] == {"year": 2021} and by_id["ev_c"]["end_date"] == {"year": 2024}


def test_static_timeline_images_are_real_png_and_svg(exported):
    assert (exported / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (exported / "timeline.svg").read_text(encoding="utf-8")[:500]


def test_the_embed_has_no_external_references(exported):
    from plotly.offline import get_plotlyjs

    page = (exported / "embed.html").read_text(encoding="utf-8").replace(get_plotlyjs(), "")  # the library's own strings aside
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<title>Test &lt;Titel&gt;</title>" in page


def test_the_iframe_snippet_has_title_alt_source_and_responsive_height(exported):
    snippet = (exported / "embed-snippet.html").read_text(encoding="utf-8")
    assert 'src="https://example.org/embed.html"' in snippet and 'title="Test &lt;Titel&gt;"' in snippet
    assert "aria-label=" in snippet and "Quelle: Testblatt" in snippet and "padding-bottom" in snippet


def test_untrusted_text_cannot_break_out_of_the_page():
    payload = '</script><img src=x onerror="window.pwned=1">'
    html = embed_html(collection(payload)["features"], title=payload, source_line=payload)
    assert "<img src=x" not in html and "</script><img" not in html


def test_iframe_snippet_escapes_a_hostile_url():
    assert 'src="&quot;' in iframe_snippet('"><script>', title="t", source_line="s", alt="a")


def test_export_selection_uses_the_dashboard_filters():
    feats = collection()["features"]
    assert [f["properties"]["id"] for f in select_features(feats, actor="Agency B")] == ["ev_b"]
    assert [f["properties"]["id"] for f in select_features(feats, event_type="strike")] == ["ev_c"]
    assert select_features(feats, verified_only=True) == []
    assert len(to_csv(feats).splitlines()) == 5


# --- CSV exports neutralise formula cells (OWASP "CSV Injection"; issue 14) ---

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\tx=1", "\r=1"]
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _hostile_features():
    feats = collection()["features"]
    for i, f in enumerate(feats):  # 4 events, 6 payloads: each payload in some title or quote
        p, payload, other = f["properties"], FORMULAS[i], FORMULAS[i + 2]
        p["title"] = p["place_name"] = p["date_text"] = payload
        p["actors"] = [payload, "ok"]
        p["cited_sources"] = [other]
        p["evidence"][0].update(quote=other, end=len(other))
    return feats


def _assert_no_formula_cells(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows:
        for cell in row:
            if cell.startswith(_DANGEROUS):
                float(cell)  # only a number may start with '-' or '+'; anything else is a formula
    return rows


def test_the_csv_export_neutralises_formula_cells():
    rows = _assert_no_formula_cells(to_csv(_hostile_features()))
    header = rows[0]
    titles = [r[header.index("title")] for r in rows[1:]]
    assert titles[:4] == ["'" + p for p in FORMULAS[:4]]  # kept, with the apostrophe in front
    assert {r[header.index("quote")] for r in rows[1:]} == {"'" + p for p in FORMULAS[2:]}
    assert rows[3][header.index("lon")] == "-75.0"  # a negative longitude stays a number


def test_the_dashboard_csv_download_neutralises_formula_cells():
    from dashboard.data import events_from_collection
    from dashboard.downloads import to_csv as download_csv
    from geo.contract import validate_collection

    col = {**collection(), "features": _hostile_features()}
    frame = events_from_collection(validate_collection(col)).frame
    rows = _assert_no_formula_cells(download_csv(frame).decode("utf-8"))
    header = rows[0]
    assert rows[1][header.index("title")] == "'" + FORMULAS[0]
    assert rows[1][header.index("actors")] == "'" + FORMULAS[0] + "; ok"
    assert any(r[header.index("lon")].startswith("-") for r in rows[1:])  # numbers untouched
