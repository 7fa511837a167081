"""Load limits (kinerja.LoadLimits, ``limits=``, ``--limit NAME=VALUE``) and the loader defects of
issue 13 as seen from Python. Counts and positions are worked out by hand in the comments."""

import pytest

import kinerja
from kinerja import cli

HEAD = ("kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: PERIOD, version: perubahan}\n"
        "nodes:\n")


def plan_text(period="[2024, 2026]", nodes=("a",)):
    return HEAD.replace("PERIOD", period) + "".join(
        f"  - {{id: {n}, level: program, name: N, source: T}}\n" for n in nodes)


def test_defaults_and_fields():
    d = kinerja.LoadLimits()
    assert (d.max_input_bytes, d.max_period_years, d.max_alias_expansion, d.max_nodes, d.max_nesting) == (
        256 * 1024 * 1024, 200, 1_000_000, 1_000_000, 64)
    assert kinerja.LoadLimits(max_nodes=7).max_nodes == 7
    assert kinerja.LoadLimits(max_nodes=7).max_nesting == 64  # the others keep their defaults


def test_max_nodes_at_the_boundary_with_a_dict_and_with_load_limits(tmp_path):
    path = tmp_path / "three.yaml"
    path.write_text(plan_text(nodes=("a", "b", "c")), encoding="utf-8")
    assert len(kinerja.load_plan(path, limits={"max_nodes": 3}).nodes) == 3
    assert len(kinerja.load_plan(path, limits=kinerja.LoadLimits(max_nodes=3)).nodes) == 3
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan(path, limits={"max_nodes": 2})
    e = info.value
    assert e.id == "kinerja.limit.nodes"
    assert (e.line, e.column) == (6, 5)  # c, the third node, on line 6
    assert "past the limit max_nodes = 2" in e.reason
    assert 'limits={"max_nodes": N}' in e.reason


def test_from_yaml_takes_limits():
    # 2024..2224 is 201 years
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(plan_text(period="[2024, 2224]"))
    assert info.value.id == "kinerja.limit.period_years"
    assert "has 201 years" in info.value.reason
    assert kinerja.Plan.from_yaml(plan_text(period="[2024, 2224]"), limits={"max_period_years": 201}) is not None


def test_load_plan_csv_takes_limits(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("node_id,level,name,year,budget,source\na,program,A,2024,1,T\nb,program,B,2024,1,T\n",
                    encoding="utf-8")
    assert len(kinerja.load_plan_csv(path, limits={"max_nodes": 2}).nodes) == 2
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_plan_csv(path, limits={"max_nodes": 1})
    assert info.value.id == "kinerja.limit.nodes"
    assert (info.value.line, info.value.column) == (3, 1)


def test_an_unknown_limit_is_refused():
    with pytest.raises(ValueError, match="unknown limit 'max_rows'"):
        kinerja.Plan.from_yaml(plan_text(), limits={"max_rows": 3})
    with pytest.raises(TypeError):
        kinerja.Plan.from_yaml(plan_text(), limits=3)


def test_a_version_that_makes_a_node_its_own_parent_fails_to_load():
    # issue 13: this loaded, then version_of("awal").rollup() and _repr_html_ overflowed the stack
    text = plan_text() + "versions:\n  awal:\n    nodes:\n      - {id: a, parent: a}\n"
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(text, "self.yaml")
    e = info.value
    assert e.id == "kinerja.plan.reference"
    assert (e.file, e.line, e.column) == ("self.yaml", 8, 25)
    assert 'node "a" in version "awal" is its own ancestor' in e.reason


def test_cli_limit_raises_a_limit(tmp_path, capsys):
    path = tmp_path / "long.yaml"
    path.write_text(plan_text(period="[2024, 2224]"), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[kinerja.limit.period_years]" in err
    assert "--limit max_period_years=N" in err
    assert cli.main(["check", str(path), "--limit", "max_period_years=201"]) in (0, 1)
    capsys.readouterr()


def test_cli_limit_stops_reading_an_endless_device(capsys):
    # issue 13: kinerja check /dev/zero read until memory ran out
    assert cli.main(["check", "/dev/zero", "--limit", "max_input_bytes=4096"]) == 2
    err = capsys.readouterr().err
    assert "[kinerja.limit.input_bytes] /dev/zero: the input has more than 4096 bytes" in err


@pytest.mark.parametrize("bad", ["max_nodes", "max_nodes=", "max_nodes=-1", "max_rows=3", "max_nodes=1e3"])
def test_cli_limit_refuses_a_malformed_setting(bad, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["check", "--limit", bad])
    assert info.value.code == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err
