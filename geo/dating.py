"""Which date an event takes: its sentence's own, or one it inherits.

A sentence may name several dates (a plan's days, the end of a state that lasts, the date of the
happening it came after) or none. `best_interval` picks the one its happening took place on; a
sentence with none inherits, in order, its paragraph's past day, its live-blog entry's or
section's date, the story's day (a weekday the opening dates) or the document's time (its
publication day, a dateline's or URL's date, or the year of its latest date when the opening
names it). `geo.events` asks these questions; the words they read are per-language data in
`geo/when/<language>.yaml`.
"""
from __future__ import annotations

import datetime as dt
import re

from geo.merge import PRECISION_RANK
from geo.records import DateInterval, Document, Sentence, TimeMention, replace
from geo.reference import title_day
from geo.when import date_matches
from geo.when.pattern import ATTRIBUTE_AFTER, WORDS, alt
from geo.when.resolve import SINCE, after_told, in_future, in_past, in_pluperfect, in_unreal, since_before


def best_interval(times: list[TimeMention], doc: Document | None = None) -> TimeMention | None:
    """The date a sentence's happening took place on, of the dates it names: not the end of a
    state that lasts, not a plan's days ahead, not the date of the happening it came after; the
    most precise of the rest, then the first."""
    happening = [t for t in times if t.role == "happening"]
    if doc is not None:
        # "bleibt bis Ende März gesperrt", "are on strike until Friday": the end of a state that
        # lasts, not when the sentence's happening was (unless told as past: "dauerte bis Freitag").
        happening = [t for t in happening if not _state_end(t, doc)]
    if doc is not None and len(happening) > 1:
        # "Wang Yi will make a visit from Monday to Tuesday, the ministry said on Sunday": the
        # plan's days are ahead; the sentence's happening is the saying.
        told = [t for t in happening if not in_future(doc.text, t.start, doc.language)]
        happening = told or happening
        # "Panaji, November 12 (ANI): HMAS Ballarat, which made a port call here on November 10, …":
        # a wire dateline's date is the day the report was filed; the sentence's own date is the other.
        happening = [t for t in happening if not _filed(doc.text, t)] or happening
        # "Nach dem Überfall am 5. Februar wurde am Montag eine Bank überfallen": the first
        # date is the earlier happening's, named to say what this one came after.
        # Only a date it can have come after: "after the court on Monday ruled that the 2020
        # vote …" names Monday as the sentence's own day, not a happening before it.
        before = [t for t in happening if after_told(doc.text, t.start, doc.language)]
        own = [t for t in happening if t not in before and all(t.interval.end >= b.interval.start for b in before)]
        happening = own or happening
    return min(happening, key=lambda t: (PRECISION_RANK.get(t.interval.precision, 9), t.start)) if happening else None


def _filed(text: str, t: TimeMention) -> bool:
    """Whether a date closes a wire dateline: near its line's start, before the agency's name in
    brackets and a dash or colon ("MEXICO CITY, March 10 (Xinhua) --")."""
    return t.start - (text.rfind("\n", 0, t.start) + 1) <= _DATELINE_CHARS and bool(_AGENCY_AFTER.match(text, t.end))


_DATELINE_CHARS = 60  # a dateline's town, state and date fit in its line's first characters
_AGENCY_AFTER = re.compile(r"\s*\([^)\n]{1,40}\)\s*(?:[—–:]|-{1,2})")


def finer_within(finer: TimeMention | None, coarse: TimeMention | None) -> bool:
    """Whether `finer` is a time of finer precision that lies inside `coarse`."""
    return (finer is not None and coarse is not None
            and PRECISION_RANK.get(finer.interval.precision, 9) < PRECISION_RANK.get(coarse.interval.precision, 9)
            and coarse.interval.start <= finer.interval.start and finer.interval.end <= coarse.interval.end)


def _state_end(t: TimeMention, doc: Document) -> bool:
    """Whether a date ends a state that lasts ("bleibt bis Ende März gesperrt", "are on strike
    until Friday"): not when anything happened, unless told as past ("dauerte bis Freitag")."""
    return bool(_UNTIL.search(doc.text, max(0, t.start - 12), t.start)) and not in_past(doc.text, t.start, doc.language)


# What an inherited date's explanation says it came from (DateInterval.inherited).
DATE_SOURCE = {"paragraph": "its paragraph", "entry": "its entry heading", "flashback": "the flashback it goes on telling",
                "told before": "the happening told before", "document": "the document (its day or story day)"}


def publication_day(day) -> TimeMention:
    return TimeMention(0, 0, "", DateInterval(day, day, "day", "inferred"))


def document_time(doc: Document) -> TimeMention | None:
    """The time a sentence without its own date inherits from its document: the publication
    day (or the day a dateline or the text's weekday dates fix); the month of a URL's
    year-month folder; the year of the latest date the text states (a lower bound of the
    publication, so only its year is claimed); within those two, the full day its title names."""
    day, basis = doc.reference, doc.reference_basis
    if basis in ("published", "url", "dateline", "weekday"):
        return publication_day(day)
    if basis == "url month":
        known = DateInterval(day.replace(day=1), day, "month", "inferred")
    elif basis == "latest date":
        known = DateInterval(day.replace(month=1, day=1), day.replace(month=12, day=31), "year", "inferred")
    else:
        return None
    # "Dorset Council, Littlemoor and Preston – 11 January 2024" over a page of a January folder:
    # a title's full day within that time is the day of the page's happening, as a lede's is.
    titled = title_day(doc)
    if titled is not None and known.start <= titled <= known.end:
        return publication_day(titled)
    return TimeMention(0, 0, "", known)


def after_latest_day(doc: Document, times: list[TimeMention], doc_time: TimeMention | None) -> TimeMention | None:
    """A page known by the year of the latest day it states appeared on or after that day: its
    news took place from then to the year's end ("Die Beschwerde … wies sie ab" after "die
    Versammlung vom 3. Mai 2024"), not anywhen in that year. None when the latest date is
    no day ("2023" ends on 31 December) or may lie ahead of the page (an end, "bis zum 3. Mai",
    a beginning, "ab 1. Mai", or a plan)."""
    if doc_time is None or doc.reference_basis != "latest date" or not any(
            m.interval.precision == "day" and m.interval.basis == "explicit" and m.interval.start == doc.reference
            and not _UNTIL.search(doc.text, max(0, m.start - 12), m.start) and not _FROM_ON.match(m.text)
            and not _FROM_ON_BEFORE.search(doc.text, max(0, m.start - 8), m.start)
            and not in_future(doc.text, m.start, doc.language) for m in times):
        return None
    return replace(doc_time, interval=replace(doc_time.interval, start=doc.reference))


def dates_section(t: TimeMention, doc: Document) -> bool:
    """Whether a heading's week, month or season dates the section below it, as a live blog's
    day heading dates its entries ("Krankenhausschließungen im Januar" over the January
    closures): one that is past by the document's reference, not one ahead ("Urteil für Ende
    Januar erwartet" heads the trial day, not the verdict)."""
    return t.interval.precision in ("week", "month", "season") and doc.reference is not None \
        and t.interval.end <= doc.reference


def story_date(m: TimeMention, doc: Document) -> bool:
    """Whether a date is one the story goes on from: not the start of a lasting state ("seit
    März"), a beginning ("from September 2019"), an end ("bis am 11. Dezember 2012", "until
    Jan. 1"), a document's date ("das Memo vom 7. April 2025"), a plan or an earlier time told
    in the pluperfect."""
    return (not SINCE.match(m.text) and not since_before(doc.text, m.start)
            and not _UNTIL.search(doc.text, max(0, m.start - 12), m.start) and not _FROM_ON.match(m.text)
            and not _FROM_ON_BEFORE.search(doc.text, max(0, m.start - 8), m.start)
            and not _DOCUMENT_DATE.search(doc.text, max(0, m.start - 16), m.start) and not _DOCUMENT_DATE_PREP.match(m.text)
            and not in_future(doc.text, m.start, doc.language) and not in_pluperfect(doc.text, m.start, doc.language))


def narrates(own: TimeMention | None, s: Sentence, doc: Document) -> bool:
    """Whether a body sentence's own date is a day, week or month the story goes on from."""
    if own is None or s.section != "body" or own.interval.precision not in ("day", "week", "month"):
        return False
    if own.interval.precision != "day" and (own.interval.basis != "explicit" or _PARENTHESISED.match(doc.text, own.end)
                                            or ATTRIBUTE_AFTER.match(doc.text, own.end)):
        # "Jahresbericht (März 2024)", "ein im April veröffentlichter Bericht": a document's
        # month; and a bare month is of a year the text only implies.
        return False
    return story_date(own, doc)


def in_year(m: TimeMention | None, doc_time: TimeMention) -> TimeMention | None:
    """`m` when it lies in the year a page is known only by (its latest date's)."""
    if m is not None and doc_time.interval.precision == "year" \
            and doc_time.interval.start <= m.interval.start <= doc_time.interval.end:
        return m
    return None


def day_unknown(text: str, language: str) -> bool:
    """Whether a sentence names a day only the publication day would date ("am Dienstag",
    "gestern", "on Tuesday"): its own, unknown day, not the story's latest; not a day of what
    should have happened but did not ("Eigentlich hätte jetzt schon ein Urteil gesprochen
    werden sollen")."""
    return any(m.lastgroup in _RELATIVE_DAYS and not in_unreal(text, m.start(), language) for m in date_matches(text))


_RELATIVE_DAYS = ("weekday", "wrange", "dayword", "wkend")
# "das Memo vom 7. April 2025", "a letter dated May 3": a document's date
_DOCUMENT_DATE = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(WORDS.document_date), re.I)
_DOCUMENT_DATE_PREP = re.compile(r"(?:%s)\s" % alt(WORDS.document_date), re.I)
# "from September 2019", "ab Mittwoch": a beginning
_FROM_ON = re.compile(r"(?:%s)\s" % alt(WORDS.from_on), re.I)
_FROM_ON_BEFORE = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(WORDS.from_on), re.I)
_PARENTHESISED = re.compile(r"\s*\)")
_UNTIL = re.compile(r"(?<!\w)(?:%s)\s+$" % alt(WORDS.range_to), re.I)


def dates_paragraph(own: TimeMention | None, s: Sentence, doc: Document) -> bool:
    """Whether a body sentence's own date is a past day the sentences after it in its paragraph
    may take: not one ahead of the page ("Der zweite Wahlgang findet am 28. November statt",
    "The results would be announced on January 9"). A month or a year there is as often a
    noun's attribute ("das im Oktober eingeleitete Verfahren") or a deadline ("bis Mitte
    2012") as the time the paragraph tells of."""
    return (own is not None and own.interval.precision == "day" and s.section != "heading"
            and not (doc.reference is not None and own.interval.start > doc.reference)
            and not in_future(doc.text, own.start, doc.language))


_PLAN_DAYS = 7  # a happening a week or more after the page's day is told as a plan


def planned_later(own: TimeMention | None, doc_time: TimeMention | None) -> bool:
    """Whether a sentence's own date lies more than a week after the known publication day:
    what is news then is the decision or announcement of it ("will close its plant, with 74
    layoffs beginning Nov. 3" in a paper of 12 September), made by the day the text appeared.
    An imminent happening ("will visit Singapore from Monday") keeps its own day. So does a
    span of years that runs on that far: a programme's or a plan's years ("a Memorandum of
    Understanding on the Cultural Exchange Program for 2024-2028" was signed on the page's day)."""
    if own is None or doc_time is None or doc_time.interval.precision != "day":
        return False
    later = doc_time.interval.end + dt.timedelta(days=_PLAN_DAYS)
    return own.interval.start > later or (own.interval.precision == "years" and own.interval.end > later)


def opening_span(sentences: list[Sentence]) -> tuple[int, int]:
    """Start and end of the first two body paragraphs, where news tells its story; (0, 0) without any."""
    early = sorted({s.paragraph for s in sentences if s.section == "body"})[:2]
    spans = [(s.start, s.end) for s in sentences if s.paragraph in early]
    return (spans[0][0], spans[-1][1]) if spans else (0, 0)


def story_day(sentences: list[Sentence], times: list[TimeMention], doc_time: TimeMention | None,
               doc: Document) -> TimeMention | None:
    """The day of the story's main happening when the first two paragraphs date it to a day of
    the week before the publication day ("Police arrested several people during a protest on
    Sunday" in Tuesday's paper): the story's undated happenings took place then, not on the
    day it appeared."""
    if doc_time is None or doc_time.interval.precision != "day":
        return None
    lo, hi = opening_span(sentences)
    if lo == hi:
        return None
    day = doc_time.interval.start
    first = next((m for m in times if lo <= m.start < hi and m.role == "happening"
                  and m.interval.precision == "day" and m.interval.start == m.interval.end and not _state_end(m, doc)), None)
    if first is None or not day - dt.timedelta(days=7) <= first.interval.start < day:
        return None
    return publication_day(first.interval.start)


def latest_date_is_news(doc: Document, times: list[TimeMention], sentences: list[Sentence]) -> bool:
    """Whether the year of the text's latest date dates its news: the text states a full day of
    that year, or any date of it in the first two sentences of the body. A month or a year only
    further down ("In August 1995, two trains collided …"), in a long first paragraph too ("Es
    wurde zwölf Jahre nach der Revolution 1929 … verbracht" in a ticker's first entry), is as
    often background, and its year would be wrong for every undated happening."""
    body = [s for s in sentences if s.section == "body"][:2]
    lede_end = body[-1].end if body else 0
    return any(m.role == "happening" and m.interval.basis == "explicit" and m.interval.end.year == doc.reference.year
               and (m.interval.precision == "day" or m.start < lede_end) for m in times)
