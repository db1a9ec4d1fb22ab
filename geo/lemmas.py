"""simplemma's `lemmatize` and `is_known`, with its dictionaries opened from the compiled cache.

simplemma decodes a language's whole dictionary (the German one: 1.1 million forms) into a
Python dict the first time a process looks a word up: about a second of CPU and 150 MB in every
worker process. Here each dictionary is decoded once per machine into a hash table in the
cache folder (`geo.ref.compiled`, named by a hash of simplemma's version, the language's
dictionary file and this module) and memory-mapped: opening it costs nothing, the worker
processes share its pages, and a lookup reads the same bytes simplemma's dict holds. The
lemmatiser is simplemma's own (its default strategy, not greedy), given this dictionary
factory, so every lemma is the one `simplemma.lemmatize` returns.
"""
from __future__ import annotations

import hashlib
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    DecodedStrMapping,
    _load_dictionary_from_disk,
)
from simplemma.utils import normalize_token, validate_lang_input

from geo import columns
from geo.columns import Column, mapped, write_column
from geo.ref import compiled


def _slot_table(keys: list[bytes]) -> array:
    """Open addressing, linear probing, at most half full: slot -> key number, -1 empty."""
    size = 1
    while size < 2 * len(keys):
        size *= 2
    mask, slots = size - 1, array("i", [-1]) * size
    for n, key in enumerate(keys):
        h = zlib.crc32(key) & mask
        while slots[h] != -1:
            h = (h + 1) & mask
        slots[h] = n
    return slots


def _build(lang: str, folder: Path) -> None:
    table = _load_dictionary_from_disk(lang)
    keys = list(table)
    write_column(folder / "keys", keys)
    write_column(folder / "values", [table[k] for k in keys])
    (folder / "slots.bin").write_bytes(_slot_table(keys).tobytes())


class _MappedDictionary(DecodedStrMapping):
    """A language's dictionary as simplemma's str -> str mapping, over the mapped table."""

    __slots__ = ("_keys", "_values", "_slots", "_mask")

    def __init__(self, folder: Path):
        self._keys, self._values = Column(folder / "keys"), Column(folder / "values")
        self._slots = memoryview(mapped(folder / "slots.bin")).cast("i")
        self._mask = len(self._slots) - 1

    def _lookup(self, key: str) -> str | None:
        data = key.encode()  # as simplemma's own mapping does
        slots, keys, mask = self._slots, self._keys, self._mask
        h = zlib.crc32(data) & mask
        while True:
            n = slots[h]
            if n < 0:
                return None
            if keys[n] == data:
                return self._values[n].decode()
            h = (h + 1) & mask

    def __iter__(self) -> Iterator[str]:
        for n in range(len(self)):
            yield self._keys[n].decode()

    def __len__(self) -> int:
        return len(self._keys._offsets) - 1


def _key(lang: str) -> str:
    h = hashlib.blake2b(digest_size=12)
    h.update(sys.version.encode() + b"\0" + simplemma.__version__.encode() + b"\0")
    h.update((DATA_FOLDER / f"{lang}.plzma").read_bytes())
    h.update(Path(__file__).read_bytes() + Path(columns.__file__).read_bytes())  # the code and its column format
    return h.hexdigest()


class _CompiledFactory(CachingDictionaryFactory):
    """simplemma's dictionaries from the cache; simplemma's own decoding when the cache folder
    cannot be written."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        if lang not in SUPPORTED_LANGUAGES:
            raise ValueError(f"Unsupported language: {lang}")
        folder = compiled(f"lemmas-{lang}", _key(lang), lambda tmp: _build(lang, tmp))
        if folder is not None:
            try:
                return _MappedDictionary(folder)
            except OSError:
                pass  # removed under us: decode it here
        return simplemma.strategies.dictionaries.dictionary_factory.MappingStrToByteString(_load_dictionary_from_disk(lang))


_FACTORY = _CompiledFactory()
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=False, dictionary_factory=_FACTORY))
_LOOKUP = DictionaryLookupStrategy(_FACTORY)


def lemmatize(token: str, lang: str | tuple[str, ...]) -> str:
    """`simplemma.lemmatize(token, lang)`."""
    return _LEMMATIZER.lemmatize(token, lang)


@lru_cache(maxsize=100_000)
def is_known(token: str, lang: str | tuple[str, ...]) -> bool:
    """`simplemma.is_known(token, lang)`."""
    if not isinstance(token, str):
        raise TypeError(f"Wrong input type, expected string, got {type(token)}")
    if token == "":
        raise ValueError("Wrong input value: empty string")
    token = normalize_token(token)
    return any(_LOOKUP.get_lemma(token, code) is not None for code in validate_lang_input(lang))
