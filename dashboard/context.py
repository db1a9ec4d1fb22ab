"""What the map shows around the events when it has no tiles: first-level subdivision lines
(Bundesländer, provinces, US states) and the names of towns and cities near the events.

All from the reference data in geo/ref, offline. Only what lies in or near the view travels
to the browser: the lines are clipped to the view and simplified to about a pixel, and the
places are the larger ones in view (the smallest population labelled grows with the view's
extent, see LABEL_TIERS) plus the few most populous around each event, which show once the
reader zooms in (the label layer hides a label that would overlap a more populous one).
"""
from __future__ import annotations

import csv
import functools
import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box, shape

# (widest side of the view in degrees, smallest population labelled there): a town of 2,000
# is context in a view of a county, noise in a view of a continent.
LABEL_TIERS = ((1.0, 500), (3.0, 5_000), (8.0, 20_000), (20.0, 100_000), (45.0, 500_000), (100.0, 2_000_000))
WORLD_MIN_POPULATION = 5_000_000
VIEW_LABELS = 60  # at most, the most populous places in view that pass the tier
NEAR_DEG = 0.5  # about 50 km: the towns around an event, what a view at zoom 8 shows
NEAR_LABELS = (3, 12, 240)  # per event place the most populous within NEAR_DEG: 12, fewer when
#                             there are many places (240 in all), but at least 3
NEAR_PLACES = 100  # event places that get their neighbours (the first ones)
# An event is at the most populous place that reaches its point: a town reaches 0.02° (about
# 2 km) from its own point, a city farther, with the root of its population (Berlin: 0.17°).
AT_EVENT_DEG = 0.02
AT_EVENT_POPULATION = 50_000
LINES_UP_TO = 60.0  # subdivision lines only in views up to this wide: wider, the countries say enough
# The deck's first view in pixels, a little larger than the map usually is: the context reaches
# past the edges, so a small pan still finds it.
VIEW_PX = (900, 560)
GERMAN_NAMES = Path(__file__).with_name("place_names_de.txt")
# Muted purple, as printed maps draw administrative borders: apart from the grey country outline,
# lighter than the events, and not one of their colours.
SUBDIVISION_LINE = [150, 120, 170, 200]
LABEL_TEXT = [70, 70, 70, 255]
LAND = [238, 236, 230]  # the offline outline's fill (map_layers.build_deck)


@dataclass(frozen=True)
class Places:
    """The gazetteer's cities and towns as arrays, west to east: names, German names, points,
    populations."""

    names: list
    names_de: list
    lon: np.ndarray
    lat: np.ndarray
    population: np.ndarray

    def near(self, lon: float, lat: float, dlon: float, dlat: float) -> np.ndarray:
        """The rows within dlon and dlat degrees of a point (the rows are sorted by longitude)."""
        lo, hi = np.searchsorted(self.lon, [lon - dlon, lon + dlon], side="left")
        return lo + np.flatnonzero(np.abs(self.lat[lo:hi] - lat) <= dlat)


def _table(path) -> "pd.DataFrame":
    import pandas as pd

    with path.open("rb") as fh:
        return pd.read_csv(fh, sep="\t", quoting=csv.QUOTE_NONE, usecols=["name", "lat", "lon", "population", "alternates"],
                           keep_default_na=False, dtype={"name": str, "alternates": str},
                           compression="gzip" if path.name.endswith(".gz") else None)


def german_names(names: list[str], alternates: list[str], population) -> dict[int, str]:
    """Row -> German name, for the German exonyms in place_names_de.txt ("Mailand", "München"):
    each goes to the most populous place that lists it among its other names, unless a bigger
    place bears it as its own name (a "Minsk" in Poland lists the Belarusian capital's name; the
    village Rom in Mecklenburg does not keep Rome from "Rom"). The postal table's villages
    (population 0: a "Tokio" in Texas, a "Trient" in Valais) claim no name."""
    wanted = {line.strip() for line in GERMAN_NAMES.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    own: dict[str, int] = {}
    for n, p in zip(names, population):
        if p and n in wanted:
            own[n] = max(own.get(n, 0), p)
    best: dict[str, int] = {}
    for i, alts in enumerate(alternates):
        for alt in set(alts.split("|")) & wanted if alts else ():
            if population[i] > own.get(alt, 0) and (alt not in best or population[i] > population[best[alt]]):
                best[alt] = i
    return {i: name for name, i in best.items()}


@functools.lru_cache(maxsize=1)
def places() -> Places:
    """Every city (cities.tsv), town (towns.tsv.gz) and village (postal_towns.tsv.gz) of the
    gazetteer, read once per process."""
    import pandas as pd

    ref = resources.files("geo") / "ref"
    table = pd.concat([_table(ref / f) for f in ("cities.tsv", "towns.tsv.gz", "postal_towns.tsv.gz")], ignore_index=True)
    # west to east, so the places near a point are a slice (Places.near)
    table = table.sort_values("lon", kind="stable", ignore_index=True)
    names = table["name"].tolist()
    population = table["population"].to_numpy(dtype=np.int64)
    german = german_names(names, table["alternates"].tolist(), population)
    return Places(names=names, names_de=[german.get(i, n) for i, n in enumerate(names)],
                  lon=table["lon"].to_numpy(dtype=float), lat=table["lat"].to_numpy(dtype=float), population=population)


def view_box(longitude: float, latitude: float, zoom: float, px: tuple[int, int] = VIEW_PX) -> tuple:
    """(west, south, east, north) of a deck.gl map view (Web Mercator, 512 px world at zoom 0)."""
    world = 512 * 2 ** zoom
    half_lon = px[0] / world * 180
    y = _merc_y(latitude) * world
    north, south = _merc_lat((y - px[1] / 2) / world), _merc_lat((y + px[1] / 2) / world)
    return (max(-180.0, longitude - half_lon), max(-85.0, south), min(180.0, longitude + half_lon), min(85.0, north))


def _merc_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2


def _merc_lat(y: float) -> float:
    y = max(0.0, min(1.0, y))
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def extent(bbox: tuple) -> float:
    """The widest side of a box in degrees of latitude (east-west shrunk by the cosine)."""
    w, s, e, n = bbox
    return max((e - w) * math.cos(math.radians((s + n) / 2)), n - s)


def min_population(bbox: tuple) -> int:
    """The smallest population labelled in a view of `bbox` (LABEL_TIERS)."""
    span = extent(bbox)
    return next((p for up_to, p in LABEL_TIERS if span <= up_to), WORLD_MIN_POPULATION)


def _safe(name: str) -> str:
    """A name as plain text for the label layer: no control characters, and none that starts
    like a deck.gl JSON expression ("@@=")."""
    name = "".join(c for c in name if c.isprintable()).strip()
    return "" if name.startswith("@@") else name


def place_labels(bbox: tuple, points: list[tuple[float, float]] = (), *, lang: str = "en",
                 neighbours: bool = True) -> list[dict]:
    """Labels of the places in `bbox` above min_population(bbox) (the VIEW_LABELS most populous,
    none within 1/40 of the view of a larger one) and, for each event point, of the place it is
    at and the most populous within NEAR_DEG of it (NEAR_LABELS): [{name, lon, lat, rank,
    at_event}], rank growing with population (a label's priority when two would overlap),
    at_event for the place an event is at (AT_EVENT_DEG). A city's districts ("Hamburg-Nord") lie
    too close to the city to get a label of their own. Without `neighbours` (a map that does not
    zoom in) an event point gets the place it is at only."""
    pl = places()
    w, s, e, n = bbox
    inside = (pl.lon >= w) & (pl.lon <= e) & (pl.lat >= s) & (pl.lat <= n)
    chosen = _spread(np.flatnonzero(inside & (pl.population >= min_population(bbox))), pl, VIEW_LABELS,
                     extent(bbox) / 40)
    spots = list(dict.fromkeys((round(x, 2), round(y, 2)) for x, y in points))[:NEAR_PLACES]
    least, most, total = NEAR_LABELS
    each = max(least, min(most, total // max(len(spots), 1)))
    marked: set[int] = set()
    for lon, lat in spots:
        close = pl.near(lon, lat, NEAR_DEG / max(0.2, math.cos(math.radians(lat))), NEAR_DEG)
        reach = AT_EVENT_DEG * np.sqrt(np.maximum(pl.population[close] / AT_EVENT_POPULATION, 1.0))
        at = _spread(close[np.hypot((pl.lon[close] - lon) * math.cos(math.radians(lat)), pl.lat[close] - lat) < reach],
                     pl, 1, 0)
        marked.update(at)
        chosen += at + (_spread(close, pl, each, NEAR_DEG / 8) if neighbours else [])
    names = pl.names_de if lang == "de" else pl.names
    out = []
    for i in dict.fromkeys(chosen):
        name = _safe(names[i])
        if name:
            out.append({"name": name, "lon": round(float(pl.lon[i]), 4), "lat": round(float(pl.lat[i]), 4),
                        "rank": int(round(math.log10(max(int(pl.population[i]), 1)) * 10)), "at_event": i in marked})
    return out


def _spread(ix: np.ndarray, pl: Places, k: int, gap: float) -> list[int]:
    """Up to `k` of the places `ix`, most populous first, none within `gap` degrees of one
    taken before it (east-west distances shrunk by the cosine of the latitude)."""
    ix = ix[np.argsort(-pl.population[ix], kind="stable")[:20 * k]]
    taken: list[int] = []
    for i in ix.tolist():
        if len(taken) == k:
            break
        if taken:
            t = np.array(taken)
            dx = (pl.lon[t] - pl.lon[i]) * math.cos(math.radians(pl.lat[i]))
            if np.min(np.hypot(dx, pl.lat[t] - pl.lat[i])) < gap:
                continue
        taken.append(i)
    return taken


@functools.lru_cache(maxsize=1)
def _subdivisions() -> tuple:
    """Every first-level subdivision outline (admin1_outlines.geojson.gz and the US states) as
    its boundary lines, with an STRtree over them."""
    ref = resources.files("geo") / "ref"
    with gzip.open(ref.joinpath("admin1_outlines.geojson.gz").open("rb"), "rt", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    features += json.loads(ref.joinpath("us_states.geojson").read_text(encoding="utf-8"))["features"]
    lines = [shape(f["geometry"]).boundary for f in features if f.get("geometry")]
    return lines, shapely.STRtree(lines)


@functools.lru_cache(maxsize=64)
def subdivision_lines(bbox: tuple, tolerance: float | None = None) -> list[list[list[float]]]:
    """The subdivision borders (and coasts) inside `bbox`, simplified by `tolerance` degrees
    (default: about two pixels of a 900-pixel-wide view of the box): [[lon, lat], …] paths.
    None in views wider than LINES_UP_TO."""
    span = extent(bbox)
    if span > LINES_UP_TO:
        return []
    lines, tree = _subdivisions()
    clip = box(*bbox)
    tolerance = tolerance or max(0.002, span / 500)
    digits = 3 if tolerance < 0.01 else 2
    paths = []
    for i in tree.query(clip):
        part = lines[i].intersection(clip).simplify(tolerance, preserve_topology=False)
        for line in getattr(part, "geoms", [part]):
            if line.geom_type == "LineString" and not line.is_empty:
                coords = [[round(x, digits), round(y, digits)] for x, y in line.coords]
                if len(coords) >= 2:
                    paths.append(coords)
    return paths


def context_layers(view_state, points: list[tuple[float, float]], lang: str) -> tuple[list, list]:
    """The deck layers of the map's context for a first view `view_state` (pydeck ViewState) of
    events at `points`: (subdivision lines, to draw under the events; place labels, to draw
    over the translucent areas and under the event points)."""
    import pydeck as pdk

    bbox = tuple(round(v, 2) for v in view_box(view_state.longitude, view_state.latitude, view_state.zoom))
    under, over = [], []
    paths = subdivision_lines(bbox)
    if paths:
        under.append(pdk.Layer(
            "PathLayer", id="context-subdivisions", data=[{"path": p} for p in paths], get_path="path",
            get_color=SUBDIVISION_LINE, get_width=0.8, width_units="'pixels'", pickable=False))
    labels = place_labels(bbox, points, lang=lang)
    text = dict(get_position=["lon", "lat"], get_text="name", get_size=12, size_units="'pixels'",
                get_color=LABEL_TEXT, character_set="'auto'", font_family=_FONT, pickable=False,
                font_settings={"sdf": True, "fontSize": 32, "radius": 8},
                outline_width=3, outline_color=[248, 247, 243, 230],
                _sub_layer_props={"characters": {"textureParameters": {"mipmapFilter": "none"}}})
    # Drawn as glyphs, never as markup. characterSet "auto" gives the atlas every letter the names
    # use (deck.gl's default is ASCII: "München" lost its ü). The glyphs are read from the atlas
    # itself, not from its mipmaps: a 12-pixel name sampled a level where a thin "i" or "l" had
    # faded below the glyph's edge, and lost it ("U m", "Le pzig", with or without the collision
    # filter); a 32-pixel atlas (not deck.gl's 64) keeps an umlaut's dots in the samples.
    # A label that would overlap a more populous place's is hidden until the reader zooms in
    # (CollisionFilterExtension); that test samples the label's anchor, so those labels stand
    # centred on their place, and each is tested as its whole box (an invisible background):
    # the glyphs alone left gaps round the anchor, and a label the test half saw was drawn faint.
    marked, crowded = _uncrowded([x for x in labels if x["at_event"]], view_state.zoom)
    free = [x for x in labels if not x["at_event"]] + crowded
    collide = dict(extensions=[{"@@type": "CollisionFilterExtension"}], get_collision_priority="rank",
                   background=True, get_background_color=[0, 0, 0, 0], background_padding=[2, 2])
    if marked:
        # The place an event is at is named just below its point, always. A copy of each, drawn
        # large in the collision test only, keeps the other names off the point and off that
        # name at every zoom; it is the land's colour at 6 % (the test skips what is almost
        # transparent), which no reader sees.
        faint = {**text, "get_color": LAND + [15], "outline_color": LAND + [15]}
        over.append(pdk.Layer("TextLayer", id="context-event-places-keepout",
                              data=[{**x, "rank": 500 + x["rank"]} for x in marked], **faint, **collide,
                              collision_test_props={"sizeScale": 3.5}))
    if free:
        over.append(pdk.Layer("TextLayer", id="context-labels", data=free, **text, **collide,
                              collision_test_props={"sizeScale": 1.5}))
    if marked:
        over.append(pdk.Layer("TextLayer", id="context-event-places", data=marked, **text,
                              get_pixel_offset=[0, 16]))
    return under, over


def _uncrowded(marked: list[dict], zoom: float) -> tuple[list[dict], list[dict]]:
    """The event places whose names, 16 px under their points, do not overlap a more populous
    one's in the first view; and the others (named like any place, when there is room)."""
    world = 512 * 2 ** zoom
    kept, boxes, crowded = [], [], []
    for x in sorted(marked, key=lambda x: -x["rank"]):
        cx, cy = (x["lon"] + 180) / 360 * world, _merc_y(x["lat"]) * world + 16
        half = 3.6 * len(x["name"]) + 4
        box_ = (cx - half, cy - 9, cx + half, cy + 9)
        if any(box_[0] < b[2] and b[0] < box_[2] and box_[1] < b[3] and b[1] < box_[3] for b in boxes):
            crowded.append({**x, "at_event": False})
            continue
        kept.append(x)
        boxes.append(box_)
    return kept, crowded


_FONT = "'system-ui, -apple-system, Segoe UI, Roboto, sans-serif'"
