"""Temporal tagging: find the time expressions in an article and turn each into a date interval.

One compiled regex (`pattern.py`) scans the whole text once, with the words of every language
together (`de.yaml`, `en.yaml`, `es.yaml` beside this module, merged by `words.py`), since
articles quote each other; a handler per alternative (`handlers.py`) turns a match into a
`DateInterval`. `language` picks the tense cues and, with the page's `country`, orders "7/4/2025".

Rules worth knowing:
- explicit: every part is written ("7. April 2025", "Frühjahr 2024"). relative: resolved against
  `published`; reported as "inferred" when `reference_is_inferred`. No reference -> skipped.
- A bare month, season or quarter ("im August") is chosen by `resolve.py`: by "letzten/last",
  "nächsten/next", "diesen/this" when written; the next one in a sentence about the future; the
  year of the paragraph's explicit dates; against a lower-bound reference the year most of the
  text's dates fall in; else the most recent one starting at or before the reference. A day and
  month without a year ("7. April") takes the year closest to the reference; in a clause told
  in the past, without a deadline word before it ("bis", "by"), the last one up to it.
- Weekdays, "gestern", "vor drei Tagen" and "last week" need the publication day: with
  `reference_is_lower_bound` (the reference is only the text's latest date) they date nothing.
- "Anfang/Mitte/Ende", "early/mid/late" narrow the interval to its first/middle/last third and
  keep its precision: "Anfang April 2025" -> 2025-04-01..2025-04-10, month; "Ende vergangener
  Woche" -> its Friday..Sunday. Before a bare period ("Ende des Jahres", "Mitte der Woche") they
  mean the period the text is at: the paragraph's year, the month just named, else the reference's;
  so do one-word parts ("zum Jahresende 2024", "seit Jahresbeginn"). "im ersten Halbjahr 2024",
  "in the first half of 2024" are six months (English only with its year).
- "am Wochenende", "over the weekend" without "last"/"this": the coming weekend in a clause about
  the future, else the latest one up to the reference (needs the publication day).
- Seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov; "Winter 2023" and
  "Winter 2023/24" both mean 2023-12-01..2024-02-29.
- Holidays ("an Weihnachten", "über Ostern", "on New Year's Day", "Christmas 2023") are their day
  or days, chosen like a bare month; Easter's are computed. A bare name ("Weihnachten ist …")
  dates nothing. "in den 1990er Jahren", "in the 1990s" are ten years (precision years).
- A weekday range ("von Samstag bis Montagmorgen", "between Monday and Wednesday") ends on the
  day its last weekday alone would be and starts the days before it. Two days of one month
  joined by "und"/"and" ("am 1. und 2. November", "on May 3 and 4") are both and the days
  between; of two months ("am 3. Mai und 4. Juni") they stay two dates.
- "seit/since X" runs from the start of X to the reference (precision years when X is a year);
  without a reference it is X itself.
- "wie schon 2003", "as in 2003" get role "comparison": they never date a happening; a date in a
  clause of what should have happened but did not ("hätte jetzt … gesprochen werden sollen",
  "should have been handed down on Friday") role "unreal", which dates nothing either.
- "Stunden zuvor", "am Tag zuvor", "am nächsten Tag", "three days later" count from the previous mention and keep its
  basis, "am selben Tag", "the same day" are its day; skipped when there is none or it is not a
  single day (never invent a day). "im Jahr zuvor", "zwei Jahre später" count years from a year
  (or a day of one) told before, "in der Woche zuvor" a whole week from a week or seven days;
  before "als"/"than" ("zwei Tage später als geplant") a counted time dates nothing. "einen Monat später", "a month later" from a day is about that
  day a month on (a third of a month either side, precision month), from a month the month
  after; "vor einem Monat", "a month ago" likewise about a month back, not the calendar month.
- Impossible days ("31. Februar 2025") degrade to their month; years are 1900-2100 and not
  quantities ("2000 Soldaten", "rund 2000") or parts of ids ("F-2023", "100.2023").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from geo.records import DateInterval, TimeMention
from geo.when.handlers import HANDLERS, modifiers
from geo.when import pattern as _pattern
from geo.when.pattern import PATTERN_LOW, WEEKDAY_GAP, WORDS
from geo.when.resolve import SINCE, Context, in_unreal, since_before

__all__ = ["tag_dates", "infer_reference_date"]


def tag_dates(text: str, *, published: dt.date | None, language: str, reference_is_inferred: bool = False,
              reference_is_lower_bound: bool = False, country: str | None = None) -> list[TimeMention]:
    """Every time expression in `text`, in order and non-overlapping, resolved to an interval;
    `country`, the page's (its domain's ISO code), orders the numbers of "7/4/2025"."""
    ctx = Context(published, "inferred" if reference_is_inferred else "relative", language, text,
                  lower_bound=reference_is_lower_bound and published is not None,
                  explicit=lambda: tag_dates(text, published=None, language=language, country=country),
                  day_first=_day_first(text, language, country))
    return _scan(text, ctx)


# "23/10/2020", "10/23/2020": a numeric date with slashes (with dots it is day first everywhere)
_SLASH_DATE = re.compile(r"(?<![\w./])(\d{1,2})/(\d{1,2})/(?:19|20)?\d\d(?![\w/])")


def _day_first(text: str, language: str, country: str | None) -> bool:
    """Whether the text's "08/07/2016" is 8 July: as a date of the text that can be read only one
    way has it ("today i.e. 23/10/2020" against "10/23/2020"), else as its language writes them
    in the page's country (`month_first_countries` in geo/when/*.yaml: English month first in the
    United States, day first in Ireland, India or Nigeria, as in most of the world)."""
    first = second = False
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m[1]), int(m[2])
        first, second = first or b <= 12 < a, second or a <= 12 < b
    if first != second:
        return first
    months_first = WORDS.month_first_countries.get(language)
    return months_first is None or (country is not None and country.lower() not in months_first)


def date_matches(text: str):
    """`PATTERN.finditer(text)`: case-sensitive matching on a lower-cased copy is ~3x faster."""
    low = text.lower()
    return PATTERN_LOW.finditer(low) if len(low) == len(text) else _pattern.PATTERN.finditer(text)


@lru_cache(maxsize=8)
def _matches(text: str) -> tuple[re.Match, ...]:
    """`date_matches(text)`, kept for the last few texts: a document's text is tagged two or three
    times (its latest date before its reference is known, against that reference, its explicit
    dates only for an anchor year), and the pattern's matches do not depend on the reference."""
    return tuple(date_matches(text))


def _scan(text: str, ctx: Context) -> list[TimeMention]:
    matches = _matches(text)
    out: list[TimeMention] = []
    prev_kind = None
    for m in matches:
        kind = m.lastgroup
        if kind == "yof":  # "im Juli vergangenen Jahres": the alternative before the year's words
            kind = next(k for k in HANDLERS if m.group(k) is not None)
        ctx.pos = m.start()
        try:
            iv = HANDLERS[kind](m, ctx)
            iv = modifiers(m, iv, ctx) if iv else None
        except (ValueError, OverflowError, KeyError, StopIteration):  # impossible dates: skip
            iv = None
        if iv is None:
            continue
        iv = _until_reference(iv, ctx)
        role = "comparison" if m.group("cmp") else "birth" if _is_birth(text, m, iv) \
            else "unreal" if in_unreal(text, m.start(), ctx.language) else "happening"
        start = m.start()
        if (kind in ("dmy", "mdy", "num", "iso") and iv.precision == "day" and prev_kind == "weekday"
                and WEEKDAY_GAP.fullmatch(text, out[-1].end, start)):
            start = out.pop().start  # "Dienstag, 7. April 2025": the date wins
        out.append(TimeMention(start, m.end(), text[start:m.end()], iv, role))
        prev_kind = kind
        if role == "happening":
            ctx.last = iv
    return out


def _until_reference(iv: DateInterval, ctx: Context) -> DateInterval:
    """What a clause in the past tense tells ("were fined this week", "wurde diese Woche
    festgenommen") happened by the day the page speaks from: a period around that day ends
    there. Without a past verb it may lie ahead ("Das Werk schließt diese Woche")."""
    if ctx.ref is None or ctx.lower_bound or iv.basis == "explicit" or not iv.start < ctx.ref < iv.end:
        return iv
    return replace(iv, end=ctx.ref) if ctx.past() else iv


# "eine 1967 geborene Frau", "Jahrgang 1967", "born in 1967": a birth year dates no happening
# and anchors no other date of the text.
_BORN_AFTER = re.compile(r"\s+(?:geboren|geborene[nmrs]?|gebürtig)\b", re.I)
_BORN_BEFORE = re.compile(r"(?:\bborn\s+(?:in\s+)?|\bJahrgang\s+|\bgeboren\s+(?:im\s+Jahr\s+)?)$", re.I)


def _is_birth(text: str, m: re.Match, iv) -> bool:
    return iv.precision == "year" and bool(_BORN_AFTER.match(text, m.end())
                                          or _BORN_BEFORE.search(text, max(0, m.start() - 20), m.start()))


def infer_reference_date(text: str, *, language: str, country: str | None = None) -> dt.date | None:
    """The END of the latest explicit happening interval, so a text whose latest date is
    "April 2025" gives 2025-04-30 and one that only names "2023" gives 2023-12-31: never a
    more precise day than the text itself states. A date in a clause about the future is no
    bound of the page's day; nor is a date told in the pluperfect ("2014 hatte das Institut 20
    Fälle registriert", "had been advised in 2005"): background, often years before the page,
    whose year would be every undated happening's; nor the start of a lasting state ("seit 1950
    Amtssitz", "seit der Fusion der Gemeinden 1996", "has produced pigments since 1974"), decades
    before it as often as not. None when nothing explicit is dated."""
    ctx = Context(None, "relative", language, text)
    ends = []
    for m in tag_dates(text, published=None, language=language, country=country):
        if m.role == "happening" and m.interval.basis == "explicit" and not SINCE.match(m.text) \
                and not since_before(text, m.start):
            ctx.pos = m.start
            # "wird sein Amt im Januar 2022 antreten" lies after the page; "hatte 2014 …
            # registriert" long before it
            if not ctx.future() and not ctx.pluperfect(m.start):
                ends.append(m.interval.end)
    return max(ends, default=None)
