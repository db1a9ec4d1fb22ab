"""Flat memory: the cross-document merge decides on copies without quotes (the whole events
wait on disk) and the writer streams; the outputs are the bytes the in-memory path writes."""
import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from geo import load, merge, write
from geo.curate import write_curation
from geo.engine import run_paths
from geo.load import main
from geo.merge import EventSpill, combined, merge_clusters, merge_events
from geo.pipeline import Resources
from geo.records import Place
from geo.write import build_collection, publish, to_feature, write_outputs

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "corpus" / "news"


@pytest.fixture(scope="module")
def outcomes():
    paths = sorted(str(p) for p in NEWS.iterdir() if p.is_file())
    return list(run_paths(paths, jobs=1, resources=Resources.load()))


def _whole_merge(events):
    """The merge as it was before streaming: every decision on the whole events."""
    merged, index = [], {}
    for e in sorted(events, key=lambda x: x.id):
        slot = next((i for key in merge._merge_keys(e) for i in index.get(key, ())
                     if merge._same_happening(merged[i], e)), None)
        if slot is None:
            merged.append(e)
            slot = len(merged) - 1
        else:
            merged[slot] = merge.finish(merge._combine(merged[slot], e))
        for key in merge._merge_keys(merged[slot]):
            if slot not in index.setdefault(key, []):
                index[key].append(slot)
    return merged


def test_merging_on_decisive_copies_gives_the_merge_of_the_whole_events(outcomes):
    events = [e for o in outcomes for e in o.events]
    assert len(merge_events(events)) < len(events)  # the corpus has mentions to merge
    assert merge_events(events) == _whole_merge(events)


def test_the_merge_by_stated_place_finds_what_a_scan_of_the_whole_key_finds(outcomes):
    """Few actors and places all over a corpus, some places inherited, some events placeless: the
    merge compares an event only with merged events at its place or at none, and gets the same
    clusters as the scan of every merged event under a key (placeless events gain places)."""
    import random

    from geo.records import replace

    events = [e for o in outcomes for e in o.events]
    places = list({e.place.id: e.place for e in events if e.place})[:6]
    places = [next(e.place for e in events if e.place and e.place.id == pid) for pid in places]
    intervals = [e.interval for e in events if e.interval][:30] + [None]
    types = ["strike", "armed_clash", "flood", "visit", "deployment", "statement", "crash"]
    joined = 0
    for seed in range(25):
        rng = random.Random(seed)
        mixed = [replace(rng.choice(events), id=f"ev_{rng.randrange(10**8):08d}", event_type=rng.choice(types),
                         actors=tuple(rng.sample("ABC", rng.randint(1, 2))), place=rng.choice(places + [None, None]),
                         place_inherited=rng.random() < 0.3, interval=rng.choice(intervals),
                         documents=(f"d{rng.randrange(6)}",), section=rng.choice(["body", "body", "appeal"]))
                 for _ in range(rng.randint(20, 200))]
        merged = merge_events(mixed)
        assert merged == _whole_merge(mixed)
        joined += len(mixed) - len(merged)
    assert joined > 300  # the sets had plenty to merge


def test_packed_events_spill_as_the_events_do(outcomes):
    """What local workers send (each event's pickle, and its merge copy or, for a mention without
    a merge key, only its output order) fills the spill as the events themselves do."""
    plain, packed = EventSpill(), EventSpill()
    for o in outcomes:
        plain.extend(o.events)
        sent = merge.PackedEvents(o.events)
        assert [c is None for c in sent.decisive] == [not merge._merge_keys(e) for e in o.events]
        assert sent.orders == [merge.output_order(e) if c is None else None for e, c in zip(o.events, sent.decisive)]
        packed.extend(sent)
    n = len(plain)
    assert [packed[i] for i in range(n)] == [plain[i] for i in range(n)] and packed.decisive == plain.decisive
    assert packed.keyed == plain.keyed and list(packed.lone) == list(plain.lone)
    plain.close()
    packed.close()


def test_spilled_events_come_back_whole(outcomes, tmp_path):
    events = [e for o in outcomes for e in o.events]
    spill = EventSpill()
    for o in outcomes:
        spill.extend(o.events)
    assert [spill[i] for i in range(len(events))] == events
    copies = spill.all_decisive()
    assert not any(e.evidence for e in copies) and len(copies) == len(events)
    assert [combined([spill[i] for i in members]) for _, members in merge_clusters(copies)] == merge_events(events)
    spill.close()


def test_mentions_without_a_merge_key_stay_alone_and_wait_on_disk(outcomes):
    """Most mentions have no merge key (no actor, a statement): the spill keeps no copy of them in
    memory, only their order on disk, and the loader's order of merged and lone events is the
    order of the merge of all of them."""
    events = [e for o in outcomes for e in o.events]
    spill = EventSpill()
    spill.lone = merge.SortedKeys(run=50)  # many runs on disk
    for o in outcomes:
        spill.extend(o.events)
    lone = [i for _, _, i in spill.lone]
    assert len(lone) > 100 and len(spill.decisive) + len(lone) == len(events) and not set(lone) & set(spill.keyed)
    alone = {members[0] for _, members in merge_clusters(spill.all_decisive()) if len(members) == 1}
    assert set(lone) <= alone
    ordered = [f["properties"]["id"] for f in load._in_order(merge_clusters(spill.decisive), spill, {})]
    expected = build_collection([to_feature(e) for e in merge_events(events)], [])["features"]
    assert ordered == [f["properties"]["id"] for f in expected]
    spill.close()


def test_sorted_keys_come_back_in_order_across_runs():
    import random

    keys = merge.SortedKeys(run=7)
    given = [(random.Random(n).choice(["2024-01-01", "9999"]), f"ev_{n % 13}", n) for n in range(100)]
    for key in given:
        keys.add(key)
    assert list(keys) == sorted(given)
    keys.close()


def test_the_loader_writes_what_the_in_memory_path_writes_also_with_curation(outcomes, tmp_path):
    events = [e for o in outcomes for e in o.events]
    merged = _whole_merge(events)
    by_type = [f for f in merged if len(f.evidence) >= 2]
    ev = by_type[0].evidence[-1]
    rows = [dict(event_id=merged[0].id, action="approve", editor="kim"), dict(event_id=merged[1].id, action="reject"),
            dict(event_id=merged[2].id, action="edit", date_start="1999-01-02"),
            dict(event_id=merged[3].id, action="merge", target=merged[4].id),
            dict(event_id=by_type[0].id, action="split", evidence=f"{ev.document}:{ev.start}", title="Zweites"),
            dict(event_id="new_one", action="add", title="Added", event_type="protest", source_note="desk"),
            dict(event_id="gone", action="approve")]
    write_curation(rows, tmp_path / "curation.csv")
    assert main([str(NEWS), "--out", str(tmp_path / "events.geojson"), "--quiet"]) == 0

    from geo.curate import apply_curation, read_curation
    areas = {k: v for o in outcomes for k, v in o.areas.items()}
    features, report = apply_curation([to_feature(e, areas=areas) for e in merged], read_curation(tmp_path / "curation.csv"))
    col = build_collection(features, [o.entry for o in outcomes])
    col["curation"] = {"file": "curation.csv", "applied": report.applied, "rejected": report.rejected, "stale": report.stale}
    write_outputs(col, tmp_path / "reference" / "events.geojson")
    for name in ("events.geojson", "events.parquet"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "reference" / name).read_bytes(), name


def _collection(n):
    from tests.test_write import _collection as three

    col = three()
    col["features"] = [json.loads(json.dumps(col["features"][i % 3]).replace('"ev_0', f'"ev_{i}_')) for i in range(n)]
    return col


def test_a_streamed_collection_is_the_same_bytes_and_the_features_are_read_once(tmp_path):
    col = _collection(7)
    write_outputs(col, tmp_path / "a" / "events.geojson")
    once = iter(col["features"])
    publish({**col, "features": []}, once, tmp_path / "b" / "events.geojson")
    assert next(once, None) is None
    for name in ("events.geojson", "events.parquet"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_parquet_written_in_chunks_holds_the_rows_and_metadata_of_one_piece(tmp_path, monkeypatch):
    col = _collection(8)
    col["features"][0]["properties"]["country_code"] = "DE"  # only the first chunk has one: others are null-typed
    write_outputs(col, tmp_path / "one" / "events.geojson")
    monkeypatch.setattr(write, "_CHUNK_ROWS", 3)
    write_outputs(col, tmp_path / "chunks" / "events.geojson")
    one, chunks = (pq.ParquetFile(tmp_path / d / "events.parquet") for d in ("one", "chunks"))
    assert chunks.metadata.num_row_groups == 3 and one.metadata.num_row_groups == 1
    assert chunks.read().equals(one.read())
    assert chunks.schema_arrow.metadata == one.schema_arrow.metadata
    assert (tmp_path / "one" / "events.geojson").read_bytes() == (tmp_path / "chunks" / "events.geojson").read_bytes()
    assert not list((tmp_path / "chunks" / ".events.versions").glob("*/.chunk-*"))  # the chunks are gone


def _deep(x):
    """A record as nested plain values with every type, field (also those left out of ==) and
    container kind spelled out."""
    if hasattr(x, "__dataclass_fields__"):
        return type(x), tuple((k, _deep(v)) for k, v in x.__dict__.items())
    if type(x) in (tuple, list):
        return type(x), tuple(_deep(v) for v in x)
    if type(x) is dict:
        return dict, tuple((k, _deep(v)) for k, v in x.items())
    return type(x), x


@dataclasses.dataclass(frozen=True)
class _OtherPlace(Place):
    note: str = ""


def test_packed_events_come_back_with_every_field_as_it_was(outcomes):
    """The spill's bytes of an event (its fields as plain values) give back the event itself:
    every field in order, with its type, `geometry` and `name_de` too; an event with a record
    of another class than the usual is pickled whole and comes back too."""
    from geo.records import replace

    events = [e for o in outcomes for e in o.events]
    assert any(e.place for e in events) and any(e.places_mentioned for e in events) and any(e.interval for e in events)
    for e in events:
        assert _deep(merge.unpack_event(merge.pack_event(e))) == _deep(e)
    outlined = replace(events[0], place=Place("x:1", "X", "country", 1.0, 2.0, geometry={"type": "Point", "coordinates": [2.0, 1.0]},
                                              name_de="Iks"))
    assert _deep(merge.unpack_event(merge.pack_event(outlined))) == _deep(outlined)

    odd = replace(events[0], place=_OtherPlace("x:2", "Y", "city", 0.0, 0.0, note="n"))
    assert _deep(merge.unpack_event(merge.pack_event(odd))) == _deep(odd)
