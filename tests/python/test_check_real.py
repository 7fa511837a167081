"""The checks learnt from the third batch of real tables (docs/plans.md, "Checks learnt from the
third batch"), from Python and the CLI: ratio-mismatch, source-conflict, method-mix, scale-jump
between a year's target and realization, unit-change of a rate's base, the realized-budget levels
of Plan.conventions() and the hint for a comma amount split in a YAML flow map. Every expected
value is worked by hand in the comment beside it."""

import json
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
HEAD = ("kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2015, 2016], version: published}\n")


def indicator(fields):
    return kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - id: s-1\n    level: sasaran\n    name: S\n    source: \"Tabel 3.3.9\"\n    indicators:\n"
        "      - {id: i-1, name: APM SD, polarity: higher, source: \"Tabel 3.3.9\", " + fields + "}\n")


# One office (a kegiatan-level budget, as news reports of absorption print them) with its pagu,
# realized budget and printed absorption of 2016.
def office(pagu, spent, absorption):
    return kinerja.Plan.from_yaml(
        HEAD + "nodes:\n  - id: k-1\n    level: kegiatan\n    name: Dinas\n    source: Berita\n"
        f"    budget: {{2016: \"{pagu}\"}}\n    budget_realized: {{2016: \"{spent}\"}}\n"
        f"    reported_absorption: {{2016: \"{absorption}\"}}\n")


def test_ratio_mismatch_against_the_printed_counts():
    # Tanah Datar 2016: 36.743 / 39.834 x 100 = 92,240 -> 92,24; printed 92,22
    plan = indicator('realizations: {2016: "92,22"}, numerators: {2016: "36.743"}, denominators: {2016: "39.834"}')
    [f] = plan.check(rules=["ratio-mismatch"])
    assert (f.rule, f.severity, f.year, f.actual_text) == ("ratio-mismatch", "error", 2016, "92,22")
    assert f.expected_text == "92.24" and f.expected == pytest.approx(92.24)
    # Banggai Kepulauan: 3029 / 13184 x 100 = 22,975, printed as a whole percent "23%": agrees
    plan = indicator('realizations: {2016: "23%"}, numerators: {2016: "3029"}, denominators: {2016: "13184"}')
    assert plan.check(rules=["ratio-mismatch"]) == []


def test_ratio_mismatch_holds_a_baseline_to_the_counts_of_its_year():
    # an RPJMD's Tabel 8.2 (batch 5): kondisi awal "(37212:37748) x 100% = 98,78%"; 37212 / 37748 =
    # 0,98580 -> 98,58%, printed 98,78%
    plan = indicator('baseline: {year: 2010, value: "98,78%"}, numerators: {2010: "37212"}, '
                     'denominators: {2010: "37748"}')
    [f] = plan.check(rules=["ratio-mismatch"])
    assert (f.rule, f.severity, f.year, f.actual_text) == ("ratio-mismatch", "error", 2010, "98,78%")
    assert f.expected == pytest.approx(98.58)
    assert "baseline (kondisi awal)" in f.message
    # "(225.371 : 242.519) x 100% = 92,93%": 225371 / 242519 = 92,929 -> agrees
    plan = indicator('baseline: {year: 2010, value: "92,93%"}, numerators: {2010: "225.371"}, '
                     'denominators: {2010: "242.519"}')
    assert plan.check(rules=["ratio-mismatch"]) == []


def test_source_conflict_names_both_sources():
    # Tanah Datar 2015: realisasi 15 (table) and 11 Nagari (text) for one year
    plan = indicator('realizations: {2015: ["15", {value: "11 Nagari", source: "Teks p.171"}]}')
    [f] = plan.check(rules=["source-conflict"])
    assert (f.year, f.expected_text, f.actual_text) == (2015, "15", "11 Nagari")
    assert "(Tabel 3.3.9) and as 11 Nagari (Teks p.171)" in f.message
    # 1.21 (a fraction) and 121.32% (a percent) are one achievement: 1.21 stands for 120.5..121.5%
    plan = indicator('targets: {2016: "1"}, realizations: {2016: "1.2132"}, '
                     'reported_achievement: {2016: ["1.21", {value: "121.32%", source: "Teks"}]}')
    assert plan.check(rules=["source-conflict"]) == []


def test_method_mix_in_a_table_of_lower_is_better_rows():
    rows = [("aki", "0,16", "0,19", "87,10"), ("akb", "9,20", "9,53", "96,54"), ("akaba", "0,64", "0,18", "72,52")]
    body = "".join(
        f'      - {{id: {i}, name: {i.upper()}, polarity: lower, source: "Tabel 3.8", targets: {{2016: "{t}"}}, '
        f'realizations: {{2016: "{r}"}}, reported_achievement: {{2016: "{c}"}}}}\n' for i, t, r, c in rows)
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n  - id: ss-5\n    level: sasaran\n    name: S\n    source: \"Tabel 3.8\"\n    indicators:\n"
        + body)
    [f] = plan.check(rules=["method-mix"])
    # AKI 0,16 / 0,19 and AKB 9,20 / 9,53 = 96,54 follow target / realisasi; AKBalita's 72,52 is
    # (0,64 - 0,18) / 0,64 only; by the table's method 0,64 / 0,18 = 355,56
    assert (f.indicator, f.year, f.expected_text, f.actual_text) == ("akaba", 2016, "355.56", "72,52")
    assert [r["id"] for r in kinerja.check_rules()].index("growth-range") == 28  # the 29th rule, before the strategy and annual-cycle rules
    assert [r["id"] for r in kinerja.check_rules()][27:29] == ["method-mix", "growth-range"]


def test_scale_jump_between_a_target_and_its_realization():
    # Wonogiri 2020: 1,93 / 0,00725 = 266 times; 0,00725 as a fraction is 0,725%
    plan = indicator('unit: "%", targets: {2016: "0,00725"}, realizations: {2016: "1,93%"}')
    [f] = plan.check(rules=["scale-jump"])
    assert (f.year, f.expected_text, f.actual_text) == (2016, "0.725%", "0,00725")
    assert "266 times apart" in f.message


def test_rate_bases_in_one_row_are_a_unit_change():
    # Lampung 2015: per 1000 kelahiran hidup, then per 100.000 lahir hidup
    plan = indicator('targets: {2015: "32 per 1000 kelahiran hidup", 2016: "24 per 100.000 lahir hidup"}')
    [f] = plan.check(rules=["unit-change"])
    assert (f.year, f.expected_text) == (2016, "per 1,000")


def test_realized_budget_levels_are_conventions():
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - {id: p-1, level: program, name: P, source: T}\n"
        "  - {id: sk-1, level: sub_kegiatan, name: A, parent: p-1, source: T, budget: {2015: \"100\"}, "
        "budget_realized: {2015: \"90\"}}\n")
    c = plan.conventions()
    assert c.realized_follows_pagu is True
    assert c.carries_realized("sub_kegiatan") is True and c.carries_realized("program") is False
    assert [(lv.level, lv.priced, lv.unpriced) for lv in c.realized_levels] == [("program", 0, 1),
                                                                                 ("sub_kegiatan", 1, 0)]
    assert any(line.startswith("realized budget on: sub_kegiatan 1/1; not on: program 0/1") for line in c.lines())


def test_check_states_the_realized_levels(capsys):
    # Sumatera Utara's Tabel 19 prices and realises only its four sub kegiatan
    assert cli.main(["check", str(REAL / "sumut-setda-lkj-2021-tabel19.yaml")]) == 0
    out = capsys.readouterr().out
    assert ("  realized budget on: sub_kegiatan 4/4; not on: sasaran 0/1, program 0/1, kegiatan 0/2 (as pagu: "
            "a table prints realisasi where it prints anggaran; nodes with realized budget/all)\n") in out


def test_a_comma_amount_in_a_flow_map_gets_a_hint(tmp_path, capsys):
    path = tmp_path / "comma.yaml"
    path.write_text(HEAD + "nodes:\n  - {id: p-1, level: program, name: P, source: T, budget: {2015: 8,958,876,144}}\n",
                    encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[kinerja.plan.schema]" in err and "comma.yaml:4:" in err
    assert 'the amount 8,958,876,144 is written without quotes' in err
    assert 'quote it: 2015: "8,958,876,144"' in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name,rule,node,year", [
    ("lampung-lkj-2016.yaml", "source-conflict", "s-16", 2015),
    ("tanahdatar-lkjip-2016.yaml", "ratio-mismatch", "s-2.1.1", 2016),
    ("wonogiri-lkjip-2020-pariwisata.yaml", "scale-jump", "ss-pariwisata", 2020),
    ("lampung-lkj-2015-akb.yaml", "unit-change", "s-kesehatan", 2019),
    ("manggaraitimur-lkjip-2019-tabel3.8.yaml", "method-mix", "ss-5", 2019),
    ("limapuluhkota-disperinaker-ikd-2021-2024.yaml", "scale-jump", "u-tenagakerja", 2023),
    ("sleman-lakip-2010-sdm-aparat.yaml", "ratio-mismatch", "s-1", 2010),
    ("makassar-apbd-2022-triwulan1-serapan.yaml", "scale-jump", "t-apbd", 2022),
    ("ende-apbd-2016-agustus-penyerapan.yaml", "source-conflict", "k-belanja-apbd", 2016),
    ("bengkuluselatan-apbd-2023-serapan.yaml", "reported-absorption", "t-apbd", 2023),
    ("sorong-lkj-2021-sasaran2-sasaran19.yaml", "reported-achievement", "s-19", 2021),
])
def test_the_real_tables_give_their_finding(name, rule, node, year, capsys):
    cli.main(["check", str(REAL / name), "--format", "json", "--rules", rule])
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["node_id"], f["year"]) for f in findings] == [(rule, node, year)]


# ---- the fourth batch (docs/real-plans.md, "Measured with a held-out batch 4")

def growth(name, fields):
    return kinerja.Plan.from_yaml(
        HEAD + "nodes:\n  - id: s-1\n    level: sasaran\n    name: Capaian Kinerja Makro\n    source: \"a.1\"\n"
        "    indicators:\n      - {id: i-1, name: \"" + name + "\", polarity: higher, source: \"a.1\", " + fields + "}\n")


def test_growth_range_names_a_level_printed_as_an_economys_growth_rate():
    # Labuhanbatu Utara: "Pertumbuhan Ekonomi" 17.259,19 -- a 17259% growth is an economy 173 times larger
    plan = growth("Pertumbuhan Ekonomi", 'realizations: {2015: "17.259,19", 2016: "17.306,59"}')
    found = plan.check(rules=["growth-range"])
    assert [(f.rule, f.severity, f.year, f.actual_text) for f in found] == [
        ("growth-range", "warning", 2015, "17.259,19"), ("growth-range", "warning", 2016, "17.306,59")]
    assert found[0].actual == pytest.approx(17259.19)
    # rates of a few percent (Bone 7,69; Jawa Timur "5,34 persen"), a contraction, and other rates of change
    assert growth("Pertumbuhan ekonomi (%)", 'targets: {2015: "7,69"}').check(rules=["growth-range"]) == []
    assert growth("pertumbuhan ekonomi Jatim", 'realizations: {2016: "5,34 persen"}').check(rules=["growth-range"]) == []
    assert growth("Laju Pertumbuhan Ekonomi", 'realizations: {2016: "-2,5"}').check(rules=["growth-range"]) == []
    assert growth("Persentase Peningkatan zakat", 'targets: {2015: "400%"}').check(rules=["growth-range"]) == []


def test_growth_range_from_the_cli_on_the_real_table(capsys):
    code = cli.main(["check", str(REAL / "labura-lhr-lppd-2020-kinerja-makro.yaml"), "--format", "json",
                     "--rules", "growth-range"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0  # warnings only
    assert [(f["rule"], f["node_id"], f["indicator"], f["year"]) for f in out] == [
        ("growth-range", "makro", "ind-pertumbuhan", 2019), ("growth-range", "makro", "ind-pertumbuhan", 2020)]


def test_an_objective_without_indicators_in_a_form_that_prints_them_for_programmes_only():
    # Tanjung Jabung Barat's Formulir E.80: sasaran column, indicators for programmes and kegiatan only
    plan = kinerja.load_plan(REAL / "tanjabbar-dinkes-evaluasi-renstra-2016-2019.yaml")
    assert plan.check(rules=["orphan"]) == []


def test_absorption_printed_as_persen_against_rounded_and_exact_amounts():
    # Jakarta's APBD 2022 (batch 7): pagu "Rp16,6 triliun", realized "Rp 9,46 triliun", "56,86 persen"
    rounded = office("Rp16,6 triliun", "Rp 9,46 triliun", "56,86 persen")
    # the word is the percent sign, and amounts rounded to their printed digits are not held to it
    assert rounded.check(rules=["unparsed-value", "reported-absorption"]) == []
    # to the rupiah: 9.460.000.000.000 / 16.600.000.000.000 = 56,988% -> 56.99, printed 56,86
    exact = office("Rp 16.600.000.000.000", "Rp 9.460.000.000.000", "56,86 persen")
    [f] = exact.check(rules=["reported-absorption"])
    assert (f.rule, f.year, f.actual_text) == ("reported-absorption", 2016, "56,86 persen")
    assert f.expected == pytest.approx(56.99)
    # the audit reads the word too: 70 / 80 = 87,50%
    assert kinerja.audit_achievement("80%", "70%", "87,50 persen").consistent is True


# ---- the eighth batch (docs/real-plans.md, "Measured with a held-out batch 8")

def levels_row(name, unit, values):
    return kinerja.Plan.from_yaml(
        HEAD.replace("[2015, 2016]", "[2021, 2024]") + "nodes:\n"
        "  - id: u-1\n    level: urusan\n    name: Tenaga Kerja\n    source: IKD\n    indicators:\n"
        f"      - {{id: i-1, name: \"{name}\", unit: \"{unit}\", source: IKD, realizations: {{{values}}}}}\n")


def test_scale_jump_a_slipped_digit_and_its_settings():
    # Lima Puluh Kota's TPAK: 72,81 / 7,63 = 9,54, 74,17 / 7,63 = 9,72; 74,17 / 72,81 = 1,019
    plan = levels_row("Tingkat partisipasi angkatan kerja", "%", '2022: "72,81", 2023: "7,63", 2024: "74,17"')
    [f] = plan.check(rules=["scale-jump"])
    assert (f.year, f.actual_text, f.expected_text) == (2023, "7,63", "near 72,81 and 74,17")
    assert "at least 9,5 times smaller than both" in f.message
    # the settings: 9,54 is outside 10-12; the neighbours are 1,9% apart, beyond 1%
    assert plan.check(rules=["scale-jump"], scale_jump_slip_band=(10, 12)) == []
    assert plan.check(rules=["scale-jump"], scale_jump_slip_agreement=0.01) == []
    assert len(plan.check(rules=["scale-jump"], scale_jump_slip_band=(9, 10))) == 1
    # a count row jumps tenfold in real tables: not judged
    counts = levels_row("Pencari kerja ditempatkan", "orang", '2022: "720", 2023: "73", 2024: "741"')
    assert counts.check(rules=["scale-jump"]) == []


@pytest.mark.parametrize("setting,value", [
    ("scale_jump_slip_band", (12, 8)), ("scale_jump_band", (0.5, 200)), ("scale_jump_mixed_band", (30, 20)),
    ("scale_jump_slip_agreement", -0.1), ("budget_tolerance", -1.0), ("budget_tolerance", float("nan")),
])
def test_a_check_setting_out_of_range_is_refused(setting, value):
    plan = levels_row("Tingkat partisipasi angkatan kerja", "%", '2022: "72,81"')
    with pytest.raises(kinerja.ArgumentError) as e:
        plan.check(**{setting: value})
    assert e.value.id == "kinerja.argument.check_option"
    assert setting in str(e.value)


def test_budget_tolerance_is_a_setting():
    # a programme of 100 over two kegiatan of 40 and 59: 1 rupiah apart, beyond the default 0,5
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - {id: p-1, level: program, name: P, source: T, budget: {2016: \"100\"}}\n"
        "  - {id: k-1, level: kegiatan, name: K1, parent: p-1, source: T, budget: {2016: \"40\"}}\n"
        "  - {id: k-2, level: kegiatan, name: K2, parent: p-1, source: T, budget: {2016: \"59\"}}\n")
    [f] = plan.check(rules=["budget-rollup"])
    assert (f.node_id, f.year) == ("p-1", 2016)
    assert plan.check(rules=["budget-rollup"], budget_tolerance=1.0) == []


def test_ratio_mismatch_a_fall_printed_as_what_remains():
    # Sleman 2010: violations 35 (2009) -> 10 (2010); the fall is 25 / 35 = 71,43%, printed 28,57% = 10 / 35
    def sasaran(printed):
        return kinerja.Plan.from_yaml(
            HEAD.replace("[2015, 2016]", "[2010, 2010]") + "nodes:\n"
            "  - id: s-1\n    level: sasaran\n    name: Meningkatnya SDM Aparat\n    source: LAKIP\n"
            "    indicators:\n"
            "      - {id: rate, name: Tingkat penurunan pelanggaran disiplin pegawai, source: LAKIP, "
            f"targets: {{2010: \"5%\"}}, realizations: {{2010: \"{printed}\"}}}}\n"
            "      - {id: level, name: Pelanggaran Disiplin PNS (Jumlah), unit: orang, source: LAKIP, "
            "realizations: {2009: \"35\", 2010: \"10\"}}\n")
    [f] = sasaran("28,57%").check(rules=["ratio-mismatch"])
    assert (f.indicator, f.year, f.actual_text, f.expected_text) == ("rate", 2010, "28,57%", "71.43%")
    assert f.expected == pytest.approx(71.43)
    assert "is 71,43%" in f.message
    assert sasaran("71,43%").check(rules=["ratio-mismatch"]) == []


# ---- the ninth batch (docs/real-plans.md, "Measured with a held-out batch 9")

def test_absorption_from_rounded_amounts_is_held_to_their_rounding():
    # Kudus 2022: Rp1,6 of Rp2,58 triliun, printed 86,17 persen; 1,55 / 2,585 = 59,96% .. 1,65 / 2,575 = 64,08%
    [f] = office("Rp2,58 triliun", "Rp1,6 triliun", "86,17 persen").check(rules=["reported-absorption"])
    assert (f.year, f.actual_text) == (2016, "86,17 persen")
    assert f.expected == pytest.approx(62.02)  # 1,6 / 2,58 = 62,016%
    assert "give 59,96% to 64,08%" in f.message
    # Jakarta 2022 (batch 7) agrees within the rounding: 56,79% .. 57,19%
    assert office("Rp16,6 triliun", "Rp 9,46 triliun", "56,86 persen").check(rules=["reported-absorption"]) == []


def test_money_with_the_sen_after_a_point():
    # Lampung Barat's release: "Rp984.959.704.911.00"
    v = kinerja.parse_value("Rp984.959.704.911.00")
    assert (v.kind, v.number, v.decimals) == ("money", 984959704911.0, 2)
    # 2.752.216.282 / 2.780.064.146,10 = 98,998% -> 99.00%: no finding
    plan = office("Rp2.780.064.146.10", "Rp2.752.216.282", "99.00%")
    assert plan.check(rules=["reported-absorption", "unparsed-value"]) == []


def test_an_absorption_printed_twice_and_a_realized_budget_at_the_wrong_scale():
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - {id: k-1, level: kegiatan, name: Belanja APBD, source: Berita, budget: {2016: \"Rp4,96 triliun\"}, "
        "budget_realized: {2016: \"Rp288,31 triliun\"}, reported_absorption: {2016: [{value: \"19,93%\", source: A}, "
        "{value: \"21,03 %\", source: B}]}}\n")
    [conflict] = plan.check(rules=["source-conflict"])
    assert (conflict.expected_text, conflict.actual_text) == ("19,93%", "21,03 %")
    # Makassar 2022: 288,31 / 4,96 = 58 times the pagu
    [jump] = plan.check(rules=["scale-jump"])
    assert (jump.node_id, jump.actual_text, jump.expected_text) == ("k-1", "Rp288,31 triliun", "at most Rp4,96 triliun")
    assert "58 times its pagu" in jump.message
    assert plan.check(rules=["scale-jump"], scale_jump_slip_band=(60, 100)) == []


# ---- the tenth batch (docs/real-plans.md, "Measured with a held-out batch 10")

def test_total_mismatch_on_the_real_road_table(capsys):
    # Payakumbuh's Tabel 2.41: 115,73 + 62,31 + 24,44 + 17,81 = 220,29 (printed 219,66) and
    # 112,53 + 84,29 + 49,22 + 15,41 = 261,45 (printed 262,45); 2011-2013 add up
    cli.main(["check", str(REAL / "payakumbuh-rpjmd-2012-2017-tabel2.41-jalan.yaml"), "--format", "json",
              "--rules", "total-mismatch"])
    found = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["node_id"], f["indicator"], f["year"], f["expected"], f["actual"]) for f in found] == [
        ("total-mismatch", "jalan", "ind-total", 2010, 220.29, 219.66),
        ("total-mismatch", "jalan", "ind-total", 2014, 261.45, 262.45)]


def test_an_absorption_closed_by_a_dash():
    # Sijunjung's release: "80,17 persen-"; 8.613.197.647 / 10.744.221.783 = 80,166% -> 80,17
    assert kinerja.audit_achievement("100%", "80,17%", "80,17 persen-").consistent is True
    plan = office("Rp10.744.221.783,-", "Rp 8.613.197.647", "80,17 persen-")
    assert plan.check(rules=["reported-absorption", "unparsed-value"]) == []


# ---- the eleventh batch (docs/real-plans.md, "Measured with a held-out batch 11")

def test_index_formula_and_a_two_year_total_on_the_real_tables(capsys):
    # Cianjur 2014: 69.08, 11.82, 6.52, 6,773 give IPM 62.14 by BPS's formula; printed 62.08
    cli.main(["check", str(REAL / "cianjur-ipm-2014-2015-tabel3.65.yaml"), "--format", "json", "--rules",
              "index-formula"])
    found = json.loads(capsys.readouterr().out)
    assert [(f["node_id"], f["indicator"], f["year"], f["expected"], f["actual"]) for f in found] == [
        ("ipm-cianjur", "ind-cianjur-ipm", 2014, 62.14, 62.08)]
    # Maluku Tengah's pavements add up in 2020 (980,395 km) and not in 2021 (990,395, printed 980,395)
    plan = kinerja.load_plan(REAL / "malukutengah-pupr-2022-tabel3.5-kondisi-jalan.yaml")
    pavements = [f for f in plan.check(rules=["total-mismatch"]) if f.node_id == "perkerasan"]
    assert [(f.year, f.expected, f.actual_text) for f in pavements] == [(2021, pytest.approx(990.395), "980,395")]


# ---- the twelfth batch (docs/real-plans.md, "Measured with a held-out batch 12")

@pytest.mark.parametrize("name", ["konaweselatan-profil-mutu-2020-tabel3.11.14-3.11.29.yaml",
                                  "konaweutara-profil-mutu-2020-tabel3.12.14-ptk.yaml"])
def test_staff_counts_are_read_by_the_plan_and_by_the_tables_arithmetic(name):
    # Konawe Selatan: "1.922" teachers beside another table's "5,21" scores; Konawe Utara: TOTAL
    # "1.726" = 899 + 541 + 214 + 61 + 11 (its other cells); neither is left unreadable
    assert kinerja.load_plan(REAL / name).check(rules=["unparsed-value"]) == []


# ---- counted figures are exact (a total one person off)

@pytest.mark.parametrize("unit, found", [("Orang", True), ("Ha", False), ("ribu jiwa", False)])
def test_a_total_of_whole_counts_is_held_to_the_unit(unit, found):
    # 2020: 1234 + 567 + 89 = 1890, printed 1890; 2021: 1240 + 570 + 90 = 1900, printed 1901. Counted
    # people are exact; figures of a measure or a scaled count carry half a unit each (4 x 0,5 = 2)
    rows = [("SD", "1234", "1240"), ("SMP", "567", "570"), ("SMA", "89", "90"), ("Jumlah", "1890", "1901")]
    plan = kinerja.Plan.from_yaml(
        HEAD.replace("[2015, 2016]", "[2020, 2021]") + "nodes:\n  - id: murid\n    level: urusan\n    name: Murid\n"
        "    source: \"Tabel 2.3\"\n    indicators:\n" + "".join(
            f"      - {{id: i{k}, name: {name}, unit: \"{unit}\", source: \"Tabel 2.3\", "
            f"realizations: {{2020: \"{a}\", 2021: \"{b}\"}}}}\n" for k, (name, a, b) in enumerate(rows)))
    got = [(f.indicator, f.year, f.expected, f.actual_text) for f in plan.check(rules=["total-mismatch"])]
    assert got == ([("i3", 2021, 1900, "1901")] if found else [])


# ---- the thirteenth batch (docs/real-plans.md, "Measured with a held-out batch 13")

def test_duplicate_rows_and_totals_on_the_real_tables(capsys):
    # Aceh's Tabel 4.1.17: Aceh Jaya and Pidie Jaya print 6, 39, 153 and 1.012 alike, and the four
    # totals fall short of their rows: 285 (printed 282), 1.316 (1.286), 5.531 (5.408), 39.495 (38.610)
    cli.main(["check", str(REAL / "aceh-profil-pembangunan-2016-tabel4.1.16-4.1.17-mts.yaml"), "--format", "json",
              "--rules", "duplicate-row,total-mismatch"])
    found = json.loads(capsys.readouterr().out)
    assert sorted((f["rule"], f["node_id"], f["year"], f["expected"], f["actual"]) for f in found) == [
        ("duplicate-row", "mtss-sekolah", 2015, "a row of its own", "6, 39, 153, 1.012"),
        ("total-mismatch", "mtss-guru", 2015, 5531, 5408),
        ("total-mismatch", "mtss-murid", 2015, 39495, 38610),
        ("total-mismatch", "mtss-rombel", 2015, 1316, 1286),
        ("total-mismatch", "mtss-sekolah", 2015, 285, 282)]
    # Bengkulu Tengah's Tabel 2.1, one year: land 1.223,72 (printed 1.223,94); land and sea
    # 1.223,72 + 205,2 = 1.428,92 (printed 1.429,4); the sea column adds up (205,2 and dashes)
    plan = kinerja.load_plan(REAL / "bengkulutengah-rpjpd-2005-2025-tabel2.1-luas-wilayah.yaml")
    assert [(f.node_id, f.expected, f.actual_text) for f in plan.check(rules=["total-mismatch"])] == [
        ("daratan", pytest.approx(1223.72), "1.223,94"), ("jumlah", pytest.approx(1428.92), "1.429,4")]


def test_a_range_with_unit_words_and_a_realized_coverage_are_no_findings():
    # Tanah Bumbu: target "8,24 tahun – 8,31 tahun" is a range; Boyolali: Cakupan realized 130
    value = kinerja.parse_value("8,24 tahun – 8,31 tahun")
    assert (value.kind, value.number, value.upper, value.unit) == ("range", 8.24, 8.31, "Tahun")
    assert kinerja.load_plan(REAL / "tanahbumbu-kinerja-daerah-2023-iku.yaml").check(rules=["unparsed-value"]) == []
    assert kinerja.load_plan(REAL / "boyolali-lkjip-2015-tabel3.34-sasaran34.yaml").check(rules=["share-above-100"]) == []


def test_a_context_total_from_python():
    # a total of every office of a region where the report names two: 120 + 79,2 of 980,8 miliar
    plan = kinerja.Plan.from_yaml(
        HEAD + "nodes:\n"
        "  - {id: k-1, level: kegiatan, name: Dinas A, source: Berita, budget: {2016: \"Rp120 miliar\"}}\n"
        "  - {id: k-2, level: kegiatan, name: Dinas B, source: Berita, budget: {2016: \"Rp79,2 miliar\"}}\n"
        "totals:\n  - {id: t-apbd, name: APBD, over: [k-1, k-2], context: true, source: Berita, "
        "budget: {2016: \"Rp980,8 miliar\"}}\n")
    [total] = plan.totals
    assert (total.id, total.over, total.context, total.budget) == ("t-apbd", ["k-1", "k-2"], True,
                                                                   {2016: "Rp980,8 miliar"})
    assert plan.check(rules=["budget-rollup", "budget-incomplete"]) == []


# ---- the fourteenth batch (docs/real-plans.md, "Measured with a held-out batch 14")

def test_a_slipped_power_of_ten_and_a_mean_row_on_the_real_tables(capsys):
    # Bukittinggi's APS SMP/MTs 2010: 5.807 / 6.312 x 100 = 92,00, printed 919,9 (x 1.000 gives it;
    # the row's other years are x 100); Kulon Progo: (14,74 + 11,15) / 2 = 12,945, printed 12,14
    cli.main(["check", str(REAL / "bukittinggi-rpjmd-2016-2021-tabel2.24-aps.yaml"), "--format", "json",
              "--rules", "ratio-mismatch"])
    [aps] = json.loads(capsys.readouterr().out)
    assert (aps["node_id"], aps["indicator"], aps["year"], aps["expected"], aps["actual"]) == (
        "aps", "ind-aps-smp", 2010, 92.0, 919.9)
    plan = kinerja.load_plan(REAL / "kulonprogo-satudata-rasio-guru-murid-2021-2025.yaml")
    [mean] = plan.check(rules=["total-mismatch"])
    assert (mean.year, mean.expected, mean.actual_text) == (2024, pytest.approx(12.945), "12,14")
    # the counts beside a target are the realization's (9 of 11 schools; target 60, capaian 136)
    plan = kinerja.load_plan(REAL / "bukittinggi-rpjmd-2016-2021-sarpras-snp-2015.yaml")
    assert plan.check(rules=["ratio-mismatch"]) == []


# ---- the fifteenth batch (docs/real-plans.md, "Measured with a held-out batch 15")

def test_shares_above_their_whole_and_a_percentage_printed_alone():
    # Banyumas: 32.226 + 52.062 + 48.669 = 132.957 Ha, printed as shares of 132.759 Ha
    plan = kinerja.load_plan(REAL / "banyumas-rkpd-bab2-luas-lahan-kemiringan.yaml")
    [f] = plan.check(rules=["total-mismatch"])
    assert (f.node_id, f.indicator, f.year, f.actual, f.expected_text) == (
        "lahan", "ind-luas-wilayah", 2014, 132957, "at most 132759")
    # Bulukumba: PSDA's realized amount and "32 persen", its pagu cut off: nothing to judge
    plan = kinerja.load_plan(REAL / "bulukumba-monev-2016-triwulan3-serapan.yaml")
    assert [x.node_id for x in plan.check(rules=["reported-absorption"])] == ["k-apbd"]


# ---- the sixteenth batch (docs/real-plans.md, "Measured with a held-out batch 16")

def test_a_total_row_named_after_the_region():
    # Sumba Barat's Tabel 2.6: households 3.459 + 3.652 + 1.717 + 5.011 + 5.802 + 4.038 = 23.679,
    # the kabupaten's row "Sumba Barat" prints 23.680
    plan = kinerja.load_plan(REAL / "sumbabarat-bab2-2009-tabel2.6-kk-rumah-tangga.yaml")
    [f] = plan.check(rules=["total-mismatch"])
    assert (f.node_id, f.year, f.expected, f.actual_text) == ("rumah-tangga", 2009, 23679, "23.680")


def test_a_remainder_that_is_not_pagu_minus_realized():
    # Pati: 3.759.500.000 - 1.164.612.111 = 2.594.887.889 (printed ...834); 163.464.642.000 -
    # 63.437.385.326 = 100.027.256.674 (printed ...647, two digits swapped)
    plan = kinerja.load_plan(REAL / "pati-skpd-serapan-september.yaml")
    found = [(f.node_id, f.expected) for f in plan.check(rules=["budget-rollup"])]
    assert found == [("k-rsud-kayen", 2594887889), ("k-disdik", 100027256674)]
