"""kinerja.load_plan_csv: a plan from a flat table (docs/plan-csv.md)."""

from pathlib import Path

import pytest

import kinerja

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "csv" / "tabel-6.1-program-2.08.02.csv"


def test_a_tabel_6_1_extract_loads_with_the_printed_values():
    plan = kinerja.load_plan_csv(FIXTURE, region="Kota Bekasi", organisation="DPPPA")
    assert plan.region == "Kota Bekasi" and plan.organisation == "DPPPA"
    # programme 2.08.02 with 3 activities and 5 sub-activities (seed line ~1699)
    assert len(plan.nodes) == 9
    programme = plan.node("p-2.08.02")
    assert programme.code == "2.08.02"
    # the seed prints "3,700,000,000" for 2024 and the mixed "3.830,000,000" for 2025, kept as printed
    assert programme.budget[2024] == "3,700,000,000"
    assert programme.budget[2025] == "3.830,000,000"
    assert plan.period == (2024, 2026)


def test_identity_defaults_come_from_the_file_name():
    plan = kinerja.load_plan_csv(FIXTURE)
    assert plan.id == "tabel-6.1-program-2.08.02"
    assert plan.version == "main"


def test_a_csv_plan_saves_as_yaml_and_loads_equal(tmp_path):
    plan = kinerja.load_plan_csv(FIXTURE)
    plan.save(tmp_path / "plan.yaml")
    assert kinerja.load_plan(tmp_path / "plan.yaml") == plan


def test_a_broken_table_names_the_line_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("node_id,level,name,year,source\np-1,program,Program A,2024,Tabel 6.1\np-2,programme,B,2024,T\n")
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_csv(bad)
    assert info.value.line == 3
    assert info.value.column == 5  # "programme" starts after "p-2," (4 characters)
    assert isinstance(info.value, ValueError)


def test_a_missing_file_is_a_plan_file_error():
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_csv("/nonexistent/plan.csv")
    assert info.value.id == "kinerja.plan.io"


def test_a_quoted_empty_cell_is_a_printed_blank(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("node_id,level,name,indicator_id,indicator,year,target,source\n"
                    's-1,sasaran,S,i-1,I,2024,"",T\n'
                    "s-1,,,i-1,,2025,,T\n", encoding="utf-8")
    ind = kinerja.load_plan_csv(str(path)).indicator("i-1")
    assert ind.targets == {2024: ""}  # 2024 printed blank; 2025 not printed
