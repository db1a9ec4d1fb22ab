"""Typed records passed between the loader's stages.

Every offset (`start`, `end`) is a character offset into `Document.text`, the plain text
that evidence quotes refer to: `document.text[m.start:m.end] == m.text` for every mention.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input file turned into plain text plus its metadata."""

    id: str  # the file name, e.g. "2024-06-14-port-raid.md"
    path: str
    text: str
    language: str  # "de", "en", "es", ... or "und" when undetectable
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    # The date relative dates are resolved against, and how it was found (geo/reference.py):
    # "published", "url", "dateline", "latest date" or "none". Set by the pipeline.
    reference: dt.date | None = None
    reference_basis: str = "none"
    meta: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Sentence:
    """A sentence or list item with its offsets and the part of the document it sits in."""

    start: int
    end: int
    text: str
    paragraph: int
    # "body" for the article's own reporting; "appeal" (donation/subscription request),
    # "comments" (reader comments appended after the article), "boilerplate" otherwise.
    section: str = "body"
    is_list_item: bool = False


@dataclass(frozen=True)
class DateInterval:
    """An inclusive date interval with how precise it is and where it came from."""

    start: dt.date
    end: dt.date
    precision: str  # day, week, month, season, quarter, year, years
    basis: str  # explicit, relative, inferred
    # Where a sentence without a date of its own took this one from: "paragraph", "entry"
    # (a live blog's heading), "flashback", "told before" or "document"; "" for its own. The
    # contract's bases name no inheritance ("inferred" also covers a sentence's own "am Montag"
    # read against an inferred reference), so the output adds `date_inherited`.
    inherited: str = field(default="", compare=False)


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    interval: DateInterval
    # "happening" for the time of something reported; "comparison" for a year named
    # only as a comparison ("wie schon 2003"), which never dates an event; "birth" for a birth
    # year ("eine 1967 geborene Frau"), which neither dates nor anchors anything; "unreal" for
    # the time of what should have happened but did not ("Eigentlich hätte jetzt schon ein Urteil
    # gesprochen werden sollen"), which dates nothing either.
    role: str = "happening"


@dataclass(frozen=True)
class Place:
    id: str  # "geonames:5419384" or "geo:sea/caribbean-sea"
    name: str  # canonical (English) name
    type: str  # site, city, admin2, admin1, country, sea, region, border
    lat: float
    lon: float
    country_code: str | None = None
    admin1: str | None = None
    population: int = 0
    geometry: dict | None = field(default=None, compare=False, hash=False)
    name_de: str | None = field(default=None, compare=False, hash=False)  # German name, for German titles
    # Second-level units (type "admin2"): kilometres from the point within which the unit lies;
    # drawn as an uncertainty circle where the unit has no outline.
    radius_km: int = field(default=0, compare=False, hash=False)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    # True for weaker evidence such as a demonym ("venezolanische") rather than a name.
    weak: bool = False
    score: float = 1.0
    # True for an institution's seat ("Landgericht Stendal", "der Bundesgerichtshof" → Karlsruhe,
    # geo/seats.py): the span is the institution's, and the place counts only when its sentence
    # names no other.
    seat: bool = False
    # A German genitive form of the name ("Russlands"): "Russlands Militär" says whose, not where.
    genitive: bool = False
    # A German city or state adjective ("Mainzer Innenstadt"): a title names the place, not the word.
    adjective: bool = False


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: str  # canonical name
    kind: str  # person, agency, government, armed_force, group, organisation, media, other
    from_registry: bool = True


@dataclass(frozen=True)
class SourceMention:
    """A document or speaker that a claim is attributed to ("laut dem ICE-Memo")."""

    start: int
    end: int
    text: str
    source: str  # normalised label, e.g. "ICE memo", "Pete Hegseth", "Reuters"


@dataclass(frozen=True)
class Evidence:
    document: str
    start: int
    end: int
    quote: str
    sentence: str  # the whole sentence the quote sits in, for the reader's context
    sentence_start: int


@dataclass(frozen=True)
class Event:
    """A happening assembled from one or more sentences, before it is written out."""

    id: str
    title: str
    event_type: str
    interval: DateInterval | None
    date_text: str
    place: Place | None
    place_inherited: bool
    actors: tuple[str, ...]
    cited_sources: tuple[str, ...]
    documents: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    language: str
    section: str = "body"
    places_mentioned: tuple[Place, ...] = ()
    modality: str = "asserted"  # or "hypothetical" ("würde", "if … would")
    # Why the event was made: which words gave its type, date, place and actors.
    explanation: tuple[tuple[str, str], ...] = ()
    headline: bool = False  # reported in the lede (first paragraph), where news puts its main happening
    # The place as the title names it, in the document's language and case ("im Karibischen Meer").
    place_label: str = ""
    # Told as a new happening ("ein weiterer Angriff", "another man was shot": "new"), not a
    # mention of one told before ("the fire", "der Brand": ""): such an event never merges into
    # an earlier one. "indefinite" ("ein Unfall") merges only into one of the same day and place
    # (or into the lede's one-off happening when it names neither), "several" ("a number of landslides") only into one of the same day and place.
    novel: str = ""
    # A name the gazetteer lacks, placed by the text inside the event's state or country ("in
    # Rabius im Kanton Graubünden"): the event stays at the state, never moved to another town.
    place_unlisted: str = ""
    # A protest against another one ("eine Gegendemonstration", "counter-protesters"): a happening
    # of its own, which merges only with its own mentions, never with the protest it opposes.
    counter: bool = False


_PLAIN: dict[type, frozenset] = {}  # record class -> its field names, when `replace` may copy it directly


def _plain_fields(cls: type) -> frozenset | None:
    """The field names of a dataclass whose instances are nothing but their fields: every field
    set by `__init__`, no `__post_init__`, no slots; None for any other class."""
    if cls not in _PLAIN:
        fields = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
        plain = (bool(fields) and not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
                 and len(fields) == len(cls.__dataclass_fields__) and all(f.init for f in fields))
        _PLAIN[cls] = frozenset(f.name for f in fields) if plain else None
    return _PLAIN[cls]


def plain_field_names(cls: type) -> tuple[str, ...] | None:
    """A plain record class's field names in their order (see `_plain_fields`), None for any other."""
    return None if _plain_fields(cls) is None else tuple(f.name for f in dataclasses.fields(cls))


def from_values(cls: type, names, values):
    """A plain record made from its field values, without `__init__`, as `replace` makes one."""
    new = object.__new__(cls)
    new.__dict__.update(zip(names, values))
    return new


def replace(record, /, **changes):
    """`dataclasses.replace(record, **changes)`, the same new record, made by copying the
    record's fields instead of calling its `__init__` (several times faster; events are copied
    a few times each on their way out). Other classes, and unknown names, go to
    `dataclasses.replace`."""
    names = _plain_fields(type(record))
    if names is None or not changes.keys() <= names:
        return dataclasses.replace(record, **changes)
    new = object.__new__(type(record))
    attrs = new.__dict__
    attrs.update(record.__dict__)
    attrs.update(changes)
    return new
