"""kinerja.Plan: loading plan files, their errors, saving, equality, versions, tables and entered
realizations.

Fixtures are hand-written under tests/data/plans/ (the first line of each malformed file says
where its error is); every expected value below is worked out by hand, with the arithmetic in a
comment, from those files or from the seed (docs/seed-findings.md).
"""

from pathlib import Path

import pandas as pd
import pytest

import kinerja

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
SMALL = PLANS / "valid-small.yaml"
CLEAN = PLANS / "clean.yaml"


@pytest.fixture(scope="module")
def bundled():
    return kinerja.bundled_plan()


@pytest.fixture()
def small():
    return kinerja.load_plan(SMALL)


# --------------------------------------------------------------------------- loading

def test_small_plan_identity_and_counts(small):
    assert small.id == "uji-dinas-renstra-2024-2026"
    assert small.title == "Rencana Strategis Dinas Uji 2024-2026"
    assert small.organisation == "Dinas Uji"
    assert small.region == "Kota Uji"
    assert small.period == (2024, 2026)
    assert small.version == "perubahan"
    assert small.versions == ["perubahan", "awal"]
    assert small.settings == {"lower_method": "inverse", "rounding": "half_up", "decimals": 2, "code_scope": "parent",
                              "evidence": "optional"}
    assert small.file == str(SMALL)
    assert [n.id for n in small.nodes] == ["s-1", "p-2.08.03", "k-2.08.03.2.01", "sk-2.08.03.2.01.0001",
                                           "sk-2.08.03.2.01.0002", "k-2.08.03.2.02"]
    assert [n.id for n in small.history] == ["h-s-1"]


def test_small_plan_tree_codes_and_budgets(small):
    prog = small.node("p-2.08.03")
    assert prog.level == "program"
    assert prog.code == "2.08.03"
    assert prog.code_printed == "2 | 08 | 03"
    assert prog.parent == "s-1"
    assert prog.responsible == "Bidang Perlindungan Perempuan"
    assert prog.budget == {2024: "900,000,000", 2025: "1.000.000.000", 2026: "1.100.000.000",
                           "end": "1.100.000.000"}
    # `- id: p-2.08.03` on line 40, the mapping starts at column 5
    assert prog.location == f"{SMALL}:40:5"
    assert [n.id for n in small.children("p-2.08.03")] == ["k-2.08.03.2.01", "k-2.08.03.2.02"]
    assert [n.id for n in small.children("k-2.08.03.2.01")] == ["sk-2.08.03.2.01.0001", "sk-2.08.03.2.01.0002"]
    assert small.node("k-2.08.03.2.02").budget_realized == {}
    with pytest.raises(kinerja.KinerjaError) as info:
        small.node("p-9")
    assert info.value.id == "kinerja.lookup.node"


def test_small_plan_indicators(small):
    iku = small.indicator("ind-s-1")
    assert iku.kind == "iku"
    assert iku.unit == "Persen"
    assert iku.polarity == "higher"
    assert iku.scale is None
    assert iku.baseline == "90%"
    assert iku.baseline_year == 2023
    assert iku.targets == {2024: "95%", 2025: "97%", 2026: "100%", "end": "100%"}
    assert iku.source == "Tabel 7.3"
    hist = small.indicator("ind-h-s-1")
    assert hist.realizations == {2022: "93.60%", 2023: "92%"}
    assert hist.reported_achievement == {2022: ["1.04"], 2023: ["1.00"]}
    assert small.node("h-s-1").period == (2022, 2023)
    assert small.node("h-s-1").successor == "s-1"
    with pytest.raises(kinerja.KinerjaError) as info:
        small.indicator("ind-9")
    assert info.value.id == "kinerja.lookup.indicator"


def test_plan_from_yaml_text():
    plan = kinerja.Plan.from_yaml(CLEAN.read_text(encoding="utf-8"), "inline.yaml")
    assert plan.file == "inline.yaml"
    assert plan.period == (2024, 2025)
    assert plan == kinerja.load_plan(CLEAN)


def test_plan_cannot_be_built_from_anything_else():
    with pytest.raises(TypeError):
        kinerja.Plan("plan.yaml")


MALFORMED = [
    # file, error id, line, column, part of the reason (positions counted by hand in each file)
    ("bad-yaml-syntax.yaml", "kinerja.plan.yaml", 12, 5, "not valid YAML"),
    ("missing-kinerja-plan.yaml", "kinerja.plan.schema", 1, 1, "kinerja_plan"),
    ("unknown-key.yaml", "kinerja.plan.schema", 10, 5, 'unknown key "nmae" in a node (allowed: id, level, name,'),
    ("duplicate-id.yaml", "kinerja.plan.duplicate_id", 9, 5, 'id "s-1" is used twice (first at line 5)'),
    ("unknown-parent.yaml", "kinerja.plan.reference", 12, 13, '"s-9" does not exist'),
    ("bad-year-key.yaml", "kinerja.plan.schema", 9, 25, 'got "20245"'),
    ("text-for-mapping.yaml", "kinerja.plan.schema", 9, 13, "budget must be a mapping"),
    ("mapping-for-text.yaml", "kinerja.plan.schema", 7, 11, "name must be a single value (text), not a mapping"),
    ("unknown-level.yaml", "kinerja.plan.schema", 6, 12, 'got "seksi"'),
    ("bad-polarity.yaml", "kinerja.plan.schema", 13, 19, 'polarity must be higher, lower or scale:NAME, got "naik"'),
    ("unknown-scale.yaml", "kinerja.plan.reference", 12, 19, 'uses scale "NOPE"'),
    ("unknown-catalog-entry.yaml", "kinerja.plan.reference", 13, 18,
     'names catalog entry "penyerapan-anggaranx", which no loaded catalog defines'),
]


@pytest.mark.parametrize("name, error_id, line, column, reason", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_plan_files(name, error_id, line, column, reason):
    path = PLANS / "malformed" / name
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan(path)
    e = info.value
    assert e.id == error_id
    assert e.file == str(path)
    assert (e.line, e.column) == (line, column)
    assert reason in e.reason
    assert f"{path}:{line}:{column}: " in str(e)
    assert isinstance(e, ValueError)


def test_unknown_key_lists_the_allowed_keys():
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan(PLANS / "malformed" / "unknown-key.yaml")
    for key in ("id", "level", "name", "code", "parent", "budget", "source", "indicators"):
        assert key in info.value.reason


def test_missing_plan_file():
    path = PLANS / "no-such-plan.yaml"
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan(path)
    assert info.value.id == "kinerja.plan.io"
    assert info.value.file == str(path)
    assert (info.value.line, info.value.column) == (0, 0)


# --------------------------------------------------------------------------- save, load, ==

@pytest.mark.parametrize("path", [SMALL, CLEAN, None], ids=["valid-small", "clean", "bundled"])
def test_save_load_save_gives_identical_bytes_and_equal_plans(tmp_path, path):
    plan = kinerja.load_plan(path) if path else kinerja.bundled_plan()
    p1, p2 = tmp_path / "one.yaml", tmp_path / "two.yaml"
    plan.save(p1)
    again = kinerja.load_plan(p1)
    again.save(p2)
    assert p1.read_bytes() == p2.read_bytes()
    assert p1.read_text(encoding="utf-8") == plan.to_yaml()
    assert again == plan
    assert not (again != plan)


def test_canonical_yaml_reparses_to_the_same_text(small):
    text = small.to_yaml()
    assert kinerja.Plan.from_yaml(text).to_yaml() == text
    assert '2025: {value: "97%", source: "Tabel 6.1"}' in text
    assert "responsible: null" in text and "removed: true" in text


def test_a_changed_value_makes_plans_unequal(small):
    other = kinerja.load_plan(SMALL)
    assert other == small
    other.set_target("ind-s-1", 2024, "96%")
    assert other != small
    assert not (other == small)
    assert small != "not a plan"


def test_plans_are_not_hashable(small):
    with pytest.raises(TypeError):
        hash(small)


# --------------------------------------------------------------------------- versions

def test_version_applies_its_entries(small):
    awal = small.version_of("awal")
    assert awal.version == "awal"
    iku = awal.indicator("ind-s-1")
    assert iku.unit == "Orang"
    # 2025 given by the entry; 2024, 2026 and end inherited
    assert iku.targets == {2024: "95%", 2025: "96%", 2026: "100%", "end": "100%"}
    assert awal.node("p-2.08.03").responsible is None        # responsible: null
    assert awal.node("sk-2.08.03.2.01.0001").name == "Advokasi Kebijakan dan Pendampingan"
    with pytest.raises(kinerja.KinerjaError):                  # removed: true
        awal.node("sk-2.08.03.2.01.0002")
    assert len(awal.nodes) == 5
    # the main version is untouched
    assert small.indicator("ind-s-1").unit == "Persen"
    assert small.indicator("ind-s-1").targets[2025] == "97%"
    assert small.version_of("perubahan") == small


def test_unknown_version(small):
    with pytest.raises(kinerja.UnknownNameError) as info:
        small.version_of("final")
    assert info.value.id == "kinerja.lookup.version"
    assert info.value.name == "final"


def test_bundled_awal_iku_of_tabel_7_2(bundled):
    # Tabel 7.2/7.3: AWAL unit Orang, 22.90 (2025) / 22.50 (2026); PERUBAHAN Rasio, 18.221 / 18.220
    now = bundled.indicator("ind-iku-ktp")
    assert now.name == "Rasio kekerasan terhadap perempuan dan TPPO"
    assert (now.unit, now.targets[2025], now.targets[2026]) == ("Rasio", "18.221", "18.220")
    # declared in the bundled plan: the row's 22.90 / 22.50 / 23.00 mark decimals with '.'
    assert now.convention == "english"
    frame = bundled.to_frame()
    row = frame[(frame.indicator_id == "ind-iku-ktp") & (frame.year == 2025)].iloc[0]
    assert row.target == "18.221" and row.target_number == 18.221  # a rate, not eighteen thousand
    assert bundled.indicator("ind-iku-akip").convention is None
    awal = bundled.version_of("awal")
    then = awal.indicator("ind-iku-ktp")
    assert (then.unit, then.targets[2025], then.targets[2026]) == ("Orang", "22.90", "22.50")
    assert then.targets[2024] == "23.00"  # not printed for AWAL: inherited
    # IKG replaced IDG in the revision: it does not exist in AWAL
    assert [i.id for i in awal.node("s-2.1").indicators] == ["ind-iku-idg"]
    assert [i.id for i in bundled.node("s-2.1").indicators] == ["ind-iku-idg", "ind-iku-ikg"]
    assert awal.indicator("ind-iku-akip").targets[2025] == "BB (75.10)"
    assert bundled.indicator("ind-iku-akip").targets[2025] == "A (80.351)"


# --------------------------------------------------------------------------- tables

FRAME_COLUMNS = ["part", "node_id", "node_code", "node_name", "level", "indicator_id", "indicator_name", "unit",
                 "polarity", "year", "is_end", "target", "realization", "reported_achievement", "target_number",
                 "realization_number", "achievement", "attainment", "category", "note", "source"]


def test_to_frame_has_one_row_per_indicator_year(small):
    df = small.to_frame()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == FRAME_COLUMNS
    # ind-s-1, ind-p-2.08.03, ind-sk-...0001: 2024, 2025, 2026, end each (12); ind-h-s-1: 2022, 2023 (2)
    assert len(df) == 14
    assert len(small.to_frame(include_history=False)) == 12
    assert not df.duplicated(["indicator_id", "year"]).any()
    hist = df[df.indicator_id == "ind-h-s-1"].set_index("year")
    assert list(hist.part) == ["history", "history"]
    assert hist.loc[2022, "achievement"] == pytest.approx(104.00)  # 93.60 / 90 = 1.04
    assert hist.loc[2023, "achievement"] == pytest.approx(100.00)  # 92 / 92
    assert hist.loc[2022, "reported_achievement"] == "1.04"
    assert hist.loc[2022, "target_number"] == pytest.approx(90.0)


@pytest.mark.parametrize(
    "indicator_id, year, achievement, category",
    [
        pytest.param("ind-h-s19-5-akip", 2019, 121.32, "Sangat Tinggi", id="AKIP-2019 72.79/60=1.213167 -> 121.32"),
        pytest.param("ind-h-s19-5-akip", 2020, 114.45, "Sangat Tinggi", id="AKIP-2020 74.39/65=1.144462 -> 114.45"),
        pytest.param("ind-h-s19-5-akip", 2021, 109.23, "Sangat Tinggi", id="AKIP-2021 75.37/69=1.092319 -> 109.23"),
        pytest.param("ind-ikk-arg", 2020, 146.32, "Sangat Tinggi", id="ARG-2020 77.90/53.24=1.463186 -> 146.32"),
        pytest.param("ind-h-s19-2-ktp", 2021, 102.28, "Sangat Tinggi", id="KtP-2021 4347/4250=1.022824 -> 102.28"),
        pytest.param("ind-h-s19-4-kta", 2019, 166.67, "Sangat Tinggi", id="KtA-2019 inverse 0.040/0.024 -> 166.67"),
        pytest.param("ind-h-s19-4-kta", 2020, 125.00, "Sangat Tinggi", id="KtA-2020 inverse 0.035/0.028 -> 125.00"),
        pytest.param("ind-h-s19-3-kla", 2020, 150.00, "Sangat Tinggi", id="KLA-2020 Nindya 3 / Madya 2 -> 150.00"),
    ],
)
def test_to_frame_computed_achievement_of_tabel_2_7(bundled, indicator_id, year, achievement, category):
    df = bundled.to_frame()
    row = df[(df.indicator_id == indicator_id) & (df.year == year)]
    assert len(row) == 1
    assert row.iloc[0]["achievement"] == pytest.approx(achievement, abs=1e-9)
    assert row.iloc[0]["category"] == category


def test_to_frame_akip_2019_row(bundled):
    df = bundled.to_frame()
    row = df[(df.indicator_id == "ind-h-s19-5-akip") & (df.year == 2019)].iloc[0]
    assert row["indicator_name"] == "Nilai AKIP"
    assert row["target"] == "CC (60)"
    assert row["realization"] == "BB (72.79)"
    assert row["reported_achievement"] == "1.21; 121.32%"
    assert row["polarity"] == "scale:AKIP"
    assert row["target_number"] == pytest.approx(60.0)
    assert row["realization_number"] == pytest.approx(72.79)
    # 2022: Tabel 2.7 prints realization "-": nothing to compute
    row22 = df[(df.indicator_id == "ind-h-s19-5-akip") & (df.year == 2022)].iloc[0]
    assert pd.isna(row22["achievement"]) and row22["category"] is None


@pytest.mark.parametrize(
    "node_id, year, budget, realized, absorption",
    [
        # 954,145,300 / 1,420,782,000 = 0.671563 -> 67.16 %
        ("h11-p-pemberdayaan-perempuan", 2019, 1420782000, 954145300, 67.16),
        # 5,747,388,916 / 8,622,376,144 = 0.666567 -> 66.66 %
        ("h11-p-penunjang", 2022, 8622376144, 5747388916, 66.66),
        # 99,742,500 / 100,000,000 = 0.997425 -> 99.74 % (row 36, printed 1.00)
        ("h11-k36", 2019, 100000000, 99742500, 99.74),
    ],
)
def test_budget_frame_absorption_of_tabel_2_11(bundled, node_id, year, budget, realized, absorption):
    bf = bundled.budget_frame()
    row = bf[(bf.node_id == node_id) & (bf.year == year)]
    assert len(row) == 1
    row = row.iloc[0]
    assert row["part"] == "history"
    assert row["budget_number"] == pytest.approx(budget)
    assert row["realized_number"] == pytest.approx(realized)
    assert row["absorption"] == pytest.approx(absorption, abs=1e-9)
    assert row["source"] == "Tabel 2.11"


def test_budget_frame_of_the_small_plan(small):
    bf = small.budget_frame()
    # six nodes with pagu for 2024, 2025, 2026 and end; no realized budget yet
    assert len(bf) == 24
    assert bf.absorption.isna().all()
    row = bf[(bf.node_id == "p-2.08.03") & (bf.year == 2025)].iloc[0]
    assert row["budget"] == "1.000.000.000"
    assert row["budget_number"] == pytest.approx(1_000_000_000)


def test_set_realization_then_to_frame(small):
    small.set_realization("ind-s-1", 2024, "90.25%")  # 90.25 / 95 = 0.95 -> 95.00
    small.set_realization("ind-s-1", 2025, "80%")     # 80 / 97 = 0.824742 -> 82.47
    small.set_realization("ind-sk-2.08.03.2.01.0001", "end", "3 Dokumen")  # 3 / 3 -> 100.00
    frame = small.to_frame()
    end = frame[frame.is_end].set_index("indicator_id")
    df = frame[~frame.is_end].set_index(["indicator_id", "year"])
    assert df.loc[("ind-s-1", 2024), "realization"] == "90.25%"
    assert df.loc[("ind-s-1", 2024), "achievement"] == pytest.approx(95.00)
    assert df.loc[("ind-s-1", 2024), "category"] == "Sangat Tinggi"
    assert df.loc[("ind-s-1", 2025), "achievement"] == pytest.approx(82.47)
    assert df.loc[("ind-s-1", 2025), "category"] == "Tinggi"
    assert end.loc["ind-sk-2.08.03.2.01.0001", "achievement"] == pytest.approx(100.00)
    assert pd.isna(df.loc[("ind-s-1", 2026), "achievement"])
    assert small.indicator("ind-s-1").realizations == {2024: "90.25%", 2025: "80%"}


def test_set_realization_errors(small):
    with pytest.raises(kinerja.UnknownNameError) as info:
        small.set_realization("ind-9", 2024, "1%")
    assert info.value.id == "kinerja.lookup.indicator"
    with pytest.raises(TypeError):
        small.set_realization("ind-s-1", 2024, ["90%"])
    with pytest.raises(ValueError):
        small.set_realization("ind-s-1", "akhir", "90%")


def test_enter_realizations_from_a_dataframe(small):
    frame = pd.DataFrame([
        {"indicator_id": "ind-s-1", "year": 2024, "realization": "90.25%", "node_id": None, "budget_realized": None},
        {"indicator_id": None, "year": 2024, "realization": None, "node_id": "p-2.08.03",
         "budget_realized": "450,000,000"},
        {"indicator_id": "ind-p-2.08.03", "year": 2025, "realization": float("nan"), "node_id": None,
         "budget_realized": None},
    ])
    assert small.enter_realizations(frame) == 2  # the third row has no value
    df = small.to_frame().set_index(["indicator_id", "year"])
    assert df.loc[("ind-s-1", 2024), "achievement"] == pytest.approx(95.00)  # 90.25 / 95
    assert pd.isna(df.loc[("ind-p-2.08.03", 2025), "realization"])
    bf = small.budget_frame()
    row = bf[(bf.node_id == "p-2.08.03") & (bf.year == 2024)].iloc[0]
    assert row["budget_realized"] == "450,000,000"
    assert row["absorption"] == pytest.approx(50.00)  # 450,000,000 / 900,000,000
