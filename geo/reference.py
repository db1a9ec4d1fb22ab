"""The date a document speaks from: its publication date, or the best inference of it.

Relative dates ("am Montag", "last week", "im August") are resolved against this date. In
order of trust:

1. `published` from the metadata (front matter, sidecar, HTML meta): basis "published".
2. A date in the URL path ("/2024/06/01/", "-20240601", "/2024-06-01/"): basis "url".
3. A dateline or first live-blog heading in the first lines ("1 Juni 2024", "03.08.2021:",
   "Samstag, 4. Mai 2024"): basis "dateline".
4. The end of the latest explicit date the text states: basis "latest date". This is only a
   lower bound of the publication date, so weekdays and "gestern" resolved against it would
   invent a day: the pipeline tags dates with `reference_is_lower_bound`, which leaves them
   undated and lets "im August" take the year of the text's dates (geo/when/resolve.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.records import Document
from geo.when import infer_reference_date, tag_dates

_URL_DAY = re.compile(r"(?<!\d)(20\d\d|19\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
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
        return self.basis in ("published", "url", "dateline")


def reference_date(doc: Document) -> Reference:
    """The document's reference date and how it was found (see the module docstring)."""
    if doc.published is not None:
        return Reference(doc.published, "published")
    day = url_date(doc.url)
    if day is not None:
        return Reference(day, "url")
    day = dateline_date(doc.text, language=doc.language)
    if day is not None:
        return Reference(day, "dateline")
    day = infer_reference_date(doc.text, language=doc.language)
    return Reference(day, "latest date") if day is not None else Reference(None, "none")


def url_date(url: str | None) -> dt.date | None:
    """A full date in a URL's path ("/2024/06/01/", "-20240601"); None when it has none."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for m in _URL_DAY.finditer(path):
        try:
            day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        if dt.date(1990, 1, 1) <= day <= dt.date(2100, 1, 1):
            return day
    return None


def dateline_date(text: str, *, language: str) -> dt.date | None:
    """An explicit full date in the first lines of the text (a dateline or a live blog's first
    day heading), when it stands before any sentence of reporting."""
    head = text[:_HEAD_CHARS]
    days = [m for m in tag_dates(head, published=None, language=language)
            if m.interval.precision == "day" and m.interval.basis == "explicit"]
    if not days:
        return None
    first = days[0]
    line_start = head.rfind("\n", 0, first.start) + 1
    line = head[line_start:head.find("\n", first.end) if "\n" in head[first.end:] else len(head)]
    if len(line) <= 80 or first.start - line_start <= 30:
        return first.interval.start
    return None
