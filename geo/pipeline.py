"""The loader's stages in order: documents in, merged events out.

Each document is processed on its own (so documents can be spread over processes or a
Dask cluster); merging across documents and writing happen once at the end.
"""
from __future__ import annotations

import gc
import re
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.events import extract_events
from geo.what import languages
from geo.gazetteer import Gazetteer
from geo.ingest import IngestError, read_document
from geo.records import Document, Event, replace
from geo.seats import find_seats
from geo.seats import capital_place, speaking_capitals, state_capital
from geo.segment import segment
from geo.reference import Reference, entry_times, reference_date
from geo.when import tag_dates
from geo.outlet import document_country, outlet_place, url_country, url_state
from geo.where import PLACED_CUES, context_cue, find_places, stranded
from geo.who import ActorRegistry, find_actors, find_sources
from geo.write import coarse_area


@dataclass(frozen=True)
class Resources:
    """Heavy reference data, built once per process and passed to every stage."""

    gazetteer: Gazetteer
    registry: ActorRegistry

    @classmethod
    def load(cls) -> "Resources":
        return cls(gazetteer=Gazetteer.load(), registry=ActorRegistry.load())


def settle_collector() -> None:
    """Fewer passes of Python's cycle collector in a loader process: what exists now (modules,
    reference data) lives as long as the process, so it is frozen out of every later pass, and
    the stages' many short-lived tuples, which reference counting frees anyway, no longer start
    a pass every 700 allocations. The output does not depend on it."""
    gc.freeze()
    gc.set_threshold(_COLLECT_AFTER, 20, 20)


_COLLECT_AFTER = 50_000  # allocations between passes over the youngest objects (Python's default: 700)


@dataclass
class DocumentResult:
    path: str
    document: Document | None = None
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Coarse area outlines by place id: events travel between processes without geometry.
    areas: dict[str, str] = field(default_factory=dict)


def process_document(doc: Document, *, resources: Resources) -> list[Event]:
    """All per-document stages: segment, when, where, who, events."""
    if doc.reference_basis == "none":
        doc = with_reference(doc)
    return _extract(doc, resources)


def _extract(doc: Document, resources: Resources) -> list[Event]:
    """`process_document` of a document whose reference date has been sought (`with_reference`),
    as `process_path`'s has: one that found none is not searched again."""
    ref = Reference(doc.reference, doc.reference_basis)
    sentences = segment(doc.text)
    # The latest date in the text is only a lower bound of the publication date: a weekday or
    # "gestern" resolved against it would invent a day, so the tagger leaves those undated.
    domain = url_country(doc.url)
    times = tag_dates(doc.text, published=ref.date, language=doc.language, reference_is_inferred=ref.inferred,
                      reference_is_lower_bound=not ref.day_precise, country=domain)
    times = entry_times(doc, sentences, times)
    paper = outlet_place(doc.outlet, doc.url, gazetteer=resources.gazetteer)
    # A national outlet without a country domain ("ghanaweb.com", "tribuneindia.com") is from its country, as a domain is.
    hint = domain or (paper.country_code if paper is not None and paper.type == "country" else None)
    state = url_state(doc.url, doc.outlet, gazetteer=resources.gazetteer)
    places = find_places(doc.text, gazetteer=resources.gazetteer, language=doc.language, country=hint, near=paper,
                         state=state)
    actors = find_actors(doc.text, registry=resources.registry, language=doc.language)
    # "(Xinhua) --", "Xinhua reported": a news outlet's name is no town of that name (Xinhua, China).
    outlets = {(a.start, a.end) for a in actors if a.kind == "media"}
    places = [m for m in places if (m.start, m.end) not in outlets]
    sources = find_sources(doc.text, registry=resources.registry, language=doc.language, actors=actors)
    seats = find_seats(doc.text, actors=actors, gazetteer=resources.gazetteer, registry=resources.registry,
                       language=doc.language, places=places, country=hint)
    seats = sorted(seats + speaking_capitals(doc.text, places, resources.gazetteer), key=lambda m: m.start)
    headline = find_places(doc.title, gazetteer=resources.gazetteer, language=doc.language, country=hint,
                           near=paper, state=state) if doc.title else []
    # One sense per document: a name the title shares with the text is the place the text's
    # context chose ("Monroe County deputy shot" over a "MADISONVILLE, Tenn." story: Tennessee's).
    read = {m.text: m.place for m in places if not m.weak}
    headline = [replace(m, place=read[m.text]) if m.text in read and not m.weak else m for m in headline
                if not _unread_in_text(m, doc.title, doc.text, places, doc.language)
                and not (doc.language == "de" and m.text not in read and stranded(m, places, resources.gazetteer))]
    if doc.title:
        # "Bristol City Council censures mayor": the title's institution sits where its text says.
        title_actors = find_actors(doc.title, registry=resources.registry, language=doc.language)
        headline += find_seats(doc.title, actors=title_actors, gazetteer=resources.gazetteer,
                               registry=resources.registry, language=doc.language, places=places, country=hint)
    country = document_country(places, doc.url, gazetteer=resources.gazetteer)
    # A regional outlet's state ("noe.orf.at", "sg.ch") says more than its country, not of another country.
    outlet = paper or (state if state is not None and (country is None or country.country_code == state.country_code)
                       else country)
    countries = {m.place.country_code for m in (*places, *headline) if m.place.type == "country"}
    capitals = {cc: capital_place(cc, gazetteer=resources.gazetteer, registry=resources.registry) for cc in countries}
    # A German, Austrian or Swiss state's government acts in the state's capital.
    capitals |= {(m.place.country_code, m.place.admin1): state_capital(m.place, gazetteer=resources.gazetteer)
                 for m in (*places, *headline) if m.place.type == "admin1"}
    return extract_events(doc, sentences, times=times, places=places, actors=actors, sources=sources, seats=seats,
                          title_places=headline, outlet=outlet, capitals={k: v for k, v in capitals.items() if v})


def _unread_in_text(m, title: str, text: str, places: list, language: str) -> bool:
    """A title's town that the text names too but reads as no place there ("North Hollywood" is
    no Hollywood anywhere in the text), where the title gives no more evidence than the text
    (no locative word or qualifier: "Crash in Fullerton Cove" is a place where the text writes
    only "Nelson Bay Road, Fullerton Cove"). A state or province the text names but reads as none is
    a foreign namesake whatever the title's words ("Aufatmen in Heiligkreuz" over a Trier story is no
    Świętokrzyskie, the Polish voivodeship's German name): the text's other names chose."""
    if m.weak or m.place.type not in ("city", "admin1") \
            or (m.place.type == "city" and context_cue(title, m.start, m.end, language) in PLACED_CUES):
        return False
    if any(p.text == m.text for p in places):
        return False
    return re.search(rf"(?<![\w.-]){re.escape(m.text)}(?![\w-])", text) is not None


def with_reference(doc: Document) -> Document:
    """The document with its reference date (published, or inferred: geo/reference.py)."""
    ref = reference_date(doc)
    return replace(doc, reference=ref.date, reference_basis=ref.basis)


# A document's extraction is stopped after this many seconds (10 MB of text takes about a
# minute on one core); the document is then reported as an error and the others go on.
DOCUMENT_SECONDS = float(os.environ.get("GEO_DOCUMENT_SECONDS", "600"))


class DocumentTimeout(BaseException):
    """A BaseException, so that no `except Exception` on the way (a library's fallback while it
    loads its data) swallows the stop and lets the document run on."""


_REPEAT_SECONDS = 0.25


@contextmanager
def time_limit(seconds: float):
    """Raise DocumentTimeout in this block after `seconds` of wall time. Needs a Unix main
    thread (the CLI and the local worker processes); elsewhere (Dask's worker threads) the
    block runs unbounded."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread() and seconds > 0
    if not usable:
        yield
        return

    def _stop(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, _stop)
    # The stop repeats until the block is left: one that lands in a garbage-collector callback
    # or a __del__ is printed and dropped by Python ("Exception ignored"), as a CI run once saw.
    signal.setitimer(signal.ITIMER_REAL, seconds, min(seconds, _REPEAT_SECONDS))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# The languages with a rule file (geo/what/*.yaml); a document in another is listed, not read.
RULE_LANGUAGES = tuple(languages())


def process_path(path: str | Path, *, resources: Resources, curated: dict[str, dict] | None = None) -> DocumentResult:
    """Read and process one file; a broken file becomes an error result, never an exception.
    `curated` maps document ids to editors' metadata (geo.curate.document_overrides), put in
    place of the file's before the reference date is found."""
    result = DocumentResult(path=str(path))
    try:
        doc = read_document(path)
    except IngestError as exc:
        result.error = str(exc)
        return result
    if curated and doc.id in curated:
        doc = replace(doc, **curated[doc.id])
    doc = with_reference(doc)
    result.document = doc
    if doc.language not in RULE_LANGUAGES and doc.language != "und":
        # French or Dutch read with the English rules made garbage: Dutch "met" (with) a meeting,
        # "Van januari" the Turkish city of Van. No events is the honest answer; the warning
        # says how to have the document read if its language was detected wrongly.
        result.warnings.append(f"{path}: language '{doc.language}' has no extraction rules ({', '.join(RULE_LANGUAGES)}); "
                               "no events extracted (set 'language' in its metadata if that is not its language)")
        return result
    if doc.language == "und":
        result.warnings.append(f"{path}: language not recognised; extracted with the English rules")
    try:
        with time_limit(DOCUMENT_SECONDS):
            events = _extract(doc, resources)
    except DocumentTimeout:
        result.error = (f"{path}: extraction took longer than {DOCUMENT_SECONDS:g} s and was stopped; "
                        "split the document or raise GEO_DOCUMENT_SECONDS")
        return result
    except Exception as exc:  # a bug on one document must not lose the others
        result.error = f"{path}: extraction failed: {type(exc).__name__}: {exc}"
        return result
    for e in events:
        if e.place is not None and e.place.geometry is not None:
            result.areas.setdefault(e.place.id, coarse_area(e.place))
    result.events = [_without_geometry(e) for e in events]
    return result


def _without_geometry(e: Event) -> Event:
    if (e.place is None or e.place.geometry is None) and all(p.geometry is None for p in e.places_mentioned):
        return e  # nothing to drop: no copy
    return replace(
        e,
        place=replace(e.place, geometry=None) if e.place else None,
        places_mentioned=tuple(replace(p, geometry=None) for p in e.places_mentioned),
    )
