"""Event assembly: triggers, the place where it happened, dates, merging of mentions."""
import datetime as dt
import re

import pytest

from geo.contract import type_family
from geo.events import extract_events
from geo.merge import merge_events
from geo.records import ActorMention, DateInterval, Document, Place, PlaceMention, TimeMention
from geo.segment import segment
from geo.when import tag_dates

ISLAND = Place("geo:test/island", "Isla Test", "admin1", 18.0, -66.0, "XX")
CAPITAL = Place("geo:test/capital", "Capitol City", "city", 38.9, -77.0, "YY")
LANDIA = Place("geo:test/landia", "Landia", "country", 7.0, -66.0, "LA")


def _mention(text, word, place, weak=False, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return PlaceMention(start, start + len(word), word, place, weak=weak)


def _actor(text, word, canonical, kind="person"):
    start = text.index(word)
    return ActorMention(start, start + len(word), word, canonical, kind)


def _after_happening(happening, said, lang, actors=(), monday=""):
    """The events of `said` told in a paragraph after `happening` at Isla Test, on a dated page
    (`monday`: the words of `said` that name Monday, 22 August 2022)."""
    text = f"{happening}\n\n{said}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2022, 8, 21),
                   reference=dt.date(2022, 8, 21), reference_basis="published")
    day = dt.date(2022, 8, 22)
    times = [_time(text, monday, day, day, "day", nth=text.count(monday) - 1)] if monday and monday in said else []
    return extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=list(actors),
                          sources=[])


def _time(text, word, start_date, end_date, precision, role="happening", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return TimeMention(start, start + len(word), word, DateInterval(start_date, end_date, precision, "explicit"), role)


def _events(text, places=(), actors=(), times=(), lang="de"):
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang)
    return extract_events(doc, segment(text), times=list(times), places=list(places), actors=list(actors), sources=[])


def test_the_event_is_where_it_happened_not_where_its_target_is():
    text = "Kampfflugzeuge stehen auf Isla Test bereit, landische Stützpunkte anzugreifen, falls der Befehl aus Capitol City kommt."
    places = [_mention(text, "Isla Test", ISLAND), _mention(text, "landische", LANDIA, weak=True), _mention(text, "Capitol City", CAPITAL)]
    (ev,) = _events(text, places)
    assert ev.event_type == "deployment"
    assert ev.place == ISLAND
    assert {p.name for p in ev.places_mentioned} == {"Landia", "Capitol City"}


def test_a_later_sentence_inherits_the_paragraphs_place():
    text = "Die Botschaft kam aus Isla Test. Der Minister Max Muster hat dort die Truppen inspiziert."
    places = [_mention(text, "Isla Test", ISLAND)]
    actors = [_actor(text, "Max Muster", "Max Muster")]
    (ev,) = _events(text, places, actors)
    assert ev.place == ISLAND and ev.place_inherited
    assert ev.actors == ("Max Muster",)


def test_the_most_precise_happening_date_wins_and_comparisons_are_ignored():
    text = "Die Behörde begann im Herbst 2023 eine Untersuchung in Capitol City, wie schon 2003."
    times = [
        _time(text, "im Herbst 2023", dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season"),
        _time(text, "2003", dt.date(2003, 1, 1), dt.date(2003, 12, 31), "year", role="comparison"),
    ]
    (ev,) = _events(text, [_mention(text, "Capitol City", CAPITAL)], times=times)
    assert ev.event_type == "investigation"
    assert (ev.interval.start, ev.interval.end, ev.interval.precision) == (dt.date(2023, 9, 1), dt.date(2023, 11, 30), "season")


def test_a_hypothetical_is_not_a_happening():
    text = "Sollte tatsächlich ein Luftangriff auf Landia erfolgen, wäre das ein Bruch."
    assert _events(text, [_mention(text, "Landia", LANDIA)]) == []


def test_a_bare_statement_without_who_when_or_where_is_not_an_event():
    text = "Das sagte man schon immer."
    assert _events(text) == []


def test_events_from_reader_comments_are_marked_and_less_confident():
    body = "\n".join(f"Absatz {i} ohne Ereignis." for i in range(6))
    text = body + "\nUnterstützen Sie uns mit Ihrer Spende.\nDie Truppen in Isla Test wurden verlegt."
    places = [_mention(text, "Isla Test", ISLAND)]
    (ev,) = _events(text, places)
    assert ev.section == "comments" and ev.confidence < 0.4


def test_two_mentions_of_one_assessment_in_a_document_merge_into_the_most_precise_date():
    text = "Das Memo vom 7. April 2025 ist eine Einschätzung des Rates.\n\nDie Einschätzung des Rates aus dem April 2025 bleibt umstritten."
    times = [
        _time(text, "7. April 2025", dt.date(2025, 4, 7), dt.date(2025, 4, 7), "day"),
        _time(text, "April 2025", dt.date(2025, 4, 1), dt.date(2025, 4, 30), "month"),
    ]
    # the second "April 2025" is the one in the second paragraph
    second = text.index("April 2025", text.index("\n\n"))
    times[1] = TimeMention(second, second + 10, "April 2025", times[1].interval)
    actors = [ActorMention(text.index("Rates"), text.index("Rates") + 5, "Rates", "The Council", "agency"),
              ActorMention(text.rindex("Rates"), text.rindex("Rates") + 5, "Rates", "The Council", "agency")]
    # "Die Einschätzung" (definite) tells again what "eine Einschätzung" introduced.
    (merged,) = _events(text, actors=actors, times=times)
    assert merged.interval.precision == "day" and merged.interval.start == dt.date(2025, 4, 7)
    assert len(merged.evidence) == 2
    assert merge_events([merged]) == [merged]


def test_ids_do_not_depend_on_offsets():
    text = "Die Truppen wurden nach Isla Test verlegt und sind in Isla Test stationiert."
    places = [_mention(text, "Isla Test", ISLAND, nth=1)]
    shifted = "Vorab ein Satz ohne Ereignis. " + text
    places2 = [_mention(shifted, "Isla Test", ISLAND, nth=1)]
    assert _events(text, places)[0].id == _events(shifted, places2)[0].id


def test_english_triggers_and_titles():
    text = "The army deployed troops to the border near Capitol City on Monday."
    (ev,) = _events(text, [_mention(text, "Capitol City", CAPITAL)], lang="en")
    assert ev.event_type == "deployment" and ev.title == "Deployment near Capitol City"  # the text's own preposition


def test_troops_sent_to_a_place_are_deployed_there():
    text = "The ministry deployed a second carrier to Landia last month."
    (ev,) = _events(text, [_mention(text, "Landia", LANDIA)], lang="en")
    assert ev.event_type == "deployment" and ev.place == LANDIA and not ev.place_inherited


def test_a_deportation_happens_where_people_are_sent_off_not_at_its_destination():
    """Deported or turned back "nach Capitol City": the authorities act in Landia, where the people
    were; the destination is only mentioned (a deployment's is where the troops are)."""
    text = "In Landia wurden am Mittwoch 38 Menschen nach Capitol City abgeschoben."
    (ev,) = _events(text, [_mention(text, "Landia", LANDIA), _mention(text, "Capitol City", CAPITAL)])
    assert ev.event_type == "deportation" and ev.place == LANDIA
    assert [p.name for p in ev.places_mentioned] == ["Capitol City"]


def test_a_news_agency_is_a_source_not_an_actor():
    text = "Police arrested two men in Capitol City, Wire Agency reported."
    actors = [_actor(text, "Wire Agency", "Wire Agency", kind="media"), ]
    (ev,) = _events(text, [_mention(text, "Capitol City", CAPITAL)], actors, lang="en")
    assert ev.actors == ()


def test_the_headline_place_locates_a_placeless_happening_below_it():
    text = "Razzia in Capitol City\n\nDie Polizei hat zwölf Verdächtige festgenommen."
    (ev,) = _events(text, [_mention(text, "Capitol City", CAPITAL)])
    assert ev.event_type == "raid_arrest" and ev.place == CAPITAL and ev.place_inherited


def test_a_live_blog_entry_without_a_place_in_its_heading_is_located_by_its_first_town():
    """An entry heading that names no place ("Fourth teenager charged") opens an entry whose first
    town locates its placeless sentences, not the entry above; a country there says less."""
    north = Place("geo:test/north", "Northtown", "city", 53.4, -3.0, "GB", admin1="ENG", population=300_000)
    south = Place("geo:test/south", "Southtown", "city", 53.5, -2.1, "GB", admin1="ENG", population=40_000)
    britain = Place("geo:test/gb", "Britannia", "country", 54.0, -2.0, "GB")
    for there, expected in ((south, south), (britain, north)):
        text = ("Police appeal after murder in Northtown\n\nA man was stabbed in Northtown yesterday.\n\n"
                "Fourth teenager charged over tram stop attack\n\n"
                f"A boy was remanded after an attack in {there.name}.\n\n"
                "Three other teenagers have also been charged in connection with the incident.")
        places = [_mention(text, "Northtown", north, nth=0), _mention(text, "Northtown", north, nth=1),
                  _mention(text, there.name, there)]
        charged = [e for e in _events(text, places=places, lang="en") if any(x.quote.startswith("Three") for x in e.evidence)]
        assert [(e.place, e.place_inherited) for e in charged] == [(expected, True)], there.name


def test_without_a_publication_date_a_weekday_invents_no_day():
    from geo.ingest import detect_language
    from geo.pipeline import Resources, process_document

    text = "Die Polizei hat am Mittwoch in Hamburg zwölf Verdächtige festgenommen. Sie waren seit 2022 aktiv."
    doc = Document(id="x.txt", path="x.txt", text=text, language=detect_language(text))
    events = process_document(doc, resources=Resources.load())
    raid = next(e for e in events if e.event_type == "raid_arrest")
    assert raid.interval is None or raid.interval.precision not in ("day", "week")


@pytest.mark.parametrize("url, expected", [
    ("https://www.sg.ch/news/2023/11/wintersession.html", "Sankt Gallen"),  # the canton's own address
    ("https://www.sender.ch/news/2023/11/wintersession.html", "Switzerland"),
])
def test_a_text_that_names_no_place_takes_its_regional_outlets_state(url, expected):
    """A canton's release names no place of its own ("Der Kantonsrat tagte …"): its address says
    which canton, more than the country's domain does."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    text = "Der Kantonsrat hat am Mittwoch ein neues Gesetz beschlossen."
    doc = Document(id="x.txt", path="x.txt", text=text, language="de", url=url, outlet=url.split("/")[2],
                   reference=dt.date(2023, 11, 29), reference_basis="metadata")
    assert [e.place.name for e in process_document(doc, resources=Resources.load())] == [expected]


def test_a_title_town_the_text_finds_far_from_its_other_towns_is_no_place_either():
    """ "Unfall in Landau" above "BAD AROLSEN. Zu einem schweren Verkehrsunfall in Landau …": the text's
    other towns say Landau is Bad Arolsen's village, not Landau in der Pfalz; the story was filed there."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    text = ("BAD AROLSEN. Zu einem schweren Verkehrsunfall in Landau wurden Feuerwehr und Polizei am Sonntag alarmiert. "
            "Die Feuerwehren aus Bad Arolsen und Korbach waren im Einsatz.")
    doc = Document(id="x.txt", path="x.txt", text=text, language="de", title="Unfall in Landau",
                   reference=dt.date(2023, 5, 7), reference_basis="metadata")
    assert [(e.event_type, e.place.name) for e in process_document(doc, resources=Resources.load())] == [("crash", "Bad Arolsen")]


def test_a_title_county_is_the_texts_and_a_story_filed_in_its_town_happened_there():
    """The title alone would read "Monroe County" as any of the namesakes; the text's dateline
    and state choose Tennessee's, and its town the story was filed in is where it happened."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    text = ("MADISONVILLE, Tenn. (WVLT) - A suspect shot a Monroe County Sheriff's Office deputy on Sunday.\n\n"
            "The officers were trying to arrest a man, who was in a home, for terroristic threats.")
    doc = Document(id="x.txt", path="x.txt", text=text, language="en",
                   title="Monroe County deputy shot while arresting suspect, sheriff says",
                   reference=dt.date(2023, 10, 31), reference_basis="metadata")
    places = {e.event_type: e.place for e in process_document(doc, resources=Resources.load())}
    assert places and all(p is not None and p.name == "Madisonville" and p.admin1 == "TN" for p in places.values())


def _arrests_after(cases) -> list[str]:
    """Where the arrest of the third sentence is placed, for (language, first paragraph, second sentences,
    third sentence): the second paragraph names Capitol City, the first the story's Smalltown."""
    town = Place("geo:test/smalltown", "Smalltown", "city", 35.35, -88.95, "YY")
    found = []
    for lang, first, seconds, third in cases:
        for second in seconds:
            text = f"{first}\n\n{second} {third}"
            places = [_mention(text, "Smalltown", town), _mention(text, "Capitol City", CAPITAL)]
            found.append(next(e.place.name for e in _events(text, places, lang=lang) if e.event_type == "raid_arrest"))
    return found


def test_a_town_the_text_measures_from_is_not_the_paragraphs_place():
    """ "Smoke rose from the plant about 75 miles northeast of Capitol City": the next sentence's
    arrests are in the story's town, not the reference point; "over Capitol City" is a place."""
    assert _arrests_after((
        ("en", "An explosion injured six workers at a plant in Smalltown on Tuesday.",
         ("Smoke rose from the plant about 75 miles northeast of Capitol City.", "Smoke rose over Capitol City."),
         "Police arrested two men."),
        ("de", "Eine Explosion verletzte am Dienstag sechs Arbeiter in einem Werk in Smalltown.",
         ("Rauch stieg über dem Werk 120 Kilometer nordöstlich von Capitol City auf.", "Rauch stieg über Capitol City auf."),
         "Die Polizei nahm zwei Männer fest."))) == ["Smalltown", "Capitol City"] * 2


def test_a_persons_home_is_not_the_paragraphs_place():
    """ "Police identify him as Christian Wolter from Capitol City. … what led up to the crash": the next
    sentence's happening is in the story's town, not the driver's home; "closed the road in Capitol City" places it."""
    assert _arrests_after((
        ("en", "A truck overturned in Smalltown on Tuesday.",
         ("Police identified the driver as 20-year-old Kyle Jones from Capitol City.", "Police closed the road in Capitol City."),
         "Officers arrested two men."),
        ("de", "Ein Lastwagen kippte am Dienstag in Smalltown um.",
         ("Die Polizei nannte den Fahrer, einen 35-Jährigen aus Capitol City.", "Die Polizei sperrte die Straße in Capitol City."),
         "Die Polizei nahm zwei Männer fest."))) == ["Smalltown", "Capitol City"] * 2


def test_a_country_named_without_a_locative_outside_the_texts_towns_is_a_party_not_the_place():
    """ "Two US helicopters rescued 14 villagers" in a story whose town lies in Landia: the US took
    part, the rescue was in Hilltown; "rescued … in the US" says where."""
    usa = Place("geo:test/us", "United States", "country", 39.8, -98.6, "US")
    town = Place("geo:test/hilltown", "Hilltown", "city", 7.5, -66.5, "LA")
    rescue = []
    for lang, first, name, seconds in (
            ("en", "A landslide buried homes in Hilltown on Monday.", "US",
             ("Two US helicopters rescued 14 villagers from the rubble.", "Helicopters rescued 14 villagers in the US.")),
            ("de", "Ein Erdrutsch hat am Montag in Hilltown Häuser verschüttet.", "USA",
             ("Hubschrauber der USA retteten 14 Dorfbewohner.", "Hubschrauber retteten 14 Dorfbewohner in den USA."))):
        for second in seconds:
            text = f"{first}\n\n{second}"
            places = [_mention(text, "Hilltown", town), _mention(text, name, usa)]
            rescue.append(next(e.place.name for e in _events(text, places, lang=lang) if e.event_type == "rescue"))
    assert rescue == ["Hilltown", "United States"] * 2


def test_a_title_name_the_text_reads_as_no_place_is_none_in_the_title_without_a_locative():
    """ "Sergeant Tom Kingston said": the text reads the name as a person's, so the title's bare
    "Kingston crash" is no Jamaican capital either; "… in Kingston" in the title is evidence of its own."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    text = ("A car hit a tree on a rural road early on Sunday, and its driver was taken to hospital. "
            "Sergeant Tom Kingston said the driver had been speeding.")
    found = {}
    for title in ("Kingston crash: driver hurt after car hits tree", "Driver hurt after car hits tree in Kingston"):
        doc = Document(id="x.txt", path="x.txt", text=text, language="en", title=title,
                       reference=dt.date(2023, 10, 31), reference_basis="metadata")
        (crash,) = [e for e in process_document(doc, resources=Resources.load()) if e.event_type == "crash"]
        found[title] = crash.place.name if crash.place else None
    assert list(found.values()) == [None, "Kingston"]


def test_a_city_named_in_the_located_country_is_more_precise_than_the_country():
    town = Place("geo:test/town", "Townsville", "city", 8.0, -65.0, "LA")
    text = "The army struck the Townsville air base in Landia overnight."
    places = [_mention(text, "Townsville", town), _mention(text, "Landia", LANDIA)]
    (ev,) = _events(text, places, lang="en")
    assert ev.event_type == "strike" and ev.place == town


def test_reported_cites_a_source_and_is_no_document():
    text = "In July 2024 the army launched an offensive in Landia, the agency reported."
    (ev,) = _events(text, [_mention(text, "Landia", LANDIA)], lang="en")
    assert ev.event_type == "strike"


def test_a_state_gives_way_to_the_only_town_the_article_names_inside_it():
    state = Place("geo:test/state", "Brandenburg", "admin1", 52.4, 13.0, "DE", admin1="11")
    town = Place("geo:test/town", "Treuenbrietzen", "city", 52.1, 12.9, "DE", admin1="11", population=8000)
    text = ("In Brandenburg wütet ein Waldbrand.\n\nDie Lage ist ernst.\n\nDie Behörde der Stadt Treuenbrietzen "
            "bat die Menschen, ihre Häuser zu verlassen.")
    places = [_mention(text, "Brandenburg", state), _mention(text, "Treuenbrietzen", town)]
    fire = next(e for e in _events(text, places=places) if e.event_type == "wildfire")
    assert fire.place == town
    other = Place("geo:test/town2", "Beelitz", "city", 52.2, 12.9, "DE", admin1="11", population=12000)
    text2 = text + " Auch in Beelitz brennt es."
    places2 = places + [_mention(text2, "Beelitz", other)]
    fire2 = next(e for e in _events(text2, places=places2) if e.event_type == "wildfire")
    assert fire2.place == town  # two towns in the state: the story's first


EASTLAND = Place("geo:test/eastland", "Eastland", "admin1", -37.8, 145.0, "AU", admin1="07")
RIVERTON = Place("geo:test/riverton", "Riverton", "city", -37.9, 146.9, "AU", admin1="07", population=600)
MILLBROOK = Place("geo:test/millbrook", "Millbrook", "city", -38.0, 146.9, "AU", admin1="07", population=500)
WESTON = Place("geo:test/weston", "Weston", "city", -32.2, 148.6, "AU", admin1="02", population=38000)


@pytest.mark.parametrize("second, expected", [
    ("A relief centre opened in Riverton. Crews also worked in Millbrook.", "Riverton"),
    ("Crews worked in Millbrook. A relief centre opened in Riverton.", "Millbrook"),
    ("A relief centre opened in Weston.", "Eastland"),  # a town of another state
    ("A volunteer from Riverton said he was tired.", "Eastland"),  # a town only mentioned: where someone came from
    ("The station ABC Riverton showed pictures.", "Eastland"),  # a station or field office named after its town
    ("The Coast Guard Sector Riverton sent two crews.", "Eastland"),  # a Coast Guard sector or station named after it
    ("The Coast Guard Station Riverton sent two crews.", "Eastland"),
    ("Volunteers sang “Riverton Is Home” on the radio.", "Eastland"),  # a name in quotation marks
    ("The station in Riverton showed pictures.", "Riverton"),
])
def test_a_happening_in_a_state_is_at_the_first_town_the_story_names_there(second, expected):
    """"Floods hit Eastland … in Riverton … in Millbrook": a story about a town names it first and its
    state thereafter; the state is the region around the story's town."""
    text = f"Floods hit Eastland on Thursday.\n\nThe water rose all night.\n\n{second}"
    places = [_mention(text, "Eastland", EASTLAND)] + [_mention(text, w, p) for w, p in
                                                      (("Riverton", RIVERTON), ("Millbrook", MILLBROOK), ("Weston", WESTON)) if w in text]
    flood = next(e for e in _events(text, places=places, lang="en") if e.event_type == "flood")
    assert flood.place.name == expected


@pytest.mark.parametrize("later, expected", [
    ("In Talheim halfen Soldaten, auch in Bachdorf.", "Talheim"),
    ("In Bachdorf halfen Soldaten, auch in Talheim.", "Bachdorf"),
    ("Soldaten aus Talheim halfen.", "Bergland"),  # where they came from
])
def test_eine_flut_im_land_ist_im_ersten_ort_den_der_text_dort_nennt(later, expected):
    """"Die Flut hat in Bergland … Schäden angerichtet" in a story from Talheim happened there."""
    state = Place("geo:test/bergland", "Bergland", "admin1", 48.2, 15.6, "AT", admin1="03")
    towns = {"Talheim": Place("geo:test/talheim", "Talheim", "city", 48.23, 15.33, "AT", admin1="03", population=5500),
             "Bachdorf": Place("geo:test/bachdorf", "Bachdorf", "city", 48.18, 15.08, "AT", admin1="03", population=5700)}
    text = f"Die Flut hat am Sonntag in Bergland große Schäden angerichtet.\n\nDas Wasser stieg.\n\n{later}"
    places = [_mention(text, "Bergland", state)] + [_mention(text, w, p) for w, p in towns.items() if w in text]
    flood = next(e for e in _events(text, places=places) if e.event_type == "flood")
    assert flood.place.name == expected


@pytest.mark.parametrize("first, expected", [("Floods hit Eastland on Friday.", "Riverton"),
                                             ("The parliament in Eastland voted on Friday to pay for the repairs.", "Eastland")])
def test_what_a_states_government_says_stays_in_the_state(first, expected):
    """A state's statement, law or vote concerns the whole state, not the story's town."""
    text = f"{first}\n\nThe water rose all night.\n\nA relief centre opened in Riverton. Crews also worked in Millbrook."
    places = [_mention(text, "Eastland", EASTLAND), _mention(text, "Riverton", RIVERTON), _mention(text, "Millbrook", MILLBROOK)]
    assert _events(text, places=places, lang="en")[0].place.name == expected


@pytest.mark.parametrize("towns, expected", [(["Treuenbrietzen"], "Treuenbrietzen"), (["Treuenbrietzen", "Beelitz"], "Treuenbrietzen"),
                                             (["Beelitz", "Treuenbrietzen"], "Beelitz")])
def test_a_lede_that_inherits_the_titles_state_takes_the_only_town_the_article_names_there(towns, expected):
    """The lede's happening whose sentence names no place inherits the title's state; where the
    text names one town there, it happened there, as a lede placed in the state by its own words does;
    where it names two, at the first (the story's town)."""
    state = Place("geo:test/state", "Brandenburg", "admin1", 52.4, 13.0, "DE", admin1="11")
    known = {"Treuenbrietzen": Place("geo:test/town", "Treuenbrietzen", "city", 52.1, 12.9, "DE", admin1="11", population=8000),
             "Beelitz": Place("geo:test/town2", "Beelitz", "city", 52.2, 12.9, "DE", admin1="11", population=12000)}
    title = "Waldbrand in Brandenburg"
    text = "Ein Waldbrand wütet seit Montag.\n\n" + " ".join(f"Die Feuerwehr in {t} ist im Einsatz." for t in towns)
    monday = _time(text, "seit Montag", dt.date(2024, 6, 3), dt.date(2024, 6, 3), "day")
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", title=title)
    in_title = [PlaceMention(title.index("Brandenburg"), title.index("Brandenburg") + 11, "Brandenburg", state)]
    places = [_mention(text, t, known[t]) for t in towns]
    events = extract_events(doc, segment(text), times=[monday], places=places, actors=[], sources=[], title_places=in_title)
    fire = next(e for e in events if e.event_type == "wildfire")
    assert fire.headline and fire.place.name == expected


def test_a_city_that_only_says_where_a_suburb_lies_is_not_a_second_town():
    """"derailed in the Bigcity suburb of Smallville": the suburb is the town the lede's happening in
    the state narrows to, in the opening paragraphs or further down; the city before it only says
    where it lies."""
    state = Place("geo:test/state", "Westland", "admin1", 36.0, -119.0, "US", admin1="CA")
    city = Place("geo:test/city", "Bigcity", "city", 34.05, -118.24, "US", admin1="CA", population=3_900_000)
    suburb = Place("geo:test/suburb", "Smallville", "city", 33.98, -118.1, "US", admin1="CA", population=60_000)
    for between, gap, expected in (("", " suburb of ", suburb), ("", " and in ", city),
                                   ("It rained.\n\n", " suburb of ", suburb), ("It rained.\n\n", " and in ", city)):
        text = (f"A freight train derailed in Westland on Saturday.\n\n{between}"
                f"Two homes stood in Bigcity{gap}Smallville.")
        places = [_mention(text, "Westland", state), _mention(text, "Bigcity", city), _mention(text, "Smallville", suburb)]
        lede = next(e for e in _events(text, places=places, lang="en") if e.event_type == "derailment")
        assert lede.place == expected, (between, gap)


def test_a_distance_landmark_is_not_the_only_town_an_area_event_narrows_to():
    """"190 km inland from the capital Colombo" measures from Colombo: the landslide is not there."""
    country = Place("geo:test/country", "Landia", "country", 7.0, 80.0, "LK")
    capital = Place("geo:test/capital", "Capitol", "city", 6.9, 79.85, "LK", admin1="1", population=700000)
    for where, expected in (("190 km inland from the capital Capitol", country), ("near the capital Capitol", capital)):
        text = f"A landslide buried houses in Landia on Wednesday.\n\nThe village lies {where}."
        places = [_mention(text, "Landia", country), _mention(text, "Capitol", capital)]
        slide = next(e for e in _events(text, places=places, lang="en") if e.event_type == "landslide")
        assert slide.place == expected, where


def test_a_placeless_event_takes_the_ledes_place_before_a_later_events():
    """The lede's town anchors the article ("a recent sitting of Monaghan District Court"), not
    the first event's place further down ("in 2020 … at Cavan"); unless that event's place lies
    inside the lede's (a county's town)."""
    north = Place("geo:test/north", "Northtown", "city", 54.2, -6.9, "IE", admin1="M", population=8000)
    south = Place("geo:test/south", "Southtown", "city", 54.0, -7.4, "IE", admin1="U", population=10000)
    county = Place("geo:test/county", "Kreis Nord", "admin2", 54.2, -6.9, "IE", admin1="M", radius_km=30)
    for lede, there, expected in ((north, south, north), (county, north, north)):
        text = (f"Die Stimmung in {lede.name} ist angespannt.\n\nAm Montag wurde ein Mann festgenommen.\n\n"
                f"Im Jahr 2020 brannte in {there.name} ein Haus.")
        places = [_mention(text, lede.name, lede), _mention(text, there.name, there)]
        arrest = next(e for e in _events(text, places=places) if e.event_type == "raid_arrest")
        assert (arrest.place, arrest.place_inherited) == (expected, True), lede.name


def test_a_plants_layoffs_in_a_state_take_the_only_town_the_article_names_there():
    state = Place("geo:test/state", "Thüringen", "admin1", 50.9, 11.0, "DE", admin1="15")
    town = Place("geo:test/town", "Hermsdorf", "city", 50.9, 11.86, "DE", admin1="15", population=7800)
    text = ("Das Werk in Hermsdorf gehört seit 1990 zur Gruppe.\n\n"
            "Die Mitarbeiter des Werks in Thüringen wurden über ihre Kündigung unterrichtet.")
    places = [_mention(text, "Hermsdorf", town), _mention(text, "Thüringen", state)]
    layoffs = next(e for e in _events(text, places=places) if e.event_type == "layoffs")
    assert layoffs.place == town


def test_the_ledes_happening_in_a_county_takes_the_only_town_the_article_names_there():
    county = Place("geo:test/county", "East County", "admin2", 50.9, 0.3, "GB", admin1="ENG", radius_km=30)
    town = Place("geo:test/town", "Smalltown", "city", 50.85, 0.47, "GB", admin1="ENG", population=40000)
    for lede, expected in (("A town council in East County has cancelled its meetings.", town),
                           ("It rained.\n\nA town council in East County has cancelled its meetings.", county)):
        text = lede + "\n\nThe Home Office plans to house asylum seekers at a site in Smalltown."
        places = [_mention(text, "East County", county), _mention(text, "Smalltown", town)]
        assert [(e.event_type, e.place) for e in _events(text, places=places, lang="en")] == [("meeting", expected)]


def test_the_headline_place_locates_a_lede_that_names_none():
    nrw = Place("geo:test/nrw", "Nordrhein-Westfalen", "admin1", 51.4, 7.7, "DE", admin1="07")
    text = "Die Lokführer streiken ab Mittwoch."
    title = "Bahn-Streik in NRW: So lief der Mittwoch"
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", title=title)
    wed = _time(text, "Mittwoch", dt.date(2021, 8, 11), dt.date(2021, 8, 11), "day")
    head = [PlaceMention(title.index("NRW"), title.index("NRW") + 3, "NRW", nrw)]
    events = extract_events(doc, segment(text), times=[wed], places=[], actors=[], sources=[], title_places=head)
    assert [(e.event_type, e.place, e.place_inherited) for e in events] == [("labour_strike", nrw, True)]


@pytest.mark.parametrize("title, located", [
    ("Kleinstadt: Die Lokführer streiken", True),   # a title that opens with its town, as local news writes it
    ("Lokführer aus Kleinstadt streiken", False),  # an origin, only mentioned
])
def test_a_town_opening_the_title_locates_a_text_that_names_none(title, located):
    town = Place("geo:test/kleinstadt", "Kleinstadt", "city", 51.4, 7.7, "DE", admin1="07", population=900)
    text = "Die Lokführer streiken ab Mittwoch."
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", title=title)
    wed = _time(text, "Mittwoch", dt.date(2021, 8, 11), dt.date(2021, 8, 11), "day")
    head = [PlaceMention(title.index("Kleinstadt"), title.index("Kleinstadt") + 10, "Kleinstadt", town)]
    events = extract_events(doc, segment(text), times=[wed], places=[], actors=[], sources=[], title_places=head)
    assert [e.place for e in events] == [town if located else None]


def test_a_distance_from_the_capital_names_a_reference_point_not_the_place():
    capital = Place("geo:test/kathmandu", "Kathmandu", "city", 27.7, 85.3, "NP", population=1_000_000)
    text = "The landslides buried houses about 250 kilometers (156 miles) west of the capital, Kathmandu, on Saturday."
    saturday = _time(text, "on Saturday", dt.date(2024, 6, 1), dt.date(2024, 6, 1), "day")
    (ev,) = _events(text, places=[_mention(text, "Kathmandu", capital)], times=[saturday], lang="en")
    assert ev.event_type == "landslide" and ev.place is None
    assert [p.name for p in ev.places_mentioned] == ["Kathmandu"]


def test_a_lede_in_a_state_takes_the_county_whose_sheriff_acted_there():
    state = Place("geo:test/state", "Teststate", "admin1", 30.0, -103.0, "US", "TX")
    county = Place("geo:test/county", "Test County", "admin2", 30.3, -103.6, "US", "TX", radius_km=60)
    town = Place("geo:test/town", "Testcapital", "city", 30.1, -103.1, "US", "TX", population=50_000)
    # a registry's seat, its place not in its name: it sits there but acts elsewhere
    for office, seat, expected in (("the Test County Sheriff's Office", county, county), ("the Border Patrol", town, state)):
        text = f"FAR WEST TESTSTATE – Sixty migrants were detained by {office} this week."
        places = [_mention(text, "TESTSTATE", state)] + ([_mention(text, "Test County", county)] if seat is county else [])
        seats = [PlaceMention(text.index(office), text.index(office) + len(office), office, seat, seat=True)]
        doc = Document(id="t.txt", path="t.txt", text=text, language="en")
        (ev,) = extract_events(doc, segment(text), times=[], places=places, actors=[], sources=[], seats=seats)
        assert ev.place == expected


def test_an_event_placed_in_a_state_takes_the_town_whose_local_institution_the_text_names():
    state = Place("geo:test/state", "Testland", "admin1", 48.2, 13.8, "AT", "04")
    town = Place("geo:test/town", "Testdorf", "city", 48.45, 13.43, "AT", "04", population=5_000)
    # "die Polizeiinspektion Testdorf" names the town it serves; "die Landesregierung" sits in
    # the capital but names no town: the state's events stay in the state.
    for office, expected in (("die Polizeiinspektion Testdorf", town), ("die Landesregierung", state)):
        text = (f"Am Sonntag wurde {office} von einem Zeugen verständigt.\n\n"
                "Dem Trio wurden elf Einbrüche in Testland nachgewiesen. Weitere Ermittlungen laufen noch.")
        seats = [PlaceMention(text.index(office), text.index(office) + len(office), office, town, seat=True)]
        doc = Document(id="t.txt", path="t.txt", text=text, language="de")
        events = extract_events(doc, segment(text), times=[], places=[_mention(text, "Testland", state)], actors=[],
                                sources=[], seats=seats)
        assert {e.place for e in events if e.event_type == "investigation"} == {expected}


@pytest.mark.parametrize("lat, expected", [(22.45, "Borsadtown"), (22.0, "Anandcity")])  # 12 km, 62 km from the title's town
def test_a_placeless_lede_takes_the_openings_smaller_town_near_the_titles_town(lat, expected):
    """ "… pelted stones at police in Anand" above "blocked the highway in Borsad of Anand": the title
    names the area by its main town; the opening says where."""
    big = Place("geo:test/anand", "Anandcity", "city", 22.55, 72.95, "IN", "09", population=200_000)
    small = Place("geo:test/borsad", "Borsadtown", "city", lat, 72.9, "IN", "09", population=40_000)
    title = "80 detained after villagers pelted stones at police in Anandcity"
    text = ("Police said that they resorted to lathicharge after the villagers pelted stones at the police.\n\n"
            "As many as 80 persons were detained after villagers blocked the state highway in Borsadtown on Saturday.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", title=title)
    title_places = [_mention(title, "Anandcity", big)]
    events = extract_events(doc, segment(text), times=[], places=[_mention(text, "Borsadtown", small)], actors=[],
                            sources=[], title_places=title_places)
    assert events[0].place_inherited and events[0].place.name == expected


def test_a_dated_background_happening_does_not_join_the_undated_main_one():
    text = ("Landslides killed nine people in the hills.\n\n"
            "In 2002, a landslide buried six villages in the same region.")
    times = [_time(text, "In 2002", dt.date(2002, 1, 1), dt.date(2002, 12, 31), "year")]
    events = _events(text, times=times, places=[_mention(text, "hills", ISLAND)], lang="en")
    assert [(e.event_type, e.interval.start.year if e.interval else None) for e in events] == [
        ("landslide", None), ("landslide", 2002)]


def test_a_plain_happening_without_date_or_place_is_kept_and_takes_the_articles_place():
    # (A landslide after a lede's landslides would retell it: `test_a_retelling_with_no_day_or_place_of_its_own_…`.)
    text = "In Isla Test tobte ein Unwetter.\n\nDie Sonne schien.\n\nFünf Menschen wurden verschüttet, als ein Erdrutsch ihr Haus traf."
    events = _events(text, places=[_mention(text, "Isla Test", ISLAND)])
    assert [(e.event_type, e.place, e.place_inherited) for e in events][-1] == ("landslide", ISLAND, True)
    assert len(events) == 2  # the plain report stands on its own, not merged into the lede's


def test_joined_evidence_keeps_text_order_and_each_quote_once():
    from geo.merge import joined_evidence
    from geo.records import Evidence

    ev = [Evidence("d", i * 10, i * 10 + 5, f"q{i}", f"q{i}", i * 10) for i in range(4)]
    assert joined_evidence((ev[0], ev[1]), (ev[2],)) == (ev[0], ev[1], ev[2])          # the usual, a concatenation
    assert joined_evidence((ev[0], ev[2]), (ev[1], ev[2])) == (ev[0], ev[1], ev[2])    # out of order and repeated
    assert joined_evidence((), (ev[3],)) == (ev[3],)


def test_a_happening_told_hundreds_of_times_is_one_event_with_a_bounded_explanation():
    text = "\n\n".join(["In Isla Test streikten die Hafenarbeiter."] + ["Der Streik dauerte an."] * 300)
    (ev,) = _events(text, places=[_mention(text, "Isla Test", ISLAND)])
    assert ev.event_type == "labour_strike" and len(ev.evidence) == 301
    assert len(ev.explanation) <= 70 and ev.explanation[-1] == ("merged", "and further mentions")


def test_a_dateline_is_the_last_resort_for_where_it_happened():
    town = Place("geo:test/kathmandu", "Kathmandu", "city", 27.7, 85.3, "NP", population=1_000_000)
    text = "KATHMANDU (AP) — Landslides killed nine people while they were sleeping, officials said."
    (ev,) = _events(text, places=[_mention(text, "KATHMANDU", town)], lang="en")
    assert ev.event_type in ("landslide", "killing") and ev.place == town and ev.place_inherited


def test_a_happening_in_the_country_around_the_datelines_town_took_place_there():
    town = Place("geo:test/kathmandu", "Kathmandu", "city", 27.7, 85.3, "NP", population=1_000_000)
    nepal = Place("geo:test/nepal", "Nepal", "country", 28.0, 84.0, "NP")
    body = "Landslides killed nine people in Nepal on Saturday, officials said."
    for head, expected in (("KATHMANDU, Nepal (AP) — ", town), ("", nepal)):
        text = head + body
        places = [_mention(text, "Nepal", nepal, nth=1 if head else 0)] + ([_mention(text, "KATHMANDU", town)] if head else [])
        (ev,) = _events(text, places=sorted(places, key=lambda m: m.start), lang="en")
        assert ev.event_type in ("landslide", "killing") and ev.place == expected


def test_a_country_releases_in_its_capital_but_a_report_that_only_inherits_the_country_stays_there():
    capital = Place("geo:test/landia-city", "Landia City", "city", 7.1, -66.1, "LA", population=500_000)
    for second, expected in (("Landia released a report on the damage on Tuesday.", capital),
                             ("A report on the damage was released on Tuesday.", LANDIA)):
        text = "Floods hit Landia on Monday.\n\n" + second
        doc = Document(id="t.txt", path="t.txt", text=text, language="en")
        places = [_mention(text, "Landia", LANDIA, nth=i) for i in range(text.count("Landia"))]
        times = [_time(text, "on Tuesday", dt.date(2024, 6, 4), dt.date(2024, 6, 4), "day")]
        events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[], capitals={"LA": capital})
        assert [e.place for e in events if e.event_type == "document_release"] == [expected]


@pytest.mark.parametrize("text, lang, at_parliament", [
    ("Hundreds of activists from all over Landia protested in front of the parliament building on Monday.", "en", True),
    ("Hundreds of activists from all over Landia protested in front of the town hall on Monday.", "en", False),
    ("Hunderte Aktivisten aus ganz Landia protestierten am Montag vor dem Parlament.", "de", True),
    ("Hunderte Aktivisten aus ganz Landia protestierten am Montag vor dem Rathaus.", "de", False),
    # a walkout or a protest inside it, typed a protest or a strike
    ("Opposition lawmakers in Landia joined the budget session of the parliament on Monday and then staged a walkout.", "en", True),
    ("Opposition lawmakers in Landia walked out of the parliament on Monday in protest.", "en", True),
    ("Workers in Landia staged a walkout at the factory on Monday.", "en", False),
    ("Oppositionsabgeordnete in Landia protestierten am Montag im Parlament.", "de", True),
    ("Oppositionsabgeordnete in Landia protestierten am Montag im Rathaus.", "de", False),
])
def test_a_protest_at_the_parliament_is_in_the_capital(text, lang, at_parliament):
    capital = Place("geo:test/landia-city", "Landia City", "city", 7.1, -66.1, "LA", population=500_000)
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang)
    times = [_time(text, "Monday" if lang == "en" else "Montag", dt.date(2024, 6, 3), dt.date(2024, 6, 3), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Landia", LANDIA)], actors=[],
                            sources=[], capitals={"LA": capital})
    assert [e.place for e in events if type_family(e.event_type) in ("protest", "labour")] == [capital if at_parliament else LANDIA]


@pytest.mark.parametrize("text, lang, expected", [
    ("Landslides triggered by heavy rainfall killed nine people in Landia on Monday.", "en", "landslide"),
    ("Landslides and heavy rainfall killed nine people in Landia on Monday.", "en", "storm"),
    ("Erdrutsche, ausgelöst durch heftige Regenfälle, töteten am Montag neun Menschen in Landia.", "de", "landslide"),
    ("Erdrutsche und heftige Regenfälle töteten am Montag neun Menschen in Landia.", "de", "storm"),
    # What people flee drove them out: the flight is the news, the crackdown its cause (German "vor den Kämpfen" is an anchor already).
    ("More than 700 people crossed the border into Landia on Monday fleeing an army crackdown.", "en", "migration"),
    ("More than 700 people crossed the border into Landia on Monday during an army crackdown.", "en", "raid_arrest"),
    ("Protests broke out in Landia on Monday in the wake of a police raid.", "en", "protest"),
    ("Tausende Menschen sind am Montag auf der Flucht vor den Kämpfen in Landia angekommen.", "de", "migration"),
    ("Bei den Kämpfen in Landia sind seit Montag Tausende auf der Flucht.", "de", "armed_clash"),
])
def test_a_happening_that_caused_the_sentences_own_does_not_type_it(text, lang, expected):
    times = [_time(text, "Monday" if lang == "en" else "Montag", dt.date(2024, 6, 3), dt.date(2024, 6, 3), "day")]
    (ev,) = _events(text, places=[_mention(text, "Landia", LANDIA)], times=times, lang=lang)
    assert ev.event_type == expected


@pytest.mark.parametrize("lang, second, actors, expected", [
    ("en", "Prime Minister Max Muster visited Landia on Tuesday.", ["Max Muster"], "Landia City"),
    ("en", "Relief workers visited Landia on Tuesday.", [], "Landia"),  # no one the text names: anywhere in the country
    ("de", "Ministerpräsident Max Muster traf sich am Dienstag in Landia mit dem Präsidenten.", ["Max Muster"], "Landia City"),
    ("de", "Helfer trafen sich am Dienstag in Landia.", [], "Landia"),
])
def test_leaders_meet_and_visit_in_the_capital_of_the_country_the_sentence_names(lang, second, actors, expected):
    capital = Place("geo:test/landia-city", "Landia City", "city", 7.1, -66.1, "LA", population=500_000)
    text = ("Floods hit Landia on Monday.\n\n" if lang == "en" else "In Landia gab es am Montag Hochwasser.\n\n") + second
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang)
    places = [_mention(text, "Landia", LANDIA, nth=i) for i in range(text.count("Landia"))]
    times = [_time(text, "Tuesday" if lang == "en" else "Dienstag", dt.date(2024, 6, 4), dt.date(2024, 6, 4), "day")]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[_actor(text, a, a) for a in actors],
                            sources=[], capitals={"LA": capital})
    assert [e.place.name for e in events if e.event_type in ("visit", "meeting")] == [expected]


@pytest.mark.parametrize("later, actors, expected", [
    ("The visit began with a reception, where Prime Minister Max Muster welcomed the guests.", ["Max Muster"], "Landia City"),
    ("The visit began with a reception for the guests.", [], "Landia"),
])
def test_a_visit_whose_later_mention_names_its_people_was_held_in_the_capital(later, actors, expected):
    """ "the President of India … concluded her official visit to Timor-Leste" … "President Murmu was
    welcomed": the people its later mentions name are the visit's too, so it was held in the capital."""
    capital = Place("geo:test/landia-city", "Landia City", "city", 7.1, -66.1, "LA", population=500_000)
    text = "A delegation concluded its official visit to Landia on Tuesday.\n\n" + later
    doc = Document(id="t.txt", path="t.txt", text=text, language="en")
    times = [_time(text, "on Tuesday", dt.date(2024, 6, 4), dt.date(2024, 6, 4), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Landia", LANDIA)],
                            actors=[_actor(text, a, a) for a in actors], sources=[], capitals={"LA": capital})
    assert [e.place.name for e in events if e.event_type == "visit"] == [expected]


def test_a_text_that_names_no_place_takes_its_local_outlets_city():
    city = Place("geo:test/hamburg", "Hamburg", "city", 53.55, 9.99, "DE", population=1_900_000)
    text = "Tausende demonstrierten am Samstag in der Innenstadt. Die Polizei löste die Demo auf."
    doc = Document(id="t.txt", path="t.txt", text=text, language="de")
    events = extract_events(doc, segment(text), times=[], places=[], actors=[], sources=[], outlet=city)
    assert events and all(e.place == city and e.place_inherited for e in events)
    assert not any(e.place for e in extract_events(doc, segment(text), times=[], places=[], actors=[], sources=[]))


def test_the_place_the_opening_names_without_a_happening_beats_the_outlets_city():
    """ "Die Gegner des Windparks im Wald von Göllersdorf …" opens the text with no happening; the
    vote told below it took place there, not in the outlet's city."""
    town = Place("geo:test/goellersdorf", "Göllersdorf", "city", 48.49, 16.12, "AT", population=1_391)
    city = Place("geo:test/wien", "Wien", "city", 48.21, 16.37, "AT", population=1_900_000)
    text = ("Verfasser sind die Gegner des Windparks im Wald von Göllersdorf.\n\n"
            "Im vergangenen Jahr stimmten die Gemeindebürger über den Windpark ab.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="de")
    events = extract_events(doc, segment(text), times=[], places=[_mention(text, "Göllersdorf", town)], actors=[],
                            sources=[], outlet=city)
    assert [(e.event_type, e.place, e.place_inherited) for e in events] == [("vote", town, True)]


def test_a_date_inherited_from_the_document_does_not_make_a_repeat_of_a_dated_happening():
    text = ("Landslides killed nine people in the hills.\n\nThe rains of 2015 were the heaviest.\n\n"
            "In 2002, a landslide buried six villages in the same region.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", reference=dt.date(2015, 12, 31),
                   reference_basis="latest date")
    times = [_time(text, "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31), "year"),
             _time(text, "In 2002", dt.date(2002, 1, 1), dt.date(2002, 12, 31), "year")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "hills", ISLAND)], actors=[], sources=[])
    assert [(e.interval.start.year, e.interval.basis) for e in events] == [(2015, "inferred"), (2002, "explicit")]


@pytest.mark.parametrize("lang, text, words", [
    ("de", "Am 3. März stürmte die Polizei ein Haus in Isla Test. Danach brannte ein Lagerhaus.\n\n"
           "In Isla Test protestierten Hunderte.", "Am 3. März"),
    ("en", "On March 3, police raided a house in Isla Test. Later a warehouse burned.\n\n"
           "Hundreds protested in Isla Test.", "On March 3"),
])
def test_an_inherited_date_says_where_it_came_from(lang, text, words):
    """The same day, told by the sentence, by its paragraph or only by the document: basis
    "inferred" covers the last two (and an "am Montag" read against an inferred reference), so
    `inherited` names the source and the explanation says it."""
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2024, 3, 5),
                   reference=dt.date(2024, 3, 5), reference_basis="published")
    times = [_time(text, words, dt.date(2024, 3, 3), dt.date(2024, 3, 3), "day")]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(2)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert [(e.event_type, e.interval.basis, e.interval.inherited) for e in events] == [
        ("raid_arrest", "explicit", ""), ("fire", "inferred", "paragraph"), ("protest", "inferred", "document")]
    assert [dict(e.explanation)["date"].split(" → ")[0] for e in events] == [
        f"'{words}'", f"'{words}' inherited from its paragraph", "'' inherited from the document (its day or story day)"]


def test_a_happening_retold_with_its_day_inside_the_documents_time_is_one_event():
    text = ("Landslides buried a village in the hills.\n\n"
            "On 3 May 2015, the landslide buried the village in the hills.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", reference=dt.date(2015, 12, 31),
                   reference_basis="latest date")
    times = [_time(text, "On 3 May 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    places = [_mention(text, "hills", ISLAND), _mention(text, "hills", ISLAND, nth=1)]
    (ev,) = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert (ev.interval.start, ev.interval.precision, len(ev.evidence)) == (dt.date(2015, 5, 3), "day", 2)


def test_a_page_without_its_day_dates_its_undated_happenings_by_its_ledes_day():
    text = ("On 3 May 2015 a landslide buried a village in the hills.\n\n"
            "Rescuers evacuated the village in the hills.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", reference=dt.date(2015, 5, 3),
                   reference_basis="latest date")
    times = [_time(text, "On 3 May 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    places = [_mention(text, "hills", ISLAND), _mention(text, "hills", ISLAND, nth=1)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert [(e.event_type, e.interval.start, e.interval.precision) for e in events] == [
        ("landslide", dt.date(2015, 5, 3), "day"), ("evacuation", dt.date(2015, 5, 3), "day")]


@pytest.mark.parametrize("title, day, precision", [
    ("Landslide in the hills – 11 January 2024", dt.date(2024, 1, 11), "day"),  # a results page's or a ticker's day
    ("Landslide in the hills", dt.date(2024, 1, 1), "month"),  # only the URL's month
    ("Landslide in the hills – 11 February 2024", dt.date(2024, 1, 1), "month"),  # not within it: no day of this page
])
def test_a_page_known_by_its_month_takes_the_full_day_of_its_title(title, day, precision):
    text = "Rescuers evacuated the village in the hills."
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", title=title, reference=dt.date(2024, 1, 31),
                   reference_basis="url month")
    (ev,) = extract_events(doc, segment(text), times=[], places=[_mention(text, "hills", ISLAND)], actors=[], sources=[])
    assert (ev.interval.start, ev.interval.precision) == (day, precision)


@pytest.mark.parametrize("lede_day, undated_day", [
    (dt.date(2020, 6, 21), dt.date(2020, 6, 21)),  # Sunday's landslide in Tuesday's paper: the rescue too
    (dt.date(2020, 5, 3), dt.date(2020, 6, 23)),   # weeks before: background, the rest is the day's news
])
def test_undated_happenings_take_the_day_the_lede_dates_its_story_to(lede_day, undated_day):
    text = ("On Sunday a landslide buried a village in the hills.\n\n"
            "Rescuers evacuated the village in the hills.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2020, 6, 23),
                   reference=dt.date(2020, 6, 23), reference_basis="published")
    times = [_time(text, "On Sunday", lede_day, lede_day, "day")]
    places = [_mention(text, "hills", ISLAND), _mention(text, "hills", ISLAND, nth=1)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert [(e.event_type, e.interval.start) for e in events] == [("landslide", lede_day), ("evacuation", undated_day)]


@pytest.mark.parametrize("planned, dated", [
    (dt.date(2025, 11, 3), dt.date(2025, 9, 12)),   # weeks ahead: the decision is the news, by the paper's day
    (dt.date(2025, 9, 15), dt.date(2025, 9, 15)),   # imminent: the happening's own day
])
def test_a_happening_planned_weeks_ahead_is_dated_by_its_decision(planned, dated):
    text = "The company will close its plant in the hills, with 74 layoffs beginning on that day."
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2025, 9, 12),
                   reference=dt.date(2025, 9, 12), reference_basis="published")
    times = [_time(text, "beginning on that day", planned, planned, "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "hills", ISLAND)], actors=[], sources=[])
    assert events and {e.interval.start for e in events} == {dated}


@pytest.mark.parametrize("lang, text, span, start, dated", [
    # a programme's years running on past the page: the agreement was signed on the page's day
    ("en", "The ministers signed an agreement on a programme for 2024-2028 in Isla Test.", "2024-2028",
     dt.date(2024, 1, 1), dt.date(2024, 8, 11)),
    ("de", "Die Minister unterzeichneten in Isla Test ein Abkommen für die Jahre 2024 bis 2028.", "2024 bis 2028",
     dt.date(2024, 1, 1), dt.date(2024, 8, 11)),
    # years that are over keep their span
    ("en", "The ministers signed an agreement on a programme for 2018-2022 in Isla Test.", "2018-2022",
     dt.date(2018, 1, 1), dt.date(2018, 1, 1)),
])
def test_a_span_of_years_running_on_past_the_page_is_a_plans(lang, text, span, start, dated):
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2024, 8, 11),
                   reference=dt.date(2024, 8, 11), reference_basis="published")
    times = [_time(text, span, start, start.replace(year=start.year + 4, month=12, day=31), "years")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert events and events[0].interval.start == dated, [(e.event_type, e.interval) for e in events]


@pytest.mark.parametrize("verb, dated", [
    ("hatte den Angriff nur knapp überlebt", dt.date(2022, 7, 1)),  # the pluperfect goes on telling of July 2022
    ("hat das Krankenhaus verlassen", dt.date(2023, 3, 16)),        # the story's present: the paper's day
])
def test_a_pluperfect_sentence_keeps_the_time_of_the_last_pluperfect_date(verb, dated):
    text = ("Das Gericht sah es als erwiesen an, dass er im Juli 2022 versucht hatte, einen Mann zu töten.\n\n"
            "Heute wurde er verurteilt.\n\n"
            f"Das Opfer in der Stadt {verb}.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", published=dt.date(2023, 3, 16),
                   reference=dt.date(2023, 3, 16), reference_basis="published")
    times = [_time(text, "im Juli 2022", dt.date(2022, 7, 1), dt.date(2022, 7, 31), "month"),
             _time(text, "Heute", dt.date(2023, 3, 16), dt.date(2023, 3, 16), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Stadt", ISLAND)], actors=[], sources=[])
    last = max(events, key=lambda e: e.evidence[0].start)
    assert last.evidence[0].quote.startswith("Das Opfer") and last.interval.start == dated


@pytest.mark.parametrize("middle, dated", [
    ("On 9 May 2015 a mudslide hit the hills. ", dt.date(2015, 5, 9)),  # the paragraph's latest date
    ("", dt.date(2015, 5, 3)),
])
def test_an_undated_sentence_continues_the_latest_date_of_its_paragraph(middle, dated):
    text = f"On 3 May 2015 a landslide buried a village in the hills. {middle}Rescuers evacuated the village in the hills."
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2015, 6, 5),
                   reference=dt.date(2015, 6, 5), reference_basis="published")
    times = [_time(text, "On 3 May 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    if middle:
        times.append(_time(text, "On 9 May 2015", dt.date(2015, 5, 9), dt.date(2015, 5, 9), "day"))
    places = [_mention(text, "hills", ISLAND, nth=n) for n in range(text.count("hills"))]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert [e.interval.start for e in events if e.event_type == "evacuation"] == [dated]


@pytest.mark.parametrize("second, merged", [
    ("On 3 May 2015 a landslide buried a village in the hills.", True),        # the lede retold
    ("On 4 May 2015 a landslide buried a village in the hills.", False),       # another day
    ("On 3 May 2015 another landslide buried a village in the hills.", False),  # "another"
    ("On 3 May 2015 the rain also caused a landslide in the hills.", False),  # "also": one more
])
def test_a_happening_retold_with_an_indefinite_article_is_one_event_on_the_same_day_and_place(second, merged):
    text = f"On 3 May 2015 a landslide buried a village in the hills.\n\n{second}"
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2015, 5, 5),
                   reference=dt.date(2015, 5, 5), reference_basis="published")
    times = [_time(text, "On 3 May 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day"),
             _time(text, second[:13], dt.date(2015, 5, int(second[3])), dt.date(2015, 5, int(second[3])), "day",
                   nth=int(second[3] == "3"))]
    places = [_mention(text, "hills", ISLAND), _mention(text, "hills", ISLAND, nth=1)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert len(events) == (1 if merged else 2)


def test_an_inherited_place_is_named_in_the_title_as_the_text_names_it():
    munich = Place("geo:test/munich", "Munich", "city", 48.1, 11.6, "DE", population=1_500_000)
    text = "Ein Großbrand zerstörte am Montag in München eine Halle.\n\nDie Schule blieb am Dienstag geschlossen."
    events = _events(text, places=[_mention(text, "München", munich)])
    inherited = [e for e in events if e.place_inherited]
    assert inherited and all(e.title.endswith("in München") for e in inherited), [e.title for e in events]


def test_an_inherited_place_named_after_und_keeps_the_article_the_locative_governs():
    # The seed's "Erklärung in Karibik": a paragraph's place named "in Südamerika und der Karibik".
    carib = Place("geo:test/carib", "Caribbean", "region", 15.0, -75.0, None, name_de="Karibik")
    text = ("Die Einsätze erstrecken sich über Häfen in Südamerika und der Karibik.\n\n"
            "Ein Großbrand zerstörte am Montag eine Halle.")
    events = _events(text, places=[_mention(text, "Karibik", carib)])
    fire = next(e for e in events if e.event_type == "fire")
    assert fire.place == carib and fire.title == "Brand in der Karibik", [e.title for e in events]


def test_a_name_the_gazetteer_lacks_inside_a_state_keeps_the_event_at_the_state():
    canton = Place("geo:test/gr", "Graubünden", "admin1", 46.7, 9.6, "CH", admin1="GR")
    chur = Place("geo:test/chur", "Chur", "city", 46.85, 9.53, "CH", admin1="GR", population=37_000)
    for text, expected in [
        ("Am Samstag ist es in Rabius im Kanton Graubünden zu einem Verkehrsunfall gekommen. "
         "Der Fahrer starb später im Spital in Chur.", canton),
        # Without the unlisted name, the one town the text names in the canton is where it was.
        ("Am Samstag ist es im Kanton Graubünden zu einem Verkehrsunfall gekommen. "
         "Der Fahrer starb später im Spital in Chur.", chur),
    ]:
        places = [_mention(text, "Graubünden", canton), _mention(text, "Chur", chur)]
        crash = next(e for e in _events(text, places) if e.event_type == "crash")
        assert crash.place == expected, text


def test_a_trigger_word_after_a_given_name_is_a_surname():
    assert "storm" not in [e.event_type for e in _events("Michael Sturm gewinnt die Stichwahl.")]
    assert "storm" in [e.event_type for e in _events("Ein heftiger Sturm traf am Montag die Küste von Isla Test.",
                                                     places=[_mention("Ein heftiger Sturm traf am Montag die Küste von Isla Test.", "Isla Test", ISLAND)])]


def test_a_late_month_of_background_dates_no_undated_happening():
    text = ("A passenger train derailed in the hills, killing four passengers.\n\n"
            "Rescue work went on all night.\n\n"
            "In August 1995, two trains collided in the hills, killing 358 people.")
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", reference=dt.date(1995, 8, 31),
                   reference_basis="latest date")
    times = [_time(text, "In August 1995", dt.date(1995, 8, 1), dt.date(1995, 8, 31), "month")]
    places = [_mention(text, "hills", ISLAND, nth=n) for n in range(2)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    derailment = next(e for e in events if e.event_type == "derailment")
    assert derailment.interval is None
    assert any(e.interval and e.interval.start.year == 1995 for e in events)  # the background keeps its own date
    # The same month in the lede dates the news: its year is claimed for undated happenings.
    lede = "In August 1995, a passenger train derailed in the hills.\n\nRescue work went on all night in the hills."
    times = [_time(lede, "In August 1995", dt.date(1995, 8, 1), dt.date(1995, 8, 31), "month")]
    doc = Document(id="t.txt", path="t.txt", text=lede, language="en", reference=dt.date(1995, 8, 31), reference_basis="latest date")
    events = extract_events(doc, segment(lede), times=times, places=[_mention(lede, "hills", ISLAND, nth=n) for n in range(2)],
                            actors=[], sources=[])
    assert all(e.interval is not None for e in events)


def test_one_texts_different_happenings_of_one_family_and_actor_stay_apart():
    text = ("Der Minister trat am Montag zurück. Am Montag ernannte der Kanzler einen Nachfolger.")
    doc = Document(id="d.md", path="d.md", text=text, language="de", published=dt.date(2025, 3, 14))
    events = extract_events(doc, segment(text), times=[_time(text, "am Montag", dt.date(2025, 3, 10), dt.date(2025, 3, 10), "day"),
                                                       _time(text, "Am Montag", dt.date(2025, 3, 10), dt.date(2025, 3, 10), "day")],
                            places=[], actors=[_actor(text, "Minister", "Olaf"), _actor(text, "Kanzler", "Olaf")], sources=[])
    assert {e.event_type for e in events} == {"resignation", "appointment"}
    assert len(merge_events(events)) == 2


@pytest.mark.parametrize("town, merged", [
    ("York", False),   # the paragraph's other town: a second fire there
    ("Leeds", True),   # the same town: the fire retold
])
def test_a_mention_that_inherits_its_paragraphs_other_town_tells_a_happening_there(town, merged):
    leeds = Place("geo:test/leeds", "Leeds", "city", 53.8, -1.55, "GB")
    york = Place("geo:test/york", "York", "city", 53.96, -1.08, "GB")
    text = f"A fire destroyed a warehouse in Leeds.\n\nIn {town}, crews were busy all night. The fire destroyed a barn."
    places = [_mention(text, "Leeds", leeds), _mention(text, town, leeds if town == "Leeds" else york, nth=town == "Leeds")]
    events = [e for e in _events(text, places=places, lang="en") if e.event_type == "fire"]
    assert len(events) == (1 if merged else 2)


@pytest.mark.parametrize("heading_month, dated", [
    (1, (dt.date(2025, 1, 1), "month")),   # a past month heads its section: its closures are of January
    (12, None),                            # a month still ahead (a verdict expected) dates nothing below it
])
def test_a_headings_past_month_dates_the_section_below_it(heading_month, dated):
    text = "Schließungen im Januar\n\nIn Würzburg wurde eine Klinik geschlossen."
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", reference=dt.date(2025, 3, 15),
                   reference_basis="latest date")
    month = DateInterval(dt.date(2025, heading_month, 1), dt.date(2025, heading_month, 28), "month", "relative")
    times = [TimeMention(text.index("im Januar"), text.index("im Januar") + 9, "im Januar", month, "happening")]
    (ev,) = extract_events(doc, segment(text), times=times, places=[_mention(text, "Würzburg", ISLAND)], actors=[], sources=[])
    assert (ev.interval and (ev.interval.start, ev.interval.precision)) == dated


@pytest.mark.parametrize("own, own_span, expected", [
    # "zu Jahresbeginn" (January to April) under "im Januar": the section's month is the finer reading
    ("Zu Jahresbeginn", (dt.date(2025, 1, 1), dt.date(2025, 5, 1), "year"), (dt.date(2025, 1, 1), dt.date(2025, 1, 28), "month")),
    # an own date the heading's month does not lie in stays the sentence's
    ("Im März", (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month"), (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month")),
])
def test_a_sections_month_inside_a_sentences_coarser_time_dates_it(own, own_span, expected):
    text = f"Schließungen im Januar\n\n{own} wurde in Würzburg eine Klinik geschlossen."
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", reference=dt.date(2025, 3, 15),
                   reference_basis="latest date")
    month = DateInterval(dt.date(2025, 1, 1), dt.date(2025, 1, 28), "month", "relative")
    start, end, precision = own_span
    times = [TimeMention(text.index("im Januar"), text.index("im Januar") + 9, "im Januar", month, "happening"),
             _time(text, own, start, end, precision)]
    (ev,) = extract_events(doc, segment(text), times=times, places=[_mention(text, "Würzburg", ISLAND)], actors=[], sources=[])
    assert (ev.interval.start, ev.interval.end, ev.interval.precision) == expected


@pytest.mark.parametrize("lang, first, within, plain", [
    ("en", "The president paid a state visit to Isla Test from May 31 to June 6.",
     "During the visit, the two countries signed 24 agreements in Isla Test.",
     "The two countries signed 24 agreements in Isla Test."),
    ("de", "Der Präsident reiste vom 31. Mai bis 6. Juni zu einem Staatsbesuch nach Isla Test.",
     "Während des Besuchs unterzeichneten beide Länder 24 Abkommen in Isla Test.",
     "Beide Länder unterzeichneten 24 Abkommen in Isla Test."),
])
def test_a_happening_during_the_one_told_before_takes_its_date_not_the_pages(lang, first, within, plain):
    """"During the visit" names the visit dated before: what happened then lies within it."""
    def agreement_date(second):
        text = f"{first}\n\n{second}"
        doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2013, 6, 10),
                       reference=dt.date(2013, 6, 10), reference_basis="published")
        word = "from May 31 to June 6" if lang == "en" else "vom 31. Mai bis 6. Juni"
        times = [_time(text, word, dt.date(2013, 5, 31), dt.date(2013, 6, 6), "day")]
        places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(2)]
        events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
        (ev,) = [e for e in events if e.event_type == "agreement"]
        return ev.interval.start, ev.interval.end, ev.interval.basis
    assert agreement_date(within) == (dt.date(2013, 5, 31), dt.date(2013, 6, 6), "inferred")
    assert agreement_date(plain) == (dt.date(2013, 6, 10), dt.date(2013, 6, 10), "inferred")


@pytest.mark.parametrize("paragraph, lang, etype", [
    ("This year we have stepped up deployments along the coast.", "en", "deployment"),
    ("Auf dem Gelände brannten mehrere Stapel mit Holzpaletten.", "de", "fire"),
])
def test_a_paragraph_opened_by_a_quotation_mark_and_never_closed_is_quoted_speech(paragraph, lang, etype):
    """News opens each paragraph of a long quotation with a quotation mark and closes only the last."""
    intro = "The minister said on Monday:\n\n" if lang == "en" else "Der Minister sagte am Montag:\n\n"
    assert etype in [e.event_type for e in _events(intro + paragraph, lang=lang)]
    for mark in "“„\"":
        assert etype not in [e.event_type for e in _events(intro + mark + paragraph, lang=lang)], mark


@pytest.mark.parametrize("dateline", ["Braunschweig.\n\n", ""])
def test_a_dateline_paragraph_is_not_the_lede(dateline):
    """A paragraph that is only a name is the dateline: the headline types the lede below it."""
    text = f"{dateline}Am Landgericht beginnt am Donnerstag das Verfahren gegen einen 46-Jährigen."
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", title="Nach Saufgelage getötet: Prozess beginnt")
    places = [_mention(text, "Braunschweig", ISLAND)] if dateline else []
    times = [_time(text, "am Donnerstag", dt.date(2016, 5, 12), dt.date(2016, 5, 12), "day")]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    assert [(e.event_type, e.headline, e.evidence[0].quote[:6]) for e in events] == [("trial", True, "Am Lan")]


@pytest.mark.parametrize("middle, expected", [
    ("Streifenwagen der Polizeidirektion Amberg wurden geschickt.", "Nabburg"),  # only the police's seat
    ("Streifenwagen wurden in Amberg zusammengezogen.", "Amberg"),  # a place where something happened
])
def test_a_police_seat_keeps_the_paragraphs_place(middle, expected):
    from geo.pipeline import Resources, process_document

    text = f"In der Nacht ereignete sich in Nabburg ein Einbruch in eine Tankstelle. {middle} Die Polizei nahm einen Mann fest."
    doc = Document(id="x.txt", path="x.txt", text=text, language="de", reference=dt.date(2024, 5, 5), reference_basis="metadata")
    raid = next(e for e in process_document(doc, resources=Resources.load()) if e.event_type == "raid_arrest")
    assert raid.place.name == expected


@pytest.mark.parametrize("lede, second, merged", [
    ("On 3 May 2015 a landslide buried a village in the hills.", "Rescuers also found a landslide on the road.", False),  # "also": one more
    ("On 3 May 2015 a landslide buried a village in the hills.", "Rescuers dug through a landslide all night.", True),
    # No day and no place of its own, and it names an act that recurs in one story (a protest, an arrest): another one.
    ("On 3 May 2015 villagers held a protest in the hills.", "Rescuers dug through a protest all night.", False),
    ("On 3 May 2015 the ministers held a meeting in the hills.", "Residents later held a meeting all night.", False),
    # "a number of landslides" are more than the one told.
    ("On 3 May 2015 a landslide buried a village in the hills.", "Rescuers dug through a number of landslides all night.", False),
    # Told in the pluperfect, an indefinite happening is an earlier one.
    ("On 3 May 2015 a landslide buried a village in the hills.", "Days before, the rain had caused a landslide on the road.", False),
])
@pytest.mark.parametrize("opening", ["", "Heavy rain fell on the coast on Monday.\n\n"])  # a lede of its own before
def test_a_retelling_with_no_day_or_place_of_its_own_joins_the_happening_told_before(lede, second, merged, opening):
    text = f"{opening}{lede}\n\n{second}"
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2015, 5, 3),
                   reference=dt.date(2015, 5, 3), reference_basis="published")
    times = [_time(text, "On 3 May 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "hills", ISLAND)], actors=[], sources=[])
    kinds = [e.event_type for e in events if e.event_type in ("landslide", "protest", "meeting")]
    assert len(kinds) == (1 if merged else 2), [(e.event_type, e.evidence[0].quote, e.interval, e.place_inherited, e.novel) for e in events]


@pytest.mark.parametrize("second, merged", [
    # German "auch" is a focus particle: what follows it is one more part of the happening told.
    ("Auch Straßen wurden überschwemmt.", True),
    ("Die Straßen wurden überschwemmt.", True),
    ("Erneut wurden Straßen überschwemmt.", False),  # "erneut": it happened again
])
def test_auch_before_a_happening_does_not_make_it_another(second, merged):
    text = f"Am Montag verursachte ein Unwetter in Capitol City ein Hochwasser.\n\n{second}"
    events = _events(text, places=[_mention(text, "Capitol City", CAPITAL)])
    floods = [e for e in events if e.event_type == "flood"]
    assert len(floods) == (1 if merged else 2), [(e.evidence[0].quote, e.novel) for e in events]


@pytest.mark.parametrize("second, merged", [
    # "Two of the agreements" are some of those told before, "two agreements" may be new ones.
    ("Two of the agreements concern trade.", True),
    ("Two agreements concern trade.", False),
])
def test_a_quantifier_before_of_the_counts_happenings_told_before(second, merged):
    text = f"On Monday the two presidents signed seven agreements in Capitol City.\n\n{second}"
    events = _events(text, places=[_mention(text, "Capitol City", CAPITAL)], lang="en")
    agreements = [e for e in events if e.event_type == "agreement"]
    assert len(agreements) == (1 if merged else 2), [(e.evidence[0].quote, e.novel) for e in events]


@pytest.mark.parametrize("lang, second, merged", [
    # "weitere" after the trigger counts people or things, not the happening: "drei weitere wurden
    # verletzt" tells the toll of the one flood told before.
    ("de", "Dabei wurden zehn Häuser überflutet, zwölf weitere beschädigt.", True),
    ("de", "Dann wurden die Häuser erneut überflutet.", False),  # "erneut": it happened again
    ("en", "Ten homes were flooded there, and twelve more were damaged.", True),
    ("en", "The homes were flooded there again.", False),
])
def test_more_people_or_things_after_a_happening_do_not_make_it_another(lang, second, merged):
    lede = "Am Montag verursachte ein Unwetter in Capitol City ein Hochwasser." if lang == "de" \
        else "On Monday a storm caused a flood in Capitol City."
    text = f"{lede}\n\n{second}"
    events = _events(text, places=[_mention(text, "Capitol City", CAPITAL)], lang=lang)
    floods = [e for e in events if e.event_type == "flood"]
    assert len(floods) == (1 if merged else 2), [(e.evidence[0].quote, e.novel) for e in events]


@pytest.mark.parametrize("lang, lede, second, place, kept", [
    # Under a lede placed only by a country, an undated sentence naming no place of its own is dropped ...
    ("de", "In Landia protestierten Bauern.", "Die Polizei nahm zwei Männer fest.", LANDIA, False),
    ("en", "Farmers protested in Landia.", "Police arrested two men.", LANDIA, False),
    # ... not under a town's lede, nor with a date of its own.
    ("de", "In Capitol City protestierten Bauern.", "Die Polizei nahm zwei Männer fest.", CAPITAL, True),
    ("en", "Farmers protested in Capitol City.", "Police arrested two men.", CAPITAL, True),
    ("de", "In Landia protestierten Bauern.", "Am Montag nahm die Polizei zwei Männer fest.", LANDIA, True),
    ("en", "Farmers protested in Landia.", "Police arrested two men on Monday.", LANDIA, True),
])
def test_an_undated_happening_placed_only_by_a_borrowed_country_is_not_kept(lang, lede, second, place, kept):
    text = f"{lede} {second}"
    places = [_mention(text, place.name, place)]
    day = "Am Montag" if "Am Montag" in text else "on Monday"
    times = [_time(text, day, dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day")] if day in text else []
    events = _events(text, places=places, times=times, lang=lang)
    assert any(e.event_type == "protest" for e in events)
    arrests = [e for e in events if e.event_type == "raid_arrest"]
    assert len(arrests) == (1 if kept else 0), [(e.event_type, e.place, e.place_inherited, e.interval) for e in events]


@pytest.mark.parametrize("lang, title, lede, second", [
    ("de", "Bauernprotest in Landia", "Hunderte Bauern protestierten gegen die Regierung.", "Die Polizei nahm zwei Männer fest."),
    ("en", "Farmers protest in Landia", "Hundreds of farmers protested against the government.", "Police arrested two men."),
])
def test_the_ledes_first_happening_is_kept_where_only_a_borrowed_country_places_it(lang, title, lede, second):
    """The article's main news, told first in the lede, is kept without a date or a place of its
    own (placed by the title's country); later happenings so placed are still left out."""
    text = f"{lede}\n\n{second}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, title=title)
    in_title = [PlaceMention(title.index("Landia"), title.index("Landia") + 6, "Landia", LANDIA)]
    events = extract_events(doc, segment(text), times=[], places=[], actors=[], sources=[], title_places=in_title)
    assert [(e.event_type, e.place, e.headline) for e in events] == [("protest", LANDIA, True)]


@pytest.mark.parametrize("lang, first, words, precision, inherited", [
    ("de", "Am Sonntag stritt ein Mann in Isla Test mit seinem Vater.", "Am Sonntag", "day", "paragraph"),
    ("en", "On Sunday, a man argued with his father in Isla Test.", "On Sunday", "day", "paragraph"),
    # a day ahead in the sentence's own telling is a plan, not the time the paragraph tells of
    ("de", "Am Sonntag wird ein Mann in Isla Test mit seinem Vater reden.", "Am Sonntag", "day", "document"),
    ("en", "A man will talk with his father in Isla Test on Sunday.", "on Sunday", "day", "document"),
    # a month there is as often a noun's attribute ("das im März eingeleitete Verfahren")
    ("de", "Im März stritt ein Mann in Isla Test mit seinem Vater.", "Im März", "month", "document"),
    ("en", "In March, a man argued with his father in Isla Test.", "In March", "month", "document"),
])
def test_a_sentence_without_a_happening_dates_its_paragraph_by_its_past_day(lang, first, words, precision, inherited):
    """"The accused argued with his father on New Year's Day last year. The victim was stabbed
    multiple times": the stabbing is of that day, though the first sentence names no happening."""
    second = "Der Vater wurde erstochen." if lang == "de" else "The father was stabbed."
    text = f"{first} {second}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2024, 3, 5),
                   reference=dt.date(2024, 3, 5), reference_basis="published")
    span = (dt.date(2024, 3, 3),) * 2 if precision == "day" else (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    events = extract_events(doc, segment(text), times=[_time(text, words, *span, precision)],
                            places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert [(e.event_type, e.interval.inherited) for e in events] == [("killing", inherited)]


@pytest.mark.parametrize("lang, lede, death, merged", [
    # A death with neither a place nor a day of its own is the toll of the disaster told before.
    ("de", "Ein schweres Erdbeben hat am Dienstag Isla Test erschüttert.", "Mindestens 15 Menschen kamen ums Leben.", True),
    ("en", "A strong earthquake struck Isla Test on Tuesday.", "At least 15 people were killed.", True),
    ("en", "Gunmen attacked a village in Isla Test on Tuesday.", "Four people were killed.", True),
    # With a place or a day of its own it is a killing of its own; after an arrest it is no toll.
    ("de", "Ein schweres Erdbeben hat am Dienstag Isla Test erschüttert.", "In Capitol City kamen zwei Menschen ums Leben.", False),
    ("en", "A strong earthquake struck Isla Test on Tuesday.", "At least 15 people were killed in Capitol City.", False),
    ("en", "A strong earthquake struck Isla Test on Tuesday.", "On Wednesday, two people were killed.", False),
    ("en", "Police arrested a man in Isla Test on Tuesday.", "Two people were killed.", False),
])
def test_a_death_without_a_place_or_day_of_its_own_is_the_toll_of_the_happening_told_before(lang, lede, death, merged):
    text = f"{lede}\n\n{death}"
    places = [_mention(text, "Isla Test", ISLAND)] + ([_mention(text, "Capitol City", CAPITAL)] if "Capitol" in text else [])
    day = "am Dienstag" if lang == "de" else "on Tuesday"
    times = [_time(text, day, dt.date(2024, 5, 7), dt.date(2024, 5, 7), "day")]
    if "On Wednesday" in text:
        times.append(_time(text, "On Wednesday", dt.date(2024, 5, 8), dt.date(2024, 5, 8), "day"))
    events = _events(text, places, times=times, lang=lang)
    assert len(events) == (1 if merged else 2), [(e.event_type, e.evidence[0].quote, e.place, e.interval) for e in events]
    assert events[0].event_type != "killing"


@pytest.mark.parametrize("lang, dated, words, day", [
    ("en", "On 3 May 2015 a bridge collapsed in Isla Test.", "On 3 May 2015", dt.date(2015, 5, 3)),
    ("de", "Am 3. Mai 2015 stürzte eine Brücke in Isla Test ein.", "Am 3. Mai 2015", dt.date(2015, 5, 3)),
    # the start of a lasting state is no time the story goes on from
    ("en", "Since 3 May 2015 a bridge has been closed in Isla Test.", "3 May 2015", None),
    ("de", "Seit dem 3. Mai 2015 ist eine Brücke in Isla Test gesperrt.", "3. Mai 2015", None),
    # nor a document's date, nor where a plan begins
    ("en", "A report dated 3 May 2015 names a bridge in Isla Test.", "3 May 2015", None),
    ("de", "Ein Bericht vom 3. Mai 2015 nennt eine Brücke in Isla Test.", "vom 3. Mai 2015", None),
    ("en", "A bridge in Isla Test is closed from 3 May 2015.", "from 3 May 2015", None),
    ("de", "Eine Brücke in Isla Test ist ab 3. Mai 2015 gesperrt.", "3. Mai 2015", None),
])
def test_a_page_known_by_its_latest_date_dates_a_happening_by_the_day_told_before_it(lang, dated, words, day):
    """Without a publication day, a happening without a date of its own took place at the
    latest day the story told before it, not anywhen in the year of the text's latest date."""
    lede, undated, last = {
        "en": ("A fire destroyed a warehouse in Isla Test.", "Rescuers evacuated a village in Isla Test.",
               "In June 2015 the road reopened."),
        "de": ("Ein Feuer zerstörte eine Lagerhalle in Isla Test.", "Retter evakuierten ein Dorf in Isla Test.",
               "Im Juni 2015 wurde die Straße wieder geöffnet.")}[lang]
    text = f"{lede}\n\n{dated}\n\n{undated}\n\n{last}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=dt.date(2015, 6, 30),
                   reference_basis="latest date")
    times = [_time(text, words, dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day"),
             _time(text, last.split(" 2015")[0] + " 2015", dt.date(2015, 6, 1), dt.date(2015, 6, 30), "month")]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(3)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    evacuation = next(e for e in events if e.event_type == "evacuation")
    assert (evacuation.interval.start, evacuation.interval.precision) == (
        (day, "day") if day else (dt.date(2015, 1, 1), "year"))


@pytest.mark.parametrize("lang, lede, words, start, end, dated", [
    # a lede dated to a day of the week before the paper: the story's undated happenings were then
    ("de", "Am Dienstag protestierten 100 Menschen in Isla Test.", "Am Dienstag", dt.date(2023, 1, 3),
     dt.date(2023, 1, 3), dt.date(2023, 1, 3)),
    ("en", "On Tuesday 100 people protested in Isla Test.", "On Tuesday", dt.date(2023, 1, 3),
     dt.date(2023, 1, 3), dt.date(2023, 1, 3)),
    # a span of days is no day of the story ("Zum Jahreswechsel", "over the turn of the year")
    ("de", "Zum Jahreswechsel protestierten 100 Menschen in Isla Test.", "Zum Jahreswechsel", dt.date(2022, 12, 31),
     dt.date(2023, 1, 1), dt.date(2023, 1, 6)),
    ("en", "At the turn of the year 100 people protested in Isla Test.", "At the turn of the year",
     dt.date(2022, 12, 31), dt.date(2023, 1, 1), dt.date(2023, 1, 6)),
])
def test_the_story_day_is_a_single_day_of_the_lede(lang, lede, words, start, end, dated):
    later = {"de": "Ein Feuer zerstörte eine Lagerhalle in Isla Test.", "en": "A fire destroyed a warehouse in Isla Test."}[lang]
    text = f"{lede}\n\n{later}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2023, 1, 6),
                   reference=dt.date(2023, 1, 6), reference_basis="published")
    times = [_time(text, words, start, end, "day")]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(2)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    fire = [e for e in events if e.event_type == "fire"]
    assert fire and fire[0].interval.start == dated, [(e.event_type, e.interval) for e in events]


@pytest.mark.parametrize("lang, last, words, day", [
    ("en", "The weather was dry on 3 May 2015.", "on 3 May 2015", dt.date(2015, 5, 3)),
    ("de", "Das Wetter war am 3. Mai 2015 trocken.", "am 3. Mai 2015", dt.date(2015, 5, 3)),
    # an end is no day of the story
    ("en", "The weather stayed dry until 3 May 2015.", "3 May 2015", None),
    ("de", "Das Wetter blieb bis zum 3. Mai 2015 trocken.", "3. Mai 2015", None),
])
def test_a_page_known_by_its_latest_date_dates_its_undated_news_by_the_latest_day_it_states(lang, last, words, day):
    lede = {"en": "A fire destroyed a warehouse in Isla Test.", "de": "Ein Feuer zerstörte eine Lagerhalle in Isla Test."}[lang]
    text = f"{lede}\n\n{last}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=dt.date(2015, 5, 3),
                   reference_basis="latest date")
    times = [_time(text, words, dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert [(e.event_type, e.interval.start, e.interval.precision) for e in events] == [
        ("fire", day, "day") if day else ("fire", dt.date(2015, 1, 1), "year")]


@pytest.mark.parametrize("lang, lede", [
    ("en", "A fire destroyed a warehouse in Isla Test on Tuesday."),
    ("de", "Ein Feuer zerstörte am Dienstag eine Lagerhalle in Isla Test."),
])
def test_a_happening_on_a_weekday_no_publication_day_fixes_keeps_the_year(lang, lede):
    """"On Tuesday" is the happening's own day, which a page known only by its latest date
    cannot fix: not the latest day the text states."""
    last = {"en": "The weather was dry on 3 May 2015.", "de": "Das Wetter war am 3. Mai 2015 trocken."}[lang]
    text = f"{lede}\n\n{last}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=dt.date(2015, 5, 3),
                   reference_basis="latest date")
    times = [_time(text, "3 May 2015" if lang == "en" else "3. Mai 2015", dt.date(2015, 5, 3), dt.date(2015, 5, 3), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert [(e.event_type, e.interval.precision) for e in events] == [("fire", "year")]


@pytest.mark.parametrize("lang, text, words", [
    ("en", "A fire destroyed a warehouse in Isla Test.\n\nThe town council met.\n\n"
           "In March 2015 a bridge collapsed in Isla Test.\n\nRescuers evacuated a village in Isla Test.", "In March 2015"),
    ("de", "Ein Feuer zerstörte eine Lagerhalle in Isla Test.\n\nDer Gemeinderat tagte.\n\n"
           "Im März 2015 stürzte eine Brücke in Isla Test ein.\n\nRetter evakuierten ein Dorf in Isla Test.", "Im März 2015"),
])
def test_a_late_month_dates_what_the_story_tells_after_it_but_not_before(lang, text, words):
    """A page whose only date is a month late in its text ("In March 2015 …") leaves its lede
    undated (the month may be background), but what it tells after that month took place then."""
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=dt.date(2015, 3, 31),
                   reference_basis="latest date")
    times = [_time(text, words, dt.date(2015, 3, 1), dt.date(2015, 3, 31), "month")]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(3)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    dated = {e.event_type: e.interval and (e.interval.start, e.interval.precision) for e in events}
    assert (dated["fire"], dated["evacuation"]) == (None, (dt.date(2015, 3, 1), "month"))


@pytest.mark.parametrize("second, expected", [
    ("Die Beamten wiesen die Migranten nach Landia zurück.", "Capitol City"),  # the country they were sent to
    ("Die Beamten wiesen die Migranten dort zurück.", "Landia"),
])
def test_a_country_the_sentence_sends_people_to_is_not_the_place_it_inherits(second, expected):
    """ "wiesen die Migranten nach Österreich zurück" after a sentence set in Austria: the paragraph's
    country is the destination this sentence names, not where the turning back happened."""
    text = ("Polizisten stoppten in Capitol City einen Bus und nahmen sieben Migranten fest.\n\n"
            "Die Polizei ermittelt nun in Landia wegen Schleusung. " + second)
    places = [_mention(text, "Capitol City", CAPITAL), _mention(text, "Landia", LANDIA)]
    places += [_mention(text, "Landia", LANDIA, nth=1)] if "nach Landia" in text else []
    # A dated page: on an undated one, a happening placed only by a borrowed country is not kept.
    doc = Document(id="t.txt", path="t.txt", text=text, language="de", published=dt.date(2024, 5, 5),
                   reference=dt.date(2024, 5, 5), reference_basis="published")
    events = extract_events(doc, segment(text), times=[], places=places, actors=[], sources=[])
    (ev,) = [e for e in events if e.event_type == "deportation"]
    assert ev.place.name == expected and ev.place_inherited


@pytest.mark.parametrize("court, expected", [
    ("das Landgericht Gera", "Gera"),
    ("das Gericht", "Pößneck"),  # no court named with its seat: the paragraph's place
])
def test_a_courts_act_without_a_place_happens_where_the_court_the_text_names_sits(court, expected):
    """ "Die erste Strafkammer verurteilte ihn" after "das Landgericht Gera": the verdict is the
    court's, not the crime town's its paragraph names."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    text = (f"Fünf Verhandlungstage brauchte {court}, um den Fall zu klären.\n\n"
            "Der Angeklagte hatte in Pößneck das Haus seiner Eltern angezündet. "
            "Die erste Strafkammer verurteilte ihn am Freitag zu zehn Jahren Haft.")
    doc = Document(id="x.txt", path="x.txt", text=text, language="de", reference=dt.date(2024, 5, 3),
                   reference_basis="metadata")
    verdicts = [e for e in process_document(doc, resources=Resources.load()) if e.event_type == "verdict"]
    assert verdicts and all(e.place.name == expected for e in verdicts)


@pytest.mark.parametrize("lang, sentence, expected", [
    ("de", "Im Prozess um einen Einbruch in Pößneck hat das Landgericht Gera den Angeklagten "
           "am Freitag zu drei Jahren Haft verurteilt.", "Gera"),
    ("de", "Im Prozess um einen Einbruch in Pößneck hat das Gericht den Angeklagten "
           "am Freitag zu drei Jahren Haft verurteilt.", "Pößneck"),  # no seat named: the town
    # a town next to the court's city says the same place more finely
    ("de", "Im Prozess um einen Einbruch in Bad Köstritz hat das Landgericht Gera den Angeklagten "
           "am Freitag zu drei Jahren Haft verurteilt.", "Bad Köstritz"),
    ("en", "York Crown Court on Friday sentenced a man to ten years in prison for a burglary in Scarborough.", "York"),
    ("en", "The court on Friday sentenced a man to ten years in prison for a burglary in Scarborough.", "Scarborough"),
])
def test_a_courts_act_happens_where_the_court_its_sentence_names_sits(lang, sentence, expected):
    """ "Im Prozess um einen Einbruch in Pößneck hat das Landgericht Gera … verurteilt": the town
    is the crime's, the verdict is where the court sits."""
    from geo.pipeline import Resources, process_document

    doc = Document(id="x.txt", path="x.txt", text=sentence, language=lang, reference=dt.date(2024, 5, 3),
                   reference_basis="metadata")
    acts = [e for e in process_document(doc, resources=Resources.load()) if e.event_type in ("trial", "verdict")]
    assert acts and all(e.place.name == expected for e in acts)


@pytest.mark.parametrize("lang, title, sentence, expected", [
    # Under a disaster's, an accident's or a fight's headline a death alone is its toll ...
    ("en", "Landslides kill six in Isla Test", "A couple was killed in Capitol City on Tuesday.", "landslide"),
    ("de", "Erdrutsch in Isla Test", "In Capitol City kamen am Dienstag zwei Menschen ums Leben.", "landslide"),
    ("de", "Zugunglück in Isla Test", "In Capitol City wurden am Dienstag zwei Menschen getötet.", "derailment"),
    # Under a crime's or a court's headline a killing stays a killing.
    ("en", "Police investigate deaths in Isla Test", "A couple was killed in Capitol City on Tuesday.", "killing"),
    ("de", "Polizei ermittelt in Isla Test", "In Capitol City kamen am Dienstag zwei Menschen ums Leben.", "killing"),
    # A death named with its cause keeps it: "murdered" is a killing under any headline.
    ("en", "Landslides kill six in Isla Test", "A man was murdered in Capitol City on Tuesday.", "killing"),
])
def test_a_death_alone_is_the_toll_of_the_headlines_disaster_accident_or_fight(lang, title, sentence, expected):
    doc = Document(id="t.txt", path="t.txt", text=sentence, language=lang, title=title)
    day = "am Dienstag" if lang == "de" else "on Tuesday"
    times = [_time(sentence, day, dt.date(2024, 5, 7), dt.date(2024, 5, 7), "day")]
    events = extract_events(doc, segment(sentence), times=times, places=[_mention(sentence, "Capitol City", CAPITAL)],
                            actors=[], sources=[])
    assert [e.event_type for e in events] == [expected]


@pytest.mark.parametrize("lang, text, monday, sunday, expected", [
    ("en", "The minister will visit Isla Test on Monday, the ministry said on Sunday.", "on Monday", "on Sunday", "sunday"),
    ("de", "Der Minister wird am Montag Isla Test besuchen, teilte das Ministerium am Sonntag mit.", "am Montag", "am Sonntag", "sunday"),
    # told in the past, the sentence's first day is its happening's
    ("en", "The minister visited Isla Test on Monday, the ministry said on Sunday.", "on Monday", "on Sunday", "monday"),
    ("de", "Der Minister besuchte am Montag Isla Test, teilte das Ministerium am Sonntag mit.", "am Montag", "am Sonntag", "monday"),
])
def test_a_plans_day_gives_way_to_the_day_it_was_told(lang, text, monday, sunday, expected):
    """"Wang Yi will make a working visit to Singapore from Monday to Tuesday, the Ministry of
    Foreign Affairs said on Sunday": the news of the day is the announcement, not the visit ahead."""
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2021, 9, 12),
                   reference=dt.date(2021, 9, 12), reference_basis="published")
    days = {"monday": dt.date(2021, 9, 13) if "will" in text or "wird" in text else dt.date(2021, 9, 6),
            "sunday": dt.date(2021, 9, 12)}
    times = [_time(text, monday, days["monday"], days["monday"], "day"), _time(text, sunday, days["sunday"], days["sunday"], "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert [e.interval.start for e in events][:1] == [days[expected]]


@pytest.mark.parametrize("text, dated", [
    # a wire dateline's date is the day the report was filed: the port call's own day is the other
    ("CAPITOL CITY, November 12 (ANI): The minister, who visited Isla Test on November 10, has returned.",
     dt.date(2020, 11, 10)),
    ("CAPITOL CITY, November 12 (Xinhua) -- The minister, who visited Isla Test on November 10, has returned.",
     dt.date(2020, 11, 10)),
    # no dateline: the sentence's first day
    ("On November 12 the minister, who visited Isla Test on November 10, returned.", dt.date(2020, 11, 12)),
])
def test_a_wire_datelines_date_gives_way_to_the_sentences_own(text, dated):
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2020, 11, 12),
                   reference=dt.date(2020, 11, 12), reference_basis="published")
    times = [_time(text, "November 12", dt.date(2020, 11, 12), dt.date(2020, 11, 12), "day"),
             _time(text, "November 10", dt.date(2020, 11, 10), dt.date(2020, 11, 10), "day")]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert events and events[0].interval.start == dated, [(e.event_type, e.interval) for e in events]


@pytest.mark.parametrize("lang, lede, later", [
    ("en", "A man and a woman died in a crash {where}on Monday afternoon.", "A man died following a collision in Isla Test on Monday."),
    ("de", "Am Montag starben zwei Menschen bei einem Unfall{where}.", "Am Montag kam es in Isla Test zu einem Unfall."),
])
@pytest.mark.parametrize("where, merged", [("", False), ("in Isla Test ", True)])
def test_a_lede_that_only_inherits_the_place_of_a_later_indefinite_happening_is_not_retold_by_it(lang, lede, later, where, merged):
    """"A man died following a collision at Cowra on the same afternoon" below a lede that names
    no place of its own is another crash: the lede only took Cowra from it, for want of its own."""
    where = where if lang == "en" else where.replace("in Isla Test ", " in Isla Test")
    text = lede.format(where=where) + "\n\n" + later
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2015, 5, 5),
                   reference=dt.date(2015, 5, 5), reference_basis="published")
    monday = "on Monday" if lang == "en" else "Am Montag"
    times = [TimeMention(m.start(), m.start() + len(monday), monday,
                         DateInterval(dt.date(2015, 5, 4), dt.date(2015, 5, 4), "day", "relative"), "happening")
             for m in __import__("re").finditer(monday, text, __import__("re").I)]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(text.count("Isla Test"))]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    crashes = [e for e in events if e.event_type == "crash"]
    assert len(crashes) == (1 if merged else 2), [(e.title, e.evidence[0].quote) for e in events]


@pytest.mark.parametrize("lang, derailed, rescue, built", [
    ("en", "A passenger train derailed in Isla Test.", "Rescue work went on all night.", "The line was built in 1929."),
    ("de", "Ein Personenzug entgleiste in Isla Test.", "Die Bergung dauerte die ganze Nacht.", "Die Strecke wurde 1929 gebaut."),
])
def test_a_year_further_into_the_lede_dates_no_undated_happening(lang, derailed, rescue, built):
    """A page without a publication date whose latest date is a bare year: that year dates the
    undated happenings only when the lede's first two sentences name it. Further down it is as
    often background ("Es wurde … nach der Revolution 1929 … verbracht" in a ticker dated every
    entry 1929)."""
    def derailment(text):
        doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=dt.date(1929, 12, 31),
                       reference_basis="latest date")
        times = [_time(text, "1929", dt.date(1929, 1, 1), dt.date(1929, 12, 31), "year")]
        events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)],
                                actors=[], sources=[])
        return next(e for e in events if e.event_type == "derailment")
    assert derailment(f"{derailed} {rescue} {built}").interval is None
    assert derailment(f"{derailed} {built} {rescue}").interval.start == dt.date(1929, 1, 1)


@pytest.mark.parametrize("text, surface, place, title", [
    # a city has no German name in the gazetteer: the genitive is known only as one
    ("Im Norden Münchens brannte am Montag eine Halle.", "Münchens",
     Place("geo:test/munich", "Munich", "city", 48.1, 11.6, "DE"), "Brand in München"),
    ("Ein Feuer zerstörte am Montag eine Scheune des Odenwaldkreises.", "Odenwaldkreises",
     Place("geo:test/odw", "Odenwaldkreis", "admin2", 49.7, 9.0, "DE", name_de="Odenwaldkreis"), "Brand im Odenwaldkreis"),
])
def test_a_german_genitive_is_named_in_the_title_in_the_nominative(text, surface, place, title):
    # "Ereignis in Münchens", "Urteil in Odenwaldkreises": only an English name's genitive was undone.
    start = text.index(surface)
    mention = PlaceMention(start, start + len(surface), surface, place, genitive=place.type == "city")
    (ev,) = [e for e in _events(text, places=[mention]) if e.event_type == "fire"]
    assert ev.title == title


@pytest.mark.parametrize("text, surface, place, title", [
    # a name joined by "und" to a locative takes the article "in" governs in the dative
    ("Am Montag brannte es in Südamerika und der Karibik in mehreren Häfen.", "Karibik",
     Place("geo:test/carib", "Caribbean", "region", 15.0, -75.0, None, name_de="Karibik"), "Brand in der Karibik"),
    ("Am Montag brannte es in Syrien und dem Irak in mehreren Lagern.", "Irak",
     Place("geo:test/iq", "Iraq", "country", 33.0, 44.0, "IQ", name_de="Irak"), "Brand im Irak"),
    ("Am Montag brannte es in Kanada und den USA in mehreren Lagern.", "USA",
     Place("geo:test/us", "United States", "country", 39.0, -98.0, "US", name_de="Vereinigte Staaten"), "Brand in den USA"),
    # controls: an article without the coordinated locative says nothing of the case
    ("Am Montag brannte es, sagte der Präsident, der Irak habe Hilfe geschickt.", "Irak",
     Place("geo:test/iq", "Iraq", "country", 33.0, 44.0, "IQ", name_de="Irak"), "Brand in Irak"),
    ("Am Montag brannte es in Kanada und den Lagern der USA.", "USA",
     Place("geo:test/us", "United States", "country", 39.0, -98.0, "US", name_de="Vereinigte Staaten"), "Brand in USA"),
])
def test_a_german_name_coordinated_with_a_locative_takes_its_article_in_the_title(text, surface, place, title):
    # "Erklärung in Karibik" (the seed: "… in Südamerika und der Karibik erstrecken").
    start = text.index(surface)
    mention = PlaceMention(start, start + len(surface), surface, place)
    (ev,) = [e for e in _events(text, places=[mention]) if e.event_type == "fire"]
    assert ev.title == title


@pytest.mark.parametrize("said, statement", [
    ("The port said in a statement that it was disappointed the walkout had gone ahead.", True),  # a formal statement
    ("Manager Jo Smith told a press conference that the walkout had gone ahead.", True),
    # Where a formal statement is made, named without a statement word of its own.
    ("Manager Jo Smith told a news conference on Monday the walkout was like nothing before.", True),
    ("Manager Jo Smith said at a press briefing that the walkout had gone ahead.", True),
    ("The port said the walkout had gone ahead without incident.", False),  # a plain "said" attributes it
    ("Police said in a statement the walkout had gone ahead without incident.", False),  # a reporter attributes it
    ("The walkout had gone ahead without incident.", False),  # the happening retold, no saying
    # A "said" that closes the sentence after its speaker, nothing quoted and no happening named,
    # attributes what the clause before it tells (`closing_speech`); the speaker first, or the
    # words quoted, make the company's statement.
    ("The port made a loss last quarter, the company said.", False),
    ("The port made a loss last quarter, the company says.", False),
    ("The company said the port made a loss last quarter.", True),
    ("\u201cThe port made a loss last quarter,\u201d the company said.", True),
])
def test_a_statement_about_a_happening_told_before_is_the_statement(said, statement):
    """"The Port said in a statement that it was disappointed the walkout had gone ahead": the
    walkout was told before; the sentence's news is the port's statement."""
    text = f"Dock workers at the port in Isla Test began a walkout on Sunday.\n\n{said}"
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", published=dt.date(2022, 8, 21),
                   reference=dt.date(2022, 8, 21), reference_basis="published")
    events = extract_events(doc, segment(text), times=[], places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    said_events = [e for e in events if e.event_type == "statement"]
    assert bool(said_events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]
    assert [e.event_type for e in events if e.event_type != "statement"] == ["labour_strike"]


@pytest.mark.parametrize("said, statement", [
    ("Die Gewerkschaft erklärte am Montag auf einer Pressekonferenz, dieser Streik sei ein Erfolg.", True),
    ("Die Gewerkschaft erklärte am Montag, dieser Streik sei ein Erfolg.", False),  # attributed, no formal statement
])
def test_eine_erklaerung_auf_einer_pressekonferenz_ueber_ein_berichtetes_geschehen_ist_die_erklaerung(said, statement):
    events = _after_happening("Die Hafenarbeiter in Isla Test begannen am Sonntag einen Streik.", said, "de")
    assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]


@pytest.mark.parametrize("text, expected", [
    # The state's parliament and its president act in the state's capital, not at its point (Köln).
    ("Landtagspräsident André Kuper hat am Freitag eine Delegation im Landesparlament von Nordrhein-Westfalen empfangen. "
     "Landtagspräsident Kuper sagte, der Besuch sei eine Ehre.", {"visit": "Düsseldorf"}),
    # What merely happens in the state, and an election, stay in the state.
    ("Am Freitag hat die Polizei in Nordrhein-Westfalen zwölf Verdächtige festgenommen.", {"raid_arrest": "Nordrhein-Westfalen"}),
    ("In Sachsen wurde am Sonntag ein neuer Landtag gewählt.", {"election": "Sachsen"}),
])
def test_a_german_states_parliament_acts_in_its_capital(text, expected):
    import datetime as dt

    from geo.pipeline import Resources, process_document

    doc = Document(id="x.txt", path="x.txt", text=text, language="de", reference=dt.date(2024, 3, 8),
                   reference_basis="metadata")
    places = {e.event_type: e.place.name for e in process_document(doc, resources=Resources.load()) if e.place}
    assert {t: places.get(t) for t in expected} == expected


@pytest.mark.parametrize("language, text, expected", [
    # A governor's act took place in the state's capital (GeoNames' seat of the state), not at its point.
    ("en", "California Governor Gavin Newsom signed a law on Monday that bans the sale of new petrol cars.",
     {"legal_policy": "Sacramento"}),
    ("de", "In Kalifornien hat Gouverneur Gavin Newsom am Montag ein neues Gesetz unterzeichnet.", {"legal_policy": "Sacramento"}),
    ("de", "In Kalifornien hat die Regierung am Montag ein neues Gesetz beschlossen.", {"legal_policy": "California"}),
    # What merely happens in the state stays there, though the governor speaks of it.
    ("en", "Wildfires burned across California on Monday, Governor Gavin Newsom said.", {"wildfire": "California"}),
    # A governor's statement that inherits the attack's town was made at the state's seat; a senator's stays.
    ("en", "Gunmen killed four people in Bokkos, Plateau State, on Monday.\n\nGovernor Samuel Adeyemi has condemned the attack.",
     {"strike": "Bokkos", "statement": "Jos"}),
    ("en", "Gunmen killed four people in Bokkos, Plateau State, on Monday.\n\nSenator Samuel Adeyemi has condemned the attack.",
     {"strike": "Bokkos", "statement": "Bokkos"}),
])
def test_a_states_governor_acts_in_its_capital_in_every_country(language, text, expected):
    import datetime as dt

    from geo.pipeline import Resources, process_document

    doc = Document(id="x.txt", path="x.txt", text=text, language=language, reference=dt.date(2024, 3, 8),
                   reference_basis="metadata")
    places = {e.event_type: e.place.name for e in process_document(doc, resources=Resources.load()) if e.place}
    assert {t: places.get(t) for t in expected} == expected, places


def test_a_city_named_only_in_the_genitive_is_named_so_in_an_inherited_title():
    # The closure inherits Munich, which the text names only as "Münchens": its title read
    # "Schließung in Munich", the English name, for want of a German one in the gazetteer.
    munich = Place("geo:test/munich", "Munich", "city", 48.1, 11.6, "DE", population=1_500_000)
    text = "Im Norden Münchens brannte am Montag eine Halle.\n\nDie Schule blieb am Dienstag geschlossen."
    start = text.index("Münchens")
    events = _events(text, places=[PlaceMention(start, start + 8, "Münchens", munich, genitive=True)])
    inherited = [e for e in events if e.place_inherited]
    assert inherited and all(e.title.endswith("in München") for e in inherited), [e.title for e in events]


@pytest.mark.parametrize("lang, title, lede, second, where", [
    ("en", "Ghana and Kenya sign seven agreements",
     "President Mahama and his host, President Kenyatta, have supervised the signing of seven key agreements between the two nations.",
     "Two of the agreements were signed at the State House in Nairobi.", "Nairobi"),
    ("en", "Ghana and Kenya sign seven agreements",
     "President Mahama and his host, President Kenyatta, have supervised the signing of seven key agreements between the two nations.",
     "Two of the agreements were drafted at a meeting in Addis Ababa.", "Ghana"),   # a town in neither country
    ("de", "Ghana und Kenia unterzeichnen sieben Abkommen",
     "Die Präsidenten Mahama und Kenyatta haben die Unterzeichnung von sieben Abkommen zwischen beiden Ländern überwacht.",
     "Zwei der Abkommen wurden im State House in Nairobi unterzeichnet.", "Nairobi"),
])
def test_a_title_country_gives_way_to_the_openings_town_inside_it(lang, title, lede, second, where):
    """A title that names countries names the parties ("Ghana and Kenya sign …"); where the lede
    names no place, the opening's first town in one of them is where it happened."""
    import datetime as dt
    from geo.pipeline import Resources, process_document

    # A dated page: on an undated one, a happening placed only by a borrowed country is not kept.
    doc = Document(id="x.txt", path="x.txt", text=f"{lede}\n\n{second}", language=lang, title=title,
                   published=dt.date(2014, 12, 3), reference=dt.date(2014, 12, 3), reference_basis="published")
    lede_events = [e for e in process_document(doc, resources=Resources.load()) if e.headline]
    assert lede_events and all(e.place is not None and e.place.name == where for e in lede_events)


JUNE_12 = dt.date(2024, 6, 12)


@pytest.mark.parametrize("lang, text, when, interval, start", [
    # the page appeared on or after the latest day it states: its news, only its year known, too
    ("de", "In Isla Test brannte eine Lagerhalle, wie die Polizei am Mittwoch mitteilte. "
           "Die Halle war am 12. Juni 2024 eröffnet worden.", "am 12. Juni 2024", (JUNE_12, JUNE_12, "day"), JUNE_12),
    ("en", "A warehouse burned in Isla Test, police said on Wednesday. "
           "The hall was opened on 12 June 2024.", "on 12 June 2024", (JUNE_12, JUNE_12, "day"), JUNE_12),
    # a year ends on 31 December: no bound of the page's day
    ("de", "In Isla Test brannte eine Lagerhalle, wie die Polizei am Mittwoch mitteilte. "
           "Die Halle war 2024 eröffnet worden.", "2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year"),
     dt.date(2024, 1, 1)),
])
def test_a_page_known_by_its_latest_day_dates_its_news_from_that_day(lang, text, when, interval, start):
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=interval[1], reference_basis="latest date")
    times = [_time(text, when, *interval)]
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert [(e.interval.start, e.interval.end) for e in events if e.event_type == "fire"][:1] == [(start, dt.date(2024, 12, 31))]


@pytest.mark.parametrize("lang, text, earlier, own", [
    ("de", "Nach dem Überfall am 5. Februar wurde am Montag eine Bank in Isla Test überfallen.", "am 5. Februar", "am Montag"),
    ("en", "After the robbery on February 5, a bank in Isla Test was robbed on Monday.", "on February 5", "on Monday"),
])
def test_the_date_of_the_happening_a_sentence_comes_after_does_not_date_it(lang, text, earlier, own):
    """"Nach dem Überfall am 5. Februar …": the first date is the earlier happening's; the
    sentence's own is the other one, though both are days."""
    times = [_time(text, earlier, dt.date(2025, 2, 5), dt.date(2025, 2, 5), "day"),
             _time(text, own, dt.date(2025, 3, 10), dt.date(2025, 3, 10), "day")]
    events = _events(text, places=[_mention(text, "Isla Test", ISLAND)], times=times, lang=lang)
    assert [e.interval.start for e in events] == [dt.date(2025, 3, 10)]


def test_a_day_after_the_words_of_a_happening_is_its_own_when_the_other_date_is_earlier():
    """"After the court on Monday ruled that the 2020 vote …": Monday cannot be a happening
    before the sentence's own time, 2020; it is the ruling's day."""
    text = "After the court on Monday ruled that the 2020 vote in Isla Test was valid, protests ended."
    times = [_time(text, "on Monday", dt.date(2025, 3, 10), dt.date(2025, 3, 10), "day"),
             _time(text, "2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31), "year")]
    events = _events(text, places=[_mention(text, "Isla Test", ISLAND)], times=times, lang="en")
    assert events and events[0].interval.start == dt.date(2025, 3, 10)


@pytest.mark.parametrize("lang, second, day", [
    ("de", "Danach protestierten in Isla Test Hunderte.", True),  # the paragraph's day goes on
    ("de", "Am vergangenen Sonntag protestierten in Isla Test Hunderte.", False),  # a day of its own
    ("en", "Then hundreds protested in Isla Test.", True),
    ("en", "Last Sunday hundreds protested in Isla Test.", False),
])
def test_a_sentence_with_a_day_of_its_own_does_not_take_its_paragraphs_day(lang, second, day):
    """Against a page known only by its latest date the sentence's weekday names no day, but it
    is not the day its paragraph named before."""
    first = {"de": "Am 3. Mai 2024 brannte in Isla Test eine Scheune.", "en": "On 3 May 2024 a barn burned in Isla Test."}[lang]
    lede = {"de": "In Isla Test ist die Lage angespannt.", "en": "Tension is high in Isla Test."}[lang]
    text = f"{lede}\n\n{first} {second}"
    may_3 = dt.date(2024, 5, 3)
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, reference=may_3, reference_basis="latest date")
    times = [_time(text, first.split(" brannte")[0].split(" a barn")[0], may_3, may_3, "day")]
    places = [_mention(text, "Isla Test", ISLAND, nth=n) for n in range(3)]
    events = extract_events(doc, segment(text), times=times, places=places, actors=[], sources=[])
    protest = next(e for e in events if e.event_type == "protest")
    assert (protest.interval.end == may_3) is day


@pytest.mark.parametrize("text, expected", [
    ("Floods killed three people on Monday, Xinhua reported.", None),  # the agency, not Xinhua in China
    ("Floods killed three people in Guangxi on Monday, Xinhua reported.", "Guangxi Zhuangzu Zizhiqu"),
])
def test_a_news_agencys_name_is_no_town_of_that_name(text, expected):
    import datetime as dt
    from geo.pipeline import Resources, process_document

    doc = Document(id="x.txt", path="x.txt", text=text, language="en", reference=dt.date(2021, 3, 2),
                   reference_basis="metadata")
    (flood,) = [e for e in process_document(doc, resources=Resources.load()) if e.event_type == "flood"]
    assert (flood.place and flood.place.name) == expected


@pytest.mark.parametrize("lang, text, until, own", [
    # the end of a state that lasts is no day of the happening: the page's day is
    ("de", "Nach einem Erdrutsch ist die Straße in Isla Test bis Ende März gesperrt.", "bis Ende März", False),
    ("de", "Nach einem Erdrutsch war die Straße in Isla Test bis Ende März gesperrt.", "bis Ende März", True),  # told as past
    ("en", "Workers in Isla Test are on strike until Friday.", "until Friday", False),
    ("en", "Workers in Isla Test were on strike until Friday.", "until Friday", True),
    ("de", "Die Arbeiter in Isla Test streiken bis Freitag.", "bis Freitag", False),
    ("de", "Der Streik der Arbeiter in Isla Test dauerte bis Freitag.", "bis Freitag", True),
])
def test_the_end_of_a_lasting_state_does_not_date_its_happening(lang, text, until, own):
    day = dt.date(2025, 3, 14) if "Friday" in until else dt.date(2025, 3, 21)
    times = [_time(text, until.split(" ", 1)[1], day, dt.date(2025, 3, 31) if "März" in until else day,
                   "month" if "März" in until else "day")]
    published = dt.date(2025, 3, 18)
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=published, reference=published,
                   reference_basis="published")
    events = extract_events(doc, segment(text), times=times, places=[_mention(text, "Isla Test", ISLAND)], actors=[], sources=[])
    assert events and all((e.interval.start == day) is own for e in events)
    assert own or all(e.interval.start == published for e in events)


def test_a_datelines_town_before_a_later_place_in_another_country():
    """A story filed in one country whose lede names no place: a place of another country named
    below it (a summit's venue) is no reason to leave the dateline's town; without a dateline it is."""
    town = Place("geo:test/port", "Port Test", "city", 31.9, 35.9, "YY", population=1_000_000)
    venue = Place("geo:test/venue", "Venue City", "city", 33.3, 44.4, "ZZ", population=1_000_000)
    body = "The foreign minister met his counterpart on Sunday.\n\nThe summit will be held in Venue City on May 17."
    for head, expected in (("PORT TEST (Agency) — ", town), ("", venue)):
        text = head + body
        places = ([_mention(text, "PORT TEST", town)] if head else []) + [_mention(text, "Venue City", venue)]
        (ev, *_) = _events(text, places=places, lang="en")
        assert ev.event_type == "meeting" and ev.place == expected


@pytest.mark.parametrize("head, country_code, expected", [
    ("PORT TEST (Agency) — ", "ZZ", "Port Test"),   # the title's country acts; the story was filed in another
    ("", "ZZ", "Landia"),                          # no dateline: the title's country
])
def test_a_datelines_town_before_a_title_country_of_another_country(head, country_code, expected):
    town = Place("geo:test/port", "Port Test", "city", 31.9, 35.9, "YY", population=1_000_000)
    country = Place("geo:test/landia", "Landia", "country", 7.0, -66.0, country_code)
    text = head + "The two governments signed a trade agreement on Sunday."
    title = "Landia signs trade agreement"
    doc = Document(id="t.txt", path="t.txt", text=text, language="en", title=title)
    places = [_mention(text, "PORT TEST", town)] if head else []
    head_places = [PlaceMention(0, 6, "Landia", country)]
    sunday = _time(text, "Sunday", dt.date(2024, 5, 5), dt.date(2024, 5, 5), "day")
    events = extract_events(doc, segment(text), times=[sunday], places=places, actors=[], sources=[], title_places=head_places)
    assert [(e.event_type, e.place.name) for e in events] == [("agreement", expected)]


@pytest.mark.parametrize("text, title, lang", [
    ("Nordstadt/Capitol City. Dramatische Szenen gab es gestern in Isla Test, wo ein Raketenangriff ein Einkaufszentrum traf.",
     "Raketenangriff auf Einkaufszentrum", "de"),
    ("Bergen. Die Feuerwehr war am Montag in Isla Test im Einsatz, nachdem ein Gewitter Bäume umgeworfen hatte.",
     "Gewitter über Isla Test", "de"),
])
def test_a_dateline_tells_no_happening(text, title, lang):
    # A German paper's dateline ("Kiew/Brüssel.", "Bergen.") stands as a sentence of its own: neither the
    # headline's happening nor a word of it ("Bergen" is also "to rescue"). (English datelines are no
    # sentence: "KATHMANDU (AP) —".)
    dateline = text.split(". ")[0] + "."
    places = [_mention(text, "Isla Test", ISLAND), _mention(text, "Capitol City", CAPITAL)] if "Capitol" in text \
        else [_mention(text, "Isla Test", ISLAND)]
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, title=title)
    events = extract_events(doc, segment(text), times=[], places=places, actors=[], sources=[])
    assert events and not any(q.quote == dateline for e in events for q in e.evidence)


@pytest.mark.parametrize("lang, lede, second, merged", [
    # German tells in the pluperfect what came before the story's time: an earlier protest, not the lede's.
    ("de", "In Neustadt protestierten 100 Menschen gegen eine Unterkunft.",
     "Den Beschluss hatte der Kreistag ungeachtet der Proteste von 700 Menschen gefasst.", False),
    ("de", "In Neustadt protestierten 100 Menschen gegen eine Unterkunft.",
     "Den Beschluss fasste der Kreistag ungeachtet der Proteste von 700 Menschen.", True),
    # English backshifts reported speech: "said … had protested" retells the lede's protest.
    ("en", "In Neustadt 100 people protested against a shelter.",
     "Police said 100 people had protested against the shelter.", True),
    ("en", "In Neustadt 100 people protested against a shelter.",
     "Police said 100 people protested against the shelter.", True),
])
def test_a_german_happening_told_in_the_pluperfect_is_an_earlier_one(lang, lede, second, merged):
    town = Place("geo:test/neustadt", "Neustadt", "city", 50.0, 8.0, "DE", population=20_000)
    text = f"{lede}\n\n{second}"
    events = _events(text, places=[_mention(text, "Neustadt", town)], lang=lang)
    protests = [e for e in events if e.event_type == "protest"]
    assert len(protests) == (1 if merged else 2), [(e.event_type, e.evidence[0].quote, e.novel) for e in events]


@pytest.mark.parametrize("lang, title, text", [
    ("en", "Smalltown bus drivers vote to strike",
     "Bus drivers for the Farville bus company voted on Monday to go on strike at their Smalltown yard."),
    ("de", "Smalltown: Busfahrer stimmen für Streik",
     "Die Busfahrer der Farville Busgesellschaft und ihres Smalltown Betriebshofs haben am Montag für einen Streik gestimmt."),
])
def test_of_two_towns_a_sentence_names_alike_the_one_the_title_names_is_the_story_s(lang, title, text):
    """A sentence that names two towns alike, far apart, happened at the one the title (or the
    dateline) names, not at the first: the other is a firm's or a person's home."""
    far = Place("geo:test/far", "Farville", "city", 36.0, -79.0, "US", admin1="NC", population=250000)
    small = Place("geo:test/small", "Smalltown", "city", 41.9, -71.5, "US", admin1="RI", population=20000)
    monday = _time(text, "Montag" if lang == "de" else "Monday", dt.date(2021, 11, 8), dt.date(2021, 11, 8), "day")
    found = {}
    for with_title in (False, True):
        doc = Document(id="t.txt", path="t.txt", text=text, language=lang, title=title if with_title else "")
        in_title = [PlaceMention(0, 9, "Smalltown", small)] if with_title else []
        events = extract_events(doc, segment(text), times=[monday],
                                places=[_mention(text, "Farville", far), _mention(text, "Smalltown", small)],
                                actors=[], sources=[], title_places=in_title)
        found[with_title] = events[0].place.name
    assert found == {False: "Farville", True: "Smalltown"}


_GUNMEN = {"en": "On Monday gunmen attacked Capitol City.", "de": "Am Montag griffen Bewaffnete Capitol City an."}
_ARREST = {"en": "On Monday police arrested two men in Capitol City.", "de": "Am Montag nahm die Polizei in Capitol City zwei Männer fest."}


@pytest.mark.parametrize("lang, lede, second, kind, merged", [
    # An article before the subject of a verb trigger counts the victims or the suspects, not
    # happenings: "Two villages were attacked", "Ein Mann wurde festgenommen" retell the one told.
    ("en", _GUNMEN, "Two villages were attacked by the gunmen in Capitol City.", "strike", True),
    ("en", _ARREST, "A man was arrested by the officers in Capitol City.", "raid_arrest", True),
    ("de", _ARREST, "Ein Mann wurde festgenommen.", "raid_arrest", True),
    # An article before the trigger itself still opens one more of an act that recurs.
    ("en", _ARREST, "The officers made an arrest in Capitol City.", "raid_arrest", False),
    ("de", _ARREST, "Die Beamten meldeten eine Festnahme in Capitol City.", "raid_arrest", False),
])
def test_an_article_of_the_subject_does_not_make_a_verb_trigger_another(lang, lede, second, kind, merged):
    text = f"{lede[lang]}\n\n{second}"
    events = _events(text, places=[_mention(text, "Capitol City", CAPITAL)], lang=lang)
    found = [e for e in events if e.event_type == kind]
    assert len(found) == (1 if merged else 2), [(e.event_type, e.evidence[0].quote, e.novel) for e in events]


@pytest.mark.parametrize("lang, lede, second, merged", [
    # English retells its lede's happening with an indefinite article at the same place, neither dated.
    ("en", "The crash near Capitol City has alarmed the county.",
     "The driver who was thrown from his car after a crash near Capitol City has died.", True),
    # With a day of its own it may be another one; in German a second "einem Unfall" at the same place is.
    ("en", "The crash near Capitol City has alarmed the county.",
     "The driver who was thrown from his car after a crash near Capitol City on Monday has died.", False),
    ("de", "Der Unfall bei Capitol City hat den Landkreis erschüttert.",
     "Der Fahrer, der nach einem Unfall bei Capitol City aus dem Auto geschleudert wurde, ist gestorben.", False),
])
def test_an_undated_indefinite_mention_at_the_same_place_retells_the_happening_in_english(lang, lede, second, merged):
    text = f"{lede}\n\n{second}"
    places = [_mention(text, "Capitol City", CAPITAL), _mention(text, "Capitol City", CAPITAL, nth=1)]
    times = [_time(text, "on Monday", dt.date(2024, 1, 1), dt.date(2024, 1, 1), "day")] if "Monday" in text else []
    crashes = [e for e in _events(text, places=places, times=times, lang=lang) if e.event_type == "crash"]
    assert len(crashes) == (1 if merged else 2), [(e.evidence[0].quote, e.novel) for e in crashes]


@pytest.mark.parametrize("second, day", [
    # a day word of what should have happened but did not leaves the sentence its paragraph's day
    ("Eigentlich hätte jetzt schon ein Urteil gesprochen werden sollen, nachdem die Verteidigung plädiert hatte.",
     dt.date(2025, 9, 5)),
    # a day of its own that did happen dates it
    ("Jetzt hat die Verteidigung plädiert.", dt.date(2025, 9, 19)),
])
def test_a_day_of_what_should_have_happened_dates_nothing(second, day):
    text = "Der Angeklagte äußerte sich am 5. September 2025 vor dem Landgericht erstmals selbst. " + second
    times = tag_dates(text, published=dt.date(2025, 9, 19), language="de")
    (trial,) = [e for e in _events(text, times=times) if e.evidence[0].sentence.startswith(second[:12])]
    assert trial.interval.start == day


_SHOTS = {"en": "On Monday a shooting in Capitol City left one man injured.",
          "de": "Am Montag wurde bei einer Schießerei in Capitol City ein Mann verletzt."}


@pytest.mark.parametrize("lang, second, merged", [
    # An article whose noun a topic's preposition follows is that noun's: the call reports the
    # shooting told before, no further one.
    ("en", "Dispatch received a call regarding shots being fired in Capitol City.", True),
    ("de", "Die Leitstelle erhielt einen Notruf wegen Schüssen in Capitol City.", True),
    # An article before the trigger itself still opens one more.
    ("en", "Police received reports of a shooting in Capitol City.", False),
    ("de", "Die Leitstelle meldete eine Schießerei in Capitol City.", False),
])
def test_an_article_of_a_call_about_shots_is_the_calls(lang, second, merged):
    text = f"{_SHOTS[lang]}\n\n{second}"
    events = _events(text, places=[_mention(text, "Capitol City", CAPITAL)], lang=lang)
    found = [e for e in events if e.event_type == "shooting"]
    assert len(found) == (1 if merged else 2), [(e.event_type, e.evidence[0].quote, e.novel) for e in events]


_VILLAGE = Place("geo:test/village", "Schwarzdorf", "city", 47.4, 9.85, "AT", admin1="08", population=1_800)
_OTHER = Place("geo:test/other", "Weissdorf", "city", 47.3, 9.9, "AT", admin1="08", population=1_500)
_ENTRY = {
    "de": ("Viel los auf den Pisten am Wochenende.\n\nUnfall auf der Rodelbahn in Schwarzdorf\n\n"
           "Ein 40-jähriger Mann fuhr am 6.2.2022 gegen 16:30 Uhr auf der Rodelbahn in {town}. "
           "Die Frau wurde vom Rodel erfasst und auf die Bahn geschleudert.", "6.2.2022"),
    "en": ("A busy weekend on the slopes.\n\nCrash on the toboggan run in Schwarzdorf\n\n"
           "A 40-year-old man was sledging down the toboggan run in {town} on 6 February 2022. "
           "The woman was thrown onto the icy track.", "6 February 2022"),
}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("town, told", [("Schwarzdorf", True), ("Weissdorf", False)])
def test_an_entry_headings_happening_is_told_by_its_first_sentence_at_its_place(lang, town, told):
    """A short heading that names a happening and a place ("Unfall auf der Rodelbahn in
    Schwarzdorf") over an entry whose first sentence tells it only in words the lexicon lacks, on a
    date and at the heading's place of its own, gives that sentence its happening; a first sentence
    at another place does not tell the heading's."""
    text, day = _ENTRY[lang]
    text = text.format(town=town)
    places = [_mention(text, "Schwarzdorf", _VILLAGE), _mention(text, town, _VILLAGE if town == "Schwarzdorf" else _OTHER,
                                                                 nth=1 if town == "Schwarzdorf" else 0)]
    times = [_time(text, day, dt.date(2022, 2, 6), dt.date(2022, 2, 6), "day")]
    crashes = [e for e in _events(text, places=places, times=times, lang=lang) if e.event_type == "crash"]
    assert [(e.place, e.evidence[0].quote[:6]) for e in crashes] == ([(_VILLAGE, text.split("\n\n")[2][:6])] if told else [])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_entry_that_tells_its_headings_happening_itself_gets_it_from_its_own_words(lang):
    """An entry whose own sentences name the heading's happening ("Der Unfall …", "The crash …")
    tells it where it does: its first sentence, of background, is not made the happening."""
    text, day = _ENTRY[lang]
    text = text.format(town="Schwarzdorf") + (" Der Unfall wurde aufgenommen." if lang == "de" else " The crash was reported.")
    places = [_mention(text, "Schwarzdorf", _VILLAGE), _mention(text, "Schwarzdorf", _VILLAGE, nth=1)]
    times = [_time(text, day, dt.date(2022, 2, 6), dt.date(2022, 2, 6), "day")]
    crashes = [e for e in _events(text, places=places, times=times, lang=lang) if e.event_type == "crash"]
    assert crashes and not any(x.quote.startswith(("Ein 40", "A 40")) for e in crashes for x in e.evidence)


_COUNTER = {
    "de": ("Am Samstag demonstrierten 2.000 Menschen in Schwarzdorf gegen den Windpark. "
           "Zu Beginn der Kundgebung fand {what} von 20 Personen statt."),
    "en": "About 400 people rallied in Schwarzdorf on Saturday against the wind farm. Around {what} then faced off against them.",
}


@pytest.mark.parametrize("lang, what, protests", [
    ("de", "eine angemeldete Gegendemonstration", 2), ("de", "eine angemeldete Demonstration", 1),
    ("en", "300 counter-protesters", 2), ("en", "300 protesters", 1),
])
def test_a_counter_protest_is_a_protest_of_its_own(lang, what, protests):
    """A protest against another one ("eine Gegendemonstration", "counter-protesters") is its own
    happening at the same place, not the first one told again; a plain mention of the protest merges."""
    text = _COUNTER[lang].format(what=what)
    events = _events(text, places=[_mention(text, "Schwarzdorf", _VILLAGE)], lang=lang)
    assert [e.event_type for e in events].count("protest") == protests


def test_counter_mentions_merge_with_each_other_not_with_the_protest():
    text = ("Am Samstag demonstrierten 2.000 Menschen in Schwarzdorf gegen den Windpark. Eine Gegendemonstration "
            "von 20 Personen fand ebenfalls in Schwarzdorf statt. Die Demonstration zog durch Schwarzdorf. "
            "Die Gegendemonstranten verließen Schwarzdorf am Abend.")
    places = [_mention(text, "Schwarzdorf", _VILLAGE, nth=k) for k in range(4)]
    events = [e for e in _events(text, places=places) if e.event_type == "protest"]
    assert sorted(len(e.evidence) for e in events) == [2, 2]
    assert {e.counter for e in events} == {True, False}


@pytest.mark.parametrize("said, statement", [
    # An interview with the press attributes what it tells: the words of a source, no statement.
    ("The crew had left the boat before dawn, Col. Jo Smith told local media.", False),
    ("Immigration officials told reporters and local media they were on their way to question the group.", False),
    ("Harbour master Jo Smith told media persons that the crew would be questioned.", False),
    ("Harbour master Jo Smith said in an interview with local press that the crew had left the boat.", False),
    ("In a phone interview on Monday, harbour master Jo Smith said he could not recall a worse day.", False),
    # controls: the same words to a press conference, or without the press, stay the statement
    ("Harbour master Jo Smith told a press conference that the crew would be questioned.", True),
    ("Harbour master Jo Smith said that the crew would be questioned.", True),
    ("Harbour master Jo Smith told the families that the crew would be questioned.", True),
])
def test_words_told_to_the_press_are_no_statement(said, statement):
    """"The bus fell into a 1,000-meter deep ravine, Col. Orfiles Bravo told local media",
    "Immigration officials told Reuters they were on their way": an interview's words (dev: five
    extra statements, none in the gold)."""
    events = _after_happening("A boat carrying 40 migrants sank off Isla Test on Sunday.", said, "en")
    assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]


def test_a_news_outlet_the_registry_knows_is_the_press():
    """"… one of the sources told AFP": the outlet is a media actor, not a word of the press list."""
    told = "The crew had left the boat before dawn, an army spokesman told Newswire Test."
    happening = "A boat carrying 40 migrants sank off Isla Test on Sunday."
    start = len(happening) + 2 + told.index("Newswire Test")
    media = ActorMention(start, start + len("Newswire Test"), "Newswire Test", "Newswire Test", "media")
    for actors, statement in (([media], False), ([], True)):
        events = _after_happening(happening, told, "en", actors)
        assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]


@pytest.mark.parametrize("said, statement", [
    ("Der Bürgermeister erklärte am Montag in einem Interview, die Lage im Hafen sei ruhig.", False),
    ("Der Bürgermeister erklärte am Montag, die Lage im Hafen sei ruhig.", True),  # control
])
def test_was_in_einem_interview_gesagt_wird_ist_keine_erklaerung(said, statement):
    events = _after_happening("Vor Isla Test ist am Sonntag ein Boot mit 40 Migranten gesunken.", said, "de")
    assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]


@pytest.mark.parametrize("second, lang, statements", [
    # The same speaker, naming the same people, on the same day: one statement told on.
    ("Chief Jo Smith said the driver had not stopped at the barrier.", "en", 1),
    ("Chief Jo Smith said on Monday the driver had not stopped at the barrier.", "en", 1),
    ("Polizeichef Max Muster sagte am Montag, der Fahrer habe nicht angehalten.", "de", 1),
    # controls: another speaker, another party named beside him, another day
    ("Mayor Ann Lee said the driver had not stopped at the barrier.", "en", 2),
    ("Chief Jo Smith said Mayor Ann Lee had asked for a report.", "en", 2),
    ("Chief Jo Smith said on Tuesday the driver had not stopped at the barrier.", "en", 2),
    ("Bürgermeisterin Anna Lee sagte am Montag, der Fahrer habe nicht angehalten.", "de", 2),
])
def test_a_speakers_statements_of_one_day_are_one(second, lang, statements):
    """"Newsome said Smith went into a North Cave Spring Street residence …", then "When the
    homeowner began arguing with Smith …, Newsome said, a 'verbal and physical exchange'
    occurred": one speaker's account, not two statements (dev: two extra statements)."""
    first = ("Chief Jo Smith said on Monday the situation in Isla Test was calm." if lang == "en"
             else "Polizeichef Max Muster sagte am Montag, die Lage in Isla Test sei ruhig.")
    text = f"{first}\n\n{second}"
    doc = Document(id="t.txt", path="t.txt", text=text, language=lang, published=dt.date(2022, 8, 22),
                   reference=dt.date(2022, 8, 22), reference_basis="published")
    actors = [ActorMention(m.start(), m.end(), m.group(), m.group(), "person")
              for m in re.finditer("Jo Smith|Ann Lee|Max Muster|Anna Lee", text)]
    day = {"Monday": dt.date(2022, 8, 22), "Montag": dt.date(2022, 8, 22), "Tuesday": dt.date(2022, 8, 23)}
    days = [TimeMention(m.start(), m.end(), m.group(), DateInterval(day[m.group()], day[m.group()], "day", "explicit"), "happening")
            for m in re.finditer("Monday|Montag|Tuesday", text)]
    events = extract_events(doc, segment(text), times=days, places=[_mention(text, "Isla Test", ISLAND)], actors=actors, sources=[])
    said = [e for e in events if e.event_type == "statement"]
    assert len(said) == statements, [(e.event_type, e.actors, e.interval, e.evidence[0].quote) for e in events]


@pytest.mark.parametrize("quote, lang, statement", [
    # A quotation that tells the happening told before is its evidence, no statement of its own.
    ("\u201cThe gunmen attacked the post at dawn,\u201d an army spokesman said.", "en", False),
    ("\u201eDie Angreifer haben den Posten im Morgengrauen angegriffen\u201c, erklärte ein Armeesprecher am Montag.", "de", False),
    # controls: a quotation that names no happening told before, and a formal statement
    ("\u201cWe will rebuild the post within a month,\u201d an army spokesman said.", "en", True),
    ("\u201cThe gunmen attacked the post at dawn,\u201d the army said in a statement.", "en", True),
    ("\u201eWir werden den Posten wieder aufbauen\u201c, erklärte ein Armeesprecher am Montag.", "de", True),
])
def test_a_quotation_that_tells_the_happening_again_is_its_evidence(quote, lang, statement):
    """'"The occupiers are again shelling the regional centre," the governor … said on Telegram'
    after the shelling: the governor's words are the shelling's evidence (dev: three extra
    statements, none in the gold, and one German)."""
    first = ("Gunmen attacked an army post in Isla Test on Sunday." if lang == "en"
             else "Bewaffnete haben am Sonntag einen Armeeposten in Isla Test angegriffen.")
    events = _after_happening(first, quote, lang, monday="am Montag")
    assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]
    (attack,) = [e for e in events if e.event_type != "statement"]
    assert len(attack.evidence) == (1 if statement else 2)


@pytest.mark.parametrize("said, statement", [
    ("\u201eEs war großes Glück, dass niemand im Hafen war\u201c, erklärte der Bürgermeister.", False),
    ("Damit könne der Hafen nicht geschützt werden, erklärt der Bürgermeister.", False),
    ("\u201eEs war großes Glück, dass niemand im Hafen war\u201c, erklärte der Bürgermeister am Montag.", True),  # dated: news
    ("Der Bürgermeister erklärte, der Hafen bleibe geöffnet.", True),  # before its clause: an announcement
])
def test_ein_erklaerte_nach_seinem_satz_ist_ein_kommentar(said, statement):
    """A speech verb after the clause it reports comments on it, as "sagte" does: news only with a
    date of its own (`closing_comment`). '„Es war großes Glück, dass der Bus nicht umgestürzt ist“,
    erklärte Daniel Löwenhagen von der Freiwilligen Feuerwehr Treuen', 'Damit könne kein perfekter
    Grenzschutz geboten werden, erklärt Filzmaier' (dev: four extra statements, none in the gold)."""
    events = _after_happening("Vor Isla Test ist am Sonntag ein Boot mit 40 Migranten gesunken.", said, "de", monday="am Montag")
    assert any(e.event_type == "statement" for e in events) == statement, [(e.event_type, e.evidence[0].quote) for e in events]


_NORTH = Place("geo:test/north", "Nordstadt", "city", 7.2, -66.1, "LA", admin1="01")


def _mention_event(n, etype, place, lang, inherited=False):
    from geo.records import Event
    return Event(id=f"e{n}", title="", event_type=etype, interval=None, date_text="", place=place, place_inherited=inherited,
                 actors=(), cited_sources=(), documents=("t.txt",), evidence=(), confidence=0.0, language=lang)


@pytest.mark.parametrize("lang, etype", [("de", "layoffs"), ("en", "outbreak")])
def test_a_town_told_after_its_country_is_a_happening_of_its_own(lang, etype):
    """"Auf Landia rollt eine Kündigungswelle zu" … "In Nordstadt muss ein Drittel der Belegschaft gehen";
    "a cholera resurgence in Landia" … "there are two cases in Nordstadt": the whole, then a part."""
    from geo.merge import merge_repeats
    whole, part = _mention_event(1, etype, LANDIA, lang), _mention_event(2, etype, _NORTH, lang)
    assert [e.place for e in merge_repeats([whole, part])] == [LANDIA, _NORTH]
    # controls: the town told first and its country after are one happening told at two levels,
    # and a town the later mention only inherits names no part of its own
    assert [e.place for e in merge_repeats([part, whole])] == [_NORTH]
    inherited = _mention_event(3, etype, _NORTH, lang, inherited=True)
    assert len(merge_repeats([whole, inherited])) == 1


@pytest.mark.parametrize("lang, first, later, separate", [
    ("en", "A house collapsed on Isla Test on Sunday.",
     "In another incident in the north of the island, an old mud house collapsed after heavy rain.", True),
    ("en", "A house collapsed on Isla Test on Sunday.", "In a separate incident, an old mud house collapsed after heavy rain.", True),
    ("en", "A house collapsed on Isla Test on Sunday.",
     "In the north of the island, an old mud house collapsed after heavy rain.", False),  # control
    ("de", "Auf Isla Test ist am Sonntag ein Auto gegen einen Baum geprallt.",
     "In einem weiteren Fall auf der Landstraße im Norden der Insel prallte ein Lastwagen gegen eine Mauer.", True),
    ("de", "Auf Isla Test ist am Sonntag ein Auto gegen einen Baum geprallt.",
     "Auf der Landstraße im Norden der Insel prallte ein Lastwagen gegen eine Mauer.", False),  # control
])
def test_a_sentence_opening_with_another_incident_tells_a_happening_of_its_own(lang, first, later, separate):
    """"In another incident in the district, a couple … were sleeping when their house collapsed",
    "In einem weiteren Fall …": a round-up's next happening, though of the same type, day and place
    (an "another" or "weiteren" just before the trigger said so already)."""
    events = _after_happening(first, later, lang)
    assert len(events) == (2 if separate else 1), [(e.event_type, e.evidence[0].quote) for e in events]
