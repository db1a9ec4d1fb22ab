"""Validate the development corpus: front matter, gold files, quotes that exist in the text.

    python -m bench.corpus_check [tests/corpus | --corpus tests/corpus_holdout]

Prints one line per problem (file and what is wrong) and a summary; exits 1 on problems.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TOPICS = {"disaster", "accident", "protest", "labour", "court", "crime", "election", "politics",
          "diplomacy", "conflict", "military", "economy", "health", "migration"}


def _types() -> set[str]:
    data = yaml.safe_load((ROOT / "geo" / "ref" / "taxonomy.yaml").read_text(encoding="utf-8"))
    return set(data["types"])


def split_front_matter(raw: str) -> tuple[dict, str]:
    """(metadata, body) exactly as the loader splits a Markdown file with front matter."""
    raw = raw.replace("\r\n", "\n")
    if not raw.startswith("---\n"):
        return {}, raw
    end = raw.find("\n---\n", 4)
    if end < 0:
        return {}, raw
    return yaml.safe_load(raw[4:end]) or {}, raw[end + 5:]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def check(corpus: Path) -> list[str]:
    problems: list[str] = []
    types = _types()
    langs, topics = Counter(), Counter()
    for art in sorted((corpus / "news").glob("*.md")):
        meta, body = split_front_matter(art.read_text(encoding="utf-8"))
        for key in ("title", "outlet", "url", "language", "topic"):
            if not meta.get(key):
                problems.append(f"{art.name}: front matter lacks '{key}'")
        if meta.get("topic") not in TOPICS:
            problems.append(f"{art.name}: topic '{meta.get('topic')}' is not one of {sorted(TOPICS)}")
        langs[meta.get("language")] += 1
        topics[meta.get("topic")] += 1
        if "published" in meta:
            try:
                _date(meta["published"])
            except ValueError:
                problems.append(f"{art.name}: published '{meta['published']}' is not an ISO date")
        gold_path = corpus / "gold" / (art.stem + ".yaml")
        if not gold_path.exists():
            problems.append(f"{art.name}: no gold file {gold_path.name}")
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        events = gold.get("events") or []
        if not events:
            problems.append(f"{gold_path.name}: no events")
        if not any(e.get("headline") for e in events):
            problems.append(f"{gold_path.name}: no headline event")
        for n, e in enumerate(events, 1):
            where = f"{gold_path.name} event {n}"
            quotes = e.get("quotes") or []
            if not quotes:
                problems.append(f"{where}: no quotes")
            for q in quotes:
                if str(q) not in body:
                    problems.append(f"{where}: quote not found in the text: {str(q)[:70]!r}")
            if e.get("type") not in types:
                problems.append(f"{where}: type '{e.get('type')}' is not in geo/ref/taxonomy.yaml")
            if e.get("date") is not None:
                try:
                    a, b = (_date(x) for x in e["date"])
                    if a > b:
                        problems.append(f"{where}: date interval is reversed")
                except (ValueError, TypeError):
                    problems.append(f"{where}: date must be [YYYY-MM-DD, YYYY-MM-DD] or null")
            p = e.get("place")
            if p is not None:
                if not isinstance(p, dict) or not {"name", "lat", "lon", "km"} <= set(p):
                    problems.append(f"{where}: place needs name, lat, lon, km (or null)")
                elif not (-90 <= float(p["lat"]) <= 90 and -180 <= float(p["lon"]) <= 180):
                    problems.append(f"{where}: place coordinates out of range")
    for gold_path in sorted((corpus / "gold").glob("*.yaml")):
        if not (corpus / "news" / (gold_path.stem + ".md")).exists():
            problems.append(f"{gold_path.name}: no article news/{gold_path.stem}.md")
    print(f"articles by language: {dict(langs)}; by topic: {dict(topics)}")
    return problems


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--corpus", type=Path, help="the corpus folder (same as the positional path)")
    args = ap.parse_args(argv)
    problems = check(args.corpus or args.path)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
