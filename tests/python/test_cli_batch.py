"""``kinerja check|report|rollup PATH [PATH...]``: several plans or folders in one run
(docs/batch.md): the jsonl, json and csv shapes, the exit status (the worst of all plans), a plan
that cannot be loaded in the middle of the batch, an empty folder, a missing path, the progress bar
(only on a terminal), and one plain file (YAML or CSV) behaving as the single-plan command."""

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

TESTS = Path(__file__).resolve().parent.parent
REAL = TESTS / "data" / "real"
CSV = TESTS / "data" / "csv" / "tabel-6.1-program-2.08.02.csv"
CLEAN = TESTS / "data" / "plans" / "clean.yaml"
BROKEN = "kinerja_plan: 1\nplan:\n  id: broken\n  id: again\n"


def real_plans():
    return sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".expect.yaml") and p.name != "baseline.yaml")


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "real").mkdir(parents=True)
    shutil.copy(kinerja.bundled_plan_path(), root / "a-bekasi.yaml")
    for p in real_plans():
        shutil.copy(p, root / "real" / p.name)
    (root / "real" / "m-broken.yaml").write_text(BROKEN, encoding="utf-8")
    return root


def files_of(root):
    names = sorted([p.name for p in real_plans()] + ["m-broken.yaml"])
    return [os.path.join(str(root), "a-bekasi.yaml")] + [os.path.join(str(root), "real", n) for n in names]


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def single_json(capsys, path):
    """The single-plan command's findings of one file, and its exit status."""
    code, out, _ = run(capsys, "check", path, "--format", "json")
    return json.loads(out), code


def test_jsonl_is_one_object_per_finding_with_its_plan_then_the_single_plan_keys(capsys, corpus):
    code, out, err = run(capsys, "check", corpus, "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    expected = []
    for f in files_of(corpus):
        if f.endswith("m-broken.yaml"):
            continue
        findings, _ = single_json(capsys, f)
        expected += [dict(plan=f, **x) for x in findings]
    assert lines == expected
    single_keys = list(single_json(capsys, str(corpus / "a-bekasi.yaml"))[0][0])
    assert all(list(line) == ["plan"] + single_keys for line in lines)
    # the broken plan is reported on standard error and the run goes on
    broken = os.path.join(str(corpus), "real", "m-broken.yaml")
    assert f"kinerja: error: [kinerja.plan.yaml] {broken}:4:3" in err
    assert code == 2  # a plan that cannot be loaded is unusable input: the worst status


def test_json_is_plans_findings_and_summary(capsys, corpus):
    code, out, _ = run(capsys, "check", corpus / "real", corpus / "a-bekasi.yaml", "--format", "json")
    data = json.loads(out)
    assert list(data) == ["plans", "findings", "summary"]
    files = files_of(corpus)[1:] + files_of(corpus)[:1]  # the folder first, as given
    assert [p["plan"] for p in data["plans"]] == files
    broken = [p for p in data["plans"] if not p["loaded"]]
    assert len(broken) == 1 and broken[0]["error"]["id"] == "kinerja.plan.yaml" and broken[0]["error"]["line"] == 4
    s = data["summary"]
    assert (s["plans"], s["loaded"], s["unusable"]) == (len(files), len(files) - 1, 1)
    assert s["findings"] == len(data["findings"])
    bekasi = [f for f in data["findings"] if f["plan"] == files[-1]]
    assert len(bekasi) == len(single_json(capsys, files[-1])[0])
    assert code == 2


def test_csv_has_a_header_then_one_row_per_finding(capsys, corpus):
    code, out, _ = run(capsys, "check", corpus, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    single_keys = list(single_json(capsys, str(corpus / "a-bekasi.yaml"))[0][0])
    assert rows[0] == ["plan"] + single_keys
    jsonl = run(capsys, "check", corpus, "--format", "jsonl")[1].splitlines()
    assert len(rows) - 1 == len(jsonl)
    assert rows[1][0] == files_of(corpus)[0]
    assert code == 2


def test_threads_do_not_change_the_output(capsys, corpus):
    one = run(capsys, "check", corpus, "--format", "jsonl", "--threads", "1")
    two = run(capsys, "check", corpus, "--format", "jsonl", "--threads", "2")
    assert one == two
    with pytest.raises(SystemExit) as info:  # a usage error, as argparse reports them
        cli.main(["check", str(corpus), "--threads", "0"])
    assert info.value.code == 2
    assert "argument --threads: expected a whole number of at least 1, got '0'" in capsys.readouterr().err


def test_exit_status_is_the_worst_of_all_plans(capsys, tmp_path):
    # clean plans only: 0
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(CLEAN, clean / "one.yaml")
    shutil.copy(CLEAN, clean / "two.yaml")
    assert single_json(capsys, str(CLEAN))[1] == 0
    assert run(capsys, "check", clean, "--format", "jsonl")[0] == 0
    # a clean plan and the bundled one (which has error findings): the bundled one's status, 1
    bekasi_status = single_json(capsys, str(kinerja.bundled_plan_path()))[1]
    assert bekasi_status == 1
    assert run(capsys, "check", clean, kinerja.bundled_plan_path(), "--format", "jsonl")[0] == 1
    # and a plan that cannot be loaded: 2
    (clean / "zz-broken.yaml").write_text(BROKEN, encoding="utf-8")
    assert run(capsys, "check", clean, kinerja.bundled_plan_path())[0] == 2


def test_text_output_lists_findings_load_errors_and_the_combined_summary(capsys, corpus):
    code, out, _ = run(capsys, "check", corpus)
    n = len(files_of(corpus))
    lines = out.splitlines()
    assert f"plans: {n} ({n - 1} loaded, 1 unusable)" in lines
    broken = os.path.join(str(corpus), "real", "m-broken.yaml")
    assert any(line.startswith(f"{broken}:4:3") and ": unusable: [kinerja.plan.yaml]" in line for line in lines)
    data = json.loads(run(capsys, "check", corpus, "--format", "json")[1])
    sev = data["summary"]["by_severity"]
    assert (f"findings: {data['summary']['findings']} ({sev['error']} error, {sev['warning']} warning, "
            f"{sev['info']} info)") in lines
    assert "by rule:" in lines and "worst plans:" in lines
    worst = data["summary"]["worst"][0]
    assert f"  {worst['plan']}: {worst['errors']} error, {worst['warnings']} warning, {worst['findings']} findings" in lines
    assert code == 2


def test_an_empty_folder_is_unusable_input(capsys, tmp_path):
    # nothing to check: an error, whatever the format, so that a wrong folder does not pass
    (tmp_path / "empty" / "inner").mkdir(parents=True)
    (tmp_path / "empty" / "notes.txt").write_text("not a plan\n", encoding="utf-8")
    for fmt in ("text", "json", "jsonl", "csv"):
        code, out, err = run(capsys, "check", tmp_path / "empty", "--format", fmt)
        assert (code, out) == (2, "")
        assert err == (f"kinerja: error: [kinerja.batch.empty] {tmp_path / 'empty'}: no plan files "
                       "(*.yaml, *.yml, *.csv) found\n")
    # an empty folder beside plans adds nothing
    code, out, _ = run(capsys, "check", tmp_path / "empty", CLEAN, "--format", "json")
    data = json.loads(out)
    assert code == 0 and [p["plan"] for p in data["plans"]] == [str(CLEAN)] and data["findings"] == []
    assert (data["summary"]["plans"], data["summary"]["findings"]) == (1, 0)


def test_a_missing_path_is_unusable_input(capsys, tmp_path):
    missing = tmp_path / "nowhere"
    code, out, err = run(capsys, "check", CLEAN, missing)
    assert code == 2 and out == ""
    assert err == f"kinerja: error: [kinerja.batch.path] {missing}: cannot find the plan file or folder: no such file or folder\n"


def test_one_plain_file_is_the_single_plan_command(capsys, tmp_path):
    path = tmp_path / "bekasi.yaml"
    shutil.copy(kinerja.bundled_plan_path(), path)
    code, out, _ = run(capsys, "check", path)
    lines = out.splitlines()
    assert "conventions:" in lines
    n = len(kinerja.load_plan(path).check())
    assert lines[-1].startswith(f"{n} findings: ")
    assert not any(line.startswith("plans: ") for line in lines)
    assert code == 1
    # a CSV table is read as one (docs/plan-csv.md)
    code, out, _ = run(capsys, "check", CSV, "--format", "json")
    assert json.loads(out) == [
        {k: v for k, v in kinerja.finding_to_dict(f).items()} for f in kinerja.load_plan_csv(CSV).check()]
    code, out, _ = run(capsys, "check", CSV)
    assert out.splitlines()[-1].startswith(f"{len(kinerja.load_plan_csv(CSV).check())} findings")


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_is_drawn_only_on_a_terminal(capsys, monkeypatch, corpus):
    code, out, err = run(capsys, "check", corpus, "--format", "jsonl")
    assert "plans/s" not in err
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    cli.main(["check", str(corpus), "--format", "jsonl", "--threads", "1"])
    drawn = terminal.getvalue()
    n = len(files_of(corpus))
    assert f"{n}/{n} plans" in drawn and "plans/s" in drawn and "findings" in drawn and "ETA" in drawn
    assert drawn.endswith("\r\x1b[K") or "kinerja: error:" in drawn.rsplit("\r\x1b[K", 1)[-1]
    capsys.readouterr()


def test_report_writes_one_report_per_plan_and_a_summary(capsys, corpus, tmp_path):
    out_dir = tmp_path / "reports"
    code, out, err = run(capsys, "report", corpus, "--format", "markdown", "--output", out_dir)
    files = files_of(corpus)
    good = [f for f in files if not f.endswith("m-broken.yaml")]
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == sorted([Path(f).stem + ".md" for f in good] + ["summary.json"])
    assert f"wrote {len(good)} reports and {out_dir / 'summary.json'}" in out
    summary = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    assert [p["plan"] for p in summary["plans"]] == files
    assert summary["summary"]["unusable"] == 1
    # each report is the single-plan command's
    assert run(capsys, "report", files[0], "--format", "markdown", "--output", tmp_path / "single.md")[0] == 0
    assert (out_dir / "a-bekasi.md").read_bytes() == (tmp_path / "single.md").read_bytes()
    assert "[kinerja.plan.yaml]" in err
    assert code == 2
    # several plans need a folder
    code, _, err = run(capsys, "report", corpus, "--format", "markdown")
    assert code == 2 and "[kinerja.cli.output]" in err


def test_rollup_of_several_plans_has_a_plan_column(capsys, corpus):
    code, out, err = run(capsys, "rollup", corpus / "a-bekasi.yaml", CLEAN, "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert all(list(r)[0] == "plan" for r in rows)
    assert {r["plan"] for r in rows} <= {str(corpus / "a-bekasi.yaml"), str(CLEAN)}
    single = json.loads(run(capsys, "rollup", corpus / "a-bekasi.yaml", "--format", "json")[1])
    assert [{k: v for k, v in r.items() if k != "plan"} for r in rows if r["plan"] == str(corpus / "a-bekasi.yaml")] == single


def test_the_worked_example_of_docs_batch_md(capsys, tmp_path, monkeypatch):
    # the commands of the example, run in a fresh folder; the lines that do not depend on how
    # many findings the checks give (other issues change those) are compared with the document
    text = (TESTS.parent / "docs" / "batch.md").read_text(encoding="utf-8")
    block = text.split("### A worked example", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    shown = block.split("$ kinerja check corpus --format text | tail -n 22\n", 1)[1].split("$ ", 1)[0].splitlines()
    (tmp_path / "corpus" / "real").mkdir(parents=True)
    shutil.copy(kinerja.bundled_plan_path(), tmp_path / "corpus" / "bekasi-dpppa-2024-2026.yaml")
    for name in ("dumai-pupr-lkjip-2020.yaml", "sampang-inspektorat-lkjip-2019.yaml"):
        shutil.copy(REAL / name, tmp_path / "corpus" / "real" / name)
    (tmp_path / "corpus" / "real" / "m-broken.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "corpus", "--format", "text")
    assert code == 2
    lines = out.splitlines()
    assert len(shown) == 22
    for line in shown:
        if "unusable" in line or line.startswith(("plans:", "by rule:", "worst plans:")):
            assert line in lines
    # the worst plans, in the same order
    worst = [line.split(":")[0].strip() for line in shown if line.startswith("  corpus/")]
    assert worst == [line.split(":")[0].strip() for line in lines if line.startswith("  corpus/")]
    first = json.loads(run(capsys, "check", "corpus", "--format", "jsonl")[1].splitlines()[0])
    shown_first = json.loads(block.rsplit("\n", 2)[-2])
    assert list(first) == list(shown_first) and first["plan"] == shown_first["plan"]
