"""Which places the loader had to choose from, per found gold event (development corpus only).

    python -m bench.place_choice [--corpus tests/corpus] [--headline]

Runs the loader's per-document stages in this process, keeps what `geo.events.extract_events`
was given (sentences, place mentions, the title's places, the outlet's place), matches the
events to the gold as `bench.score` does, and lists for each found gold event with a place the
candidates of `bench.place_features.candidates` (its sentence, paragraph, lede, title and dateline, their
namesakes and the rules' choice). Prints counts: how often the gold place is among them, how
often the rules chose it, and where they did not, what they chose instead. Never run it on the
held-out corpus: it prints which candidates each event had."""
from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.score import ROOT, place_ok, refuse_held_out, score
from bench import place_features as ranker
from geo import pipeline
from geo.write import to_feature


@dataclass
class Choice:
    """One found gold event with a place: its candidates, their features and which are right."""

    doc: str
    lang: str
    headline: bool
    rule_ok: bool
    candidates: list
    rows: list  # feature dicts, one per candidate
    right: list  # bool per candidate: within the gold tolerance
    elsewhere: bool = False  # another mention of the document, outside the candidates, is within it
    gold: dict | None = None  # the gold place


def _run(corpus: Path):
    """(documents' events as scored dicts, the per-event context) for every article of `corpus`."""
    resources = pipeline.Resources.load()
    seen: dict = {}
    original = pipeline.extract_events

    def keep(doc, sentences, **kw):
        events = original(doc, sentences, **kw)
        seen[doc.id] = (doc, sentences, kw, events)
        return events

    pipeline.extract_events = keep
    try:
        preds = []
        for path in sorted((corpus / "news").glob("*.md")):
            result = pipeline.process_path(path, resources=resources)
            if result.error or result.document is None or result.document.id not in seen:
                continue
            doc, sentences, kw, events = seen[result.document.id]
            for e, written in zip(events, result.events):
                f = to_feature(written, areas=result.areas)
                preds.append(f["properties"] | {"point": (f["geometry"] or {}).get("coordinates"), "_event": e,
                                                "_context": (doc, sentences, kw)})
    finally:
        pipeline.extract_events = original
    return preds, resources


def collect(corpus: Path) -> list[Choice]:
    """A Choice per found gold event with a place."""
    preds, resources = _run(corpus)
    out = []
    for r in score(corpus, preds):
        for gi, (pi, _) in sorted(r["matched"].items()):
            g, p = r["gold"][gi], r["preds"][pi]
            if g.get("place") is None:
                continue
            e = p["_event"]
            doc, sentences, kw = p["_context"]
            places, title_places = kw["places"], kw.get("title_places") or []
            cands, sent = ranker.candidates(doc, sentences, places, title_places, e, resources.gazetteer)
            rows = ranker.features(doc, sentences, places, cands, sent, e, kw.get("outlet"), resources.gazetteer)
            right = ranker.positives(cands, g["place"], place_ok)
            rest = list({m.place.id: ranker.Candidate(m.place) for m in places}.values())
            elsewhere = not any(right) and any(ranker.positives(rest, g["place"], place_ok))
            out.append(Choice(r["doc"], r["lang"], bool(g.get("headline")), place_ok(p, g["place"]), cands, rows,
                              right, elsewhere, g["place"]))
    return out


def dev_arguments(tool: str, doc: str, argv: list[str] | None, listing: bool = False) -> argparse.Namespace:
    """--corpus and --headline (and --list) of a development-only tool; exits on the held-out corpus,
    whose events these tools would show."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--headline", action="store_true", help="headline events only")
    if listing:
        ap.add_argument("--list", action="store_true", help="print each event, not only the counts")
    args = ap.parse_args(argv)
    refuse_held_out(args.corpus, f"{tool} lists events and their places")
    return args


def main(argv: list[str] | None = None) -> int:
    args = dev_arguments("place_choice", __doc__, argv)
    c = collections.Counter()
    for ch in collect(args.corpus):
        if args.headline and not ch.headline:
            continue
        for lang in ("all", ch.lang):
            c[lang, "events"] += 1
            c[lang, "rules right"] += ch.rule_ok
            c[lang, "gold among candidates"] += any(ch.right)
            c[lang, "several candidates"] += len(ch.candidates) > 1
            if not ch.rule_ok:
                chosen = next((cand for cand, row in zip(ch.candidates, ch.rows) if row.get("rule")), None)
                kind = "none" if chosen is None else ranker.level(chosen.place)
                among = "among" if any(ch.right) else "named elsewhere in the text" if ch.elsewhere else "not among the text's places"
                c[lang, f"rules wrong, gold {among}, chose {kind}"] += 1
    for lang in ("all", "de", "en"):
        print(lang, *(f"{k[1]}={v}" for k, v in sorted(c.items()) if k[0] == lang), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
