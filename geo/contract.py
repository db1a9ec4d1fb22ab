"""The event contract in code: one schema for the loader (writing) and the dashboard (reading).

Mirrors `shared/docs/event-contract.md`. Field names are fixed; adding fields is allowed,
renaming needs a `SCHEMA_VERSION` bump and a migration note in the README.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from geo.ref import load_yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SCHEMA_VERSION = "1.0"

DATE_PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "years", "undated")
DATE_BASES = ("explicit", "relative", "inferred", "curated", "none")
PLACE_TYPES = ("site", "city", "admin1", "country", "sea", "region", "border", "unknown")
# The event vocabulary: types grouped in families, each with German and English labels and a
# colour (geo/ref/taxonomy.yaml, documented in the README's "Event types").
TAXONOMY = load_yaml("taxonomy.yaml")
EVENT_TYPES = tuple(TAXONOMY["types"])
EVENT_FAMILIES = tuple(TAXONOMY["families"])


def type_family(event_type: str) -> str:
    """The family an event type belongs to ("flood" -> "disaster"); unknown types are "other"."""
    return TAXONOMY["types"].get(event_type, {}).get("family", "other")


def type_label(event_type: str, language: str) -> str:
    """An event type's label in German or English (English for other languages)."""
    entry = TAXONOMY["types"].get(event_type) or TAXONOMY["types"]["other"]
    return entry.get(language) or entry["en"]
METHODS = ("extracted", "curated")


class ContractError(ValueError):
    """A file that breaks the contract; the message names the file and the field."""

    def __init__(self, path: str | Path, field: str, problem: str):
        self.path, self.field, self.problem = str(path), field, problem
        super().__init__(f"{path}: field '{field}': {problem}")


class Evidence(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    document: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError("end is before start")
        if len(self.quote) != self.end - self.start:
            raise ValueError("quote length does not match end - start")
        return self


class EventProperties(BaseModel):
    """The properties of one event Feature."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    title: str
    event_type: Literal[EVENT_TYPES]
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: Literal[DATE_PRECISIONS]
    date_basis: Literal[DATE_BASES]
    date_text: str
    place_name: str | None
    place_id: str | None
    place_type: Literal[PLACE_TYPES]
    place_geometry: dict | None
    actors: list[str]
    cited_sources: list[str]
    documents: list[str] = Field(min_length=1)
    evidence: list[Evidence]
    confidence: float = Field(ge=0.0, le=1.0)
    method: Literal[METHODS]
    language: str
    # Added fields (allowed by the contract):
    places_mentioned: list[dict] = Field(default_factory=list)
    section: str = "body"
    undated: bool = False
    unlocated: bool = False

    @field_validator("date_start", "date_end", mode="before")
    @classmethod
    def _iso_date(cls, v: Any):
        if v is None or isinstance(v, dt.date):
            return v
        if isinstance(v, str) and len(v) == 10:
            return dt.date.fromisoformat(v)
        raise ValueError("must be YYYY-MM-DD or null")

    @model_validator(mode="after")
    def _consistent(self):
        if (self.date_start is None) != (self.date_end is None):
            raise ValueError("date_start and date_end must both be set or both be null")
        if self.date_start and self.date_start > self.date_end:
            raise ValueError("date_start is after date_end")
        if self.date_start is None and self.date_precision != "undated":
            raise ValueError("an undated event must have date_precision 'undated'")
        return self


class PointGeometry(BaseModel):
    type: Literal["Point"]
    coordinates: tuple[float, float]

    @field_validator("coordinates")
    @classmethod
    def _in_range(cls, v):
        lon, lat = v
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError("longitude/latitude out of range")
        return v


class EventFeature(BaseModel):
    type: Literal["Feature"]
    geometry: PointGeometry | None
    properties: EventProperties


class EventCollection(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: Literal["FeatureCollection"]
    schema_version: str
    generated_from: list[dict]
    features: list[EventFeature]


def _field_path(err: dict) -> str:
    return ".".join(str(p) for p in err["loc"]) or "(top level)"


def validate_collection(obj: Any, *, source: str | Path = "<memory>") -> EventCollection:
    """Validate a decoded events file; raise ContractError naming the file and first bad field."""
    try:
        col = EventCollection.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ContractError(source, _field_path(first), first["msg"]) from None
    if col.schema_version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ContractError(source, "schema_version", f"{col.schema_version} is not compatible with {SCHEMA_VERSION}")
    return col


def read_events(path: str | Path) -> EventCollection:
    """Read and validate `events.geojson`; every reader of events goes through here."""
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContractError(path, "(file)", "file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContractError(path, "(file)", f"not valid JSON: {exc}") from None
    return validate_collection(obj, source=path)


def json_properties(props: dict) -> dict:
    """`EventProperties.model_validate(props).model_dump(mode="json")`, the same dict or the same
    error, except that `place_geometry` is the given object itself (an area outline every event at
    that place shares, for the writer to encode once). Properties in the writer's own shape
    (exactly its keys in the contract's order, values of exactly the types the dump gives) are
    checked here field by field, several times faster than pydantic; others go through pydantic."""
    if not _plainly_valid(props):
        out = EventProperties.model_validate(props).model_dump(mode="json")
        out["place_geometry"] = props["place_geometry"]
        return out
    out = dict(props)
    if out["date_start"] is not None:
        out["date_start"], out["date_end"] = out["date_start"].isoformat(), out["date_end"].isoformat()
    return out


# The writer's properties: the contract's fields in order, then the loader's added ones.
# `date_inherited` names where a date without words of its own came from ("paragraph", "entry",
# "flashback", "told before", "document"; "" for the sentence's own): the bases name no inheritance.
_KEYS = (*EventProperties.model_fields, "place_inherited", "date_inherited", "country_code", "place_name_de", "explanation")
_EVIDENCE_KEYS = ("document", "start", "end", "quote", "sentence", "sentence_start")
_CHOICES = {"event_type": frozenset(EVENT_TYPES), "date_precision": frozenset(DATE_PRECISIONS),
            "date_basis": frozenset(DATE_BASES), "place_type": frozenset(PLACE_TYPES), "method": frozenset(METHODS)}


def _plainly_valid(p: dict) -> bool:
    """Whether `EventProperties` accepts `p` and dumps it unchanged (dates aside): what
    `json_properties` may return without pydantic. False is no verdict, only "ask pydantic"."""
    if tuple(p) != _KEYS:
        return False
    for key, choices in _CHOICES.items():
        if type(p[key]) is not str or p[key] not in choices:
            return False
    start, end = p["date_start"], p["date_end"]
    if start is None:
        if end is not None or p["date_precision"] != "undated":
            return False
    elif not (type(start) is dt.date and type(end) is dt.date and start <= end):
        return False
    confidence, geometry, documents = p["confidence"], p["place_geometry"], p["documents"]
    return (type(p["id"]) is str and p["id"] != "" and _STR == {type(p[k]) for k in _STR_KEYS}
            and {type(p[k]) for k in _OPTIONAL_STR_KEYS} <= _OPTIONAL_STR
            and (geometry is None or type(geometry) is dict)
            and _strs(p["actors"]) and _strs(p["cited_sources"]) and _strs(documents) and documents != []
            and type(p["evidence"]) is list and all(_plain_evidence(v) for v in p["evidence"])
            and type(confidence) is float and 0.0 <= confidence <= 1.0
            and type(p["places_mentioned"]) is list
            and all(type(m) is dict and _strs(m) and {type(v) for v in m.values()} <= _OPTIONAL_STR for m in p["places_mentioned"])
            and _BOOL == {type(p[k]) for k in _BOOL_KEYS}
            and type(p["explanation"]) is list and all(_strs(pair) for pair in p["explanation"]))


_STR_KEYS, _STR = ("title", "date_text", "language", "section", "date_inherited"), {str}
_OPTIONAL_STR_KEYS, _OPTIONAL_STR = ("place_name", "place_id", "country_code", "place_name_de"), {str, type(None)}
_BOOL_KEYS, _BOOL = ("undated", "unlocated", "place_inherited"), {bool}


def _strs(values) -> bool:
    """A list of str (or a dict's keys: all str)."""
    return (type(values) is list or type(values) is dict) and {type(v) for v in values} <= _STR


def _plain_evidence(v) -> bool:
    """An `Evidence` as the writer gives it: valid, and dumped unchanged."""
    return (type(v) is dict and tuple(v) == _EVIDENCE_KEYS and type(v["document"]) is str and type(v["quote"]) is str
            and type(v["sentence"]) is str and type(v["start"]) is int and type(v["end"]) is int and type(v["sentence_start"]) is int
            and 0 <= v["start"] <= v["end"] and len(v["quote"]) == v["end"] - v["start"])

