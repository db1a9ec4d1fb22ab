"""Events -> plotly Figure: day events as markers, longer intervals as bars across their span."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.details import esc
from dashboard.i18n import t
from dashboard.map_layers import GREY
from geo.contract import EVENT_TYPES

# A second, shape-based encoding of event type so colour is never the only cue.
_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon",
            "triangle-down", "pentagon", "hourglass", "circle-open"]
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>%{customdata[4]}<extra></extra>"


def _lanes(row: pd.Series, by: str, lang: str) -> list[str]:
    if by == "actor":
        return list(row["actors"]) or [t("no_actor", lang)]
    return [t("type_" + row["event_type"], lang)]


def _custom(row: pd.Series, lang: str) -> list[str]:
    return [row["id"], esc(row["title"]), esc(row["date_text"] or ""),
            esc(row["place_name"] or t("no_place", lang)), esc(", ".join(row["actors"]) or "–")]


def is_instant(row: pd.Series) -> bool:
    """A day (or shorter) event: drawn as a single marker."""
    return row["date_precision"] == "day" or row["date_start"] == row["date_end"]


def build_figure(view: pd.DataFrame, *, colors: dict[str, str], lanes: str = "type",
                 highlight: frozenset[str] = frozenset(), lang: str = "en",
                 x_range: tuple | None = None) -> go.Figure:
    """The timeline of the dated events in `view`; each marker's customdata[0] is the event id."""
    dated = view.dropna(subset=["date_start"])
    fig = go.Figure()
    lane_names: list[str] = []
    ring_x, ring_y, ring_c = [], [], []
    for i, etype in enumerate(EVENT_TYPES):
        rows = dated[dated["event_type"] == etype]
        if rows.empty:
            continue
        color = colors.get(etype, GREY)
        mx, my, mc, lx, ly = [], [], [], [], []
        for _, row in rows.iterrows():
            end_excl = row["date_end"] + pd.Timedelta(days=1)
            mid = row["date_start"] + (end_excl - row["date_start"]) / 2
            for lane in _lanes(row, lanes, lang):
                if lane not in lane_names:
                    lane_names.append(lane)
                x = row["date_start"] if is_instant(row) else mid
                mx.append(x)
                my.append(lane)
                mc.append(_custom(row, lang))
                if not is_instant(row):
                    lx += [row["date_start"], end_excl, None]
                    ly += [lane, lane, None]
                if row["id"] in highlight:
                    ring_x.append(x)
                    ring_y.append(lane)
                    ring_c.append(_custom(row, lang))
        name = t("type_" + etype, lang)
        if lx:
            fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line={"color": color, "width": 10},
                                     opacity=0.45, hoverinfo="skip", legendgroup=etype,
                                     showlegend=False, name=name))
        fig.add_trace(go.Scatter(
            x=mx, y=my, mode="markers", name=name, legendgroup=etype, customdata=mc,
            hovertemplate=HOVER,
            marker={"color": color, "size": 12, "symbol": _SYMBOLS[i % len(_SYMBOLS)],
                    "line": {"color": "white", "width": 1}}))
    if ring_x:
        fig.add_trace(go.Scatter(
            x=ring_x, y=ring_y, mode="markers", name="★", customdata=ring_c, hovertemplate=HOVER,
            showlegend=False, marker={"size": 22, "symbol": "circle-open", "color": "black",
                                      "line": {"width": 3}}))
    fig.update_layout(
        height=110 + 36 * max(len(lane_names), 1), margin={"l": 10, "r": 10, "t": 30, "b": 30},
        dragmode="select", hovermode="closest", clickmode="event+select",
        showlegend=False,  # the legend under the map names the same colours
        xaxis={"type": "date", "title": None,
               **({"range": [str(x_range[0]), str(x_range[1])]} if x_range else {})},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": lane_names[::-1],
               "title": None, "automargin": True},
    )
    return fig


def timeline_alt(view: pd.DataFrame, lang: str) -> str:
    """A one-sentence text alternative for the timeline."""
    dated = view.dropna(subset=["date_start"])
    if dated.empty:
        return t("timeline_alt", lang, n=0, start="–", end="–")
    return t("timeline_alt", lang, n=len(dated), start=dated["date_start"].min().date().isoformat(),
             end=dated["date_end"].max().date().isoformat())
