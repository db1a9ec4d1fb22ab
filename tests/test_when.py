"""When: time expressions in German and English news become dated intervals with offsets."""
import datetime as dt
import random
import time

import pytest

from geo.when import infer_reference_date, tag_dates

D = dt.date
PUBLISHED = D(2025, 10, 15)  # a Wednesday


def only(text, *, published=PUBLISHED, language="de", **kw):
    """The single mention in `text`, as (text, start, end, precision, basis, role)."""
    ms = tag_dates(text, published=published, language=language, **kw)
    assert len(ms) == 1, [m.text for m in ms]
    m = ms[0]
    return m.text, m.interval.start, m.interval.end, m.interval.precision, m.interval.basis, m.role


@pytest.mark.parametrize(
    "text, day",
    [
        ("Das Memo vom 7. April 2025 liegt vor.", D(2025, 4, 7)),
        ("Er kam am 7.4.2025 an.", D(2025, 4, 7)),
        ("Er kam am 07.04.25 an.", D(2025, 4, 7)),  # two-digit year in the two-digit form
        ("Er fuhr am 6.2.22 gegen 16:30 Uhr los.", D(2022, 2, 6)),  # or after a preposition
        ("Freitag, 7.3.25: Sitzung", D(2025, 3, 7)),  # or a weekday
        ("The memo dated April 7, 2025 says so.", D(2025, 4, 7)),
        ("The memo dated April 7th, 2025 says so.", D(2025, 4, 7)),
        ("The memo of 7 April 2025 says so.", D(2025, 4, 7)),
        ("the 7th of April 2025", D(2025, 4, 7)),
        ("Stand: 2025-04-07.", D(2025, 4, 7)),
        ("Am 1. Jänner 2024 begann es.", D(2024, 1, 1)),  # Austrian month name
        ("Am 3. Sept. 2024 begann es.", D(2024, 9, 3)),
        ("On Sep. 3, 2024 it began.", D(2024, 9, 3)),
        ("el 7 de abril de 2025", D(2025, 4, 7)),
    ],
)
def test_full_dates_are_explicit_days(text, day):
    _, start, end, precision, basis, _ = only(text)
    assert (start, end, precision, basis) == (day, day, "day", "explicit")


@pytest.mark.parametrize(
    "text, country, day",
    [
        ("As of 08/07/2016, 32 cases were notified.", "US", D(2016, 8, 7)),  # American: month first
        ("As of 08/07/2016, 32 cases were notified.", None, D(2016, 8, 7)),  # no known country: as before
        ("As of 08/07/2016, 32 cases were notified.", "IE", D(2016, 7, 8)),  # Irish page: day first
        ("As of 08/07/2016, 32 cases were notified.", "IN", D(2016, 7, 8)),
        ("from today i.e. 23/10/2020", "US", D(2020, 10, 23)),  # only one reading is a date
        ("On 07.21.2016 the troops fired.", None, D(2016, 7, 21)),
    ],
)
def test_numeric_english_dates_follow_the_page_country(text, country, day):
    ms = [m for m in tag_dates(text, published=None, language="en", country=country) if m.interval.precision == "day"]
    assert [(m.interval.start, m.interval.basis) for m in ms] == [(day, "explicit")]


def test_a_date_read_only_one_way_orders_the_others():
    ms = tag_dates("Cases rose from 08/07/2016 to 23/07/2016.", published=None, language="en")
    assert [m.interval.start for m in ms] == [D(2016, 7, 8), D(2016, 7, 23)]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("im April 2025", D(2025, 4, 1), D(2025, 4, 30)),
        ("NIC-Bericht (April 2025):", D(2025, 4, 1), D(2025, 4, 30)),
        ("in February 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("Anfang April 2025", D(2025, 4, 1), D(2025, 4, 10)),  # first third, still month precision
        ("Mitte April 2025", D(2025, 4, 11), D(2025, 4, 20)),
        ("late March 2025", D(2025, 3, 21), D(2025, 3, 31)),
        ("mid-April 2025", D(2025, 4, 11), D(2025, 4, 20)),
    ],
)
def test_month_and_year_is_a_month_interval(text, start, end):
    assert only(text)[1:5] == (start, end, "month", "explicit")


@pytest.mark.parametrize(
    "text, published, start",
    [
        ("Die Razzia fand im August statt.", D(2025, 10, 15), D(2025, 8, 1)),
        ("Die Razzia fand im November statt.", D(2025, 10, 15), D(2024, 11, 1)),  # not yet this year
        ("The raid happened in August.", D(2025, 10, 15), D(2025, 8, 1)),
        ("The raid happened in October.", D(2025, 10, 15), D(2025, 10, 1)),  # current month counts
        ("im vergangenen August", D(2025, 8, 20), D(2024, 8, 1)),  # "vergangen": ended before
    ],
)
def test_bare_month_is_the_latest_at_or_before_publication(text, published, start):
    _, s, _, precision, basis, _ = only(text, published=published)
    assert (s, precision, basis) == (start, "month", "relative")


def test_bare_month_without_preposition_is_not_a_date():
    assert tag_dates("August Diehl spielt mit.", published=PUBLISHED, language="de") == []


def test_lower_case_may_is_a_verb_not_a_month():
    assert tag_dates("officials in may say", published=PUBLISHED, language="en") == []
    assert only("officials in May said", language="en")[1] == D(2025, 5, 1)


@pytest.mark.parametrize(
    "text, day",
    [
        ("Am Dienstag landeten die Jets.", D(2025, 10, 14)),
        ("Am Mittwoch landeten die Jets.", D(2025, 10, 15)),  # the publication day itself
        ("Am Donnerstag landeten die Jets.", D(2025, 10, 9)),
        ("Am Dienstagabend landeten die Jets.", D(2025, 10, 14)),
        ("The jets landed on Monday.", D(2025, 10, 13)),
        ("The jets land next Monday.", D(2025, 10, 20)),
        ("The jets landed last Wednesday.", D(2025, 10, 8)),
    ],
)
def test_weekday_resolves_against_publication(text, day):
    assert only(text)[1:5] == (day, day, "day", "relative")


@pytest.mark.parametrize("text, language, day", [
    # published Wednesday 15 October 2025: "last Tuesday" is not the day before, which is "Tuesday"
    ("It burned last Tuesday.", "en", D(2025, 10, 7)),
    ("It burned on Tuesday.", "en", D(2025, 10, 14)),
    ("It burned this past Tuesday.", "en", D(2025, 10, 14)),
    ("It burned last Monday.", "en", D(2025, 10, 13)),  # two days back: the nearest
    ("Es brannte am vergangenen Dienstag.", "de", D(2025, 10, 14)),  # German usage left as it was
])
def test_last_weekday_written_the_day_after_is_the_week_before(text, language, day):
    assert only(text, language=language)[1] == day


def test_weekday_followed_by_its_date_is_one_explicit_mention():
    assert only("Am Dienstag, 7. April 2025, kam das Memo.")[:5] == (
        "Am Dienstag, 7. April 2025", D(2025, 4, 7), D(2025, 4, 7), "day", "explicit")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("im Herbst 2023", D(2023, 9, 1), D(2023, 11, 30)),
        ("spring 2024", D(2024, 3, 1), D(2024, 5, 31)),
        ("im Frühjahr 2024", D(2024, 3, 1), D(2024, 5, 31)),
        ("the summer of 2022", D(2022, 6, 1), D(2022, 8, 31)),
        ("fall 2023", D(2023, 9, 1), D(2023, 11, 30)),
        ("Winter 2023/24", D(2023, 12, 1), D(2024, 2, 29)),  # spans the turn of the year
        ("winter 2023/2024", D(2023, 12, 1), D(2024, 2, 29)),
    ],
)
def test_herbst_2023_is_a_season_interval(text, start, end):
    assert only(text)[1:5] == (start, end, "season", "explicit")


def test_bare_season_resolves_against_publication():
    assert only("im Sommer wurde verhandelt")[1:5] == (D(2025, 6, 1), D(2025, 8, 31), "season", "relative")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("im dritten Quartal 2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("im 1. Quartal 2025", D(2025, 1, 1), D(2025, 3, 31)),
        ("Q3 2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("expanded by 2.9 per cent in 2Q 2023", D(2023, 4, 1), D(2023, 6, 30)),  # analysts' order
        ("in the fourth quarter of 2023", D(2023, 10, 1), D(2023, 12, 31)),
    ],
)
def test_quarters_are_quarter_intervals(text, start, end):
    assert only(text)[1:5] == (start, end, "quarter", "explicit")


@pytest.mark.parametrize(
    "text, start, end, basis",
    [
        ("im ersten Halbjahr 2024", D(2024, 1, 1), D(2024, 6, 30), "explicit"),
        ("in der zweiten Jahreshälfte 2024", D(2024, 7, 1), D(2024, 12, 31), "explicit"),
        ("in the first half of 2024", D(2024, 1, 1), D(2024, 6, 30), "explicit"),
        ("in the second half of last year", D(2024, 7, 1), D(2024, 12, 31), "relative"),
        ("im zweiten Halbjahr des vergangenen Jahres", D(2024, 7, 1), D(2024, 12, 31), "relative"),
        ("im ersten Halbjahr", D(2025, 1, 1), D(2025, 6, 30), "relative"),  # the latest at or before 15 Oct 2025
    ],
)
def test_a_half_of_a_year_is_those_six_months(text, start, end, basis):
    assert only(text)[1:5] == (start, end, "year", basis)


@pytest.mark.parametrize("text", ["He scored in the first half of the match.", "In the first half, sales fell."])
def test_an_english_half_without_its_year_is_no_date(text):
    assert tag_dates(text, published=PUBLISHED, language="en") == []


@pytest.mark.parametrize(
    "text, start, end",
    [
        # one word, as "Ende 2024", "Anfang des Jahres", "Ende des Monats" are three
        # (the start or end of a year is its first or last quarter, as "Ende März" is its last ten days)
        ("zum Jahresende 2024", D(2024, 10, 1), D(2024, 12, 31)),
        ("Ende 2024", D(2024, 10, 1), D(2024, 12, 31)),
        ("zu Jahresbeginn", D(2025, 1, 1), D(2025, 3, 31)),
        ("Anfang des Jahres", D(2025, 1, 1), D(2025, 3, 31)),
        ("Mitte 2024", D(2024, 5, 2), D(2024, 8, 31)),  # the middle stays the middle third
        ("Im März brannte es, zum Monatsende erneut.", D(2025, 3, 21), D(2025, 3, 31)),  # the month just named
    ],
)
def test_a_part_of_a_period_in_one_word_is_that_third(text, start, end):
    ms = tag_dates(text, published=PUBLISHED, language="de")
    assert (ms[-1].interval.start, ms[-1].interval.end) == (start, end)


def test_seit_jahresbeginn_runs_from_new_year_to_publication():
    assert only("Seit Jahresbeginn wurden 300 Stellen gestrichen.")[1:4] == (D(2025, 1, 1), PUBLISHED, "years")


def test_wochenende_stays_the_weekend():
    assert only("Am Wochenende brannte es.")[1:4] == (D(2025, 10, 11), D(2025, 10, 12), "day")


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("in den Jahren 2021 bis 2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("2021 bis 2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("zwischen 2021 und 2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("between 2021 and 2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("from 2021 to 2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("2021–2024", D(2021, 1, 1), D(2024, 12, 31), "years"),
        ("2023/24", D(2023, 1, 1), D(2024, 12, 31), "years"),
        ("von März bis Mai 2024", D(2024, 3, 1), D(2024, 5, 31), "month"),
        ("from March to May 2024", D(2024, 3, 1), D(2024, 5, 31), "month"),
        ("vom 7. bis 9. April 2025", D(2025, 4, 7), D(2025, 4, 9), "day"),
        ("April 7–9, 2025", D(2025, 4, 7), D(2025, 4, 9), "day"),
        ("am 3./4. Mai 2025", D(2025, 5, 3), D(2025, 5, 4), "day"),  # a night or a weekend: both days
        ("on 3/4 May 2025", D(2025, 5, 3), D(2025, 5, 4), "day"),
    ],
)
def test_ranges_are_one_mention_spanning_the_range(text, start, end, precision):
    assert only(text)[:5] == (text, start, end, precision, "explicit")


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2025-04", D(2025, 4, 1), D(2025, 4, 30), "month"),  # ISO year-month, not a range back in time
        ("2020-22", D(2020, 1, 1), D(2022, 12, 31), "years"),
        ("Jan. 2024", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("Feb 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("Dez. 2024", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ],
)
def test_hyphenated_years_and_abbreviated_months(text, start, end, precision):
    assert only(text)[1:5] == (start, end, precision, "explicit")


def test_two_years_joined_by_und_are_two_mentions_not_a_range():
    ms = tag_dates("2021 und 2024 gab es Wahlen.", published=PUBLISHED, language="de")
    assert [m.text for m in ms] == ["2021", "2024"]


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("vergangene Woche", D(2025, 10, 6), D(2025, 10, 12), "week"),
        ("letzte Woche", D(2025, 10, 6), D(2025, 10, 12), "week"),
        ("in der vergangenen Woche", D(2025, 10, 6), D(2025, 10, 12), "week"),
        ("last week", D(2025, 10, 6), D(2025, 10, 12), "week"),
        ("nächste Woche", D(2025, 10, 20), D(2025, 10, 26), "week"),
        ("earlier this month", D(2025, 10, 1), D(2025, 10, 15), "month"),
        ("this month", D(2025, 10, 1), D(2025, 10, 31), "month"),
        ("diesen Monat", D(2025, 10, 1), D(2025, 10, 31), "month"),
        ("letzten Monat", D(2025, 9, 1), D(2025, 9, 30), "month"),
        ("gestern", D(2025, 10, 14), D(2025, 10, 14), "day"),
        ("yesterday", D(2025, 10, 14), D(2025, 10, 14), "day"),
        ("heute", D(2025, 10, 15), D(2025, 10, 15), "day"),
        ("today", D(2025, 10, 15), D(2025, 10, 15), "day"),
        ("this morning", D(2025, 10, 15), D(2025, 10, 15), "day"),
        ("this evening", D(2025, 10, 15), D(2025, 10, 15), "day"),
        ("vor drei Tagen", D(2025, 10, 12), D(2025, 10, 12), "day"),
        ("three days ago", D(2025, 10, 12), D(2025, 10, 12), "day"),
        ("vor 2 Wochen", D(2025, 9, 29), D(2025, 10, 5), "week"),
        ("vor rund zwei Wochen", D(2025, 9, 29), D(2025, 10, 5), "week"),
        ("vor gut einem Jahr", D(2024, 1, 1), D(2024, 12, 31), "year"),
        # about a month back, a third of a month either side: not all of the calendar month before
        ("a month ago", D(2025, 9, 5), D(2025, 9, 25), "month"),
        ("vor einem Monat", D(2025, 9, 5), D(2025, 9, 25), "month"),
        ("letztes Jahr", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("im vergangenen Jahr", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
        ("Ende vergangenen Jahres", D(2024, 10, 1), D(2024, 12, 31), "year"),  # last quarter
        ("late last year", D(2024, 10, 1), D(2024, 12, 31), "year"),
        ("Anfang vergangenen Jahres", D(2024, 1, 1), D(2024, 3, 31), "year"),
    ],
)
def test_relative_expressions_resolve_against_publication(text, start, end, precision):
    assert only(text)[:5] == (text, start, end, precision, "relative")


def test_an_approximate_number_of_days_ago_names_no_day():
    assert tag_dates("vor etwa drei Tagen", published=PUBLISHED, language="de") == []
    assert only("vor drei Tagen")[1] == D(2025, 10, 12)


@pytest.mark.parametrize("text", ["gestern", "am Dienstag", "im August", "last week", "vor drei Tagen"])
def test_relative_expressions_without_reference_are_skipped(text):
    assert tag_dates(text, published=None, language="de") == []


def test_heute_morgen_is_today_but_am_morgen_is_no_date():
    assert only("Heute Morgen kam er.")[1] == PUBLISHED
    assert tag_dates("Am Morgen kam er.", published=PUBLISHED, language="de") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Am 3. März 2025 sprach er. Wenige Stunden zuvor war er gelandet.", D(2025, 3, 3)),
        ("Am 3. März 2025 sprach er. Am Tag zuvor war er gelandet.", D(2025, 3, 2)),
        ("Am 3. März 2025 sprach er. Drei Tage später reiste er ab.", D(2025, 3, 6)),
        ("He spoke on March 3, 2025. Hours earlier he had landed.", D(2025, 3, 3)),
        ("He spoke on March 3, 2025. The day before, he had landed.", D(2025, 3, 2)),
        ("He spoke on March 3, 2025. The next day he left.", D(2025, 3, 4)),
        ("Am 3. März 2025 sprach er. Am nächsten Tag reiste er ab.", D(2025, 3, 4)),
        ("Am 3. März 2025 griffen sie an. Er kam am Morgen des folgenden Tages an.", D(2025, 3, 4)),
        ("Am 3. März 2025 sprach er. Am Vorabend war er gelandet.", D(2025, 3, 2)),
    ],
)
def test_zuvor_counts_from_the_previous_mention(text, expected):
    ms = tag_dates(text, published=None, language="de")
    assert len(ms) == 2
    assert (ms[1].interval.start, ms[1].interval.end, ms[1].interval.basis) == (expected, expected, "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "Wenige Stunden zuvor hatte er die Stellungen inspiziert.",  # nothing to count from
        "Im April 2025 kam er. Am Tag zuvor war er gelandet.",  # a month gives no single day
    ],
)
def test_zuvor_without_a_day_to_count_from_invents_no_day(text):
    ms = tag_dates(text, published=None, language="de")
    assert all("zuvor" not in m.text for m in ms)


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Doch wie schon 2003 könnte sich dieser Gegner als zäh erweisen.", "wie schon 2003"),
        ("Wie bereits 2003 wurde gewarnt.", "Wie bereits 2003"),
        ("As in 2003, the warnings went unheeded.", "As in 2003"),
        ("Just like in 2003, officials hesitated.", "like in 2003"),
    ],
)
def test_comparison_year_has_role_comparison(text, quoted):
    m = tag_dates(text, published=PUBLISHED, language="de")[0]
    assert quoted in m.text and m.role == "comparison"


def test_seit_runs_from_its_year_to_publication():
    assert only("seit 2003")[1:5] == (D(2003, 1, 1), PUBLISHED, "years", "relative")
    assert only("since 2003", published=None)[1:5] == (D(2003, 1, 1), D(2003, 12, 31), "year", "explicit")


@pytest.mark.parametrize(
    "text, start",
    [("2023", D(2023, 1, 1)), ("im Jahr 2023", D(2023, 1, 1)), ("in 2023", D(2023, 1, 1)),
     ("ICE-Memo (2023):", D(2023, 1, 1))],
)
def test_a_four_digit_year_is_a_year(text, start):
    assert only(text)[1:5] == (start, D(start.year, 12, 31), "year", "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "100.000 Todesopfer",
        "F-35 der Air Force",
        "AV-8B-Kampfflugzeuge",
        "50 Millionen Dollar",
        "2.000 Soldaten",
        "2000 Soldaten wurden verlegt",
        "rund 2000 Menschen",
        "more than 1999 people",
        "year 20250",
        "Aktenzeichen 4711-2023-17",
        "ID#2024",
        "Python 3.11.7",
        "Absatz 1.2.10 regelt das",  # a one-digit day or month with a two-digit year only after "am" or a weekday
        "1.000.000.000",
    ],
)
def test_numbers_and_ids_produce_no_year(text):
    assert tag_dates(text, published=PUBLISHED, language="de") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("31. Februar 2025", (D(2025, 2, 1), D(2025, 2, 28), "month")),  # degrades to its month
        ("31.02.2025", (D(2025, 2, 1), D(2025, 2, 28), "month")),
        ("2025-13-45", None),
        ("30. Februar", None),  # no year and no such day near the reference
    ],
)
def test_impossible_dates_do_not_crash(text, expected):
    ms = tag_dates(text, published=PUBLISHED, language="de")
    got = (ms[0].interval.start, ms[0].interval.end, ms[0].interval.precision) if ms else None
    assert got == expected


def test_day_and_month_without_year_take_the_closest_year():
    assert only("am 7. April", published=D(2025, 4, 10))[1] == D(2025, 4, 7)
    assert only("am 2. Januar", published=D(2025, 12, 20))[1] == D(2026, 1, 2)  # announced ahead


def test_missing_publication_date_is_inferred_from_the_latest_explicit_date():
    text = "Im Herbst 2023 begann es. Das Memo vom 7. April 2025 folgte, NIC-Bericht (April 2025). Gestern kam mehr."
    assert infer_reference_date(text, language="de") == D(2025, 4, 30)  # end of "April 2025"
    ms = tag_dates(text, published=infer_reference_date(text, language="de"), language="de",
                   reference_is_inferred=True)
    bases = {m.text: m.interval.basis for m in ms}
    assert bases["Gestern"] == "inferred" and bases["vom 7. April 2025"] == "explicit"


def _on_the_latest_date(text, language):
    """`text`'s mentions resolved as a page without its date is: against its latest date."""
    ref = infer_reference_date(text, language=language)
    return {m.text: (m.interval.start, m.interval.end) for m in tag_dates(
        text, published=ref, language=language, reference_is_inferred=True, reference_is_lower_bound=True)}


@pytest.mark.parametrize("language, latest, later, told_later, told_before", [
    # told after the latest date, a month or day its year would put before it is the next year's
    ("de", "Im November 2024 musste die Firma Insolvenz anmelden.", "Im März begann die Abwicklung.",
     (D(2025, 3, 1), D(2025, 3, 31)), (D(2024, 3, 1), D(2024, 3, 31))),
    ("en", "The exercise began in November 2022.", "The minister spent a day at sea on 6 March.",
     (D(2023, 3, 6), D(2023, 3, 6)), (D(2022, 3, 6), D(2022, 3, 6))),
])
def test_a_yearless_date_told_after_the_latest_date_lies_after_it(language, latest, later, told_later, told_before):
    after = _on_the_latest_date(f"{latest}\n\n{later}", language)
    before = _on_the_latest_date(f"{later}\n\n{latest}", language)
    own = [k for k in after if k in later]
    assert [after[k] for k in own] == [told_later], after
    assert [before[k] for k in own] == [told_before], before  # told first: the story's year


@pytest.mark.parametrize("later", [
    "Im März hatte sie Kurzarbeit beantragt.",   # a pluperfect tells of an earlier time
    "Im Februar brannte es.",                    # within a latest date that is a year ("2024")
])
def test_a_yearless_date_told_after_the_latest_date_keeps_its_year_when_earlier_or_within(later):
    text = ("Im November 2024 musste die Firma Insolvenz anmelden." if "März" in later
            else "Im Jahr 2024 gab es viele Brände.") + "\n\n" + later
    (span,) = [v for k, v in _on_the_latest_date(text, "de").items() if k in later]
    assert span[0].year == 2024


@pytest.mark.parametrize("text, language", [
    ("Er trat Ende September 2021 zurück. Sein Nachfolger wird das Amt im Januar 2022 antreten.", "de"),
    ("He stepped down in late September 2021. His successor will take office in January 2022.", "en"),
    # the commas and points inside a date break no clause: the verb before or after it is its tense
    ("He stepped down on Thursday, September 30, 2021. His successor is scheduled to take office on "
     "Monday, January 3, 2022 in Thal.", "en"),
    ("Er trat am 30. September 2021 zurück. Am 3. Januar 2022 wird sein Nachfolger das Amt antreten.", "de"),
    # nor does the comma that closes a date a weekday's comma opened
    ("Er trat am 30. September 2021 zurück. Am Montag, 3. Januar 2022, wird sein Nachfolger das Amt antreten.", "de"),
    ("He stepped down on September 30, 2021. On Monday, January 3, 2022, his successor will take office.", "en"),
])
def test_a_date_in_a_clause_about_the_future_is_no_bound_of_the_pages_day(text, language):
    assert infer_reference_date(text, language=language) == D(2021, 9, 30)


@pytest.mark.parametrize("text, language, expected", [
    ("2014 hatte das Institut 20 Fälle registriert. Am Dienstag teilte der Kreis mit …", "de", None),
    ("2014 registrierte das Institut 20 Fälle. Am Dienstag teilte der Kreis mit …", "de", D(2014, 12, 31)),
    ("Villagers had been advised in 2005 to move away. On Tuesday the hill collapsed.", "en", None),
    ("Villagers were advised in 2005 to move away. On Tuesday the hill collapsed.", "en", D(2005, 12, 31)),
    ("Die Villa ist seit 1950 Amtssitz. Am Dienstag kam der Präsident.", "de", None),
    ("Die Villa wurde 1950 Amtssitz. Am Dienstag kam der Präsident.", "de", D(1950, 12, 31)),
    ("The factory has produced pigments since 1974. It will close next year.", "en", None),
    ("The factory opened in 1974. It will close next year.", "en", D(1974, 12, 31)),
    # the start named by its happening: "seit der Fusion der Gemeinden 1996"
    ("Seit der Fusion der Gemeinden 1996 ist das Rathaus Sitz der Verwaltung. Am Dienstag brannte es.", "de", None),
    ("Nach der Fusion der Gemeinden 1996 wurde das Rathaus Sitz der Verwaltung. Am Dienstag brannte es.", "de",
     D(1996, 12, 31)),
    ("Since the merger of the two towns in 1996 the hall has been the council's seat. On Tuesday it burned.", "en", None),
])
def test_a_date_told_in_the_pluperfect_or_a_lasting_states_start_is_no_bound_of_the_pages_day(text, language, expected):
    """"2014 hatte das Institut … registriert", "had been advised in 2005", "seit 1950
    Amtssitz", "since 1974": background, often years before the page; the year of every
    undated happening would be wrong ("next year" would be 1975)."""
    assert infer_reference_date(text, language=language) == expected


@pytest.mark.parametrize(
    "text",
    ["Gestern und heute ohne Jahreszahl.", "", "wie schon 2003", "100.000 Todesopfer"],
)
def test_no_explicit_happening_date_infers_no_reference(text):
    assert infer_reference_date(text, language="de") is None


def test_offsets_always_point_at_the_mention_text():
    rng = random.Random(7)
    pieces = ["Am 7. April 2025", "im Herbst 2023", "gestern", "F-35", "100.000", "Q3 2024", " ", "\n",
              "vergangene Woche", "2021–2024", "wie schon 2003", "Stunden zuvor", "ÄÖÜ ß İ", "x" * 50,
              "April 7, 2025", "on Monday", "31.02.2025", "2023", "…", "—", "Dienstag, 7. April 2025"]
    for _ in range(200):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        ms = tag_dates(text, published=PUBLISHED, language="en")
        assert [m.start for m in ms] == sorted(m.start for m in ms)
        assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))  # non-overlapping
        assert all(text[m.start:m.end] == m.text for m in ms)


def test_offsets_hold_when_lower_casing_changes_length():
    text = "İstanbul, am 7. April 2025."  # "İ".lower() is two characters
    m = tag_dates(text, published=PUBLISHED, language="de")[0]
    assert text[m.start:m.end] == m.text == "am 7. April 2025"


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, "1" * 1_000_000, "7." * 500_000, "2023-" * 200_000, "im " * 300_000,
     "April " * 150_000, "vor " * 200_000],
)
def test_pathological_input_is_fast(text):
    """Guards against catastrophic backtracking (minutes, not seconds): CPU time of this
    process, so a loaded machine does not make it flaky (about 0.5 CPU-s here)."""
    t = time.process_time()
    tag_dates(text, published=PUBLISHED, language="de")
    assert time.process_time() - t < 5.0


def test_random_bytes_never_crash():
    rng = random.Random(3)
    alphabet = "0123456789./-– abcQqMärzAprilJahrWoche\n,:()"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for m in tag_dates(text, published=PUBLISHED, language="de"):
            assert text[m.start:m.end] == m.text


# --- which August: the reading consistent with the text's tense and its other dates ----------

LOWER_BOUND = dict(published=D(2025, 4, 30), reference_is_inferred=True, reference_is_lower_bound=True)


def starts(text, *, language="de", **kw):
    """{mention text: start of its interval} for every mention in `text`."""
    return {m.text: m.interval.start for m in tag_dates(text, language=language, **kw)}


@pytest.mark.parametrize(
    "text, language, mention, lower_bound_start, published_start",
    [
        # The reference is only the text's latest date (April 2025): the publication came later,
        # and the text's dates are of 2025, so "im August" is August 2025. With the same day as
        # a known publication date, August 2025 lies ahead and a past-tense August is 2024.
        ("Das Memo vom 7. April 2025 liegt vor.\nIm August setzte das Ministerium ein Kopfgeld aus.",
         "de", "Im August", D(2025, 8, 1), D(2024, 8, 1)),
        ("The memo of 7 April 2025 is out.\nIn August the ministry offered a bounty.",
         "en", "In August", D(2025, 8, 1), D(2024, 8, 1)),
        ("Das Memo vom 7. April 2025 liegt vor.\nIm Herbst begann die Untersuchung.",
         "de", "Im Herbst", D(2025, 9, 1), D(2024, 9, 1)),
        ("The memo of 7 April 2025 is out.\nIn the autumn the inquiry began.",
         "en", "In the autumn", D(2025, 9, 1), D(2024, 9, 1)),
    ],
)
def test_bare_month_against_a_lower_bound_reference_takes_the_year_of_the_texts_dates(
        text, language, mention, lower_bound_start, published_start):
    assert starts(text, language=language, **LOWER_BOUND)[mention] == lower_bound_start
    assert starts(text, language=language, published=D(2025, 4, 30))[mention] == published_start


def test_bare_month_against_a_lower_bound_reference_follows_the_year_most_dates_fall_in():
    text = ("Im Jahr 2023 begann es.\nDas Memo vom 7. April 2025 folgte.\nNIC-Bericht (April 2025).\n"
            "Im Juli kam die Wende.")
    assert starts(text, **LOWER_BOUND)["Im Juli"] == D(2025, 7, 1)
    text = "2023 begann es.\nDer Bericht von 2023 folgte.\nIm Frühjahr 2023 wurde gewarnt.\nStand: April 2025.\nIm Juli kam die Wende."
    assert starts(text, **LOWER_BOUND)["Im Juli"] == D(2023, 7, 1)  # three dates of 2023, one of 2025


@pytest.mark.parametrize(
    "text, language, mention, start",
    [
        ("Im Jahr 2023 brannte es zweimal, im August erneut.", "de", "im August", D(2023, 8, 1)),
        ("Es brannte zweimal, im August erneut.", "de", "im August", D(2025, 8, 1)),  # no date beside it
        ("In 2023 the plant burned twice, in August again.", "en", "in August", D(2023, 8, 1)),
        ("The plant burned twice, in August again.", "en", "in August", D(2025, 8, 1)),
        # The paragraph's year would put a past August after the publication day: the last one.
        ("Am 7. April 2025 brannte es, im August erneut.", "de", "im August", D(2024, 8, 1)),
    ],
)
def test_bare_month_takes_the_year_of_the_paragraphs_dates(text, language, mention, start):
    assert starts(text, language=language, published=D(2025, 4, 10) if "7. April" in text else PUBLISHED)[mention] == start


@pytest.mark.parametrize("text, language, mention, start", [
    ("At a meeting in July, the board voted. The village had no police since March 2023.", "en", "in July", D(2025, 7, 1)),
    ("At a meeting in July, the board voted. The village had no police in March 2023.", "en", "in July", D(2023, 7, 1)),
    ("Im Juli stimmte der Rat ab. Das Dorf hat seit März 2023 keine Polizei.", "de", "Im Juli", D(2025, 7, 1)),
])
def test_a_since_date_gives_no_year_to_a_bare_month_beside_it(text, language, mention, start):
    # "seit/since X" starts a state lasting to the page's day: it says nothing of July's year.
    assert starts(text, language=language, published=PUBLISHED)[mention] == start


@pytest.mark.parametrize("text, language, mention, start", [
    ("Im Februar wurde die Klinik geschlossen. Im Sommer 2024 hatte die Gesellschaft ein Verfahren beantragt.",
     "de", "Im Februar", D(2025, 2, 1)),
    ("Im Februar wurde die Klinik geschlossen. Im Sommer 2024 hatte die Gesellschaft 122 Betten.",
     "de", "Im Februar", D(2024, 2, 1)),  # "hatte" a full verb: the paragraph's year
    ("In February the clinic closed. In summer 2024 the company had filed for protection.", "en", "In February", D(2025, 2, 1)),
    ("In February the clinic closed. In summer 2024 the company filed for protection.", "en", "In February", D(2024, 2, 1)),
])
def test_a_pluperfect_date_gives_no_year_to_a_bare_month_beside_it(text, language, mention, start):
    # The pluperfect tells of a time before the paragraph's: its year is background.
    assert starts(text, language=language, published=D(2025, 6, 1))[mention] == start


@pytest.mark.parametrize("text, language, start, end", [
    ("im Februar vergangenen Jahres", "de", D(2024, 2, 1), D(2024, 2, 29)),
    ("im Februar", "de", D(2025, 2, 1), D(2025, 2, 28)),
    ("im Oktober des vergangenen Jahres", "de", D(2024, 10, 1), D(2024, 10, 31)),
    ("am 3. März letzten Jahres", "de", D(2024, 3, 3), D(2024, 3, 3)),
    ("im März nächsten Jahres", "de", D(2026, 3, 1), D(2026, 3, 31)),
    ("im dritten Quartal vergangenen Jahres", "de", D(2024, 7, 1), D(2024, 9, 30)),
    ("in the summer of last year", "en", D(2024, 6, 1), D(2024, 8, 31)),
    ("on March 3 last year", "en", D(2024, 3, 3), D(2024, 3, 3)),
    ("am Montag vergangener Woche", "de", D(2025, 10, 6), D(2025, 10, 6)),
    ("am Montag", "de", D(2025, 10, 13), D(2025, 10, 13)),
    ("am Montag dieser Woche", "de", D(2025, 10, 13), D(2025, 10, 13)),
    ("am Freitag nächster Woche", "de", D(2025, 10, 24), D(2025, 10, 24)),
    ("on Tuesday of last week", "en", D(2025, 10, 7), D(2025, 10, 7)),
])
def test_a_trailing_last_year_or_this_week_places_a_month_day_or_weekday(text, language, start, end):
    assert only(text, language=language)[:3] == (text, start, end)


@pytest.mark.parametrize("text, expected", [
    ("Der Vorfall hatte sich in einem Imbiss ereignet.", True),
    ("dass er im Juli 2022 versucht hatte", True),   # a subordinate clause: the auxiliary last
    ("Er hatte 20 Fälle.", False),                   # "hatte" a full verb
    ("Das Gericht hat ihn verurteilt.", False),
])
def test_a_german_pluperfect_clause_is_recognised(text, expected):
    from geo.when.resolve import in_pluperfect

    assert in_pluperfect(text, 5, "de") is expected


def test_jetzt_is_the_reference_day_but_not_before_an_age():
    text = "Im Prozess um einen Mord im Sommer 2024 hat das Gericht den Angeklagten jetzt verurteilt."
    assert starts(text, published=PUBLISHED)["jetzt"] == PUBLISHED
    assert list(starts("Der heute 59-Jährige war im Februar 2025 verurteilt worden.", published=PUBLISHED)) == ["im Februar 2025"]
    assert starts("in meiner jetzt siebenjährigen Amtszeit", published=PUBLISHED) == {}
    assert starts("Er ist heute 59 Jahre alt.", published=PUBLISHED)["heute"] == PUBLISHED  # no age word right after


@pytest.mark.parametrize("text, dated", [
    ("Der jetzt verurteilte Eritreer hatte einen Streit mit dem Opfer.", False),  # the noun's attribute
    ("Die gestern festgenommene Frau hatte einen Streit mit dem Opfer.", False),
    ("Das Gericht hat den Eritreer jetzt verurteilt.", True),
    ("Die Polizei hat die Frau gestern festgenommen.", True),
])
def test_a_day_word_between_an_article_and_an_attribute_dates_the_noun_not_the_clause(text, dated):
    assert bool(starts(text, published=PUBLISHED)) == dated


@pytest.mark.parametrize("text, language", [
    ("Am 3. Juni 2024 brannte eine Scheune. Am selben Tag wurde ein Mann festgenommen.", "de"),
    ("Am 3. Juni 2024 brannte eine Scheune. Noch am gleichen Abend wurde ein Mann festgenommen.", "de"),
    ("On June 3, 2024 a barn burned. The same day, police arrested a man.", "en"),
    ("On June 3, 2024 a barn burned. Later that day, police arrested a man.", "en"),
])
def test_the_same_day_is_the_day_of_the_previous_mention(text, language):
    ms = tag_dates(text, published=D(2024, 6, 12), language=language)
    assert [m.interval.start for m in ms] == [D(2024, 6, 3), D(2024, 6, 3)]


@pytest.mark.parametrize(
    "text, language, start, precision",
    [
        ("Die Wahl soll im November stattfinden.", "de", D(2025, 11, 1), "month"),
        ("Die Wahl fand im November statt.", "de", D(2024, 11, 1), "month"),
        ("The election will be held in November.", "en", D(2025, 11, 1), "month"),
        ("The election was held in November.", "en", D(2024, 11, 1), "month"),
        ("Im Winter wird das Werk schließen.", "de", D(2025, 12, 1), "season"),
        ("Im Winter schloss das Werk.", "de", D(2024, 12, 1), "season"),
        ("The plant plans to close in the winter.", "en", D(2025, 12, 1), "season"),
        ("The plant closed in the winter.", "en", D(2024, 12, 1), "season"),
        ("Am Freitag soll abgestimmt werden.", "de", D(2025, 10, 17), "day"),
        ("Am Freitag wurde abgestimmt.", "de", D(2025, 10, 10), "day"),
        ("Die Gewerkschaft hat für Freitag zu einem Warnstreik aufgerufen.", "de", D(2025, 10, 17), "day"),  # set for
        ("Am Freitag hat die Gewerkschaft zu einem Warnstreik aufgerufen.", "de", D(2025, 10, 10), "day"),
        ("The vote will take place on Friday.", "en", D(2025, 10, 17), "day"),
        ("The vote took place on Friday.", "en", D(2025, 10, 10), "day"),
        # the day of what the planned act comes after is past
        ("Two men are expected to appear in court after their arrest on Friday.", "en", D(2025, 10, 10), "day"),
        ("Die Männer sollen nach ihrer Festnahme am Freitag dem Haftrichter vorgeführt werden.", "de", D(2025, 10, 10), "day"),
        ("The minister said on Friday that his trip will promote the ties.", "en", D(2025, 10, 10), "day"),
        ("Der Minister sagte am Freitag, die Reise werde die Beziehungen stärken.", "de", D(2025, 10, 10), "day"),
        ("Er soll im November aussagen.", "de", D(2025, 11, 1), "month"),
        ("Er soll im November bestochen worden sein.", "de", D(2024, 11, 1), "month"),  # reported past
        ("El tribunal será convocado en noviembre.", "es", D(2025, 11, 1), "month"),
        ("El tribunal fue convocado en noviembre.", "es", D(2024, 11, 1), "month"),
    ],
)
def test_future_tense_takes_the_coming_month_season_or_weekday(text, language, start, precision):
    m = tag_dates(text, published=PUBLISHED, language=language)[-1]
    assert (m.interval.start, m.interval.precision) == (start, precision)


def test_future_verb_of_another_clause_does_not_move_the_date():
    text = "Die Regierung hat am Montag erklärt, dass sie im November wählen wird."
    assert starts(text, published=PUBLISHED)["am Montag"] == D(2025, 10, 13)


@pytest.mark.parametrize(
    "text",
    ["Am Montag kam er.", "Gestern ging er.", "Vergangene Woche kam er.", "Vor drei Tagen kam er.",
     "He came on Monday.", "He left yesterday.", "He came last week.", "He came three days ago."],
)
def test_day_relative_words_against_a_lower_bound_reference_date_nothing(text):
    assert tag_dates(text, language="de", **LOWER_BOUND) == []
    assert tag_dates(text, language="de", published=D(2025, 4, 30))  # a known day dates them


@pytest.mark.parametrize("text, language, mention", [
    ("Am Mittwoch kam es zu einem Unfall.\n\nAm Mittwoch, 30. April 2025, kam es zu einem Unfall.", "de", "Am Mittwoch"),
    ("A crash happened on Wednesday.\n\nOn Wednesday, April 30, 2025, a crash happened.", "en", "on Wednesday"),
])
def test_a_bare_weekday_that_is_the_weekday_of_the_texts_latest_date_is_that_day(text, language, mention):
    ms = tag_dates(text, language=language, **LOWER_BOUND)  # 30 April 2025 is a Wednesday
    first = next(m for m in ms if m.text == mention)
    assert (first.interval.start, first.interval.precision) == (D(2025, 4, 30), "day")
    other = text.replace("Mittwoch", "Dienstag", 1).replace("Wednesday", "Tuesday", 1)
    assert not any(m.text.endswith(("Dienstag", "Tuesday")) for m in tag_dates(other, language=language, **LOWER_BOUND))


@pytest.mark.parametrize(
    "text, language",
    [("Stand: April 2025.\nAm 3. März kam sie.", "de"), ("As of April 2025.\nShe came on March 3.", "en")],
)
def test_day_without_year_against_a_lower_bound_reference_takes_the_texts_year(text, language):
    ms = tag_dates(text, language=language, **LOWER_BOUND)
    assert (ms[-1].interval.start, ms[-1].interval.precision, ms[-1].interval.basis) == (D(2025, 3, 3), "day", "inferred")


def test_every_language_file_names_its_language_and_its_months():
    from geo.when.words import load_words

    words = load_words()
    assert {"de", "en", "es"} <= set(words.languages)
    assert all(len(words.months[n]) >= 3 for n in range(1, 13))


# A weekday with a yearless date fixes the year among the years the text names: 12 August was
# a Thursday in 2021 (and 2027), not in any year between.
@pytest.mark.parametrize("text, expected", [
    ("Streik 2021\nDonnerstag, 12. August, 5.30 Uhr\nDie Züge fahren wieder.", D(2021, 8, 12)),
    ("Im Tarifstreit 2021 streiken sie ab Mittwoch (11.8.); bis Freitag (13.08.) soll es dauern.", D(2021, 8, 13)),
    ("After the 2021 vote, on Thursday, Aug. 12, workers walked out; on Friday, August 13th, they returned.",
     D(2021, 8, 13)),
])
def test_yearless_weekday_dates_give_the_reference_year(text, expected):
    from geo.reference import weekday_date

    assert weekday_date(text) == expected


def test_weekday_dates_that_disagree_or_fit_no_named_year_give_no_reference():
    from geo.reference import weekday_date

    assert weekday_date("2021: Am Mittwoch (11.8.) und am Mittwoch (12.8.) wurde gestreikt.") is None
    # The text names only years the date does not fit (11 August 2019 was a Sunday).
    assert weekday_date("Seit 2019 streiken die Lokführer, ab Mittwoch (11.8.) wieder 48 Stunden lang.") is None


def test_weekday_dates_in_a_text_that_names_no_year_are_not_dated_by_the_clock():
    from geo.reference import weekday_date

    # Monday 8 January: 2018, 2024, 2029 … — which one only a year in the text could tell;
    # the day the loader runs must not (the same text gets the same dates every time).
    assert weekday_date("Landwirte wollten am Montag, 8. Januar, ihren Protest zeigen.") is None
    assert weekday_date("Montag, 8. Januar\nDienstag, 9. Januar\nDie Landwirte protestieren.") is None
    assert weekday_date("Landwirte wollten am Montag, 8. Januar, ihren Protest zeigen.",
                        title="Bauernproteste 2024") == D(2024, 1, 8)
    assert weekday_date("Donnerstag, 12. August 2021\nText") is None  # has its year: a dateline


def test_a_live_blog_entry_resolves_its_weekdays_against_its_heading_day():
    from geo.reference import entry_times
    from geo.records import Document
    from geo.segment import segment

    text = ("Update, August 26, 2016, 2:45 p.m.:\n\nThe earthquake that hit Italy on Wednesday killed 268 people.\n\n"
            "Update, August 28, 2016, 9 a.m.:\n\nRescuers stopped on Saturday.")
    doc = Document(id="a", path="a", text=text, language="en")
    times = tag_dates(text, published=None, language="en")
    assert not [m for m in times if m.text.endswith("day")]  # no reference: weekdays date nothing
    out = {m.text: m.interval.start for m in entry_times(doc, segment(text), times)}
    assert out["on Wednesday"] == D(2016, 8, 24)  # the Wednesday before Friday the 26th
    assert out["on Saturday"] == D(2016, 8, 27)


def test_an_english_day_range_across_two_months():
    (m,) = tag_dates("Xi paid state visits from May 31 to June 6, 2013.", published=None, language="en")
    assert (m.interval.start, m.interval.end, m.interval.precision) == (D(2013, 5, 31), D(2013, 6, 6), "day")


def test_a_german_day_and_month_without_year_is_the_closest_such_day():
    (m,) = tag_dates("23.07., 14:15 Uhr: Bisher 132 Menschen tot geborgen", published=D(2021, 8, 3), language="de")
    assert (m.text, m.interval.start, m.interval.precision) == ("23.07.", D(2021, 7, 23), "day")
    assert not tag_dates("Version 3.1. bringt 23.07 Neuerungen.", published=D(2021, 8, 3), language="de")
    assert not tag_dates("Section 23.07. applies.", published=D(2021, 8, 3), language="en")


@pytest.mark.parametrize("text, dated", [
    ("Am 7.6. brannte eine Scheune.", True),
    ("Am Freitag (7.6.) brannte eine Scheune.", True),
    ("Am Freitag, 7.6., brannte eine Scheune.", True),
    ("Kapitel 7.6. regelt den Brandschutz.", False),  # a one-digit "7.6." alone numbers a section
])
def test_a_one_digit_german_day_and_month_is_a_date_after_a_preposition_bracket_or_weekday(text, dated):
    days = [m.interval.start for m in tag_dates(text, published=D(2024, 6, 12), language="de")
            if m.interval.precision == "day" and "7.6." in m.text]
    assert days == ([D(2024, 6, 7)] if dated else [])


@pytest.mark.parametrize("text, language, day", [
    ("In Wiesbaden ist eine 1967 geborene Frau erkrankt, die am 29. Februar zurückgekehrt war.", "de", D(2020, 2, 29)),
    ("The man, born in 1967, died on March 3.", "en", D(2020, 3, 3)),
])
def test_a_birth_year_dates_nothing_and_anchors_no_other_date(text, language, day):
    found = tag_dates(text, published=D(2020, 3, 3), language=language)
    assert [m.role for m in found] == ["birth", "happening"] and found[1].interval.start == day


@pytest.mark.parametrize("text, language, published, start", [
    ("Es geschah am vergangenen Wochenende.", "de", D(2025, 3, 17), D(2025, 3, 15)),  # a Monday: the weekend just past
    ("Es geschah am vergangenen Wochenende.", "de", D(2025, 3, 16), D(2025, 3, 8)),   # a Sunday: the one before
    ("Am kommenden Wochenende wird gestreikt.", "de", D(2025, 3, 17), D(2025, 3, 22)),
    ("It happened last weekend.", "en", D(2025, 3, 17), D(2025, 3, 15)),
    ("It happens this weekend.", "en", D(2025, 3, 19), D(2025, 3, 22)),
])
def test_a_weekend_is_its_saturday_and_sunday(text, language, published, start):
    (m,) = tag_dates(text, published=published, language=language)
    assert (m.interval.start, m.interval.end) == (start, start + dt.timedelta(days=1))


@pytest.mark.parametrize("text, language, published, start", [
    ("Am Wochenende brannte eine Scheune.", "de", D(2025, 3, 17), D(2025, 3, 15)),  # Monday's paper: the weekend past
    ("Am Wochenende soll gestreikt werden.", "de", D(2025, 3, 17), D(2025, 3, 22)),  # a plan: the coming one
    ("Am Wochenende brannte eine Scheune.", "de", D(2025, 3, 16), D(2025, 3, 15)),  # on a Sunday: this one
    ("A barn burned down over the weekend.", "en", D(2025, 3, 17), D(2025, 3, 15)),
    ("Workers will strike at the weekend.", "en", D(2025, 3, 19), D(2025, 3, 22)),
])
def test_a_weekend_without_last_or_next_is_the_one_the_tense_points_to(text, language, published, start):
    (m,) = tag_dates(text, published=published, language=language)
    assert (m.interval.start, m.interval.end) == (start, start + dt.timedelta(days=1))
    assert not tag_dates(text, published=D(2025, 3, 31), language=language, reference_is_lower_bound=True)


@pytest.mark.parametrize("text, language, start, end", [
    ("Ende vergangener Woche kam es zu Protesten.", "de", D(2025, 10, 10), D(2025, 10, 12)),  # Fri-Sun, not the whole week
    ("Mitte vergangener Woche kam es zu Protesten.", "de", D(2025, 10, 8), D(2025, 10, 9)),
    ("Protests broke out late last week.", "en", D(2025, 10, 10), D(2025, 10, 12)),
    ("Protests broke out early last week.", "en", D(2025, 10, 6), D(2025, 10, 7)),
    ("Anfang der Woche kam es zu Protesten.", "de", D(2025, 10, 13), D(2025, 10, 14)),  # no direction: this week
    ("Ende der Woche soll gestreikt werden.", "de", D(2025, 10, 17), D(2025, 10, 19)),
    ("The strike will start at the end of the week.", "en", D(2025, 10, 17), D(2025, 10, 19)),
    ("Mitte des Monats soll gestreikt werden.", "de", D(2025, 10, 11), D(2025, 10, 20)),
    ("Im März 2023 begann der Bau. Ende des Monats stand der Rohbau.", "de", D(2023, 3, 21), D(2023, 3, 31)),  # the month named
    ("Im Jahr 2019 wuchs die Firma. Ende des Jahres kam die Wende.", "de", D(2019, 10, 1), D(2019, 12, 31)),  # the paragraph's year
    ("At the end of 2013, a boat capsized.", "en", D(2013, 10, 1), D(2013, 12, 31)),  # the last quarter
])
def test_start_middle_end_narrow_a_week_and_a_bare_period(text, language, start, end):
    m = tag_dates(text, published=PUBLISHED, language=language)[-1]
    assert (m.interval.start, m.interval.end) == (start, end)


def test_an_expected_month_is_ahead():
    """"Urteil für Ende Januar erwartet" in a paper of November: the coming January."""
    assert only("Urteil für Ende Januar erwartet", published=D(2020, 11, 9))[1] == D(2021, 1, 21)


@pytest.mark.parametrize("text, language, published, start, end", [
    ("In der Silvesternacht brannten Autos.", "de", D(2025, 1, 2), D(2024, 12, 31), D(2025, 1, 1)),
    ("An Weihnachten soll gestreikt werden.", "de", D(2025, 10, 15), D(2025, 12, 24), D(2025, 12, 26)),  # ahead
    ("An Weihnachten wurde gestreikt.", "de", D(2025, 10, 15), D(2024, 12, 24), D(2024, 12, 26)),  # the last one
    ("Über Ostern kamen 500 Menschen an.", "de", D(2025, 5, 2), D(2025, 4, 20), D(2025, 4, 21)),  # Easter Sunday 2025: 20 April
    ("Am Pfingstmontag brannte ein Wald.", "de", D(2024, 6, 1), D(2024, 5, 20), D(2024, 5, 20)),
    ("Weihnachten 2023 brannte ein Haus.", "de", D(2025, 10, 15), D(2023, 12, 24), D(2023, 12, 26)),
    ("He attacked his father on New Year's Day last year.", "en", D(2019, 8, 13), D(2018, 1, 1), D(2018, 1, 1)),
    ("A fire broke out on Christmas Eve.", "en", D(2025, 1, 3), D(2024, 12, 24), D(2024, 12, 24)),
    ("Shops closed on Good Friday.", "en", D(2024, 4, 5), D(2024, 3, 29), D(2024, 3, 29)),
    # the turn of the year: New Year's Eve and Day
    ("Zum Jahreswechsel geriet die Stadt unter Beschuss.", "de", D(2023, 1, 6), D(2022, 12, 31), D(2023, 1, 1)),
    ("Über den Jahreswechsel blieb es ruhig.", "de", D(2023, 1, 6), D(2022, 12, 31), D(2023, 1, 1)),
    ("Zur Jahreswende wurde gestreikt.", "de", D(2023, 1, 6), D(2022, 12, 31), D(2023, 1, 1)),
    ("The city was shelled at the turn of the year.", "en", D(2023, 1, 6), D(2022, 12, 31), D(2023, 1, 1)),
])
def test_a_holiday_after_a_preposition_is_its_day_in_the_year_the_tense_points_to(text, language, published, start, end):
    m = tag_dates(text, published=published, language=language)[0]
    assert (m.interval.start, m.interval.end, m.interval.precision) == (start, end, "day")


@pytest.mark.parametrize("text, language", [
    ("Weihnachten ist ein Fest der Familie.", "de"),  # a bare name is the feast, not a date
    ("Der Weihnachtsmarkt öffnet.", "de"),
    ("Christmas shopping rose.", "en"),
])
def test_a_bare_holiday_name_dates_nothing(text, language):
    assert not tag_dates(text, published=PUBLISHED, language=language)


@pytest.mark.parametrize("text, language, first", [
    ("In den 1990er Jahren brannte das Werk zweimal.", "de", 1990),
    ("In den 90er-Jahren brannte das Werk zweimal.", "de", 1990),
    ("The plant burned twice in the 1990s.", "en", 1990),
])
def test_a_decade_is_its_ten_years(text, language, first):
    (m,) = tag_dates(text, published=PUBLISHED, language=language)
    assert (m.interval.start, m.interval.end, m.interval.precision) == (D(first, 1, 1), D(first + 9, 12, 31), "years")


@pytest.mark.parametrize("text, language", [
    ("Der Mann ist in den 50ern.", "de"),  # an age
    ("The man is in his 50s.", "en"),
])
def test_a_two_digit_decade_without_years_is_an_age(text, language):
    assert not tag_dates(text, published=PUBLISHED, language=language)


@pytest.mark.parametrize("text, language, start, end", [
    ("Von Samstag bis Montagmorgen kamen 2206 Migranten an.", "de", D(2025, 10, 11), D(2025, 10, 13)),
    ("Zwischen Montag und Mittwoch kamen 300 Migranten an.", "de", D(2025, 10, 13), D(2025, 10, 15)),
    ("From Saturday to Monday, 300 migrants arrived.", "en", D(2025, 10, 11), D(2025, 10, 13)),
])
def test_a_range_of_weekdays_is_one_interval(text, language, start, end):
    (m,) = tag_dates(text, published=PUBLISHED, language=language)
    assert (m.interval.start, m.interval.end, m.interval.precision) == (start, end, "day")


@pytest.mark.parametrize("text, language, days", [
    ("Die Gespräche wurden am 1. und 2. Oktober fortgesetzt.", "de", [(D(2025, 10, 1), D(2025, 10, 2))]),
    ("Talks were held on October 1 and 2.", "en", [(D(2025, 10, 1), D(2025, 10, 2))]),
    ("Talks were held on 1 and 2 October.", "en", [(D(2025, 10, 1), D(2025, 10, 2))]),
    # two days of two months: two dates, no range
    ("Es brannte am 3. Mai und 4. Juni.", "de", [(D(2025, 5, 3), D(2025, 5, 3)), (D(2025, 6, 4), D(2025, 6, 4))]),
    ("Fires broke out on May 3 and June 4.", "en", [(D(2025, 5, 3), D(2025, 5, 3)), (D(2025, 6, 4), D(2025, 6, 4))]),
])
def test_two_days_of_one_month_joined_by_and_are_one_interval(text, language, days):
    assert [(m.interval.start, m.interval.end) for m in tag_dates(text, published=PUBLISHED, language=language)] == days


@pytest.mark.parametrize("text, start", [
    ("It happened this past weekend.", D(2025, 10, 11)),
    ("It happened this past Monday.", D(2025, 10, 13)),
])
def test_this_past_is_last(text, start):
    assert only(text, language="en")[1] == start


def test_clause_from_the_texts_breaks_equals_the_windowed_search():
    """`Context.clause` finds the last clause break before a position among the text's breaks,
    found once per text: the same clause as searching the 300 characters before it (the
    window's start may cut a two-character break such as ". ")."""
    import re

    from geo.when.resolve import Context

    breaks = re.compile(r"[.!?;:]\s|[,()\"„“”«»–—]|\n")

    def windowed(text, pos):
        lo = max(0, pos - 300)
        start = max((m.end() for m in breaks.finditer(text, lo, pos)), default=lo)
        end_m = breaks.search(text, pos, pos + 300)
        return text[start:end_m.start() if end_m else pos + 300]

    rng = random.Random(7)
    pieces = ["a", "word ", ". ", ".\n", "\n", ", ", ";", ": ", "(", ")", "„", "“", "–", "x" * 290, " " * 3]
    for _ in range(60):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        ctx = Context(None, "relative", "de", text)
        for pos in range(len(text) + 1):
            assert ctx.clause(pos) == windowed(text, pos), (text, pos)


@pytest.mark.parametrize(
    "text, start, end",
    [
        # from a day, about that day a month on; from a month, the month after it
        ("Am 15. Juni 2019 geschah es. Einen Monat später wurde er festgenommen.", D(2019, 7, 5), D(2019, 7, 25)),
        ("It happened on 15 June 2019. The accused was arrested a month later.", D(2019, 7, 5), D(2019, 7, 25)),
        ("Im Mai 2019 brannte es. Zwei Monate später stürzte das Haus ein.", D(2019, 7, 1), D(2019, 7, 31)),
        ("A fire broke out in May 2019. Two months later the house collapsed.", D(2019, 7, 1), D(2019, 7, 31)),
    ],
)
def test_months_later_count_from_the_previous_mention(text, start, end):
    ms = tag_dates(text, published=None, language="de" if " es" in text else "en")
    assert [(m.interval.start, m.interval.end, m.interval.precision) for m in ms][1:] == [(start, end, "month")]


def test_date_matches_are_the_patterns_matches():
    """`date_matches` scans a lower-cased copy: the same matches as `PATTERN` on the text (which
    `dating.day_unknown` used), and the whole pattern where lower-casing changes the length."""
    from geo.when import date_matches
    from geo.when.pattern import PATTERN

    for text in ("Am Dienstag, 7. April 2025, und GESTERN Abend", "On Tuesday police said; last week, May 3 and 4",
                 "İstanbul am Montag", "vor zwei Wochen im Sommer 2023"):
        got = [(m.span(), m.lastgroup) for m in date_matches(text)]
        assert got == [(m.span(), m.lastgroup) for m in PATTERN.finditer(text)]
        assert got


def test_date_commas_on_the_caseless_copy_are_the_patterns_ends():
    """`resolve._break_ends` finds the commas and points inside dates on the lower-case copy
    (`pattern.caseless`): where the case-insensitive patterns end on the text itself, and the
    patterns themselves where the copy would differ ("İ" lowers to two letters; "ı", "ſ" and the
    Kelvin sign match i, s and k only ignoring case)."""
    from geo.when import resolve
    from geo.when.pattern import caseless

    assert resolve._DATE_INSIDE.pattern == resolve._DATE_INSIDE.pattern.lower()
    assert resolve._DATE_CLOSED.pattern == resolve._DATE_CLOSED.pattern.lower()
    texts = ["Am MONTAG, 8. Januar, wollen sie. Am 3. Mai wird gewählt, sagte er",
             "On Saturday, May 12, 2018, the president will arrive; on Sept. 3 he left",
             "İstanbul am Montag, 8. Januar, dann", "Am Montaſ, 8. Januar, dann", "On ſaturday, May 12, 2018, it",
             "Am Dıenstag, 9. Januar, dann"]
    for text in texts:
        want = {m.end() for m in resolve._DATE_INSIDE.finditer(text)} | {m.end() for m in resolve._DATE_CLOSED.finditer(text)}
        resolve._LAST_ENDS = (None, [], set())
        assert resolve._break_ends(text)[1] == want, text
    assert [caseless(t) is None for t in texts] == [False, False, True, True, True, True]
    assert resolve._break_ends(texts[0])[1] and resolve._break_ends(texts[4])[1]


@pytest.mark.parametrize("text, language, end", [
    ("Der Mann wurde diese Woche festgenommen.", "de", D(2025, 10, 15)),  # told in the past: by the page's day
    ("Das Werk schließt diese Woche.", "de", D(2025, 10, 19)),  # present tense may lie ahead
    ("Four people were fined in court this week.", "en", D(2025, 10, 15)),
    ("The court meets this week.", "en", D(2025, 10, 19)),
    ("Im Oktober kamen 300 Menschen an.", "de", D(2025, 10, 15)),
    ("300 people were rescued in October.", "en", D(2025, 10, 15)),
    ("Im Oktober soll der Bau beginnen.", "de", D(2025, 10, 31)),
])
def test_a_period_told_in_the_past_ends_on_the_page_day(text, language, end):
    (m,) = tag_dates(text, published=PUBLISHED, language=language)
    assert m.interval.end == end


def test_a_text_tagged_again_against_another_reference_gets_what_a_fresh_tagging_gets():
    """The pattern's matches of a text are kept for its next tagging (geo.when._matches): they do
    not depend on the reference, what the handlers make of them does."""
    from geo.when import _matches

    text = "Am Montag brannte in Hamburg eine Lagerhalle. Im April 2024 hatte es dort schon gebrannt, gestern erneut."
    tag_dates(text, published=None, language="de")
    again = tag_dates(text, published=dt.date(2024, 5, 8), language="de", reference_is_inferred=True)
    assert _matches(text) is _matches(text)
    _matches.cache_clear()
    assert again == tag_dates(text, published=dt.date(2024, 5, 8), language="de", reference_is_inferred=True)
    assert [m.text for m in again] == ["Am Montag", "Im April 2024", "gestern"]


_COUNTED = [  # (language, text, the counted time's first and last day)
    # a year counted from a year (or a day of it) told before: that year, not nothing
    ("de", "Im Jahr 2020 stieg die Zahl. Im Jahr zuvor war sie gesunken.", (D(2019, 1, 1), D(2019, 12, 31))),
    ("de", "Im Jahr 2020 stieg die Zahl. Im Jahr darauf sank sie.", (D(2021, 1, 1), D(2021, 12, 31))),
    ("de", "Am 3. Mai 2020 brannte die Halle. Zwei Jahre später wurde sie abgerissen.", (D(2022, 1, 1), D(2022, 12, 31))),
    ("en", "In 2020 the number rose. A year later it fell.", (D(2021, 1, 1), D(2021, 12, 31))),
    ("en", "The hall burned down on May 3, 2020. Two years earlier it had been sold.", (D(2018, 1, 1), D(2018, 12, 31))),
    # a week counted from a week or seven days told before: the whole week before or after
    ("de", "Die Fälle haben sich in der Woche vom 1. bis 7. Dezember 2025 verdoppelt. In der Woche zuvor "
           "hatten die Labore weniger gemeldet.", (D(2025, 11, 24), D(2025, 11, 30))),
    ("en", "Cases doubled in the week of 1 to 7 December 2025. A week earlier the labs had reported fewer.",
     (D(2025, 11, 24), D(2025, 11, 30))),
    # compared with a plan, uncounted, or counted from no week: nothing
    ("de", "Am 3. Mai 2020 begann der Bau. Das Werk öffnete zwei Tage später als geplant.", None),
    ("en", "Construction began on May 3, 2020. The plant opened a year later than planned.", None),
    ("de", "Im Jahr 2020 stieg die Zahl. Wenige Jahre später sank sie.", None),
    ("de", "Im Mai 2020 stieg die Zahl. In der Woche zuvor sank sie.", None),
]


@pytest.mark.parametrize("language, text, span", _COUNTED)
def test_a_year_or_a_week_counts_from_the_one_told_before(language, text, span):
    ms = tag_dates(text, published=None, language=language)
    assert [(m.interval.start, m.interval.end) for m in ms][1:] == ([span] if span else [])


# text -> (its language, the page's day, the day its yearless date is)
_YEARLESS = {
    # a day and month told in the past: the last one up to the page's day, not the closer one ahead
    "Der Mann wurde am 10. August in Ulm festgenommen.": ("de", D(2024, 3, 14), D(2023, 8, 10)),
    "He was arrested on October 22 in Kaitaia.": ("en", D(2024, 5, 15), D(2023, 10, 22)),
    # a day set ahead, whatever the tense; a clause about the future: the closest
    "Er wurde aufgefordert, die Strafe bis spätestens 10. August zu zahlen.": ("de", D(2024, 3, 14), D(2024, 8, 10)),
    "He was remanded in custody until October 22.": ("en", D(2024, 5, 15), D(2024, 10, 22)),
    "He was told to pay the fine by October 22.": ("en", D(2024, 5, 15), D(2024, 10, 22)),
    "Das Werk soll am 10. August schließen.": ("de", D(2024, 3, 14), D(2024, 8, 10)),
}


@pytest.mark.parametrize("text", list(_YEARLESS))
def test_a_day_and_month_told_in_the_past_is_the_last_one(text):
    language, published, day = _YEARLESS[text]
    (m,) = tag_dates(text, published=published, language=language)
    assert m.interval.start == day


def test_the_time_of_what_should_have_happened_is_unreal():
    """What should have happened then but did not: its time dates nothing ("unreal"); reported
    speech in the subjunctive and plain past tell what happened."""
    def roles(text, language="de"):
        return [m.role for m in tag_dates(text, published=PUBLISHED, language=language)]
    unreal = ["Eigentlich hätte jetzt schon ein Urteil gesprochen werden sollen.", "Das Urteil hätte am Freitag fallen sollen."]
    real = ["Er sagte, er wäre gestern in Berlin gewesen.", "Am Freitag wurde das Urteil gesprochen."]
    assert [roles(t) for t in unreal + real] == [["unreal"]] * 2 + [["happening"]] * 2
    assert roles("The verdict should have been handed down on Friday.", "en") == ["unreal"]
    assert roles("The verdict was handed down on Friday.", "en") == ["happening"]
