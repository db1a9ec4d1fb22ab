"""Events -> pydeck Deck: points for sites/cities, translucent areas for regions, an offline outline."""
from __future__ import annotations

import functools
import math
import os
import socket

import pandas as pd
import pydeck as pdk
from shapely.geometry import shape

from dashboard.data import AREA_TYPES
from dashboard.details import esc
from dashboard.i18n import t
from geo.contract import EVENT_TYPES

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
# Black is left out: it would hide the outline and read as "selected".
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442"]
GREY = "#999999"
SELECTED_LINE = [0, 0, 0, 255]


def type_colors(types: list[str]) -> dict[str, str]:
    """Colour per event type present, in vocabulary order; 'other' and overflow types are grey."""
    present = [x for x in EVENT_TYPES if x in set(types) and x != "other"]
    colors = {x: OKABE_ITO[i] if i < len(OKABE_ITO) else GREY for i, x in enumerate(present)}
    colors["other"] = GREY
    return colors


def _rgb(hex_color: str, alpha: int = 255) -> list[int]:
    h = hex_color.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def legend_html(colors: dict[str, str], types: list[str], lang: str) -> str:
    """A legend of the event types shown, as escaped HTML."""
    items = "".join(
        f'<span style="white-space:nowrap;margin-right:0.8em"><span style="display:inline-block;'
        f'width:0.9em;height:0.9em;background:{colors.get(x, GREY)};border:1px solid #333;'
        f'vertical-align:middle"></span> {esc(t("type_" + x, lang))}</span>'
        for x in EVENT_TYPES if x in set(types))
    return f'<div data-testid="geo-legend"><small><b>{esc(t("legend", lang))}:</b> {items}</small></div>'


def _tooltip_fields(row: pd.Series, lang: str) -> dict:
    # deck.gl inserts tooltip values as HTML, so every value is escaped here.
    date = row["date_text"] or t("no_date", lang)
    return {
        "event_id": row["id"],
        "tt_title": esc(row["title"]),
        "tt_date": esc(date),
        "tt_place": esc(row["place_name"] or t("no_place", lang)),
        "tt_actors": esc(", ".join(row["actors"]) or "–"),
    }


def _is_area(row: pd.Series) -> bool:
    return row["place_type"] in AREA_TYPES and isinstance(row["place_geometry"], dict)


def _bounds(view: pd.DataFrame) -> tuple[float, float, float, float] | None:
    xs, ys = [], []
    for _, row in view.iterrows():
        if _is_area(row):
            try:
                b = shape(row["place_geometry"]).bounds
                xs += [b[0], b[2]]
                ys += [b[1], b[3]]
                continue
            except (ValueError, TypeError, AttributeError):
                pass
        if pd.notna(row["lon"]):
            xs.append(row["lon"])
            ys.append(row["lat"])
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def fit_view(view: pd.DataFrame) -> pdk.ViewState:
    """A view state that shows all the given events (the whole world when none are located)."""
    b = _bounds(view)
    if b is None:
        return pdk.ViewState(longitude=10, latitude=30, zoom=0.8)
    lon_span, lat_span = max(b[2] - b[0], 0.05), max(b[3] - b[1], 0.05)
    zoom = min(math.log2(360 / lon_span), math.log2(170 / lat_span)) - 0.6
    return pdk.ViewState(longitude=(b[0] + b[2]) / 2, latitude=(b[1] + b[3]) / 2,
                         zoom=max(0.5, min(zoom, 4.5)))


@functools.lru_cache(maxsize=1)
def _online() -> bool:
    try:
        socket.create_connection(("basemaps.cartocdn.com", 443), timeout=0.4).close()
        return True
    except OSError:
        return False


def basemap_enabled() -> bool:
    """Carto basemap (no token) only when reachable; env GEO_BASEMAP=carto|none overrides."""
    choice = os.environ.get("GEO_BASEMAP", "auto").lower()
    return choice == "carto" or (choice == "auto" and _online())


def build_deck(view: pd.DataFrame, *, outline: dict | None, colors: dict[str, str],
               highlight: frozenset[str] = frozenset(), lang: str = "en",
               basemap: bool = False) -> pdk.Deck:
    """The map of the events in `view`; highlighted ids get a black ring."""
    layers = []
    if outline:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="outline", data=outline, stroked=True, filled=True,
            get_fill_color=[238, 236, 230, 255], get_line_color=[150, 150, 150, 255],
            line_width_min_pixels=0.6, pickable=False))
    areas, points = [], []
    for _, row in view.iterrows():
        color = colors.get(row["event_type"], GREY)
        chosen = row["id"] in highlight
        fields = _tooltip_fields(row, lang)
        if _is_area(row):
            areas.append({"type": "Feature", "geometry": row["place_geometry"],
                          "properties": {**fields, "fill": _rgb(color, 90),
                                         "line": SELECTED_LINE if chosen else _rgb(color, 220),
                                         "width": 3 if chosen else 1}})
        elif pd.notna(row["lon"]):
            points.append({**fields, "lon": row["lon"], "lat": row["lat"],
                           "fill": _rgb(color, 220), "line": SELECTED_LINE if chosen else [255, 255, 255, 255],
                           "width": 3 if chosen else 1,
                           "radius": 5 + 3 * math.sqrt(row["n_docs"])})
    # pydeck turns bare strings into accessors; quoted ones stay literal (units above).
    if areas:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="event-areas", data={"type": "FeatureCollection", "features": areas},
            stroked=True, filled=True, pickable=True, auto_highlight=True,
            get_fill_color="properties.fill", get_line_color="properties.line",
            get_line_width="properties.width", line_width_units="'pixels'"))
    if points:
        layers.append(pdk.Layer(
            "ScatterplotLayer", id="event-points", data=points, pickable=True, auto_highlight=True,
            get_position=["lon", "lat"], get_fill_color="fill", get_line_color="line",
            get_line_width="width", stroked=True, line_width_units="'pixels'",
            get_radius="radius", radius_units="'pixels'"))
    tooltip = {"html": "<b>{tt_title}</b><br/>{tt_date}<br/>{tt_place}<br/>{tt_actors}",
               "style": {"backgroundColor": "white", "color": "black", "fontSize": "12px"}}
    return pdk.Deck(layers=layers, initial_view_state=fit_view(view), tooltip=tooltip,
                    map_provider="carto" if basemap else None,
                    map_style=pdk.map_styles.CARTO_LIGHT if basemap else None)
