"""Why headline events are not found at all, by class (development corpus only: it prints text).

    python -m bench.lede_misses --corpus tests/corpus --events EVENTS.geojson [--all] [--list]

For each gold headline event (every gold event with --all) that the scorer matched to no
prediction, one class, from the sentences its quotes stand in:
`taken:merged` (a prediction overlaps it, but the matching gave it to another gold event whose
sentence it was merged with), `taken:same sentence` (one sentence holds both),
`no trigger` (no lexicon word in the sentence), `quoted` (asserted triggers only inside
quotation marks, which the loader reads as speech), `not asserted:<factuality>` (every trigger there
is hypothetical, negated, a threat, …), `asserted, no event` (an asserted trigger whose sentence
yields no event: a statement, a back reference or a merge rule dropped it), `unread` (a quote the
body does not hold). With --list, one line per event with its triggers. Never run it on held-out:
it shows article text.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.score import _overlaps, _read, refuse_held_out, score
from geo.events import _in_quote, _quoted_spans
from geo.ingest import read_document
from geo.segment import segment
from geo.what import find_triggers


def classify(corpus: Path, events: list[dict], every: bool = False) -> list[tuple[str, str, str, str]]:
    """(language, class, document, detail) per unmatched gold event."""
    out = []
    for r in score(corpus, events):
        missed = [gi for gi, g in enumerate(r["gold"]) if gi not in r["matched"] and (every or g.get("headline"))]
        if not missed:
            continue
        doc = read_document(corpus / "news" / r["doc"])
        sentences = segment(doc.text)
        triggers = find_triggers(doc.text, sentences, language=doc.language, title=doc.title or "")
        quoted = _quoted_spans(doc.text)
        for gi in missed:
            g = r["gold"][gi]
            spans = [(i, i + len(q)) for q in map(str, g.get("quotes") or []) if (i := doc.text.find(q)) >= 0]
            if not spans:
                out.append((r["lang"], "unread", r["doc"], repr(g.get("quotes"))))
                continue
            over = [pi for pi, p in enumerate(r["preds"]) if _overlaps(p["_spans"], spans)]
            if over:
                out.append((r["lang"], "taken:" + _taken_how(r, over[0], spans, doc.text), r["doc"],
                            f"{g.get('type')} {g['quotes'][0][:90]!r} [{r['preds'][over[0]]['event_type']}]"))
                continue
            sents = [s for s in sentences if any(s.start < b and a < s.end for a, b in spans)]
            found = [t for t in triggers if any(s.start <= t.start < s.end for s in sents)]
            if not found:
                cls = "no trigger"
            elif any(t.factuality == "asserted" and not _in_quote(t.start, t.end, quoted) for t in found):
                cls = "asserted, no event"
            elif any(t.factuality == "asserted" for t in found):
                cls = "quoted"
            else:
                cls = "not asserted:" + ",".join(sorted({t.factuality for t in found}))
            detail = "; ".join(f"{t.text}={t.event_type}/{t.factuality}{'(' + t.cue + ')' if t.cue else ''}"
                               for t in found)
            out.append((r["lang"], cls, r["doc"], f"{g.get('type')} {g['quotes'][0][:90]!r} [{detail}]"))
    return out


def _taken_how(r: dict, pi: int, spans: list[tuple[int, int]], text: str) -> str:
    """`same sentence` where the prediction's quote over this gold event also holds the one the
    prediction was matched to (one sentence, two happenings), else `merged` (its sentence was
    joined to another's event)."""
    owner = next((r["gold"][gi] for gi, (p, _) in r["matched"].items() if p == pi), None)
    theirs = [(i, i + len(q)) for q in map(str, (owner or {}).get("quotes") or []) if (i := text.find(q)) >= 0]
    mine = [s for s in r["preds"][pi]["_spans"] if _overlaps([s], spans)]
    return "same sentence" if any(_overlaps([s], theirs) for s in mine) else "merged"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.lede_misses", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("tests/corpus"))
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="every gold event, not only headline ones")
    ap.add_argument("--list", action="store_true", help="one line per event")
    a = ap.parse_args(argv)
    refuse_held_out(a.corpus, "bench.lede_misses prints article text")
    rows = classify(a.corpus, _read(a.events), a.all)
    if a.list:
        for lang, cls, doc, detail in sorted(rows):
            print(f"{lang} {cls:<28} {doc}: {detail}")
    for (lang, cls), n in sorted(Counter((r[0], r[1]) for r in rows).items()):
        print(f"{lang} {cls:<28} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
