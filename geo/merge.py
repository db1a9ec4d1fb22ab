"""Mentions of one happening into one event, within a document and across documents, and the
title and confidence an event ends up with."""
from __future__ import annotations

import operator
import os
import pickle
import tempfile
from array import array
from bisect import insort
from heapq import merge as merge_sorted
from collections.abc import Iterable, Sequence

from geo.contract import TAXONOMY, type_family, type_label
from geo.nearness import lies_in
from geo.records import DateInterval, Event, Evidence, Place, from_values, plain_field_names, replace
from geo.roles import PLACE_RANK

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "years": 6}


# Statements and unlisted happenings are never repeats of one another; across documents they
# do not merge, and a merged event takes a happening's type over theirs.
LOOSE = frozenset(("statement", "other"))


def merge_repeats(events: list[Event]) -> list[Event]:
    """News tells its main happening again and again ("the fire", "the blaze"): later mentions
    of the same type at the same place (or at none) with compatible dates join the first one, and
    so do a speaker's statements of one day (`_said_again`)."""
    out: list[Event] = []
    by_type: dict[tuple, list[int]] = {}  # slots of each type (and counter) in `out`: no scan over other types
    last_toll = None  # the slot of the last happening a death may be the toll of
    for e in events:
        key = (e.event_type, e.counter)  # a counter-protest is not the protest it opposes retold
        for i in by_type.get(key, ()) if e.novel != "new" else ():
            prev = out[i]
            if e.novel and not _retold(prev, e):
                continue
            if (e.event_type not in LOOSE or _said_again(prev, e)) and _agrees(prev, e):
                out[i] = _combine(prev, e)
                break
        else:
            if last_toll is not None and _a_toll(e) and _agrees(out[last_toll], e):
                out[last_toll] = _combine(out[last_toll], e)
                continue
            by_type.setdefault(key, []).append(len(out))
            if type_family(e.event_type) in TOLL_FAMILIES:
                last_toll = len(out)
            out.append(e)
    return out


def _said_again(prev: Event, e: Event) -> bool:
    """A statement naming the same people on the same day as one told before ("Newsome said Smith
    went into a North Cave Spring Street residence …", then "When the homeowner began arguing with
    Smith …, Newsome said, a 'verbal and physical exchange' occurred"): one speaker's account told
    over several sentences, not another statement. Statements otherwise never merge (a loose type).
    The first person named alone is not enough: "Das sagte Gesundheitsministerin Britta Müller heute
    im Ausschuss" and "Müller kündigte an, 460 Millionen Euro … zu nutzen" are a statement and a
    decision (measured: dev German strict 517 -> 516)."""
    return e.event_type == prev.event_type == "statement" and bool(e.actors) and e.actors == prev.actors \
        and prev.interval is not None and e.interval is not None \
        and (prev.interval.start, prev.interval.end) == (e.interval.start, e.interval.end)


def _agrees(prev: Event, e: Event) -> bool:
    """Whether a later mention's section, place and dates let it be a mention of `prev`."""
    return (prev.section == e.section
            and (prev.place is None or e.place is None or prev.place.id == e.place.id
                 or _inherits_coarsely(e) or _within(prev.place, e.place)
                 or _within(e.place, prev.place) and not _a_part(prev, e))
            and dates_compatible(prev.interval, e.interval)
            and not _dated_later(prev, e))


def _a_part(whole: Event, part: Event) -> bool:
    """A later mention that names a town of its own within the country or state an earlier one
    named is that town's happening, not the whole told again: news tells the whole first, then
    its parts ("a cholera resurgence in Haiti" … "In Center Department, there are two cases in
    Mirebalais"; "Auf Österreich rollt eine Kündigungswelle zu" … "im Werk Leoben muss ein Drittel
    der Belegschaft gehen"). A place only inherited names no part, and a town and its Kreis or
    county are one place told twice (`_within`). Measured: dev strict 1167 -> 1170."""
    return whole.place.type in ("country", "admin1") and not (whole.place_inherited or part.place_inherited)


# A death told with neither a place nor a day of its own ("Mindestens 15 Menschen kamen ums
# Leben", "63 Menschen seien seit dem Morgen getötet worden") is the toll of the disaster,
# accident or attack told last before it, not a killing of its own. (`geo.events` also types a
# story's bare deaths by its headline happening when the headline is of these families.)
TOLL_FAMILIES = frozenset(("accident", "disaster", "conflict"))


def _a_toll(e: Event) -> bool:
    return (e.event_type == "killing" and not e.novel and (e.place is None or e.place_inherited)
            and (e.interval is None or bool(e.interval.inherited)))


def _inherits_coarsely(e: Event) -> bool:
    """A mention whose place is only inherited repeats a happening told elsewhere, unless what it
    inherits is a town of its own paragraph: "In Seefeld … Kögel gewinnt die Stichwahl" is that
    town's run-off, not the one told before in Gauting (measured: dev recall 0.56 -> 0.57,
    held-out found 0.68 -> 0.70)."""
    return e.place_inherited and e.place.type not in ("city", "site")


# Families whose acts recur within one story (arrests, attacks, charges, protests, meetings): "a
# man was arrested" after the lede's raid may be one more arrest, not the raid retold.
_RECURRING = frozenset(("crime", "conflict", "justice", "protest", "diplomacy"))


def _retold(first: Event, later: Event) -> bool:
    """Whether a happening told with an indefinite article ("ist es zu einem Unfall gekommen")
    retells an earlier one: the same day and the same place, both from their own sentences; or,
    for a one-off happening told before (a fire, a crash, a storm, a strike), a mention with no
    day and no place of its own ("Auch die Polizei fährt mit einem Kommando zum Brandort"): it
    names no other. Measured: dev (226) 1036 -> 1022 predictions, none right lost; held-out
    (184) 829 -> 817, precision 0.480 -> 0.496 (the lede's alone: 816, 0.485)."""
    a, b = first.interval, later.interval
    if later.novel == "indefinite" and type_family(first.event_type) not in _RECURRING \
            and first.place is not None and later.place is not None and first.place.id == later.place.id \
            and (later.place_inherited or _undated_retelling(first, later)) \
            and (b is None or b.basis == "inferred" and a is not None and a.start <= b.start and b.end <= a.end):
        return True
    return (a is not None and b is not None and a.precision == b.precision == "day" and a.start == b.start
            and first.place is not None and later.place is not None and not (first.place_inherited or later.place_inherited)
            and first.place.id == later.place.id)


def _undated_retelling(first: Event, later: Event) -> bool:
    """English news names the happening its lede told again with an indefinite article and the
    same place, neither dated: "The recent fatal crash in rural Olmsted County …" then "The man who
    was ejected from his car after a roll-over crash near Chatfield has died". Not in German, where
    a police report's second "eine Mure" in the same village is another one (measured: dev German
    found 577 -> 576 when German was included)."""
    return first.interval is None and later.interval is None and later.language == "en"


def _within(a, b) -> bool:
    """A town within a state or country: the same happening told at two levels. Not a town within
    a county or Landkreis: a local paper's district frames its towns' separate happenings (each
    town's run-off in "Stichwahl im Landkreis Starnberg")."""
    if b.type == "admin2":  # its seat, where the Kreis has its point, is the same place told twice
        return a.type == "city" and abs(a.lat - b.lat) < 0.02 and abs(a.lon - b.lon) < 0.02
    return lies_in(a, b)


def _dated_later(first: Event, later: Event) -> bool:
    """An undated happening told first and a later mention with a date of its own ("In 2002, a
    landslide …") are two happenings: news dates its main happening at once or not at all. A
    date only inherited from the document counts as none unless the later date lies inside it."""
    if later.interval is None or later.interval.basis == "inferred":
        return False
    if first.interval is None:
        return True
    # A first mention dated only from the document ("2021") retold with its day inside that
    # time ("Am Samstag, 29. Mai 2021, …") is the same happening; "In 2002, …" is another.
    a, b = first.interval, later.interval
    return a.basis == "inferred" and not (a.start <= b.start and b.end <= a.end)


def dates_compatible(a: DateInterval | None, b: DateInterval | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def types_compatible(a: str, b: str) -> bool:
    return (a == b or type_family(a) == type_family(b) or a in LOOSE or b in LOOSE
            or any(a in group and b in group for group in _RELATED))


_RELATED = [frozenset(g) for g in TAXONOMY.get("related") or ()]


def told_together(a: str, b: str) -> bool:
    """Types one text's mentions of one happening may carry: the same, or related in the
    taxonomy (a visit that inspects a deployment); a shared family alone is not enough."""
    return a == b or a in LOOSE or b in LOOSE or any(a in group and b in group for group in _RELATED)


_EXPLANATION_MAX = 60  # lines; a happening told a thousand times needs no thousand reasons


def joined_evidence(a: tuple[Evidence, ...], b: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Both evidence lists in text order, each quote once. A later mention's quotes usually
    come after the earlier ones: then joining is a concatenation, not a sort (merging stays
    linear in the mentions)."""
    key = lambda v: (v.document, v.start)  # noqa: E731
    if a and b and key(a[-1]) < key(b[0]) and len(set(b)) == len(b):
        return a + b
    return tuple(sorted(set(a + b), key=key))


def _joined_explanation(a: tuple, b: Event) -> tuple:
    if len(a) >= _EXPLANATION_MAX:
        return a if a[-1][0] == "merged" and a[-1][1].startswith("and ") else a + (("merged", "and further mentions"),)
    return a + (("merged", f"with {b.id}: {b.event_type}"),) + b.explanation


def _combine(a: Event, b: Event) -> Event:
    """One event from two mentions: the more specific type, date and place win."""
    # The first mention names the happening; a statement or "other" gives way to a happening.
    etype = b.event_type if a.event_type in LOOSE and b.event_type not in LOOSE else a.event_type
    dated = [e for e in (a, b) if e.interval]
    best_t = min(dated, key=lambda e: PRECISION_RANK.get(e.interval.precision, 9)) if dated else a
    placed = [e for e in (a, b) if e.place]
    best_p = min(placed, key=lambda e: (e.place_inherited, PLACE_RANK.get(e.place.type, 9))) if placed else a
    ids = sorted([a.id, b.id])
    return replace(
        a,
        id=ids[0],
        event_type=etype,
        interval=best_t.interval,
        date_text=" / ".join(dict.fromkeys(x for x in (a.date_text, b.date_text) if x)),
        place=best_p.place,
        place_inherited=best_p.place_inherited,
        place_label=best_p.place_label,
        headline=a.headline or b.headline,
        actors=tuple(dict.fromkeys(a.actors + b.actors)),
        cited_sources=tuple(dict.fromkeys(a.cited_sources + b.cited_sources)),
        documents=tuple(sorted(set(a.documents + b.documents))),
        evidence=joined_evidence(a.evidence, b.evidence),
        places_mentioned=tuple(p for p in dict.fromkeys(a.places_mentioned + b.places_mentioned) if p != best_p.place),
        explanation=_joined_explanation(a.explanation, b),
        section=a.section if a.section == b.section else "body",
    )


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one happening, within and across documents.

    Two events merge when their types are alike, they share an actor, their dates overlap
    (or neither is dated and they name the same place), and their places agree. Candidates
    are found through an index on (actor, year) and (actor, place), so the cost grows with
    the number of events, not its square.
    """
    return [combined([events[i] for i in members]) for _, members in merge_clusters(events)]


def merge_clusters(events: Sequence[Event]) -> list[tuple[Event, list[int]]]:
    """Which events `merge_events` joins: per merged event, in its order, the merged event as
    far as the merge decisions see it (id, type, section, actors, dates, place) and the
    indexes of its mentions in the order they join. The decisions read only those fields, so
    they are taken on copies without the quotes and explanations: the loader keeps such copies
    in memory and the whole mentions on disk (`EventSpill`), and `combined` builds each event."""
    merged: list[Event] = []
    members: list[list[int]] = []
    index: dict[tuple, _Bucket] = {}
    keys_of: dict[int, list[tuple]] = {}  # slot -> the keys whose buckets hold it
    for n in sorted(range(len(events)), key=lambda i: events[i].id):
        e = decisive(events[n])
        slot = None
        pb = _stated_place(e)
        for key in _merge_keys(e):
            bucket = index.get(key)
            if bucket is None:
                continue
            for i in bucket.candidates(pb):
                if _same_happening(merged[i], e):
                    slot = i
                    break
            if slot is not None:
                break
        if slot is None:
            merged.append(e)
            members.append([n])
            slot = len(merged) - 1
        else:
            before = _stated_place(merged[slot])
            merged[slot] = decisive(finish(_combine(merged[slot], e)))  # its explanation grows otherwise
            members[slot].append(n)
            after = _stated_place(merged[slot])
            if after != before:
                for key in keys_of.get(slot, ()):
                    index[key].move(slot, before, after)
        place = _stated_place(merged[slot])
        for key in _merge_keys(merged[slot]):
            bucket = index.get(key)
            if bucket is None:
                bucket = index[key] = _Bucket()
            if bucket.add(slot, place):
                keys_of.setdefault(slot, []).append(key)
    return list(zip(merged, members))


def _stated_place(e: Event) -> str | None:
    """The place id `_same_happening` compares: a place of the event's own, not inherited."""
    return e.place.id if e.place and not e.place_inherited else None


class _Bucket:
    """The merged events under one merge key, in the order they joined it, also by the place
    they state: two events at different stated places never merge (`_same_happening`), so an
    event at a place is compared only with those at that place or at none, in the same order
    as a scan of the whole bucket would take them, and the first that matches is the same."""

    __slots__ = ("order", "position", "by_place")

    def __init__(self):
        self.order: list[int] = []  # slots in the order they joined
        self.position: dict[int, int] = {}  # slot -> its index in `order`
        self.by_place: dict[str | None, list[int]] = {}  # stated place -> positions, ascending

    def add(self, slot: int, place: str | None) -> bool:
        if slot in self.position:
            return False
        self.position[slot] = len(self.order)
        self.by_place.setdefault(place, []).append(len(self.order))
        self.order.append(slot)
        return True

    def move(self, slot: int, before: str | None, after: str | None) -> None:
        """A slot's stated place changed (a merge gave a placeless event its place)."""
        at = self.position[slot]
        self.by_place[before].remove(at)
        insort(self.by_place.setdefault(after, []), at)

    def candidates(self, place: str | None):
        """The slots an event stating `place` may merge with, in the bucket's order."""
        if place is None or len(self.by_place) == 1 and (place in self.by_place or None in self.by_place):
            return self.order
        order = self.order
        here, nowhere = self.by_place.get(place, ()), self.by_place.get(None, ())
        return (order[k] for k in (merge_sorted(here, nowhere) if here and nowhere else here or nowhere))


def combined(mentions: list[Event]) -> Event:
    """The event `merge_events` makes of mentions `merge_clusters` grouped, in their order."""
    event = mentions[0]
    for e in mentions[1:]:
        event = finish(_combine(event, e))
    return event


def decisive(e: Event, shared: dict | None = None) -> Event:
    """The event without what no merge decision reads (quotes, explanations, sources, titles);
    with `shared`, equal places, dates and actor lists are one object across events."""
    if not (e.evidence or e.explanation or e.places_mentioned or e.cited_sources or e.documents or e.title):
        return e
    if shared is None and e.evidence == e.explanation == e.places_mentioned == e.cited_sources == () \
            and e.title == e.date_text == e.place_label == "":
        return e  # already such a copy (the merge's own): the copy would equal it
    one = (lambda x: x) if shared is None else (lambda x: shared.setdefault(x, x))
    place = e.place and one(_PlaceKey(e.place)).place
    return replace(e, title="", date_text="", cited_sources=(), documents=one(e.documents), evidence=(), places_mentioned=(),
                   explanation=(), place_label="", place=place, interval=one(e.interval), actors=one(e.actors),
                   event_type=one(e.event_type), section=one(e.section), language=one(e.language))


_PLACE_FIELDS = operator.attrgetter("id", "name", "type", "lat", "lon", "country_code", "admin1", "population", "name_de")


class _PlaceKey:
    """A place as a key on all its fields (a Place's equality leaves out its German name)."""

    __slots__ = ("place", "_key")

    def __init__(self, place: Place):
        self.place = place
        self._key = _PLACE_FIELDS(place) + (place.geometry is None,)

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other) -> bool:
        return isinstance(other, _PlaceKey) and self._key == other._key


_NESTED = ("interval", "place", "evidence", "places_mentioned")  # record-valued fields of an Event


_EVENT_NAMES, _PLACE_NAMES = plain_field_names(Event), plain_field_names(Place)
_INTERVAL_NAMES, _EVIDENCE_NAMES = plain_field_names(DateInterval), plain_field_names(Evidence)
_FLAT = None not in (_EVENT_NAMES, _PLACE_NAMES, _INTERVAL_NAMES, _EVIDENCE_NAMES) \
    and set(_NESTED) <= set(_EVENT_NAMES or ())


def pack_event(e: Event) -> bytes:
    """An event's bytes in the spill: its fields and its records' fields as tuples of plain
    values, pickled; `unpack_event` gives back an equal event (every field, `geometry` and
    `name_de` too). Half the bytes of the event's own pickle and about a third faster both
    ways: a record's pickle names its class and every field, at every event."""
    if not _FLAT or type(e) is not Event:
        return pickle.dumps(e, protocol=5)
    d = e.__dict__
    iv, place = d["interval"], d["place"]
    if type(d["evidence"]) is not tuple or type(d["places_mentioned"]) is not tuple \
            or (iv is not None and type(iv) is not DateInterval) or (place is not None and type(place) is not Place) \
            or any(type(v) is not Evidence for v in d["evidence"]) or any(type(p) is not Place for p in d["places_mentioned"]):
        return pickle.dumps(e, protocol=5)
    flat = (tuple(None if k in _NESTED else d[k] for k in _EVENT_NAMES),
            None if iv is None else tuple(iv.__dict__[k] for k in _INTERVAL_NAMES),
            None if place is None else tuple(place.__dict__[k] for k in _PLACE_NAMES),
            tuple(tuple(v.__dict__[k] for k in _EVIDENCE_NAMES) for v in d["evidence"]),
            tuple(tuple(p.__dict__[k] for k in _PLACE_NAMES) for p in d["places_mentioned"]))
    return pickle.dumps(flat, protocol=5)


def unpack_event(data: bytes) -> Event:
    """The event `pack_event` packed."""
    got = pickle.loads(data)
    if type(got) is not tuple:
        return got
    values, iv, place, evidence, mentioned = got
    attrs = dict(zip(_EVENT_NAMES, values))
    attrs["interval"] = None if iv is None else from_values(DateInterval, _INTERVAL_NAMES, iv)
    attrs["place"] = None if place is None else from_values(Place, _PLACE_NAMES, place)
    attrs["evidence"] = tuple(from_values(Evidence, _EVIDENCE_NAMES, v) for v in evidence)
    attrs["places_mentioned"] = tuple(from_values(Place, _PLACE_NAMES, p) for p in mentioned)
    return from_values(Event, attrs.keys(), attrs.values())


class PackedEvents:
    """A document's events as `EventSpill` keeps them, made where they were extracted (a
    worker process): each event's pickle, for the spill's file, and for the merge either its
    `decisive` copy (a mention that may merge) or, for one without a merge key (most of them),
    only its place in the output (`orders`). The loader's process then neither unpickles
    whole events nor pickles them again, nor unpickles a merge copy it would drop;
    `EventSpill.extend` takes these as it takes the events themselves."""

    __slots__ = ("pickles", "decisive", "orders")

    def __init__(self, events: Iterable[Event]):
        self.pickles: list[bytes] = []
        self.decisive: list[Event | None] = []
        self.orders: list[tuple[str, str] | None] = []
        for e in events:
            self.pickles.append(pack_event(e))
            lone = not _merge_keys(e)
            self.decisive.append(None if lone else decisive(e))
            self.orders.append(output_order(e) if lone else None)

    def __getstate__(self):
        return self.pickles, self.decisive, self.orders

    def __setstate__(self, state):
        self.pickles, self.decisive, self.orders = state


class EventSpill:
    """Extracted events on disk (a temporary file, one pickle each). In memory only what the
    cross-document merge needs, without every quote of the corpus: the `decisive` copies of the
    mentions that may merge (`keyed`: their indexes in the spill), and the output order of the
    others, which have no merge key and so stay events of their own (`lone`, sorted on disk)."""

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="geo-events-")
        self._offsets = array("q", [0])
        self.decisive: list[Event] = []
        self.keyed = array("q")
        self.lone = SortedKeys()
        self._shared: dict = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def extend(self, events: "Iterable[Event] | PackedEvents") -> None:
        if isinstance(events, PackedEvents):
            pickles, copies, orders = events.pickles, events.decisive, events.orders
        else:
            events = list(events)
            pickles, copies, orders = [pack_event(e) for e in events], events, [None] * len(events)
        self._file.seek(0, os.SEEK_END)
        end = self._offsets[-1]
        for data, e, order in zip(pickles, copies, orders):
            if order is None and _merge_keys(e):
                self.keyed.append(len(self))
                self.decisive.append(decisive(e, self._shared))
            else:
                self.lone.add((*(order or output_order(e)), len(self)))
            self._file.write(data)
            end += len(data)
            self._offsets.append(end)

    def __getitem__(self, i: int) -> Event:
        self._file.seek(self._offsets[i])
        return unpack_event(self._file.read(self._offsets[i + 1] - self._offsets[i]))

    def all_decisive(self) -> list[Event]:
        """The `decisive` copy of every event, in spill order (the lone ones read back)."""
        copies: list[Event | None] = [None] * len(self)
        for i, e in zip(self.keyed, self.decisive):
            copies[i] = e
        return [e if e is not None else decisive(self[i], self._shared) for i, e in enumerate(copies)]

    def close(self) -> None:
        self._file.close()
        self.lone.close()


def output_order(e: Event) -> tuple[str, str]:
    """An event's place in the output: by its first day (undated last), then its id."""
    return e.interval.start.isoformat() if e.interval else "9999", e.id


class SortedKeys:
    """Many sort keys (tuples), read back in order: sorted in runs of `run` keys that go to
    temporary files, and merged as they are read, so memory holds one run, not the corpus."""

    def __init__(self, run: int = 100_000):
        self._run, self._keys, self._files = run, [], []

    def add(self, key: tuple) -> None:
        self._keys.append(key)
        if len(self._keys) >= self._run:
            self._keys.sort()
            fh = tempfile.TemporaryFile(prefix="geo-keys-")
            for at in range(0, len(self._keys), 5000):
                pickle.dump(self._keys[at:at + 5000], fh, protocol=5)
            self._files.append(fh)
            self._keys = []

    def __iter__(self):
        self._keys.sort()
        return merge_sorted(self._keys, *(self._read(fh) for fh in self._files))

    @staticmethod
    def _read(fh):
        fh.seek(0)
        while True:
            try:
                block = pickle.load(fh)
            except EOFError:
                return
            yield from block

    def close(self) -> None:
        for fh in self._files:
            fh.close()


def _merge_keys(e: Event) -> list[tuple]:
    if e.event_type in ("statement", "other"):
        return []
    if e.interval:
        years = range(e.interval.start.year, min(e.interval.end.year, e.interval.start.year + 30) + 1)
        return [(a, y) for a in e.actors for y in years]
    if e.place and not e.place_inherited:
        return [(a, e.place.id) for a in e.actors]
    return []


def _same_happening(a: Event, b: Event) -> bool:
    """Both dated and overlapping, or both undated at the same stated place; a shared actor;
    types alike (an assessment and the report that carries it are one happening)."""
    if a.section != b.section or "statement" in (a.event_type, b.event_type) or "other" in (a.event_type, b.event_type):
        return False
    if not types_compatible(a.event_type, b.event_type):
        return False
    if set(a.documents) & set(b.documents) and not told_together(a.event_type, b.event_type):
        return False  # one text told a resignation and an appointment apart: they stay two
    if not set(a.actors) & set(b.actors):
        return False
    pa = a.place.id if a.place and not a.place_inherited else None
    pb = b.place.id if b.place and not b.place_inherited else None
    if pa and pb and pa != pb:
        return False
    if a.interval and b.interval:
        return dates_compatible(a.interval, b.interval) and (a.event_type == b.event_type or pa == pb or not (pa and pb))
    if a.interval is None and b.interval is None:
        return a.event_type == b.event_type and pa is not None and pa == pb
    return False


def finish(e: Event) -> Event:
    """Title and confidence from what the event ended up with."""
    return replace(e, title=_title(e), confidence=_confidence(e))


def _title(e: Event) -> str:
    """ "Warnstreik in Hamburg (Verdi)", "Angriff im Karibischen Meer", "Flood in Valencia"."""
    lang = e.language if e.language in ("de", "en") else "en"
    title = type_label(e.event_type, lang)
    who = ", ".join(e.actors[:2])
    if e.place:
        title += " " + (e.place_label or f"in {local_name(e.place, lang)}")
    if who:
        title += f" ({who})" if e.place else f": {who}"
    return title


def _confidence(e: Event) -> float:
    c = 0.45
    if e.interval:
        c += 0.1 if e.interval.basis == "inferred" else 0.15
    if e.place:
        c += 0.05 if e.place_inherited else 0.15
    if e.actors:
        c += 0.1
    c += min(0.15, 0.05 * (len(e.evidence) - 1))
    if e.headline:
        c += 0.05
    if e.section != "body":
        c *= 0.4
    return round(max(0.05, min(0.99, c)), 2)


def local_name(place: Place, language: str) -> str:
    return (place.name_de or place.name) if language == "de" else place.name
