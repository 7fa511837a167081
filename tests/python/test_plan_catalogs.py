"""A plan's catalogs (docs/catalog.md §5): the ``catalogs:`` key and its round trip, the load-time
error for a ``catalog: ID`` that no loaded catalog defines (load_plan, Plan.from_yaml, the CLI),
the polarity an indicator takes from its catalog entry, checks that use the plan's catalogs, and
the default catalog that a regency can replace. Fixtures: tests/data/plans/catalogs/."""

import json
from pathlib import Path

import pytest

import kinerja
from kinerja import catalog, cli

CATALOGS = Path(__file__).resolve().parent.parent / "data" / "plans" / "catalogs"
MALFORMED = Path(__file__).resolve().parent.parent / "data" / "plans" / "malformed"

HEAD = ("kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: main}\n")


def naming(entry, catalogs_line=""):
    """A plan whose indicator i names catalog entry ``entry``: the value at line 9 (10 with a
    ``catalogs`` line), column 35."""
    return (HEAD + catalogs_line + "nodes:\n  - id: s\n    level: sasaran\n    name: S\n    source: T\n"
            "    indicators:\n      - {id: i, name: I, catalog: " + entry + ", source: T}\n")


@pytest.fixture
def default_restored():
    yield
    catalog.reset()


def test_the_catalogs_list_is_kept_and_saved_byte_for_byte(tmp_path):
    plan = kinerja.load_plan(CATALOGS / "with-bundled.yaml")
    assert plan.catalogs == ["bundled", "kab-contoh.yaml"]
    text = plan.to_yaml()
    assert '\ncatalogs: ["bundled", "kab-contoh.yaml"]\n' in text
    again = kinerja.Plan.from_yaml(text, str(CATALOGS / "saved.yaml"))
    assert again.to_yaml() == text
    assert kinerja.Plan.from_yaml(HEAD + "nodes: []\n").catalogs is None


def test_the_plan_catalog_holds_the_listed_files_only():
    plan = kinerja.load_plan(CATALOGS / "regency.yaml")
    assert plan.catalog.ids() == ["kab-contoh.persentase-perkawinan-anak", "kab-contoh.cakupan-layanan-pengaduan"]
    both = kinerja.load_plan(CATALOGS / "with-bundled.yaml")
    assert "rasio-kekerasan-perempuan" in both.catalog and "kab-contoh.persentase-perkawinan-anak" in both.catalog


def test_an_unknown_catalog_id_is_an_error_at_load_naming_it():
    for load in (lambda: kinerja.load_plan(MALFORMED / "unknown-catalog-entry.yaml"),
                 lambda: kinerja.Plan.from_yaml((MALFORMED / "unknown-catalog-entry.yaml").read_text(), "u.yaml")):
        with pytest.raises(kinerja.PlanFileError) as info:
            load()
        e = info.value
        assert e.id == "kinerja.plan.reference"
        assert (e.line, e.column) == (13, 18)  # counted by hand in the fixture
        assert 'names catalog entry "penyerapan-anggaranx"' in e.reason
        assert "nearest: penyerapan-anggaran" in e.reason
    # a regency plan that lists only its own catalog cannot name a bundled entry
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(naming("rasio-kekerasan-perempuan", "catalogs: [kab-contoh.yaml]\n"),
                               str(CATALOGS / "p.yaml"))
    assert (info.value.line, info.value.column) == (10, 35)
    assert '"rasio-kekerasan-perempuan"' in info.value.reason


def test_the_cli_reports_an_unknown_catalog_id_with_exit_2(capsys):
    code = cli.main(["check", str(MALFORMED / "unknown-catalog-entry.yaml")])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"unknown-catalog-entry.yaml:13:18:" in err
    assert '"penyerapan-anggaranx"' in err


def test_a_missing_polarity_comes_from_the_catalog_entry():
    plan = kinerja.load_plan(CATALOGS / "regency.yaml")
    assert plan.indicator("ind-perkawinan").polarity is None  # as printed
    assert plan.polarity("ind-perkawinan") == "lower"          # the entry's
    assert plan.polarity("ind-layanan") == "higher"
    frame = plan.to_frame().set_index(["indicator_id", "year"])
    # lower, inverse: 4 / 5 x 100 = 80.00 (higher would be 125.00); no "polarity unknown" note
    assert frame.loc[("ind-perkawinan", 2024), "achievement"] == 80.0
    assert frame.loc[("ind-perkawinan", 2024), "polarity"] == "lower"
    assert frame.loc[("ind-perkawinan", 2024), "note"] is None
    # 90 / 80 x 100 = 112.50
    assert frame.loc[("ind-layanan", 2024), "achievement"] == 112.5
    # roll-up: mean of 112.5 and 80 = 96.25, both indicators count
    r = plan.rollup(years=[2024]).set_index("node_id").loc["s-1"]
    assert (r["own"], r["indicators"], r["skipped"]) == (96.25, 2, 0)


def test_checks_use_the_catalog_polarity():
    found = kinerja.load_plan(CATALOGS / "regency.yaml").check(rules=["target-direction", "catalog-reference"])
    # 3.5% (2025) -> 5% (2026) rises against lower
    assert [(f.rule, f.indicator, f.year, f.expected, f.actual) for f in found] == [
        ("target-direction", "ind-perkawinan", 2026, "at most 3.5%", "5%")]


def test_a_regency_replaces_the_default_catalog(default_restored):
    text = naming("kab-contoh.persentase-perkawinan-anak")
    with pytest.raises(kinerja.PlanFileError):
        kinerja.Plan.from_yaml(text)  # not in the bundled catalog
    catalog.set_default(CATALOGS / "kab-contoh.yaml")
    plan = kinerja.Plan.from_yaml(text)
    assert plan.polarity("i") == "lower"
    assert catalog.default().ids() == plan.catalog.ids()
    with pytest.raises(kinerja.PlanFileError):
        kinerja.Plan.from_yaml(naming("penyerapan-anggaran"))  # the bundled entries are gone
    kinerja.Plan.from_yaml(naming("penyerapan-anggaran", "catalogs: [bundled]\n"))  # unless listed
    catalog.reset()
    kinerja.Plan.from_yaml(naming("penyerapan-anggaran"))
    # add: the bundled catalog and the regency's
    catalog.add(CATALOGS / "kab-contoh.yaml")
    kinerja.Plan.from_yaml(text)
    kinerja.Plan.from_yaml(naming("penyerapan-anggaran"))
