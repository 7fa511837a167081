"""Reports of a plan in every format: the sections, the Nilai AKIP rows, and output that other
tools can read (json, csv, html.parser, openpyxl)."""

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja.report import FORMATS

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
SECTION_KEYS = ["achievement", "tabel-2.7", "tabel-5.1", "tabel-6.1", "budget", "conventions", "findings"]


@pytest.fixture(scope="module")
def plan():
    return kinerja.bundled_plan()


@pytest.fixture(scope="module")
def report(plan):
    return kinerja.build_report(plan)


def test_sections_of_the_bundled_plan(report, plan):
    assert [s.key for s in report.sections] == SECTION_KEYS
    assert report.plan_title == plan.title
    assert report.section("achievement").title == "Achievement (capaian kinerja) 2024-2026"
    # the bundled plan's rows come from its Tabel 6.1 and Tabel 2.7 (their `source`), so the titles name them
    assert report.section("tabel-6.1").title == "Programmes, activities and funding 2024-2026 (Tabel 6.1 of the plan)"
    assert report.section("tabel-2.7").title == "Achievement over the years 2018-2023 (Tabel 2.7 of the plan)"
    assert report.section("budget").title == "Budget (pagu), realization and absorption by year"
    assert report.section("findings").title == f"Findings of the checks ({len(plan.check())})"
    with pytest.raises(KeyError):
        report.section("nope")


def test_tabel_2_7_row_of_nilai_akip(report):
    s = report.section("tabel-2.7")
    rows = [dict(zip(s.columns, r)) for r in s.rows if r[0] == "Nilai AKIP"]
    assert len(rows) == 1
    row = rows[0]
    assert row["target 2019 (printed)"] == "CC (60)" and row["target 2019"] == 60
    assert row["realization 2019 (printed)"] == "BB (72.79)" and row["realization 2019"] == 72.79
    assert row["ratio 2019"] == pytest.approx(1.2132)        # 72.79 / 60 = 1.213167 -> 121.32 % -> 1.2132
    assert row["ratio 2019 (printed)"] == "1.21; 121.32%"
    assert row["ratio 2021"] == pytest.approx(1.0923)        # 75.37 / 69 = 1.092319 -> 109.23 %
    assert row["ratio 2022"] is None                          # realization "-"


def test_sections_of_a_small_plan():
    r = kinerja.build_report(kinerja.load_plan(PLANS / "valid-small.yaml"))
    # achievement: three indicators x 2024-2026 (end is left out)
    assert len(r.section("achievement").rows) == 9
    # Tabel 2.7 layout: the one history indicator, years 2022-2023
    s27 = r.section("tabel-2.7")
    assert len(s27.rows) == 1 and s27.columns[1:3] == ["target 2022", "target 2022 (printed)"]
    # Tabel 6.1 layout: one row per node (each has at most one indicator)
    assert len(r.section("tabel-6.1").rows) == 6
    # budget: 6 nodes x (2024, 2025, 2026, end)
    assert len(r.section("budget").rows) == 24
    assert len(r.section("findings").rows) == 1
    assert r.section("findings").rows[0][:2] == ["warning", "unit-change"]
    assert [s.key for s in kinerja.build_report(kinerja.load_plan(PLANS / "valid-small.yaml"),
                                                include_findings=False).sections] == \
        [k for k in SECTION_KEYS[:-1] if k != "tabel-5.1"]  # it has no strategi or arah_kebijakan nodes


def test_the_conventions_section_states_what_was_inferred(report):
    # the bundled Tabel 6.1 prints in its end column the 2026 pagu (8,958,876,144 / 7,032,576,000 /
    # 7,032,576,000 / end 7,032,576,000 for programme 2.08.01): the last year, never the sum
    rows = {name: reading for name, reading in report.section("conventions").rows}
    assert list(rows) == ["pagu on", "end column of pagu", "end column of targets", "pagu on indicator rows",
                          "numbers", "ambiguous numbers (3.000) read by their table's convention"]
    # Tabel 2.11 prints amounts as 183,788,250 (line 2611 of the bundled plan) and none as 183.788.250
    assert "Tabel 2.11 english" in rows["ambiguous numbers (3.000) read by their table's convention"]
    assert rows["end column of pagu"].startswith("the last year (inferred: 0 rows sum, ")
    assert "not on: urusan 0/1" in rows["pagu on"]  # the urusan row prints no pagu


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(report, fmt):
    out = report.render(fmt)
    assert isinstance(out, bytes if fmt == "xlsx" else str)
    assert len(out) > 1000


def test_markdown_has_the_sections_and_a_nilai_akip_row(report):
    lines = report.render("markdown").splitlines()
    assert lines[0] == f"# {report.plan_title}"
    assert lines[2] == "## Summary"
    start = lines.index("## Achievement over the years 2018-2023 (Tabel 2.7 of the plan)")
    end = lines.index("## Programmes, activities and funding 2024-2026 (Tabel 6.1 of the plan)")
    akip = [l for l in lines[start:end] if "Nilai AKIP" in l]
    assert len(akip) == 1 and akip[0].startswith("| Nilai AKIP |")
    assert "| 60.00 | CC (60) | 72.79 | BB (72.79) | 1.2132 | 1.21; 121.32% |" in akip[0]  # 2019


def test_text_shows_the_nilai_akip_years_under_its_name(report):
    lines = report.render("text", columns=100).splitlines()
    start = lines.index("Achievement over the years 2018-2023 (Tabel 2.7 of the plan)")
    end = lines.index("Programmes, activities and funding 2024-2026 (Tabel 6.1 of the plan)")
    at = lines.index("Nilai AKIP", start, end)
    # the printed target, the printed realization, the computed ratio (72.79 / 60) and the printed ratio
    assert lines[at + 1].split() == ["2019", "CC", "(60)", "BB", "(72.79)", "1.2132", "1.21;", "121.32%"]


def test_json_parses_and_has_the_sections(report):
    data = json.loads(report.render("json"))
    assert data["plan"] == report.plan_title
    assert [s["key"] for s in data["sections"]] == SECTION_KEYS
    by_key = {s["key"]: s for s in data["sections"]}
    for s in report.sections:
        assert len(by_key[s.key]["rows"]) == len(s.rows)
        assert by_key[s.key]["columns"] == s.columns
    akip = [r for r in by_key["tabel-2.7"]["rows"] if r["indicator"] == "Nilai AKIP"]
    assert akip[0]["target 2019 (printed)"] == "CC (60)" and akip[0]["target 2019"] == 60
    assert [x["label"] for x in data["summary"]][:3] == ["plan", "organisation", "period"]


def test_csv_parses_with_the_csv_module(report):
    rows = list(csv.reader(io.StringIO(report.render("csv"))))
    for s in report.sections:
        header = ["section"] + s.columns
        assert header in rows
        data = [r for r in rows if r and r[0] == s.key]
        assert len(data) == len(s.rows)
        assert all(len(r) == len(header) for r in data)
    akip = [r for r in rows if r[:2] == ["tabel-2.7", "Nilai AKIP"]]
    assert len(akip) == 1


class _Structure(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tables, self.h2 = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        self.tables += tag == "table"
        self.h2 += tag == "h2"

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def test_html_is_well_formed_with_one_table_per_section(report):
    out = report.render("html")
    assert out.startswith("<!DOCTYPE html>")
    parser = _Structure()
    parser.feed(out)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    # the summary, a table per section but the findings, and one per severity of the findings
    severities = {r[0] for r in report.section("findings").rows}
    assert severities == {"error", "warning", "info"}
    assert parser.tables == 1 + (len(report.sections) - 1) + len(severities) == 10
    assert parser.h2 == 2 + len(report.sections)  # Summary, Charts and the sections
    assert "Nilai AKIP" in out


def test_xlsx_opens_with_openpyxl_with_one_sheet_per_section(report):
    wb = openpyxl.load_workbook(io.BytesIO(report.render("xlsx")))
    assert wb.sheetnames == ["about"] + SECTION_KEYS
    for s in report.sections:
        ws = wb[s.key]
        assert [c.value for c in ws[1]] == s.columns  # the header in row 1, the title in the about sheet
        assert ws.max_row == 1 + len(s.rows)
    names = [row[0].value for row in wb["tabel-2.7"].iter_rows(min_row=2)]
    assert "Nilai AKIP" in names


@pytest.mark.parametrize("fmt", ["pdf", "TEXT", ""])
def test_unknown_format_is_an_error(report, fmt):
    with pytest.raises(ValueError, match="unknown report format"):
        report.render(fmt)


@pytest.mark.parametrize("suffix, fmt", [(".txt", "text"), (".md", "markdown"), (".csv", "csv"), (".json", "json"),
                                         (".html", "html"), (".HTM", "html")])
def test_save_writes_the_format_its_suffix_names(report, tmp_path, suffix, fmt):
    target = tmp_path / f"report{suffix}"
    report.save(target)
    assert target.read_text(encoding="utf-8") == report.render(fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_save_writes_an_xlsx_workbook_and_a_given_format(report, tmp_path):
    report.save(tmp_path / "report.xlsx")
    assert openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames == ["about"] + SECTION_KEYS
    report.save(tmp_path / "report.data", "json")  # the format given wins over the suffix
    assert json.loads((tmp_path / "report.data").read_text(encoding="utf-8"))["plan"] == report.plan_title


@pytest.mark.parametrize("name, fmt, message", [
    ("report.pdf", None, "cannot tell the report format from '{path}'"),
    ("report", None, "cannot tell the report format from '{path}'"),
    ("report.csv", "pdf", "unknown report format 'pdf'"),
])
def test_save_with_an_unknown_format_is_an_error_and_writes_nothing(report, tmp_path, name, fmt, message):
    with pytest.raises(kinerja.errors.ArgumentError) as info:
        report.save(tmp_path / name, fmt)
    assert info.value.id == "kinerja.argument.report_format"
    assert str(info.value).startswith("[kinerja.argument.report_format] " + message.format(path=tmp_path / name))
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------- the text report

def _sections_in(text):
    return [line for line, under in zip(text.splitlines(), text.splitlines()[1:]) if under and set(under) == {"-"}]


@pytest.mark.parametrize("columns", [60, 80, 100, 132])
def test_text_fits_the_width_and_stays_short(report, columns):
    text = report.render("text", columns=columns)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert len(lines) <= 400  # a few hundred lines for the bundled plan (it has 122 findings and 968 budget rows)
    full = report.render("text", columns=columns, full=True).splitlines()
    assert max(len(line) for line in full) <= columns
    assert len(full) > 1000  # every row: 244 achievement rows, 968 budget rows, 122 findings ...


def test_text_width_defaults_to_columns_then_100(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    assert kinerja.report.terminal_columns() == 72
    assert max(len(line) for line in report.render("text").splitlines()) <= 72
    monkeypatch.delenv("COLUMNS")
    # pytest captures standard output: no terminal, so 100
    assert kinerja.report.terminal_columns() == 100


def test_text_opens_with_the_summary(report):
    lines = report.render("text", columns=100).splitlines()
    assert _sections_in("\n".join(lines))[:2] == ["Summary", "Achievement (capaian kinerja) 2024-2026"]
    summary = "\n".join(lines[: lines.index("Achievement (capaian kinerja) 2024-2026")])
    assert "period:" in summary and "2024-2026, version perubahan" in summary
    # nothing is realized in 2024-2026 in the bundled plan
    assert "0 with a realization" in summary
    assert "2024-2026: none yet, no realization is printed for these years" in summary
    # the five programmes' pagu 2024 in Tabel 6.1: 8,958,876,144 + 3,700,000,000 + 770,000,000 + 2,100,000,000 +
    # 1,900,000,000 = 17,428,876,144
    assert "2024 Rp 17,428,876,144" in summary
    findings = kinerja.bundled_plan().check()
    counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "info")}
    assert f"{len(findings)}: {counts['error']} error, {counts['warning']} warning, {counts['info']} info" in summary
    # the worst findings: errors first, one of each rule, five at most (the bundled plan has errors of four rules:
    # budget-rollup, code-hierarchy, duplicate-code and reported-achievement)
    worst = [line.split()[1] for line in summary.splitlines() if line.startswith(("  error:", "  warning:"))]
    assert sorted(worst[:4]) == ["budget-rollup", "code-hierarchy", "duplicate-code",
                                 "reported-achievement"]
    assert len(worst) == 5 and summary.count("  warning:") == 1


def test_empty_parts_say_why_in_one_sentence(plan):
    text = kinerja.build_report(plan).render("text", columns=100)
    part = text.split("Achievement (capaian kinerja) 2024-2026")[1].split("Achievement over the years")[0]
    assert "No indicator has a realization in 2024-2026 yet: all" in part
    assert "year  code" not in part  # no empty table
    text = kinerja.build_report(plan, years=[2030]).render("text", columns=100)
    part = text.split("Achievement (capaian kinerja) 2024-2026")[1].split("Achievement over the years")[0]
    assert "No year asked for (2030) lies in the plan period 2024-2026" in part
    assert kinerja.build_report(plan, years=[2030]).section("achievement").rows == []


def test_a_realization_shows_in_the_short_achievement_section():
    plan = kinerja.bundled_plan()
    plan.set_realization("ind-iku-akip", 2024, "BB (76.02)")  # 76.02 / 75 = 101.36 %, Sangat Tinggi
    text = kinerja.build_report(plan).render("text", columns=120)
    part = text.split("Achievement (capaian kinerja) 2024-2026")[1].split("Achievement over the years")[0]
    row = [line for line in part.splitlines() if "BB (76.02)" in line]
    assert len(row) == 1 and "101.36" in row[0] and "Sangat Tinggi" in row[0]
    assert "targets without a realization yet are left out (--full lists them)" in part


def test_codes_are_never_cut_in_the_text(report):
    text = report.render("text", columns=80)
    assert "2.08.01.2.02.0005" in text  # the longest code of the bundled plan's Tabel 6.1


def test_a_plan_whose_rows_come_from_no_tabel_6_1_is_not_titled_so(tmp_path):
    text = (PLANS / "valid-small.yaml").read_text(encoding="utf-8")
    assert '"Tabel 6.1"' in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace("Tabel 6.1", "Lampiran 3"), encoding="utf-8")
    r = kinerja.build_report(kinerja.load_plan(path))
    assert r.section("tabel-6.1").title == "Programmes, activities and funding 2024-2026"
    assert all("Tabel 6.1" not in s.title for s in r.sections)


# ---------------------------------------------------------------------------- the workbook

@pytest.fixture(scope="module")
def workbook(report):
    return openpyxl.load_workbook(io.BytesIO(report.render("xlsx")))


def _column(ws, name):
    header = [c.value for c in ws[1]]
    return [row[header.index(name)] for row in ws.iter_rows(min_row=2)]


def test_every_sheet_has_its_header_in_row_1_frozen_filtered_and_widths_set(workbook):
    for ws in workbook.worksheets:
        header = [c.value for c in ws[1]]
        assert all(isinstance(h, str) and h for h in header)
        assert all(c.font.b for c in ws[1])
        assert ws.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(len(header))
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
        for j, name in enumerate(header, start=1):
            width = ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
            assert width >= len(name) + 2 or width >= 62, (ws.title, name, width)


def test_the_about_sheet_holds_the_title_and_the_plan(workbook, report, plan):
    rows = {r[0].value: r[1].value for r in workbook["about"].iter_rows(min_row=2)}
    assert rows["plan"] == plan.title and rows["period"] == "2024-2026" and rows["version"] == "perubahan"
    assert rows["sheet tabel-6.1"].startswith("Programmes, activities and funding 2024-2026 (Tabel 6.1 of the plan)")


def test_pagu_is_a_number_in_rupiah_format_beside_its_printed_text(workbook):
    ws = workbook["tabel-6.1"]
    codes = [c.value for c in _column(ws, "code")]
    at = codes.index("2.08.01")
    cell = _column(ws, "pagu 2024")[at]
    # Tabel 6.1: programme 2.08.01 prints 8,958,876,144 for 2024
    assert cell.data_type == "n" and cell.value == 8958876144 and cell.number_format == "#,##0"
    assert _column(ws, "pagu 2024 (printed)")[at].value == "8,958,876,144"
    # a code is text, and its column is wide enough for the longest one
    assert all(c.data_type == "s" for c in _column(ws, "code") if c.value is not None)
    assert ws.column_dimensions["A"].width >= len("2.08.01.2.02.0005")


def test_percentages_and_ratios_have_two_and_four_decimals(workbook):
    ws = workbook["budget"]
    names = [c.value for c in _column(ws, "name")]
    years = [c.value for c in _column(ws, "year")]
    at = next(i for i, (n, y) in enumerate(zip(names, years)) if n == "PROGRAM PERLINDUNGAN PEREMPUAN" and y == 2022)
    # Tabel 2.11: pagu 500,000,000, realized 259,990,025 -> 51.998005 % -> 52.00
    cell = _column(ws, "absorption %")[at]
    assert cell.data_type == "n" and cell.value == pytest.approx(52.00) and cell.number_format == "0.00"
    assert _column(ws, "pagu")[at].value == 500000000 and _column(ws, "realized")[at].value == 259990025
    ws = workbook["tabel-2.7"]
    names = [c.value for c in _column(ws, "indicator")]
    ratio = _column(ws, "ratio 2019")[names.index("Nilai AKIP")]
    assert ratio.value == pytest.approx(1.2132) and ratio.number_format == "0.0000"
    year = _column(workbook["achievement"], "year")[0]
    assert year.data_type == "n" and year.number_format == "0"


_NUMBER_TEXT = re.compile(r"^[-+]?[0-9][0-9.,]*%?$")


def test_no_number_is_stored_as_text_outside_a_printed_column(workbook):
    # the issue counted 282 such cells in tabel-6.1 ('8,958,876,144', '200.000.000') and 146 in findings
    for ws in workbook.worksheets:
        header = [c.value for c in ws[1]]
        for j, name in enumerate(header):
            if "(printed)" in name or name in ("code", "value", "node"):  # codes are text, like 2.08
                continue
            texts = [c.value for c in _column(ws, name) if c.data_type == "s" and _NUMBER_TEXT.match(str(c.value))]
            assert texts == [], (ws.title, name, texts[:3])
    # every printed column stands beside the number it prints
    for ws in workbook.worksheets:
        header = [c.value for c in ws[1]]
        for name in header:
            if name.endswith(" (printed)"):
                assert name[: -len(" (printed)")] in header or name == "absorption (printed)", name


def test_every_number_cell_has_a_number_format(workbook):
    for ws in workbook.worksheets:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.data_type == "n" and c.value is not None:
                    assert c.number_format != "General", (ws.title, c.coordinate)


def test_read_excel_gives_clean_frames(report):
    pd = pytest.importorskip("pandas")
    frames = pd.read_excel(io.BytesIO(report.render("xlsx")), sheet_name=None)
    assert list(frames) == ["about"] + SECTION_KEYS
    for s in report.sections:
        frame = frames[s.key]
        assert list(frame.columns) == s.columns
        assert not any(str(c).startswith("Unnamed") for c in frame.columns)
        assert len(frame) == len(s.rows)
    pagu = frames["tabel-6.1"]["pagu 2024"]
    assert pagu.dtype == float and pagu.max() == 8958876144
    assert frames["budget"]["absorption %"].dtype == float
    assert frames["findings"]["severity"].isin(["error", "warning", "info"]).all()


# ---------------------------------------------------------------------------- kinerja report

def test_cli_report_fits_columns_and_full_shows_every_row(capsys, monkeypatch):
    from kinerja import cli

    monkeypatch.setenv("COLUMNS", "70")
    assert cli.main(["report"]) == 0
    short = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in short) <= 70 and len(short) <= 400
    assert cli.main(["report", "--full"]) == 0
    full = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in full) <= 70 and len(full) > 2 * len(short)
    # --full lists the 244 targets of 2024-2026 that wait for a realization; the short report does not
    assert sum(line.startswith("2024  ") for line in full) > sum(line.startswith("2024  ") for line in short)


def test_cli_report_into_a_pipe_is_100_wide(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    done = subprocess.run([sys.executable, "-m", "kinerja", "report"], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) == 100  # the widest tables use the whole default width
