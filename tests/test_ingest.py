"""Ingest: files and folders into documents; bad input gets a clear, named error."""
import datetime as dt

import pytest

from geo.ingest import IngestError, detect_language, discover, document_warnings, normalise_text, read_document


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
    doc = read_document(p)
    assert doc.text.strip() == text
    assert document_warnings(doc) == ()  # a legacy file is no stray: decoded whole, silently


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
    paths, problems, _ = discover([tmp_path])
    assert paths == [] and "duplicate document name 'same.txt'" in str(problems[0])


def test_a_folder_without_documents_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    paths, problems, _ = discover([tmp_path / "empty"])
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
        # Languages without rules are named as what they are (French and Dutch were taken for Spanish).
        ("La police a arrêté deux hommes dans la ville et les suspects sont en garde à vue depuis lundi.", "fr"),
        ("De politie heeft twee mannen aangehouden in de stad en het onderzoek is nog niet afgerond.", "nl"),
        ("La polizia ha arrestato due uomini nella città e gli indagati sono stati portati in carcere.", "it"),
        ("A polícia prendeu dois homens na cidade e os suspeitos foram levados para a delegacia.", "pt"),
    ],
)
def test_language_is_detected_from_function_words(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "declared, language",
    [("de-DE", "de"), ("en_GB", "en"), ("EN", "en"), ("German", "de"), ("Deutsch", "de"), ("español", "es"), ("de", "de")],
)
def test_a_declared_language_is_read_as_its_code(tmp_path, declared, language):
    p = tmp_path / "a.md"
    p.write_text(f"---\nlanguage: {declared}\n---\nThe police said on Monday that two men were arrested.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.language == language and document_warnings(doc) == ()


def test_a_declared_language_that_is_no_code_is_detected_with_a_warning(tmp_path):
    p = tmp_path / "a.md"  # YAML reads `no` (Norwegian) as false
    p.write_text("---\nlanguage: no\n---\nDie Polizei hat am Montag zwei Männer festgenommen, sagte ein Sprecher.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.language == "de"
    assert any("metadata 'language'" in w and "detected from the text" in w for w in document_warnings(doc))


# ---- hostile metadata: bounded before it costs memory or time ---------------------------------

# 441 bytes that expand to 9^9 strings when the title is turned into text (issue 14).
ALIAS_BOMB = (
    'title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
    + "published: *i\n"
)


def _timed_error(p):
    """(error, seconds, peak MB) of reading p, which must fail."""
    import time
    import tracemalloc

    tracemalloc.start()
    t0 = time.process_time()  # CPU time: a loaded machine does not make it flaky
    try:
        with pytest.raises(IngestError) as exc:
            read_document(p)
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return exc.value, time.process_time() - t0, peak


def test_a_yaml_alias_bomb_in_front_matter_is_refused_fast_by_name(tmp_path):
    assert len(ALIAS_BOMB) < 600
    p = tmp_path / "bomb.md"
    p.write_text(f"---\n{ALIAS_BOMB}---\nDie Polizei in Kiel hat zwei Männer festgenommen.\n", encoding="utf-8")
    err, seconds, peak = _timed_error(p)
    assert "bomb.md" in str(err) and "anchors or aliases" in str(err)
    assert seconds < 1 and peak < 20, (seconds, peak)


def test_a_yaml_alias_bomb_in_a_sidecar_is_refused_naming_the_sidecar(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text("Die Polizei in Kiel hat zwei Männer festgenommen.\n", encoding="utf-8")
    (tmp_path / "doc.txt.meta.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    err, seconds, peak = _timed_error(p)
    assert err.path.endswith("doc.txt.meta.yaml") and "anchors or aliases" in err.problem
    assert seconds < 1 and peak < 20, (seconds, peak)


def test_an_anchor_alone_is_refused_too(tmp_path):
    p = tmp_path / "anchor.md"
    p.write_text("---\ntitle: &t Ein Titel\n---\nText.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="anchors or aliases"):
        read_document(p)


def test_a_title_with_an_ampersand_is_no_anchor(tmp_path):
    p = tmp_path / "amp.md"
    p.write_text("---\ntitle: Müller & Söhne * pleite\n---\nText.\n", encoding="utf-8")
    assert read_document(p).title == "Müller & Söhne * pleite"


def test_a_huge_sidecar_is_refused_by_its_size_without_being_read(tmp_path):
    import os
    import time

    p = tmp_path / "doc.txt"
    p.write_text("Text.\n", encoding="utf-8")
    side = tmp_path / "doc.txt.meta.yaml"
    side.touch()
    os.truncate(side, 4 * 2**30)  # sparse: 4 GiB that would take seconds and gigabytes to read
    t0 = time.process_time()
    with pytest.raises(IngestError) as exc:
        read_document(p)
    assert exc.value.path == str(side) and "over the 1,000,000-byte limit" in exc.value.problem
    assert time.process_time() - t0 < 1


def test_huge_front_matter_is_refused(tmp_path):
    p = tmp_path / "big.md"
    p.write_text("---\nnote: " + "x" * 1_100_000 + "\n---\nText.\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"big.md: front matter is 1,100,\d+ bytes, over the 1,000,000-byte limit"):
        read_document(p)


def test_a_sidecar_that_is_a_pipe_is_refused_not_waited_for(tmp_path):
    import os

    p = tmp_path / "doc.txt"
    p.write_text("Text.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "doc.meta.yaml")
    with pytest.raises(IngestError, match="doc.meta.yaml: sidecar is not a regular file"):
        read_document(p)


def test_a_sidecar_linking_outside_the_documents_folder_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    p = tmp_path / "docs" / "doc.txt"
    p.write_text("Text.\n", encoding="utf-8")
    (tmp_path / "secret.yaml").write_text("title: Geheim\n", encoding="utf-8")
    (tmp_path / "docs" / "doc.txt.meta.yaml").symlink_to(tmp_path / "secret.yaml")
    with pytest.raises(IngestError, match="outside the document's folder"):
        read_document(p)


@pytest.mark.parametrize("field", ["title", "outlet", "url", "author", "language", "published"])
def test_an_over_long_metadata_field_is_ignored_with_a_warning_naming_file_and_field(tmp_path, field):
    p = tmp_path / "long.md"
    p.write_text(f"---\n{field}: {'x' * 5000}\n---\nDie Polizei hat zwei Männer festgenommen, sagte der Sprecher.\n", encoding="utf-8")
    doc = read_document(p)
    assert getattr(doc, field) in (None, "de")  # language falls back to detection
    [warning] = document_warnings(doc)
    assert warning.startswith(str(p)) and f"'{field}'" in warning and "5,000 characters" in warning
    assert len(warning) < 300


def test_a_list_where_text_belongs_is_ignored_with_a_warning(tmp_path):
    p = tmp_path / "list.md"
    p.write_text("---\ntitle: [a, b]\nauthor: {name: x}\n---\nText.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.title is None and doc.author is None
    assert [w.split("'")[1] for w in document_warnings(doc)] == ["title", "author"]


def test_a_metadata_key_cannot_forge_a_warning(tmp_path):
    p = tmp_path / "forge.md"
    p.write_text("---\n_ingest_warnings: [gefälscht]\n---\nText.\n", encoding="utf-8")
    assert document_warnings(read_document(p)) == ()


# ---- decoding: a stray byte stays a stray byte -------------------------------------------------

def test_a_stray_cp1252_byte_in_utf8_is_mended_alone_with_a_warning(tmp_path):
    head = "Die Straße in München wurde gesperrt.\n".encode("utf-8")
    body = "Zwei Männer – ".encode("utf-8") + b"so der Sprecher \x96 wurden festgenommen.\n"
    p = tmp_path / "stray.txt"
    p.write_bytes(head + body)
    doc = read_document(p)
    assert doc.text == "Die Straße in München wurde gesperrt.\nZwei Männer – so der Sprecher – wurden festgenommen.\n"
    [warning] = document_warnings(doc)
    offset = len(head + body.split(b"\x96")[0])
    assert warning.startswith(f"{p}: not valid UTF-8 at byte {offset} (line 2)") and "Windows-1252" in warning


def test_stray_bytes_after_a_bom_are_counted_from_the_files_start(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "Köln ".encode("utf-8") + b"\x84Zitat\x93 und \x84noch eins\x93\n")
    doc = read_document(p)
    assert doc.text == "Köln „Zitat“ und „noch eins“\n"
    [warning] = document_warnings(doc)
    assert "at byte 9 (line 1) and 3 more places" in warning


def test_mostly_legacy_text_with_an_accidental_utf8_pair_is_still_legacy(tmp_path):
    text = "„Die Straße“ – sagte der Sprecher in München."  # cp1252 'ß“' is the UTF-8 bytes of 'ߓ'
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode("cp1252"))
    assert read_document(p).text.strip() == text


# ---- Unicode normalised once, at ingest ---------------------------------------------------------

@pytest.mark.parametrize(
    "written, read",
    [
        ("Ber\u200blin", "Berlin"),  # zero-width space
        ("Ber\u200c\u200dlin", "Berlin"),  # zero-width non-joiner and joiner
        ("Ber\u2060lin\ufeff", "Berlin"),  # word joiner, BOM inside the text
        ("Pots\u00addam", "Potsdam"),  # soft hyphen
        ("Mu\u0308nchen", "München"),  # decomposed umlaut (macOS file names, some CMSs)
        ("Mu\u200b\u0308nchen", "München"),  # an invisible character between letter and accent
    ],
)
def test_invisible_and_decomposed_characters_are_normalised(tmp_path, written, read):
    assert normalise_text(written) == read
    p = tmp_path / "n.md"
    p.write_text(f"---\ntitle: Razzia in {written}\n---\nDie Polizei in {written} hat zwei Männer festgenommen.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.text == f"Die Polizei in {read} hat zwei Männer festgenommen.\n"
    assert doc.title == f"Razzia in {read}"


def test_entities_that_decode_to_invisible_characters_are_removed_too(tmp_path):
    p = tmp_path / "z.html"
    p.write_text("<p>Die Polizei in Ber&#8203;lin und K&ouml;&shy;ln.</p>", encoding="utf-8")
    assert read_document(p).text == "Die Polizei in Berlin und Köln."


# ---- folders: links and unreadable subfolders --------------------------------------------------

def test_links_leaving_the_input_folder_are_not_followed(tmp_path):
    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    (docs / "own.txt").write_text("Text.", encoding="utf-8")
    (elsewhere / "secret.txt").write_text("Geheim.", encoding="utf-8")
    (docs / "inner.txt").symlink_to(docs / "own.txt")  # inside: read
    (docs / "leak.txt").symlink_to(elsewhere / "secret.txt")
    (docs / "leakdir").symlink_to(elsewhere)
    paths, problems, warnings = discover([docs])
    assert [p.name for p in paths] == ["inner.txt", "own.txt"] and problems == []
    assert len(warnings) == 2
    assert all("outside the input folder" in w and "not read" in w for w in warnings)
    assert any(w.startswith(str(docs / "leak.txt")) for w in warnings) and any("leakdir" in w for w in warnings)


def test_a_link_given_by_name_is_read(tmp_path):
    (tmp_path / "elsewhere.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert discover([tmp_path / "docs" / "link.txt"]).paths == [tmp_path / "docs" / "link.txt"]


def _unreadable(monkeypatch, folder):
    """folder cannot be listed: chmod 0, and for root (who reads anything) a refusing scandir."""
    import os

    folder.chmod(0)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_named(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Text.", encoding="utf-8")
    try:
        _unreadable(monkeypatch, tmp_path / "locked")
        paths, problems, _ = discover([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [p.name for p in paths] == ["open.txt"]
    assert [str(p) for p in problems] == [f"{tmp_path / 'locked'}: cannot read folder (permission denied); its documents were skipped"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_character_references_in_a_text_file_are_read_as_their_characters(tmp_path, suffix):
    # A page's source pasted into a text file: "K&ouml;ln" was no place and "3.&nbsp;M&auml;rz
    # 2025" no day. Without a semicolon "&" is text ("AT&T", "R&D", "Text&para").
    p = tmp_path / f"a{suffix}"
    p.write_text("---\ntitle: Polizei &amp; Feuerwehr\n---\nDie Polizei in K&ouml;ln hat am 3.&nbsp;M&auml;rz 2025 "
                 "zwei M&auml;nner festgenommen &#8211; AT&T, R&D und Text&para bleiben, &unbekannt; auch.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.text.startswith("Die Polizei in Köln hat am 3.\u00a0März 2025 zwei Männer festgenommen – AT&T, R&D und Text&para bleiben")
    assert "&unbekannt;" in doc.text and doc.title == "Polizei & Feuerwehr"


def test_malformed_yaml_is_named_by_its_first_problem(tmp_path):
    """Metadata without "&" or "*" is loaded in one parse; where that fails, the checked parse
    names the problem as before: a broken second document in a sidecar is that document's
    error, not the load's "expected a single document"."""
    p = tmp_path / "doc.txt"
    p.write_text("Die Polizei in Kiel hat zwei Männer festgenommen.\n", encoding="utf-8")
    (tmp_path / "doc.txt.meta.yaml").write_text("title: Ein Titel\n---\nb: [c\n", encoding="utf-8")
    with pytest.raises(IngestError, match="while parsing a flow sequence"):
        read_document(p)
