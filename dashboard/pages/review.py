"""Review page: editors work through events, least certain first, and save corrections."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # `streamlit run` only adds the script's folder

import streamlit as st  # noqa: E402

from dashboard.review import column_options, curation_problem, edits_to_rows, review_table, save_and_rebuild  # noqa: E402
from geo.contract import ContractError, read_events  # noqa: E402
from geo.curate import CurationError  # noqa: E402

EVENTS = Path(os.environ.get("GEO_EVENTS", ROOT / "data" / "events.geojson"))
CURATION = Path(os.environ.get("GEO_CURATION", EVENTS.with_name("curation.csv")))


def show_message(box, headline: str, detail: str) -> None:
    """Loader and curation messages quote documents and editors' cells: the detail is shown
    as text, never as Markdown or HTML (an image link in a cell must not load)."""
    box(headline)  # st.error or st.success, with a fixed headline only
    if detail:
        st.text(detail)


st.title("Review / Prüfen")
st.caption(f"Corrections are saved to `{CURATION.name}` and the events are rebuilt. Least certain events first.")
try:
    col = read_events(EVENTS).model_dump(mode="json")
except ContractError as exc:
    show_message(st.error, "The events file cannot be read.", str(exc))
    st.stop()
problem = curation_problem(CURATION)
if problem:
    show_message(st.error, "The curation file has problems; the loader refuses it until they are fixed.", problem)

original = review_table(col["features"])
opts = column_options()
editor = st.text_input("Editor (your name or initials)", key="editor")
edited = st.data_editor(
    original,
    key="review_table",
    hide_index=True,
    width="stretch",
    disabled=["id", "confidence", "quote"],
    column_config={
        "approve": st.column_config.CheckboxColumn("✓ approve"),
        "reject": st.column_config.CheckboxColumn("✗ reject"),
        "event_type": st.column_config.SelectboxColumn("event_type", options=opts["event_type"]),
        "date_precision": st.column_config.SelectboxColumn("date_precision", options=opts["date_precision"]),
        "place_type": st.column_config.SelectboxColumn("place_type", options=opts["place_type"]),
        "confidence": st.column_config.ProgressColumn("confidence", min_value=0.0, max_value=1.0, format="%.2f"),
        "source_url": st.column_config.LinkColumn("source_url", validate=r"^https?://"),
    },
)
rows = edits_to_rows(original, edited, editor=editor)
st.write(f"{len(rows)} change(s) pending")
if st.button("Save and rebuild", type="primary", disabled=not rows):
    try:
        proc = save_and_rebuild(rows, curation_path=CURATION, events_path=EVENTS)
    except CurationError as exc:
        show_message(st.error, "Not saved: a change breaks the rules for curation.", str(exc))
        st.stop()
    st.cache_data.clear()
    if proc.returncode in (0, 1):
        show_message(st.success, f"Saved {len(rows)} change(s).", proc.stdout.strip())
    else:
        show_message(st.error, "Saved, but the rebuild failed.", proc.stderr.strip())
