"""Sentences plus their dates, places and actors into events; repeated mentions merged.

A sentence reports a happening when it holds a trigger word of an event type
(`geo/ref/event_triggers.yaml`). Its event takes the sentence's most precise date, the place
where it happened (not the places merely mentioned with it), its actors and cited sources.
Mentions of the same happening are then merged, within and across documents.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from geo.records import (
    ActorMention,
    DateInterval,
    Document,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Sentence,
    SourceMention,
    TimeMention,
)
from geo.ref import load_yaml

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "years": 6}
PLACE_RANK = {"site": 0, "city": 1, "admin1": 2, "border": 3, "country": 4, "sea": 5, "region": 6, "unknown": 7}
# Types that describe one happening from different angles and may merge when adjacent.
_COMPATIBLE = [
    {"deployment", "visit", "statement"},
    {"investigation", "raid_arrest", "legal_policy", "statement"},
    {"intelligence_assessment", "document_release", "statement"},
    {"strike", "statement"},
]
_LABELS = {
    "de": {
        "deployment": "Stationierung", "strike": "Angriff", "visit": "Besuch", "investigation": "Ermittlungen",
        "raid_arrest": "Festnahmen", "intelligence_assessment": "Geheimdienst-Einschätzung",
        "document_release": "Dokument", "statement": "Erklärung", "legal_policy": "Recht und Politik",
        "bounty_sanction": "Kopfgeld/Sanktion", "deportation": "Abschiebung", "other": "Ereignis",
    },
    "en": {
        "deployment": "Deployment", "strike": "Strike", "visit": "Visit", "investigation": "Investigation",
        "raid_arrest": "Arrests", "intelligence_assessment": "Intelligence assessment",
        "document_release": "Document", "statement": "Statement", "legal_policy": "Law and policy",
        "bounty_sanction": "Bounty/sanction", "deportation": "Deportation", "other": "Event",
    },
}
_LOCATED_BEFORE = re.compile(
    r"(?:\b(?:in|im|in der|in den|auf|auf der|bei|beim|nahe|vor|an der|am|near|at|on|off|off the coast of|en|cerca de)"
    r"(?:\s+(?:de[rmns]?|die|das|the|la|el|los|las))?\s+(?:\w+e[nmr]?\s+)?)$",
    re.I,
)
_ORIGIN_OR_TARGET_BEFORE = re.compile(
    r"\b(?:aus|von|gegen|nach|from|against|to|toward|towards|desde|contra|hacia)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:\w+e[nmr]?\s+)?$",
    re.I,
)
# Where troops are sent or a visitor travels is where the deployment or visit happens.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:nach|to|toward|towards|hacia|in Richtung)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:\w+e[nmr]?\s+)?$", re.I
)
_MOVEMENT_TYPES = frozenset(("deployment", "visit", "deportation"))
_HYPOTHETICAL = re.compile(
    r"^\s*(?:Selbst |Auch |Even )?(?:Sollte|Sollten|Falls|Wenn|wenn|Würde|If|if|Should|Were)\b"
    r"|\b(?:würde|würden|wäre|wären|hätte|hätten|would|might|could|unwahrscheinlich|unlikely)\b"
)
# Quoted speech: an actor named only inside a quote is talked about, not acting.
_QUOTE = re.compile(r"„[^“”\n]{0,2000}[“”]|“[^”\n]{0,2000}”|«[^»\n]{0,2000}»|»[^«\n]{0,2000}«|\"[^\"\n]{0,2000}\"")


@lru_cache(maxsize=1)
def _trigger_types() -> list[str]:
    data = load_yaml("event_triggers.yaml")
    return list(data["types"])


_REPORTING_TYPES = frozenset(("intelligence_assessment", "document_release", "statement", "legal_policy"))
_INFLECTIONS = frozenset(("", "e", "en", "n", "s", "es", "er", "ern"))


@lru_cache(maxsize=1)
def _trigger_automaton():
    """One Aho–Corasick automaton over every type's stems: stem -> [(priority, type, compound)]."""
    import ahocorasick

    data = load_yaml("event_triggers.yaml")
    table: dict[str, list[tuple[int, str, bool]]] = {}
    for n, (etype, langs) in enumerate(data["types"].items()):
        for stem in {w for words in langs.values() for w in words}:
            compound = stem.startswith("*")
            table.setdefault(stem.lstrip("*"), []).append((n, etype, compound))
    auto = ahocorasick.Automaton()
    for stem, entries in table.items():
        auto.add_word(stem, (stem, sorted(entries)))
    auto.make_automaton()
    return auto


def _triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every trigger in a document, each widened to its whole word.

    A plain stem must start a word ("festgenommen"); a "*" stem may also end a compound
    ("Luftangriff"), followed only by an inflection ending.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    n = len(low)
    best: dict[int, tuple[int, int, str]] = {}
    for last, (stem, entries) in _trigger_automaton().iter(low):
        start, end = last - len(stem) + 1, last + 1
        at_word_start = start == 0 or not low[start - 1].isalnum()
        word_end = end
        while word_end < n and low[word_end].isalnum():
            word_end += 1
        for prio, etype, compound in entries:
            if at_word_start or (compound and low[end:word_end] in _INFLECTIONS):
                word_start = start
                while word_start > 0 and low[word_start - 1].isalnum():
                    word_start -= 1
                hit = (prio, word_end if not (" " in stem) else end, etype)
                if word_start not in best or hit < best[word_start]:
                    best[word_start] = hit
                break
    return [(ws, end, etype) for ws, (_, end, etype) in sorted(best.items())]


def _trigger(sentence: str, found: list[tuple[int, int, str]], offset: int) -> tuple[str, str] | None:
    """The highest-priority trigger among those found in this sentence."""
    if not found:
        return None
    order = _trigger_types()
    start, end, etype = min(found, key=lambda f: (order.index(f[2]), f[0]))
    return etype, sentence[start - offset:end - offset]


def _within(items, s: Sentence, starts: list[int] | None = None):
    """Mentions inside a sentence; `starts` (sorted starts of `items`) makes it a bisect."""
    if starts is None:
        return [m for m in items if m.start >= s.start and m.end <= s.end]
    lo, hi = bisect_left(starts, s.start), bisect_right(starts, s.end)
    return [m for m in items[lo:hi] if m.end <= s.end]


def _place_role(doc_text: str, m: PlaceMention, etype: str | None = None) -> str:
    """'located' where the happening took place, 'mentioned' for origins, targets, demonyms."""
    if m.weak:
        return "mentioned"
    before = doc_text[max(0, m.start - 40):m.start]
    if etype in _MOVEMENT_TYPES and _DESTINATION_BEFORE.search(before):
        return "located"
    if _ORIGIN_OR_TARGET_BEFORE.search(before):
        return "mentioned"
    if _LOCATED_BEFORE.search(before):
        return "located"
    return "named"


def _best_place(doc_text: str, mentions: list[PlaceMention], etype: str | None = None) -> PlaceMention | None:
    roles = {id(m): _place_role(doc_text, m, etype) for m in mentions}
    ranked = sorted(
        (m for m in mentions if roles[id(m)] != "mentioned"),
        key=lambda m: (roles[id(m)] != "located", PLACE_RANK.get(m.place.type, 9), m.start),
    )
    if not ranked:
        return None
    top = ranked[0]
    if top.place.type in ("country", "admin1"):
        # "the Morozovsk air base in Russia's Rostov region": a city named in the same country
        # says more precisely where than the country after "in".
        inside = [m for m in ranked if m.place.type in ("city", "site") and m.place.country_code == top.place.country_code]
        if inside:
            return inside[0]
    return top


def _best_interval(times: list[TimeMention]) -> TimeMention | None:
    happening = [t for t in times if t.role == "happening"]
    return min(happening, key=lambda t: (PRECISION_RANK.get(t.interval.precision, 9), t.start)) if happening else None


def _in_quote(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Strictly inside a quotation; `quoted` are sorted, non-overlapping spans (a bisect, not a
    scan: a scan made a 5 MB document take minutes)."""
    i = bisect_left(quoted, (start,)) - 1
    return i >= 0 and quoted[i][0] < start and end < quoted[i][1]


def _outside_actor_names(places: list[PlaceMention], actors: list[ActorMention]) -> list[PlaceMention]:
    """Drop places that are part of a longer actor name ("Aragua" in "Tren de Aragua")."""
    ordered = sorted(actors, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    longest = max((a.end - a.start for a in ordered), default=0)
    keep = []
    for p in places:
        lo, hi = bisect_left(starts, p.start - longest), bisect_right(starts, p.start)
        if not any(p.end <= a.end and (a.end - a.start) > (p.end - p.start) for a in ordered[lo:hi]):
            keep.append(p)
    return keep


def extract_events(
    doc: Document,
    sentences: list[Sentence],
    *,
    times: list[TimeMention],
    places: list[PlaceMention],
    actors: list[ActorMention],
    sources: list[SourceMention],
) -> list[Event]:
    """Make one candidate event per sentence that reports a happening, then merge neighbours."""
    events: list[Event] = []
    context: dict[int, Place] = {}  # paragraph -> last place seen, for "auf der Insel" after the island was named
    heading_place: Place | None = None
    # A place inside an actor's name ("Aragua" in "Tren de Aragua") is no place of the event.
    places = _outside_actor_names(places, actors)
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(doc.text)]
    actors = [a for a in actors if not _in_quote(a.start, a.end, quoted)]
    places, times = sorted(places, key=lambda m: m.start), sorted(times, key=lambda m: m.start)
    actors, sources = sorted(actors, key=lambda m: m.start), sorted(sources, key=lambda m: m.start)
    starts = {id(lst): [m.start for m in lst] for lst in (places, times, actors, sources)}
    triggers = _triggers(doc.text)
    trigger_starts = [t[0] for t in triggers]
    for s in sentences:
        s_places = _within(places, s, starts[id(places)])
        # A place inside quoted speech is what someone talked about, not where this happened.
        outside = [m for m in s_places if not _in_quote(m.start, m.end, quoted)]
        best = _best_place(doc.text, outside)
        inherited = False
        place = best.place if best else None
        if place is None and s.paragraph in context:
            place, inherited = context[s.paragraph], True
        elif place is None and heading_place is not None:
            place, inherited = heading_place, True  # "Razzia in Hamburg" heads what follows
        strong = [m for m in outside if not m.weak]
        if strong:
            context[s.paragraph] = (best or strong[0]).place
            if s.section == "heading":
                heading_place = context[s.paragraph]
        if s.section == "heading" or _HYPOTHETICAL.search(s.text):
            continue
        lo, hi = bisect_left(trigger_starts, s.start), bisect_right(trigger_starts, s.end)
        trig = _trigger(s.text, [t for t in triggers[lo:hi] if t[1] <= s.end], s.start)
        if not trig:
            continue
        etype, trigger_word = trig
        if etype in _MOVEMENT_TYPES:
            moved = _best_place(doc.text, outside, etype)
            if moved is not None:
                best, place, inherited = moved, moved.place, False
        if inherited and etype in _REPORTING_TYPES and etype != "statement":
            place, inherited = None, False  # a report is not located by the paragraph it sits in
        if best is None and etype not in _REPORTING_TYPES:
            # Reported happenings are often quoted ("Anstieg … an der Grenze"); a report's or a
            # statement's quoted places stay its subject, never its location.
            best = _best_place(doc.text, s_places)
            if best:
                place, inherited = best.place, False
        t = _best_interval(_within(times, s, starts[id(times)]))
        # News agencies and outlets are sources of a report, not actors in the happening.
        s_actors = [a for a in _within(actors, s, starts[id(actors)]) if a.kind != "media"]
        if etype in ("statement", "other") and not (s_actors and (t or place)) and not (t and best):
            continue  # a bare "sagte" or "Anstieg" without who/when/where is not a happening
        if not (t or best or s_actors or (place and etype not in _REPORTING_TYPES)):
            continue
        names = tuple(dict.fromkeys(a.actor for a in s_actors))
        cited = tuple(dict.fromkeys(x.source for x in _within(sources, s, starts[id(sources)])))
        mentioned = tuple(dict.fromkeys(m.place for m in s_places if m.place != place))
        explanation = [("type", f"{etype} from '{trigger_word}'")]
        explanation.append(("date", f"'{t.text}' → {t.interval.start}..{t.interval.end} ({t.interval.precision}, {t.interval.basis})" if t else "no date in the sentence"))
        if place:
            how = "inherited from the paragraph" if inherited else f"'{best.text}'"
            explanation.append(("place", f"{place.name} ({place.type}) from {how}"))
        else:
            explanation.append(("place", "no place where it happened"))
        explanation.append(("actors", ", ".join(f"'{a.text}'→{a.actor}" for a in s_actors) or "none"))
        ev = Evidence(doc.id, s.start, s.end, s.text, s.text, s.start)
        events.append(
            Event(
                id=_event_id(doc.id, etype, s.text),
                title="",
                event_type=etype,
                interval=t.interval if t else None,
                date_text=t.text if t else "",
                place=place,
                place_inherited=inherited,
                actors=names,
                cited_sources=cited,
                documents=(doc.id,),
                evidence=(ev,),
                confidence=0.0,
                language=doc.language,
                section=s.section if s.section in ("appeal", "comments") else "body",
                places_mentioned=mentioned,
                explanation=tuple(explanation),
                modality="asserted",
            )
        )
    merged = _merge_adjacent(events, sentences)
    return [_finish(e) for e in merged]


def _event_id(doc_id: str, etype: str, quote: str) -> str:
    """Stable: depends only on the document id, type and the quoted words, not on offsets."""
    key = f"{doc_id}|{etype}|{' '.join(quote.split())}"
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _dates_compatible(a: DateInterval | None, b: DateInterval | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _types_compatible(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in _COMPATIBLE)


def _merge_adjacent(events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """Merge runs of neighbouring sentences in one paragraph that tell the same happening."""
    para_of = {s.start: s.paragraph for s in sentences}
    out: list[Event] = []
    for e in events:
        if out:
            prev = out[-1]
            same_para = para_of.get(prev.evidence[-1].start) == para_of.get(e.evidence[0].start)
            same_place = prev.place is None or e.place is None or prev.place.id == e.place.id
            if (
                same_para
                and same_place
                and prev.section == e.section
                and _types_compatible(prev.event_type, e.event_type)
                and _dates_compatible(prev.interval, e.interval)
            ):
                out[-1] = _combine(prev, e)
                continue
        out.append(e)
    return out


def _type_priority(etype: str) -> int:
    order = _trigger_types()
    return order.index(etype) if etype in order else len(order)


def _combine(a: Event, b: Event) -> Event:
    """One event from two mentions: the more specific type, date and place win."""
    etype = min((a.event_type, b.event_type), key=_type_priority)
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
        actors=tuple(dict.fromkeys(a.actors + b.actors)),
        cited_sources=tuple(dict.fromkeys(a.cited_sources + b.cited_sources)),
        documents=tuple(sorted(set(a.documents + b.documents))),
        evidence=tuple(sorted(set(a.evidence + b.evidence), key=lambda v: (v.document, v.start))),
        places_mentioned=tuple(p for p in dict.fromkeys(a.places_mentioned + b.places_mentioned) if p != best_p.place),
        explanation=a.explanation + (("merged", f"with {b.id}: {b.event_type}"),) + b.explanation,
        section=a.section if a.section == b.section else "body",
    )


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one happening, within and across documents.

    Two events merge when their types are alike, they share an actor, their dates overlap
    (or neither is dated and they name the same place), and their places agree. Candidates
    are found through an index on (actor, year) and (actor, place), so the cost grows with
    the number of events, not its square.
    """
    merged: list[Event] = []
    index: dict[tuple, list[int]] = {}
    for e in sorted(events, key=lambda x: x.id):
        slot = None
        for key in _merge_keys(e):
            for i in index.get(key, ()):
                if _same_happening(merged[i], e):
                    slot = i
                    break
            if slot is not None:
                break
        if slot is None:
            merged.append(e)
            slot = len(merged) - 1
        else:
            merged[slot] = _finish(_combine(merged[slot], e))
        for key in _merge_keys(merged[slot]):
            bucket = index.setdefault(key, [])
            if slot not in bucket:
                bucket.append(slot)
    return merged


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
    if not _types_compatible(a.event_type, b.event_type):
        return False
    if not set(a.actors) & set(b.actors):
        return False
    pa = a.place.id if a.place and not a.place_inherited else None
    pb = b.place.id if b.place and not b.place_inherited else None
    if pa and pb and pa != pb:
        return False
    if a.interval and b.interval:
        return _dates_compatible(a.interval, b.interval) and (a.event_type == b.event_type or pa == pb or not (pa and pb))
    if a.interval is None and b.interval is None:
        return a.event_type == b.event_type and pa is not None and pa == pb
    return False


def _finish(e: Event) -> Event:
    """Title and confidence from what the event ended up with."""
    return replace(e, title=_title(e), confidence=_confidence(e))


def _title(e: Event) -> str:
    lang = e.language if e.language in _LABELS else "en"
    label = _LABELS[lang][e.event_type]
    who = ", ".join(e.actors[:2])
    where = e.place.name if e.place else ""
    title = label
    if where:
        title += f" {'in' if lang in ('de', 'en') else 'en'} {where}"
    if who:
        title += f" ({who})" if where else f": {who}"
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
    if e.section != "body":
        c *= 0.4
    return round(max(0.05, min(0.99, c)), 2)
