"""How two places lie to each other: their distance, whether one lies within the other as far as
their codes tell, and whether a town lies outside a place a text puts it in. `geo.where`,
`geo.roles`, `geo.events` and `geo.merge` ask it; it knows no text."""
from __future__ import annotations

import math

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


_OUTLINES: dict = {}  # (place id, buffer) -> its prepared outline, once per process


def _contains(b: Place, a: Place, buffer: float) -> bool:
    """Whether `a`'s point lies in `b`'s outline grown by `buffer` degrees (prepared once per process)."""
    key = (b.id, buffer)
    if key not in _OUTLINES:
        from shapely import prepared
        from shapely.geometry import shape

        _OUTLINES[key] = prepared.prep(shape(b.geometry).buffer(buffer))
    from shapely.geometry import Point

    return _OUTLINES[key].contains(Point(a.lon, a.lat))


def _on_island(a: Place, b: Place) -> bool:
    """Whether a's point lies on the island b's outline (within about 5 km of its coast: the
    outline is simplified, a harbour town's point may lie just off it); by its radius where the
    island has no outline. Long islands reach far beyond most of their radius (Sumatra's 971 km
    from its point take in Jakarta)."""
    if b.geometry is None:
        return km(a, b) <= max(b.radius_km, 5)
    return _contains(b, a, 0.05)


_SMALL: dict = {}  # region id -> whether its outline is small


# A region up to about the size of a state (2 square degrees, some 20,000 km²): the West Bank, the
# Gaza Strip, the Ruhr; not "North America" or "the Middle East", whose happenings span the region.
_SMALL_REGION_DEG2 = 2.0


def in_region(a: Place, b: Place) -> bool:
    """Whether the town `a` lies inside the outline of `b`, a small region ("Sinjil" in the West Bank);
    never for a region without an outline or a larger one."""
    if b.type != "region" or b.geometry is None or a.type not in ("city", "site"):
        return False
    if b.id not in _SMALL:
        from shapely.geometry import shape

        _SMALL[b.id] = shape(b.geometry).area <= _SMALL_REGION_DEG2
    return _SMALL[b.id] and _contains(b, a, 0.02)


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
