"""The page's title, intro, sources and "as of" date: from story.yaml, else from the corpus."""
import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard.dates import day_words
from dashboard.story import build_story, read_config, story_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENTS = {d["id"]: d for d in json.loads((FIXTURES / "events.geojson").read_text())["generated_from"]}


def test_without_a_story_file_the_corpus_names_its_sources_and_date():
    story = build_story({}, documents=DOCUMENTS, n_events=9, lang="en")
    assert story.title == "What 3 news reports say happened, where and when"
    assert story.intro.startswith("9 events found in these reports")
    # outlets in alphabetical order; the bulletin's javascript: URL never becomes a link
    assert story.sources == (("Harbour Gazette", "https://example.com/gazette/port-security"),
                             ("Nordhafen Kurier", "https://example.org/kurier/hafen"), ("Risk & Co", None))
    assert story.as_of == dt.date(2024, 4, 2)  # the latest publication date


@pytest.mark.parametrize("lang,title,intro", [
    ("en", "What one news report says happened", "20 events found in this report"),
    ("de", "Was ein Bericht meldet", "20 Ereignisse aus diesem Bericht")])
def test_one_document_is_one_report_not_1_reports(lang, title, intro):
    one = dict(list(DOCUMENTS.items())[:1])
    story = build_story({}, documents=one, n_events=20, lang=lang)
    assert story.title.startswith(title) and story.intro.startswith(intro)


def test_a_story_file_sets_title_and_intro_per_language(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_text("title: {de: Häfen unter Beobachtung, en: Ports under watch}\n"
                    "intro: Ein Satz für beide.\nas_of: 2024-05-01\n"
                    "sources:\n  - {name: Kurier, url: 'javascript:alert(1)'}\n  - Gazette\n", encoding="utf-8")
    de = build_story(read_config(path), documents=DOCUMENTS, n_events=9, lang="de")
    en = build_story(read_config(path), documents=DOCUMENTS, n_events=9, lang="en")
    assert (de.title, en.title) == ("Häfen unter Beobachtung", "Ports under watch")
    assert de.intro == en.intro == "Ein Satz für beide."
    assert en.as_of == dt.date(2024, 5, 1)
    assert en.sources == (("Kurier", None), ("Gazette", None))


@pytest.mark.parametrize("text", [
    "title: [unclosed",           # broken YAML
    "- a list\n- not a mapping",  # valid YAML, wrong shape
    "title: x\n" + "#" * 70_000,  # far bigger than any story file
])
def test_a_broken_story_file_falls_back_to_the_corpus(tmp_path, text):
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_config(path) == {}
    assert build_story(read_config(path), documents=DOCUMENTS, n_events=9, lang="en").title.startswith("What 3")


def test_the_story_file_sits_beside_the_events_unless_named(monkeypatch, tmp_path):
    monkeypatch.delenv("GEO_STORY", raising=False)
    assert story_path(tmp_path / "events.geojson") == tmp_path / "story.yaml"
    monkeypatch.setenv("GEO_STORY", str(tmp_path / "other.yaml"))
    assert story_path(tmp_path / "events.geojson") == tmp_path / "other.yaml"


def test_documents_without_outlets_or_dates_still_give_a_story():
    story = build_story({}, documents={"a.txt": {"id": "a.txt"}}, n_events=0, lang="de")
    assert story.sources == () and story.as_of is None
    assert story.title == "Was ein Bericht meldet: wo und wann es geschah"


@pytest.mark.parametrize("lang,expected", [("en", "2 April 2024"), ("de", "2. April 2024")])
def test_as_of_dates_in_words(lang, expected):
    assert day_words(dt.date(2024, 4, 2), lang) == expected
