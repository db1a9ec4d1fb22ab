"""Events -> pydeck Deck: points for sites/cities, translucent areas for regions, an offline outline
with subdivision borders and place names around the events (dashboard/context.py)."""
from __future__ import annotations

import functools
import json
import math
import os
import socket

import pandas as pd
import pydeck as pdk
from shapely.geometry import shape

from dashboard.context import LAND, context_layers
from dashboard.dates import one_date
from dashboard.frame import AREA_TYPES
from dashboard.details import esc, reader_titles
from dashboard.i18n import t
from geo.contract import EVENT_TYPES, TAXONOMY

# Above this many located events in view the map shows counts per cell, not single events.
AGGREGATE_OVER = 5000

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
# Black is left out: it would hide the outline and read as "selected".
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442"]
GREY = "#999999"
SELECTED_LINE = [0, 0, 0, 255]


def type_colors(types: list[str]) -> dict[str, str]:
    """Colour per event type present: the taxonomy's colour for the type (geo/ref/taxonomy.yaml),
    so a type keeps its colour whatever else is shown; 'other' and unknown types are grey."""
    types = set(pd.unique(pd.Series(types, dtype=object))) if len(types) > 1000 else set(types)
    colors = {x: TAXONOMY["types"][x]["colour"] for x in EVENT_TYPES if x in types and x != "other"}
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
    return (f'<div data-testid="geo-legend"><small><b>{esc(t("legend", lang))}:</b> {items}<br>'
            f'{esc(t("legend_shapes", lang))}</small></div>')


def _is_area(row: pd.Series) -> bool:
    return row["place_type"] in AREA_TYPES and isinstance(row["place_geometry"], dict)


def _area_mask(view: pd.DataFrame) -> pd.Series:
    mask = view["place_type"].isin(AREA_TYPES)
    if mask.any():
        mask[mask] = view.loc[mask, "place_geometry"].map(lambda g: isinstance(g, dict)).astype(bool)
    return mask


@functools.lru_cache(maxsize=4096)
def _shape_bounds(key: str, geometry_json: str) -> tuple | None:
    try:
        return shape(json.loads(geometry_json)).bounds
    except (ValueError, TypeError, AttributeError):
        return None


def _bounds(view: pd.DataFrame) -> tuple[float, float, float, float] | None:
    xs, ys = [], []
    view = view[["lon", "lat", "place_id", "place_name", "place_type", "place_geometry"]]
    areas = _area_mask(view)
    fallback = pd.Series(False, index=view.index)
    # Outlines are shared by place: measure each distinct place once, not once per event.
    for (pid, _), grp in view[areas].groupby([view["place_id"].fillna(""), view["place_name"].fillna("")],
                                              sort=False):
        geom = grp["place_geometry"].iloc[0]
        b = _shape_bounds(pid, json.dumps(geom, sort_keys=True)) if pid else None
        if b is None and not pid:
            b = _first_bounds(grp["place_geometry"])
        if b is None:
            fallback[grp.index] = True
            continue
        xs += [b[0], b[2]]
        ys += [b[1], b[3]]
    points = view[(~areas | fallback) & view["lon"].notna()]
    if len(points):
        lon, lat = points["lon"].astype(float), points["lat"].astype(float)
        xs += [lon.min(), lon.max()]
        ys += [lat.min(), lat.max()]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _first_bounds(geometries: pd.Series) -> tuple | None:
    xs, ys = [], []
    for g in geometries:
        try:
            b = shape(g).bounds
        except (ValueError, TypeError, AttributeError):
            continue
        xs += [b[0], b[2]]
        ys += [b[1], b[3]]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _point_bounds(points: pd.DataFrame) -> tuple | None:
    if points.empty:
        return None
    return (points["lon"].min(), points["lat"].min(), points["lon"].max(), points["lat"].max())


def _merge(a: tuple | None, b: tuple | None) -> tuple | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def fit_view(view: pd.DataFrame) -> pdk.ViewState:
    """A view state that shows all the given events (the whole world when none are located)."""
    return _view_state(_bounds(view))


def _view_state(b: tuple | None) -> pdk.ViewState:
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


def is_aggregated(view: pd.DataFrame) -> bool:
    """True when there are too many located events to draw one by one (see AGGREGATE_OVER)."""
    return int((~view["unlocated"]).sum()) > AGGREGATE_OVER


class Deck(pdk.Deck):
    """A pydeck Deck whose JSON (what Streamlit sends the browser) has no indentation: pydeck
    indents by two spaces, which tripled the bytes of every outline's coordinates."""

    def to_json(self) -> str:
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(view: pd.DataFrame, *, outline: dict | None, colors: dict[str, str],
               highlight: frozenset[str] = frozenset(), lang: str = "en",
               basemap: bool = False) -> pdk.Deck:
    """The map of the events in `view`: each event when few, counts per grid cell and per area
    when more than AGGREGATE_OVER are located (highlighted ids get a black ring)."""
    layers = []
    if outline:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="outline", data=outline, stroked=True, filled=True,
            get_fill_color=LAND + [255], get_line_color=[150, 150, 150, 255],
            line_width_min_pixels=0.6, pickable=False))
    aggregated = is_aggregated(view)
    areas = _area_mask(view)
    if aggregated:  # only the columns the cells need: taking whole rows of 1M events is slow
        area_rows = view.loc[areas, ["place_id", "place_name", "place_type", "place_geometry"]]
        points = view.loc[~areas & view["lon"].notna(), ["lon", "lat"]].astype(float)
        event_layers = _aggregate_layers(area_rows, points, lang)
        view_state = _view_state(_merge(_bounds(area_rows.assign(lon=None, lat=None)), _point_bounds(points)))
        near = []  # counts per cell: the towns in view say enough
    else:
        points = view.loc[~areas & view["lon"].notna()]
        event_layers = _event_layers(view[areas], points, colors, highlight, lang)
        view_state = fit_view(view)
        near = list(zip(points["lon"].astype(float), points["lat"].astype(float)))
    if not basemap:  # the tiles name their places; without them the reference data does
        under, over = context_layers(view_state, near, lang)
        at = next((i for i, layer in enumerate(event_layers) if layer.id == "event-points"), len(event_layers))
        event_layers[at:at] = over
        layers += under
    layers += event_layers
    tooltip = {"html": "<b>{tt_title}</b><br/>{tt_date}<br/>{tt_place}<br/>{tt_actors}",
               "style": {"backgroundColor": "white", "color": "black", "fontSize": "12px"}}
    return Deck(layers=layers, initial_view_state=view_state, tooltip=tooltip,
                    map_provider="carto" if basemap else None,
                    map_style=pdk.map_styles.CARTO_LIGHT if basemap else None)


def _tooltip_frame(view: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tooltip's fields per event, as plain text: Streamlit (pinned 1.67) HTML-escapes every
    value it puts into the `html` tooltip (DeckGlJsonChart's createTooltip); escaping here too
    showed readers "&amp;". tests/browser/test_security.py proves the payloads stay text."""
    no_date, no_place = t("no_date", lang), t("no_place", lang)
    return pd.DataFrame({
        "event_id": view["id"].astype(object),
        "tt_title": reader_titles(view, lang),
        # the date once; one taken from elsewhere (no words of its own) is still a date, not "undated"
        "tt_date": [one_date(d, s0, s1, p, lang, undated=no_date) for d, s0, s1, p in zip(
            view["date_text"], view["date_start"], view["date_end"], view["date_precision"])],
        "tt_place": [p or no_place for p in view["place_name"]],
        "tt_actors": [", ".join(a) or "–" for a in view["actors"]],
    }, index=view.index)


def _event_layers(areas: pd.DataFrame, points: pd.DataFrame, colors: dict[str, str],
                  highlight: frozenset[str], lang: str) -> list[pdk.Layer]:
    layers = []
    if len(areas):
        tips = _tooltip_frame(areas, lang).to_dict("records")
        features, rings = [], []
        for fields, geom, etype, eid in zip(tips, areas["place_geometry"], areas["event_type"], areas["id"]):
            color, chosen = colors.get(etype, GREY), eid in highlight
            is_line = geom.get("type") in ("LineString", "MultiLineString")  # a border: draw it bold
            if chosen and not is_line:
                rings += _outer_rings(geom)
            features.append({"type": "Feature", "geometry": geom,
                             "properties": {**fields, "fill": _rgb(color, 90),
                                            "line": SELECTED_LINE if chosen and is_line else _rgb(color, 220),
                                            "width": (7 if chosen else 5) if is_line else 1}})
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="event-areas", data={"type": "FeatureCollection", "features": features},
            stroked=True, filled=True, pickable=True, auto_highlight=True,
            get_fill_color="properties.fill", get_line_color="properties.line",
            get_line_width="properties.width", line_width_units="'pixels'"))
        if rings:
            # A picked area's ring goes round its outer edge only: round each of a sea's hundreds
            # of islands as well, it drew a black smudge along the coasts (the Caribbean Sea).
            layers.append(pdk.Layer(
                "PathLayer", id="event-area-rings", data=[{"path": r} for r in rings], get_path="path",
                get_color=SELECTED_LINE, get_width=3, width_units="'pixels'", joint_rounded=True,
                cap_rounded=True, pickable=False))
    if len(points):
        data = _tooltip_frame(points, lang)
        chosen = points["id"].isin(highlight)
        data["lon"] = points["lon"].astype(float)
        data["lat"] = points["lat"].astype(float)
        fills = {k: _rgb(v, 220) for k, v in colors.items()}
        data["fill"] = [fills.get(x, _rgb(GREY, 220)) for x in points["event_type"]]
        data["line"] = [SELECTED_LINE if c else [255, 255, 255, 255] for c in chosen]
        data["width"] = chosen.map({True: 3, False: 1}).astype(int)
        data["radius"] = 5 + 3 * points["n_docs"].astype(float) ** 0.5
        # pydeck turns bare strings into accessors; quoted ones stay literal (units above).
        layers.append(pdk.Layer(
            "ScatterplotLayer", id="event-points", data=data.to_dict("records"), pickable=True,
            auto_highlight=True, get_position=["lon", "lat"], get_fill_color="fill", get_line_color="line",
            get_line_width="width", stroked=True, line_width_units="'pixels'",
            get_radius="radius", radius_units="'pixels'"))
    return layers


def _outer_rings(geom: dict) -> list[list]:
    """The outer rings of a Polygon or MultiPolygon (GeoJSON), without its holes."""
    if geom.get("type") == "Polygon":
        return [geom["coordinates"][0]] if geom.get("coordinates") else []
    if geom.get("type") == "MultiPolygon":
        return [poly[0] for poly in geom.get("coordinates") or () if poly]
    return []


# Sequential, colour-blind safe ramp (viridis, 6 steps) for counts: never the event-type colours.
_RAMP = [[253, 231, 37], [122, 209, 81], [34, 168, 132], [42, 120, 142], [65, 68, 135], [68, 1, 84]]


def _ramp(counts, top: int) -> list[list[int]]:
    scale = math.log1p(max(top, 1))
    return [_RAMP[min(len(_RAMP) - 1, int(len(_RAMP) * math.log1p(c) / scale * 0.999))] + [200] for c in counts]


def _cell_degrees(points: pd.DataFrame) -> float:
    """About 120 cells across the points' extent, at a round size between 0.05° and 5°."""
    if points.empty:
        return 1.0
    span = max(float(points["lon"].max() - points["lon"].min()), float(points["lat"].max() - points["lat"].min()))
    for size in (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0):
        if span / size <= 120:
            return size
    return 5.0


def _aggregate_layers(areas: pd.DataFrame, points: pd.DataFrame, lang: str) -> list[pdk.Layer]:
    """Counts per square grid cell (pre-binned here, so only cells travel) and per area."""
    import numpy as np

    layers = []
    if len(areas):
        grouped = areas.groupby(areas["place_id"].fillna(areas["place_name"]).fillna(""), sort=False)
        n = grouped.size()
        first = grouped.first()
        features = [{"type": "Feature", "geometry": first.at[k, "place_geometry"],
                     "properties": {"tt_title": t("agg_cell", lang, n=int(c)), "tt_date": "",
                                    "tt_place": first.at[k, "place_name"] or "", "tt_actors": "", "fill": fill}}
                    for (k, c), fill in zip(n.items(), _ramp(n.tolist(), int(n.max())))]
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="event-areas", data={"type": "FeatureCollection", "features": features},
            stroked=True, filled=True, pickable=True, auto_highlight=True,
            get_fill_color="properties.fill", get_line_color=[80, 80, 80, 160],
            line_width_min_pixels=1))
    if len(points):
        size = _cell_degrees(points)
        ix = np.floor(points["lon"].to_numpy(dtype=float) / size).astype(np.int64)
        iy = np.floor(points["lat"].to_numpy(dtype=float) / size).astype(np.int64)
        keys, n = np.unique((ix + 2**20) * 2**21 + (iy + 2**20), return_counts=True)  # one int per cell
        cells = pd.DataFrame({"ix": keys // 2**21 - 2**20, "iy": keys % 2**21 - 2**20, "n": n})
        x0, y0 = cells["ix"].to_numpy() * size, cells["iy"].to_numpy() * size
        top = int(cells["n"].max())
        data = [{"polygon": [[round(x, 4), round(y, 4)], [round(x + size, 4), round(y, 4)],
                             [round(x + size, 4), round(y + size, 4)], [round(x, 4), round(y + size, 4)]],
                 "n": int(c), "fill": fill, "tt_title": t("agg_cell", lang, n=int(c)), "tt_date": "",
                 "tt_place": f"{y + size / 2:.2f}, {x + size / 2:.2f}", "tt_actors": ""}
                for x, y, c, fill in zip(x0.tolist(), y0.tolist(), cells["n"].tolist(),
                                         _ramp(cells["n"].tolist(), top))]
        layers.append(pdk.Layer(
            "PolygonLayer", id="event-grid", data=data, pickable=True, auto_highlight=True,
            get_polygon="polygon", get_fill_color="fill", stroked=False, filled=True))
    return layers
