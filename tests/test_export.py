"""Exports: each format parsed back and checked, not just written."""
import csv
import io
import json
import re

import pytest

from dashboard.export import embed_html, embed_id, export_all, iframe_snippet, select_features, source_line, to_csv, to_timelinejs
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


def _embed_data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def test_the_embed_has_no_external_references_and_no_library(exported):
    page = (exported / "embed.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<title>Test &lt;Titel&gt;</title>" in page
    assert "plotly" not in page.lower() and "deck.gl" not in page.lower()
    assert len(page.encode("utf-8")) < 100_000  # was 4.8 MB with plotly.js inlined


def test_the_embed_runs_only_its_own_script_and_style():
    import base64
    import hashlib

    page = embed_html(collection()["features"], title="T", source_line="s")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_the_embed_carries_only_what_it_shows():
    feats = collection()["features"]
    data = _embed_data(embed_html(feats, title="T", source_line="s", documents=collection()["generated_from"]))
    assert [e["id"] for e in data["events"]] == ["ev_a", "ev_b", "ev_c", "ev_d"]
    keys = set().union(*data["events"])
    assert not keys & {"evidence", "explanation", "confidence", "documents", "place_geometry", "sentence"}
    assert "doc.txt" not in json.dumps(data)  # readers see outlets and titles, never file names
    assert data["docs"] == [{"n": "Ein Artikel · Testblatt · 2025-05-01", "u": None}]
    assert data["actors"] == ["Agency A", "Agency B"] and data["sources"] == ["Report X"]
    undated = data["events"][3]
    assert "d0" not in undated and "x" in undated  # undated but located: on the map, listed under the timeline
    assert "a" in data["events"][1] and len(data["areas"]) == 1  # the area, outlined once


@pytest.mark.parametrize("lang, title, date", [
    ("en", "Deployment: Stationierung in Nordstadt", "7 April 2025 · as written: “im April”, “vom 7. April 2025”"),
    ("de", "Stationierung in Nordstadt", "7. April 2025 · laut Text: „im April“, „vom 7. April 2025“"),
])
def test_the_embeds_details_give_title_and_date_once(lang, title, date):
    col = collection()
    col["features"][0]["properties"]["date_text"] = "April 2025 / im April / vom 7. April 2025 / April 2025 / im April"
    data = _embed_data(embed_html(col["features"], title="T", source_line="s", lang=lang,
                                  documents=col["generated_from"]))
    event = data["events"][0]
    assert (event["t"], event["dl"]) == (title, date)
    assert "o" not in event  # the document's title is not repeated under the reader's


@pytest.mark.parametrize("lang, labels", [
    ("de", ["Angriff", "Ermittlungen", "Truppenverlegung", "Erklärung"]),
    ("en", ["Attack", "Investigation", "Deployment", "Statement"]),
])
def test_the_legend_names_types_in_words(lang, labels):
    data = _embed_data(embed_html(collection()["features"], title="T", source_line="s", lang=lang))
    assert [ty["label"] for ty in data["types"]] == labels
    assert all(ty["color"].startswith("#") for ty in data["types"])
    assert data["text"]["legend"] == ("Legende" if lang == "de" else "Legend")


def test_the_source_line_names_outlets_with_links_not_files():
    col = collection()
    col["generated_from"][0]["url"] = "https://testblatt.example/artikel"
    text, html_line = source_line(col, "de")
    assert text == "Quelle: Testblatt · Stand: 1. Mai 2025"
    assert '<a href="https://testblatt.example/artikel"' in html_line and "doc.txt" not in html_line
    col["generated_from"][0].update(outlet=None, url="javascript:alert(1)")
    text, html_line = source_line(col, "en")
    assert text == "Source: 1 document(s) without a named outlet · As of: 1 May 2025" and "javascript" not in html_line
    text, html_line = source_line(col, "en", sources=[("Kurier <b>", "https://k.example/")])
    assert "Kurier &lt;b&gt;" in html_line and text.startswith("Source: Kurier <b>")


def test_the_no_script_fallback_shows_the_png_with_alt_text(exported):
    page = (exported / "embed.html").read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
    assert '<img class="fallback" src="embed.png" alt="Karte und Zeitleiste mit 4 Ereignissen">' in noscript
    assert "Stationierung in Nordstadt" in noscript  # and the events as text
    assert (exported / "embed.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_host_snippet_listens_for_the_embeds_height(exported):
    snippet = (exported / "embed-snippet.html").read_text(encoding="utf-8")
    iframe, listener = snippet.strip().split("\n")
    data = _embed_data((exported / "embed.html").read_text(encoding="utf-8"))
    assert f'data-geo-embed="{data["embedId"]}"' in iframe
    assert 'src="https://example.org/embed.html"' in iframe and 'title="Test &lt;Titel&gt;"' in iframe
    assert listener.startswith("<script>") and "geo-embed-height" in listener and "e.source" in listener


def test_untrusted_text_cannot_break_out_of_the_page():
    payload = '</script><img src=x onerror="window.pwned=1">'
    html = embed_html(collection(payload)["features"], title=payload, source_line=payload, intro=payload)
    assert "<img src=x" not in html and "</script><img" not in html


def test_iframe_snippet_escapes_a_hostile_url_and_title():
    snippet = iframe_snippet('"><script>', title='"><b>', embed_id=embed_id([], "t"))
    assert 'src="&quot;&gt;&lt;script&gt;"' in snippet and 'title="&quot;&gt;&lt;b&gt;"' in snippet


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


def test_the_dashboard_offers_the_story_embed_of_its_view_as_a_zip():
    import zipfile

    from dashboard.data import events_from_collection
    from dashboard.downloads import to_embed_zip
    from dashboard.story import build_story
    from geo.contract import validate_collection

    events = events_from_collection(validate_collection(collection()))
    story = build_story({}, documents=events.documents, n_events=4, lang="en")
    view = events.frame[events.frame["id"].isin(["ev_a", "ev_c"])]
    with zipfile.ZipFile(io.BytesIO(to_embed_zip(view, events, story, "en"))) as zf:
        assert {"embed.html", "embed.png", "embed-snippet.html", "map.html", "timeline.html"} <= set(zf.namelist())
        page = zf.read("embed.html").decode("utf-8")
    assert [e["id"] for e in _embed_data(page)["events"]] == ["ev_a", "ev_c"]
    assert "Source: Testblatt" in page and f"<title>{story.title}</title>" in page


def _near_munich(k: float) -> tuple[float, float]:
    from dashboard.context import places

    pl = places()
    i = max((i for i, n in enumerate(pl.names) if n == "Munich"), key=lambda i: pl.population[i])
    return float(pl.lon[i]) + k, float(pl.lat[i])


@pytest.mark.parametrize("lang, city", [("de", "München"), ("en", "Munich")])
def test_the_embed_names_places_and_draws_subdivision_borders_around_a_regional_story(lang, city):
    from tests.export_fixture import _feature

    feats = [_feature("ev_a", "Brand", "fire", "2025-04-07", "2025-04-07", "day", *_near_munich(0.0)),
             _feature("ev_b", "Unfall", "crash", "2025-04-08", "2025-04-08", "day", *_near_munich(-1.5))]
    data = _embed_data(embed_html(feats, title="T", source_line="s", lang=lang))
    names = {p[2]: p for p in data["places"]}
    assert names[city][4] == 1  # the place the first event is at, flagged for its label under the mark
    assert len(data["places"]) <= 60 + len(feats)
    assert data["lines"].startswith("M") and len(data["lines"]) < 30_000  # the Länder borders, near the events only
    # the map without JavaScript (embed.png) has them too
    from dashboard.export import _rows, map_figure

    fig = map_figure(_rows(feats), lang=lang)
    traces = {t.name: t for t in fig.data}
    assert city in traces["places"].text and len(traces["subdivisions"].x) > 10


def test_a_story_across_the_world_gets_only_the_largest_places_and_no_borders():
    data = _embed_data(embed_html(collection()["features"], title="T", source_line="s", lang="de"))
    assert data["lines"] == "" and {p[2] for p in data["places"]} >= {"Berlin"}
