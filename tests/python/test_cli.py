"""The ``kinerja`` command, in-process through kinerja.cli.main and once as a subprocess."""

import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

import kinerja
from kinerja import cli

PLANS_DIR = Path(__file__).resolve().parent.parent / "data" / "plans"


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_in_process(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"kinerja {kinerja.__version__}"


def test_version_as_a_subprocess():
    env = dict(os.environ)
    pkg_dir = os.path.dirname(os.path.dirname(os.path.abspath(kinerja.__file__)))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "kinerja", "--version"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"kinerja {kinerja.__version__}"


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ["value", "classify", "achievement", "audit"]:
        assert command in out


def test_no_command_prints_help_and_succeeds(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    assert "usage" in out.lower()


# --------------------------------------------------------------------------- value

def test_value_text_output(capsys):
    code, out, _ = run(capsys, "value", "1 : 4.000")
    assert code == 0
    assert "kind: ratio" in out
    assert "number: 4000.0" in out
    assert "english: 1 : 4,000" in out


def test_value_json_with_context(capsys):
    code, out, _ = run(capsys, "--format", "json", "value", "742,340", "--context", "KLA")
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "number"
    assert data["number"] == pytest.approx(742.34)   # 742340 is outside 0..1000
    assert data["level"] == "Nindya"
    assert data["scale"] == "KLA"


def test_value_json_money(capsys):
    code, out, _ = run(capsys, "--format", "json", "value", "Rp. 22.275.313.470,-")
    assert code == 0
    data = json.loads(out)
    assert (data["kind"], data["number"], data["unit"]) == ("money", 22275313470.0, "Rupiah")


def test_value_ambiguous_exits_2_with_a_message(capsys):
    code, out, err = run(capsys, "value", "742,340")
    assert code == 2
    assert out == ""
    assert "ambiguous" in err
    assert "column 4" in err


@pytest.mark.parametrize("argv", [["value", "12a4"], ["value", "1,,5"], ["value", "x", "--context", "Bogus"]])
def test_value_unreadable_exits_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("kinerja: error:")


# --------------------------------------------------------------------------- classify

@pytest.mark.parametrize(
    "scale, score, level",
    [("AKIP", "72.79", "BB"), ("AKIP", "60", "CC"), ("KLA", "742,340", "Nindya"), ("capaian", "158.03", "Sangat Tinggi")],
)
def test_classify_text(capsys, scale, score, level):
    code, out, _ = run(capsys, "classify", scale, score)
    assert code == 0
    assert out.strip() == level


def test_classify_json(capsys):
    code, out, _ = run(capsys, "--format", "json", "classify", "KLA", "742,340")
    assert code == 0
    assert json.loads(out) == {"scale": "KLA", "score": pytest.approx(742.34), "level": "Nindya"}


@pytest.mark.parametrize("argv", [["classify", "KLA", "Madya"], ["classify", "XYZ", "5"],
                                  ["classify", "AKIP", "100.5"], ["classify", "AKIP", "abc"]])
def test_classify_bad_input_exits_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.strip()


# --------------------------------------------------------------------------- achievement

def test_achievement_text(capsys):
    # 4347/4250 = 1.022823 -> 102.28
    code, out, _ = run(capsys, "achievement", "1 : 4.250", "1 : 4.347", "--polarity", "lower", "--rounding", "half_up")
    assert code == 0
    assert out.startswith("102.28%")
    assert "exceeded" in out


def test_achievement_json(capsys):
    # 84.14/53.24 = 1.580390 -> 158.03 truncated
    code, out, _ = run(capsys, "--format", "json", "achievement", "53.24%", "84.14%", "--rounding", "truncate")
    assert code == 0
    data = json.loads(out)
    assert data["percent"] == pytest.approx(158.03)
    assert data["attainment"] == "exceeded"
    assert data["method"] == "direct"
    assert data["category"] == "Sangat Tinggi"


def test_achievement_missing_is_not_an_error(capsys):
    code, out, _ = run(capsys, "--format", "json", "achievement", "-", "5")
    assert code == 0
    assert json.loads(out)["percent"] is None


@pytest.mark.parametrize("argv", [["achievement", "0", "5"],
                                  ["achievement", "5", "6", "--polarity", "lower", "--method", "direct"],
                                  ["achievement", "1.000", "2.000"]])
def test_achievement_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "kinerja: error:" in err


def test_achievement_bad_choice_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["achievement", "5", "6", "--polarity", "bogus"])
    assert info.value.code == 2
    assert "bogus" in capsys.readouterr().err


# --------------------------------------------------------------------------- audit

def test_audit_inconsistent_exits_1(capsys):
    # 0.040/0.024 = 1.67 by inverse; 0.60 printed
    code, out, _ = run(capsys, "audit", "0.040%", "0.024%", "0.60", "--polarity", "lower")
    assert code == 1
    assert "INCONSISTENT" in out
    assert "1.67" in out


def test_audit_consistent_exits_0(capsys):
    code, out, _ = run(capsys, "audit", "CC (60)", "BB (72.79)", "1.21")
    assert code == 0
    assert out.startswith("consistent")


def test_audit_json(capsys):
    code, out, _ = run(capsys, "--format", "json", "audit", "Madya", "Nindya", "2.00")
    assert code == 1
    data = json.loads(out)
    assert data["consistent"] is False
    assert data["expected"] == pytest.approx(1.50)    # positions 2 -> 3
    assert data["methods"] == []


def test_audit_missing_exits_0_with_null(capsys):
    code, out, _ = run(capsys, "--format", "json", "audit", "Madya", "-", "-")
    assert code == 0
    data = json.loads(out)
    assert data["consistent"] is None
    assert data["expected"] is None


def test_audit_unreadable_exits_2(capsys):
    code, _, err = run(capsys, "audit", "5", "5", "abc")
    assert code == 2
    assert "abc" in err


def test_scales_and_units_json(capsys):
    code, out, _ = run(capsys, "--format", "json", "scales")
    assert code == 0
    scales = json.loads(out)
    assert [l["name"] for l in scales["AKIP"]["levels"]] == ["D", "C", "CC", "B", "BB", "A", "AA"]
    code, out, _ = run(capsys, "--format", "json", "units")
    assert code == 0
    units = json.loads(out)
    assert units["Rupiah"]["dimension"] == "money"
    assert units["Orang"]["dimension"] == "person"


def test_value_with_a_declared_convention(capsys):
    code, out, _ = run(capsys, "value", "18.221", "--context", "Rasio", "--convention", "english", "--format", "json")
    assert code == 0
    assert json.loads(out)["number"] == 18.221
    code, out, _ = run(capsys, "value", "18.221", "--context", "Rasio", "--convention", "indonesian", "--format", "json")
    assert json.loads(out)["number"] == 18221.0


# --------------------------------------------------------------------------- errors: one line, exit 2 (issue 13)

def _env():
    env = dict(os.environ)
    pkg_dir = os.path.dirname(os.path.dirname(os.path.abspath(kinerja.__file__)))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("KINERJA_TRACEBACK", None)
    return env


def run_bytes(*argv, stdin=None):
    """``python -m kinerja`` with these arguments (bytes as they are), as the shell would run it."""
    args = [os.fsencode(sys.executable), b"-m", b"kinerja"] + [a if isinstance(a, bytes) else a.encode() for a in argv]
    return subprocess.run(args, capture_output=True, env=_env(), timeout=120, stdin=stdin)


def assert_one_error_line(proc, error_id):
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b""
    lines = proc.stderr.decode("utf-8", "replace").splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"kinerja: error: [{error_id}] "), lines[0]
    assert b"Traceback" not in proc.stderr


# Defect 10: `kinerja value` with an argument that is not UTF-8 printed a traceback.
@pytest.mark.parametrize("argv", [
    [b"value", b"96\xff%"],
    [b"value", b"\xc2"],
    [b"value", b"96%", b"--context", b"Pers\xe9n"],
    [b"classify", b"KLA", b"7\xed\xa0\x80"],
    [b"achievement", b"9\xc0\xaf0", b"80"],
    [b"audit", b"90%", b"80%", b"\xfe\xff"],
])
def test_argv_bytes_that_are_not_utf8_give_one_line(argv):
    proc = run_bytes(*argv)
    assert_one_error_line(proc, "kinerja.argument.encoding")


@pytest.mark.parametrize("content", [
    b"\xff\xfe\x00k\x00i\x00",            # UTF-16 with a byte order mark
    b"kinerja_plan: 1\nplan: {id: \xc0\xaf}\n",
    b"\x00" * 64,
    bytes(range(256)) * 4,
])
def test_a_plan_file_of_hostile_bytes_gives_one_line(tmp_path, content):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    for command in (b"check", b"report", b"rollup"):
        proc = run_bytes(command, os.fsencode(path))
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == b""
        err = proc.stderr.decode("utf-8")  # valid UTF-8
        assert len(err.splitlines()) == 1 and err.startswith("kinerja: error: [kinerja."), err


def test_a_file_name_that_is_not_utf8(tmp_path):
    # a name that is not UTF-8 is a legal file name on Linux: it is reported, on one line, not a traceback
    proc = run_bytes(b"check", os.fsencode(tmp_path) + b"/no-such-\xff.yaml")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(b"kinerja: error: [kinerja.")


def test_a_directory_as_the_plan_file(tmp_path):
    # a folder is searched for plans (docs/batch.md); one without any is unusable input
    proc = run_bytes(b"check", os.fsencode(tmp_path))
    assert proc.returncode == 2 and proc.stdout == b"" and b"Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith(b"kinerja: error: [kinerja.batch.empty]")


def test_a_broken_pipe_ends_quietly():
    # `kinerja check | head -1`: the reader goes away; no "[Errno 32] Broken pipe", no traceback.
    # The read end is closed before the command writes, so its first write fails.
    args = [sys.executable, "-m", "kinerja", "check", "--format", "json"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141
    assert err == b""


@pytest.mark.parametrize("exc, error_id, words", [
    (KeyboardInterrupt(), None, None),
    (MemoryError(), "kinerja.cli.memory", "out of memory"),
    (RecursionError("maximum recursion depth exceeded"), "kinerja.cli.recursion", "nested too deeply"),
    (PermissionError(13, "Permission denied", "/root/plan.yaml"), "kinerja.cli.io",
     "/root/plan.yaml: Permission denied"),
    (UnicodeDecodeError("utf-8", b"\xc2", 0, 1, "unexpected end of data"), "kinerja.cli.encoding", "0xc2"),
    (ValueError("bad\nvalue"), "kinerja.cli.value", "bad"),
    (TypeError("a bug"), "kinerja.cli.internal", "TypeError: a bug"),
])
def test_every_error_ends_as_one_line(capsys, monkeypatch, exc, error_id, words):
    def fail(args):
        raise exc

    monkeypatch.delenv("KINERJA_TRACEBACK", raising=False)
    monkeypatch.setattr(cli, "_cmd_rules", fail)
    code, out, err = run(capsys, "rules")
    assert out == ""
    if error_id is None:  # Ctrl-C: exit 130, nothing printed
        assert code == 130 and err == ""
        return
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"kinerja: error: [{error_id}] ") and words in err


def test_a_kinerja_error_on_several_lines_is_shown_on_one(capsys):
    # a formula error's message has caret lines; the command shows its first line, with the column
    code, out, err = run(capsys, "catalog", "show", "no-such-entry\nsecond line")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith("kinerja: error: [kinerja.lookup.catalog_entry] ")


def test_a_plan_whose_file_name_is_not_utf8_is_read(tmp_path):
    # a legal Linux file name that is not UTF-8 reaches the loader as its bytes
    name = os.fsencode(tmp_path) + b"/rencana-\xff.yaml"
    with open(name, "wb") as fh:
        fh.write((PLANS_DIR / "clean.yaml").read_bytes())
    proc = run_bytes(b"check", name)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").endswith("0 findings\n")
