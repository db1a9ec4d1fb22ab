"""Document metadata from YAML front matter and `.meta.yaml` sidecars, read within hard limits.

Metadata is untrusted input, so it is bounded before it can cost memory or time:

- YAML anchors and aliases (`&a`, `*a`) are refused: 441 bytes of nested aliases expand to
  gigabytes when the value is turned into text (the "billion laughs" bomb). Metadata needs
  neither; libyaml also refuses nesting deeper than 1,000 levels.
- Front matter or a sidecar larger than `MAX_METADATA_BYTES` is refused; a sidecar is
  checked by its size before it is read.
- A field longer than `MAX_FIELD_CHARS`, or a list or mapping where text belongs, is ignored
  with a warning naming the file and the field: a cut URL or byline would be wrong data,
  and the document's text is still worth reading.
"""
from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster

MAX_METADATA_BYTES = 1_000_000  # a page of metadata is a few hundred bytes
MAX_FIELD_CHARS = 1_000  # the longest real headlines and bylines are ~300 characters
TEXT_FIELDS = ("title", "outlet", "url", "language", "author")


class MetadataError(Exception):
    """Metadata that stops a document being read; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"{path}: {problem}")


def read_metadata(text: str, *, path: Path) -> tuple[dict, str]:
    """Front matter updated by the sidecar (the sidecar wins), and the text without front matter."""
    meta, text = _split_front_matter(text, path)
    meta.update(_read_sidecar(path))
    return meta, text


def checked_fields(meta: dict, *, path: Path) -> tuple[dict, list[str]]:
    """The contract's fields (`published` as a date, the rest as text or None), with warnings."""
    fields: dict = {}
    warnings: list[str] = []
    for key in TEXT_FIELDS + ("published",):
        value = meta.get(key)
        if key == "published" and _is_date(value):
            fields[key] = value
            continue
        fields[key], problem = _text_value(value)
        if problem:
            warnings.append(f"{path}: metadata '{key}' {problem}; ignored")
    if fields["language"] is not None:
        code = language_code(fields["language"])
        if code is None:
            warnings.append(f"{path}: metadata 'language' {fields['language']!r} is not a language code such as "
                            "'de' or 'en'; the language is detected from the text instead")
        fields["language"] = code
    fields["published"] = _parse_published(fields["published"], path)
    return fields, warnings


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Remove YAML front matter; offsets then refer to the text after it."""
    text = text.lstrip("\ufeff")
    m = _FRONT.match(text)
    if not m:
        return {}, text
    size = len(m.group(1).encode("utf-8", "surrogatepass"))
    if size > MAX_METADATA_BYTES:
        raise MetadataError(path, f"front matter is {size:,} bytes, over the {MAX_METADATA_BYTES:,}-byte limit")
    return _load_yaml(m.group(1), path, "front matter"), text[m.end():]


def _read_sidecar(path: Path) -> dict:
    """`<file name>.meta.yaml` or `<stem>.meta.yaml` beside the file, checked before it is read."""
    for side in (path.with_name(path.name + ".meta.yaml"), path.with_name(path.stem + ".meta.yaml")):
        if not (side.exists() or side.is_symlink()):
            continue
        if side.is_symlink() and not side.resolve().is_relative_to(path.parent.resolve()):
            raise MetadataError(side, "sidecar is a symbolic link to a file outside the document's folder; refused")
        try:
            info = side.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO would block the run
                raise MetadataError(side, "sidecar is not a regular file; refused")
            if info.st_size > MAX_METADATA_BYTES:
                raise MetadataError(side, f"sidecar is {info.st_size:,} bytes, over the {MAX_METADATA_BYTES:,}-byte limit")
            with open(side, "rb") as fh:
                raw = fh.read(MAX_METADATA_BYTES + 1)  # the file may grow after stat()
        except OSError as exc:
            raise MetadataError(side, f"cannot read sidecar: {exc.strerror or exc}") from None
        if len(raw) > MAX_METADATA_BYTES:
            raise MetadataError(side, f"sidecar is over the {MAX_METADATA_BYTES:,}-byte limit")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise MetadataError(side, f"malformed sidecar metadata: not UTF-8 at byte {exc.start}") from None
        return _load_yaml(text, side, "sidecar metadata")
    return {}


def _plain_yaml(text: str):
    """The YAML's value when it can hold no anchor or alias (no "&", no "*") and loads: one parse
    instead of the check's and the load's. None otherwise: the checked path then names the
    first problem, as it always has."""
    if "&" in text or "*" in text:
        return None
    try:
        return yaml.load(text, Loader=_YAML_LOADER) or {}
    except (yaml.YAMLError, RecursionError):
        return None


def _load_yaml(text: str, path: Path, what: str) -> dict:
    """Key: value pairs from YAML, refusing anchors and aliases before anything is built."""
    try:
        meta = _plain_yaml(text)
        if meta is None:
            for event in yaml.parse(text, Loader=_YAML_LOADER):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    raise MetadataError(path, f"{what} uses YAML anchors or aliases (&, *), which are not allowed")
            meta = yaml.load(text, Loader=_YAML_LOADER) or {}
    except (yaml.YAMLError, RecursionError) as exc:
        raise MetadataError(path, f"malformed {what}: {str(exc).splitlines()[0] if str(exc) else 'nested too deeply'}") from None
    if not isinstance(meta, dict):
        raise MetadataError(path, f"malformed {what}: expected key: value pairs")
    return meta


def _is_date(value) -> bool:
    return isinstance(value, (dt.date, dt.datetime))


# Language names a newsroom may write instead of a code (in English, German and the language itself).
_LANGUAGE_NAMES = {
    "english": "en", "englisch": "en", "german": "de", "deutsch": "de", "spanish": "es", "spanisch": "es",
    "español": "es", "espanol": "es", "french": "fr", "französisch": "fr", "français": "fr", "francais": "fr",
    "dutch": "nl", "niederländisch": "nl", "nederlands": "nl", "italian": "it", "italienisch": "it",
    "italiano": "it", "portuguese": "pt", "portugiesisch": "pt", "português": "pt", "portugues": "pt",
}
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def language_code(value: str) -> str | None:
    """A declared language as the lowercase ISO 639 code the rules are filed under: a BCP 47
    tag's primary subtag ('de-DE', 'en_GB', 'EN' -> 'de', 'en', 'en') or a language's name
    ('German', 'Deutsch' -> 'de'); None when it is neither ('False' from YAML's `language: no`).
    'de-DE' was read with the English rules, as a language without a rule file."""
    text = value.strip().lower().replace("_", "-")
    primary = _LANGUAGE_NAMES.get(text, text).split("-")[0]
    return primary if _LANGUAGE_CODE.fullmatch(primary) else None


def _text_value(value) -> tuple[str | None, str | None]:
    """(the value as text or None, why it was ignored or None)."""
    if value is None:
        return None, None
    if isinstance(value, (dict, list, tuple, set)):
        return None, f"is a {type(value).__name__}, not text"
    text = str(value).strip()
    if len(text) > MAX_FIELD_CHARS:
        return None, f"is {len(text):,} characters, over the {MAX_FIELD_CHARS:,}-character limit"
    return text or None, None


def _parse_published(value, path: Path) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        raise MetadataError(path, f"metadata 'published' is not an ISO 8601 date: {value!r}") from None
