"""The outlet's home: the city, state or country a document's outlet name and address point to.

A local paper's text often names no place of its own ("Am Montag brannte eine Scheune"); its
outlet ("denverpost.com", "Stuttgarter Zeitung", "rp-online.de/nrw/staedte/duesseldorf/…") and its
country domain say where it most likely happened and which namesake town it means. `geo.where`
takes these as context; `geo.pipeline` asks for them once per document.
"""
from __future__ import annotations

import re
from collections import Counter

from geo.gazetteer import Gazetteer
from geo.records import Place, PlaceMention


# What a local paper's name adds to its city's: "denverpost", "hamburg1", "stuttgarter-zeitung".
_PAPER_WORDS = frozenset("""post news times tribune globe herald star sun journal chronicle gazette examiner press
daily online citizen courier record register telegraph mercury observer today live now tv radio
zeitung nachrichten kurier abendblatt anzeiger morgenpost rundschau tagblatt allgemeine neueste
volksstimme stimme blatt presse heute aktuell express""".split())
# Technical host labels that name an edition, not a town ("mobile.ghanaweb.com" is no Mobile, AL).
_HOST_PREFIX = re.compile(r"www\d*|m|mobile|amp|cdn\d*|static|img|media|beta|app|edition|[a-z]{2}")
_OUTLET_CITY_POPULATION = 100_000  # a city that has a paper of its own


def outlet_place(outlet: str | None, url: str | None, *, gazetteer: Gazetteer) -> Place | None:
    """The city a local outlet is named after ("hamburg1.de", "denverpost.com", "Stuttgarter
    Zeitung"), or the country ("jamaicaobserver.com"): where a text that names no place of its
    own most likely happened."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0]
    labels = [lab for lab in host.split(".")[:-1] if not _HOST_PREFIX.fullmatch(lab)]
    labels += (outlet or "").lower().replace(".", " ").split()
    domain = url_country(url) or url_country(outlet if outlet and "." in outlet and " " not in outlet else None)
    section = _section_town(url, gazetteer, domain)
    if section is not None:
        return section
    for label in labels:
        for token in re.split(r"[-_ ]", label):
            token = token.rstrip("0123456789")
            for cut in range(len(token), 3, -1):
                rest = token[cut:]
                if (rest and rest not in _PAPER_WORDS) or token[:cut] in _PAPER_WORDS:
                    continue  # "kurier.at" is no city "Kuri"
                # "jamaicaobserver.com", "indiatoday.in": a paper named after its country is that
                # country's, not a namesake city's (Jamaica, Queens).
                country = next((c.place for c in gazetteer.candidates(token[:cut].capitalize())
                                if c.place.type == "country" and c.kind == "name"), None)
                if country is not None:
                    return country
                # A country's domain names a city of that country ("kurier.at": no Guri in Korea).
                place = _big_city(token[:cut], gazetteer, domain)
                if place is not None:
                    return place
    tokens = [token.rstrip("0123456789") for label in labels for token in re.split(r"[-_ ]", label)]
    return next((c for token in tokens if (c := _country_affix(token, gazetteer)) is not None), None) \
        or next((c for token in tokens if (c := _country_name_at_end(token, gazetteer)) is not None), None)


# Words a national outlet's name adds to its country's besides a paper's: "ghanaweb", "tribuneindia",
# "nigerianewshouse", "thenationonlineng" (a country's ISO code ends some).
_OUTLET_WORDS = _PAPER_WORDS | frozenset("the web world net network business house".split())


def _country_affix(token: str, gazetteer: Gazetteer) -> Place | None:
    """The country a national outlet's name begins or ends with, the rest of it paper words
    ("ghanaweb", "tribuneindia", "nigerianewshouse", "thesouthafrican", "thenationonlineng")."""
    for cut in range(4, len(token) - 1):
        for name, rest in ((token[:cut], token[cut:]), (token[-cut:], token[:-cut])):
            country = next((c.place for c in gazetteer.candidates(name.capitalize())
                            if c.place.type == "country" and c.kind in ("name", "dem")), None)
            if country is not None and _paper_words(rest, country.country_code.lower()):
                return country
    return None


_COUNTRY_NAME_LETTERS = 6  # shorter names hide in words and names ("chadwick", "omannews")


def _country_name_at_end(token: str, gazetteer: Gazetteer) -> Place | None:
    """The country whose full name of six letters or more ends an outlet's name after words of any
    kind ("lookingatzambia", "newsfromzimbabwe"): an outlet about that country, for a text
    that names no place. Not a name opening the host ("francewebsite", "jordanbpeterson": a first
    word is as often a person's or a theme's), nor one a state of another country or a city of
    100,000 bears ("…georgia"), nor one that ends another country's ("…guinea": Papua New Guinea?)."""
    longer = None  # the countries' names run together, built only for a token that ends with one
    for cut in range(len(token) - 3, _COUNTRY_NAME_LETTERS - 1, -1):
        name = token[-cut:]
        cands = gazetteer.candidates(name.capitalize())
        countries = [c.place for c in cands if c.place.type == "country" and c.kind == "name"]
        if not countries:
            continue
        if longer is None:
            longer = {p.name.lower().replace(" ", "").replace("-", "") for p in gazetteer.countries.values()}
        if any(n.endswith(name) and n != name for n in longer):
            continue
        if not any((c.place.type == "admin1" and c.place.country_code != countries[0].country_code)
                   or (c.place.type == "city" and c.place.population >= _OUTLET_CITY_POPULATION) for c in cands):
            return countries[0]
    return None


def _paper_words(rest: str, code: str) -> bool:
    """Whether `rest` is paper words only, its country's ISO code at most at its end ("onlineng")."""
    if rest.endswith(code) and len(rest) > len(code):
        rest = rest[:-len(code)]
    ok = [True] + [False] * len(rest)
    for i in range(1, len(rest) + 1):
        ok[i] = any(ok[j] and rest[j:i] in _OUTLET_WORDS for j in range(max(0, i - 12), i))
    return ok[-1]


_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def _section_town(url: str | None, gazetteer: Gazetteer, domain: str | None) -> Place | None:
    """The town of a regional paper's local section in the address's folders, the deepest one
    ("rp-online.de/nrw/staedte/duesseldorf/…", "mz.de/lokal/quedlinburg/…", "news38.de/braunschweig/…"):
    a town of the domain's country that is no everyday word ("dzonline.de/Welt/…" is no Welt); without
    a country domain, only a city with a paper of its own. The last part is the article's own slug."""
    for forms in _address_forms(_folders(url)):
        cands = [c for f in forms for c in gazetteer.candidates(f)
                 if c.place.type == "city" and c.kind in ("name", "alt") and not c.common
                 and (c.place.country_code == domain if domain else c.place.population >= _OUTLET_CITY_POPULATION)]
        if cands:
            return max(cands, key=lambda c: c.place.population).place
    return None


def url_state(url: str | None, outlet: str | None, gazetteer: Gazetteer) -> Place | None:
    """The state a country domain's address or outlet names, in its folders, its host or the
    outlet's words, the deepest folder first ("ndr.de/nachrichten/niedersachsen/…",
    "burgenland.orf.at", "noe.orf.at (ORF Niederösterreich)"): the regional section's state,
    context for choosing among namesake towns."""
    domain = url_country(url) or url_country(outlet if outlet and "." in outlet and " " not in outlet else None)
    if not domain:
        return None
    words = re.split(r"[\s().,/]+", (outlet or "").lower())
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0]
    own = _host_state(host if "." in host else (outlet or "").lower(), _folders(url), domain, gazetteer)
    if own is not None:
        return own
    labels = [lab for lab in host.split(".")[:-1] if not _HOST_PREFIX.fullmatch(lab)]
    for forms in _address_forms(words + labels + _folders(url)):
        for f in forms:
            for c in gazetteer.candidates(f):
                if c.place.type == "admin1" and c.kind in ("name", "alt") and c.place.country_code == domain:
                    return c.place
    return None


# A Swiss canton's own address names it by its code ("sg.ch", "www.zh.ch"), an Austrian state's
# regional broadcaster or government by its usual short form ("noe.orf.at", "ktn.gv.at").
_HOST_STATES = {
    "CH": {"ag": "Aargau", "ar": "Appenzell Ausserrhoden", "be": "Bern", "bl": "Basel-Landschaft", "bs": "Basel-Stadt",
           "fr": "Freiburg", "ge": "Genf", "gr": "Graubünden", "lu": "Luzern", "ne": "Neuenburg", "sg": "St. Gallen",
           "sh": "Schaffhausen", "so": "Solothurn", "sz": "Schwyz", "tg": "Thurgau", "ti": "Tessin", "vd": "Waadt",
           "vs": "Wallis", "zg": "Kanton Zug", "zh": "Zürich"},
    "AT": {"noe": "Niederösterreich", "ooe": "Oberösterreich", "ktn": "Kärnten", "stmk": "Steiermark", "sbg": "Salzburg",
           "vbg": "Vorarlberg", "bgld": "Burgenland"},
}


def _host_state(host: str, folders: list[str], domain: str, gazetteer: Gazetteer) -> Place | None:
    """The state a canton's or a state's short form in the address names: the canton's code only as
    the domain's own name ("sg.ch", not "sg.example.ch"), a state's short form as any label or
    folder ("polizei.gv.at/noe/…")."""
    labels = host.split(".")[:-1]
    forms = _HOST_STATES.get(domain, {})
    named = labels[-1:] if domain == "CH" else labels + folders
    for label in named:
        if label in forms:
            return next((c.place for c in gazetteer.candidates(forms[label])
                         if c.place.type == "admin1" and c.place.country_code == domain), None)
    return None


def _folders(url: str | None) -> list[str]:
    """An address's folders, without its last part (the article's slug)."""
    return re.sub(r"^[a-z]+://[^/]*", "", (url or "").lower()).split("?")[0].split("/")[:-1]


def _address_forms(parts: list[str]):
    """For each part that may be a name ("homberg-ohm", "niederoesterreich"), deepest first, the
    ways a name may be written in it ("Homberg (Ohm)", "Niederösterreich")."""
    for part in reversed([p for p in parts if re.fullmatch(r"[a-zäöüß]+(?:-[a-zäöüß]+)*", p)]):
        words = part.split("-")
        if len(words) > 3:
            continue
        forms = {" ".join(w.capitalize() for w in words), "-".join(w.capitalize() for w in words)}
        forms |= {f"{words[0].capitalize()} ({words[1].capitalize()})"} if len(words) == 2 else set()
        for a, b in _UMLAUTS:
            forms |= {f.replace(a, b) for f in forms}
        yield forms


# Country-code top-level domains that are not the ISO code.
_TLD_COUNTRY = {"uk": "GB"}


def document_country(places: list[PlaceMention], url: str | None, *, gazetteer: Gazetteer) -> Place | None:
    """The country a text that names no place is about, at its coarsest: the country its
    demonyms name most ("Kenyan police"), else its outlet's country domain ("krone.at").
    Only for a text with no other place: an area, honestly coarse, rather than none."""
    counts = Counter(m.place.country_code for m in places if m.weak and m.place.type == "country")
    code = counts.most_common(1)[0][0] if counts else url_country(url)
    return gazetteer.countries.get(code) if code else None


def url_country(url: str | None) -> str | None:
    """The ISO code of an address's country domain ("heraldlive.co.za" → ZA), or None."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    return _TLD_COUNTRY.get(tld, tld.upper()) if len(tld) == 2 and tld.isalpha() else None


def _big_city(word: str, gazetteer: Gazetteer, country: str | None = None) -> Place | None:
    forms = {word, word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")}
    forms |= {f[:-2] for f in forms if f.endswith("er")}  # "Stuttgarter Zeitung", "Wiener Zeitung"
    for form in sorted(forms, key=len, reverse=True):
        for c in gazetteer.candidates(form.capitalize()):
            if c.place.type == "city" and c.place.population >= _OUTLET_CITY_POPULATION \
                    and country in (None, c.place.country_code):
                return c.place
    return None


# "Raghunathpur railroad station in Buxar district": a few words, then where the first name lies
# (not a list's next name: "in Hamburg sowie in Kiel", "in Dettingen und in Kirchberg").
# "railroad station in", "House in" ("Hyderabad House in New Delhi", "Lancaster House in London": a
# building named after a town stands elsewhere)
