"""Columns of bytes written once and memory-mapped by every process that reads them: the compiled
gazetteer and the lemma dictionaries share this format, so worker processes share their pages."""

from __future__ import annotations

import io
import mmap
from array import array
from pathlib import Path
from typing import Callable


def write_column(path: Path, items: list, encode: Callable[[object, io.BytesIO], None] | None = None) -> None:
    """`<path>.bin`, the items' bytes end to end, and `<path>.idx`, their offsets (n + 1)."""
    buf, offsets = io.BytesIO(), array("q", [0])
    for item in items:
        if encode is None:
            buf.write(item)
        else:
            encode(item, buf)
        offsets.append(buf.tell())
    path.with_suffix(".bin").write_bytes(buf.getbuffer())
    path.with_suffix(".idx").write_bytes(offsets.tobytes())


class Column:
    """A column `write_column` wrote, memory-mapped: processes share its pages."""

    def __init__(self, path: Path):
        self._data = mapped(path.with_suffix(".bin"))
        self._offsets = memoryview(mapped(path.with_suffix(".idx"))).cast("q")

    def __getitem__(self, i: int) -> bytes:
        return self._data[self._offsets[i]:self._offsets[i + 1]]


def mapped(path: Path) -> mmap.mmap | bytes:
    with open(path, "rb") as fh:
        if fh.seek(0, 2) == 0:
            return b""  # an empty file cannot be mapped
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
