"""A/B of the loader: this working tree against a base commit, on the development corpus, the
held-out corpus and the seed, with the landing verdict (counts only: safe on held-out).

    python -m bench.ab [--base REV] [--out DIR]

Every change to the loader is judged this way before it lands (README, "Measuring a change"):
dev should improve, no held-out headline recall, recall or precision may fall by 0.01, and the
seed's events must stay the same. REV defaults to the merge-base of HEAD with `main`; its scores
are computed once in a detached worktree under DIR and reused. Uncommitted edits of this tree
count. Nothing from a held-out article is printed, only figures and counts.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench.score import ROOT, _figures, _read, score

CORPORA = {"dev": "tests/corpus", "ho": "tests/corpus_holdout"}
COLUMNS = ["headline_recall", "recall", "precision", "found", "type_right", "place_right", "date_right", "undated"]
COUNTS = ["hstrict", "hgold", "strict", "matched", "gold", "pred"]
GUARDED = ("headline_recall", "recall", "precision")
SEED_KEYS = ("event_type", "title", "place_name", "date_start", "date_end", "date_precision", "place_precision")


def counts(rows: list[dict]) -> dict[str, Counter]:
    """Per language (and "all"): strict headline events, strict events, found, gold, predicted."""
    c: dict[str, Counter] = {"all": Counter()}
    for r in rows:
        for lang in ("all", r["lang"]):
            k = c.setdefault(lang, Counter())
            k["pred"] += len(r["preds"])
            k["gold"] += len(r["gold"])
            k["hgold"] += sum(1 for g in r["gold"] if g.get("headline"))
            for gi, (_, strict) in r["matched"].items():
                k["matched"] += 1
                k["strict"] += strict
                k["hstrict"] += bool(strict and r["gold"][gi].get("headline"))
    return c


def figures(rows: list[dict]) -> dict[str, dict]:
    """bench.score's figures per language and for all documents, plus the raw counts."""
    langs = sorted({r["lang"] for r in rows})
    n = counts(rows)
    return {lang: _figures(rows if lang == "all" else [r for r in rows if r["lang"] == lang]) | dict(n[lang])
            for lang in ["all", *langs]}


def drops(base: dict, new: dict, limit: float = 0.01) -> list[str]:
    """The guarded held-out figures that fell by `limit` or more: a step with any does not land."""
    out = []
    for lang, b in base.items():
        for col in GUARDED:
            x, y = b.get(col), new.get(lang, {}).get(col)
            if x is not None and y is not None and y <= x - limit + 1e-9:
                out.append(f"{lang} {col} {x} -> {y}")
    return out


def seed_view(events: list[dict]) -> list[str]:
    """What a reader sees of each seed event, sorted: equal lists mean the seed is unchanged."""
    return sorted(json.dumps({k: e.get(k) for k in SEED_KEYS}, sort_keys=True, ensure_ascii=False) for e in events)


def _delta_line(lang: str, b: dict, n: dict) -> str:
    cells = []
    for col in COLUMNS + COUNTS:
        x, y = b.get(col), n.get(col)
        cells.append(f"{col}={x}" if x == y else f"{col}={x}->{y}")
    return f"  {lang}: " + "  ".join(cells)


def run(tree: Path, out: Path, again: bool = True) -> dict[str, Path]:
    """Run `tree`'s loader on both corpora and the seed into `out`; a base run is reused (`again=False`)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, src in [*((k, f"{v}/news") for k, v in CORPORA.items()), ("seed", "seeds")]:
        path = paths[name] = out / f"{name}.geojson"
        if path.exists() and not again:
            continue
        tmp = out / f".{name}.tmp.geojson"
        proc = subprocess.run([sys.executable, "-m", "geo.load", src, "--out", str(tmp), "--quiet"],
                              cwd=tree, capture_output=True, text=True)
        if proc.returncode != 0 or not tmp.exists():
            raise SystemExit(f"{tree}: the loader failed on {src}: {proc.stderr[-2000:]}")
        tmp.replace(path)
    return paths


def judged(paths: dict[str, Path]) -> dict:
    """Figures of a run against this tree's gold (so a gold fix counts on both sides alike)."""
    return {name: seed_view(_read(p)) if name == "seed" else figures(score(ROOT / CORPORA[name], _read(p)))
            for name, p in paths.items()}


def _base_tree(rev: str, out: Path) -> Path:
    tree = out / f"tree-{rev}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
                       check=True, capture_output=True)
    return tree


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="commit to compare with (default: merge-base of HEAD and main)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/bench-ab"), help="work folder (outputs, base trees)")
    args = ap.parse_args(argv)
    rev = _git("rev-parse", "--short=7", args.base or _git("merge-base", "HEAD", "main"))
    base_out = args.out / f"base-{rev}"
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / f".base-{rev}.lock", "w") as lock:  # one base run, however many trees ask
        fcntl.flock(lock, fcntl.LOCK_EX)
        base = judged(run(_base_tree(rev, args.out), base_out, again=False))
    new = judged(run(ROOT, args.out / f"new-{ROOT.name}"))
    print(f"base {rev}")
    for name in CORPORA:
        print(f"== {name}")
        for lang, b in base[name].items():
            print(_delta_line(lang, b, new[name].get(lang, {})))
    print("seed:", "UNCHANGED" if base["seed"] == new["seed"] else f"CHANGED ({len(base['seed'])} -> {len(new['seed'])} events)")
    for line in sorted(set(base["seed"]) ^ set(new["seed"])):
        print("  ", "-" if line in base["seed"] else "+", line)
    bad = drops(base["ho"], new["ho"])
    print("held-out drop >= 0.01:", "YES (does not land): " + "; ".join(bad) if bad else "no")
    return 0


if __name__ == "__main__":
    sys.exit(main())
