"""Filtering in DuckDB: the sidebar's FilterState as one SQL query over the loaded events.

The events are copied once per file version into an in-memory DuckDB table holding only what
filters read (row position, type, place type, confidence, dates, list fields, search text);
each page update runs one query that returns row positions, and the page takes those rows
from the already-loaded frame. `dashboard.filters.apply_filters` is the pure-pandas
reference: the tests check both give the same events.
"""
from __future__ import annotations

import threading

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.filters import FilterState

_LISTS = {"actors": "actors", "documents": "documents", "outlets": "outlets", "sources": "cited_sources"}


class EventQuery:
    """One DuckDB table per events file; thread-safe (each query runs on its own cursor)."""

    def __init__(self, frame: pd.DataFrame):
        table = pa.table({
            "pos": pa.array(np.arange(len(frame), dtype=np.int64)),
            "event_type": pa.array(frame["event_type"].astype(object).tolist(), pa.string()),
            "place_type": pa.array(frame["place_type"].astype(object).tolist(), pa.string()),
            "confidence": pa.array(frame["confidence"].to_numpy(dtype=float)),
            "date_start": pa.array(frame["date_start"].to_numpy(dtype="datetime64[ms]")),
            "date_end": pa.array(frame["date_end"].to_numpy(dtype="datetime64[ms]")),
            "search_text": pa.array(frame["search_text"].astype(object).tolist(), pa.string()),
            **{col: pa.array(frame[col].tolist(), pa.list_(pa.string())) for col in set(_LISTS.values())},
        })
        self._con = duckdb.connect(config={"threads": 2})
        self._con.register("_arrow_events", table)
        self._con.execute("CREATE TABLE events AS SELECT * FROM _arrow_events ORDER BY pos")
        self._con.unregister("_arrow_events")
        self._lock = threading.Lock()

    def positions(self, state: FilterState) -> np.ndarray:
        """Row positions (ascending) of the events passing every active filter."""
        where, params = _where(state)
        with self._lock:
            cursor = self._con.cursor()
        try:
            result = cursor.execute(f"SELECT pos FROM events WHERE {where} ORDER BY pos", params).fetchnumpy()
        finally:
            cursor.close()
        return np.asarray(result["pos"], dtype=np.int64)

    def close(self) -> None:
        self._con.close()


def _where(state: FilterState) -> tuple[str, list]:
    clauses, params = ["TRUE"], []
    for field, column in _LISTS.items():
        wanted = getattr(state, field)
        if wanted:
            clauses.append(f"list_has_any({column}, ?::VARCHAR[])")
            params.append(list(wanted))
    for field, column in (("types", "event_type"), ("place_types", "place_type")):
        wanted = getattr(state, field)
        if wanted:
            clauses.append(f"list_contains(?::VARCHAR[], {column})")
            params.append(list(wanted))
    if state.min_confidence > 0:
        clauses.append("confidence >= ?")
        params.append(float(state.min_confidence))
    if state.text.strip():
        # The same casefolding as the loaded search_text (Python's str.casefold), done here.
        clauses.append("contains(search_text, ?)")
        params.append(state.text.strip().casefold())
    dated = ["date_start IS NOT NULL"]
    if state.date_from is not None:
        dated.append("date_end >= ?::TIMESTAMP")
        params.append(pd.Timestamp(state.date_from).to_pydatetime())
    if state.date_to is not None:
        dated.append("date_start <= ?::TIMESTAMP")
        params.append(pd.Timestamp(state.date_to).to_pydatetime())
    undated = "date_start IS NULL" if state.include_undated else "FALSE"
    clauses.append(f"(({' AND '.join(dated)}) OR {undated})")
    return " AND ".join(clauses), params


def filter_frame(frame: pd.DataFrame, query: EventQuery, state: FilterState) -> pd.DataFrame:
    """The frame's rows that pass `state` (the whole frame when no filter is active)."""
    if not state.active():
        return frame
    return frame.iloc[query.positions(state)]
