"""Seats: the place an institution's name or registry entry gives ("Landgericht Stendal" →
Stendal, "der Bundesgerichtshof" → Karlsruhe, "the Kremlin" → Moscow, "Denver police" → Denver).

A seat is weaker evidence than a place the sentence names: the events stage uses it only when
the sentence names no other place, at lower precision. Registry seats come from `seat:` in
`geo/ref/actors.yaml` (governments: their country's capital); head nouns and their word order
per language from `geo/ref/institution_heads.yaml`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from geo.gazetteer import TOWN_POPULATION, Candidate, Gazetteer
from geo.namesakes import FOREIGN_NAMESAKE_POPULATION
from geo.records import ActorMention, Place, PlaceMention
from geo.ref import given_names, load_yaml
from geo.roles import speaks_as_subject
from geo.when.pattern import alt as trie_alt
from geo.where import adjective_bases
from geo.who import ActorRegistry

SEAT_SCORE = 0.5  # a seat is not where it happened, only where the institution sits
_SEAT_KINDS = frozenset({"name", "alt"})
# German-speaking countries, preferred for the seat in "Landgericht Frankfurt" (not Frankfort, KY).
_HOME = {"de": ("DE", "AT", "CH")}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# "Italian authorities" may be any of the country's authorities, not its government in Rome.
_NOT_SEATED = (" authorities",)
_ABBR = re.compile(r" \([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5}\)")


@dataclass(frozen=True)
class _Heads:
    pattern: re.Pattern
    region: frozenset  # heads (as in the YAML, lower-cased) whose place is a state first
    connectors: tuple[str, ...]
    modifiers: frozenset
    of: frozenset
    place_first: bool  # English "Denver police" (True) or German "Polizei München" (False)
    areas: frozenset = frozenset()  # words after a head that make the name an area's ("Richmond Police District")


def find_seats(text: str, *, actors: list[ActorMention], gazetteer: Gazetteer, registry: ActorRegistry,
               language: str, places: list[PlaceMention] | None = None, country: str | None = None) -> list[PlaceMention]:
    """Institution mentions with a seat, as `seat=True` place mentions spanning the institution.

    `places` (the places stage's mentions, optional) lets a seat named in the text keep the
    place that stage resolved from the whole document, and lends document context; `country`
    (the outlet's country domain, optional) says whose "Bundesrat" a German text means."""
    if not isinstance(text, str) or not text:
        return []
    places = sorted(places or [], key=lambda p: p.start)
    context = Counter(p.place.country_code for p in places if not p.weak and p.place.country_code)
    home = _home(country, context)
    found: list[tuple[int, int, Place, bool]] = []  # start, end, place, from the registry
    for a in actors:
        if a.text.endswith(_NOT_SEATED) or _titles_a_person(text, a.end) or _handed_over_to(text, a.start, a.end):
            continue
        actor = registry.actors.get(a.actor) if a.from_registry else None
        place = _resolve_seat(actor.seat, actor.country, gazetteer) if actor and actor.seat else None
        if place is not None and home in actor.shared and not _GERMANY_NAMED.search(text, max(0, a.start - 12), a.end):
            # "Der Bundesrat" in a Swiss text is Switzerland's government in Bern, not Germany's in Berlin.
            place = capital_place(home, gazetteer=gazetteer, registry=registry) or place
        if place is not None and a.text in actor.bare:
            place = _generic_seat(actor, place, places, context, country, gazetteer, registry)
        if place is not None:
            found.append((a.start, a.end, place, True))
    heads = _heads(language)
    if heads is not None:
        found += _named_seats(text, heads, gazetteer, language, places, context)
    return [PlaceMention(s, e, text[s:e], place, score=SEAT_SCORE, seat=True) for s, e, place in _non_overlapping(found)]


_GERMANY_NAMED = re.compile(r"[Dd]eutsch|German")
_OWN_COUNTRY_NAMED = 2  # the text names another country's places this often, its own never


def _generic_seat(actor, place: Place, places: list[PlaceMention], context: Counter, country: str | None,
                  gazetteer: Gazetteer, registry: ActorRegistry) -> Place | None:
    """ "Congress", "the Supreme Court" in a story from Peru or India are that country's, in its
    capital, not Washington's: where the text names no place of the institution's country (nor
    its demonym) and another country's places at least twice. Only a government or ministry
    sits in the capital; any other such institution then has no seat."""
    if not actor.country or country == actor.country or any(m.place.country_code == actor.country for m in places):
        return place
    top = next((cc for cc, n in context.most_common(1) if n >= _OWN_COUNTRY_NAMED), None)
    if top is None or top == actor.country:
        return place
    return capital_place(top, gazetteer=gazetteer, registry=registry) if actor.kind in ("government", "agency") else None


def _home(country: str | None, context: Counter) -> str | None:
    """The German-speaking country a text is from: its outlet's domain, else the one its places
    name most (Austria or Switzerland only where named more often than Germany)."""
    if country in ("DE", "AT", "CH"):
        return country
    return max(("AT", "CH"), key=lambda cc: context[cc]) if max(context["AT"], context["CH"]) > context["DE"] else None


# "transferred the six men to the U.S. Border Patrol", "an die Bundespolizei übergeben": people handed
# over to an agency, which takes them where they are, not at its headquarters.
_HANDED_TO_BEFORE = re.compile(r"\b(?:transferred|handed(?:\s+\w+){0,3}\s+over|turned(?:\s+\w+){0,3}\s+over|handed|released|"
                               r"delivered|remanded)\s+(?:\w+\s+){0,4}?(?:to|into the custody of)\s+(?:the\s+)?"
                               # the list goes on: "to the U.S. Border Patrol and Homeland Security Investigations"
                               r"(?:(?:[A-Z][\w.'’-]*\s+){1,6}(?:and|or)\s+(?:the\s+)?)?$")
_GERMAN_TO_BEFORE = re.compile(r"\ban\s+(?:die|den|das)\s+$")
_GERMAN_HANDED_AFTER = re.compile(r"^[^.;!?]{0,40}?\b(?:übergeben|überstellt|übergab|übergaben|überstellte|überstellten|"
                                  r"weitergeleitet|übermittelt)\b")


def _handed_over_to(text: str, start: int, end: int) -> bool:
    """Whether the institution is the one people or a case are handed over to ("were transferred
    to the Department of Homeland Security", "wurden an die Bundespolizei übergeben"): it receives
    them where the happening was; it does not act at its seat."""
    before = text[max(0, start - 120):start]
    return bool(_HANDED_TO_BEFORE.search(before)
                or (_GERMAN_TO_BEFORE.search(before) and _GERMAN_HANDED_AFTER.match(text[end:end + 60])))


_NEXT_TWO_WORDS = re.compile(r" ([A-ZÄÖÜ][\w-]+) [A-ZÄÖÜ][\w'’-]+")


def _titles_a_person(text: str, end: int) -> bool:
    """An institution's name before a person's ("Bundesrat Michael Bernard", "Senator John Smith"):
    a member's title, not the institution acting where it sits."""
    found = _NEXT_TWO_WORDS.match(text, end)
    return found is not None and found.group(1) in given_names()


def _non_overlapping(found):
    """Longest first ("Bundespolizei Pirna" over "Bundespolizei"), then the registry's, then earliest."""
    chosen: list[tuple[int, int, Place]] = []
    for s, e, place, _ in sorted(found, key=lambda f: (f[0] - f[1], not f[3], f[0])):
        if all(e <= c[0] or s >= c[1] for c in chosen):
            chosen.append((s, e, place))
    return sorted(chosen, key=lambda c: c[0])


def speaking_capitals(text: str, places: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """A national capital as the subject of a speech act ("Moscow said", "Kiew warnte"): its
    government, seated there as "the Kremlin" is; where it happened is named elsewhere."""
    return [replace(m, score=SEAT_SCORE, seat=True) for m in places
            if m.place.type == "city" and m.place.id in gazetteer.capitals and not m.weak and speaks_as_subject(text, m)]


def capital_place(country: str | None, *, gazetteer: Gazetteer, registry: ActorRegistry) -> Place | None:
    """The capital city of a country (ISO code), where its government and parliament sit."""
    name = registry.capitals.get(country) if country else None
    return _resolve_seat(name, country, gazetteer) if name else None


@lru_cache(maxsize=None)
def _geonames_capitals() -> dict[tuple[str, str], str]:
    """Every country's first-level capitals by (country, admin1 code): GeoNames' PPLA
    (`geo/ref/admin1_capitals.tsv`, built by scripts/build_admin1_capitals.py)."""
    rows = resources.files("geo.ref").joinpath("admin1_capitals.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {(cc, a1): name for cc, a1, _, name in (row.split("\t") for row in rows)}


def state_capital(state: Place, *, gazetteer: Gazetteer) -> Place | None:
    """The capital of a first-level subdivision, where its parliament, government and ministries
    sit: the hand-written German, Austrian and Swiss ones (`geo/ref/admin1_capitals.yaml`:
    Düsseldorf for Nordrhein-Westfalen, whose point is its largest city, Köln), else GeoNames'
    seat of the subdivision (Perth for Western Australia, Jos for Plateau State)."""
    if state.type != "admin1" or not state.admin1:
        return None
    name = (load_yaml("admin1_capitals.yaml").get(state.country_code) or {}).get(state.admin1) \
        or _geonames_capitals().get((state.country_code, state.admin1))
    capital = _resolve_seat(f"{name}, {state.admin1}", state.country_code, gazetteer) if name else None
    # A city inside the state: not the state named after it, nor a namesake of another country's same code.
    inside = capital is not None and capital.type == "city" and (capital.country_code, capital.admin1) == (state.country_code, state.admin1)
    return capital if inside else None


@lru_cache(maxsize=4096)
def _resolve_seat(seat: str, country: str | None, gazetteer: Gazetteer) -> Place | None:
    """A registry seat ("Karlsruhe", "Arlington, VA") → the city of that name, preferring the
    qualifier's state or country, then the institution's country, a capital and population.
    Worked out once per seat, country and gazetteer (a process's documents name the same
    governments and courts again and again)."""
    name, _, qualifier = (part.strip() for part in seat.partition(","))
    cands = [c for c in gazetteer.candidates(name) if c.kind in _SEAT_KINDS]
    if qualifier:
        cands = [c for c in cands if qualifier in (c.place.admin1, c.place.country_code)]
    cities = [c for c in cands if c.place.type == "city"] or cands
    if not cities:
        return None
    return max(cities, key=lambda c: (c.place.country_code == country if country else False,
                                      c.place.id in gazetteer.capitals, c.kind == "name", c.place.population)).place


@lru_cache(maxsize=None)
def _heads(language: str) -> _Heads | None:
    spec = load_yaml("institution_heads.yaml").get(language)
    if not spec:
        return None
    # The heads as a trie (the longest head that fits first, as a list sorted longest first
    # would try them): the scan runs over every word of the text, twice as fast as a list.
    alt = trie_alt(spec["heads"], space=re.escape(" "), fold=language == "en")
    if language == "en":
        pattern = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    else:
        # A head, also in the genitive and after a hyphen ("VW-Werk"); compound heads also close a
        # compound ("Bundespolizei"): a capitalised word that ends in one, tried from its end.
        # (A word's letters before a hyphen are all of them, so they are taken without backtracking.)
        ends = "|".join(rf"(?<={re.escape(h[0].lower() + h[1:])}{s})" for h in spec.get("compound") or () for s in ("", "es", "s"))
        pattern = re.compile(rf"(?<![\w-])(?:(?:[\w]++-)*(?:{alt})(?:es|s)?(?![\w-])"
                             + (rf"|[A-ZÄÖÜ]\w*+(?:{ends})(?!-)" if ends else "") + ")")
    return _Heads(pattern, frozenset(h.lower() for h in spec.get("region") or ()),
                  tuple(spec.get("connectors") or ()), frozenset(m.lower() for m in spec.get("modifiers") or ()),
                  frozenset(h.lower() for h in spec.get("of") or ()), place_first=language == "en",
                  areas=frozenset(w.lower() for w in spec.get("areas") or ()))


def _head_of(word: str, heads: _Heads) -> str:
    """The YAML head a matched word is ("landtags" → "landtag", "vw-werk" → "werk")."""
    word = word.rsplit("-", 1)[-1]
    for h in sorted(heads.region, key=len, reverse=True):
        if word == h or word in (h + "s", h + "es"):
            return h
    return word


def _named_seats(text, heads: _Heads, gazetteer, language, places, context):
    """Seats named beside a head noun, in the language's word order."""
    out = []
    for m in heads.pattern.finditer(text):
        head = m.group(0).lower()
        region = _head_of(head, heads) in heads.region
        args = (gazetteer, language, places, context, region)
        if not heads.place_first:  # German: "Polizei München", else "Münchner Polizei"
            hit = _place_after(text, m, heads, *args) or _city_adjective(text, m.start(), *args)
        elif head in heads.of:  # "University of Vienna" only
            hit = _place_after(text, m, heads, *args)
        elif _names_area(text, m.end(), heads):
            continue  # "Richmond Police District" serves a region named for a river or a coast, not the town Richmond
        else:  # "Denver police", else "police in Denver"
            hit = _place_before(text, m.start(), m.end(), heads, *args) or _place_after(text, m, heads, *args)
        if hit is not None:
            out.append((*hit, False))
    return out


def _names_area(text: str, end: int, heads: _Heads) -> bool:
    """Whether the word after a head makes the name an area's: a police district is named for the
    region it serves, not its seat, and the name's town is often a namesake far away."""
    word = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return word is not None and word.group(0).lower() in heads.areas


def _place_after(text, m, heads: _Heads, gazetteer, language, places, context, region):
    """ "Polizei München", "Universität zu Köln", "University of Vienna", "police in Denver"."""
    pos = m.end()
    abbr = _ABBR.match(text, pos)  # "Oberlandesgericht (OLG) Celle"
    pos = abbr.end() if abbr else pos
    if text[pos:pos + 1] != " ":
        return None
    pos += 1
    word = _WORD.match(text, pos)
    connectors = heads.connectors + (("of",) if m.group(0).lower() in heads.of else ())
    if word and word.group(0) in connectors:
        pos = word.end() + 1
        if text[pos - 1:pos] != " ":
            return None
    elif language == "en":  # "police in Denver", "University of Vienna"; "Sheriff Brandon Long" is a man
        return None
    best = None
    window = text[pos:pos + 60]
    for end, surface in gazetteer.automaton.iter(window):
        if end + 1 == len(surface) and (end + 1 == len(window) or not window[end + 1].isalnum()):
            if best is None or len(surface) > len(best):
                best = surface
    if best is None or not best[:1].isupper():
        return None
    place = _resolve_named(best, pos, pos + len(best), gazetteer, language, places, context, region)
    return (m.start(), pos + len(best), place) if place else None


def _place_before(text, head_start, head_end, heads: _Heads, gazetteer, language, places, context, region):
    """ "Denver police", "Manhattan federal court", "Los Angeles County Sheriff's Department"."""
    pos = head_start
    for _ in range(3):  # the place, across up to two modifiers
        if text[pos - 1:pos] != " ":
            return None
        end = pos - 1
        window_start = max(0, end - 60)
        window = text[window_start:end]
        best = None
        for last, surface in gazetteer.automaton.iter(window):
            start = window_start + last + 1 - len(surface)
            if last + 1 == len(window) and (start == 0 or not text[start - 1].isalnum()) and surface[:1].isupper():
                if best is None or len(surface) > len(best):
                    best = surface
        if best is not None:
            # "the Kaikohe District Court", "the Howick Magistrate's Court": a court bears its town's
            # name, however small the town.
            place = _resolve_named(best, end - len(best), end, gazetteer, language, places, context, region,
                                   towns="court" in text[head_start:head_end].lower())
            if place is not None:
                return end - len(best), head_end, place
        word = text[:end].rsplit(" ", 1)[-1]
        if word.lower() not in heads.modifiers:
            return None
        pos = end - len(word)
    return None


def _city_adjective(text, head_start, gazetteer, language, places, context, region):
    """German city adjectives: "Kölner Staatsanwaltschaft", "Münchner Polizei", "Dresdner Landgericht"."""
    if text[head_start - 1:head_start] != " ":
        return None
    word = text[:head_start - 1].rsplit(" ", 1)[-1]
    if len(word) < 5 or not word.endswith("er") or not word[0].isupper():
        return None
    start = head_start - 1 - len(word)
    for name in adjective_bases(word):
        place = _resolve_named(name, start, head_start - 1, gazetteer, language, places, context, region,
                               cities_only=True)
        if place is not None:
            end = head_start + len(_WORD.match(text, head_start).group(0))
            return start, end, place
    return None


def _resolve_named(surface, start, end, gazetteer, language, places, context, region, *, cities_only=False,
                   towns=False):
    """A place named beside a head noun: as the places stage resolved it, else ranked here."""
    # Place mentions do not overlap, so only the last one starting at or before `start` can hold it
    # (a bisect: a scan per head noun made a long document quadratic).
    i = bisect_right(places, start, key=lambda p: p.start) - 1
    p = places[i] if i >= 0 else None
    if p is not None and end <= p.end and not p.weak:
        if p.place.type not in ("city", "admin1", "admin2"):
            return None  # "police in Georgia" where the document means the country: not a seat
        if p.place.type == "admin2":
            return p.place  # "the Brewster County Sheriff's Office" serves its county
        if not (region and p.place.type == "city"):
            return p.place
    cands = [c for c in gazetteer.candidates(surface) if _usable(c, language, cities_only, towns)
             and not (language == "en" and _foreign_namesake(c.place, context))]
    if not cands:
        return None
    home = _HOME.get(language, ())
    best = max(cands, key=lambda c: (
        (c.place.type == "admin1") == region,  # "Landtag Brandenburg": the state; "Polizei Hamburg": the city
        c.place.country_code in home, context[c.place.country_code],
        c.place.id in gazetteer.capitals, c.kind == "name", c.place.population))
    return best.place


def _foreign_namesake(place: Place, context: Counter) -> bool:
    """A city under 300,000 of a country the text's places never point to, in a text whose places
    point to another country at least twice, is a namesake of a place the gazetteer lacks, as the
    places stage reads it ("the Jamestown Police" in a story from Accra is no force of Jamestown,
    New York); the seat is the text's own place or none."""
    if place.type != "city" or place.population >= FOREIGN_NAMESAKE_POPULATION or context[place.country_code]:
        return False
    return bool(context) and context.most_common(1)[0][1] >= 2


def _usable(c: Candidate, language: str, cities_only: bool, towns: bool = False) -> bool:
    if c.kind not in _SEAT_KINDS and not (c.kind == "gen" and language == "de"):
        return False
    if c.place.type not in (("city",) if cities_only else ("city", "admin1")):
        return False
    # After a German head noun a town's name is its seat ("Amtsgericht Zossen"); an English
    # capitalised word before "police" is too often something else to trust a small town.
    return language == "de" or towns or c.place.type != "city" or c.place.population >= TOWN_POPULATION
