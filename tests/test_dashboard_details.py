"""Details panel, escaping, links, map and timeline builders, exports and i18n."""
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.data import events_from_collection
from dashboard.details import date_words, details_html, esc, quote_in_sentence_html, safe_url
from dashboard.downloads import to_csv, to_geojson
from dashboard.map_layers import build_deck, fit_view, legend_html, type_colors
from dashboard.timeline import build_figure
from geo.contract import read_events, validate_collection

FIXTURE = Path(__file__).parent / "fixtures" / "events.geojson"


@pytest.fixture(scope="module")
def events():
    return events_from_collection(read_events(FIXTURE))


def row(events, eid):
    f = events.frame
    return f[f["id"] == eid].iloc[0]


def test_herbst_2023_reads_as_season_stated_in_the_text(events):
    assert date_words(row(events, "fx-ostsee-manoever"), "en") == (
        "autumn 2023 (1 September – 30 November 2023) — season, stated in the text"
        " · as written: “Im Herbst 2023”")
    assert date_words(row(events, "fx-ostsee-manoever"), "de") == (
        "Herbst 2023 (1. September – 30. November 2023) — Jahreszeit, im Text genannt"
        " · laut Text: „Im Herbst 2023“")


def _merged_day(events):
    """A German event the loader merged from five mentions of one day, with a title it built."""
    r = row(events, "fx-kiel-frachter").copy()
    r["title"], r["language"], r["event_type"] = "Dokument in Washington (ICE)", "de", "document_release"
    r["place_name"], r["actors"] = "Washington", ["ICE"]
    r["date_start"] = r["date_end"] = pd.Timestamp("2025-04-07")
    r["date_text"] = "April 2025 / im April / vom 7. April 2025 / April 2025 / im April"
    return r


@pytest.mark.parametrize("lang,title,other,day,hint", [
    ("en", "Document in Washington (ICE)", "Dokument in Washington", "7 April 2025",
     'as written: <span lang="de">“im April”</span>, <span lang="de">“vom 7. April 2025”</span>'),
    ("de", "Dokument in Washington (ICE)", "Document in Washington", "7. April 2025",
     "laut Text: „im April“, „vom 7. April 2025“"),
])
def test_details_give_title_and_date_once_in_the_readers_language(events, lang, title, other, day, hint):
    html = details_html(_merged_day(events), events.documents, lang)
    assert html.count(esc(title)) == 1 and other not in html
    date = html.split("data-testid='geo-date'>")[1].split("</dd>")[0]
    assert date.startswith(esc(day) + "<br><small>")
    assert hint in date and "April 2025 /" not in html and date.count("im April") == 1


def test_the_as_written_hint_stays_escaped(events):
    r = _merged_day(events)
    r["date_text"], r["date_start"], r["date_end"], r["date_precision"] = '<img src=x onerror="x()">', pd.NaT, pd.NaT, "undated"
    html = details_html(r, events.documents, "en")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;x()&quot;&gt;" in html


def test_quote_is_marked_inside_its_sentence(events):
    ev = row(events, "fx-kiel-frachter")["evidence"][0]
    assert quote_in_sentence_html(ev) == (
        "Am 14. März 2023 <mark>kontrollierte die Küstenwache einen Frachter vor Kiel</mark>.")


def test_quote_without_sentence_is_shown_alone():
    assert quote_in_sentence_html({"quote": "a<b", "start": 0}) == "<mark>a&lt;b</mark>"


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/x", True), ("http://example.org", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("data:text/html,x", False),
    ("//example.org", False), ("", False), (None, False),
])
def test_only_http_links_survive(url, ok):
    assert (safe_url(url) is not None) == ok


def test_details_escape_untrusted_text_and_drop_javascript_links(events):
    html = details_html(row(events, "fx-dk-assessment"), events.documents, "en")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Analysts&#x27; &lt;risk&gt; report &amp; outlook" in html
    assert "javascript:" not in html
    assert "<mark>the &lt;risk&gt; of smuggling in Denmark rose</mark>" in html


def test_details_name_document_outlet_and_https_link(events):
    html = details_html(row(events, "fx-rostock-razzia"), events.documents, "de")
    assert "Nordhafen Kurier" in html and "Harbour Gazette" in html
    assert 'href="https://example.com/gazette/port-security"' in html
    assert html.count("<mark>") == 2


def test_deck_layers_have_ids_and_areas_are_geojson(events):
    colors = type_colors(list(events.frame["event_type"]))
    outline = json.loads((FIXTURE.parent / "outline.geojson").read_text())
    deck = json.loads(build_deck(events.frame, outline=outline, colors=colors).to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    # without tiles, the context (dashboard/context.py) under the points and over the areas
    assert list(layers) == ["outline", "context-subdivisions", "event-areas", "context-event-places-keepout",
                            "context-labels", "context-event-places", "event-points"]
    area_ids = {f["properties"]["event_id"] for f in layers["event-areas"]["data"]["features"]}
    assert area_ids == {"fx-ostsee-manoever", "fx-sh-hafengesetz", "fx-dk-assessment"}
    assert len(layers["event-points"]["data"]) == 5  # 9 minus 3 areas minus 1 unlocated
    assert layers["event-points"]["radiusUnits"] == "pixels"


def test_map_tooltip_values_are_plain_text_for_streamlit_to_escape(events):
    # Streamlit escapes each value it puts into the html tooltip; escaping here as well showed
    # "&amp;" to readers. tests/browser/test_security.py checks no markup runs in chromium.
    colors = type_colors(list(events.frame["event_type"]))
    deck = json.loads(build_deck(events.frame, outline=None, colors=colors).to_json())
    areas = next(lyr for lyr in deck["layers"] if lyr["id"] == "event-areas")
    titles = {f["properties"]["tt_title"] for f in areas["data"]["features"]}
    assert "Analysts' <risk> report & outlook" in titles


def test_a_picked_sea_is_ringed_round_its_outer_edge_not_round_each_island(events):
    f = events.frame.copy()
    island = [[14.0, 55.0], [14.2, 55.0], [14.2, 55.1], [14.0, 55.0]]
    sea = f.index[f["id"] == "fx-ostsee-manoever"][0]
    outer = f.at[sea, "place_geometry"]["coordinates"][0]
    f.at[sea, "place_geometry"] = {"type": "Polygon", "coordinates": [outer, island]}
    deck = json.loads(build_deck(f, outline=None, colors=type_colors(list(f["event_type"])),
                                 highlight=frozenset({"fx-ostsee-manoever"})).to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert [r["path"] for r in layers["event-area-rings"]["data"]] == [outer]
    lines = {ft["properties"]["event_id"]: ft["properties"]["width"] for ft in layers["event-areas"]["data"]["features"]}
    assert lines["fx-ostsee-manoever"] == 1  # the fill's own edge stays thin, islands included


def test_fit_view_zooms_to_the_selection(events):
    f = events.frame.copy()
    f.loc[f["id"] == "fx-gdansk-visit", ["lon", "lat"]] = (-100.0, 40.0)  # stretch to another continent
    wide, narrow = fit_view(f), fit_view(f[f["id"] == "fx-kiel-frachter"])
    assert narrow.zoom > wide.zoom
    assert abs(narrow.longitude - 10.13) < 0.01


def test_colours_come_from_the_taxonomy_and_the_legend_names_types_in_words(events):
    from geo.contract import TAXONOMY

    colors = type_colors(list(events.frame["event_type"]))
    assert colors["deployment"] == TAXONOMY["types"]["deployment"]["colour"]
    assert type_colors(["flood", "deployment"])["flood"] == TAXONOMY["types"]["flood"]["colour"]  # stable whatever else is shown
    html = legend_html(colors, ["deployment"], "en")
    assert "Event types" in html and "Deployment" in html and "deployment<" not in html


def test_timeline_draws_intervals_as_bars_and_days_as_markers(events):
    colors = type_colors(list(events.frame["event_type"]))
    fig = build_figure(events.frame, colors=colors)
    marker_ids = [c[0] for tr in fig.data if tr.type == "scatter" for c in tr.customdata]
    assert sorted(marker_ids) == sorted(set(events.frame["id"]) - {"fx-hamburg-dementi"})
    bars = {c[0]: (b, x) for tr in fig.data if tr.type == "bar" for c, b, x in zip(tr.customdata, tr.base, tr.x)}
    assert "fx-kiel-frachter" not in bars  # a day is a marker only
    # Herbst 2023: a clickable bar from 1 September to the exclusive end, 1 December (91 days)
    assert bars["fx-ostsee-manoever"] == ("2023-09-01", 91 * 86_400_000)


def test_timeline_clicks_arrive_as_selections(events):
    """Streamlit forces clickmode 'event' (clicks send nothing) under dragmode select/lasso."""
    fig = build_figure(events.frame, colors=type_colors(list(events.frame["event_type"])))
    assert fig.layout.dragmode not in ("select", "lasso")
    assert "select" in fig.layout.clickmode
    assert fig.layout.yaxis.fixedrange  # zoom runs along time only


def test_timeline_lanes_by_actor_repeat_multi_actor_events(events):
    colors = type_colors(list(events.frame["event_type"]))
    fig = build_figure(events.frame, colors=colors, lanes="actor")
    lanes = {y for tr in fig.data if tr.type == "scatter" for y in tr.y}
    assert {"Polizei", "Zoll", "Ministry of Ports"} <= lanes


@pytest.mark.parametrize("title,etype,language,lang,place,actors,expected", [
    ("Dokument in Washington (ICE)", "document_release", "de", "en", "Washington", ["ICE"],
     "Document in Washington (ICE)"),
    ("Dokument in Washington (ICE)", "document_release", "de", "de", "Washington", ["ICE"],
     "Dokument in Washington (ICE)"),  # the reader's own language: as written
    ("Angriff: Hamas", "strike", "de", "en", None, ["Hamas"], "Attack: Hamas"),  # no place
    # a title the loader did not build keeps its words, behind the type in the reader's language
    ("Küstenwache kontrolliert Frachter vor Kiel", "investigation", "de", "en", "Kiel", [],
     "Investigation: Küstenwache kontrolliert Frachter vor Kiel"),
    ("Flood in Valencia", "flood", "en", "de", "Valencia", [], "Hochwasser in Valencia"),
    (None, "visit", "en", "de", None, [], "Besuch"),
])
def test_titles_read_in_the_readers_language(title, etype, language, lang, place, actors, expected):
    from dashboard.details import reader_title

    assert reader_title(title, etype, language, lang, place_name=place, actors=actors) == expected


def test_timeline_highlights_map_picks(events):
    colors = type_colors(list(events.frame["event_type"]))
    fig = build_figure(events.frame, colors=colors, highlight=frozenset({"fx-kiel-frachter"}))
    assert fig.data[-1].customdata[0][0] == "fx-kiel-frachter"


def test_geojson_export_is_a_valid_contract_file(events):
    view = events.frame[events.frame["id"].isin(["fx-kiel-frachter", "fx-sanctions"])]
    col = validate_collection(json.loads(to_geojson(view, events)))
    assert [f.properties.id for f in col.features] == ["fx-kiel-frachter", "fx-sanctions"]
    assert {d["id"] for d in col.generated_from} == {"fx_de_kurier.txt", "fx_en_gazette.txt"}


def test_csv_export_has_one_row_per_event(events):
    lines = to_csv(events.frame).decode().strip().splitlines()
    assert len(lines) == 10 and lines[0].startswith("id,title")


def test_every_ui_string_exists_in_german_and_english():
    assert [k for k in i18n.all_keys() if not i18n.has_both(k)] == []


def test_timeline_zooms_to_the_time_window(events):
    import datetime as dt
    colors = type_colors(list(events.frame["event_type"]))
    fig = build_figure(events.frame, colors=colors, x_range=(dt.date(2023, 1, 1), dt.date(2023, 6, 30)))
    assert list(fig.layout.xaxis.range) == ["2023-01-01", "2023-06-30"]


@pytest.mark.parametrize("hostile", [
    "[click](javascript:alert(1))", "![x](https://example.org/x.png)", "*bold* _it_ `code`",
    ":material/warning: :smile:", "$x^2$", "www.example.org", "<b>tag</b>", "line\nbreak # head",
])
def test_markdown_escaped_text_has_no_markdown_left(hostile):
    from dashboard.details import md_escape

    out = md_escape(hostile)
    # every punctuation character is escaped, so unescaping gives the text back, spaces aside
    assert out.replace("\\", "") == " ".join(hostile.split())
    assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c in "[]()!*_`:$<>#.")


@pytest.mark.parametrize("name,label", [
    ("Geheimdienst-Einschätzung", "Geheimdienst-<br>Einschätzung"),
    ("Law and decision", "Law and<br>decision"),
    ("Besuch", "Besuch"),
    ("National Intelligence Council", "National<br>Intelligence Council"),
    ("<b>Risk & Co</b> Holdings", "&lt;b&gt;Risk &amp;<br>Co&lt;/b&gt; Holdings"),  # an actor's name stays text
])
def test_long_lane_names_take_two_lines_and_stay_text(name, label):
    from dashboard.timeline import lane_label

    assert lane_label(name) == label


def test_the_timeline_axis_shows_every_lane_by_its_label(events):
    fig = build_figure(events.frame, colors={}, lang="de")
    assert list(fig.layout.yaxis.tickvals) == list(fig.layout.yaxis.categoryarray)
    assert "Geheimdienst-<br>Einschätzung" in fig.layout.yaxis.ticktext


@pytest.mark.parametrize("lang, source, note", [
    ("en", "", "day, inferred"), ("de", "", "Tag, erschlossen"),
    ("en", "paragraph", "day, inferred from its paragraph"), ("de", "paragraph", "Tag, aus dem Absatz erschlossen"),
    ("en", "told before", "day, inferred from the happening told before"),
    ("de", "document", "Tag, aus dem Datum des Dokuments erschlossen"),
    ("en", "<b>x</b>", "day, inferred"),  # an unknown source falls back to the basis
])
def test_an_inherited_date_names_its_source(events, lang, source, note):
    """The same inferred day, read against an inferred reference or inherited from its paragraph
    or document: the note says which (the loader's added `date_inherited`)."""
    r = _merged_day(events)
    r["date_basis"], r["date_precision"], r["date_inherited"] = "inferred", "day", source
    html = details_html(r, events.documents, lang)
    date = html.split("data-testid='geo-date'>")[1].split("</dd>")[0]
    assert f"<small>{esc(note)} · " in date and "<b>" not in date
