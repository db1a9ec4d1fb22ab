"""bench.joins: the classes of within-document joins by the gold events their sides overlap."""
import datetime as dt

import pytest

from bench.joins import (DIFFERENT, INTO_NON_GOLD, NO_GOLD, ONE, SAME_TYPE, STATEMENT, join_class, main,
                         watched_joins)
from geo.pipeline import Resources, process_document
from geo.records import Document


@pytest.mark.parametrize("earlier, later, expected", [
    ({0}, {0}, ONE),
    ({0}, {0, 1}, ONE),
    ({0}, set(), NO_GOLD),
    (set(), {1}, INTO_NON_GOLD),
    ({0}, {1}, SAME_TYPE),         # two protests
    ({0}, {2}, STATEMENT),         # a protest and a statement on it
    ({0}, {3}, DIFFERENT),         # a protest and an arrest
])
def test_a_join_is_classed_by_the_gold_events_its_sides_overlap(earlier, later, expected):
    assert join_class(earlier, later, ["protest", "protest", "statement", "raid_arrest"]) == expected


def test_the_within_document_joins_are_watched_and_the_merge_restored():
    import geo.merge as merge

    combine = merge._combine
    text = "Am Montag brannte in Kiel eine Lagerhalle.\n\nDas Feuer zerstörte die Halle vollständig."
    doc = Document(id="t.md", path="t.md", text=text, language="de", published=dt.date(2025, 3, 12))
    with watched_joins([]) as joins:
        events = process_document(doc, resources=Resources.load())
    assert len(events) == 1 and len(joins) == 1
    assert joins[0][1].evidence[0].quote.startswith("Das Feuer")
    assert merge._combine is combine


def test_the_held_out_corpus_is_refused(tmp_path, capsys):
    assert main(["--corpus", str(tmp_path / "corpus_holdout")]) == 2
    assert "development corpus only" in capsys.readouterr().err
