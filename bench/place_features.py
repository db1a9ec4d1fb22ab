"""Candidates and features for a learned place ranker (an experiment beside the loader's hand rules
in `geo.roles` and `geo.events`; the loader does not use it). For one event the candidates are
the places named in its sentence, its paragraph, the lede, the title and the dateline, each
mention's most populous namesakes, and the rules' own choice; each gets a few features (the word
before its mention, where it is named, its role, level and size, how far it lies from the
document's other places and the outlet). `bench.place_choice` collects them on the development
gold, `bench.place_ranker` fits and cross-validates the ranker."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from geo.nearness import km, lies_in
from geo.records import Document, Event, Place, PlaceMention, Sentence
from geo.roles import dateline_place, roles_of
from geo.where import context_cue

# The word right before a mention, by what it says of the place (both languages).
_CUES = {
    "at": frozenset("in im bei beim nahe near at outside inside am an auf nächst".split()),
    "from": frozenset("aus from von vom".split()),
    "to": frozenset("nach to toward towards richtung into ins zum zur".split()),
}
_PREV_WORD = re.compile(r"([\w-]+)\W{0,3}$")
_LEVELS = ("site", "city", "admin2", "admin1", "country", "area")
_NAMESAKES = 6  # the most populous namesakes of a mention kept as candidates
_CONTEXT_CUES = ("locative", "state", "person", "qualified", "article", "area_article", "appended", "proper")


@dataclass
class Candidate:
    """One place an event could be at, with the mentions that name it in the text."""

    place: Place
    mentions: list = field(default_factory=list)  # PlaceMentions of the body naming this place
    in_title: bool = False
    namesake: bool = False  # only another place's name names it (the resolver chose another)


def level(p: Place) -> str:
    return p.type if p.type in _LEVELS else "area"


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 25), start)
    return m.group(1).lower() if m else ""


def _cue(text: str, m: PlaceMention) -> str:
    word = _prev_word(text, m.start)
    return next((k for k, words in _CUES.items() if word in words), "")


def candidates(doc: Document, sentences: list[Sentence], places: list[PlaceMention], title_places: list[PlaceMention],
               event: Event, gazetteer=None) -> tuple[list[Candidate], Sentence | None]:
    """The places `event` could be at, and the sentence of its first evidence."""
    ev = event.evidence[0]
    sent = next((s for s in sentences if s.start <= ev.start < s.end), None)
    para = sent.paragraph if sent is not None else -1
    lede = min((s.paragraph for s in sentences if s.section == "body"), default=0)
    paras = {para, lede}
    spans = [(s.start, s.end) for s in sentences if s.paragraph in paras]
    out: dict[str, Candidate] = {}

    def add(p: Place, m: PlaceMention | None = None, title: bool = False, namesake: bool = False) -> None:
        c = out.get(p.id)
        if c is None:
            c = out[p.id] = Candidate(p, namesake=namesake)
        elif not namesake:
            c.namesake = False
        if m is not None:
            c.mentions.append(m)
        c.in_title |= title

    dl = dateline_place(doc.text, places)
    for m in places:
        if any(a <= m.start < b for a, b in spans) or (dl is not None and m.place.id == dl.id and m.start < 300):
            add(m.place, m)
    for m in title_places:
        add(m.place, title=True)
    # every body mention of a candidate counts toward how often the document names it
    for m in places:
        if m.place.id in out and m not in out[m.place.id].mentions:
            out[m.place.id].mentions.append(m)
    if gazetteer is not None:
        for c in list(out.values()):
            for text in {m.text for m in c.mentions if not m.weak}:
                alts = sorted((a.place for a in gazetteer.candidates(text) if a.place.id not in out),
                              key=lambda p: -(p.population or 0))[:_NAMESAKES]
                for p in alts:
                    add(p, namesake=True)
    if event.place is not None:
        add(event.place)
    return list(out.values()), sent


def features(doc: Document, sentences: list[Sentence], places: list[PlaceMention], cands: list[Candidate],
             sent: Sentence | None, event: Event, outlet: Place | None, gazetteer=None) -> list[dict[str, float]]:
    """One feature row per candidate (name -> value; absent names are 0)."""
    text = doc.text
    ev = event.evidence[0]
    s_start, s_end = (sent.start, sent.end) if sent is not None else (ev.start, ev.end)
    para = sent.paragraph if sent is not None else -1
    lede = min((s.paragraph for s in sentences if s.section == "body"), default=0)
    para_of = {}
    for s in sentences:
        para_of[(s.start, s.end)] = s.paragraph
    starts = sorted(para_of)

    def paragraph(pos: int) -> int:
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid][0] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return para_of[starts[lo - 1]] if lo else -1

    s_mentions = [m for m in places if s_start <= m.start < s_end]
    roles = roles_of(text, s_mentions, event.event_type) if s_mentions else {}
    doc_roles = roles_of(text, places, event.event_type) if places else {}
    # the paragraph's last place before the sentence: what a sentence naming none inherits
    before = [m for m in places if not m.weak and m.start < s_start and paragraph(m.start) == para]
    trail = before[-1].place.id if before else None
    lede_first = next((m.place.id for m in places if not m.weak and paragraph(m.start) == lede
                       and doc_roles.get(id(m)) == "located"), None)
    strong = [m.place for m in places if not m.weak]
    dl = dateline_place(text, places)
    rows = []
    for c in cands:
        p = c.place
        f: dict[str, float] = {"bias": 1.0, f"level_{level(p)}": 1.0}
        if p.type in ("city", "site"):
            f["log_pop"] = math.log10((p.population or 0) + 1) / 6
        own = [m for m in c.mentions if s_start <= m.start < s_end]
        near = min(own, key=lambda m: abs(m.start - ev.start), default=None)
        if near is not None:
            f["in_sentence"] = 1.0
            f["distance"] = math.log1p(abs(near.start - ev.start)) / 6
            f["before_trigger"] = float(near.start < ev.start)
            f[f"cue_{_cue(text, near) or 'none'}"] = 1.0
            ctx = context_cue(text, near.start, near.end, doc.language)
            if ctx in _CONTEXT_CUES:
                f[f"ctx_{ctx}"] = 1.0
            f[f"role_{roles.get(id(near), 'named')}"] = 1.0
            f[f"{level(p)}_role_{roles.get(id(near), 'named')}"] = 1.0
            f["weak"] = float(near.weak)
            f["seat"] = float(near.seat)
        elif c.mentions:
            where = {paragraph(m.start) for m in c.mentions}
            if para in where:
                f["in_paragraph"] = 1.0
            if lede in where:
                f["in_lede"] = 1.0
            cues = {_cue(text, m) for m in c.mentions}
            for k in ("at", "from", "to"):
                if k in cues:
                    f[f"doc_cue_{k}"] = 1.0
            seen = {doc_roles.get(id(m), "named") for m in c.mentions}
            f["doc_role_" + next(r for r in ("located", "named", "mentioned") if r in seen or r == "mentioned")] = 1.0
        f["paragraph_trail"] = float(trail == p.id)
        f["lede_first_located"] = float(lede_first == p.id)
        f["in_title"] = float(c.in_title)
        if c.in_title:
            f[f"{level(p)}_in_title"] = 1.0
        if "in_paragraph" in f or "in_lede" in f:
            f[f"{level(p)}_nearby"] = 1.0
        f["dateline"] = float(dl is not None and dl.id == p.id)
        f["namesake"] = float(c.namesake)
        f["mentions"] = math.log1p(len(c.mentions)) / 2
        f["rule"] = float(event.place is not None and event.place.id == p.id)
        f["rule_inherited"] = f["rule"] * float(event.place_inherited)
        if gazetteer is not None and c.mentions:
            f["homonyms"] = math.log1p(len(gazetteer.candidates(c.mentions[0].text))) / 3
        others = [q for q in strong if q.id != p.id]
        if others:
            ds = sorted(km(p, q) for q in others)
            f["near_others"] = math.log1p(ds[len(ds) // 2]) / 8
        else:
            f["near_others"] = 0.5
        if outlet is not None:
            f["near_outlet"] = math.log1p(km(p, outlet)) / 8
            f["in_outlet"] = float(lies_in(p, outlet) or p.id == outlet.id)
        else:
            f["no_outlet"] = 1.0
        f["contains_named"] = float(any(lies_in(o.place, p) for o in cands if o is not c and o.mentions and not o.namesake))
        f["inside_named"] = float(any(lies_in(p, o.place) for o in cands if o is not c and o.mentions and not o.namesake))
        rows.append(f)
    return rows


def positives(cands: list[Candidate], gold: dict, ok) -> list[bool]:
    """Which candidates lie within the gold tolerance (`ok`: bench.score.place_ok)."""
    return [ok({"point": (c.place.lon, c.place.lat), "place_geometry": c.place.geometry}, gold) for c in cands]
