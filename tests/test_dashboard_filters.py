"""Pure filtering, URL state, time window and selection helpers, on the synthetic fixture."""
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data import events_from_collection
from dashboard.filters import FilterState, apply_filters, counts, date_bounds
from dashboard.selection import ids_from_map, ids_from_timeline, in_window, restrict, step_window
from dashboard.urlstate import ViewState, parse, serialize
from geo.contract import read_events

FIXTURE = Path(__file__).parent / "fixtures" / "events.geojson"


@pytest.fixture(scope="module")
def frame():
    return events_from_collection(read_events(FIXTURE)).frame


def ids(df):
    return set(df["id"])


@pytest.mark.parametrize("state, expected", [
    (FilterState(), 9),
    (FilterState(actors=("Ministry of Ports",)), 2),
    (FilterState(actors=("Polizei", "Marine")), 2),  # list filters match on any overlap
    (FilterState(types=("visit",)), 1),
    (FilterState(documents=("fx_en_gazette.txt",)), 4),
    (FilterState(outlets=("Nordhafen Kurier",)), 5),
    (FilterState(sources=("Polizeisprecher",)), 1),
    (FilterState(place_types=("sea", "admin1", "country")), 3),
    (FilterState(min_confidence=0.8), 4),
    (FilterState(text="FRACHTER"), 1),  # case-insensitive over titles
    (FilterState(text="<risk> of smuggling"), 1),  # and over quotes
    (FilterState(include_undated=False), 8),
    # the 2021–2024 law overlaps 2023; undated events stay in unless excluded
    (FilterState(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)), 6),
    (FilterState(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31), include_undated=False), 5),
])
def test_each_filter_narrows_to_the_matching_events(frame, state, expected):
    assert len(apply_filters(frame, state)) == expected


def test_season_interval_herbst_2023_overlaps_an_october_window(frame):
    got = apply_filters(frame, FilterState(date_from=dt.date(2023, 10, 15), date_to=dt.date(2023, 10, 16),
                                           include_undated=False))
    assert ids(got) == {"fx-ostsee-manoever", "fx-sh-hafengesetz"}


def test_actor_counts_count_each_event_once(frame):
    c = counts(frame, "actors")
    assert c["Ministry of Ports"] == 2 and c["Zoll"] == 1


def test_date_bounds_span_dated_events_only(frame):
    assert date_bounds(frame) == (dt.date(2021, 1, 1), dt.date(2024, 12, 31))


def test_active_lists_only_changed_filters():
    assert FilterState().active() == {}
    assert FilterState(actors=("A",), min_confidence=0.5).active() == {"actors": ("A",), "min_confidence": 0.5}


def test_url_round_trip_keeps_filters_and_view():
    f = FilterState(actors=("Zoll", "Marine"), types=("visit",), date_from=dt.date(2023, 1, 1),
                    min_confidence=0.25, text="Hafen", include_undated=False)
    v = ViewState(lanes="actor", window=(dt.date(2023, 1, 1), dt.date(2023, 6, 1)),
                  selected=("a", "b"), focus="a", lang="de", embed=True)
    assert parse(serialize(f, v)) == (f, v)


@pytest.mark.parametrize("params", [
    {"from": ["2023-13-45"]},  # impossible date
    {"minconf": ["lots"]},
    {"lang": ["fr"]},  # unsupported UI language
    {"win_from": ["2024-01-01"], "win_to": ["2023-01-01"]},  # reversed window
])
def test_bad_query_params_fall_back_to_defaults(params):
    assert parse(params) == (FilterState(), ViewState())


def test_embed_true_switches_to_compact_layout():
    assert parse({"embed": ["true"]})[1].embed is True


def test_a_click_on_the_timeline_gives_the_event_under_it(frame):
    sel = {"points": [{"customdata": ["fx-kiel-frachter", "t"]}], "box": [], "lasso": []}
    assert ids_from_timeline(sel, frame) == (["fx-kiel-frachter"], False)


@pytest.mark.parametrize("x,expected", [
    # all of autumn 2023 and the June week, not the 2021–2024 law that merely overlaps
    (["2023-06-01 00:00", "2024-01-05 00:00"], {"fx-gdansk-visit", "fx-ostsee-manoever", "fx-sanctions"}),
    # a box ending inside autumn 2023 does not keep the autumn manoeuvre
    (["2023-06-01 00:00", "2023-10-31 00:00"], {"fx-gdansk-visit"}),
    (["2023-03-14 09:00", "2023-03-14 18:00"], {"fx-kiel-frachter"}),  # the box's day counts whole
])
def test_a_box_keeps_events_whose_interval_lies_inside_it(frame, x, expected):
    # plotly sends the points under the box too; the interval decides, not the marker
    sel = {"points": [{"customdata": ["fx-sh-hafengesetz"]}], "box": [{"x": x, "y": [-0.5, 99]}]}
    ids, ranged = ids_from_timeline(sel, frame)
    assert ranged and set(ids) == expected


def test_a_box_keeps_only_the_lanes_it_covers(frame):
    from dashboard.timeline import build_figure

    order = list(build_figure(frame, colors={}).layout.yaxis.categoryarray)
    visit = order.index("Visit")
    sel = {"box": [{"x": ["2023-01-01", "2023-12-31"], "y": [visit - 0.4, visit + 0.4]}]}
    assert ids_from_timeline(sel, frame, lane_order=order) == (["fx-gdansk-visit"], True)


def test_map_selection_reads_point_and_area_ids():
    sel = {"objects": {"event-points": [{"event_id": "p1"}],
                       "event-areas": [{"properties": {"event_id": "a1"}}]}}
    assert ids_from_map(sel) == ["p1", "a1"]


def test_play_steps_through_time_and_wraps():
    bounds = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    first = step_window(bounds, bounds)
    assert first[0] == bounds[0] and first[1] < bounds[1]
    second = step_window(first, bounds)
    assert second[0] > first[1]
    w = first
    for _ in range(10):
        w = step_window(w, bounds)
        assert bounds[0] <= w[0] <= w[1] <= bounds[1]
    assert step_window((dt.date(2020, 11, 1), dt.date(2020, 12, 31)), bounds)[0] == bounds[0]


def test_time_window_keeps_undated_and_restrict_keeps_selected(frame):
    w = in_window(frame, (dt.date(2024, 1, 1), dt.date(2024, 1, 31)))
    assert ids(w) == {"fx-ministry-report", "fx-sh-hafengesetz", "fx-hamburg-dementi"}
    assert ids(restrict(w, ["fx-ministry-report"])) == {"fx-ministry-report"}
    assert len(restrict(w, [])) == 3


def test_fixture_has_every_kind_of_precision(frame):
    assert {"day", "week", "month", "season", "year", "years", "undated"} <= set(frame["date_precision"])
    assert frame["unlocated"].sum() == 1 and frame["undated"].sum() == 1
    assert isinstance(frame.loc[0, "date_start"], pd.Timestamp)


def test_a_german_reader_sees_places_by_their_german_names_and_an_english_reader_the_canonical():
    """dashboard.frame.for_reader: the place column, tooltips and rebuilt titles read `place_name`;
    for a German reader it holds `place_name_de` where the file gives one (older files lack it)."""
    import pandas as pd

    from dashboard.frame import for_reader

    frame = pd.DataFrame({"place_name": ["Caribbean Sea", "Denver", None], "place_name_de": ["Karibisches Meer", None, None]}, dtype=object)
    assert for_reader(frame, "de")["place_name"].tolist() == ["Karibisches Meer", "Denver", None]
    assert for_reader(frame, "en")["place_name"].tolist() == ["Caribbean Sea", "Denver", None]
    assert frame["place_name"].tolist() == ["Caribbean Sea", "Denver", None]  # the shared table is not changed
    old = frame.drop(columns="place_name_de")
    assert for_reader(old, "de") is old


def test_the_reader_frame_is_built_once_per_language_and_filtering_keeps_its_names():
    """A German reader's frame is shared by every session (the memo of derived values is keyed by
    the frame, so a new copy per rerun rebuilt it each time), and filtered rows keep the German names."""
    from dashboard.data import Events, filter_events, load_events

    events = load_events(FIXTURE)
    frame = events.frame.copy()
    frame["place_name_de"] = [f"DE {n}" if n else None for n in frame["place_name"]]
    events = Events(frame=frame, features=events.features, documents=events.documents, path=events.path)
    assert events.frame_for("de") is events.frame_for("de")
    assert events.frame_for("en") is events.frame
    state = FilterState(place_types=("sea", "admin1", "country"))
    shown = filter_events(events, state, "de")
    assert len(shown) == 3 and all(n.startswith("DE ") for n in shown["place_name"])
    assert not any(str(n).startswith("DE ") for n in filter_events(events, state, "en")["place_name"])


@pytest.mark.parametrize("lang, count, line", [("de", "12.345", "zeige 12.345 von 100.000 Ereignissen"),
                                               ("en", "12,345", "showing 12,345 of 100,000 events")])
def test_counts_are_grouped_as_the_reader_writes_them(lang, count, line):
    """German readers read '12.345', English '12,345' (the count line grouped neither, the lists and
    the aggregation note '12,345' for both); numpy counts too."""
    import numpy as np

    from dashboard.i18n import number, t

    assert number(np.int64(12345), lang) == count
    assert t("showing", lang, n=np.int64(12345), m=100000) == line
    assert number(999, lang) == "999"
