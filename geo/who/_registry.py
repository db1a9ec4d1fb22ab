"""The actor registry: reference data from `geo/ref/actors.yaml` compiled into one automaton.

Role nouns ("Verteidigungsminister", "Defense Secretary") share the automaton, so a
document is scanned once for names, abbreviations and the titles that introduce people.
"""
from __future__ import annotations

import importlib.resources
import itertools
import json
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import ahocorasick
import yaml

# German role heads also match as the end of a compound ("Verteidigungsminister", "ICE-Direktor").
_DE_ROLES = (
    "minister", "präsident", "kanzler", "general", "admiral", "senator", "abgeordnete",
    "gouverneur", "bürgermeister", "sprecher", "direktor", "richter", "staatsanwalt",
    "botschafter", "kommandeur", "befehlshaber", "chef", "vorsitzende", "staatssekretär",
    "generalstaatsanwalt", "generalbundesanwalt", "polizeichef", "außenbeauftragte", "kommissar",
)
_EN_ROLES = (
    "President", "Vice President", "Prime Minister", "Chancellor", "Minister", "Foreign Minister",
    "Defense Secretary", "Defence Secretary", "Secretary of State", "Secretary of Defense",
    "Secretary of War", "War Secretary", "Homeland Security Secretary", "Secretary", "General",
    "Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Admiral", "Adm.", "Col.", "Colonel",
    "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Congresswoman", "Governor",
    "Gov.", "Mayor", "spokesperson", "spokesman", "spokeswoman", "Director", "Judge", "Justice",
    "Attorney General", "U.S. Attorney", "Ambassador", "Commissioner", "Commander", "Sheriff",
    "Prosecutor", "Chief", "Leader", "presidente", "presidenta", "ministro", "ministra",
    "portavoz", "canciller", "gobernador", "gobernadora", "alcalde", "alcaldesa", "fiscal",
)

_DE_ADJ_TEMPLATES = {
    "government": ("{a}e(n) Regierung", "{a}e(n|s) Regime(s)", "{a}e(n) Führung"),
    "armed_force": ("{a}e(n) Armee", "{a}e(n) Streitkräfte(n)", "{a}e(n|s) Militär(s)", "{a}e(n) Truppen"),
}
_EN_ADJ_TEMPLATES = {
    "government": ("{a} government", "{a} Government", "{a} regime", "{a} authorities"),
    "armed_force": ("{a} military", "{a} army", "{a} Army", "{a} armed forces", "{a} Armed Forces", "{a} troops", "{a} forces"),
}
_ES_ADJ_TEMPLATES = {"government": ("gobierno {a}", "Gobierno {a}", "régimen {a}")}

_OPTIONAL = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Actor:
    """One registry entry; `short` prefixes document labels ("ICE memo")."""

    name: str
    kind: str
    country: str | None
    short: str
    heads: str | None = None
    veto_after: tuple[str, ...] = ()
    veto_before: tuple[str, ...] = ()
    # Where it sits ("Karlsruhe", "Arlington, VA"): a gazetteer name, optionally ", <admin1 or country code>".
    seat: str | None = None
    # Countries whose own institution the same German name is ("Bundesrat": Austria's and Switzerland's too).
    shared: tuple[str, ...] = ()
    # Its generic names ("Congress", "Supreme Court"): other countries' institutions are called so too.
    bare: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Alias:
    actor: Actor
    lang: str | None = None  # only for documents in this language
    bare: bool = False  # generic name, not right after another capitalised word
    regime_only: bool = False  # counts only in "<name>-Regime"


@dataclass(frozen=True)
class _Role:
    suffix_ok: bool  # may end a German compound ("Verteidigungsminister")


def _expand(alias: str) -> list[str]:
    """'Weiße(n|s) Haus(es)' -> every spelling with each optional part present or absent."""
    parts = _OPTIONAL.split(alias)
    choices = [[p] if i % 2 == 0 else p.split("|") + [""] for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


def _adjective_forms(entry: dict) -> Iterable[str]:
    kind = entry.get("kind")
    for key, templates in (("adj_de", _DE_ADJ_TEMPLATES), ("adj_en", _EN_ADJ_TEMPLATES), ("adj_es", _ES_ADJ_TEMPLATES)):
        adj = entry.get(key)
        for template in templates.get(kind, ()) if adj else ():
            yield template.format(a=adj)
            if key == "adj_de":  # sentence-initial "Venezolanische Truppen"
                yield template.format(a=adj[0].upper() + adj[1:])


def _role_spellings() -> Iterable[tuple[str, _Role]]:
    for role in _DE_ROLES:
        forms = {role, role + "r", role + "n"} if role.endswith("e") else {role, role + "in", role + "innen", role + "en"}
        for form in forms:
            yield form, _Role(suffix_ok=True)
            yield form[0].upper() + form[1:], _Role(suffix_ok=True)
    for role in _EN_ROLES:
        yield role, _Role(suffix_ok=False)
        yield role[0].swapcase() + role[1:], _Role(suffix_ok=False)


class ActorRegistry:
    """Known actors and role nouns, compiled once and passed to `find_actors`/`find_sources`."""

    def __init__(self, entries: Iterable[dict], *, capitals: Mapping[str, str] | None = None):
        """`capitals` (ISO code -> capital) gives government entries without a `seat` key their seat."""
        self.actors: dict[str, Actor] = {}
        self.capitals: Mapping[str, str] = dict(capitals or {})
        table: dict[str, list] = {}
        for entry in entries:
            abbr = list(entry.get("abbr") or [])
            country = entry.get("country")
            seat = entry["seat"] if "seat" in entry else (
                (capitals or {}).get(country) if entry["kind"] == "government" else None)
            actor = Actor(entry["name"], entry["kind"], country,
                          entry.get("short") or (abbr[0] if abbr else entry["name"]), entry.get("heads"),
                          tuple(v for x in entry.get("veto_after") or () for v in _expand(x)),
                          tuple(v for x in entry.get("veto_before") or () for v in _expand(x)), seat,
                          tuple(entry.get("shared") or ()), tuple(v for x in entry.get("bare") or () for v in _expand(x)))
            self.actors[actor.name] = actor
            groups = [(abbr, _Alias(actor)), ([actor.name, *(entry.get("aliases") or [])], _Alias(actor)),
                      (list(_adjective_forms(entry)), _Alias(actor)),
                      (entry.get("bare") or [], _Alias(actor, bare=True)),
                      (entry.get("regime_names") or [], _Alias(actor, regime_only=True))]
            groups += [(entry.get(lang) or [], _Alias(actor, lang=lang)) for lang in ("de", "en", "es")]
            for aliases, info in groups:
                for alias in aliases:
                    for spelling in _expand(str(alias)):
                        if spelling.strip() and info not in table.setdefault(spelling, []):
                            table[spelling].append(info)
        for spelling, role in _role_spellings():
            table.setdefault(spelling, []).append(role)
        self._automaton = ahocorasick.Automaton()
        for spelling, infos in table.items():
            self._automaton.add_word(spelling, (len(spelling), tuple(infos)))
        self._automaton.make_automaton()

    @classmethod
    def load(cls) -> "ActorRegistry":
        """The project's registry from `geo/ref/actors.yaml`; governments sit in their country's capital."""
        ref = importlib.resources.files("geo").joinpath("ref")
        entries = yaml.load(ref.joinpath("actors.yaml").read_text(encoding="utf-8"),
                            Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["actors"]
        countries = json.loads(ref.joinpath("countries.geojson").read_text(encoding="utf-8"))["features"]
        capitals = {f["properties"]["iso2"]: f["properties"]["capital"] for f in countries if f["properties"]["capital"]}
        return cls(entries, capitals=capitals)

    def short(self, name: str) -> str:
        actor = self.actors.get(name)
        return actor.short if actor else name

    def hits(self, text: str) -> Iterable[tuple[int, int, tuple]]:
        """(start, end, payloads) for every key occurring in `text`, unfiltered."""
        for last, (length, infos) in self._automaton.iter(text):
            yield last + 1 - length, last + 1, infos
