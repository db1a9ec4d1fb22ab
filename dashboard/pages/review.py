"""Review page: editors work through events, least certain first, correct documents' metadata,
and save corrections; German or English like the main page (`?lang=de`, sidebar switch)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # `streamlit run` only adds the script's folder

import streamlit as st  # noqa: E402

from dashboard import a11y, widget_words  # noqa: E402
from dashboard.data import default_language  # noqa: E402
from dashboard.i18n import LANGUAGES, t  # noqa: E402
from dashboard.review import (column_options, curation_problem, document_events, document_rows,  # noqa: E402
                              document_values, edits_to_rows, review_table, save_and_rebuild)
from geo.contract import ContractError, read_events  # noqa: E402
from geo.curate import CurationError  # noqa: E402

EVENTS = Path(os.environ.get("GEO_EVENTS", ROOT / "data" / "events.geojson"))
CURATION = Path(os.environ.get("GEO_CURATION", EVENTS.with_name("curation.csv")))
# The documents a save rebuilds from (os.pathsep-separated; default seeds/).
INPUTS = [p for p in os.environ.get("GEO_INPUTS", "").split(os.pathsep) if p] or None


def show_message(box, headline: str, detail: str) -> None:
    """Loader and curation messages quote documents and editors' cells: the detail is shown
    as text, never as Markdown or HTML (an image link in a cell must not load)."""
    box(headline)  # st.error or st.success, with a fixed headline only
    if detail:
        st.text(detail)


def save(rows: list[dict]) -> None:
    """Save, rebuild, and keep the outcome for the rerun that shows the rebuilt events."""
    try:
        proc = save_and_rebuild(rows, curation_path=CURATION, events_path=EVENTS, inputs=INPUTS)
    except CurationError as exc:  # nothing written: the editor's pending changes stay in the table
        st.session_state["rv_message"] = ("error", "rv_not_saved", {}, str(exc))
        st.rerun()
    st.cache_data.clear()
    if proc.returncode in (0, 1):
        st.session_state["rv_message"] = ("success", "rv_saved", {"n": len(rows)}, proc.stdout.strip())
        # The table's edits are kept by row position: after the rebuild they would land on other rows.
        st.session_state.pop("review_table", None)
    else:
        st.session_state["rv_message"] = ("error", "rv_rebuild_failed", {}, proc.stderr.strip())
    st.rerun()


wanted = st.query_params.get("lang")
st.session_state.setdefault("lang", wanted if wanted in LANGUAGES else default_language())
lang = st.session_state["lang"]
st.set_page_config(page_title=t("rv_title", lang), page_icon="🗺️", layout="wide")
a11y.page_style()  # not the dashboard's phone layout: its h1 would be smaller than the h2s
widget_words.render(lang)  # Streamlit's own words in German too
st.sidebar.radio("Sprache / Language", ["de", "en"], key="lang", horizontal=True,
                 format_func={"de": "Deutsch", "en": "English"}.get)
st.title(t("rv_title", lang))
st.caption(t("rv_caption", lang, file=CURATION.name))
if "rv_message" in st.session_state:
    kind, key, args, detail = st.session_state.pop("rv_message")
    show_message(st.success if kind == "success" else st.error, t(key, lang, **args), detail)
try:
    col = read_events(EVENTS).model_dump(mode="json")
except ContractError as exc:
    show_message(st.error, t("rv_events_unreadable", lang), str(exc))
    st.stop()
problem = curation_problem(CURATION)
if problem:
    show_message(st.error, t("rv_curation_problems", lang), problem)
editor = st.text_input(t("rv_editor", lang), key="editor")

st.header(t("rv_events", lang))
original = review_table(col["features"])
opts = column_options()
edited = st.data_editor(
    original,
    key="review_table",
    hide_index=True,
    width="stretch",
    disabled=["id", "confidence", "quote"],
    column_config={
        "approve": st.column_config.CheckboxColumn(t("rv_col_approve", lang)),
        "reject": st.column_config.CheckboxColumn(t("rv_col_reject", lang)),
        "title": st.column_config.TextColumn(t("col_title", lang)),
        "event_type": st.column_config.SelectboxColumn(t("col_type", lang), options=opts["event_type"]),
        "date_start": st.column_config.TextColumn(t("col_start", lang)),
        "date_end": st.column_config.TextColumn(t("col_end", lang)),
        "date_precision": st.column_config.SelectboxColumn(t("rv_col_precision", lang), options=opts["date_precision"]),
        "place_name": st.column_config.TextColumn(t("col_place", lang)),
        "place_type": st.column_config.SelectboxColumn(t("place_precision", lang), options=opts["place_type"]),
        "actors": st.column_config.TextColumn(t("col_actors", lang)),
        "confidence": st.column_config.ProgressColumn(t("confidence", lang), min_value=0.0, max_value=1.0, format="%.2f"),
        "source_url": st.column_config.LinkColumn(t("rv_col_source_url", lang), validate=r"^https?://"),
        "source_outlet": st.column_config.TextColumn(t("rv_col_source_outlet", lang)),
        "source_note": st.column_config.TextColumn(t("rv_col_source_note", lang)),
        "quote": st.column_config.TextColumn(t("rv_col_quote", lang)),
    },
)
rows = edits_to_rows(original, edited, editor=editor)
st.write(t("rv_pending", lang, n=len(rows)))
if st.button(t("rv_save", lang), type="primary", disabled=not rows):
    save(rows)

st.header(t("rv_documents", lang))
st.caption(t("rv_documents_help", lang))
documents = {str(d["id"]): d for d in col["generated_from"] if d.get("id") is not None}
if documents:
    doc_id = st.selectbox(t("document", lang), list(documents), key="rv_document",
                          format_func=lambda d: f"{documents[d].get('title') or d} ({d})")
    entry = documents[doc_id]
    curated = entry.get("curated_fields") or []
    if entry.get("reference_date"):
        st.write(t("rv_reference", lang, date=entry["reference_date"],
                   basis=t("ref_" + str(entry.get("reference_basis")), lang)))
    else:
        st.write(t("rv_no_reference", lang))
    if curated:
        labels = {"title": t("col_title", lang), "published": t("published", lang), "outlet": t("outlet", lang),
                  "language": t("language", lang)}
        st.write(t("rv_curated_fields", lang, fields=", ".join(labels.get(f, f) for f in curated)))
    values = document_values(entry)
    with st.form(key=f"rv_doc_form_{doc_id}"):
        new = {
            "title": st.text_input(t("col_title", lang), value=values["title"]),
            "published": st.text_input(t("rv_published", lang), value=values["published"], max_chars=10),
            "outlet": st.text_input(t("outlet", lang), value=values["outlet"]),
            "language": st.text_input(t("rv_language", lang), value=values["language"], max_chars=3),
        }
        submitted = st.form_submit_button(t("rv_save_document", lang), type="primary")
    if submitted:
        doc_rows = document_rows(entry, new, editor=editor)
        if doc_rows:
            save(doc_rows)
        else:
            st.info(t("rv_no_change", lang))
    st.subheader(t("rv_doc_events", lang))
    listed = document_events(col["features"], doc_id)
    st.text("\n".join(f"{day or t('no_date', lang)} · {title}" for title, day in listed) or t("rv_no_events", lang))
