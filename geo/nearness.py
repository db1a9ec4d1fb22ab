"""How two places lie to each other: their distance, whether one lies within the other as far as
their codes tell, and whether a town lies outside a place a text puts it in. `geo.where`,
`geo.roles`, `geo.events` and `geo.merge` ask it; it knows no text."""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from geo.records import Place


# The id prefix of islands (geo/ref/islands.tsv.gz): areas the loader keeps at the admin2 level, but
# an island is no unit of its country's subdivisions (Sumatra spans ten provinces, Honshu 34
# prefectures): what lies on it is told by distance, not by the subdivision code its row carries.
ISLAND = "geo:island/"
# The id prefix of Regierungsbezirke, landscapes and ranges (geo/ref/regions.tsv.gz), also admin2-level
# areas (areas.geojson's regions share it but are of type "region", which lies_in does not judge).
REGION = "geo:region/"


def lies_in(a: Place, b: Place) -> bool:
    """Whether place a lies within b as far as codes tell (a city within its state or country)."""
    if b.id.startswith(ISLAND):  # a town on the island, whichever province it is in
        return a.type in ("city", "site") and a.country_code == b.country_code and _on_island(a, b)
    if b.type == "country":
        return a.country_code == b.country_code and a.type != "country"
    if b.type == "admin1":
        return a.type in ("city", "site", "admin2") and a.country_code == b.country_code and a.admin1 == b.admin1
    if b.type == "admin2":  # within its reach from its point: a county has no list of its towns here
        return (a.type in ("city", "site") and _same_country(a, b) and _same_state(a, b)
                and km(a, b) <= max(b.radius_km, 5))
    return False


_COASTS: dict = {}  # island id -> its coast (`_coast`), once per process


def _on_island(a: Place, b: Place) -> bool:
    """Whether a's point lies on the island b's outline (within about 5 km of its coast: the
    outline is simplified, a harbour town's point may lie just off it); by its radius where the
    island has no outline. Long islands reach far beyond most of their radius (Sumatra's 971 km
    from its point take in Jakarta)."""
    if b.geometry is None:
        return km(a, b) <= max(b.radius_km, 5)
    coast = _COASTS.get(b.id)
    if coast is None:
        coast = _COASTS[b.id] = _stored_coasts().get(_outline_key(b.geometry)) or _buffered(b.geometry)
    return _inside(coast, a.lon, a.lat)


_BUFFER = 0.05  # degrees around an island's simplified outline: about 5 km
_OUTLINES = Path(__file__).parent / "ref" / "islands_outlines.geojson.gz"


def _buffered(geometry: dict) -> tuple:
    """An outline buffered by _BUFFER: its bounding box and its rings, each a tuple of points."""
    from shapely.geometry import shape

    area = shape(geometry).buffer(_BUFFER)
    rings = [tuple(r.coords) for p in getattr(area, "geoms", [area]) for r in (p.exterior, *p.interiors)]
    return area.bounds, rings


def _inside(coast: tuple, x: float, y: float) -> bool:
    """Whether the point (x, y) lies inside the buffered outline `coast` (even-odd over all its
    rings: a lake is a hole), as shapely's `contains` says of a point that is not on a ring."""
    (minx, miny, maxx, maxy), rings = coast
    if not (minx <= x <= maxx and miny <= y <= maxy):
        return False
    inside = False
    for ring in rings:
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            if (y1 > y) != (y0 > y) and x < (x0 - x1) * (y - y1) / (y0 - y1) + x1:
                inside = not inside
            x0, y0 = x1, y1
    return inside


def _outline_key(geometry: dict) -> str:
    return hashlib.blake2b(json.dumps(geometry, sort_keys=True).encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _stored_coasts() -> dict:
    """The reference islands' buffered outlines by `_outline_key`, built once per machine in the
    compiled cache: shapely's import and the buffers took about 0.09 CPU-s in every loader
    process that met an island, and a worker that finds them there imports no shapely. Empty
    without a writable cache (each outline is then buffered where it is met)."""
    from importlib.metadata import version

    from geo.ref import compiled

    h = hashlib.blake2b(digest_size=12)
    for part in (sys.version.encode(), version("shapely").encode(), _OUTLINES.read_bytes(), Path(__file__).read_bytes()):
        h.update(part + b"\0")

    def build(folder: Path) -> None:
        with gzip.open(_OUTLINES, "rt", encoding="utf-8") as fh:
            features = json.load(fh)["features"]
        coasts = {_outline_key(f["geometry"]): _buffered(f["geometry"]) for f in features if f.get("geometry")}
        (folder / "coasts.pkl").write_bytes(pickle.dumps(coasts, protocol=5))

    folder = compiled("island-coasts", h.hexdigest(), build)
    if folder is None:
        return {}
    with open(folder / "coasts.pkl", "rb") as fh:
        return pickle.load(fh)


def outside_of(a: Place, b: Place) -> bool:
    """Whether the town `a` lies outside `b`, a place a text says it lies in or near: then the
    gazetteer's `a` is a namesake of the place the text means."""
    if b.id.startswith(ISLAND):
        return a.country_code != b.country_code or not _on_island(a, b)
    if b.type == "admin2":  # a district's reach is an estimate: only a town far outside it is a namesake
        return not _same_country(a, b) or not _same_state(a, b) or km(a, b) > 2 * b.radius_km + 10
    if b.type in ("country", "admin1"):
        return not lies_in(a, b)
    return b.type == "city" and (abs(a.lat - b.lat) > 0.6 or abs(a.lon - b.lon) > 0.9)


def _same_state(a: Place, b: Place) -> bool:
    """Whether a lies in the subdivision of the area b; a landscape across Länder (regions.tsv.gz,
    "Harz", "Eifel": no admin1) is in none of them and judged by its reach alone."""
    return a.admin1 == b.admin1 or (b.id.startswith(REGION) and not b.admin1)


def _same_country(a: Place, b: Place) -> bool:
    """Whether a lies in the country of the area b; a range across borders (regions.tsv.gz, "Alps",
    "Andes": no country) is in none of them and judged by its reach alone."""
    return a.country_code == b.country_code or (b.id.startswith(REGION) and not b.country_code)


def apart(a: Place, b: Place) -> bool:
    """Farther apart than a city and its districts (about 15 km; a box of latitude and longitude,
    as `outside_of` measures a town near a city)."""
    return abs(a.lat - b.lat) > 0.15 or abs(a.lon - b.lon) > 0.2


def km(a: Place, b: Place) -> float:
    """The great-circle distance between two places' points, in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))
