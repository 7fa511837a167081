"""Generated plan inputs, rendered the way people see them.

The C++ generated-input test (tests/cpp/test_plan_fuzz.cpp) checks, rolls up and saves every
version of every plan that loads. This test takes the same seeds (the plan fixtures and the fuzz
seeds of tests/data), cut short and with bytes replaced by a seeded generator, and renders each
version of each plan that loads in every report format, as an HTML cascade and as frames: a plan
that loads must render, and every text must be well-formed Unicode (it encodes to UTF-8); a plan
that does not load must fail with a KinerjaError whose message is one short line.
"""
import random
from pathlib import Path

import pytest

import kinerja
from kinerja.report import FORMATS

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = sorted((DATA / "plans").glob("*.yaml")) + sorted((DATA / "fuzz").glob("*.yaml"))
SPECIALS = ":- \n\"'[]{},;.09x\t#&*!|>%\u00a0\u2212\u00e9"


def variants(text, rng, cuts=6, flips=10):
    """The seed, cut short at `cuts` places, and `flips` copies with one character replaced."""
    out = [text]
    n = len(text)
    out += [text[: n * k // (cuts + 1)] for k in range(1, cuts + 1)]
    for _ in range(flips):
        i = rng.randrange(n)
        out.append(text[:i] + rng.choice(SPECIALS) + text[i + 1:])
    return out


def rendered_texts(plan):
    """Everything a person is shown of one version of a plan."""
    report = kinerja.build_report(plan)
    for fmt in FORMATS:
        out = report.render(fmt)
        if fmt == "xlsx":
            assert out[:2] == b"PK"  # a zip container
        else:
            yield f"report ({fmt})", out
    yield "HTML cascade", plan._repr_html_()
    yield "findings", "\n".join(f.message for f in plan.check())
    yield "indicator frame", plan.to_frame().to_csv()
    yield "budget frame", plan.budget_frame().to_csv()
    for method in ("mean", "budget_weighted", "ratio_of_sums"):
        yield f"roll-up ({method})", plan.rollup(method, include_history=True).to_csv()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_generated_plans_render_in_every_version_and_format_or_fail_with_a_short_error(seed):
    rng = random.Random(f"render {seed.name}")
    text = seed.read_text(encoding="utf-8")
    loaded = 0
    for case in variants(text, rng):
        try:
            plan = kinerja.Plan.from_yaml(case, seed.name)
        except kinerja.KinerjaError as e:
            message = str(e)
            assert "\n" not in message and len(message) <= 2000, message[:300]
            message.encode("utf-8")  # raises on a lone surrogate
            continue
        loaded += 1
        for name in plan.versions:
            version = plan.version_of(name)
            for what, out in rendered_texts(version):
                assert isinstance(out, str), what
                out.encode("utf-8")
    if seed.parent.name == "plans":
        assert loaded >= 1  # the fixture itself loads (a fuzz seed may be refused: a version's parent cycle)
