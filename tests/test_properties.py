"""Property tests: arbitrary text never crashes a stage, and offsets always hold."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.contract import validate_collection
from geo.ingest import detect_language
from geo.pipeline import Resources, process_document
from geo.records import Document
from geo.segment import segment
from geo.when import tag_dates
from geo.where import find_places
from geo.write import build_collection, document_entry, to_feature

# Text with the characters that matter to the stages: letters, umlauts, digits, punctuation,
# quotes, newlines and list marks.
_pieces = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüßÄÖÜ0123456789 .,;:!?-–„“\"'()\n\t…/")
_pieces += ["März", "2025", "Herbst", "im ", " bis ", "7. April", "- ", "Puerto Rico", "Venezuelas", "ICE-Memo", "sagte "]
news_text = st.lists(st.sampled_from(_pieces), max_size=120).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(news_text)
def test_sentences_always_quote_the_text_they_point_at(text):
    prev_end = 0
    for s in segment(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start >= prev_end
        prev_end = s.end


@SETTINGS
@given(st.text(max_size=300))
def test_language_detection_never_crashes(text):
    assert detect_language(text) in ("de", "en", "es", "fr", "nl", "it", "pt", "und")


# ---- dates, places and the whole per-document pipeline ---------------------------------------

_date_pieces = ["am ", "im ", "seit ", "bis ", "vom ", "zum ", "on ", "in ", "since ", "between ", " and ", "und ",
                "3.", "31.", "0.", "29.", "12.", " ", ". ", ", ", "-", "–", "/", "2023", "2025", "1999", "20250", "0000", "9999",
                "Februar", "März", "Dezember", "February", "May", "Herbst", "Frühjahr", "spring", "Q3", "drittes Quartal",
                "Anfang", "Ende", "Mitte", "early", "late", "letzten Monat", "vor zwei Wochen", "last week", "gestern",
                "yesterday", "Montag", "Monday", "Jahren", "years", "2025-02-31", "2024-02-29", "13/45/2025", "1.1.", "’"]
date_text = st.lists(st.sampled_from(_date_pieces), max_size=25).map("".join)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(date_text, published, st.sampled_from(["de", "en", "es", "und"]), st.booleans())
def test_date_mentions_quote_their_text_and_are_ordered_intervals(text, ref, language, inferred):
    prev_end = 0
    for m in tag_dates(text, published=ref, language=language, reference_is_inferred=inferred):
        assert text[m.start:m.end] == m.text and m.start >= prev_end
        prev_end = m.end
        assert m.interval.start <= m.interval.end
        assert m.interval.precision in ("day", "week", "month", "season", "quarter", "year", "years")
        assert m.interval.basis in ("explicit", "relative", "inferred")


@pytest.fixture(scope="module")
def resources():
    return Resources.load()  # the real gazetteer and actor registry, once for this module


_place_pieces = _pieces + ["Göttingen", "Köln", "Paris", "Texas", "Karibik", "Karibisches Meer", "Puerto", "Rico",
                           "New York", "Washington", "Tren de Aragua", "in ", "nach ", "aus ", "US-", "Venezuela"]
place_text = st.lists(st.sampled_from(_place_pieces), max_size=60).map("".join)


@FAST
@given(text=place_text, language=st.sampled_from(["de", "en", "es"]))
def test_place_mentions_quote_their_text_and_have_coordinates_on_earth(resources, text, language):
    prev_end = 0
    for m in find_places(text, gazetteer=resources.gazetteer, language=language):
        assert text[m.start:m.end] == m.text and m.start >= prev_end
        prev_end = m.end
        assert -90 <= m.place.lat <= 90 and -180 <= m.place.lon <= 180
        assert 0 <= m.score <= 1


_doc_pieces = _place_pieces + _date_pieces + ["festgenommen", "Razzia", "besuchte", "sagte ", "Sanktionen", "Pete Hegseth",
                                              "Marines", "Truppen", "Luftangriff", "arrested", "deployed", ". ", "\n\n", "„", "“"]
# News-like pieces, and any Unicode at all (characters that change length when lower-cased,
# combining marks, surrogates-free astral symbols) mixed in.
doc_text = st.lists(st.one_of(st.sampled_from(_doc_pieces), st.text(max_size=8)), min_size=1, max_size=80).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=doc_text, ref=published, language=st.sampled_from(["de", "en", "und"]))
def test_any_text_becomes_events_that_keep_the_contract(resources, text, ref, language):
    doc = Document(id="doc.txt", path="doc.txt", text=text, language=language, published=ref)
    events = process_document(doc, resources=resources)
    features = [to_feature(e) for e in events]
    col = build_collection(features, [document_entry(doc)])
    validate_collection(col, source="<property>")  # every feature, not only the top level
    for f in features:
        p = f["properties"]
        for ev in p["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
        if p["date_start"] is not None:
            assert p["date_start"] <= p["date_end"]
        if f["geometry"]:
            lon, lat = f["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert 0 <= p["confidence"] <= 1
