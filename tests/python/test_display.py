"""Rich display (HTML for Jupyter), DataFrames of plans, indicators, findings, changes and
reports, entering realizations from a DataFrame, help() and the shipped type information."""

import math
import pydoc
import re
from pathlib import Path

import pandas as pd
import pytest

import kinerja
from kinerja import _core
from kinerja.display import CATEGORY_BACKGROUNDS
from kinerja.results import Changes, Findings


@pytest.fixture(scope="module")
def plan():
    return kinerja.bundled_plan()


def body_rows(html: str) -> list:
    """The <tr> elements of the table bodies of an HTML string."""
    bodies = re.findall(r"<tbody>(.*?)</tbody>", html, flags=re.S)
    return [row for body in bodies for row in re.findall(r"<tr[^>]*>.*?</tr>", body, flags=re.S)]


def cells(row: str) -> list:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]


# ------------------------------------------------------------------------------------- plans

def test_a_plan_displays_as_an_html_table_of_its_cascade_with_pagu_as_printed(plan):
    html = plan._repr_html_()
    assert "<table" in html
    row = next(r for r in body_rows(html) if cells(r)[0] == "2.08.01")
    assert "Program Penunjang Urusan Pemerintahan Daerah" in cells(row)[1]
    assert "8,958,876,144" in cells(row)  # pagu 2024 exactly as printed
    assert "pagu 2024" in html and "pagu end" in html
    assert len(body_rows(html)) == len(plan.nodes)


def test_the_cascade_table_indents_children_deeper_than_their_parents(plan):
    html = plan._repr_html_()
    depth = {}
    for r in body_rows(html):
        m = re.search(r'padding-left:([\d.]+)em" title="([^"]+)"', r)
        depth[m.group(2)] = float(m.group(1))
    assert depth["p-2.08.01"] > depth["s-1.1"] > depth["t-1"]
    assert depth["sk-2.08.01.2.01.0001"] > depth["k-2.08.01.2.01"] > depth["p-2.08.01"]


def test_plain_repr_of_a_plan_stays_one_short_line(plan):
    text = repr(plan)
    assert "\n" not in text and len(text) < 200
    assert text.startswith("Plan('bekasi-dpppa-renstra-2024-2026'")


def test_the_cascade_table_shows_rolled_up_achievement_coloured_by_category():
    plan = kinerja.bundled_plan()
    assert "capaian 2024" not in plan._repr_html_()  # nothing realized yet
    plan.set_realization("ind-iku-akip", 2024, "BB (76.02)")  # target BB (75): 101.36 %
    html = plan._repr_html_()
    assert "capaian 2024 (%)" in html
    row = next(r for r in body_rows(html) if 'title="s-1.1"' in r)
    assert "101.36" in cells(row)
    assert CATEGORY_BACKGROUNDS["Sangat Tinggi"] in row


def test_to_frame_is_one_row_per_indicator_year(plan):
    frame = plan.to_frame()
    assert isinstance(frame, pd.DataFrame)
    akip = frame[(frame.indicator_id == "ind-h-s19-5-akip") & (frame.year == 2019)].iloc[0]
    assert (akip.target, akip.realization, akip.achievement, akip.category) == ("CC (60)", "BB (72.79)", 121.32,
                                                                                "Sangat Tinggi")
    assert not frame.duplicated(["indicator_id", "year"]).any()


# ------------------------------------------------------------------------------------- indicators

def test_indicator_frame_gives_the_years_of_one_indicator_with_achievement(plan):
    frame = plan.indicator_frame("ind-h-s19-5-akip")
    assert list(frame.columns) == list(plan.to_frame().columns)
    assert set(frame.indicator_id) == {"ind-h-s19-5-akip"}
    by_year = frame.set_index("year")
    assert by_year.loc[2019, "achievement"] == 121.32
    assert by_year.loc[2019, "category"] == "Sangat Tinggi"
    assert by_year.loc[2020, "achievement"] == 114.45


def test_indicator_frame_of_an_unknown_indicator_raises(plan):
    with pytest.raises(kinerja.KinerjaError) as err:
        plan.indicator_frame("ind-nope")
    assert err.value.id == "kinerja.lookup.indicator"


def test_an_indicator_view_displays_years_coloured_by_category(plan):
    view = plan.indicator_view("ind-h-s19-5-akip")
    assert isinstance(view, kinerja.IndicatorView)
    assert view.name == "Nilai AKIP" and view.node.id == "h-s19-5"  # attributes of the indicator pass through
    html = view._repr_html_()
    rows = {cells(r)[0]: r for r in body_rows(html)}
    assert "121.32" in cells(rows["2019"])
    assert CATEGORY_BACKGROUNDS["Sangat Tinggi"] in rows["2019"]
    assert "background:" not in rows["2022"]  # no realization printed: no category, no colour
    assert "\n" not in repr(view)


def test_a_low_achievement_is_coloured_by_its_own_category():
    plan = kinerja.bundled_plan()
    plan.set_realization("ind-iku-akip", 2024, "C (40)")  # 40 / 75 = 53.33 %: Rendah
    html = plan.indicator_view("ind-iku-akip")._repr_html_()
    row = next(r for r in body_rows(html) if cells(r)[0] == "2024")
    assert "53.33" in cells(row) and "Rendah" in cells(row)
    assert CATEGORY_BACKGROUNDS["Rendah"] in row


def test_a_bare_indicator_and_node_display_as_tables(plan):
    html = plan.indicator("ind-h-s19-5-akip")._repr_html_()
    assert "<table" in html and "121.32" in html
    node_html = plan.node("p-2.08.01")._repr_html_()
    assert "<table" in node_html and "8,958,876,144" in node_html


# ------------------------------------------------------------------------------------- findings

def test_check_returns_findings_a_list_that_displays_one_row_per_finding(plan):
    findings = plan.check()
    assert isinstance(findings, Findings) and isinstance(findings, list)
    assert len(findings) >= 98  # the seed's inconsistencies (docs/seed-findings.md)
    assert len(body_rows(findings._repr_html_())) == len(findings)
    errors = sum(f.severity == "error" for f in findings)
    assert repr(findings).startswith(f"Findings({len(findings)}: {errors} errors, ")
    assert "\n" not in repr(findings)


def test_findings_convert_to_a_tidy_frame_and_a_summary(plan):
    findings = plan.check()
    frame = findings.to_frame()
    assert len(frame) == len(findings)
    assert frame.loc[0, "rule"] == findings[0].rule
    assert kinerja.findings_frame(findings).equals(frame)
    assert plan.findings_frame().equals(frame)
    summary = findings.summary()
    rollups = sum(f.rule == "budget-rollup" for f in findings)
    assert rollups >= 40  # docs/seed-findings.md
    assert summary.loc["budget-rollup", "count"] == rollups
    assert summary.loc["budget-rollup", "severity"] == "error"
    assert summary["count"].sum() == len(findings)
    rollup = findings.by_rule("budget-rollup")
    assert isinstance(rollup, Findings) and len(rollup) == rollups
    assert len(findings.errors) == sum(f.severity == "error" for f in findings) >= 49
    assert isinstance(findings[:3], Findings) and len(findings[:3]) == 3


def test_the_findings_table_shows_the_known_programme_shortfall(plan):
    findings = plan.check(rules=["budget-rollup"])
    html = findings._repr_html_()
    row = next(r for r in body_rows(html) if cells(r)[2] == "2.08.01" and cells(r)[4] == "2024")
    assert cells(row)[5:7] == ["9,158,876,144", "8,958,876,144"]
    assert len(body_rows(findings[0]._repr_html_())) == 1  # one finding alone displays too


def test_an_empty_findings_list_displays():
    assert "0 findings" in Findings()._repr_html_()
    assert len(Findings().to_frame()) == 0


# ------------------------------------------------------------------------------------- changes

def test_diff_returns_changes_that_display_and_convert(plan):
    changes = plan.version_of("awal").diff(plan)
    assert isinstance(changes, Changes) and len(changes) == 56
    frame = changes.to_frame()
    assert list(frame.columns) == ["kind", "subject", "node_id", "node_code", "node_name", "indicator_id",
                                   "indicator_name", "field", "year", "is_end", "old", "new"]
    assert len(frame) == 56
    assert plan.version_of("awal").diff_frame(plan).equals(frame)
    akip = frame[(frame.indicator_id == "ind-iku-akip") & (frame.year == 2025)].iloc[0]
    assert (akip.old, akip.new) == ("BB (75.10)", "A (80.351)")
    assert len(body_rows(changes._repr_html_())) == 56
    assert repr(changes) == "Changes(56: 13 added, 43 changed)"


# ------------------------------------------------------------------------------------- entering realizations

def test_enter_realizations_from_a_frame_with_one_row_per_indicator_and_year():
    plan = kinerja.bundled_plan()
    frame = pd.DataFrame({
        "indicator_id": ["ind-iku-akip", "ind-iku-kta", "ind-iku-akip"],
        "year": [2024, 2024, 2025],
        "realization": ["BB (76.02)", "0.026%", math.nan],
    })
    assert plan.enter_realizations(frame) == 2  # the NaN row is skipped
    out = plan.to_frame().set_index(["indicator_id", "year"])
    assert out.loc[("ind-iku-akip", 2024), "achievement"] == 101.36
    assert out.loc[("ind-iku-kta", 2024), "realization"] == "0.026%"
    assert out.loc[("ind-iku-kta", 2024), "achievement"] == 111.54  # lower is better: 0.029 / 0.026
    assert out.loc[("ind-iku-akip", 2025), "realization"] is None


def test_enter_realizations_takes_numbers_and_realized_budgets():
    plan = kinerja.bundled_plan()
    frame = pd.DataFrame({
        "indicator_id": ["ind-iku-akip", None],
        "node_id": [None, "p-2.08.02"],
        "year": [2024, 2024],
        "realization": [80.5, None],
        "budget_realized": [None, "3,330,000,000"],
    })
    assert plan.enter_realizations(frame, source="LKjIP 2024") == 2
    assert plan.indicator("ind-iku-akip").realizations[2024] == "80.5"
    budget = plan.budget_frame(include_history=False).set_index(["node_id", "year"])
    assert budget.loc[("p-2.08.02", 2024), "absorption"] == 90.0


# ------------------------------------------------------------------------------------- reports

def test_report_converts_to_a_dict_of_frames(plan):
    report = kinerja.build_report(plan)
    frames = report.to_frames()
    assert list(frames) == [s.key for s in report.sections]
    for s in report.sections:
        assert list(frames[s.key].columns) == s.columns
        assert len(frames[s.key]) == len(s.rows)
    assert len(frames["findings"]) == len(plan.check())


def test_report_and_sections_display_as_html(plan):
    report = kinerja.build_report(plan)
    html = report._repr_html_()
    assert html.count("<table") == 1 + len(report.sections)  # the summary, then a table per section
    assert '<table class="summary">' in html
    section = report.section("findings")
    assert len(body_rows(section._repr_html_())) == len(section.rows)
    assert "\n" not in repr(section) and "\n" not in repr(report)


def test_the_html_report_file_keeps_its_stylesheet_classes(plan):
    page = kinerja.build_report(plan).render("html")
    assert page.startswith("<!DOCTYPE html>") and '<tr class="error">' in page
    body = re.sub(r"<svg .*?</svg>", "", page.split("</style>", 1)[1], flags=re.S)  # the charts style themselves
    assert "style=" not in body  # classes, not inline styles, in the file's tables


# ------------------------------------------------------------------------------------- help and types

def test_help_of_the_package_and_of_plan_reads_well():
    text = pydoc.render_doc(kinerja, renderer=pydoc.plaintext)
    assert "bundled_plan" in text and "Findings" in text and "kinerja.plots" in text
    plan_help = pydoc.render_doc(kinerja.Plan, renderer=pydoc.plaintext)
    for name in ("indicator_frame", "enter_realizations", "plot_cascade", ">>> plan = kinerja.bundled_plan()"):
        assert name in plan_help
    public = [getattr(kinerja.Plan, n) for n in dir(kinerja.Plan) if not n.startswith("_") and callable(getattr(kinerja.Plan, n))]
    assert all(f.__doc__ for f in public), [f.__name__ for f in public if not f.__doc__]


def test_every_public_name_is_exported_and_documented():
    for name in kinerja.__all__:
        obj = getattr(kinerja, name)
        if callable(obj) and not isinstance(obj, type(_core.Value)):
            assert obj.__doc__, name


def test_the_package_carries_py_typed_and_stubs_for_every_core_name():
    folder = Path(kinerja.__file__).parent
    assert (folder / "py.typed").is_file()
    stub = (folder / "_core.pyi").read_text(encoding="utf-8")
    missing = [n for n in dir(_core) if not n.startswith("_")
               and not re.search(rf"^\s*(class|def) {n}\b", stub, flags=re.M)]
    assert missing == []
    for cls in ("Plan", "Node", "Indicator", "Finding", "Change", "RollupEntry", "PrintedValue", "RuleInfo"):
        members = [m for m in dir(getattr(_core, cls)) if not m.startswith("_")]
        block = re.search(rf"^class {cls}\b.*?(?=^\S)", stub + "\nEND", flags=re.M | re.S).group(0)
        assert [m for m in members if not re.search(rf"^\s+(def )?{m}\b", block, flags=re.M)] == [], cls


@pytest.mark.parametrize("module", ["kinerja.display", "kinerja.plan", "kinerja.report"])
def test_the_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
