"""numpy on the benchmark's formulas E1 and E2 (plain, and with out= to avoid temporaries), and
kinerja.Formula from Python, on 10 million rows; ratios to the C++ hand loop are printed by
bench/run, which passes the hand loop's rows/s in --hand-e1/--hand-e2.

    PYTHONPATH=build/bench/python /usr/bin/python3 bench/formula_bench.py --rows 10000000
"""

import argparse
import time

import numpy as np

import kinerja


def best(repeats, f):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--hand-e1", type=float, default=0.0, help="the C++ hand loop's rows/s on E1")
    p.add_argument("--hand-e2", type=float, default=0.0, help="the C++ hand loop's rows/s on E2")
    args = p.parse_args()
    n = args.rows
    rng = np.random.default_rng(42)
    a, b, c, d, e, f = (rng.uniform(1.0, 1000.0, n) for _ in range(6))
    out = np.empty(n)
    tmp = np.empty(n)

    def e1_plain():
        return a / b * 100000.0

    def e1_out():
        np.divide(a, b, out=out)
        np.multiply(out, 100000.0, out=out)

    def e2_plain():
        return (a / b * 100 + c / d * 100) / 2 - np.maximum(e, f)

    def e2_out():
        np.divide(a, b, out=out)
        np.multiply(out, 100.0, out=out)
        np.divide(c, d, out=tmp)
        np.multiply(tmp, 100.0, out=tmp)
        np.add(out, tmp, out=out)
        np.divide(out, 2.0, out=out)
        np.maximum(e, f, out=tmp)
        np.subtract(out, tmp, out=out)

    f1 = kinerja.Formula("a / b * 100_000")
    f2 = kinerja.Formula("(a / b * 100 + c / d * 100) / 2 - greatest(e, f)")
    cols1 = {"a": a, "b": b}
    cols2 = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}
    rows = [
        ("E1", "numpy", best(args.repeats, e1_plain)),
        ("E1", "numpy with out=", best(args.repeats, e1_out)),
        ("E1", "kinerja.Formula from Python", best(args.repeats, lambda: f1.evaluate(cols1))),
        ("E1", "kinerja.Formula with out=", best(args.repeats, lambda: f1.evaluate(cols1, out=out))),
        ("E2", "numpy", best(args.repeats, e2_plain)),
        ("E2", "numpy with out=", best(args.repeats, e2_out)),
        ("E2", "kinerja.Formula from Python", best(args.repeats, lambda: f2.evaluate(cols2))),
        ("E2", "kinerja.Formula with out=", best(args.repeats, lambda: f2.evaluate(cols2, out=out))),
    ]
    for expr, name, seconds in rows:
        rate = n / seconds
        hand = args.hand_e1 if expr == "E1" else args.hand_e2
        ratio = f"{rate / hand:10.3f}" if hand else "         -"
        print(f"{expr} {name:35s} {rate:14.4g} {ratio}")


if __name__ == "__main__":
    main()
