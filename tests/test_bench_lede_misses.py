"""Why gold events are not found (bench/lede_misses.py): one class per unmatched event; never held-out."""
import json

import pytest

from bench.lede_misses import classify, main

_NEWS = """---
title: Bericht
language: de
---
Am Montag brannte in Musterdorf eine Scheune. Eine Rauchsäule erhellte den Himmel. „Das Feuer war riesig.“ Die Polizei plant eine Razzia.
"""
_GOLD = """events:
  - {quotes: ["Am Montag brannte in Musterdorf eine Scheune."], type: fire, headline: true}
  - {quotes: ["Eine Rauchsäule erhellte den Himmel."], type: fire, headline: true}
  - {quotes: ["Das Feuer war riesig"], type: fire, headline: true}
  - {quotes: ["Die Polizei plant eine Razzia."], type: raid_arrest, headline: true}
  - {quotes: ["Ein Satz, den der Text nicht hat."], type: other, headline: false}
"""


def _corpus(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "news" / "de_x.md").write_text(_NEWS, encoding="utf-8")
    (tmp_path / "gold" / "de_x.yaml").write_text(_GOLD, encoding="utf-8")
    return tmp_path


def test_each_unmatched_gold_event_gets_the_class_its_sentence_gives():
    # the loader predicted nothing: the trigger's sentence is "asserted, no event", the quoted one "quoted"
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as d:
        rows = classify(_corpus(Path(d)), [], every=True)
    assert [r[1] for r in rows] == ["asserted, no event", "no trigger", "quoted", "not asserted:hypothetical", "unread"]
    # headline events only by default: the unread one is not
    with tempfile.TemporaryDirectory() as d:
        assert len(classify(_corpus(Path(d)), [])) == 4


def test_a_prediction_over_the_sentence_that_another_gold_event_took_is_taken(tmp_path):
    body = _NEWS.split("---\n", 2)[2]
    start = body.index("Am Montag")
    pred = {"event_type": "fire", "documents": ["de_x.md"], "evidence": [{"document": "de_x.md", "start": start, "end": start + len("Am Montag brannte in Musterdorf eine Scheune.")}]}
    events = [dict(pred)]
    rows = classify(_corpus(tmp_path), events)
    assert not rows[0][1].startswith("taken")  # the one gold event it overlaps got it
    gold = (tmp_path / "gold" / "de_x.yaml")
    gold.write_text(_GOLD.replace('["Eine Rauchsäule', '["Am Montag brannte", "Eine Rauchsäule'), encoding="utf-8")
    assert [r[1] for r in classify(tmp_path, [dict(pred)])][0] == "taken:same sentence"


def test_it_refuses_the_held_out_corpus(tmp_path):
    events = tmp_path / "e.geojson"
    events.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(SystemExit):
        main(["--corpus", "tests/corpus_holdout", "--events", str(events)])
