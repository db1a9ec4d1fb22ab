"""The scorer pairs gold events with predictions by a maximum matching (bench/score.py)."""
from bench.score import _greedy, _matching

PLACE = {"name": "X", "lat": 50.0, "lon": 8.0, "km": 25}


def _pred(spans, lon=8.0, kind="flood"):
    return {"_spans": spans, "point": [lon, 50.0], "date_start": None, "event_type": kind}


def _gold(headline=False, kind="flood"):
    return {"place": PLACE, "date": None, "headline": headline, "type": kind}


def test_a_prediction_covering_two_gold_events_leaves_the_other_its_only_match():
    """Prediction 0 quotes both gold events, prediction 1 only the first: greedy gave the first
    gold event prediction 0 and left the second unmatched; the matching pairs both."""
    gold, gspans = [_gold(), _gold()], [[(0, 10)], [(20, 30)]]
    preds = [_pred([(0, 10), (20, 30)]), _pred([(0, 10)])]
    assert _greedy(gold, preds, gspans) == {0: (0, True)}
    assert _matching(gold, preds, gspans) == {0: (1, True), 1: (0, True)}


def test_headline_events_keep_priority_and_strict_pairs_come_before_found_ones():
    gold, gspans = [_gold(), _gold(headline=True)], [[(0, 10)], [(0, 10)]]
    preds = [_pred([(0, 10)])]
    assert _matching(gold, preds, gspans) == {1: (0, True)}
    far = _pred([(0, 10)], lon=20.0)  # found, wrong place
    assert _matching(gold, [far, _pred([(0, 10)])], gspans) == {1: (1, True), 0: (0, False)}


def test_a_prediction_of_the_gold_type_is_preferred_among_equal_matches():
    gold, gspans = [_gold(kind="storm")], [[(0, 10)]]
    preds = [_pred([(0, 10)], kind="flood"), _pred([(0, 10)], kind="storm")]
    assert _matching(gold, preds, gspans) == {0: (1, True)}
    assert _greedy(gold, preds, gspans) == {0: (0, True)}


def test_the_type_confusion_table_counts_matched_pairs_by_gold_and_predicted_type():
    """bench/type_confusion.py: a storm predicted as a flood is one confusion (same family), a
    right type none; unmatched predictions are not counted."""
    from bench.type_confusion import families, pairs, table

    rows = [{"lang": "de", "doc": "a.md", "gold": [_gold(kind="storm"), _gold(kind="crash")],
             "preds": [_pred([(0, 10)], kind="flood"), _pred([(20, 30)], kind="crash"), _pred([(40, 50)])],
             "matched": {0: (0, True), 1: (1, False)}}]
    found = pairs(rows)
    assert [(x[1], x[2]) for x in found] == [("storm", "flood"), ("crash", "crash")]
    text = table(found, "all", families(), 1)
    assert "2 found, type right 1 (0.50), family right 2 (1.00)" in text
    assert "gold storm" in text and "got flood" in text and "(same family)" in text
    assert "gold crash" not in text
