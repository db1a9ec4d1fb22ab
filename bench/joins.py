"""Which within-document joins merge two gold happenings (development corpus only).

    python -m bench.joins [--corpus tests/corpus] [--list CLASS]

Runs each document through the loader's stages and watches `geo.merge.merge_repeats` join a
later mention to an earlier event. Each join is classed by the gold events the quotes of its
two sides overlap: one happening (they share a gold event), a mention no gold event has, a gold
mention into an event no gold has, or two gold happenings (of the same type, a statement and a
happening, of different types). Also counts the gold events no event is matched to (as
bench.score matches, place and date aside) whose mention such a join took ("lost"), and the
duplicates: events whose quotes overlap only a gold event another such event overlaps too. `--list CLASS` prints the joins of a class (a word of its
name: "same", "statement", "different") with their quotes. It prints per-document text, so it
refuses the held-out corpus.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import yaml

from bench.corpus_check import split_front_matter
from bench.score import _spans

ROOT = Path(__file__).resolve().parent.parent

ONE = "one happening"
NO_GOLD = "a mention no gold event has"
INTO_NON_GOLD = "a gold mention into a non-gold event"
SAME_TYPE = "two happenings of the same type"
STATEMENT = "a statement and a happening"
DIFFERENT = "two happenings of different types"
CLASSES = (ONE, NO_GOLD, INTO_NON_GOLD, SAME_TYPE, STATEMENT, DIFFERENT)


def join_class(earlier: set[int], later: set[int], gold_types: list[str]) -> str:
    """The class of a join whose earlier side overlaps gold events `earlier` and later side `later`
    (indexes into `gold_types`)."""
    if not later:
        return NO_GOLD
    if earlier & later:
        return ONE
    if not earlier:
        return INTO_NON_GOLD
    a, b = {gold_types[i] for i in earlier}, {gold_types[i] for i in later}
    if a & b:
        return SAME_TYPE
    return STATEMENT if "statement" in a | b else DIFFERENT


@contextmanager
def watched_joins(joins: list):
    """Within the block, every within-document join appends (earlier event, later mention)."""
    import geo.merge as merge

    combine = merge._combine

    def recorded(a, b):
        joins.append((a, b))
        return combine(a, b)

    merge._combine = recorded
    try:
        yield joins
    finally:
        merge._combine = combine


def _overlapped(event, gold_spans: list[list[tuple[int, int]]]) -> set[int]:
    return {gi for gi, spans in enumerate(gold_spans) for v in event.evidence for c, d in spans if v.start < d and c < v.end}


def _matched(overlaps: list[set[int]], gold: list[dict]) -> set[int]:
    """The gold events an event is matched to, each event to one, headline events first (as
    bench.score matches, without its place and date test)."""
    used, matched = set(), set()
    for gi in sorted(range(len(gold)), key=lambda i: not gold[i].get("headline")):
        pi = next((pi for pi, g in enumerate(overlaps) if pi not in used and gi in g), None)
        if pi is not None:
            used.add(pi)
            matched.add(gi)
    return matched


def survey(corpus: Path, listing: str = "") -> tuple[Counter, list[str]]:
    """Counts per class and language (and of lost gold events and duplicates), and the listed joins."""
    from geo.pipeline import Resources, process_path

    resources = Resources.load()
    counts: Counter = Counter()
    listed: list[str] = []
    for art in sorted((corpus / "news").glob("*.md")):
        gold_path = corpus / "gold" / (art.stem + ".yaml")
        if not gold_path.exists():
            continue
        meta, body = split_front_matter(art.read_text(encoding="utf-8"))
        gold = (yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}).get("events") or []
        types = [str(g.get("type")) for g in gold]
        spans = [_spans(body, g.get("quotes") or []) for g in gold]
        lang = meta.get("language") or "?"
        with watched_joins([]) as joins:
            events = process_path(art, resources=resources).events
        found = _matched([_overlapped(e, spans) for e in events], gold)
        lost: set[int] = set()
        for a, b in joins:
            ga, gb = _overlapped(a, spans), _overlapped(b, spans)
            cls = join_class(ga, gb, types)
            counts[(lang, cls)] += 1
            if cls in (SAME_TYPE, STATEMENT, DIFFERENT):
                lost |= gb - ga - found
            if listing and listing in cls:
                listed.append(f"== {art.name}: {cls}\n   earlier {a.event_type} {[types[i] for i in sorted(ga)]}: "
                              f"{a.evidence[-1].quote[:150]!r}\n   later   {b.event_type} {[types[i] for i in sorted(gb)]}: "
                              f"{b.evidence[0].quote[:150]!r}")
        counts[(lang, "lost")] += len(lost)
        alone = Counter(min(g) for g in (_overlapped(e, spans) for e in events) if len(g) == 1)
        counts[(lang, "duplicates")] += sum(n - 1 for n in alone.values())
    return counts, listed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--list", default="", help="print the joins of the classes whose name holds this word")
    args = ap.parse_args(argv)
    if "holdout" in args.corpus.resolve().name:
        print("bench.joins prints per-document quotes: use it on the development corpus only", file=sys.stderr)
        return 2
    counts, listed = survey(args.corpus, args.list)
    langs = sorted({lang for lang, _ in counts})
    rows = [*CLASSES, "lost", "duplicates"]
    print(f"{'':<40}" + "".join(f"{x:>8}" for x in ("all", *langs)))
    for row in rows:
        print(f"{row:<40}" + "".join(f"{n:>8}" for n in (sum(counts[(x, row)] for x in langs), *(counts[(x, row)] for x in langs))))
    for line in listed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
