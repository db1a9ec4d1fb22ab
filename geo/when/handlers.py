"""One handler per alternative of the pattern: a match becomes a `DateInterval` (or None)."""
from __future__ import annotations

import datetime as dt

from geo.records import DateInterval
from geo.when import intervals as iv_
from geo.when.pattern import (AGE_AFTER, ATTRIBUTE_AFTER, ATTRIBUTE_BEFORE, QUANTITY_AFTER, QUANTITY_BEFORE, SCHEDULED_BEFORE,
                              SHORT_DATE_BEFORE, THAN_AFTER as _THAN_AFTER, WORDS as W)
from geo.when.resolve import Context, after_told, closest_day, cyclic
from geo.when.words import norm

_MONTH_NO = {w: n for n, ws in W.months.items() for w in ws}
_DIRECTION = {"past": -1, "this": 0, "next": 1, "earlier": "earlier", "later": "later"}


def _direction(m):
    word = m.group("dir")
    return _DIRECTION[W.directions[norm(word)]] if word else None


def _mon(m, group: str, ctx: Context) -> int:
    """Month number; KeyError (skip) for lower-case English verbs such as "may" or "march"."""
    w = ctx.text[m.start(group):m.end(group)].rstrip(".")
    if w.islower() and w in W.ambiguous_lower:
        raise KeyError(w)
    return _MONTH_NO[w.lower()]


def _num(word: str) -> int | None:
    w = norm(word)
    if w.isdigit():
        return int(w)
    return next((n for n, ws in W.numbers.items() if w in ws), None)


def _period_after(m, ctx: Context, unit: str) -> int | None:
    """The offset (-1, 0, 1) a trailing "vergangenen Jahres", "last year", "dieser Woche"
    gives a month, season, day or weekday; None without one of that unit."""
    if not m["yof"] or ctx.ref is None or W.periods[norm(m["yof_u"])] != unit:
        return None
    off = _DIRECTION[W.directions[norm(m["yof_dir"])]]
    return off if isinstance(off, int) else 0


def _year_after(m, ctx: Context) -> int | None:
    """The year a trailing "vergangenen Jahres", "last year" gives a month, season or day."""
    off = _period_after(m, ctx, "year")
    return None if off is None else ctx.ref.year + off


def _needs_day(ctx: Context) -> bool:
    """No reference, or one too weak for a weekday or "gestern": only a lower bound of the
    publication day (the text's latest date) would invent a day."""
    return ctx.ref is None or ctx.lower_bound


def _day_range(m1, d1, m2, d2, year, ctx):
    """"7. bis 9. April 2025", "30. März bis 2. April", "April 7-9, 2025" (year from the end)."""
    if year:
        y, basis = int(year), "explicit"
    else:
        anchor = closest_day(m2, d2, ctx)
        if anchor is None:
            return None
        y, basis = anchor.start.year, ctx.basis
    start, end = dt.date(y - (m1 > m2), m1, d1), dt.date(y, m2, d2)
    return DateInterval(start, end, "day", basis) if start < end else None


def _h_drange(m, ctx):
    m2 = _mon(m, "dr_m2", ctx)
    m1 = _mon(m, "dr_m1", ctx) if m["dr_m1"] else m2
    return _day_range(m1, int(m["dr_d1"]), m2, int(m["dr_d2"]), m["dr_y"], ctx)


def _h_drange_en(m, ctx):
    """ "April 7-9, 2025", "May 31 to June 6" """
    mo = _mon(m, "de_m", ctx)
    mo2 = _mon(m, "de_m2", ctx) if m["de_m2"] else mo
    return _day_range(mo, int(m["de_d1"]), mo2, int(m["de_d2"]), m["de_y"], ctx)


def _h_mrange(m, ctx):
    m1, m2 = _mon(m, "mr_m1", ctx), _mon(m, "mr_m2", ctx)
    if m["mr_y2"]:
        y2, basis = int(m["mr_y2"]), "explicit"
    else:
        last = cyclic(lambda y: iv_.month(y, m2, ctx.basis), ctx, _direction(m))
        if last is None:
            return None
        y2, basis = last.start.year, ctx.basis
    y1 = int(m["mr_y1"]) if m["mr_y1"] else y2 - (m1 > m2)
    start, end = dt.date(y1, m1, 1), iv_.month(y2, m2, basis).end
    return DateInterval(start, end, "month", basis) if start < end else None


def _h_iso(m, ctx):
    return iv_.day(int(m["is_y"]), int(m["is_m"]), int(m["is_d"]), "explicit")


def _h_yrange(m, ctx):
    a = int(m["yr_a"])
    if m["yr_b"]:
        b = int(m["yr_b"])
    else:
        c = int(m["yr_c"])
        if c <= a % 100:  # "2025-04" is a year-month, not a range back in time
            return iv_.month(a, c, "explicit") if 1 <= c <= 12 else None
        b = a - a % 100 + c
    return DateInterval(dt.date(a, 1, 1), dt.date(b, 12, 31), "years", "explicit") if a < b else None


def _h_num(m, ctx):
    """"07.04.2025", "7/4/2025"; with a two-digit year "07.04.25", or "am 6.2.22" with a
    one-digit day or month after a preposition or weekday, as "am 3.6." (alone, "3.11.7" may
    number a version or a section)."""
    a, b, y = m["nu_a"], m["nu_b"], m["nu_y"]
    if len(y) == 2:
        if m["nu_sep"] != "." or (len(a) != 2 or len(b) != 2) and not (
                m["prep"] or SHORT_DATE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())):
            return None
        y = "20" + y
    d, mo = (int(b), int(a)) if m["nu_sep"] == "/" and not ctx.day_first else (int(a), int(b))
    if mo > 12 >= d:  # "23/10/2020" in English, "07.21.2016": only the other order is a date
        d, mo = mo, d
    return iv_.day(int(y), mo, d, "explicit")


def _h_dmn(m, ctx):
    """German "23.07." (two-digit day and month, no year), as live tickers head their entries;
    "am 3.6.", "(7.6.)", "Freitag, 7.6." with a one-digit day or month only after a preposition,
    a bracket or a weekday (alone, "3.6." may number a section)."""
    if ctx.language != "de":
        return None
    if (len(m["dn_d"]) < 2 or len(m["dn_m"]) < 2) and not (
            m["prep"] or SHORT_DATE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())):
        return None
    return closest_day(int(m["dn_m"]), int(m["dn_d"]), ctx)


def _h_dmy(m, ctx):
    mo, d = _mon(m, "dm_m", ctx), int(m["dm_d"])
    return _day(m["dm_y"], mo, d, m, ctx)


def _h_mdy(m, ctx):
    mo, d = _mon(m, "md_m", ctx), int(m["md_d"])
    return _day(m["md_y"], mo, d, m, ctx)


def _day(year, mo, d, m, ctx):
    """A day with its year written, given by "vergangenen Jahres", or the closest one."""
    if year:
        return iv_.day(int(year), mo, d, "explicit")
    after = _year_after(m, ctx)
    return iv_.day(after, mo, d, ctx.basis) if after else closest_day(mo, d, ctx)


def _h_my(m, ctx):
    return iv_.month(int(m["my_y"]), _mon(m, "my_m", ctx), "explicit")


def _h_season(m, ctx):
    word = norm(m["se_w"])
    first = next(n for n, ws in W.seasons.items() if word in ws)
    if m["se_y"]:
        return iv_.season(int(m["se_y"]), first, "explicit")
    if word in W.seasons_need_year or not (m["prep"] or m["dir"] or m["part"] or m["since"] or m["cmp"]):
        return None
    if year := _year_after(m, ctx):
        return iv_.season(year, first, ctx.basis)
    return cyclic(lambda y: iv_.season(y, first, ctx.basis), ctx, _direction(m))


def _h_quarter(m, ctx):
    if m["qc_o"]:
        q = next(n for n, ws in W.ordinals.items() if norm(m["qc_o"]) in ws)
        if m["qc_h"]:
            return _half(q, m, ctx)
        if not m["qc_y"] and (year := _year_after(m, ctx)):  # "im dritten Quartal vergangenen Jahres"
            return iv_.quarter(year, q, ctx.basis)
        if not m["qc_y"]:
            return cyclic(lambda y: iv_.quarter(y, q, ctx.basis), ctx, _direction(m))
        return iv_.quarter(int(m["qc_y"]), q, "explicit")
    # "Q3 2024", "2024-Q3" and the analysts' "3Q 2024"
    q, y = (m["qa_q"], m["qa_y"]) if m["qa_q"] else (m["qb_q"], m["qb_y"]) if m["qb_q"] else (m["qd_q"], m["qd_y"])
    return iv_.quarter(int(y), int(q), "explicit")


def _half(h: int, m, ctx):
    """"im ersten Halbjahr 2024", "in der zweiten Jahreshälfte", "in the first half of last
    year": with its year written or given, else chosen like a bare quarter (not in English,
    where "in the first half" is as often a match's)."""
    if h > 2:
        return None
    if m["qc_y"]:
        return iv_.half(int(m["qc_y"]), h, "explicit")
    if year := _year_after(m, ctx):
        return iv_.half(year, h, ctx.basis)
    if norm(m["qc_h"]) in W.halves_need_year:
        return None
    return cyclic(lambda y: iv_.half(y, h, ctx.basis), ctx, _direction(m))


def _h_ago(m, ctx):
    n, unit = _num(m["ag_n"] or m["ag_n2"]), W.units[norm(m["ag_u"] or m["ag_u2"])]
    if ctx.ref is None or n is None or (unit in ("day", "week") and _needs_day(ctx)) or (m["ag_x"] and unit == "day"):
        return None
    if unit == "day":
        d = ctx.ref - dt.timedelta(days=n)
        return DateInterval(d, d, "day", ctx.basis)
    if unit == "week":
        return iv_.week(ctx.ref - dt.timedelta(weeks=n), ctx.basis)
    if unit == "month":  # "vor einem Monat" on 2 June is about 2 May, not all of May
        return iv_.months_off(ctx.ref, -n, ctx.basis)
    return iv_.year(ctx.ref.year - n, ctx.basis)


def _h_anaph(m, ctx):
    """Count from the previous mention; hours keep its interval, days need a single day; a week
    or a year shifts the week or the year told before ("in der Woche vom 1. bis 7. Dezember …
    in der Woche zuvor", "Im Jahr 2020 … ein Jahr später"). "zwei Tage später als geplant",
    "a year earlier than planned" compare with a plan and date nothing."""
    last = ctx.last
    if last is None or _THAN_AFTER.match(ctx.text, m.end()):
        return None
    if m["an_x"]:
        way = W.day_anaphora.get(norm(m["an_x"])) or W.day_anaphora_at_clause_end[norm(m["an_x"])]
        n, unit, before = (0 if way == "same" else 1), "day", way == "before"
    else:
        unit, before = W.units[norm(m["an_u"])], W.anaphora[norm(m["an_w"])] == "before"
        n = _num(m["an_n"]) if m["an_n"] else (1 if norm(m["an_u"]) in W.singular_units else None)
    if unit in ("hour", "minute"):
        return last
    if n is not None and unit == "month":  # "a month later": from a day, about that day a month on; from a month, the next
        if last.start == last.end:
            return iv_.months_off(last.start, -n if before else n, last.basis)
        if last.precision == "month" and last.start.day == 1 and last.start.month == last.end.month:
            return iv_.month(*iv_.shift_month(last.start, -n if before else n), last.basis)
        return None
    if n is not None and unit == "year":  # "im Jahr zuvor", "two years later": that year of the one told
        if last.start.year != last.end.year:
            return None
        return iv_.year(last.start.year + (-n if before else n), last.basis)
    if n is not None and unit == "week" and last.start != last.end:
        if (last.end - last.start).days != 6:  # a week, or seven days told as a range
            return None
        shift = (-1 if before else 1) * dt.timedelta(weeks=n)
        return DateInterval(last.start + shift, last.end + shift, last.precision, last.basis)
    if n is None or last.start != last.end:
        return None
    d = last.start + (-1 if before else 1) * dt.timedelta(days=n * (7 if unit == "week" else 1))
    return DateInterval(d, d, "day", last.basis) if unit == "day" else iv_.week(d, last.basis)


def _h_dayword(m, ctx):
    word = norm(m.group("dayword"))
    if ctx.ref is None:
        return None
    if word in W.this_year:
        return iv_.year(ctx.ref.year, ctx.basis)
    written = ctx.text[m.start("dayword"):m.end("dayword")]
    if _needs_day(ctx) or (written[:1].isupper() and word in W.capitalised_not_dates):  # "Am Morgen"
        return None
    if AGE_AFTER.match(ctx.text, m.end()):  # "der heute 59-Jährige" is now aged 59
        return None
    if ATTRIBUTE_AFTER.match(ctx.text, m.end()) and ATTRIBUTE_BEFORE.search(ctx.text, max(0, m.start("dayword") - 8), m.start("dayword")):
        return None  # "der jetzt verurteilte Eritreer hatte …": the day is the noun's, not the clause's
    d = ctx.ref + dt.timedelta(days=W.day_offsets[word])
    return DateInterval(d, d, "day", ctx.basis)


def _h_hday(m, ctx):
    """A holiday ("an Weihnachten", "über Ostern", "on New Year's Day", "Christmas 2023"): with
    its year, a trailing "vergangenen Jahres", or resolved like a bare month; a bare name
    without a preposition ("Weihnachten ist ein Fest") dates nothing."""
    spec = W.holidays[norm(m["hd_w"])]
    if m["hd_y"]:
        return iv_.holiday(int(m["hd_y"]), spec, "explicit")
    if not (m["hd_p"] or m["prep"] or m["dir"] or m["since"] or m["cmp"]):
        return None
    if year := _year_after(m, ctx):
        return iv_.holiday(year, spec, ctx.basis)
    return cyclic(lambda y: iv_.holiday(y, spec, ctx.basis), ctx, _direction(m))


def _h_cpart(m, ctx):
    """A part of a period in one word ("zum Jahresende 2024", "seit Jahresbeginn", "zur
    Monatsmitte"): that third of the year written, else of the period the text is at, as
    "Ende des Jahres" is."""
    part, unit = W.part_compounds[norm(m["cp_w"])]
    if m["cp_y"]:
        return iv_.narrow(iv_.year(int(m["cp_y"]), "explicit"), part) if unit == "year" else None
    iv = _period(unit, m, ctx)
    return iv_.narrow(iv, part) if iv else None


def _h_rel(m, ctx):
    """"vergangene Woche", "im laufenden Quartal"; after a part without a direction ("Ende des
    Jahres", "Mitte der Woche", "by the end of the month") the period the text is at: the year of
    the paragraph's explicit dates, the month just named, else the reference's."""
    return _period(W.periods[norm(m["rl_u"])], m, ctx)


def _period(unit: str, m, ctx):
    if ctx.ref is None or (unit in ("week", "weekend") and _needs_day(ctx)):
        return None
    if m["dir"] is None and unit == "year" and (year := ctx.anchor_year()[0]) is not None:
        return iv_.year(year, ctx.basis)
    if m["dir"] is None and unit == "month" and ctx.last is not None and ctx.last.precision == "month":
        return iv_.month(ctx.last.start.year, ctx.last.start.month, ctx.basis)
    return iv_.period(unit, _direction(m), ctx.ref, ctx.basis)


def _h_wkend(m, ctx):
    """"am Wochenende", "over the weekend" without "last" or "this": in a clause about the future
    the coming one (or the one the reference falls in), else the latest one up to the reference."""
    if _needs_day(ctx):
        return None
    return iv_.weekend(ctx.ref, 0 if ctx.future() or ctx.ref.weekday() >= 5 else -1, ctx.basis)


def _h_rel_after(m, ctx):
    unit, direction = W.periods[norm(m["rs_u"])], _DIRECTION[W.directions_after[norm(m["rs_d"])]]
    if ctx.ref is None or (unit == "week" and _needs_day(ctx)):
        return None
    return iv_.period(unit, direction, ctx.ref, ctx.basis)


def _wd(word) -> int:
    return next(n for n, ws in W.weekdays.items() if norm(word) in ws)


def _h_weekday(m, ctx):
    return _weekday(_wd(m["wd_w"]), m, ctx) if ctx.ref else None


def _h_wrange(m, ctx):
    """"von Samstag bis Montagmorgen", "between Monday and Wednesday": the last day resolved as
    a weekday alone would be, the first the days before it."""
    first, last = _wd(m["wr_a"]), _wd(m["wr_b"])
    end = _weekday(last, m, ctx) if ctx.ref else None
    if end is None or first == last:
        return end
    return DateInterval(end.start - dt.timedelta(days=(last - first) % 7), end.end, "day", ctx.basis)


def _weekday(wd: int, m, ctx):
    """The day of weekday `wd` (Monday 0) for the mention `m`: by its direction word, a trailing
    "vergangener Woche", the tense, else the latest such day up to the reference."""
    if ctx.ref is not None and ctx.lower_bound and wd == ctx.ref.weekday() and _direction(m) is None and not ctx.future():
        # The text's latest date is that weekday ("Am Samstag … Samstag, 29. Mai 2021"): news
        # appears within the week, so the bare weekday is that very day.
        return DateInterval(ctx.ref, ctx.ref, "day", ctx.basis)
    if _needs_day(ctx):
        return None
    week = _period_after(m, ctx, "week")
    if week is not None:  # "am Montag vergangener Woche", "on Tuesday of this week"
        d = ctx.ref + dt.timedelta(days=wd - ctx.ref.weekday(), weeks=week)
        return DateInterval(d, d, "day", ctx.basis)
    back, direction = (ctx.ref.weekday() - wd) % 7, _direction(m)  # days since the last such day
    if direction is None and back and ctx.future(bool(SCHEDULED_BEFORE.search(m.string, max(0, m.start() - 8), m.start()))) \
            and not after_told(ctx.text, ctx.pos, ctx.language):
        # "Am Freitag soll abgestimmt werden", "für Freitag aufgerufen": the coming Friday; not
        # the day of what it comes after ("are expected to appear in court after their arrest on Friday")
        direction = 1
    if direction == -1:
        back = back or 7
        if back == 1 and norm(m["dir"]) in W.past_weekday_not_yesterday:
            back = 8  # "last Monday" on a Tuesday: the Monday before
    elif direction == 1 or (direction is not None and back > 3):  # next, or "this" nearer ahead
        back = -((wd - ctx.ref.weekday()) % 7 or (7 if direction == 1 else 0))
    d = ctx.ref - dt.timedelta(days=back)
    return DateInterval(d, d, "day", ctx.basis)


def _h_bmonth(m, ctx):
    if not (m["prep"] or m["dir"] or m["part"] or m["since"] or m["cmp"]):
        return None  # "August Diehl" is a name; "im August" is a month
    mo = _mon(m, "bmonth", ctx)
    if year := _year_after(m, ctx):
        return iv_.month(year, mo, ctx.basis)
    return cyclic(lambda y: iv_.month(y, mo, ctx.basis), ctx, _direction(m))


def _h_decade(m, ctx):
    """"in den 1990er-Jahren", "in den 90er Jahren", "in the 1990s": ten years. A two-digit
    decade only with "Jahre" written ("in den 50ern" is an age) and from the 1930s (the "20er
    Jahre" may be either century)."""
    if m["dc_y"]:
        start = int(m["dc_y"])
    elif "jahr" in norm(m["dc_x"]):
        start = 1900 + int(m["dc_s"])
    else:
        return None
    return DateInterval(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "years", "explicit")


def _h_year(m, ctx):
    prep = norm(m["prep"] or "")
    if not prep.startswith(("im jahr", "in the year")):
        if QUANTITY_AFTER.match(m.string, m.end()) or QUANTITY_BEFORE.search(
                m.string, max(0, m.start() - 20), m.start()):
            return None
    return iv_.year(int(m.group("year")), "explicit")


HANDLERS = {name[3:]: fn for name, fn in globals().items() if name.startswith("_h_")}


def modifiers(m, iv, ctx):
    """Apply "Anfang/Mitte/Ende" and "seit/since" around an already resolved interval."""
    part = m["part"]
    if part and iv.precision in ("week", "month", "season", "quarter", "year"):
        iv = iv_.narrow(iv, W.parts[norm(part)])
    if m["since"] and ctx.ref and ctx.ref >= iv.start:
        precision = "years" if iv.precision in ("year", "years") else iv.precision
        iv = DateInterval(iv.start, ctx.ref, precision, ctx.basis)
    return iv
