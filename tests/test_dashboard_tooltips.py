"""Tooltips on map and timeline name an event's date once: as written when the documents wrote
one phrase for it, else the interval in the reader's words."""
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
    assert _timeline_dates(view)["fx-ostsee-manoever"] == "autumn 2023"
    tips = _tooltip_frame(view, "en")["tt_date"]
    assert tips["fx-ostsee-manoever"] == "autumn 2023"
    assert tips["fx-kiel-frachter"] == "14 March 2023"
    assert _tooltip_frame(view, "de")["tt_date"]["fx-kiel-frachter"] == "14. März 2023"
    assert tips["fx-hamburg-dementi"] == "undated"  # no date at all


def test_a_date_merged_from_several_mentions_is_named_once(frame):
    view = frame.copy()
    view.loc["fx-kiel-frachter", "date_text"] = "März 2023 / am 14. März 2023 / im März"
    assert _timeline_dates(view)["fx-kiel-frachter"] == "14 March 2023"
    assert _tooltip_frame(view, "de")["tt_date"]["fx-kiel-frachter"] == "14. März 2023"
