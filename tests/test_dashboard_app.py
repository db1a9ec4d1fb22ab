"""The Streamlit script under AppTest: filters, URL state in and out, details, contract errors."""
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
APP = str(ROOT / "dashboard" / "app.py")
COUNT = re.compile(r"(?:showing|zeige) ([\d.,]+) (?:of|von) ([\d.,]+)")


@pytest.fixture(autouse=True)
def fixture_env(monkeypatch):
    monkeypatch.setenv("GEO_EVENTS", str(FIXTURES / "events.geojson"))
    monkeypatch.setenv("GEO_OUTLINE", str(FIXTURES / "outline.geojson"))
    monkeypatch.setenv("GEO_BASEMAP", "none")


def run(params=None):
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at):
    for c in at.caption:
        m = COUNT.search(c.value)
        if m:
            return tuple(int(re.sub(r"[.,]", "", g)) for g in m.groups())
    raise AssertionError("no 'showing N of M' caption")


def html_text(at):
    return "\n".join(str(el.proto.body) for el in at.get("html"))


def test_all_events_are_shown_by_default():
    at = run()
    assert shown(at) == (9, 9)
    assert any("1 undated · 1 unlocated" in c.value for c in at.caption)


def test_choosing_an_actor_narrows_the_count_and_writes_the_url():
    at = run()
    at.sidebar.multiselect(key="f_actors").select("Ministry of Ports").run()
    assert shown(at) == (2, 9)
    assert at.query_params["actor"] in ("Ministry of Ports", ["Ministry of Ports"])


def test_actor_options_show_counts():
    at = run()
    ms = at.sidebar.multiselect(key="f_actors")
    assert "Ministry of Ports (2)" in ms.options  # AppTest exposes the formatted labels


def test_query_params_in_reopen_filters_and_language():
    at = run({"type": ["visit", "statement"], "lang": "de"})
    assert shown(at) == (2, 9)
    assert any("zeige 2 von 9" in c.value for c in at.caption)
    assert at.sidebar.multiselect(key="f_types").value == ["visit", "statement"]


def test_search_and_confidence_filters_combine():
    at = run({"q": "hafen", "minconf": "0.7"})
    assert shown(at) == (1, 9)  # only the Rostock raid mentions "Hafen" with confidence >= 0.7


def test_reset_button_clears_every_filter():
    at = run({"actor": "Zoll"})
    assert shown(at) == (1, 9)
    at.sidebar.button(key="reset_filters").click().run()
    assert shown(at) == (9, 9)


def test_event_param_opens_details_with_quote_in_sentence():
    at = run({"event": "fx-kiel-frachter"})
    body = html_text(at)
    assert "<mark>kontrollierte die Küstenwache einen Frachter vor Kiel</mark>" in body
    assert ('14 March 2023<br><small>day, stated in the text · as written: <span lang="de">“Am 14. März 2023”</span>'
            in body)  # the German phrase marked as German for screen readers


def test_details_of_hostile_document_are_escaped():
    at = run({"event": "fx-dk-assessment"})
    body = html_text(at)
    assert "<script>" not in body and "javascript:" not in body


def test_selection_param_restricts_the_view():
    at = run({"sel": ["fx-kiel-frachter", "fx-gdansk-visit"]})
    assert shown(at) == (2, 9)
    at.button(key="clear_selection").click().run()
    assert shown(at) == (9, 9)


def test_time_window_params_apply_to_the_count():
    at = run({"win_from": "2024-01-01", "win_to": "2024-01-31"})
    # the January report, the 2021–2024 law, and the undated statement
    assert shown(at) == (3, 9)


def test_step_moves_the_time_window():
    at = run()
    at.button(key="step").click().run()
    n, _ = shown(at)
    assert n < 9


def test_contract_error_names_file_and_field(tmp_path, monkeypatch):
    bad = json.loads((FIXTURES / "events.geojson").read_text())
    bad["features"][0]["properties"]["confidence"] = 7
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(bad))
    monkeypatch.setenv("GEO_EVENTS", str(path))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert at.error, "expected an error message"
    msg = at.error[0].value
    assert str(path) in msg and "confidence" in msg


def test_missing_outline_shows_a_notice(monkeypatch, tmp_path):
    monkeypatch.setenv("GEO_OUTLINE", str(tmp_path / "nope.geojson"))
    at = run()
    assert any("outline" in c.value for c in at.caption)


def test_compact_layout_drops_title_and_table():
    full, compact = run(), run({"compact": "true"})
    assert full.title and full.dataframe
    assert not compact.title and not compact.dataframe
    assert shown(compact) == (9, 9)


def test_language_switch_translates_the_count():
    at = run({"lang": "en"})
    at.sidebar.radio(key="lang").set_value("de").run()
    assert any("zeige 9 von 9" in c.value for c in at.caption)
    assert at.query_params["lang"] in ("de", ["de"])


@pytest.mark.parametrize("kind,event_id", [("undated", "fx-hamburg-dementi"), ("unlocated", "fx-sanctions")])
def test_an_event_the_charts_cannot_draw_opens_from_its_list(kind, event_id):
    at = run()
    assert not any(f'data-event-id="{event_id}"' in str(el.proto.body) for el in at.get("html"))
    at.button(key=f"{kind}-{event_id}").click().run()
    assert f'data-event-id="{event_id}"' in html_text(at)
    assert at.button(key=f"{kind}-{event_id}").proto.type == "primary"  # the list marks it too


def test_the_lists_follow_the_filters_and_the_caption():
    at = run({"type": ["statement", "visit"]})
    assert any("1 undated · 0 unlocated" in c.value for c in at.caption)
    keys = {b.key for b in at.button}
    assert "undated-fx-hamburg-dementi" in keys and not any(k.startswith("unlocated-") for k in keys)
    at = run({"type": "visit"})
    assert not any(b.key.startswith(("undated-", "unlocated-")) for b in at.button)


def test_german_titles_carry_english_type_labels_in_the_english_interface():
    at = run({"lang": "en"})
    labels = [b.label for b in at.button if b.key.startswith("undated-")]
    assert labels == ["Statement\\: Hafenbetreiber weist Vorwürfe zurück · Hamburg"]  # Markdown-escaped
    titles = list(at.dataframe[0].value["Title"])
    assert "Investigation: Küstenwache kontrolliert Frachter vor Kiel" in titles


def test_no_cell_or_line_says_none_or_undated_twice():
    at = run({"event": "fx-hamburg-dementi", "lang": "en"})
    body = html_text(at)
    assert "undated — undated" not in body and "None" not in body
    table = at.dataframe[0].value
    assert not table.isna().any().any()
    assert "None" not in table.astype(str).to_string()


def test_the_page_names_its_story_sources_and_date(monkeypatch, tmp_path):
    at = run({"lang": "en"})
    assert at.title[0].value.replace("\\", "") == "What 3 news reports say happened, where and when"
    body = html_text(at)
    assert "Harbour Gazette" in body and "as of 2 April 2024" in body
    story = tmp_path / "story.yaml"
    story.write_text("title: {de: 'Häfen *unter* Beobachtung', en: 'Ports [under](javascript:x) watch'}\n")
    monkeypatch.setenv("GEO_STORY", str(story))
    at = run({"lang": "en"})
    assert at.title[0].value == "Ports \\[under\\]\\(javascript\\:x\\) watch"  # Markdown escaped


def test_the_legend_says_in_words_what_shapes_and_rings_mean():
    body = html_text(run({"lang": "de"}))
    assert "Punkte sind Orte und Städte" in body and "schwarzer Ring" in body
