"""The example notebooks (examples/notebooks/*.ipynb) run headless from top to bottom with
the ``python3`` kernel against the kinerja package under test, and show plots (image/png)
and tables (text/html)."""

import os
from pathlib import Path

import pytest

import kinerja

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "examples" / "notebooks").glob("*.ipynb"))
TIMEOUT = 300


def test_there_are_example_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.fixture()
def kernel_environment(monkeypatch):
    # the kernel is Debian's python3 (ipykernel), a new process: it must import the package under
    # test, so the directory that holds `kinerja` goes first on its PYTHONPATH
    package_parent = str(Path(kinerja.__file__).resolve().parent.parent)
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != package_parent]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([package_parent] + rest))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the notebooks use the inline backend
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet ipykernel's debugger warning
    return package_parent


def output_types(nb) -> set:
    kinds = set()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            kinds.update(out.get("data", {}).keys())
    return kinds


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_headless_and_shows_plots_and_tables(path, kernel_environment, tmp_path):
    nb = nbformat.read(str(path), as_version=4)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first error, with the traceback
    errors = [out for cell in nb.cells for out in cell.get("outputs", []) if out.get("output_type") == "error"]
    assert errors == []
    kinds = output_types(nb)
    assert "image/png" in kinds, f"{path.name} shows no plot"
    assert "text/html" in kinds, f"{path.name} shows no HTML table"
    # the kernel used the package under test, not another installed copy
    client = nbclient.NotebookClient(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import kinerja, pathlib; print(pathlib.Path(kinerja.__file__).resolve().parent.parent)")]),
        timeout=60, kernel_name="python3")
    probe = client.execute()
    assert probe.cells[0].outputs[0]["text"].strip() == kernel_environment


def test_notebooks_are_committed_without_outputs():
    for path in NOTEBOOKS:
        nb = nbformat.read(str(path), as_version=4)
        assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), path.name
        assert nb.metadata.kernelspec.name == "python3"
