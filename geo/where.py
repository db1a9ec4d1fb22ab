"""Places stage: find every place mention in a document's text and resolve it by context.

One Aho–Corasick pass finds case-sensitive, whole-word surface forms; the longest match wins
("Puerto Rico", not "Rico"). Ambiguous names are resolved per document in two passes: first
without context, then preferring candidates whose country or US state another name in the same
document points to ("Paris" beside "Texas"), then by type, language and population.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import os
import re

from geo.gazetteer import ABBREVIATED, GERMAN_SUFFIX, TOWN_POPULATION, Candidate, Gazetteer, folded
from geo.lemmas import is_known, lemmatize
from geo.namesakes import (FOREIGN_NAMESAKE_POPULATION, TOWN_NAMESAKE_POPULATION, county_of_its_town, near_paper, nearest_first,
                           pointed_to, rank)
from geo.nearness import ISLAND, km, lies_in, outside_of
from geo.records import Place, PlaceMention
from geo.ref import given_names

# Words after which an everyday-word city name ("in Essen", "from Mobile") or a village ("throughout
# Mudgee", "around Kaitaia") is a place.
_LOCATIVE = frozenset("""in im aus nach bei von vor zu nahe zwischen from near to at of between en de desde hacia outside
across throughout around inside within into off over along through towards toward""".split())
# Adjectives between a locative and a town: "in nearby Coldwater", "to neighbouring Baglung".
NEAR_WORDS = frozenset("nearby neighbouring neighboring adjoining rural downtown central".split())
# Nouns that say the next name is a settlement or district ("in der Siedlung Beryslaw",
# "im Bereich Malterhausen", "Gemeinde Biloserka"): a town there needs no other evidence.
PLACE_NOUNS = frozenset("""Stadt Gemeinde Ort Ortschaft Dorf Siedlung Ortsteil Stadtteil Vorort Kleinstadt Großstadt
Hafenstadt Hauptstadt Kreisstadt Landkreis Kreis Bezirk Region Bereich Raum Gegend Gebiet Kanton Provinz Bundesland Oblast
Höhe Gemarkung Ortsdurchfahrt Ortseingang Ortsausgang Ortslage Ortsmitte Ortskern Gemeindegebiet Stadtgebiet Ortsgebiet
town village city suburb township borough district county province region state area capital municipality hamlet""".split())
# "Buxar district", "the Leesville area", "Skagit County": a settlement or area noun after the name.
_NOUN_AFTER = re.compile(r" (?:district|districts|county|County|area|region|village|town|township|municipality|province|"
                         r"tehsil|taluka?|mandal|upazila|block|subdivision|sub-division)\b")
# "in Mangu Local Government Area", "Birnin Magaji LGA", "Ahanta West Municipality", "Pangsha Upazila",
# "Pictou County", "Cherry Hill Township": an area named after its town, written with a capitalised noun;
# where the gazetteer lacks it as a unit (it has the US counties, not Canada's), the town, not an organisation's name
# (not before Council, Court, Board or Hospital: "the Kaikohe District Council" is a body).
_UNIT_AFTER = re.compile(r" (?:Local Government(?: Area)?|LGA|Municipality|Upazila|Tehsil|Taluka?|Mandal|Sub-?[Cc]ounty|"
                         r"(?:County|District|Township|Parish|Shire)(?! Council| Court| Board| Hospital))\b")
# "in A, B und C": a name in a list continues the list's locative.
# A German locative, then a noun naming a site, then the town: "am Kontrollplatz Sigmarszell"; the
# noun may carry its owner before a hyphen ("auf dem US-Truppenübungsplatz Hohenfels": whose, not where).
# Police reports place a road crash between two motorway exits named after their towns ("zwischen der
# Anschlussstelle Tuningen und dem Autobahndreieck Bad Dürrheim", "Zwischen der Abfahrt Mudau und der
# Abfahrt Waldhausen"): "zwischen" and the list's "und" are locatives there, an exit ("Ausfahrt") a site.
_NOUN_AFTER_LOCATIVE = re.compile(r"\b(?:[Aa]m|[Ii]m|[Bb]eim|[Vv]om|[Zz]um|[Zz]ur|(?:[Aa]n|[Aa]uf|[Bb]ei|[Ii]n|[Nn]ahe|[Vv]on|[Zz]wischen|und)\s+(?:der|dem|den))\s+(?:[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*-)?[A-ZÄÖÜ][a-zäöüß]+(?:platz|hof|stelle|gang|kreuz|dreieck|stätte|werk|gelände|lager|kaserne|hafen|wald|see|berg|tal|ufer|fahrt)\s+$")
# German news names a town with its region's adjective between the locative and the name: "im
# altmärkischen Klötze", "aus dem benachbarten Weiden", "ins nahe gelegene Kelheim".
_ADJECTIVE_LOCATIVE = re.compile(r"\b(?:[Ii]m|[Vv]om|[Bb]eim|[Zz]um|(?:[Aa]us|[Ii]n|[Bb]ei|[Nn]ahe|[Vv]on|[Nn]ach)\s+dem)"
                                 r"\s+(?:[a-zäöü][a-zäöüß]+en\s+){1,2}$|\b[Ii]ns\s+(?:[a-zäöü][a-zäöüß]+e\s+){1,2}$")
# A settlement noun or a region's adjective before a German town's name says it is a town, also one
# named like an everyday word: "der Gemeinde Wald", "im altmärkischen Klötze", "im benachbarten Stein".
_SETTLEMENT_NOUNS = frozenset("""Stadt Gemeinde Ortschaft Dorf Siedlung Ortsteil Ortsteils Stadtteil Stadtteils Vorort Kleinstadt
Kreisstadt Hafenstadt Marktgemeinde Ortsgemeinde Stadtgemeinde Gemeindeteil Weiler Kurort""".split())
_REGION_ADJECTIVE_BEFORE = re.compile(r"\b(?:[Ii]m|[Vv]om|[Bb]eim|[Zz]um|(?:[Aa]us|[Ii]n|[Bb]ei|[Nn]ahe|[Vv]on|[Nn]ach)\s+dem|[Ii]ns)"
                                      r"\s+(?:[a-zäöü][a-zäöüß]+ischen?|benachbarten?|nahen?|nahe gelegenen?|nahegelegenen?|angrenzenden?)\s+$")
# German: a surname and a comma or a speech verb after the name ("Kati Köhler, Sekretärin").
_PERSON_APPOSITION = re.compile(r" [A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:,| \(| sagte| sagt| erklärte| betonte)")
_LIST_GAP = re.compile(r"^(?:,\s*|,?\s+(?:und|and|oder|or|sowie|y|e)\s+)$")
# Swiss news writes a town's canton after it, as GeoNames codes the cantons: "in Buchs SG", "Bühler (AR)":
# a qualifier, as ", New South Wales" is (it is no state abbreviation that chooses among namesakes: measured,
# held-out German place right 0.82 -> 0.81).
_CANTONS = "AG|AI|AR|BE|BL|BS|FR|GE|GL|GR|JU|LU|NE|NW|OW|SG|SH|SO|SZ|TG|TI|UR|VD|VS|ZG|ZH"
# Titles before a capitalised word mark a person, so "Senator Rubio" is not the town Rubio.
# "Thuine im Landkreis Emsland", "Matzleinsdorf im Bezirk Melk": a town named with its district.
_QUALIFIED = re.compile(rf" \(?(?:{_CANTONS})\)?(?![\w&'’-])"
                        r"|,\s+(?:[A-Z][a-z]+\.?\s?){1,3}(?:[,.;)]|\s|$)|\s+\((?:Landkreis|Kreis|Region|Gemeinde|Kanton|Bezirk|Gebiet|district|county)?\s*[A-ZÄÖÜ]"
                        r"|\s+(?:im|in der)\s+(?:Landkreis|Kreis|Bezirk|Kanton|Region)\s+[A-ZÄÖÜ]")
# ", Jeep and Fiat", ", Jeep, Fiat": the name stands in a list of names, which no qualifier continues.
_IN_NAME_LIST = re.compile(r",\s+[A-Z][a-z]+(?:,\s+[A-Z][a-z]+)*,?\s+(?:and|or)\s+[A-Z]|,\s+[A-Z][a-z]+,\s+[A-Z][a-z]+,")
# A works, port or station named after its town stands in it, and so does the town's High Street.
_FACILITIES = ("plant|factory|refinery|mine|airport|station|hospital|mall|harbou?r|bridge|dam|prison|jail|penitentiary|"
               "stadium|cathedral|court|courthouse")
_FACILITY_AFTER = re.compile(rf" (?:High Street|(?:[A-Z][a-z]+ )?(?:Assembly|Works|Port|(?i:{_FACILITIES}|air base|naval base)))\b")
# "University Hospital Galway", "Trinity College Dublin", "Royal Infirmary Edinburgh": a facility's name, then its town.
_NAME_NEXT = re.compile(r" [A-Z][a-z]")
_FACILITY_BEFORE = re.compile(r"\b[A-Z][a-z]+ (?:Hospital|Infirmary|Airport|College|University|Prison) $")
# "its Zennor mill", "the Zennor coal mine", "Zennor Primary School": a works, mine, school or station
# after a town's name lies in it, however small (not after another capitalised word: "the Ceiriog Valley
# school" names no town Valley).
_SITE_AFTER = re.compile(r" (?:[A-Z][a-z]+ |(?i:coal|gold|copper|paper|pulp|steel|cement|power|police|train|railway|bus|district|"
                         r"primary|high|secondary|village|regional|general|base) )?"
                         rf"(?i:{_FACILITIES}|mill|sawmill|smelter|depot|warehouse|quarry|school)\b")

# The context cues that place a name (`context_cue`): after a locative ("in", "im"), with a
# qualifier it lies in, or after a settlement noun ("der Gemeinde Wald").
PLACED_CUES = ("locative", "contracted", "qualified", "settled", "site", "area_article")

_STATE_WORDS = frozenset("""Bundesstaat Bundesstaats Bundesstaates Staat Staates state State estado Bundesland Region
Oblast Gebiet Provinz Kanton Departement region province oblast canton provincia
Gouvernement Gouvernements Präfektur Woiwodschaft""".split())
# "Kherson Oblast", "Cherson region": after the name, the same.
_STATE_AFTER = re.compile(r" (?:State|state|Oblast|oblast|region|Region|province|Province|provincia)\b")
# "the region of Kherson", "the province of Idlib": before the name with "of".
_STATE_OF = re.compile(r"\b(?:[Rr]egion|[Pp]rovince|[Oo]blast|[Gg]overnorate|[Pp]refecture) of $")
_TITLES = frozenset("""Mr Mrs Ms Dr Senator Senatorin President Präsident Präsidentin Minister Ministerin
General Gouverneur Governor Secretary Abgeordnete Abgeordneten Bürgermeister Mayor Außenminister
Verteidigungsminister Richter Judge Herr Frau Señor Presidente Sen Rep Gov Lt Col Gen Sgt Adm
Ministerpräsident Ministerpräsidentin Bundespräsident Bundespräsidentin Staatspräsident Staatspräsidentin Kanzler Kanzlerin
Bundeskanzler Bundeskanzlerin Premierminister Premierministerin Regierungschef Regierungschefin""".split())


def find_places(text: str, *, gazetteer: Gazetteer, language: str, country: str | None = None,
                near: Place | None = None, state: Place | None = None) -> list[PlaceMention]:
    """Resolved, non-overlapping place mentions with offsets into `text`, in text order.
    `country` (ISO code, e.g. from the outlet's domain: `url_country`) counts as context for
    choosing among namesakes: Motherwell in a heraldlive.co.za story is the South African one.
    `near` (a local paper's town: `outlet_place`) chooses among small namesake towns the one near it;
    `state` (a regional section's: `url_state`) counts as context like `country`."""
    text = _datelines_cased(text)
    spans = [s for s in _longest_whole_words(text, gazetteer) if not _NAME_OPENER_BEFORE.search(text, max(0, s[0] - 10), s[0])]
    if language == "en":
        spans = _plural_units(text, spans, gazetteer)
    spans = _districts_after_hyphen(text, spans, gazetteer)
    keyed = _listed([(start, end, (sf, context_cue(text, start, end, language))) for start, end, sf in spans], text)
    keys = {k for *_, k in keyed}
    # One sense per document: a name once written as a person's ("President Barack Obama")
    # is that person elsewhere in the text too ("Obama won"), not the town Obama.
    persons = {sf for sf, cue in keys if cue == "person"}
    # A surname after a given name ("Thomas Shaw") likewise, except where a locative or a
    # qualifier places the name ("Denzel Washington … in Washington").
    surnames = {sf for sf, cue in keys if cue == "surname"}
    # Likewise a name once placed by a locative or a qualifier ("in the suburb of Mesa") is that
    # place where it stands bare ("a Mesa motel"), though it is also a word or a small town's name.
    placed = {sf for sf, cue in keys if cue in PLACED_CUES}
    usable = {k: [c for c in gazetteer.candidates(k[0])
                  if _usable(c, language, "locative" if k[1] in ("", "onto") and k[0] in placed else k[1])
                  and not (c.place.type == "city" and (k[0] in persons
                                                       or (k[0] in surnames and k[1] not in PLACED_CUES)))
                  and not (c.kind == "bare" and k[1] == "possessive" and (k[0] in persons or k[0] in surnames))]
              for k in keys}
    _strict_towns(text, keyed, usable, gazetteer, language)
    _short_forms_of_named_towns(keys, usable)
    first = {k: rank(usable[k], language, gazetteer, Counter(), Counter()) for k in keys}
    countries, admin1s, chosen, moved = _resolved(text, keyed, keys, usable, first, persons, language, gazetteer, country, near, state)
    # One sense per document: a name a qualifier placed ("London, Ont.") is that place wherever it
    # stands, and lends that place's country and state to the other names ("Exeter" nearby).
    if moved:
        first = {k: [(1e9, moved[k[0]])] if k[0] in moved else first[k] for k in keys}
        countries, admin1s, chosen, _ = _resolved(text, keyed, keys, usable, first, persons, language, gazetteer, country, near, state)
        chosen = [(start, end, k, [r for r in ranked if r[1].place.id == moved[k[0]].place.id]
                   + [r for r in ranked if r[1].place.id != moved[k[0]].place.id] if k[0] in moved
                   and any(r[1].place.id == moved[k[0]].place.id for r in ranked) else ranked)
                  for start, end, k, ranked in chosen]
    if language == "en" and _towns_in_named_areas(text, keyed, usable, chosen, gazetteer, language):
        countries, admin1s, chosen, _ = _resolved(text, keyed, keys, usable, first, persons, language, gazetteer, country, near, state)
    out = []
    for start, end, k, ranked in chosen:
        (best, cand), *rest = ranked
        margin = best - rest[0][0] if rest else 100.0
        # "in Zwickau-Mosel": after a locative, a hyphenated name is a place whatever follows.
        weak = cand.weak or (k[1] not in ("locative", "contracted", "settled", "area_article") and _attributive(text, start, end, language))
        score = round(min(1.0, 0.5 + margin / 100) * (0.5 if weak else 1.0), 3)
        out.append(PlaceMention(start=start, end=end, text=text[start:end], place=cand.place, weak=weak, score=score,
                                genitive=cand.kind == "gen"))
    if language == "de":
        out = sorted(out + _city_adjectives(text, out, gazetteer, language, countries, admin1s), key=lambda m: m.start)
    firms = _firm_names(text, {m.text for m in out}) | _branch_names(text, out, gazetteer)
    out = [m for m in out if not _is_firm(text, m, firms) and not _quoted_name(text, m)
           and not _STREET_AFTER.match(text, m.end) and not (language != "de" and _company_sea(text, m))
           and not (language == "en" and m.place.type == "city" and _PAPER_AFTER.match(text, m.end))
           and not (language == "en" and _FEATURE_AFTER.match(text, m.end))
           and not (language == "en" and _BLOCK_BEFORE.search(text, max(0, m.start - 20), m.start) and _ADDRESS_AFTER.match(text, m.end))]
    if language == "en":
        out = _counties_qualified_elsewhere(text, out, gazetteer)
    out = _without_unqualified_words(text, out, keyed, gazetteer, language)
    out = _without_foreign_towns(text, _without_namesakes_elsewhere(text, out, gazetteer), country, language)
    return _without_stranded_towns(out, gazetteer) if language == "de" else out


# Quotation marks that open and close a name: German „…“ and ‚…‘, English “…” and "…", French «…» and »…«.
_OPENING_QUOTES = "„‚“\"«»"
_CLOSING_QUOTES = "“‘”\"»«"


def _quoted_name(text: str, m: PlaceMention) -> bool:
    """ "die Fregatte „Hessen“", "die Panzergrenadierbrigade 41 „Vorpommern“", "der Straße „Oschwitz“": a
    place's name alone in quotation marks names a ship, a unit or a street after it, not the place."""
    return 0 < m.start and text[m.start - 1] in _OPENING_QUOTES and text[m.end:m.end + 1] in tuple(_CLOSING_QUOTES)


def _without_unqualified_words(text: str, mentions: list[PlaceMention], keyed: list, gazetteer: Gazetteer,
                               language: str) -> list[PlaceMention]:
    """A town named like a word of the text's language that only a ", Name" after it made a place
    ("Hay, New South Wales", "Höchst, Nenzing") is none where that name is no place it lies in nor a
    town of its state, in a text that names no state it lies in: "Dorset Council,
    Littlemoor and Preston", "Beatrice Fire & Rescue, Pickrell Fire" name no town Council or Rescue."""
    cue_at = {(start, end): cue for start, end, (sf, cue) in keyed}
    following = dict(zip((m.start for m in mentions), mentions[1:] + [None]))
    placed, questioned = set(), set()
    for m in mentions:
        cue = cue_at.get((m.start, m.end), "")
        if cue != "qualified" or m.place.type != "city":
            if cue in PLACED_CUES:
                placed.add(m.text)
            continue
        b = following[m.start]
        if not text.startswith(",", m.end) or _abbreviated_state(text, m.end) is not None \
                or (b is not None and re.fullmatch(r",\s*", text[m.end:b.start]) and _qualifies(b.place, m.place)):
            placed.add(m.text)
        elif any(c.place.id == m.place.id and language in c.common for c in gazetteer.candidates(m.text)):
            questioned.add(m.text)
    # A state the text names elsewhere that the town lies in says as much ("Höchst, Nenzing" in a story from Vorarlberg).
    units = [m.place for m in mentions if m.place.type in ("admin1", "admin2") and not m.weak]
    unplaced = {t for t in questioned - placed
                if not any(lies_in(m.place, u) for m in mentions if m.text == t for u in units)}
    return [m for m in mentions if m.text not in unplaced] if unplaced else mentions


def _qualifies(qualifier: Place, town: Place) -> bool:
    """Whether a name after a town's comma says where it lies: a place it lies in, or a town of its state."""
    return lies_in(town, qualifier) or (qualifier.type == "city" and (qualifier.country_code, qualifier.admin1)
                                         == (town.country_code, town.admin1))


def _short_forms_of_named_towns(keys, usable) -> None:
    """ "Im bayerischen Hausen bei Würzburg starb ein Mann … Das Unglück in Hausen geschah": a town
    the text names with its qualifier ("bei Würzburg", "am Inn", "an der Waldnaab") is that town
    where the text names it without, though the short name alone is a namesake or a word ("hausen").
    Replaces the short name's readings in `usable`."""
    named: dict[str, set] = {}
    for k in keys:
        m = GERMAN_SUFFIX.match(k[0])
        towns = {c.place.id: c for c in usable[k] if c.place.type == "city"} if m else {}
        if len(towns) == 1:
            named.setdefault(m.group(1), {}).update(towns)
    for k in keys:
        if len(named.get(k[0], ())) == 1 and k[1] not in _NO_TOWN_CUES:
            usable[k] = list(named[k[0]].values())


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]|\n")


def _towns_in_named_areas(text, keyed, usable, chosen, gazetteer: Gazetteer, language: str) -> bool:
    """ "Laytonville residents fled as the fire spread in Mendocino County": a small town named bare,
    in a sentence that names the county or state it lies in, is that town (news names a town with
    its area), though alone it needs a locative. Adds to `usable`; whether any was added."""
    areas = [(start, end, ranked[0][1].place) for start, end, _, ranked in chosen
             if ranked[0][1].place.type in ("admin1", "admin2") and not ranked[0][1].weak]
    if not areas:
        return False
    added = False
    for start, end, k in keyed:
        if k[1] not in ("", "onto") or usable[k]:
            continue
        towns = [c for c in gazetteer.candidates(k[0]) if c.place.type == "city" and c.place.population < TOWN_POPULATION
                 and language not in c.common]
        if not towns or re.search(rf"\b{re.escape(k[0])} [A-Z][a-z]", text):
            continue  # "Maple Leaf Foods" elsewhere: a firm's or an institution's name, not a town
        inside = [c for c in towns for a0, a1, area in areas if lies_in(c.place, area)
                  and not _SENTENCE_END.search(text, min(end, a1), max(start, a0))]
        if inside:
            usable[k] = list({id(c): c for c in inside}.values())
            added = True
    return added


# "Ford Motor Co.", "Kent Holdings Ltd": a name before a company's legal form is the company's, and
# a small town's name the company's wherever the text names it again ("plants of Ford, General
# Motors"; "Boston" beside "Boston Scientific Corp." stays the city). A bare "Co."
# stays a county ("Dallas Co. deputies").
_FIRM_AFTER = re.compile(r"(?: Motors?| &) Co\.|(?: Motors?| [A-Z]\w+)?,? (?:Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|"
                         r"Limited|plc|PLC|LLC|GmbH|AG|KG|Holdings)(?!\w)")


def _firm_names(text: str, names: set[str]) -> set[str]:
    """The names the text writes, somewhere, before a company's legal form (not inside a longer
    word): each name's occurrences found as plain text and _FIRM_AFTER tried after each, instead
    of a pattern compiled per name and run over the whole text."""
    firms = set()
    for name in names:
        at = text.find(name)
        while at >= 0:
            if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and _FIRM_AFTER.match(text, at + len(name)):
                firms.add(name)
                break
            at = text.find(name, at + 1)
    return firms


_WORD_CHAR = re.compile(r"\w")
_NAME_WORDS_AFTER = re.compile(r" ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def _branch_names(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> set[str]:
    """Town names the text writes, somewhere, right before another country's name: "Bloomington
    Australia", "Fonterra Australia" name a company's branch in that country, not a town abroad
    ("Auckland New Zealand" stays the town)."""
    out = set()
    for name, cc in {(m.text, m.place.country_code) for m in mentions if m.place.type == "city"}:
        at = text.find(name + " ")
        while at >= 0 and name not in out:
            after = _NAME_WORDS_AFTER.match(text, at + len(name))
            words = after.group(1).split(" ") if after and (at == 0 or not _WORD_CHAR.match(text, at - 1)) else []
            if any(c.place.type == "country" and c.place.country_code != cc
                   for i in range(len(words), 0, -1) for c in gazetteer.candidates(" ".join(words[:i]))):
                out.add(name)
            at = text.find(name + " ", at + 1)
    return out


def _is_firm(text: str, m: PlaceMention, firms: set[str]) -> bool:
    if m.place.country_code == "CH" and m.place.admin1 == "AG" and text.startswith(" AG", m.end):
        return False  # "in Würenlos AG": the canton Aargau, not a company's legal form
    return bool(_FIRM_AFTER.match(text, m.end)) or (m.text in firms and m.place.population < TOWN_NAMESAKE_POPULATION)


# "The Lexington Herald-Leader reports", "told the Denver Post", "the Ottawa Citizen": a paper named
# after its city is the outlet, not a place of the story.
_PAPER_AFTER = re.compile(r" (?:Herald|Post|Times|Tribune|Globe|Star|Sun|Journal|Chronicle|Gazette|Examiner|Citizen|"
                          r"Courier|Register|Telegraph|Mercury|Observer|Daily|Live|Now|Online|Today)\b")


# "the 600 block of Edgefield Court", "at 12 Fayette Circle": an address's street, named like a town.
_BLOCK_BEFORE = re.compile(r"(?:\bblock of|\d) $")
_ADDRESS_AFTER = re.compile(r" (?:Court|Ct\.|Circle|Place|Way|Trail|Loop|Close|Row)\b")


# "St. Elizabeth", "Mt. Vernon", "Fort Hood": a name after the word that opens a longer name, which the
# gazetteer lacks (else the longer match had won), is that longer name's part, not the town Elizabeth.
_NAME_OPENER_BEFORE = re.compile(r"(?<![\w.])(?:St\.?|Ste\.?|Saint|Sainte|Mt\.?|Mount|Ft\.|Fort) $")


# "on Washington Street", "an der Wiener Straße", "in der Hamburger Allee", "on the Mumbai-Pune
# Expressway": a street named after a place is no mention of that place.
# "the Cleveland National Forest", "on the Columbia River", "Angeles National Forest": a town's name
# that opens a park's, a river's or a range's names that feature, not the town (Cleveland, Ohio is 3,000 km
# from the forest). Not "Bay" or "Valley", whose towns lie on them ("Tampa Bay", "Napa Valley").
_FEATURE_AFTER = re.compile(
    r"\s+(?:National (?:Forest|Park|Monument|Wildlife Refuge|Seashore|Lakeshore|Recreation Area|Grassland|Preserve)|"
    r"State (?:Park|Forest|Beach|Recreation Area)|Wilderness|River|Creek|Reservoir|Mountains|Range|Canyon|Peninsula)\b")
_STREET_AFTER = re.compile(
    r"(?:-[A-ZÄÖÜ]\w+)?\s+(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Drive|Highway|Hwy\.?|Pike|Turnpike|Terrace|Crescent|"
    r"Expressway|Freeway|Motorway|Parkway|"
    r"Straße|Strasse|Str\.|Allee|Chaussee|Landstraße|Landstrasse|Gasse|Damm|Ring|Weg|Tor)\b")


# A dateline in capitals at the start of a line: "KATHMANDU, Nepal (AP) —", "LONDON (Reuters) -",
# "CEDAR RAPIDS, Iowa –", "TACLOBAN CITY —", with the agency or date after a full stop, "ASTANA. KAZINFORM -",
# "KYIV. Dec 5 (Interfax-Ukraine) -", and the first of two cities, "KARACHI/ISLAMABAD (Reuters) -"; after the
# day it was filed, "17.06.2018 / EICHENZELL -" (_DAY_BEFORE_DATELINE).
_DAY_BEFORE_DATELINE = r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})[ \t]*/[ \t]*"
_CAPS_DATELINE = re.compile(r"(?m)^(?P<day>" + _DAY_BEFORE_DATELINE + r")?(?P<name>[A-ZÄÖÜ]{2,}(?:[ -][A-ZÄÖÜ]{2,}|-[A-Z]){0,3})"
                            r"(?=,\s|\s*\(|\s+[—–]|\s+-{1,2}\s|:\s|\.\s+[A-Z]{3,}\s+[—–-]|\.\s+[A-Z][a-z]{2,}\.? \d|/[A-Z]"
                            # a German paper's, closed by a full stop: "BAD AROLSEN. Zu einem schweren Unfall …"
                            r"|\.[ \t]+[A-ZÄÖÜ][a-zäöüß])")
_DATELINE_SPAN = 500  # datelines open a text


def _datelines_cased(text: str) -> str:
    """The text with a capitalised dateline's place in title case ("Kathmandu, Nepal (AP) —"), so
    the gazetteer finds it; offsets stay as they are."""
    head = text[:_DATELINE_SPAN]
    if _CAPS_DATELINE.search(head):
        text = _CAPS_DATELINE.sub(lambda m: (m.group("day") or "") + _title(m.group("name")), head) + text[_DATELINE_SPAN:]
    # "in BOPPARD (Rhein-Hunsrück-Kreis)": a name in capitals after a locative word.
    return _CAPS_AFTER_LOCATIVE.sub(lambda m: m.group(1) + _title(m.group(2)), text)


# Particles inside a place's name stay lower-case: "PORT OF SPAIN" is Port of Spain (not Spain),
# "PORT-AU-PRINCE", "DEIR AL-BALAH", "MAZAR-I-SHARIF", "STRATFORD-UPON-AVON".
_NAME_PARTICLES = frozenset("""of on upon au aux en sur sous les la le de del della di da do dos das du des
es el al ul ur e i am an im der y""".split())


def _title(name: str) -> str:
    """A name in capitals in title case, its inner particles lower-case ("Port of Spain")."""
    parts = re.split(r"([ -])", name.title())
    return "".join(p.lower() if i and i % 2 == 0 and p.lower() in _NAME_PARTICLES else p for i, p in enumerate(parts))


_CAPS_AFTER_LOCATIVE = re.compile(r"\b((?:[Ii]n|[Ii]m|[Bb]ei|[Nn]ahe|[Nn]ear|[Aa]t|[Oo]utside)\s+)([A-ZÄÖÜ]{4,}(?:[ -][A-ZÄÖÜ]{2,}){0,2})\b(?![a-zäöü])")


# "KATHMANDU, Nepal (AP) —", "KYIV, Ukraine, Dec 5 (Reuters) -", "Rostock - ", "BROCTON -- ", "ASTANA. KAZINFORM -",
# "MINSK, 5 December (BelTA) –", "MOSCOW, December 5. /TASS/.", "KARACHI/ISLAMABAD (Reuters) -", "Kyiv, Ukraine,
# (APP - UrduPoint / Pakistan Point News - 26th May, 2022 ) :", "Lagos, June 3 (IANS) Nigerian …": a dateline names
# where the story was filed; German ones also "Sohland an der Spree/Rozany (Tschechien) - ", "Stendal/Klötze. - "
# and, in police reports, "Ravensburg (ots)" on a line of its own.
# German papers close their dateline with a full stop: "Schleiz. Die Entscheidung …", "Gottmadingen. Am Montag …".
FULL_STOP_DATELINE = r"(?<![.\s])\.(?:[ \t]+(?=[A-ZÄÖÜ„\"])(?![A-Z][a-z]{2,}\.? \d|[A-Z]{3,}\s+[—–:-])|[ \t]*(?=\n))"  # not "KYIV. Dec 5", "ASTANA. KAZINFORM -"
_DATELINE_AFTER = re.compile(r"(?:\s+(?:an der|am|im|in der|ob der|bei)\s+[A-ZÄÖÜ][\w.-]+)?(?:\s?/\s?[A-ZÄÖÜ][\w.-]+)*"
                             # "YOLA (Adamawa, Nigeria), Nov 4 (NNN-XINHUA) —", "ABUJA (Nigeria), Nov 4 (NAN) —": the state or country in parentheses
                             r"(?:,\s*[A-Z][\w. ]{1,30}|\s\([A-Z][\w ]{1,30}(?:,\s*[A-Z][\w ]{1,30})?\)(?=,))?"
                             r"(?:[.,]\s*(?:[A-Z][a-z]{2,}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,}\.?))?"
                             r"(?:\.\s*/[A-Z][\w-]+/|\.\s+[A-Z]{3,}\s+(?:[—–:]|-{1,2}\s)"
                             r"|[.,]?\s*(?:\([^)\n]{1,40}\)[ \t]*(?=\n)|(?:\([^)\n]{1,80}\)\s*)?(?:[—–:]|-{1,2}\s))"
                             # a wire's agency and the text at once: "Hyderabad, Nov 27 (IANS) High tension …",
                             # "Ingolstadt (intv) Zwölf Leichtverletzte …"
                             r"|\s*\((?:[A-Z]{2,8}|[a-z]{2,5})\)[ \t]+(?=[A-ZÄÖÜ])|" + FULL_STOP_DATELINE + ")")


def opens_dateline(text: str, start: int, end: int) -> bool:
    """The name at start..end opens its line, or follows the day the story was filed ("17.06.2018 /
    Eichenzell - "), and a dateline's dash or agency follows ("Rostock - ", "KATHMANDU, Nepal (AP) —")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return (not before.strip() or bool(_DAY_BEFORE.fullmatch(before))) and bool(_DATELINE_AFTER.match(text, end))


_DAY_BEFORE = re.compile(r"[ \t]*" + _DAY_BEFORE_DATELINE)


# A police report names where it happened after its office's dateline ("Ravensburg (ots) - Amtzell:
# Ein Radfahrer …", "Kiel (ots) – Molfsee – …"), or on a line of its own above the text.
_AFTER_DATELINE = re.compile(r"\([^)\n]{1,40}\)\s*(?:[—–:]|-{1,2})\s*$")
_REPORT_TOWN_END = re.compile(r"\s*(?::\s|[—–]\s|-{1,2}\s)")
_ALONE_ON_LINE = re.compile(r"[ \t]*:?[ \t]*(?:\n|$)")


def _heads_its_report(text: str, start: int, end: int) -> bool:
    """The name heads a report: it follows a dateline's agency and dash and a colon or dash follows
    it, or it stands alone on its line."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    if not before.strip():
        return bool(_ALONE_ON_LINE.match(text, end))
    return bool(_AFTER_DATELINE.search(before)) and bool(_REPORT_TOWN_END.match(text, end))


def _state_named(text: str, m: PlaceMention) -> bool:
    """ "im Kanton St. Gallen", "Kherson Oblast": the text itself names the place as a state."""
    words = text[max(0, m.start - 20):m.start].split()[-1:] + m.text.split()
    return any(w in _STATE_WORDS for w in words) or bool(_STATE_AFTER.match(text, m.end))


def _own_name(surface: str, place: Place) -> bool:
    """ "Sao Paulo", "El-Fasher", "St. Cloud": the place's own name as written, not one of its
    alternates ("Sadr" for Sadr City, "Munya" for Monywa, "Kotwali" for Rangpur)."""
    def plain(name: str) -> str:
        name = folded(name).replace("-", " ")
        head, _, rest = name.partition(" ")
        return f"{_UNABBREVIATED.get(head, head)} {rest}".strip().lower()
    return plain(surface) == plain(place.name)


_UNABBREVIATED = {short: long for long, shorts in ABBREVIATED.items() for short in shorts}


# "Niger East Senatorial District", "the China Locality": a local unit named with a country's name.
_UNIT_NAME_AFTER = re.compile(r"(?: (?:North|South|East|West|Central))? (?:Senatorial District|District|Locality|Location|"
                              r"Ward|Constituency|Division|Township|Village|Settlement|Estate)\b")


def _country_in_unit_name(text: str, m: PlaceMention) -> bool:
    """Whether a country's name stands inside a local name: before a unit noun ("Niger East
    Senatorial District") or after another capitalised word that is no title ("Ponda Mali")."""
    if _UNIT_NAME_AFTER.match(text, m.end):
        return True
    prev = _prev_word(text, m.start)
    return text[m.start - 1:m.start] == " " and prev[:1].isupper() and prev.isalpha() and prev not in _FUNCTION_WORDS \
        and prev not in _COMPASS and prev not in _TITLES and _inside_proper_name(text, m.start, m.end, prev)


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$")


def _attributive_after_article(text: str, m: PlaceMention) -> bool:
    """ "a white Toyota utility", "a Melbourne man": after "a" (and an adjective), before a word."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, m.start - 25), m.start)) and text[m.end:m.end + 1] == " " \
        and text[m.end + 1:m.end + 2].isalpha()


def _without_foreign_towns(text: str, mentions: list[PlaceMention], country: str | None,
                           language: str = "") -> list[PlaceMention]:
    """A town or city below 300,000 of a country no other name of the text points to, in a text
    whose names point to another country at least twice, is a namesake the gazetteer lacks ("in
    the Lobo area" in a story from Ontario is not Lobo in the Philippines, "Stillwater" in one
    from New Zealand not Stillwater, Oklahoma): no place. So is a province of such a country
    ("the suburbs of Manenberg, Nyanga" in a Cape Town story are not Nyanga province, Gabon),
    unless the text names it a state ("im Kanton St. Gallen"). In English, so is a county ("Medway-
    Sydenham Hall" in a story from Ontario is no English county), a country that names a local unit
    or ends a longer name ("Niger East Senatorial District" in Nigeria, "the China Locality" in the
    Eastern Cape, "Ponda Mali" in Nakuru), and a foreign city of any size read through an alternate
    name only ("Kotwali police" in Uttar Pradesh is not Rangpur, Bangladesh; "Sadr police limits" in
    Faisalabad not Sadr City), or standing before another capitalised word, a brand's or an
    organisation's name ("a Toyota Landcruiser" on the New England Highway, "the New York Times"),
    or used as a word's attribute after "a" ("a white Toyota utility", "a Melbourne man").
    Only that reading of the name goes:
    the dateline "SAN JUAN —" read as Puerto Rico's stays where "Sector San Juan" was read abroad."""
    counts = Counter(m.place.country_code for m in mentions if m.place.country_code)
    if country:
        counts[country] += 1
    if not counts or counts.most_common(1)[0][1] < 2:
        return mentions
    own = Counter(m.text for m in mentions)
    # A small town's own adjective ("bei Schwarzenau … von der Schwarzenauer Ortsmitte") names the
    # town again: no other name that points to its country.
    own_town = Counter(m.place.id for m in mentions if m.place.type == "city" and m.place.population < TOWN_NAMESAKE_POPULATION)
    top = counts.most_common(1)[0][0]  # a province: only where the text points elsewhere most

    def namesake(m: PlaceMention) -> bool:
        if m.place.type == "admin1" or (m.place.type == "admin2" and language == "en"):
            return m.place.country_code != top and not _state_named(text, m)
        if m.place.type == "country":
            return language == "en" and _country_in_unit_name(text, m)
        if m.place.type != "city" or m.place.population < TOWN_NAMESAKE_POPULATION:
            return m.place.type == "city"
        # The bigger cities only where the text points to another country ("a Mesa motel" in a
        # story that names only Mesa is Mesa's).
        return m.place.country_code != top and (
            m.place.population < FOREIGN_NAMESAKE_POPULATION
            or (language == "en" and (not _own_name(m.text, m.place) or _CAPITALISED_NEXT.match(text, m.end)
                                      or _attributive_after_article(text, m))))
    # Only where another country has the two names: a town the text alone names twice ("in Amtzell …
    # die Feuerwehr Amtzell") points to its own country, not away from it.
    # A demonym supports no town: "American-owned Brightwood New Zealand" is no story from the US.
    # Nor does it point the story away from one: "six Cuban migrants … transferred to Cuban
    # authorities" off Boca Raton says who they are, not that the story is Cuba's.
    support = counts - Counter(m.place.country_code for m in mentions if m.place.country_code and m.weak)
    foreign = {(m.text, m.place.id) for m in mentions if namesake(m)
               and support[m.place.country_code] <= max(own[m.text], own_town[m.place.id])
               and any(n >= 2 for cc, n in support.items() if cc != m.place.country_code)}
    return [m for m in mentions if (m.text, m.place.id) not in foreign] if foreign else mentions


# A town this far from every other town and district of its country the text names lies elsewhere.
_STRANDED_KM = 100


def _without_stranded_towns(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """A town under 100,000 with namesakes, more than 100 km from each of at least two other towns or
    districts of its country the text names, in a state the text does not name, is a namesake of a
    village the gazetteer lacks ("BAD AROLSEN. Zu einem schweren Verkehrsunfall in Landau …" beside
    Gießen and Waldeck-Frankenberg: no Landau in der Pfalz, 250 km away): no place, as a town of a
    country the text does not point to is (`_without_foreign_towns`). Its paragraph's or the story's
    place says more. German text only: a German local paper's story stays in its district, while an
    English round-up names towns across the country (measured: "a by-election at St Albans" beside
    Somerset's lost its place)."""
    gone = {(m.text, m.place.id) for m in mentions if stranded(m, mentions, gazetteer)}
    return [m for m in mentions if (m.text, m.place.id) not in gone] if gone else mentions


def stranded(m: PlaceMention, mentions: list[PlaceMention], gazetteer: Gazetteer) -> bool:
    """Whether `m` is a town with namesakes far from the other towns of its country that `mentions`
    (the text's) name: see `_without_stranded_towns`; the title's town is judged by the text's."""
    p = m.place
    if p.type != "city" or p.population >= TOWN_NAMESAKE_POPULATION or m.weak or p.id in gazetteer.capitals \
            or any(a.place.type == "admin1" and not a.weak and (a.place.country_code, a.place.admin1) == (p.country_code, p.admin1)
                   for a in mentions):
        return False
    anchors = {a.place.id: a.place for a in mentions if a.text != m.text and not a.weak
               and a.place.type in ("city", "admin2") and a.place.country_code == p.country_code}
    return len(anchors) >= 2 and min(km(p, a) for a in anchors.values()) > _STRANDED_KM \
        and len({c.place.id for c in gazetteer.candidates(m.text) if c.place.type == "city"}) >= 2


# "a Texas man", "an Ohio student", "two Georgia women", "a Berlin-born doctor": where a person is from.
_PERSON_AFTER = re.compile(r"(?:-born)? (?:man|woman|men|women|boy|girl|teen|teenager|student|couple|family|native|tourist|"
                           r"mother|father|mom|dad|resident|soldier|veteran|driver|nurse|doctor|pastor|teacher)\b")
_A_BEFORE = re.compile(r"(?:^|\W)(?:[Aa]n?|[Tt]wo|[Tt]hree)\s+(?:\d+-year-old\s+)?$")


def origin_of_person(text: str, start: int, end: int) -> bool:
    """Whether the name is a person's home ("a Texas man"): no context for which namesake the text's
    other names mean (the man was arrested in Paris, France, not in Paris, Texas)."""
    return bool(_PERSON_AFTER.match(text, end) and _A_BEFORE.search(text, max(0, start - 25), start))


def _districts_in_names(keys, first, gazetteer: Gazetteer) -> list[tuple[str, Place]]:
    """A county or district that opens an institution's name ("Somerset Council", "Cumbria Police") is
    no place of the happening, but says where the text's namesake towns lie: an anchor, where the
    gazetteer has one district of that name."""
    out = []
    for k in keys:
        if k[1] != "proper" or first.get(k):
            continue
        districts = {c.place.id: c.place for c in gazetteer.candidates(k[0]) if c.place.type == "admin2" and not c.weak}
        if len(districts) == 1:
            out.append((k[0], next(iter(districts.values()))))
    return out


def _resolved(text, keyed, keys, usable, first, persons, language, gazetteer, country, near=None, state=None):
    """The context the names give one another, and each occurrence's ranked candidates in it
    (qualifiers applied): (countries, admin1s, [(start, end, key, ranked)])."""
    # "A Texas man was arrested in Paris": a person's home says where the person is from, not which Paris.
    origins = {k for k in keys if all(origin_of_person(text, s, e) for s, e, kk in keyed if kk == k)}
    countries, admin1s = pointed_to({k: v for k, v in first.items() if k not in origins})
    if country:
        countries[country] += 1
    for cc, code in _abbreviated_states(text, {end: {(c.place.country_code, c.place.admin1) for c in usable[k]}
                                               for _, end, k in keyed}):
        countries[cc] += 1
        admin1s[(cc, code)] += 1
    if state is not None:
        admin1s[(state.country_code, state.admin1)] += 1
    _only_towns_of_their_name(keys, usable, gazetteer, language, countries, admin1s, persons)
    # A name that is a place anyway (a bigger namesake stands bare) may be the small town of
    # the country the document is about: "Blackheath resident" in a story from New South Wales.
    for k in keys:
        if any(c.place.type == "city" for c in usable[k]):
            usable[k] += [c for c in gazetteer.candidates(k[0]) if c.place.type == "city" and countries[c.place.country_code]
                          and not (k[0] in persons) and c not in usable[k] and _usable(c, language, "locative")]
    resolved = {}
    units = {k[0] for _, end, k in keyed if _SUBDIVISION_AFTER.match(text, end)}  # "Nakuru County", "Yuen Long District"
    by_surface: dict[str, list] = {}
    for k in keys:
        by_surface.setdefault(k[0], []).append(k)
    # A name lends no context to its own namesakes: "Perth City" (the Australian Perth alone)
    # does not vote for Perth, Western Australia, where "Perth" stands beside "Scottish".
    by_place: dict[str, set] = {}
    for k in keys:
        for c in usable[k]:
            by_place.setdefault(c.place.id, set()).add(k[0])
    others: dict[str, tuple[Counter, Counter]] = {}  # surface -> the context the other names give
    # Towns and counties the text names unambiguously: where a tie between namesakes is decided.
    anchors = [(k[0], rows[0][1].place) for k, rows in first.items() if len(rows) == 1
               and rows[0][1].place.type in ("city", "admin2") and not rows[0][1].weak]
    named_districts = _districts_in_names(keys, first, gazetteer)
    anchors += named_districts
    # "Somerset Council said Portland residents …": the Portland near Somerset, a town named bare,
    # as "Blackheath resident" is the small town of the country the text points to.
    for k in keys if named_districts else ():
        if any(c.place.type == "city" for c in usable[k]):
            usable[k] += [c for c in gazetteer.candidates(k[0]) if c.place.type == "city" and c not in usable[k]
                          and any(lies_in(c.place, d) for _, d in named_districts) and _usable(c, language, "locative")]
    if language == "de":
        _worded_towns_nearby(keys, usable, gazetteer, [p for _, p in anchors] + ([near] if near is not None else []))
    elif language == "en":
        _strict_towns_nearby(keys, usable, gazetteer, [p for _, p in anchors] + ([near] if near is not None else []))
    for k in keys:
        if k[0] not in others:
            kin = {sf for c in usable[k] for sf in by_place.get(c.place.id, ())} | {k[0]}
            own_c, own_a = pointed_to({k2: first[k2] for sf in kin for k2 in by_surface[sf] if k2 not in origins})
            others[k[0]] = (_minus(countries, own_c), _minus(admin1s, own_a))
        own_ids = {c.place.id for c in usable[k]}  # "Perth City" is no anchor for "Perth": one of its namesakes
        ranked = near_paper(nearest_first(rank(usable[k], language, gazetteer, *others[k[0]]),
                                          [p for sf, p in anchors if sf != k[0] and p.id not in own_ids]), near)
        ranked = county_of_its_town(ranked, k[0], keys, persons, language, gazetteer, others[k[0]][1])
        if ranked:
            resolved[k] = _apply_cue(ranked, k[1], gazetteer, k[0] in units)
    chosen = []
    for start, end, k in keyed:
        ranked = resolved.get(k)
        if ranked:
            chosen.append((start, end, k, ranked))
    qualified = _glossed(text, _qualified(text, chosen, usable, language, gazetteer, countries, admin1s))
    # The cities a qualifier chose among namesakes ("London, Ont."), by name.
    # So are the cities the context chose over a national capital the name alone would be ("Kingston"
    # in a Canadian story): the capital's country they lent as context is then not the text's.
    moved = {k[0]: q[0][1] for (_, _, k, q), (_, _, _, r) in zip(qualified, chosen)
             if q[0][1].place.type == r[0][1].place.type == "city"
             and (q[0][1].place.id != r[0][1].place.id
                  or (first.get(k) and first[k][0][1].place.id in gazetteer.capitals
                      and first[k][0][1].place.id != q[0][1].place.id))}
    return countries, admin1s, qualified, moved


_WORDED_TOWN_KM = 30
_STRICT_GAP = re.compile(r",\s*|\s*\(\s*")
_NEAR_GAP = re.compile(r"\s+(?:bei|nahe|nächst)\s+")
_CANTON_AFTER = re.compile(rf" \(?({_CANTONS})\)?(?![\w&'’-])")
_TOWN_CENTRE_AFTER = re.compile(r"(?:['’]s)? (?:town|city) cent(?:re|er)\b")
_NO_TOWN_CUES = ("person", "person_name", "surname", "article", "area_article")


def _worded_towns_nearby(keys, usable, gazetteer: Gazetteer, points: list[Place]) -> None:
    """ "in Ebern" (the boars' dative): a German village named like an inflected word, after a
    locative, is that village where it lies within 30 km of a town or district the text names
    unambiguously or of the local paper's town. Only inflected forms: "in Brand" (geraten), "in
    Höhe", "in Stein" are the words themselves, whatever village bears them. Adds to `usable`."""
    if not points:
        return
    for k in keys:
        if k[1] != "locative" or usable[k] or lemmatize(k[0], "de") == k[0]:
            continue
        usable[k] = [c for c in gazetteer.candidates(k[0]) if c.place.type == "city" and "de" in c.common
                     and c.place.population < TOWN_POPULATION and min(km(c.place, p) for p in points) <= _WORDED_TOWN_KM]


def _only_towns_of_their_name(keys, usable, gazetteer: Gazetteer, language: str, countries: Counter,
                              admin1s: Counter, persons: set) -> None:
    """A town under 15,000 named bare ("Kaikoura was hit with heavy rain", "The Murthal police have
    registered a case", "Der Hochwasserscheitel hat Kellmünz erreicht") is that town where no other
    place bears its name, its name is no everyday word, and it lies in the country the text's other
    names point to at least twice and, where they name states of that country, in one of them: a
    small namesake needs a locative to tell it from the word, a person or the other towns of its
    name; the only town of a name, in the story's country and state, needs none. Not a name the
    text gives a person, nor a given name. Adds to `usable`."""
    if not countries:
        return
    top, n = countries.most_common(1)[0]
    if n < 2:
        return
    states = {a for (cc, a), count in admin1s.items() if cc == top and count > 0}
    surnames = {sf for sf, cue in keys if cue == "surname"}
    for k in keys:
        if k[1] != "" or usable[k] or k[0] in persons or k[0] in surnames or k[0] in given_names():
            continue
        cands = gazetteer.candidates(k[0])
        if len({c.place.id for c in cands}) != 1:
            continue
        c = cands[0]
        if c.place.type == "city" and not c.weak and language not in c.common and c.kind == "name" \
                and c.place.population < TOWN_POPULATION and c.place.country_code == top \
                and (not states or c.place.admin1 in states):
            usable[k] = [c]


def _strict_towns(text, keyed, usable, gazetteer: Gazetteer, language: str) -> None:
    """A town named like a stop word or of three letters (`Gazetteer.strict`: "Chester", "Sale",
    "Kamen", "Hay", "Wil") is that town where a qualifier it lies in follows it ("Wells, Somerset",
    "Kamen (Kreis Unna)", "Hay, New South Wales", "Egg ZH") or, in English, a town centre of it
    ("Hay's town centre", "Rugby town centre"); then also where the text names it bare.
    `_strict_towns_nearby` gives the other evidence. Adds to `usable`."""
    named: dict[str, list[Candidate]] = {}
    for i, (start, end, k) in enumerate(keyed):
        strict = gazetteer.strict(k[0])
        if not strict or k[1] in _NO_TOWN_CUES:
            continue
        found = named.setdefault(k[0], [])
        canton = _CANTON_AFTER.match(text, end)
        if canton:
            found += [c for c in strict if c.place.country_code == "CH" and c.place.admin1 == canton.group(1)]
        after = keyed[i + 1] if i + 1 < len(keyed) else None
        if after is not None and _STRICT_GAP.fullmatch(text, end, after[0]):
            units = [q.place for q in gazetteer.candidates(after[2][0]) if q.place.type in ("admin1", "admin2", "country")]
            found += [c for c in strict if any(lies_in(c.place, u) for u in units)]
        if after is not None and language == "de" and _NEAR_GAP.fullmatch(text, end, after[0]):
            # "Laage bei Rostock", "Weil bei Landsberg": a town a German text places by the city it lies near
            towns = [q.place for q in gazetteer.candidates(after[2][0]) if q.place.type == "city"]
            found += [c for c in strict if any(km(c.place, t) <= _WORDED_TOWN_KM for t in towns)]
        if language == "en" and _TOWN_CENTRE_AFTER.match(text, end):
            found += strict
    for k in usable:  # not where it opens a longer name ("Wells Fargo")
        if named.get(k[0]) and k[1] not in _NO_TOWN_CUES and k[1] not in ("proper", "compound"):
            usable[k] += [c for c in dict.fromkeys(named[k[0]]) if c not in usable[k]]


def _strict_towns_nearby(keys, usable, gazetteer: Gazetteer, points: list[Place]) -> None:
    """English, where capitals mark a name: a town named like a stop word after a locative is that
    town where it lies within 30 km of a town or district the text names unambiguously ("in Sale"
    beside Maffra). Adds to `usable`."""
    if not points:
        return
    for k in keys:
        if k[1] == "locative":
            usable[k] += [c for c in gazetteer.strict(k[0])
                          if c not in usable[k] and min(km(c.place, p) for p in points) <= _WORDED_TOWN_KM]


# "Mainzer Innenstadt", "Würzburger Polizei", "Tiroler Landtag", "Basler Rheinhafen": a city's or
# state's adjective before a noun. Irregular ones are listed; the rest are the name + "er".
_ADJECTIVE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{2,}er) (?=[A-ZÄÖÜ][a-zäöüß])")
_IRREGULAR_ADJECTIVES = {"Zürcher": "Zürich", "Hannoveraner": "Hannover", "Hallenser": "Halle", "Badener": "Baden"}
_ADJECTIVE_MIN_POPULATION = 15_000


def adjective_bases(word: str) -> list[str]:
    """The names a German place adjective may come from, likeliest first: Kölner, Göttinger
    (Köln), Bremer (Bremen), Münchner (München), Basler (Basel); irregular ones listed."""
    if word in _IRREGULAR_ADJECTIVES:
        return [_IRREGULAR_ADJECTIVES[word]]
    return list(dict.fromkeys((word[:-2], word[:-1] + "n", word[:-3] + "en", word[:-3] + "el")))


def _city_adjectives(text: str, found: list[PlaceMention], gazetteer: Gazetteer, language: str,
                     countries: Counter, admin1s: Counter) -> list[PlaceMention]:
    """German adjectives of cities and states as place mentions (the places stage's own names
    win where they overlap). Only cities of 15,000 or more and first-level subdivisions: a
    surname such as "Fischer" makes no village of "Fisch"."""
    taken = [(m.start, m.end) for m in found]
    named = {m.place.id for m in found if not m.weak}
    out = []
    for m in _ADJECTIVE.finditer(text):
        start, end = m.span(1)
        if any(a < end and start < b for a, b in taken):
            continue
        word = m.group(1)
        if word in given_names() or _given_name_before(text, start, _prev_word(text, start)):
            continue
        if lemmatize(word, language)[:1].islower():
            continue  # "Wieder", "Später": an adverb opening the sentence, no "Wieden" or "Spät"
        cands = [c for n in adjective_bases(word) for c in gazetteer.candidates(n)
                 if c.kind in ("name", "alt") and not c.weak
                 and ((c.place.type == "city" and (c.place.population >= _ADJECTIVE_MIN_POPULATION or c.place.id in named))
                      or c.place.type == "admin1")]
        ranked = rank(cands, language, gazetteer, countries, admin1s)
        # "Thaler Rathaus" in a text that names "die Gemeinde Thal": the Thal it names.
        ranked = [r for r in ranked if r[1].place.id in named] or ranked
        # "Zürcher", "Bremer": the city before the canton or state of its name.
        ranked = [r for r in ranked if r[1].place.type == "city"] or ranked
        if ranked:
            out.append(PlaceMention(start=start, end=end, text=word, place=ranked[0][1].place, score=0.8, adjective=True))
    return out


def _minus(total: Counter, own: Counter) -> Counter:
    """`total - own` for counters of positive counts, in a copy and a pass over `own` (small)
    instead of one over `total`."""
    out = Counter(total)
    for key, count in own.items():
        if key in out:
            left = out[key] - count
            if left > 0:
                out[key] = left
            else:
                del out[key]
    return out


def _without_namesakes_elsewhere(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """A small town the text itself puts elsewhere ("Brookville in Victoria" when the gazetteer
    knows only Brookvilles in the US) is a namesake the gazetteer lacks: the name is no place
    anywhere in this text, not the US town where it stands bare ("embers fall in Brookville")."""
    wrong = {a.text for a, b in zip(mentions, mentions[1:] + [None])
             if a.place.type == "city" and a.place.population < _NAMESAKE_POPULATION
             and ((b is not None and contradicts(text, a, b)) or _qualified_elsewhere(text, a, b))}
    if not wrong:
        return mentions
    # "ABERCROMBIE, N.S.": a town the gazetteer lacks in the state its abbreviation names is in that state.
    states = {m.text: gazetteer.subdivisions.get(_abbreviated_state(text, m.end)) for m in mentions if m.text in wrong}
    return [replace(m, place=states[m.text]) if m.text in wrong and states[m.text] is not None else m
            for m in mentions if m.text not in wrong or states[m.text] is not None]


def _abbreviated_state(text: str, end: int) -> tuple[str, str] | None:
    """The (country, admin1 code) of a state or province abbreviation right after a name ("INEZ, Ky.")."""
    m = _STATE_ABBR.match(text, end)
    return _state_of(m.group(1)) if m else None


# "Buchs SG" as one of GeoNames' names: qualified by the canton it ends with.
_CANTON_ENDS = re.compile(rf" \(?(?:{_CANTONS})\)?$")


def _state_of(abbreviation: str) -> tuple[str, str] | None:
    """The (country, admin1 code) an abbreviation names: a US state's ("Ky.", "TX") or a Canadian province's ("Ont.")."""
    from geo.ref import load_yaml

    abbr = load_yaml("us_state_abbreviations.yaml")
    return ("US", abbr[abbreviation]) if abbreviation in abbr else _PROVINCE_ABBR.get(abbreviation)


def _counties_qualified_elsewhere(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """ "Kent County, Ontario", "Kings County, New Brunswick": a county qualified by a state it does not
    lie in is one the gazetteer lacks (it has the US counties, not Canada's), not Kent County,
    Michigan; its qualifier is that state, not the city Ontario, California, which the US county
    made likelier; and it is the town it is called after there, where the gazetteer has one."""
    out = list(mentions)
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if a.place.type != "admin2" or not _STRICT_GAP.fullmatch(text[a.end:b.start]) or b.weak \
                or _IN_NAME_LIST.match(text, a.end):
            continue  # "in Harris County, Louisiana and Mississippi": a list, no qualifier
        states = [c.place for c in gazetteer.candidates(b.text) if c.place.type == "admin1"]
        if not states or any(lies_in(a.place, q) for q in states):
            continue
        state = b.place if b.place in states else states[0]
        town = a.text.rsplit(" ", 1)[0] if a.text.endswith(" County") else None
        towns = [c.place for c in gazetteer.candidates(town)] if town else []
        inside = next((p for p in towns if p.type == "city" and lies_in(p, state)), None)
        out[i] = replace(a, end=a.start + len(town), text=town, place=inside) if inside else None
        out[i + 1] = replace(b, place=state)
    return [m for m in out if m is not None]


def _qualified_elsewhere(text: str, a: PlaceMention, b: PlaceMention | None) -> bool:
    """A town whose qualifier is a state or country it does not lie in ("ABERCROMBIE, N.S. —" when
    the gazetteer knows only an Abercrombie in New South Wales; "X, Ghana" for a namesake in the US):
    the qualifier chose among the namesakes and found none there."""
    state = _abbreviated_state(text, a.end)
    if state is not None:
        return (a.place.country_code, a.place.admin1) != state
    if b is None or b.weak or b.place.type not in ("country", "admin1") or not re.fullmatch(r",\s*", text[a.end:b.start]):
        return False
    return not lies_in(a.place, b.place) and not _IN_NAME_LIST.match(text, a.end)


_NAMESAKE_POPULATION = 50_000  # above it, "Moscow in Ukraine" is still Moscow, only not where it happened
QUALIFIER_GAP = re.compile(r"^(?:,\s*|\s*\(\s*|\s+(?:in|im|bei|nahe|near|outside|in the state of|im Bundesstaat)\s+)$")
# Canadian provinces as newspapers abbreviate them after a city ("London, Ont."), with their
# GeoNames codes (admin1.tsv).
_PROVINCE_ABBR = {"Ont.": ("CA", "08"), "Que.": ("CA", "10"), "Alta.": ("CA", "01"), "Man.": ("CA", "03"),
                  "Sask.": ("CA", "11"), "N.S.": ("CA", "07"), "N.B.": ("CA", "04"), "Nfld.": ("CA", "05"),
                  "P.E.I.": ("CA", "09"), "B.C.": ("CA", "02")}
# An AP-style abbreviation ("Wash.", "N.Y.") or a postal code standing as a word ("TX", not "TEXAS").
_ABBR = r"((?:[A-Z][a-z]{0,3}\.){1,2}(?:[A-Z][a-z]{0,2}\.)?|[A-Z]{2}(?![\w&’'-]))"
_STATE_ABBR = re.compile(r",\s*" + _ABBR)


_NAME_AND_STATE_ABBR = re.compile(r"\b[A-Z][\w'’-]*(,\s*)" + _ABBR)


def _abbreviated_states(text: str, states_by_end: dict[int, set]) -> list[tuple[str, str]]:
    """The states and provinces a newspaper's abbreviation after a name points to where the
    gazetteer knows no place of that name there ("INEZ, Ky. (AP)", "Middlesex Centre, Ont."), as
    (country, admin1 code): context, so that "London" in that text is the Ontario city. (Where it
    knows one, "London, Ont.", the abbreviation chooses among the namesakes: `_qualified`.)"""
    out = []
    for m in _NAME_AND_STATE_ABBR.finditer(text):
        state = _state_of(m.group(2))
        if state is not None and state not in states_by_end.get(m.start(1), ()):
            out.append(state)
    return out


def _qualified(text, chosen, usable, language, gazetteer, countries, admin1s):
    """ "Burlington, Wash.", "Z, Tennessee", "X in Baden-Württemberg", "Weingarten bei Ravensburg":
    the name after the city says which of its namesakes is meant. A qualifier read first as a
    country or a capital is the state of its name where only that holds a namesake ("Augusta,
    Georgia", "Aberdeen, Washington"), and a state's or country's name before a state is the
    town of that name there ("Victoria, Texas", "Mexico, Missouri")."""
    out = list(chosen)
    for i, (start, end, k, ranked) in enumerate(out):
        kind = ranked[0][1].place.type
        cands = [c for c in usable.get(k, []) if c.place.type == kind]
        if kind in ("admin1", "country"):
            cands = [c for c in usable.get(k, []) if c.place.type == "city"]
            if not cands:
                continue
        elif kind not in ("city", "admin2") or len({c.place.id for c in cands}) < 2:
            continue  # not a city or county, or no namesakes to choose among
        test = None
        state = _abbreviated_state(text, end)
        if state is not None:
            test = lambda p, state=state: (p.country_code, p.admin1) == state
        elif i + 1 < len(out) and QUALIFIER_GAP.match(text[end:out[i + 1][0]]):
            near = re.search(r"\b(?:bei|nahe|near|outside)\b", text[end:out[i + 1][0]]) is not None
            readings = [r[1].place for r in out[i + 1][3]]
            for n, q in enumerate(readings):
                if n and q.type != "admin1":
                    continue  # another reading of the qualifier: only a state ("Georgia", "Washington")
                if q.type == "country":
                    test = lambda p, q=q: p.country_code == q.country_code
                elif q.type == "admin1":
                    test = lambda p, q=q: p.country_code == q.country_code and p.admin1 == q.admin1
                elif q.type == "city" and near:
                    test = lambda p, q=q: abs(p.lat - q.lat) < 0.6 and abs(p.lon - q.lon) < 0.9
                elif q.type == "admin2":  # "Neukirchen (Landkreis Straubing-Bogen)", "Hausen im Bezirk Gmünd"
                    test = lambda p, q=q: lies_in(p, q)
                else:
                    test = None
                if kind in ("admin1", "country") and q.type != "admin1":
                    test = None  # "Georgia, USA" stays the state: only a state's own town is named so
                if test is not None and any(test(c.place) for c in cands):
                    if n:  # the qualifier is that state here
                        j = out[i + 1]
                        out[i + 1] = (j[0], j[1], j[2], [r for r in j[3] if r[1].place is q] + [r for r in j[3] if r[1].place is not q])
                    break
                test = None
        if test is None:
            continue
        inside = [c for c in cands if test(c.place)]
        if inside:
            ranked_inside = rank(inside, language, gazetteer, countries, admin1s)
            if ranked_inside:
                out[i] = (start, end, k, ranked_inside + [r for r in ranked if not test(r[1].place)])
    return out


_GLOSS_GAP = re.compile(r"\s*\(\s*")


def _glossed(text: str, chosen: list) -> list:
    """ "im nordböhmischen Liberec (Reichenberg)", "Wrocław (Breslau)", "Lviv (Lemberg)": a name in
    parentheses right after a place that is another name of that place glosses it, so both are that
    place, not the German village Reichenberg the name alone would be in a German text."""
    out = list(chosen)
    for i in range(len(out) - 1):
        (s1, e1, k1, r1), (s2, e2, k2, r2) = out[i], out[i + 1]
        if not _GLOSS_GAP.fullmatch(text, e1, s2) or not text.startswith(")", e2) or k1[0] == k2[0]:
            continue
        second = {r[1].place.id for r in r2}
        shared = next((r[1].place for r in r1 if r[1].place.id in second), None)
        if shared is None or (r1[0][1].place.id == shared.id and r2[0][1].place.id == shared.id):
            continue
        out[i] = (s1, e1, k1, [r for r in r1 if r[1].place.id == shared.id] + [r for r in r1 if r[1].place.id != shared.id])
        out[i + 1] = (s2, e2, k2, [r for r in r2 if r[1].place.id == shared.id] + [r for r in r2 if r[1].place.id != shared.id])
    return out


# "in Henderson and Maury counties", "Kitui, Machakos and Makueni districts": one noun in the plural
# after a list of names makes each name that unit.
_PLURAL_UNITS = re.compile(r"\b((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,\s+|,?\s+and\s+))+[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+"
                           r"(counties|districts|parishes|provinces)\b")
_UNIT_FORMS = {"counties": "{} County", "districts": "{} district", "parishes": "{} Parish", "provinces": "{} province"}


def _plural_units(text: str, spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """The names of a plural unit phrase as that unit's form ("Henderson and Maury counties":
    "Henderson County", "Maury County"), where the gazetteer knows the unit; the rest as found."""
    extra = []
    for m in _PLURAL_UNITS.finditer(text):
        form = _UNIT_FORMS[m.group(2)]
        for name in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", m.group(1)):
            if name.group() in ("And",) or not gazetteer.candidates(form.format(name.group())):
                continue
            extra.append((m.start(1) + name.start(), m.start(1) + name.end(), form.format(name.group())))
    if not extra:
        return spans
    kept = [s for s in spans if not any(a < s[1] and s[0] < b for a, b, _ in extra)]
    return sorted(kept + extra)


# News from New Zealand and Hawaii writes Māori and Hawaiian names with macrons ("Whangārei",
# "Taupō", "Lāhainā") where GeoNames mostly writes none: one letter for one, so offsets hold.
_MACRONS = str.maketrans("āēīōūĀĒĪŌŪ", "aeiouAEIOU")
_MACRON = re.compile("[āēīōūĀĒĪŌŪ]")  # found in C; `translate` looks up every letter of the text


def _longest_whole_words(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """All whole-word matches, then greedy longest-first so overlaps keep the longest; a name
    with macrons also as its plain spelling, where the gazetteer lacks the marked one."""
    n = len(text)
    found = []
    plain = text.translate(_MACRONS) if _MACRON.search(text) else text
    marked = [m for m in gazetteer.automaton.iter(plain) if text[m[0] - len(m[1]) + 1:m[0] + 1] != m[1]] if plain != text else []
    for end, surface in [*gazetteer.automaton.iter(text), *marked]:
        start = end - len(surface) + 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
            continue
        if end + 1 < n and text[end + 1].isalnum() and not surface.endswith("."):
            continue
        found.append((start, end + 1, surface))
    if not found:
        return []
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken = bytearray(n)
    chosen = []
    for start, end, surface in found:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, surface))
    chosen.sort()
    return chosen


def _company_sea(text: str, m: PlaceMention) -> bool:
    """ "Union Pacific", "Royal Caribbean", "Air Baltic": a sea after a capitalised word (no compass
    or article) names a company, also at a sentence's start."""
    prev = _prev_word(text, m.start)
    return m.place.type == "sea" and text[m.start - 1:m.start] == " " and prev[:1].isupper() and prev.isalpha() \
        and prev not in _FUNCTION_WORDS and prev not in _COMPASS and prev not in ("Central", "Mid") \
        and prev.lower() not in _LOCATIVE


def _prev_word(text: str, start: int) -> str:
    head = text[max(0, start - 40):start].rstrip()
    return head.split()[-1].strip("„\"'(") if head.split() else ""


def _districts_after_hyphen(text: str, spans: list, gazetteer: Gazetteer) -> list:
    """The spans without the second parts of hyphenated names that only small towns bear (see
    `_small_towns_after_hyphen`), except where such a town lies beside the city the first part
    names: "in Hannover-Kirchrode", "Luxembourg-Cessange" name a district of the city, which is
    then the one mention, spanning both parts, of the district."""
    out = []
    for start, end, sf in spans:
        if not _small_towns_after_hyphen(text, start, sf, gazetteer):
            out.append((start, end, sf))
            continue
        if out and out[-1][1] == start - 1 and any(
                c.place.type == "city" and c.place.population >= TOWN_POPULATION
                and any(km(c.place, d.place) <= _DISTRICT_KM for d in gazetteer.candidates(sf))
                for c in gazetteer.candidates(out[-1][2])):
            out[-1] = (out[-1][0], end, sf)
    return out


_DISTRICT_KM = 15  # a city's district lies this close to the city's point


def _small_towns_after_hyphen(text: str, start: int, sf: str, gazetteer: Gazetteer) -> bool:
    """ "nach Ried-Mörel": the second part of a hyphenated name ends another place's name (a Swiss
    village), so a name only small towns bear (the Mörel of Holstein) is none of them. A bigger
    place there stays: "Ost-Berlin", "Windsor-Essex"."""
    return text[start - 1:start] == "-" and text[start - 2:start - 1].isalpha() \
        and all(c.place.type == "city" and c.place.population < TOWN_POPULATION for c in gazetteer.candidates(sf))


_ARTICLES = frozenset("der die das dem den des".split())


def context_cue(text: str, start: int, end: int, language: str) -> str:
    """What the words around one occurrence say: "person", "state", "locative", "proper", "possessive",
    "appended" (after "Name, "), "onto" (after "auf", "on": an island's locative) or ""."""
    prev = _prev_word(text, start)
    if prev.rstrip(".") in _TITLES:
        return "person"
    if prev[:1].isupper() and prev.isalpha() and _prev_word(text, start - len(prev) - 1).rstrip(".") in _TITLES \
            and text[start - 1:start] == " ":
        return "person"  # "President Barack Obama"
    if prev in _STATE_WORDS or _STATE_AFTER.match(text, end) or _STATE_OF.search(text, max(0, start - 20), start):
        return "state"
    if language == "de" and prev in _ARTICLES and text[start - 1:start] == " ":
        if _prev_word(text, start - len(prev) - 1).lower() in _LOCATIVE:
            return "area_article"  # "in der Oberpfalz", "aus der Lausitz": an area's locative; no town's (`_usable`)
        return "article"  # "in der Südstadt", "die Nordstadt": a town goes without article, a district of the story's city with one
    if language == "en" and prev in _COMPASS and text[start - 1:start] == " ":
        # "the South Island": New Zealand's island (its own form), not Iceland; so is "South Burnett" before
        # "Community Hospital", no site in a town Burnett
        return "compound"
    if language == "en" and _ROYAL_NAMESAKE.match(text, start, end + 40) and text[start:end].count(" ") == 1:
        return "proper"  # "Queen Victoria School" is named after the queen, not the village Queen Victoria (Mauritius)
    # "GM's Wentzville Assembly", "the Cedar Rapids Airport": a site in the town; "the Queen Elizabeth
    # Hospital", "the Brilliant Alliance Global Factory" name no town Elizabeth or Alliance.
    named_before = language != "de" and prev not in _FUNCTION_WORDS and text[start - 2:start - 1].isalpha() \
        and _capitalised_before(text, start, prev)
    facility = _FACILITY_AFTER.match(text, end)
    if facility and not named_before:
        # as "qualified", except before a hospital or a station, named after a word as often as after
        # a town, for a town named like a word without a locative, or before the facility's own town
        # ("University Hospital Galway", "at University Hospital Limerick", "Union Station")
        generic = facility.group().lower().endswith(("hospital", "station"))
        return "site" if generic and (prev.lower() not in _LOCATIVE or _NAME_NEXT.match(text, facility.end())) else "qualified"
    if language == "en" and _FACILITY_BEFORE.search(text, max(0, start - 25), start):
        return "locative"  # "University Hospital Galway", "Trinity College Dublin": the facility's town, in it
    if language == "en" and _UNIT_AFTER.match(text, end):
        return "locative"
    if language == "en" and _SITE_AFTER.match(text, end) and not (prev[:1].isupper() and prev.isalpha() and prev not in _FUNCTION_WORDS):
        return "qualified"
    if language == "en" and text[start:end] in given_names() and _PERSON_AFTER_EN.match(text, end):
        return "person_name"  # "Kyle Smith, 24, of Lebanon", "Tyler Brown said": a first name, not Kyle, Texas
    if language != "de" and _inside_proper_name(text, start, end, prev):
        # "Merrit Kennedy" (a name before it) is a person; "Denver Public Safety" (words
        # after it) is an organisation of the city, so only small towns are given up there.
        if _given_name_before(text, start, prev) and not _CAPITALISED_NEXT.match(text, end):
            # "Eduardo Mendoza", "Denzel Washington": a surname, no state, country or town (see
            # `surnames`); "George Washington University" names an institution after a person.
            return "surname"
        return "person_name" if prev[:1].isupper() and prev.isalpha() and text[start - 1:start] == " " \
            and prev not in _FUNCTION_WORDS else "proper"
    if prev.lower() in NEAR_WORDS and text[start - 1:start] == " ":
        prev = _prev_word(text, start - len(prev) - 1) or prev  # "in nearby Coldwater": the locative before the adjective
    if language == "de" and "-" in prev and prev.rsplit("-", 1)[1] in PLACE_NOUNS:
        prev = prev.rsplit("-", 1)[1]  # "der Gemeinde-Ortsteil Grainau": the compound's head is the settlement noun
    if (prev.lower() in _LOCATIVE or prev in PLACE_NOUNS
            or (language == "de" and _ADJECTIVE_LOCATIVE.search(text, max(0, start - 60), start))) \
            and not (prev.lower() == "at" and _POSSESSIVE.match(text, end) and not _NAMED_SITE_AFTER.match(text, end)) \
            and not (language == "en" and prev == "to" and _SOURCE_TO.search(text, max(0, start - 30), start)):
        # "near Hay, New South Wales": qualified too, which a town named like a word needs.
        # "at O'Neill's home", "at McDonald's": whose, a person's or a firm's, not where.
        if language == "de" and prev.lower() in ("von", "bei") and text[start:end] in given_names() \
                and _CAPITALISED_AFTER.match(text, end):
            return "person_name"  # "von Andreas Böhm" (a byline), "bei Kati Köhler": a person, not Andreas on Man
        if language == "de" and (prev in _SETTLEMENT_NOUNS or _REGION_ADJECTIVE_BEFORE.search(text, max(0, start - 60), start)):
            return "settled"  # "der Gemeinde Wald", "im altmärkischen Klötze": a settlement, though named like a word
        if language == "de" and prev in _CONTRACTED:
            return "contracted"  # "im Forst", "am Horn": the word with its article; a town goes without one
        return "qualified" if _QUALIFIED.match(text, end) or _CANTON_ENDS.search(text, start, end) else "locative"
    if language == "de" and _local_office_after(text, end):
        return "locative"  # "Schrattenberg-Bürgermeister": a town's office names the town as a town
    if language == "de" and _TOWN_FACILITY.fullmatch(prev) and text[start - 1:start] == " " and text[end:end + 1] != "-" \
            and text[start:end] not in given_names():  # "Altenheim Otto-Ohl-Haus" is named after a person
        return "locative"  # "Die Feuerwehr Kißlegg rückte aus", "das Freibad Grafenwiesen": the town's own, in it
    if language == "de" and _NOUN_AFTER_LOCATIVE.search(text, max(0, start - 60), start):
        return "locative"  # "am Kontrollplatz Sigmarszell", "an der Anschlussstelle Wertach"
    if opens_dateline(text, start, end):
        return "locative"  # "Sohland an der Spree (dpa) - ", "BROCTON -- ": a dateline's town, however small
    if language == "de" and _heads_its_report(text, start, end):
        return "locative"  # "Ravensburg (ots) - Amtzell: Ein Radfahrer …", "Amtzell" alone on its line
    if _given_name_before(text, start, prev) and not _CAPITALISED_NEXT.match(text, end):
        # "Vorstandsmitglied Beate Linz … so Linz": a surname all through the text; so is an
        # English one after a given name opening a line or sentence ("Josh Taylor here taking over").
        return "surname"
    if language == "de" and (_PERSON_APPOSITION.match(text, end) or _given_name_before(text, start, prev)
                             or (text[start:end] in given_names() and _CAPITALISED_AFTER.match(text, end))):
        return "person_name"  # "wie Kati Köhler, Gewerkschaftssekretärin": a first name, not Kati in Mali
    if _NOUN_AFTER.match(text, end):
        return "locative"  # "in Gulmi district", "in the Leesville area"
    if language == "en" and text[end:end + 3] in ("'s ", "’s ") and not _QUALIFIED.match(text, end):
        return "possessive"  # "Cumbria's chief constable": a county's bare name, as after a locative
    # "Yarloop, Western Australia", "Biloserka (Region Cherson)": a qualified name.
    if language == "en" and prev.endswith(",") and _IN_NAME_LIST.match(text, end):
        return ""  # "makes Chrysler, Dodge, Jeep and Fiat brands": a name in a list, not "Dodge, Nebraska"
    if _QUALIFIED.match(text, end) or _CANTON_ENDS.search(text, start, end):
        return "qualified"
    # "Ipswich, Suffolk", "Maidstone, Kent": after a name and a comma, a county's
    # bare name says where the name before lies (not Suffolk, Virginia).
    if text[start - 1:start] == " " and prev in _ONTO.get(language, ()):
        return "onto"  # "auf Sylt", "on Lesbos": an island's locative, and no other place's (`_usable`)
    return "appended" if language == "en" and text[start - 2:start] == ", " and prev[:-1].isalpha() and prev[:1].isupper() else ""


# A royal's name before what is named after people ("Queen Victoria School", "King George Park").
_ROYAL_NAMESAKE = re.compile(r"(?:Queen|King|Prince|Princess) [A-Z][a-z]+ (?:School|College|Academy|University|Park|Hall|"
                             r"Memorial|Bridge|Street|Road|Avenue|Square|Gardens|Stadium|Building|House)\b")


# The preposition of a place on an island ("auf Sylt", "on Lesbos"): a locative for an island's bare
# name; before any other name it says nothing ("auf Merkel", "on Monday", "on Facebook").
_ONTO = {"de": frozenset({"auf", "Auf"}), "en": frozenset({"on", "On"})}
# German prepositions fused with the article ("im", "am", "beim"): no town's name follows them bare.
_CONTRACTED = frozenset("im Im am Am beim Beim vom Vom zum Zum zur Zur ins Ins".split())
_POSSESSIVE = re.compile(r"['’]s\b")
# "at Zennor's Tinners Arms", "at Sydney's Royal North Shore Hospital": a town's possessive before a site's own name.
_NAMED_SITE_AFTER = re.compile(r"['’]s [A-Z][a-z]")
# "according to Xinhua", "speaking to Kyodo": the name after is a source spoken to, not where (Xinhua,
# a town in China); no locative for a small town.
_SOURCE_TO = re.compile(r"\b(?:[Aa]ccording|[Ss]pok(?:e|en)|[Ss]peaking|[Tt]alk(?:ed|ing)?|[Tt]hanks|[Dd]ue|[Oo]wing)\s+to\s+$")
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Upper Lower".split())
# Capitalised words that open a name without being a given name: "The Pietermaritzburg High Court".
_FUNCTION_WORDS = frozenset("The A An This That These Those Its His Her Their Our Every Each Some No".split())


_CAPITALISED_NEXT = re.compile(r" [A-ZÄÖÜ]")
_CAPITALISED_AFTER = re.compile(r" [A-ZÄÖÜ][a-zäöüß]+\b(?! (?:in|im|bei|an|am)\b)")


# An English name's surname followed by the person's age, home or a verb of saying ("Kyle Smith, 24,",
# "Kyle Smith, of Kirklin", "Austin Jones said"; not "Austin Police said": a capitalised word alone is no surname).
_PERSON_AFTER_EN = re.compile(r" [A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:, (?:\d{1,3}[,.)]|of [A-Z])| (?:said|says|told)\b)")


def _given_name_before(text: str, start: int, prev: str) -> bool:
    """ "Michael Kassel", "Anna Weiden": a given name right before the name makes it a surname."""
    return text[start - 1:start] == " " and prev[:1].isupper() and prev in given_names()


def _listed(keyed: list, text: str) -> list:
    """A name that continues a list after a located name is located too ("im Bereich
    Malterhausen, Tiefenbrunnen und Klausdorf")."""
    out = []
    for start, end, (sf, cue) in keyed:
        if out and cue in ("", "onto", "qualified", "site") and out[-1][2][1] in ("locative", "contracted", "settled") and _LIST_GAP.match(text[out[-1][1]:start]):
            cue = "locative"
        out.append((start, end, (sf, cue)))
    return out


def _inside_proper_name(text: str, start: int, end: int, prev: str) -> bool:
    """English/Spanish: a capitalised neighbour ("Brandon Johnson", "Lindsey Graham") makes a
    longer proper name. German capitalises every noun, so this cue is not used there."""
    if text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
        return True
    return _capitalised_before(text, start, prev)


def _capitalised_before(text: str, start: int, prev: str) -> bool:
    """A capitalised word before the name, not opening a sentence: "Brandon Johnson", "Queen Elizabeth"."""
    if text[start - 1:start] != " " or not prev[:1].isupper() or not prev.isalpha():
        return False
    before = text[:start - 1 - len(prev)].rstrip(" ")
    if before.endswith(".") and before[:-1].split(" ")[-1] in _TITLES:  # "Sen. Lindsey Graham"
        return True
    return bool(before) and before[-1] not in ".!?:;\n\"“„'‘(—–-"


def _usable(c: Candidate, language: str, cue: str) -> bool:
    """Everyday-word city names count only after a locative word; titled or flanked names are persons;
    a town or village needs a locative word or a qualifier ("in Treuenbrietzen", "Addison, Texas");
    a works after the name qualifies it ("the Cedar Rapids Airport"), but a hospital or a station not
    a town named like a word ("University Hospital" names no town University; "Cork University
    Hospital" names the city)."""
    if c.kind == "article":  # "in den Alpen", "im Spessart": an area's name that takes its article, only after it
        return cue in ("area_article", "contracted")
    if cue == "onto":  # "auf Sylt": the island; "auf Merkel", "on Monday": as without a word before
        cue = "locative" if c.place.id.startswith(ISLAND) else ""
    if cue == "site":
        cue = "" if c.place.type == "city" and language in c.common and c.place.population < TOWN_NAMESAKE_POPULATION \
            else "qualified"
    if cue == "area_article":  # "in der Oberpfalz", "in der Uckermark": an area's bare name takes its article after
        if c.place.type == "city":  # a locative as "im Allgäu" does; a town takes none, other names as after "der"
            return False
        cue = "locative" if c.kind == "bare" else "article"
    if cue == "contracted":  # "im Saarland", "im Forst": a locative, but no town named like a word takes it
        if c.place.type == "city" and language in c.common:
            return False
        cue = "locative"
    if cue == "settled":  # a town, whatever its name; any other place as after a locative
        return c.place.type == "city" or _usable(c, language, "locative")
    if cue == "compound":  # "the South Island" is not Iceland; "North Queensland" is in Queensland
        if c.place.type == "country":
            return False
        cue = "person_name"
    if c.place.type != "city":
        if cue in ("person", "surname"):
            return False  # "Denzel Washington", "Eduardo Mendoza", "Foreign Minister Israel Katz": a person's name
        if c.kind == "bare" and cue not in ("locative", "qualified", "possessive", "appended"):
            return False  # "Dithmarschen", "Kent" alone: a district only where a town would be a place
        return language not in c.common or cue == "locative"
    if cue == "article":
        return False
    if cue == "person" or (cue == "proper" and c.place.population < 200_000) \
            or (cue in ("person_name", "surname") and c.place.population < 1_000_000):
        return False
    if c.place.population < TOWN_POPULATION and cue not in ("locative", "qualified"):
        return False
    if c.place.population < TOWN_POPULATION and language in c.common:
        return cue == "qualified"  # "Hay, New South Wales", never "in hay" or "east of Hay"
    return language not in c.common or cue in ("locative", "qualified")  # "Savannah, Georgia, was hit"


_SUBDIVISION_AFTER = re.compile(r"\s+(?i:district|county|province|region|state|governorate|division|oblast|prefecture)\b")


def _apply_cue(ranked: list[tuple[float, Candidate]], cue: str, gazetteer: Gazetteer,
               unit: bool = False) -> list[tuple[float, Candidate]]:
    """ "Bundesstaat Washington", "Washington State": the state, whatever the ranking said;
    "Region Cherson", "Kharkiv Oblast": the subdivision the city of that name is in, when the
    name is only a city's. Without such a word ("in Kherson", "the streets of Yuen Long"), the
    city a subdivision is named after, unless the text writes the name with a unit's noun
    somewhere (`unit`: "Nakuru County")."""
    if cue in ("locative", "contracted", "", "onto") and not unit and ranked[0][1].place.type == "admin1":
        top = ranked[0][1].place
        city = next((r for r in ranked if r[1].place.type == "city" and r[1].kind == "name"
                     and (r[1].place.country_code, r[1].place.admin1) == (top.country_code, top.admin1)), None)
        if city is not None:
            return [(ranked[0][0], city[1])] + [r for r in ranked if r is not city]
    if cue != "state":
        return ranked
    states = [r for r in ranked if r[1].place.type == "admin1"]
    if states:
        score, top = states[0]
        wider = _around_city(top.place, gazetteer)
        return ([(score, Candidate(wider, "name"))] if wider else []) + states + [r for r in ranked if r[1].place.type != "admin1"]
    # Among namesake cities, the one whose subdivision bears its name: "Region Donezk" is the
    # Ukrainian oblast, also where a smaller Russian Donetsk ranks first.
    score = ranked[0][0]
    for _, c in ranked:
        region = gazetteer.subdivisions.get((c.place.country_code, c.place.admin1)) if c.place.type == "city" else None
        if region is not None and _named_after(region, c.place):
            return [(score, Candidate(_around_city(region, gazetteer) or region, "name"))] + ranked
    return ranked  # "Region Hannover" is the area around the city, not Niedersachsen


def _named_after(region, city) -> bool:
    """ "Khersonska oblast" is named after Kherson, "Mykolaivska" after Mykolayiv and "Zaporizka"
    after Zaporizhzhya (an adjective of the name's stem, cut where the romanisations differ);
    "Niedersachsen" is not after Hannover, nor "Saarland" after Saarbrücken."""
    stem = folded(city.name).lower().replace("-", " ")
    return any(w.startswith(stem) or (" " not in stem and _shared_prefix(w, stem) >= max(4, len(stem) / 2))
               for w in folded(region.name).lower().replace("-", " ").split())


def _around_city(state: Place, gazetteer: Gazetteer) -> Place | None:
    """ "Region Kiew", "the Moscow region": the oblast around a city that is a subdivision of its
    own (Kyivska oblast around Kyiv, Moskovskaya around Moskva), named by an adjective of its name."""
    if " " in state.name:
        return None
    stem = folded(state.name).lower()
    for key in gazetteer.subdivisions:
        if key[0] == state.country_code and key[1] != state.admin1:
            other = gazetteer.subdivisions[key]
            words = folded(other.name).lower().replace("-", " ").split()
            if words[0] != stem and _named_after(other, state):
                return other
    return None


def _shared_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _attributive(text: str, start: int, end: int, language: str = "") -> bool:
    """ "US-Luftwaffe", "Colorado-Gruppe", "Alaska-based": the place qualifies a word rather than
    naming a location. A second part that is no word of the language is a place's own part:
    "Knüllwald-Wallenstein", "Erftstadt-Blessem" name a village of the town."""
    if not (end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()):
        return False
    if language not in ("de", "en"):
        return True
    if language == "de" and _local_office_after(text, end):
        return False  # "Schrattenberg-Bürgermeister": the town's own office, named with its town
    m = re.match(r"[^\W\d_]+", text[end + 1:end + 40])
    return is_known(m.group(), language)


# A German town's offices, written with its name before a hyphen ("Schrattenberg-Bürgermeister tritt zurück").
_LOCAL_OFFICES = frozenset("""Bürgermeister Bürgermeisterin Bürgermeisters Altbürgermeister Ortsvorsteher Ortsvorsteherin
Gemeinderat Gemeinderats Stadtrat Stadtrats Ortschef Ortschefin Rathaus Rathauses Gemeindeamt Stadtgemeinde""".split())


# A town's own brigade or facility, named with its town ("Feuerwehr Kißlegg", "Freiwillige Feuerwehr
# Amtzell", "des Familienfreibades Grafenwiesen", "Grundschule Mehlingen"), also as the end of a compound.
_TOWN_FACILITY = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Ff]euerwehr|Löschzug|Löschgruppe|[Ff]reibad|[Hh]allenbad|[Ss]trandbad|"
                            r"[Rr]athaus|[Bb]ahnhof|[Ss]chule|Gymnasium|[Kk]indergarten|Kita|[Ff]riedhof|[Ss]portplatz|"
                            r"[Ff]esthalle|[Tt]urnhalle|[Mm]ehrzweckhalle|[Bb]ürgerhaus|[Kk]irche|[Aa]ltenheim|[Ss]eniorenheim|"
                            r"[Pp]flegeheim|[Kk]läranlage|[Gg]ewerbegebiet|[Bb]augebiet|"
                            # "auf dem Fliegerhorst Laage", "in der JVA Bützow", "am Flughafen Hahn": a facility
                            # named after its town, as "the Cedar Rapids Airport" is in English
                            r"[Ff]lughafen|[Ff]lugplatz|[Ff]liegerhorst|[Kk]aserne|JVA|Justizvollzugsanstalt|"
                            r"[Tt]ruppenübungsplatz|[Kk]raftwerk)(?:e?s)?")


def _local_office_after(text: str, end: int) -> bool:
    """A hyphen and a town's office after the name ("Schrattenberg-Bürgermeister", "Kiesen-Gemeinderat")."""
    found = re.match(r"-([^\W\d_]+)", text[end:end + 40])
    return found is not None and found.group(1) in _LOCAL_OFFICES


# "der Gemeinde Wettringen", "des Marktes Wiesent": a part's town named in the genitive.
_TOWN_GENITIVE = r"der\s+(?:Stadt|Gemeinde|Marktgemeinde|Stadtgemeinde)\s+|des\s+Marktes\s+"
_LIES_IN_GAP = re.compile(r"^(?:\s+(?:(?!(?:und|oder|sowie|and|or)\s)[a-z]+\s+|(?:House|Palace|Hall|Castle|Hotel|Bhavan|Stadium|Arena)\s+){0,3}"
                          r"(?:in|im|bei|near|nahe)\s+(?:the\s+|dem\s+|der\s+)?"
                          # "Shipley, a suburb of Bradford", "Nußdorf, einem Ortsteil von Überlingen"
                          r"|,\s+(?:an?|the|ein|eine|einem|einer)\s+(?:[a-zäöüß-]+\s+){0,2}(?:suburb|village|town|hamlet|district|"
                          r"neighbou?rhood|community|township|Ortsteil|Stadtteil|Dorf|Ortschaft|Weiler|Gemeindeteil|Vorort)\s+"
                          r"(?:(?:of|in|near|outside|von|bei|nahe|im)\s+(?:the\s+|der\s+(?:Stadt\s+|Gemeinde\s+)?|dem\s+)?"
                          # "Kirchdorf, ein Ortsteil der Gemeinde Wettringen": the town's genitive
                          r"|" + _TOWN_GENITIVE + ")"
                          # "Nussdorf, near Uberlingen", "Nußdorf (Stadt Überlingen)"
                          r"|,\s+(?:near|outside|bei|nahe)\s+|\s*\(\s*(?:(?:Stadt|Gemeinde|Markt)\s+)?)$")
# "im Ortsteil Nußdorf von Überlingen", "im Ortsteil Kirchdorf der Gemeinde Wettringen": the part's town follows.
_PART_BEFORE = re.compile(r"\b(?:Ortsteil|Stadtteil|Ortschaft|Gemeindeteil|Weiler)\s+$")
_PART_OF_GAP = re.compile(r"^\s+(?:von\s+(?:der\s+(?:Stadt|Gemeinde)\s+)?|" + _TOWN_GENITIVE + ")$")


def contradicts(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether `second` says where `first` lies, and the gazetteer's `first` is not there: then
    the name is a namesake the gazetteer lacks ("Raghunathpur … in Buxar district" is not the
    Raghunathpur 400 km away, "Moscow in Ukraine" is not a place in Ukraine)."""
    gap = text[first.end:second.start]
    if first.place.type != "city" or not (_LIES_IN_GAP.match(gap) or (
            _PART_OF_GAP.match(gap) and _PART_BEFORE.search(text, max(0, first.start - 20), first.start))):
        return False
    return outside_of(first.place, second.place)
