"""Interval builders: a day, week, month, season, quarter or year as a `DateInterval`."""
from __future__ import annotations

import calendar
import datetime as dt

from geo.records import DateInterval


def mdays(y: int, mo: int) -> int:
    return calendar.monthrange(y, mo)[1]


def month(y, mo, basis, precision="month"):
    return DateInterval(dt.date(y, mo, 1), dt.date(y, mo, mdays(y, mo)), precision, basis)


def day(y, mo, d, basis):
    """A day, or its month when the day does not exist ("31. Februar")."""
    try:
        return DateInterval(dt.date(y, mo, d), dt.date(y, mo, d), "day", basis)
    except ValueError:
        return month(y, mo, basis)


def year(y, basis, precision="year"):
    return DateInterval(dt.date(y, 1, 1), dt.date(y, 12, 31), precision, basis)


def season(y, first_month, basis):
    """Meteorological seasons; winter Y runs from December Y to February Y+1."""
    end_y, end_m = (y + 1, 2) if first_month == 12 else (y, first_month + 2)
    return DateInterval(dt.date(y, first_month, 1), dt.date(end_y, end_m, mdays(end_y, end_m)),
                        "season", basis)


def quarter(y, q, basis):
    return DateInterval(dt.date(y, 3 * q - 2, 1), month(y, 3 * q, basis).end, "quarter", basis)


def half(y, h, basis):
    """The first or second half of a year: precision year, narrowed as "Anfang 2024" is."""
    return DateInterval(dt.date(y, 6 * h - 5, 1), month(y, 6 * h, basis).end, "year", basis)


def week(d, basis):
    monday = d - dt.timedelta(days=d.weekday())
    return DateInterval(monday, monday + dt.timedelta(days=6), "week", basis)


def easter(y: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous computus)."""
    a, (b, c) = y % 19, divmod(y, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    n = h + l - 7 * m + 114
    return dt.date(y, n // 31, n % 31 + 1)


def _feast_day(y: int, spec: str) -> dt.date:
    if spec.startswith("easter"):
        return easter(y) + dt.timedelta(days=int(spec[6:] or 0))
    mo, d = map(int, spec.split("-"))
    return dt.date(y, mo, d)


def holiday(y, spec: str, basis):
    """A holiday of year `y` from its table entry: "12-24", "12-31..01-01" (into the next year),
    "easter+1" (days from Easter Sunday), "easter+0..easter+1"."""
    first, _, last = spec.partition("..")
    start = _feast_day(y, first)
    end = _feast_day(y, last) if last else start
    if end < start:
        end = _feast_day(y + 1, last)
    return DateInterval(start, end, "day", basis)


def shift_month(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def period(unit, direction, ref, basis):
    """This/last/next week, month, quarter or year around the reference."""
    off = direction if isinstance(direction, int) else 0
    if unit == "week":
        iv = week(ref + dt.timedelta(weeks=off), basis)
    elif unit == "weekend":
        iv = weekend(ref, off, basis)
    elif unit == "month":
        iv = month(*shift_month(ref, off), basis)
    elif unit == "quarter":
        y, mo = shift_month(ref, 3 * off)
        iv = quarter(y, (mo - 1) // 3 + 1, basis)
    else:
        iv = year(ref.year + off, basis)
    if direction == "earlier":
        return DateInterval(iv.start, ref, iv.precision, iv.basis)
    if direction == "later":
        return DateInterval(ref, iv.end, iv.precision, iv.basis)
    return iv


def weekend(ref, off: int, basis):
    """Saturday and Sunday: "last weekend" the one before the reference, "this weekend" the one
    it falls in or the coming one, "next weekend" the one after."""
    sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # the latest Saturday on or before ref
    in_weekend = ref.weekday() >= 5
    if (off == 0 and not in_weekend) or off > 0:
        sat += dt.timedelta(days=7)
    elif off < 0 and in_weekend:
        sat -= dt.timedelta(days=7)
    return DateInterval(sat, sat + dt.timedelta(days=1), "day", basis)


def narrow(iv, part: str):
    """"Anfang/Mitte/Ende": the first, middle or last third, keeping the precision; the start or
    end of a calendar year its first or last quarter ("Ende 2024", "at the end of the year" are
    October to December, as "Ende März" is the month's last ten days, not from 31 August on)."""
    if part != "middle" and iv.precision == "year" and iv.start == dt.date(iv.start.year, 1, 1) \
            and iv.end == dt.date(iv.start.year, 12, 31):
        if part == "start":
            return DateInterval(iv.start, dt.date(iv.start.year, 3, 31), iv.precision, iv.basis)
        return DateInterval(dt.date(iv.start.year, 10, 1), iv.end, iv.precision, iv.basis)
    third = ((iv.end - iv.start).days + 1) // 3
    k = {"start": 0, "middle": 1, "end": 2}[part]
    start = iv.start + dt.timedelta(days=k * third)
    end = iv.end if k == 2 else start + dt.timedelta(days=third - 1)
    return DateInterval(start, end, iv.precision, iv.basis)


def months_off(d: dt.date, n: int, basis):
    """About `n` months from a day ("a month later", "vor einem Monat"): the day `n` calendar
    months away, give or take a third of a month for each month counted (precision month)."""
    y, mo = shift_month(d, n)
    centre = dt.date(y, mo, min(d.day, mdays(y, mo)))
    spread = dt.timedelta(days=10 * abs(n))
    return DateInterval(centre - spread, centre + spread, "month", basis)
