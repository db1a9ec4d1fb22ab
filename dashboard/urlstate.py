"""Filters and selection <-> `st.query_params`, so a URL reopens the same view."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from dashboard.filters import FilterState
from dashboard.i18n import LANGUAGES

# query parameter -> FilterState field, for the multi-valued filters
_LIST_PARAMS = {"actor": "actors", "doc": "documents", "outlet": "outlets", "source": "sources",
                "type": "types", "prec": "place_types"}


@dataclass(frozen=True)
class ViewState:
    """What the reader has selected and how the page is laid out (besides the filters)."""

    lanes: str = "type"
    window: tuple[dt.date, dt.date] | None = None
    selected: tuple[str, ...] = ()
    focus: str | None = None
    lang: str = "en"
    embed: bool = False


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _float(value: str | None, default: float) -> float:
    try:
        return min(max(float(value), 0.0), 1.0) if value else default
    except ValueError:
        return default


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def parse(params: Mapping[str, list[str]], *, default_lang: str = "en") -> tuple[FilterState, ViewState]:
    """Query parameters (each a list of values) -> filter and view state; bad values are ignored."""
    def one(key):
        values = params.get(key) or []
        return values[-1] if values else None

    lists = {field: tuple(v for v in params.get(key, []) if v) for key, field in _LIST_PARAMS.items()}
    filters = FilterState(
        **lists, date_from=_date(one("from")), date_to=_date(one("to")),
        min_confidence=_float(one("minconf"), 0.0), text=one("q") or "",
        include_undated=one("undated") != "0")
    w0, w1 = _date(one("win_from")), _date(one("win_to"))
    lang = one("lang") if one("lang") in LANGUAGES else default_lang
    view = ViewState(
        lanes="actor" if one("lanes") == "actor" else "type",
        window=(w0, w1) if w0 and w1 and w0 <= w1 else None,
        selected=tuple(v for v in params.get("sel", []) if v),
        focus=one("event") or None, lang=lang,
        embed=_truthy(one("embed")) or _truthy(one("compact")))
    return filters, view


def serialize(filters: FilterState, view: ViewState) -> dict[str, list[str]]:
    """Filter and view state -> query parameters; defaults are left out to keep URLs short."""
    out: dict[str, list[str]] = {}
    for key, field in _LIST_PARAMS.items():
        if getattr(filters, field):
            out[key] = list(getattr(filters, field))
    if filters.date_from:
        out["from"] = [filters.date_from.isoformat()]
    if filters.date_to:
        out["to"] = [filters.date_to.isoformat()]
    if filters.min_confidence > 0:
        out["minconf"] = [f"{filters.min_confidence:g}"]
    if filters.text:
        out["q"] = [filters.text]
    if not filters.include_undated:
        out["undated"] = ["0"]
    if view.lanes != "type":
        out["lanes"] = [view.lanes]
    if view.window:
        out["win_from"], out["win_to"] = [view.window[0].isoformat()], [view.window[1].isoformat()]
    if view.selected:
        out["sel"] = list(view.selected)
    if view.focus:
        out["event"] = [view.focus]
    out["lang"] = [view.lang]
    if view.embed:
        out["compact"] = ["true"]
    return out


def read_query_params(*, default_lang: str = "en") -> tuple[FilterState, ViewState]:
    """Parse the current page's query parameters."""
    qp = st.query_params
    params = {key: qp.get_all(key) for key in qp}
    # Streamlit keeps its own `embed` parameter out of st.query_params; st.context reports it,
    # so `?embed=true` also switches this app to its compact layout.
    try:
        if st.context.is_embedded:
            params["embed"] = ["true"]
    except (AttributeError, RuntimeError):
        pass
    return parse(params, default_lang=default_lang)


def write_query_params(filters: FilterState, view: ViewState) -> None:
    """Mirror the state into the URL (only when it changed, to avoid needless browser history)."""
    wanted = serialize(filters, view)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
