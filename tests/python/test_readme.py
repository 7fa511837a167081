"""README.md shows code that runs as shown: its examples are the files in examples/, and their
output is the output printed beside them."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)


def block_after(language: str, index: int = 0) -> tuple:
    """The index-th block of a language and the text block that follows it."""
    positions = [i for i, (lang, _) in enumerate(BLOCKS) if lang == language]
    i = positions[index]
    following = BLOCKS[i + 1] if i + 1 < len(BLOCKS) else ("", "")
    return BLOCKS[i][1], following


def test_cpp_example_is_the_built_and_tested_file():
    code, (lang, output) = block_after("cpp")
    assert code == (ROOT / "examples" / "readme_example.cpp").read_text(encoding="utf-8")
    assert lang == "text"
    assert output == (ROOT / "examples" / "readme_example.out").read_text(encoding="utf-8")


def test_python_example_runs_and_prints_what_the_readme_shows():
    code, (lang, output) = block_after("python")
    example = ROOT / "examples" / "readme_example.py"
    assert code == example.read_text(encoding="utf-8")
    assert lang == "text"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    run = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, env=env, check=True)
    assert run.stdout == output
    assert output == (ROOT / "examples" / "readme_example.py.out").read_text(encoding="utf-8")


def test_command_line_example_prints_what_the_readme_shows(capsys):
    block = next(body for lang, body in BLOCKS if lang == "text" and body.startswith("$ kinerja audit"))
    command, expected = block.split("\n", 1)
    args = shlex.split(command[len("$ kinerja "):])
    status = cli.main(args)
    assert status == 1  # the audit finds the printed 0.97 inconsistent
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize("script", ["scripts/setup", "scripts/test", ".ci/run"])
def test_the_commands_the_readme_names_exist_and_are_executable(script):
    path = ROOT / script
    assert path.is_file() and os.access(path, os.X_OK)
    assert script in README


def test_check_excerpt_matches_the_check_of_the_bundled_plan(capsys):
    block = next(body for lang, body in BLOCKS if lang == "text" and body.startswith("$ kinerja check"))
    shown = [line for line in block.splitlines()[1:] if line != "..."]
    assert cli.main(["check"]) == 1  # the bundled plan has error findings
    out = capsys.readouterr().out.splitlines()
    assert shown[-1] == out[-1]  # the summary line
    # the finding line, up to the elided list of children: the bundled plan shown as bundled:NAME
    head = shown[0].split("(...)")[0]
    assert head.startswith("bundled:bekasi-dpppa-2024-2026.yaml:")
    assert any(line.startswith(head) for line in out)


def test_report_excerpt_rows_are_in_the_report(capsys, monkeypatch):
    block = next(body for lang, body in BLOCKS if lang == "text" and body.startswith("Summary\n"))
    monkeypatch.setenv("COLUMNS", "100")
    assert cli.main(["report"]) == 0
    out = capsys.readouterr().out
    for line in block.splitlines()[1:]:
        if line in ("...", "-------"):
            continue
        cells = [c.strip() for c in re.split(r"\s{2,}", line) if c.strip() and c.strip() != "..."]
        # the shown cells appear, in order, in one row of the report
        assert any(re.search(".*".join(re.escape(c) for c in cells), row) for row in out.splitlines()), line
