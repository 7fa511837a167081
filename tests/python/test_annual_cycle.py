"""The annual cycle (docs/annual-cycle.md) from Python: annual target documents and realizations
with evidence and verification in the model, their frames, the round trip of the example plan,
load errors with their place, and the `kinerja check` example of the page printed exactly."""

import re
from pathlib import Path

import pytest

import kinerja
from kinerja import _core, cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "plans" / "evidence-example.yaml"
PAGE = (ROOT / "docs" / "annual-cycle.md").read_text(encoding="utf-8")


def test_the_example_plan_round_trips(tmp_path):
    plan = kinerja.load_plan(EXAMPLE)
    saved = tmp_path / "copy.yaml"
    plan.save(saved)
    again = kinerja.load_plan(saved)
    assert again == plan
    assert not (again != plan)
    # save is canonical: saving the loaded copy gives the same bytes
    assert again.to_yaml() == saved.read_text(encoding="utf-8")
    # and the evidence is part of the equality
    changed = kinerja.Plan.from_yaml(saved.read_text(encoding="utf-8").replace("Rekap pengaduan 2025", "Rekap"))
    assert changed != plan


def test_annual_documents_in_the_model():
    plan = kinerja.load_plan(EXAMPLE)
    docs = plan.annual_documents
    assert [(d.id, d.kind, d.year) for d in docs] == [("renja-2025", "renja", 2025),
                                                      ("pk-2025", "perjanjian_kinerja", 2025),
                                                      ("pk-2026", "perjanjian_kinerja", 2026)]
    pk = docs[1]
    assert pk.label == "Perjanjian Kinerja 2025"
    assert pk.number == "800/002/PK/2025"
    assert pk.date == "2025-01-31"
    assert pk.source is None
    assert [(t.indicator, t.value, t.revision) for t in pk.targets] == [
        ("ind-layanan", "80%", None),
        ("ind-ikm", "79", "survei 2024 menaikkan dasar pengukuran"),
        ("ind-sosialisasi", "20 Kegiatan", None)]
    assert docs[2].number is None
    # the versions of a year's target: the Renstra's, then each document's in file order
    assert plan.annual_target_versions("ind-ikm", 2025) == [
        (None, "78", None), ("renja-2025", "78,0", None), ("pk-2025", "79", "survei 2024 menaikkan dasar pengukuran")]
    assert plan.annual_target_versions("ind-ikm", 2027) == [(None, "82", None)]
    with pytest.raises(kinerja.UnknownNameError):
        plan.annual_target_versions("ind-x", 2025)


def test_realization_records_in_the_model():
    plan = kinerja.load_plan(EXAMPLE)
    layanan = plan.indicator("ind-layanan")
    [record] = layanan.realization_records
    assert (record.year, record.quarter, record.status) == (2025, None, "approved")
    [ev] = record.evidence
    assert (ev.title, ev.kind, ev.path) == ("Rekap pengaduan 2025", "laporan", None)
    assert ev.uri == "https://contoh.example/bukti/rekap-pengaduan-2025.pdf"
    assert ev.hash == "sha256:6b77b0d864ec4ebb6918089655a8b3b6a526a608e8e90d7f3f4dcd4fff243efc"
    assert [(s.status, s.by, s.at, s.value) for s in record.verification] == [
        ("draft", "Operator Bidang", "2026-01-05", None),
        ("submitted", "Kepala Bidang", "2026-01-10T09:00+07:00", None),
        ("verified", "Verifikator Inspektorat", "2026-01-20T14:30+07:00", "82%"),
        ("approved", "Kepala Dinas", "2026-01-25", None)]
    assert layanan.realizations == {2025: "82%"}
    quarters = plan.indicator("ind-sosialisasi")
    assert [(r.year, r.quarter, r.status, len(r.evidence)) for r in quarters.realization_records] == [
        (2025, 1, "approved", 1), (2025, 2, "verified", 1), (2025, 3, "submitted", 1)]
    assert quarters.quarterly_realizations == {2025: {1: "5 Kegiatan", 2: "7 Kegiatan", 3: "4 Kegiatan",
                                                      4: "6 Kegiatan"}}
    assert plan.settings["evidence"] == "required"


def test_the_verification_table():
    table = _core.verification_transitions()
    assert len(table) == 12
    assert (None, "draft") in table and (None, "submitted") in table
    assert ("submitted", "approved") not in table
    assert ("verified", "approved") in table and ("approved", "revised") in table


def test_the_frames():
    plan = kinerja.load_plan(EXAMPLE)
    targets = plan.annual_targets_frame()
    assert list(targets.columns) == kinerja.plan.ANNUAL_TARGET_COLUMNS
    assert len(targets) == 8  # 3 + 3 + 2 targets
    row = targets[(targets.document_id == "pk-2026") & (targets.indicator_id == "ind-layanan")].iloc[0]
    assert (row.node_id, row.year, row.target, row.target_number, row.renstra_target) == ("t-1", 2026, "87%", 87.0,
                                                                                          "85%")
    assert str(targets["year"].dtype) == "Int64"
    revised = targets[targets.revision.notna()]
    assert revised[["document_id", "indicator_id", "target"]].values.tolist() == [["pk-2025", "ind-ikm", "79"]]
    records = plan.realization_records_frame()
    assert list(records.columns) == kinerja.plan.REALIZATION_RECORD_COLUMNS
    assert records[["indicator_id", "quarter", "realization", "status", "evidence", "verified_value"]].astype(
        object).where(records.notna(), None).values.tolist() == [
        ["ind-layanan", None, "82%", "approved", 1, "82%"],
        ["ind-ikm", None, "79,4", "approved", 1, None],
        ["ind-sosialisasi", 1, "5 Kegiatan", "approved", 1, "5 Kegiatan"],
        ["ind-sosialisasi", 2, "7 Kegiatan", "verified", 1, "6 Kegiatan"],
        ["ind-sosialisasi", 3, "4 Kegiatan", "submitted", 1, None]]


def test_bad_input_is_a_plan_file_error_at_its_place():
    text = EXAMPLE.read_text(encoding="utf-8")
    bad = text.replace("{status: draft, by: \"Operator Bidang\", at: \"2026-01-05\"}",
                       "{status: drafted, by: \"Operator Bidang\", at: \"2026-01-05\"}")
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(bad, "example.yaml")
    line = next(i for i, l in enumerate(bad.splitlines(), 1) if "status: drafted" in l)
    column = bad.splitlines()[line - 1].index("drafted") + 1
    assert (info.value.id, info.value.line, info.value.column) == ("kinerja.plan.schema", line, column)
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(text.replace("year: 2026\n", "year: 2029\n"), "example.yaml")
    assert "outside the plan period 2025-2027" in str(info.value)


def page_example():
    """The command and output of the page's `$ kinerja check` block."""
    [body] = re.findall(r"```text\n(\$ kinerja check [^\n]*)\n(.*?)```", PAGE, flags=re.S)
    return body


def test_the_page_shows_what_kinerja_check_prints(monkeypatch, capsys):
    command, expected = page_example()
    monkeypatch.chdir(ROOT)
    status = cli.main(command.split()[2:])  # after "$ kinerja"
    assert capsys.readouterr().out == expected
    assert status == 1  # errors among the findings


def test_a_plan_without_the_keys_has_none_of_it():
    plan = kinerja.bundled_plan()
    assert plan.annual_documents == []
    assert plan.annual_targets_frame().empty and plan.realization_records_frame().empty
    assert all(not ind.realization_records for n in plan.nodes + plan.history for ind in n.indicators)
    assert plan.settings["evidence"] == "optional"
    assert "annual_documents" not in plan.to_yaml() and "evidence" not in plan.to_yaml()


def test_entering_another_value_after_verification_is_found():
    plan = kinerja.load_plan(EXAMPLE)
    assert plan.check(rules=["verified-value-changed"])[0].actual_text == "7 Kegiatan"  # the example's Q2
    plan.set_realization("ind-layanan", 2025, "83%")  # verified as 82%
    found = [(f.indicator, f.expected_text, f.actual_text) for f in plan.check(rules=["verified-value-changed"])]
    assert ("ind-layanan", "82%", "83%") in found
    # the entered value keeps the realization's evidence and verification
    assert plan.indicator("ind-layanan").realization_records[0].status == "approved"
