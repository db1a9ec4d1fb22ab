"""Reader-facing dashboard: `streamlit run dashboard/app.py` (events file from env GEO_EVENTS)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run` only adds dashboard/

import streamlit as st  # noqa: E402

from dashboard import a11y, data, keyboard, panels, selection, sidebar, urlstate, widget_words  # noqa: E402
from dashboard.i18n import t  # noqa: E402
from dashboard.map_layers import type_colors  # noqa: E402

url_filters, url_view = urlstate.read_query_params(default_lang=data.default_language())
st.session_state.setdefault("lang", url_view.lang)
lang = st.session_state["lang"]
events = data.load_events_or_stop(lang)
frame = events.frame_for(lang)  # places by the reader's names, shared by all sessions
story = data.load_story(events, lang)
st.set_page_config(page_title=story.title, page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed" if url_view.embed else "auto")
panels.page_style()
a11y.page_style()
st.sidebar.radio("Sprache / Language", ["de", "en"], key="lang", horizontal=True,
                 format_func={"de": "Deutsch", "en": "English"}.get)
if "_seeded" not in st.session_state:
    sidebar.seed(url_filters, frame)
    selection.seed(url_view)
    st.session_state["_seeded"] = True

if not url_view.embed:
    panels.story_header(story, events.documents, lang)
filters = sidebar.render(frame, events.documents, lang)
lanes = st.sidebar.radio(t("lanes", lang), ["type", "actor"], key="lanes", horizontal=True,
                         format_func=lambda v: t("lanes_" + v, lang))
filtered = data.filter_events(events, filters, lang)
count_line = st.empty()
colors = type_colors(list(frame["event_type"]))
# Map, details, timeline: side by side from 1100 px, the details on a row of their own under map
# and timeline below that (panels._PAGE_CSS); on a phone the columns stack, the details a sheet
# right under the map. The second row holds what belongs under each chart.
map_col, details_col, time_col = st.columns([5, 3, 5])
under_map, under_time = st.columns([1, 1])
with under_time:
    window = selection.time_window(frame, lang)  # drawn under the timeline, read before it
windowed = selection.in_window(filtered, window)
shown = selection.restrict(windowed, st.session_state.get("sel", ()))
with count_line:
    panels.caption(shown, len(frame), lang)
with map_col:
    panels.map_panel(shown, outline=data.load_outline(), colors=colors, lang=lang,
                     height=320 if url_view.embed else 460)
with time_col:
    panels.timeline_panel(windowed, frame, colors=colors, lanes=lanes, lang=lang, window=window)
with under_map:
    panels.legend_panel(shown, colors=colors, lang=lang)
    panels.event_list(shown, "unlocated", lang)
with under_time:
    panels.event_list(shown, "undated", lang)
with details_col:
    panels.details_panel(frame, events.documents, lang)
if not url_view.embed:
    panels.table_panel(shown, events, lang)
keyboard.render()
widget_words.render(lang)

urlstate.write_query_params(filters, urlstate.ViewState(
    lanes=lanes, window=window, selected=tuple(st.session_state.get("sel", ())),
    focus=st.session_state.get("focus"), lang=lang, embed=url_view.embed))
