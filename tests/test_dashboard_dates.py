"""An event's date in the reader's words, at its precision, and the phrases as written, once each."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.dates import as_written, interval_words, one_date, short_phrases, written_phrases

D = dt.date


@pytest.mark.parametrize("start,end,precision,lang,words", [
    (D(2025, 4, 7), D(2025, 4, 7), "day", "en", "7 April 2025"),
    (D(2025, 4, 7), D(2025, 4, 7), "day", "de", "7. April 2025"),
    (D(2025, 8, 1), D(2025, 8, 31), "month", "de", "August 2025"),
    (D(2024, 2, 1), D(2024, 2, 29), "month", "en", "February 2024"),  # a leap year's February
    (D(2023, 9, 1), D(2023, 11, 30), "season", "en", "autumn 2023"),
    (D(2023, 9, 1), D(2023, 11, 30), "season", "de", "Herbst 2023"),
    (D(2023, 12, 1), D(2024, 2, 29), "season", "de", "Winter 2023/24"),
    (D(2024, 4, 1), D(2024, 6, 30), "quarter", "de", "2. Quartal 2024"),
    (D(2024, 4, 1), D(2024, 6, 30), "quarter", "en", "Q2 2024"),
    (D(2025, 1, 1), D(2025, 12, 31), "year", "en", "2025"),
    (D(2021, 1, 1), D(2024, 12, 31), "years", "de", "2021–2024"),
    (D(2023, 6, 5), D(2023, 6, 11), "week", "en", "5–11 June 2023"),
    (D(2023, 6, 5), D(2023, 6, 11), "week", "de", "5.–11. Juni 2023"),
    (D(2023, 12, 28), D(2024, 1, 3), "week", "de", "28. Dezember 2023 – 3. Januar 2024"),
    # a precision whose interval is not a whole unit (an editor's dates): the days it spans
    (D(2025, 8, 3), D(2025, 9, 2), "month", "en", "3 August – 2 September 2025"),
])
def test_interval_reads_at_its_precision_in_the_readers_language(start, end, precision, lang, words):
    assert interval_words(start, end, precision, lang) == words


def test_merged_date_phrases_are_given_once_each():
    # geo/merge.py joins the date_text of five mentions of one happening
    merged = "April 2025 / im April / vom 7. April 2025 / April 2025 / im April"
    assert written_phrases(merged) == ["im April", "vom 7. April 2025"]
    assert written_phrases("Im Herbst 2023 / im  Herbst 2023") == ["Im Herbst 2023"]
    assert written_phrases("") == [] and written_phrases(None) == []


def test_the_as_written_hint_is_short():
    many = " / ".join(f"am {d}. Mai 2024" for d in range(10, 16))
    assert short_phrases(many) == ["am 10. Mai 2024", "am 11. Mai 2024", "am 12. Mai 2024", "…"]
    assert short_phrases("x" * 80)[0].endswith("…") and len(short_phrases("x" * 80)[0]) == 40
    assert short_phrases("2023", skip="2023") == []  # only repeats the interval's own words


@pytest.mark.parametrize("text,lang,once", [
    ("Im Herbst 2023", "en", "Im Herbst 2023"),  # one phrase: as written
    ("April 2025 / im April / vom 7. April 2025", "de", "7. April 2025"),  # several: the interval
    ("", "en", "7 April 2025"),  # no words of its own: still a date
])
def test_tooltips_name_the_date_once(text, lang, once):
    start = end = pd.Timestamp("2025-04-07") if "Herbst" not in text else None
    if start is None:
        start, end = pd.Timestamp("2023-09-01"), pd.Timestamp("2023-11-30")
    assert one_date(text, start, end, "day" if "Herbst" not in text else "season", lang, undated="-") == once


def test_an_undated_event_says_so():
    assert one_date("", pd.NaT, pd.NaT, "undated", "en", undated="undated") == "undated"


@pytest.mark.parametrize("text,start,cell", [
    # a date inferred from the document's date: no phrase, but dated (the seed's year-2025 events
    # read "undated" in the table beside 2025-01-01 and 2025-12-31)
    ("", pd.Timestamp("2025-01-01"), "not in the text"),
    ("", pd.NaT, "undated"),  # control: no date at all
    ("im Herbst 2023 / 2023", pd.Timestamp("2023-09-01"), "im Herbst 2023"),  # control: the phrases
    ("kürzlich", pd.NaT, "kürzlich"),  # phrases the loader could not date stay as written
])
def test_the_tables_as_written_cell_says_undated_only_without_a_date(text, start, cell):
    assert as_written(text, start, undated="undated", unwritten="not in the text") == cell
