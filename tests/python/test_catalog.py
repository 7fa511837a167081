"""kinerja.catalog: loading catalog files, malformed files with line and column, the bundled
catalog's vectors, user catalogs, and the ``kinerja catalog`` command.

Each malformed fixture under tests/data/catalog/malformed states on its first line the error it
must give (``# expect: ID LINE:COLUMN TEXT``, read off the file by hand); the C++ tests read the
same line.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import kinerja
from kinerja import catalog, cli

DATA = Path(__file__).resolve().parent.parent / "data" / "catalog"
MALFORMED = sorted((DATA / "malformed").glob("*.yaml"))

BUNDLED_IDS = [
    "ikk-persentase-arg",
    "ikk-rasio-kekerasan-anak",
    "ikk-rasio-kekerasan-perempuan",
    "rasio-kekerasan-perempuan",
    "persentase-kekerasan-anak",
    "penanganan-kasus-kekerasan-perempuan",
    "penanganan-kasus-kekerasan-anak",
    "pemenuhan-klaster-kla",
    "penyerapan-anggaran",
]


@pytest.fixture(autouse=True)
def _fresh_default():
    catalog.reset()
    yield
    catalog.reset()


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------------- loading


def test_a_user_catalog_loads_with_every_field():
    c = catalog.load(DATA / "valid.yaml")
    assert len(c) == 2
    assert c.ids() == ["user.cakupan-layanan", "user.sisa-anggaran"]
    e = c.get("user.cakupan-layanan")
    assert e.name == {"id": "Cakupan layanan pengaduan", "en": "Complaint service coverage"}
    assert (e.unit, e.polarity, e.factor) == ("Persen", "higher", 100.0)
    assert isinstance(e.formula, kinerja.Formula)
    assert e.formula.unit == "%"
    assert e.formula.variables == ["served", "requested"]
    assert [v.name for v in e.variables] == ["served", "requested"]
    assert e.variables[0].unit == "Orang"
    assert e.variables[0].definition_en == "Complainants served"
    assert (e.variables[1].line, e.variables[1].column) == (19, 7)
    assert e.regulation == "Perwal contoh 1/2024"
    assert e.location == f"{DATA / 'valid.yaml'}:4:5"
    assert len(e.tests) == 3
    assert e.tests[0].inputs == {"served": 45.0, "requested": 60.0}
    assert e.tests[1].tolerance == 0.01
    assert e.tests[2].expected is None and e.tests[2].reason == "division by zero"
    s = c["user.sisa-anggaran"]
    assert s.factor is None
    assert s.formula.unit == "Rupiah"
    assert "user.sisa-anggaran" in c and "nope" not in c


def test_parse_from_text_and_evaluate_scalars_and_arrays():
    c = catalog.parse((DATA / "valid.yaml").read_text(encoding="utf-8"), "mine.yaml")
    e = c.get("user.cakupan-layanan")
    # 45 / 60 x 100 = 75
    assert e.evaluate({"served": 45, "requested": 60}) == pytest.approx(75.0)
    assert math.isnan(e.evaluate({"served": 1, "requested": 0}))
    assert e.explain({"served": 1, "requested": 0}) == "division by zero"
    out = e.evaluate({"served": np.array([45.0, 1.0, np.nan]), "requested": np.array([60.0, 0.0, 10.0])})
    assert out[0] == pytest.approx(75.0)
    assert np.isnan(out[1]) and np.isnan(out[2])
    assert e.location.startswith("mine.yaml:")


def test_get_unknown_entry_raises_lookup_error():
    with pytest.raises(kinerja.UnknownNameError) as info:
        catalog.get("nope")
    assert isinstance(info.value, LookupError)
    assert info.value.id == "kinerja.lookup.catalog_entry"
    assert "penyerapan-anggaran" in str(info.value)
    assert catalog.find("nope") is None


@pytest.mark.parametrize("path", MALFORMED, ids=[p.stem for p in MALFORMED])
def test_every_malformed_fixture_gives_its_error_at_its_line_and_column(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ")
    error_id, where, text = first[len("# expect: "):].split(" ", 2)
    line, column = (int(x) for x in where.split(":"))
    with pytest.raises(kinerja.PlanFileError) as info:
        catalog.load(path)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.id == error_id
    assert (e.file, e.line, e.column) == (str(path), line, column)
    assert text in e.reason
    assert f"{path}:{line}:{column}: " in str(e)


def test_there_are_malformed_fixtures_for_each_kind_of_mistake():
    names = {p.stem for p in MALFORMED}
    assert {"unknown-key", "undeclared-variable", "unused-variable", "unit-mismatch", "bad-formula", "formula-units",
            "duplicate-id", "quoted-number", "factor-mismatch"} <= names


def test_a_formula_error_column_is_mapped_into_the_file():
    text = (DATA / "valid.yaml").read_text(encoding="utf-8").replace("/ requested * 100", "/ requested * * 100")
    with pytest.raises(kinerja.PlanFileError) as info:
        catalog.parse(text, "v.yaml")
    # the block scalar's second line is line 11: "        / requested * * 100"; the second * at column 23
    assert (info.value.id, info.value.line, info.value.column) == ("kinerja.catalog.formula", 11, 23)
    assert "^" in info.value.reason


def test_missing_file_is_an_io_error():
    with pytest.raises(kinerja.PlanFileError) as info:
        catalog.load(DATA / "no-such-file.yaml")
    assert info.value.id == "kinerja.catalog.io"


# ----------------------------------------------------------------------------- merging


def test_duplicate_ids_across_catalogs():
    a = catalog.load(DATA / "valid.yaml")
    with pytest.raises(kinerja.PlanFileError) as info:
        a.merge(a)
    assert info.value.id == "kinerja.catalog.duplicate_id"
    assert "already defined at" in info.value.reason
    with pytest.raises(kinerja.PlanFileError):
        catalog.load([DATA / "valid.yaml", DATA / "valid.yaml"])
    both = catalog.load([DATA / "valid.yaml", DATA / "failing-vector.yaml"])
    assert both.ids() == ["user.cakupan-layanan", "user.sisa-anggaran", "user.share"]
    assert len(a) == 2  # merge makes a new catalog


def test_add_a_user_catalog_to_the_default():
    assert catalog.find("user.sisa-anggaran") is None
    catalog.add(DATA / "valid.yaml")
    assert catalog.get("user.sisa-anggaran").unit == "Rupiah"
    assert catalog.get("penyerapan-anggaran").unit == "Persen"
    assert len(catalog.entries()) == len(BUNDLED_IDS) + 2
    results = catalog.test()  # the bundled vectors and the user's
    assert results.passed
    assert {"user.cakupan-layanan", "penyerapan-anggaran"} <= {r.entry for r in results}
    with pytest.raises(kinerja.PlanFileError):
        catalog.add(DATA / "valid.yaml")  # already there
    catalog.reset()
    assert catalog.find("user.sisa-anggaran") is None


# ----------------------------------------------------------------------------- the bundled catalog


def test_the_bundled_catalog_holds_the_seed_formulas():
    c = catalog.bundled()
    assert sorted(c.ids()) == sorted(BUNDLED_IDS)
    assert all(p.suffix == ".yaml" for p in catalog.bundled_paths())
    for e in c:
        assert e.regulation and e.source, e.id
        assert len(e.tests) >= 3, e.id
        reasons = {t.reason for t in e.tests}
        assert {"division by zero", "missing input"} <= reasons, e.id
        assert kinerja.unit_info(e.unit).name == e.unit, e.id  # canonical unit words


def test_every_bundled_vector_passes():
    results = catalog.test()
    assert results, "no vectors"
    failures = [r.describe() for r in results.failures]
    assert not failures, "\n".join(failures)
    assert results.passed
    assert results.summary().endswith("0 failed")


def test_the_seed_numbers():
    # Tabel 2.11, 2021: 11,840,364,035 / 12,692,580,100 x 100 = 93.2857... (printed 93.29)
    a = catalog.get("penyerapan-anggaran").evaluate({"realized": 11_840_364_035, "budget": 12_692_580_100})
    assert round(a, 2) == 93.29
    assert a == pytest.approx(93.2857145018135, rel=1e-12)
    # ARG 2020 realization 77.90%
    assert catalog.get("ikk-persentase-arg").evaluate({"arg": 779, "direct_spending": 1000}) == pytest.approx(77.9)
    # one victim per 4,347 women (1 : 4.347) is 23.004 per 100,000
    w = catalog.get("rasio-kekerasan-perempuan")
    assert (w.unit, w.polarity, w.factor) == ("per 100.000", "lower", 100000.0)
    assert w.evaluate({"victims": 208, "women_18plus": 208 * 4347}) == pytest.approx(100000 / 4347)
    # the child IKK is per 10,000, not x 100% as Tabel 7.5 prints it; the note says so
    k = catalog.get("ikk-rasio-kekerasan-anak")
    assert k.formula.unit == "per 10.000"
    assert "x 100%" in k.notes
    assert k.evaluate({"child_victims": 196, "children": 700_000}) == pytest.approx(2.8)


def test_to_frame_of_entries_and_of_results():
    frame = catalog.to_frame()
    assert list(frame["id"]) == catalog.ids()
    assert {"id", "name_id", "name_en", "formula", "unit", "polarity", "factor", "regulation", "tests"} <= set(frame.columns)
    row = frame.set_index("id").loc["penyerapan-anggaran"]
    assert row["formula"] == "realized / budget * 100"
    assert row["variables"] == "realized, budget"
    results = catalog.test().to_frame()
    assert len(results) == sum(len(e.tests) for e in catalog.entries())
    assert results["passed"].all()


def test_entry_to_dict_is_json():
    d = catalog.get("pemenuhan-klaster-kla").to_dict()
    json.dumps(d)
    assert d["formula_unit"] == "%"
    assert d["variables"]["kla_score"]["unit"] == "Nilai"


# ----------------------------------------------------------------------------- user vectors


def test_a_failing_user_vector_is_reported():
    results = catalog.test(DATA / "failing-vector.yaml")
    assert not results.passed
    assert [r.passed for r in results] == [True, True, False, False]
    wrong = results[2]
    assert (wrong.entry, wrong.index, wrong.expected) == ("user.share", 2, 12.6)
    assert wrong.actual == pytest.approx(12.5)
    assert wrong.line == 21
    assert "expected 12.6, got 12.5" in wrong.message
    reason = results[3]
    assert reason.actual is None
    assert (reason.expected_reason, reason.actual_reason) == ("division by zero", "missing input")
    assert results.summary() == "4 vectors in 1 entries: 2 passed, 2 failed"


def test_several_files_are_tested_each_on_its_own():
    results = catalog.test([DATA / "valid.yaml", DATA / "failing-vector.yaml"])
    assert len(results) == 4 + 4
    assert len(results.failures) == 2


# ----------------------------------------------------------------------------- the command


def test_cli_catalog_test_bundled_passes(capsys):
    code, out, _ = run(capsys, "catalog", "test")
    assert code == 0
    assert out.strip().endswith("0 failed")


def test_cli_catalog_test_a_failing_file_exits_1(capsys):
    path = str(DATA / "failing-vector.yaml")
    code, out, _ = run(capsys, "catalog", "test", path)
    assert code == 1
    assert f"{path}:21:9: FAIL user.share tests[2]: expected 12.6, got 12.5" in out
    assert "2 passed, 2 failed" in out


def test_cli_catalog_test_json(capsys):
    code, out, _ = run(capsys, "catalog", "test", str(DATA / "valid.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["passed"] is True
    assert len(data["results"]) == 4
    code, out, _ = run(capsys, "--format", "json", "catalog", "test", str(DATA / "failing-vector.yaml"))
    assert code == 1
    assert json.loads(out)["passed"] is False


def test_cli_catalog_test_unusable_input_exits_2(capsys):
    code, _, err = run(capsys, "catalog", "test", str(DATA / "malformed" / "unit-mismatch.yaml"))
    assert code == 2
    assert "unit-mismatch.yaml:7:11" in err
    code, _, err = run(capsys, "catalog", "test", str(DATA / "does-not-exist.yaml"))
    assert code == 2


def test_cli_catalog_list_and_show(capsys):
    code, out, _ = run(capsys, "catalog", "list")
    assert code == 0
    assert "penyerapan-anggaran: realized / budget * 100 [Persen, higher]" in out
    code, out, _ = run(capsys, "catalog", "list", str(DATA / "valid.yaml"), "--format", "json")
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["user.cakupan-layanan", "user.sisa-anggaran"]
    code, out, _ = run(capsys, "catalog", "show", "ikk-rasio-kekerasan-anak")
    assert code == 0
    assert "child_victims / children * 10_000" in out
    assert "missing (division by zero)" in out
    code, out, _ = run(capsys, "catalog", "show", "user.share", "--catalog", str(DATA / "failing-vector.yaml"),
                       "--format", "json")
    assert code == 0
    assert json.loads(out)["id"] == "user.share"
    code, _, err = run(capsys, "catalog", "show", "nope")
    assert code == 2
    assert "kinerja.lookup.catalog_entry" in err


def test_cli_catalog_as_a_subprocess():
    env = dict(os.environ)
    pkg_dir = os.path.dirname(os.path.dirname(os.path.abspath(kinerja.__file__)))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "kinerja", "catalog", "test", str(DATA / "failing-vector.yaml")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "FAIL user.share" in proc.stdout


# ----------------------------------------------------------------------------- the documentation


def test_the_example_of_docs_catalog_md_loads_and_its_vectors_pass():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "catalog.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    c = catalog.parse(example, "docs/catalog.md")
    assert c.ids() == ["kab-contoh.cakupan-layanan-pengaduan"]
    results = c.test()
    assert len(results) == 4 and results.passed, results.summary()
