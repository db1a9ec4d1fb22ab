"""The date a document speaks from: its publication date, or the best inference of it.

Relative dates ("am Montag", "last week", "im August") are resolved against this date. In
order of trust:

1. `published` from the metadata (front matter, sidecar, HTML meta): basis "published".
2. A date in the URL path ("/2024/06/01/", "-20240601", "/2008/jun/13/"): basis "url"; a
   year-and-month folder ("/2016/02/"): its last day, basis "url month" (not day-precise).
3. A dateline or first live-blog heading in the first lines ("1 Juni 2024", "03.08.2021:",
   "Samstag, 4. Mai 2024"): basis "dateline".
4. Weekdays that name their date without a year ("Donnerstag, 12. August", "Mittwoch
   (11.8.)", "Thursday, Aug. 12"): the latest year the title or text names in which every such
   date falls on its weekday; the latest of them is the reference: basis "weekday". Never the
   clock: a text that names no such year is not dated by its weekdays, so a document is dated
   the same whenever it is loaded.
5. The end of the latest explicit date the text states, or a full date in the title: basis
   "latest date". This is only a
   lower bound of the publication date, so weekdays and "gestern" resolved against it would
   invent a day: the pipeline tags dates with `reference_is_lower_bound`, which leaves them
   undated and lets "im August" take the year of the text's dates (geo/when/resolve.py).

A live blog's entries each speak from their heading's day instead (`entry_times`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from geo.outlet import url_country
from geo.records import Document, Sentence, TimeMention
from geo.when import infer_reference_date, tag_dates
from geo.when.pattern import W, alt

_URL_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_URL_DAY = re.compile(r"(?<!\d)(20\d\d|19\d\d)([/_-]?)(0[1-9]|1[0-2]|[a-z]{3})[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)", re.I)
_URL_MONTH = re.compile(r"/(20\d\d|19\d\d)/(0[1-9]|1[0-2])(?:/|$)")
_WEEKDAY = {w: n for n, ws in W.weekdays.items() for w in ws}
_MONTH = {w: n for n, ws in W.months.items() for w in ws}
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{alt(_WEEKDAY)}),?\s*(?:den\s+|the\s+)?\(?\s*(?:"
    rf"(?P<d1>[0-3]?\d)\.\s*(?:(?P<m1>[01]?\d)\.|(?P<mw1>{alt(_MONTH)})\b\.?)"
    rf"|(?P<mw2>{alt(_MONTH)})\b\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"|(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mw3>{alt(_MONTH)})\b)"
    rf"(?!\s*,?\s*(?:19|20)\d\d)",
    re.I,
)
_NAMED_YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d\d)(?![\d./-])")
_HEAD_CHARS = 240  # a dateline or the first live-blog heading stands in the first lines


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    basis: str  # published, url, dateline, latest date, none

    @property
    def inferred(self) -> bool:
        return self.basis != "published"

    @property
    def day_precise(self) -> bool:
        """Whether a weekday or "gestern" may be resolved against it to a day."""
        return self.basis in ("published", "url", "dateline", "weekday")


def reference_date(doc: Document) -> Reference:
    """The document's reference date and how it was found (see the module docstring)."""
    if doc.published is not None:
        return Reference(doc.published, "published")
    day = url_date(doc.url)
    if day is not None:
        return Reference(day, "url")
    day = url_month_end(doc.url)
    if day is not None:
        return Reference(day, "url month")
    country = url_country(doc.url)
    day = dateline_date(doc.text, language=doc.language, country=country)
    if day is not None:
        return Reference(day, "dateline")
    day = weekday_date(doc.text, title=doc.title)
    if day is not None:
        return Reference(day, "weekday")
    day = max(filter(None, (infer_reference_date(doc.text, language=doc.language, country=country), title_day(doc))), default=None)
    return Reference(day, "latest date") if day is not None else Reference(None, "none")


def title_day(doc: Document) -> dt.date | None:
    """A full date in the title ("Anwohnerdemo in Dannenrod am 20.11.2020"): the day of the
    happening the page tells of, so, like the text's latest date, a lower bound of its day."""
    days = [m.interval.start for m in tag_dates(doc.title or "", published=None, language=doc.language, country=url_country(doc.url))
            if m.role == "happening" and m.interval.precision == "day" and m.interval.basis == "explicit"]
    return max(days, default=None)


def _url_path(url: str) -> str:
    """The URL without its scheme and host: a date in the host name is no publication date."""
    return re.sub(r"^[a-z]+://[^/]+", "", url)


def url_date(url: str | None) -> dt.date | None:
    """A full date in a URL's path ("/2024/06/01/", "-20240601"); None when it has none."""
    if not url:
        return None
    path = _url_path(url)
    for m in _URL_DAY.finditer(path):
        month = m.group(3).lower()
        if not month.isdigit() and (month not in _URL_MONTHS or m.group(2) != "/"):
            continue
        try:
            day = dt.date(int(m.group(1)), int(month) if month.isdigit() else _URL_MONTHS.index(month) + 1, int(m.group(4)))
        except ValueError:
            continue
        if dt.date(1990, 1, 1) <= day <= dt.date(2100, 1, 1):
            return day
    return None


def url_month_end(url: str | None) -> dt.date | None:
    """The last day of a year-and-month folder in a URL ("/2016/02/"): the page is from that
    month, so like the latest date in the text it is an upper end, not the day itself."""
    m = _URL_MONTH.search(_url_path(url or ""))
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def dateline_date(text: str, *, language: str, country: str | None = None) -> dt.date | None:
    """An explicit full date in the first lines of the text (a dateline or a live blog's first
    day heading), when it stands before any sentence of reporting."""
    head = text[:_HEAD_CHARS]
    days = [m for m in tag_dates(head, published=None, language=language, country=country)
            if m.interval.precision == "day" and m.interval.basis == "explicit"]
    if not days:
        return None
    first = days[0]
    line_start = head.rfind("\n", 0, first.start) + 1
    line = head[line_start:head.find("\n", first.end) if "\n" in head[first.end:] else len(head)]
    if len(line) <= 80 or first.start - line_start <= 30:
        return first.interval.start
    return None


def weekday_date(text: str, *, title: str | None = None) -> dt.date | None:
    """The latest date in the latest year the title or text names ("Kommunalwahl 2020" … "am
    Sonntag (29. März)", "Montag, 8. Januar … seit 2024") in which each yearless "weekday,
    date" of the text falls on its weekday. Never the clock: weekdays repeat their dates every
    5, 6 or 11 years, so a text that names no year they fit is not dated by them (the same
    text gets the same dates whenever it is loaded)."""
    found = []  # (month, day, weekday)
    for m in _WEEKDAY_DATE.finditer(text):
        d = m["d1"] or m["d2"] or m["d3"]
        mo = int(m["m1"]) if m["m1"] else _MONTH[(m["mw1"] or m["mw2"] or m["mw3"]).lower()]
        if 1 <= mo <= 12:
            found.append((mo, int(d), _WEEKDAY[m["wd"].lower()]))
    if not found:
        return None
    years = sorted({int(y) for y in _NAMED_YEAR.findall(f"{title or ''}\n{text}")}, reverse=True)
    for year in years:
        days = []
        for mo, d, wd in found:
            try:
                day = dt.date(year, mo, d)
            except ValueError:
                break
            if day.weekday() != wd:
                break
            days.append(day)
        else:
            return max(days)
    return None


def entry_times(doc: Document, sentences: list[Sentence], times: list[TimeMention]) -> list[TimeMention]:
    """A live blog's entry speaks from the day in its heading ("Update, August 26, 2:45 p.m.:"):
    its weekdays and "yesterday" are tagged again against that day, so "the quake that hit on
    Wednesday" under a Friday heading is the Wednesday before it."""
    headings = []
    for s in sentences:
        if s.section != "heading":
            continue
        day = next((m.interval for m in times if s.start <= m.start < s.end and m.interval.precision == "day"), None)
        if day is not None:
            headings.append((s.end, day.start))
    if not headings:
        return times
    heading_starts = [s.start for s in sentences if s.section == "heading"]
    out = list(times)
    for start, day in headings:
        end = next((h for h in heading_starts if h >= start), len(doc.text))
        entry = doc.text[start:end]
        retagged = [replace(m, start=m.start + start, end=m.end + start)
                    for m in tag_dates(entry, published=day, language=doc.language, reference_is_inferred=True,
                                              country=url_country(doc.url))]
        out = [m for m in out if not start <= m.start < end] + retagged
    return sorted(out, key=lambda m: m.start)
