"""What a reader's session keeps until its next rerun must not copy the shared events
(per-session memory; bench/capacity.py measures it on a running server)."""
import gc
import weakref
from pathlib import Path

import pytest

from dashboard import downloads, sidebar
from dashboard.data import events_from_collection
from geo.contract import read_events

FIXTURE = Path(__file__).parent / "fixtures" / "events.geojson"


@pytest.fixture(scope="module")
def events():
    return events_from_collection(read_events(FIXTURE))


def test_filter_options_and_labels_are_built_once_for_every_session(events):
    assert sidebar._options(events.frame) is sidebar._options(events.frame)
    first = sidebar._labels(events.frame, events.documents, "documents", "en")
    assert first is sidebar._labels(events.frame, events.documents, "documents", "en")
    assert first == {d: f"{events.documents[d]['title']} — {events.documents[d]['outlet']} ({n})"
                     for d, n in sidebar._options(events.frame)["documents"].items()}
    assert sidebar._labels(events.frame, events.documents, "types", "de") != \
        sidebar._labels(events.frame, events.documents, "types", "en")


def test_a_download_keeps_the_views_rows_not_a_copy_of_them(events):
    view = events.frame.iloc[[4, 0, 2]]  # a filtered view is a copy of its rows
    expected_csv, expected_geojson = downloads.to_csv(view), downloads.to_geojson(view, events)
    csv = downloads.deferred(downloads.to_csv, view, events)
    geojson = downloads.deferred(downloads.to_geojson, view, events, events)
    copy = weakref.ref(view)
    del view
    gc.collect()
    assert copy() is None
    assert csv() == expected_csv
    assert geojson() == expected_geojson
    assert downloads.deferred(downloads.to_csv, events.frame, events)() == downloads.to_csv(events.frame)
