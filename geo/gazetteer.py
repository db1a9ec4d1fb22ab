"""Place names → candidate places, with an Aho–Corasick automaton over every surface form.

Built once per run (`Gazetteer.load()`, offline, from the versioned files in `geo/ref/`) and
passed to `geo.where.find_places`; tests build tiny ones with `Gazetteer.tiny(...)`.
Surface forms are case-sensitive: names, German genitives ("Venezuelas"), German adjective
inflections of area names ("im Karibischen Meer") and demonyms ("venezolanische", weak).
Puerto Rico, Guam, the US Virgin Islands, American Samoa and the Northern Mariana Islands are
`admin1` places of the US (country_code "US", admin1 = their ISO code), not countries.
"""
from __future__ import annotations

import csv
import dataclasses
import gc
import io
import json
import pickle
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import ahocorasick

from geo import columns, records
from geo.records import Place
from geo.columns import Column, write_column
from geo.ref import compiled, content_key, given_names, load_yaml

_TERRITORIES = ("PR", "GU", "VI", "AS", "MP")
# A town named like a stop word ("Chester", "Sale", "Wells") or of three letters ("Hay", "Wil")
# counts only where the text gives evidence (`Gazetteer.strict`; `candidates` never returns it): its
# entries' surface and index key carry this prefix (no text holds a NUL), so the rules that derive
# forms from the entries pass it by, and no candidate carries a flag the compiled cache would store.
_STRICT = "\x00"
_ENDINGS = ("es", "er", "en", "em", "e")
# Stems of German attributive adjectives inside area names ("Karibisches Meer", "Rotes Meer").
_ADJ_STEM = re.compile(r"(isch|lich|ig|igt|rot|Rot|warz|elb|till|roß|eu|ahe|ittler|anisch)$")
# City names that are everyday words in German, English or Spanish: never matched as cities (a new
# building, a country road, an old town and a main station are no Vienna districts or village).
CITY_STOPLIST = frozenset("""
Of Van Can Will Mut Wie Bar Sun Hof Die Der Das Und Man May Mark Most Best Deal Hope Nice Split
Reading Bath Orange Victoria Florence Enterprise Liberty
Commerce Union Delta Opportunity Surprise Mission Industry Paradise Spring Eagle Temple Sandy Palm
Sale March Stone Street Wells Rugby Police Batman Mercedes Concordia Santa
Davis Murray Florida Bell Lynn Kent Chester Gardena Pearl Ocean Beach Marina
Sur Mar Once Real Buena Bello Central General Nacional Progreso Libertad Victoria Esperanza Paz
Region Keller Boden Freistaat Man Landsberg Lage Wetter Kamen Leer Norden Heide Burg Forst Aue Senden Waren Weil Datteln Lehrte Wedel Bünde
Werden Kirchen Wald Lauf Zug Brake Hall Laage Rain Weiden Haren
Alle Aus Bis Ende Hier Kind Mais Leben Neue Ohne Ost West Nord Süd Tal Berg See Mai Juni Juli
Kita Kitas Virus
Neubau Landstraße Altstadt Hauptbahnhof
""".split())
# Everyday words that are also real, large cities: matched only after a locative preposition. In
# German-speaking countries also below 100,000 inhabitants ("in Gießen", "nach Leer") and as the
# short form of a city's name ("in Halle" for Halle (Saale)); not "Norden" or "Lage", which follow
# prepositions as words ("nach Norden", "je nach Lage").
CONTEXT_ONLY = frozenset({"Mobile", "Essen", "Halle", "Siegen", "Bergen", "Baden", "Gießen", "Giessen",
                          "Nice", "Reading", "Split", "Bath", "Orange", "Victoria", "Florence",
                          "Leer", "Hagen", "Zug", "Van", "Batman", "Hof", "Weiden", "Heide", "Mesa",
                          "Mitte",  # Berlin's district, and "Mitte Juni", "in der Mitte" in every German text
                          # cities named like a word or a surname, big enough for news: "in Aurora", "in Lincoln"
                          "Aurora", "Jackson", "Lincoln", "Hamilton", "Independence", "Troy", "Norman", "Marion"})


@dataclass(frozen=True)
class Candidate:
    """One place a surface form may mean, and how the form names it."""

    place: Place
    kind: str  # name, alt (GeoNames alternate), gen (German genitive/inflection), dem (demonym), bare (admin2 name alone),
    # article (an area's name that takes its article: "in den Alpen")
    langs: frozenset = frozenset()  # languages the form belongs to; empty = any
    weak: bool = False
    # Languages in which this city name is also an everyday word ("Essen", "Mobile", "Dabei").
    common: frozenset = frozenset()


class Gazetteer:
    """Which places a name in a text may mean: the surface-form index and the automaton that
    finds its forms in a text (see the module docstring)."""

    def __init__(self, entries: Iterable[tuple[str, Candidate]], *, capitals: Iterable[str] = ()):
        self.capitals = frozenset(capitals)  # place ids of national capitals (a disambiguation cue)
        self._index, self.subdivisions, self.countries = _indexed(entries)
        self.automaton = _automaton(self._index)

    def candidates(self, surface: str) -> list[Candidate]:
        """The places a matched surface form may mean (empty when unknown)."""
        return self._index.get(surface, [])

    def strict(self, surface: str) -> list[Candidate]:
        """The towns a surface form names only with evidence (a qualifier they lie in, a town the
        text names nearby): CITY_STOPLIST's real towns, everyday-word cities below 100,000 and towns
        of three letters, which `candidates` leaves out."""
        return self._index.get(_STRICT + surface, [])

    def __len__(self) -> int:
        return len(self._index)

    @classmethod
    def tiny(cls, names: Mapping[str, Place | list[Place]], *, demonyms: Mapping[str, Place] | None = None,
             language: str = "de") -> "Gazetteer":
        """A small gazetteer for tests: names (with their German forms) and weak demonym stems."""
        entries = []
        for name, places in names.items():
            for place in places if isinstance(places, list) else [places]:
                entries += _name_entries(name, place, "name", frozenset())
        for stem, place in (demonyms or {}).items():
            entries += _demonym_entries(stem, place, language)
        return cls(entries)

    @classmethod
    def load(cls) -> "Gazetteer":
        """The full offline gazetteer from geo/ref (countries, US states, subdivisions, waters,
        areas, GeoNames cities), opened from its compiled cache (built first when absent)."""
        ref = Path(__file__).resolve().parent / "ref"
        key = content_key(ref, Path(__file__).resolve(), Path(records.__file__).resolve(), Path(columns.__file__).resolve())
        folder = compiled("gazetteer", key, lambda tmp: _save_compiled(cls.build(), tmp))
        if folder is not None:
            try:
                return _open_compiled(folder)
            except (OSError, pickle.UnpicklingError, EOFError):
                pass  # removed or damaged under us: build from the files
        return cls.build()

    @classmethod
    def build(cls) -> "Gazetteer":
        """The full gazetteer parsed from the reference files (seconds; `load` keeps it compiled)."""
        # Hundreds of thousands of small objects: the cyclic GC would rescan them over and over.
        enabled = gc.isenabled()
        gc.disable()
        try:
            entries, capitals = _reference_entries()
            return cls(entries, capitals=capitals)
        finally:
            if enabled:
                gc.enable()


def _indexed(entries: Iterable[tuple[str, Candidate]]) -> tuple[dict[str, list[Candidate]], dict[tuple[str, str], Place],
                                                                dict[str, Place]]:
    """The candidates of each surface form, one per place and kind (a form of several languages
    once); and the first-level subdivisions and the countries by code, which cues name by code."""
    index: dict[str, list[Candidate]] = {}
    # First-level subdivisions by (country, admin1 code): "Region Cherson" is the oblast of
    # the city Cherson.
    subdivisions: dict[tuple[str, str], Place] = {}
    countries: dict[str, Place] = {}  # by ISO code: the country a domain or demonym names
    for surface, cand in entries:
        if cand.place.type == "admin1" and cand.place.admin1:
            subdivisions.setdefault((cand.place.country_code, cand.place.admin1), cand.place)
        elif cand.place.type == "country" and cand.place.country_code:
            countries.setdefault(cand.place.country_code, cand.place)
        if surface.startswith(_STRICT):
            index.setdefault(surface[1:], [])  # the automaton still finds the name
        lst = index.setdefault(surface, [])
        for i, c in enumerate(lst):
            if c.place.id == cand.place.id and c.kind == cand.kind:
                lst[i] = dataclasses.replace(c, langs=c.langs | cand.langs)  # one form, several languages
                break
        else:
            lst.append(cand)
    return index, subdivisions, countries


def _automaton(index: Mapping[str, list[Candidate]]) -> ahocorasick.Automaton:
    """An automaton that finds every surface form but the strict ones (which name towns only
    with evidence) in a text in one pass."""
    automaton = ahocorasick.Automaton()
    for surface in index:
        if not surface.startswith(_STRICT):
            automaton.add_word(surface, surface)
    if index:
        automaton.make_automaton()
    return automaton


def _reference_entries() -> tuple[list[tuple[str, Candidate]], list[str]]:
    """Every surface form of the reference files in geo/ref with the place it names, and the
    national capitals' place ids."""
    ref = resources.files("geo") / "ref"
    entries = _state_and_country_entries(ref)
    waters = _features(ref / "waters.geojson.gz")
    drawn = {f["id"] for f in waters}
    for f in [*waters, *(f for f in _features(ref / "areas.geojson") if f["id"] not in drawn)]:
        # Seas, straits and lakes come from waters.geojson.gz (Natural Earth water); areas.geojson
        # keeps regions and borders, and its rough sea rings are superseded.
        p = f["properties"]
        place = Place(id=p["id"], name=p["name"], type=p["type"], lat=p["lat"], lon=p["lon"],
                      geometry=f["geometry"], name_de=_german(p["names"]))
        entries += _named(p["names"], place)
    capitals: list[str] = []
    common: dict[str, set] = {}
    with (ref / "city_common_words.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            word, _, lang = line.rstrip("\n").partition("\t")
            common.setdefault(word, set()).add(lang)
    entries += _admin1_entries(ref / "admin1.tsv", common, _features(ref / "admin1_outlines.geojson.gz"))
    entries += _admin2_entries(ref / "admin2.tsv.gz", _features(ref / "admin2_outlines.geojson.gz"))
    # Districts, provinces and regencies admin2.tsv.gz's source lacks (Pakistan, Indonesia…): no outlines.
    entries += _admin2_entries(ref / "admin2_districts.tsv.gz", [])
    area_names = {surface for surface, cand in entries if cand.kind != "bare"}
    # A city's alternate that is a county's name is the county's ("Cumbria" for Cumberland, Maryland).
    entries += _city_entries(ref / "cities.tsv", capitals, common, area_names | {s for s, c in entries if c.kind == "bare"})
    entries += _town_entries(ref / "towns.tsv.gz", area_names)
    entries += _town_entries(ref / "postal_towns.tsv.gz", area_names)
    # Islands ("Insel Rügen", "auf Sylt", "on Lesbos"): areas with an outline, as districts are.
    entries += _admin2_entries(ref / "islands.tsv.gz", _features(ref / "islands_outlines.geojson.gz"))
    # Regierungsbezirke, landscapes and ranges ("in Oberbayern", "im Allgäu", "in den Alpen"): areas with a
    # point and a radius, as districts are.
    entries += _admin2_entries(ref / "regions.tsv.gz", [])
    entries += _powiats_by_seat(entries)
    entries += _short_names(entries, area_names)
    entries += abbreviated_names(entries)
    entries += _german_saint_forms(entries)
    entries += german_qualified_forms(entries)
    return entries, capitals


def _state_and_country_entries(ref) -> list[tuple[str, Candidate]]:
    """The US states' and territories' names, and the countries' names and demonyms: a territory
    is a US state, not a country of its own."""
    entries: list[tuple[str, Candidate]] = []
    territories: dict[str, Place] = {}
    for f in _features(ref / "us_states.geojson"):
        p = f["properties"]
        place = Place(id=p["id"], name=p["name"], type="admin1", lat=p["lat"], lon=p["lon"],
                      country_code="US", admin1=p["code"], geometry=f["geometry"], name_de=_german(p["names"]))
        if p["territory"]:
            territories[p["code"]] = place
        entries += _named(p["names"], place)
    for f in _features(ref / "countries.geojson"):
        p = f["properties"]
        if p["lat"] is None or p["lon"] is None:
            continue  # uninhabited or historical entries with no point at all
        place = territories.get(p["iso2"]) or Place(
            id=f"geonames:{p['geonameid']}", name=p["name"], type="country", lat=p["lat"], lon=p["lon"],
            country_code=p["iso2"], population=p["population"], geometry=f["geometry"],
            name_de=_german(p["names"], p.get("name_de")))
        entries += _named(p["names"], place)
        for lang, stems in p["demonyms"].items():
            for stem in stems:
                entries += _demonym_entries(stem, place, lang)
    return entries


_ADMIN1_STOP = frozenset({"Para", "Mayo", "Sur", "Bar", "Centro", "Capital", "Lima", "Union", "Federal", "Region",
                          "Freistaat", "Mission", "Oriental", "Occidental"})
# Alternate names of countries and areas that are everyday German or English words ("Mann" for
# the Isle of Man in "1900 Mann"): never matched.
_ALIAS_STOP = frozenset({"Mann", "Man", "Mannin", "Region", "Union", "White House", "Mosel", "Sommer"})


def _admin1_entries(path, common: Mapping[str, set], outlines: list[dict]) -> list[tuple[str, Candidate]]:
    """First-level subdivisions outside the US (Bayern, Ontario, Punjab), with their Natural Earth
    outline and a point inside it where one was matched (else the point of their largest city and
    no outline); names that are everyday words are left out."""
    drawn = {f["id"]: f for f in outlines}
    aliases = load_yaml("admin1_aliases.yaml")
    german_names = load_yaml("admin1_german.yaml")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    german = _admin1_german(rows)
    out = []
    # rows: geonameid name lat lon country admin1 population names
    for gid, name, lat, lon, cc, a1, pop, names in rows:
        outline = drawn.get(f"geonames:{gid}")
        if outline is not None:
            lat, lon = outline["properties"]["lat"], outline["properties"]["lon"]
        place = Place(id=f"geonames:{gid}", name=name, type="admin1", lat=float(lat), lon=float(lon),
                      country_code=cc, admin1=a1, population=int(pop),
                      name_de=german.get(gid) or (german_names.get(f"{cc}.{a1}") or [None])[0],
                      geometry=outline["geometry"] if outline is not None else None)
        listed = names.split("|")
        listed += [name] if _specific_compound(name) and name not in listed else []
        listed += (aliases.get(f"{cc}.{a1}") or []) + (german_names.get(f"{cc}.{a1}") or [])
        listed += [f for f in map(folded, listed) if f not in listed]  # "Tamil Nādu" is written "Tamil Nadu"
        for n in dict.fromkeys(listed):
            # "Victoria" is a Spanish word but the Australian state in English and German text.
            langs = frozenset(common.get(n, ()))
            if n and not langs & {"de", "en"} and n not in _ADMIN1_STOP:
                out += [(sf, dataclasses.replace(c, common=langs) if langs else c)
                        for sf, c in _name_entries(n, place, "name", frozenset())]
    return out


def _admin1_german(rows: list[list[str]]) -> dict[str, str]:
    """The German name of a subdivision, for the titles of German documents ("Lombardei",
    "Sizilien", "Wallis", "Niederschlesien" for GeoNames' Lombardia, Sicilia, Valais,
    Dolnośląskie), by geonameid: the German translation of its ISO 3166-2 name in pycountry's
    iso-codes (where the ISO name is the row's own name and one subdivision of the country has
    it). Left out: a translation that names another subdivision of the country (iso-codes gives
    Vitebsk oblast "Brest") and inverted forms with a comma ("Wallonne, Région")."""
    import gettext

    import pycountry

    de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    iso: dict[tuple[str, str], list[str]] = {}
    for sub in pycountry.subdivisions:
        iso.setdefault((sub.country_code, sub.name), []).append(sub.name)
    others: dict[str, dict[str, set[str]]] = {}
    for gid, _name, _lat, _lon, cc, _a1, _pop, names in rows:
        for n in names.split("|"):
            others.setdefault(cc, {}).setdefault(n, set()).add(gid)
    out = {}
    for gid, name, _lat, _lon, cc, _a1, _pop, _names in rows:
        if len(iso.get((cc, name), ())) != 1:
            continue
        german = de.gettext(name)
        if german != name and "," not in german and not others[cc].get(german, set()) - {gid}:
            out[gid] = german
    return out


def _admin2_entries(path, outlines: list[dict]) -> list[tuple[str, Candidate]]:
    """Second-level units (counties, Landkreise, Bezirke, districts) under the names news writes
    with their noun ("Landkreis Ravensburg", "Montgomery County", "County Cork", "Buxar district"),
    and, kind "bare", under their name alone where no town has it ("Dithmarschen", "Kent"): a
    bare name needs the evidence a town needs; kind "article", a name that takes its article
    (regions.tsv.gz's optional column: "Alpen", "Spessart"), only after it ("in den Alpen", "im
    Spessart"; "in Alpen" is the town). Outlines where the source has one; else the point and
    `radius_km`, the uncertainty radius. A range across borders has no country."""
    import gzip

    drawn = {f["id"]: f for f in outlines}
    out = []
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)  # header: id name name_de name_en lat lon country admin1 population radius_km forms bare [article]
        for pid, name, name_de, name_en, lat, lon, cc, a1, pop, radius, forms, bare, *article in rows:
            outline = drawn.get(pid)
            place = Place(id=pid, name=name_en or name, type="admin2", lat=float(lat), lon=float(lon), country_code=cc or None,
                          admin1=a1 or None, population=int(pop), name_de=name_de or None, radius_km=int(radius),
                          geometry=outline["geometry"] if outline is not None else None)
            cand = Candidate(place, "name")
            out += [(f, cand) for f in forms.split("|") if f]
            loose = Candidate(place, "bare")
            # (not CITY_STOPLIST's towns: a bare name needs a locative, and "in Kent" is the county)
            out += [(b, loose) for b in bare.split("|") if b and b not in _ALIAS_STOP]
            out += [(a, Candidate(place, "article")) for a in (article[0].split("|") if article else []) if a]
    return out


def _powiats_by_seat(entries: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """Polish powiats are stored under their adjective ("kłodzki", from GeoNames), but English and
    German news name them after the seat town the adjective is made from: "Klodzko county",
    "Kłodzko County", "Wroclaw district", "im Kreis Kłodzko" (Kłodzko → kłodzki, Wrocław → wrocławski, Głogów →
    głogowski). The seat is the town of the powiat's voivodeship whose name the adjective
    continues; the unit then takes the seat's name in titles too, in `entries` itself."""
    towns: dict[str, list[tuple[str, Place]]] = {}
    for surface, c in entries:  # (a strict town is a seat too: Police, seat of the powiat policki)
        if c.place.type == "city" and c.place.country_code == "PL" and c.kind == "name" and surface.lstrip(_STRICT) == c.place.name:
            towns.setdefault(c.place.admin1 or "", []).append((folded(c.place.name).lower(), c.place))
    renamed: dict[str, Place] = {}
    seen: set[str] = set()
    for _, c in entries:
        unit = c.place
        if unit.type != "admin2" or unit.country_code != "PL" or unit.id in seen:
            continue
        seen.add(unit.id)
        adjective = folded(unit.name.split(" ")[0]).lower()
        if " " in unit.name.removesuffix(" district") or not adjective.endswith("ki"):
            continue  # "łódzki wschodni": a part of a town's surroundings, no seat of that name
        stems = [s for s in (adjective[:-3], adjective[:-2]) if len(s) >= 4]
        stems += [adjective[:-5] + "o"] if adjective.endswith("owski") else []  # Kutno → kutnowski
        # (the name itself, then its first word: Ostrów Wielkopolski → ostrowski; then the biggest)
        seats = [(t != stem, -p.population, p.name) for t, p in towns.get(unit.admin1 or "", ())
                 for stem in stems if (t.startswith(stem) and len(t) - len(stem) <= 2) or t.split(" ")[0] == stem]
        if seats:
            seat = min(seats)[2]
            renamed[unit.id] = dataclasses.replace(unit, name=f"{seat} County", name_de=f"Kreis {seat}")
    out = []
    for i, (surface, c) in enumerate(entries):
        if c.place.id in renamed:
            entries[i] = (surface, dataclasses.replace(c, place=renamed[c.place.id]))
    for unit in renamed.values():
        seat = unit.name.removesuffix(" County")
        for name in dict.fromkeys((seat, folded(seat))):
            out += [(f"{name} {noun}", Candidate(unit, "name")) for noun in ("County", "county", "District", "district")]
            out += [(f"{noun} {name}", Candidate(unit, "name")) for noun in ("Kreis", "Kreises", "Landkreis", "Landkreises", "Powiat")]
    return out


_GENERIC_ADMIN = frozenset("Province Region Division District Department Governorate State Area Territory Zone".split())


def _specific_compound(name: str) -> bool:
    """ "Western Australia", "Eastern Cape": a subdivision whose name begins with a compass word
    (left out of the names column at build time) is still specific as a whole, unless it is a
    compass word plus a generic noun ("Western Province")."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and words[-1] not in _GENERIC_ADMIN


def _features(path) -> list[dict]:
    if path.name.endswith(".gz"):
        import gzip

        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return json.load(fh)["features"]
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["features"]


def _named(names: Mapping[str, list[str]], place: Place) -> list[tuple[str, Candidate]]:
    out = []
    for lang, lst in names.items():
        for name in lst:
            if name not in _ALIAS_STOP:
                out += _name_entries(name, place, "name", frozenset({lang}))
    return out


def _german(names: Mapping[str, list[str]], fallback: str | None = None) -> str | None:
    """The German name of a place, for titles of German documents (a fallback that is really
    a Spanish name, as pycountry gives for the United States, is passed over)."""
    if fallback and fallback not in (names.get("es") or []):
        return fallback
    return next((n for n in names.get("de") or [] if n not in (names.get("es") or [])), None)


def _name_entries(name: str, place: Place, kind: str, langs: frozenset) -> list[tuple[str, Candidate]]:
    out = [(name, Candidate(place, kind, langs))]
    if name[:1].islower():  # "southern border" also opens a sentence
        out.append((name[0].upper() + name[1:], Candidate(place, kind, langs)))
    gen = Candidate(place, "gen", frozenset({"de"}))
    out += [(form, gen) for form in german_forms(name) if form != name]
    return out


def german_forms(name: str) -> set[str]:
    """German inflected forms of a name: genitive -s/-es and adjective endings in multi-word names."""
    tokens = name.split(" ")
    if len(tokens) == 1:
        return {name + "s"} if name[-1:].isalpha() and name[-1] not in "sxzßSXZ" and not name.isupper() else set()
    if len(tokens) > 4:
        return set()
    options = []
    # The noun that takes the genitive: the one before a preposition ("Golf von Mexiko"), else the last.
    preps = [i for i, t in enumerate(tokens) if t in ("von", "der", "zu", "zwischen", "des", "südlich")]
    noun = preps[0] - 1 if preps else len(tokens) - 1
    for i, tok in enumerate(tokens):
        forms = {tok}
        if i < noun:
            for end in _ENDINGS:
                if tok.endswith(end) and _ADJ_STEM.search(tok[: -len(end)]):
                    forms |= {tok[: -len(end)] + e for e in _ENDINGS}
                    break
        elif i == noun and tok[:1].isupper() and tok[-1] not in "sxzß":
            forms |= {tok + "s", tok + "es"}
        options.append(sorted(forms))
    out = {""}
    for opts in options:
        out = {(o + " " + t).strip() for o in out for t in opts}
    return out - {name}


def _demonym_entries(stem: str, place: Place, lang: str) -> list[tuple[str, Candidate]]:
    cand = Candidate(place, "dem", frozenset({lang}), weak=True)
    if lang == "en":
        forms = {stem, stem + "s"}
    elif lang == "es":
        forms = {stem + e for e in (("e", "es") if stem.endswith("ens") else ("o", "a", "os", "as"))}
    else:
        forms = {stem + e for e in _ENDINGS}
        for adj, noun in (("anisch", "aner"), ("ienisch", "iener")):
            if stem.endswith(adj):
                base = stem[: -len(adj)] + noun
                forms |= {base, base + "n", base + "in", base + "innen"}
        if stem.endswith("esisch"):
            base = stem[:-4] + "e"
            forms |= {base, base + "n", base + "in", base + "innen"}
    out = []
    for f in forms:
        cap = "US-" + f[3:] if f.startswith("us-") else f[0].upper() + f[1:]
        out += [(f, cand)] if f[0].isupper() else [(f, cand), (cap, cand)]
    return out


def _city_entries(path, capitals: list[str], common: Mapping[str, set], area_names: set[str]) -> list[tuple[str, Candidate]]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)  # header: geonameid name lat lon country admin1 population capital alternates
        for gid, name0, lat, lon, cc, admin1, pop, capital, alternates in rows:
            pop = int(pop)
            place = Place(id=f"geonames:{gid}", name=name0, type="city", lat=float(lat), lon=float(lon),
                          country_code=cc, admin1=admin1 or None, population=pop)
            if capital:
                capitals.append(place.id)
            names = [(name0, "name")] + [(a, "alt") for a in alternates.split("|") if a]
            # South Tyrol's cities by their German names ("Brixen"); a Swiss city's German name is
            # its GeoNames name or a spelling ("Sitten", "Freiburg"), its other alternates mere
            # transliterations, some another place's name ("Kura" for Chur, "Arava" for Aarau).
            own = multilingual(cc, admin1) and cc != "CH"
            for name, kind in names:
                if kind == "name" and name[:1].isupper() and ((name in CITY_STOPLIST and name not in CONTEXT_ONLY)
                                                              or (len(name) <= 3 and pop < 100_000)):
                    out.append((_STRICT + name, Candidate(place, kind, common=_EVERY_LANGUAGE)))  # "Wells, Somerset", "Orange, New South Wales"
                    continue
                if kind == "alt" and (name in _ALIAS_STOP or not (own or _spelling_of(name, name0, pop))):
                    continue  # "White House" for Casablanca, "Cameron" for Veracruz: other names, not spellings
                if not _city_name_ok(name, pop, kind) or (kind == "alt" and name in area_names and pop < 500_000):
                    continue  # San Juan's alternate "Puerto Rico" would shadow the territory; Wien, Lisboa stay cities
                langs = frozenset(common.get(name, ()))
                if name in CONTEXT_ONLY:
                    langs = frozenset({"de", "en", "es"})
                # A German-speaking city named like a German word ("Singen", "Aalen", "Borken") is a place
                # after a locative, as the CONTEXT_ONLY ones are; until 2026-12-06 it was never one.
                if langs and (kind != "name" or pop < 100_000) \
                        and not ((name in CONTEXT_ONLY or "de" in langs) and cc in _GERMAN_SPEAKING
                                 and (kind == "name" or name0.startswith(name + " ("))):
                    if kind == "name":  # "Orange, New South Wales", "Hull, Quebec": with evidence only
                        out.append((_STRICT + name, Candidate(place, kind, common=_EVERY_LANGUAGE)))
                    continue  # an everyday word naming a small town or an alternate: never a place otherwise
                cand = Candidate(place, kind, common=langs)
                out.append((name, cand))
                if kind == "name" and folded(name) != name and folded(name) not in common:
                    out.append((folded(name), Candidate(place, "alt", common=langs)))  # "Zuwarah", "Sao Paulo"
                if 1 <= name.count(" ") + name.count("-") <= 2 and kind == "name":
                    # "El Fasher" is also written "El-Fasher", "Baden-Baden" also "Baden Baden"
                    other = name.replace("-", " ") if "-" in name else name.replace(" ", "-")
                    out.append((other, Candidate(place, "alt", common=langs)))
                if " " not in name and not langs and name[-1] not in "sxzß" and len(name) > 3 \
                        and name + "s" not in CITY_STOPLIST:  # Quito's alternate "Kita", Virú's "Viru"
                    out.append((name + "s", Candidate(place, "gen", frozenset({"de"}))))
            # "Region Mykolajiw": a city also as German news transliterates it, as a town is; else
            # the form finds only a village of that name and the region word no oblast.
            listed = {n for n, _ in names}
            out += [(f, Candidate(place, "alt", frozenset({"de"}))) for f in _german_transliterations([name0], cc)
                    if f not in listed and f not in area_names]
    return out


_EVERY_LANGUAGE = frozenset({"de", "en", "es"})
TOWN_POPULATION = 15_000  # below this a city is a town: it needs evidence before it is a place


def _town_entries(path, taken: set[str]) -> list[tuple[str, Candidate]]:
    """Towns and villages (towns.tsv.gz, postal_towns.tsv.gz). A town named like a bigger city ("Burlington, Wash.")
    ranks below it by population unless the text's context or a qualifier points to it; a name
    of a country or area ("Georgia") is left to those."""
    import gzip

    out = []
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)  # header: geonameid name lat lon country admin1 population alternates common
        for gid, name0, lat, lon, cc, admin1, pop, alternates, common in rows:
            # a village of GeoNames' postal-code table has its own id ("postal:DE-35315")
            place = Place(id=gid if ":" in gid else f"geonames:{gid}", name=name0, type="city", lat=float(lat), lon=float(lon),
                          country_code=cc, admin1=admin1 or None, population=int(pop))
            # one object per town: half a million small objects add up
            cand = Candidate(place, "name", common=frozenset(common.split(",")) if common else frozenset())
            names = [name0] + [a for a in alternates.split("|") if a]
            german = _german_transliterations(names, cc)
            for name in names + _ascii_forms(name0, cc, names) + german:
                if name in taken or name in _ALIAS_STOP or not name[:1].isupper():
                    continue
                if name in german and name not in names:
                    out.append((name, dataclasses.replace(cand, langs=frozenset({"de"}))))
                    continue
                if name in CITY_STOPLIST or len(name) <= 3:
                    if name == name0:  # "Sale, Victoria", "Hay, New South Wales": with evidence only
                        out.append((_STRICT + name, dataclasses.replace(cand, common=_EVERY_LANGUAGE)))
                    continue
                out.append((name, cand))
    return out


# Countries whose towns German and English news write with their umlauts ("Nörvenich", never "Norvenich").
_UMLAUT_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})


def _ascii_forms(name: str, country: str, names: list[str]) -> list[str]:
    """A town's name as English news writes it, without its letters' accents ("Ladek-Zdroj",
    "Ladek Zdroj" for Lądek-Zdrój; "Nurdagi" for Nurdağı), where GeoNames lists no such spelling:
    not for the German-speaking countries, and not where the plain form is an everyday word."""
    from geo.lemmas import is_known  # here, not at the top: simplemma is read only to build the towns

    plain = folded(name)
    if plain == name or country in _UMLAUT_COUNTRIES:
        return []
    forms = [plain] + ([plain.replace("-", " ")] if 1 <= plain.count("-") <= 2 else [])
    return [f for f in forms if f not in names and not is_known(f.lower(), ("en", "de"))]


# English (GeoNames') romanisation of Ukrainian, Russian and Belarusian names -> German (Duden):
# "Zhuravlivka" -> "Schurawliwka", "Kostyantynivka" -> "Kostjantyniwka", "Sudzha" -> "Sudscha".
_CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Duden's German transliteration: Ukrainian -кий is "-kyj" ("Chmelnyzkyj"; GeoNames "-kyi"), and
# с between vowels "ss" ("Tscherkassy", "Lyssytschansk"), з being "s".
_TO_GERMAN = re.compile(r"shch|zh|kh|ch|sh|ts|z|v|yi\b|y(?=[aeiu])|(?<=[aeiou])y\b|(?<=[aeiouy])s(?=[aeiou]|y(?![aeiu]))", re.I)
_GERMAN_OF = {"shch": "schtsch", "zh": "sch", "kh": "ch", "ch": "tsch", "sh": "sch", "ts": "z", "z": "s", "v": "w", "y": "j",
              "yi": "yj", "s": "ss"}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return given_names()


def _german_transliterations(names: list[str], country: str) -> list[str]:
    """A Ukrainian, Russian or Belarusian town's name as German news writes it, which GeoNames
    lists only for big cities ("Schurawliwka" for a village; "Charkiw" it has): not where the
    form is a given name ("Wladimir") or an everyday word."""
    if country not in _CYRILLIC_COUNTRIES:
        return []
    from geo.lemmas import is_known

    def german(name: str) -> str:
        def one(m: re.Match) -> str:
            g = _GERMAN_OF[m.group(0).lower()]
            return g[0].upper() + g[1:] if m.group(0)[0].isupper() else g
        # "Rostov-on-Don" is "Rostow am Don", "Komsomolsk-on-Amur" "Komsomolsk am Amur".
        return _TO_GERMAN.sub(one, name.replace("'", "").replace("’", "").replace("-on-", " am "))

    people = _given_names()
    forms = dict.fromkeys(german(n) for n in names if n.isascii() or "’" in n)
    return [f for f in forms if f not in names and len(f) > 4 and f not in people and not is_known(f.lower(), ("de", "en"))]


def multilingual(country: str, admin1: str | None) -> bool:
    """Switzerland and South Tyrol (GeoNames' Trentino-Alto Adige, IT 17) name a town in two or
    three official languages, and German news writes the German one ("Brixen" for Bressanone,
    "Sterzing" for Vipiteno, "Misox" for Mesocco): there an alternate is one of the town's own
    names, not another place's (scripts/build_towns.py keeps them likewise)."""
    return country == "CH" or (country == "IT" and admin1 == "17")


# "Hohenau an der March", "Neumarkt in der Oberpfalz", "Brunn am Gebirge", "Sankt Johann im Pongau":
# the river, range or region after the town's own name is left out where news names it.
GERMAN_SUFFIX = re.compile(r"^([A-ZÄÖÜ][\w.-]+(?: [A-ZÄÖÜ][\w.-]+)?) (?:an der|am|an|im|in der|in|ob der|bei|auf der) [A-ZÄÖÜ]")
_GERMAN_SPEAKING = frozenset(("DE", "AT", "CH", "LI"))


def _short_names(entries: list[tuple[str, Candidate]], area_names: set[str]) -> list[tuple[str, Candidate]]:
    """German-speaking towns also by their name without the qualifier ("Hohenau" for Hohenau an der
    March), where that short name is already a place's name and none of its places is named like
    an everyday word: a namesake among known names, which the text's context then chooses."""
    names: set[str] = set()
    wordy: set[str] = set()
    for surface, c in entries:
        if c.place.type == "city":
            names.add(surface)
            if c.common:
                wordy.add(surface)
    out = []
    for surface, c in entries:
        if c.kind != "name" or c.place.type != "city" or c.place.country_code not in _GERMAN_SPEAKING:
            continue
        m = GERMAN_SUFFIX.match(surface)
        head = m.group(1) if m else ""
        if head in names and head not in wordy and head not in area_names and head not in CITY_STOPLIST \
                and head not in CONTEXT_ONLY:
            out.append((head, Candidate(c.place, "alt", common=c.common)))
    return out


# How English news abbreviates the word that opens a name: "St. Catherine" (GeoNames "Saint
# Catherine", a parish of Jamaica), "Ste. Genevieve", "Mt. Vernon", "Ft. Lauderdale".
ABBREVIATED = {"Saint": ("St.", "St"), "Sainte": ("Ste.", "Ste"), "Mount": ("Mt.", "Mt"), "Fort": ("Ft.",)}


def abbreviated_names(entries: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """Names that open with Saint, Sainte, Mount or Fort also in their abbreviated forms ("St.
    Cloud", "St Kilda"), as alternates where the name was the place's own: otherwise the text's
    "St. Cloud" would be read as a town "Cloud", "St. Elizabeth" as Elizabeth, New Jersey."""
    out = []
    for surface, c in entries:
        head, _, rest = surface.partition(" ")
        if head not in ABBREVIATED or not rest[:1].isupper() or c.kind not in ("name", "alt", "bare"):
            continue
        kind = "alt" if c.kind == "name" else c.kind
        out += [(f"{short} {rest}", dataclasses.replace(c, kind=kind)) for short in ABBREVIATED[head]]
    return out


# "Sankt" in a German-speaking place's name, as news writes it: "St. Pölten", "St. Johann im Pongau",
# "Groß St. Florian", and in Switzerland often without the space, "St.Gallen", "St.Moritz".
_SANKT = re.compile(r"\b(?:Sankt|St\.) (?=[A-ZÄÖÜ])")


def _german_saint_forms(entries: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """German-speaking places whose name holds "Sankt" also with "St." and "St." without a space,
    and those written "St. X" also as "St.X": GeoNames spells the word out ("Sankt Pölten", "Sankt
    Gallen"), news seldom does, so "in St. Pölten" found no place and "St. Johann im Pongau" was
    read as a San Giovanni of Italy."""
    out = []
    for surface, c in entries:
        if c.place.country_code not in _GERMAN_SPEAKING and not multilingual(c.place.country_code, c.place.admin1):
            continue
        if c.kind not in ("name", "alt", "bare") or not _SANKT.search(surface):
            continue
        forms = {_SANKT.sub("St. ", surface), _SANKT.sub("St.", surface)} - {surface}
        out += [(f, c) for f in sorted(forms)]
    return out


# "Neustadt an der Waldnaab" as German news abbreviates it: "Neustadt a.d. Waldnaab", "Neustadt/Waldnaab";
# "Frankfurt (Oder)" as "Frankfurt/Oder". Without these forms the bare "Neustadt" (any of a dozen, or
# Baia Mare, whose old German name it is) and "Frankfurt" (am Main) were read.
_QUALIFIED_NAME = re.compile(r"^([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*)?) (an der|am|an|im|in der|ob der|bei) ([A-ZÄÖÜ][\w-]*)$")
_PAREN_NAME = re.compile(r"^([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*)?) \(([A-ZÄÖÜ][\w-]*)\)$")
_PREPOSITION_SHORT = {"an der": ("a.d.", "a. d."), "am": ("a.",), "an": ("a.",), "im": ("i.",),
                      "in der": ("i.d.", "i. d."), "ob der": ("o.d.", "o. d."), "bei": ("b.",)}


def german_qualified_forms(entries: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """German-speaking towns named with their river or region ("Neustadt an der Waldnaab",
    "Mühldorf am Inn", "Halle (Saale)") also in the forms news abbreviates them to: "Neustadt a.d.
    Waldnaab", "Neustadt a.d.Waldnaab", "Mühldorf a. Inn", "Neustadt/Waldnaab", "Halle/Saale"."""
    out = []
    for surface, c in entries:
        if c.place.type != "city" or c.place.country_code not in _GERMAN_SPEAKING or c.kind not in ("name", "alt"):
            continue
        alt = dataclasses.replace(c, kind="alt")
        found = _QUALIFIED_NAME.match(surface)
        if found is not None:
            town, prep, rest = found.groups()
            forms = {f"{town}/{rest}", f"{town} ({rest})"}
            forms |= {f for short in _PREPOSITION_SHORT[prep] for f in (f"{town} {short} {rest}", f"{town} {short}{rest}")}
        elif (found := _PAREN_NAME.match(surface)) is not None:
            forms = {f"{found.group(1)}/{found.group(2)}"}
        else:
            continue
        out += [(f, alt) for f in sorted(forms) if f != surface]
    return out


def folded(name: str) -> str:
    """The name without diacritics, as English news writes it ("Tamil Nādu" → "Tamil Nadu"), also
    the letters that are no base letter plus an accent ("Kłodzko" → "Klodzko", "Tromsø" → "Tromso",
    "Pazarcık" → "Pazarcik"); ß stays, as German writes it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).translate(_LETTERS)


_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"})


def _spelling_of(alt: str, name: str, pop: int) -> bool:
    """Whether an alternate name is a spelling of the city's name ("Muenchen", "Kyiv") rather than
    another place's name GeoNames lists with it. Big cities keep their exonyms ("Mailand")."""
    if pop >= 100_000 and " " not in alt:
        return True  # "Cherson", "Mailand", "Kiew"
    a, b = alt.lower().replace("-", " "), name.lower().replace("-", " ")
    if a[:3] == b[:3]:
        return True
    # Exonyms of mid-sized cities: "Cherson" for Kherson, "Charkiw" for Kharkiv.
    return pop >= 30_000 and " " not in alt and SequenceMatcher(None, a, b).ratio() >= 0.7


def _city_name_ok(name: str, pop: int, kind: str) -> bool:
    if (name in CITY_STOPLIST and name not in CONTEXT_ONLY) or not name[:1].isupper():
        return False
    if len(name) <= 3:  # "Ulm", and "Rom" (Rome) as an alternate of a big city
        return pop >= 100_000 and (kind == "name" or pop >= 1_000_000)
    return kind == "name" or pop >= 15_000


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # byte order is code point order


def _save_compiled(gazetteer: Gazetteer, folder: Path) -> None:
    """Write the compiled form `_open_compiled` reads: the automaton pickled; surface forms sorted
    (keys), each one's candidates pickled with places by number (rows), and the places
    (places) as columns of bytes plus offsets that are memory-mapped, not parsed."""
    numbers: dict[int, int] = {}  # id(place) -> its row in places; a shared place stays shared
    places: list[Place] = []

    def number(place: Place) -> int:
        if id(place) not in numbers:
            numbers[id(place)] = len(places)
            places.append(place)
        return numbers[id(place)]

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            return number(obj) if type(obj) is Place else None

    index = gazetteer._index
    keys = sorted(index, key=_utf8)
    write_column(folder / "keys", [_utf8(k) for k in keys])
    write_column(folder / "rows", keys, lambda k, buf: _Pickler(buf, protocol=5).dump(index[k]))
    meta = {"capitals": gazetteer.capitals, "count": len(keys), "every": [_utf8(k) for k in keys[::_CompiledIndex.STEP]],
            "subdivisions": {k: number(p) for k, p in gazetteer.subdivisions.items()},
            "countries": {k: number(p) for k, p in gazetteer.countries.items()}}
    write_column(folder / "places", places, lambda p, buf: pickle.dump(p, buf, protocol=5))
    (folder / "meta.pkl").write_bytes(pickle.dumps(meta, protocol=5))
    (folder / "automaton.pkl").write_bytes(pickle.dumps(gazetteer.automaton, protocol=5))


def _open_compiled(folder: Path) -> Gazetteer:
    """The gazetteer `_save_compiled` wrote: only the automaton is unpickled; candidates and places
    are decoded when a text first matches them."""
    gazetteer = Gazetteer.__new__(Gazetteer)
    meta = pickle.loads((folder / "meta.pkl").read_bytes())
    gazetteer.capitals = meta["capitals"]
    gazetteer._index = _CompiledIndex(folder, meta["count"], meta["every"])
    gazetteer.subdivisions = _LazyPlaces(meta["subdivisions"], gazetteer._index.place)
    gazetteer.countries = _LazyPlaces(meta["countries"], gazetteer._index.place)
    with open(folder / "automaton.pkl", "rb") as fh:
        gazetteer.automaton = pickle.load(fh)
    return gazetteer


class _CompiledIndex:
    """Surface form -> candidates over the compiled columns, found by binary search over the
    sorted keys and decoded once per process. Most lookups are of forms the gazetteer lacks (a
    strict town's marked form, a run of capitalised words): a miss is remembered too, and the
    search starts from every `STEP`-th key, saved with the metadata as a list (bisected in C),
    so it reads about six keys from the mapped column instead of nineteen (and no page of the
    column is read only to sample it)."""

    _MEMO_MAX = 200_000  # decoded surface forms kept; a huge archive matches more than that
    STEP = 64

    def __init__(self, folder: Path, count: int, every: list[bytes]):
        self._count = count
        self._keys, self._rows, self._places = (Column(folder / n) for n in ("keys", "rows", "places"))
        self._memo: dict[str, list[Candidate]] = {}
        self._missing: set[str] = set()
        self._decoded: dict[int, Place] = {}
        self._every = every  # keys 0, STEP, 2 * STEP, …

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return (self._keys[i].decode("utf-8", "surrogatepass") for i in range(self._count))

    def get(self, surface: str, default=None):
        found = self._memo.get(surface)
        if found is not None:
            return found
        if surface in self._missing:
            return default
        key = _utf8(surface)
        # keys[(j - 1) * STEP] <= key < keys[j * STEP]: the first key >= key lies between
        j = bisect_right(self._every, key)
        lo, hi = max(0, (j - 1) * self.STEP), min(self._count, j * self.STEP)
        data, offsets = self._keys._data, self._keys._offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if data[offsets[mid]:offsets[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo == self._count or self._keys[lo] != key:
            if len(self._missing) >= self._MEMO_MAX:
                self._missing.clear()
            self._missing.add(surface)
            return default
        unpickler = pickle.Unpickler(io.BytesIO(self._rows[lo]))
        unpickler.persistent_load = self.place
        if len(self._memo) >= self._MEMO_MAX:
            self._memo.clear()
        found = self._memo[surface] = unpickler.load()
        return found

    def place(self, number: int) -> Place:
        if number not in self._decoded:
            self._decoded[number] = pickle.loads(self._places[number])
        return self._decoded[number]


class _LazyPlaces(Mapping):
    """A mapping to places by number, decoded on first use."""

    def __init__(self, numbers: dict, place: Callable[[int], Place]):
        self._numbers, self._place = numbers, place

    def __getitem__(self, key) -> Place:
        return self._place(self._numbers[key])

    def __iter__(self):
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)
