"""Which of a name's namesake places a text means: each candidate scored by its size and kind and
by the countries and states the text names (`rank`; `pointed_to` reads those from the names
resolved so far), then reordered by nearness: to the places the text names unambiguously
(`nearest_first`), to the local paper's town (`near_paper`), or for a county to a town the text
names in it (`county_of_its_town`). `geo.where` asks it."""
from __future__ import annotations

import math
from collections import Counter

from geo.gazetteer import Candidate, Gazetteer
from geo.nearness import km, lies_in
from geo.records import Place

# An area's score by its kind (a city's is its size).
_BASE = {"country": 100.0, "sea": 100.0, "region": 100.0, "border": 105.0, "admin1": 80.0, "admin2": 70.0}
# A city below this size is a town, which a namesake near the text's other places, a firm's name or an
# everyday word can outweigh.
TOWN_NAMESAKE_POPULATION = 100_000
# A city this big is the one meant even where the text's other names point to another country.
FOREIGN_NAMESAKE_POPULATION = 300_000


def _score(c: Candidate, language: str, gazetteer: Gazetteer, countries: Counter, admin1s: Counter) -> float:
    """How strongly a text means this candidate: a city by its size, an area by its kind, each raised
    where the text names its country or state (`countries`, `admin1s`) or the form is of its language."""
    p = c.place
    if c.kind == "gen" and language != "de":
        return -math.inf
    if p.type == "city":
        s = 10 * math.log10((p.population or _UNKNOWN_POPULATION) + 1) + (_CAPITAL_BONUS if p.id in gazetteer.capitals else 0)
        s -= {"alt": 5, "gen": 8}.get(c.kind, 0)
        if admin1s[(p.country_code, p.admin1)]:
            s += 50
        elif countries[p.country_code]:
            s += 30
    else:
        s = _BASE.get(p.type, 60.0)
        if p.type == "country":
            s += math.log10(p.population + 1) / 2  # "French": France before Mayotte, whose demonym it also is
        if p.type == "admin1" and p.country_code != "US":
            s = 60.0 + (30 if countries[p.country_code] else 0)  # Bayern, Ontario: below a big city of that name
        elif p.type == "admin2":
            # "Montgomery County" is in 18 states: the one of the document's state, else the most populous.
            # The state the text names most wins: "Henry County" beside Tennessee (thrice) and Illinois (once).
            named = admin1s[(p.country_code, p.admin1)]
            s += 40 + 5 * min(named, 4) if named else 30 if countries[p.country_code] else 0
            s += math.log10(p.population + 1) - (20 if c.kind == "bare" else 0)
        elif p.type == "admin1":
            us_context = countries["US"] or sum(v for (cc, _), v in admin1s.items() if cc == "US")
            s += 30 if us_context else 0
    if language in c.langs:
        s += 25
    return s - (3 if c.weak else 0)


_CAPITAL_BONUS = 25
_SMALL_PROVINCE_PENALTY = 15
# A village whose population the gazetteer does not know (GeoNames' postal villages, its own zeros) ranks as
# a village of 300, not as an empty place: it lost to any namesake of a few hundred even in the state the text names.
_UNKNOWN_POPULATION = 300
_HOME_NAMESAKE_POPULATION = 100_000


def rank(cands: list[Candidate], language: str, gazetteer: Gazetteer,
         countries: Counter, admin1s: Counter) -> list[tuple[float, Candidate]]:
    """A name's candidates with their scores, the likeliest first, each place once (its best-scored form)."""
    scored = [(_score(c, language, gazetteer, countries, admin1s), c) for c in cands]
    if any(c.place.id in gazetteer.capitals and c.kind == "name" for c in cands):
        # A national capital named like a state ("Washington") is, in news, the capital.
        scored = [(s - 40 if c.place.type == "admin1" else s, c) for s, c in scored]
    # "Kingston" in a story the text puts in Canada: a national capital's weight is no reason to
    # leave the country the text points to for one it does not, where a real city there bears
    # the name (Kingston, Ontario; London, Ontario).
    # So is it where a namesake lies in a state the text names, however small ("near Moscow … Idaho State Police").
    if any(c.place.type == "city" and ((c.place.population >= _HOME_NAMESAKE_POPULATION and countries[c.place.country_code])
                                       or admin1s[(c.place.country_code, c.place.admin1)])
           for c in cands):
        scored = [(s - _CAPITAL_BONUS if c.place.id in gazetteer.capitals and not countries[c.place.country_code] else s, c)
                  for s, c in scored]
    # "Manchester": a province of a country the text does not point to is below a city of that name
    # twice its size (the English city, not the Jamaican parish; "Bayern, Ontario" stays below Bayern's).
    big = max((c.place.population for c in cands if c.place.type == "city" and c.kind == "name"), default=0)
    if big:
        scored = [(s - _SMALL_PROVINCE_PENALTY if c.place.type == "admin1" and c.place.country_code != "US"
                   and not countries[c.place.country_code] and big >= 2 * c.place.population else s, c)
                  for s, c in scored]
    scored = [sc for sc in scored if sc[0] > -math.inf]
    scored.sort(key=lambda sc: (-sc[0], sc[1].place.id))
    best, seen = [], set()
    for s, c in scored:  # one row per place, its best-scoring form
        if c.place.id not in seen:
            seen.add(c.place.id)
            best.append((s, c))
    return best


_TIE = 3.0  # score points within which two namesake towns are a tie (population barely differs)
_NEAR_KM = 60  # a town this far from every town and district the text names unambiguously is a stranger to it


def nearest_first(ranked: list[tuple[float, Candidate]], anchors: list[Place]) -> list[tuple[float, Candidate]]:
    """Of namesake towns of one state that tie ("Coldwater", Mississippi, twice in GeoNames), the one
    near a place the text names unambiguously ("Arkabutla", "Tate County") comes first; so does one
    near such a place where the first, a town under 100,000, lies more than 60 km from all of them
    ("Kirchberg" beside "Landkreis Biberach" is Kirchberg an der Iller, not the bigger Kirchberg an
    der Jagst in the same state; until 2026-12-06 only a first more than 2,000 km away gave way)."""
    if len(ranked) < 2 or not anchors or ranked[0][1].place.type != "city":
        return ranked
    top = ranked[0][1].place
    districts = [a for a in anchors if a.type == "admin2"]
    if districts and not any(lies_in(top, d) for d in districts):
        # "Im Landkreis Straubing-Bogen … In Neukirchen": of namesake towns, the one inside a district
        # the text names, not a bigger one 50 km away in the next district; whatever the bigger one's
        # size ("Cumbria Police said Durham residents …": Durham, England, not Durham, North Carolina).
        inside = [r for r in ranked[1:] if r[1].place.type == "city" and any(lies_in(r[1].place, d) for d in districts)]
        if inside:
            return [inside[0]] + [r for r in ranked if r is not inside[0]]
    if top.population < TOWN_NAMESAKE_POPULATION and min(km(top, a) for a in anchors) > _NEAR_KM:
        # "The Logan River near Waterford and Eagleby" beside Lismore and Logan: of namesake towns, the
        # one beside the text's other towns, not a bigger one across the continent (Waterford, WA).
        close = [r for r in ranked[1:] if r[1].place.type == "city" and min(km(r[1].place, a) for a in anchors) <= _NEAR_KM]
        if close:
            near = min(close, key=lambda r: min(km(r[1].place, a) for a in anchors))
            return [near] + [r for r in ranked if r is not near]
    tied = [r for r in ranked if r[1].place.type == "city" and ranked[0][0] - r[0] < _TIE]
    if len(tied) < 2:
        return ranked
    near = min(tied, key=lambda r: min(km(r[1].place, a) for a in anchors))
    if near is tied[0] or min(km(near[1].place, a) for a in anchors) > _NEAR_KM:
        return ranked
    return [near] + [r for r in ranked if r is not near]


def county_of_its_town(ranked, surface, keys, persons, language, gazetteer, admin1s):
    """Of namesake counties the text's states do not choose among ("A Polk County deputy" is in
    seven states), the one holding a town the text names, whatever the cue that town has ("Cedartown
    Police Chief": Polk County, Georgia, whose seat it is); none or several such: as ranked."""
    counties = [r for r in ranked if r[1].place.type == "admin2"]
    if len(counties) < 2 or ranked[0][1].place.type != "admin2" or admin1s[(ranked[0][1].place.country_code, ranked[0][1].place.admin1)]:
        return ranked
    # the county's own name alone ("Polk Chief Deputy") names no town in it
    towns = [c.place for sf, cue in keys if sf not in surface.split() and sf != surface and sf not in persons
             and cue not in ("person", "surname", "person_name")
             for c in gazetteer.candidates(sf) if c.place.type == "city" and c.kind == "name" and language not in c.common]
    hinted = [r for r in counties if any(lies_in(t, r[1].place) for t in towns)]
    if len(hinted) != 1 or hinted[0] is ranked[0]:
        return ranked
    return hinted + [r for r in ranked if r is not hinted[0]]


_PAPER_NAMESAKE_POPULATION = 50_000  # a namesake this big is the one meant, wherever the paper


def near_paper(ranked: list[tuple[float, Candidate]], near: Place | None) -> list[tuple[float, Candidate]]:
    """Of namesake towns ("Kirchberg", "Dettingen": dozens each), the one near the local paper's
    town ("augsburger-allgemeine.de/illertissen/…": Kirchberg an der Iller), unless the first
    is a city of its own or itself near."""
    if near is None or len(ranked) < 2 or ranked[0][1].place.type != "city" \
            or ranked[0][1].place.population >= _PAPER_NAMESAKE_POPULATION or km(ranked[0][1].place, near) <= _NEAR_KM:
        return ranked
    close = [r for r in ranked if r[1].place.type == "city" and km(r[1].place, near) <= _NEAR_KM]
    if not close:
        return ranked
    best = min(close, key=lambda r: km(r[1].place, near))
    return [best] + [r for r in ranked if r is not best]


def pointed_to(ranked: dict[str, list[tuple[float, Candidate]]]) -> tuple[Counter, Counter]:
    """Countries and US states the document's (confidently) resolved names point to."""
    countries, admin1s = Counter(), Counter()
    for rows in ranked.values():
        if not rows:
            continue
        (best, cand), *rest = rows
        p = cand.place
        if p.type == "city" and rest and best - rest[0][0] < 15:
            continue  # still ambiguous: lends no context
        if p.country_code:
            countries[p.country_code] += 1
        if p.admin1:
            admin1s[(p.country_code, p.admin1)] += 1
            if p.type == "admin1" and p.admin1 in ("PR", "GU", "VI", "AS", "MP"):
                countries[p.admin1] += 1  # their cities carry the territory's own country code
    return countries, admin1s
