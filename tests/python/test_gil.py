"""The GIL is released while a long C++ call runs (issue 13, defect 8): loading, checking, rolling
up, diffing and saving a plan let other Python threads run.

Not a timing test. A helper thread increments a counter, giving the GIL up after every step
(``time.sleep``), while the main thread samples the counter just before and just after one C++
call. The switch interval is raised far above the length of any call, so a thread waiting for the
GIL is never handed it by the interpreter while the main thread holds it: when the call keeps the
GIL, the two samples are equal, always; when it releases it, the helper thread runs during the
call. A busy machine may not schedule the helper thread during one short call, so each call is
tried a few times and one advance is enough.
"""

import sys
import threading
import time

import pytest

import kinerja
from kinerja import _core

NODES = 3000  # a plan that takes long enough (tens of milliseconds and more) to load and check
ATTEMPTS = 20


def synthetic_plan_yaml(nodes=NODES):
    lines = ["kinerja_plan: 1",
             "plan: {id: gil, title: GIL test, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2026],"
             " version: awal}",
             "sources: {T: Tabel}",
             "nodes:",
             "  - id: s-1",
             "    level: sasaran",
             "    name: Sasaran",
             "    source: T",
             "  - id: p-1",
             "    level: program",
             "    name: Program",
             "    parent: s-1",
             "    source: T"]
    for k in range(nodes):
        lines += [f"  - id: k-{k}",
                  "    level: kegiatan",
                  f"    name: Kegiatan {k}",
                  "    parent: p-1",
                  "    source: T",
                  f"    budget: {{2024: \"{1000 + k}.000.000\", 2025: \"{1100 + k}.000.000\"}}",
                  "    indicators:",
                  f"      - id: i-{k}",
                  f"        name: Indikator {k}",
                  "        unit: Persen",
                  "        polarity: higher",
                  "        source: T",
                  "        targets: {2024: \"90%\", 2025: \"95%\", 2026: \"97,5%\"}",
                  "        realizations: {2024: \"88,5%\", 2025: \"96%\"}"]
    return "\n".join(lines) + "\n"


class Counter:
    """A thread that counts while it holds the GIL and gives it up after each step."""

    def __init__(self):
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.count += 1
            time.sleep(0.0002)

    def __enter__(self):
        self._thread.start()
        while self.count == 0:  # running before the first sample
            time.sleep(0.001)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


@pytest.fixture
def long_switch_interval():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def advanced_during(call):
    """Whether the counter advanced while ``call()`` ran, in one of ATTEMPTS tries."""
    with Counter() as counter:
        for _ in range(ATTEMPTS):
            before = counter.count
            call()
            after = counter.count
            if after > before:
                return True
    return False


@pytest.fixture(scope="module")
def plan_text():
    return synthetic_plan_yaml()


@pytest.fixture(scope="module")
def plan(plan_text):
    return kinerja.Plan.from_yaml(plan_text)


def test_the_counter_does_not_advance_while_the_gil_is_held(long_switch_interval, plan_text):
    # The control: a pure Python loop keeps the GIL (it never blocks), so the counter cannot
    # advance; this shows the test would catch a C++ call that keeps it.
    def busy():
        total = 0
        for k in range(300000):
            total += k
        return total

    with Counter() as counter:
        for _ in range(ATTEMPTS):
            before = counter.count
            busy()
            assert counter.count == before


def test_parse_plan_releases_the_gil(long_switch_interval, plan_text):
    assert advanced_during(lambda: _core.parse_plan(plan_text, "gil.yaml"))


def test_load_plan_releases_the_gil(long_switch_interval, plan_text, tmp_path):
    path = tmp_path / "gil.yaml"
    path.write_text(plan_text, encoding="utf-8")
    assert advanced_during(lambda: _core.load_plan(str(path)))


def test_load_plan_csv_releases_the_gil(long_switch_interval, tmp_path):
    rows = ["node_id,level,name,parent,indicator_id,indicator,polarity,year,target,source"]
    rows.append("p-1,program,Program,,,,,2024,,T")
    for k in range(NODES):
        for year in (2024, 2025):
            rows.append(f"k-{k},kegiatan,Kegiatan {k},p-1,i-{k},Indikator {k},higher,{year},90%,T")
    path = tmp_path / "gil.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert advanced_during(lambda: _core.load_plan_csv(str(path), "gil", "GIL", "Dinas", "", 2024, 2025))


def test_check_releases_the_gil(long_switch_interval, plan):
    assert advanced_during(lambda: plan._core.check([], True))


def test_rollup_releases_the_gil(long_switch_interval, plan):
    assert advanced_during(lambda: _core.rollup_plan(plan._core, "mean", [], False))


def test_diff_releases_the_gil(long_switch_interval, plan, plan_text):
    other = _core.parse_plan(plan_text.replace('"95%"', '"96%"'), "other.yaml")
    assert advanced_during(lambda: _core.diff_plans(plan._core, other))


def test_to_yaml_and_save_release_the_gil(long_switch_interval, plan, tmp_path):
    assert advanced_during(lambda: plan._core.to_yaml())
    assert advanced_during(lambda: plan._core.save(str(tmp_path / "saved.yaml")))


def test_apply_rules_releases_the_gil(long_switch_interval, plan):
    rules = _core.load_rules(str(_core.standard_rules_path()))
    assert advanced_during(lambda: _core.apply_rules(plan._core, rules, [], True))
