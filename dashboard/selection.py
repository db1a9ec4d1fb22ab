"""Both-way selection between timeline, map and table, plus the time window and its play control.

Session state: `sel` (ids picked on the timeline; they filter the map), `pick` (ids picked on
the map or table; highlighted on the timeline), `focus` (the event in the details panel),
`window` (the time-window slider), `gen` (bumped to remount the charts and drop their selection).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.filters import date_bounds, overlaps
from dashboard.i18n import t
from dashboard.timeline import event_lanes

PLAY_INTERVAL_S = 1.5


# ---- pure helpers -------------------------------------------------------------------------
def _clicked(points) -> list[str]:
    ids: list[str] = []
    for point in points or []:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom and custom[0] not in ids:
            ids.append(custom[0])
    return ids


def _lanes_in(ys: list, lane_order: list[str]) -> set[str] | None:
    """The lanes whose category position (lane_order[i] sits at y = i) lies within the y range."""
    nums = [y for y in ys if isinstance(y, (int, float))]
    if len(nums) != 2 or not lane_order:
        return None
    lo, hi = min(nums), max(nums)
    return {name for i, name in enumerate(lane_order) if lo <= i <= hi}


def ids_from_timeline(selection: dict, frame: pd.DataFrame, *, lane_order: list[str] | None = None,
                      lanes: str = "type", lang: str = "en") -> tuple[list[str], bool]:
    """(event ids, whether they came from a box or lasso) from a plotly selection.

    A click gives the event under it. A box keeps the dated events whose whole interval lies
    inside its time span and, given the chart's `lane_order` (bottom to top; lanes by
    `lanes` in `lang`), that sit in a lane it covers. A lasso keeps the markers inside it whose
    interval also lies within its time span."""
    boxes = [b for b in selection.get("box", []) or [] if len(b.get("x") or []) == 2]
    lassos = [b for b in selection.get("lasso", []) or [] if b.get("x")]
    if not boxes and not lassos:
        return _clicked(selection.get("points")), False
    dated = frame[frame["date_start"].notna()]
    keep = pd.Series(False, index=dated.index)
    for area in boxes + lassos:
        xs = [pd.Timestamp(x) for x in area["x"] if x is not None]
        if not xs:
            continue
        inside = (dated["date_start"].dt.date >= min(xs).date()) & (dated["date_end"].dt.date <= max(xs).date())
        if area in boxes:
            wanted = _lanes_in(area.get("y") or [], lane_order or [])
            if wanted is not None and inside.any():
                lanes_of = event_lanes(dated[inside], lanes, lang)
                inside[lanes_of.index] = lanes_of.map(lambda ls: bool(wanted.intersection(ls)))
        else:
            inside &= dated["id"].isin(_clicked(selection.get("points")))
        keep |= inside
    return list(dated.loc[keep, "id"]), True


def ids_from_map(selection: dict) -> list[str]:
    """Event ids from a pydeck selection (`objects` by layer id; areas keep them in properties)."""
    ids: list[str] = []
    for objects in (selection.get("objects") or {}).values():
        for obj in objects or []:
            eid = obj.get("event_id") or (obj.get("properties") or {}).get("event_id")
            if eid and eid not in ids:
                ids.append(eid)
    return ids


def step_window(window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The next window when playing: the full range becomes its first fifth; then slide, wrapping."""
    lo, hi = bounds
    width = window[1] - window[0]
    if window == bounds or width >= (hi - lo):
        width = max((hi - lo) / 5, dt.timedelta(days=1))
        return lo, min(lo + width, hi)
    start = window[1] + dt.timedelta(days=1)
    if start > hi:
        return lo, min(lo + width, hi)
    return start, min(start + width, hi)


def in_window(frame: pd.DataFrame, window: tuple[dt.date, dt.date] | None) -> pd.DataFrame:
    """Events touching the window; undated events are kept (they have no time to fall outside of)."""
    if window is None:
        return frame
    return frame[overlaps(frame, window[0], window[1], include_undated=True)]


def restrict(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Only the given ids, when any are given."""
    return frame[frame["id"].isin(ids)] if ids else frame


# ---- session state and callbacks ----------------------------------------------------------
def seed(view) -> None:
    """Seed selection state from the URL's ViewState (first run of a session only)."""
    st.session_state["sel"] = tuple(view.selected)
    st.session_state["pick"] = (view.focus,) if view.focus else ()
    st.session_state["focus"] = view.focus
    st.session_state["lanes"] = view.lanes
    if view.window:
        st.session_state["window"] = view.window


def chart_key(name: str) -> str:
    """Widget key of a chart; changes when the selection is cleared so the chart forgets it."""
    return f"{name}-{st.session_state.get('gen', 0)}"


def on_timeline_select(frame: pd.DataFrame, lane_order: list[str], lanes: str, lang: str) -> None:
    """A click on the timeline -> `pick` (ringed on both charts) and its details; a box or
    lasso -> `sel` (only those events on the map), a single one also opens its details."""
    state = st.session_state.get(chart_key("timeline")) or {}
    ids, ranged = ids_from_timeline(state.get("selection", {}) or {}, frame,
                                    lane_order=lane_order, lanes=lanes, lang=lang)
    if ranged:
        st.session_state["sel"], st.session_state["pick"] = tuple(ids), ()
    else:
        st.session_state["sel"], st.session_state["pick"] = (), tuple(ids)
    if len(ids) == 1 or (ids and not ranged):
        st.session_state["focus"] = ids[0]


def on_map_select() -> None:
    """Map click -> `pick` (highlighted on the timeline) and the details of the first pick."""
    state = st.session_state.get(chart_key("map")) or {}
    ids = ids_from_map(state.get("selection", {}) or {})
    st.session_state["pick"] = tuple(ids)
    if ids:
        st.session_state["focus"] = ids[0]


def pick(event_id: str) -> None:
    """A click on an event in a list: its details, and a ring where the charts draw it."""
    st.session_state["focus"], st.session_state["pick"] = event_id, (event_id,)


def on_table_select() -> None:
    """Table row -> details and highlight."""
    state = st.session_state.get(chart_key("table")) or {}
    rows = (state.get("selection") or {}).get("rows") or []
    shown = st.session_state.get("_table_ids", [])
    ids = [shown[r] for r in rows if r < len(shown)]
    if ids:
        st.session_state["focus"] = ids[0]
        st.session_state["pick"] = tuple(ids)


def is_active(bounds) -> bool:
    """Whether anything is selected, focused, playing or windowed (what the reset button also clears)."""
    ss = st.session_state
    window = ss.get("window")
    return bool(ss.get("sel") or ss.get("pick") or ss.get("focus") or ss.get("playing")
                or (window and bounds and tuple(window) != tuple(bounds)))


def clear() -> None:
    """Clear-selection button: drop every selection and remount the charts."""
    st.session_state["sel"], st.session_state["pick"], st.session_state["focus"] = (), (), None
    st.session_state["gen"] = st.session_state.get("gen", 0) + 1


def _step(bounds) -> None:
    current = st.session_state.get("window", bounds)
    st.session_state["window"] = step_window(tuple(current), bounds)


def _toggle_play() -> None:
    st.session_state["playing"] = not st.session_state.get("playing", False)


# ---- widgets -------------------------------------------------------------------------------
def time_window(frame: pd.DataFrame, lang: str) -> tuple[dt.date, dt.date] | None:
    """The time-window slider with step/play/clear buttons; returns the window (None = everything)."""
    bounds = date_bounds(frame)
    slot = st.container()
    cols = [slot] + list(st.columns(3))
    cols[3].button(t("clear_selection", lang), on_click=clear, key="clear_selection",
                   disabled=not (st.session_state.get("sel") or st.session_state.get("pick")
                                 or st.session_state.get("focus")))
    if bounds is None or bounds[0] == bounds[1]:
        return None
    pending = st.session_state.pop("_pending_window", None)
    if pending:
        st.session_state["window"] = pending
    window = st.session_state.get("window")
    if not window or window[0] < bounds[0] or window[1] > bounds[1] or window[0] > window[1]:
        st.session_state["window"] = bounds
    picked = cols[0].slider(t("time_window", lang), min_value=bounds[0], max_value=bounds[1],
                            key="window", format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD")
    cols[1].button(t("step", lang), on_click=_step, args=(bounds,), key="step")
    playing = st.session_state.get("playing", False)
    cols[2].button(t("pause", lang) if playing else t("play", lang), on_click=_toggle_play, key="play")
    if playing:
        _player(bounds)
    picked = tuple(picked)
    return None if picked == bounds else picked


def _player(bounds) -> None:
    @st.fragment(run_every=PLAY_INTERVAL_S)
    def tick():
        if not st.session_state.get("_tick_started"):
            # The fragment's first run happens inside the full run that drew it; skip it.
            st.session_state["_tick_started"] = True
            return
        if st.session_state.get("playing"):
            st.session_state["_pending_window"] = step_window(tuple(st.session_state["window"]), bounds)
            st.rerun(scope="app")
    st.session_state["_tick_started"] = False
    tick()
