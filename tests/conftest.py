"""Shared fixtures: the loader runs once per session on the seed corpus; tests read its output."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_loader(*args, cwd=ROOT, timeout=600):
    """Run the real CLI in a fresh process, as a user would."""
    return subprocess.run([sys.executable, "-m", "geo.load", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """The loader's output on seeds/: (completed process, decoded GeoJSON, output path)."""
    out = tmp_path_factory.mktemp("seed") / "events.geojson"
    proc = run_loader(ROOT / "seeds", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(out.read_text(encoding="utf-8")), out


@pytest.fixture(scope="session")
def seed_events(seed_run):
    return [f["properties"] | {"geometry": f["geometry"]} for f in seed_run[1]["features"]]


@pytest.fixture()
def corpus_copy(tmp_path):
    """A writable copy of seeds/ for tests that add or break documents."""
    dst = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", dst)
    return dst
