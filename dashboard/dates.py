"""An event's date in the reader's words: the interval at its precision ("autumn 2023",
"Herbst 2023", "7 April 2025"), and the phrases the documents wrote for it, once each.

The merge joins the `date_text` of every mention with " / " (geo/merge.py), so a day reported
five times reads "April 2025 / im April / vom 7. April 2025 / April 2025 / im April";
`written_phrases` gives each phrase once and drops one that another contains.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
# Seasons as the loader reads them (geo/when): meteorological, winter from December.
_SEASONS = {"en": {3: "spring", 6: "summer", 9: "autumn", 12: "winter"},
            "de": {3: "Frühling", 6: "Sommer", 9: "Herbst", 12: "Winter"}}
_QUARTER = {"en": "Q{q} {y}", "de": "{q}. Quartal {y}"}
# Most phrases shown as the "as written" hint, and the longest phrase before it is cut.
MAX_PHRASES = 3
MAX_PHRASE = 40


def day_words(day: dt.date, lang: str) -> str:
    """'2 April 2024' / '2. April 2024'."""
    month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def range_words(start: dt.date, end: dt.date, lang: str) -> str:
    """'5–11 June 2023', '1 September – 30 November 2023', '20 December 2023 – 5 January 2024'
    (German: '5.–11. Juni 2023', …); one day when start is end."""
    if start == end:
        return day_words(start, lang)
    months = MONTHS.get(lang, MONTHS["en"])
    dot = "." if lang == "de" else ""
    if start.year != end.year:
        return f"{day_words(start, lang)} – {day_words(end, lang)}"
    if start.month != end.month:
        return f"{start.day}{dot} {months[start.month - 1]} – {day_words(end, lang)}"
    return f"{start.day}{dot}–{day_words(end, lang)}"


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def interval_words(start: dt.date, end: dt.date, precision: str, lang: str) -> str:
    """The interval at its precision, in `lang`: a day, a month, a season, a quarter, a year or
    years when the interval is exactly one, else its range of days."""
    lang = lang if lang in MONTHS else "en"
    whole_months = start.day == 1 and end == _month_end(end)
    if precision == "month" and whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS[lang][start.month - 1]} {start.year}"
    span = (end.year - start.year) * 12 + end.month - start.month + 1
    if precision == "season" and whole_months and span == 3 and start.month in _SEASONS[lang]:
        name = _SEASONS[lang][start.month]
        year = f"{start.year}/{str(end.year)[2:]}" if end.year != start.year else str(start.year)
        return f"{name} {year}"
    if precision == "quarter" and whole_months and span == 3 and start.month % 3 == 1:
        return _QUARTER[lang].format(q=start.month // 3 + 1, y=start.year)
    if precision in ("year", "years") and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return range_words(start, end, lang)


def row_interval_words(row: pd.Series, lang: str) -> str:
    """interval_words for an events-frame row; '' when undated."""
    if pd.isna(row["date_start"]):
        return ""
    return interval_words(row["date_start"].date(), row["date_end"].date(), row["date_precision"], lang)


def written_phrases(date_text: str | None) -> list[str]:
    """The date phrases as written, each once: repeats (ignoring case and spacing) and phrases
    contained in a longer one ("April 2025" in "vom 7. April 2025") are left out."""
    seen: dict[str, str] = {}
    for part in (date_text or "").split(" / "):
        phrase = " ".join(part.split())
        if phrase and phrase.casefold() not in seen:
            seen[phrase.casefold()] = phrase
    keys = list(seen)
    return [seen[k] for k in keys if not any(k != other and k in other for other in keys)]


def as_written(date_text: str | None, start, *, undated: str, unwritten: str) -> str:
    """The table's "as written" cell: the phrases, each once; `unwritten` for a date no document
    wrote (inferred from the document's date), where "undated" stood beside its start and end;
    `undated` when there is neither."""
    phrases = written_phrases(date_text)
    if phrases:
        return " / ".join(phrases)
    return undated if pd.isna(start) else unwritten


def short_phrases(date_text: str | None, *, skip: str = "") -> list[str]:
    """written_phrases for a hint: at most MAX_PHRASES, each at most MAX_PHRASE characters, and
    none that only repeats `skip` (the interval's own words)."""
    out = [p if len(p) <= MAX_PHRASE else p[:MAX_PHRASE - 1].rstrip() + "…"
           for p in written_phrases(date_text) if p.casefold() != skip.casefold()]
    return out[:MAX_PHRASES] + (["…"] if len(out) > MAX_PHRASES else [])


def one_date(date_text: str | None, start, end, precision: str, lang: str, *, undated: str) -> str:
    """The date once, for a tooltip or a list: the phrase as written when the documents wrote
    just one, else the interval in the reader's words, else `undated`."""
    phrases = written_phrases(date_text)
    if len(phrases) == 1:
        return phrases[0]
    if pd.isna(start):
        return phrases[0] if phrases else undated
    return interval_words(start.date(), end.date(), precision, lang)
