"""Files and folders into `Document`s: metadata, encoding, HTML to text, language.

Text offsets in all evidence refer to the plain text produced here, so this stage is the
single place where bytes become text. That text is normalised once, here (`normalise_text`:
NFC, invisible characters removed): it is the document's text everywhere downstream, so
matching sees "Berlin" for "Ber\u200blin" and every quote is still `text[start:end]`.

Limits (what each refusal says is in the README's Robustness section): a document is at most
`MAX_BYTES`; metadata is bounded by geo/metadata.py; symbolic links that leave an input folder
are not followed.
"""
from __future__ import annotations

import codecs
import html
import os
import re
import stat
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from geo.metadata import MetadataError, checked_fields, read_metadata
from geo.records import Document

SUFFIXES = (".txt", ".md", ".html", ".htm")
# Documents larger than this are refused, not truncated. Extraction is linear but heavy: on
# 2 cores a 10 MB document takes ~40 s and ~1.1 GB of memory per worker, so a 50 MB file
# (a whole archive, not an article; long reports are ~1 MB) would take minutes and gigabytes.
MAX_BYTES = 10 * 1024 * 1024
# Document.meta key for the warnings reading a document gave (Document has no field for
# them); set last, so a metadata key of the same name cannot forge one.
_WARNINGS = "_ingest_warnings"


class IngestError(Exception):
    """A document that cannot be read; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"{path}: {problem}")


class Inputs(NamedTuple):
    paths: list[Path]  # documents to read, sorted
    problems: list[IngestError]  # inputs skipped: the run exits 1
    warnings: list[str]  # inputs deliberately not read (links leaving a folder)


def discover(inputs: list[str | Path]) -> Inputs:
    """Expand files and folders (recursively) into document paths, sorted for determinism.

    Two documents with the same file name are an error (the file name is the document id):
    both are reported and neither is read. A folder that cannot be listed is an error naming
    it; a symbolic link inside a folder that points outside it is not followed (a warning).
    """
    found: list[Path] = []
    problems: list[IngestError] = []
    warnings: list[str] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            named, unreadable, outside = _walk(p)
            found.extend(q for q in named if q.is_file())
            problems.extend(IngestError(q, _not_a_file(q)) for q in named if not q.is_file())
            problems.extend(unreadable)
            warnings.extend(outside)
            if not named and not unreadable:
                problems.append(IngestError(p, "folder contains no documents (.txt, .md, .html, .htm)"))
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
    return Inputs(paths, problems, warnings)


def _walk(root: Path) -> tuple[list[Path], list[IngestError], list[str]]:
    """Document-named entries under root, folders that could not be listed, links refused.

    Links to folders are never descended (a link inside the folder would read files twice, or
    loop); links to files are read only when their target is inside root.
    """
    inside = root.resolve()
    named: list[Path] = []
    unreadable: list[IngestError] = []
    outside: list[str] = []

    def failed(exc: OSError) -> None:
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        unreadable.append(IngestError(exc.filename, f"cannot read folder ({reason}); its documents were skipped"))

    def leaves(q: Path) -> bool:
        if q.is_symlink() and not q.resolve().is_relative_to(inside):
            outside.append(f"{q}: symbolic link to {q.resolve()}, outside the input folder {root}; not read")
            return True
        return False

    for folder, dirs, files in os.walk(root, onerror=failed):
        for name in dirs:
            leaves(Path(folder, name))
        docs = (Path(folder, name) for name in files if Path(name).suffix.lower() in SUFFIXES)
        named.extend(q for q in docs if not leaves(q))
    return sorted(named), sorted(unreadable, key=lambda e: e.path), sorted(outside)


def _not_a_file(p: Path) -> str:
    """Why a path named like a document cannot be read as one (a pipe would block the run)."""
    if p.is_symlink() and not p.exists():
        return "broken symbolic link, not a document"
    return "not a regular file (a named pipe, socket or device); skipped"


def read_document(path: str | Path) -> Document:
    """Read one file into a Document; raise IngestError with a clear reason.

    Problems that do not stop the read (a stray legacy byte, an over-long metadata field) are
    kept for `document_warnings`.
    """
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
    text, warnings = _decode(raw, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        meta, text = read_metadata(text, path=path)
        if path.suffix.lower() in (".html", ".htm"):
            html_meta, text = _html_to_text(text)
            for key, value in html_meta.items():
                meta.setdefault(key, value)
        fields, notes = checked_fields(meta, path=path)
    except MetadataError as exc:
        raise IngestError(exc.path, exc.problem) from None
    if path.suffix.lower() not in (".html", ".htm"):  # HTML's references are decoded with its markup
        text = decode_entities(text)
        fields = {k: decode_entities(v) if isinstance(v, str) else v for k, v in fields.items()}
    text = normalise_text(text)
    if not text.strip():
        raise IngestError(path, "document is empty (no text after removing markup and metadata)")
    fields = {k: normalise_text(v) if isinstance(v, str) else v for k, v in fields.items()}
    meta[_WARNINGS] = tuple(warnings + notes)
    return Document(
        id=path.name,
        path=str(path),
        text=text,
        language=fields["language"] or detect_language(text),
        title=fields["title"],
        published=fields["published"],
        outlet=fields["outlet"],
        url=fields["url"],
        author=fields["author"],
        meta=meta,
    )


def document_warnings(doc: Document) -> tuple[str, ...]:
    """What reading the document warned about, each naming the file."""
    return tuple(doc.meta.get(_WARNINGS, ()))


# Characters with no visible form that split words for matching ("Ber\u200blin"): zero-width
# space, non-joiner, joiner, word joiner, BOM/zero-width no-break space and soft hyphen.
# The joiners matter in Persian and emoji, not in the languages this loader reads.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


# A character reference with its semicolon: "&amp;", "&ouml;", "&nbsp;", "&#8217;", "&#x2013;".
# Without one it is no reference in text ("AT&T", "R&D", "Text&para").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """HTML character references in a text or Markdown file, as a page's source copied into
    one leaves them ("K&ouml;ln", "3.&nbsp;M&auml;rz 2025"): read as the characters they name,
    as in an HTML file (and in Markdown, whose syntax has them), so places and dates match.
    Unknown names stay as written."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


def normalise_text(text: str) -> str:
    """NFC with invisible characters removed, so equal-looking words are equal strings."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def _decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """Decode by BOM, then UTF-8, then charset detection; refuse binary data.

    A UTF-8 file with a few bytes that are not UTF-8 (a Windows paste) keeps its UTF-8 and
    reads only those bytes as Windows-1252, with a warning; decoding the whole file as a
    legacy encoding instead would turn every umlaut into mojibake.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return _mend_utf8(raw[3:], path, offset=3)
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), []
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"invalid {enc} text at byte {exc.start}") from None
    if b"\x00" in raw[:4096]:
        raise IngestError(path, "binary data, not text (contains NUL bytes)")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    sample = raw[:200_000]
    if sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.01:
        raise IngestError(path, "binary data, not text (control bytes)")
    text = raw.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(text))
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid multi-byte characters
    # Legacy text has few accidental UTF-8 sequences (cp1252 "ß“" is one): more valid UTF-8
    # characters than bad bytes means UTF-8 with strays.
    if good >= bad:
        return _mend_utf8(raw, path, offset=0, text=text)
    best = from_bytes(sample).best()
    encoding = best.encoding if best else "cp1252"
    if encoding in ("ascii", "latin_1", "iso8859_1"):
        encoding = "cp1252"  # the superset newsrooms' legacy files actually use
    return raw.decode(encoding, errors="replace"), []


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def _mend_utf8(raw: bytes, path: Path, *, offset: int, text: str | None = None) -> tuple[str, list[str]]:
    """UTF-8 text whose invalid bytes are read as Windows-1252; a warning names where."""
    text = raw.decode("utf-8", "surrogateescape") if text is None else text
    runs = list(_ESCAPED_RUN.finditer(text))
    if not runs:
        return text, []
    first = runs[0].start()
    byte = offset + len(text[:first].encode("utf-8", "surrogateescape"))
    line = text.count("\n", 0, first) + 1
    more = f" and {len(runs) - 1} more place{'s' * (len(runs) > 2)}" if len(runs) > 1 else ""
    warning = (f"{path}: not valid UTF-8 at byte {byte} (line {line}){more}; "
               "only those bytes were read as Windows-1252")
    mended = _ESCAPED_RUN.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace"), text)
    return mended, [warning]


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


# Function words per language. Besides the languages with rules (de, en, es), those a newsroom
# most often drops in by mistake, so that they are named as what they are: French and Dutch
# were read as Spanish from their "de", "la", "que", "en" (and Spanish rules found nothing).
# Each list holds words of its language that the others use little.
_STOPWORDS = {
    "de": "der die das und ist nicht ein eine sich mit auf für dem den von zu im auch wird werden hat wurde dass sie es nach bei aus wie über noch".split(),
    "en": "the and is not a an of to in that it for on with as was were by at from this have has be are which their said after".split(),
    "es": "el la los las y es no un una de que en por con para se del al lo como su más fue según pero".split(),
    "fr": "le la les et est un une des du que qui pour dans sur pas au aux avec il elle ont sont été ce cette ces par plus ne son sa".split(),
    "nl": "het een van en niet op met voor zijn dat te ook aan bij naar om werd door hij wordt heeft maar deze dit worden".split(),
    "it": "il di che e per non sono della nel alla gli dei anche stato dopo ha ai nella si da delle degli".split(),
    "pt": "o os as de do da dos das em um uma que e no na para com não foi pelo pela ao mais seu sua também".split(),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[a-zß-öø-ÿœ]+")


def detect_language(text: str) -> str:
    """Guess the language from function words in the first ~20k characters ('de', 'en', 'es',
    or 'fr', 'nl', 'it', 'pt', which have no rules); 'und' if unclear."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return "und"
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPSETS.items()}
    lang, best = max(sorted(scores.items()), key=lambda kv: kv[1])
    return lang if best >= max(2, 0.05 * len(words)) else "und"
