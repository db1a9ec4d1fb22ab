"""What the page says it is: title, intro, sources and "as of" date, per corpus.

A newsroom sets them in `story.yaml` beside the events file (env GEO_STORY names another file):

    title: {de: "Hafen unter Beobachtung", en: "Ports under watch"}   # or one string for both
    intro: {de: "…", en: "…"}
    as_of: 2024-04-02          # else the latest publication date of the documents
    sources:                   # else the documents' outlets, each linked to one of its articles
      - {name: Nordhafen Kurier, url: https://example.org/kurier}

Whatever the file leaves out comes from the corpus itself, so a page without one still says
what it shows. Every value is untrusted text: the page escapes it (dashboard.details.esc).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from dashboard.details import safe_url
from dashboard.i18n import t

MAX_BYTES = 64_000  # a story file is a few lines; anything bigger is not one
MAX_SOURCES = 12


@dataclass(frozen=True)
class Story:
    """The page's headline, intro, sources (name, http(s) link or None) and as-of date."""

    title: str
    intro: str
    sources: tuple[tuple[str, str | None], ...]
    as_of: dt.date | None


def story_path(events_path: Path) -> Path:
    """env GEO_STORY, else story.yaml beside the events file."""
    return Path(os.environ.get("GEO_STORY") or Path(events_path).with_name("story.yaml"))


def read_config(path: Path) -> dict:
    """The story file as a mapping; {} when absent, too big or not a YAML mapping (the page then
    falls back to the corpus, and says nothing wrong to readers)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        obj = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return obj if isinstance(obj, dict) else {}


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        value = value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _corpus_sources(documents: dict) -> list[tuple[str, str | None]]:
    links: dict[str, str | None] = {}
    for meta in documents.values():
        outlet = " ".join(str(meta.get("outlet") or "").split())
        if outlet:
            links[outlet] = links.get(outlet) or safe_url(meta.get("url"))
    return sorted(links.items(), key=lambda kv: kv[0].casefold())


def _config_sources(value) -> list[tuple[str, str | None]]:
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str) and item.strip():
            out.append((" ".join(item.split()), None))
        elif isinstance(item, dict) and _text(item.get("name"), "en"):
            out.append((_text(item.get("name"), "en"), safe_url(item.get("url"))))
    return out


def build_story(config: dict, *, documents: dict, n_events: int, lang: str) -> Story:
    """The story in `lang`: the config's values where given, else ones read off the corpus."""
    sources = _config_sources(config.get("sources")) or _corpus_sources(documents)
    published = [d for d in (_date(m.get("published")) for m in documents.values()) if d]
    as_of = _date(config.get("as_of")) or (max(published) if published else None)
    n_docs = len(documents)
    one = "_one" if n_docs == 1 else ""  # "one news report", not "1 news reports"
    title = _text(config.get("title"), lang) or t("story_title" + one, lang, d=n_docs)
    if _text(config.get("intro"), lang):
        intro = _text(config.get("intro"), lang)
    else:
        intro = t("story_intro" + one, lang, n=n_events, d=n_docs)
    return Story(title=title, intro=intro, sources=tuple(sources[:MAX_SOURCES]), as_of=as_of)
