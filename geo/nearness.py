"""How two places lie to each other: their distance, whether one lies within the other as far as
their codes tell, and whether a town lies outside a place a text puts it in. `geo.where`,
`geo.roles`, `geo.events` and `geo.merge` ask it; it knows no text."""
from __future__ import annotations

import math

from geo.records import Place


def lies_in(a: Place, b: Place) -> bool:
    """Whether place a lies within b as far as codes tell (a city within its state or country)."""
    if b.type == "country":
        return a.country_code == b.country_code and a.type != "country"
    if b.type == "admin1":
        return a.type in ("city", "site", "admin2") and a.country_code == b.country_code and a.admin1 == b.admin1
    if b.type == "admin2":  # within its reach from its point: a county has no list of its towns here
        return (a.type in ("city", "site") and a.country_code == b.country_code and a.admin1 == b.admin1
                and km(a, b) <= max(b.radius_km, 5))
    return False


def outside_of(a: Place, b: Place) -> bool:
    """Whether the town `a` lies outside `b`, a place a text says it lies in or near: then the
    gazetteer's `a` is a namesake of the place the text means."""
    if b.type == "admin2":  # a district's reach is an estimate: only a town far outside it is a namesake
        return a.country_code != b.country_code or a.admin1 != b.admin1 or km(a, b) > 2 * b.radius_km + 10
    if b.type in ("country", "admin1"):
        return not lies_in(a, b)
    return b.type == "city" and (abs(a.lat - b.lat) > 0.6 or abs(a.lon - b.lon) > 0.9)


def apart(a: Place, b: Place) -> bool:
    """Farther apart than a city and its districts (about 15 km; a box of latitude and longitude,
    as `outside_of` measures a town near a city)."""
    return abs(a.lat - b.lat) > 0.15 or abs(a.lon - b.lon) > 0.2


def km(a: Place, b: Place) -> float:
    """The great-circle distance between two places' points, in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))
