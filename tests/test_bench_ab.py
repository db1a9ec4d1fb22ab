"""The A/B verdict every loader change is judged by (bench/ab.py): counts, held-out drops, seed view."""
from bench.ab import counts, drops, seed_view


def _row(lang, gold, matched, preds=2):
    return {"lang": lang, "gold": gold, "preds": [{}] * preds, "matched": matched}


def test_counts_split_strict_headline_and_found_per_language_and_in_all():
    rows = [_row("de", [{"headline": True}, {}], {0: (0, True), 1: (1, False)}),
            _row("en", [{"headline": True}], {0: (0, False)}, preds=1)]
    c = counts(rows)
    assert dict(c["de"]) == {"pred": 2, "gold": 2, "hgold": 1, "matched": 2, "strict": 1, "hstrict": 1}
    assert c["en"]["hstrict"] == 0 and c["en"]["matched"] == 1
    assert c["all"]["gold"] == 3 and c["all"]["hstrict"] == 1 and c["all"]["pred"] == 3


def test_a_held_out_fall_of_a_hundredth_is_a_drop_and_less_is_not():
    base = {"all": {"headline_recall": 0.67, "recall": 0.54, "precision": 0.51, "type_right": 0.61}}
    assert drops(base, {"all": {"headline_recall": 0.66, "recall": 0.54, "precision": 0.52, "type_right": 0.61}}) \
        == ["all headline_recall 0.67 -> 0.66"]
    assert drops(base, {"all": {"headline_recall": 0.67, "recall": 0.54, "precision": 0.51, "type_right": 0.5}}) == []


def test_the_seed_view_is_what_a_reader_sees_and_ignores_order_and_ids():
    a = [{"event_type": "deployment", "title": "T", "id": "1"}, {"event_type": "attack", "title": "U", "id": "2"}]
    b = [{"event_type": "attack", "title": "U", "id": "9"}, {"event_type": "deployment", "title": "T", "id": "8"}]
    assert seed_view(a) == seed_view(b)
    assert seed_view(a) != seed_view([{**a[0], "title": "T2"}, a[1]])
