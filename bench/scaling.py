"""The scaling benchmark of kinerja (docs/performance.md): synthetic plans of N nodes, timed.

Generates plans of the shape a Renstra has (tujuan > sasaran > program > kegiatan > sub_kegiatan,
each node with indicators that have targets, realizations and printed achievement, pagu by year
that mostly adds up) for each N, writes them as plan files (YAML) and times, in one process per
N (so that one size's memory does not weigh on the next):

- load:   kinerja.load_plan(file)
- check:  plan.check()                      (every built-in rule)
- rollup: plan.rollup()                     (every node, every year of the period)
- report: kinerja.build_report(plan).render("csv")   (up to --report-max nodes)

and prints, per operation, the seconds against N and the fitted exponent: the least-squares
slope of log(time) on log(N). Linear cost gives 1.

    bench/scaling                       # N = 1e3, 1e4, 1e5, 1e6; report up to 1e5
    bench/scaling --sizes 1000,10000    # other sizes
    bench/scaling --generate-only DIR   # only write the plan files
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Optional, Sequence

# Fan-out below each level: a tujuan has 2 sasaran, a sasaran 3 programmes, a programme 4
# kegiatan, a kegiatan 5 sub_kegiatan (a tujuan with its subtree is 153 nodes).
LEVELS = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
FANOUT = {"tujuan": 2, "sasaran": 3, "program": 4, "kegiatan": 5, "sub_kegiatan": 0}
FIRST_YEAR = 2025
YEARS = [FIRST_YEAR + k for k in range(5)]  # a five-year Renstra


def _money(x: int) -> str:
    return f"{x:,}"


class _Generator:
    """The nodes of a synthetic plan, one tujuan's subtree at a time, in file order (each parent
    before its children), stopping at exactly n nodes. A node is a dict: id, level, code, parent,
    name, budget and budget_realized (year -> int, or empty) and indicators."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.count = 0
        self.seq = 0
        self.programs = 0

    def _indicator(self, node_id: str, k: int, salt: int) -> Dict:
        base = 60 + salt % 30
        step = 1 + salt % 3
        targets = {y: f"{base + step * i:.2f}%" for i, y in enumerate(YEARS)}
        targets["end"] = targets[YEARS[-1]]
        # realized for the first two years; printed achievement for the first (one in 50 misprinted)
        realizations = {YEARS[0]: f"{base - 1 + salt % 5:.2f}%", YEARS[1]: f"{base + step + 2:.2f}%"}
        printed = (base - 1 + salt % 5) / base * 100 + (3 if salt % 50 == 7 else 0)
        polarity = "lower" if salt % 11 == 0 else "higher"
        return {"id": f"{node_id}-i{k}", "name": f"Persentase capaian {node_id} ({k})", "polarity": polarity,
                "targets": targets, "realizations": realizations,
                "reported": {YEARS[0]: f"{printed:.2f}%"} if polarity == "higher" else {}}

    def _node(self, level: str, node_id: str, code: Optional[str], parent: Optional[str], out: List[Dict]) -> Dict:
        self.count += 1
        self.seq += 1
        salt = self.seq
        node = {"id": node_id, "level": level, "code": code, "parent": parent,
                "name": f"{level.replace('_', ' ').title()} {node_id}", "budget": {}, "budget_realized": {},
                "indicators": [self._indicator(node_id, k + 1, salt + k) for k in range(2 if level == "sasaran" else 1)]}
        out.append(node)
        kids: List[Dict] = []
        for k in range(FANOUT[level]):
            if self.count >= self.n:
                break
            child_level = LEVELS[LEVELS.index(level) + 1]
            child_code = None
            if child_level == "program":
                self.programs += 1
                child_code = f"2.08.{self.programs:02d}"
            elif child_level == "kegiatan":
                child_code = f"{code}.2.{k + 1:02d}"
            elif child_level == "sub_kegiatan":
                child_code = f"{code}.{k + 1:04d}"
            prefix = {"sasaran": "s", "program": "p", "kegiatan": "k", "sub_kegiatan": "sk"}[child_level]
            child_id = f"{prefix}-{node_id.split('-', 1)[1]}.{k + 1}"
            kids.append(self._node(child_level, child_id, child_code, node_id, out))
        if level == "sub_kegiatan":
            node["budget"] = {y: 50_000_000 + (salt * 7919 + i * 104_729) % 900_000_000 // 1000 * 1000
                              for i, y in enumerate(YEARS)}
        elif level != "tujuan" and any(c["budget"] for c in kids):
            node["budget"] = {y: sum(c["budget"].get(y, 0) for c in kids) for y in YEARS}
            if salt % 40 == 3:  # one parent in 40 prints a pagu that does not add up
                node["budget"][YEARS[1]] += 1_000_000
        if node["budget"]:
            node["budget_realized"] = {YEARS[0]: node["budget"][YEARS[0]] * 9 // 10}
        return node

    def subtrees(self):
        t = 0
        while self.count < self.n:
            t += 1
            out: List[Dict] = []
            self._node("tujuan", f"t-{t}", None, None, out)
            yield out


def _budget_map(b: Dict[int, int]) -> Dict:
    out: Dict = {y: _money(v) for y, v in b.items()}
    if YEARS[-1] in b:
        out["end"] = _money(b[YEARS[-1]])
    return out


def _yaml_map(m: Dict) -> str:
    return "{" + ", ".join(f'{y}: "{v}"' for y, v in m.items()) + "}"


def write_yaml(path: str, n: int) -> None:
    """Writes a synthetic plan of exactly n nodes as a plan file (docs/plan-format.md)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("kinerja_plan: 1\n")
        out.write("plan:\n  id: synthetic-renstra\n  title: Renstra sintetis\n  organisation: Dinas Contoh\n"
                  f"  region: Kota Contoh\n  period: [{YEARS[0]}, {YEARS[-1]}]\n  version: perubahan\n")
        out.write('sources:\n  "Tabel 6.1": "synthetic"\nnodes:\n')
        for subtree in _Generator(n).subtrees():
            for nd in subtree:
                w = [f"  - id: {nd['id']}", f"    level: {nd['level']}"]
                if nd["code"]:
                    w.append(f'    code: "{nd["code"]}"')
                w.append(f"    name: {nd['name']}")
                if nd["parent"]:
                    w.append(f"    parent: {nd['parent']}")
                w.append('    source: "Tabel 6.1"')
                if nd["budget"]:
                    w.append(f"    budget: {_yaml_map(_budget_map(nd['budget']))}")
                    w.append(f"    budget_realized: {_yaml_map(_budget_map(nd['budget_realized']))}")
                w.append("    indicators:")
                for i in nd["indicators"]:
                    fields = [f"id: {i['id']}", f"name: {i['name']}", 'unit: "%"', f"polarity: {i['polarity']}",
                              'source: "Tabel 6.1"', f"targets: {_yaml_map(i['targets'])}",
                              f"realizations: {_yaml_map(i['realizations'])}"]
                    if i["reported"]:
                        fields.append(f"reported_achievement: {_yaml_map(i['reported'])}")
                    w.append("      - {" + ", ".join(fields) + "}")
                out.write("\n".join(w) + "\n")


CSV_COLUMNS = ["node_id", "level", "code", "name", "parent", "indicator_id", "indicator", "unit", "polarity", "year",
               "target", "realization", "reported_achievement", "budget", "budget_realized", "source"]


def write_csv(path: str, n: int) -> None:
    """Writes the same synthetic plan as a flat table (docs/plan-csv.md): one row per node-year with
    pagu and per indicator-year, attributes on the first row of each node and indicator."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for subtree in _Generator(n).subtrees():
            for nd in subtree:
                attrs = [nd["level"], nd["code"] or "", nd["name"], nd["parent"] or ""]
                budget = _budget_map(nd["budget"])
                realized = _budget_map(nd["budget_realized"])
                if not budget:
                    w.writerow([nd["id"]] + attrs + ["", "", "", "", "", "", "", "", "", "", "Tabel 6.1"])
                for k, y in enumerate(budget):
                    w.writerow([nd["id"]] + (attrs if k == 0 else ["", "", "", ""]) +
                               ["", "", "", "", y, "", "", "", budget[y], realized.get(y, ""), "Tabel 6.1"])
                for i in nd["indicators"]:
                    for k, y in enumerate(i["targets"]):
                        first = k == 0
                        w.writerow([nd["id"], "", "", "", "", i["id"], i["name"] if first else "",
                                    "%" if first else "", i["polarity"] if first else "", y, i["targets"][y],
                                    i["realizations"].get(y, ""), i["reported"].get(y, ""), "", "", "Tabel 6.1"])


# ----------------------------------------------------------------------------- timing one size

def _limits(kinerja, path: str, n: int) -> Dict:
    """Load limits raised for the largest sizes, where this kinerja has them (docs/plan-format.md §14)."""
    import inspect

    if "limits" not in inspect.signature(kinerja.load_plan).parameters:
        return {}
    return {"limits": {"max_input_bytes": max(os.path.getsize(path) * 2, 1 << 28), "max_nodes": 2 * n + 1000}}


def _resident_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (VmRSS) or its peak (VmHWM) in MiB, from /proc/self/status."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the peak, where /proc is missing


def _trim() -> None:
    """Returns freed heap memory to the system (glibc's malloc_trim), where there is glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _time_one(csv_path: str, yaml_path: str, n: int, with_report: bool) -> Dict[str, float]:
    import kinerja
    import pandas  # noqa: F401  (imported before the clock starts, as in a session)

    warm = kinerja.bundled_plan()  # the first use loads catalogs and scales
    warm.check()
    warm.rollup()
    kinerja.build_report(warm).render("csv")
    out: Dict[str, float] = {}
    if yaml_path:
        t = time.perf_counter()
        plan = kinerja.load_plan(yaml_path, **_limits(kinerja, yaml_path, n))
        out["load yaml"] = time.perf_counter() - t
        assert len(plan.nodes) == n, (len(plan.nodes), n)
        del plan
    _trim()  # the memory the plan file's plan freed goes back to the system: `before` is what is in use
    before = _resident_mb()
    t = time.perf_counter()
    plan = kinerja.load_plan_csv(csv_path, **_limits(kinerja, csv_path, n))
    out["load csv"] = time.perf_counter() - t
    out["plan MB"] = _resident_mb() - before  # what the loaded plan holds (resident)
    out["load peak MB"] = _resident_mb("VmHWM")
    assert len(plan.nodes) == n, (len(plan.nodes), n)
    t = time.perf_counter()
    findings = plan.check()
    out["check"] = time.perf_counter() - t
    out["findings"] = len(findings)
    del findings
    t = time.perf_counter()
    frame = plan.rollup()
    out["rollup"] = time.perf_counter() - t
    out["rollup_rows"] = len(frame)
    del frame
    if with_report:
        t = time.perf_counter()
        text = kinerja.build_report(plan).render("csv")
        out["report"] = time.perf_counter() - t
        out["report_bytes"] = len(text)
    out["peak MB"] = _resident_mb("VmHWM")
    return out


OPERATIONS = ["load yaml", "load csv", "check", "rollup", "report"]


def fitted_exponent(ns: Sequence[float], ts: Sequence[float]) -> Optional[float]:
    """The least-squares slope of log(t) on log(n)."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts) if t and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000", help="node counts, comma separated")
    ap.add_argument("--report-max", type=int, default=100000, help="time the report up to this many nodes")
    ap.add_argument("--yaml-max", type=int, default=100000,
                    help="time loading the plan file (YAML) up to this many nodes; larger plans are loaded from CSV only")
    ap.add_argument("--dir", default="", help="where to write (and keep) the plans (default: a temporary folder)")
    ap.add_argument("--generate-only", metavar="DIR", help="only write the plans into DIR")
    ap.add_argument("--one", nargs=3, metavar=("CSV", "YAML", "N"), help=argparse.SUPPRESS)  # a child process
    ap.add_argument("--with-report", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_time_one(args.one[0], args.one[1], int(args.one[2]), args.with_report)))
        return 0
    sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    if args.generate_only:
        os.makedirs(args.generate_only, exist_ok=True)
        for n in sizes:
            for ext, write in (("csv", write_csv), ("yaml", write_yaml)):
                p = os.path.join(args.generate_only, f"plan-{n}.{ext}")
                write(p, n)
                print(p, os.path.getsize(p), "bytes")
        return 0
    tmp = None
    folder = args.dir
    if not folder:
        tmp = tempfile.TemporaryDirectory(prefix="kinerja-scaling-")
        folder = tmp.name
    os.makedirs(folder, exist_ok=True)
    results: Dict[int, Dict[str, float]] = {}
    memory: List[str] = []
    import kinerja

    print(f"kinerja {kinerja.__version__} scaling benchmark: {platform.machine()}, {os.cpu_count()} cpus, "
          f"Python {platform.python_version()}")
    print(f"plan shape: tujuan > 2 sasaran > 3 program > 4 kegiatan > 5 sub_kegiatan (153 nodes a tujuan), "
          f"1 indicator a node (2 a sasaran), {len(YEARS)} years {YEARS[0]}-{YEARS[-1]} and end")
    print("seconds:")
    print(f"{'N':>9} {'CSV MB':>7} " + " ".join(f"{op:>10}" for op in OPERATIONS) + f" {'findings':>9}"
          f" {'plan MiB':>8} {'peak MiB':>8}")
    for n in sizes:
        csv_path = os.path.join(folder, f"plan-{n}.csv")
        yaml_path = os.path.join(folder, f"plan-{n}.yaml") if n <= args.yaml_max else ""
        if not os.path.exists(csv_path):
            write_csv(csv_path, n)
        if yaml_path and not os.path.exists(yaml_path):
            write_yaml(yaml_path, n)
        cmd = [sys.executable, os.path.abspath(__file__), "--one", csv_path, yaml_path, str(n)]
        if n <= args.report_max:
            cmd.append("--with-report")
        run = subprocess.run(cmd, capture_output=True, text=True)
        mb = os.path.getsize(csv_path) / 1e6
        if not args.dir:
            for path in (csv_path, yaml_path):
                if path:
                    os.remove(path)
        if run.returncode != 0:
            print(f"{n:>9}: failed (exit {run.returncode}): {(run.stderr.strip().splitlines() or [''])[-1]}")
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        results[n] = r
        cells = " ".join(f"{r[op]:>10.3f}" if op in r else f"{'-':>10}" for op in OPERATIONS)
        print(f"{n:>9} {mb:>7.1f} {cells} {int(r['findings']):>9} {r['plan MB']:>8.0f} {r['peak MB']:>8.0f}",
              flush=True)
        memory.append(f"  N = {n:,}: the loaded plan {r['plan MB']:.0f} MiB resident "
                      f"({r['plan MB'] * 2**20 / (mb * 1e6):.1f} bytes a byte of CSV), peak {r['load peak MB']:.0f} MiB "
                      f"({r['load peak MB'] * 2**20 / (mb * 1e6):.1f} a byte) after loading, {r['peak MB']:.0f} MiB "
                      f"over the whole run")
    print("resident memory of each size's process (plan: after load_plan_csv less before; peak: VmHWM):")
    for line in memory:
        print(line)
    print("fitted exponent (least-squares slope of log time on log N; 1 is linear):")
    for op in OPERATIONS:
        ns = [n for n in results if op in results[n]]
        e = fitted_exponent(ns, [results[n][op] for n in ns])
        if e is not None:
            print(f"  {op:<10} {e:.2f}  (N = {min(ns):,} .. {max(ns):,})")
    print("command: bench/scaling" + ("".join(" " + a for a in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
