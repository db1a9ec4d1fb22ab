"""Sidebar widgets -> FilterState; the first run seeds them from the URL."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.data import frame_memo
from dashboard.details import esc
from dashboard.filters import FilterState, counts, date_bounds
from dashboard import selection
from dashboard.i18n import t
from geo.contract import PLACE_TYPES

KEYS = {"actors": "f_actors", "documents": "f_documents", "outlets": "f_outlets",
        "sources": "f_sources", "types": "f_types", "place_types": "f_place_types"}


def seed(filters: FilterState, frame: pd.DataFrame) -> None:
    """Put URL-given filters into the widgets' session state (values unknown to the data are dropped)."""
    options = _options(frame)
    for field, key in KEYS.items():
        st.session_state[key] = [v for v in getattr(filters, field) if v in options[field]]
    bounds = date_bounds(frame)
    if bounds and (filters.date_from or filters.date_to):
        lo = max(filters.date_from or bounds[0], bounds[0])
        hi = min(filters.date_to or bounds[1], bounds[1])
        st.session_state["f_dates"] = (lo, hi) if lo <= hi else bounds
    st.session_state["f_minconf"] = filters.min_confidence
    st.session_state["f_text"] = filters.text
    st.session_state["f_undated"] = filters.include_undated


def _options(frame: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Each filter's options with their counts; built once per loaded file, shared by sessions."""
    return frame_memo(frame).get("options", lambda: _count_options(frame))


def _count_options(frame: pd.DataFrame) -> dict[str, dict[str, int]]:
    place = counts(frame, "place_type")
    return {
        "actors": dict(counts(frame, "actors").most_common()),
        "documents": dict(counts(frame, "documents").most_common()),
        "outlets": dict(counts(frame, "outlets").most_common()),
        "sources": dict(counts(frame, "cited_sources").most_common()),
        "types": dict(counts(frame, "event_type").most_common()),
        "place_types": {p: place[p] for p in PLACE_TYPES if p in place},
    }


def _labels(frame: pd.DataFrame, documents: dict, field: str, lang: str) -> dict[str, str]:
    """Each option of a filter with its count, as the widget shows it: one string per option
    shared by every session (Streamlit keeps a session's labels until its next rerun, and at
    100k events the documents alone are 20,000)."""
    def doc_label(doc_id):
        meta = documents.get(doc_id, {})
        title = meta.get("title") or doc_id
        return f"{title} — {meta['outlet']}" if meta.get("outlet") else str(title)

    def build():
        fmt = {"types": lambda v: t("type_" + v, lang), "documents": doc_label,
               "place_types": lambda v: t("place_" + v, lang)}.get(field, str)
        return {v: f"{fmt(v)} ({n})" for v, n in _options(frame)[field].items()}

    return frame_memo(frame).get(("labels", field, lang), build)


def reset(bounds: tuple[dt.date, dt.date] | None) -> None:
    """Callback of the reset button: every filter, the time window and the selection back to
    their defaults (the URL follows at the end of the run).

    Widgets are given their default values rather than having their keys removed: a removed
    key is re-created from the value the browser still holds, so the next interaction brought
    the old filters back."""
    for key in KEYS.values():
        st.session_state[key] = []
    st.session_state["f_minconf"], st.session_state["f_text"], st.session_state["f_undated"] = 0.0, "", True
    if bounds:
        st.session_state["f_dates"] = bounds
        st.session_state["window"] = bounds
    st.session_state["playing"] = False
    selection.clear()


def _forget_stale_choices(options: dict, bounds) -> None:
    """After the loader replaced the events file, drop choices the new data no longer has
    (a date range outside its bounds made `date_input` raise and the page crash)."""
    for field, key in KEYS.items():
        chosen = st.session_state.get(key)
        if chosen and any(v not in options[field] for v in chosen):
            st.session_state[key] = [v for v in chosen if v in options[field]]
    picked = st.session_state.get("f_dates")
    if bounds and picked and any(d < bounds[0] or d > bounds[1] for d in picked):
        st.session_state["f_dates"] = bounds


def render(frame: pd.DataFrame, documents: dict, lang: str) -> FilterState:
    """Draw the filter widgets (with counts) and return the resulting state."""
    options = _options(frame)
    _forget_stale_choices(options, date_bounds(frame))
    sb = st.sidebar
    sb.header(t("filters", lang))

    def multi(field, label):
        return tuple(sb.multiselect(
            label, list(options[field]), key=KEYS[field], placeholder=t("choose", lang),
            format_func=_labels(frame, documents, field, lang).__getitem__))

    actors = multi("actors", t("actor", lang))
    types = multi("types", t("event_type", lang))
    docs = multi("documents", t("document", lang))
    outlets = multi("outlets", t("outlet", lang))
    sources = multi("sources", t("cited_source", lang))
    place_types = multi("place_types", t("place_precision", lang))
    date_from = date_to = None
    bounds = date_bounds(frame)
    if bounds:
        st.session_state.setdefault("f_dates", bounds)
        picked = sb.date_input(t("date_range", lang), min_value=bounds[0], max_value=bounds[1],
                               key="f_dates", format="DD.MM.YYYY" if lang == "de" else "YYYY/MM/DD")
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and tuple(picked) != bounds:
            date_from, date_to = picked
        elif isinstance(picked, (tuple, list)) and len(picked) == 1:
            date_from = picked[0]
    for key, default in (("f_minconf", 0.0), ("f_text", ""), ("f_undated", True)):
        st.session_state.setdefault(key, default)
    minconf = sb.slider(t("min_confidence", lang), 0.0, 1.0, step=0.05, key="f_minconf")
    text = sb.text_input(t("search", lang), key="f_text")
    undated = sb.checkbox(t("include_undated", lang), key="f_undated")
    state = FilterState(actors=actors, documents=docs, outlets=outlets, sources=sources, types=types,
                        date_from=date_from, date_to=date_to, place_types=place_types,
                        min_confidence=float(minconf), text=text, include_undated=bool(undated))
    _active_summary(state, lang)
    sb.button(t("reset_filters", lang), on_click=reset, args=(bounds,), key="reset_filters",
              disabled=not (state.active() or selection.is_active(bounds)))
    return state


def _active_summary(state: FilterState, lang: str) -> None:
    active = state.active()
    sb = st.sidebar
    if not active:
        sb.caption(t("no_filters", lang))
        return
    parts = []
    for name, value in active.items():
        if isinstance(value, tuple):
            value = ", ".join(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        parts.append(f"{name}: {value}")
    # Filter values are untrusted text: escaped HTML rather than markdown.
    sb.html(f'<small data-testid="geo-active-filters">{esc(t("active_filters", lang))}: '
            f'{esc("; ".join(parts))}</small>')
