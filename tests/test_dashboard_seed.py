"""The dashboard on the real seed corpus: the headline happenings at their places and dates,
the undated ones listed in their own place."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture()
def seed_app(seed_run, monkeypatch):
    monkeypatch.setenv("GEO_EVENTS", str(seed_run[2]))
    monkeypatch.setenv("GEO_BASEMAP", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "de"
    at.run()
    assert not at.exception, at.exception
    return at


def _page_text(at):
    """Everything the reader can see: text, the undated list, both charts' data and hovers."""
    parts = [str(el.proto) for el in at.get("html")] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [c.proto.spec for c in at.get("plotly_chart")] + [str(c.proto) for c in at.get("deck_gl_json_chart")]
    return "\n".join(parts)


def test_all_seed_events_are_shown_and_counted(seed_app, seed_run):
    total = len(seed_run[1]["features"])
    assert any(f"zeige {total} von {total}" in c.value for c in seed_app.caption)


@pytest.mark.parametrize("needle", ["Puerto Rico", "Denver", "Colorado", "Karibisches Meer"])
def test_headline_places_appear(seed_app, needle):
    assert needle in _page_text(seed_app)


def test_the_dated_headlines_are_on_the_timeline(seed_app):
    import json

    spec = json.dumps([json.loads(c.proto.spec) for c in seed_app.get("plotly_chart")], ensure_ascii=False)
    # Herbst 2023 as a bar across its span, its hover naming the date once, in the written words
    assert '"2023-09-01"' in spec and '"im Herbst 2023"' in spec and "im Herbst 2023 (2023-09-01" not in spec
    assert "2025-04-07T00:00:00" in spec  # the NIC memo's day


def test_a_german_reader_sees_the_sea_by_its_german_name(seed_app):
    """The place column, tooltips and details read the place's German name in the German view
    (the file keeps the canonical "Caribbean Sea" as place_name beside place_name_de)."""
    text = _page_text(seed_app)
    assert "Karibisches Meer" in text and "Caribbean Sea" not in text
