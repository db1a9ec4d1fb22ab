"""Events -> plotly Figure: day events as markers, longer intervals as bars across their span.

Clicks must reach the app as selections. Streamlit 1.67 forces `clickmode="event"` whenever
`dragmode` is "select" or "lasso" (PlotlyChart's effect on `layout.dragmode`), and a click then
sends no points at all. So the chart opens in horizontal zoom, where Streamlit keeps
`clickmode="event+select"` and a click selects the event under it; box and lasso selection are
in the chart's toolbar.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.dates import MONTHS, day_words, one_date, range_words
from dashboard.details import esc, reader_titles
from dashboard.i18n import number, t
from dashboard.map_layers import GREY
from geo.contract import EVENT_TYPES

# A second, shape-based encoding of event type so colour is never the only cue.
_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon",
            "triangle-down", "pentagon", "hourglass", "circle-open"]
# Above this many dated events the timeline shows counts per lane and time bin.
BIN_OVER = 5000
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
BAR_WIDTH = 0.45  # share of a lane's height


def is_instant(row: pd.Series) -> bool:
    """A day (or shorter) event: drawn as a single marker."""
    return row["date_precision"] == "day" or row["date_start"] == row["date_end"]


def is_binned(view: pd.DataFrame) -> bool:
    """True when there are too many dated events to draw one by one (see BIN_OVER)."""
    return int(view["date_start"].notna().sum()) > BIN_OVER


def build_figure(view: pd.DataFrame, *, colors: dict[str, str], lanes: str = "type",
                 highlight: frozenset[str] = frozenset(), lang: str = "en",
                 x_range: tuple | None = None) -> go.Figure:
    """The timeline of the dated events in `view`: one marker per event (customdata[0] is its id),
    or, above BIN_OVER dated events, counts per lane and time bin."""
    has_date = view["date_start"].notna()
    fig = go.Figure()
    if int(has_date.sum()) > BIN_OVER:  # only the columns the bins need: whole rows of 1M events are slow
        dated = view.loc[has_date, ["event_type", "date_start", "date_end"] + (["actors"] if lanes == "actor" else [])]
        lane_names = _binned_traces(fig, dated, colors=colors, lanes=lanes, lang=lang, x_range=x_range)
    else:
        lane_names = _event_traces(fig, view[has_date], colors=colors, lanes=lanes, highlight=highlight, lang=lang)
    fig.update_layout(
        height=110 + 36 * max(len(lane_names), 1), margin={"l": 10, "r": 10, "t": 30, "b": 30},
        dragmode="zoom", hovermode="closest", clickmode="event+select", barmode="overlay",
        # a new time window resets the reader's zoom; other reruns keep it
        uirevision=str(x_range),
        showlegend=False,  # the legend under the map names the same colours
        xaxis={"type": "date", "title": None, **_date_ticks(view, lang),
               **({"range": [str(x_range[0]), str(x_range[1])]} if x_range else {})},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": lane_order(lane_names),
               "tickmode": "array", "tickvals": lane_order(lane_names),
               "ticktext": [lane_label(x) for x in lane_order(lane_names)],
               "title": None, "automargin": True, "fixedrange": True},
        modebar={"remove": ["autoScale", "toImage"]},
    )
    return fig


# German month abbreviations (Duden): a tick label stays as short as plotly's English one.
_MONTHS_SHORT_DE = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def _date_ticks(view: pd.DataFrame, lang: str) -> dict:
    """The date axis' tick labels in German: plotly.js writes English month names ("Mar 2024")
    and Streamlit 1.67 registers no other locale. So days are written "14.03.2024", months
    "%b %Y" and renamed through `labelalias` ("Mar 2024" → "März 2024", "Oct 2024" →
    "Okt. 2024") for every month the axis can show (the events' years and one either side,
    where zooming out reaches), years "%Y"."""
    if lang != "de":
        return {}
    months = _MONTHS_SHORT_DE
    short = [m[:3] for m in MONTHS["en"]]  # plotly's %b
    dated = view["date_start"].dropna()
    years = range(dated.min().year - 1, view["date_end"].max().year + 2) if len(dated) else range(0)
    alias = {f"{short[i]} {y}": f"{months[i]} {y}" for y in years for i in range(12) if short[i] != months[i]}
    # plotly's tick steps: hours, 1/2/7/14 days, 1/2/3/6 months, 1/2/5… years (the ranges must
    # not meet: plotly takes the first stop whose range holds the step)
    return {"tickformatstops": [
        {"dtickrange": [None, 86_399_999], "value": "%d.%m.%Y %H:%M"},
        {"dtickrange": [86_400_000, 1_209_600_000], "value": "%d.%m.%Y"},
        {"dtickrange": ["M1", "M6"], "value": "%b %Y"},
        {"dtickrange": ["M12", None], "value": "%Y"},
    ], "labelalias": alias}


def lane_label(name: str) -> str:
    """A lane's name on the axis: escaped (plotly reads tags in tick text; an actor's name is the
    documents'), and on two lines when long ('Geheimdienst-<br>Einschätzung', 'Law and<br>decision'),
    so the names leave the plot more of a narrow timeline (a tablet, 1024x768 with the sidebar)."""
    if len(name) <= 14:
        return esc(name)
    cuts = [i + 1 for i, c in enumerate(name) if c in " -"]  # after a space or a hyphen
    if not cuts:
        return esc(name)
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    return esc(name[:cut].rstrip()) + "<br>" + esc(name[cut:].strip())


def lane_order(lane_names: list[str]) -> list[str]:
    """The y axis' category array: the first lane drawn on top (category i sits at y = i)."""
    return lane_names[::-1]


def event_lanes(view: pd.DataFrame, lanes: str, lang: str) -> pd.Series:
    """Each event's lanes (a list): its type's label, or its actors ('(no actor)' when none)."""
    if lanes == "actor":
        no_actor = t("no_actor", lang)
        return view["actors"].map(lambda a: list(a) or [no_actor])
    return view["event_type"].map(lambda x: [t("type_" + x, lang)])


def _exploded(rows: pd.DataFrame, lanes: str, lang: str) -> pd.DataFrame:
    """One row per (event, lane): events with several actors repeat in each actor's lane."""
    return rows.assign(lane=event_lanes(rows, lanes, lang)).explode("lane")


def _event_traces(fig: go.Figure, dated: pd.DataFrame, *, colors, lanes, highlight, lang) -> list[str]:
    lane_names: list[str] = []
    ring_x, ring_y, ring_c = [], [], []
    no_place = t("no_place", lang)
    groups = dict(tuple(dated.groupby("event_type", sort=False)))  # one pass, not one filter per type of the taxonomy
    for i, etype in enumerate(EVENT_TYPES):
        rows = groups.get(etype)
        if rows is None:
            continue
        color = colors.get(etype, GREY)
        end_excl = rows["date_end"] + pd.Timedelta(days=1)
        instant = (rows["date_precision"] == "day") | (rows["date_start"] == rows["date_end"])
        x = rows["date_start"].where(instant, rows["date_start"] + (end_excl - rows["date_start"]) / 2)
        # the date once: as written, else in the reader's words (the details give both)
        dates = [one_date(d, s0, s1, p, lang, undated="") for d, s0, s1, p in zip(
            rows["date_text"], rows["date_start"], rows["date_end"], rows["date_precision"])]
        custom = [[eid, esc(title), esc(when), esc(place or no_place), esc(", ".join(actors) or "–")]
                  for eid, title, when, place, actors in zip(
                      rows["id"], reader_titles(rows, lang), dates, rows["place_name"], rows["actors"])]
        rows = rows.assign(_x=x, _end=end_excl, _instant=instant, _custom=custom)
        rows = _exploded(rows, lanes, lang)
        for lane in rows["lane"]:
            if lane not in lane_names:
                lane_names.append(lane)
        # numpy arrays: plotly validates them in one go (lists of lists cost ~0.1 ms per point)
        mx, my = rows["_x"].to_numpy(), rows["lane"].to_numpy(dtype=object)
        mc = np.array(rows["_custom"].tolist(), dtype=object).reshape(len(rows), 5)
        bars = rows[~rows["_instant"]]
        hit = rows["id"].isin(highlight)
        ring_x += list(rows.loc[hit, "_x"])
        ring_y += list(rows.loc[hit, "lane"])
        ring_c += list(rows.loc[hit, "_custom"])
        name = t("type_" + etype, lang)
        if len(bars):
            # Bars, not thick lines: a click anywhere on a bar selects its event.
            fig.add_trace(go.Bar(
                base=bars["date_start"].dt.strftime("%Y-%m-%d").to_numpy(dtype=object),
                x=((bars["_end"] - bars["date_start"]).dt.total_seconds() * 1000).to_numpy(),
                y=bars["lane"].to_numpy(dtype=object), orientation="h", width=BAR_WIDTH,
                customdata=mc[~rows["_instant"].to_numpy(dtype=bool)], hovertemplate=HOVER, name=name,
                legendgroup=etype, showlegend=False,
                marker={"color": color, "opacity": 0.45, "line": {"width": 0}}))
        fig.add_trace(go.Scatter(
            x=mx, y=my, mode="markers", name=name, legendgroup=etype, customdata=mc,
            hovertemplate=HOVER,
            marker={"color": color, "size": 12, "symbol": _SYMBOLS[i % len(_SYMBOLS)],
                    "line": {"color": "white", "width": 1}}))
    if ring_x:
        fig.add_trace(go.Scatter(
            x=ring_x, y=ring_y, mode="markers", name="★", customdata=ring_c, hovertemplate=HOVER,
            showlegend=False, marker={"size": 22, "symbol": "circle-open", "color": "black",
                                      "line": {"width": 3}}))
    return lane_names


_BIN_UNITS = [("D", 1), ("W", 7), ("M", 31), ("Q", 92), ("Y", 366)]


def _bin_unit(dated: pd.DataFrame, x_range: tuple | None) -> str:
    """The finest of day/week/month/quarter/year giving at most 150 bins across the span."""
    lo, hi = (pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])) if x_range else \
        (dated["date_start"].min(), dated["date_end"].max())
    days = max((hi - lo).days, 1)
    return next((unit for unit, width in _BIN_UNITS if days / width <= 150), "Y")


def _bins(mid: np.ndarray, unit: str) -> tuple[np.ndarray, np.ndarray]:
    """(start, exclusive end) of the bin of each datetime64 value."""
    day = mid.astype("datetime64[D]")
    if unit == "D":
        return day, day + 1
    if unit == "W":  # weeks from Monday (1970-01-01 was a Thursday)
        start = day - ((day.astype(np.int64) + 3) % 7)
        return start, start + 7
    months = mid.astype("datetime64[M]").astype(np.int64)
    step = {"M": 1, "Q": 3, "Y": 12}[unit]
    first = months - months % step
    return first.astype("datetime64[M]").astype("datetime64[D]"), (first + step).astype("datetime64[M]").astype("datetime64[D]")


def _binned_traces(fig: go.Figure, dated: pd.DataFrame, *, colors, lanes, lang, x_range) -> list[str]:
    """Counts of events per lane and bin (an interval counts at its middle), as sized markers.
    They carry no event ids: a box over them selects the events in its time span."""
    unit = _bin_unit(dated, x_range)
    start = dated["date_start"].to_numpy(dtype="datetime64[s]")
    end = dated["date_end"].to_numpy(dtype="datetime64[s]")
    lo, hi = _bins(start + (end - start) / 2, unit)
    slim = pd.DataFrame({"event_type": dated["event_type"].to_numpy(dtype=object), "lo": lo, "hi": hi})
    if lanes == "actor":
        no_actor = t("no_actor", lang)
        slim["lane"] = [list(a) or [no_actor] for a in dated["actors"]]
        slim = slim.explode("lane")
    else:
        slim["lane"] = slim["event_type"].map({x: t("type_" + x, lang) for x in EVENT_TYPES})
    allc = slim.groupby(["event_type", "lane", "lo", "hi"], sort=False).size().rename("n").reset_index()
    lane_names: list[str] = []
    if allc.empty:
        return lane_names
    top = max(int(allc["n"].max()), 1)
    for i, etype in enumerate(EVENT_TYPES):
        rows = allc[allc["event_type"] == etype]
        if rows.empty:
            continue
        for lane in pd.unique(rows["lane"]):
            if lane not in lane_names:
                lane_names.append(lane)
        b0, b1 = rows["lo"], rows["hi"]
        x = b0 + (b1 - b0) / 2
        text = [esc(f"{lane} · {range_words(s.date(), (e - pd.Timedelta(days=1)).date(), lang)}: "
                    + number(n, lang))
                for lane, s, e, n in zip(rows["lane"], b0, b1, rows["n"])]
        fig.add_trace(go.Scatter(
            x=x.to_numpy(), y=rows["lane"].to_numpy(dtype=object), mode="markers",
            name=t("type_" + etype, lang), legendgroup=etype, text=text, hovertemplate="%{text}<extra></extra>",
            marker={"color": colors.get(etype, GREY), "symbol": _SYMBOLS[i % len(_SYMBOLS)],
                    "size": (6 + 22 * (rows["n"].to_numpy() / top) ** 0.5), "opacity": 0.8,
                    "line": {"color": "white", "width": 1}}))
    return lane_names


def timeline_alt(view: pd.DataFrame, lang: str) -> str:
    """A one-sentence text alternative for the timeline."""
    n = int(view["date_start"].notna().sum())
    if not n:
        return t("timeline_alt", lang, n=0, start="–", end="–")
    return t("timeline_alt", lang, n=n, start=day_words(view["date_start"].min().date(), lang),
             end=day_words(view["date_end"].max().date(), lang))
