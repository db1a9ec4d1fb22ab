"""geo/ref/given_names.txt: names that make a person in front of a surname, and no everyday
words or big places ("Michael Sturm" is a person, "Sturm" alone is weather)."""
import sys
from pathlib import Path

import pytest

from geo.ref import given_names

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "geo" / "ref" / "given_names.txt"
sys.path.insert(0, str(ROOT / "scripts"))
import build_given_names as build  # noqa: E402


@pytest.mark.parametrize("name", [
    "Michael", "Klaus", "Kati", "Sabine", "Brent", "Olaf", "Sauli", "Narendra", "Xi", "Li",
    "Frank", "Hans", "Christian", "Annalena", "Friedrich", "Emmanuel", "Giorgia", "Recep", "Mehmet",
    "Fatima", "Mohammed", "Piotr", "Vladimir", "Wladimir", "Volodymyr", "Sergej", "Sergey", "Keir",
    "Kamala", "Jürgen", "Hans-Peter", "Charlotte", "Wei", "Hiroshi",
])
def test_common_names_are_listed(name):
    assert name in given_names()


@pytest.mark.parametrize("word", [
    # everyday words (German nouns, English words) and months
    "Sturm", "Brand", "Will", "Mark", "Bill", "Hope", "Amber", "Wolf", "Kaiser", "Sommer", "Jude",
    "Mai", "Juni", "April", "Anders", "Allen", "Said", "He", "Sun", "Lage", "Oma", "Uni", "Dementi",
    # countries, US states, capitals and cities of 200,000 or more ("Paris Hilton" is lost)
    "Berlin", "Paris", "London", "Jordan", "Georgia", "Victoria", "Sydney", "Boston", "Israel",
    # brands, and "Al" of "Al Qaida"
    "Mercedes", "Porsche", "Olympia", "Tory", "Al",
])
def test_words_and_places_are_not(word):
    assert word not in given_names()


def test_file_is_what_the_script_writes():
    """Sorted, unique, one capitalised Latin-script word a line after one header line (the
    build writes `sorted(set)`), and the hand lists of the script are honoured."""
    lines = FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# given names; built by scripts/build_given_names.py from Faker "
                               + build.FAKER_VERSION)
    names = lines[1:]
    assert names == sorted(set(names))
    assert len(names) == len(given_names()) > 15_000
    assert FILE.stat().st_size < 1_000_000
    assert all(build.reason(n, set(), set(), set(), set()) is None for n in names)
    assert not build.DROP & given_names()
    assert set(build.EXTRA) - build.DROP <= given_names()


@pytest.mark.skipif(not all(p.exists() for p in build.WORDLISTS.values()), reason="needs wngerman, wamerican")
def test_no_everyday_word_unless_kept():
    """The word rule, checked against the Debian lists: a listed name that is a lower-case
    German or English word must be one of the script's deliberate exceptions."""
    lower, _ = build.words()
    leaked = {n for n in given_names() if n.lower() in lower} - build.KEEP - set(build.EXTRA)
    assert not leaked


@pytest.mark.parametrize("cyrillic, uk, en, de", [
    ("Владимир", False, "Vladimir", "Wladimir"),
    ("Сергей", False, "Sergey", "Sergej"),
    ("Евгений", False, "Yevgeny", "Jewgeni"),
    ("Дмитрий", False, "Dmitry", "Dmitri"),
    ("Василий", False, "Vasily", "Wassili"),
    ("Володимир", True, "Volodymyr", "Wolodymyr"),
    ("Андрій", True, "Andriy", "Andrij"),
])
def test_transliteration(cyrillic, uk, en, de):
    assert build.transliterate(cyrillic, build._RU_EN, uk) == en
    assert build.transliterate(cyrillic, build._RU_DE, uk) == de
