"""Property tests: arbitrary text never crashes a stage, and offsets always hold."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.ingest import detect_language
from geo.segment import segment

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
    assert detect_language(text) in ("de", "en", "es", "und")
