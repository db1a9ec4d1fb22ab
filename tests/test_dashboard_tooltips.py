"""Tooltips on map and timeline name an event's date once: as written, else its span."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.data import load_events
from dashboard.map_layers import _tooltip_frame
from dashboard.timeline import build_figure

FIXTURE = Path(__file__).parent / "fixtures" / "events.geojson"


@pytest.fixture(scope="module")
def frame():
    return load_events(FIXTURE).frame.set_index("id", drop=False)


def _timeline_dates(view) -> dict[str, str]:
    fig = build_figure(view, colors={}, lang="en")
    return {row[0]: row[2] for tr in fig.data if tr.customdata is not None for row in tr.customdata}


@pytest.mark.parametrize("event_id,date", [
    ("fx-kiel-frachter", "Am 14. März 2023"),   # a day: no "(2023-03-14)" after it
    ("fx-ostsee-manoever", "Im Herbst 2023"),   # a season: the span is in the details
])
def test_timeline_tooltip_gives_the_written_date_once(frame, event_id, date):
    assert _timeline_dates(frame)[event_id] == date


def test_a_date_without_words_of_its_own_is_its_span_not_undated(frame):
    view = frame.copy()
    view.loc["fx-ostsee-manoever", "date_text"] = ""
    view.loc["fx-kiel-frachter", "date_text"] = ""
    assert _timeline_dates(view)["fx-ostsee-manoever"] == "2023-09-01 – 2023-11-30"
    tips = _tooltip_frame(view, "en")["tt_date"]
    assert tips["fx-ostsee-manoever"] == "2023-09-01 – 2023-11-30"
    assert tips["fx-kiel-frachter"] == "2023-03-14"
    assert tips["fx-hamburg-dementi"] == "undated"  # no date at all
