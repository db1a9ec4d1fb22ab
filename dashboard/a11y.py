"""Styling that keeps the dashboard and the review page readable for everyone: WCAG 2.1 AA as
axe-core checks it in chromium (tests/browser/test_accessibility.py).

Streamlit 1.67 draws captions in the text colour at opacity 0.6: #828180 on white, a contrast
of 3.88:1 where small text needs 4.5:1 (axe: color-contrast, serious). Captions here carry
content (the event count, the review page's instructions), so they get opacity 0.8: about
7:1 on white, still lighter than body text, and as readable in the dark theme, since only
the opacity changes, not the colour.
"""
from __future__ import annotations

import streamlit as st

_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 0.8; }
</style>"""


def page_style() -> None:
    """Readable captions in whatever theme the reader uses."""
    st.html(_CSS)
