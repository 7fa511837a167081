"""bench/national_corpus.py: the synthetic national corpus of bench/plans is deterministic and
its plans load (small sizes only; the benchmark itself is not a test)."""

import os
import sys
from pathlib import Path

import kinerja

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import national_corpus  # noqa: E402


def _texts(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*.yaml"))}


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    a = national_corpus.Generator(seed=7).write(str(tmp_path / "a"), regions=2, agencies=3)
    b = national_corpus.Generator(seed=7).write(str(tmp_path / "b"), regions=2, agencies=3)
    assert _texts(tmp_path / "a") == _texts(tmp_path / "b")
    assert sorted(_texts(tmp_path / "a")) == [f"r00{r}/a0{k}.yaml" for r in (1, 2) for k in (1, 2, 3)]
    assert [x["bytes"] for x in a] == [x["bytes"] for x in b]
    # a plan does not depend on what else is generated: region 2, agency 3 alone is the same file
    one, _ = national_corpus.Generator(seed=7).plan(1, 2)
    assert one.encode("utf-8") == (tmp_path / "a" / "r002" / "a03.yaml").read_bytes()
    # another seed gives another corpus
    national_corpus.Generator(seed=8).write(str(tmp_path / "c"), regions=2, agencies=3)
    assert _texts(tmp_path / "c") != _texts(tmp_path / "a")


def test_generated_plans_load_with_their_identity_and_size(tmp_path):
    gen = national_corpus.Generator(seed=1)
    rows = gen.write(str(tmp_path), regions=1, agencies=12)
    for row in rows:
        assert national_corpus.MIN_BYTES * 0.9 <= row["bytes"] <= national_corpus.MAX_BYTES * 1.1, row
        assert row["bytes"] == os.path.getsize(row["path"])
        if row["damage"]:
            continue
        plan = kinerja.load_plan(row["path"])
        assert plan.region == "Kabupaten Sintetis 001"
        assert plan.organisation == row["organisation"]
        # every copy of the template's nodes is there, with unique ids
        ids = [n.id for n in plan.nodes]
        assert len(ids) == len(set(ids))
        template = dict(national_corpus.templates())[row["template"]]
        assert len(ids) == row["copies"] * len(template["nodes"])
    assert [r["organisation"] for r in rows[:2]] == ["Dinas Pendidikan", "Dinas Kesehatan"]


def test_damaged_plans_do_not_load(tmp_path):
    # the three kinds of damage, applied to a plan that loads
    text, _ = national_corpus.Generator(seed=1).plan(0, 0)
    ids = {"cut": "kinerja.plan.yaml", "duplicate-id": "kinerja.plan.duplicate_id",
           "unknown-key": "kinerja.plan.schema"}
    import random

    for how, error_id in ids.items():
        path = tmp_path / f"{how}.yaml"
        path.write_text(national_corpus._damage(text, how, random.Random(3)), encoding="utf-8")
        try:
            kinerja.load_plan(path)
        except kinerja.PlanFileError as exc:
            assert exc.id == error_id, (how, str(exc))
        else:
            raise AssertionError(f"{how}: the damaged plan loaded")


def test_every_template_copied_as_another_urusan_loads(tmp_path):
    # a copy renames ids and what refers to them, never a value that spells an id (Jawa Timur's
    # LKPJ names a sasaran "iku", and every indicator of it has kind: iku)
    for name, template in national_corpus.templates():
        doc = {**template, "nodes": list(template["nodes"]) + national_corpus._copy_nodes(template["nodes"], 1, "9.99")}
        path = tmp_path / f"{name}.yaml"
        path.write_text(national_corpus._dump(doc), encoding="utf-8")
        plan = kinerja.load_plan(str(path))
        assert len(plan.nodes) == 2 * len(template["nodes"]), name
