"""Why the loader never had the right place: the "absent" events by class (development corpus only).

    python -m bench.place_gaps [--corpus tests/corpus] [--headline] [--list]

Of the found gold events with a wrong place, takes those whose gold place is none of the text's
place mentions (`bench.place_choice`: "not among the text's places") and sorts each into one class
by what its gold place name and the text say, so the next step knows whether reference data, an
evidence rule or a seat would have placed it:

- `filtered`: the text writes a gazetteer form within the tolerance, but no mention was kept
  (an evidence rule dropped it: a name that is also a word, a missing locative, a stranded town);
- `facility`: the gold names a landmark or facility (airport, barracks, school, castle, square,
  parliament, dam, forest…);
- `quarter`: the gold names a part of a town the gazetteer has ("Düsseldorf-Garath",
  "Tschirland (Naturns)");
- `tolerance`: a town among the candidates lies within twice the gold tolerance (the gold radius
  may be too tight);
- `village`: the text writes the gold place's name, which no gazetteer place near it has
  (a village or hamlet missing from the towns and postal tables);
- `implied`: the text never writes the gold place's name (an institution's seat not lent, a place
  only implied: "the county", "im Kreml", "in the chamber").

Prints counts per language and class; `--list` also each event (document, gold place, the place
chosen). Refused on the held-out corpus: the list shows where its events are."""
from __future__ import annotations

import collections
import re
import sys

from bench.place_choice import collect, dev_arguments
from bench.place_failures import _text, named_levels
from bench.score import _km

CLASSES = ("filtered", "facility", "quarter", "tolerance", "village", "implied")
# Words of a gold place name that make it a landmark or facility (both languages; lower case, whole words
# or a German compound's head).
_FACILITY = re.compile(
    r"\b(airport|flughafen|barracks|kaserne|school|schule|college|university|universität|schloss|castle|palace|"
    r"parliament|landtag|bundestag|sangsad|assembly|chamber|centre|center|haus|hospital|klinik|krankenhaus|"
    r"prison|jva|gefängnis|bridge|brücke|stadium|stadion|platz|square|plant|werk|dam|highway|autobahn|"
    r"forest|wald|station|bahnhof|port|hafen|mine|lizum)\b|(haus|platz|brücke|bahnhof|werk)\b",
    re.I)
_HEAD = re.compile(r"^[^(,/]+")


def head(name: str) -> str:
    """The gold place name before its qualifier: "Kamologon" of "Kamologon village, Muino location"."""
    m = _HEAD.match(name or "")
    words = (m.group(0) if m else "").split()
    while words and words[-1].lower() in {"village", "town", "district", "area", "county", "community"}:
        words.pop()
    return " ".join(words)


def _qualifier_is_town(name: str, gold: dict, gazetteer) -> bool:
    """Whether the gold name is a part of a town the gazetteer has within 15 km of it
    ("Düsseldorf-Garath", "Tschirland (Naturns)", "Bokeloh (Wunstorf)")."""
    parts = re.split(r"[-(),]", name)
    lat, lon = float(gold["lat"]), float(gold["lon"])
    for part in (p.strip() for p in parts[1:] if "-" in name or "(" in name):
        for surface in {part, parts[0].strip()}:
            for cand in gazetteer.candidates(surface) if surface else []:
                if cand.place.type in {"city", "site"} and _km(cand.place.lat, cand.place.lon, lat, lon) <= 15:
                    return True
    return False


def gap_class(text: str, gold: dict, candidates: list, gazetteer) -> str:
    """One of CLASSES for a found event whose gold place is none of the text's mentions."""
    lat, lon, tol = float(gold["lat"]), float(gold["lon"]), float(gold["km"])
    if named_levels(text, gold, gazetteer, floor=0.0):
        return "filtered"
    name = gold.get("name") or ""
    if _FACILITY.search(name):
        return "facility"
    if _qualifier_is_town(name, gold, gazetteer):
        return "quarter"
    if any(c.place.type in {"city", "site"} and _km(c.place.lat, c.place.lon, lat, lon) <= 2 * tol for c in candidates):
        return "tolerance"
    h = head(name)
    if h and re.search(r"(?<!\w)" + re.escape(h[:max(4, len(h) - 2)]), text, re.I):
        return "village"
    return "implied"


def main(argv: list[str] | None = None) -> int:
    args = dev_arguments("place_gaps", __doc__, argv, listing=True)
    from geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    counts: collections.Counter = collections.Counter()
    texts: dict = {}
    for ch in collect(args.corpus):
        if ch.rule_ok or any(ch.right) or ch.elsewhere or (args.headline and not ch.headline):
            continue
        text = texts.setdefault(ch.doc, _text(args.corpus / "news" / ch.doc))
        kind = gap_class(text, ch.gold, ch.candidates, gazetteer)
        counts["all", kind] += 1
        counts[ch.lang, kind] += 1
        if args.list:
            chosen = next((c.place.name for c, row in zip(ch.candidates, ch.rows) if row.get("rule")), None)
            print(f"{kind:<9} {ch.doc}  gold {ch.gold.get('name')!r} ({ch.gold['km']} km)  chose {chosen!r}")
    for lang in ("all", "de", "en"):
        print(lang, *(f"{k}={counts[lang, k]}" for k in CLASSES), sep="  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
