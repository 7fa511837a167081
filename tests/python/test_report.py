"""Reports of a plan in every format: the sections, the Nilai AKIP rows, and output that other
tools can read (json, csv, html.parser, openpyxl)."""

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja.report import FORMATS

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
SECTION_KEYS = ["achievement", "tabel-2.7", "tabel-6.1", "budget", "conventions", "findings"]


@pytest.fixture(scope="module")
def plan():
    return kinerja.bundled_plan()


@pytest.fixture(scope="module")
def report(plan):
    return kinerja.build_report(plan)


def test_sections_of_the_bundled_plan(report, plan):
    assert [s.key for s in report.sections] == SECTION_KEYS
    assert report.plan_title == plan.title
    assert report.section("achievement").title == "Capaian kinerja (achievement) 2024-2026"
    assert report.section("tabel-6.1").title.startswith("Tabel 6.1")
    assert report.section("tabel-2.7").title.startswith("Tabel 2.7")
    assert report.section("findings").title == f"Findings of the checks ({len(plan.check())})"
    with pytest.raises(KeyError):
        report.section("nope")


def test_tabel_2_7_row_of_nilai_akip(report):
    s = report.section("tabel-2.7")
    rows = [dict(zip(s.columns, r)) for r in s.rows if r[0] == "Nilai AKIP"]
    assert len(rows) == 1
    row = rows[0]
    assert row["target 2019"] == "CC (60)"
    assert row["realization 2019"] == "BB (72.79)"
    assert row["ratio 2019"] == pytest.approx(1.2132)        # 72.79 / 60 = 1.213167 -> 121.32 % -> 1.2132
    assert row["printed ratio 2019"] == "1.21; 121.32%"
    assert row["ratio 2021"] == pytest.approx(1.0923)        # 75.37 / 69 = 1.092319 -> 109.23 %
    assert row["ratio 2022"] is None                          # realization "-"


def test_sections_of_a_small_plan():
    r = kinerja.build_report(kinerja.load_plan(PLANS / "valid-small.yaml"))
    # achievement: three indicators x 2024-2026 (end is left out)
    assert len(r.section("achievement").rows) == 9
    # Tabel 2.7 layout: the one history indicator, years 2022-2023
    s27 = r.section("tabel-2.7")
    assert len(s27.rows) == 1 and s27.columns[1:3] == ["target 2022", "target 2023"]
    # Tabel 6.1 layout: one row per node (each has at most one indicator)
    assert len(r.section("tabel-6.1").rows) == 6
    # budget: 6 nodes x (2024, 2025, 2026, end)
    assert len(r.section("budget").rows) == 24
    assert len(r.section("findings").rows) == 1
    assert r.section("findings").rows[0][:2] == ["warning", "unit-change"]
    assert [s.key for s in kinerja.build_report(kinerja.load_plan(PLANS / "valid-small.yaml"),
                                                include_findings=False).sections] == SECTION_KEYS[:-1]


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


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_have_the_sections_and_a_nilai_akip_row(report, fmt):
    out = report.render(fmt)
    lines = out.splitlines()
    assert any("Nilai AKIP" in line for line in lines)
    assert any(line.lstrip("# ").startswith("Tabel 2.7 layout") for line in lines)
    assert any(line.lstrip("# ").startswith("Tabel 6.1 layout") for line in lines)
    # the Tabel 2.7 section holds a Nilai AKIP row with its printed 2019 target
    start = next(i for i, l in enumerate(lines) if l.lstrip("# ").startswith("Tabel 2.7 layout"))
    end = next(i for i, l in enumerate(lines) if l.lstrip("# ").startswith("Tabel 6.1 layout"))
    akip = [l for l in lines[start:end] if "Nilai AKIP" in l]
    assert len(akip) == 1 and "CC (60)" in akip[0] and "BB (72.79)" in akip[0]
    if fmt == "markdown":
        assert akip[0].startswith("| Nilai AKIP |")
        assert lines[0] == f"# {report.plan_title}"


def test_json_parses_and_has_the_sections(report):
    data = json.loads(report.render("json"))
    assert data["plan"] == report.plan_title
    assert [s["key"] for s in data["sections"]] == SECTION_KEYS
    by_key = {s["key"]: s for s in data["sections"]}
    for s in report.sections:
        assert len(by_key[s.key]["rows"]) == len(s.rows)
        assert by_key[s.key]["columns"] == s.columns
    akip = [r for r in by_key["tabel-2.7"]["rows"] if r["indicator"] == "Nilai AKIP"]
    assert akip[0]["target 2019"] == "CC (60)"


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
    assert parser.tables == len(report.sections) == 6
    assert parser.h2 == len(report.sections)
    assert "Nilai AKIP" in out


def test_xlsx_opens_with_openpyxl_with_one_sheet_per_section(report):
    wb = openpyxl.load_workbook(io.BytesIO(report.render("xlsx")))
    assert wb.sheetnames == SECTION_KEYS
    for s in report.sections:
        ws = wb[s.key]
        assert ws["A1"].value == s.title
        assert [c.value for c in ws[2]] == s.columns
        assert ws.max_row == 2 + len(s.rows)
    names = [row[0].value for row in wb["tabel-2.7"].iter_rows(min_row=3)]
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
    assert openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames == SECTION_KEYS
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
