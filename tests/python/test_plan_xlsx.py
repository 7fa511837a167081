"""Plans from Excel workbooks in the flat CSV layout (issue 12, item 5): kinerja.load_plan_xlsx, and
.xlsx accepted where a plan file is (load_plan_file, the CLI).

The fixture is tests/data/csv/tabel-6.1-program-2.08.02.csv written cell by cell into a sheet; its
header is node_id, level, code, name, parent, indicator_id, indicator, polarity, year, target,
budget (column 11, K), source. Its line 3 is programme 2.08.02's 2025 pagu "3.830,000,000", whose
activities sum to 5,599,220,800 (budget-rollup; tests/python/test_plan_csv.py works it out).
"""

import csv
import json
import os
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import kinerja  # noqa: E402
from kinerja import cli  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CSV = ROOT / "tests" / "data" / "csv" / "tabel-6.1-program-2.08.02.csv"


def _write(path, rows, formats=None, sheet="Tabel 6.1", extra_sheet=None):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None and value != "":
                cell = ws.cell(row=r, column=c, value=value)
                if formats and (r, c) in formats:
                    cell.number_format = formats[(r, c)]
    if extra_sheet:
        book.create_sheet(extra_sheet)
    book.save(path)
    return path


def _csv_rows():
    with open(CSV, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.fixture()
def workbook(tmp_path):
    return _write(tmp_path / "tabel-6.1-program-2.08.02.xlsx", _csv_rows())


def test_a_sheet_of_text_gives_the_plan_of_the_csv(workbook):
    from_csv = kinerja.load_plan_csv(CSV, title="T")
    from_xlsx = kinerja.load_plan_xlsx(workbook, title="T")
    assert from_xlsx == from_csv  # the same content (locations do not count)
    # the csv defaults, from the file name: id without the suffix, the title with it
    default = kinerja.load_plan_file(workbook)
    assert default.id == "tabel-6.1-program-2.08.02"
    assert default.title == "Plan read from tabel-6.1-program-2.08.02.xlsx"
    a = [(f.rule, f.node_id, f.indicator, f.year, f.message) for f in from_csv.check()]
    b = [(f.rule, f.node_id, f.indicator, f.year, f.message) for f in from_xlsx.check()]
    assert a == b and len(a) == 5


def test_locations_are_cells(workbook):
    plan = kinerja.load_plan_xlsx(workbook)
    rollup = [f for f in plan.check(rules=["budget-rollup"]) if f.year == 2025 and f.node_id == "p-2.08.02"]
    assert len(rollup) == 1
    # row 3 of the sheet, column K (11): the budget cell of programme 2.08.02 in 2025
    assert rollup[0].location == f"{workbook}:3:11"
    assert rollup[0].line == 3 and rollup[0].column == 11


def test_number_cells_are_read_as_the_numbers_they_hold(tmp_path):
    rows = [["node_id", "level", "name", "indicator_id", "indicator", "unit", "polarity", "year", "target", "budget",
             "source"],
            ["p-1", "program", "Program Satu", "", "", "", "", 2024, "", 8958876144, "Tabel X"],
            ["p-1", "program", "Program Satu", "i-1", "Cakupan", "%", "higher", 2024, 0.779, "", "Tabel X"],
            ["p-1", "program", "Program Satu", "i-2", "Rasio", "Rasio", "higher", 2024, 18.221, "", "Tabel X"],
            ["p-1", "program", "Program Satu", "i-3", "Indeks", "Nilai", "higher", 2024, 1.5, "", "Tabel X"]]
    path = _write(tmp_path / "numbers.xlsx", rows, formats={(3, 9): "0.00%"})
    plan = kinerja.load_plan_xlsx(path)
    assert plan.node("p-1").budget[2024] == "8958876144"      # an integer cell, no grouping
    assert plan.indicator("i-1").targets[2024] == "77.9%"     # 0.779 shown as a percentage
    assert plan.indicator("i-2").targets[2024] == "18.2210"   # not the ambiguous "18.221" (18,221?)
    assert plan.indicator("i-3").targets[2024] == "1.5"
    assert plan.period == (2024, 2024)                        # the year cells were numbers
    frame = plan.to_frame()
    numbers = dict(zip(frame.indicator_id, frame.target_number))
    assert numbers == {"i-1": 77.9, "i-2": pytest.approx(18.221), "i-3": 1.5}


def test_a_named_sheet_and_the_errors(tmp_path, workbook):
    two = _write(tmp_path / "two.xlsx", _csv_rows(), sheet="Data", extra_sheet="Notes")
    assert kinerja.load_plan_xlsx(two, sheet="Data", title="T") == kinerja.load_plan_csv(CSV, id="two", title="T")
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_xlsx(two, sheet="Tabel 6.1")
    assert info.value.id == "kinerja.xlsx.sheet"
    assert "'Data', 'Notes'" in str(info.value)
    not_a_book = tmp_path / "fake.xlsx"
    not_a_book.write_text("node_id,level\n", encoding="utf-8")
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_xlsx(not_a_book)
    assert info.value.id == "kinerja.xlsx.read" and info.value.file == str(not_a_book)
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_xlsx(tmp_path / "missing.xlsx")
    assert info.value.id == "kinerja.plan.io"


def test_schema_errors_point_at_cells(tmp_path):
    rows = _csv_rows()
    no_source = [r[:-1] for r in rows]  # the required source column (L) removed
    path = _write(tmp_path / "no-source.xlsx", no_source)
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_xlsx(path)
    assert info.value.id == "kinerja.csv.schema" and info.value.line == 1
    assert "source" in info.value.reason and "delimiter" not in info.value.reason
    beyond = [list(r) for r in rows]
    beyond[4] = beyond[4] + ["", "a note"]  # row 5, column N (14): text beyond the header's column L
    path = _write(tmp_path / "beyond.xlsx", beyond)
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_xlsx(path)
    assert (info.value.id, info.value.line, info.value.column) == ("kinerja.csv.schema", 5, 14)
    assert "beyond the header's last column (column 12)" in info.value.reason


def test_the_cli_checks_a_workbook(workbook, capsys, monkeypatch):
    monkeypatch.chdir(workbook.parent)
    code = cli.main(["check", workbook.name, "--rule", "budget-rollup", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # budget-rollup is an error
    assert f"{workbook.name}:3:11" in {d["location"] for d in data}
    code = cli.main(["report", workbook.name, "--format", "text"])
    assert code == 0 and capsys.readouterr().out.startswith("Plan read from tabel-6.1-program-2.08.02.xlsx\n")
    assert os.path.exists(workbook)


def test_a_workbook_named_in_a_batch_is_read(workbook, capsys):
    plans = kinerja.load_plans([str(CSV), str(workbook)], threads=2)
    findings = plans.check()
    by_plan = {}
    for f in findings:
        by_plan.setdefault(f.plan, []).append((f.rule, f.node_id, f.year, f.message))
    assert by_plan[str(workbook)] == by_plan[str(CSV)] and len(by_plan[str(CSV)]) == 5
    assert plans.summary()["loaded"] == 2 and plans.errors == []
    assert [p.id for p in plans] == ["tabel-6.1-program-2.08.02", "tabel-6.1-program-2.08.02"]
    code = cli.main(["check", str(CSV), str(workbook), "--format", "jsonl"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1 and {d["plan"] for d in lines} == {str(CSV), str(workbook)}
    broken = workbook.parent / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    plans = kinerja.load_plans([str(broken)])
    plans.check()
    assert [(e.id, e.plan) for e in plans.errors] == [("kinerja.xlsx.read", str(broken))]
