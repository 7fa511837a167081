"""Many plans in one call (kinerja.load_plans, kinerja.PlanSet, kinerja.find_plan_files;
docs/batch.md): the API, the frames' columns and rows against single-plan results, a plan that
cannot be loaded in the middle, an empty folder, a missing path, laziness (weakref and gc based,
not timing) and the GIL released while a batch runs."""

import doctest
import gc
import os
import shutil
import weakref
from pathlib import Path

import pandas as pd
import pytest

import kinerja
from test_gil import Counter, long_switch_interval  # noqa: F401 (a fixture)
from kinerja import batch

TESTS = Path(__file__).resolve().parent.parent
REAL = TESTS / "data" / "real"
CSV = TESTS / "data" / "csv" / "tabel-6.1-program-2.08.02.csv"
BROKEN = "kinerja_plan: 1\nplan:\n  id: broken\n  id: again\n"  # the key id repeated on line 4, column 3


def real_plans():
    """The real plans of tests/data/real (not the *.expect.yaml files and the ratchet baseline.yaml)."""
    return sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".expect.yaml") and p.name != "baseline.yaml")


@pytest.fixture
def corpus(tmp_path):
    """corpus/a-bekasi.yaml, corpus/csv/tabel.csv, corpus/real/<the real plans> with
    corpus/real/m-broken.yaml among them, and files that are not plans."""
    root = tmp_path / "corpus"
    (root / "real").mkdir(parents=True)
    (root / "csv").mkdir()
    shutil.copy(kinerja.bundled_plan_path(), root / "a-bekasi.yaml")
    shutil.copy(CSV, root / "csv" / "tabel.csv")
    for p in real_plans():
        shutil.copy(p, root / "real" / p.name)
    (root / "real" / "m-broken.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "notes.txt").write_text("not a plan\n", encoding="utf-8")
    (root / ".hidden.yaml").write_text("not: a plan\n", encoding="utf-8")
    return root


def expected_files(root):
    """The order worked out here: a-bekasi.yaml, csv/, real/ (byte order of the relative paths)."""
    names = sorted([p.name for p in real_plans()] + ["m-broken.yaml"])
    return ([os.path.join(str(root), "a-bekasi.yaml"), os.path.join(str(root), "csv/tabel.csv")]
            + [os.path.join(str(root), "real", n) for n in names])


def records(frame):
    """The rows of a frame as dicts, NaN as None (frames built in one piece or concatenated differ
    in dtypes, not in values)."""
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
            for row in frame.astype(object).to_dict("records")]


def load_single(path):
    return kinerja.load_plan_csv(path) if path.endswith(".csv") else kinerja.load_plan(path)


def test_the_corpus_holds_enough_real_plans():
    assert len(real_plans()) >= 10


def test_find_plan_files_walks_the_folder_in_sorted_order(corpus):
    files = kinerja.find_plan_files(str(corpus))
    assert files == expected_files(corpus)
    assert files.index(os.path.join(str(corpus), "real", "m-broken.yaml")) not in (0, len(files) - 1)  # mid-batch
    # paths in the order given; a Path works; a file twice is listed once
    one = str(corpus / "a-bekasi.yaml")
    assert kinerja.find_plan_files([corpus / "csv", one, one]) == [os.path.join(str(corpus / "csv"), "tabel.csv"), one]
    # a trailing separator: os.path.join(folder, relative), as given
    assert kinerja.find_plan_files(str(corpus) + "/")[0] == str(corpus) + "/a-bekasi.yaml"


def test_a_missing_path_is_a_clear_error(tmp_path):
    missing = str(tmp_path / "nowhere")
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plans([missing])
    assert info.value.id == "kinerja.batch.path"
    assert str(info.value) == f"[kinerja.batch.path] {missing}: cannot find the plan file or folder: no such file or folder"


def test_an_empty_folder_is_an_empty_plan_set(tmp_path):
    (tmp_path / "empty" / "inner").mkdir(parents=True)
    plans = kinerja.load_plans(tmp_path / "empty")
    assert len(plans) == 0
    assert list(plans) == []
    assert len(plans.check()) == 0
    assert plans.check().to_frame().columns.tolist() == ["plan"] + kinerja.bundled_plan().check().to_frame().columns.tolist()
    assert plans.to_frame().empty and plans.to_frame().columns[:3].tolist() == ["plan", "region", "organisation"]
    assert plans.budget_frame().empty
    s = plans.summary()
    assert (s["plans"], s["loaded"], s["unusable"], s["findings"]) == (0, 0, 0, 0)
    assert plans.errors == []


def test_iteration_yields_the_loaded_plans_in_order_and_skips_the_broken_one(corpus):
    plans = kinerja.load_plans(corpus, threads=2)
    files = expected_files(corpus)
    assert len(plans) == len(files)
    good = [f for f in files if not f.endswith("m-broken.yaml")]
    ids = [p.id for p in plans]
    assert ids == [load_single(f).id for f in good]
    assert all(isinstance(p, kinerja.Plan) for p in plans)
    items = list(plans.items())
    assert [path for path, _, _ in items] == files
    broken = [(path, plan, error) for path, plan, error in items if plan is None]
    assert len(broken) == 1
    path, _, error = broken[0]
    assert path.endswith("m-broken.yaml")
    assert (error.plan, error.id, error.line) == (path, "kinerja.plan.yaml", 4)


def test_check_is_one_findings_with_a_plan_column_in_the_contract_order(corpus):
    plans = kinerja.load_plans([corpus], threads=2)
    findings = plans.check()
    assert isinstance(findings, kinerja.Findings) and isinstance(findings, kinerja.PlanFindings)
    frame = findings.to_frame()
    single_columns = kinerja.bundled_plan().check().to_frame().columns.tolist()
    assert frame.columns.tolist() == ["plan"] + single_columns
    # the rows: plans in find_plan_files order, each plan's findings in the single-plan order
    parts = []
    for f in expected_files(corpus):
        if f.endswith("m-broken.yaml"):
            continue
        part = load_single(f).check().to_frame()
        part.insert(0, "plan", f)
        parts.append(part)
    expected = pd.concat(parts, ignore_index=True)
    assert records(frame) == records(expected)
    assert len(findings) == len(expected) > 0
    assert findings[0].plan == expected_files(corpus)[0] and findings[0].rule == expected["rule"][0]
    # narrowing keeps the plan
    bekasi = findings.by_plan(expected_files(corpus)[0])
    assert len(bekasi) == len(kinerja.bundled_plan().check())
    assert all(f.plan == expected_files(corpus)[0] for f in findings.by_rule("duplicate-code"))
    assert findings[:3].to_frame().columns[0] == "plan"


def test_check_passes_rules_and_history_on(corpus):
    plans = kinerja.load_plans(corpus, threads=1)
    only = plans.check(rules=["duplicate-code"])
    assert {f.rule for f in only} == {"duplicate-code"}
    assert len(only.by_plan(expected_files(corpus)[0])) == len(kinerja.bundled_plan().check(rules=["duplicate-code"]))
    # the check settings reach every plan: within 10^15 rupiah every sum agrees; an unknown one is refused
    assert len(plans.check(rules=["budget-rollup"])) > 0
    assert len(plans.check(rules=["budget-rollup"], budget_tolerance=1e15)) == 0
    with pytest.raises(kinerja.ArgumentError) as info:
        plans.check(tolerance=1.0)
    assert info.value.id == "kinerja.argument.check_option" and "unknown check setting \"tolerance\"" in str(info.value)
    no_history = plans.check(include_history=False)
    bekasi = kinerja.bundled_plan().check(include_history=False)
    assert len(no_history.by_plan(expected_files(corpus)[0])) == len(bekasi)


def test_threads_give_the_results_of_one_thread(corpus):
    one = kinerja.load_plans(corpus, threads=1).check().to_frame()
    for threads in (2, 3, None):
        pd.testing.assert_frame_equal(kinerja.load_plans(corpus, threads=threads).check().to_frame(), one)


def test_the_broken_plan_is_a_load_error_and_the_run_goes_on(corpus):
    plans = kinerja.load_plans(corpus)
    findings = plans.check()
    errors = plans.errors
    assert len(errors) == 1
    e = errors[0]
    broken = os.path.join(str(corpus), "real", "m-broken.yaml")
    assert (e.plan, e.id, e.file, e.line) == (broken, "kinerja.plan.yaml", broken, 4)
    assert e.location.startswith(broken + ":4:3")
    assert str(e).startswith(f"[kinerja.plan.yaml] {broken}:4:3")
    assert not [f for f in findings if f.plan == broken]
    # plans after the broken one were checked
    after = expected_files(corpus)[expected_files(corpus).index(broken) + 1]
    assert len(findings.by_plan(after)) == len(load_single(after).check())


def test_summary_counts_plans_findings_rules_and_the_worst(corpus):
    plans = kinerja.load_plans(corpus)
    findings = plans.check()
    s = plans.summary()
    n = len(expected_files(corpus))
    assert (s["plans"], s["loaded"], s["unusable"]) == (n, n - 1, 1)
    assert s["findings"] == len(findings)
    assert sum(s["by_severity"].values()) == len(findings)
    assert s["by_severity"]["error"] == len(findings.errors)
    by_rule = {(r["rule"], r["severity"]): r["count"] for r in s["by_rule"]}
    # the bundled plan prints one code twice (seed-findings.md); the real plans may add more
    assert by_rule[("duplicate-code", "error")] == sum(1 for f in findings if f.rule == "duplicate-code") >= 1
    assert [r["rule"] for r in s["by_rule"]] == sorted(r["rule"] for r in s["by_rule"])
    worst = s["worst"]
    assert 0 < len(worst) <= 10
    keys = [(-w["errors"], -w["warnings"], -w["findings"]) for w in worst]
    assert keys == sorted(keys)
    top = worst[0]
    assert top["errors"] == max(len(findings.by_plan(f).errors) for f in expected_files(corpus))
    frame = plans.plans_frame()
    assert frame.columns.tolist() == batch.PLAN_SUMMARY_COLUMNS
    assert frame["plan"].tolist() == expected_files(corpus)
    assert frame.loc[~frame["loaded"], "error_id"].tolist() == ["kinerja.plan.yaml"]


def test_to_frame_and_budget_frame_follow_the_contract(corpus):
    plans = kinerja.load_plans(corpus, threads=2)
    bekasi = kinerja.bundled_plan()
    frame = plans.to_frame()
    assert frame.columns.tolist() == ["plan", "region", "organisation"] + bekasi.to_frame().columns.tolist()
    budget = plans.budget_frame()
    assert budget.columns.tolist() == ["plan", "region", "organisation"] + bekasi.budget_frame().columns.tolist()
    indicator_parts, budget_parts = [], []
    for f in expected_files(corpus):
        if f.endswith("m-broken.yaml"):
            continue
        p = load_single(f)
        for parts, single in ((indicator_parts, p.to_frame()), (budget_parts, p.budget_frame())):
            if single.empty:
                continue
            single.insert(0, "organisation", p.organisation)
            single.insert(0, "region", p.region)
            single.insert(0, "plan", f)
            parts.append(single)
    assert records(frame) == records(pd.concat(indicator_parts, ignore_index=True)[frame.columns])
    assert records(budget) == records(pd.concat(budget_parts, ignore_index=True)[budget.columns])
    first = frame.iloc[0]
    assert (first["plan"], first["region"]) == (expected_files(corpus)[0], "Kota Bekasi")
    assert set(frame["plan"]) == {f for f in expected_files(corpus) if not f.endswith("m-broken.yaml")
                                  and not load_single(f).to_frame().empty}


def test_a_plan_set_does_not_keep_plans_alive(tmp_path):
    # many copies of the bundled plan: at most the plan in hand is alive during the iteration
    folder = tmp_path / "copies"
    folder.mkdir()
    for k in range(24):
        shutil.copy(kinerja.bundled_plan_path(), folder / f"plan-{k:02d}.yaml")
    plans = kinerja.load_plans(folder, threads=2)

    def live_plans():
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, kinerja.Plan))

    baseline = live_plans()
    refs = []
    for plan in plans:
        refs.append(weakref.ref(plan))
        assert sum(1 for r in refs if r() is not None) == 1  # only the current one
        assert live_plans() <= baseline + 1
    assert len(refs) == 24
    del plan
    gc.collect()
    assert all(r() is None for r in refs)
    # the set itself holds paths, not plan text or plans
    assert all(isinstance(f, str) for f in plans.files)
    assert not [o for o in vars(plans).values() if isinstance(o, (kinerja.Plan, kinerja._core.Plan))]
    # a frame over the set: every plan let go once its rows are taken
    frame = plans.to_frame()
    assert frame["plan"].nunique() == 24
    assert live_plans() == baseline


def test_a_plan_left_unfinished_stops_its_stream(corpus):
    plans = kinerja.load_plans(corpus, threads=2)
    it = iter(plans)
    first = next(it)
    assert first.region == "Kota Bekasi"
    it.close()  # the stream's workers stop and join (no hang)
    del it
    gc.collect()


def test_progress_is_reported_and_an_exception_in_it_stops_the_run(corpus):
    plans = kinerja.load_plans(corpus, threads=2)
    seen = []
    plans.check(progress=lambda p: seen.append((p.done, p.total, p.failed, p.findings)))
    n = len(expected_files(corpus))
    assert seen and seen[-1][:3] == (n, n, 1)
    assert [s[0] for s in seen] == sorted(set(s[0] for s in seen))

    def stop(p):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        plans.check(progress=stop)

    def interrupt(p):  # what Ctrl-C raises in the progress call (kinerja check then exits 130)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        plans.check(progress=interrupt)
    assert len(plans.check()) > 0  # the set is usable after a stopped run


def test_threads_must_be_a_positive_whole_number(corpus):
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            kinerja.load_plans(corpus, threads=bad)


def test_repr_and_html(corpus):
    plans = kinerja.load_plans(corpus)
    n = len(expected_files(corpus))
    assert repr(plans) == f"PlanSet({n} plan files)"
    assert f"{n} plan files" in plans._repr_html_() and "not checked yet" in plans._repr_html_()
    plans.check()
    s = plans.summary()
    assert repr(plans) == f"PlanSet({n} plan files, checked: {n - 1} loaded, 1 unusable, {s['findings']} findings)"
    html = plans._repr_html_()
    assert f"{n} plans: {n - 1} loaded, 1 unusable" in html
    assert "kinerja.plan.yaml" in html and "m-broken.yaml" in html
    assert "<table" in plans.check()._repr_html_()


def test_the_module_docstring_examples_run():
    result = doctest.testmod(batch, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------ the GIL (the counter of tests/python/test_gil.py)

def test_check_releases_the_gil(corpus, long_switch_interval):
    plans = kinerja.load_plans(corpus / "a-bekasi.yaml", threads=1)
    advanced = False
    with Counter() as counter:
        for _ in range(20):
            before = counter.count
            plans.check()
            if counter.count > before:
                advanced = True
                break
    assert advanced


def test_load_plan_file_reads_by_the_suffix(tmp_path):
    upper = tmp_path / "tabel.CSV"
    shutil.copy(CSV, upper)
    # a .csv file, in any case, is a flat CSV table with load_plan_csv's defaults (its identity from
    # the file name); any other is YAML
    assert kinerja.load_plan_file(upper) == kinerja.load_plan_csv(upper)
    assert kinerja.load_plan_file(kinerja.bundled_plan_path()) == kinerja.bundled_plan()
    with pytest.raises(kinerja.PlanFileError) as info:  # a CSV table is not read as YAML, nor the reverse
        kinerja.load_plan_file(tmp_path / "missing.csv")
    assert info.value.id == "kinerja.plan.io"
    with pytest.raises(kinerja.KinerjaError) as info:  # the limits reach the loader
        kinerja.load_plan_file(kinerja.bundled_plan_path(), limits={"max_nodes": 1})
    assert info.value.id == "kinerja.limit.nodes"
