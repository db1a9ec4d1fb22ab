"""Pure filtering: events DataFrame + FilterState -> the events that pass."""
from __future__ import annotations

import datetime as dt
import weakref
from collections import Counter
from dataclasses import dataclass, fields

import pandas as pd


@dataclass(frozen=True)
class FilterState:
    """Everything the sidebar can constrain; the empty default lets every event through."""

    actors: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place_types: tuple[str, ...] = ()
    min_confidence: float = 0.0
    text: str = ""
    include_undated: bool = True

    def active(self) -> dict[str, object]:
        """The fields that differ from the default, by name."""
        default = FilterState()
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) != getattr(default, f.name)}


def _any_in(lists: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return lists.map(lambda items: bool(wanted_set.intersection(items)))


def apply_filters(events: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """Keep the events that match every active filter (list fields match on any overlap)."""
    keep = pd.Series(True, index=events.index)
    if state.actors:
        keep &= _any_in(events["actors"], state.actors)
    if state.documents:
        keep &= _any_in(events["documents"], state.documents)
    if state.outlets:
        keep &= _any_in(events["outlets"], state.outlets)
    if state.sources:
        keep &= _any_in(events["cited_sources"], state.sources)
    if state.types:
        keep &= events["event_type"].isin(state.types)
    if state.place_types:
        keep &= events["place_type"].isin(state.place_types)
    if state.min_confidence > 0:
        keep &= events["confidence"] >= state.min_confidence
    if state.text.strip():
        needle = state.text.strip().casefold()
        keep &= events["search_text"].str.contains(needle, regex=False)
    keep &= overlaps(events, state.date_from, state.date_to, include_undated=state.include_undated)
    return events[keep]


def overlaps(events: pd.DataFrame, start: dt.date | None, end: dt.date | None, *,
             include_undated: bool = True) -> pd.Series:
    """Events whose [date_start, date_end] interval touches [start, end]; undated ones by flag."""
    undated = events["date_start"].isna()
    keep = pd.Series(True, index=events.index)
    if start is not None:
        keep &= events["date_end"] >= pd.Timestamp(start)
    if end is not None:
        keep &= events["date_start"] <= pd.Timestamp(end)
    return (keep & ~undated) | (undated & include_undated)


_MEMO: dict[tuple, object] = {}


def _memo(events: pd.DataFrame, name: str, compute):
    """Per-frame memo for whole-file summaries (the sidebar asks for them on every rerun; at
    1M events each costs a second). Frames are never modified in place; entries die with them."""
    key = (id(events), len(events), name)
    if key not in _MEMO:
        if len(events) < 20_000:
            return compute()
        _MEMO[key] = compute()
        weakref.finalize(events, _MEMO.pop, key, None)
    return _MEMO[key]


def counts(events: pd.DataFrame, column: str) -> Counter:
    """How many events carry each value of a column (list columns count each member); shared
    between reruns for big frames, so callers must not modify it."""
    return _memo(events, "counts:" + column, lambda: _counts(events, column))


def _counts(events: pd.DataFrame, column: str) -> Counter:
    c: Counter = Counter()
    for value in events[column]:
        if isinstance(value, (list, tuple)):
            c.update(set(value))
        elif value is not None and value == value:
            c[value] += 1
    return c


def date_bounds(events: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The earliest start and latest end among dated events, or None when nothing is dated."""
    return _memo(events, "date_bounds", lambda: _date_bounds(events))


def _date_bounds(events: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    dated = events.dropna(subset=["date_start"])
    if dated.empty:
        return None
    return dated["date_start"].min().date(), dated["date_end"].max().date()

