"""Issue 9's regional structure (misi, context nodes, codes per agency) and the indicator checks
(unit-change within a row, scale-jump, achievement-without-realization, share-above-100,
budget-target) from Python; the examples of docs/plans.md print what the page shows."""

import re
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

ROOT = Path(__file__).resolve().parents[2]
PLANS_MD = (ROOT / "docs" / "plans.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", PLANS_MD, flags=re.S)

HEAD = ("kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n")


def examples():
    """(file name, YAML, expected output) of each `$ kinerja check FILE` block after a YAML block."""
    out = []
    for (lang, body), (next_lang, next_body) in zip(BLOCKS, BLOCKS[1:]):
        if lang == "yaml" and next_lang == "text" and next_body.startswith("$ kinerja check "):
            command, expected = next_body.split("\n", 1)
            out.append((command[len("$ kinerja check "):], body, expected))
    return out


def test_plans_md_has_its_examples():
    assert [name for name, _, _ in examples()] == ["regional.yaml", "indicators.yaml", "real.yaml", "awal.yaml",
                                                   "rate.yaml", "strategy.yaml"]


@pytest.mark.parametrize("name,yaml_text,expected", examples(), ids=[e[0] for e in examples()])
def test_plans_md_example_prints_what_the_page_shows(name, yaml_text, expected, tmp_path, monkeypatch, capsys):
    (tmp_path / name).write_text(yaml_text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = cli.main(["check", name])
    assert capsys.readouterr().out == expected
    assert status == 1  # each example holds an error-severity finding


def test_misi_level_and_context_flag_from_python():
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - {id: m-1, level: misi, name: Misi 1, source: \"Tabel 7.1\"}\n"
        "  - {id: u-1, level: urusan, name: U, context: true, source: \"Tabel 7.1\", "
        "budget: {2024: \"900\"}}\n"
        "  - {id: p-1, level: program, name: P, parent: u-1, source: \"Tabel 7.1\", budget: {2024: \"100\"}}\n"
        "  - {id: p-2, level: program, name: P2, parent: m-1, source: \"Tabel 7.1\"}\n")
    assert plan.node("m-1").level == "misi"
    assert plan.node("u-1").context is True
    assert plan.node("p-1").context is False
    # 900 over a child of 100 is no roll-up error for a context node; both programmes are linked
    assert plan.check(rules=["budget-rollup", "budget-missing", "orphan"]) == []
    assert plan.settings["code_scope"] == "parent"


def test_code_scope_setting_from_python():
    body = ("nodes:\n"
            "  - {id: p-a, level: program, code: \"7.01.02\", name: P, responsible: Kecamatan A, source: T}\n"
            "  - {id: p-b, level: program, code: \"7.01.02\", name: P, responsible: Kecamatan B, source: T}\n")
    assert kinerja.Plan.from_yaml(HEAD + body).check(rules=["duplicate-code"]) == []
    strict = kinerja.Plan.from_yaml(HEAD + "settings: {code_scope: plan}\n" + body)
    assert strict.settings["code_scope"] == "plan"
    found = strict.check(rules=["duplicate-code"])
    assert [(f.rule, f.node_id, f.severity) for f in found] == [("duplicate-code", "p-b", "error")]


def test_share_above_100_and_achievement_without_realization_from_python():
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - id: s-1\n    level: sasaran\n    name: S\n    source: T\n    indicators:\n"
        "      - {id: i-1, name: Cakupan layanan, unit: Persen, source: T, targets: {2024: \"10000%\"}, "
        "reported_achievement: {2024: \"100%\"}}\n")
    found = plan.check(rules=["share-above-100", "achievement-without-realization"])
    assert [(f.rule, f.year, f.actual) for f in found] == [
        ("share-above-100", 2024, 10000.0),  # the number 10000 of the printed 10000%
        ("achievement-without-realization", 2024, 100.0),
    ]
    assert found[0].expected == 100.0


def test_bundled_plan_reports_the_seed_jumps():
    found = kinerja.bundled_plan().check(rules=["unit-change", "scale-jump"])
    e14 = [f for f in found if f.indicator == "ind-sk-2.08.02.2.01.0001"]
    assert [(f.rule, f.year, f.expected, f.actual) for f in e14] == [("unit-change", 2025, "OPD", "765 Orang")]
    e16 = [f for f in found if f.indicator == "ind-iku-kta"]
    assert [(f.rule, f.year, f.expected, f.actual) for f in e16] == [("scale-jump", 2025, 0.028, 0.00028)]


def test_new_rules_are_listed():
    rules = {r["id"]: r["severity"] for r in kinerja.check_rules()}
    assert rules["scale-jump"] == "warning"
    assert rules["achievement-without-realization"] == "warning"
    assert rules["share-above-100"] == "error"
    assert rules["budget-target"] == "warning"


def test_a_misspelt_unit_word_in_a_row_is_unknown_unit_not_unit_change():
    # 5 Dokumen, 5 Dokume n (a word broken in the PDF), 6 Dokumen: the broken word is one
    # unknown-unit finding (nearest spelling Dokumen), not a change of unit within the row;
    # a real change (7 Laporan) still is one, against the row's majority Dokumen
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - id: s-1\n    level: sasaran\n    name: S\n    source: T\n    indicators:\n"
        "      - {id: i-1, name: Jumlah dokumen, source: T, "
        "targets: {2024: \"5 Dokumen\", 2025: \"5 Dokume n\", 2026: \"6 Dokumen\"}}\n"
        "      - {id: i-2, name: Jumlah dokumen, source: T, "
        "targets: {2024: \"5 Dokumen\", 2025: \"7 Laporan\", 2026: \"6 Dokumen\"}}\n")
    found = plan.check(rules=["unit-change", "unknown-unit"])
    assert [(f.rule, f.indicator, f.year) for f in found] == [
        ("unknown-unit", "i-1", None), ("unit-change", "i-2", 2025)]
    assert "Dokumen" in found[0].message and found[1].expected == "Dokumen"
