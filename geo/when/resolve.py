"""Which August? Choosing among repeating intervals for a mention, by reference, tense and the
text's other dates.

A bare month, season or quarter ("im August", "im Herbst") and a day without a year
("am 7. April") repeat every year. The reading chosen:

- with "letzten/last", "nächsten/next", "diesen/this": the one before, after or around the
  reference (`pick`), whatever else the text says;
- in a clause about the future ("wird", "soll", "will", "plans"; and no past-tense verb):
  the current or next one, never a past one;
- else the one in the year of the nearest explicit date of the same paragraph ("Im Jahr 2023
  … Im August …" is August 2023), provided it is not after a known publication date;
- else, when the reference is only inferred from the text's latest date (a lower bound of the
  publication date), the one in the year most of the text's explicit dates fall in (ties: the
  later year), even when it lies after the reference: "im August" in a text whose dates are of
  2025 is August 2025, not August 2024; told after that latest date, one this would put
  before it is the next year's ("began in November 2022" … "on 6 March": 2023);
- else the most recent one starting at or before the reference.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from geo.records import DateInterval
from geo.when.pattern import WORDS, alt, caseless


@lru_cache(maxsize=None)
def _tense_words(language: str) -> tuple[re.Pattern, re.Pattern]:
    """The future and past cues of one language (all languages' for an unknown one)."""
    def cues(table):
        words = table.get(language) or [w for ws in table.values() for w in ws]
        return re.compile(r"(?<!\w)(?:%s)(?!\w)" % alt(words), re.IGNORECASE)
    return cues(WORDS.future), cues(WORDS.past)


@lru_cache(maxsize=None)
def _pluperfect(language: str) -> re.Pattern:
    """The pluperfect auxiliary, then a participle: in a verb-final language the clause's last
    word (lower case, so no noun), else within the next three words."""
    aux = WORDS.pluperfect.get(language) or ["(?!)"]
    ends = alt(WORDS.participle_endings.get(language) or [])
    if language in WORDS.verb_final:  # "hatte … beantragt", in a subordinate clause "beantragt hatte"
        return re.compile(r"(?<!\w)(?:%(aux)s)(?!\w).*\s[a-zäöüß]+(?:%(ends)s)\W*$|\s[a-zäöüß]+(?:%(ends)s)\s+(?:%(aux)s)\W*$"
                          % {"aux": alt(aux), "ends": ends})
    return re.compile(r"(?<!\w)(?:%s)\s+(?:\w+\s+){0,2}?\w+(?:%s)(?!\w)" % (alt(aux), ends), re.IGNORECASE)


@lru_cache(maxsize=None)
def _unreal(language: str) -> re.Pattern:
    """A counterfactual's auxiliary; in a verb-final language with a modal infinitive closing
    the clause ("hätte … gesprochen werden sollen")."""
    aux = WORDS.unreal_aux.get(language) or ["(?!)"]
    if language in WORDS.verb_final:
        return re.compile(r"(?<!\w)(?:%s)(?!\w).*\s(?:%s)\W*$" % (alt(aux), alt(WORDS.unreal_modal.get(language) or ["(?!)"])),
                          re.IGNORECASE)
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % alt(aux), re.IGNORECASE)


def in_unreal(text: str, pos: int, language: str) -> bool:
    """Whether the clause of `text` at `pos` tells what should have happened but did not
    ("Eigentlich hätte jetzt schon ein Urteil gesprochen werden sollen", "should have opened on
    Monday"): its date is no time anything happened."""
    return bool(_unreal(language).search(_clause(text, pos)))


def in_pluperfect(text: str, pos: int, language: str) -> bool:
    """Whether the clause of `text` at `pos` is told in the pluperfect ("hatte … beantragt",
    "had filed"): a happening before the time its paragraph tells of."""
    return bool(_pluperfect(language).search(_clause(text, pos)))


def in_future(text: str, pos: int, language: str, scheduled: bool = False) -> bool:
    """Whether the clause of `text` at `pos` speaks of the future (and not also of the past);
    `scheduled`: the mention itself names the day something is set for ("für Montag")."""
    clause = _clause(text, pos)
    future, past = _tense_words(language)
    return bool(scheduled or future.search(clause)) and not past.search(clause)


def in_past(text: str, pos: int, language: str) -> bool:
    """Whether the clause of `text` at `pos` has a past-tense verb ("were fined", "wurde")."""
    return bool(_tense_words(language)[1].search(_clause(text, pos)))


_AS_OF = re.compile(r"(?<!\w)(?:%s)\s*:?\s*$" % alt(WORDS.as_of or ["(?!)"]), re.IGNORECASE)
SINCE = re.compile(r"(?:%s)\s" % alt(WORDS.since), re.IGNORECASE)
# "seit dem Hamas-Massaker in Israel am 7. Oktober 2023": the start of a lasting state, named by its happening
_SINCE_BEFORE = re.compile(r"(?<!\w)(?:%s)\s[^.;:!?,()]*$" % alt(WORDS.since), re.IGNORECASE)


def since_before(text: str, pos: int) -> bool:
    """Whether the date at `pos` closes a "seit/since" phrase that starts before it in its clause
    ("seit der Fusion der Gemeinden 1996"): the start of a lasting state, not a time the text tells of."""
    return bool(_SINCE_BEFORE.search(text, max(0, pos - 80), pos))


# "nach dem Brand am", "nach dem tödlichen Überfall vom": the words before a date that name the
# earlier happening it is the date of (German: its noun capitalised, right before the date);
# "after the raid on", "following a deadly attack", "after their arrest on": up to three words.
_AFTER_TOLD = {
    "de": re.compile(r"(?<!\w)(?i:%s)\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*\s+$" % alt(WORDS.after_told)),
    "": re.compile(r"(?<!\w)(?i:%s)\s+(?:[\w-]+\s+){1,3}$" % alt(WORDS.after_told)),
}


def after_told(text: str, pos: int, language: str) -> bool:
    """Whether the date at `pos` is that of a happening the sentence says its own came after
    ("Nach dem Überfall am 5. Februar …", "expected to appear in court after their arrest on
    Friday"): an earlier time, told as past whatever the tense of its sentence."""
    return bool(_AFTER_TOLD.get(language, _AFTER_TOLD[""]).search(text, max(0, pos - 60), pos))


_CLAUSE_END = re.compile(r"[.!?;:]\s|[,()\"„“”«»–—]|\n")
# Commas and points inside a date break no clause: "arrived on Tuesday, May 8, 2018 at",
# "scheduled for Saturday, May 12, 2018", "am Montag, 8. Januar", "Am 3. Mai wird gewählt",
# "on Sept. 3": the tense of the date is its sentence's.
_MONTHS = alt(w for ws in WORDS.months.values() for w in ws)
_DATE_INSIDE = re.compile(
    r"(?<!\w)(?:%(wd)s)[a-zäöü]*,(?=\s*(?:den\s+|the\s+)?(?:\d|(?:%(mon)s)(?!\w)))"  # "Montag, 8. Januar"
    r"|(?<!\w)(?:%(mon)s)\.?\s+\d{1,2}(?:st|nd|rd|th)?,(?=\s*(?:19|20)\d\d(?!\d))"  # "May 12, 2018"
    r"|(?<![\w.])\d{1,2}\.\s(?=\s*(?:%(mon)s)(?!\w))"  # "3. Mai"
    r"|(?<!\w)(?:%(abbr)s)\.\s(?=\s*\d)"  # "Sept. 3", "3. Jan. 2024"
    % {"wd": alt(w for ws in WORDS.weekdays.values() for w in ws), "mon": _MONTHS, "abbr": alt(WORDS.abbreviations)},
    re.IGNORECASE)
# and the comma that closes a date a weekday's comma opened: "Am Montag, 8. Januar, wollen …",
# "On Saturday, May 12, 2018, the president will …"
_DATE_CLOSED = re.compile(
    r"(?<!\w)(?:%(wd)s),\s*(?:den\s+|the\s+)?(?:\d{1,2}\.\s*(?:(?:%(mon)s)\.?|\d{1,2}\.)"
    r"|(?:%(mon)s)\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:%(mon)s))(?:,?\s*(?:19|20)\d\d)?,"
    % {"wd": alt(w for ws in WORDS.weekdays.values() for w in ws), "mon": _MONTHS}, re.IGNORECASE)
# The same for `caseless(text)` (their words are lower case); "(?=\w)" lets the engine leave a
# position inside a word after one test: every alternative starts with a letter or a digit.
_DATE_INSIDE_LOW = re.compile(r"(?<!\w)(?=\w)(?:%s)" % _DATE_INSIDE.pattern)
_DATE_CLOSED_LOW = re.compile(_DATE_CLOSED.pattern)
_LAST_ENDS: tuple = (None, [], set())  # (text, its clause break ends, date commas' ends): one document at a time


def _break_ends(text: str) -> tuple[list[int], set[int]]:
    """Where each clause break of `text` ends, in order, and where the commas inside its dates
    end: found once per text, not once per clause asked for (a document asks for one or two a
    sentence)."""
    global _LAST_ENDS
    last = _LAST_ENDS  # one read: another thread may put another text's in its place
    if last[0] is not text:
        low = caseless(text)
        inside_at, closed_at, scanned = (_DATE_INSIDE, _DATE_CLOSED, text) if low is None \
            else (_DATE_INSIDE_LOW, _DATE_CLOSED_LOW, low)
        inside = {m.end() for m in inside_at.finditer(scanned)} | {m.end() for m in closed_at.finditer(scanned)}
        last = _LAST_ENDS = (text, [m.end() for m in _CLAUSE_END.finditer(text) if m.end() not in inside], inside)
    return last[1], last[2]


def _clause(text: str, pos: int) -> str:
    """The clause around a position: from the last clause break before it to the next."""
    lo = max(0, pos - 300)
    ends, inside = _break_ends(text)
    i = bisect_right(ends, pos) - 1
    if i >= 0 and ends[i] > lo + 1:
        start = ends[i]  # the text's last break before pos, well inside the window: the window's too
    else:  # none, or one that may straddle the window's start: the window alone decides
        start = max((m.end() for m in _CLAUSE_END.finditer(text, lo, pos) if m.end() not in inside), default=lo)
    end_m = _CLAUSE_END.search(text, pos, pos + 300)
    while end_m and end_m.end() in inside:
        end_m = _CLAUSE_END.search(text, end_m.end(), pos + 300)
    return text[start:end_m.start() if end_m else pos + 300]


@dataclass
class Context:
    """What a handler needs besides its match: the reference and the text around the mention."""

    ref: dt.date | None
    basis: str  # basis for anything resolved against ref: "relative" or "inferred"
    language: str
    text: str  # the original text; matching runs on its lower-cased copy
    lower_bound: bool = False  # ref is the text's latest date, not the publication day
    explicit: Callable[[], list] = list  # the text's explicit mentions, computed on first use
    last: DateInterval | None = None  # anchor for "zuvor"/"earlier"
    pos: int = 0  # start of the mention being resolved
    day_first: bool = False  # "08/07/2016" is 8 July: the text writes its numeric dates day first
    _explicit: list | None = field(default=None, repr=False)

    def explicit_mentions(self) -> list:
        """The text's explicit dates within one year, but not "seit/since X": a lasting state's
        start says nothing of when the text's other happenings were ("At a meeting in July, …
        without police since March 2011" is July of the page's year)."""
        if self._explicit is None:
            self._explicit = [m for m in self.explicit() if m.role == "happening" and not SINCE.match(m.text)
                              and m.interval.basis == "explicit" and m.interval.start.year == m.interval.end.year]
        return self._explicit

    def after_latest(self, cands: list, chosen):
        """Against a lower-bound reference (the text's latest date), a yearless month or day
        that the year of the text's dates puts before that latest date, told after it ("began
        in November 2022" … "on 6 March"; "im November 2024 Insolvenz" … "im März"): the first
        one from the latest date on, as the story goes on after its latest dated happening. Not
        a "seit/since" start nor a pluperfect's time, which tell of earlier times."""
        if not self.lower_bound or chosen.end >= self.ref or SINCE.match(self.text, self.pos) \
                or self.pluperfect(self.pos):
            return chosen
        latest = [m for m in self.explicit_mentions() if m.interval.end == self.ref]
        # before the latest date in its own year, not within it ("2025" holds February 2025); a
        # year most dates fall in that is not the latest one's stays ("2023 … Stand: April 2025 … Im Juli"),
        # and so does what is told after the time the page speaks from ("Stand: April 2025. Am 3. März …")
        if not latest or self.pos < min(m.start for m in latest) or chosen.end >= min(m.interval.start for m in latest) \
                or chosen.start.year != self.ref.year \
                or any(_AS_OF.search(self.text, max(0, m.start - 12), m.start) for m in latest):
            return chosen
        return min((c for c in cands if c.end >= self.ref), key=lambda c: c.start, default=chosen)

    def clause(self, pos: int) -> str:
        """The clause around a position (`_clause`)."""
        return _clause(self.text, pos)

    def future(self, scheduled: bool = False) -> bool:
        """`in_future` at the mention."""
        return in_future(self.text, self.pos, self.language, scheduled)

    def past(self) -> bool:
        """`in_past` at the mention."""
        return in_past(self.text, self.pos, self.language)

    def pluperfect(self, pos: int) -> bool:
        """`in_pluperfect` at `pos`."""
        return in_pluperfect(self.text, pos, self.language)

    def anchor_year(self) -> tuple[int | None, bool]:
        """The year of the nearest explicit date in the mention's paragraph (True), else — for
        a lower-bound reference — the year most explicit dates of the text fall in (False)."""
        para_start = self.text.rfind("\n", 0, self.pos) + 1
        para_end = self.text.find("\n", self.pos)
        para_end = len(self.text) if para_end < 0 else para_end
        # A pluperfect's date is background ("Im Februar … geschlossen. Im Sommer 2024 hatte
        # sie … beantragt"): it gives no year to the paragraph's other dates.
        near = [m for m in self.explicit_mentions() if para_start <= m.start and m.end <= para_end
                and not self.pluperfect(m.start)]
        if near:
            nearest = min(near, key=lambda m: abs(m.start - self.pos))
            return nearest.interval.start.year, True
        if self.lower_bound and self.explicit_mentions():
            counts = Counter(m.interval.start.year for m in self.explicit_mentions())
            return max(counts, key=lambda y: (counts[y], y)), False
        return None, False


def pick(cands, ref, direction):
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


def cyclic(make, ctx: Context, direction):
    """Resolve a repeating interval (month, season, quarter) built by `make(year)`."""
    if ctx.ref is None:
        return None
    cands = [make(y) for y in range(ctx.ref.year - 2, ctx.ref.year + 2)]
    if direction is not None:
        return pick(cands, ctx.ref, direction if direction in (-1, 0, 1) else 0)
    if ctx.future():
        return min((c for c in cands if c.end >= ctx.ref), key=lambda c: c.start, default=None)
    year, in_paragraph = ctx.anchor_year()
    if year is not None:
        same = [c for c in cands if c.start.year == year]
        if same and (ctx.lower_bound or same[0].start <= ctx.ref):
            return same[0] if in_paragraph else ctx.after_latest(cands, same[0])
    return pick(cands, ctx.ref, None)


# "remanded in custody until October 22", "told to pay the fine by February 9", "bis spätestens
# 3. Mai": a day set ahead, in a clause in the past all the same
_DEADLINE_BEFORE = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(WORDS.range_to + WORDS.deadline), re.IGNORECASE)


def closest_day(mo, d, ctx: Context):
    """A day and month without a year: the year closest to the reference (articles announce
    dates), but in a clause told in the past the last one up to the reference ("wurde am 10.
    August festgenommen" in March is last August's, not the coming one); against a lower-bound
    reference, the year of the text's dates around it."""
    if ctx.ref is None:
        return None
    cands = []
    for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        try:
            cands.append(dt.date(y, mo, d))
        except ValueError:
            pass
    year, in_paragraph = ctx.anchor_year() if ctx.lower_bound else (None, False)
    days = [DateInterval(c, c, "day", ctx.basis) for c in cands]
    same = [d for d in days if d.start.year == year]
    if same:
        return same[0] if in_paragraph else ctx.after_latest(days, same[0])
    closest = min(days, key=lambda d: abs((d.start - ctx.ref).days), default=None)
    if closest is not None and closest.start > ctx.ref and ctx.past() and not ctx.future() \
            and not _DEADLINE_BEFORE.search(ctx.text, max(0, ctx.pos - 24), ctx.pos):
        return max((d for d in days if d.start <= ctx.ref), key=lambda d: d.start, default=closest)
    return closest
