"""German and English UI strings; one table so both languages stay complete."""
from __future__ import annotations

import numbers

from dashboard.dates import MONTHS
from geo.contract import TAXONOMY

LANGUAGES = ("en", "de")

_STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Events map and timeline", "de": "Ereignisse: Karte und Zeitleiste"},
    "story_title": {"en": "What {d} news reports say happened, where and when",
                    "de": "Was {d} Berichte melden: wo und wann es geschah"},
    "story_title_one": {"en": "What one news report says happened, where and when",
                        "de": "Was ein Bericht meldet: wo und wann es geschah"},
    "story_intro_one": {
        "en": "{n} events found in this report, each with its place, its date and the quotes that "
              "support it. Pick one on the map, on the timeline or in the lists to read the evidence.",
        "de": "{n} Ereignisse aus diesem Bericht, jedes mit Ort, Datum und den Zitaten, die es belegen. "
              "Wählen Sie eines auf der Karte, in der Zeitleiste oder in den Listen, um die Belege zu lesen.",
    },
    "story_intro": {
        "en": "{n} events found in these reports, each with its place, its date and the quotes that "
              "support it. Pick one on the map, on the timeline or in the lists to read the evidence.",
        "de": "{n} Ereignisse aus diesen Berichten, jedes mit Ort, Datum und den Zitaten, die es belegen. "
              "Wählen Sie eines auf der Karte, in der Zeitleiste oder in den Listen, um die Belege zu lesen.",
    },
    "sources": {"en": "Sources", "de": "Quellen"},
    "sources_unnamed": {"en": "{d} documents without a named outlet", "de": "{d} Dokumente ohne genanntes Medium"},
    "sources_unnamed_one": {"en": "one document without a named outlet", "de": "ein Dokument ohne genanntes Medium"},
    "as_of": {"en": "as of {date}", "de": "Stand: {date}"},
    "showing": {"en": "showing {n} of {m} events", "de": "zeige {n} von {m} Ereignissen"},
    "undated_count": {"en": "{n} undated", "de": "{n} ohne Datum"},
    "unlocated_count": {"en": "{n} unlocated", "de": "{n} ohne Ort"},
    "filters": {"en": "Filters", "de": "Filter"},
    "actor": {"en": "Actor", "de": "Akteur"},
    "document": {"en": "Document", "de": "Dokument"},
    "outlet": {"en": "Outlet", "de": "Medium"},
    "cited_source": {"en": "Cited source", "de": "Zitierte Quelle"},
    "event_type": {"en": "Event type", "de": "Ereignistyp"},
    "date_range": {"en": "Date range", "de": "Zeitraum"},
    "place_precision": {"en": "Place precision", "de": "Ortsgenauigkeit"},
    "min_confidence": {"en": "Minimum confidence", "de": "Mindestkonfidenz"},
    "search": {"en": "Search titles and quotes", "de": "Suche in Titeln und Zitaten"},
    "include_undated": {"en": "Include undated events", "de": "Ereignisse ohne Datum einbeziehen"},
    "active_filters": {"en": "Active filters", "de": "Aktive Filter"},
    "no_filters": {"en": "No filters active", "de": "Keine Filter aktiv"},
    "reset_filters": {"en": "Reset filters and selection", "de": "Filter und Auswahl zurücksetzen"},
    "time_window": {"en": "Time window", "de": "Zeitfenster"},
    "play": {"en": "▶ Play", "de": "▶ Abspielen"},
    "pause": {"en": "⏸ Pause", "de": "⏸ Anhalten"},
    "step": {"en": "Step »", "de": "Schritt »"},
    "clear_selection": {"en": "Clear selection", "de": "Auswahl aufheben"},
    "agg_cell": {"en": "{n} events", "de": "{n} Ereignisse"},
    "agg_note": {"en": "{n} events: counted per map cell and per time bin; filter or narrow the time window "
                       "below {k} to see single events",
                 "de": "{n} Ereignisse: gezählt je Kartenzelle und Zeitabschnitt; filtern oder das Zeitfenster "
                       "verkleinern (unter {k}), um einzelne Ereignisse zu sehen"},
    "table_capped": {"en": "table lists the first {k} of {n} events; the downloads hold all of them",
                     "de": "die Tabelle zeigt die ersten {k} von {n} Ereignissen; die Downloads enthalten alle"},
    "selection_active": {"en": "{n} events selected", "de": "{n} Ereignisse ausgewählt"},
    "lanes": {"en": "Timeline lanes", "de": "Zeilen der Zeitleiste"},
    "lanes_type": {"en": "by event type", "de": "nach Ereignistyp"},
    "lanes_actor": {"en": "by actor", "de": "nach Akteur"},
    "map": {"en": "Map", "de": "Karte"},
    "timeline": {"en": "Timeline", "de": "Zeitleiste"},
    "undated_list": {"en": "Undated events", "de": "Ereignisse ohne Datum"},
    "unlocated_list": {"en": "Events without a place", "de": "Ereignisse ohne Ort"},
    "list_capped": {"en": "the first {k} of {n}; filter to narrow the list",
                    "de": "die ersten {k} von {n}; filtern, um die Liste einzugrenzen"},
    "none": {"en": "none", "de": "keine"},
    "legend": {"en": "Event types", "de": "Ereignistypen"},
    "legend_shapes": {
        "en": "Dots are towns and sites; shaded shapes are regions, seas and countries. On the timeline "
              "a bar spans a period (a month, a season, a year) and a symbol marks the day or its middle. "
              "A black ring marks the event you picked.",
        "de": "Punkte sind Orte und Städte, Flächen Regionen, Meere und Länder. In der Zeitleiste reicht ein "
              "Balken über einen Zeitraum (Monat, Jahreszeit, Jahr), ein Symbol markiert den Tag oder die Mitte. "
              "Ein schwarzer Ring markiert das gewählte Ereignis.",
    },
    "table": {"en": "Events in view", "de": "Ereignisse in der Ansicht"},
    "download_csv": {"en": "Download CSV", "de": "CSV herunterladen"},
    "download_geojson": {"en": "Download GeoJSON", "de": "GeoJSON herunterladen"},
    "details": {"en": "Event details", "de": "Details zum Ereignis"},
    "close_details": {"en": "Close details", "de": "Details schließen"},
    "choose": {"en": "Choose options", "de": "Auswählen"},
    "details_hint": {
        "en": "Select an event on the map, in the table or on the timeline to see its evidence.",
        "de": "Wählen Sie ein Ereignis auf der Karte, in der Tabelle oder der Zeitleiste, um die Belege zu sehen.",
    },
    "date": {"en": "Date", "de": "Datum"},
    "place": {"en": "Place", "de": "Ort"},
    "actors": {"en": "Actors", "de": "Akteure"},
    "cited_sources": {"en": "Cited sources", "de": "Zitierte Quellen"},
    "evidence": {"en": "Evidence", "de": "Belege"},
    "documents": {"en": "Documents", "de": "Dokumente"},
    "confidence": {"en": "Confidence", "de": "Konfidenz"},
    "no_place": {"en": "place unknown", "de": "Ort unbekannt"},
    "no_date": {"en": "undated", "de": "ohne Datum"},
    "as_written": {"en": "as written", "de": "laut Text"},
    "not_written": {"en": "not in the text", "de": "nicht im Text"},
    "no_date_found": {"en": "no date could be worked out", "de": "kein Datum bestimmbar"},
    "no_outline": {
        "en": "No offline world outline found; the map shows events without country borders.",
        "de": "Kein Offline-Umriss der Welt gefunden; die Karte zeigt Ereignisse ohne Ländergrenzen.",
    },
    "contract_error": {
        "en": "The events file could not be read: {path} — field '{field}': {problem}",
        "de": "Die Ereignisdatei konnte nicht gelesen werden: {path} — Feld '{field}': {problem}",
    },
    "map_alt": {
        "en": "Map of {n} events; {areas} drawn as areas. The table below lists the same events.",
        "de": "Karte mit {n} Ereignissen, davon {areas} als Flächen. Die Tabelle unten listet dieselben Ereignisse.",
    },
    "ringed": {"en": " Ringed: {titles}.", "de": " Markiert: {titles}."},
    "timeline_alt": {
        "en": "Timeline of {n} dated events from {start} to {end}. The table below lists the same events.",
        "de": "Zeitleiste mit {n} datierten Ereignissen von {start} bis {end}. Die Tabelle unten listet dieselben Ereignisse.",
    },
    "no_actor": {"en": "(no actor)", "de": "(kein Akteur)"},
    "language": {"en": "Language", "de": "Sprache"},
    "col_title": {"en": "Title", "de": "Titel"},
    "col_date": {"en": "Date as written", "de": "Datum laut Text"},
    "col_start": {"en": "Start", "de": "Beginn"},
    "col_end": {"en": "End", "de": "Ende"},
    "col_type": {"en": "Type", "de": "Typ"},
    "col_place": {"en": "Place", "de": "Ort"},
    "col_actors": {"en": "Actors", "de": "Akteure"},
    # The editors' review page (dashboard/pages/review.py).
    "rv_title": {"en": "Review", "de": "Prüfen"},
    "rv_caption": {"en": "Corrections are saved to {file} and the events are rebuilt.",
                   "de": "Korrekturen werden in {file} gespeichert und die Ereignisse neu erzeugt."},
    "rv_events": {"en": "Events, least certain first", "de": "Ereignisse, die unsichersten zuerst"},
    "rv_documents": {"en": "Documents", "de": "Dokumente"},
    "rv_documents_help": {
        "en": "Correct a document's title, publication date, outlet or language. A publication date dates "
              "its relative expressions ('on Monday') when the events are rebuilt.",
        "de": "Titel, Erscheinungsdatum, Medium oder Sprache eines Dokuments korrigieren. Das Erscheinungsdatum "
              "datiert beim Neuerzeugen seine relativen Angaben („am Montag“).",
    },
    "rv_editor": {"en": "Editor (your name or initials)", "de": "Bearbeitet von (Name oder Kürzel)"},
    "rv_pending": {"en": "{n} change(s) pending", "de": "{n} Änderung(en) offen"},
    "rv_save": {"en": "Save and rebuild", "de": "Speichern und neu erzeugen"},
    "rv_save_document": {"en": "Save document and rebuild", "de": "Dokument speichern und neu erzeugen"},
    "rv_saved": {"en": "Saved {n} change(s).", "de": "{n} Änderung(en) gespeichert."},
    "rv_no_change": {"en": "Nothing changed.", "de": "Nichts geändert."},
    "rv_rebuild_failed": {"en": "Saved, but the rebuild failed.", "de": "Gespeichert, aber das Neuerzeugen ist fehlgeschlagen."},
    "rv_not_saved": {"en": "Not saved: a change breaks the rules for curation.",
                     "de": "Nicht gespeichert: eine Änderung verstößt gegen die Regeln der Kuratierung."},
    "rv_events_unreadable": {"en": "The events file cannot be read.", "de": "Die Ereignisdatei kann nicht gelesen werden."},
    "rv_curation_problems": {
        "en": "The curation file has problems; the loader refuses it until they are fixed.",
        "de": "Die Kuratierungsdatei hat Fehler; der Loader lehnt sie ab, bis sie behoben sind.",
    },
    "rv_published": {"en": "Publication date (YYYY-MM-DD)", "de": "Erscheinungsdatum (JJJJ-MM-TT)"},
    "rv_language": {"en": "Language code (de, en, …)", "de": "Sprachcode (de, en, …)"},
    "rv_reference": {"en": "Relative dates are read against {date} ({basis}).",
                     "de": "Relative Angaben gelten ab {date} ({basis})."},
    "rv_no_reference": {"en": "No reference date: relative dates stay undated.",
                        "de": "Kein Bezugsdatum: relative Angaben bleiben ohne Datum."},
    "rv_curated_fields": {"en": "Curated: {fields}", "de": "Kuratiert: {fields}"},
    "rv_doc_events": {"en": "Events from this document", "de": "Ereignisse aus diesem Dokument"},
    "rv_no_events": {"en": "No events from this document.", "de": "Keine Ereignisse aus diesem Dokument."},
    "rv_col_approve": {"en": "✓ approve", "de": "✓ bestätigen"},
    "rv_col_reject": {"en": "✗ reject", "de": "✗ verwerfen"},
    "rv_col_precision": {"en": "Date precision", "de": "Datumsgenauigkeit"},
    "rv_col_source_url": {"en": "Source URL", "de": "Quelle (URL)"},
    "rv_col_source_outlet": {"en": "Source outlet", "de": "Quelle (Medium)"},
    "rv_col_source_note": {"en": "Source note", "de": "Quellenhinweis"},
    "rv_col_quote": {"en": "Quote", "de": "Zitat"},
    "curated": {"en": "curated", "de": "kuratiert"},
    "published": {"en": "Published", "de": "Erschienen"},
    "ref_published": {"en": "publication date", "de": "Erscheinungsdatum"},
    "ref_url": {"en": "date in the address", "de": "Datum in der Adresse"},
    "ref_url month": {"en": "month in the address", "de": "Monat in der Adresse"},
    "ref_dateline": {"en": "dateline", "de": "Datumszeile"},
    "ref_weekday": {"en": "weekday and date in the text", "de": "Wochentag und Datum im Text"},
    "ref_latest date": {"en": "latest date in the text", "de": "spätestes Datum im Text"},
    # Vocabulary: date precision and basis, place types, event types.
    "prec_day": {"en": "day", "de": "Tag"},
    "prec_week": {"en": "week", "de": "Woche"},
    "prec_month": {"en": "month", "de": "Monat"},
    "prec_season": {"en": "season", "de": "Jahreszeit"},
    "prec_quarter": {"en": "quarter", "de": "Quartal"},
    "prec_year": {"en": "year", "de": "Jahr"},
    "prec_years": {"en": "several years", "de": "mehrere Jahre"},
    "prec_undated": {"en": "undated", "de": "ohne Datum"},
    "basis_explicit": {"en": "stated in the text", "de": "im Text genannt"},
    "basis_relative": {"en": "relative to the publication date", "de": "relativ zum Erscheinungsdatum"},
    "basis_inferred": {"en": "inferred", "de": "erschlossen"},
    "basis_curated": {"en": "set by an editor", "de": "von der Redaktion gesetzt"},
    "basis_none": {"en": "no date basis", "de": "keine Datumsgrundlage"},
    # An inherited date (the added `date_inherited`): where a sentence without a date took it from.
    "inherited_paragraph": {"en": "inferred from its paragraph", "de": "aus dem Absatz erschlossen"},
    "inherited_entry": {"en": "inferred from its entry's heading", "de": "aus der Überschrift des Eintrags erschlossen"},
    "inherited_flashback": {"en": "inferred from the time told before", "de": "aus der zuvor erzählten Zeit erschlossen"},
    "inherited_told_before": {"en": "inferred from the happening told before", "de": "aus dem zuvor berichteten Ereignis erschlossen"},
    "inherited_document": {"en": "inferred from the document's date", "de": "aus dem Datum des Dokuments erschlossen"},
    "place_site": {"en": "site", "de": "Ort (genau)"},
    "place_city": {"en": "city", "de": "Stadt"},
    "place_admin1": {"en": "region (admin 1)", "de": "Bundesland/Region"},
    # Not a contract place type: a "region" whose id starts "geo:admin2/" (see place_kind).
    "place_admin2": {"en": "county/district (admin 2)", "de": "Kreis/Bezirk"},
    "place_country": {"en": "country", "de": "Land"},
    "place_sea": {"en": "sea", "de": "Meer"},
    "place_region": {"en": "region", "de": "Großregion"},
    "place_border": {"en": "border", "de": "Grenze"},
    "place_unknown": {"en": "unknown", "de": "unbekannt"},
}
# Event-type and family labels come from the taxonomy, so a new type needs no UI change.
_STRINGS.update({f"type_{k}": {"en": v["en"], "de": v["de"]} for k, v in TAXONOMY["types"].items()})
_STRINGS.update({f"family_{k}": {"en": v["en"], "de": v["de"]} for k, v in TAXONOMY["families"].items()})


def number(n: int, lang: str = "en") -> str:
    """A count as a reader of `lang` writes it: "10,000" in English, "10.000" in German."""
    grouped = f"{int(n):,}"
    return grouped.replace(",", ".") if lang == "de" else grouped


def t(key: str, lang: str = "en", **kwargs) -> str:
    """Look up a UI string in `lang` (falling back to English, then the key itself); whole numbers
    among the values are grouped as the language writes them (`number`)."""
    entry = _STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    if not kwargs:
        return text
    return text.format(**{k: number(v, lang) if isinstance(v, numbers.Integral) and not isinstance(v, bool) else v
                          for k, v in kwargs.items()})


def all_keys() -> list[str]:
    """Every string key, for the completeness test."""
    return list(_STRINGS)


def has_both(key: str) -> bool:
    """Whether a key is translated into every UI language."""
    return all(lang in _STRINGS[key] for lang in LANGUAGES)


# Words Streamlit 1.67, plotly and deck.gl write into the page themselves, in English whatever
# the reader's language (placeholders, button labels, tooltips); dashboard/widget_words.py
# rewrites them in the page. Whole texts, or a prefix ending in ", " or ": " / a suffix
# starting with " " that is replaced where it stands.
WIDGET_WORDS: dict[str, dict[str, str]] = {
    "de": {
        "No results": "Keine Treffer",
        "No options to select": "Keine Optionen",
        "Press Enter to apply": "Mit Enter übernehmen",
        "Press Enter to submit form": "Mit Enter absenden",
        "Open": "Öffnen",
        "Clear all": "Alle entfernen",
        "Choose date range": "Zeitraum wählen",
        "Choose date range, ": "Zeitraum wählen, ",  # the calendar's heading for screen readers
        "Choose date": "Datum wählen",
        "Choose date, ": "Datum wählen, ",
        "Choose a date": "Datum wählen",
        "Previous month": "Vorheriger Monat",
        "Next month": "Nächster Monat",
        "Clear date": "Datum löschen",
        "Clear dates": "Zeitraum löschen",
        # the calendar's quick select
        "Past Week": "Letzte 7 Tage",
        "Past Month": "Letzter Monat",
        "Past 3 Months": "Letzte 3 Monate",
        "Past 6 Months": "Letzte 6 Monate",
        "Past Year": "Letztes Jahr",
        "Past 2 Years": "Letzte 2 Jahre",
        # the date field's descriptions for screen readers (Streamlit fixes the field's locale to
        # en-US; its month names are rewritten through WIDGET_MONTHS)
        "Selected Date: ": "Ausgewähltes Datum: ",
        "Selected Range: ": "Ausgewählter Zeitraum: ",
        # the date field's calendar (its month and weekday names follow the page's locale)
        "Date range": "Zeitraum",
        "Select...": "Auswählen …",
        "Quick select a date range": "Zeitraum schnell wählen",
        "Use arrow keys to navigate dates. Enter to select. Escape to close.":
            "Mit den Pfeiltasten durch die Tage, Enter wählt, Escape schließt.",
        " start date": " (Beginn)",
        " end date": " (Ende)",
        " — start": " — Beginn",
        " — end": " — Ende",
        "year, ": "Jahr, ",
        "month, ": "Monat, ",
        "day, ": "Tag, ",
        "Fullscreen": "Vollbild",
        "Fullscreen: ": "Vollbild: ",
        "Close fullscreen": "Vollbild schließen",
        "Map": "Karte",
        "Toggle attribution": "Quellenangaben zeigen/verbergen",
        "Zoom In": "Vergrößern",
        "Zoom Out": "Verkleinern",
        "Link to heading": "Link zu dieser Überschrift",
        "Zoom": "Zoomen",
        "Pan": "Verschieben",
        "Box Select": "Rechteck-Auswahl",
        "Lasso Select": "Lasso-Auswahl",
        "Zoom in": "Vergrößern",
        "Zoom out": "Verkleinern",
        "Reset axes": "Achsen zurücksetzen",
        "Show/hide columns: ": "Spalten zeigen/verbergen: ",
        "Download as CSV: ": "Als CSV herunterladen: ",
        "Search: ": "Suchen: ",
        "Collapse sidebar": "Seitenleiste einklappen",
        "Expand sidebar": "Seitenleiste ausklappen",
        "App pages": "Seiten",
        "Sidebar": "Seitenleiste",
    },
}

# English month names in the date field's own words ("01 – January", "Selected Date: January 01,
# 2021"), which Streamlit 1.67 writes in en-US whatever the page's language; a "Month DD, YYYY"
# date becomes "D. Monat YYYY".
WIDGET_MONTHS: dict[str, dict[str, str]] = {"de": dict(zip(MONTHS["en"], MONTHS["de"]))}
