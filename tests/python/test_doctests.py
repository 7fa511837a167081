"""The examples people read are run: every doctest in the package's modules, and every
``>>>`` example in a ```python block of README.md and docs/*.md (issue 10 item 6).

Each markdown file's python blocks run in order in one namespace that starts with ``kinerja``
imported, so a later block may use a name an earlier one defined.
"""

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import kinerja

ROOT = Path(__file__).resolve().parents[2]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# importing __main__ would run the command line
MODULES = ["kinerja"] + sorted("kinerja." + m.name for m in pkgutil.iter_modules(kinerja.__path__)
                               if m.name != "__main__")
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.M | re.S)
DOCS = sorted(p for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
              if any(">>>" in block for block in FENCE.findall(p.read_text(encoding="utf-8"))))


def _run(test: doctest.DocTest) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name):
    module = importlib.import_module(name)
    failed = [t.name for t in doctest.DocTestFinder().find(module) if t.examples and _run(t).failed]
    assert not failed, f"doctests that fail (run python -m doctest -v on {name}): {failed}"


def test_the_modules_have_doctests_to_run():
    # a finder that found nothing would make the test above pass vacuously
    count = sum(len(t.examples) for name in MODULES
                for t in doctest.DocTestFinder().find(importlib.import_module(name)))
    assert count >= 100


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_markdown_examples(path):
    text = "\n".join(FENCE.findall(path.read_text(encoding="utf-8")))
    test = doctest.DocTestParser().get_doctest(text, {"kinerja": kinerja}, path.name, str(path), 0)
    assert test.examples
    result = _run(test)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {path.name} fail (see the output above)"


def test_the_docs_have_examples_to_run():
    assert {p.name for p in DOCS} >= {"audit.md", "getting-started.md", "indices.md"}
