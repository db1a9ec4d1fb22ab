"""Reference data read by the loader (see README.md in this folder), and the compiled cache of it.

Parsing the reference files into Python objects takes seconds, so each loader process would
spend them again. `compiled()` keeps a compiled form in a cache folder (`GEO_CACHE_DIR`, by
default `.cache/` at the checkout's root, gitignored), named by a hash of every file here and
of the code that compiles them: a changed file gives a new name, so a stale cache is never
read, and an absent one (a clean clone) is simply built. It is built in a temporary folder and
renamed into place, so two processes building at once both end with a complete copy.
"""
import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


@lru_cache(maxsize=None)
def load_yaml(name: str):
    """A YAML file of this folder, parsed once per process."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    """Given names (given_names.txt, built by scripts/build_given_names.py): such a word before a
    capitalised word makes a person ("Michael Sturm", "Kati Köhler"), not a storm or a town."""
    text = resources.files(__name__).joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def content_key(folder: Path, *code: Path) -> str:
    """A hash of every file in `folder` (names and bytes), of the `code` files that compile them
    and of the Python version (a pickle or an automaton is not portable across versions)."""
    h = hashlib.blake2b(digest_size=12)
    h.update(sys.version.encode())
    for path in [*sorted(p for p in folder.iterdir() if p.is_file()), *code]:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def cache_dir() -> Path:
    """Where compiled reference data lives: `GEO_CACHE_DIR`, else `.cache/` beside `geo/`."""
    return Path(os.environ.get("GEO_CACHE_DIR") or Path(__file__).resolve().parents[2] / ".cache")


def compiled(name: str, key: str, build: Callable[[Path], None]) -> Path | None:
    """The folder `<cache>/<name>-<key>/`, made by `build(folder)` when it is absent. Older
    versions of `name` are removed. None when the cache folder cannot be written (the caller
    then works from the reference files)."""
    root = cache_dir()
    final = root / f"{name}-{key}"
    if (final / "complete").exists():
        return final
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{name}-", dir=root))
    except OSError:
        return None
    try:
        build(tmp)
        (tmp / "complete").write_bytes(b"")  # written last: a folder without it is never read
        os.chmod(tmp, 0o755)
        os.rename(tmp, final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another process renamed its copy first, or a full disk
        if not (final / "complete").exists():
            return None
    for old in root.glob(f"{name}-*"):
        if old != final:  # a process still reading an old version keeps its open files
            shutil.rmtree(old, ignore_errors=True)
    for old in root.glob(f".tmp-{name}-*"):  # left by a killed build
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > 3600:
                shutil.rmtree(old, ignore_errors=True)
    return final
