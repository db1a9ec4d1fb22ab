"""Score the loader against the development corpus's gold events (strict matching).

    python -m bench.score [--corpus tests/corpus] [--misses] [--events PATH]

A predicted event *finds* a gold event when one of its evidence quotes overlaps one of the gold
quotes in the same document. It is *strictly right* when, in addition, its place is within the
gold tolerance (or the gold event names no place) and its date interval lies inside the gold
interval, give or take a day (or the gold event has no date). Each gold event is matched at most
once; a second prediction of the same gold event counts as wrong (a duplicate). Gold events and
predictions are paired by a maximum matching (as many strictly right headline events as possible,
then as many strictly right events, then as many found); `--greedy` gives the first-come pairing
the history tables before 2026-12-07's fourth session used.

Prints, per language and per topic: headline recall, recall and precision (strict), then the
place and date figures of issue 12 over the events found. `--misses` lists what went wrong.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

from bench.corpus_check import split_front_matter

ROOT = Path(__file__).resolve().parent.parent


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _date(x) -> dt.date:
    return x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x))


def place_ok(pred: dict, gold: dict | None) -> bool:
    if gold is None:
        return True
    pt = pred.get("point")
    if not pt:
        return False
    if _km(pt[1], pt[0], float(gold["lat"]), float(gold["lon"])) <= float(gold["km"]):
        return True
    area = pred.get("place_geometry")
    if area and float(gold["km"]) >= 100:
        from shapely.geometry import Point, shape

        return shape(area).buffer(0.05).contains(Point(float(gold["lon"]), float(gold["lat"])))
    return False


def date_ok(pred: dict, gold) -> bool:
    if gold is None:
        return True
    if not pred.get("date_start"):
        return False
    a, b = _date(gold[0]), _date(gold[1])
    day = dt.timedelta(days=1)
    return _date(pred["date_start"]) >= a - day and _date(pred["date_end"]) <= b + day


def _spans(body: str, quotes: list[str]) -> list[tuple[int, int]]:
    out = []
    for q in quotes:
        i = body.find(str(q))
        if i >= 0:
            out.append((i, i + len(str(q))))
    return out


def _overlaps(ev_spans, gold_spans) -> bool:
    return any(a < d and c < b for a, b in ev_spans for c, d in gold_spans)


def run_loader(corpus: Path) -> list[dict]:
    out = Path(tempfile.mkdtemp()) / "events.geojson"
    proc = subprocess.run([sys.executable, "-m", "geo.load", str(corpus / "news"), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"loader failed: {proc.stderr}")
    return _read(out)


HELD_OUT = ROOT / "tests" / "corpus_holdout"


def refuse_held_out(corpus: Path, what: str) -> None:
    """Stop a tool that prints article text, events or places when `corpus` is the held-out corpus or
    holds any of its articles (a copy elsewhere too): that corpus stands for the unseen news the project
    is judged on, and only figures and counts of it may be read."""
    corpus = Path(corpus).resolve()
    names = {p.name for p in (HELD_OUT / "news").glob("*.md")}
    if corpus == HELD_OUT.resolve() or any(p.name in names for p in (corpus / "news").glob("*.md")):
        raise SystemExit(f"error: {what}: development corpus only, not the held-out corpus")


def _read(path: Path) -> list[dict]:
    feats = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [f["properties"] | {"point": (f["geometry"] or {}).get("coordinates")} for f in feats]


def _strict(p: dict, g: dict) -> bool:
    return place_ok(p, g.get("place")) and date_ok(p, g.get("date"))


def _headline_first(gold: list[dict]) -> list[int]:
    return sorted(range(len(gold)), key=lambda i: not gold[i].get("headline"))


def _matching(gold: list[dict], preds: list[dict], gspans) -> dict[int, tuple[int, bool]]:
    """gold index -> (prediction index, strict): a maximum matching of strict pairs that holds
    as many headline events as any can, then a maximum matching of the remaining found pairs.
    Augmenting paths (Kuhn's algorithm) never unmatch a matched gold event, so taking headline
    events first keeps their count maximal; a prediction of the gold event's type is tried
    first. A greedy pass let a prediction whose evidence covers two gold events take the first
    one's match, leaving the one it alone could match unmatched."""
    order = _headline_first(gold)
    edges = {gi: sorted((pi for pi, p in enumerate(preds) if _overlaps(p["_spans"], gspans[gi])),
                        key=lambda pi: preds[pi].get("event_type") != gold[gi].get("type")) for gi in order}
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(gi: int, allowed, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi in seen or not allowed(gi, pi):
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], allowed, seen):
                owner[pi] = gi
                return True
        return False

    strict_pairs = {(gi, pi) for gi in order for pi in edges[gi] if _strict(preds[pi], gold[gi])}
    for gi in order:
        augment(gi, lambda g, p: (g, p) in strict_pairs, set())
    strict_owner = dict(owner)
    taken = set(strict_owner.values())
    for gi in order:
        if gi not in taken:
            augment(gi, lambda g, p: p not in strict_owner and g not in taken, set())
    return {gi: (pi, (gi, pi) in strict_pairs) for pi, gi in owner.items()}


def _greedy(gold: list[dict], preds: list[dict], gspans) -> dict[int, tuple[int, bool]]:
    """The matching used up to 2026-12-07 (`--greedy`): each gold event, headline events first,
    takes the first free prediction that matches it, strict pairs before found ones."""
    used: set[int] = set()
    matched: dict[int, tuple[int, bool]] = {}
    order = _headline_first(gold)
    for strict_pass in (True, False):
        for gi in order:
            if gi in matched:
                continue
            for pi, p in enumerate(preds):
                if pi in used or not _overlaps(p["_spans"], gspans[gi]):
                    continue
                ok = _strict(p, gold[gi])
                if ok or not strict_pass:
                    matched[gi] = (pi, ok)
                    used.add(pi)
                    break
    return matched


def score(corpus: Path, events: list[dict], greedy: bool = False) -> dict:
    """Per document: gold events matched, predictions judged; returns rows for the tables."""
    rows = []
    for art in sorted((corpus / "news").glob("*.md")):
        meta, body = split_front_matter(art.read_text(encoding="utf-8"))
        gold_path = corpus / "gold" / (art.stem + ".yaml")
        if not gold_path.exists():
            print(f"{art.name}: no gold file, not scored", file=sys.stderr)
            continue
        gold = (yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}).get("events") or []
        preds = [e for e in events if art.name in e["documents"]]
        for p in preds:
            p["_spans"] = [(q["start"], q["end"]) for q in p["evidence"] if q["document"] == art.name]
        gspans = [_spans(body, g.get("quotes") or []) for g in gold]
        matched = (_greedy if greedy else _matching)(gold, preds, gspans)
        rows.append({"doc": art.name, "lang": meta.get("language"), "topic": meta.get("topic"),
                     "gold": gold, "preds": preds, "matched": matched})
    return rows


def _figures(rows: list[dict]) -> dict:
    n_gold = n_head = n_pred = strict = head_strict = 0
    found = place_known = place_right = date_known = date_right = date_missing = type_right = 0
    for r in rows:
        n_gold += len(r["gold"])
        n_pred += len(r["preds"])
        for gi, g in enumerate(r["gold"]):
            hit = r["matched"].get(gi)
            if g.get("headline"):
                n_head += 1
                head_strict += bool(hit and hit[1])
            if not hit:
                continue
            found += 1
            strict += hit[1]
            p = r["preds"][hit[0]]
            type_right += p["event_type"] == g.get("type")
            if g.get("place") is not None:
                place_known += 1
                place_right += place_ok(p, g["place"])
            if g.get("date") is not None:
                date_known += 1
                date_right += date_ok(p, g["date"])
                date_missing += not p.get("date_start")

    def ratio(a, b):
        return round(a / b, 2) if b else None

    return {"docs": len(rows), "gold": n_gold, "predicted": n_pred, "headline_recall": ratio(head_strict, n_head),
            "recall": ratio(strict, n_gold), "precision": ratio(strict, n_pred), "found": ratio(found, n_gold),
            "type_right": ratio(type_right, found), "place_right": ratio(place_right, place_known),
            "date_right": ratio(date_right, date_known), "undated": ratio(date_missing, date_known)}


def _table(title: str, groups: dict[str, list[dict]]) -> str:
    cols = ["docs", "gold", "predicted", "headline_recall", "recall", "precision", "found", "type_right",
            "place_right", "date_right", "undated"]
    lines = [f"{title:<12}" + "".join(f"{c:>16}" for c in cols)]
    for name, rows in groups.items():
        f = _figures(rows)
        lines.append(f"{name:<12}" + "".join(f"{'-' if f[c] is None else f[c]:>16}" for c in cols))
    return "\n".join(lines)


def _misses(rows: list[dict]) -> str:
    out = []
    for r in rows:
        for gi, g in enumerate(r["gold"]):
            hit = r["matched"].get(gi)
            if hit and hit[1]:
                continue
            q = (g.get("quotes") or [""])[0][:80]
            if not hit:
                out.append(f"MISS  {r['doc']}: {g.get('type')} {'[H] ' if g.get('headline') else ''}{q!r}")
            else:
                p = r["preds"][hit[0]]
                gp = g.get("place") or {}
                out.append(f"WRONG {r['doc']}: {q!r}\n      gold {g.get('date')} {gp.get('name')} | got {p['date_start']}..{p['date_end']} "
                           f"{p['place_name']} ({p['event_type']})")
        used = {pi for pi, _ in r["matched"].values()}
        for pi, p in enumerate(r["preds"]):
            if pi not in used:
                out.append(f"EXTRA {r['doc']}: {p['event_type']} {p['title']!r} {p['evidence'][0]['quote'][:70]!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--events", type=Path, help="score this events.geojson instead of running the loader")
    ap.add_argument("--misses", action="store_true", help="list misses, wrong and extra events")
    ap.add_argument("--greedy", action="store_true", help="match as before 2026-12-07 (first free prediction)")
    args = ap.parse_args(argv)
    events = _read(args.events) if args.events else run_loader(args.corpus)
    rows = score(args.corpus, events, greedy=args.greedy)
    by_lang, by_topic = defaultdict(list), defaultdict(list)
    for r in rows:
        by_lang[r["lang"]].append(r)
        by_topic[r["topic"]].append(r)
    print(_table("language", {"all": rows, **dict(sorted(by_lang.items()))}))
    print()
    print(_table("topic", dict(sorted(by_topic.items()))))
    if args.misses:
        print()
        print(_misses(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
