"""Fit and cross-validate a learned place ranker on the development gold (an experiment; the loader
does not use it).

    python -m bench.place_ranker [--corpus tests/corpus] [--l2 10] [--weights OUT.json]

Data: every gold event of the development corpus that the loader finds and that names a place
(`bench.place_choice.collect`), its candidates and their features (`bench.place_features`); a
candidate is positive when it lies within the gold tolerance (`bench.score.place_ok`). Model: a
conditional logit (a softmax over each event's candidates, fitted on the events whose candidates
hold a positive) with an L2 penalty, by Newton's method from zero weights: no randomness, the same
corpus gives the same weights. Cross-validation: 5 folds by document (sorted file names, every
fifth to a fold). Prints, per language and for headline events, how many found gold events the
rules and the ranker place within tolerance, twice: with the rules' choice as one of the ranker's
features and without it. Plain numpy. Never run on the held-out corpus.

Measured at 133d7c6 (456 articles, 1,215 found gold events with a place, 5,438 candidates; the gold
is among the candidates for 1,139): rules 1,095 right (0.901; headline 555 of 605); the ranker
without the rules' choice 1,032 (0.849; headline 532), right where the rules are wrong 12 times,
wrong where they are right 75 times; with the rules' choice as a feature 1,092 (2 gained, 5 lost).
The rules were written on this corpus, so their share here is in-sample, the ranker's is not.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

from bench.place_choice import collect
from bench.score import ROOT, refuse_held_out

L2 = 10.0
FOLDS = 5
ITERATIONS = 30
RULE_FEATURES = ("rule", "rule_inherited")


def matrices(choices, names):
    """Per event: its candidates' feature matrix and their labels (1.0 within tolerance)."""
    index = {n: i for i, n in enumerate(names)}
    out = []
    for ch in choices:
        x = np.zeros((len(ch.rows), len(names)))
        for r, row in enumerate(ch.rows):
            for k, v in row.items():
                if k in index:
                    x[r, index[k]] = v
        out.append((x, np.array(ch.right, dtype=float)))
    return out


def fit(data, dim: int, l2: float = L2) -> np.ndarray:
    """Newton's method on the conditional logit's penalised log-likelihood."""
    w = np.zeros(dim)
    usable = [(x, y / y.sum()) for x, y in data if y.any() and len(y) > 1]
    for _ in range(ITERATIONS):
        grad, hess = -l2 * w, -l2 * np.eye(dim)
        for x, y in usable:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            grad += y @ x - mean
            hess -= (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def picks_right(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> bool:
    """Whether the best-scored candidate is right (ties: the first; no candidate: wrong)."""
    return bool(len(y)) and bool(y[int(np.argmax(x @ w))])


def folds(choices) -> dict[str, int]:
    """Document -> fold: sorted file names, every fifth to a fold."""
    return {d: i % FOLDS for i, d in enumerate(sorted({ch.doc for ch in choices}))}


def cross_validate(choices, names, l2: float = L2) -> dict:
    """Counts per group (all, de, en, headline …): events, rules right, ranker right, and each one
    right where the other is wrong, the ranker fitted without the event's document's fold."""
    fold_of, data = folds(choices), matrices(choices, names)
    ranked = [False] * len(choices)
    for k in range(FOLDS):
        w = fit([d for ch, d in zip(choices, data) if fold_of[ch.doc] != k], len(names), l2)
        for i, (ch, (x, y)) in enumerate(zip(choices, data)):
            if fold_of[ch.doc] == k:
                ranked[i] = picks_right(x, y, w)
    c = collections.Counter()
    for ch, ok in zip(choices, ranked):
        for group in ("all", ch.lang, *(("headline", f"headline {ch.lang}") if ch.headline else ())):
            c[group, "events"] += 1
            c[group, "gold among candidates"] += any(ch.right)
            c[group, "rules"] += ch.rule_ok
            c[group, "ranker"] += ok
            c[group, "ranker only"] += ok and not ch.rule_ok
            c[group, "rules only"] += ch.rule_ok and not ok
    return {g: {k: n for (gg, k), n in c.items() if gg == g} for g in sorted({g for g, _ in c})}


def feature_names(choices, without: tuple[str, ...] = ()) -> list[str]:
    return sorted({k for ch in choices for row in ch.rows for k in row if k not in without})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--weights", type=Path, help="write the weights fitted on all events (with the rules' choice) here")
    args = ap.parse_args(argv)
    refuse_held_out(args.corpus, "the ranker is fitted and cross-validated")
    choices = collect(args.corpus)
    for label, without in (("with the rules' choice as a feature", ()), ("without it", RULE_FEATURES)):
        print(f"5-fold cross-validation by document, L2 {args.l2:g}, {label}:")
        for g, row in cross_validate(choices, feature_names(choices, without), args.l2).items():
            print(f"  {g:<12}", " ".join(f"{k}={v}" for k, v in row.items()))
    if args.weights:
        names = feature_names(choices)
        w = fit(matrices(choices, names), len(names), args.l2)
        args.weights.write_text(json.dumps({"source": "development gold, bench.place_ranker", "l2": args.l2,
                                            "weights": {n: round(float(v), 6) for n, v in zip(names, w)}},
                                           indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
