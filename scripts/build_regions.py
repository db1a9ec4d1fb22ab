"""Build geo/ref/regions.tsv.gz: the German Regierungsbezirke and landscapes of regions.yaml.

    .venv/bin/python scripts/build_regions.py --landkreise /tmp/lk/package/data/districts.csv

News places much in a Regierungsbezirk ("in Oberbayern", "in der Oberpfalz", "im
Regierungsbezirk Köln"), which neither GeoNames' cities tables nor admin2.tsv.gz hold. A
Regierungsbezirk is exactly the Kreise whose AGS begins with its three digits, so it is drawn
from admin2.tsv.gz's Landkreise (their seat and radius) and the Destatis table
(npm landkreise-deutschland 3.0.0, as for build_admin2.py: area and population of every Kreis,
kreisfreie Städte too). No German Kreis has an outline in geo/ref, so neither has the unit: its
point is the seat of its Landkreis nearest the Landkreise's area-weighted centre (a point inside
it), `radius_km` the farthest reach of a Landkreis from there (its seat's distance plus its own
radius), an honest uncertainty radius that covers the whole unit. The rows take admin2.tsv.gz's
columns (ids geo:region/DE-<ags>), so the gazetteer reads them as it reads districts and islands.
A landscape ("im Allgäu", "in der Eifel") is drawn the same way from the Kreise regions.yaml
lists for it, approximately those it mostly covers (ids geo:region/DE-<id>). A mountain range or
large natural region ("in den Alpen", "in der Sahara", "in Sibirien") has no Kreise and no outline
in any package here: its point and uncertainty radius are regions.yaml's own (ids geo:region/<id>,
no country where it spans several). Names that take their article ("in den Alpen", "im Spessart")
go to the optional column `article`. Deterministic: sorted, fixed gzip mtime.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_admin2 import REF, _km, _write_tsv  # noqa: E402


def _landkreise() -> dict[str, dict]:
    """admin2.tsv.gz's German Landkreise by AGS: point, admin1, radius."""
    with gzip.open(REF / "admin2.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["id"].removeprefix("geo:admin2/DE-"): {"lat": float(r["lat"]), "lon": float(r["lon"]), "a1": r["admin1"],
                                                          "radius": int(r["radius_km"])}
                for r in rows if r["id"].startswith("geo:admin2/DE-")}


def _bezirk_forms(entry: dict) -> list[str]:
    """A Regierungsbezirk's names with the unit's noun, which need no other evidence."""
    nouns = ["Regierungsbezirk", "Regierungsbezirks"] + (["Bezirk", "Bezirks"] if entry.get("bezirk") else [])
    out = [f"{noun} {entry['de']}" for noun in nouns]
    out += [f"Regierungsbezirk {n}" for n in entry.get("en", []) if n != entry["de"] and " " not in n]
    return out


def _row(uid: str, entry: dict, titled: bool, lat: float, lon: float, cc: str, a1: str, pop: int, radius: int,
         forms: list[str]) -> dict:
    """One row of admin2.tsv.gz's columns (and `article`) for a regions.yaml entry; `titled`: named
    with the Regierungsbezirk's noun, as a unit named after its city is ("Regierungsbezirk Köln")."""
    en = entry.get("en") or [entry["de"]]
    de_title, en_title = (f"Regierungsbezirk {entry['de']}", f"{en[0]} Government Region") if titled \
        else (entry.get("title_de") or entry["de"], en[0])
    return {"id": f"geo:region/{uid}", "name": entry["de"], "name_de": de_title, "name_en": en_title,
            "lat": round(lat, 4), "lon": round(lon, 4), "cc": cc, "a1": a1, "pop": pop, "radius": radius,
            "forms": entry.get("forms", []) + forms, "bare": entry.get("bare", []), "article": entry.get("article", [])}


def _range(entry: dict) -> dict:
    """A mountain range or natural region: its hand-written point and radius; a country only where
    it lies in one."""
    lat, lon = entry["point"]
    cc = entry["countries"][0] if len(entry["countries"]) == 1 else ""
    return _row(entry["id"], entry, False, lat, lon, cc, "", 0, entry["radius"], [])


def _unit(uid: str, entry: dict, kreise: list[str], forms: list[str], lk: dict[str, dict], destatis: dict[str, dict],
          titled: bool = False) -> dict:
    """One row of admin2.tsv.gz's columns for the union of the Kreise `kreise` (AGS codes)."""
    drawn = [a for a in kreise if a in lk]  # the kreisfreie Städte have no row: they lie among the Landkreise
    weight = {a: float(destatis[a]["area_km2"]) for a in drawn}
    total = sum(weight.values())
    lat = sum(lk[a]["lat"] * weight[a] for a in drawn) / total
    lon = sum(lk[a]["lon"] * weight[a] for a in drawn) / total
    core = min(drawn, key=lambda a: (_km(lat, lon, lk[a]["lat"], lk[a]["lon"]), a))
    at = lk[core]
    radius = max(round(_km(at["lat"], at["lon"], lk[a]["lat"], lk[a]["lon"])) + lk[a]["radius"] for a in drawn)
    states = {lk[a]["a1"] for a in drawn}
    return _row(f"DE-{uid}", entry, titled, at["lat"], at["lon"], "DE",
                states.pop() if len(states) == 1 else "",  # a landscape across Länder lies in none of them
                sum(int(destatis[a]["population"]) for a in kreise), radius, forms)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--landkreise", required=True, type=Path, help="landkreise-deutschland data/districts.csv")
    args = ap.parse_args()
    import yaml

    with open(args.landkreise, encoding="utf-8", newline="") as fh:
        destatis = {r["AGS"]: r for r in csv.DictReader(fh, delimiter=";")}
    lk = _landkreise()
    data = yaml.safe_load((REF / "regions.yaml").read_text(encoding="utf-8"))
    rows = []
    for entry in data.get("regierungsbezirke") or []:
        kreise = sorted(a for a in destatis if a.startswith(entry["ags"]))
        # (a Regierungsbezirk named after its city is titled with its noun: "Regierungsbezirk Köln", not the city)
        rows.append(_unit(entry["ags"], entry, kreise, _bezirk_forms(entry), lk, destatis, titled=not entry.get("bare")))
    for entry in data.get("landscapes") or []:
        rows.append(_unit(entry["id"], entry, entry["kreise"], [], lk, destatis))
    rows += [_range(entry) for entry in data.get("ranges") or []]
    _write_tsv(REF / "regions.tsv.gz", rows)
    for r in sorted(rows, key=lambda r: r["id"]):
        print(f"{r['id']}\t{r['name_de']}\t{r['lat']},{r['lon']}\t{r['radius']} km\t{r['pop']}\t{r['cc'] or '-'} {r['a1'] or '-'}")


if __name__ == "__main__":
    main()
