"""What happened: one-sentence reports of many topics, and happenings that did not happen.

Each plain report must give exactly its event, at its place, on its day; each threat, plan,
conditional, question or negation must give no happening of that type (minimal pairs).
"""
import datetime as dt

import pytest

from geo.pipeline import Resources, process_document
from geo.records import Document
from geo.segment import segment
from geo.what import find_triggers, languages, lexicon

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def resources():
    return Resources.load()


def _events(text, language, resources, published=PUBLISHED):
    doc = Document(id="t.md", path="t.md", text=text, language=language, published=published)
    return process_document(doc, resources=resources)


# (language, sentence, event type, place name, day)
PLAIN_REPORTS = [
    ("de", "Die Hafenarbeiter in Hamburg legten am Montag die Arbeit nieder.", "labour_strike", "Hamburg", "2025-03-10"),
    ("de", "Die Polizei in München durchsuchte am Dienstag mehrere Wohnungen.", "raid_arrest", "Munich", "2025-03-11"),
    ("de", "Ein Hochwasser überschwemmte am Mittwoch weite Teile von Valencia.", "flood", "Valencia", "2025-03-12"),
    ("de", "In Rotterdam brach am Donnerstag ein Großbrand in einer Lagerhalle aus.", "fire", "Rotterdam", "2025-03-13"),
    ("de", "Tausende demonstrierten am Samstag in Wien gegen die Regierung.", "protest", "Vienna", "2025-03-08"),
    ("de", "Die Außenminister trafen sich am Freitag in Lissabon.", "meeting", "Lisbon", "2025-03-14"),
    ("en", "Dock workers in Hamburg walked off the job on Monday.", "labour_strike", "Hamburg", "2025-03-10"),
    ("en", "Police in Munich searched several flats on Tuesday.", "raid_arrest", "Munich", "2025-03-11"),
    ("en", "Floods swept through Valencia on Wednesday.", "flood", "Valencia", "2025-03-12"),
    ("en", "A fire destroyed a warehouse in Rotterdam on Thursday.", "fire", "Rotterdam", "2025-03-13"),
    ("en", "Thousands demonstrated in Vienna on Saturday against the government.", "protest", "Vienna", "2025-03-08"),
    ("en", "The foreign ministers met in Lisbon on Friday.", "meeting", "Lisbon", "2025-03-14"),
    ("en", "The mayor won in Lisbon on Friday.", "election", "Lisbon", "2025-03-14"),  # "won" is no currency
    ("de", "In Hamburg zog sich der Bürgermeister am Montag aus dem Amt zurück.", "resignation", "Hamburg", "2025-03-10"),
    ("de", "In Hamburg hat der Bürgermeister am Montag das Amt an seinen Nachfolger übergeben.", "appointment", "Hamburg", "2025-03-10"),
    ("de", "In Hamburg wurden am Montag zwei Männer positiv getestet.", "outbreak", "Hamburg", "2025-03-10"),
    ("en", "Two men tested positive in Lisbon on Friday.", "outbreak", "Lisbon", "2025-03-14"),
    ("de", "In Hamburg hatten sich am Montag nach einem Aufruf 300 Menschen versammelt.", "protest", "Hamburg", "2025-03-10"),
    ("en", "Hundreds gathered in Lisbon on Friday chanting slogans against the government.", "protest", "Lisbon", "2025-03-14"),
    ("de", "Die Polizei führte am Montag in Hamburg eine Verkehrskontrolle durch.", "raid_arrest", "Hamburg", "2025-03-10"),
    ("de", "Der Großeinsatz der Luftwaffe in Hamburg ging am Montag weiter.", "deployment", "Hamburg", "2025-03-10"),
    ("en", "A case was filed on Friday with the police in Lisbon.", "investigation", "Lisbon", "2025-03-14"),
    ("en", "A man hit his neighbour with a beer bottle in Lisbon on Friday.", "crime", "Lisbon", "2025-03-14"),
    ("en", "The Socialists won the by-election in Lisbon on Friday.", "election", "Lisbon", "2025-03-14"),
    ("en", "Two schools in Lisbon went on lockdown on Friday.", "closure", "Lisbon", "2025-03-14"),
    ("en", "A man assaulted a police officer in Lisbon on Friday.", "crime", "Lisbon", "2025-03-14"),  # no military assault
    ("de", "In Hamburg gab es am Montag heftige Regenfälle.", "storm", "Hamburg", "2025-03-10"),  # no outbreak "Fälle"
    ("en", "Protesters threw missiles at police in Lisbon on Friday.", "protest", "Lisbon", "2025-03-14"),
    ("en", "A car struck a pedestrian in Lisbon on Friday.", "crash", "Lisbon", "2025-03-14"),  # no attack
    ("en", "An earthquake struck Lisbon on Friday.", "earthquake", "Lisbon", "2025-03-14"),
    ("de", "Die Gegner sammelten am Montag in Hamburg 424 Unterschriften.", "protest", "Hamburg", "2025-03-10"),
    ("de", "Die Stadtverwaltung ließ am Montag in Hamburg verlauten, sie sei enttäuscht.", "statement", "Hamburg", "2025-03-10"),
    ("de", "Die Stadtverwaltung schrieb am Montag in Hamburg auf Twitter, man sei enttäuscht.", "statement", "Hamburg", "2025-03-10"),
]


@pytest.mark.parametrize("language,text,etype,place,day", PLAIN_REPORTS)
def test_a_plain_report_yields_exactly_its_event(language, text, etype, place, day, resources):
    events = _events(text, language, resources)
    assert [(e.event_type, e.place.name if e.place else None, str(e.interval.start) if e.interval else None)
            for e in events] == [(etype, place, day)]


# (language, sentence, the type it must NOT yield as a happening)
NOT_HAPPENED = [
    ("en", "During the visit, ten agreements are slated to be signed in Thimphu.", "agreement"),
    ("en", "The minister is scheduled to meet the king in Thimphu on Sunday.", "meeting"),
    ("en", "Police were unable to arrest him.", "raid_arrest"),
    ("en", "The man who died was a close contact of the first case.", "closure"),  # "close" the adjective
    ("en", "The RAF scrambled Typhoon jets over the North Sea on Monday.", "storm"),  # the fighter jet
    ("en", "Tom Weber, a senator of the state, was in Spokane on Monday.", "statement"),  # the noun "state"
    ("en", "A man died of a heart attack in Spokane on Monday.", "strike"),  # no attack
    ("en", "Footage showed the burnt-out shells of vehicles in Spokane on Monday.", "strike"),  # no artillery
    ("en", "Early reports said 70 passengers were injured in Spokane on Monday.", "document_release"),  # an attribution
    ("en", "According to a KREM report, the plant in Spokane closed on Monday.", "document_release"),
    ("de", "Medienberichten zufolge ist die Lage in Bremen am Montag ruhig.", "document_release"),
    ("de", "Tornado-Jets der Luftwaffe flogen am Montag über Rügen.", "storm"),
    ("de", "Trump drohte mit Angriffen auf Caracas.", "strike"),
    ("de", "Die Gewerkschaft plant einen Streik im Hafen von Hamburg.", "labour_strike"),
    ("de", "Ein Angriff auf Kiew könnte schon am Montag erfolgen.", "strike"),
    ("de", "Für eine Rückkehr nach Syrien müssten einfache Dinge getan werden.", "visit"),
    ("de", "Wenn der Damm bricht, würde Passau überflutet.", "flood"),
    ("de", "Bei dem Feuer in Rotterdam wurde niemand verletzt, eine Festnahme gab es nicht.", "raid_arrest"),
    ("de", "Es gab am Montag keinen Angriff auf Charkiw.", "strike"),
    ("de", "Gab es am Montag einen Angriff auf Charkiw?", "strike"),
    ("en", "Trump threatened strikes on Caracas.", "strike"),
    ("en", "The union plans to strike at the port of Hamburg next week.", "labour_strike"),
    ("en", "Russia could attack Kyiv again on Monday.", "strike"),
    ("en", "If the dam breaks, Passau would be flooded.", "flood"),
    ("en", "No arrests were made after the fire in Rotterdam.", "raid_arrest"),
    ("en", "There was no attack on Kharkiv on Monday.", "strike"),
    ("en", "Was there an attack on Kharkiv on Monday?", "strike"),
    # A happening after "vor"/"before" and an article is the time the sentence is set against.
    ("de", "Das Landgericht Landau steht vor einem schwierigen Urteil.", "verdict"),
    ("de", "In Selzthal herrscht Hochspannung vor einer Sondersitzung des Gemeinderats.", "meeting"),
    ("en", "Ahead of the by-polls, the administration in Barkheda made elaborate preparations.", "election"),
]


@pytest.mark.parametrize("language,text,etype", NOT_HAPPENED)
def test_threats_plans_conditionals_questions_and_negations_are_not_happenings(language, text, etype, resources):
    assert etype not in [e.event_type for e in _events(text, language, resources)]


@pytest.mark.parametrize("language,text", [
    ("de", "Trump drohte am Montag in Washington mit Angriffen auf Caracas."),
    ("en", "Trump threatened on Monday in Washington to strike Caracas."),
])
def test_a_threat_that_is_news_is_a_statement_of_its_speaker_dated_when_made(language, text, resources):
    events = _events(text, language, resources)
    assert [e.event_type for e in events] == ["statement"]
    assert events[0].interval.start == dt.date(2025, 3, 10)
    assert "Caracas" not in (events[0].place.name if events[0].place else "")


@pytest.mark.parametrize("language,text,etype", [
    ("de", "Die Hochwasserlage in Passau bleibt angespannt.", "flood"),  # compound modifier
    ("de", "Der Warnstreik legte den Flughafen Köln lahm.", "labour_strike"),  # compound head
    ("de", "Ein Großbrand zerstörte eine Halle.", "fire"),
    ("de", "Wegen des Sturms fiel der Unterricht aus.", "storm"),  # separable verb beside a stronger noun
    ("de", "Der Unterricht fiel am Montag aus.", "closure"),  # separable "fiel … aus" → ausfallen
    ("de", "Die Feuerwehr hat drei Menschen gerettet.", "rescue"),  # participle the lemmatiser lacks
    ("en", "Nurses walked off the job at three hospitals.", "labour_strike"),  # phrasal verb
    ("en", "A gunman opened fire in a mall.", "shooting"),  # a phrase beats its word "fire"
    ("en", "The bridge gave way under a truck.", "collapse"),
    ("de", "Binnen Minuten stiegen Eurofighter auf und nahmen Kurs auf die Maschine.", "deployment"),  # particle before "und"
    ("en", "Two fighter jets were scrambled on Saturday.", "deployment"),
    ("de", "Ein Lkw ist auf der A9 umgekippt.", "crash"),
    ("de", "Eine Frau wurde von einem Zug erfasst.", "crash"),
    ("de", "Ein Wohnhaus ist abgebrannt.", "fire"),
    ("de", "Der Bürgermeister wurde abgewählt.", "vote"),
    ("en", "Dozens fell ill after the wedding.", "outbreak"),
    ("en", "Hail damaged crops across the county.", "storm"),
    ("de", "Ein 35-Jähriger hat am Montag in Graz einen Mann niedergestochen.", "killing"),
    ("de", "Ein Kind ist am Sonntag im Rhein ertrunken.", "other"),
    ("en", "A boy drowned in the river on Sunday.", "other"),
    ("en", "Rescuers recovered two survivors from the rubble.", "rescue"),
    ("en", "Two fighter jets were scrambled to intercept Russian bombers.", "overflight"),
    ("en", "A soldier was killed in an encounter between security forces and militants.", "armed_clash"),
    ("en", "The war between the army and the paramilitary RSF has killed thousands.", "armed_clash"),
    ("de", "Die Delegation traf am Montag in Kiew ein.", "visit"),   # eintreffen, not treffen
    ("de", "Die Beamten haben die Ermittlungen zur Brandursache aufgenommen.", "investigation"),  # a cause is no fire
    ("de", "Eine Arztpraxis in Herborn steht unter Quarantäne.", "outbreak"),
    ("en", "Fifteen health workers are under quarantine.", "outbreak"),
    ("de", "Momentan sind rund 150 Asylbewerber dort untergebracht.", "migration"),
    ("de", "In der Nacht stürzten zahlreiche Bäume um.", "storm"),
    ("en", "Funnel clouds were also sighted in Indiana.", "storm"),
    ("en", "Heavy rainfall hit the coast overnight.", "storm"),
    # Heavy rain is weather, the water it leaves a flood's: "Starkregen" and "torrential" beside a storm are the storm's.
    ("de", "Heftige Gewitter und Starkregen hielten die Einsatzkräfte in Atem.", "storm"),
    ("en", "Thunderstorms and torrential rain kept crews busy overnight.", "storm"),
    ("de", "Nach dem Starkregen liefen zahlreiche Keller voll.", "flood"),
    ("en", "After torrential rain, floodwaters submerged the town.", "flood"),
    ("en", "In January, the firm was bought by a German rival.", "economy"),
    ("en", "The police held dialogues with village officials.", "meeting"),
    ("de", "In den Ansprachen verwiesen beide auf die guten Beziehungen.", "statement"),
    ("de", "Der Präsident hielt eine Rede vor dem Parlament.", "statement"),
    ("de", "Vor der Diskothek kam es zu einer Schlägerei.", "crime"),
    ("en", "Police nabbed the suspect in a motel.", "raid_arrest"),
    ("en", "A cyclist was hurt in a hit-and-run.", "crash"),
    ("en", "The minister admitted mistakes had been made.", "statement"),
    ("de", "Die jährliche Übung begann am Montag.", "military_exercise"),
    ("de", "Vor dem Rathaus demonstrierten am Montag 200 Menschen.", "protest"),  # "vor" a place, no time
    ("de", "Das Landgericht verkündete vor einer Woche das Urteil.", "verdict"),  # one of a yearly series took place
    ("en", "Parliament passed a new law under pressure from the unions.", "vote"),
    ("de", "Gehagelt hat es auch im Raum Stainz.", "storm"),
    ("de", "Die Polizei setzte Wasserwerfer ein.", "riot"),
    ("en", "Villagers pelted stones at the police.", "riot"),
    ("en", "Police fired tear gas at the crowd.", "riot"),  # no fire
    ("en", "Police used water cannon to disperse the crowd.", "riot"),
    ("en", "Angry residents blocked the highway.", "protest"),
    # A court acts on a crime: the charge, trial or verdict is what the sentence reports.
    ("en", "A man was charged with murder.", "charge"),
    ("en", "A man was murdered.", "killing"),
    ("en", "A court sentenced the man to ten years in prison for robbery.", "verdict"),
    ("en", "The man robbed a shop.", "crime"),
    ("de", "Der Prozess um die Tötung eines Mannes hat begonnen.", "trial"),
    ("de", "Das Landgericht verurteilte ihn wegen Körperverletzung zu drei Jahren Haft.", "verdict"),
    ("de", "Er beging eine Körperverletzung.", "crime"),
    ("en", "Police accused him of theft.", "charge"),
    ("de", "Er erwürgte das Opfer in dessen Wohnung.", "killing"),
    ("de", "Er hat das Opfer in dessen Wohnung erwürgt.", "killing"),  # a participle the lemmatiser does not know
    ("en", "He strangled the woman in her flat.", "killing"),
    ("en", "More than 1,000 troops landed on the beach in a joint military exercise.", "military_exercise"),
    ("en", "More than 1,000 troops landed on the beach.", "deployment"),
    ("de", "Die Bundeswehr übt die Verlegung von Soldaten in einem Manöver.", "military_exercise"),
    ("en", "Two farmers were killed by lightning in the village.", "storm"),
    ("de", "Ein Blitzschlag setzte eine Scheune in Brand.", "storm"),
    # The charge as the source of what is told ("so die Anklage", "according to the indictment").
    ("de", "Sie sollen ihn, so die Anklage, mit einem Messer getötet haben.", "killing"),
    ("de", "Die Staatsanwaltschaft hat Anklage wegen Totschlags erhoben.", "charge"),
    ("en", "According to the indictment, he robbed two banks.", "crime"),
    ("en", "The indictment accuses him of robbing two banks.", "charge"),
    ("en", "The accused was arrested a month later.", "raid_arrest"),  # the defendant, no charge
    ("en", "The officer in charge said the man was shot.", "shooting"),
    # A generic head after a specific first part names the happening, unless a sense of the head fits.
    ("de", "Seit Mittag sind die Feuerwehren im Unwettereinsatz.", "storm"),
    ("de", "Seit Mittag sind die Feuerwehren im Einsatz.", "other"),
    ("de", "Der Hochwassereinsatz der Bundeswehr dauerte drei Tage.", "deployment"),
    ("de", "Ein Baum war aufgrund starker Böen auf die Straße gestürzt.", "storm"),
    # Migrants saved at sea: the rescue is the happening; migrants held at the border are the migration's.
    ("de", "Dutzende Migranten sind von der Küstenwache gerettet worden.", "rescue"),
    ("de", "Dutzende Migranten sind auf der Insel angekommen.", "migration"),
    ("en", "The coast guard rescued 12 migrants from a disabled skiff.", "rescue"),
    ("en", "Twelve migrants crossed the channel in a dinghy.", "migration"),
    ("en", "About 60 migrants have been detained by the Border Patrol.", "migration"),
    ("en", "A suspect has been detained by the police.", "raid_arrest"),
    ("en", "Agents apprehended 30 migrants from two vessels that made landfall at the bay.", "migration"),
    ("en", "The hurricane made landfall near the town.", "storm"),
    # An explosion with a fire is the explosion, whichever set off the other.
    ("en", "A fire was burning itself out after an explosion injured six workers at the plant.", "explosion"),
    ("en", "A fire was burning itself out at the plant.", "fire"),
    ("de", "Nach der Explosion brannte das Haus.", "explosion"),
    # A fire in a forest or on meadows is a wildfire.
    ("de", "Waldgebiete und Wiesen brannten.", "wildfire"),
    ("de", "Das Wohnhaus brannte.", "fire"),
])
def test_triggers_match_by_lemma_compound_particle_and_phrase(language, text, etype):
    found = [t for t in find_triggers(text, segment(text), language=language) if t.factuality == "asserted"]
    best = min(found, key=lambda t: (t.priority, t.start))
    assert best.event_type == etype, [(t.event_type, t.text, t.rule) for t in found]


@pytest.mark.parametrize("language,text,etype", [
    ("en", "A man was charged with murder after a shooting in the town.", "charge"),
    ("en", "Six people were shot dead in the town, and a man was charged with murder.", "shooting"),
    ("de", "Das Gericht verurteilte den Mann wegen Totschlags.", "verdict"),
    ("de", "Er hatte seine Frau getötet, das Gericht verurteilte ihn zu zehn Jahren Haft.", "killing"),
    ("de", "Nachdem er seine Frau getötet hatte, verurteilte ihn das Gericht zu zehn Jahren Haft.", "verdict"),
    ("en", "After six people were shot dead in the town, a man was charged with murder.", "charge"),
    ("de", "Nach Saufgelage getötet: Prozess beginnt", "trial"),
    # An arrest told before the charge is the happening; a charge told first stays one.
    ("en", "Police arrested eight persons on murder charges.", "raid_arrest"),
    ("en", "The suspect was arrested and charged with murder.", "raid_arrest"),
    ("en", "The suspect was charged with murder after his arrest.", "charge"),
    ("de", "Der Mann wurde festgenommen und wegen Mordes angeklagt.", "raid_arrest"),
    ("de", "Der Mann wurde wegen Mordes angeklagt, nachdem er festgenommen worden war.", "charge"),
    # A meeting that opens the sentence is the setting of the act told after it; words said there stay the meeting's.
    ("en", "At a meeting on Monday, the council ordered the evacuation of the school.", "evacuation"),
    ("en", "The council held a meeting on Monday and ordered the evacuation of the school.", "meeting"),
    ("en", "At a meeting on Monday, the mayor said the school was safe.", "meeting"),
    ("de", "Bei dem Treffen am Montag ordnete der Rat die Evakuierung der Schule an.", "evacuation"),
    ("de", "Der Rat hielt am Montag ein Treffen ab und ordnete die Evakuierung der Schule an.", "meeting"),
])
def test_a_crime_in_a_clause_of_its_own_before_a_courts_act_is_the_happening(language, text, etype):
    from geo.events import _best_trigger

    assert _best_trigger(find_triggers(text, segment(text), language=language), text, 0, language).event_type == etype


@pytest.mark.parametrize("text,etype", [
    ("The union said 4,000 workers went on strike at the plant.", "labour_strike"),
    ("A missile strike hit an apartment block in Kharkiv.", "strike"),
])
def test_strike_means_labour_beside_workers_and_attack_beside_missiles(text, etype):
    types = {t.event_type for t in find_triggers(text, segment(text), language="en") if t.factuality == "asserted"}
    assert etype in types and ({"labour_strike", "strike"} - {etype}).isdisjoint(types)


@pytest.mark.parametrize("language,text,etype,present", [
    ("en", "Their own lightning strikes can start new fires.", "strike", False),
    ("en", "A missile strike hit the depot.", "strike", True),
    ("en", "He is in a real battle for the last seat.", "armed_clash", False),
    ("en", "A fierce battle raged for the town.", "armed_clash", True),
    ("en", "Firefighters battled a blaze at the warehouse.", "armed_clash", False),  # crews fight fires
    ("en", "Protests erupted in the capital.", "volcanic_eruption", False),
    ("en", "The volcano erupted overnight, spewing ash.", "volcanic_eruption", True),
    ("de", "Die Details sind erschütternd.", "earthquake", False),
    ("de", "Ein Beben der Stärke 6 erschütterte die Region.", "earthquake", True),
    ("de", "Die Hiobsbotschaften von Entlassung mehren sich.", "resignation", False),
    ("de", "Der Kanzler hat den Minister entlassen.", "resignation", True),
    ("de", "Das Auto, besetzt mit zwei Personen, kam von der Straße ab.", "protest", False),
    ("de", "Aktivisten besetzten das Gebäude der Universität.", "protest", True),
    ("de", "Der Wagen kollidierte frontal mit einem Lastwagen.", "crash", True),
    ("de", "Die Straße wurde 15 Zentimeter hoch mit Material verlegt.", "deployment", False),
    ("de", "Die Bundeswehr verlegt 300 Soldaten nach Litauen.", "deployment", True),
    ("de", "Die Einmalzahlung soll direkt bei den Beschäftigten ankommen.", "visit", False),
    ("de", "Die Kanzlerin kam am Abend in Paris an.", "visit", True),
    ("en", "The dinghy was brought into Dover where it was met by Border Force officers.", "meeting", False),
    ("en", "Biden met Xi in Bali.", "meeting", True),
    ("en", "Seven people were aboard the first dinghy, intercepted by Border Force.", "overflight", False),
    ("en", "Two US jets intercepted two Russian bombers.", "overflight", True),
    ("en", "The majority of those intercepted were Iranian.", "election", False),
    ("en", "The Conservatives won a majority in parliament.", "election", True),
    ("en", "The village is close to the border.", "closure", False),
    ("en", "According to the union, the company will close the plant.", "closure", True),  # "to" alone unmakes nothing
    ("de", "In Wiesbaden ist eine 53-jährige Frau erkrankt.", "outbreak", True),  # the participle the lemmatiser keeps
    ("de", "Der Schauspieler ist an Krebs erkrankt.", "outbreak", False),
    ("de", "In Passau ist der Pegel der Donau auf einen historischen Höchststand gestiegen.", "flood", True),
    ("de", "Sein Alkoholpegel lag bei zwei Promille.", "flood", False),
    ("de", "Das Gerüst stürzte um.", "storm", False),
    ("de", "Zwei Bäume stürzten um.", "storm", True),
    ("en", "He bought a car last year.", "economy", False),
    ("en", "The company was bought by a rival.", "economy", True),
    ("en", "Word spread among law enforcement.", "legal_policy", False),  # the police, no law
    ("en", "Parliament passed a law on Monday.", "legal_policy", True),
    ("en", "One of the victims hails from the village.", "storm", False),  # comes from, no hail
    ("en", "Hail flattened the crops.", "storm", True),
    ("en", "The public should adhere to hygiene measures.", "legal_policy", False),  # advice, no decision
    ("en", "The council adopted new measures.", "legal_policy", True),
    ("en", "The victim was medically examined.", "investigation", False),  # a doctor's examination
    ("en", "Detectives examined the scene.", "investigation", True),
    ("de", "Er wies den Vorwurf zurück.", "deportation", False),  # a denial
    ("de", "Die Polizei wies die Migranten an der Grenze zurück.", "deportation", True),
    ("en", "The plane made an emergency landing at the airport.", "visit", False),  # an incident, no visit
    ("en", "The president's plane landed at the airport.", "visit", True),
    ("de", "Die Regierung sucht nach Wegen aus der Krise.", "rescue", False),  # a way out, no rescue
    ("de", "Retter suchten nach Verschütteten.", "rescue", True),
    ("de", "Die Opposition erhöhte den Druck auf die Regierung.", "economy", False),  # pressure, no price
    ("de", "Die Zentralbank erhöhte die Zinsen.", "economy", True),
    ("en", "The report raised concerns about safety.", "economy", False),  # worry, no price
    ("en", "The central bank raised interest rates.", "economy", True),
    ("de", "Umgestürzte Bäume blockierten die Straße.", "protest", False),  # storm damage, no protest
    ("de", "Demonstranten blockierten die Straße.", "protest", True),
    ("de", "Der Fahrer beging Unfallflucht.", "migration", False),  # hit-and-run, no refugees
    ("de", "Tausende Menschen sind auf der Flucht.", "migration", True),
    ("de", "Der Kampf gegen die Inflation beginnt.", "armed_clash", False),  # a campaign, no fighting
    ("de", "Der Kampf um die Stadt dauerte gegen Mittag an.", "armed_clash", True),  # "gegen Mittag" unmakes nothing
    ("de", "Die Urlauber waren auf einer Reise durch Italien.", "visit", False),  # a holiday, no visit
    ("de", "Der Kanzler ist auf einer Reise durch Asien.", "visit", True),
    ("de", "Die Dienstreise des Ministers nach Bremen begann am Montag.", "visit", True),  # a compound's head is still one
    ("de", "Die Bundespolizei zieht eine erste Bilanz der neuen Grenzkontrollen.", "migration", True),  # a watch on who enters
    ("de", "Die Bundespolizei zieht eine erste Bilanz der neuen Grenzkontrollen.", "raid_arrest", False),
    ("de", "Die Polizei zieht eine erste Bilanz der neuen Verkehrskontrollen.", "raid_arrest", True),
    ("en", "Gunmen stormed the village at dawn.", "storm", False),  # a raid, no weather
    ("en", "Gunmen stormed the village at dawn.", "strike", True),
    ("en", "Police stormed the flat at dawn.", "raid_arrest", True),
    ("en", "A storm hit the coast at dawn.", "storm", True),
    ("de", "Der Fall wird vor Gericht verhandelt.", "outbreak", False),  # a court case
    ("de", "Der erste Fall von Masern wurde gemeldet.", "outbreak", True),
    ("de", "Die juristische Auseinandersetzung dauert an.", "crime", False),  # a dispute
    ("de", "Bei der Auseinandersetzung wurde er verletzt.", "crime", True),
    ("de", "Die Auseinandersetzung im Parlament dauert an.", "riot", False),
    ("de", "Es kam zu Auseinandersetzungen mit der Polizei.", "riot", True),
    ("en", "The crowd dispersed after the concert.", "riot", False),
    ("en", "Police dispersed the protesters.", "riot", True),
    ("de", "Der Präsident schüttelte Hände und schoss Selfies.", "shooting", False),  # photos, no shots
    ("de", "Der Mann schoss auf die Polizisten.", "shooting", True),
    ("de", "Die Bürger müssen in einigen Wochen erneut wählen.", "agreement", False),  # "some weeks"
    ("de", "Die Tarifparteien einigten sich am Montag.", "agreement", True),
    ("en", "Nearly all voters turned up to exercise their franchise.", "military_exercise", False),  # they voted
    ("en", "The army held an exercise near the town.", "military_exercise", True),
    ("en", "There is a tornado watch in effect for our area until 4 p.m.", "storm", False),  # an alert
    ("en", "A tornado touched down near the town.", "storm", True),
    ("en", "A flood warning was issued for the river.", "flood", False),
    ("en", "The flood cut off the town.", "flood", True),
    ("de", "Ihm gelang mit der Beute die Flucht.", "migration", False),  # a thief's escape
    ("de", "Tausende Menschen sind auf der Flucht.", "migration", True),
    ("de", "Es gilt weiter erhöhte Alarmbereitschaft.", "economy", False),  # an alert level, no price
    ("en", "Eight children were sent home after being declared stable.", "legal_policy", False),  # a doctor's word
    ("en", "The governor declared a curfew on Monday.", "legal_policy", True),
    ("en", "The wind looks to die down this morning.", "other", False),  # it calms, nobody dies
    ("en", "Two hikers died on the mountain this morning.", "other", True),
    ("en", "He crossed the center line and struck a westbound pickup truck.", "labour_strike", False),
    ("en", "He crossed the center line and struck a westbound pickup truck.", "crash", True),
    ("en", "Bus drivers went on strike after the union rejected the pay offer.", "crash", False),
    ("en", "Bus drivers went on strike after the union rejected the pay offer.", "labour_strike", True),
    ("en", "He crossed the center line and struck a westbound pickup.", "migration", False),
    ("en", "Forty migrants crossed the Channel in a dinghy.", "migration", True),
    ("en", "Exercises will be conducted with the co-operation of local authorities.", "military_exercise", True),
    ("en", "Samples of the milk were collected for laboratory analysis.", "investigation", True),
    ("de", "Das Gesundheitsamt sucht nach der Ursache.", "rescue", False),
    ("de", "Das Gesundheitsamt sucht nach der Ursache.", "investigation", True),
    ("de", "Den Beschluss hatte der Kreistag vor einigen Tagen gefasst.", "legal_policy", True),
    ("en", "Residents waited for the President to sign off on the plan.", "agreement", False),
    ("en", "China signed 24 agreements with the three nations.", "agreement", True),
    ("en", "Officials conducted a thorough assessment of the damages.", "intelligence_assessment", False),
    ("en", "A DHS assessment says the gang uses violence.", "intelligence_assessment", True),
    ("en", "Ambulances later arrived at the scene.", "visit", False),
    ("en", "Ambulances later arrived at the scene.", "migration", False),
    ("en", "Prime Minister Modi arrived in Paro.", "visit", True),
    ("de", "Sie drangen in ein Wohnhaus in Hohenau ein.", "overflight", False),
    ("de", "Sie drangen in ein Wohnhaus in Hohenau ein.", "crime", True),
    ("de", "Zwei Drohnen drangen in den polnischen Luftraum ein.", "crime", False),
    ("de", "Zwei Drohnen drangen in den polnischen Luftraum ein.", "overflight", True),
    ("de", "Weil es einen Stromausfall gegeben hat, heulten die Sirenen nicht.", "closure", False),
    ("de", "In Köpenick gab es am Montag einen Stromausfall.", "other", True),  # a power cut
    ("de", "In ihrer Bewertung des Falls liegen Staatsanwalt und Verteidiger auseinander.", "intelligence_assessment", False),
    ("de", "Die Bewertung des Geheimdienstes liegt vor.", "intelligence_assessment", True),
    ("de", "Die Analyse des Labors ergab keinen Befund.", "intelligence_assessment", False),
    ("de", "Drei Familien konnten in ihre Häuser zurückkehren.", "visit", False),
    ("de", "Drei Familien konnten in ihre Häuser zurückkehren.", "evacuation", True),
    ("de", "Der Präsident kehrte am Montag nach Berlin zurück.", "evacuation", False),
    ("de", "Der Präsident kehrte am Montag nach Berlin zurück.", "visit", True),
    ("de", "Den Beschluss hatte der Kreistag vor einigen Tagen gefasst.", "raid_arrest", False),
    ("de", "Den Beschluss hatte der Kreistag vor einigen Tagen gefasst.", "agreement", False),
    ("de", "Der Täter wurde am Montag gefasst.", "raid_arrest", True),
    ("de", "Daraufhin suchte ein Insolvenzverwalter nach neuen Investoren.", "rescue", False),
    ("de", "Taucher suchten nach den Vermissten.", "rescue", True),
    ("de", "Ein Hubschrauber sucht nach einem 12-Jährigen.", "rescue", True),
    ("de", "Er sei nach einem Sturz so gut wie außer Gefecht.", "armed_clash", False),
    ("de", "Bei den Kämpfen zwischen Armee und Rebellen starben 20 Menschen.", "armed_clash", True),
    ("de", "Anwohner sollten Fenster und Türen geschlossen halten.", "closure", False),
    ("de", "Dem Dank schloss sich der Kommandant, Korpskommandant Aldo Meier, uneingeschränkt an.", "closure", False),  # joins
    ("de", "Die Firma schloss das Werk in Kiel.", "closure", True),
    ("de", "Die Leiche wurde in den Trümmern des Hauses entdeckt.", "killing", False),
    ("de", "Die Tarifverhandlungen wurden am Montag fortgesetzt.", "trial", False),  # wage talks, no court
    ("de", "Die Tarifverhandlungen wurden am Montag fortgesetzt.", "meeting", True),
    ("de", "Die Verhandlung vor dem Landgericht wurde am Montag fortgesetzt.", "trial", True),
    ("de", "Gewerkschaft und Arbeitgeber verhandeln seit Montag.", "trial", False),
    ("de", "Die Arbeitgeber boten in den Verhandlungen eine Einmalzahlung an.", "trial", False),
    ("de", "Die Arbeitgeber boten in den Verhandlungen eine Einmalzahlung an.", "meeting", True),
    ("de", "Das Landgericht verhandelt den Fall seit Montag.", "trial", True),
    ("en", "Masked protesters flooded the MTR station.", "flood", False),  # a crowd, no water
    ("en", "While officers were dealing with the vandals, the crowd walked on.", "agreement", False),  # handling
    ("en", "The union reached a deal with the company on Monday.", "agreement", True),
    ("en", "The swollen river flooded the town.", "flood", True),
    ("en", "That deputy was treated at the hospital and released.", "document_release", False),  # a person released
    ("en", "Police released a grainy image of the suspect.", "document_release", True),
    ("en", "He came out with a shotgun, firing at the officers.", "fire", False),  # guns fire
    ("en", "He came out with a shotgun, firing at the officers.", "shooting", True),
    ("en", "He was fired by the company last year.", "shooting", False),  # dismissed
    ("en", "The Sheridan Fire Department assisted at the scene.", "fire", False),  # an institution
    ("en", "The fire destroyed a barn near the town.", "fire", True),
    ("en", "Firefighters were monitoring the blaze at the plant.", "wildfire", False),  # a fire in a building
    ("en", "The blaze has burned 500 acres of forest.", "wildfire", True),
    ("en", "An ex-convict was among those held.", "verdict", False),  # a person with a record
    ("en", "He was convicted of fraud.", "verdict", True),
    ("de", "Bei der Ankunft vor Ort gab es keine Spur von den Tätern.", "migration", False),  # the police arrive
    ("de", "Nach der Ankunft der Migranten auf Lampedusa wurden sie versorgt.", "migration", True),
    ("de", "Er leitet die Kriminalpolizeiinspektion Nordhausen.", "visit", False),  # a police office
    ("de", "Der Fahrer war bei der Flucht vor den Einsatzkräften verletzt worden.", "migration", False),  # a suspect's escape
    ("de", "Die Beamten fanden eine Sturmmaske im Auto.", "storm", False),  # a balaclava
    ("de", "Er schnappte nach Luft.", "raid_arrest", False),
    ("de", "Die Polizei konnte den Täter hinter der Grenze schnappen.", "raid_arrest", True),
    ("de", "Der Fahrer war bei der Verfolgung verunfallt.", "crash", True),
    ("en", "Two people who fled the area without their medication were treated.", "migration", False),  # they evacuated
    ("en", "Two people who fled the area without their medication were treated.", "evacuation", True),
    ("en", "Thousands fled the fighting into the neighbouring country.", "migration", True),
    ("en", "The insurgents fled after the attack.", "evacuation", False),  # attackers flee the scene
    ("en", "The insurgents fled after the attack.", "migration", False),
    ("en", "Factory closures are displacing skilled laborers.", "evacuation", False),
    ("en", "Factory closures are displacing skilled laborers.", "migration", False),
    ("en", "Some 8,000 residents were displaced by the flood.", "evacuation", True),
    ("en", "AP writers contributed to this report.", "document_release", False),  # the article itself
    ("en", "The ministry published a report on the flood.", "document_release", True),
    ("de", "Der Kompaniechef wird in diesem Bericht nicht genannt.", "document_release", False),
    ("de", "Doch nach eingehender Beratung beginnt die Kammer das Verfahren.", "meeting", False),  # a court deliberates
    ("de", "Die Minister berieten am Montag in Brüssel.", "meeting", True),
    ("en", "The milk served to upper primary students was the cause.", "election", False),  # a school
    ("en", "Sanders won the primary with 60 percent of the vote.", "election", True),
    ("en", "The helicopter took off from Air Station Borinquen with Coast Guard forces.", "deployment", False),
    ("en", "250 young men will be forced to live at the Station Hotel.", "deployment", False),
    ("en", "The US stationed 5,000 troops in Poland.", "deployment", True),
    ("de", "Es muss festgelegt werden, wer die Verantwortung übernimmt.", "economy", False),  # a task
    ("de", "Der Konzern übernimmt den Konkurrenten für zwei Milliarden Euro.", "economy", True),
    ("de", "Im Mai übernimmt sie das Amt der Bürgermeisterin.", "appointment", True),
    ("en", "Peri, an imposing man in a green jumper, stood in the dock.", "legal_policy", False),  # impressive
    ("en", "The council imposed a curfew on Monday.", "legal_policy", True),
    ("en", "Two men were injured in a knife attack.", "strike", False),  # a crime, no military strike
    ("en", "Two men were injured in a knife attack.", "crime", True),
    ("en", "No serious injuries were reported.", "document_release", False),  # injuries told, no document
    ("en", "Quebec is reporting 1,169 new cases of COVID-19.", "document_release", False),  # the disease spreads
    ("en", "Quebec is reporting 1,169 new cases of COVID-19.", "outbreak", True),
    ("en", "Officials forwarded a detailed report on the spread of dengue to the government.", "document_release", True),
    ("en", "The shooting was on Tuesday, according to a news release from police.", "document_release", False),  # a source
    ("en", "No further details about the incident have been released.", "document_release", False),
    ("en", "Police released a statement about the incident.", "document_release", True),
    # "The report" received, seen or commented on is no release, unless a body issues it; a press
    # release is where a statement is made.
    ("en", "The Taliban has not commented on the report yet.", "document_release", False),
    ("en", "The ministry released the report on Monday.", "document_release", True),
    # A council's or a board's decision is its act; a company's is told by what it decided.
    ("en", "At a meeting in July, the board decided to shut the department down.", "legal_policy", True),
    ("en", "The company decided to close the plant.", "legal_policy", False),
    ("de", "Die Entscheidung des Gemeinderates, das Bad geschlossen zu halten, fiel im Mai.", "legal_policy", True),
    ("de", "Die Entscheidung des Unternehmens, das Werk zu schließen, fiel im Mai.", "legal_policy", False),
    # A policy named is no decision; a policy adopted is one.
    ("en", "The partnership is a pillar of New Delhi's Neighbourhood First policy.", "legal_policy", False),
    ("en", "The government adopted a new policy on refugees.", "legal_policy", True),
    ("en", "The mill has struggled for years, its president said in a release.", "document_release", False),
    ("en", "The mill has struggled for years, its president said in a release.", "statement", True),
    ("en", "The mill has struggled for years, its president said in a press release.", "document_release", False),
    ("en", "The firm released a photo of the mill.", "document_release", True),
    ("en", "Once they deal with these hurdles, many find work.", "agreement", False),  # a verb: to handle
    ("en", "The two firms signed a deal on Monday.", "agreement", True),
    ("de", "Die Inflation lag im Mai bei 4,5 Prozent.", "election", False),  # a share, no vote
    ("de", "Die SPD erreichte 35 Prozent.", "election", True),
    ("de", "Das teilte das Bundesamt für Migration mit.", "migration", False),  # a body's name
    ("de", "Die Migration über das Mittelmeer nahm zu.", "migration", True),
    # A crowd's attack is a riot, an army's a strike.
    ("de", "Aus einer Gruppe vermummter Demonstranten heraus wurden Beamte angegriffen.", "strike", False),
    ("de", "Aus einer Gruppe vermummter Demonstranten heraus wurden Beamte angegriffen.", "riot", True),
    ("de", "Aus einer Gruppe Soldaten heraus wurden Beamte angegriffen.", "strike", True),
    ("en", "Protesters attacked police officers with stones.", "strike", False),
    ("en", "Protesters attacked police officers with stones.", "riot", True),
    ("en", "Militants attacked police officers with rockets.", "strike", True),
    # Villagers and candidates accuse; the law charges.
    ("en", "Locals accused the central forces of being ineffective.", "charge", False),
    ("en", "Prosecutors accused him of stealing 4,000 dollars.", "charge", True),
    # A complaint or a lawsuit dismissed is a ruling, not people turned back at a border; demands turned down are neither.
    ("de", "Das Gericht wies die Klage der Stadt am Montag zurück.", "verdict", True),
    ("de", "Das Gericht wies die Klage der Stadt am Montag zurück.", "deportation", False),
    ("de", "Die Polizei wies an der Grenze 40 Migranten zurück.", "deportation", True),
    ("de", "Der Ministerpräsident wies die Forderungen am Montag zurück.", "deportation", False),
    ("de", "Die Statthalterin wies am Mittwoch eine Beschwerde ab.", "verdict", True),
    ("de", "Die Statthalterin wies am Mittwoch die Besucher ab.", "verdict", False),
    ("en", "The court dismissed the lawsuit on Monday.", "verdict", True),
    ("en", "The company dismissed 40 workers on Monday.", "verdict", False),
    ("en", "The judge rejected the appeal on Monday.", "verdict", True),
    ("en", "The minister rejected the demands on Monday.", "verdict", False),
    # One is released from custody or hospital too: no job lost (English "released from prison" is no document either).
    ("de", "Die Firma hat am Montag 40 Mitarbeiter entlassen.", "layoffs", True),
    ("de", "Der Mann war erst vor zwei Monaten aus der Haft entlassen worden.", "layoffs", False),
    ("de", "Die Verletzte wurde am Montag aus dem Krankenhaus entlassen.", "layoffs", False),
    ("en", "The ministry released a report on Monday.", "document_release", True),
    ("en", "The man was released from prison two months ago.", "document_release", False),
    # One meets people, not needs.
    ("en", "The ministers met in the capital on Monday.", "meeting", True),
    ("en", "Aid groups are working to meet the needs of the residents.", "meeting", False),
    # Prices soar ("schießen in die Höhe"); a gunman shoots.
    ("de", "Die Preise schossen im Dezember in die Höhe.", "shooting", False),
    ("de", "Der Täter schoss im Dezember auf die Beamten.", "shooting", True),
    # A driver's manoeuvre is no military exercise.
    ("de", "Der Fahrer versuchte durch ein Ausweichmanöver den Unfall zu verhindern.", "military_exercise", False),
    ("de", "Die Bundeswehr versuchte durch ein Manöver die Verlegung zu üben.", "military_exercise", True),
    # A police office is no visitor's inspection.
    ("de", "Die Bundespolizeiinspektion Ludwigsdorf nahm den Fahrer fest.", "visit", False),
    ("de", "Der Minister kam zur Inspektion der Truppe.", "visit", True),
    # "einigen" before a noun is a determiner ("some"), not the verb of "sich einigen".
    ("de", "Er hatte sich verabschiedet, das Gespräch war nach einigen Sätzen beendet.", "agreement", False),
    ("de", "Er hatte sich verabschiedet, die Parteien konnten sich einigen.", "agreement", True),
    # "according to" lends no "accord" to a "sign".
    ("en", "The driver failed to stop at the stop sign, according to the patrol.", "agreement", False),
    ("en", "The leaders signed the accord on Monday, according to the ministry.", "agreement", True),
    # A pandemic named as the time a story is set in is no outbreak; one that counts its sick is.
    ("de", "Sie sprachen über Wirtschaft, Bildung und die Corona-Pandemie.", "outbreak", False),
    ("de", "Die Corona-Pandemie hat in Hessen 26 Infektionen gebracht.", "outbreak", True),
    ("de", "Wegen der Folgen der Corona-Krise verließen sie ihr Land.", "outbreak", False),
    ("de", "In der Schule gibt es drei Corona-Fälle.", "outbreak", True),
    ("en", "Recruitment slowed during the pandemic.", "outbreak", False),
    ("en", "The pandemic has caused 1,200 new cases in Ontario.", "outbreak", True),
    # A suspect booked into a county jail is held after an arrest; one jailed for years is sentenced.
    ("en", "The suspect was taken into custody and booked into the Monroe County Jail.", "verdict", False),
    ("en", "The suspect was jailed for five years.", "verdict", True),
    ("de", "Der Verdächtige wurde festgenommen und in die Justizvollzugsanstalt Stadelheim gebracht.", "verdict", False),
    ("de", "Der Verdächtige wurde zu fünf Jahren Gefängnis verurteilt.", "verdict", True),
    # A head of state hosting another is a visit, as German "empfangen"; a town hosting a summit holds a meeting.
    ("en", "President Ramaphosa is hosting the president of Ghana on Tuesday.", "visit", True),
    ("en", "The town is hosting a summit of mayors on Tuesday.", "visit", False),
    ("de", "Der Bundespräsident empfing den Präsidenten von Ghana am Dienstag.", "visit", True),
    ("de", "Die Leitstelle empfing den Notruf am Dienstag.", "visit", False),
    # A guest accorded a welcome is honoured, no accord is signed.
    ("en", "Sheikh Hasina was accorded a ceremonial welcome at the palace.", "agreement", False),
    ("en", "The two countries signed an accord on trade.", "agreement", True),
    # A month's name after a day or "from" is the month, not a march ("84 Migrants" in a headline stays).
    ("en", "The minister spent a day at sea on 6 March.", "protest", False),
    ("en", "The council postponed the appointments from March.", "protest", False),
    ("en", "Thousands joined the March against racism on 6 May.", "protest", True),
    ("en", "Navy Intercepts Boat Carrying 84 Migrants From Haiti", "migration", True),
    # To save a school or one's own life is no rescue; to save people from a boat in distress is.
    ("en", "Parents who had fought to save the school met on Monday.", "rescue", False),
    ("en", "A helicopter saved 11 people whose boat was in distress.", "rescue", True),
    # "prüfen" is to check or to consider; an investigation where prosecutors or police check a suspicion.
    ("de", "Jetzt wird geprüft, ob das Haus noch sicher ist.", "investigation", False),
    ("de", "Das Unternehmen prüft die Schliessung der Standorte.", "investigation", False),
    ("de", "Die Staatsanwaltschaft prüft den Verdacht der Untreue.", "investigation", True),
    # A yes or no on a matter is a vote (Abstimmung), a choice of people an election.
    ("de", "68 Prozent der Wähler stimmten für das Projekt.", "vote", True),
    ("de", "68 Prozent der Wähler stimmten für den Kandidaten.", "vote", False),
    ("de", "Mit 11:1 Stimmen entschied der Gemeinderat.", "vote", True),
    ("de", "Meyer erreichte mit 47,9 Prozent die meisten Stimmen.", "vote", False),
    ("de", "Die Volksabstimmung ging knapp aus.", "vote", True),
    ("en", "Members voted in favour of industrial action.", "vote", True),
    ("en", "Voters went to the polls and voted for a new president.", "vote", False),
    ("en", "Scotland held an independence referendum.", "vote", True),
    ("en", "Scotland held a general election.", "vote", False),
    # Branches crash onto cars in a storm; a car crashes into a tree.
    ("de", "Äste krachten auf Autos, Bahnstrecken wurden gesperrt.", "crash", False),
    ("de", "Ein Auto krachte gegen einen Baum.", "crash", True),
    # A tsunami or a wildfire that struck is no attack; a missile that struck is one.
    ("en", "A deadly tsunami struck the island nation in 2009.", "strike", False),
    ("en", "A missile struck the depot in 2009.", "strike", True),
    # Close neighbours and close ties shut nothing; a closed plant is closed.
    ("en", "The four nations are close neighbours and important partners.", "closure", False),
    ("en", "The company will close the plant in June.", "closure", True),
    # Workers who struggle to make ends meet meet no one.
    ("en", "Workers already struggle to make ends meet.", "meeting", False),
    ("en", "The ministers meet in Brussels on Monday.", "meeting", True),
    # A press release that says something is its body's statement; a report released is a document.
    ("en", "The release said that the Army offers condolences to the family.", "document_release", False),
    ("en", "The ministry released the report on Monday.", "document_release", True),
    # A named war is a period: a contractor during World War II tells no fighting, a war of the army does.
    ("en", "The plant became a military contractor during World War II.", "armed_clash", False),
    ("en", "Military spending is at its highest since the Cold War.", "armed_clash", False),
    ("en", "The plant became a military target in the war.", "armed_clash", True),
    # "Fire and Rescue NSW", "Fire and Emergency Services" name the service; fire and smoke are a fire.
    ("en", "Fire and Rescue NSW said crews were called to the house.", "fire", False),
    ("en", "The state's Fire and Emergency Services commissioner spoke to reporters.", "fire", False),
    ("en", "Fire and smoke filled the house.", "fire", True),
    # Said and Sayed before a surname are given names; a father who said something made a statement.
    ("en", "The boy's father Said Ahmed met the minister.", "statement", False),
    ("en", "The minister met Sayed Khan in the capital.", "statement", False),
    ("en", "The boy's father said Ahmed met the minister.", "statement", True),
    # Words of local accident reports read in the sense of another type: a call for help is
    # "abgesetzt", a car crosses a road, drivers collide, a car hits a house, a driver loses control.
    ("de", "Aufgeschreckt setzten die Eigentümer umgehend den Notruf ab.", "resignation", False),
    ("de", "Das Parlament setzte den Präsidenten ab.", "resignation", True),
    ("de", "Der Wagen überquerte die Arolser Straße und prallte gegen die Hauswand.", "migration", False),
    ("de", "Tausende Migranten überquerten die Grenze nach Österreich.", "migration", True),
    ("de", "Der Mann konnte einen Zusammenstoß nicht mehr verhindern und stieß frontal in die Fahrerseite.", "armed_clash", False),
    ("de", "Bei Zusammenstößen zwischen Armee und Rebellen starben zehn Menschen.", "armed_clash", True),
    ("de", "Die Feuerwehr war nur wenige Minuten nach dem Einschlag ins Haus vor Ort.", "strike", False),
    ("de", "Nach dem Einschlag einer Rakete brannte das Haus.", "strike", True),
    ("de", "Ein 26-Jähriger habe die Kontrolle über sein Auto verloren, teilte die Polizei mit.", "raid_arrest", False),
    ("de", "Die Polizei führte am Montag eine Kontrolle durch.", "raid_arrest", True),
    ("de", "Viele Firmen haben die Auftragsrückgänge zunächst abgefangen.", "overflight", False),
    ("de", "Eurofighter fingen das Flugzeug über der Ostsee ab.", "overflight", True),
    ("de", "Dazu mussten sie eine ärztliche Bescheinigung vorlegen.", "agreement", False),  # no "Einigung"
    ("de", "Die Parteien erzielten eine Einigung.", "agreement", True),
    # Migration as a theme is no happening; the ambulance that takes the injured to hospital is no rescue.
    ("de", "Dabei ging es um Herausforderungen wie die Migration und den Klimaschutz.", "migration", False),
    ("de", "Die illegale Migration über die Grenze nahm am Montag stark zu.", "migration", True),
    ("de", "Die Lenkerin wurde durch die Rettung mit Verletzungen ins LKH Villach verbracht.", "rescue", False),
    ("de", "Die Rettung der Verschütteten dauerte die ganze Nacht.", "rescue", True),
    ("de", "Rettungskräfte brachten die Männer in Krankenhäuser.", "rescue", False),
    ("de", "Rettungskräfte zogen zwei Männer aus den Trümmern.", "rescue", True),
    # A price, a rate or capital is raised; slogans, issues and a water level are raised by anyone.
    ("en", "Holding placards and raising slogans, the protestors marched through the village.", "economy", False),
    ("en", "But many of the issues raised were ignored by the chairman.", "economy", False),
    ("en", "The works will conserve rainwater and raise the water level.", "economy", False),
    ("en", "The central bank raised interest rates on Thursday.", "economy", True),
    ("en", "The utility will raise prices by 8 per cent.", "economy", True),
    ("en", "The bank raised its growth forecast for the year.", "economy", True),
    # "the 3000 block of State Road 47" is an address; protesters block a road.
    ("en", "The crash was reported Monday in the 3000 block of State Road 47 East.", "protest", False),
    ("en", "Protesters block the road to the plant.", "protest", True),
    # A semi that struck a tractor hit it; drivers who strike stop work.
    ("en", "A semi, its driver distracted, struck the left side of the tractor.", "labour_strike", False),
    ("en", "The bus drivers will strike over pay on Monday.", "labour_strike", True),
    # "the newly elected President" is a title: the election was before the story.
    ("en", "Weah received the newly elected President of Sierra Leone.", "election", False),
    ("en", "Voters elected a new President of Sierra Leone.", "election", True),
    # Platoons and squads march in training; a march of residents is a protest.
    ("en", "Platoons will march about eight miles each day to the start point.", "protest", False),
    ("en", "Residents will march to the town hall on Saturday.", "protest", True),
    # A buildup of troops is a deployment; one of traffic is none.
    ("en", "The buildup in traffic is expected to happen earlier.", "deployment", False),
    ("en", "A buildup of troops near the border was reported.", "deployment", True),
    # Gunmen who kill or raid made an attack; gunmen who open fire, a shooting.
    ("en", "Suspected gunmen have killed four persons at the village.", "shooting", False),
    ("en", "Suspected gunmen have killed four persons at the village.", "strike", True),
    ("en", "Gunmen raided two villages on Wednesday.", "strike", True),
    ("en", "Gunmen opened fire on farmers in the village.", "shooting", True),
    # Idioms: a strategy to win hearts and minds elects nobody, a man who shuts himself into a room
    # closes nothing, a driver who fails to halt at a stop sign stops no service.
    ("en", "The insurgents' strategy is to win hearts and minds along the coast.", "election", False),
    ("en", "The party expects to win the seat along the coast.", "election", True),
    ("en", "Smith then shut himself into a rear bedroom.", "closure", False),
    ("en", "The owner then shut the factory for good.", "closure", True),
    # A tree that falls onto a line, a road or a home is the weather's work; one on a car is the crash's, one
    # who falls from a tree no storm.
    ("de", "In Hatzendorf ist ein Baum auf eine Stromleitung gestürzt.", "storm", True),
    ("de", "Eine riesige Buche war auf die Straße gekracht.", "storm", True),
    ("de", "Ein Baum war auf ein Auto gestürzt.", "storm", False),
    ("en", "A girl died after a tree fell onto her home.", "storm", True),
    ("en", "A boy was hurt when he fell from a tree.", "storm", False),
    ("en", "A tree fell onto a car on the highway.", "storm", False),
    # Tribes and clans fight as armed groups do; two men in a bar do not (German "Kämpfe" is a clash whoever fights).
    ("en", "Six people have been killed in a fight between two tribes near the town.", "armed_clash", True),
    ("en", "The two men got into a fight outside a bar.", "armed_clash", False),
    ("de", "Bei Kämpfen zwischen zwei Stämmen wurden sechs Menschen getötet.", "armed_clash", True),
    # Villagers who flee armed attackers are displaced (migration); attackers who flee the scene are not, and those
    # who flee a flood evacuate.
    ("en", "Hundreds of residents fled as rebels raided the area.", "migration", True),
    ("en", "The gunmen fled the scene after the attack.", "migration", False),
    ("en", "Residents fled the rising floodwaters.", "migration", False),
    # A host of troops' drills holds no meeting; a mayor who hosts residents does.
    ("en", "The multinational training exercise is being hosted in the capital.", "meeting", False),
    ("en", "The mayor hosted residents at the town hall.", "meeting", True),
    # Planes are grounded; work done on the ground grounds nothing.
    ("en", "The party had done the work on the ground to secure the seats.", "closure", False),
    ("en", "The airline grounded its fleet after the crash.", "closure", True),
    ("en", "The driver failed to halt at the intersection stop sign.", "closure", False),
    ("en", "The company will halt production at the plant.", "closure", True),
])
def test_a_word_of_two_senses_needs_its_sense_words(language, text, etype, present):
    """Minimal pairs: the first of each pair lacks the sense words the type needs, the second has them."""
    types = {t.event_type for t in find_triggers(text, segment(text), language=language)}
    assert (etype in types) == present


def test_a_streik_is_never_an_attack_and_streikrecht_is_no_strike():
    assert {t.event_type for t in find_triggers("Der Streik dauert an.", segment("Der Streik dauert an."), language="de")} == {"labour_strike"}
    assert not find_triggers("Das Streikrecht gilt.", segment("Das Streikrecht gilt."), language="de")
    assert not find_triggers("Die Streikrate ist gering.", segment("Die Streikrate ist gering."), language="de")  # a statistic


def test_every_rule_file_names_only_types_of_the_taxonomy():
    from geo.contract import EVENT_TYPES

    for lang in languages():
        assert set(lexicon(lang).types) <= set(EVENT_TYPES), lang


def test_the_lede_is_typed_from_the_headline_when_it_names_no_happening(resources):
    doc = Document(id="t.md", path="t.md", language="de", published=PUBLISHED, title="Hochwasser in Passau",
                   text="In Passau stand am Donnerstag die Altstadt unter Pegel 10 Meter.\n\nMehr später.")
    events = process_document(doc, resources=resources)
    assert [(e.event_type, e.headline) for e in events][:1] == [("flood", True)]


@pytest.mark.parametrize("language,text,etype,present", [
    # A vehicle that rolls over crashed; plans roll out.
    ("en", "Two people died in a rollover on the highway.", "crash", True),
    ("en", "The ute left the road and rolled several times.", "crash", True),
    ("en", "The council will roll out new road rules next year.", "crash", False),
    ("de", "Der Wagen überschlug sich mehrfach.", "crash", True),
    # A penalty imposed; the weather is fine.
    ("en", "A driver was fined $500 on Monday.", "verdict", True),
    ("en", "The weather was fine on Monday.", "verdict", False),
    ("de", "Der Fahrer wurde zu einer Geldstrafe verurteilt.", "verdict", True),
    # Insolvent: into administration, bust, pleite (a drug bust is a raid).
    ("en", "The retailer went into administration on Tuesday.", "closure", True),
    ("en", "The company went bust last year.", "closure", True),
    ("en", "She joined the administration last year.", "closure", False),
    ("en", "Police seized cocaine in a drug bust.", "raid_arrest", True),
    ("de", "Die Firma ist pleite.", "closure", True),
    # Sworn in.
    ("de", "Der neue Bürgermeister wurde am Dienstag vereidigt.", "appointment", True),
    ("en", "The new mayor was sworn in on Tuesday.", "appointment", True),
    # A head of government received is a visit; a signal received is none.
    ("de", "Der Bundespräsident empfing am Montag den Ministerpräsidenten von Lettland.", "visit", True),
    ("de", "Das Schiff empfing am Montag ein Notsignal.", "visit", False),
    # Lightning and bullets hit; ministers meet.
    ("de", "Ein Mann wurde auf dem Golfplatz vom Blitz getroffen.", "meeting", False),
    ("de", "Die Minister haben sich am Montag in Berlin getroffen.", "meeting", True),
    # A decision or a precaution is made and a closure hits hard; a person is met.
    ("de", "Der Vorstand hat am Montag eine Entscheidung getroffen.", "meeting", False),
    ("de", "Der Vorstand hat am Montag den Betriebsrat getroffen.", "meeting", True),
    ("de", "Die Stadt trifft am Montag Vorkehrungen für das Hochwasser.", "meeting", False),
    ("de", "Die Stadt trifft am Montag die Vertreter der Anwohner.", "meeting", True),
    ("de", "Die Schließung trifft die Kollegen am Montag hart.", "meeting", False),
    ("de", "Der Bürgermeister trifft die Kollegen am Montag.", "meeting", True),
])
def test_lede_words_the_lexicon_lacked(language, text, etype, present):
    """Minimal pairs for words of ledes the lexicon lacked (or misread), each beside its other sense."""
    types = {t.event_type for t in find_triggers(text, segment(text), language=language)}
    assert (etype in types) == present, types


@pytest.mark.parametrize("text,etype,present", [
    # Gunned down is shot; guns laid down fire no shot.
    ("The lawyer was gunned down outside the court on Monday.", "shooting", True),
    ("The rebels laid their guns down on Monday.", "shooting", False),
    # Suspects picked up are arrested; survivors and signals picked up are not.
    ("Three suspects were picked up on Monday.", "raid_arrest", True),
    ("The coastguard picked up a distress signal on Monday.", "raid_arrest", False),
    # A swearing-in ceremony installs someone in office.
    ("The president attended the swearing-in ceremony on Monday.", "appointment", True),
    ("The president attended the ceremony on Monday.", "appointment", False),
    # An apology is a statement.
    ("The council apologised to residents on Monday.", "statement", True),
    ("The council wrote to residents on Monday.", "statement", False),
    # A crowd gathered in front of a building makes its point there; gathered inside, it met.
    ("The employees gathered in front of the factory on Monday.", "protest", True),
    ("The employees gathered in the canteen of the factory on Monday.", "protest", False),
    # An economy that expanded or shrank is the economy's news; a town that grew is not.
    ("Malaysia's economy expanded by 2.9 per cent in the second quarter.", "economy", True),
    ("The town expanded by 2.9 per cent in the second quarter.", "economy", False),
    # A surge, a plunge or a stock is the market's beside its words, not a surge of migrants or gunpowder stocks.
    ("Oil prices surged on Monday.", "economy", True),
    ("Panama reported a surge in the number of migrants on Monday.", "economy", False),
    ("Stock markets tumbled on Monday.", "economy", True),
    ("A fire ignited gunpowder stocks at the factory.", "economy", False),
    # Deportees are the deportation's own people; passengers are anyone's.
    ("The deportees arrived at the airport in Lagos on Friday.", "deportation", True),
    ("The passengers arrived at the airport in Lagos on Friday.", "deportation", False),
    # A war bomb defused and a gas leak are the explosion family's hazard, no attack; a row defused is none.
    ("A Second World War bomb was defused in Plymouth on Friday.", "explosion", True),
    ("A Second World War bomb was defused in Plymouth on Friday.", "strike", False),
    ("The minister defused the row on Friday.", "explosion", False),
    ("A gas leak forced the evacuation of 40 homes in Leeds.", "explosion", True),
    ("A bomb exploded in a market in Kabul.", "strike", True),
    # A boat that sank is a shipwreck; one that a navy, a drone or a strike sank was attacked.
    ("A fishing boat with 12 people aboard sank off Lampedusa on Monday.", "crash", True),
    ("A fishing boat with 12 people aboard sank off Lampedusa on Monday.", "strike", False),
    ("Ukrainian sea drones sank a Russian patrol ship near Sevastopol.", "strike", True),
    ("Ukrainian sea drones sank a Russian patrol ship near Sevastopol.", "crash", False),
])
def test_english_words_for_missed_happenings(text, etype, present):
    """Minimal pairs for English news words the lexicon lacked, each beside its other sense."""
    types = {t.event_type for t in find_triggers(text, segment(text), language="en")}
    assert (etype in types) == present, types


@pytest.mark.parametrize("text,etype,present", [
    # Participles the lemmatiser lacks: inseparable prefixes take no "ge-", strong ones are the bare verb's.
    ("Die Stadt wurde am Montag beschossen.", "strike", True),
    # A boat or a ferry that sank is a shipwreck; prices that sank are none.
    ("Vor Lampedusa ist ein Flüchtlingsboot gesunken.", "crash", True),
    ("Die Fähre sank am Montag vor der Küste von Bangladesch.", "crash", True),
    ("Die Preise sanken im März.", "crash", False),
    ("Die Tochter des Unternehmers wurde entführt.", "crime", True),
    ("Der Mann wurde in seiner Wohnung umgebracht.", "killing", True),
    ("Die Leiche wurde am Nachmittag geborgen.", "rescue", True),
    ("Noch immer werden 149 Menschen vermisst.", "rescue", False),  # missing, no rescue
    # A short aside in brackets stays in its clause: the particle still finds its verb.
    ("Die Polizei nahm den Mann (23) noch am Abend fest.", "raid_arrest", True),
    ("Die Polizei nahm den Mann (23) noch am Abend mit.", "raid_arrest", False),
    ("Ende Juni traten Bürgermeister Franz Schneller (ÖVP) und vier Gemeinderäte zurück.", "resignation", True),
    # A phrase holds a rejoined separable verb; "brach" is brechen.
    ("Die Regierung rief am Montag den Katastrophenfall aus.", "legal_policy", True),
    ("Die Regierung rief am Montag die Bürger auf.", "legal_policy", False),
    ("Das Dach brach unter der Schneelast zusammen.", "collapse", True),
    ("Unbekannte brachen in der Nacht in ein Haus ein.", "crime", True),
    ("Die Umsätze brachen im Mai ein.", "crime", False),  # a slump
    ("In der Nacht brach ein Feuer aus.", "fire", True),
    ("In der Nacht brach ein Feuer aus.", "volcanic_eruption", False),
    ("Der Vulkan ist in der Nacht ausgebrochen.", "volcanic_eruption", True),
    ("Die Polizei stellte 50 Kilogramm Kokain sicher.", "raid_arrest", True),
    # Killings, deaths and crimes.
    ("Bei dem Massaker wurden 30 Menschen verletzt.", "killing", True),
    ("Am Montag kam es zu einer Bluttat in der Innenstadt.", "killing", True),
    ("Es kam zu einem Streit, der für eine Frau tödlich endete.", "killing", True),
    ("Der Streit endete friedlich.", "killing", False),
    ("Der Mann erlag seinen Verletzungen.", "other", True),
    ("Der Mann erlag der Versuchung.", "other", False),
    ("Die Täter erbeuteten Bargeld in Höhe von 2000 Euro.", "crime", True),
    ("Unbekannte entwendeten aus dem Fahrzeug ein Navigationsgerät.", "crime", True),
    ("Der Täter raubte die Tankstelle aus.", "crime", True),
    ("Der Mann bedrohte die Kassiererin mit einem Messer.", "crime", True),
    ("Der Klimawandel bedroht die Küsten.", "crime", False),
    ("Eine Frau wurde in der Bahn sexuell belästigt.", "crime", True),
    ("Die Anwohner klagen über Lärmbelästigung.", "crime", False),
    ("Er steht im Verdacht, mit Kokain gehandelt zu haben.", "crime", True),
    ("Die Regierung hat schnell gehandelt.", "crime", False),
    ("Der Täter schlug dem Opfer mit einer Flasche auf den Kopf.", "crime", True),
    ("Die Uhr schlug zwölf.", "crime", False),
    ("Der Täter wurde auf frischer Tat ertappt.", "raid_arrest", True),
    ("Der Mann wurde von der Polizei aufgegriffen.", "raid_arrest", True),
    ("Die Stadt griff das Thema auf.", "raid_arrest", False),
    ("Die Bundespolizei griff an der Grenze 30 Migranten auf.", "migration", True),
    ("Die Bundespolizei griff an der Grenze 30 Migranten auf.", "raid_arrest", False),
    # Courts.
    ("Das Gericht verhängte eine Freiheitsstrafe von drei Jahren.", "verdict", True),
    ("Die Staatsanwaltschaft plädierte auf lebenslange Haft.", "trial", True),
    ("Der Angeklagte legte zum Prozessauftakt ein Geständnis ab.", "trial", True),
    # Crashes.
    ("Bei einem Frontalcrash starb ein Mann.", "crash", True),
    ("Der Lkw rammte einen Pkw.", "crash", True),
    ("Die Arbeiter rammten Pfähle in den Boden.", "crash", False),
    ("Der Autofahrer kam in einer Kurve von der Fahrbahn ab.", "crash", True),
    ("Der Autofahrer kam in einer Kurve zum Stehen.", "crash", False),
    ("Ein Fußgänger wurde angefahren.", "crash", True),
    ("Das Schiff wird den Hafen am Montag anfahren.", "crash", False),
    # Attacks, fights, storms and quakes.
    ("Eine Rakete schlug in ein Wohnhaus ein.", "strike", True),
    ("Ein Blitz schlug in ein Wohnhaus ein.", "strike", False),
    ("Ein Blitz schlug in ein Wohnhaus ein.", "storm", True),
    ("Die Regierung schlug einen neuen Kurs ein.", "storm", False),
    ("Russische Truppen eroberten das Dorf.", "armed_clash", True),
    ("Die Mannschaft eroberte die Tabellenspitze.", "armed_clash", False),
    ("In der Nacht bebte die Erde.", "earthquake", True),
    ("Die Halle bebte vor Begeisterung.", "earthquake", False),
    # Protests, riots, elections, outbreaks, insolvencies, statements.
    ("Rund 5000 Menschen beteiligten sich an dem Protestzug.", "protest", True),
    ("Klimaaktivisten klebten sich auf der Straße fest.", "protest", True),
    ("Die Polizei löste die Versammlung auf.", "riot", True),
    ("Der Verein wurde aufgelöst.", "riot", False),
    ("Die AfD wurde stärkste Kraft.", "election", True),
    ("In der Region grassiert die Grippe.", "outbreak", True),
    ("Das Unternehmen hat ein Insolvenzverfahren beantragt.", "closure", True),
    ("Im Sommer hatte die Gesellschaft ein Schutzschirmverfahren beantragt.", "closure", True),
    ("Insolvenzverwalter Müller sagte, der Betrieb laufe weiter.", "closure", False),  # a person
    ("Das schrieb der Leiter der Militärverwaltung im Onlinedienst Telegram.", "statement", True),
    ("Das schrieb der Leiter der Militärverwaltung in seinem Buch.", "statement", False),
    # A zu-infinitive after success was done.
    ("Der Feuerwehr gelang es, die Frau zu retten.", "rescue", True),
    ("Der Feuerwehr gelang es nicht, die Frau zu retten.", "rescue", False),
    ("Die Feuerwehr versuchte, die Frau zu retten.", "rescue", False),
    # An economy grows or shrinks; a child grows up.
    ("Die Wirtschaft wuchs im zweiten Quartal um 2,9 Prozent.", "economy", True),
    ("Das Bruttoinlandsprodukt ist im Quartal geschrumpft.", "economy", True),
    ("Die Stadt wuchs im zweiten Quartal um 2,9 Prozent.", "economy", False),
    # Deportees are the deportation's own people; passengers are anyone's.
    ("Die Abgeschobenen landeten am Mittwoch in Pristina.", "deportation", True),
    ("Die Passagiere landeten am Mittwoch in Pristina.", "deportation", False),
    # A parliament's session is a meeting; a photo session is none.
    ("Am dritten Tag der Junisession des Kantonsparlaments ging es um Nachtragskredite.", "meeting", True),
    ("Am dritten Tag der Fotosession der Band ging es um neue Bilder.", "meeting", False),
    # Police reports write that suspects "went into the net"; a ball goes into the goal's net.
    ("In der Nacht gingen der Polizei zwei Einbrecher ins Netz.", "raid_arrest", True),
    ("In der Nacht ging der Ball nach einem Schuss ins Netz.", "raid_arrest", False),
    # A shelter opened for asylum seekers; a shop opened for customers.
    ("Der Bund hat am Montag eine Unterkunft für Asylbewerber eröffnet.", "migration", True),
    ("Der Bund hat am Montag eine Filiale für Kunden eröffnet.", "migration", False),
    # Bombs dropped and rockets or shots fired; leaflets dropped and profits yielded are none.
    ("Das Militär warf Bomben auf das Dorf ab.", "strike", True),
    ("Flugzeuge warfen Flugblätter über der Stadt ab.", "strike", False),
    ("Die Rakete sei vom Libanon aus abgefeuert worden.", "strike", True),
    ("Der Startschuss wurde am Morgen abgefeuert.", "strike", False),
    ("Der Täter feuerte mit einer Pistole auf den Mann ab.", "shooting", True),
    # A slope gives way; a car slips and a share price falls.
    ("In St. Arnual ist ein Hang unter einem Haus abgerutscht.", "landslide", True),
    ("Die Aktie ist an der Börse abgerutscht.", "landslide", False),
    # Jobs lost and cut, told as a noun; a match lost.
    ("Damit verlieren 114 Mitarbeiter ihren Arbeitsplatz.", "layoffs", True),
    ("Damit verlieren die Gäste ihr Spiel.", "layoffs", False),
    ("Vier Firmen haben einen Abbau von 647 Stellen bekannt gegeben.", "layoffs", True),
    ("Der Abbau von Rohsalz wird schwieriger.", "layoffs", False),
    # Proceedings opened.
    ("Gegen den Fahrer wurde ein Strafverfahren eingeleitet.", "investigation", True),
    ("Gegen den Fahrer wurde ein Strafverfahren eingestellt.", "investigation", False),
    # The police stop a car; migrants stopped are migration; a government stops a project.
    ("Der Wagen wurde von der Polizei gestoppt.", "raid_arrest", True),
    ("Die Regierung stoppte das Projekt.", "raid_arrest", False),
    ("Beamte der Bundespolizei hielten den Transporter an.", "raid_arrest", True),
    ("Die Hitze hält in der Region an.", "raid_arrest", False),
    ("Die Bundespolizei stoppte an der Grenze 30 Migranten.", "migration", True),
    ("Die Bundespolizei stoppte an der Grenze 30 Migranten.", "raid_arrest", False),
    # "dicht" closes a separable verb: "macht … dicht" is dichtmachen.
    ("Die Filiale macht Ende Juni dicht.", "closure", True),
    # Called off, sealed off and moved away; a debate's focus moves.
    ("Mehrere Operationen wurden bereits vor dem Warnstreik abgesagt.", "closure", True),
    ("Ungarn hatte die Grenze zu Kroatien abgeriegelt.", "closure", True),
    ("Die Firma verlagert ab sofort ihre Produktion nach Pforzheim.", "closure", True),
    ("Der Schwerpunkt der Debatte verlagert sich nach Berlin.", "closure", False),
    # Troops and warships back home or withdrawn; a minister back home visited, rescuers return from any call.
    ("Die Fregatte kehrte am Dienstag nach Wilhelmshaven zurück.", "deployment", True),
    ("Die Einsatzkräfte kehrten am Abend zurück.", "deployment", False),
    ("Die Armee-Helikopter wurden von dort abgezogen.", "deployment", True),
    ("Die Kosten wurden vom Gewinn abgezogen.", "deployment", False),
    # An inquiry assigned ("soll … ermittelt werden") is under way; one an office wants is a plan.
    ("Der genaue Unfallhergang soll nun ermittelt werden.", "investigation", True),
    ("Eine Kommission soll den Unfallhergang untersuchen.", "investigation", True),
    ("Das Landratsamt will die Anlagen nun untersuchen.", "investigation", False),
    ("Der Unfallhergang könnte noch untersucht werden.", "investigation", False),
    # A health office checking who is immune takes a measure; prosecutors checking a suspicion investigate.
    ("Das Gesundheitsamt überprüft deshalb mehrere Schulen.", "legal_policy", True),
    ("Am Mittwoch werden die Impfausweise aller Schüler geprüft.", "legal_policy", True),
    ("Der Verein überprüft deshalb mehrere Angebote.", "legal_policy", False),
    ("Die Staatsanwaltschaft überprüft den Vorwurf.", "investigation", True),
    ("Die Staatsanwaltschaft überprüft den Vorwurf.", "legal_policy", False),
    # An attempt named as the happening's adjective was made; one told by the verb stays an attempt.
    ("Es ging um einen versuchten Raubüberfall beim Staatstheater.", "crime", True),
    ("Die Täter versuchten, in das Haus einzubrechen.", "crime", False),
    ("Die Polizei ermittelt wegen versuchten Mordes.", "killing", True),
    # A number dialled is no vote cast, no one appointed; a town that elects is.
    ("Daraufhin wählten die Anwohner umgehend den Notruf 112.", "election", False),
    ("Daraufhin wählten die Anwohner umgehend den Notruf 112.", "appointment", False),
    ("Die Bürger wählten am Sonntag einen neuen Landtag.", "election", True),
    # A police office spelt with a hyphen is the closed compound: no inspection; a minister's is one.
    ("Wie die Polizei-Inspektion Nordsaarland mitteilte, wurde der Schaden am Freitag entdeckt.", "visit", False),
    ("Der Minister besuchte am Freitag die Inspektion der Kaserne.", "visit", True),
    # A war bomb found or defused and a gas leak are the explosion family's hazard; a row defused is none.
    ("Die Fliegerbombe wurde am Sonntag erfolgreich entschärft.", "explosion", True),
    ("Die Regierung entschärfte den Streit am Montag.", "explosion", False),
    ("Bei Bauarbeiten wurde am Mittwoch ein Blindgänger gefunden.", "explosion", True),
    ("Wegen eines Gasaustritts musste am Freitag ein Wohnhaus evakuiert werden.", "explosion", True),
    # Police reports' vandalism, drink-driving, a driver leaving the scene, Swiss "verzeigt", a lorry overturned;
    # a storm's damage, a crash's alcohol test, debris cleared from the scene and a tree toppled stay what they were.
    ("Unbekannte haben in der Nacht mehrere Autos zerkratzt.", "crime", True),
    ("Unbekannte haben die Fassade der Schule mit Graffiti beschmiert.", "crime", True),
    ("Unbekannte beschädigten in der Nacht mehrere Autos.", "crime", True),
    ("Der Sturm beschädigte in der Nacht mehrere Autos.", "crime", False),
    ("Der Fahrer entfernte sich nach dem Zusammenstoß vom Unfallort.", "crime", True),
    ("Die Feuerwehr entfernte die Trümmer von der Unfallstelle.", "crime", False),
    ("Die Polizei ermittelt wegen Unfallflucht.", "crime", True),
    ("Die Polizei ermittelt wegen Unfallflucht.", "migration", False),
    ("Die Polizei stoppte am Freitag eine Trunkenheitsfahrt.", "crime", True),
    ("Ein Alkoholtest bei dem Fahrer ergab einen Wert von 0,42 Promille.", "crime", False),
    ("Die Kantonspolizei hat den Lenker angehalten und verzeigt.", "charge", True),
    ("Ein Lastwagen ist auf der A3 umgestürzt.", "crash", True),
    ("Ein Baum ist auf die Straße umgestürzt.", "crash", False),
    # An abandoned car is no evacuation; residents who leave their homes are one.
    ("Die Beamten fanden Hinweise im verlassenen VW.", "evacuation", False),
    ("Die Bewohner mussten am Sonntag ihre Häuser verlassen.", "evacuation", True),
])
def test_german_news_words_and_forms_the_lexicon_lacked(text, etype, present):
    """Minimal pairs for German news words, participles and separable verbs the rules missed,
    each beside its other sense or a form that stays no happening (asserted triggers only)."""
    types = {t.event_type for t in find_triggers(text, segment(text), language="de") if t.factuality == "asserted"}
    assert (etype in types) == present, types


@pytest.mark.parametrize("language,title,text,second", [
    ("de", "Tornado verwüstet Bützow - GDL streikt weiter",
     "Am Dienstag hat die GDL ihren Streik begonnen. Am Abend zog das Tief über Norddeutschland und verwüstete die Kleinstadt Bützow.",
     "storm"),
    ("en", "Tornado tears through Bützow as rail strike goes on",
     "Train drivers began their strike on Tuesday. In the evening the low swept across the north and tore through the town of Bützow.",
     "storm"),
])
def test_a_lede_sentence_without_a_happening_tells_the_headlines_untold_one(language, title, text, second, resources):
    """A headline may name two happenings; the lede's sentence that names none, at a place the
    headline names, is the one the lede has not told yet (its first sentence told the strike).
    The minimal pair: the same sentence at a place the headline does not name stays the main one."""
    doc = Document(id="t.md", path="t.md", language=language, published=PUBLISHED, title=title, text=text)
    types = [e.event_type for e in process_document(doc, resources=resources) if e.headline]
    assert sorted(types) == sorted(["labour_strike", second]), types
    elsewhere = text.replace("Bützow", "Güstrow")
    doc = Document(id="t.md", path="t.md", language=language, published=PUBLISHED, title=title, text=elsewhere)
    types = [e.event_type for e in process_document(doc, resources=resources) if e.headline]
    assert types == ["labour_strike"], types


def test_live_blog_entries_take_the_date_of_their_day_heading(resources):
    text = ("Samstag, 4. Mai 2024\n\n14.05 Uhr: In Passau wurden 300 Menschen evakuiert.\n\n"
            "Sonntag, 5. Mai 2024\n\n9.30 Uhr: In Regensburg brach ein Deich.")
    doc = Document(id="t.md", path="t.md", language="de", text=text)
    events = process_document(doc, resources=resources)
    got = {e.event_type: str(e.interval.start) for e in events if e.interval}
    assert got.get("evacuation") == "2024-05-04" and got.get("flood") == "2024-05-05", got


# (language, sentence, place name where it happened) — the later names only say where the first lies,
# an institution or a genitive names who acts, and a list continues its locative.
WHERE_IT_HAPPENED = [
    ("en", "A gunman opened fire on Friday at a motel across the suburb of Mesa in Phoenix, Arizona.", "Mesa"),
    ("en", "A plane crashed in Texas on Sunday, the Dallas County Medical Examiner said, and burned at the airport in Addison.", "Addison"),
    ("en", "The earthquake hit Italy on Wednesday, with Romania Foreign Ministry reporting ten citizens dead.", "Italy"),
    ("de", "Am Montag wurden bei einem Großbrand in der Siedlung Beryslaw zwei Häuser zerstört.", "Beryslav"),
    ("de", "Russland hat am Donnerstag mehrere Drohnenangriffe auf die Region Cherson verübt.", "Khersonska oblast"),
    ("de", "Der Aufsichtsrat des Unternehmens mit Sitz in London hatte am Montag über die Schließung des Werks in Zwickau abgestimmt.", "Zwickau"),
    # an office that directs from afar sits where it is "in"; a person there is where it happened
    ("de", "Die Polizei wurde am Sonntag von der Einsatzzentrale in Passau verständigt, dass ein Zeuge in Vilshofen einen Einbruch beobachtet habe.", "Vilshofen"),
    ("de", "Die Polizei wurde am Sonntag von einem Anwohner in Passau verständigt, dass ein Zeuge in Vilshofen einen Einbruch beobachtet habe.", "Passau"),
    ("en", "The Water Board in Leeds on Friday ordered the evacuation of the town of Wetherby.", "Wetherby"),
    ("en", "A water engineer in Leeds on Friday ordered the evacuation of the town of Wetherby.", "Leeds"),
    ("en", "President Xi Jinping returned to Beijing on Sunday after a meeting with leaders in Mexico.", "Beijing"),  # the oblast, not the city
    # a traveller's destination is where the meeting is, whatever the sentence's type
    ("de", "Der Präsident Usbekistans ist am 3. Juli, um an der Sitzung des Rates der Staatsoberhäupter teilzunehmen, nach Astana abgereist.", "Astana"),
    ("en", "Six people were shot dead on Friday in rural Mississippi near the Tennessee state line.", "Mississippi"),
    ("en", "Migrants were detained on Friday in Arizona near the Mexico border.", "Arizona"),
    # "Moscow said": the government speaks; the strike it speaks of is in Ukraine, not in Moscow
    ("en", "A missile hit a Ukrainian apartment block on Tuesday. Moscow said it had targeted military sites.", "Ukraine"),
    ("de", "Eine Rakete traf am Dienstag ein ukrainisches Wohnhaus. Moskau erklärte, es habe militärische Ziele angegriffen.", "Ukraine"),
]


@pytest.mark.parametrize("language,text,place", WHERE_IT_HAPPENED)
def test_the_event_takes_the_place_of_the_happening(language, text, place, resources):
    events = _events(text, language, resources)
    assert events and events[0].place is not None and events[0].place.name == place


# (language, sentence): words that look like triggers but report no happening here
NO_HAPPENING = [
    ("en", "Production at the plant will end in March, the company said in a memo seen by reporters."),  # "March" is a month
    ("en", "Workplace accidents are common in India, where safety standards are often ignored."),  # generic
    ("de", "In Brandenburg und Berlin sind die Temperaturen in den letzten Tagen gestiegen."),  # "Brandenburg" is no fire, "Tagen" no meeting
    ("de", "Einer der Männer wollte nach Syrien ausreisen, teilte das Landratsamt in den Landkreisen mit."),  # no "Reise" in "Landkreisen"
    ("de", "Die Landkreise Bautzen und Görlitz bildeten am Montag den Schwerpunkt."),  # nor in "Landkreise"
    ("de", "Die Strompreise in Bremen stiegen am Montag."),  # nor in "Strompreise"
    ("de", "Die Polizei stellte am Montag in Bremen unerlaubte Einreisen fest."),  # nor in "Einreisen"
    ("en", '"The fire was horrendous," said a resident of Perth on Friday.'),  # a witness's words
    ("de", "Unterstützen Sie unseren journalistischen Kampf gegen Rechtspopulismus in Berlin."),  # a struggle, no fight
    ("de", "Die Argumente träfen am Montag auch auf das Werk in Kiel zu, teilte der Betriebsrat mit."),  # zutreffen, no meeting
    ("de", "Die Beamten hatten am Montag in Bremen Unterstützung von der Bundespolizei und dem Zoll."),  # customs, no tariff
    ("de", "Der Notarzthubschrauber landete am Montag in Bremen."),  # no "Raub" in "Hubschrauber"
    ("de", "Die Kosmetikvereinigung hat am Montag in Bremen ihren Sitz."),  # no "Einigung" in "Vereinigung"
    ("de", "Bei Einbruch der Dunkelheit kam am Montag in Bremen der Wintereinbruch."),  # nightfall and winter, no burglary
    ("de", "Der Kreisausschuss hat am Montag in Bremen seinen Sitz."),  # a committee, no shot
    ("de", "Was hier am Montag in Bremen passiert, sieht man selten."),  # "selten": no single happening
    ("en", "Floods rarely happen in Denver in winter."),
    ("en", "Flooding had become an annual happening in Denver."),  # habitual
    ("de", "Der Rhein tritt in Köln jährlich über die Ufer."),
    ("en", "Under Iowa law, the board in Boone can either appoint a sheriff or hold a special election."),  # a rule
    ("en", "The board in Boone must make an appointment within 40 days."),  # a duty, not yet done
    ("de", "Laut Gesetz muss die Gemeinde Bremen einen Nachfolger bestimmen."),
]


@pytest.mark.parametrize("language,text", NO_HAPPENING)
def test_words_that_only_look_like_triggers_give_no_happening(language, text, resources):
    events = _events(text, language, resources)
    assert [e.event_type for e in events if e.event_type not in ("statement", "document_release")] == []


@pytest.mark.parametrize("language,text,place", [
    ("de", "Beim Einsatz in Leverkusen sei ein Mann leicht verletzt worden.", "Leverkusen"),
    ("en", "A man was injured in Leeds.", "Leeds"),
    ("de", "Beim Einsatz sei ein Mann leicht verletzt worden.", None),  # no place, no date: no happening
])
def test_an_injury_or_death_where_it_happened_is_a_happening(language, text, place, resources):
    events = _events(text, language, resources)
    assert [(e.event_type, e.place.name if e.place else None) for e in events] == ([("other", place)] if place else [])


@pytest.mark.parametrize("heading, protest", [
    ("Tausende demonstrieren am Montag in Wien gegen die Regierung", True),  # an entry's title tells its happening
    ("Demonstration in Wien", False),  # a topic, told below it (or not)
])
def test_a_live_blog_entry_title_that_is_a_sentence_tells_a_happening(heading, protest, resources):
    events = _events(f"Liveticker\n\n{heading}\n\nDie Polizei zählte am Abend die Teilnehmer.", "de", resources)
    assert ("protest" in [e.event_type for e in events]) == protest


def test_a_court_rules_where_it_sits(resources):
    text = "Der Bundesgerichtshof hob das Urteil am Dienstag auf."
    events = _events(text, "de", resources)
    assert [(e.event_type, e.place.name if e.place else None) for e in events] == [("verdict", "Karlsruhe")]
    assert any("seat" in why for step, why in events[0].explanation if step == "place")


def test_the_statement_of_a_named_speaker_is_news_but_a_quoted_witness_is_not(resources):
    said = _events("Press secretary Kayleigh McEnany said in a statement in Washington on Thursday that aid was on its way.", "en", resources)
    assert [e.event_type for e in said] == ["statement"]
    witness = _events('"We were terrified," Alex Jovanovich told reporters in Perth on Friday.', "en", resources)
    assert witness == []
    # The tail of a quotation that opened in an earlier sentence is quoted words too.
    tail = _events('The council met in Denver on Monday. "We will fight this. That is intolerable," '
                   'Mayor Tom Weber said on Tuesday in Denver.', "en", resources)
    assert [e.event_type for e in tail] == ["meeting"]


@pytest.mark.parametrize("language, text, statement", [
    ("en", "The council said in Denver on Monday that it had been unable to pay.", True),
    ("en", "And he said in Denver on Monday that the council had been unable to pay.", False),  # the council is talked about
    ("en", '"We are unable to pay," said a council spokesman in Denver on Monday.', True),  # after the quotation
    ("de", "Die Regierung sagte am Montag in Hamburg, sie könne viel gewinnen.", True),
    ("de", "Am Montag sagte die Regierung in Hamburg, sie könne viel gewinnen.", True),  # the subject after the verb
    ("de", "Er sagte am Montag in Hamburg, die Regierung könne viel gewinnen.", False),
])
def test_a_statements_speaker_is_who_speaks_not_whom_the_words_name(language, text, statement, resources):
    assert ("statement" in [e.event_type for e in _events(text, language, resources)]) == statement


@pytest.mark.parametrize("text, statement", [
    # "Wie X mitteilte, …" attributes what the sentence tells, like "laut X"; the same body saying it is news.
    ("Wie das Unternehmen am Montag in Hamburg mitteilte, seien fehlende Aufträge der Grund.", False),
    ("Das Unternehmen teilte am Montag in Hamburg mit, fehlende Aufträge seien der Grund.", True),
    # An attributed happening is still told: the attribution does not take the sentence's news away.
    ("Wie das Gesundheitsamt am Montag in Hamburg berichtete, sind zwei Menschen gestorben.", True),
])
def test_a_speech_verb_in_an_opening_wie_clause_attributes(text, statement, resources):
    events = _events(text, "de", resources)
    assert bool(events) == statement


@pytest.mark.parametrize("language,text,word,factuality", [
    ("de", "Eine Militärmaschine ohne Transpondersignal flog über die Ostsee.", "flog", "asserted"),
    ("de", "Der Zug fuhr ohne Unfall.", "Unfall", "negated"),            # "ohne" negates its own noun
    ("en", "The troops withdrew without a fight.", "fight", "negated"),
    ("en", "Five people died and more could be trapped.", "died", "asserted"),   # the modal governs what follows
    ("en", "Five people could have died.", "died", "hypothetical"),
    ("de", "Die Beschäftigten streikten am Montag nicht.", "streikten", "negated"),  # a closing "nicht"
    ("de", "Die Polizei nahm den Mann nicht fest.", "nahm", "negated"),
    ("de", "Der Zug entgleiste nicht weit von Berlin.", "entgleiste", "asserted"),
    ("de", "Er sagte, die Partei könne die Wahl gewinnen.", "gewinnen", "hypothetical"),  # reported "könne"
    ("en", "Police have not yet been able to arrest him.", "arrest", "negated"),  # across auxiliaries
    ("en", "Embers can be shot out over 30 kilometres.", "shot", "hypothetical"),  # "can"
    ("en", "The remnants of ex-Cyclone Gita hurtled through the country.", "ex-Cyclone", "asserted"),  # a prefix
    ("en", "Police did not say why he was arrested.", "arrested", "asserted"),
    ("de", "Das Geld dient dazu, die Versorgung sicherzustellen.", "sicherzustellen", "hypothetical"),  # zu-infinitive
    ("de", "Die Polizei hat am Montag Drogen sichergestellt.", "sichergestellt", "asserted"),
    ("en", "On 3 May 2015 a landslide buried a village.", "landslide", "asserted"),  # the month, no modal
    ("en", "The village may be buried by a landslide.", "landslide", "hypothetical"),
    ("en", "Accidents are common in India, where lax rules contribute to accidents.", "accidents", "generic"),  # both
    ("de", "Vermummte hätten nach Angaben der Polizei eine Blockade errichtet.", "Blockade", "asserted"),  # indirect speech
    ("de", "Vermummte hätten beinahe eine Blockade errichtet.", "Blockade", "hypothetical"),  # irrealis
    ("de", "Eine Blockade wäre eine Katastrophe.", "Blockade", "hypothetical"),  # no participle: no report
    # "würden" with the participle that closes the clause is indirect speech's passive; with an infinitive it says what would be.
    ("de", "Die meisten würden nahe der Grenze von der Polizei angehalten.", "angehalten", "asserted"),
    ("de", "Die meisten würden nahe der Grenze von der Polizei angehalten werden.", "angehalten", "hypothetical"),
    ("de", "Die Polizei würde die meisten nahe der Grenze anhalten.", "anhalten", "hypothetical"),
    ("de", "Die meisten würden beinahe von der Polizei angehalten.", "angehalten", "hypothetical"),  # irrealis
    ("en", "The layoffs are due to take effect in May.", "layoffs", "hypothetical"),  # planned
    ("en", "The firm made layoffs on Wednesday due to a drop in orders.", "layoffs", "asserted"),  # a cause
    ("en", "The first of these meetings is set for Nov. 12.", "meetings", "hypothetical"),  # a schedule
    ("en", "The meetings were held on Nov. 12.", "meetings", "asserted"),
    ("de", "Die Versammlung findet am Freitag in Hamburg statt.", "findet", "hypothetical"),  # a schedule
    ("de", "Die Versammlung fand am Freitag in Hamburg statt.", "fand", "asserted"),
    ("de", "Mord wird grundsätzlich mit lebenslanger Haft bestraft.", "Mord", "generic"),  # a rule, no case
    ("de", "Mord wurde mit lebenslanger Haft bestraft.", "Mord", "asserted"),
    ("de", "Für den Hauptmann ist solch eine Übung Neuland.", "Übung", "generic"),  # a kind of happening
    ("de", "Für den Hauptmann ist eine solche Übung Neuland.", "Übung", "generic"),
    ("de", "Für den Hauptmann ist eine Übung Neuland.", "Übung", "asserted"),
    ("de", "Welches Unternehmen für immer schließen muss, liest du hier.", "schließen", "generic"),  # a teaser
    ("de", "Das Unternehmen muss für immer schließen.", "schließen", "asserted"),
    ("en", "In this roundup, we chronicle the closures.", "closures", "generic"),  # page furniture
    ("en", "In this town, we saw the closures.", "closures", "asserted"),
    ("de", "Ein Urteil soll nach dem bisherigen Stand Ende Januar fallen.", "Urteil", "hypothetical"),  # planned
    ("de", "In der Nacht sollen Schauer und Gewitter langsam nachlassen.", "Gewitter", "hypothetical"),  # forecast
    ("de", "Er soll seine Frau mit einem Messer erstochen haben.", "erstochen", "asserted"),  # a claim, reported
    ("de", "Der Täter soll nach dem Überfall geflüchtet sein.", "Überfall", "asserted"),
    ("de", "Mehr Lohn soll am Ende der Verhandlungen auf dem Konto sein.", "Verhandlungen", "hypothetical"),  # a goal: no participle
    # A German clause closes with its modal after the infinitive: an attempt, not a happening.
    ("de", "Als die Polizisten den Wagen kontrollieren wollten, flüchtete der Fahrer.", "kontrollieren", "hypothetical"),
    ("de", "Als die Polizisten den Wagen kontrollierten, flüchtete der Fahrer.", "kontrollierten", "asserted"),
    # A clause that closes with "soll" (a relative clause) has the claim's perfect infinitive before it.
    ("de", "Die Polizei fasste einen Mann, der eine Tankstelle überfallen haben soll.", "überfallen", "asserted"),
    ("de", "Die Gewerkschaft nannte den Tag, an dem der Streik beginnen soll.", "Streik", "hypothetical"),
    # A comma inside a number ends no clause: the plan or the expectation reaches past it.
    ("de", "Die Regierung will 1,5 Millionen Menschen evakuieren.", "evakuieren", "hypothetical"),
    ("en", "Officials expect more than 7,000 troops to be deployed.", "deployed", "hypothetical"),
    ("en", "The agency anticipates a wave of layoffs.", "layoffs", "hypothetical"),  # as "expects"
    # "Once …" / "Sobald …" with a future or modal word is a condition; with a past tense, told.
    ("en", "Once the union approves the deal, the strike will end.", "strike", "hypothetical"),
    ("en", "Once inside, the gunmen opened fire.", "opened fire", "asserted"),
    ("de", "Sobald die Winde nachlassen, werde Italien weitere Flüchtlinge nach Sizilien bringen.", "Flüchtlinge", "hypothetical"),
    ("de", "Sobald die Polizei eintraf, flüchteten die Täter nach dem Überfall.", "Überfall", "asserted"),
    # A forecast or a schedule closes its German clause with its participle.
    ("de", "Eine weitere Unwetterwelle ist für Montag vorhergesagt.", "Unwetterwelle", "hypothetical"),
    ("de", "Eine weitere Unwetterwelle hat am Montag das Tal getroffen.", "Unwetterwelle", "asserted"),
    ("de", "Für den Prozess sind sechs Verhandlungstage angesetzt.", "Prozess", "hypothetical"),
    ("de", "Der Prozess hat am Montag begonnen.", "Prozess", "asserted"),
    # A cue used as an adjective governs its own noun, not a trigger further on.
    ("de", "Der Mann wurde wegen versuchten Mordes angeklagt.", "angeklagt", "asserted"),
    ("de", "Der Mann wollte ihn wegen des Erbes anklagen.", "anklagen", "hypothetical"),
    ("de", "Eine mögliche Schließung wurde diskutiert.", "Schließung", "hypothetical"),
    ("de", "Die Polizei löste eine nicht angemeldete Demonstration auf.", "Demonstration", "asserted"),
    ("de", "Es handelte sich nicht um eine Demonstration.", "Demonstration", "negated"),
    ("en", "Opponents of the proposed wind farm staged a protest on Monday.", "protest", "asserted"),
    ("en", "Opponents proposed a protest on Monday.", "protest", "hypothetical"),
    ("en", "The planned strike was called off.", "strike", "hypothetical"),
    ("en", "The board must make an appointment within 40 days.", "appointment", "hypothetical"),  # an obligation
    ("en", "The board made an appointment within 40 days.", "appointment", "asserted"),
    ("de", "Damit befasst sich der Kreisausschuss in seiner nächsten Sitzung.", "Sitzung", "hypothetical"),  # ahead
    ("de", "Damit befasste sich der Kreisausschuss in seiner Sitzung am Montag.", "Sitzung", "asserted"),
    ("en", "The council will act until the next election.", "election", "hypothetical"),  # ahead
    ("en", "The council acted until the election.", "election", "asserted"),
    # A cue of two words: "calling for" is "call for".
    ("en", "Members are calling for a protest outside the hotel.", "protest", "hypothetical"),
    ("en", "Members are staging a protest outside the hotel.", "protest", "asserted"),
    # "mit … gerechnet" closes a German forecast like "vorhergesagt".
    ("de", "Hier wird mit weiteren Gewittern gerechnet.", "Gewittern", "hypothetical"),
    ("de", "Hier kam es zu weiteren Gewittern.", "Gewittern", "asserted"),
    ("de", "Die Vorbereitungen für die Evakuierung laufen.", "Evakuierung", "hypothetical"),  # still ahead
    ("de", "Die Evakuierung läuft.", "Evakuierung", "asserted"),
    # A schedule or a plan closes its clause ("geplant", "vorgesehen", "auf dem Programm"), a comparison does not.
    ("de", "Auch Gespräche mit der Landesregierung seien geplant.", "Gespräche", "hypothetical"),
    ("de", "Auch Gespräche mit der Landesregierung wurden geführt.", "Gespräche", "asserted"),
    ("de", "Am Donnerstag steht ein Besuch der Baustelle auf dem Programm.", "Besuch", "hypothetical"),
    ("de", "Am Donnerstag folgte ein Besuch der Baustelle.", "Besuch", "asserted"),
    ("de", "Der Prozess dauert länger als ursprünglich geplant.", "Prozess", "asserted"),
    ("de", "Der Prozess ist für Januar geplant.", "Prozess", "hypothetical"),
    # A separable cue verb whose particle closes the clause: vorbereiten, vorschlagen.
    ("de", "Die Behörden bereiteten am Abend die Evakuierung vor.", "Evakuierung", "hypothetical"),
    ("de", "Die Behörden ordneten am Abend die Evakuierung an.", "Evakuierung", "asserted"),
    ("de", "Der Minister schlug seinem Amtskollegen ein Treffen vor.", "Treffen", "hypothetical"),
    ("de", "Der Minister leitete mit seinem Amtskollegen ein Treffen.", "Treffen", "asserted"),
    # A happening that names the time of another: "zum Zeitpunkt des Unglücks", "at the time of the crash".
    ("de", "Zum Zeitpunkt des Unglücks waren viele Wanderer im Tal.", "Unglücks", "generic"),
    ("de", "Beim Unglück im Tal starben zwei Wanderer.", "Unglück", "asserted"),
    ("en", "At the time of the crash, the driver was alone.", "crash", "generic"),
    ("en", "The crash happened at noon.", "crash", "asserted"),
    ("de", "Der Fall wird laufend untersucht.", "untersucht", "generic"),  # continuously: no single happening
    ("de", "Der Fall wurde am Montag untersucht.", "untersucht", "asserted"),
    ("en", "They'd rather make the appointment next year.", "appointment", "hypothetical"),  # 'd: would
    ("en", "They made the appointment last year.", "appointment", "asserted"),
])
def test_negation_and_modal_scope(language, text, word, factuality):
    found = [t for t in find_triggers(text, segment(text), language=language) if t.text.lower() == word.lower()]
    assert found and {t.factuality for t in found} == {factuality}


@pytest.mark.parametrize("language, text, etype, place", [
    ("en", "Kenya's parliament voted on Tuesday to raise taxes.", "vote", "Nairobi"),
    ("de", "Die Regierung Kenias hat am Dienstag ein neues Steuergesetz beschlossen.", "legal_policy", "Nairobi"),
    ("en", "Kenya's finance minister resigned on Tuesday.", "resignation", "Nairobi"),
])
def test_a_governments_act_placed_in_its_country_took_place_in_its_capital(resources, language, text, etype, place):
    events = [e for e in _events(text, language, resources) if e.event_type == etype]
    assert [e.place.name for e in events] == [place]


@pytest.mark.parametrize("language, text, etype", [
    ("en", "Floods hit Kenya on Tuesday.", "flood"),
    ("de", "Ein Hochwasser traf am Dienstag Kenia.", "flood"),
])
def test_a_happening_on_the_ground_in_a_country_stays_in_the_country(resources, language, text, etype):
    events = [e for e in _events(text, language, resources) if e.event_type == etype]
    assert [e.place.name for e in events] == ["Kenya"]


@pytest.mark.parametrize("language, text, etype", [
    ("en", "Lawmakers voted on Tuesday to raise taxes.", "vote"),
    ("en", "Millions of people voted on Sunday in the presidential runoff.", "election"),
    ("de", "Die Abstimmung im Bundestag über das Gesetz fand am Dienstag statt.", "vote"),
    ("de", "Die Abstimmung über den neuen Bürgermeister fand am Sonntag statt.", "election"),
])
def test_a_vote_of_a_legislature_is_no_election(resources, language, text, etype):
    assert etype in {e.event_type for e in _events(text, language, resources)}


@pytest.mark.parametrize("language, text, statement", [
    ("en", "Police said on Tuesday in Denver that the driver died at the scene.", False),
    ("en", "The union said on Tuesday in Denver that its members were disappointed.", True),
    ("de", "Der Fahrer starb später im Spital in Chur, wie die Kantonspolizei am Dienstag mitteilte.", False),
    ("de", "Die Gewerkschaft teilte am Dienstag in Hamburg mit, sie sei enttäuscht.", True),
    # Witnesses testify, experts comment and a judge speaks within the trial: no statement news.
    # (said, not told to the press: an interview's words are no statement whoever speaks, test_events)
    ("en", "Resident Ron Sackville said on Tuesday in Perth that very little was left.", False),
    ("en", "Mayor Ron Sackville said on Tuesday in Perth that very little was left.", True),
    ("en", "Professor Jane Doe said on Tuesday in Hartford that the council acted wisely.", False),
    ("en", "Judge John McDonald said on Tuesday in Auckland that the security risk was too great.", False),
    ("de", "Ein Anwohner sagte am Dienstag in Kassel, er habe einen lauten Knall gehört.", False),
    ("de", "Der Bürgermeister sagte am Dienstag in Kassel, er habe einen lauten Knall gehört.", True),
    ("de", "Die Richterin Anna Weber sagte am Dienstag in Kassel, der Angeklagte zeige keine Reue.", False),
    ("de", "Die Landrätin Anna Weber sagte am Dienstag in Kassel, der Angeklagte zeige keine Reue.", True),
    # A police spokesperson who tells no happening in the sentence speaks the force's own news;
    # one who tells the happening attributes it.
    ("en", "Police spokesperson John Smith said on Tuesday in Denver that his officers would bring the culprits to justice.", True),
    ("en", "Police spokesperson John Smith said on Tuesday in Denver that the driver died at the scene.", False),
    ("en", "Police said on Tuesday in Denver that his officers would bring the culprits to justice.", False),
    # An authority speaks for itself as authorities do.
    ("en", "The transport authority said on Tuesday in Denver that fares would rise.", True),
])
def test_police_telling_the_facts_make_no_statement_of_their_own(resources, language, text, statement):
    assert ("statement" in {e.event_type for e in _events(text, language, resources)}) is statement


@pytest.mark.parametrize("text, fire", [
    ("Officers fired a Taser at the man in Denver on Tuesday.", False),
    ("A fire destroyed a warehouse in Denver on Tuesday.", True),
])
def test_firing_a_weapon_is_no_fire(resources, text, fire):
    assert ("fire" in {e.event_type for e in _events(text, "en", resources)}) is fire


def test_sense_words_count_in_the_title(resources):
    text = "Kisumu has so far recorded 32 cases in two subcounties."
    doc = Document(id="t.md", path="t.md", text=text, language="en", published=PUBLISHED, title="Cholera outbreak in Kenya")
    assert {e.event_type for e in process_document(doc, resources=resources)} == {"outbreak"}
    plain = Document(id="t.md", path="t.md", text=text, language="en", published=PUBLISHED, title="Court news")
    assert "outbreak" not in {e.event_type for e in process_document(plain, resources=resources)}


def test_the_titles_institution_places_a_text_that_names_no_other_place(resources):
    text = "The council imposed the highest punishment it can on the mayor on Monday."
    doc = Document(id="t.md", path="t.md", text=text, language="en", published=PUBLISHED,
                   title="Denver City Council censures mayor")
    assert {e.place.name for e in process_document(doc, resources=resources) if e.place} == {"Denver"}


@pytest.mark.parametrize("url, text, country", [
    ("https://www.krone.at/123", "Der Bürgermeister trat am Montag zurück.", "Austria"),
    ("https://example.com/a", "Kenyan police arrested three men on Monday.", "Kenya"),
])
def test_a_text_without_a_place_takes_its_countrys_area_at_most(resources, url, text, country):
    language = "de" if ".at/" in url else "en"
    doc = Document(id="t.md", path="t.md", text=text, language=language, published=PUBLISHED, url=url)
    events = process_document(doc, resources=resources)
    assert events and {(e.place.name, e.place_inherited) for e in events} == {(country, True)}


@pytest.mark.parametrize("text, etype", [
    ("Die Firma gab am Freitag die Schliessung des Werks in Dornach bekannt.", "closure"),  # Swiss ss for ß
    ("Die Entlassung von 268 Mitarbeitern in Dornach wurde am Freitag bekannt.", "layoffs"),
    ("Die Entlassung des Ministers in Bern wurde am Freitag bekannt.", "resignation"),
])
def test_swiss_spelling_and_the_two_senses_of_entlassung(resources, text, etype):
    assert etype in {e.event_type for e in _events(text, "de", resources)}


def test_only_verbs_rejoin_their_separable_particle():
    from geo.what import find_triggers

    text = "Das Ergebnis stand am Montag noch aus."  # ausstehen, not the noun Ausstand (a strike)
    assert find_triggers(text, segment(text), language="de") == []


@pytest.mark.parametrize("text, etype, not_etype", [
    # "an" + "den" makes no verb: "kündigt … an" is ankündigen, no notice given to staff.
    ("Der Ortschef kündigt den Rückzug an.", "statement", "layoffs"),
    ("Die Staatsanwaltschaft wirft der 25-Jährigen die Ermordung eines Mannes vor.", "charge", "crime"),  # vorwerfen, no throw
    ("Die Opposition warf der Regierung Versagen vor.", None, "charge"),  # a reproach, no charge
])
def test_a_clause_final_particle_rejoins_its_verb_not_an_article(text, etype, not_etype):
    types = {t.event_type for t in find_triggers(text, segment(text), language="de") if t.factuality == "asserted"}
    assert not_etype not in types and (etype is None or etype in types), types


@pytest.mark.parametrize("text, arrest", [
    ("Die Polizei nahm neun Personen wegen Vermummung, Beleidigung sowie Widerstands gegen Beamte fest.", True),
    ("Die Polizei nahm die Personen, die man kannte, fest.", False),  # a clause of its own between them
])
def test_a_separable_particle_rejoins_its_verb_across_a_list_of_nouns(text, arrest):
    types = {t.event_type for t in find_triggers(text, segment(text), language="de")}
    assert ("raid_arrest" in types) == arrest


@pytest.mark.parametrize("text, asserted", [
    # A comma inside a list of nouns keeps the clause: the plan ("will") reaches the verb after the list.
    ("Gewerkschaft und Betriebsrat wollen über Sozialpläne, Transfergesellschaften und Abfindungen verhandeln.", False),
    ("Die Gewerkschaft will mehr Geld, die Arbeitgeber verhandeln am Montag in Kassel.", True),  # a clause of its own
])
def test_a_list_of_nouns_does_not_end_the_clause_of_a_plan(text, asserted):
    found = [t for t in find_triggers(text, segment(text), language="de") if t.event_type == "meeting"]
    assert found and (found[0].factuality == "asserted") == asserted, found


@pytest.mark.parametrize("language, text, etype, factuality", [
    # Quoted words inside a clause stay in it: the threat reaches the quoted strike, the particle its verb.
    ("de", 'Die Gewerkschaft drohte mit einem „unbefristeten Streik“ in Bremen.', "labour_strike", "threat"),
    ("de", 'Die Gewerkschaft begann mit einem „unbefristeten Streik“ in Bremen.', "labour_strike", "asserted"),
    ("en", 'The union threatened to "shut down" the port in Felixstowe.', "closure", "threat"),
    ("en", 'The union did "shut down" the port in Felixstowe.', "closure", "asserted"),
    ("de", 'Der Bahnchef kündigte für morgen einen "neuen Vorschlag" an.', "layoffs", None),  # ankündigen, no kündigen
    ("de", 'Der Bahnchef kündigte für morgen 300 Mitarbeitern.', "layoffs", "asserted"),
])
def test_quoted_words_stay_in_their_clause(language, text, etype, factuality):
    found = [t.factuality for t in find_triggers(text, segment(text), language=language) if t.event_type == etype]
    assert found[:1] == ([factuality] if factuality else []), found


def test_a_particle_after_a_list_of_places_rejoins_its_verb():
    text = "Die Argumente träfen auch auf die Standorte in Offenbach, Kiel und Trier zu."  # zutreffen, no meeting
    assert "meeting" not in {t.event_type for t in find_triggers(text, segment(text), language="de")}


@pytest.mark.parametrize("language, text, statement", [
    ("en", '"We are very fortunate," Donald Trump said on Monday in Denver.', False),
    ("en", '"We will appeal," the union said on Monday in Denver.', True),
    ("en", 'Donald Trump said on Monday in Denver that the town was fortunate.', True),
    # A named person's words after "said:" are commentary; a spokesman's are the body's news.
    ("en", 'In Denver on Monday, Joe Bologna, the company\'s site manager, said: "We have been impressed by the staff."', False),
    ("en", 'In Denver on Monday, a company spokesman said: "We have been impressed by the staff."', True),
    # A body named inside the quotation is what is said, not who says it.
    ("en", '"The council encourages everyone to listen," Jane Smith said on Monday in Denver.', False),
    ("en", '"We encourage everyone to listen," the council said on Monday in Denver.', True),
    ("de", "„Die Regierung muss endlich handeln“, sagte Anna Müller am Montag in Kassel.", False),
    ("de", "„Wir müssen endlich handeln“, sagte die Regierung am Montag in Kassel.", True),
    # An embassy speaks for its government.
    ("en", "The embassy said on Monday in Islamabad that it was ready to help.", True),
])
def test_a_persons_quoted_words_make_no_statement_a_bodys_do(resources, language, text, statement):
    assert ("statement" in {e.event_type for e in _events(text, language, resources)}) is statement


@pytest.mark.parametrize("language, text, etype", [
    ("en", "The sergeant said in Monaghan on Monday that the defendant had 195 previous convictions.", "verdict"),
    ("de", "Der Mann hatte nach Angaben der Polizei in Gera mehrere frühere Verurteilungen.", "verdict"),
])
def test_a_record_of_previous_convictions_is_no_verdict(resources, language, text, etype):
    assert etype not in {e.event_type for e in _events(text, language, resources)}


def test_a_title_names_the_place_not_its_adjective(resources):
    events = _events("Auf dem Cottbuser Güterbahnhof begann am Dienstag ein Manöver der Bundeswehr.", "de", resources)
    assert [e.title.split(" (")[0] for e in events if e.event_type == "military_exercise"] == ["Manöver in Cottbus"]


def test_recovering_a_weapon_is_no_rescue(resources):
    events = _events("Police recovered an AK-47 rifle near a lodging in Nakuru on Monday.", "en", resources)
    assert "rescue" not in {e.event_type for e in events}


def test_erfassen_needs_a_vehicle():
    from geo.what import find_triggers

    text = "Die Daten wurden am Montag erfasst."
    assert find_triggers(text, segment(text), language="de") == []


@pytest.mark.parametrize("language, text, types", [
    # A lede sentence may tell two happenings; the second is kept when no other sentence tells it.
    ("en", "Six people were shot dead on Friday in Denver, and police arrested a suspect.", ["shooting", "raid_arrest"]),
    ("de", "In Köln wurden am Freitag sechs Menschen erschossen, die Polizei nahm einen Verdächtigen fest.",
     ["shooting", "raid_arrest"]),
    # A declared emergency is an act of its own; a report is told about the happening.
    ("de", "Das Hochwasser überflutete am Montag Passau, die Stadt hat den Katastrophenfall ausgerufen.", ["flood", "legal_policy"]),
    ("en", "A storm hit Denver on Monday, and the governor declared a state of emergency.", ["storm", "legal_policy"]),
    ("en", "A storm hit Denver on Monday, and the city released a report on the damage.", ["storm"]),
    # A death is what a crash did, not a second happening.
    ("en", "A train derailed in Denver on Friday, killing four passengers.", ["derailment"]),
    # The bodies recovered after an attack and the contract a strike is about are no second happening.
    ("en", "Bandits attacked a village near Denver on Friday, and police recovered the bodies of five people.", ["strike"]),
    ("en", "Workers went on strike in Denver on Friday, after contract talks failed to reach a deal.", ["labour_strike"]),
    # In the first happening's own clause a verb tells what it did: the storm "traf" (hit), no meeting.
    ("de", "Der Sturm traf am Montag Hamburg mit voller Wucht.", ["storm"]),
    # Told again on its own, the second happening is that sentence's event, not a copy of the lede's.
    ("en", "Six people were shot dead on Friday in Denver, and police arrested a suspect.\n\n"
           "Police arrested the suspect on Saturday in Boulder.", ["shooting", "raid_arrest"]),
])
def test_a_lede_sentence_tells_its_second_happening_once(resources, language, text, types):
    events = _events(text, language, resources)
    assert sorted(e.event_type for e in events) == sorted(types)
    if "Boulder" in text:
        arrest = next(e for e in events if e.event_type == "raid_arrest")
        assert arrest.place.name == "Boulder" and "second happening" not in str(arrest.explanation)


@pytest.mark.parametrize("language, text, types", [
    # Outside the lede, a clause that tells what came before the sentence's happening tells one of
    # its own; a clause of what came after, or despite, does not.
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "Councillors in Leeds passed a motion on Monday after asylum seekers arrived at a hotel.", ["fire", "migration", "vote"]),
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "Councillors in Leeds passed a motion on Monday before asylum seekers arrived at a hotel.", ["fire", "vote"]),
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Die Arbeiter in Köln streikten am Montag, nachdem das Unternehmen 200 Stellen gestrichen hatte.",
     ["fire", "labour_strike", "layoffs"]),
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Die Arbeiter in Köln streikten am Montag, obwohl das Unternehmen 200 Stellen gestrichen hatte.",
     ["fire", "labour_strike"]),
])
def test_a_clause_of_what_came_before_tells_its_own_happening(resources, language, text, types):
    assert sorted(e.event_type for e in _events(text, language, resources)) == sorted(types)


@pytest.mark.parametrize("language, text, earlier, place, month", [
    # The clause of what came before dates and places its own happening where it names a date or a
    # place: the job cuts were in Düsseldorf in January, not in Köln on Monday like the strike.
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Die Arbeiter in Köln streikten am Montag, nachdem das Unternehmen im Januar in Düsseldorf 200 Stellen gestrichen hatte.",
     "layoffs", "Düsseldorf", 1),
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "Councillors in Leeds passed a motion on Monday after asylum seekers arrived at a hotel in Bradford in January.",
     "migration", "Bradford", 1),
    # Naming neither, it keeps its sentence's (Monday, in Köln or Leeds).
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Die Arbeiter in Köln streikten am Montag, nachdem das Unternehmen 200 Stellen gestrichen hatte.",
     "layoffs", "Köln", 3),
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "Councillors in Leeds passed a motion on Monday after asylum seekers arrived at a hotel.", "migration", "Leeds", 3),
])
def test_a_clause_of_what_came_before_names_its_own_date_and_place(resources, language, text, earlier, place, month):
    events = _events(text, language, resources)
    first = next(e for e in events if e.event_type == earlier)
    assert (first.place.name, first.interval.start.month) == (place, month), first.explanation


@pytest.mark.parametrize("language, text, places", [
    # After "and", the same kind of happening told again in another town is a second one there.
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "A man died in a crash in Leeds on Monday and two boys were killed in a crash in Bradford.", ["Bradford", "Leeds"]),
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Ein Mann starb am Montag bei einem Unfall in Leipzig, und in Dresden wurde eine Frau bei einem Unfall getötet.",
     ["Dresden", "Leipzig"]),
    # Without a town of its own it is the same happening; a wider place is where the first one lies.
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "A man died in a crash in Leeds on Monday and two boys were killed in the crash.", ["Leeds"]),
    ("en", "A fire destroyed a barn in Denver on Sunday.\n\n"
           "A man died in a crash in Leeds on Monday and two boys were killed in a crash in England.", ["Leeds"]),
    ("de", "In Bonn brannte am Sonntag eine Scheune.\n\n"
           "Ein Mann starb am Montag bei einem Unfall in Leipzig, und dabei wurde eine Frau getötet.", ["Leipzig"]),
])
def test_the_same_happening_told_again_after_and_in_another_town_is_a_second_one(resources, language, text, places):
    events = _events(text, language, resources)
    assert sorted(e.place.name for e in events if e.event_type == "crash") == places


@pytest.mark.parametrize("language, text", [
    # A list after "from"/"aus" is a list of origins, every name of it.
    ("en", "Sheriff's deputies detained 60 migrants from Mexico and Central America on Monday."),
    ("de", "Flüchtlinge aus Syrien, dem Irak und Afghanistan wurden am Montag festgenommen."),
    # A weekday is no town, whatever GeoNames lists among a town's other names ("Thursday Island").
    ("en", "On the evening of Thursday, February 28, deputies detained five men."),
    # A newspaper's town and a person's origin are not where it happened.
    ("en", "The Boston Globe reported that a man was arrested on Monday."),
    ("en", "Police arrested a Texas native on Monday."),
    ("de", "Laut Hamburger Abendblatt wurde am Montag ein Mann festgenommen."),
    ("en", "The quake damaged the US embassy on Monday."),  # the embassy's country is not where it stands
])
def test_names_that_are_not_where_it_happened_leave_the_event_unplaced(resources, language, text):
    events = _events(text, language, resources)
    assert events and all(e.place is None for e in events), [(e.event_type, e.place) for e in events]


def test_a_happening_on_the_ground_in_the_ledes_state_is_at_the_ledes_town(resources):
    # The text names two towns in Colorado, so "the only town" does not decide; the lede's does.
    text = ("A fire destroyed a warehouse in Boulder, Colorado, on Monday. Crews in Denver stood by.\n\n"
            "Firefighters said a second fire broke out in Colorado on Tuesday.\n\n"
            "The governor said on Tuesday that Colorado would pass a new law.")
    events = _events(text, "en", resources)
    # The governor's statement is no happening on the ground: not at Boulder, but at the state's capital.
    assert [(e.event_type, e.place.name) for e in events] == [
        ("fire", "Boulder"), ("fire", "Boulder"), ("statement", "Denver")]


def test_a_raid_in_an_article_headed_airstrike_is_the_strike():
    """The title's words count as sense words: a raid in an airstrike story came from the air."""
    text = "The raid also destroyed 20 motorcycles."
    types = {t.event_type for t in find_triggers(text, segment(text), language="en", title="Airstrike kills 12 in Balkh")}
    assert types == {"strike"}
    assert {t.event_type for t in find_triggers(text, segment(text), language="en")} == {"raid_arrest"}


@pytest.mark.parametrize("language, text, types", [
    # "the crash" points back to the crash told before: the sentence's news is its other happening.
    ("en", "A small plane crashed in Denver on Sunday, killing ten people.\n\n"
     "Few details were known about what caused the crash, which the NTSB is investigating.", ["crash", "investigation"]),
    ("en", "An earthquake struck central Italy on Wednesday.\n\n"
     "The earthquake also forced over 2,000 people to take refuge in camps, officials said.", ["earthquake", "evacuation"]),
    # A response to it in the same clause is news too: an investigation, a closure.
    ("en", "A train derailed in Denver on Sunday, killing four passengers.\n\n"
     "The cause of the derailment is being investigated.", ["derailment", "investigation"]),
    ("en", "Two people died in a head-on crash on Highway 18 in Denver on Sunday.\n\n"
     "Highway 18 was closed for about four hours following the crash.", ["closure", "crash"]),
    # "both", "those" and possessives point back too ("investigations into both crashes",
    # "during their strike").
    ("en", "A truck and a car crashed on the highway near Denver on Sunday.\n\n"
     "Investigations into both crashes are continuing.", ["crash", "investigation"]),
    ("en", "Workers at the plant in Denver went on strike on Monday.\n\n"
     "During their strike, police arrested two workers.", ["labour_strike", "raid_arrest"]),
    # A speaker who condemns the happening told before makes a statement of it, one who
    # survived it does not.
    ("en", "Bandits attacked a village near Denver on Monday, killing two people.\n\n"
     "Assembly member John Okello condemned the attack.", ["statement", "strike"]),
    ("en", "Bandits attacked a village near Denver on Monday, killing two people.\n\n"
     "Assembly member John Okello survived the attack.", ["strike"]),
    # Told again with no other happening, it stays a repeat of the first.
    ("en", "A small plane crashed in Denver on Sunday, killing ten people.\n\n"
     "The crash killed everyone on board, officials said.", ["crash"]),
    # Not told before, the derailment is the news; in the same clause, a happening that is no
    # response stays what the one told before did ("stole livestock in the attack").
    ("en", "The cause of the derailment in Denver on Sunday is being investigated.", ["derailment"]),
    ("en", "Bandits attacked a village near Denver on Monday, killing two people.\n\n"
     "The bandits also stole livestock in the attack.", ["strike"]),
    # German: a genitive article, a contraction or a demonstrative points back to the happening
    # told before ("wegen des Diebstahls", "beim Einbruch"); the sentence's news is its other one.
    ("de", "In Kiel brach am Sonntag ein Mann in eine Tankstelle ein.\n\n"
     "Gegen ihn läuft nun ein Ermittlungsverfahren wegen des Diebstahls.", ["crime", "investigation"]),
    ("de", "Auf der A7 bei Kiel kam es am Sonntag zu einem schweren Unfall.\n\n"
     "Wegen des Unfalls wurde die Autobahn gesperrt.", ["closure", "crash"]),
    # Told again with no other happening, it stays a repeat of the first.
    ("de", "In Kiel brach am Sonntag ein Mann in eine Tankstelle ein.\n\n"
     "Beim Einbruch entstand ein Schaden von 5000 Euro.", ["crime"]),
])
def test_a_happening_referred_back_to_leaves_the_sentence_its_other_happening(resources, language, text, types):
    events = _events(text, language, resources)
    assert sorted(e.event_type for e in events) == types, [(e.event_type, e.explanation[0]) for e in events]


@pytest.mark.parametrize("language,text,reporter", [
    # One spoken to is no speaker: the body that speaks to residents makes a statement of its own.
    ("en", "The authority apologised to residents and said it was willing to listen.", False),
    ("en", "Residents said the authority had apologised.", True),
    ("en", "The road was closed, according to police.", True),
    ("de", "Die Stadtverwaltung appellierte an die Anwohner und kritisierte die Gewerkschaft.", False),
    ("de", "Die Anwohner kritisierten die Stadtverwaltung.", True),
])
def test_a_reporter_spoken_to_is_no_speaker(language, text, reporter):
    from geo.what import told_by_reporter
    assert told_by_reporter(text, language=language) == reporter


@pytest.mark.parametrize("language,text,present", [
    # In a text with no date, a body's speech that is an act of its own is news; its "said" is not.
    ("en", "The authority apologised to residents and said it was willing to listen.", True),
    ("en", "The authority said it was willing to listen to residents.", False),
    ("de", "Die Stadtverwaltung kritisierte die Gewerkschaft.", True),
    ("de", "Die Stadtverwaltung sagte, die Gewerkschaft sei schuld.", False),
])
def test_a_speech_act_of_a_body_is_news_in_an_undated_text(language, text, present, resources):
    assert ("statement" in [e.event_type for e in _events(text, language, resources, published=None)]) == present


@pytest.mark.parametrize("text,etype", [
    # A death by an army, a rocket or a drone tells the attack; one by a man, the killing.
    ("Am Montag wurden bei Kiel zwei Männer von der Armee getötet.", "strike"),
    ("Am Montag wurden bei Kiel zwei Männer von einem Nachbarn getötet.", "killing"),
    ("Am Montag hat eine Rakete bei Kiel zwei Männer getötet.", "strike"),
])
def test_a_death_by_an_army_or_a_rocket_is_an_attack(text, etype, resources):
    events = _events(text, "de", resources)
    assert [e.event_type for e in events][:1] == [etype], [(e.event_type, e.explanation[0]) for e in events]


@pytest.mark.parametrize("language,text,etype", [
    # A body that condemns or criticises a happening in its clause makes a statement: the
    # happening is its object, told elsewhere; one that survived it tells the happening itself.
    ("en", "On Monday the governor condemned the attack on the village near Denver.", "statement"),
    ("en", "On Monday the governor survived the attack on the village near Denver.", "strike"),
    ("de", "Der Bürgermeister verurteilte am Montag den Angriff auf das Dorf bei Kiel.", "statement"),
    ("de", "Der Bürgermeister überlebte am Montag den Angriff auf das Dorf bei Kiel.", "strike"),
    ("de", "Die Gewerkschaft kritisierte am Montag den Stellenabbau im Werk in Kiel.", "statement"),
    ("de", "Am Montag begann der Stellenabbau im Werk in Kiel.", "layoffs"),
    # In a clause of its own, the happening stays the sentence's news.
    ("en", "Gunmen attacked a village near Denver on Monday, and the governor condemned the attack.", "strike"),
])
def test_a_speech_act_about_a_happening_in_its_clause_is_a_statement(language, text, etype, resources):
    events = _events(text, language, resources)
    assert [e.event_type for e in events][:1] == [etype], [(e.event_type, e.explanation[0]) for e in events]


@pytest.mark.parametrize("language, text, speaker", [
    # A health office, a bishop, a party's chair speak for themselves: their statements are news.
    ("de", "Das Gesundheitsamt Heilbronn warnte am Montag vor Legionellen.", True),
    ("de", "Der Bischof der Diözese verurteilte die Übergriffe.", True),
    ("de", "Der Kreisvorsitzende hatte angekündigt, die Straße zu blockieren.", True),
    ("de", "Der Besucher verurteilte die Übergriffe.", False),
    # A commissioner speaks for the office ("Waldbrand-Beauftragte"), a firefighter for himself.
    ("de", "Der Waldbrandbeauftragte Raimund Engel sagte dem Rundfunk, die Lage sei dramatisch.", True),
    ("de", "Der Feuerwehrmann Raimund Engel sagte dem Rundfunk, die Lage sei dramatisch.", False),
    ("en", "The bishop of the diocese condemned the attacks.", True),
    ("en", "The visitor condemned the attacks.", False),
])
def test_health_offices_bishops_and_chairs_speak_for_themselves(language, text, speaker):
    from geo.what import has_speaker
    assert has_speaker(text, language=language) == speaker


@pytest.mark.parametrize("text, etype, present", [
    # A cash machine blown up is a crime; a rock blasted is none.
    ("Unbekannte haben in der Nacht einen Geldautomaten gesprengt.", "crime", True),
    ("Die Arbeiter haben in der Nacht einen Felsen gesprengt.", "crime", False),
    # A car crashes into a tree; corks pop.
    ("Ein Auto krachte am Montag gegen einen Baum.", "crash", True),
    ("Am Silvesterabend krachten die Böller.", "crash", False),
    # Lodging ("Beherbergung") holds no recovery ("Bergung").
    ("Die Unterkunft dient der Beherbergung von 120 Asylbewerbern.", "rescue", False),
    ("Die Bergung der Verschütteten dauerte die ganze Nacht.", "rescue", True),
    # Vehicles that collide crash; crowds that clash fight.
    ("Am Sonntag kam es zu einem Zusammenstoß zwischen zwei Zügen.", "crash", True),
    ("Am Sonntag kam es zu einem Zusammenstoß zwischen zwei Zügen.", "armed_clash", False),
    ("Am Sonntag kam es zu einem Zusammenstoß zwischen Rebellen und der Armee.", "armed_clash", True),
    # A car driven into a tree, a lorry into the tail of a jam, a pedestrian run over: a crash; a bus that runs again is none.
    ("Ein 25-Jähriger ist am Samstag mit seinem Auto gegen einen Baum gefahren.", "crash", True),
    ("Der Bus fährt seit Samstag wieder nach Fahrplan.", "crash", False),
    ("Auf der A8 ist ein Lkw auf ein Stauende aufgefahren.", "crash", True),
    ("Die Panzer sind vor dem Rathaus aufgefahren.", "crash", False),
    ("Eine Fußgängerin wurde von einer Straßenbahn überrollt.", "crash", True),
    ("Die Mannschaft wurde vom Gegner überrollt.", "crash", False),
    # A person or body named after a happening ("Waldbrand-Beauftragte", "Streikführer", "Brandermittler",
    # "Streikleitung") is no happening; a wave of strikes is one.
    ("Der Waldbrand-Beauftragte sagte am Montag, die Lage sei dramatisch.", "wildfire", False),
    ("Der Waldbrand in Treuenbrietzen war am Montag unter Kontrolle.", "wildfire", True),
    ("Der Streikführer sagte am Montag, die Lage sei ernst.", "labour_strike", False),
    ("Die Streikleitung sagte am Montag, die Lage sei ernst.", "labour_strike", False),
    ("Die Streikwelle erfasst am Montag das ganze Land.", "labour_strike", True),
    ("Der Brandermittler sagte am Montag, die Ursache sei unklar.", "fire", False),
    # A crisis or a missile hits, a rule collides with a freedom, one seeks shelter, a law is broken or
    # named, a joint plaintiff pleads: no meeting, crash, rescue, law made or charge.
    ("Die Krise in der Windkraftbranche trifft nun auch den Standort Magdeburg.", "meeting", False),
    ("Der Kanzler trifft am Montag den Präsidenten.", "meeting", True),
    ("Ein Fahrzeug wurde am Montag von einer Panzerabwehrrakete getroffen.", "meeting", False),
    ("Dies kollidiere mit der im Grundgesetz geschützten Unternehmensfreiheit.", "crash", False),
    ("Dies kollidiere mit der im Grundgesetz geschützten Unternehmensfreiheit.", "legal_policy", False),
    ("Ein Moped kollidierte am Montag mit einem Auto.", "crash", True),
    ("Suchen Sie im Freien rechtzeitig Schutz!", "rescue", False),
    ("Taucher suchen am Montag nach dem vermissten Kind.", "rescue", True),
    ("Er verstieß am Montag gegen das Gewaltschutzgesetz.", "legal_policy", False),
    ("Das neue Gewaltschutzgesetz tritt am Montag in Kraft.", "legal_policy", True),
    ("Die Nebenklage forderte am Montag zehn Jahre Haft.", "charge", False),
    ("Die Staatsanwaltschaft hat am Montag Klage erhoben.", "charge", True),
    # Happenings German news names in words the lexicon lacked: an emergency landing, fresh snow,
    # gusts and black ice, flooded cellars, jobs that go, suspects caught, a strike's absence from work,
    # an election lost by points; each beside a sentence of the same shape that tells none.
    ("Die Maschine ist am Montag in Köln notgelandet.", "crash", True),
    ("Die Maschine ist am Montag in Köln gelandet.", "crash", False),
    ("In der Nacht fielen in Köln 30 Zentimeter Neuschnee.", "storm", True),
    ("Glatteis sorgte am Montag in Köln für Chaos.", "storm", True),
    ("Der Wind deckte am Montag in Köln mehrere Dächer ab.", "storm", True),
    ("Der Dachdecker deckte am Montag in Köln mehrere Dächer ab.", "storm", False),
    ("In Köln liefen am Montag zahlreiche Keller voll.", "flood", True),
    ("In Köln liefen am Montag zahlreiche Kinder zur Schule.", "flood", False),
    ("In Magdeburg fallen 300 Stellen weg.", "layoffs", True),
    ("In Magdeburg fallen 300 Termine weg.", "layoffs", False),
    ("Die Polizei hat am Montag zwei Einbrecher erwischt.", "raid_arrest", True),
    ("Die Grippe hat am Montag zwei Lehrer erwischt.", "raid_arrest", False),
    ("Die Beschäftigten blieben am Montag der Arbeit fern.", "labour_strike", True),
    ("Die Schüler blieben am Montag dem Unterricht fern.", "labour_strike", False),
    ("Die CDU verlor am Sonntag fünf Prozentpunkte.", "election", True),
    ("Der Verein verlor am Sonntag fünf Spieler.", "election", False),
    # Soldiers or troops named are no deployment; moving or sending them is.
    ("Die Soldaten übernachten im Feld bei Idar-Oberstein.", "deployment", False),
    ("Die Bundeswehr verlegt am Montag Soldaten nach Litauen.", "deployment", True),
    ("Die Truppen rücken am Montag in Davos ein.", "deployment", True),
    ("Die Rekruten rücken am Montag in Davos ein.", "deployment", False),
])
def test_german_words_that_name_a_happening_or_none(text, etype, present):
    types = {t.event_type for t in find_triggers(text, segment(text), language="de")}
    assert (etype in types) == present


_GATHERED = "In Chemnitz versammelten sich am Montag rund 800 Menschen."
_STANDSTILL = "Busse und Bahnen standen am Montag in Hamburg still."


@pytest.mark.parametrize("title, text, etype, present", [
    # The parts of a German title's hyphenated compound are its sense words: "Montags-Demos" heads a gathering.
    ("Mehr als 5.000 Menschen bei Montags-Demos in Sachsen", _GATHERED, "protest", True),
    ("Mehr als 5.000 Menschen bei Montags-Konzerten in Sachsen", _GATHERED, "protest", False),
    # Buses and trains stand still in a strike's story, not in a power cut's.
    ("Verdi-Warnstreik legt Hamburg lahm", _STANDSTILL, "labour_strike", True),
    ("Stromausfall legt Hamburg lahm", _STANDSTILL, "labour_strike", False),
])
def test_a_hyphenated_title_word_gives_its_parts_sense(title, text, etype, present):
    assert (etype in {t.event_type for t in find_triggers(text, segment(text), language="de", title=title)}) == present


@pytest.mark.parametrize("language, text, etype, asserted", [
    # A company's decision to close or to cut jobs is news when announced ("will", "soll", "plant");
    # a fear or a "könnte" stays a possibility, and a trial that "soll" begin is still ahead.
    ("de", "Der Konzern will in Magdeburg 300 Stellen abbauen.", "layoffs", True),
    ("de", "Der Konzern könnte in Magdeburg 300 Stellen abbauen.", "layoffs", False),
    ("de", "Geschlossen werden soll das Klinikum in Wittstock.", "closure", True),
    ("de", "Der Betriebsrat befürchtet die Schließung des Klinikums in Wittstock.", "closure", False),
    ("de", "Der Prozess soll im März in Magdeburg beginnen.", "trial", False),
    # English announces them in reported speech ("would") or as plans; "could" stays a possibility,
    # and a trial that would begin is still ahead.
    ("en", "The company announced it would be closing three plants in Ontario.", "closure", True),
    ("en", "The company warned it could be closing three plants in Ontario.", "closure", False),
    ("en", "The manufacturer plans to close its factory in Oregon by the end of the year.", "closure", True),
    ("en", "The manufacturer said it would cut 300 jobs in Oregon.", "layoffs", True),
    ("en", "The manufacturer said it might cut 300 jobs in Oregon.", "layoffs", False),
    ("en", "The court said it would hold the trial in March.", "trial", False),
])
def test_an_announced_closure_or_job_cut_is_news_a_feared_one_is_not(language, text, etype, asserted):
    found = [t for t in find_triggers(text, segment(text), language=language) if t.event_type == etype]
    assert found and (found[0].factuality == "asserted") == asserted


@pytest.mark.parametrize("text,etype,present", [
    # Riot police are a unit; a riot is a happening.
    ("Protesters were surrounded by contingents of riot police.", "riot", False),
    ("A riot broke out near the stadium on Friday.", "riot", True),
    # A charging device is a thing; a man charged is charged.
    ("Intruders took away the charging devices of the radios.", "charge", False),
    ("Police charged the man with theft on Friday.", "charge", True),
    # Polling stations close every election day; a plant that closes is news.
    ("Turnout was recorded when all polling stations closed.", "closure", False),
    ("The company closed its plant on Friday.", "closure", True),
    # A dam releases water; a ministry releases a report.
    ("Inflows poured into the lake and releases from the dam increased to 58,000 megalitres a day.", "document_release", False),
    ("The ministry released a report on Friday.", "document_release", True),
    # Soldiers march in training; protesters march against the government.
    ("Soldiers marched along the roadside in a ruck march.", "protest", False),
    ("Thousands marched against the government on Friday.", "protest", True),
    # Plants a strike of workers targets are no attack's targets ("strike" is no sense word of "target").
    ("The union's strike is targeting specific plants of three automakers.", "strike", False),
    ("A missile targeted a fuel depot on Friday.", "strike", True),
    # Soldiers or troops who died are a toll, not a deployment.
    ("He added that more soldiers may have died in the clash.", "deployment", False),
    ("Since the start of the conflict some 1,200 soldiers have died.", "deployment", False),
    ("Some 1,200 soldiers have arrived at the border.", "deployment", True),
    ("Troops killed in the ambush were buried on Monday.", "deployment", False),
    ("Troops patrolled the border on Monday.", "deployment", True),
])
def test_english_words_in_a_sense_that_names_no_happening(text, etype, present):
    """Minimal pairs: a trigger word used for a unit, a thing or a routine, beside its happening sense."""
    types = {t.event_type for t in find_triggers(text, segment(text), language="en")}
    assert (etype in types) == present, types


@pytest.mark.parametrize("language, text, statement", [
    # German news announces with "teilte mit", "erklärte", "kündigte an"; a plain "sagte" comments
    # on what is told, unless the sentence says when it was said.
    ("de", "In Bonn sagte der Bürgermeister, die Stadt sei enttäuscht.", False),
    ("de", "In Bonn sagte der Bürgermeister am Montag, die Stadt sei enttäuscht.", True),
    ("de", "In Bonn erklärte der Bürgermeister, die Stadt sei enttäuscht.", True),
    # English writes "said" for announcements too: unchanged.
    ("en", "In Denver the mayor said the town would appeal.", True),
])
def test_a_plain_sagte_without_a_date_of_its_own_is_a_comment(resources, language, text, statement):
    assert ("statement" in {e.event_type for e in _events(text, language, resources)}) is statement


def _factualities(text, etype, language="en"):
    """The factuality of each trigger of a type in a one-sentence text (none: an empty set)."""
    return {t.factuality for t in find_triggers(text, segment(text), language=language) if t.event_type == etype}


@pytest.mark.parametrize("text,etype,factuality", [
    # A trend or a background over years reports no single happening.
    ("Pakistan has witnessed a dramatic uptick in attacks since 2021.", "strike", "generic"),
    ("Pakistan has witnessed a deadly attack on Monday.", "strike", "asserted"),
    ("Farming communities in Zamfara have for years been wracked by kidnapping.", "crime", "generic"),
    ("Farming communities in Zamfara were wracked by a kidnapping on Monday.", "crime", "asserted"),
    ("Normally new presidents travel to Sweden for their first visit.", "visit", "generic"),
    ("The new president travelled to Sweden for her first visit.", "visit", "asserted"),
])
def test_a_trend_or_a_background_over_years_is_no_happening(text, etype, factuality):
    assert _factualities(text, etype) == {factuality}


@pytest.mark.parametrize("text,present", [
    ("The company will eliminate 300 jobs at the plant.", True),
    ("Operations were conducted to eliminate any other terrorists in the area.", False),
])
def test_eliminating_is_a_job_cut_only_of_jobs(text, present):
    assert ("layoffs" in {t.event_type for t in find_triggers(text, segment(text), language="en")}) is present


@pytest.mark.parametrize("language, title, text, hospital_toll", [
    # Under a headline's happening, an injury or a death told with a hospital is its toll, where the injured were taken.
    ("en", "Man arrested after stabbing in Heacham",
     "The victim was taken to the hospital in King's Lynn on Monday, where he remains in a serious condition.", True),
    ("en", "Man arrested after stabbing in Heacham", "A second man was injured in King's Lynn on Monday.", False),
    ("de", "Frontalkollision bei Rabius", "Der Lenker starb am Montag im Kantonsspital in Chur.", True),
    ("de", "Frontalkollision bei Rabius", "Ein zweiter Lenker starb am Montag in Chur.", False),
])
def test_an_injury_told_with_a_hospital_is_the_headlines_toll(language, title, text, hospital_toll, resources):
    doc = Document(id="t.md", path="t.md", language=language, published=PUBLISHED, title=title, text=text)
    others = [e for e in process_document(doc, resources=resources) if e.event_type == "other"]
    assert (not others) is hospital_toll, others


@pytest.mark.parametrize("title, etype", [
    # Under a protest's or a strike's headline, people who "trafen sich" are its crowd; elsewhere they met.
    ("Mahnwache gegen Windkraft-Standort", "protest"),
    ("Erste Warnstreiks in der Stahlindustrie", "labour_strike"),
    ("Neuer Windkraft-Standort in Winterlingen", "meeting"),
])
def test_people_gathering_in_a_protests_story_are_its_crowd_not_a_meeting(title, etype, resources):
    text = "Rund 150 Bürger trafen sich am Montag vor dem Rathaus in Winterlingen."
    doc = Document(id="t.md", path="t.md", language="de", published=PUBLISHED, title=title, text=text)
    types = {e.event_type for e in process_document(doc, resources=resources)}
    assert etype in types and (etype == "meeting") == ("meeting" in types), types


@pytest.mark.parametrize("language,text,etype,factuality", [
    # A meeting or an appointment after "will" or "wird" is an itinerary or a schedule.
    ("en", "He will also meet the foreign minister on Tuesday.", "meeting", "hypothetical"),
    ("en", "He also met the foreign minister on Tuesday.", "meeting", "asserted"),
    ("en", "Manuel Merino will be sworn in as president on Tuesday.", "appointment", "hypothetical"),
    ("en", "Manuel Merino was sworn in as president on Tuesday.", "appointment", "asserted"),
    ("de", "Am Dienstag wird Kneissl den Außenminister informell treffen.", "meeting", "hypothetical"),
    ("de", "Am Dienstag hat Kneissl den Außenminister informell getroffen.", "meeting", "asserted"),
    ("de", "Der Präsident wird auch eine Reihe bilateraler Treffen abhalten.", "meeting", "hypothetical"),
    ("de", "Der Präsident hielt auch eine Reihe bilateraler Treffen ab.", "meeting", "asserted"),
    # So is a statement or a report to be made.
    ("en", "The union will make a statement on Tuesday.", "statement", "hypothetical"),
    ("en", "The union made a statement on Tuesday.", "statement", "asserted"),
    ("en", "Residents will be filing complaints with officials.", "document_release", "hypothetical"),
    ("en", "Residents are filing complaints with officials.", "document_release", "asserted"),
    ("de", "Nach Abschluss der Erhebungen wird ein Bericht an die Behörden erstattet.", "document_release", "hypothetical"),
    ("de", "Die Polizei hat einen Bericht an die Behörden erstattet.", "document_release", "asserted"),
    ("de", "Der Minister wird am Dienstag eine Erklärung abgeben.", "statement", "hypothetical"),
    ("de", "Der Minister gab am Dienstag eine Erklärung ab.", "statement", "asserted"),
    # A closure announced so is news.
    ("en", "The company will close its plant in June.", "closure", "asserted"),
    ("de", "Das Werk wird im Juni geschlossen.", "closure", "asserted"),
])
def test_a_meeting_an_appointment_or_a_statement_that_will_be_is_a_plan(language, text, etype, factuality):
    assert _factualities(text, etype, language=language) == {factuality}


@pytest.mark.parametrize("language,lede,staged", [
    ("de", "Die Bundeswehr hat am Montag bei Celle eine Gefechtsübung begonnen.", True),
    ("de", "Die Bundeswehr hat am Montag bei Celle Stellung bezogen.", False),
    ("en", "The army began a training exercise near Petawawa on Monday.", True),
    ("en", "The army moved into positions near Petawawa on Monday.", False),
])
def test_fights_and_shots_in_a_story_of_an_exercise_are_the_drills(language, lede, staged, resources):
    """Minimal pairs: the same fight after a lede that tells an exercise, and after one that does not."""
    fight = {"de": "Panzergrenadiere schießen am Montag bei Celle auf gegnerische Stellungen.",
             "en": "Soldiers fired guns at enemy positions near Petawawa on Monday."}[language]
    events = _events(f"{lede}\n\n{fight}", language, resources)
    combat = {e.event_type for e in events} & {"shooting", "armed_clash", "strike"}
    assert (not combat) == staged, [(e.event_type, e.title) for e in events]


@pytest.mark.parametrize("text,etype,present", [
    # An assembly's approval is a vote, as "billigen" and "zustimmen" are (English "approve", "pass").
    ("Das Parlament bewilligte am Montag den Einsatz von 5000 Soldaten.", "vote", True),
    ("Das Volk hatte den Planungskredit mit grossem Mehr bewilligt.", "vote", True),
    ("Der Grosse Rat hat einen Kredit für die Winterspiele gesprochen.", "vote", True),
    # A permit, a conversation: no assembly votes.
    ("Am Samstag zogen Tausende durch die bereits bewilligte Route.", "vote", False),
    ("Der Richter hat mit dem Angeklagten gesprochen.", "vote", False),
    # A rider's fall is an accident; a tree's, a rock's or a government's is none.
    ("Kurz vor der Einmündung verlor der Motorradfahrer die Kontrolle über seine Maschine und stürzte.", "crash", True),
    ("Ein Radfahrer ist am Montag in Hamburg schwer gestürzt.", "crash", True),
    ("Er verlor die Herrschaft über das Motorrad und kam zu Sturz.", "crash", True),
    ("Ein Baum war auf die Straße gestürzt.", "crash", False),
    ("Die Opposition stürzte die Regierung.", "crash", False),
])
def test_an_assemblys_approval_is_a_vote_and_a_riders_fall_an_accident(text, etype, present):
    found = {t.event_type for t in find_triggers(text, segment(text), language="de") if t.factuality == "asserted"}
    assert (etype in found) is present, found


@pytest.mark.parametrize("word, infinitives", [
    ("evakuiert", ["evakuieren"]),  # -iert
    ("gekentert", ["kenteren", "kentern"]),  # ge-
    ("angezündet", ["anzünden", "anzünden", "anzünden"]),  # a particle before ge-
    ("zugesagt", ["zusagen", "zusagn", "zusagen"]),
    ("entführt", ["entführen", "entführn"]),  # an inseparable prefix
    ("beschossen", ["beschießen"]),
    ("abgeben", []), ("haus", []), ("über", []), ("besuch", []),  # neither: the quick tests let them pass
])
def test_german_participle_infinitives(word, infinitives):
    """The participle analysis tries its particles and prefixes only on words that start with
    one (a test in C first): the same infinitives either way."""
    from geo.what import _german_participle_infinitives
    assert _german_participle_infinitives(word) == infinitives


@pytest.mark.parametrize("text, etype, present", [
    # An announcement and a pledge are statements, as English "announce" and "pledge": "gab … bekannt" rejoins
    # bekanntgeben, "sagte … zu" zusagen (no bare "sagen" left).
    ("Die Firma gab am Montag bekannt, dass sie das Werk umbaut.", "statement", True),
    ("Die Firma ist in der Region bekannt.", "statement", False),
    ("Die Bundesregierung hat am Montag zugesagt, eine Brigade zu stationieren.", "statement", True),
    ("Die Regierung sagte der Ukraine weitere Hilfe zu.", "statement", True),
    ("Der Minister versprach den Anwohnern rasche Hilfe.", "statement", True),
    # People come together: a meeting (a crowd in a strike's or a protest's story, below).
    ("Die Außenminister kamen am Montag in Brüssel zusammen.", "meeting", True),
    ("Die Außenminister kamen am Montag in Brüssel an.", "meeting", False),
    # Rock falls onto a road: a rock fall; a rider's fall stays a crash.
    ("In Güdingen ist ein Felsbrocken auf die Straße gestürzt.", "landslide", True),
    ("In Güdingen ist ein Radfahrer auf die Straße gestürzt.", "landslide", False),
    ("In Güdingen ist ein Radfahrer auf die Straße gestürzt.", "crash", True),
])
def test_german_announcements_gatherings_and_rock_falls(text, etype, present):
    assert (etype in {t.event_type for t in find_triggers(text, segment(text), language="de")}) is present


@pytest.mark.parametrize("title, etype", [
    # "kamen … zusammen" under a strike's headline is its crowd, as "trafen sich" is; elsewhere a meeting.
    ("Warnstreiks in der Metallindustrie", "labour_strike"),
    ("Neuer Betriebsrat bei Miele", "meeting"),
])
def test_people_coming_together_in_a_strikes_story_are_its_crowd(title, etype, resources):
    text = ("Die Gewerkschaft hat am Freitag in Nordrhein-Westfalen informiert.\n\n"
            "Vor Tor 3 des Miele-Werks in Bielefeld kamen am Samstag um 00.01 Uhr gut 100 Beschäftigte zusammen.")
    doc = Document(id="t.md", path="t.md", language="de", published=PUBLISHED, title=title, text=text)
    types = {e.event_type for e in process_document(doc, resources=resources) if "Tor 3" in e.evidence[0].quote}
    assert types == {etype}, types


@pytest.mark.parametrize("text, types", [
    # A lede's happening named after "nach" and an indefinite article came before the one its clause
    # tells: both are news, as English "After a break-in …, police arrested …" is two clauses.
    ("Nach einem Einbruch in eine Tankstelle in Görlitz konnte die Polizei am Montag den Täter schnappen.", {"crime", "raid_arrest"}),
    ("Bei einem Einbruch in eine Tankstelle in Görlitz konnte die Polizei am Montag den Täter schnappen.", {"crime"}),
    ("Nach dem Einbruch in eine Tankstelle in Görlitz konnte die Polizei am Montag den Täter schnappen.", {"crime"}),
    # only a response to it (an arrest, an investigation, a rescue, an evacuation, a closure)
    ("Nach einem Unfall auf der Autobahn in Görlitz demonstrierten am Montag 200 Anwohner.", {"crash"}),
])
def test_a_ledes_happening_after_nach_einem_came_before_its_clauses(text, types, resources):
    assert {e.event_type for e in _events(text, "de", resources)} == types


@pytest.mark.parametrize("text, present", [
    # An inflected participle right after the noun names those who took part in a happening told
    # before, no new one.
    ("Alle am Unfall beteiligten Personen sind deutsche Staatsangehörige.", False),
    ("Die am Verkehrsunfall beteiligten Fahrer blieben unverletzt.", False),
    # Told as a predicate, the happening is still told.
    ("Drei Autos waren an einem Unfall beteiligt.", True),
    ("Am Unfall beteiligt waren drei Autos.", True),
])
def test_a_noun_before_a_participle_of_its_participants_is_no_trigger(text, present):
    found = [t for t in find_triggers(text, segment(text), language="de") if t.event_type == "crash"]
    assert bool(found) == present, found


def test_a_sentence_the_trigger_scan_read_is_not_read_again(monkeypatch):
    """The sentence tests (`has_speaker`, `told_by_reporter`, …) take the tokens the trigger scan
    of the same sentence made (fails without the change: every test read the sentence again), and
    the same tokens as a fresh reading; another text is read."""
    import geo.what as what
    from geo.records import Sentence

    text = "Die Polizei nahm den Mann am Montag in Hamburg fest."
    lex = lexicon("de")
    lex.scanned.clear()
    fresh = what._scan(text, lex)[0]
    what._sentence_triggers(Sentence(0, len(text), text, 0), lex)
    calls = []
    monkeypatch.setattr(what, "_scan", lambda t, lx: calls.append(t) or (_ for _ in ()).throw(AssertionError(t)))
    assert what._tokens(text, lex) == fresh and what.has_speaker(text, language="de")
    assert calls == []
    monkeypatch.undo()
    other = "Der Zoll fand Kokain."
    assert what._tokens(other, lex) == what._scan(other, lex)[0] and other in lex.scanned


@pytest.mark.parametrize("text, expected", [
    # the text names Heiligkreuz among Trier's places, where it reads as no Polish voivodeship
    ("Das Team des Kampfmittelräumdiensts hat am Mittwochabend die Fliegerbombe unschädlich gemacht.\n\n"
     "Trier Mit einem Blindgänger ist nicht zu spaßen. Rund 2700 Menschen aus Heiligkreuz und von der Weismark mussten gehen.",
     "Trier"),
    # control: a text that does not name it leaves the title's reading alone
    ("Das Team des Kampfmittelräumdiensts hat am Mittwochabend die Fliegerbombe unschädlich gemacht.\n\n"
     "Trier Mit einem Blindgänger ist nicht zu spaßen. Rund 2700 Menschen aus der Weismark mussten gehen.",
     "Świętokrzyskie"),
])
def test_a_titles_province_that_the_text_reads_as_no_place_is_none(text, expected, resources):
    """ "Aufatmen in Heiligkreuz" over a Trier story: the text's names chose, not the Polish voivodeship."""
    doc = Document(id="t.md", path="t.md", language="de", published=PUBLISHED, url="https://www.volksfreund.de/region/x",
                   title="Aufatmen in Heiligkreuz: Fliegerbombe ist entschärft", text=text)
    lede = [e.place.name for e in process_document(doc, resources=resources) if e.headline and e.place is not None]
    assert lede[:1] == [expected], lede


@pytest.mark.parametrize("language, text, expected", [
    ("de", "Bei einem Angriff jüdischer Siedler sind am Freitag im besetzten Westjordanland zwei Palästinenser getötet worden. "
           "Zehn weitere Personen erlitten bei den Zusammenstößen in der Ortschaft Sinjil nördlich von Ramallah Verletzungen.", "Sinjil"),
    # control: a continent's happening spans it, the lede's town is one of its places
    ("en", "General Motors said on Monday it is cutting 14,000 jobs in North America. "
           "The company will close its assembly plant in Lordstown, Ohio.", "North America"),
])
def test_a_headline_event_in_a_small_region_takes_the_ledes_town_inside_it(language, text, expected, resources):
    """ "im besetzten Westjordanland … in der Ortschaft Sinjil": the region's town, by its outline, as a state's."""
    events = _events(text, language, resources)
    assert events[0].place is not None and events[0].place.name == expected, [(e.event_type, e.place and e.place.name) for e in events]
