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
lists for it, approximately those it mostly covers (ids geo:region/DE-<id>).
Deterministic: sorted, fixed gzip mtime.
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


def _unit(uid: str, entry: dict, kreise: list[str], forms: list[str], lk: dict[str, dict], destatis: dict[str, dict]) -> dict:
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
    en = entry.get("en") or [entry["de"]]
    # (a Regierungsbezirk named after its city is titled with its noun: "Regierungsbezirk Köln", not the city)
    de_title, en_title = (entry["de"], en[0]) if entry.get("bare") else (f"Regierungsbezirk {entry['de']}", f"{en[0]} Government Region")
    return {"id": f"geo:region/DE-{uid}", "name": entry["de"], "name_de": de_title, "name_en": en_title,
            "lat": round(at["lat"], 4), "lon": round(at["lon"], 4), "cc": "DE",
            "a1": states.pop() if len(states) == 1 else "",  # a landscape across Länder lies in none of them
            "pop": sum(int(destatis[a]["population"]) for a in kreise), "radius": radius,
            "forms": entry.get("forms", []) + forms,
            "bare": entry.get("bare", [])}


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
        rows.append(_unit(entry["ags"], entry, kreise, _bezirk_forms(entry), lk, destatis))
    for entry in data.get("landscapes") or []:
        rows.append(_unit(entry["id"], entry, entry["kreise"], [], lk, destatis))
    _write_tsv(REF / "regions.tsv.gz", rows)
    for r in sorted(rows, key=lambda r: r["id"]):
        print(f"{r['id']}\t{r['name_de']}\t{r['lat']},{r['lon']}\t{r['radius']} km\t{r['pop']}\tadmin1 {r['a1'] or '-'}")


if __name__ == "__main__":
    main()
