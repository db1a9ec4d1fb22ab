"""Where it happened: of the places a sentence names, the one where its happening took place.

A name after a locative word ("in", "bei", "over", "in der Siedlung") is where it happened;
directions ("im Südwesten Berlins"), origins and targets ("aus", "in Richtung"), datelines, a
country acting as subject ("Russland hat …"), a genitive ("Russlands Militär"), a name that
qualifies an institution ("Romania Foreign Ministry") and a company's seat ("mit Sitz in
London") are only mentioned. A later name that only says where the first lies ("Mesa in
Phoenix, Arizona") hands it its role. Used by geo/events.py.
"""
from __future__ import annotations

import re

from geo.nearness import lies_in, outside_of
from geo.records import Place, PlaceMention
from geo.ref import load_yaml
from geo.when.pattern import caseless
from geo.where import FULL_STOP_DATELINE, NEAR_WORDS, PLACE_NOUNS, QUALIFIER_GAP, contradicts, opens_dateline, origin_of_person

PLACE_RANK = {"site": 0, "city": 1, "admin2": 1.5, "admin1": 2, "border": 3, "country": 4, "sea": 5, "region": 6, "unknown": 7}


# "in nearby Coldwater", "to neighbouring Baglung": an adjective between the preposition and the name.
_NEAR = "|".join(sorted(NEAR_WORDS))
# "in der Siedlung X", "in the suburb of X": a settlement noun between the preposition and the name.
_PLACE_NOUN = rf"(?:{'|'.join(sorted(PLACE_NOUNS, key=len, reverse=True))})(?:\s+of)?\s+"


_LOCATED_BEFORE = re.compile(
    r"(?:\b(?:in|im|in der|in den|auf|auf der|auf die|auf den|auf das|bei|beim|nahe|vor|an der|am|near|at|on|off|"
    r"off the coast of|vor der Küste|outside|over|über|über der|über dem|across|throughout|inside|within|quer durch|en|cerca de)"
    rf"(?:\s+(?:de[rmns]?|die|das|the|la|el|los|las))?\s+(?:(?:\w+e[nmr]?|{_NEAR})\s+)?(?:{_PLACE_NOUN})?"
    # "at Saiton village of Bishnupur district": a settlement the text names in the place
    r"|\b(?:village|hamlet|locality|settlement)\s+(?:of|in)\s+)$",
    re.I,
)


def ends_with(pattern: re.Pattern):
    """`pattern.search(text)` as a test (a match or None; truthy exactly when `search` is, only
    the match object spans the whole text), tried from the end backwards (a greedy prefix). For a
    pattern anchored at the text's end ($) that often matches, the usual start near the end is
    found without trying every earlier one first: about 2.5x faster for `_LOCATED_BEFORE`."""
    return re.compile(r"(?s:.*)(?:" + pattern.pattern + ")", pattern.flags).match


_LOCATED_AT_END = ends_with(_LOCATED_BEFORE)
# The same for `caseless(text)`: the pattern's words in lower case (it has no upper-case escape).
_LOCATED_AT_END_LOW = ends_with(re.compile(_LOCATED_BEFORE.pattern.lower()))


def holding(words: tuple[str, ...], pattern: re.Pattern):
    """`pattern.search(text)` as a test, tried only where the text holds one of `words`, which
    every match of the pattern holds (in lower case for a pattern that ignores case: the text
    lowered, unless it holds a letter Python's case folding matches to an ASCII one beyond what
    `str.lower` gives: İ, ı, ſ, K). Most windows before a place hold none of them, and looking
    for a few words costs a fraction of a search that tries the pattern at every start."""
    search = pattern.search
    present = re.compile("|".join(re.escape(w) for w in words)).search  # one scan in C, not one per word
    if not pattern.flags & re.I:
        return lambda text, pos=0: search(text, pos) if present(text) else None

    def test(text: str, pos: int = 0):
        low = caseless(text)
        return search(text, pos) if low is None or present(low) else None
    return test


# "Im Südwesten Berlins", "north of Kyiv", "südlich von Ulm": a reference point, not the place. A
# direction is a noun there ("im Norden", "in the north of"); an adjective names the region a town
# lies in ("im nordböhmischen Liberec", "im ostwestfälischen Bielefeld", "in the northern Gaza Strip").
_APPOSITION = r"(?:(?:the|der|die|dem)\s+)?(?:(?:capital|Hauptstadt|city|Stadt|town)\s*,?\s+)?"  # "of the capital, Kathmandu"


_DIRECTION_BEFORE = re.compile(
    rf"(?:\b(?:im|in the)\s+(?:(?-i:Süd|Nord|Ost|West)(?:en|osten|westen)?|(?:north|south)(?:-?(?:east|west))?|east|west)\s+(?:von\s+|of\s+)?"
    r"|\b(?:südlich|nördlich|östlich|westlich|südöstlich|südwestlich|nordöstlich|nordwestlich|"
    rf"north|south|east|west|northeast|northwest|southeast|southwest)\s+(?:von|of)\s+{_APPOSITION}"
    rf"|\b\d+\s*(?:km|Kilometer|kilometers|kilometres|miles|Meilen)\s+(?:\([^)]{{1,30}}\)\s+)?\w*\s*(?:von|of|from)\s+"
    rf"{_APPOSITION})$",
    re.I,
)


_ACTOR_AFTER = re.compile(r"\s+(?:hat|haben|hatte|hatten|will|wird|has|have|had|says|said|sagte|erklärte|warnte|kündigte|"
                          r"signed|sent|launched|fired|attacked|struck|announced|accused|called|condemned|deployed|"
                          r"imposed|responded|agreed|rejected|denied|demanded|urged|claimed|intercepted|warned)\b")


# "Moscow said", "„…“, warnte Kiew", "Jackson said": a name as the subject of a speech act names a
# government (the capital for its state) or a person, not where anything happened.
_SPEECH_VERBS = (r"said|says|say|warned|warns|accused|accuses|denied|denies|urged|urges|condemned|condemns|rejected|rejects|"
                 r"demanded|demands|claimed|claims|insisted|insists|blamed|blames|dismissed|dismisses|vowed|vows|threatened|"
                 r"threatens|critici[sz]ed|critici[sz]es|welcomed|welcomes|responded|responds|retaliated|protested|summoned|"
                 r"expelled|sagte|sagt|erklärte|erklärt|warnte|warnt|forderte|fordert|wies|weist|reagierte|reagiert|verurteilte|"
                 r"verurteilt|bestritt|bestreitet|dementierte|dementiert|beschuldigte|beschuldigt|warf|wirft|drohte|droht|"
                 r"kritisierte|kritisiert|betonte|betont|begrüßte|begrüßt")
_SPEAKER_AFTER = re.compile(r"\s+(?:(?:has|have|had|will|would|also|again|repeatedly|quickly|later|then|hat|hatte|"
                            r"on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|am (?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch)\s+)*"
                            rf"(?:{_SPEECH_VERBS})\b")
# The subject's place: a sentence's or a quote's end, a colon, or a conjunction before it.
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?:;\n„“”\"’]|\b(?:[Bb]ut|[Ww]hile|[Ww]hereas|and|aber|während|doch|und))\s*$")
# "…, warnte Kiew.", "…, said Jackson, who": the speaker after the verb (German word order, a quote's tag).
_SPEAKER_INVERTED = re.compile(rf"\b(?:{_SPEECH_VERBS}|added|told|teilte)\s+$")
_INVERTED_END = re.compile(r"\s*(?:[,.;]|$|\s+(?:mit|in a statement|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                           r"am (?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|am Mittwoch)\b)")


def speaks_as_subject(text: str, m: PlaceMention) -> bool:
    """Whether the name is the subject of a speech act ("Moscow said", "Kiew warnte", "…, said
    Jackson."): a government its capital stands for, or a person named like a town. What follows
    the name is tried first: a match anchored there fails at once where the search before it
    tries every start of its window."""
    if _SPEAKER_AFTER.match(text, m.end):
        if _SUBJECT_BEFORE.search(text[max(0, m.start - 40):m.start]):
            return True
    return bool(_INVERTED_END.match(text, m.end) and _SPEAKER_INVERTED.search(text[max(0, m.start - 40):m.start]))


# "the Minsk agreements", "the Rome Statute", "die Genfer Flüchtlingskonvention", "der Shanghaier Organisation für
# Zusammenarbeit": a treaty or a body named after the city where it was signed or founded, not a place of the story.
_TREATY_AFTER = re.compile(
    r"(?:\s+(?:[Cc]limate|[Pp]eace|[Nn]uclear|[Gg]rain|[Cc]easefire|[Tt]rade))?\s+(?:[Aa]greements?|[Aa]ccords?|"
    r"[Cc]onventions?(?!\s+[Cc]ent)|[Tt]reaty|[Pp]rotocols?|Statute|Pact|Declaration|Charter|Regulation|[Mm]emorandum|"
    r"Consensus|Cooperation Organi[sz]ation)\b"
    r"|\s+(?=[A-ZÄÖÜ])(?i:[a-zäöüß]*?(?:abkommen|vereinbarung(?:en)?|konvention(?:en)?|übereinkommen))\b"
    r"|\s+(?:Vertrag|Verträgen?|Protokoll|Statut|Pakt|Memorandum|Organisation\s+für)\b")
# "Moscow's war against Ukraine", "Beijing's coast guard", "Pekings Küstenwache": a city's possessive before
# what only a state has names the government its capital stands for, not where ("Moscow's airports" is Moscow).
_STATE_OWNED_AFTER = re.compile(
    r"['’]s?\s+(?:(?:nuclear|military|naval|foreign|full-scale|ongoing|illegal)\s+)?(?:war|invasion|troops|forces|military|army|"
    r"navy|coast guard|envoys?|ambassadors?|diplomats|all(?:y|ies)|territorial claims?|sanctions|offensive|regime|proxies|"
    r"annexation|occupation|foreign policy)\b")
_STAATS_GENITIVE_AFTER = re.compile(
    r"\s+(?:Angriffskrieg|Krieg|Invasion|Truppen|Streitkräfte|Armee|Militär|Marine|Küstenwache|Botschafter|Verbündeten?|"
    r"Gebietsansprüche|Sanktionen|Offensive|Regime|Annexion|Besatzung|Außenpolitik)\b")


# "Russlands Militär", "Chinas Präsident": a genitive country names who acts, not where.
_GENITIVE_OF = re.compile(r"s\s+[A-ZÄÖÜ]")
# "condemned Azerbaijan's provocation", "India's support for Timor-Leste": an English country's
# possessive before what the state does or has names who acts, not where; not before a part of
# the country ("Nepal's mountainous districts", "Nigeria's north-east", "Ukraine's second city"),
# nor before its institutions, whose acts the country's capital places ("Kenya's parliament voted").
_POSSESSIVE_ACTOR_AFTER = re.compile(
    r"['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:(?:north|south|east|west)[\w-]*|(?:parliament|government|president|prime|"
    r"premier|ministry|ministries|ministers?|cabinet|senate|congress|assembly|legislature|courts?|police|army|military|"
    r"navy|air|armed|central|leaders?|officials?|authorities|king|queen|capital|cit(?:y|ies)|towns?|villages?|"
    r"provinces?|regions?|states?|count(?:y|ies)|districts?|borders?|borderlands|coast|coastal|coastline|islands?|waters|seas?|"
    r"mountains?|mountainous|hills|highlands|lowlands|countryside|territor(?:y|ies)|interior|heartland|frontier|airspace|ports?|"
    r"areas?|zones?|skies|soil|parts?|side|shores?|rural|remote|desert|valleys?|delta|plains)\b))[a-z]")




_ORIGIN_OR_TARGET_BEFORE = re.compile(
    r"(?<!Teile )(?<!Teilen )(?<!Teil )(?<!parts )(?<!part )\b(?:aus|von|gegen|nach|in Richtung|Richtung|Fahrtrichtung|Richtungsfahrbahn|from|against|to|toward|towards|desde|contra|hacia)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:(?:\w+e[nmr]?|" + _NEAR + r")\s+)?"
    r"(?:(?<=the )(?:hills|mountains|forests?|jungles?|direction|side)\s+of\s+)?"
    # "speaking from the Philippines capital Manila", "fled from the port city of Odesa": the noun's apposition
    r"(?:(?<=the )(?:[A-Z][\w-]*\s+)?(?:capital|city|town|village|port city)(?:\s+of)?,?\s+)?$",
    re.I,
)


# "in der Nähe von Gossensaß", "im Wald von Göllersdorf", "im Gemeindegebiet von Senftenberg": German
# writes a place after "von" where a locative phrase names its surroundings or a part of it, or its
# residents ("Anwohner von Erftstadt-Blessem"): where it happened, not an origin ("aus", "von Mailand
# nach Białystok").
_SURROUNDINGS_OF_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Ii]m|[Aa]m|[Aa]n|[Aa]uf)\s+(?:der\s+|dem\s+|den\s+)?(?:\w+e[nmr]?\s+)?"
    r"(?:Nähe|Umgebung|Gegend|Umland|Großraum|Zentrum|Innenstadt|Rande?|Stadtrand|Ortsrand|Ortskern|Wald|Wäldern|Hafen|"
    r"Straßen|Vororten?|Außenbezirken?|Stadtgebiet|Gemeindegebiet|Ortsgebiet|Ortsteil|Stadtteil)"
    r"|\b[Uu]nweit|\b(?:An|Be|Ein)wohner(?:in|innen|n)?"
    # "im Ortsteil Arlen von Rielasingen-Worblingen", "Erfenbach, einem Ortsteil von Kaiserslautern": the town it belongs to
    r"|\b(?:Ortsteil|Stadtteil|Gemeindeteil|Ortschaft|Weiler)s?(?:\s+[A-ZÄÖÜ][\w-]*){0,2}"
    r"|\b(?:ein|einem|einen|eines|dem|den|des)\s+(?:Dorf|Ort|Vorort)(?:e?s)?)\s+von\s+$")


# "der in Wels lebende Mann", "die in Graz ansässige Firma", "ein 35-Jähriger, wohnhaft im Bezirk Braunau": where
# a person lives or a firm sits, said of who the sentence is about, not where its happening was. Not
# "die in Wels lebenden Menschen mussten ihre Häuser verlassen": its residents are there, as "Anwohner von Wels".
_RESIDENCE_AFTER = re.compile(r"\s+(?:lebende|wohnende|wohnhafte|ansässige|beheimatete|geborene)[rs]?\b")
_RESIDENCE_BEFORE = re.compile(r"\bwohnhaft\s+(?:in|im|in der)\s+(?:(?:Bezirk|Landkreis|Kreis|Gemeinde|Stadt|Raum)\s+)?$")
_RESIDENCE_LAST = frozenset(("in", "im", "der", "Bezirk", "Landkreis", "Kreis", "Gemeinde", "Stadt", "Raum"))
# "Kyle Smith, of Kirklin, died", "Ann Pickett, 61, of Lebanon": an English news name's home after it.
_RESIDENCE_OF_EN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+)+,(?: (?:age )?\d{1,3},)? of $")
# "Christian Wolter from Dover", "a man in his 50s from Sidmouth", "a man aged in his 40s from Saltash", "Kyle Smith,
# 24, of Lebanon"; German "ein 35-Jähriger aus Wels", "die Lenkerin aus dem Bezirk Braunau": where the person the
# sentence is about lives or comes from.
_PERSON_FROM_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+)+|\b(?:man|woman|boy|girl|driver|rider|motorist|pedestrian)|"
    r"\bin (?:his|her) (?:early |mid-?|late )?\d0s|,\s*\d{1,3},?)\s+from\s+$"
    r"|(?:-[Jj]ährige[rn]?|\bMann|\bFrau|\bLenker(?:in)?|\bFahrer(?:in)?|\bPensionist(?:in)?|\bBub|\bMädchen)\s+aus\s+"
    r"(?:(?:dem|der)\s+(?:Bezirk|Landkreis|Kreis|Gemeinde|Stadt)\s+)?$")


# "new tariffs on China", "sanctions on Mali", "a travel ban on Nigeria": the country a measure is
# laid on is its target, not where it is decided ("on" is otherwise a locative: "on Lesbos").
_MEASURE_ON_BEFORE = re.compile(r"\b(?:sanctions|tariffs?|embargo(?:es)?|duties|levies|restrictions|bans?)\s+(?:\w+\s+)?"
                                r"on\s+(?:the\s+)?$", re.I)
_MEASURE_ON_IN = holding(("sanction", "tariff", "embargo", "duties", "levies", "restriction", "ban"), _MEASURE_ON_BEFORE)


# "have evacuated from Lismore", "were evacuated from the town of Yarloop": an evacuation's origin is where it happens.
_EVACUATED_FROM = re.compile(r"\bevacuat(?:e|ed|es|ing)\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:(?:town|city|village|suburb)\s+of\s+)?$", re.I)


# "mit Sitz in London", "headquartered in Detroit": where a company sits, not where it acts; so is
# where an office that directs from afar sits ("von der Einsatzzentrale in Passau verständigt,
# dass … in Vilshofen", "The Water Board in Leeds ordered the evacuation of the town of Wetherby").
_SEAT_BEFORE = re.compile(r"(?:\b(?:(?:Haupt|Firmen|Konzern|Unternehmens)?[Ss]itz|based|headquartered|headquarters|Board)"
                          r"|[Zz]entrale|[Ll]eitstelle)\s+(?:in|im)\s+$")


# Where troops are sent or a visitor travels is where the deployment or visit happens.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:nach|to|toward|towards|hacia|in Richtung)(?:\s+(?:de[rmns]?|die|das|the|la|el))?\s+(?:(?:\w+e[nmr]?|" + _NEAR + r")\s+)?$", re.I
)


# "returned to Beijing", "arrived back in Kyiv", "kehrte nach Berlin zurück": where one arrives
# is where one is, whatever the sentence's type.
_ARRIVAL_BEFORE = re.compile(
    r"\b(?:returned|returns|returning|arrived|arrives|arriving|landed|lands)\s+(?:back\s+|home\s+)?(?:to|in|at)\s+(?:the\s+)?$"
    r"|\b(?:kehrte|kehrten|kehrt|zurückgekehrt|landete|landeten|gelandet)\s+(?:\w+\s+){0,3}?(?:nach|in)\s+$",
    re.I,
)
# German "ist … nach Astana abgereist", "reiste am Montag nach Kiew": where a
# traveller goes to is where the visit or meeting the sentence tells happens, whatever its type.
# (Not "geflogen": people deported are flown to where they are sent, from where it happens.)
_TRAVEL_TO_BEFORE = re.compile(r"\b(?:reist|reiste|reisten)\s+(?:\S+\s+){0,4}?nach\s+$")
_TRAVEL_TO_AFTER = re.compile(r"\s+(?:(?:ab|weiter|zurück)?gereist|aufgebrochen|(?:ab|weiter)?reisen|aufbrechen)\b")
# German "nach Österreich", "in Richtung Passau": where people or goods are sent or go.
_GERMAN_DESTINATION_BEFORE = re.compile(r"\b(?:nach|in Richtung|Richtung)\s+(?:(?:der|dem|den|das|die)\s+)?(?:\w+e[nmr]?\s+)?$")


def destination(doc_text: str, m: PlaceMention, language: str) -> bool:
    """Whether a German text names `m` as where someone is sent or goes ("wiesen die Migranten
    nach Österreich zurück", "wurden nach Heiligenkreuz gebracht")."""
    return language == "de" and _GERMAN_DESTINATION_BEFORE.search(doc_text, max(0, m.start - 40), m.start) is not None


# A deportation happens where the authorities send people off ("Sammelabschiebung vom Flughafen
# München nach Pristina", "wiesen die Migranten nach Österreich zurück" at the border): its
# destination is only mentioned.
MOVEMENT_TYPES = frozenset(("deployment", "visit"))


def place_role(doc_text: str, m: PlaceMention, etype: str | None = None) -> str:
    """'located' where the happening took place, 'mentioned' for origins, targets, demonyms."""
    if m.weak:
        return "mentioned"
    before = doc_text[max(0, m.start - 40):m.start]
    # Each pattern below that ends at the name spans at most a few of the window's words (its
    # figure in `_back`), so it is tried only from the start of the word that many back.
    words = [w.start() for w in _WORD.finditer(before)]
    last = before[words[-1]:].rstrip() if words else ""  # the word the name follows
    if (_INSTITUTION_AFTER.match(doc_text, m.end) and not (_LOCALITY_AFTER.match(doc_text, m.end) and _A_LOCALITY_BEFORE.search(before))) \
            or _BORDER_AFTER.match(doc_text, m.end) \
            or (last.endswith(_INSTITUTION_LAST) and _INSTITUTION_BEFORE.search(before, _back(words, 3))) \
            or (last in _BORDER_LAST and _BORDER_BEFORE.search(before, _back(words, 3))):
        return "mentioned"
    wide = doc_text[max(0, m.start - 80):m.start]  # titles and distances run longer than 40 characters
    shift = len(wide) - len(before)
    if _ENVOY_IN(wide, _back_wide(words, 11, shift)) or _TITLE_OF_IN(wide, _back_wide(words, 4, shift)) \
            or _ENGLISH_TITLE_OF_IN(wide, _back_wide(words, 9, shift)):
        return "mentioned"  # "the High Commissioner of India to the Republic of Rwanda": an envoy's title
    if _HOSPITAL_AFTER.match(doc_text, m.end) and (_TARGET_TITLE_BEFORE.search(before) or _CARED_AT_BEFORE.search(before)):
        return "mentioned"  # "flown to the Royal Melbourne Hospital", "being treated at Msambweni Referral Hospital"
    if _TO_HOSPITAL_IN(wide, _back_wide(words, 7, shift)) or (_HOSPITAL_WORD_AFTER.match(doc_text, m.end) and _INTO_BEFORE.search(before)):
        return "mentioned"  # "in ein Krankenhaus in Augsburg", "in ein Münchner Krankenhaus": where the injured were taken
    if _ARRIVAL_IN(before, _back(words, 5)):
        return "located"  # "returned to Beijing", "traf in Kiew ein": where the traveller now is
    if etype in MOVEMENT_TYPES and _DESTINATION_BEFORE.search(before, _back(words, 4)):
        return "located"
    if last == "nach" and m.place.type in ("city", "site") and (_TRAVEL_TO_AFTER.match(doc_text, m.end)
                                                               or _TRAVEL_TO_BEFORE.search(before, _back(words, 6))):
        return "located"  # "ist … nach Astana abgereist": the traveller's destination
    if last == "von" and _SURROUNDINGS_OF_BEFORE.search(before, _back(words, 5)):
        return "located"  # "in der Nähe von Gossensaß": not the origin "von" marks elsewhere
    if last.lower() in _EVACUATED_LAST and _EVACUATED_FROM.search(before, _back(words, 8)):
        return "located"  # "thousands have evacuated from Lismore": the evacuation happens where they leave
    if _lives_there(doc_text, m, before, words, last):
        return "mentioned"  # "Der in Wels lebende Mann wurde in Salzburg festgenommen": a person's home, as "aus Wels"
    # "190 km (120 miles) inland from the capital Colombo" is longer than the 40 characters the others need
    if _ORIGIN_OR_TARGET_IN(before, _back(words, 6)) or _DIRECTION_IN(wide) \
            or (last in _SEAT_LAST and _SEAT_BEFORE.search(before, _back(words, 2))) \
            or (last.lower() in _MEASURE_ON_LAST and _MEASURE_ON_IN(before, _back(words, 4))):
        return "mentioned"
    if _is_dateline(doc_text, m):
        return "mentioned"  # the dateline: where the story was filed
    if m.place.type in ("city", "admin1") and _TREATY_AFTER.match(doc_text, m.end):
        return "mentioned"  # "Russia broke the Minsk agreements": a treaty's name
    if m.place.type == "city" and (_STATE_OWNED_AFTER.match(doc_text, m.end)
                                   or (m.genitive and _STAATS_GENITIVE_AFTER.match(doc_text, m.end))):
        return "mentioned"  # "Moscow's war against Ukraine": the state acts
    if m.place.type == "city" and speaks_as_subject(doc_text, m):
        return "mentioned"  # "Moscow said it had targeted military sites": the government speaks, the strike was elsewhere
    if m.place.type == "country" and before.rstrip()[-1:] in ("", ".", "!", "?", "\n") and _ACTOR_AFTER.match(doc_text, m.end):
        return "mentioned"  # "Russland hat … angegriffen": the country acts, the place is elsewhere
    if m.place.type == "country" and m.text.endswith("s") and (m.genitive or m.text[:-1] in (m.place.name, m.place.name_de)) \
            and _GENITIVE_OF.match(doc_text, m.end - 1):
        return "mentioned"
    if m.place.type == "country" and _POSSESSIVE_ACTOR_AFTER.match(doc_text, m.end):
        return "mentioned"  # "condemned Azerbaijan's provocation": the state acts, the place is elsewhere
    if last in _LIKE_LAST and _LIKE_BEFORE.search(before, _back(words, 4)):
        return "mentioned"  # "Krisen wie in Syrien": a comparison's place, not this happening's
    if last in _REPORTER_LAST and _REPORTER_BEFORE.search(before, _back(words, 3)) and _REPORTS_AFTER.match(doc_text, m.end):
        return "named"  # "wie die Polizei in Reutlingen mitteilte": where the informant sits, not the happening
    low = caseless(before)
    located = _LOCATED_AT_END(before, _back(words, 8)) if low is None else _LOCATED_AT_END_LOW(low, _back(words, 8))
    return "located" if located else "named"


_WORD = re.compile(r"\S+")


def _lives_there(doc_text: str, m: PlaceMention, before: str, words: list[int], last: str) -> bool:
    """ "der in Wels lebende Mann", "wohnhaft im Bezirk Braunau", "Kyle Smith, 24, of Lebanon": the text says the person lives there."""
    return bool(_RESIDENCE_AFTER.match(doc_text, m.end) or (last in _RESIDENCE_LAST and _RESIDENCE_BEFORE.search(before, _back(words, 4)))
                or (last == "of" and _RESIDENCE_OF_EN.search(before, _back(words, 7))))


def person_home(doc_text: str, m: PlaceMention) -> bool:
    """Whether `m` names where a person lives or comes from ("der in Wels lebende Mann", "Kyle Smith,
    of Kirklin", "a Sidmouth man", "Christian Wolter from Dover", "ein 35-Jähriger aus Wels"): said of
    who the sentence is about, not where its happening was, nor the place its paragraph goes on about."""
    before = doc_text[max(0, m.start - 40):m.start]
    words = [w.start() for w in _WORD.finditer(before)]
    last = before[words[-1]:].rstrip() if words else ""
    if _lives_there(doc_text, m, before, words, last):
        return True
    if last in ("from", "aus", "Bezirk", "Landkreis", "Kreis", "Gemeinde", "Stadt") and _PERSON_FROM_BEFORE.search(before, _back(words, 7)):
        return True
    return origin_of_person(doc_text, m.start, m.end)  # "a Sidmouth man suffered", "A 48-year-old Vero Beach man died"


def _back(words: list[int], n: int) -> int:
    """Where the `n`th word from a window's end starts (`words`: where each of its words starts),
    0 for a window of fewer words. A pattern anchored at the window's end whose matches span at
    most `n` words (a word is what whitespace separates, as each pattern's `\\s` does) finds
    nothing that starts before: searching from there is searching the window, in fewer tries.
    The figures, from the patterns: the institution heads and a border 3 words ("Fire and
    Rescue ", "borders with the "), an arrival 5 ("kehrte am Abend nach Hause nach "), a
    destination 4 ("in Richtung der nahen "), surroundings 5 ("in der nahen Umgebung von "), an
    evacuation 8 ("evacuated … from the town of "), an origin or target 6 ("in Richtung der
    nahen ", "from the hills of "), a seat 2, a measure 4 ("sanctions imposed on the "), a comparison 4
    ("wie etwa in der "), a locative 8 ("off the coast of the nearby town of ")."""
    return words[-n] if len(words) >= n else 0


def _back_wide(words: list[int], n: int, shift: int) -> int:
    """`_back` for the wider window that ends where `words`' window does, `shift` characters
    longer: a word of the narrow window is one of the wide window's too, except its first (the
    narrow window may cut it), so beyond that the wide window is searched from its start."""
    return words[-n] + shift if len(words) > n else 0


# The word right before the name that a match of these patterns ends with (each ends with that
# word, whitespace before it and "\s+$"; lower case for those that ignore case; the institution
# heads' `_INSTITUTION_LAST` below): a window ending with another word is not searched.
_BORDER_LAST = frozenset(("zu", "zum", "zur", "with", "the"))
_EVACUATED_LAST = frozenset(("from", "the", "of"))
_SEAT_LAST = frozenset(("in", "im"))
_MEASURE_ON_LAST = frozenset(("on", "the"))
_LIKE_LAST = frozenset(("in", "im", "auf", "am", "an", "bei", "beim", "der", "dem", "den", "die", "das"))


# "wie die Polizei in Reutlingen mitteilte", "police in Leeds said": the office that reports sits
# there; where the sentence names another place, that is where it happened.
_REPORTER_BEFORE = re.compile(r"\b(?:[Pp]olizei(?:präsidium|direktion|inspektion)?|Staatsanwaltschaft|[Pp]olice|[Pp]rosecutors|"
                              r"[Aa]uthorities|[Oo]fficials)\s+(?:in|im|at)\s+(?:der\s+|dem\s+|the\s+)?$")
_REPORTS_AFTER = re.compile(r"(?:\s+\S+){0,3}?\s+(?:mit(?:teilte|teilten|geteilt)|berichtete|berichteten|sagte|sagten|"
                            r"said|say|says|told|reported|announced)\b")
_REPORTER_LAST = frozenset(("in", "im", "at", "der", "dem", "the"))


# German "Krisen wie in Syrien und in der Ukraine", "wie im Vorjahr in Bayern": a place named for
# comparison or as an example is not where the sentence's own happening took place.
_LIKE_BEFORE = re.compile(r"(?<![\w-])[Ww]ie\s+(?:(?:etwa|zuletzt|schon|bereits|zuvor|damals|auch)\s+)?(?:in|im|auf|am|an|bei|beim)"
                          r"(?:\s+(?:der|dem|den|die|das))?\s+$")
# "wie in Syrien und in der Ukraine": the comparison's list goes on.
_LIKE_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:und|oder|sowie))\s*(?:(?:in|im|auf|am|an|bei|beim)(?:\s+(?:der|dem|den|die|das))?\s+)?$")


# "Ambassador of India to the Republic of Mali", "envoy to Kenya": the countries of a diplomat's
# title, not where the diplomat is (a visit's "to" is otherwise its destination).
_ENVOY_BEFORE = re.compile(
    r"\b(?:[Aa]mbassadors?|[Ee]nvoys?|High Commissioners?|[Cc]onsul(?:s|-General| General)?|Permanent Representative)"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:of|to|from)\s+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|State|Federation|Commonwealth|Union)\s+of\s+(?:the\s+)?)?$")


# German "den Ministerpräsidenten der Republik Lettland", "Präsident der Ukraine", "Botschafter von Kenia":
# the country of a person's title, not where the person is.
_GERMAN_TITLE_OF_BEFORE = re.compile(
    r"(?<![\w-])(?:Minister|Ministerpräsident|Premierminister|Präsident|Staatspräsident|Regierungschef|Kanzler|Botschafter|"
    r"König|Emir|Außenminister|Verteidigungsminister|Innenminister)(?:in|en|s)?\s+(?:der|des|von)\s+"
    r"(?:(?:Republik|Königreich(?:s|es)?|Föderation|Staat(?:es|s)?|Islamischen Republik|Volksrepublik)\s+)?$")


# "the President of Kazakhstan", "Prime Minister of the Republic of Fiji", "the King of Bhutan": the
# country of a head of state's or a minister's title, not where the person is.
_ENGLISH_TITLE_OF_BEFORE = re.compile(
    r"\b(?:President|Vice[- ]President|Prime Minister|Deputy Prime Minister|(?:[A-Z][a-z]+ )?Minister|King|Queen|Emir|Sultan|"
    r"Chancellor|Head of State|Crown Prince)\s+of\s+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|State|Federation|Commonwealth|Union|Islamic Republic|People's Republic)\s+of\s+(?:the\s+)?)?$")


# "flown to the Royal Melbourne Hospital", "taken to the Alfred Cooktown Base Hospital": a hospital
# named after its town, with words of its name before the town, as a destination (a plain "to
# Cairns Hospital" is a target anyway): where the injured were taken, not where it happened.
_HOSPITAL_AFTER = re.compile(r"(?:\s+[A-Z][\w'’]+){0,2}\s+(?:Hospital|Infirmary|Clinic|Medical Cent(?:re|er)|Health Cent(?:re|er))\b")
_TARGET_TITLE_BEFORE = re.compile(r"\b(?:to|into)\s+(?:the\s+)?(?:[A-Z][\w'’]+\s+){1,2}$")
# "are being treated at Msambweni Referral Hospital", "the mortuary at Navan Hospital": where the injured are cared
# for or the dead are kept, not where it happened (a hospital's own news says "an outbreak at"; one who "died at" or
# "starb im Krankenhaus in Augsburg" is where the happening ended, as German dative hospitals are).
_CARED_AT_BEFORE = re.compile(r"\b(?:treated|admitted|recovering|hospitali[sz]ed|mortuary|morgue)\s+(?:\w+\s+){0,2}?at\s+(?:the\s+)?$")


# German "ins Krankenhaus nach Rosenheim", "in ein Krankenhaus in Augsburg", "in die Uniklinik
# Freiburg", "ins Klinikum Ingolstadt" (the accusative: a destination; "im Krankenhaus" is where
# someone is): where the injured were taken, not where it happened.
_INTO = r"\b(?:ins|in\s+(?:ein|eine|die|das|den))\s+"
_HOSPITAL_WORD = r"(?:[Kk]rankenh(?:aus|äuser)|[Kk]linik(?:um|en)?|[Ss]pital|[Ss]pitäler|[Hh]ospital)"
_TO_HOSPITAL_BEFORE = re.compile(_INTO + r"(?:[\w-]+e[nmrs]?\s+){0,2}(?:[A-ZÄÖÜ][\w-]*)?" + _HOSPITAL_WORD
                                 + r"(?:\s+(?:in|nach|von|bei))?(?:\s+(?:der|dem|den))?\s+$")
_INTO_BEFORE = re.compile(_INTO + "$")  # "in ein Münchner Krankenhaus": the town's adjective before the hospital
_HOSPITAL_WORD_AFTER = re.compile(r"\s+" + _HOSPITAL_WORD + r"\b")


# "Romania Foreign Ministry", "Dallas County Medical Examiner", "Oregon State Police", "the Welkom K9 Unit":
# the name qualifies an institution (a unit is named after its base, not where it acts).
_INSTITUTION_AFTER = re.compile(
    r"\s(?:State (?:Police|Patrol|Troopers?)|Highway Patrol|National Guard|(?:[A-Z0-9][\w-]*\s){0,2}(?:Unit|Squad)|Foreign|Interior|Defen[cs]e|Health|Ministry|Department|Police|Government|Army|Navy|Air Force|[Ee]mbassy|[Cc]onsulate|Botschaft|Konsulat|"
    r"Council|County|University|Court|Medical|Fire|Sheriff|Office|Authority|Federation|Association|Times|Post|"
    # a newspaper ("The Boston Globe reported", "laut Hamburger Abendblatt") and a person's origin ("a Texas native")
    r"Globe|Herald|Tribune|Gazette|Chronicle|Journal|Examiner|Courier|Observer|Telegraph|Inquirer|Sentinel|Star|Sun|"
    r"Zeitung|Abendblatt|Morgenpost|Rundschau|Anzeiger|Nachrichten|Tagblatt|Kurier|Allgemeine|native|"
    # a people ("the Meitei and Kuki communities"), not the place of that name
    r"communit(?:y|ies)|tribes?|clans?)\b")


# "derailed in a Southern California community", "in a rural Mississippi community": a community
# after "in a" is a locality of the place, not a people ("the Meitei and Kuki communities").
_LOCALITY_AFTER = re.compile(r"\s+community\b")
_A_LOCALITY_BEFORE = re.compile(r"\b(?:in|at|near)\s+an?\s+(?:(?:[Ss]outhern|[Nn]orthern|[Ee]astern|[Ww]estern|[Cc]entral|rural|small|remote)\s+)?$")


# "Police Scotland", "Ambulance Victoria", "Transport for London": the service's region names an institution.
_INSTITUTION_HEADS = load_yaml("institution_heads.yaml")["en"]["named_before"]
_INSTITUTION_BEFORE = re.compile(
    rf"(?<![\w&-])(?:{'|'.join(re.escape(h) for h in sorted(_INSTITUTION_HEADS, key=len, reverse=True))})\s$")
_INSTITUTION_LAST = tuple({head.split()[-1] for head in _INSTITUTION_HEADS})  # what the word before the name ends with


# "near the Tennessee state line", "the Mexico border": the neighbour names a line, not the place.
_BORDER_AFTER = re.compile(r"(?:-\w+)?\s+(?:state\s+line|border|frontier)\b", re.I)
# "in einem Dorf unweit der Grenze zu Serbien", "near the border with Serbia": the neighbour a border
# runs to, not the side the happening is on.
_BORDER_BEFORE = re.compile(r"\b(?:(?:Staats|Landes)?[Gg]renzen?\s+zu[mr]?|borders?\s+with(?:\s+the)?)\s+$")


# The words every match of these holds (see `holding`).
_ENVOY_IN = holding(("mbassador", "nvoy", "High Commissioner", "onsul", "Permanent Representative"), _ENVOY_BEFORE)
_TITLE_OF_IN = holding(("inister", "räsident", "Regierungschef", "Kanzler", "Botschafter", "König", "Emir"),
                       _GERMAN_TITLE_OF_BEFORE)
_ENGLISH_TITLE_OF_IN = holding(("resident", "inister", "King", "Queen", "Emir", "Sultan", "Chancellor", "Head of State", "Prince"),
                               _ENGLISH_TITLE_OF_BEFORE)
_TO_HOSPITAL_IN = holding(("rankenh", "linik", "pital", "pitäler"), _TO_HOSPITAL_BEFORE)
_ARRIVAL_IN = holding(("return", "arriv", "land", "kehrt"), _ARRIVAL_BEFORE)
_ORIGIN_OR_TARGET_IN = holding(("aus", "von", "gegen", "nach", "richtung", "from", "against", "to", "desde", "contra", "hacia"),
                               _ORIGIN_OR_TARGET_BEFORE)
_DIRECTION_IN = holding(("süd", "nord", "nörd", "ost", "öst", "west", "north", "south", "east", "km", "kilomet", "mile",
                         "meilen"), _DIRECTION_BEFORE)


def _qualifies(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether `second` only says where `first` lies ("Mesa in Phoenix, Arizona", "Knüllwald
    (Hessen)", "Weingarten bei Ravensburg"): then the first is where it happened."""
    if not QUALIFIER_GAP.match(text[first.end:second.start]):
        return False
    a, b = first.place, second.place
    if a.type not in ("city", "site") or a.id == b.id:
        return False
    if b.type in ("country", "admin1", "admin2"):
        return lies_in(a, b)
    return b.type == "city" and b.population > a.population and abs(a.lat - b.lat) < 0.6 and abs(a.lon - b.lon) < 0.9


# "Sydney's ", "Lagos' ", "Melbourne's northern suburb of ": a city's possessive before its district.
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?(?:(?:suburbs?|district|township|neighbou?rhood|area|town|village)\s+of\s+)?$")


def _district_of(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether `second` is a district of the city `first` whose possessive precedes it: smaller
    and close by, as "Mesa in Phoenix" is read."""
    if not _POSSESSIVE_GAP.match(text[first.end:second.start]):
        return False
    a, b = first.place, second.place
    return a.type == "city" and b.type in ("city", "site") and a.id != b.id and a.population > b.population \
        and abs(a.lat - b.lat) < 0.6 and abs(a.lon - b.lon) < 0.9


def _unit_of(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether `second` is a subdivision or town inside the country or state `first` whose
    possessive precedes it ("in Jammu and Kashmir's Kishtwar district", "in Kenya's Nakuru
    County"): the larger unit only says where the finer one lies."""
    if not _POSSESSIVE_GAP.match(text[first.end:second.start]):
        return False
    a, b = first.place, second.place
    return a.type in ("country", "admin1") and PLACE_RANK.get(b.type, 9) < PLACE_RANK[a.type] and lies_in(b, a)


def memo_role(memo: dict, doc_text: str, m: PlaceMention, etype: str | None = None) -> str:
    """`place_role(doc_text, m, etype)`, worked out once per mention of one text: `memo` is
    the text's own (a role depends only on the text, the mention and whether the type is a
    movement)."""
    key = (id(m), etype in MOVEMENT_TYPES)
    got = memo.get(key)
    if got is None or got[0] is not m:
        got = memo[key] = (m, place_role(doc_text, m, etype))
    return got[1]


_SETTLEMENT_OF_GAP = re.compile(r"^\s+(?:[a-z]+\s+)?(?:suburb|town|village|city|hamlet|township|community|neighbou?rhood)\s+of\s+$")


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:und|oder|sowie|and|or|y|o))\s*(?:(?:de[rmns]?|die|das|the)\s+)?$")


def roles_of(doc_text: str, mentions: list[PlaceMention], etype: str | None = None,
             memo: dict | None = None) -> dict[int, str]:
    """Each mention's role; a qualifier hands its role to the place it qualifies, or takes it
    from a name it contradicts. `memo`: see `memo_role`."""
    if memo is None:
        roles = {id(m): place_role(doc_text, m, etype) for m in mentions}
    else:
        roles = {id(m): memo_role(memo, doc_text, m, etype) for m in mentions}
    ordered = sorted(mentions, key=lambda m: m.start)
    origins: set[int] = set()  # "from Mexico and Central America": a list of origins or targets
    for first, second in zip(ordered, ordered[1:]):
        if roles[id(first)] == "mentioned" and _LIKE_LIST_GAP.match(doc_text[first.end:second.start]) \
                and (id(first) in origins or _LIKE_BEFORE.search(doc_text[max(0, first.start - 40):first.start])):
            roles[id(second)] = "mentioned"  # "wie in Syrien und in der Ukraine"
            origins.add(id(second))
            continue
        if roles[id(first)] == "mentioned" and _LIST_GAP.match(doc_text[first.end:second.start]) and (
                id(first) in origins or _ORIGIN_OR_TARGET_IN(doc_text[max(0, first.start - 40):first.start])):
            if not (etype in MOVEMENT_TYPES and _DESTINATION_BEFORE.search(doc_text[max(0, first.start - 40):first.start])):
                roles[id(second)] = "mentioned"
                origins.add(id(second))
            continue
        if not first.weak and not second.weak and _SETTLEMENT_OF_GAP.match(doc_text[first.end:second.start]) \
                and second.place.type in ("city", "site") and roles[id(first)] != "mentioned":
            # "in the Los Angeles suburb of Pico Rivera", "the Western Australia town of Yarloop":
            # the first only says where the second lies; a second far from it is a namesake the
            # gazetteer lacks ("the Chichester suburb of Shipley" is not Shipley near Bradford).
            if outside_of(second.place, first.place):
                roles[id(second)] = "mentioned"
                continue
            roles[id(second)] = "located" if roles[id(first)] == "located" else roles[id(second)]
            roles[id(first)] = "mentioned"
            continue
        if not first.weak and not second.weak and _district_of(doc_text, first, second) and roles[id(first)] != "mentioned":
            # "in Sydney's Blacktown suburb", "in Melbourne's northern suburb of Epping": the city
            # only says where its district lies, as in "the Los Angeles suburb of Pico Rivera".
            roles[id(second)] = "located" if roles[id(first)] == "located" else roles[id(second)]
            roles[id(first)] = "mentioned"
            continue
        if not first.weak and not second.weak and roles[id(first)] == "located" and _unit_of(doc_text, first, second):
            roles[id(second)], roles[id(first)] = "located", "mentioned"
            continue
        if not first.weak and _qualifies(doc_text, first, second) and not _is_dateline(doc_text, first):
            if roles[id(second)] == "located":
                roles[id(first)] = roles[id(second)]
            roles[id(second)] = "mentioned"
        elif contradicts(doc_text, first, second):
            if roles[id(first)] == "located":
                roles[id(second)] = "located"
            roles[id(first)] = "mentioned"
    return roles


def best_place(doc_text: str, mentions: list[PlaceMention], etype: str | None = None,
               memo: dict | None = None, *, story: frozenset = frozenset()) -> PlaceMention | None:
    """The mention where the happening was: located before named, a town before its state, then
    one near the story's towns (`story`: their ids) before the first named."""
    if not mentions:
        return None
    roles = roles_of(doc_text, mentions, etype, memo)
    ranked = sorted(
        (m for m in mentions if roles[id(m)] != "mentioned"),
        key=lambda m: (roles[id(m)] != "located", PLACE_RANK.get(m.place.type, 9), m.place.id not in story, m.start),
    )
    if not ranked:
        # "the crash just east of Hay", "on the highway south-west of Cooktown": with nothing else
        # named, a town the happening lies next to says where better than the article's place.
        return next((m for m in mentions if m.place.type in ("city", "site") and near_reference(doc_text, m)), None)
    top = ranked[0]
    if top.place.type in ("country", "admin1", "admin2"):
        # "the Morozovsk air base in Russia's Rostov region": a city named in the same country
        # says more precisely where than the country after "in".
        inside = [m for m in ranked if m.place.type in ("city", "site") and m.place.country_code == top.place.country_code
                  and (top.place.type != "admin2" or lies_in(m.place, top.place))]  # a district: only its own towns
        if inside:
            return inside[0]
    return top


def near_reference(doc_text: str, m: PlaceMention) -> bool:
    """A compass direction from a town without a distance ("just east of Hay", "north of
    Rockhampton") or with one of up to 40 km ("in mountains 20 miles northeast of Los Angeles",
    "7 miles east of Boca Raton"): a reference point close to where it happened. ("75 miles
    northeast of Memphis" is not.)"""
    found = _DIRECTION_BEFORE.search(doc_text[max(0, m.start - 80):m.start])
    if found is None:
        return False
    distance = _DISTANCE.search(found.group(0))
    if distance is None:
        return not any(ch.isdigit() for ch in found.group(0))
    miles = distance.group(2).lower().startswith(("mile", "meile"))
    return float(distance.group(1).replace(",", ".")) * (1.609 if miles else 1.0) <= _NEAR_REFERENCE_KM


_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kilomet\w*|Kilometer|miles?|Meilen)\b", re.I)
_NEAR_REFERENCE_KM = 40


def measured_from(doc_text: str, m: PlaceMention) -> bool:
    """A town named as the point a direction or a distance is measured from ("75 miles northeast of
    Memphis", "south-west of Cooktown")."""
    return m.place.type in ("city", "site") and _DIRECTION_BEFORE.search(doc_text[max(0, m.start - 80):m.start]) is not None


def after_place_noun(text: str, m: PlaceMention) -> bool:
    """ "der Stadt Treuenbrietzen", "the town of Yarloop": named as a settlement."""
    words = text[max(0, m.start - 30):m.start].split()
    return bool(words) and (words[-1] in PLACE_NOUNS or (words[-1] == "of" and len(words) > 1 and words[-2] in PLACE_NOUNS))


def _is_dateline(text: str, m: PlaceMention) -> bool:
    """The name opens its line and a dateline's dash or agency follows ("Rostock - ", "KATHMANDU, Nepal (AP) —")."""
    return opens_dateline(text, m.start, m.end)


def dateline_place(text: str, places: list[PlaceMention], *, full_stop: bool = True) -> Place | None:
    """The place of a dateline ("Konstanz (dpa) -", "KATHMANDU, Nepal (AP) —") in the first
    lines: where the story was filed, the last resort for where it happened. `full_stop=False`
    leaves out a German paper's "Schleiz. Die Entscheidung …": its local office, which says less
    than the district the text names (the story happened in Pottiga, Saale-Orla-Kreis)."""
    for m in places:
        if m.start > 300:
            break
        if not m.weak and _is_dateline(text, m):
            return m.place if full_stop or not _FULL_STOP_AFTER.match(text, m.end) else None
    return None


_FULL_STOP_AFTER = re.compile(r"(?:\s?/\s?[A-ZÄÖÜ][\w.-]+)*" + FULL_STOP_DATELINE)





# "in Rabius im Kanton Graubünden", "im Skigebiet Pizol im Kanton St. Gallen": a locative, a
# capitalised name, then the state or country it lies in.
_UNLISTED_BEFORE = re.compile(
    r"\b(?:in|im|bei|nahe|near|at)\s+(?:\S+\s+){0,2}?([A-ZÄÖÜ][\w-]+)\s*(?:,|\(|\bim|\bin)\s*"
    r"(?:(?:Kanton|Bundesland|Landkreis|Kreis|Bezirk|Bundesstaat|Provinz|the state of|the province of)\s+)?$")


def unlisted_name(text: str, m: PlaceMention, named: list[tuple[int, int]]) -> str:
    """The name of a place the gazetteer lacks that the text locates inside `m`'s state or
    country ("Rabius" in "in Rabius im Kanton Graubünden"); "" when there is none."""
    if m.place.type not in ("admin2", "admin1", "country"):
        return ""
    found = _UNLISTED_BEFORE.search(text, max(0, m.start - 80), m.start)
    if found is None or any(a < found.end(1) and found.start(1) < b for a, b in named):
        return ""
    return found.group(1)
