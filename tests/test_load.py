"""The loader command end to end: bad input, exit codes, atomic and deterministic output, engines."""
import json
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, run_loader

UNRELATED = """---
title: Floods in the north
published: 2024-03-12
language: en
---
Heavy rain flooded parts of Hamburg on Monday. Police in Hamburg arrested two men after a raid on a warehouse, a spokesperson said.
"""


def test_broken_documents_are_named_and_the_rest_still_processed(corpus_copy, tmp_path):
    (corpus_copy / "empty.txt").write_text("", encoding="utf-8")
    (corpus_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus_copy / "bad_front.md").write_text("---\ntitle: [oops\n---\nText.", encoding="utf-8")
    out = tmp_path / "events.geojson"
    proc = run_loader(corpus_copy, "--out", out, "--quiet")
    assert proc.returncode == 1
    for name in ("empty.txt", "image.txt", "bad_front.md"):
        assert name in proc.stderr
    col = json.loads(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in col["generated_from"]] == ["000_ba779983c7861c53.txt"] and col["features"]


def test_a_folder_without_documents_writes_nothing_and_exits_2(tmp_path):
    (tmp_path / "none").mkdir()
    out = tmp_path / "events.geojson"
    proc = run_loader(tmp_path / "none", "--out", out)
    assert proc.returncode == 2 and "no documents" in proc.stderr and not out.exists()


def test_same_input_gives_the_same_bytes(seed_run, tmp_path):
    out = tmp_path / "again.geojson"
    assert run_loader(ROOT / "seeds", "--out", out, "--quiet").returncode == 0
    assert out.read_bytes() == seed_run[2].read_bytes()
    assert out.with_suffix(".parquet").read_bytes() == seed_run[2].with_suffix(".parquet").read_bytes()


def test_ids_are_stable_when_an_unrelated_document_is_added(seed_run, corpus_copy, tmp_path):
    (corpus_copy / "zz_unrelated.md").write_text(UNRELATED, encoding="utf-8")
    out = tmp_path / "events.geojson"
    assert run_loader(corpus_copy, "--out", out, "--quiet").returncode == 0
    before = {f["properties"]["id"] for f in seed_run[1]["features"]}
    after = {f["properties"]["id"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    assert before <= after and len(after) > len(before)


def test_explain_says_which_words_made_the_event(seed_run):
    feat = next(f for f in seed_run[1]["features"] if f["properties"]["date_start"])
    proc = run_loader("--explain", feat["properties"]["id"], "--out", seed_run[2])
    assert proc.returncode == 0
    assert "type" in proc.stdout and "date" in proc.stdout and feat["properties"]["date_text"].split(" / ")[0] in proc.stdout


def test_explain_of_an_unknown_id_is_an_error(seed_run):
    proc = run_loader("--explain", "ev_nope", "--out", seed_run[2])
    assert proc.returncode == 2 and "ev_nope" in proc.stderr


def test_a_killed_run_leaves_the_previous_output_intact(seed_run, tmp_path):
    from bench.corpus import generate

    big = tmp_path / "big"
    generate(big, megabytes=3, seed=1)
    out = tmp_path / "events.geojson"
    out.write_bytes(seed_run[2].read_bytes())
    previous = out.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "geo.load", str(big), "--out", str(out), "--quiet", "--jobs", "1"], cwd=ROOT)
    time.sleep(4)
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == previous


def test_the_dask_engine_gives_the_same_events_as_the_local_one(seed_run, tmp_path):
    out = tmp_path / "dask.geojson"
    proc = run_loader(ROOT / "seeds", "--out", out, "--quiet", "--engine", "dask")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == seed_run[2].read_bytes()
