"""The page's Streamlit panels: caption, map, timeline, undated and unlocated lists, table, details."""
from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from dashboard import downloads, selection
from dashboard.data import Events, load_story
from dashboard.embed.payload import text as embed_text
from dashboard.frame import AREA_TYPES
from dashboard.details import details_html, esc, md_escape, reader_titles
from dashboard.i18n import number, t
from dashboard.dates import as_written, day_words, one_date
from dashboard.story import Story
from dashboard.map_layers import AGGREGATE_OVER, basemap_enabled, build_deck, is_aggregated, legend_html
from dashboard.timeline import build_figure, timeline_alt

# Big views: the table and the undated/unlocated lists show the first rows only (the page stays small).
TABLE_MAX = 1000
LIST_MAX = 50

# Phones: a shorter map and less padding, so the map and the top of the timeline both fit on
# the first screen (checked at 390x844 in tests/browser). Desktop keeps Streamlit's layout.
_PAGE_CSS = """<style>
@media (max-width: 640px) {
  .stMainBlockContainer { padding-top: 3.2rem; padding-left: 0.8rem; padding-right: 0.8rem; }
  .stMainBlockContainer h1 { font-size: 1.45rem; padding: 0.2rem 0; }
  [data-testid="geo-intro"] { font-size: 0.9rem; margin: 0; }
  [data-testid="stDeckGlJsonChart"],
  [data-testid="stFullScreenFrame"]:has(> [data-testid="stDeckGlJsonChart"]),
  .stElementContainer:has([data-testid="stDeckGlJsonChart"]) { height: 250px !important; flex-basis: 250px !important; }
}
@media (min-width: 641px) {
  .stMainBlockContainer { padding-top: 3rem; }
  .stMainBlockContainer h1 { font-size: 2rem; padding: 0.25rem 0; }
}
/* The details column (app.py: map, details, timeline). From 1100 px it stands beside the map,
   with less side padding so map and timeline keep their width; below that it takes a row of
   its own under map and timeline; on a phone it is a sheet right under the map. */
[data-testid="stColumn"]:has(.st-key-geo-details-empty, .st-key-geo-details-sheet) h2 { font-size: 1.25rem; padding-top: 0; }
.geo-details dl { padding: 0; }
.geo-details dd, .geo-details li { overflow-wrap: anywhere; }
.st-key-geo-details-sheet .geo-details h3 { font-size: 1.1rem; padding: 0.25rem 0; }
@media (min-width: 1100px) {
  .stMainBlockContainer { padding-left: 1.5rem; padding-right: 1.5rem; }
  .st-key-geo-details-sheet { max-height: 460px; overflow-y: auto; }
  .st-key-geo-details-sheet .geo-details dl { display: block !important; padding: 0; }
  .st-key-geo-details-sheet .geo-details dd { margin: 0 0 0.3em 0 !important; padding: 0; }
  .st-key-geo-details-sheet .geo-details dt { font-weight: 600; }
}
@media (min-width: 641px) and (max-width: 1099px) {
  /* Tablets, and 1024x768 with the sidebar open (724 px for the page): Streamlit's 5rem side
     padding left the timeline 274 px, its plot about 160 px beside the lane names. Less
     padding, and the timeline 55 % of the row: 372 px at 1024x768. */
  .stMainBlockContainer { padding-left: 1rem; padding-right: 1rem; }
  [data-testid="stHorizontalBlock"]:has(.st-key-geo-details-empty, .st-key-geo-details-sheet)
    > [data-testid="stColumn"]:has([data-testid="stDeckGlJsonChart"]) {
    flex: 0 0 calc(45% - 0.5rem) !important; width: calc(45% - 0.5rem) !important; }
  [data-testid="stHorizontalBlock"]:has(.st-key-geo-details-empty, .st-key-geo-details-sheet)
    > [data-testid="stColumn"]:has([data-testid="stPlotlyChart"]) {
    flex: 0 0 calc(55% - 0.5rem) !important; width: calc(55% - 0.5rem) !important; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] .st-key-geo-details-empty),
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] .st-key-geo-details-sheet) { flex-wrap: wrap; }
  [data-testid="stColumn"]:has(.st-key-geo-details-empty, .st-key-geo-details-sheet) {
    order: 3; flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important; }
}
/* Buttons in narrow columns (Step / Play / Clear selection under a half-width timeline, the three
   downloads) wrap their label instead of cutting it to "Clear s…" (tablets, 641-1099 px). */
.stButton button [data-testid="stMarkdownContainer"],
.stDownloadButton button [data-testid="stMarkdownContainer"] { overflow: visible; }
.stButton button [data-testid="stMarkdownContainer"] p,
.stDownloadButton button [data-testid="stMarkdownContainer"] p { white-space: normal; overflow-wrap: anywhere; hyphens: auto; }
@media (max-width: 640px) {
  [data-testid="stColumn"]:has(.st-key-geo-details-empty) { display: none; }
  .st-key-geo-details-sheet { max-height: 55vh; overflow-y: auto; border: 1px solid rgba(49, 51, 63, 0.2);
    border-radius: 0.5rem; padding: 0.6rem 0.8rem; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12); }
}
/* Streamlit draws an element's toolbar (the map's fullscreen and clear-selection buttons) in the
   band just above the element, over whatever stands there: it hid the end of the count line
   ("0 ohne Or…"). A margin under the count line leaves that band (buttons 8-32 px above the
   map) empty at every width, whatever the line's length; the intro gives up its own bottom
   margin (as on a phone), so the charts move down only 4 px. */
.st-key-geo-count { margin-bottom: 1.25rem; }
[data-testid="geo-intro"] { margin-bottom: 0; }
/* The timeline's events take the keyboard focus (dashboard/keyboard.py): show where it is. */
.js-plotly-plot .scatterlayer path[data-geo-id]:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
</style>"""


def page_style() -> None:
    """The page's few layout rules (see _PAGE_CSS)."""
    st.html(_PAGE_CSS)


def story_header(story: Story, documents: dict, lang: str) -> None:
    """The headline, intro, and a line naming the sources and the "as of" date."""
    st.title(md_escape(story.title), anchor=False)
    st.html(f'<p data-testid="geo-intro">{esc(story.intro)}</p>')
    names = [f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(name)}</a>' if url else esc(name)
             for name, url in story.sources]
    unnamed = t("sources_unnamed_one" if len(documents) == 1 else "sources_unnamed", lang, d=len(documents))
    line = f"{esc(t('sources', lang))}: " + (", ".join(names) or esc(unnamed))
    if story.as_of:
        line += " · " + esc(t("as_of", lang, date=day_words(story.as_of, lang)))
    st.html(f'<p data-testid="geo-sources" style="margin:0"><small>{line}</small></p>')


def count_caption(shown: pd.DataFrame, total: int, lang: str) -> str:
    """'showing N of M events · U undated · L unlocated' (plain text)."""
    return " · ".join([
        t("showing", lang, n=len(shown), m=total),
        t("undated_count", lang, n=int(shown["undated"].sum())),
        t("unlocated_count", lang, n=int(shown["unlocated"].sum())),
    ])


def caption(shown: pd.DataFrame, total: int, lang: str) -> None:
    """The always-visible count line (browser tests read its text), in a keyed container so
    _PAGE_CSS can keep the band under it free for the map's toolbar."""
    with st.container(key="geo-count"):
        st.caption(count_caption(shown, total, lang))


def map_panel(shown: pd.DataFrame, *, outline, colors, lang: str, height: int) -> None:
    """The map of the events in view; a click selects (see selection.on_map_select)."""
    if outline is None:
        st.caption(t("no_outline", lang))
    picked = frozenset(st.session_state.get("pick", ()))
    deck = build_deck(shown, outline=outline, colors=colors, lang=lang, basemap=basemap_enabled(),
                      highlight=picked)
    areas = int(shown["place_type"].isin(AREA_TYPES).sum())
    located = shown[~shown["unlocated"]]
    st.pydeck_chart(deck, key=selection.chart_key("map"), on_select=selection.on_map_select,
                    selection_mode="single-object", height=height,
                    alt=t("map_alt", lang, n=len(located), areas=areas) + _ringed(located, picked, lang))



def legend_panel(shown: pd.DataFrame, *, colors, lang: str) -> None:
    """The legend in words under the map (and, when counting per cell, what the cells mean)."""
    st.html(legend_html(colors, sorted(shown["event_type"].unique()), lang))
    if is_aggregated(shown):
        st.caption(t("agg_note", lang, n=len(shown), k=AGGREGATE_OVER))


def _ringed(view: pd.DataFrame, picked: frozenset, lang: str) -> str:
    """' Ringed: <titles>.' for the picked events in view (the charts' text alternative says
    what the ring marks), else ''."""
    hit = view[view["id"].isin(picked)] if picked else view.iloc[:0]
    return t("ringed", lang, titles="; ".join(reader_titles(hit.head(3), lang))) if len(hit) else ""


def timeline_panel(windowed: pd.DataFrame, frame: pd.DataFrame, *, colors, lanes: str, lang: str,
                   window=None) -> None:
    """The timeline of everything in the time window: a click picks an event (details, ring on
    the map), a box or lasso from its toolbar keeps only the events inside it on the map."""
    picked = frozenset(st.session_state.get("pick", ()))
    fig = build_figure(windowed, colors=colors, lanes=lanes, lang=lang, x_range=window, highlight=picked)
    lane_order = list(fig.layout.yaxis.categoryarray or [])
    st.plotly_chart(fig, key=selection.chart_key("timeline"),
                    on_select=partial(selection.on_timeline_select, frame, lane_order, lanes, lang),
                    selection_mode=("points", "box", "lasso"),
                    config={"displaylogo": False},
                    alt=timeline_alt(windowed, lang) + _ringed(windowed[windowed["date_start"].notna()], picked, lang))


def event_list(shown: pd.DataFrame, kind: str, lang: str) -> None:
    """The events in view the other chart cannot draw, as a list of buttons: `kind` "undated"
    (beside the timeline) or "unlocated" (beside the map). A click opens the details and rings
    the event, as a click on a chart does; the count is the caption's."""
    rows = shown[shown[kind]]
    focus = st.session_state.get("focus")
    st.html(f'<div data-testid="geo-{kind}"><b>{esc(t(kind + "_list", lang))}</b> ({number(len(rows), lang)})</div>')
    if rows.empty:
        st.caption(t("none", lang))
        return
    head = rows.head(LIST_MAX)
    where = [p or t("no_place", lang) for p in head["place_name"]] if kind == "undated" else \
        [one_date(d, s0, s1, p, lang, undated=t("no_date", lang)) for d, s0, s1, p in zip(
            head["date_text"], head["date_start"], head["date_end"], head["date_precision"])]
    with st.container(height=min(44 + 36 * len(head), 190), border=False, key=f"geo-{kind}-items"):
        for eid, title, extra in zip(head["id"], reader_titles(head, lang), where):
            st.button(f"{md_escape(title)} · {md_escape(extra)}", key=f"{kind}-{eid}",
                      type="primary" if eid == focus else "tertiary", on_click=selection.pick, args=(eid,))
        if len(rows) > LIST_MAX:
            st.caption(t("list_capped", lang, k=LIST_MAX, n=len(rows)))


def table_panel(shown: pd.DataFrame, events: Events, lang: str) -> None:
    """The events in view as a selectable table (the first TABLE_MAX) with CSV and GeoJSON downloads
    of all of them, built only when clicked."""
    if len(shown) > TABLE_MAX:
        st.caption(t("table_capped", lang, k=TABLE_MAX, n=len(shown)))
    everything, shown = shown, shown.head(TABLE_MAX)
    table = pd.DataFrame({
        t("col_title", lang): reader_titles(shown, lang),
        # no cell shows "None": a missing date or place says so in words
        t("col_date", lang): [as_written(v, s, undated=t("no_date", lang), unwritten=t("not_written", lang))
                              for v, s in zip(shown["date_text"], shown["date_start"])],
        t("col_start", lang): shown["date_start"].dt.strftime("%Y-%m-%d").fillna("–"),
        t("col_end", lang): shown["date_end"].dt.strftime("%Y-%m-%d").fillna("–"),
        t("col_type", lang): shown["event_type"].map(lambda v: t("type_" + v, lang)),
        t("col_place", lang): shown["place_name"].map(lambda v: v or t("no_place", lang)),
        t("col_actors", lang): shown["actors"].map(", ".join),
    })
    st.session_state["_table_ids"] = list(shown["id"])
    st.dataframe(table, key=selection.chart_key("table"), on_select=selection.on_table_select,
                 selection_mode="single-row", hide_index=True, width="stretch",
                 alt=t("table", lang))
    c1, c2, c3 = st.columns(3)
    later = downloads.deferred
    c1.download_button(t("download_csv", lang), later(downloads.to_csv, everything, events), "events.csv",
                       "text/csv", key="dl_csv")
    c2.download_button(t("download_geojson", lang), later(downloads.to_geojson, everything, events, events),
                       "events.geojson", "application/geo+json", key="dl_geojson")
    c3.download_button(embed_text(lang)["download"], later(downloads.to_embed_zip, everything, events, events,
                       load_story(events, lang), lang), "story-embed.zip", "application/zip", key="dl_embed",
                       help=embed_text(lang)["download_help"])


def details_panel(frame: pd.DataFrame, documents: dict, lang: str) -> None:
    """The focused event's details, or a hint how to pick one; a sheet on a phone, hidden there
    until an event is picked (_PAGE_CSS), with a button that closes it."""
    focus = st.session_state.get("focus")
    rows = frame[frame["id"] == focus]
    with st.container(key="geo-details-empty" if rows.empty else "geo-details-sheet"):
        st.header(t("details", lang))  # h2 like the sidebar's: an h3 under the h1 skipped a level (axe: heading-order)
        if rows.empty:
            st.caption(t("details_hint", lang))
            return
        st.html(details_html(rows.iloc[0], documents, lang))
        st.button(t("close_details", lang), on_click=selection.clear, key="close_details", type="secondary")
