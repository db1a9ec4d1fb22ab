"""Build geo/ref/given_names.txt: given names that, followed by a capitalised word, make a person.

    .venv/bin/pip download --no-deps -d /tmp faker==40.54.0       # build time only, not installed
    (cd /tmp && unzip -q -o faker-40.54.0-py3-none-any.whl -d faker-40.54.0)
    apt-get install wngerman wamerican
    .venv/bin/python scripts/build_given_names.py --faker /tmp/faker-40.54.0

Why: German capitalises every noun, so "Michael Sturm" (a person) looks like "Sturm" (a storm),
and "Kati Köhler" like the town Kati in Mali; the loader asks this list whether the word
before a capitalised word is a given name.

Source: the first-name tables of Faker 40.54.0 (MIT; build time only, never imported by
`geo/`), every person locale written in Latin script (German, English, French, Italian,
Spanish, Polish, Turkish, Dutch, Nordic, Indian English, Pakistani English, Algerian French,
African English…), romanised Chinese given names and surnames (a Chinese name in news starts
with the surname: "Xi Jinping", "Li Qiang") and romanised Japanese given names; Russian and
Ukrainian names transliterated twice, the English and the German way (Sergey/Sergej,
Yevgeny/Jewgeni, Volodymyr/Wolodymyr). `EXTRA` adds a few names that news often prints and
the tables lack ("Narendra", "Keir", "Xi").

Rejected sources: gender-guesser (GPL-3, its nam_dict.txt GFDL); names-dataset (built from a
leaked social-network dump); both are also far larger than needed.

High precision over recall: a name is left out when it is
- an everyday word of German or English: a lower-case entry of Debian's wngerman or wamerican
  ("mark", "will", "frank", "rose", "bill"), or a German noun (a capitalised wngerman entry with
  an inflected sibling that is no name itself: "Kaiser"/"Kaisern", "Sommer"/"Sommern") — unless
  `KEEP` names it: a word whose everyday sense seldom stands before a capitalised word in news
  ("Frank", "Peter", "Hans", "Martin", "Charlotte"; but "Wolf" goes: "ein Wolf Schafe riss");
- a capitalised wngerman entry that neither Faker's German tables nor wamerican (which lists
  English proper names) has: wngerman's capitalised entries are nouns and names, and one that
  no German or English name list knows is a noun or a place ("Lage", "Gabe", "Oma", "Uni",
  "Dementi", "Riad"), unless `KEEP` names it ("Oleg", "Barak", "Edgars");
- a country (any name in countries.geojson), a US state, a capital or a city of 200,000 or more
  in cities.tsv ("Paris", "Jordan", "Georgia", "Boston": "Boston Globe" is no person), or in
  `DROP` (months, brands, spacecraft, parties: "Mercedes", "Tory", "Olympia", "Santa");
- one or two letters ("Al" is also "Al Qaida", "El"), except those in `KEEP` or `EXTRA` ("Jo", "Ed", "Xi", "Li");
- not capitalised Latin script, or more than one word.
Deterministic: a sorted set, one name a line.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "geo" / "ref"
FAKER_VERSION = "40.54.0"
WORDLISTS = {"en": Path("/usr/share/dict/american-english"), "de": Path("/usr/share/dict/ngerman")}
TRANSLITERATED = ("ru_RU", "uk_UA")
BIG_CITY = 200_000

# Names in the news the tables lack (this project, CC0): heads of state and government and
# other often-named people's given names, and the commonest Chinese surnames that open a name.
EXTRA = """
Narendra Rahul Amit Rishi Keir Volodymyr Sauli Recep Tayyip Ekrem Viktor Alexei Alexej Sergei
Sergej Dmitri Dmitry Kyriakos Giorgia Benjamin Yair Mahmoud Bashar Abdel Fattah Ebrahim Kassym
Ilham Nikol Javier Gustavo Cyril Bola Abiy Uhuru Jair Fumio Shigeru Yoon
Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Hu Zhu Gao Lin Guo Ma Luo
""".split()
# Keep these although a word list has them: their word sense seldom precedes a surname in news.
KEEP = set("""
Maria Albert John Victor Roger Marina Tony Carol Noel Jimmy Amir Maxim Sally Andre Andres Nick
Dieter Billy Fidel Glen Lee Kim Terry Troy Warren Kasper Ken Jay Josh Serge Mats Laure Derrick
Jasper Basil Brad Clement Curt Dale Florin Hector Rune Sander Bobby Hardy Lance Pierce Rick Sonny
Marten Garret Randy Rob Sue Reiner Malte Tilde Frank Iris Lea Jasmine Ester Fanny Lily Jade Daisy
Margarita Viola Adele Rosemary Valentine Aline Heather Colleen Else Holly Mason Ruby Violet Aria
Hazel Ivy Lila Phoebe Savannah Violette Beau Carmine Eddy Nadir Romaine Tine Mauricio Dominique
Douglas Jo Ed Ernst Kurt Till Mike Jack Bob Tom Max Peter Rosa Rose Grace Joy Ray Dean Don Dirk
Franz Harry Martin Robin Hans Horst Christian Christin Gabriel Simon Sam Egon Jochen Adrian Delphine
Maxime Liane Quinten Dietrich Charlotte Regina Vladimir Gilbert Irving Kennedy Brent Rosario Kira
Minna Nada Yao Xiuying Fatih Morena Soledad Kati Edgars Edmunds Eduards Oskars Rolands Robertas
Arnolds Anwar Barak Bea Connor Elis Gracia Haskell Immanuel Isaak Oleg Petrus Quinten Ren Thora
Tilden Tori Wim Aldis
""".split())
# Leave out although no rule catches them: months, weekdays, feasts, brands, regions, big towns.
DROP = set("""
Januar Februar April Mai Juni Juli June Sunday Easter Ostern Mercedes Porsche Chanel Christ
Santa Asia Carolina Alberta Dakota Odessa Basel Aurora Silvester Hagen Yin Aladin January Tory
Kia Lada Isis Hermes Apollo Orion Vega Pandora Olympia Venus Norma
""".split())

_RU_EN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                  "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split()))
_RU_DE = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                  "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch _ y _ e ju ja i ji je g".split()))


def transliterate(name: str, table: dict, ukrainian: bool) -> str:
    """Russian or Ukrainian Cyrillic in English (BGN-like) or German (Duden-like) Latin letters."""
    out, low = [], name.lower()
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ukrainian and ch == "г":
            piece = "h"
        elif ukrainian and ch == "и":
            piece = "y"
        elif ch == "е" and (not prev or prev in "аеёиоуыэюяіїъь"):
            piece = "ye" if table is _RU_EN else "je"
        elif ch == "й" and prev in "иы" and i == len(low) - 1 and not ukrainian:
            out[-1] = "y" if table is _RU_EN else "i"  # Dmitry / Dmitri, Yury / Juri
            continue
        elif table is _RU_DE and ch == "с" and prev and prev in "аеиоуыэюяё" and i + 1 < len(low) and low[i + 1] in "аеиоуыэюяё":
            piece = "ss"
        else:
            piece = table.get(ch, ch)
        out.append("" if piece == "_" else piece)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def faker_names(root: Path) -> tuple[set[str], set[str]]:
    """Every first name (and Chinese romanised surname) of Faker's person locales, and those of
    its German-speaking locales (de_*)."""
    sys.path.insert(0, str(root))
    import faker  # noqa: PLC0415  the unpacked wheel given by --faker
    import faker.providers.person as person  # noqa: PLC0415

    meta = next(root.glob("faker-*.dist-info"), None)
    if meta is None or meta.name != f"faker-{FAKER_VERSION}.dist-info":
        raise SystemExit(f"need Faker {FAKER_VERSION} unpacked at {root}, found {meta}")
    names: set[str] = set()
    german_names: set[str] = set()
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        for attr in sorted(dir(provider)):
            if not (attr.startswith("first_") and "names" in attr and "kana" not in attr) and not (
                    mod.startswith("zh_") and attr == "last_romanized_names"):
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (tuple, list, dict)):
                continue
            for name in value:
                if mod in TRANSLITERATED:
                    uk = mod == "uk_UA"
                    names.update(transliterate(name, t, uk) for t in (_RU_EN, _RU_DE))
                else:
                    names.add(name.strip())
                    if mod.startswith("de_"):
                        german_names.add(name.strip())
    return names, german_names


def big_places() -> set[str]:
    """Countries (English, German, short forms), US states, capitals, cities of 1,000,000 or more."""
    out = set()
    for f in json.loads((REF / "countries.geojson").read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        out.update(n for n in (p.get("name"), p.get("name_de")) if n)
        for names in (p.get("names") or {}).values():
            out.update(names if isinstance(names, list) else [names])
    for f in json.loads((REF / "us_states.geojson").read_text(encoding="utf-8"))["features"]:
        out.add(f["properties"]["name"])
    with (REF / "cities.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if int(row["population"]) >= BIG_CITY or row["capital"] not in ("", "0"):
                out.add(row["name"])
    return out


def words() -> tuple[set[str], set[str]]:
    """Lower-case entries of both lists (everyday words) and the whole German list."""
    lower, german = set(), set()
    for lang, path in WORDLISTS.items():
        ws = path.read_text(encoding="utf-8", errors="replace").split()
        lower.update(w for w in ws if w[:1].islower())
        if lang == "de":
            german.update(ws)
    return lower, german


def german_noun(name: str, german: set[str], names: set[str]) -> bool:
    """A capitalised wngerman entry with an inflected sibling that is no given name itself
    ("Engel"/"Engeln", "Luke"/"Luken"): build_gazetteer.german_noun, but "Simon"/"Simone" and
    "Christin"/"Christine" are two names, "-n" only after -e/-el/-er ("Heidi"/"Heidin"), and
    a dropped "-n" only from -en ("Adrian"/"Adria")."""
    if name not in german:
        return False
    stems = {name + "en", name + "e", name + "es"}
    if name.endswith(("e", "el", "er")):
        stems.add(name + "n")
    if name.endswith("en"):
        stems.add(name[:-1])
    return any(w in german and w not in names for w in stems)


def reason(name: str, lower: set[str], german: set[str], places: set[str], names: set[str],
           german_names: set[str] = frozenset(), english: set[str] = frozenset()) -> str | None:
    """Why a name is left out, or None to keep it."""
    if not name[:1].isupper() or not all(c.isalpha() or c in "-'" for c in name) or not all(
            ord(c) < 0x250 for c in name):
        return "not one capitalised Latin word"
    if name in DROP:
        return "hand list"
    if name in KEEP or name in EXTRA:
        return None
    if len(name) <= 2:
        return "one or two letters"
    if name in places:
        return "big place"
    if name.lower() in lower:
        return "word"
    if german_noun(name, german, names):
        return "German noun"
    if name in german and name not in german_names and name not in english:
        return "German word"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--faker", type=Path, required=True, help=f"Faker {FAKER_VERSION} wheel, unpacked")
    ap.add_argument("--excluded", type=Path, help="also write the left-out names with the reason")
    args = ap.parse_args()
    candidates, german_names = faker_names(args.faker)
    candidates |= set(EXTRA)
    lower, german = words()
    english = set(WORDLISTS["en"].read_text(encoding="utf-8", errors="replace").split())
    places = big_places()
    kept, dropped = [], []
    for name in sorted(candidates):
        why = reason(name, lower, german, places, candidates, german_names, english)
        (dropped.append(f"{name}\t{why}") if why else kept.append(name))
    out = REF / "given_names.txt"
    out.write_text(f"# given names; built by scripts/build_given_names.py from Faker {FAKER_VERSION} (MIT), "
                   "see geo/ref/README.md\n" + "".join(n + "\n" for n in kept), encoding="utf-8")
    if args.excluded:
        args.excluded.write_text("".join(d + "\n" for d in dropped), encoding="utf-8")
    print(f"{len(kept)} names kept, {len(dropped)} left out, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
