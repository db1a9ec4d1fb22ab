"""The compiled cache of the reference data (geo/ref/__init__.py, Gazetteer._save/_open): the
same candidates as parsing the files, rebuilt when a file changes, safe to build twice at once."""
import dataclasses
import threading

import pytest

from geo.gazetteer import Gazetteer
from geo.ref import compiled, content_key


@pytest.fixture(scope="module")
def both():
    return Gazetteer.load(), Gazetteer.build()


def _full(c):
    """Every field, also those left out of equality (a place's geometry and German name)."""
    return (c.kind, c.langs, c.weak, c.common, tuple(getattr(c.place, f.name) for f in dataclasses.fields(c.place)))


@pytest.mark.parametrize("surface", ["Hamburg", "Hamburgs", "Karibisches Meer", "Venezolaner", "Bayern", "Puerto Rico",
                                     "Essen", "Kiew", "Sao Paulo", "Golf von Mexiko", "Nowhereville", "Rotes Meer"])
def test_compiled_gazetteer_gives_what_the_files_give(both, surface):
    cached, parsed = both
    assert [_full(c) for c in cached.candidates(surface)] == [_full(c) for c in parsed.candidates(surface)]


def test_compiled_gazetteer_keeps_the_rest_of_the_index(both):
    cached, parsed = both
    assert len(cached) == len(parsed) and cached.capitals == parsed.capitals
    assert dict(cached.subdivisions) == parsed.subdivisions
    text = "Nach dem Brand in Hamburg fuhren Schiffe ins Karibische Meer und nach Rotterdam."
    assert list(cached.automaton.iter(text)) == list(parsed.automaton.iter(text))
    # one place, one object, as when parsed: its surface forms share it
    assert cached.candidates("Hamburg")[0].place is next(c.place for c in cached.candidates("Hamburgs")
                                                         if c.place.id == cached.candidates("Hamburg")[0].place.id)


def test_compiled_lookup_finds_every_key_around_its_sampled_keys_and_remembers_misses(both):
    """The search starts from every STEP-th key: the keys at, before and after those, the first
    and the last are found as the files give them; a form between two keys is a miss, also when
    asked again (from the remembered misses)."""
    cached, parsed = both
    index, step = cached._index, cached._index.STEP
    count = len(index)
    numbers = sorted({n for k in range(0, count, step * 97) for n in (k - 1, k, k + 1)} | {0, count - 1})
    for n in (n for n in numbers if 0 <= n < count):
        surface = index._keys[n].decode("utf-8", "surrogatepass")
        got = index.get(surface)
        assert got is not None and [_full(c) for c in got] == [_full(c) for c in parsed._index[surface]]
        between = surface + "\uffff"
        assert index.get(between) is None and index.get(between, []) == [] and between in index._missing


def test_a_changed_file_gets_a_new_cache_and_the_old_one_goes(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "towns.tsv").write_text("a\n", encoding="utf-8")
    builds = []

    def build(folder):
        builds.append(folder)
        (folder / "data").write_text((ref / "towns.tsv").read_text(encoding="utf-8"), encoding="utf-8")

    first = compiled("gaz", content_key(ref), build)
    assert compiled("gaz", content_key(ref), build) == first and len(builds) == 1  # built once
    (ref / "towns.tsv").write_text("b\n", encoding="utf-8")
    second = compiled("gaz", content_key(ref), build)
    assert second != first and len(builds) == 2
    assert (second / "data").read_text(encoding="utf-8") == "b\n" and not first.exists()


def test_two_builders_at_once_both_get_a_complete_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    both_building = threading.Barrier(2)

    def build(folder):
        (folder / "half").write_text("1", encoding="utf-8")
        both_building.wait(timeout=10)  # neither has renamed its copy yet
        (folder / "data").write_text("1", encoding="utf-8")

    results = []
    threads = [threading.Thread(target=lambda: results.append(compiled("gaz", "k", build))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[0] == results[1] == tmp_path / "gaz-k"
    assert (tmp_path / "gaz-k" / "data").read_text(encoding="utf-8") == "1"
    assert [p.name for p in tmp_path.iterdir()] == ["gaz-k"]  # the loser's copy is gone


def test_an_unwritable_cache_folder_means_no_cache_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GEO_CACHE_DIR", str(blocker / "cache"))
    assert compiled("gaz", "k", lambda folder: None) is None
