"""Segment: sentences with offsets; appeals and reader comments are not the reporting."""
import pytest

from geo.segment import segment


def test_offsets_point_at_the_sentence_text():
    text = "Erster Satz. Zweiter Satz!\n\n- Ein Listenpunkt: „Zitat.“\nDritter Satz?"
    for s in segment(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    "text, count",
    [
        ("Das Memo vom 7. April 2025 liegt vor. Es ist geheim.", 2),  # German ordinal is no full stop
        ("Laut Dr. Müller kam es z.B. zu Festnahmen. Danach nicht mehr.", 2),
        ("The U.S. Army said so. Gen. Smith agreed.", 2),
        ("Er sagte: „Es ist nicht die Frage, ob – sondern wann.“ Wenige Stunden zuvor war er dort.", 2),
        ("J. Smith arrived on Monday. He left.", 2),
        ("Brigade commander Brig. Gen. Noel Vestuir said so. Troops left.", 2),  # ranks before a name
        ("Capt. Ray Wilson and Supt. Matt Srhoj spoke. Det. Insp. Jones agreed.", 2),
        ("West Fraser Timber Co. Ltd. announced the closure. Workers left.", 2),  # a company's name
        ("Die Müller GmbH & Co. KG schließt das Werk. Die Belegschaft protestiert.", 2),
    ],
)
def test_sentences_do_not_split_at_ordinals_abbreviations_or_initials(text, count):
    assert len(segment(text)) == count


def test_list_items_are_marked_and_lose_their_bullet():
    text = "Einleitung.\n- Erster Punkt.\n- Zweiter Punkt."
    items = [s for s in segment(text) if s.is_list_item]
    assert [s.text for s in items] == ["Erster Punkt.", "Zweiter Punkt."]


def test_hard_wrapped_paragraph_lines_are_joined():
    text = "The troops arrived in the\ncapital on Monday and left\non Tuesday after talks.\n\nNext paragraph here."
    sents = segment(text)
    assert sents[0].text.startswith("The troops") and sents[0].text.endswith("talks.")
    assert sents[0].paragraph != sents[1].paragraph


def test_a_donation_appeal_and_the_comments_after_it_are_not_the_article():
    body = "\n".join(f"Absatz {i} berichtet über die Lage in der Stadt." for i in range(6))
    text = body + "\nUnterstützen Sie unabhängigen Journalismus mit Ihrer Spende.\nDas ist ein Leserkommentar.\nNoch einer."
    sections = [s.section for s in segment(text)]
    assert sections[:6] == ["body"] * 6
    assert sections[6] == "appeal"
    assert sections[7:] == ["comments", "comments"]


def test_an_english_comments_heading_starts_the_comments():
    text = "Troops arrived on Monday.\nThey left on Tuesday.\nComments\nGreat article!"
    assert [s.section for s in segment(text)][-1] == "comments"


def test_an_article_without_appeal_is_all_body():
    text = "Die Truppen kamen an. Sie blieben zwei Tage.\nDanach zogen sie ab."
    assert {s.section for s in segment(text)} == {"body"}


def test_a_live_blog_time_stamp_ending_in_a_colon_is_a_heading():
    text = "Update, August 26, 2:45 p.m.:\n\nThe death toll rose.\n\nDas Wichtigste in Kürze:\n\nZüge fallen aus."
    sections = {s.text: s.section for s in segment(text)}
    assert sections["Update, August 26, 2:45 p.m.:"] == "heading"
    assert sections["Das Wichtigste in Kürze:"] == "body"  # no time stamp: a lead-in, not an entry


def test_a_live_blog_entry_title_over_its_time_line_is_one_heading():
    text = ("High turnouts across London\npublished at 00:47 Greenwich Mean Time 13 December 2019\n\n"
            "BBC correspondents report a higher turnout than usual.")
    first = segment(text)[0]
    assert first.section == "heading" and "13 December 2019" in first.text
    prose = "A long paragraph that was hard-wrapped by its source\nand goes on in a second line and then a third line\nhere"
    assert all(s.section == "body" for s in segment(prose))  # three wrapped lines: prose, not a heading


def test_word_before_a_dot_is_what_the_end_anchored_search_finds():
    """`_word_before` reads backwards from the dot: the word `([\\w.]+)$` finds before it, also
    after a newline (which `$` skips), with Unicode digits and marks, and longer than its window."""
    import random

    from geo.segment import _WORD_END, _word_before

    rng = random.Random(7)
    alphabet = "ab.Z_9 \n,-äß²Ⅻ\u0301x"
    for _ in range(1500):
        block = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.2:
            block = "x" * rng.randint(60, 140) + block
        for dot in range(len(block) + 1):
            word = _WORD_END.search(block, 0, dot)
            assert _word_before(block, dot) == (word.group(1) if word else ""), (block, dot)
