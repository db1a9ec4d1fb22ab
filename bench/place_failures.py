"""Why found events have the wrong place, in counts only (safe on the held-out corpus).

    python -m bench.place_failures --corpus tests/corpus_holdout --events EVENTS.geojson [--all]
    python -m bench.place_failures --corpus tests/corpus --events EVENTS.geojson --list [--language de]

For each found event (headline events unless --all) whose place misses the gold tolerance, one
class: `absent` (no form in the text that the gazetteer knows lies within the tolerance: a
gazetteer gap) or `named` (the text names such a place and the loader chose another: a
selection error), split by what was chosen (`coarse`: a state, country, district, region or sea
or nothing; `town`: a point) and, for `named`, the level of the right place it missed, with
`namesake` when a name in the text reads as both the chosen place and a right one. It tells
the next step whether to add reference data or to choose better; it never prints text.
`--split`: every found event with a gold place by where its place came from (own sentence, or
inherited from the document, the paragraph or another source), right or the level chosen, and
where the text names the right place (`named_where`). `--list` (development corpus only: it refuses
the held-out one) prints each found event with a wrong place, by its split, with its document, id,
places and first gold quote, to read with `geo.load --explain`.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.corpus_check import split_front_matter
from bench.score import _km, _read, place_ok, refuse_held_out, score

COARSE = {"admin1", "country", "region", "admin2", "sea"}


def _text(path: Path) -> str:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    return (meta.get("title") or "") + "\n" + body


def named_levels(text: str, gold: dict, gazetteer, floor: float = 10.0, chosen: str | None = None) -> set[str]:
    """Levels of the gazetteer places the text names (whole words, strict forms too) within the tolerance
    (at least `floor` km); with the chosen place's id, "namesake" too when one name in the text reads as
    both the chosen place and a right one (the wrong one of two namesakes)."""
    tol = max(float(gold["km"]), floor)
    hit = set()
    for end, surface in gazetteer.automaton.iter(text):
        start = end - len(surface) + 1
        if start > 0 and text[start - 1].isalnum() or end + 1 < len(text) and text[end + 1].isalnum():
            continue
        cands = gazetteer.candidates(surface) + gazetteer.strict(surface)
        right = {c.place.type for c in cands
                 if _km(c.place.lat, c.place.lon, float(gold["lat"]), float(gold["lon"])) <= tol}
        hit |= right
        if right and chosen and any(c.place.id == chosen for c in cands):
            hit.add("namesake")
    return hit


def named_where(text: str, gold: dict, quotes: list[str], gazetteer, floor: float = 10.0) -> str:
    """Where the text first names a right place (within the tolerance, at least `floor` km):
    "sent" inside one of the gold quotes, "first600" in the first 600 characters, "later"
    elsewhere, "absent" nowhere: whether the event's own sentence, the lede or a later
    paragraph could have placed it."""
    tol = max(float(gold["km"]), floor)
    spans = [(i, i + len(q)) for q in quotes if q and (i := text.find(q)) >= 0]
    first = None
    for end, surface in gazetteer.automaton.iter(text):
        start = end - len(surface) + 1
        if start > 0 and text[start - 1].isalnum() or end + 1 < len(text) and text[end + 1].isalnum():
            continue
        if not any(_km(c.place.lat, c.place.lon, float(gold["lat"]), float(gold["lon"])) <= tol
                   for c in gazetteer.candidates(surface) + gazetteer.strict(surface)):
            continue
        if any(a <= start < b for a, b in spans):
            return "sent"
        first = start if first is None else min(first, start)
    return "absent" if first is None else "first600" if first < 600 else "later"


def _inherited_from(p: dict) -> str:
    """Where an inherited place came from, by the event's explanation: "inh:doc" (the document's
    lede, headline, dateline or outlet), "inh:par" (its paragraph or entry) or "inh:other" (a court's
    seat, a state's town or capital)."""
    said = " ".join(str(x[1]) for x in p.get("explanation") or [] if x and x[0] == "place")
    return "inh:doc" if "inherited from the document" in said else "inh:par" if "inherited from the paragraph" in said \
        else "inh:other"


def split_key(p: dict, g: dict, text: str, gazetteer) -> tuple[str, str, str]:
    """A found event's split: inherited (and whence) or own place; right, or the level chosen and
    where the text names the right place."""
    how = _inherited_from(p) if p.get("place_inherited") else "own"
    if place_ok(p, g["place"]):
        return how, "right", ""
    chosen = "coarse" if p.get("place_type") in COARSE or not p.get("point") else "town"
    return how, chosen, named_where(text, g["place"], g.get("quotes") or [], gazetteer)


def listing(corpus: Path, events: list[dict], gazetteer, language: str | None = None) -> list[str]:
    """Development corpus only: each found event with a wrong place, by its split, with the document,
    the event's id and place, the gold place and its first quote, to read with `geo.load --explain`."""
    refuse_held_out(corpus, "bench.place_failures --list")
    lines = []
    for r in score(corpus, events):
        if language and r["lang"] != language:
            continue
        text = None
        for gi, (pi, _) in r["matched"].items():
            g, p = r["gold"][gi], r["preds"][pi]
            if g.get("place") is None or place_ok(p, g["place"]):
                continue
            text = text if text is not None else _text(corpus / "news" / r["doc"])
            quote = ((g.get("quotes") or [""])[0] or "").replace("\n", " ")[:160]
            lines.append(f"{r['lang']}  {' '.join(split_key(p, g, text, gazetteer))}  {r['doc']}  {p.get('id')}  "
                         f"chose {p.get('place_name')} ({p.get('place_type')}), gold {g['place'].get('name')}  | {quote}")
    return lines


def classify(corpus: Path, events: list[dict], gazetteer, every: bool = False, split: bool = False) -> Counter:
    """(language, chosen, class) -> count over the found events with a wrong place; with `split`,
    (language, inherited or own place, chosen, where the right place is named) for every found
    event with a gold place (right ones too)."""
    out: Counter = Counter()
    for r in score(corpus, events):
        text = None
        for gi, (pi, _) in r["matched"].items():
            g, p = r["gold"][gi], r["preds"][pi]
            if not (every or g.get("headline")) or g.get("place") is None:
                continue
            text = text if text is not None else _text(corpus / "news" / r["doc"])
            if split:
                out[(r["lang"], *split_key(p, g, text, gazetteer))] += 1
                continue
            if place_ok(p, g["place"]):
                out[(r["lang"], "right", "")] += 1
                continue
            hit = named_levels(text, g["place"], gazetteer, chosen=p.get("place_id"))
            chosen = "coarse" if p.get("place_type") in COARSE or not p.get("point") else "town"
            out[(r["lang"], chosen, "named:" + ",".join(sorted(hit)) if hit else "absent")] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="all found events, not only headline events")
    ap.add_argument("--split", action="store_true",
                    help="all found events with a gold place by inherited/own place, chosen level and where the right place is named")
    ap.add_argument("--list", action="store_true", help="development corpus only: each found event with a wrong place")
    ap.add_argument("--language", choices=("de", "en"), help="with --list: one language's events")
    args = ap.parse_args(argv)
    from geo.gazetteer import Gazetteer

    if args.list:
        print("\n".join(listing(args.corpus, _read(args.events), Gazetteer.load(), args.language)))
        return 0
    for key, n in sorted(classify(args.corpus, _read(args.events), Gazetteer.load(), args.all or args.split, args.split).items()):
        print(f"{n:6d}  {key[0]}  " + " ".join(f"{k:<6}" for k in key[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
