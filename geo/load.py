"""Command line: news documents in, `data/events.geojson` and `data/events.parquet` out.

    python -m geo.load [INPUT ...] [--out PATH] [--curation CSV] [--jobs N]
                       [--engine local|dask] [--scheduler ADDRESS] [--explain ID] [--quiet]

INPUT are files or folders (read recursively; default `seeds/`). A broken document is
reported with its file name and reason and skipped; the others are still processed.
Editors' corrections in `data/curation.csv` (see geo/curate.py) are applied after
extraction; rows whose event no longer exists are reported. Outputs are written atomically: a failed or killed run leaves the previous files intact.

Two documents with the same text (after decoding and normalisation) are reported once: the
events come from the first in path order; the other is named in a warning and listed in
`generated_from` with `duplicate_of`.

Exit codes: 0 all documents processed (warnings allowed); 1 outputs written but some
documents or folders were skipped (see the messages); 2 nothing written (no readable
documents, bad arguments, or an unknown id given to --explain).
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from heapq import merge as merge_sorted
from pathlib import Path

from geo.contract import ContractError, read_events
from geo.curate import CurationError, CurationReport, apply_curation, curation_lock, document_overrides, mark_documents, read_curation
from geo.engine import run_paths
from geo.ingest import discover
from geo.merge import EventSpill, combined, merge_clusters, output_order
from geo.pipeline import settle_collector
from geo.records import Event
from geo.write import OutputError, collection_head, output_problem, publish, to_feature

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "data/events.geojson"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m geo.load", description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="*", default=[DEFAULT_INPUT], help="files or folders (default: seeds/)")
    p.add_argument("--out", default=DEFAULT_OUT, help="output GeoJSON path; the GeoParquet goes beside it")
    p.add_argument("--curation", default=None, help="editors' curation CSV (default: curation.csv beside --out)")
    p.add_argument("--jobs", type=int, default=None, help="local worker processes (default: up to 4)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--explain", metavar="ID", default=None, help="print why an event in --out was made, then exit")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    return p


def explain(event_id: str, out: str | Path) -> int:
    """Print which words gave an event its type, date, place and actors."""
    try:
        col = read_events(out)
    except ContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for f in col.features:
        p = f.properties
        if p.id == event_id:
            print(f"{p.id}: {p.title}")
            print(f"  type      {p.event_type}   confidence {p.confidence}")
            print(f"  date      {p.date_start}..{p.date_end} ({p.date_precision}, {p.date_basis}) '{p.date_text}'")
            print(f"  place     {p.place_name} ({p.place_type}, {p.place_id})")
            for aspect, why in getattr(p, "explanation", None) or []:
                print(f"  {aspect:<9} {why}")
            for ev in p.evidence:
                print(f"  evidence  {ev.document}[{ev.start}:{ev.end}] “{ev.quote[:160]}”")
            return 0
    print(f"error: no event with id '{event_id}' in {out}", file=sys.stderr)
    return 2


class _Progress:
    """A one-line progress bar on stderr, shown only for runs with many documents."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done, self.t0 = total, enabled and total >= 20, 0, time.monotonic()

    def step(self) -> None:
        self.done += 1
        if self.enabled and (self.done % 10 == 0 or self.done == self.total):
            width = 30
            filled = int(width * self.done / self.total)
            rate = self.done / max(1e-9, time.monotonic() - self.t0)
            print(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} documents, {rate:.1f}/s",
                  end="" if self.done < self.total else "\n", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.explain:
        return explain(args.explain, args.out)
    if (problem := output_problem(args.out)) is not None:  # said before the run, not after it
        print(f"error: {problem}; nothing written", file=sys.stderr)
        return 2
    settle_collector()  # before the worker processes fork: they share the frozen objects
    paths, problems, warnings = discover(args.inputs)
    for prob in problems:
        print(f"error: {prob}", file=sys.stderr)
    if not paths:
        print("error: no readable documents; nothing written", file=sys.stderr)
        return 2
    curation_path = Path(args.curation) if args.curation else Path(args.out).with_name("curation.csv")
    # Editors' document metadata is needed before extraction: a curated publication date is
    # the reference that relative dates are resolved against.
    try:
        with curation_lock(curation_path):
            curated_docs = document_overrides(read_curation(curation_path))
    except CurationError as exc:
        print(f"error: {exc}; nothing written", file=sys.stderr)
        return 2
    progress = _Progress(len(paths), not args.quiet)
    # Keep only what the output needs (events, document metadata), not the documents' text;
    # the events go to disk, and only what the merge decides on stays in memory.
    spill, documents, failed, areas, duplicates = EventSpill(), [], len(problems), {}, 0
    first_with_text: dict[bytes, tuple[str, str]] = {}  # text digest -> (id, path) of its first document
    for r in run_paths([str(p) for p in paths], engine=args.engine, jobs=args.jobs, scheduler=args.scheduler,
                       curated=curated_docs, parts_dir=Path(args.out).resolve().parent):
        progress.step()
        warnings.extend(r.warnings)
        if r.error:
            failed += 1
            print(f"error: {r.error}", file=sys.stderr)
        if r.entry is not None and not r.error:
            original, original_path = first_with_text.setdefault(r.digest, (r.doc_id, r.path))
            if original != r.doc_id:
                warnings.append(f"{r.path}: same text as {original_path}; its events are reported once, under {original}")
                documents.append(r.entry | {"duplicate_of": original})
                duplicates += 1
                continue
            areas.update(r.areas)
            spill.extend(r.spill_events())
            documents.append(r.entry)
    if not documents:
        print("error: no document could be processed; nothing written", file=sys.stderr)
        return 2
    clusters = merge_clusters(spill.decisive)  # of the mentions that may merge (spill.keyed)
    # Read the curation and write the outputs under one lock, so an editor's save that
    # lands during this run is either applied here or by the rebuild that follows it.
    with curation_lock(curation_path):
        try:
            rows = read_curation(curation_path)
            ordered, report = (_curated_in_order(merge_clusters(spill.all_decisive()), spill, areas, rows) if rows
                               else (_in_order(clusters, spill, areas), CurationReport()))
        except CurationError as exc:
            print(f"error: {exc}; nothing written", file=sys.stderr)
            return 2
        unknown = mark_documents(documents, curated_docs)
        report.applied += len(curated_docs) - len(unknown)
        report.stale.extend(unknown)
        warnings.extend(f"{curation_path}: {s}" for s in report.stale)
        head = collection_head(documents)
        if report.applied or report.stale:
            head["curation"] = {"file": curation_path.name, "applied": report.applied, "rejected": report.rejected, "stale": report.stale}
        counts = Counter()
        try:
            written = publish(head, _counted(ordered, counts), args.out)
        except OutputError as exc:  # a full disk or a read-only folder: said in one line
            print(f"error: {exc}", file=sys.stderr)
            return 2
        finally:
            spill.close()
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    undated, unlocated = counts["undated"], counts["unlocated"]
    notes = f", {report.applied} curation rows applied" if report.applied else ""
    notes += f", {duplicates} duplicate documents reported once" if duplicates else ""
    print(
        f"{len(documents)} documents, {counts['events']} events ({undated} undated, {unlocated} unlocated){notes}, "
        f"{failed} skipped, {len(warnings)} warnings → {', '.join(str(w) for w in written)}"
    )
    return 1 if failed else 0


def _in_order(clusters: list, spill: EventSpill, areas: dict[str, str]):
    """The features in output order (geo.write.build_collection's: first day, id) when no
    editor's row applies, each built from its mentions on disk when the writer reaches it: the
    merged events (`clusters` of the mentions `spill.keyed`) and the lone mentions, which are
    sorted on disk, taken as two sorted streams. Equal keys keep the merge's order (that of their
    first mentions in the spill)."""
    merged = sorted((*output_order(e), spill.keyed[members[0]], slot) for slot, (e, members) in enumerate(clusters))
    for *_, first, slot in merge_sorted(merged, ((*key, -1) for key in spill.lone)):
        mentions = [spill[first]] if slot < 0 else [spill[spill.keyed[i]] for i in clusters[slot][1]]
        yield to_feature(combined(mentions), areas=areas)


def _curated_in_order(clusters: list, spill: EventSpill, areas: dict[str, str], rows: list[dict]):
    """`_in_order` with editors' `rows` applied (`clusters` of every mention), and the curation
    report. Editors' rows touch a few events: only those (and the last, whose contract the
    curation checks) are built before; the others stand in as their ids."""
    def feature(slot: int) -> dict:
        return to_feature(combined([spill[i] for i in clusters[slot][1]]), areas=areas)

    stand_ins = [{"type": "Feature", "geometry": None, "properties": {"id": e.id}} for e, _ in clusters]
    touched = {r["event_id"] for r in rows} | {r.get("target", "") for r in rows}
    given = [feature(i) if e.id in touched or i == len(clusters) - 1 else stand_ins[i]
             for i, (e, _) in enumerate(clusters)]
    features, report = apply_curation(given, rows)
    slot_of = {id(f): i for i, f in enumerate(stand_ins)}

    def date_start(f: dict) -> str | None:
        if id(f) not in slot_of:
            return f["properties"]["date_start"]
        interval = clusters[slot_of[id(f)]][0].interval
        return interval.start.isoformat() if interval else None

    order = sorted(range(len(features)), key=lambda k: (date_start(features[k]) or "9999", features[k]["properties"]["id"]))
    return ((feature(slot_of[id(features[k])]) if id(features[k]) in slot_of else features[k]) for k in order), report


def _counted(features, counts: Counter):
    for f in features:
        counts["events"] += 1
        counts["undated"] += f["properties"]["date_start"] is None
        counts["unlocated"] += f["geometry"] is None
        yield f


if __name__ == "__main__":
    status = main()
    # As it exits, Python runs its cycle collector over every object still tracked (the stages'
    # memos, the merge's copies): about 0.25 CPU-s after the development corpus, 7 % of the run.
    # The outputs are written and closed by now, so what is left is moved out of its reach.
    gc.freeze()
    sys.exit(status)
