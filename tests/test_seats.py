"""Institution seats: a court, ministry, police force or government lends the place it sits in."""
import pytest

from geo.gazetteer import Gazetteer
from geo.seats import find_seats
from geo.where import find_places
from geo.who import ActorRegistry, find_actors


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


def seats(text, gazetteer, registry, language, *, with_places=True):
    actors = find_actors(text, registry=registry, language=language)
    places = find_places(text, gazetteer=gazetteer, language=language) if with_places else None
    found = find_seats(text, actors=actors, gazetteer=gazetteer, registry=registry, language=language, places=places)
    for m in found:
        assert m.seat and text[m.start:m.end] == m.text
    return [(m.text, m.place.name, m.place.country_code) for m in found]


@pytest.mark.parametrize("text, language, expected", [
    # the seed article's memo
    ("Ein Memo des National Intelligence Council widerspricht dem.", "de", ("National Intelligence Council", "Washington", "US")),
    ("The NIC memo found no such link.", "en", ("NIC", "Washington", "US")),
    ("Der Bundesgerichtshof hob das Urteil auf.", "de", ("Bundesgerichtshof", "Karlsruhe", "DE")),
    ("Das Bundesverfassungsgericht entschied am Dienstag.", "de", ("Bundesverfassungsgericht", "Karlsruhe", "DE")),
    ("Das Bundesinnenministerium kündigte Kontrollen an.", "de", ("Bundesinnenministerium", "Berlin", "DE")),
    ("Der Bundestag stimmte dem Gesetz zu.", "de", ("Bundestag", "Berlin", "DE")),
    ("Das Bundeskriminalamt warnte vor Betrügern.", "de", ("Bundeskriminalamt", "Wiesbaden", "DE")),
    ("The Pentagon said the strike killed six people.", "en", ("Pentagon", "Arlington", "US")),  # Arlington, Va., not Texas
    ("Downing Street declined to comment.", "en", ("Downing Street", "London", "GB")),
    ("No 10 said it would review the policy.", "en", ("No 10", "London", "GB")),
    ("The Kremlin denied the report.", "en", ("Kremlin", "Moscow", "RU")),
    ("Der Élysée äußerte sich nicht.", "de", ("Élysée", "Paris", "FR")),
    ("The Supreme Court ruled 6-3 on Friday.", "en", ("Supreme Court", "Washington", "US")),
    ("The European Central Bank raised rates.", "en", ("European Central Bank", "Frankfurt am Main", "DE")),
    ("Der Internationale Strafgerichtshof erließ Haftbefehl.", "de", ("Internationale Strafgerichtshof", "The Hague", "NL")),
])
def test_registry_institution_sits_at_its_seat(gazetteer, registry, text, language, expected):
    assert expected in seats(text, gazetteer, registry, language)


@pytest.mark.parametrize("text, language, expected", [
    ("Die kubanische Regierung steht an Maduros Seite.", "de", ("kubanische Regierung", "Havana", "CU")),
    ("Das Maduro-Regime schwieg.", "de", ("Maduro-Regime", "Caracas", "VE")),
    ("The Italian government declared an emergency.", "en", ("Italian government", "Rome", "IT")),
])
def test_a_government_sits_in_its_capital(gazetteer, registry, text, language, expected):
    assert expected in seats(text, gazetteer, registry, language)


@pytest.mark.parametrize("text, expected", [
    ("Das Landgericht Stendal verurteilte den Mann.", ("Landgericht Stendal", "Stendal", "DE")),
    ("Das Landesarbeitsgericht Hamburg gab der Klage statt.", ("Landesarbeitsgericht Hamburg", "Hamburg", "DE")),
    ("Die Staatsanwaltschaft Köln ermittelt gegen drei Männer.", ("Staatsanwaltschaft Köln", "Köln", "DE")),
    ("Die Polizei München nahm zwei Verdächtige fest.", ("Polizei München", "Munich", "DE")),
    ("Das Amtsgericht Hamburg-Altona erließ Haftbefehl.", ("Amtsgericht Hamburg-Altona", "Altona", "DE")),
    ("Ein Sprecher des Landgerichts Frankfurt sagte, der Prozess beginne im Mai.",  # genitive; not Frankfort, Ky.
     ("Landgerichts Frankfurt", "Frankfurt am Main", "DE")),
    ("Das Oberlandesgericht (OLG) Celle wies die Beschwerde ab.", ("Oberlandesgericht (OLG) Celle", "Celle", "DE")),
    ("Das Amtsgericht Zossen ordnete Untersuchungshaft an.", ("Amtsgericht Zossen", "Zossen", "DE")),  # a town
    ("Die Polizei Essen sperrte die Straße.", ("Polizei Essen", "Essen", "DE")),  # an everyday word after a head
    ("Die Kölner Staatsanwaltschaft ermittelt.", ("Kölner Staatsanwaltschaft", "Köln", "DE")),
    ("Die Münchner Polizei ermittelt.", ("Münchner Polizei", "Munich", "DE")),
    ("Die Universität zu Köln lädt ein.", ("Universität zu Köln", "Köln", "DE")),
    ("Die Ludwig-Maximilians-Universität München lädt ein.", ("Ludwig-Maximilians-Universität München", "Munich", "DE")),
    ("Im VW-Werk Zwickau ruht die Arbeit.", ("VW-Werk Zwickau", "Zwickau", "DE")),  # a company's plant
    ("Die Bundespolizei Pirna kontrollierte.", ("Bundespolizei Pirna", "Pirna", "DE")),  # the named seat beats Potsdam
    ("Der Landtag Brandenburg tagte.", ("Landtag Brandenburg", "Brandenburg", "DE")),  # the state
])
def test_german_head_noun_takes_its_seat_from_the_name_after_it(gazetteer, registry, text, expected):
    assert seats(text, gazetteer, registry, "de") == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Denver police said the suspect was arrested.", ("Denver police", "Denver", "US")),
    ("He pleaded not guilty in Manhattan federal court.", ("Manhattan federal court", "Manhattan", "US")),
    ("A federal court in Manhattan sentenced him.", ("court in Manhattan", "Manhattan", "US")),
    ("Chicago Police Department officers responded.", ("Chicago Police Department", "Chicago", "US")),
    ("The Texas Supreme Court agreed.", ("Texas Supreme Court", "Texas", "US")),
    ("Michigan State Police troopers arrived.", ("Michigan State Police", "Michigan", "US")),
    ("The University of Vienna hosted the talks.", ("University of Vienna", "Vienna", "AT")),
    ("Washington State University closed.", ("Washington State University", "Washington", "US")),  # the state
    ("Workers at the Zwickau plant walked out.", ("Zwickau plant", "Zwickau", "DE")),
    # a county's sheriff serves the county (not the town Lynn)
    ("Linn County Sheriff Brian Gardner said.", ("Linn County Sheriff", "Linn County", "US")),
    ("They were detained by the Brewster County Sheriff's Office.", ("Brewster County Sheriff's Office", "Brewster County", "US")),
    # a court bears its town's name, however small the town (not so a police force: see below)
    ("He appeared in the Kaikohe District Court on Tuesday.", ("Kaikohe District Court", "Kaikohe", "NZ")),
    ("Councillors were sworn in at the Howick Magistrate’s Court.", ("Howick Magistrate’s Court", "Howick", "ZA")),
])
def test_english_place_before_a_head_noun_is_its_seat(gazetteer, registry, text, expected):
    assert seats(text, gazetteer, registry, "en") == [expected]


@pytest.mark.parametrize("text, language", [
    ("Die Polizei nahm zwei Verdächtige fest.", "de"),  # no place named
    ("Die Polizei Zeugen suchte.", "de"),  # a noun, not a place, after the head
    ("Paris Hilton attended the gala.", "en"),  # no institution
    ("Siemens kündigte den Abbau von 500 Stellen an.", "de"),  # a company with no seat
    ("Tesla said deliveries fell.", "en"),
    ("The court said the case was closed. Some police arrived.", "en"),
    ("Columbia University and Georgetown University protested.", "en"),  # named, not seated, there
    ("Italian authorities said 240 people died.", "en"),  # any authority, not the government in Rome
    ("Reuters reported, citing the Associated Press.", "en"),  # media have no seat
    ("US forces struck a boat.", "en"),  # armed services act far from headquarters
    ("Die Bundespolizei kontrollierte einen Fernbus.", "de"),  # at a border, not at its Potsdam headquarters
    ("Sheriff Brandon Long said the road was closed.", "en"),  # English names the place before the head or after "in"
    ("Police Chief Marion Hayes spoke.", "en"),
    ("Kaikohe police said the man was arrested.", "en"),  # a small town's name before "police": too often something else
])
def test_no_seat_without_an_institution_and_its_place(gazetteer, registry, text, language):
    assert seats(text, gazetteer, registry, language) == []


def test_seat_named_in_text_takes_the_places_stage_reading(gazetteer, registry):
    text = "Police in Georgia arrested him. Tbilisi is the capital of Georgia."
    assert seats(text, gazetteer, registry, "en") == []  # the document means the country: no seat
    assert seats(text, gazetteer, registry, "en", with_places=False) == [("Police in Georgia", "Georgia", "US")]


def test_seats_work_without_the_places_stage(gazetteer, registry):
    assert seats("Das Landgericht Stendal verurteilte ihn.", gazetteer, registry, "de", with_places=False) == [
        ("Landgericht Stendal", "Stendal", "DE")]


def test_a_court_takes_a_small_towns_name_a_police_force_does_not(gazetteer, registry):
    """Without the places stage (a name it did not find, as in "sworn in at the Howick Magistrate's
    Court"), a court still bears its small town's name; a small town before "police" is too often
    something else."""
    assert seats("Councillors were sworn in at the Howick Magistrate's Court.", gazetteer, registry, "en",
                 with_places=False) == [("Howick Magistrate's Court", "Howick", "ZA")]
    assert seats("He appeared in the Kaikohe District Court.", gazetteer, registry, "en", with_places=False) == [
        ("Kaikohe District Court", "Kaikohe", "NZ")]
    assert seats("Kaikohe police said.", gazetteer, registry, "en", with_places=False) == []


def test_every_registry_seat_resolves_to_a_city(gazetteer, registry):
    from geo.seats import _resolve_seat

    seated = {name: a for name, a in registry.actors.items() if a.seat}
    assert len(seated) >= 100
    for name, actor in seated.items():
        place = _resolve_seat(actor.seat, actor.country, gazetteer)
        assert place is not None and place.type == "city", (name, actor.seat)
        if actor.country and actor.kind == "government":
            assert place.country_code == actor.country, (name, actor.seat)


def test_every_national_government_in_the_registry_has_a_seat(registry):
    governments = [a for a in registry.actors.values() if a.name.startswith("Government of")]
    assert governments and all(a.seat for a in governments)


def test_seat_mentions_default_to_not_a_seat():
    from geo.records import Place, PlaceMention

    place = Place("geonames:1", "Stendal", "city", 52.6, 11.86)
    assert PlaceMention(0, 7, "Stendal", place).seat is False


def test_empty_text_has_no_seats(gazetteer, registry):
    assert find_seats("", actors=[], gazetteer=gazetteer, registry=registry, language="de") == []


@pytest.mark.parametrize("text, language, seated", [
    ("Der Bundesrat forderte den Rücktritt des Bürgermeisters.", "de", True),
    ("Bundesrat Michael Bernard forderte den Rücktritt des Bürgermeisters.", "de", False),  # a member's title
    ("Der Bundestag stimmte zu.", "de", True),
    ("The Supreme Court Justice Amy Barrett wrote the opinion.", "en", True),  # "Justice" is no given name
    ("The Kremlin said on Friday.", "en", True),
])
def test_an_institutions_name_before_a_persons_is_a_title_not_its_seat(gazetteer, registry, text, language, seated):
    """ "Bundesrat Michael Bernard": a member of the Bundesrat, who acts wherever he is, not the
    Bundesrat in its seat."""
    assert bool(seats(text, gazetteer, registry, language)) == seated


@pytest.mark.parametrize("text, language, seated", [
    ("The Coast Guard transferred the six men to the U.S. Border Patrol.", "en", False),
    ("The Coast Guard transferred the men to the U.S. Border Patrol and Homeland Security Investigations.", "en", False),
    ("All 18 people were transferred to the Department of Homeland Security.", "en", False),
    ("The suspect was handed over to the FBI on Monday.", "en", False),
    ("The U.S. Border Patrol said the six men were detained.", "en", True),
    ("The FBI arrested the suspect on Monday.", "en", True),
    ("Die Männer wurden an das Bundeskriminalamt übergeben.", "de", False),
    ("Das Bundeskriminalamt nahm die Männer fest.", "de", True),
])
def test_an_institution_people_are_handed_over_to_is_no_seat(gazetteer, registry, text, language, seated):
    """ "transferred the six men to the U.S. Border Patrol": the agency takes them where the
    rescue or the arrest was, not at its headquarters in Washington."""
    assert bool(seats(text, gazetteer, registry, language)) == seated


@pytest.mark.parametrize("text, country, expected", [
    ("Der Bundesrat hat die Verordnung beschlossen.", "CH", "Bern"),  # Switzerland's government
    ("Der Bundesrat hat die Verordnung beschlossen.", "AT", "Vienna"),
    ("Der Bundesrat hat die Verordnung beschlossen.", "DE", "Berlin"),
    ("Der Bundesrat hat die Verordnung beschlossen.", None, "Berlin"),
    ("Die Bundesregierung beschloss das Paket.", "AT", "Vienna"),
    ("Die deutsche Bundesregierung beschloss das Paket.", "AT", "Berlin"),  # Germany's, named so
    ("Die Bundesregierung beschloss das Paket.", "CH", "Berlin"),  # the Swiss government is the Bundesrat
    ("Das Bundeskriminalamt ermittelt.", "AT", "Vienna"),
])
def test_a_german_federal_name_in_an_austrian_or_swiss_text_is_that_countrys_institution(gazetteer, registry, text,
                                                                                          country, expected):
    """ "Der Bundesrat" in a Swiss or Austrian text sits in Bern or Vienna, not in Berlin."""
    actors = find_actors(text, registry=registry, language="de")
    places = find_places(text, gazetteer=gazetteer, language="de")
    (m,) = find_seats(text, actors=actors, gazetteer=gazetteer, registry=registry, language="de", places=places,
                      country=country)
    assert m.place.name == expected


@pytest.mark.parametrize("text, expected", [
    ("Das Obergericht hob zwei Urteile des Bezirksgerichts Zurzach auf.", ("Bezirksgerichts Zurzach", "Bad Zurzach", "CH")),
    ("Das Landesgericht Krems verurteilte den Mann.", ("Landesgericht Krems", "Krems an der Donau", "AT")),
    ("Die Bezirkshauptmannschaft Melk ordnete die Evakuierung an.", ("Bezirkshauptmannschaft Melk", "Melk", "AT")),
    ("Die Landespolizeidirektion Niederösterreich ermittelt.",  # a state's police: the state
     ("Landespolizeidirektion Niederösterreich", "Niederösterreich", "AT")),
])
def test_austrian_and_swiss_courts_and_authorities_sit_in_the_place_they_name(gazetteer, registry, text, expected):
    """ "Bezirksgericht Zurzach", "Landesgericht Krems": Swiss and Austrian court names, like "Landgericht Stendal"."""
    assert expected in seats(text, gazetteer, registry, "de")


def _listed_heads(language):
    """The head pattern as a plain alternation, the heads sorted longest first (before the trie)."""
    import re

    from geo.ref import load_yaml

    spec = load_yaml("institution_heads.yaml")[language]
    alt = "|".join(re.escape(h) for h in sorted(spec["heads"], key=len, reverse=True))
    if language == "en":
        return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    compound = "|".join(re.escape(h[0].lower() + h[1:]) for h in spec.get("compound") or ())
    return re.compile(rf"(?<![\w-])(?:[\w]+-)*(?:{alt})(?:es|s)?(?![\w-])"
                      + (rf"|(?<![\w-])[A-ZÄÖÜ]\w*(?:{compound})(?:es|s)?(?![\w-])" if compound else ""))


@pytest.mark.parametrize("language", ["de", "en"])
def test_head_pattern_finds_what_the_listed_heads_find(language):
    """The heads are scanned as a trie, compounds from the word's end: the same spans as the
    plain longest-first alternation, on heads, genitives, hyphens, compounds and near misses."""
    from geo.seats import _heads

    text = ("Die Polizei München, das Amtsgericht Celle, des Landgerichts, VW-Werk, Bundespolizei-Sprecher, "
            "Landespolizeis, Xpolizeies-Y, Polizei- und Feuerwehr, Kreis-Polizeidirektion, Staatsanwaltschaften, "
            "Ölpolizei, Werk_, 3Werk, Stadtwerke, Polizeiwerk, Feuerwehren. Denver police said; the Sheriff's Office, "
            "the police department's, Police Dept. officers, county sheriff, the Ministry of Defence, ex-police chief, "
            "Fire Department, Police Scotland, policeman, Universität zu Köln, University of Vienna.")
    listed, trie = _listed_heads(language), _heads(language).pattern
    found = [(m.span(), m.group(0)) for m in trie.finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in listed.finditer(text)]
    assert len(found) >= 8


def test_every_state_capital_resolves_to_a_city_inside_its_state(gazetteer):
    from geo.records import Place
    from geo.ref import load_yaml
    from geo.seats import state_capital

    for country, capitals in load_yaml("admin1_capitals.yaml").items():
        for admin1, name in capitals.items():
            state = Place(f"geo:test/{country}.{admin1}", "state", "admin1", 0.0, 0.0, country, admin1=admin1)
            capital = state_capital(state, gazetteer=gazetteer)
            assert capital is not None and capital.type == "city", (country, admin1, name)
            assert (capital.country_code, capital.admin1) == (country, admin1), (country, admin1, name)
    nrw = Place("geo:test/nrw", "Nordrhein-Westfalen", "admin1", 50.93, 6.95, "DE", admin1="07")
    assert state_capital(nrw, gazetteer=gazetteer).name == "Düsseldorf"


def test_geonames_first_level_capitals_resolve_inside_their_state(gazetteer):
    from geo.records import Place
    from geo.seats import _geonames_capitals, state_capital

    found = 0
    for (country, admin1), name in _geonames_capitals().items():
        state = Place(f"geo:test/{country}.{admin1}", "state", "admin1", 0.0, 0.0, country, admin1=admin1)
        capital = state_capital(state, gazetteer=gazetteer)
        if capital is not None:
            assert capital.type == "city" and (capital.country_code, capital.admin1) == (country, admin1), (country, admin1, name)
            found += 1
    assert found > 2300
    for country, admin1, name in (("AU", "08", "Perth"), ("US", "NY", "Albany"), ("CA", "08", "Toronto")):
        state = Place("geo:test/s", "state", "admin1", 0.0, 0.0, country, admin1=admin1)
        assert state_capital(state, gazetteer=gazetteer).name == name


def test_a_foreign_namesake_before_police_is_no_seat_in_a_text_placed_elsewhere(gazetteer, registry):
    """ "the Jamestown Police" in a story from Accra: the places stage reads no Jamestown, New York,
    there, and neither does the seat; in a story from New York State it is that town's force."""
    accra = ("Police arrested four persons at a protest in Accra, Ghana. Officers from the Jamestown Police "
             "asked them to stop burning tyres in Accra.")
    assert not [s for s in seats(accra, gazetteer, registry, "en") if s[0].startswith("Jamestown")]
    ny = ("Police arrested four persons at a protest in Buffalo, New York. Officers from the Jamestown Police "
          "asked them to stop burning tyres in Buffalo.")
    assert [s for s in seats(ny, gazetteer, registry, "en") if s[0].startswith("Jamestown")] == [
        ("Jamestown Police", "Jamestown", "US")]


@pytest.mark.parametrize("text, expected", [
    # a story from Peru: its Congress sits in Lima
    ("Protesters marched in Lima and Arequipa. Outside the Congress, a lawmaker was punched.",
     [("Congress", "Lima", "PE")]),
    # a story from India: its Supreme Court sits in New Delhi
    ("Farmers in Lucknow and Kanpur protested. The Supreme Court ruled on Monday.",
     [("Supreme Court", "New Delhi", "IN")]),
    # the text names the institution's own country: Washington's Congress
    ("Protesters marched in Lima and Arequipa. In the United States, Congress voted on aid.",
     [("Congress", "Washington", "US")]),
    # one foreign place only: no story from there
    ("Congress voted on aid to Lima.", [("Congress", "Washington", "US")]),
])
def test_a_generic_institution_name_is_the_texts_countrys(gazetteer, registry, text, expected):
    assert seats(text, gazetteer, registry, "en") == expected


@pytest.mark.parametrize("text, seated", [
    # A police district or area serves a region named for a river or a coast: no seat in a town of
    # that name (Richmond, NSW, lies 600 km from the Richmond Police District).
    ("Officers attached to Richmond Police District have commenced an investigation.", False),
    ("Officers from the Tweed Police Area Command attended.", False),
    # The force of a town keeps its seat.
    ("Richmond Police Department officers responded.", True),
    ("Richmond police said the man was arrested.", True),
])
def test_a_police_district_is_an_area_not_a_seat(gazetteer, registry, text, seated):
    found = seats(text, gazetteer, registry, "en")
    assert bool(found) == seated, found
