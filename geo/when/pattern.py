"""The one regex that finds every time expression, built from the languages' words.

The grammar (what may follow what) is here; the words are data (`words.py`). Each named
alternative of `PATTERN` has a handler of the same name in `handlers.py`.
"""
from __future__ import annotations

import re

from geo.when.words import load_words

WORDS = load_words()


def alt(words, *, space: str = r"\s+", fold: bool = True) -> str:
    """A trie-shaped alternation: the regex engine tries ~one branch per letter, not per word.
    An empty list never matches. A space in a word matches `space`; `fold` lower-cases the
    words (for a pattern that ignores case). Where one word is the start of another the longer
    is tried first, so a pattern matches what `"|".join` of the words sorted longest first does."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in (word.lower() if fold else word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        parts = [(space if ch == " " else re.escape(ch)) + emit(child)
                 for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) if trie else "(?!)"


# Letters a case-insensitive pattern matches to an ASCII letter that `str.lower` leaves apart from it
# (dotless ı, long ſ, the Kelvin sign; İ lowers to two characters).
_FOLDED = "İıſ\u212a"


def caseless(text: str) -> str | None:
    """`text.lower()` where a case-sensitive pattern of lower-case words finds in it exactly what
    the same pattern ignoring case finds in `text` (same offsets, no letter that case folding
    matches beyond `str.lower`), else None: scanning the copy skips the engine's per-letter case
    folding, about twice as fast."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _FOLDED)):
        return None
    return low


def _all(table: dict) -> list[str]:
    return [w for ws in table.values() for w in ws]


def _optional_word(words) -> str:
    """An optional linking word and its space ("of ", "de ")."""
    return rf"(?:(?:{alt(words)})\s+)?" if words else ""


W = WORDS
_FULLMON = alt(w for w in _all(W.months) if w not in W.abbreviations)
_P = {
    "Y": r"(?:19\d\d|20\d\d|2100)", "D": r"(?:0?[1-9]|[12]\d|3[01])",
    "END": r"(?![\w-]|[.,/]\d)", "ORD": r"(?:st|nd|rd|th)?",
    "MON": rf"(?:(?:{_FULLMON})|(?:{alt(W.abbreviations)})\.?)(?!\w)", "FULLMON": rf"(?:{_FULLMON})(?!\w)",
    "WD": alt(_all(W.weekdays)), "WDPART": alt(W.weekday_parts) if W.weekday_parts else "(?!)",
    "SEASON": alt(_all(W.seasons)),
    "NUM": r"\d{1,3}|" + alt(_all(W.numbers)), "VAGUE": alt(W.vague),
    "ORDQ": alt(_all(W.ordinals)), "QWORD": alt(W.quarter_words), "QOF": _optional_word(W.quarter_of),
    "HWORD": alt(W.half_words), "CPART": alt(W.part_compounds),
    "OF": _optional_word(W.of),
    "CMP": alt(W.comparison), "PREP": alt(W.prepositions), "SINCE": alt(W.since), "BTW": alt(W.between),
    "PART": alt(W.parts), "DIR": alt(W.directions), "DIRAFTER": alt(W.directions_after),
    "AGOUNIT": alt(W.unit_words("day", "week", "month", "year")),
    "ANUNIT": alt(W.unit_words("hour", "minute", "day", "week", "month", "year")),
    "AGOBEFORE": alt(W.ago_before), "AGOAFTER": alt(W.ago_after), "ANAPH": alt(W.anaphora),
    "AGOAPPROX": _optional_word(W.ago_approx),
    "DAYANAPH": alt(W.day_anaphora), "DAYANAPHEND": alt(W.day_anaphora_at_clause_end),
    "DAYWORDS": alt(list(W.day_offsets) + W.this_year),
    "PERIOD": alt(W.periods), "YEARW": alt(w for w, u in W.periods.items() if u == "year"),
    "WEEKW": alt(w for w, u in W.periods.items() if u == "week"),
    "WKART": alt(W.weekend_articles), "WKEND": alt(w for w, u in W.periods.items() if u == "weekend"),
    "HOLIDAY": alt(W.holidays), "HPREP": alt(W.holiday_prepositions),
    "DECADE": alt(W.decade_suffixes),
    "YOF": _optional_word(W.year_of), "PARTICLE": _optional_word(W.period_articles),
    "CONN": rf"(?(btw)\s+(?:{alt(W.range_and)})\s+|(?:\s*[–—-]\s*|\s+(?:{alt(W.range_to)})\s+))",
    "AND": rf"\s+(?:{alt(W.range_and)})\s+",  # two days of one month: "am 1. und 2. November", "on May 3 and 4"
}


def _gate() -> str:
    """A cheap look at the word ahead, so the alternatives are only tried where one could match."""
    single_anaphora = [w for w in W.day_anaphora if " " not in w]
    multi_anaphora = [w for w in list(W.day_anaphora) + list(W.day_anaphora_at_clause_end) if " " in w]
    units = alt(list(W.units) + list(W.periods) + single_anaphora)
    exact = alt(_all(W.months) + _all(W.seasons) + list(W.day_offsets) + W.this_year + list(W.holidays)
                + list(W.part_compounds))
    num = alt(_all(W.numbers) + W.vague)
    return (rf"(?=\d|q\d|(?:{exact}|{units})(?!\w)|{_P['WD']}"
            rf"|(?:{num}|{_P['AGOBEFORE']})\s+{_P['AGOAPPROX']}(?:\d|{num}|{units})|(?:{alt(W.period_articles)})\s+{_P['PERIOD']}"
            rf"|(?:{_P['HPREP']})\s+(?:{_P['HOLIDAY']})(?!\w)|(?:{_P['WKART']})\s+{_P['WKEND']}|{alt(multi_anaphora)}|(?:{_P['ORDQ']})\s+(?:{_P['QWORD']}|{_P['HWORD']}))")


SOURCE = (r"""(?<![\w.,\-/#$€£§@:])
(?:(?P<cmp>%(CMP)s)\s+)?
(?:(?P<since>%(SINCE)s)\s+)?
(?:(?P<btw>%(BTW)s)\s+)?
(?:(?P<prep>%(PREP)s)\s+)?
(?:(?P<part>%(PART)s)(?:\s+|-))?
(?:(?P<dir>%(DIR)s)\s+)?
%(GATE)s(?:
 (?P<drange>(?P<dr_d1>%(D)s)(?:\.|%(ORD)s)(?:(?:\s*(?P<dr_m1>%(MON)s))?%(CONN)s|%(AND)s|/)(?P<dr_d2>%(D)s)
   (?:\.\s*|%(ORD)s\s+)%(OF)s(?P<dr_m2>%(MON)s)(?:,?\s+%(OF)s(?P<dr_y>%(Y)s)%(END)s)?)
|(?P<drange_en>(?P<de_m>%(MON)s)\s+(?P<de_d1>%(D)s)%(ORD)s(?:%(CONN)s(?:(?P<de_m2>%(MON)s)\s+)?|%(AND)s)(?P<de_d2>%(D)s)%(ORD)s(?!\d)
   (?:,?\s+(?P<de_y>%(Y)s)%(END)s)?)
|(?P<mrange>(?P<mr_m1>%(MON)s)(?:\s+(?P<mr_y1>%(Y)s))?%(CONN)s(?P<mr_m2>%(MON)s)
   (?:,?\s+%(OF)s(?P<mr_y2>%(Y)s)%(END)s)?)
|(?P<iso>(?P<is_y>%(Y)s)-(?P<is_m>\d\d)-(?P<is_d>\d\d)(?!\d))
|(?P<yrange>(?P<yr_a>%(Y)s)(?:(?:%(CONN)s|\s*/\s*)(?P<yr_b>%(Y)s)|\s*[/–—-]\s*(?P<yr_c>\d\d))%(END)s)
|(?P<num>(?P<nu_a>\d{1,2})(?P<nu_sep>[./])(?P<nu_b>\d{1,2})(?P=nu_sep)(?P<nu_y>%(Y)s|\d\d)%(END)s)
|(?P<dmn>(?P<dn_d>0?[1-9]|[12]\d|3[01])\.(?P<dn_m>0?[1-9]|1[0-2])\.(?![\d.]))
|(?P<dmy>(?P<dm_d>%(D)s)(?:\.\s*|%(ORD)s\s+)%(OF)s(?P<dm_m>%(MON)s)
   (?:,?\s+%(OF)s(?P<dm_y>%(Y)s)%(END)s)?)
|(?P<mdy>(?P<md_m>%(MON)s)\s+(?P<md_d>%(D)s)%(ORD)s(?!\d|\.\d)(?:,?\s+(?P<md_y>%(Y)s)%(END)s)?)
|(?P<my>(?P<my_m>%(MON)s),?\s+%(OF)s(?P<my_y>%(Y)s)%(END)s)
|(?P<season>(?P<se_w>%(SEASON)s)(?!\w)(?:\s+%(OF)s(?P<se_y>%(Y)s)
   (?:\s*/\s*(?P<se_y2>%(Y)s|\d\d))?%(END)s)?)
|(?P<quarter>(?:Q(?P<qa_q>[1-4])\s*[/-]?\s*(?P<qa_y>%(Y)s)|(?P<qb_y>%(Y)s)\s*[/-]?\s*Q(?P<qb_q>[1-4])
   |(?P<qd_q>[1-4])Q\s*(?P<qd_y>%(Y)s)
   |(?P<qc_o>%(ORDQ)s)\s+(?:(?P<qc_h>%(HWORD)s)|%(QWORD)s)(?:\s+%(QOF)s(?P<qc_y>%(Y)s))?)%(END)s)
|(?P<ago>(?:%(AGOBEFORE)s)\s+(?P<ag_x>%(AGOAPPROX)s)(?P<ag_n>%(NUM)s)\s+(?P<ag_u>%(AGOUNIT)s)(?!\w)
   |(?P<ag_n2>%(NUM)s)\s+(?P<ag_u2>%(AGOUNIT)s)\s+(?:%(AGOAFTER)s)(?!\w))
|(?P<anaph>(?:(?P<an_n>%(NUM)s|%(VAGUE)s)\s+)?(?P<an_u>%(ANUNIT)s)\s+(?P<an_w>%(ANAPH)s)(?!\w)
   |(?P<an_x>%(DAYANAPH)s|%(DAYANAPHEND)s(?=\s*[.,;:)]|\s*$))(?!\w))
|(?P<hday>(?:(?P<hd_p>%(HPREP)s)\s+)?(?P<hd_w>%(HOLIDAY)s)(?!\w)(?:\s+(?P<hd_y>%(Y)s)%(END)s)?)
|(?P<dayword>%(DAYWORDS)s)(?!\w)
|(?P<wkend>(?:%(WKART)s)\s+%(WKEND)s(?!\w))
|(?P<cpart>(?P<cp_w>%(CPART)s)(?!\w)(?:\s+(?P<cp_y>%(Y)s)%(END)s)?)
|(?P<rel>(?(dir)|(?(part)|(?!)))(?P<rl_u>%(PERIOD)s))(?!\w)(?!\s+%(Y)s)
|(?P<rel_after>%(PARTICLE)s(?P<rs_u>%(PERIOD)s)\s+(?P<rs_d>%(DIRAFTER)s)(?!\w))
|(?P<wrange>(?P<wr_a>%(WD)s)(?:%(WDPART)s)?%(CONN)s(?P<wr_b>%(WD)s)(?:%(WDPART)s)?(?!\w))
|(?P<weekday>(?P<wd_w>%(WD)s)(?:%(WDPART)s)?(?!\w))
|(?P<bmonth>%(FULLMON)s)
|(?P<decade>(?:(?P<dc_y>(?:19|20)\d0)|(?P<dc_s>[3-9]0))(?P<dc_x>%(DECADE)s)(?!\w))
|(?P<year>%(Y)s%(END)s)
)(?:\s+(?P<yof>(?:%(YOF)s)(?P<yof_dir>%(DIR)s)\s+(?P<yof_u>%(YEARW)s|%(WEEKW)s))(?!\w))?""" % dict(_P, GATE=_gate()))
PATTERN_LOW = re.compile(SOURCE.lower().replace("(?p", "(?P"), re.VERBOSE)  # for text.lower()
WEEKDAY_GAP = re.compile(r",?\s*%s" % _optional_word(W.date_articles), re.IGNORECASE)
# "(7.6.)", "am 7.6.", "Freitag, 7.6.": what a one-digit "7.6." stands after to be a date
SHORT_DATE_BEFORE = re.compile(r"(?:\(|(?:%s)(?:%s)?,?\s*%s)$" % (_P["WD"], _P["WDPART"], _optional_word(W.date_articles)),
                               re.IGNORECASE)
QUANTITY_AFTER = re.compile(r"\s*(?:%s)(?!\w)" % alt(W.quantity_after), re.IGNORECASE)
AGE_AFTER = re.compile(r"\s+[\w-]*?(?:%s)" % alt(W.ages), re.IGNORECASE)
# "der jetzt verurteilte Eritreer": an article before the day word, an inflected lower-case word and a noun after it
ATTRIBUTE_BEFORE = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(W.attribute_articles), re.IGNORECASE)
ATTRIBUTE_AFTER = re.compile(r"\s+[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+[A-ZÄÖÜ]")
# "für Montag": what a weekday stands after to be the day something is set for
SCHEDULED_BEFORE = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(W.scheduled_for or ["(?!)"]), re.IGNORECASE)
QUANTITY_BEFORE = re.compile(r"(?:%s)\s*$" % alt(W.quantity_before), re.IGNORECASE)
# "zwei Tage später als geplant", "a year earlier than expected": a comparison, no date
THAN_AFTER = re.compile(r"\s+(?:%s)(?!\w)" % alt(W.than or ["(?!)"]), re.IGNORECASE)


def __getattr__(name: str):
    """`PATTERN`, the case-insensitive pattern for the text itself, compiled on first use (about
    40 CPU-ms): only a text whose lower-case copy changes its length ("İ") needs it, and most
    runs meet none (`when.date_matches` scans the lower-case copy with `PATTERN_LOW`)."""
    if name == "PATTERN":
        globals()[name] = compiled = re.compile(SOURCE, re.IGNORECASE | re.VERBOSE)
        return compiled
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
