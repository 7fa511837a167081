"""The strategy layer of a Renstra (Tabel 5.1, issue 14 item 1): node levels strategi and
arah_kebijakan, the links in Python (strategy_links, strategy_matrix, strategy_frame), the report
section in every format, the HTML cascade, and the checks on the bundled plan and on plans without
the layer. Expected values are worked by hand from the seed (lines 1585-1608) in the comments."""

import json
import re
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja.strategy import STRATEGY_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
STRATEGY_RULES = ["strategy-level", "programme-without-policy", "sasaran-without-strategy",
                  "strategy-without-programme", "policy-without-programme", "strategy-unlinked"]

SMALL = """kinerja_plan: 1
plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}
nodes:
  - {id: t-1, level: tujuan, name: Tujuan satu, source: T61}
  - {id: s-1, level: sasaran, name: Sasaran satu, parent: t-1, source: T61}
  - {id: s-2, level: sasaran, name: Sasaran dua, parent: t-1, source: T61}
  - {id: p-1, level: program, name: Program satu, parent: s-1, supports: [ak-1], source: T61}
  - {id: p-2, level: program, name: Program dua, parent: s-2, source: T61}
  - {id: str-1, level: strategi, name: Strategi satu, supports: [s-1], source: Tabel 5.1}
  - {id: str-2, level: strategi, name: Strategi dua, supports: [s-1], source: Tabel 5.1}
  - {id: ak-1, level: arah_kebijakan, name: Kebijakan satu, supports: [str-1, str-2], source: Tabel 5.1}
"""


@pytest.fixture(scope="module")
def plan():
    return kinerja.bundled_plan()


@pytest.fixture(scope="module")
def small():
    return kinerja.Plan.from_yaml(SMALL, "small.yaml")


def test_node_level_names_the_two_levels(small):
    levels = {n.id: n.level for n in small.nodes}
    assert levels["str-1"] == "strategi"
    assert levels["ak-1"] == "arah_kebijakan"
    assert small.node("ak-1").supports == ["str-1", "str-2"]


def test_the_links_and_the_matrix_of_a_small_plan(small):
    links = [(l.source, l.source_level, l.target, l.target_level) for l in small.strategy_links()]
    # in file order of the supporting node: p-1, str-1, str-2, ak-1 (two)
    assert links == [("p-1", "program", "ak-1", "arah_kebijakan"), ("str-1", "strategi", "s-1", "sasaran"),
                     ("str-2", "strategi", "s-1", "sasaran"), ("ak-1", "arah_kebijakan", "str-1", "strategi"),
                     ("ak-1", "arah_kebijakan", "str-2", "strategi")]
    rows = [(r.tujuan, r.sasaran, r.strategies, r.policies, r.programmes) for r in small.strategy_matrix()]
    # s-2 has no strategy: its row is empty past the sasaran
    assert rows == [("t-1", "s-1", ["str-1", "str-2"], ["ak-1"], ["p-1"]), ("t-1", "s-2", [], [], [])]


def test_the_frame_is_one_row_per_chain(small):
    frame = small.strategy_frame()
    assert list(frame.columns) == STRATEGY_COLUMNS
    # s-1: str-1 -> ak-1 -> p-1 and str-2 -> ak-1 -> p-1; s-2: a chain that stops at the sasaran
    chains = [tuple(None if v is None or v != v else v for v in r)
              for r in frame[["sasaran_id", "strategi_id", "arah_kebijakan_id", "program_id"]].itertuples(index=False)]
    assert chains == [("s-1", "str-1", "ak-1", "p-1"), ("s-1", "str-2", "ak-1", "p-1"), ("s-2", None, None, None)]
    assert frame.loc[0, "tujuan"] == "Tujuan satu"
    assert frame.loc[0, "arah_kebijakan"] == "Kebijakan satu"


def test_the_checks_of_a_small_plan(small):
    found = sorted((f.rule, f.node_id) for f in small.check(rules=STRATEGY_RULES))
    # p-2 serves no policy; s-2 has no strategy; everything else is linked
    assert found == [("programme-without-policy", "p-2"), ("sasaran-without-strategy", "s-2")]
    # a wrong level is an error
    wrong = kinerja.Plan.from_yaml(SMALL + "  - {id: str-3, level: strategi, name: S3, supports: [p-1], source: T}\n")
    [f] = [f for f in wrong.check(rules=["strategy-level"])]
    assert (f.node_id, f.severity) == ("str-3", "error")


def test_the_layer_round_trips(small, plan, tmp_path):
    for p in (small, plan):
        again = kinerja.Plan.from_yaml(p.to_yaml())
        assert again == p
        assert [(l.source, l.target) for l in again.strategy_links()] == [(l.source, l.target) for l in p.strategy_links()]
    target = tmp_path / "bundled.yaml"
    plan.save(target)
    assert kinerja.load_plan(target) == plan


def test_the_bundled_plan_carries_tabel_5_1(plan):
    counts = {}
    for n in plan.nodes:
        counts[n.level] = counts.get(n.level, 0) + 1
    # strategies 6 + 3 + 7 + 4 + 6, policies 4 + 3 + 3 + 4 + 5 (seed lines 1591-1607)
    assert (counts["strategi"], counts["arah_kebijakan"]) == (26, 19)
    rows = [(r.sasaran, len(r.strategies), len(r.policies), r.programmes) for r in plan.strategy_matrix()]
    assert rows == [("s-1.1", 6, 4, ["p-2.08.01"]), ("s-2.1", 3, 3, ["p-2.08.02"]), ("s-2.2", 7, 3, ["p-2.08.03"]),
                    ("s-2.3", 4, 4, ["p-2.08.06"]), ("s-2.4", 6, 5, ["p-2.08.07"])]
    # chains: 6x4 + 3x3 + 7x3 + 4x4 + 6x5 = 24 + 9 + 21 + 16 + 30 = 100
    assert len(plan.strategy_frame()) == 100
    # the family-quality strategy printed after the page break (seed line 1596) belongs to s-2.1
    assert "str-2.1-3" in plan.strategy_matrix()[1].strategies
    assert plan.node("str-2.1-3").name.startswith("Peningkatan Kualitas Keluarga untuk meningkatkan kondisi keluarga")
    # Tabel 5.1's own spelling of a programme is kept as an alias
    assert '{value: "Program Pemenuhan Hak Anak", source: "Tabel 5.1"}' in plan.to_yaml().replace("'", '"')


def test_the_checks_find_nothing_in_the_bundled_tabel_5_1(plan):
    assert plan.check(rules=STRATEGY_RULES) == []
    # and no other rule reports a node of the layer
    layer = {n.id for n in plan.nodes if n.level in ("strategi", "arah_kebijakan")}
    assert [f for f in plan.check() if f.node_id in layer] == []


def test_plans_without_tabel_5_1_get_no_strategy_finding():
    real = sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                  if not p.name.endswith(".expect.yaml") and p.name != "baseline.yaml")
    assert real
    for path in real:
        p = kinerja.load_plan(path)
        assert [f for f in p.check(rules=STRATEGY_RULES)] == [], path.name
        assert p.strategy_matrix() == []


# ------------------------------------------------------------------------------ report and display

@pytest.fixture(scope="module")
def report(plan):
    return kinerja.build_report(plan)


def test_the_report_lays_out_the_matrix_as_tabel_5_1(report, plan):
    s = report.section("tabel-5.1")
    assert s.title == "Goals, objectives, strategies and policy directions (Tabel 5.1 of the plan)"
    assert s.columns == ["tujuan", "sasaran", "strategi", "kebijakan", "program"]
    # one line per item of the longest list of each sasaran: 6 + 3 + 7 + 4 + 6 = 26
    assert len(s.rows) == 26
    first = s.rows[0]
    assert first[0] == "Meningkatkan kualitas pelayanan publik"
    assert first[1] == "Meningkatnya kualitas pelayanan publik yang akuntabel"
    assert first[2].startswith("Meningkatkan Mutu Penyelenggaraan Kinerja DPPPA Kota Bekasi")
    assert first[3] == "Meningkatkan sumber daya aparatur melalui diklat formal dan informal;"
    assert first[4] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    # the fifth line of s-1.1: a strategy, no policy left (4), no programme left (1)
    assert s.rows[4][:2] == [None, None] and s.rows[4][2] and s.rows[4][3] is None and s.rows[4][4] is None
    # the tujuan t-2 is printed once, on the first line of s-2.1 (line 7), not again for s-2.2
    assert s.rows[6][0].startswith("Terwujudnya Kesetaraan dan keadilan gender")
    assert s.rows[9][0] is None and s.rows[9][1] == "Meningkatnya perlindungan perempuan dari berbagai tindak kekerasan termasuk TPPO"
    # the Tabel 6.1 section holds no strategy nodes
    assert not any(r[1] in ("strategi", "arah_kebijakan") for r in report.section("tabel-6.1").rows)


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html"])
def test_the_section_renders_in_every_text_format(report, fmt):
    out = report.render(fmt)
    # csv names a section by its key, the others by its title
    assert ("tabel-5.1" if fmt == "csv" else "Goals, objectives, strategies and policy directions") in out
    if fmt != "text":
        assert "Meningkatkan sumber daya aparatur melalui diklat formal dan informal;" in out
    else:  # the short text: per sasaran the counts (6 strategies, 4 policies) and the programme
        assert "The texts of the 26 strategies and 19 policy directions are left out (--full lists them)." in out
    if fmt == "text":  # --full: an outline, every text whole, wrapped beside its column's name
        full = report.render(fmt, full=True)
        assert "kebijakan: Meningkatkan sumber daya aparatur melalui diklat formal dan informal;" in full
        assert full.count("strategi:  ") == 26
    if fmt == "json":
        [section] = [s for s in json.loads(out)["sections"] if s["key"] == "tabel-5.1"]
        assert len(section["rows"]) == 26
        assert section["rows"][0]["program"] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"


def test_the_section_is_a_sheet_of_the_workbook(report, tmp_path):
    target = tmp_path / "r.xlsx"
    report.save(target)
    ws = openpyxl.load_workbook(target)["tabel-5.1"]
    assert [c.value for c in ws[1]] == ["tujuan", "sasaran", "strategi", "kebijakan", "program"]
    assert ws.cell(row=2, column=5).value == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert ws.max_row == 1 + 26


def test_a_plan_without_the_layer_has_no_such_section():
    p = kinerja.Plan.from_yaml(SMALL.split("  - {id: str-1")[0].replace(", supports: [ak-1]", ""))
    assert "tabel-5.1" not in [s.key for s in kinerja.build_report(p).sections]


def test_the_html_cascade_shows_the_layer_under_its_sasaran_with_its_links(plan):
    html = plan._repr_html_()
    assert "supports (Tabel 5.1)" in html and "Arah Kebijakan" in html
    order = re.findall(r'title="([^"]+)">', html)
    ids = [i for i in order if i in {n.id for n in plan.nodes}]
    # s-1.1, then its strategies and policies, then its programme
    at = ids.index("s-1.1")
    assert ids[at + 1:at + 11] == [f"str-1.1-{k}" for k in range(1, 7)] + [f"ak-1.1-{k}" for k in range(1, 5)]
    assert ids[at + 11] == "p-2.08.01"
    # the programme's row names its four policy directions
    row = next(r for r in html.split("<tr")[1:] if 'title="p-2.08.01"' in r)
    assert all(f">ak-1.1-{k}<" in row for k in range(1, 5))
