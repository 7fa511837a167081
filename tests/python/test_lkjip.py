"""The LKjIP layout (docs/lkjip.md): ``Plan.report(layout="lkjip", year=Y)`` and ``kinerja report
--layout lkjip --year Y`` in every format, on tests/data/plans/lkjip-small.yaml (whose header
works every number out by hand) and on the bundled plan's 2019-2023 history (worked by hand from
the seed's Tabel 2.7 and Tabel 2.11 below)."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "data" / "plans" / "lkjip-small.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def small():
    return kinerja.load_plan(SMALL)


@pytest.fixture(scope="module")
def bundled():
    return kinerja.bundled_plan()


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows(report, key):
    s = report.section(key)
    return [dict(zip(s.columns, r)) for r in s.rows]


# ------------------------------------------------------------------------ the numbers, by hand

def test_small_plan_capaian_rows(small):
    r = small.report(layout="lkjip", year=2025)
    assert [s.key for s in r.sections] == ["lkjip-capaian", "lkjip-budget"]
    a, b = rows(r, "lkjip-capaian")
    # ind-s-1, higher: 85.5 / 95 = 90.00 (Tinggi); 2024: 92 / 90 = 102.22; progress 85.5 / 100 (end column)
    assert (a["target 2025 (printed)"], a["realization 2025 (printed)"]) == ("95%", "85.5%")
    assert a["capaian 2025 %"] == pytest.approx(90.00) and a["category"] == "Tinggi"
    assert a["realization 2024 (printed)"] == "92%" and a["capaian 2024 %"] == pytest.approx(102.22)
    assert a["realization 2023 (printed)"] is None and a["capaian 2023 %"] is None
    assert a["end target (printed)"] == "100%" and a["end target year"] == "end"
    assert a["end progress %"] == pytest.approx(85.50)
    # ind-s-2, lower (inverse): 0.35 / 0.28 = 125.00; 2024: 0.40 / 0.50 = 80.00; end = 2026 target 0.30 / 0.28
    assert b["capaian 2025 %"] == pytest.approx(125.00) and b["category"] == "Sangat Tinggi"
    assert b["capaian 2024 %"] == pytest.approx(80.00)
    assert b["end target (printed)"] == "0.30%" and b["end target year"] == 2026
    assert b["end progress %"] == pytest.approx(107.14)
    assert "the last year of the period" in b["progress basis"]


def test_small_plan_budget_rows(small):
    p1, p2 = rows(small.report(layout="lkjip", year=2025), "lkjip-budget")
    # 1,080,000,000 / 1,200,000,000 = 90.00; capaian 190 / 200 = 95.00; (1 - 90 / 95) x 100 = 5.26
    assert (p1["code"], p1["pagu"], p1["realized"]) == ("2.08.02", 1.2e9, 1.08e9)
    assert p1["absorption %"] == pytest.approx(90.00) and p1["capaian %"] == pytest.approx(95.00)
    assert p1["efficiency %"] == pytest.approx(5.26)
    assert p1["efficiency basis"] == "(1 - absorption 90.00 / capaian 95.00) x 100"
    assert p2["absorption %"] == pytest.approx(90.00)
    assert p2["capaian %"] is None and p2["efficiency %"] is None and "no capaian" in p2["efficiency basis"]


# The bundled plan, 2021, by hand from the seed (Tabel 2.7 rows 1-5, Tabel 2.11 programme rows):
#   rasio kekerasan terhadap perempuan (lower, 1 : N): 4347 / 4250 = 102.28 %, 2020 4545 / 4000 = 113.63 %,
#     end (2023 target 1 : 4.750) 4347 / 4750 = 91.52 %
#   penurunan kekerasan terhadap anak (lower, inverse): 0.030 / 0.029 = 103.45 %, 2019 0.040 / 0.024 = 166.67 %
#   Nilai AKIP (by score): 75.37 / 69 = 109.23 %, end 75.37 / 79 = 95.41 %
#   APE: Madya (2) / Madya (2) = 100 %; KLA 2020: Nindya (3) / Madya (2) = 150 %
#   PROGRAM PENGARUSUTAMAAN GENDER ...: 1,592,686,300 / 1,640,872,000 = 97.06 %
#   PROGRAM PENUNJANG URUSAN ...: 7,677,331,813 / 8,368,516,000 = 91.74 %
def test_bundled_2021_by_hand(bundled):
    r = bundled.report(layout="lkjip", year=2021)
    cap = {x["indicator"]: x for x in rows(r, "lkjip-capaian")}
    assert len(cap) == 5  # the five IKU of 2019-2023 (Tabel 2.6/2.7)
    ktp = cap["Rasio kekerasan terhadap perempuan dan TPPO"]
    assert ktp["part"] == "history" and ktp["sasaran"] == "h-s19-2"
    assert (ktp["capaian 2021 %"], ktp["capaian 2020 %"], ktp["capaian 2019 %"]) == (102.28, 113.63, None)
    assert ktp["end target (printed)"] == "1 : 4.750" and ktp["end target year"] == 2023
    assert ktp["end progress %"] == 91.52
    kta = cap["Persentase Penurunan Tindak Kekerasan Terhadap Anak"]
    assert (kta["capaian 2021 %"], kta["capaian 2019 %"]) == (103.45, 166.67)
    akip = cap["Nilai AKIP"]
    assert (akip["capaian 2021 %"], akip["end progress %"]) == (109.23, 95.41)
    assert cap["Predikat Anugerah Parahita Ekapraya"]["capaian 2021 %"] == 100.0
    assert cap["Predikat Kota Layak Anak"]["capaian 2020 %"] == 150.0
    bud = {x["programme"]: x for x in rows(r, "lkjip-budget")}
    assert bud["PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN"]["absorption %"] == 97.06
    assert bud["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"]["absorption %"] == 91.74


def test_bundled_years_2019_to_2023(bundled):
    # every year of the previous period reports; 2022 and 2023 print targets without realizations (Tabel 2.7)
    assert set(range(2018, 2027)) <= set(bundled.lkjip_years())
    for year in range(2019, 2024):
        r = bundled.report(layout="lkjip", year=year)
        assert r.section("lkjip-capaian").rows
    r2023 = rows(bundled.report(layout="lkjip", year=2023), "lkjip-capaian")
    assert all(x["capaian 2023 %"] is None for x in r2023)


# ------------------------------------------------------------------------ errors

def test_a_year_the_plan_cannot_report_is_a_clear_error(small):
    with pytest.raises(kinerja.ArgumentError, match=r"kinerja.argument.lkjip_year.*2030.*2024-2026"):
        small.report(layout="lkjip", year=2030)
    with pytest.raises(kinerja.ArgumentError, match="kinerja.argument.lkjip_year"):
        small.report(layout="lkjip")
    with pytest.raises(kinerja.ArgumentError, match="kinerja.argument.report_layout"):
        small.report(layout="lakip", year=2025)


@pytest.mark.parametrize("argv", [["--layout", "lkjip"], ["--layout", "lkjip", "--year", "2030"],
                                  ["--layout", "lkjip", "--year", "end"],
                                  ["--layout", "lkjip", "--year", "2024", "--year", "2025"]])
def test_the_command_line_says_what_is_wrong_in_one_line(capsys, argv):
    code, out, err = run(capsys, "report", SMALL, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "kinerja.argument.lkjip_year" in err, err
    assert "Traceback" not in err


def test_an_unknown_layout_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        run(capsys, "report", SMALL, "--layout", "lakip", "--year", "2025")
    assert e.value.code == 2


# The 2021 budget table of the bundled plan, by hand (Tabel 2.11 and the programmes' indicators of the
# text of section 2.3): the gender-mainstreaming programme's indicator 49.11 % of 49.90 = 98.42 %,
# efficiency (1 - 97.06 / 98.42) x 100 = 1.38; the child-rights programme (its name is printed blank)
# 75.1 % of 73 % = 102.88 %, absorption 827,361,700 / 868,206,500 = 95.30 %, efficiency
# (1 - 95.30 / 102.88) x 100 = 7.37; the programmes without an indicator have no efficiency
def test_bundled_2021_efficiency_by_hand(bundled):
    bud = {x["code"]: x for x in rows(bundled.report(layout="lkjip", year=2021), "lkjip-budget")}
    assert sorted(bud) == ["h11-p-penunjang", "h11-p-pha", "h11-p-pka", "h11-p-pp", "h11-p-pug"]
    pug = bud["h11-p-pug"]
    assert (pug["capaian %"], pug["efficiency %"]) == (98.42, 1.38)
    pha = bud["h11-p-pha"]
    assert (pha["absorption %"], pha["capaian %"], pha["efficiency %"]) == (95.30, 102.88, 7.37)
    assert pha["efficiency basis"] == "(1 - absorption 95.30 / capaian 102.88) x 100"
    assert bud["h11-p-pp"]["efficiency %"] is None


# ------------------------------------------------------------------------ every format

SMALL_MARKDOWN = """\
# Rencana Strategis Dinas Uji 2024-2026: LKjIP 2025

## Summary

- **plan**: Rencana Strategis Dinas Uji 2024-2026
- **organisation**: Dinas Uji, Kota Uji
- **period**: 2024-2026, version perubahan
- **year**: 2025 (LKjIP layout; earlier years shown: 2023, 2024)
- **indicators**: 2 indicators of sasaran with a target or realization in 2025; 2 with a capaian: Sangat Tinggi 1, Tinggi 1
- **absorption**: Rp 1,530,000,000 realized of Rp 1,700,000,000 = 90.00 %, 2 of 2 programmes

## Capaian kinerja 2025 per sasaran and indicator (LKjIP)

_capaian = realization against the target of the year with the plan's settings and each indicator's polarity; \
progress = realization 2025 against the end target (the end-of-period column, else the target of the last year of \
the indicator's period), by the same rule; category on the capaian scale_

| part | sasaran | sasaran name | indicator | unit | polarity | realization 2023 | realization 2023 (printed) \
| capaian 2023 % | realization 2024 | realization 2024 (printed) | capaian 2024 % | target 2025 | target 2025 (printed) \
| realization 2025 | realization 2025 (printed) | capaian 2025 % | category | end target | end target (printed) \
| end target year | end progress % | capaian basis | progress basis |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| plan | s-1 | Meningkatnya perlindungan perempuan dan anak | Persentase penanganan kasus kekerasan | Persen \
| higher |  |  |  | 92.00 | 92% | 102.22 | 95.00 | 95% | 85.50 | 85.5% | 90.00 | Tinggi | 100.00 | 100% | end \
| 85.50 | realization 2025 "85.5%" against target "95%": numbers | realization 2025 against the end target "100%" \
(the end-of-period column): numbers |
| plan | s-1 | Meningkatnya perlindungan perempuan dan anak | Persentase kekerasan terhadap anak | Persen | lower \
|  |  |  | 0.50 | 0.50% | 80.00 | 0.35 | 0.35% | 0.28 | 0.28% | 125.00 | Sangat Tinggi | 0.30 | 0.30% | 2026 \
| 107.14 | realization 2025 "0.28%" against target "0.35%": numbers | realization 2025 against the end target "0.30%" \
(the target of 2026, the last year of the period): numbers |

## Budget, absorption and efficiency 2025 per programme (LKjIP)

_amounts in Rupiah; absorption = realized / pagu x 100; capaian = the programme's roll-up (mean of its indicators, \
else of its activities); efficiency = (1 - absorption / capaian) x 100 (positive: more achieved than spent, in \
shares of plan); half up to 2 decimals_

| part | code | programme | pagu | pagu (printed) | realized | realized (printed) | absorption % | capaian % \
| efficiency % | capaian basis | efficiency basis |
|---|---|---|---|---|---|---|---|---|---|---|---|
| plan | 2.08.02 | Program Perlindungan Perempuan | 1,200,000,000 | 1,200,000,000 | 1,080,000,000 | 1,080,000,000 \
| 90.00 | 95.00 | 5.26 | roll-up of 2025 (mean): own indicators (no children with an achievement) \
| (1 - absorption 90.00 / capaian 95.00) x 100 |
| plan | 2.08.06 | Program Pemenuhan Hak Anak | 500,000,000 | 500,000,000 | 450,000,000 | 450,000,000 | 90.00 |  \
|  | no capaian: neither the programme nor its activities have an indicator with an achievement in 2025 \
| no efficiency: the programme has no capaian in 2025 |
"""


def test_markdown_exactly(small):
    # the numbers are the hand-worked ones of the fixture's header; the summary's totals:
    # 1,080,000,000 + 450,000,000 = 1,530,000,000 of 1,200,000,000 + 500,000,000 = 1,700,000,000 = 90.00 %
    assert small.report(layout="lkjip", year=2025).render("markdown") == SMALL_MARKDOWN


SMALL_TEXT = """\
Rencana Strategis Dinas Uji 2024-2026: LKjIP 2025
=================================================

Summary
-------
plan:         Rencana Strategis Dinas Uji 2024-2026
organisation: Dinas Uji, Kota Uji
period:       2024-2026, version perubahan
year:         2025 (LKjIP layout; earlier years shown: 2023, 2024)
indicators:   2 indicators of sasaran with a target or realization in 2025; 2 with a capaian: Sangat
              Tinggi 1, Tinggi 1
absorption:   Rp 1,530,000,000 realized of Rp 1,700,000,000 = 90.00 %, 2 of 2 programmes

Capaian kinerja 2025 per sasaran and indicator (LKjIP)
------------------------------------------------------
(capaian = realization against the target of the year with the plan's settings and each indicator's
polarity; progress = realization 2025 against the end target (the end-of-period column, else the
target of the last year of the indicator's period), by the same rule; category on the capaian scale)
  target  realization  capaian %  category       2024 %  2023 %  end target  progress %
  ------  -----------  ---------  -------------  ------  ------  ----------  ----------
s-1 Meningkatnya perlindungan perempuan dan anak: Persentase penanganan kasus kekerasan
  95%     85.5%            90.00  Tinggi         102.22          100%             85.50
s-1 Meningkatnya perlindungan perempuan dan anak: Persentase kekerasan terhadap anak
  0.35%   0.28%           125.00  Sangat Tinggi   80.00          0.30%           107.14
(2024 %, 2023 %: the capaian of the earlier years; progress %: the realization of 2025 against the
end target; --full shows every column.)

Budget, absorption and efficiency 2025 per programme (LKjIP)
------------------------------------------------------------
(amounts in Rupiah; absorption = realized / pagu x 100; capaian = the programme's roll-up (mean of
its indicators, else of its activities); efficiency = (1 - absorption / capaian) x 100 (positive:
more achieved than spent, in shares of plan); half up to 2 decimals)
code     programme                        pagu       realized  absorption %  capaian %  efficiency %
-------  ----------------------  -------------  -------------  ------------  ---------  ------------
2.08.02  Program Perlindungan …  1,200,000,000  1,080,000,000         90.00      95.00          5.26
2.08.06  Program Pemenuhan Hak…    500,000,000    450,000,000         90.00
"""


def test_text_exactly(small):
    assert small.report(layout="lkjip", year=2025).render("text", columns=100) == SMALL_TEXT.rstrip("\n") + "\n"


def test_xlsx_types_and_number_formats(small, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "lkjip.xlsx"
    small.report(layout="lkjip", year=2025).save(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["about", "lkjip-capaian", "lkjip-budget"]
    ws = wb["lkjip-capaian"]
    head = [c.value for c in ws[1]]
    cell = {name: ws.cell(row=2, column=head.index(name) + 1) for name in head}
    assert cell["capaian 2025 %"].value == 90.0 and cell["capaian 2025 %"].number_format == "0.00"
    assert cell["capaian 2025 %"].data_type == "n"
    assert cell["end progress %"].value == 85.5 and cell["end progress %"].number_format == "0.00"
    assert cell["target 2025 (printed)"].value == "95%" and cell["target 2025 (printed)"].data_type == "s"
    assert cell["target 2025"].value == 95.0
    assert cell["category"].value == "Tinggi"
    year = ws.cell(row=3, column=head.index("end target year") + 1)
    assert year.value == 2026 and year.number_format == "0"
    ws = wb["lkjip-budget"]
    head = [c.value for c in ws[1]]
    cell = {name: ws.cell(row=2, column=head.index(name) + 1) for name in head}
    assert cell["pagu"].value == 1_200_000_000 and cell["pagu"].number_format == "#,##0"
    assert cell["realized"].value == 1_080_000_000 and cell["realized"].number_format == "#,##0"
    assert cell["code"].value == "2.08.02" and cell["code"].data_type == "s"
    for name, value in (("absorption %", 90.0), ("capaian %", 95.0), ("efficiency %", 5.26)):
        assert cell[name].value == value and cell[name].number_format == "0.00", name
    assert ws.cell(row=3, column=head.index("efficiency %") + 1).value is None
    about = {r[0].value: r[1].value for r in wb["about"].iter_rows(min_row=2)}
    assert about["layout"] == "lkjip 2025"


def test_html_content(small):
    page = small.report(layout="lkjip", year=2025).render("html")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert 'id="charts"' not in page  # the layout has no charts
    cap = page[page.index('<table class="kinerja-lkjip-capaian"'):]
    cap = cap[:cap.index("</table>")]
    # printed target and realization, the computed numbers, rows coloured by category
    assert re.search(r'<tr class="high">.*?<td>95%</td><td>85.5%</td><td class="num">90.00</td><td>Tinggi</td>', cap)
    assert '<tr class="very-high">' in cap and '<td class="num">107.14</td>' in cap
    bud = page[page.index('<table class="kinerja-lkjip-budget"'):]
    assert '<td class="num">1,200,000,000</td>' in bud and '<td class="num">5.26</td>' in bud


def test_csv_and_json(small):
    import csv
    import json

    r = small.report(layout="lkjip", year=2025)
    data = json.loads(r.render("json"))
    assert [s["key"] for s in data["sections"]] == ["lkjip-capaian", "lkjip-budget"]
    assert data["sections"][1]["rows"][0]["efficiency %"] == 5.26
    lines = list(csv.reader(io.StringIO(r.render("csv"))))
    budget = [x for x in lines if x and x[0] == "lkjip-budget"]
    assert budget[0][1:4] == ["plan", "2.08.02", "Program Perlindungan Perempuan"]
    assert "5.26" in budget[0]


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html", "xlsx"])
def test_the_command_line_writes_every_format(capsys, tmp_path, fmt):
    target = tmp_path / f"lkjip.{ 'txt' if fmt == 'text' else 'md' if fmt == 'markdown' else fmt}"
    code, out, err = run(capsys, "report", "--layout", "lkjip", "--year", "2021", "--format", fmt, "-o", target)
    assert code == 0 and err == "" and target.stat().st_size > 500
    if fmt != "xlsx":
        assert "102.28" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: chromium; scripts/setup)")
def test_chromium_renders_the_lkjip_page(bundled, tmp_path):
    Image = pytest.importorskip("PIL.Image")
    page = tmp_path / "lkjip.html"
    page.write_text(bundled.report(layout="lkjip", year=2021).render("html"), encoding="utf-8")
    shot = tmp_path / "lkjip.png"
    done = subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                           "--no-first-run", "--disable-extensions", f"--screenshot={shot}", "--window-size=1200,1400",
                           "--hide-scrollbars", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1400)
    # the rows are coloured by category: the very-high green (#c8e6c9) fills part of the page
    green = sum(1 for p in image.getdata() if p == (0xc8, 0xe6, 0xc9))
    assert green > 5_000
    dom = subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "kinerja-lkjip-capaian" in dom and "102.28" in dom


def test_the_documented_terminal_output_is_the_command_s(capsys, monkeypatch):
    text = (ROOT / "docs" / "lkjip.md").read_text(encoding="utf-8")
    block = re.search(r"```\n\$ COLUMNS=100 kinerja report --layout lkjip --year 2021\n(.*?)\n```", text, re.S)
    assert block
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, "report", "--layout", "lkjip", "--year", "2021")
    assert code == 0 and out.rstrip("\n") == block.group(1)


def test_a_batch_names_the_plan_that_cannot_report_the_year(capsys, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SMALL, folder / "small.yaml")
    code, out, err = run(capsys, "report", folder, "--layout", "lkjip", "--year", "2025", "--format", "json",
                         "-o", tmp_path / "out")
    assert code == 0 and (tmp_path / "out" / "small.json").is_file()
    code, out, err = run(capsys, "report", folder, "--layout", "lkjip", "--year", "2021", "--format", "json",
                         "-o", tmp_path / "out2")
    assert code == 2 and "small.yaml" in err and "kinerja.argument.lkjip_year" in err
    assert len(err.strip().splitlines()) == 1
