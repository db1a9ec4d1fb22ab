"""The details panel as HTML; every untrusted string goes through `esc`, every link through `safe_url`."""
from __future__ import annotations

import html
from urllib.parse import urlparse

import pandas as pd

from dashboard.dates import range_words, row_interval_words, short_phrases
from dashboard.i18n import t
from geo.contract import type_label


def esc(value: object) -> str:
    """The one escape helper for untrusted text (titles, quotes, names, metadata)."""
    return html.escape("" if value is None else str(value), quote=True)


def md_escape(value: object) -> str:
    """Untrusted text for a place that renders Markdown (button labels): every ASCII punctuation
    character backslash-escaped (CommonMark allows it for all of them), so no link, image,
    emoji shortcode or formula can form; line breaks become spaces."""
    text = " ".join(("" if value is None else str(value)).split())
    return "".join("\\" + c if c in _PUNCT else c for c in text)


_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else None: never a `javascript:` or `data:` link."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return url
    return None


def reader_title(title: str | None, event_type: str, language: str | None, lang: str, *,
                 place_name: str | None = None, actors=()) -> str:
    """The event's title for a reader of `lang`: as written when the document is in that language;
    a title the loader built ("Dokument in Washington (ICE)", see geo.merge._title) rebuilt in the
    reader's words; any other title prefixed with the type's label in the reader's language."""
    label = t("type_" + event_type, lang)
    if not title:
        return label
    if not language or language == lang:
        return title
    if title.startswith(type_label(event_type, language)):
        who = ", ".join(list(actors)[:2])
        out = label + (f" in {place_name}" if place_name else "")
        return out + ((f" ({who})" if place_name else f": {who}") if who else "")
    return f"{label}: {title}"


def reader_titles(view: pd.DataFrame, lang: str) -> list[str]:
    """reader_title for every row of an events frame."""
    return [reader_title(title, etype, language, lang, place_name=place, actors=actors)
            for title, etype, language, place, actors in zip(
                view["title"], view["event_type"], view["language"], view["place_name"], view["actors"])]


_QUOTES = {"de": "„{}“", "en": "“{}”"}


def date_parts(row: pd.Series, lang: str) -> tuple[str, str, list[str]]:
    """The date once, a note, and the documents' phrases for it: ('autumn 2023 (1 September –
    30 November 2023)', 'season, stated in the text', ['Im Herbst 2023']) (plain text). The
    interval is given in the reader's words at its precision; the phrases, each once and short,
    are only a hint."""
    undated = pd.isna(row["date_start"])
    skip = "" if undated else row_interval_words(row, lang)
    phrases = short_phrases(row["date_text"], skip=skip)
    if undated:
        # "undated — undated" said nothing: that no date was found, and the words, when any
        return t("no_date", lang), t("no_date_found", lang) if phrases else "", phrases
    start, end = row["date_start"].date(), row["date_end"].date()
    main = skip
    if row["date_precision"] in ("season", "quarter", "week") and main != range_words(start, end, lang):
        main += f" ({range_words(start, end, lang)})"
    return main, f"{t('prec_' + row['date_precision'], lang)}, {basis_words(row, lang)}", phrases


def basis_words(row: pd.Series, lang: str) -> str:
    """The date's basis, and for an inherited date where it came from ("inferred from its
    paragraph"): the contract's `date_basis` says only "inferred", its added `date_inherited` more."""
    source = str(row.get("date_inherited") or "").replace(" ", "_")
    key = f"inherited_{source}"
    return t(key, lang) if source and t(key, lang) != key else t("basis_" + row["date_basis"], lang)


def date_words(row: pd.Series, lang: str) -> str:
    """date_parts in one line: 'autumn 2023 (1 September – 30 November 2023) — season, stated in
    the text · as written: “Im Herbst 2023”'."""
    main, note, phrases = date_parts(row, lang)
    quote = _QUOTES.get(lang, _QUOTES["en"])
    written = f"{t('as_written', lang)}: " + ", ".join(quote.format(p) for p in phrases) if phrases else ""
    note = " · ".join(x for x in (note, written) if x)
    return f"{main} — {note}" if note else main


def _date_html(row: pd.Series, lang: str) -> str:
    """date_parts as the details' HTML: the phrases as written marked with their document's
    language, for screen readers (a German "im April" in the English interface)."""
    main, note, phrases = date_parts(row, lang)
    quote = _QUOTES.get(lang, _QUOTES["en"])
    doc_lang = f' lang="{esc(row["language"])}"' if row["language"] and row["language"] != lang else ""
    written = f"{esc(t('as_written', lang))}: " + ", ".join(
        f"<span{doc_lang}>{esc(quote.format(p))}</span>" if doc_lang else esc(quote.format(p))
        for p in phrases) if phrases else ""
    note = " · ".join(x for x in (esc(note), written) if x)
    return esc(main) + (f"<br><small>{note}</small>" if note else "")


def place_words(row: pd.Series, lang: str) -> str:
    """E.g. 'Odesa — city' (plain text)."""
    if not row["place_name"]:
        return t("no_place", lang)
    return f"{row['place_name']} — {t('place_' + place_kind(row['place_type'], row['place_id']), lang)}"


def place_kind(place_type: str, place_id: str | None) -> str:
    """The label key of a place: a county or district travels as a "region" with a geo:admin2/ id."""
    return "admin2" if place_type == "region" and str(place_id or "").startswith("geo:admin2/") else place_type


def quote_in_sentence_html(ev: dict) -> str:
    """The sentence with the quote marked; the quote alone when the sentence does not contain it."""
    quote = ev.get("quote", "")
    sentence = ev.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        return f"<mark>{esc(quote)}</mark>"
    rel = ev.get("start", 0) - ev.get("sentence_start", 0) if isinstance(ev.get("sentence_start"), int) else -1
    if not (0 <= rel and sentence[rel:rel + len(quote)] == quote):
        rel = sentence.find(quote) if quote else -1
    if rel < 0:
        return f"{esc(sentence)} <mark>{esc(quote)}</mark>"
    return (f"{esc(sentence[:rel])}<mark>{esc(quote)}</mark>"
            f"{esc(sentence[rel + len(quote):])}")


def _document_html(doc_id: str, documents: dict, lang: str = "en") -> str:
    meta = documents.get(doc_id, {})
    title = meta.get("title") or doc_id
    curated = set(meta.get("curated_fields") or ())
    mark = f" ({t('curated', lang)})"  # an editor set it on the review page (geo/curate.py document rows)
    bits = [f"<b>{esc(title)}</b>" + (esc(mark) if "title" in curated and meta.get("title") else "")]
    for key in ("outlet", "published", "author"):
        if meta.get(key):
            bits.append(esc(meta[key]) + (esc(mark) if key in curated else ""))
    if not meta.get("published") and meta.get("reference_date"):
        # An undated document: say which date its relative dates were read against, and why.
        bits.append(esc(f"≈ {meta['reference_date']} ({meta.get('reference_basis') or 'inferred'})"))
    url = safe_url(meta.get("url"))
    if url:
        bits.append(f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>')
    return " · ".join(bits)


def details_html(row: pd.Series, documents: dict, lang: str) -> str:
    """The full details panel of one event."""
    def _list(items):
        return esc(", ".join(items)) if items else esc(t("none", lang))

    shown_title = reader_title(row["title"], row["event_type"], row["language"], lang,
                               place_name=row["place_name"], actors=row["actors"])
    parts = [
        f'<div class="geo-details" data-testid="geo-details" data-event-id="{esc(row["id"])}">',
        # the title once, in the reader's language; under the panel's h2 (axe: heading-order)
        f"<h3>{esc(shown_title)}</h3>",
        '<dl style="display:grid;grid-template-columns:max-content 1fr;gap:0.15em 1em;margin:0">',
        f"<dt>{esc(t('date', lang))}</dt><dd style='margin:0' data-testid='geo-date'>{_date_html(row, lang)}</dd>",
        f"<dt>{esc(t('place', lang))}</dt><dd style='margin:0'>{esc(place_words(row, lang))}</dd>",
        f"<dt>{esc(t('event_type', lang))}</dt><dd style='margin:0'>{esc(t('type_' + row['event_type'], lang))}</dd>",
        f"<dt>{esc(t('actors', lang))}</dt><dd style='margin:0'>{_list(row['actors'])}</dd>",
        f"<dt>{esc(t('cited_sources', lang))}</dt><dd style='margin:0'>{_list(row['cited_sources'])}</dd>",
        f"<dt>{esc(t('confidence', lang))}</dt><dd style='margin:0'>{row['confidence']:.2f} ({esc(row['method'])})</dd>",
        "</dl>",
        f"<p><b>{esc(t('evidence', lang))}</b></p><ul>",
    ]
    for ev in row["evidence"]:
        parts.append(f'<li><blockquote style="margin:0.2em 0">{quote_in_sentence_html(ev)}</blockquote>'
                     f"<small>{_document_html(ev.get('document', ''), documents, lang)}</small></li>")
    parts.append(f"</ul><p><b>{esc(t('documents', lang))}</b></p><ul>")
    for doc_id in row["documents"]:
        parts.append(f"<li>{_document_html(doc_id, documents, lang)}</li>")
    parts.append("</ul></div>")
    return "".join(parts)
