"""Reader-facing Streamlit dashboard for the events the loader writes."""
