"""Ingest: files and folders into documents; bad input gets a clear, named error."""
import datetime as dt

import pytest

from geo.ingest import IngestError, detect_language, discover, read_document


def test_front_matter_is_metadata_and_not_text(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: Ein Titel\npublished: 2025-04-08\noutlet: Beispiel\n---\nDer Text beginnt hier.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "Ein Titel" and doc.published == dt.date(2025, 4, 8) and doc.outlet == "Beispiel"
    assert doc.text.startswith("Der Text beginnt hier.")


def test_a_sidecar_wins_over_front_matter(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("---\ntitle: Alt\n---\nText.\n", encoding="utf-8")
    (tmp_path / "b.meta.yaml").write_text("title: Neu\nlanguage: de\n", encoding="utf-8")
    assert read_document(p).title == "Neu"


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("latin-1", "Die Straße in München wurde gesperrt, sagte der Sprecher."),
        ("cp1252", "„Die Straße“ – sagte der Sprecher in München."),
        ("utf-16", "Die Straße in München wurde gesperrt."),
        ("utf-8-sig", "Die Straße in München wurde gesperrt."),
    ],
)
def test_legacy_and_bom_encodings_are_decoded(tmp_path, encoding, text):
    p = tmp_path / "c.txt"
    p.write_bytes(text.encode(encoding))
    assert read_document(p).text.strip() == text


def test_crlf_line_ends_become_newlines(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes(b"Erste Zeile.\r\nZweite Zeile.\r\n")
    assert "\r" not in read_document(p).text


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"---\ntitle: [unclosed\n---\nText.", "front matter"),
        (b"---\npublished: gestern\n---\nText.", "published"),
    ],
)
def test_bad_files_get_a_clear_error_naming_the_file(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(IngestError) as exc:
        read_document(p)
    assert "bad.txt" in str(exc.value) and problem in str(exc.value)


def test_html_loses_scripts_styles_navigation_and_entities(tmp_path):
    p = tmp_path / "e.html"
    p.write_text(
        "<html lang='en'><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head>"
        "<body><nav>Home | World</nav><!-- comment --><article><p>Troops arrived &amp; left.</p>"
        "<div class='share-buttons'>Share on X</div><p>Second paragraph.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(p)
    assert "Troops arrived & left." in doc.text and "Second paragraph." in doc.text
    for junk in ("alert", "color:red", "Home | World", "Share on X", "comment"):
        assert junk not in doc.text
    assert doc.title == "T" and doc.language == "en"


def test_duplicate_names_in_two_folders_are_an_error(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Text.", encoding="utf-8")
    paths, problems = discover([tmp_path])
    assert paths == [] and "duplicate document name 'same.txt'" in str(problems[0])


def test_a_folder_without_documents_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    paths, problems = discover([tmp_path / "empty"])
    assert paths == [] and "no documents" in str(problems[0])


def test_unreadable_file_is_reported(tmp_path):
    import os

    p = tmp_path / "locked.txt"
    p.write_text("Text.", encoding="utf-8")
    p.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate with a directory named like a file
        p.chmod(0o644)
        p.unlink()
        p.mkdir()
    with pytest.raises(IngestError, match="locked.txt"):
        read_document(p)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Regierung hat am Montag erklärt, dass die Truppen nicht in das Land verlegt werden.", "de"),
        ("The government said on Monday that the troops were not sent to the country.", "en"),
        ("El gobierno dijo el lunes que las tropas no fueron enviadas al país según el informe.", "es"),
        ("12345 67890 !!!", "und"),
    ],
)
def test_language_is_detected_from_function_words(text, lang):
    assert detect_language(text) == lang
