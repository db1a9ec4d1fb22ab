"""Temporal tagging: find the time expressions in an article and turn each into a date interval.

One compiled regex scans the whole text once (German, English and some Spanish together, since
articles quote each other); a handler per alternative turns a match into a `DateInterval`.
Word lists live in `geo/ref/time_words.yaml`; `language` only breaks ties (d/m vs m/d).

Rules worth knowing:
- explicit: every part is written ("7. April 2025", "Frühjahr 2024"). relative: resolved against
  `published`; reported as "inferred" when `reference_is_inferred`. No reference -> skipped.
- A bare month, season or weekday ("im August", "am Dienstag") is the most recent one starting at
  or before the reference; "letzten/last" the most recent that ended before it, "nächsten/next"
  the first after it, "diesen/this" the one containing it (else the nearest). A day and month
  without a year ("7. April") takes the year closest to the reference (articles announce dates).
- "Anfang/Mitte/Ende", "early/mid/late" narrow the interval to its first/middle/last third and
  keep its precision: "Anfang April 2025" -> 2025-04-01..2025-04-10, month.
- Seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov; "Winter 2023" and
  "Winter 2023/24" both mean 2023-12-01..2024-02-29.
- "seit/since X" runs from the start of X to the reference (precision years when X is a year);
  without a reference it is X itself.
- "wie schon 2003", "as in 2003" get role "comparison": they never date a happening.
- "Stunden zuvor", "am Tag zuvor", "three days later" count from the previous mention and keep its
  basis; skipped when there is none or it is not a single day (never invent a day).
- Impossible days ("31. Februar 2025") degrade to their month; years are 1900-2100 and not
  quantities ("2000 Soldaten", "rund 2000") or parts of ids ("F-2023", "100.2023").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass


from geo.ref import load_yaml
from geo.records import DateInterval, TimeMention

_WORDS = load_yaml("time_words.yaml")
_MONTHS, _WEEKDAYS, _SEASONS = _WORDS["months"], _WORDS["weekdays"], _WORDS["seasons"]
_NUMBERS, _ORDINALS, _DAYWORDS = _WORDS["numbers"], _WORDS["ordinals"], _WORDS["day_offsets"]
_ABBR, _VAGUE = set(_WORDS["abbreviations"]), _WORDS["vague"]
_UNIT = {"wo": "week", "we": "week", "se": "week", "mo": "month", "me": "month", "ja": "year",
         "ye": "year", "añ": "year", "an": "year", "qu": "quarter", "tr": "quarter", "ta": "day",
         "da": "day", "dí": "day", "di": "day", "st": "hour", "ho": "hour", "mi": "hour"}


def _alt(words) -> str:
    """A trie-shaped alternation: the regex engine tries ~one branch per letter, not per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        parts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                 for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _inflect(stems: str) -> list[str]:
    return [s + e for s in stems.split() for e in ("", "n", "m", "r", "s")]


_MONTH_NO = {w: n for n, ws in _MONTHS.items() for w in ws}
_QUANTITY_AFTER = re.compile(r"\s*(?:%s)(?!\w)" % _alt(_WORDS["quantity_after"]), re.IGNORECASE)
_QUANTITY_BEFORE = re.compile(r"(?:%s)\s*$" % _alt(_WORDS["quantity_before"]), re.IGNORECASE)
_FULLMON = _alt(w for w in _MONTH_NO if w not in _ABBR)
_P = {
    "Y": r"(?:19\d\d|20\d\d|2100)", "D": r"(?:0?[1-9]|[12]\d|3[01])",
    "END": r"(?![\w-]|[.,/]\d)", "ORD": r"(?:st|nd|rd|th)?",
    "MON": rf"(?:(?:{_FULLMON})|(?:{_alt(_ABBR)})\.?)(?!\w)", "FULLMON": rf"(?:{_FULLMON})(?!\w)",
    "WD": _alt(w for ws in _WEEKDAYS.values() for w in ws),
    "SEASON": _alt(w for ws in _SEASONS.values() for w in ws),
    "NUM": r"\d{1,3}|" + _alt(w for ws in _NUMBERS.values() for w in ws),
    "VAGUE": _alt(_VAGUE),
    "ORDQ": _alt(w for ws in _ORDINALS.values() for w in ws),
    "CMP": _alt(_WORDS["comparison"]), "PREP": _alt(_WORDS["prepositions"]),
    "PART": _alt([p + s for p in ("anfang", "mitte", "ende", "beginn") for s in ("", " des", " der")]
                 + [p + s for p in ("early", "mid", "late", "end", "beginning", "start", "middle")
                    for s in ("", " of", " of the")]
                 + [p + s for p in ("principios", "mediados", "finales", "fines") for s in ("", " de", " del")]),
    "DIR": _alt(_inflect("vergangene letzte vorige diese laufende nächste kommende")
                + ["earlier this", "later this", "last", "previous", "this", "next", "coming",
                   "pasado", "pasada", "próximo", "próxima", "este", "esta"]),
    "CONN": r"(?(btw)\s+(?:und|and|y)\s+|(?:\s*[–—-]\s*|\s+(?:bis(?:\s+zum|\s+Ende)?|to|through|"
            r"until|till|al?|hasta)\s+))",
}


def _gate() -> str:
    """A cheap look at the word ahead, so the alternatives are only tried where one could match."""
    def words(*tables):
        return [w for t in tables for ws in t.values() for w in ws]
    units = _alt("stunde stunden minuten tag tage tagen woche wochen monat monate monaten monats jahr "
                 "jahre jahren jahres quartal quartals hour hours minutes day days week weeks month "
                 "months year years quarter semana semanas mes meses año años trimestre días dias "
                 "vortag vortages folgetag folgetages".split())
    exact = _alt(words(_MONTHS, _SEASONS) + list(_DAYWORDS) + ["heuer"])
    num = _alt(words(_NUMBERS) + _VAGUE)
    return (rf"(?=\d|q\d|(?:{exact}|{units})(?!\w)|{_alt(words(_WEEKDAYS))}"
            rf"|(?:{num}|vor|hace)\s+(?:\d|{num}|{units})|(?:la|el)\s+(?:semana|mes|año|trimestre)"
            rf"|(?:previous|preceding|next|following)\s+day|tags\s|(?:{_alt(words(_ORDINALS))})\s+"
            rf"(?:quartal|vierteljahr|quarter|trimestre))")


_SOURCE = ((r"""(?<![\w.,\-/#$€£§@:])
(?:(?P<cmp>%(CMP)s)\s+)?
(?:(?P<since>seit|since|desde)\s+)?
(?:(?P<btw>zwischen|between|entre)\s+)?
(?:(?P<prep>%(PREP)s)\s+)?
(?:(?P<part>%(PART)s)(?:\s+|-))?
(?:(?P<dir>%(DIR)s)\s+)?
%(GATE)s(?:
 (?P<drange>(?P<dr_d1>%(D)s)(?:\.|%(ORD)s)(?:\s*(?P<dr_m1>%(MON)s))?%(CONN)s(?P<dr_d2>%(D)s)
   (?:\.\s*|%(ORD)s\s+)(?:of\s+|de\s+)?(?P<dr_m2>%(MON)s)(?:,?\s+(?:de\s+)?(?P<dr_y>%(Y)s)%(END)s)?)
|(?P<drange_en>(?P<de_m>%(MON)s)\s+(?P<de_d1>%(D)s)%(ORD)s%(CONN)s(?P<de_d2>%(D)s)%(ORD)s(?!\d)
   (?:,?\s+(?P<de_y>%(Y)s)%(END)s)?)
|(?P<mrange>(?P<mr_m1>%(MON)s)(?:\s+(?P<mr_y1>%(Y)s))?%(CONN)s(?P<mr_m2>%(MON)s)
   (?:,?\s+(?:de\s+)?(?P<mr_y2>%(Y)s)%(END)s)?)
|(?P<iso>(?P<is_y>%(Y)s)-(?P<is_m>\d\d)-(?P<is_d>\d\d)(?!\d))
|(?P<yrange>(?P<yr_a>%(Y)s)(?:(?:%(CONN)s|\s*/\s*)(?P<yr_b>%(Y)s)|\s*[/–—-]\s*(?P<yr_c>\d\d))%(END)s)
|(?P<num>(?P<nu_a>\d{1,2})(?P<nu_sep>[./])(?P<nu_b>\d{1,2})(?P=nu_sep)(?P<nu_y>%(Y)s|\d\d)%(END)s)
|(?P<dmy>(?P<dm_d>%(D)s)(?:\.\s*|%(ORD)s\s+)(?:of\s+|de\s+)?(?P<dm_m>%(MON)s)
   (?:,?\s+(?:de\s+)?(?P<dm_y>%(Y)s)%(END)s)?)
|(?P<mdy>(?P<md_m>%(MON)s)\s+(?P<md_d>%(D)s)%(ORD)s(?!\d|\.\d)(?:,?\s+(?P<md_y>%(Y)s)%(END)s)?)
|(?P<my>(?P<my_m>%(MON)s),?\s+(?:of\s+|de\s+)?(?P<my_y>%(Y)s)%(END)s)
|(?P<season>(?P<se_w>%(SEASON)s)(?!\w)(?:\s+(?:of\s+|de\s+)?(?P<se_y>%(Y)s)
   (?:\s*/\s*(?P<se_y2>%(Y)s|\d\d))?%(END)s)?)
|(?P<quarter>(?:Q(?P<qa_q>[1-4])\s*[/-]?\s*(?P<qa_y>%(Y)s)|(?P<qb_y>%(Y)s)\s*[/-]?\s*Q(?P<qb_q>[1-4])
   |(?P<qc_o>%(ORDQ)s)\s+(?:Quartal|Vierteljahr|quarter|trimestre)
   (?:\s+(?:des\s+Jahres\s+|of\s+|del?\s+)?(?P<qc_y>%(Y)s))?)%(END)s)
|(?P<ago>(?:vor|hace)\s+(?P<ag_n>%(NUM)s)\s+(?P<ag_u>tag(?:en|e)?|wochen?|monat(?:en|e)?|jahr(?:en|e)?|
   d[ií]as?|semanas?|mes(?:es)?|años?)(?!\w)|(?P<ag_n2>%(NUM)s)\s+(?P<ag_u2>days?|weeks?|months?|years?)\s+ago(?!\w))
|(?P<anaph>(?:(?P<an_n>%(NUM)s|%(VAGUE)s)\s+)?(?P<an_u>stunden?|minuten|tag(?:en|e)?|wochen?|hours?|
   minutes|days?|weeks?)\s+(?:zuvor|vorher|davor|früher|später|danach|darauf|earlier|later)(?!\w)
   |(?P<an_x>vortag(?:es)?|folgetag(?:es)?|tags\s+(?:zuvor|davor|darauf)|(?:previous|preceding|next|following)\s+day
   |day\s+(?:before|after)(?=\s*[.,;:)]|\s*$))(?!\w))
|(?P<dayword>%(DAYWORDS)s|heuer)(?!\w)
|(?P<rel>(?(dir)(?P<rl_u>woche|monats?|jahr(?:es)?|quartals?|week|month|year|quarter|semana|mes|año|
   trimestre)|(?!)))(?!\w)
|(?P<rel_es>(?:(?:la|el)\s+)?(?P<rs_u>semana|mes|año|trimestre)\s+(?P<rs_d>pasad[oa]|próxim[oa]|que\s+viene)(?!\w))
|(?P<weekday>(?P<wd_w>%(WD)s)(?:abend|morgen|vormittag|nachmittag|mittag|nacht|früh)?(?!\w))
|(?P<bmonth>%(FULLMON)s)
|(?P<year>%(Y)s%(END)s)
)""" % dict(_P, DAYWORDS=_alt(_DAYWORDS), GATE=_gate())))
_PATTERN = re.compile(_SOURCE, re.IGNORECASE | re.VERBOSE)
_PATTERN_LOW = re.compile(_SOURCE.lower().replace("(?p", "(?P"), re.VERBOSE)  # for text.lower()
_WEEKDAY_GAP = re.compile(r",?\s*(?:den\s+|the\s+)?", re.IGNORECASE)


@dataclass
class _Ctx:
    ref: dt.date | None
    basis: str  # basis for anything resolved against ref
    language: str
    text: str  # the original text; matching runs on its lower-cased copy
    last: DateInterval | None = None  # anchor for "zuvor"/"earlier"


def tag_dates(text: str, *, published: dt.date | None, language: str,
              reference_is_inferred: bool = False) -> list[TimeMention]:
    """Every time expression in `text`, in order and non-overlapping, resolved to an interval."""
    ctx = _Ctx(published, "inferred" if reference_is_inferred else "relative", language, text)
    low = text.lower()  # case-sensitive matching on a lower-cased copy is ~3x faster
    matches = _PATTERN_LOW.finditer(low) if len(low) == len(text) else _PATTERN.finditer(text)
    out: list[TimeMention] = []
    prev_kind = None
    for m in matches:
        kind = m.lastgroup
        try:
            iv = _HANDLERS[kind](m, ctx)
            iv = _modifiers(m, iv, ctx) if iv else None
        except (ValueError, OverflowError, KeyError, StopIteration):  # impossible dates: skip
            iv = None
        if iv is None:
            continue
        role = "comparison" if m.group("cmp") else "happening"
        start = m.start()
        if (kind in ("dmy", "mdy", "num", "iso") and iv.precision == "day" and prev_kind == "weekday"
                and _WEEKDAY_GAP.fullmatch(text, out[-1].end, start)):
            start = out.pop().start  # "Dienstag, 7. April 2025": the date wins
        out.append(TimeMention(start, m.end(), text[start:m.end()], iv, role))
        prev_kind = kind
        if role == "happening":
            ctx.last = iv
    return out


def infer_reference_date(text: str, *, language: str) -> dt.date | None:
    """The END of the latest explicit happening interval, so a text whose latest date is
    "April 2025" gives 2025-04-30 and one that only names "2023" gives 2023-12-31: never a
    more precise day than the text itself states. None when nothing explicit is dated."""
    ends = [m.interval.end for m in tag_dates(text, published=None, language=language)
            if m.role == "happening" and m.interval.basis == "explicit"]
    return max(ends, default=None)


# --- interval builders -------------------------------------------------------------------

def _mdays(y: int, mo: int) -> int:
    return calendar.monthrange(y, mo)[1]


def _month(y, mo, basis, precision="month"):
    return DateInterval(dt.date(y, mo, 1), dt.date(y, mo, _mdays(y, mo)), precision, basis)


def _day(y, mo, d, basis):
    """A day, or its month when the day does not exist ("31. Februar")."""
    try:
        return DateInterval(dt.date(y, mo, d), dt.date(y, mo, d), "day", basis)
    except ValueError:
        return _month(y, mo, basis)


def _year(y, basis, precision="year"):
    return DateInterval(dt.date(y, 1, 1), dt.date(y, 12, 31), precision, basis)


def _season(y, first_month, basis):
    end_y, end_m = (y + 1, 2) if first_month == 12 else (y, first_month + 2)
    return DateInterval(dt.date(y, first_month, 1), dt.date(end_y, end_m, _mdays(end_y, end_m)),
                        "season", basis)


def _quarter(y, q, basis):
    return DateInterval(dt.date(y, 3 * q - 2, 1), _month(y, 3 * q, basis).end, "quarter", basis)


def _week(d, basis):
    monday = d - dt.timedelta(days=d.weekday())
    return DateInterval(monday, monday + dt.timedelta(days=6), "week", basis)


def _shift_month(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _pick(cands, ref, direction):
    """Choose among repeating intervals (this year's August, last year's...) for a reference."""
    if direction is None:
        ok = [c for c in cands if c.start <= ref]
        return max(ok, key=lambda c: c.start, default=None)
    if direction == -1:
        return max((c for c in cands if c.end < ref), key=lambda c: c.start, default=None)
    if direction == 1:
        return min((c for c in cands if c.start > ref), key=lambda c: c.start, default=None)
    inside = [c for c in cands if c.start <= ref <= c.end]
    return inside[0] if inside else min(cands, key=lambda c: abs((c.start - ref).days))


def _direction(m):
    word = (m.group("dir") or "").lower()
    if not word:
        return None
    if word.startswith(("earlier", "later")):
        return word.split()[0]
    if word.startswith(("vergangen", "letzt", "vorig", "last", "previous", "pasad")):
        return -1
    if word.startswith(("nächst", "kommend", "next", "coming", "próxim")):
        return 1
    return 0


def _mon(m, group: str, ctx) -> int:
    """Month number; KeyError (skip) for lower-case English verbs such as "may" or "march"."""
    w = ctx.text[m.start(group):m.end(group)].rstrip(".")
    if w.islower() and w in _WORDS["ambiguous_lower"]:
        raise KeyError(w)
    return _MONTH_NO[w.lower()]


def _num(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return next((n for n, ws in _NUMBERS.items() if w in ws), None)


def _closest_day(mo, d, ctx):
    if ctx.ref is None:
        return None
    cands = []
    for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        try:
            cands.append(dt.date(y, mo, d))
        except ValueError:
            pass
    best = min(cands, key=lambda c: abs((c - ctx.ref).days), default=None)
    return DateInterval(best, best, "day", ctx.basis) if best else None


def _cyclic(make, ctx, direction):
    """Resolve a repeating interval (month, season, quarter) built by `make(year)`."""
    if ctx.ref is None:
        return None
    cands = [make(y) for y in range(ctx.ref.year - 2, ctx.ref.year + 2)]
    return _pick(cands, ctx.ref, direction if direction in (None, -1, 0, 1) else 0)


# --- handlers: one per regex alternative --------------------------------------------------

def _day_range(m1, d1, m2, d2, year, ctx):
    """"7. bis 9. April 2025", "30. März bis 2. April", "April 7-9, 2025" (year from the end)."""
    if year:
        y, basis = int(year), "explicit"
    else:
        anchor = _closest_day(m2, d2, ctx)
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
    mo = _mon(m, "de_m", ctx)
    return _day_range(mo, int(m["de_d1"]), mo, int(m["de_d2"]), m["de_y"], ctx)


def _h_mrange(m, ctx):
    m1, m2 = _mon(m, "mr_m1", ctx), _mon(m, "mr_m2", ctx)
    if m["mr_y2"]:
        y2, basis = int(m["mr_y2"]), "explicit"
    else:
        last = _cyclic(lambda y: _month(y, m2, ctx.basis), ctx, _direction(m))
        if last is None:
            return None
        y2, basis = last.start.year, ctx.basis
    y1 = int(m["mr_y1"]) if m["mr_y1"] else y2 - (m1 > m2)
    start, end = dt.date(y1, m1, 1), _month(y2, m2, basis).end
    return DateInterval(start, end, "month", basis) if start < end else None


def _h_iso(m, ctx):
    return _day(int(m["is_y"]), int(m["is_m"]), int(m["is_d"]), "explicit")


def _h_yrange(m, ctx):
    a = int(m["yr_a"])
    if m["yr_b"]:
        b = int(m["yr_b"])
    else:
        c = int(m["yr_c"])
        if c <= a % 100:  # "2025-04" is a year-month, not a range back in time
            return _month(a, c, "explicit") if 1 <= c <= 12 else None
        b = a - a % 100 + c
    return DateInterval(dt.date(a, 1, 1), dt.date(b, 12, 31), "years", "explicit") if a < b else None


def _h_num(m, ctx):
    a, b, y = m["nu_a"], m["nu_b"], m["nu_y"]
    if len(y) == 2:  # "07.04.25" only; "3.11.7"-like version numbers stay out
        if len(a) != 2 or len(b) != 2 or m["nu_sep"] != ".":
            return None
        y = "20" + y
    d, mo = (b, a) if m["nu_sep"] == "/" and ctx.language == "en" else (a, b)
    return _day(int(y), int(mo), int(d), "explicit")


def _h_dmy(m, ctx):
    mo, d = _mon(m, "dm_m", ctx), int(m["dm_d"])
    return _day(int(m["dm_y"]), mo, d, "explicit") if m["dm_y"] else _closest_day(mo, d, ctx)


def _h_mdy(m, ctx):
    mo, d = _mon(m, "md_m", ctx), int(m["md_d"])
    return _day(int(m["md_y"]), mo, d, "explicit") if m["md_y"] else _closest_day(mo, d, ctx)


def _h_my(m, ctx):
    return _month(int(m["my_y"]), _mon(m, "my_m", ctx), "explicit")


def _h_season(m, ctx):
    word = m["se_w"].lower()
    first = next(n for n, ws in _SEASONS.items() if word in ws)
    if m["se_y"]:
        return _season(int(m["se_y"]), first, "explicit")
    if word == "fall" or not (m["prep"] or m["dir"] or m["part"] or m["since"] or m["cmp"]):
        return None
    return _cyclic(lambda y: _season(y, first, ctx.basis), ctx, _direction(m))


def _h_quarter(m, ctx):
    if m["qc_o"]:
        q = next(n for n, ws in _ORDINALS.items() if m["qc_o"].lower() in ws)
        if not m["qc_y"]:
            return _cyclic(lambda y: _quarter(y, q, ctx.basis), ctx, _direction(m))
        return _quarter(int(m["qc_y"]), q, "explicit")
    q, y = (m["qa_q"], m["qa_y"]) if m["qa_q"] else (m["qb_q"], m["qb_y"])
    return _quarter(int(y), int(q), "explicit")


def _h_ago(m, ctx):
    n, unit = _num(m["ag_n"] or m["ag_n2"]), _UNIT[(m["ag_u"] or m["ag_u2"])[:2].lower()]
    if ctx.ref is None or n is None:
        return None
    if unit == "day":
        d = ctx.ref - dt.timedelta(days=n)
        return DateInterval(d, d, "day", ctx.basis)
    if unit == "week":
        return _week(ctx.ref - dt.timedelta(weeks=n), ctx.basis)
    if unit == "month":
        return _month(*_shift_month(ctx.ref, -n), ctx.basis)
    return _year(ctx.ref.year - n, ctx.basis)


def _h_anaph(m, ctx):
    """Count from the previous mention; hours keep its interval, days/weeks need a single day."""
    last = ctx.last
    if last is None:
        return None
    text = m.group("anaph").lower()
    sign = -1 if re.search(r"zuvor|vorher|davor|früher|earlier|vortag|previous|preceding|before", text) else 1
    if m["an_x"]:
        n, unit = 1, "day"
    else:
        unit = _UNIT[m["an_u"][:2].lower()]
        n = _num(m["an_n"]) if m["an_n"] else (1 if m["an_u"].lower() in ("tag", "day", "woche", "week") else None)
    if unit == "hour":
        return last
    if n is None or last.start != last.end:
        return None
    d = last.start + sign * dt.timedelta(days=n * (7 if unit == "week" else 1))
    return DateInterval(d, d, "day", last.basis) if unit == "day" else _week(d, last.basis)


def _h_dayword(m, ctx):
    word = re.sub(r"\s+", " ", m.group("dayword").lower())
    if ctx.ref is None or ctx.text.startswith("Morgen", m.start("dayword")):  # also "morning"
        return None
    if word == "heuer":
        return _year(ctx.ref.year, ctx.basis)
    d = ctx.ref + dt.timedelta(days=_DAYWORDS[word])
    return DateInterval(d, d, "day", ctx.basis)


def _period(unit, direction, ctx):
    """This/last/next week, month, quarter or year around the reference."""
    ref, off = ctx.ref, direction if isinstance(direction, int) else 0
    if unit == "week":
        iv = _week(ref + dt.timedelta(weeks=off), ctx.basis)
    elif unit == "month":
        iv = _month(*_shift_month(ref, off), ctx.basis)
    elif unit == "quarter":
        y, mo = _shift_month(ref, 3 * off)
        iv = _quarter(y, (mo - 1) // 3 + 1, ctx.basis)
    else:
        iv = _year(ref.year + off, ctx.basis)
    if direction == "earlier":
        return DateInterval(iv.start, ref, iv.precision, iv.basis)
    if direction == "later":
        return DateInterval(ref, iv.end, iv.precision, iv.basis)
    return iv


def _h_rel(m, ctx):
    return _period(_UNIT[m["rl_u"][:2].lower()], _direction(m), ctx) if ctx.ref else None


def _h_rel_es(m, ctx):
    d = m["rs_d"].lower()
    direction = -1 if d.startswith("pasad") else 1
    return _period(_UNIT[m["rs_u"][:2].lower()], direction, ctx) if ctx.ref else None


def _h_weekday(m, ctx):
    if ctx.ref is None:
        return None
    wd = next(n for n, ws in _WEEKDAYS.items() if m["wd_w"].lower() in ws)
    back, direction = (ctx.ref.weekday() - wd) % 7, _direction(m)  # days since the last such day
    if direction == -1:
        back = back or 7
    elif direction == 1 or (direction is not None and back > 3):  # next, or "this" nearer ahead
        back = -((wd - ctx.ref.weekday()) % 7 or (7 if direction == 1 else 0))
    d = ctx.ref - dt.timedelta(days=back)
    return DateInterval(d, d, "day", ctx.basis)


def _h_bmonth(m, ctx):
    if not (m["prep"] or m["dir"] or m["part"] or m["since"] or m["cmp"]):
        return None  # "August Diehl" is a name; "im August" is a month
    mo = _mon(m, "bmonth", ctx)
    return _cyclic(lambda y: _month(y, mo, ctx.basis), ctx, _direction(m))


def _h_year(m, ctx):
    prep = (m["prep"] or "").lower()
    if not prep.startswith(("im jahr", "in the year")):
        if _QUANTITY_AFTER.match(m.string, m.end()) or _QUANTITY_BEFORE.search(
                m.string, max(0, m.start() - 20), m.start()):
            return None
    return _year(int(m.group("year")), "explicit")


_HANDLERS = {name[3:]: fn for name, fn in globals().items() if name.startswith("_h_")}


def _modifiers(m, iv, ctx):
    """Apply "Anfang/Mitte/Ende" and "seit/since" around an already resolved interval."""
    part = (m["part"] or "").lower()
    if part and iv.precision in ("month", "season", "quarter", "year"):
        third = ((iv.end - iv.start).days + 1) // 3
        k = 0 if part.startswith(("anfang", "beginn", "early", "start", "principios")) else (
            1 if part.startswith(("mitte", "mid", "mediados")) else 2)
        start = iv.start + dt.timedelta(days=k * third)
        end = iv.end if k == 2 else start + dt.timedelta(days=third - 1)
        iv = DateInterval(start, end, iv.precision, iv.basis)
    if m["since"] and ctx.ref and ctx.ref >= iv.start:
        precision = "years" if iv.precision in ("year", "years") else iv.precision
        iv = DateInterval(iv.start, ctx.ref, precision, ctx.basis)
    return iv
