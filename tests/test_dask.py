"""The Dask engine: partitions of documents written as GeoParquet parts by the workers, read
back by the client in order, give the same output as the local engine."""
import glob

import pytest

from geo.engine import DocumentOutcome, _partitions, run_paths
from geo.parts import read_part, write_part
from tests.conftest import ROOT, run_loader

NEWS = ROOT / "tests" / "corpus" / "news"


@pytest.mark.parametrize("n, workers", [
    (0, 2),
    (1, 2),
    (44, 2),
    (1001, 2),  # over 200 documents per slice would be too many: more slices than 4 per worker
])
def test_partitions_are_contiguous_slices_in_input_order(n, workers):
    paths = [f"doc{i}" for i in range(n)]
    slices = _partitions(paths, workers)
    assert [p for s in slices for p in s] == paths
    assert all(0 < len(s) <= 200 for s in slices)


def test_a_part_gives_back_exactly_the_events_it_was_written_with(tmp_path):
    paths = sorted(glob.glob(str(NEWS / "*.md")))[:4] + [str(NEWS / "missing.md")]
    outcomes = list(run_paths(paths, jobs=1))
    assert outcomes[-1].error and any(o.events for o in outcomes)
    back = read_part(write_part(outcomes, tmp_path, 3), DocumentOutcome)
    assert back == outcomes
    # Place.geometry and name_de are left out of equality: compare the full records' text too.
    assert [repr(e) for o in back for e in o.events] == [repr(e) for o in outcomes for e in o.events]


def test_a_local_two_process_dask_cluster_writes_the_same_pair_as_the_local_engine(tmp_path):
    local, dask = tmp_path / "local" / "events.geojson", tmp_path / "dask" / "events.geojson"
    proc = run_loader(NEWS, "--out", local, "--quiet", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    proc = run_loader(NEWS, "--out", dask, "--quiet", "--engine", "dask")  # LocalCluster, 2 processes
    assert proc.returncode == 0, proc.stderr
    assert dask.read_bytes() == local.read_bytes()
    assert dask.with_suffix(".parquet").read_bytes() == local.with_suffix(".parquet").read_bytes()
    assert not list(dask.parent.glob(".geo-parts-*")), "the parts folder is removed after the run"
