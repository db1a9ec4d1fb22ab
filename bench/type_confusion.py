"""Event types of matched pairs: gold type x predicted type, per language (development corpus).

    python -m bench.type_confusion --events PATH [--corpus tests/corpus] [--min 2] [--examples]

Strict matching ignores the type, but readers filter the dashboard by type and family; this table
shows which confusions are systematic. Pairs are bench.score's matching (found events). Prints
counts only, and with --examples the gold's first quote and the predicted title of each wrong
pair (use it on the development corpus only: the held-out corpus's text stays unread).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from bench.score import ROOT, _read, refuse_held_out, score

TAXONOMY = ROOT / "geo" / "ref" / "taxonomy.yaml"


def families() -> dict[str, str]:
    """type -> family, from the taxonomy."""
    tax = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    return {t: v["family"] for t, v in tax["types"].items()}


def pairs(rows: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """(language, gold type, predicted type, gold quote, document) of every matched pair."""
    out = []
    for r in rows:
        for gi, (pi, _strict) in r["matched"].items():
            g, p = r["gold"][gi], r["preds"][pi]
            out.append((r["lang"], g.get("type"), p["event_type"], (g.get("quotes") or [""])[0], r["doc"], p.get("title", "")))
    return out


def table(found: list[tuple], lang: str, fam: dict[str, str], least: int) -> str:
    """The confusions of one language (or all) with at least `least` pairs, most frequent first."""
    sel = [x for x in found if lang == "all" or x[0] == lang]
    right = sum(1 for x in sel if x[1] == x[2])
    fam_right = sum(1 for x in sel if fam.get(x[1]) == fam.get(x[2]))
    n = len(sel) or 1
    lines = [f"== {lang}: {len(sel)} found, type right {right} ({right / n:.2f}), family right {fam_right} ({fam_right / n:.2f})"]
    conf = Counter((x[1], x[2]) for x in sel if x[1] != x[2])
    for (g, p), c in conf.most_common():
        if c < least:
            break
        same = "same family" if fam.get(g) == fam.get(p) else f"{fam.get(g)} -> {fam.get(p)}"
        lines.append(f"  {c:4d}  gold {g:<24} got {p:<24} ({same})")
    by_gold = defaultdict(Counter)
    for x in sel:
        by_gold[x[1]][x[1] == x[2]] += 1
    lines.append("  per gold type (right/found): " + ", ".join(
        f"{t} {c[True]}/{c[True] + c[False]}" for t, c in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values()))))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--events", type=Path, required=True, help="the loader's events.geojson for that corpus")
    ap.add_argument("--min", type=int, default=2, help="list confusions with at least this many pairs")
    ap.add_argument("--examples", action="store_true", help="print each wrong pair's gold quote (development corpus only)")
    args = ap.parse_args(argv)
    if args.examples:
        refuse_held_out(args.corpus, "--examples prints article text")
    found = pairs(score(args.corpus, _read(args.events)))
    fam = families()
    for lang in ("all", "de", "en"):
        print(table(found, lang, fam, args.min))
        print()
    if args.examples:
        for x in sorted((x for x in found if x[1] != x[2]), key=lambda x: (x[1], x[2], x[4])):
            print(f"{x[0]} gold {x[1]} got {x[2]}  {x[4]}\n     {x[3][:160]!r}\n     title {x[5]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
