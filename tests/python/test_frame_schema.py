"""One frame schema (issue 12, item 3): every frame names what a row is about with node_id,
node_code, node_name (and indicator_id, indicator_name where an indicator applies), and its year
as a nullable integer ``year`` beside a boolean ``is_end``.

The plan below is written for these tests; its values are read off it by hand:
- programme P1 (code 1.01) prints pagu 2024 "1,000" and end "3,000"; its indicator i-1
  targets 2024 "80%" and end "90%" and realizes 2024 "60%" -> achievement 60 / 80 = 75 %;
- kegiatan K1 (code 1.01.01, under P1) prints pagu 2024 "1,000" with indicator i-2 (no values);
- in version "awal" i-1's 2024 target was "70%" and K1's name was "Kegiatan Lama".
"""

import pandas as pd
import pytest

import kinerja
from kinerja import tables

PLAN = """\
kinerja_plan: 1
plan: {id: schema, title: Schema fixture, organisation: Dinas Contoh, region: Kota Contoh, period: [2024, 2025], version: perubahan}
nodes:
  - id: P1
    level: program
    code: "1.01"
    name: Program Satu
    source: "Tabel X"
    budget: {2024: "1,000", end: "3,000"}
    indicators:
      - {id: i-1, name: Cakupan layanan, unit: Persen, polarity: higher, source: "Tabel X",
         targets: {2024: "80%", end: "90%"}, realizations: {2024: "60%"}}
  - id: K1
    level: kegiatan
    code: "1.01.01"
    name: Kegiatan Satu
    parent: P1
    source: "Tabel X"
    budget: {2024: "1,000"}
    indicators:
      - {id: i-2, name: Jumlah laporan, unit: Laporan, polarity: higher, source: "Tabel X"}
versions:
  awal:
    label: before the revision
    source: "Tabel X"
    nodes:
      - id: P1
        indicators:
          - {id: i-1, targets: {2024: "70%"}}
      - {id: K1, name: Kegiatan Lama}
"""

IDENTITY = ["node_id", "node_code", "node_name"]
INDICATOR = ["indicator_id", "indicator_name"]


@pytest.fixture(scope="module")
def plan():
    return kinerja.Plan.from_yaml(PLAN, file="schema.yaml")


def _frames(plan):
    older = plan.version_of("awal")
    return {
        "to_frame": (plan.to_frame(), True),
        "indicator_frame": (plan.indicator_frame("i-1"), True),
        "budget_frame": (plan.budget_frame(), False),
        "rollup": (plan.rollup(), False),
        "findings": (plan.check().to_frame(), True),
        "findings_frame": (plan.findings_frame(), True),
        "diff_frame": (older.diff_frame(plan), True),
        "changes.to_frame": (older.diff(plan).to_frame(), True),
    }


def _assert_schema(name, frame, with_indicator):
    for column in IDENTITY + (INDICATOR if with_indicator else []) + ["year", "is_end"]:
        assert column in frame.columns, (name, column, list(frame.columns))
    assert str(frame["year"].dtype) == "Int64", (name, frame["year"].dtype)
    assert frame["is_end"].dtype == bool, (name, frame["is_end"].dtype)
    for old in ("node", "indicator", "name"):  # the ambiguous names of before are gone
        assert old not in frame.columns, (name, old)
    # the end-of-period rows have no year; every other row with a year has one
    assert frame.loc[frame.is_end, "year"].isna().all(), name
    frame.sort_values("year")  # a nullable integer sorts (it raised on a mix of int and "end")


def test_every_frame_of_one_plan_follows_the_schema(plan):
    for name, (frame, with_indicator) in _frames(plan).items():
        assert len(frame) > 0, name
        _assert_schema(name, frame, with_indicator)


def test_indicator_frame_rows_by_hand(plan):
    frame = plan.to_frame()
    row = frame[(frame.indicator_id == "i-1") & (frame.year == 2024)].iloc[0]
    assert (row.node_id, row.node_code, row.node_name) == ("P1", "1.01", "Program Satu")
    assert row.indicator_name == "Cakupan layanan"
    assert not row.is_end
    assert row.target == "80%" and row.target_number == 80.0
    assert row.achievement == pytest.approx(75.0)  # 60 / 80
    end = frame[(frame.indicator_id == "i-1") & frame.is_end]
    assert len(end) == 1
    assert pd.isna(end.year.iloc[0]) and end.target.iloc[0] == "90%" and end.target_number.iloc[0] == 90.0
    # sorted by year, the end column comes last (a missing year sorts last)
    ordered = frame[frame.indicator_id == "i-1"].sort_values("year")
    assert list(ordered.is_end) == [False, True]


def test_budget_frame_rows_by_hand(plan):
    frame = plan.budget_frame()
    p1 = frame[frame.node_id == "P1"]
    assert list(p1.year.astype("object").where(p1.year.notna(), None)) == [2024, None]
    assert list(p1.is_end) == [False, True]
    assert list(p1.budget_number) == [1000.0, 3000.0]
    assert set(p1.node_code) == {"1.01"} and set(p1.node_name) == {"Program Satu"}


def test_rollup_frame_names_nodes_by_code_and_name(plan):
    frame = plan.rollup()
    p1 = frame[(frame.node_id == "P1") & (frame.year == 2024)].iloc[0]
    assert (p1.node_code, p1.node_name, p1.level) == ("1.01", "Program Satu", "program")
    assert p1.rolled == pytest.approx(75.0)  # its one indicator, 60 / 80; K1 has no achievement
    assert not frame.is_end.any()


def test_findings_name_their_node(plan):
    findings = plan.check()
    assert len(findings) > 0
    frame = findings.to_frame()
    for f, row in zip(findings, frame.itertuples(index=False)):
        node = plan.node(f.node_id) if f.node_id else None
        if node is not None:
            assert (row.node_id, row.node_code, row.node_name) == (node.id, node.code, node.name)
            assert f.node_name == node.name and f.node_code == node.code
        assert row.indicator_id == f.indicator
        assert bool(row.is_end) == (f.year == "end")


def test_changes_name_node_and_indicator(plan):
    frame = plan.version_of("awal").diff_frame(plan)
    target = frame[(frame.field == "target")].iloc[0]
    assert (target.node_id, target.node_code, target.node_name) == ("P1", "1.01", "Program Satu")
    assert (target.indicator_id, target.indicator_name) == ("i-1", "Cakupan layanan")
    assert target.year == 2024 and not target.is_end
    assert (target.old, target.new) == ("70%", "80%")
    name = frame[(frame.field == "name")].iloc[0]
    assert (name.node_id, name.node_code, name.node_name) == ("K1", "1.01.01", "Kegiatan Satu")
    assert pd.isna(name.indicator_id) and pd.isna(name.year)
    assert (name.old, name.new) == ("Kegiatan Lama", "Kegiatan Satu")


def test_planset_frames_follow_the_schema(tmp_path):
    path = tmp_path / "schema.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plans = kinerja.load_plans([str(tmp_path)], threads=1)
    _assert_schema("PlanSet.to_frame", plans.to_frame(), True)
    _assert_schema("PlanSet.budget_frame", plans.budget_frame(), False)
    _assert_schema("PlanSet.check", plans.check().to_frame(), True)
    assert list(plans.to_frame().columns[:3]) == ["plan", "region", "organisation"]


def test_empty_frames_keep_the_dtypes():
    empty = kinerja.findings_frame([])
    assert list(empty.columns) == tables.FINDING_COLUMNS
    assert str(empty.year.dtype) == "Int64" and empty.is_end.dtype == bool


def test_entered_rows_of_the_schema_round_trip(plan):
    copy = kinerja.Plan.from_yaml(PLAN, file="copy.yaml")
    rows = pd.DataFrame({"indicator_id": ["i-1", "i-1"], "year": pd.array([2025, None], dtype="Int64"),
                         "is_end": [False, True], "realization": ["70%", "85%"]})
    assert copy.enter_realizations(rows) == 2
    assert copy.indicator("i-1").realizations[2025] == "70%"
    assert copy.indicator("i-1").realizations["end"] == "85%"
    with pytest.raises(kinerja.ArgumentError, match="row 0: the year must be an integer"):
        copy.enter_realizations(pd.DataFrame({"indicator_id": ["i-1"], "year": [None], "realization": ["1%"]}))


def test_catalog_evaluation_keeps_a_frames_index():
    entry = kinerja.catalog.get("ikk-rasio-kekerasan-perempuan")  # women_victims / women * 100_000
    # 208 / 1,250,000 x 100,000 = 16.64 (the entry's own test vector); 10 / 100,000 x 100,000 = 10
    data = pd.DataFrame({"women_victims": [208.0, 10.0], "women": [1_250_000.0, 100_000.0]}, index=[7, 9])
    evaluated = entry.evaluate(data)
    assert isinstance(evaluated, pd.Series) and list(evaluated.index) == [7, 9]
    assert list(evaluated) == pytest.approx([16.64, 10.0])
    assert entry.evaluate(data.loc[[9, 7]]).loc[9] == pytest.approx(10.0)  # aligned by label, not position
    assert entry.evaluate({"women_victims": 208.0, "women": 1_250_000.0}) == pytest.approx(16.64)
