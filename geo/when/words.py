"""The time words of every language, read from the YAML files beside this module and merged.

One file per language (`de.yaml`, `en.yaml`, `es.yaml`, …). All languages are matched together,
since articles quote each other ("NIC-Bericht (April 2025)"); the document's language only
breaks ties such as day/month order. A key a language does not need may be left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Words:
    """Merged tables: number -> words, or word -> value, all lower case."""

    languages: tuple[str, ...]
    months: dict  # 1 -> [januar, january, enero, jan, …]
    abbreviations: frozenset
    ambiguous_lower: frozenset
    weekdays: dict  # 0 (Monday) -> words
    weekday_parts: list
    seasons: dict  # first month -> words
    seasons_need_year: frozenset
    numbers: dict
    vague: list
    ordinals: dict
    quarter_words: list
    quarter_of: list
    half_words: list  # "im ersten Halbjahr", "in the first half of 2024": a half of a year
    halves_need_year: frozenset  # "in the first half" alone is a match's, not a year's
    part_compounds: dict  # word -> (part, period): "Jahresende" is "Ende des Jahres"
    of: list
    day_offsets: dict  # word -> days from the reference
    capitalised_not_dates: frozenset
    ages: list  # a day word right before an age ("der heute 59-Jährige") dates nothing
    attribute_articles: list  # "der jetzt verurteilte Eritreer": a day word as a noun's attribute
    this_year: list
    decade_suffixes: list  # "1990er-Jahre", "1990s"; a two-digit decade needs one with "jahr"
    holidays: dict  # word -> "MM-DD", "MM-DD..MM-DD" or "easter+N" (intervals.holiday)
    holiday_prepositions: list  # "über Ostern", "at Christmas": a holiday after them is a date
    units: dict  # word -> unit (hour, minute, day, week, month, year)
    singular_units: frozenset  # the first word listed per unit: "Tag zuvor" is one day
    periods: dict  # word -> unit (week, month, quarter, year)
    ago_before: list
    ago_after: list
    ago_approx: list  # "vor rund zwei Wochen": about that many weeks, months or years back
    period_articles: list
    weekend_articles: list  # "am Wochenende", "over the weekend": the weekend the tense points to
    year_of: list  # "im Juli (des) vergangenen Jahres", "in July of last year": the month's year
    anaphora: dict  # word -> "before" | "after"
    than: list  # "zwei Tage später als geplant": after a counted time, a comparison, no date
    day_anaphora: dict
    day_anaphora_at_clause_end: dict
    directions: dict  # word -> "past" | "this" | "next" | "earlier" | "later"
    directions_after: dict
    past_weekday_not_yesterday: frozenset  # "last Monday" written on the Tuesday is the Monday before
    parts: dict  # word -> "start" | "middle" | "end"
    since: list
    scheduled_for: list  # "Warnstreik für Montag": the day something is set for, ahead
    between: list
    range_and: list
    range_to: list
    deadline: list  # "pay the fine by February 9", "spätestens am 3. Mai": a day set ahead, whatever the tense
    date_articles: list
    comparison: list
    prepositions: list
    future: dict  # language -> words: tense is read in the document's own language only
    past: dict
    pluperfect: dict  # language -> its pluperfect auxiliaries ("hatte", "had")
    unreal_aux: dict  # language -> a counterfactual's auxiliaries ("hätte", "should have")
    unreal_modal: dict  # language -> the modal infinitives that close a verb-final one ("sollen")
    participle_endings: dict  # language -> endings of a participle after one ("beantragt", "filed")
    verb_final: frozenset  # languages whose participle closes the clause
    quantity_after: list
    quantity_before: list
    within_told: list  # "during the" + a happening's noun: within the one told before ("During the visit, …")
    document_date: list  # "Memo vom 7. April", "a letter dated May 3": a document's date, not the story's time
    as_of: list  # "Stand: April 2025", "as of April 2025": the day the page's figures speak from
    from_on: list  # "ab Mittwoch", "from September 2019": where a state or a plan begins, not a happening's time
    after_told: list  # "nach dem Coup am 2. März", "after the raid on May 3": the earlier happening's date
    month_first_countries: dict  # language -> country codes whose "7/4/2025" is 4 July (languages without: day first)

    def unit_words(self, *units: str) -> list[str]:
        return [w for w, u in self.units.items() if u in units]


def norm(word) -> str:
    """A word as the tables spell it: lower case, single spaces."""
    return re.sub(r"\s+", " ", str(word).strip().lower())


@lru_cache(maxsize=None)
def load_words() -> Words:
    """All `*.yaml` files of this package, merged (read once per process)."""
    files = sorted(p for p in resources.files(__package__).iterdir() if p.name.endswith(".yaml"))
    tables = [yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER) for p in files]
    return merge(tables)


def merge(tables: list[dict]) -> Words:
    """One `Words` from several languages' tables (a later word never replaces an earlier one)."""
    def numbered(key):
        out: dict = {}
        for t in tables:
            for n, ws in (t.get(key) or {}).items():
                known = out.setdefault(int(n), [])
                known.extend(w for w in map(norm, ws) if w not in known)
        return dict(sorted(out.items()))

    def listed(key):
        seen: list = []
        for t in tables:
            seen.extend(w for w in map(norm, t.get(key) or []) if w not in seen)
        return seen

    def inverted(key):  # {value: [words]} -> {word: value}
        out: dict = {}
        for t in tables:
            for value, ws in (t.get(key) or {}).items():
                for w in ws:
                    out.setdefault(norm(w), value)
        return out

    def by_language(key):  # German "plant" (plans) is an English "plant" (factory)
        return {t.get("language", "?"): [norm(w) for w in t.get(key) or []] for t in tables}

    def valued(key):  # {word: value}
        out: dict = {}
        for t in tables:
            for w, value in (t.get(key) or {}).items():
                out.setdefault(norm(w), value)
        return out

    return Words(
        languages=tuple(t.get("language", "?") for t in tables),
        months=numbered("months"), abbreviations=frozenset(listed("abbreviations")),
        ambiguous_lower=frozenset(listed("ambiguous_lower")), weekdays=numbered("weekdays"),
        weekday_parts=listed("weekday_parts"), seasons=numbered("seasons"),
        seasons_need_year=frozenset(listed("seasons_need_year")), numbers=numbered("numbers"),
        vague=listed("vague"), ordinals=numbered("ordinals"), quarter_words=listed("quarter_words"),
        quarter_of=listed("quarter_of"), half_words=listed("half_words"),
        halves_need_year=frozenset(listed("halves_need_year")),
        part_compounds={w: tuple(v) for w, v in valued("part_compounds").items()}, of=listed("of"), day_offsets=valued("day_offsets"),
        capitalised_not_dates=frozenset(listed("capitalised_not_dates")), ages=listed("ages"), attribute_articles=listed("attribute_articles"), this_year=listed("this_year"),
        decade_suffixes=listed("decade_suffixes"), holidays=valued("holidays"), holiday_prepositions=listed("holiday_prepositions"),
        units=inverted("units"),
        singular_units=frozenset(norm(ws[0]) for t in tables for ws in (t.get("units") or {}).values() if ws), periods=inverted("periods"), ago_before=listed("ago_before"),
        ago_after=listed("ago_after"), ago_approx=listed("ago_approx"), period_articles=listed("period_articles"), weekend_articles=listed("weekend_articles"), year_of=listed("year_of"),
        anaphora=inverted("anaphora"), than=listed("than"), day_anaphora=inverted("day_anaphora"),
        day_anaphora_at_clause_end=inverted("day_anaphora_at_clause_end"),
        directions=inverted("directions"), directions_after=inverted("directions_after"),
        past_weekday_not_yesterday=frozenset(listed("past_weekday_not_yesterday")),
        parts=inverted("parts"), since=listed("since"), scheduled_for=listed("scheduled_for"), between=listed("between"),
        range_and=listed("range_and"), range_to=listed("range_to"), deadline=listed("deadline"), date_articles=listed("date_articles"),
        comparison=listed("comparison"), prepositions=listed("prepositions"), future=by_language("future"), past=by_language("past"),
        pluperfect=by_language("pluperfect"), unreal_aux=by_language("unreal_aux"), unreal_modal=by_language("unreal_modal"), participle_endings=by_language("participle_endings"),
        verb_final=frozenset(t.get("language", "?") for t in tables if t.get("verb_final")),
        quantity_after=listed("quantity_after"), quantity_before=listed("quantity_before"),
        within_told=listed("within_told"), document_date=listed("document_date"), as_of=listed("as_of"),
        from_on=listed("from_on"), after_told=listed("after_told"),
        month_first_countries={t.get("language", "?"): frozenset(map(norm, t["month_first_countries"]))
                               for t in tables if "month_first_countries" in t},
    )


