"""kinerja.dask: many plans checked and tabulated on a LocalCluster of two worker processes."""

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import kinerja
import kinerja.dask as kd

import distributed  # Debian python3-distributed (scripts/setup installs it)

# distributed 2022.12 (Debian 12) starts its event loop through tornado's deprecated make_current
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"
CSV = ROOT / "tests" / "data" / "csv" / "tabel-6.1-program-2.08.02.csv"

# A plan whose flow sequence is never closed: the YAML parser reaches the end of the text, line 5
# column 1 (the text ends with the newline of line 4), without the closing "]".
BROKEN = "kinerja_plan: 1\nplan:\n  id: broken\n  title: [unclosed\n"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       host="127.0.0.1", scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    client = distributed.Client(cluster, set_as_default=False)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder of plans, with a broken plan in the middle of the batch, a sub-folder, a .yml
    file, a CSV plan and a file that is not a plan."""
    root = tmp_path_factory.mktemp("plans")
    shutil.copy(kinerja.bundled_plan_path(), root / "a-bekasi.yaml")
    (root / "b-broken.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "jabar").mkdir()
    shutil.copy(REAL / "jabar-rpjmd-2018-2023-kesbangpol.yaml", root / "jabar" / "c1.yaml")
    shutil.copy(REAL / "siak-dinkes-renstra-2012-2016.yaml", root / "jabar" / "c2.yml")
    shutil.copy(REAL / "tanahdatar-lkjip-2015.yaml", root / "d-tanahdatar.YAML")
    (root / "notes.txt").write_text("not a plan\n", encoding="utf-8")
    shutil.copy(CSV, root / "z-tabel.csv")
    return root


def _expected_files(root):
    # sorted by path relative to the folder; notes.txt is not a plan file
    return [os.path.join(str(root), rel) for rel in
            ["a-bekasi.yaml", "b-broken.yaml", "d-tanahdatar.YAML", "jabar/c1.yaml", "jabar/c2.yml", "z-tabel.csv"]]


def _load(path):
    path = os.path.abspath(path)
    return kinerja.load_plan_csv(path) if path.endswith(".csv") else kinerja.load_plan(path)


def _local_findings(files):
    """The single-plan API's findings over the files, ``plan`` first; the broken plan's row
    written out by hand."""
    frames = []
    for f in files:
        if f.endswith("b-broken.yaml"):
            row = {c: None for c in kd.FINDINGS_COLUMNS}
            row.update(plan=f, severity="error", rule="kinerja.plan.yaml", location=f"{os.path.abspath(f)}:5:1",
                       message="not valid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts on line 4")
            frames.append(pd.DataFrame([row], columns=kd.FINDINGS_COLUMNS))
            continue
        frame = _load(f).check().to_frame()
        frame.insert(0, "plan", f)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _local_frames(files, kind):
    frames = []
    for f in files:
        if f.endswith("b-broken.yaml"):
            continue
        plan = _load(f)
        frame = plan.to_frame() if kind == "indicators" else plan.budget_frame()
        frame.insert(0, "organisation", plan.organisation)
        frame.insert(0, "region", plan.region)
        frame.insert(0, "plan", f)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


NUMBER_COLUMNS = {"target_number", "realization_number", "achievement", "budget_number", "realized_number",
                  "absorption"}


def _same(result, expected, columns):
    assert list(result.columns) == columns
    # the documented dtypes (python-guide.md, "One frame schema"): numbers float64, year a
    # nullable Int64, is_end bool, everything else as Python objects
    dtypes = {c: "float64" if c in NUMBER_COLUMNS else {"year": "Int64", "is_end": "bool"}.get(c, "object")
              for c in columns}
    for c in columns:
        assert str(result[c].dtype) == dtypes[c], c
    expected = expected.astype(dtypes)
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected[columns].reset_index(drop=True))


def test_plan_files_lists_a_folder_recursively_and_sorted(corpus):
    assert kinerja.find_plan_files(corpus) == _expected_files(corpus)
    given = [str(corpus / "z-tabel.csv"), str(corpus / "notes.txt"), str(corpus / "jabar")]
    assert kinerja.find_plan_files(given) == [given[0], given[1], os.path.join(given[2], "c1.yaml"),
                                     os.path.join(given[2], "c2.yml")]


def test_check_plans_equals_the_single_plan_api(client, corpus):
    frame = kd.check_plans(corpus, client, files_per_partition=2)
    assert frame.npartitions == 3
    assert list(frame.columns) == ["plan"] + kinerja.tables.FINDING_COLUMNS
    result = frame.compute()  # the local scheduler fetches the partitions computed on the workers
    files = _expected_files(corpus)
    _same(result, _local_findings(files), kd.FINDINGS_COLUMNS)
    with_findings = list(result["plan"].drop_duplicates())
    assert with_findings == [f for f in files if f in with_findings] and len(with_findings) >= 4  # in order
    # computed on the workers: kinerja's compiled core is imported there
    imported = client.run(lambda: "kinerja._core" in sys.modules)
    assert len(imported) == 2 and any(imported.values())
    # the distributed scheduler gives the same frame
    _same(client.compute(frame).result(), _local_findings(files), kd.FINDINGS_COLUMNS)


def test_dask_equals_the_plan_set(client, corpus):
    # the same files, findings and frames as kinerja.load_plans on one machine (the plan set keeps
    # plans that fail to load apart, in .errors; dask gives each one row, here left out)
    plans = kinerja.load_plans(corpus)
    result = kd.check_plans(corpus, client).compute()
    loaded = result[~result["rule"].str.startswith("kinerja.")]
    assert len(loaded) == len(result) - 1
    _same(loaded, plans.check().to_frame(), kd.FINDINGS_COLUMNS)
    _same(kd.plan_frames(corpus, client).compute(), plans.to_frame(), kd.INDICATOR_COLUMNS)
    _same(kd.plan_frames(corpus, client, kind="budget").compute(), plans.budget_frame(), kd.BUDGET_COLUMNS)


def test_check_plans_passes_the_check_arguments(client, corpus):
    files = [str(corpus / "a-bekasi.yaml")]
    result = kd.check_plans(files, client, rules=["budget-rollup"], include_history=False).compute()
    expected = kinerja.load_plan(files[0]).check(rules=["budget-rollup"], include_history=False).to_frame()
    expected.insert(0, "plan", files[0])
    assert len(result) > 0 and set(result["rule"]) == {"budget-rollup"}
    _same(result, expected, kd.FINDINGS_COLUMNS)
    # a rule file, read by the workers: its rule gives the finding docs/plans.md names
    rules = kinerja.standard_rules_path()
    result = kd.check_plans(files, client, rules=["kegiatan-pagu-within-program"], rules_file=rules).compute()
    assert list(result["node_code"]) == ["2.08.02.2.03"]
    # the check settings reach the workers: within a tolerance of 10^15 rupiah every sum agrees
    assert len(kd.check_plans(files, client, rules=["budget-rollup"], budget_tolerance=1e15).compute()) == 0


@pytest.mark.parametrize("kind", ["indicators", "budget"])
def test_plan_frames_equal_the_single_plan_api(client, corpus, kind):
    frame = kd.plan_frames(corpus, client, kind=kind)
    columns = kd.INDICATOR_COLUMNS if kind == "indicators" else kd.BUDGET_COLUMNS
    assert columns[:3] == ["plan", "region", "organisation"]
    result = frame.compute()
    _same(result, _local_frames(_expected_files(corpus), kind), columns)
    bekasi = result[result["plan"] == str(corpus / "a-bekasi.yaml")]
    assert set(bekasi["region"]) == {"Kota Bekasi"}
    assert not (result["plan"] == str(corpus / "b-broken.yaml")).any()


def test_load_errors_names_the_broken_plan(client, corpus):
    errors = kd.load_errors(corpus, client, files_per_partition=1).compute().reset_index(drop=True)
    assert list(errors.columns) == kd.ERROR_COLUMNS
    assert len(errors) == 1
    row = errors.iloc[0]
    broken = str(corpus / "b-broken.yaml")
    assert (row["plan"], row["id"], row["file"], row["line"], row["column"]) == \
        (broken, "kinerja.plan.yaml", os.path.abspath(broken), 5, 1)
    assert row["message"] == f"[kinerja.plan.yaml] {os.path.abspath(broken)}:5:1: {row['reason']}"


def test_an_empty_folder_gives_empty_frames_with_the_columns(client, tmp_path):
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    (tmp_path / "empty" / "readme.txt").write_text("no plans here\n", encoding="utf-8")
    for frame, columns in [(kd.check_plans(tmp_path / "empty", client), kd.FINDINGS_COLUMNS),
                           (kd.plan_frames(tmp_path / "empty", client), kd.INDICATOR_COLUMNS),
                           (kd.plan_frames(tmp_path / "empty", client, kind="budget"), kd.BUDGET_COLUMNS),
                           (kd.load_errors(tmp_path / "empty", client), kd.ERROR_COLUMNS)]:
        result = frame.compute()
        assert len(result) == 0 and list(result.columns) == columns


def test_bad_arguments(client, tmp_path):
    with pytest.raises(kinerja.PlanFileError) as info:
        kd.check_plans([tmp_path / "missing"], client)
    assert info.value.id == "kinerja.batch.path" and str(tmp_path / "missing") in str(info.value)
    with pytest.raises(ValueError, match="kind"):
        kd.plan_frames(tmp_path, client, kind="nodes")
    with pytest.raises(ValueError, match="files_per_partition"):
        kd.check_plans([kinerja.bundled_plan_path()], client, files_per_partition=0)
    # a bad rule id or rule file fails at once, not once a plan
    with pytest.raises(kinerja.ArgumentError, match='unknown check rule "nope"') as info:
        kd.check_plans([kinerja.bundled_plan_path()], client, rules=["budget-rollup", "nope"])
    assert info.value.id == "kinerja.argument.rule"
    with pytest.raises(kinerja.PlanFileError) as info:
        kd.check_plans([kinerja.bundled_plan_path()], client, rules_file=tmp_path / "missing-rules.yaml")
    assert info.value.id == "kinerja.rules.io"
    # a bad check setting fails at once too
    for bad in ({"budget_tolerance": -1.0}, {"scale_jump_slip_band": (12, 8)}, {"tolerance": 1.0}):
        with pytest.raises(kinerja.ArgumentError) as info:
            kd.check_plans([kinerja.bundled_plan_path()], client, **bad)
        assert info.value.id == "kinerja.argument.check_option"
    with pytest.raises(TypeError, match="paths"):
        kd.check_plans([kinerja.bundled_plan_path()], client, rules_file=kinerja.load_rules(kinerja.standard_rules_path()))


def test_the_default_client_is_used(client, corpus):
    with client.as_current():
        frame = kd.plan_frames(corpus / "jabar")
    assert "client" not in kd._local  # no cluster of kinerja's own was started
    assert set(frame.compute()["plan"]) == {str(corpus / "jabar" / "c1.yaml"), str(corpus / "jabar" / "c2.yml")}


def test_without_a_client_kinerja_starts_a_local_cluster(corpus):
    try:
        files = [str(corpus / "jabar" / "c1.yaml")]
        result = kd.check_plans(files).compute()
        own = kd.local_client()
        assert own is kd._local["client"] and len(own.nthreads()) == (os.cpu_count() or 1)
        assert set(own.nthreads().values()) == {1}
        expected = kinerja.load_plan(files[0]).check().to_frame()
        expected.insert(0, "plan", files[0])
        _same(result, expected, kd.FINDINGS_COLUMNS)
    finally:
        kd.close()
    assert "client" not in kd._local
