"""Files and folders into `Document`s: metadata, encoding, HTML to text, language.

Text offsets in all evidence refer to the plain text produced here, so this stage is the
single place where bytes become text.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster

from geo.records import Document

SUFFIXES = (".txt", ".md", ".html", ".htm")
# Documents larger than this are refused, not truncated. Extraction is linear but heavy: on
# 2 cores a 10 MB document takes ~40 s and ~1.1 GB of memory per worker, so a 50 MB file
# (a whole archive, not an article; long reports are ~1 MB) would take minutes and gigabytes.
MAX_BYTES = 10 * 1024 * 1024


class IngestError(Exception):
    """A document that cannot be read; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"{path}: {problem}")


def discover(inputs: list[str | Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand files and folders (recursively) into document paths, sorted for determinism.

    Two documents with the same file name are an error (the file name is the document id):
    both are reported and neither is read.
    """
    found: list[Path] = []
    problems: list[IngestError] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            named = sorted(q for q in p.rglob("*") if q.suffix.lower() in SUFFIXES and not q.is_dir())
            docs = [q for q in named if q.is_file()]
            problems.extend(IngestError(q, _not_a_file(q)) for q in named if not q.is_file())
            if not named:
                problems.append(IngestError(p, "folder contains no documents (.txt, .md, .html, .htm)"))
            found.extend(docs)
        elif p.is_file():
            found.append(p)
        elif p.exists() or p.is_symlink():
            problems.append(IngestError(p, _not_a_file(p)))
        else:
            problems.append(IngestError(p, "no such file or folder"))
    by_name: dict[str, list[Path]] = {}
    for p in found:
        by_name.setdefault(p.name, []).append(p)
    paths = []
    for name, group in sorted(by_name.items()):
        unique = sorted(set(group))
        if len(unique) > 1:
            where = ", ".join(str(g) for g in unique)
            problems.append(IngestError(unique[0], f"duplicate document name '{name}' in {where}; rename one"))
        else:
            paths.append(unique[0])
    return paths, problems


def _not_a_file(p: Path) -> str:
    """Why a path named like a document cannot be read as one (a pipe would block the run)."""
    if p.is_symlink() and not p.exists():
        return "broken symbolic link, not a document"
    return "not a regular file (a named pipe, socket or device); skipped"


def read_document(path: str | Path) -> Document:
    """Read one file into a Document; raise IngestError with a clear reason."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise IngestError(path, f"unsupported file type '{path.suffix}' (use {', '.join(SUFFIXES)})")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, _not_a_file(path))
        size = info.st_size
        if size > MAX_BYTES:
            raise IngestError(path, f"file is {size / 1e6:.0f} MB, larger than the {MAX_BYTES // 2**20} MiB limit "
                                    "for one document; split it into articles")
        raw = path.read_bytes()
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    text = _decode(raw, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _split_front_matter(text, path)
    meta.update(_read_sidecar(path))
    if path.suffix.lower() in (".html", ".htm"):
        html_meta, text = _html_to_text(text)
        for key, value in html_meta.items():
            meta.setdefault(key, value)
    if not text.strip():
        raise IngestError(path, "document is empty (no text after removing markup and metadata)")
    language = str(meta.get("language") or detect_language(text))
    return Document(
        id=path.name,
        path=str(path),
        text=text,
        language=language,
        title=_opt_str(meta.get("title")),
        published=_parse_published(meta.get("published"), path),
        outlet=_opt_str(meta.get("outlet")),
        url=_opt_str(meta.get("url")),
        author=_opt_str(meta.get("author")),
        meta=meta,
    )


def _opt_str(v) -> str | None:
    return None if v is None else str(v).strip() or None


def _decode(raw: bytes, path: Path) -> str:
    """Decode by BOM, then strict UTF-8, then charset detection; refuse binary data."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"invalid {enc} text at byte {exc.start}") from None
    if b"\x00" in raw[:4096]:
        raise IngestError(path, "binary data, not text (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = raw[:200_000]
    if sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.01:
        raise IngestError(path, "binary data, not text (control bytes)")
    best = from_bytes(sample).best()
    encoding = best.encoding if best else "cp1252"
    if encoding in ("ascii", "latin_1", "iso8859_1"):
        encoding = "cp1252"  # the superset newsrooms' legacy files actually use
    return raw.decode(encoding, errors="replace")


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Remove YAML front matter; offsets then refer to the text after it."""
    text = text.lstrip("\ufeff")
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise IngestError(path, f"malformed front matter: {str(exc).splitlines()[0]}") from None
    if not isinstance(meta, dict):
        raise IngestError(path, "malformed front matter: expected key: value pairs")
    return meta, text[m.end():]


def _read_sidecar(path: Path) -> dict:
    """`<file name>.meta.yaml` or `<stem>.meta.yaml` beside the file; it wins over front matter."""
    for side in (path.with_name(path.name + ".meta.yaml"), path.with_name(path.stem + ".meta.yaml")):
        if side.is_file():
            try:
                meta = yaml.load(side.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise IngestError(side, f"malformed sidecar metadata: {str(exc).splitlines()[0]}") from None
            if not isinstance(meta, dict):
                raise IngestError(side, "malformed sidecar metadata: expected key: value pairs")
            return meta
    return {}


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
        raise IngestError(path, f"metadata 'published' is not an ISO 8601 date: {value!r}") from None


_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "button", "noscript", "svg", "iframe", "template", "select", "menu"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "tr", "ul", "ol", "figcaption", "pre", "hr", "main"}
_BOILER_CLASS = re.compile(r"share|social|cookie|newsletter|related|promo|advert|banner|comment-form|breadcrumb|subscribe", re.I)


class _TextExtractor(HTMLParser):
    """Keeps readable text; drops scripts, styles, navigation and share widgets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.meta: dict = {}
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            content = attrs.get("content")
            mapping = {"og:title": "title", "article:published_time": "published", "og:site_name": "outlet", "og:url": "url", "author": "author"}
            if key in mapping and content:
                self.meta.setdefault(mapping[key], content)
            return
        if tag == "html" and attrs.get("lang"):
            self.meta.setdefault("language", attrs["lang"].split("-")[0].lower())
        if tag in ("br", "hr", "img", "input", "link", "source", "wbr"):
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        skip = tag in _SKIP_TAGS or bool(_BOILER_CLASS.search((attrs.get("class") or "") + " " + (attrs.get("id") or "")))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "li" and not self.skip_depth:
            self.parts.append("- ")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self._title.append(data)
            return
        if not self.skip_depth:
            self.parts.append(data)


def _html_to_text(html: str) -> tuple[dict, str]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if parser._title and "title" not in parser.meta:
        parser.meta["title"] = "".join(parser._title).strip()
    return parser.meta, text


_STOPWORDS = {
    "de": "der die das und ist nicht ein eine sich mit auf für dem den von zu im auch wird werden hat wurde dass sie es nach bei aus wie über noch".split(),
    "en": "the and is not a an of to in that it for on with as was were by at from this have has be are which their said after".split(),
    "es": "el la los las y es no un una de que en por con para se del al lo como su más fue según pero".split(),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[a-zäöüßáéíóúñ]+")


def detect_language(text: str) -> str:
    """Guess de/en/es from function words in the first ~20k characters; 'und' if unclear."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return "und"
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPSETS.items()}
    lang, best = max(sorted(scores.items()), key=lambda kv: kv[1])
    return lang if best >= max(2, 0.05 * len(words)) else "und"
