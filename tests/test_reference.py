"""The date a document speaks from, when its metadata has none (geo/reference.py)."""
import datetime as dt

import pytest

from geo.records import Document
from geo.reference import reference_date, url_date, url_month_end

D = dt.date


@pytest.mark.parametrize("url, day", [
    ("https://x.de/2024/06/01/titel", D(2024, 6, 1)),
    ("https://x.com/story-20240601", D(2024, 6, 1)),
    ("http://www.spokesman.com/stories/2008/jun/13/iowa-residents", D(2008, 6, 13)),   # a month's name
    ("https://news.example.cn/2013-06/10/content_16601813.htm", D(2013, 6, 10)),       # two separators
    ("https://x.com/2023/ab/12/", None),
    ("https://x.com/2024/02/30/", None),                                                # no such day
    ("https://x.com/2016/02/bad-aibling/", None),                                       # a month, not a day
])
def test_a_date_in_the_url_path(url, day):
    assert url_date(url) == day


def test_a_year_and_month_folder_gives_its_last_day_as_an_upper_end():
    assert url_month_end("http://www.zughalt.de/2016/02/bad-aibling-unfall/") == D(2016, 2, 29)
    assert url_month_end("https://x.com/2019/12/story") == D(2019, 12, 31)
    assert url_month_end("https://x.com/story-2019-12") is None
    assert url_month_end("https://refinery29.com/en-us/2016/08/121052/earthquake") == D(2016, 8, 31)  # an id after it
    ref = reference_date(Document(id="a", path="a", text="Ein Unfall.", language="de",
                                  url="http://www.zughalt.de/2016/02/bad-aibling-unfall/"))
    assert (ref.date, ref.basis, ref.day_precise) == (D(2016, 2, 29), "url month", False)


def test_a_live_blog_with_weekday_headings_speaks_from_its_latest_day():
    # Thursday 29 February: 2024 (and 1996, 2052); the year the text names chooses.
    text = "Der Streik 2024 beginnt.\n\nMittwoch, 28. Februar\n\nZüge fallen aus.\n\nDonnerstag, 29. Februar\n\nEs rollt wieder."
    ref = reference_date(Document(id="a", path="a", text=text, language="de"))
    assert (ref.date, ref.basis, ref.day_precise) == (D(2024, 2, 29), "weekday", True)
    # Without a year, no day: not the clock's latest leap-year Thursday.
    ref = reference_date(Document(id="a", path="a", text=text.replace(" 2024", ""), language="de"))
    assert (ref.date, ref.basis) == (None, "none")


def test_one_weekday_date_in_the_body_fixes_the_year_the_title_names():
    # Sunday 29 March: 2020, also 2026 (and 2015); the title's year chooses.
    text = "In der Stichwahl am Sonntag (29. März) bestimmen die Wähler mehrere Bürgermeister."
    doc = Document(id="a", path="a", text=text, language="de", title="Kommunalwahl 2020: Stichwahl im Live-Ticker")
    ref = reference_date(doc)
    assert (ref.date, ref.basis) == (D(2020, 3, 29), "weekday")
    # Another year named (2014: 29 March was a Saturday) and one date is too little.
    assert reference_date(Document(id="a", path="a", text=text + " Die Wahl 2014 war knapp.", language="de")).basis != "weekday"


def test_a_full_date_in_the_title_bounds_an_undated_page():
    text = "Die freitägliche Anwohnerdemo fand am 20. November in Dannenrod statt."
    doc = Document(id="a", path="a", text=text, language="de", title="Anwohnerdemo in Dannenrod am 20.11.2020")
    ref = reference_date(doc)
    assert (ref.date, ref.basis, ref.day_precise) == (D(2020, 11, 20), "latest date", False)
    assert reference_date(Document(id="a", path="a", text=text, language="de", title="Anwohnerdemo in Dannenrod")).basis == "none"


def test_a_document_without_a_reference_date_is_searched_for_one_once(tmp_path, monkeypatch):
    """process_path seeks the reference date before extracting; a document where it found none is
    not searched again by the extraction (its dateline, weekdays and every date of its text)."""
    import geo.pipeline as pipeline

    path = tmp_path / "undated.md"
    path.write_text("Ein Brand hat in Hamburg eine Lagerhalle zerstört, teilte die Feuerwehr mit.\n", encoding="utf-8")
    calls = []
    monkeypatch.setattr(pipeline, "reference_date", lambda doc: calls.append(doc.id) or reference_date(doc))
    result = pipeline.process_path(path, resources=pipeline.Resources.load())
    assert result.error is None and result.document.reference_basis == "none" and len(calls) == 1
