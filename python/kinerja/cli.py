"""The ``kinerja`` command.

Subcommands read printed values, classify scores, compute achievement and audit printed
achievement from the shell. Exit status: 0 on success, 1 when ``audit`` finds an inconsistent
value, 2 for unusable input (a usage error or text that cannot be read), 130 when interrupted
(Ctrl-C), 141 when the reader of the output went away (``kinerja check | head -1``).

Every error is one line on standard error, ``kinerja: error: [id] location: cause``, whatever the
bytes on the command line or in the files: no traceback. Set the environment variable
``KINERJA_TRACEBACK=1`` to see the traceback of an error that is not kinerja's own.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from typing import Any, List, Optional

from . import __version__
from . import _api as api
from ._files import shown_location, shown_path
from .errors import KinerjaError
from .plan import bundled_plan, bundled_plan_path, check_settings, finding_to_dict, load_plan_file
from .report import FORMATS, LAYOUTS, build_report


def _value_dict(v: Any) -> dict:
    return {"text": v.text, "kind": v.kind, "number": v.number, "decimals": v.decimals, "unit": v.unit,
            "per": v.per, "grade": v.grade, "level": v.level, "scale": v.scale, "convention": v.convention}


def _emit(args: argparse.Namespace, data: dict, lines: List[str]) -> None:
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def _cmd_value(args: argparse.Namespace) -> int:
    v = api.parse_value(args.text, args.context, args.convention)
    d = _value_dict(v)
    lines = [f"{k}: {val}" for k, val in d.items() if val is not None and val != ""]
    lines.append(f"indonesian: {v.format('indonesian')}")
    lines.append(f"english: {v.format('english')}")
    _emit(args, d, lines)
    return 0


def _cmd_classify(args: argparse.Namespace) -> int:
    score = api.parse_value(args.score, args.scale).number
    if score is None:
        raise KinerjaError(f"{args.score!r} is not a score", id="kinerja.cli.score")
    level = api.classify(args.scale, score)
    _emit(args, {"scale": args.scale, "score": score, "level": level}, [level])
    return 0


def _read_pair(args: argparse.Namespace) -> tuple:
    """The target and realization of ``achievement`` and ``audit``, read with ``--unit`` and
    ``--convention`` (which settles 1.500 before the unit does)."""
    return (api.parse_value(args.target, args.unit, args.convention),
            api.parse_value(args.realization, args.unit, args.convention))


def _cmd_achievement(args: argparse.Namespace) -> int:
    target, realization = _read_pair(args)
    r = api.achievement_detail(target, realization, polarity=args.polarity, method=args.method,
                               rounding=args.rounding, decimals=args.decimals, cap=args.cap)
    data = {"percent": r.percent, "attainment": r.attainment, "polarity": r.polarity, "method": r.method,
            "basis": r.basis, "category": api.category(r.percent) if r.percent is not None else None}
    if r.percent is None:
        lines = ["missing: the target or the realization is missing"]
    else:
        lines = [f"{r.percent:g}% ({r.attainment}; {r.polarity}/{r.method}; compared as {r.basis}; "
                 f"category {data['category']})"]
    _emit(args, data, lines)
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    target, realization = _read_pair(args)
    r = api.audit_achievement(target, realization, args.reported, polarity=args.polarity, scale=args.scale)
    data = {"consistent": r.consistent, "expected": r.expected, "reported": r.reported, "scale": r.scale,
            "methods": list(r.methods), "matches": [m.describe() for m in r.matches], "basis": r.basis,
            "explanation": r.explanation}
    verdict = {True: "consistent", False: "INCONSISTENT", None: "cannot check"}[r.consistent]
    lines = [f"{verdict}: {r.explanation}"]
    if r.matches:
        lines += ["reproduced by:"] + [f"  {m.describe()}" for m in r.matches]
    _emit(args, data, lines)
    return 1 if r.consistent is False else 0


def _cmd_scales(args: argparse.Namespace) -> int:
    data = {}
    lines = []
    for name in api.scale_names():
        s = api.get_scale(name)
        levels = [{"name": l.name, "band": str(l.band) if l.band else None, "aliases": list(l.aliases)}
                  for l in s.levels]
        data[name] = {"description": s.description, "levels": levels}
        lines.append(f"{name}: " + ", ".join(l["name"] + (f" {l['band']}" if l["band"] else "") for l in levels))
    _emit(args, data, lines)
    return 0


def _cmd_rules(args: argparse.Namespace) -> int:
    from .plan import check_rules

    rules = check_rules(args.rules_file or None)
    _emit(args, {r["id"]: {"origin": r["origin"], "severity": r["severity"], "description": r["description"]}
                 for r in rules},
          [f"{r['id']} ({r['severity']}): {r['description']}"
           + ("" if r["origin"] == "built-in" else f" [{r['origin']}]") for r in rules])
    return 0


def _cmd_units(args: argparse.Namespace) -> int:
    data = {}
    for word in api.unit_words():
        u = api.unit_info(word)
        data[word] = {"name": u.name, "kind": u.kind, "dimension": u.dimension, "factor": u.factor}
    lines = [f"{w}: {d['name']} ({d['kind']}, dimension {d['dimension']})" for w, d in data.items()]
    _emit(args, data, lines)
    return 0


_LIMIT_NAMES = ("max_input_bytes", "max_period_years", "max_alias_expansion", "max_nodes", "max_nesting")


def _limit(text: str) -> tuple:
    """The argparse type of ``--limit NAME=VALUE`` (a field of kinerja.LoadLimits)."""
    name, sep, value = text.partition("=")
    if not sep or name not in _LIMIT_NAMES or not (value.isascii() and value.isdigit()):
        raise argparse.ArgumentTypeError(
            f"expected NAME=VALUE with NAME one of {', '.join(_LIMIT_NAMES)} and VALUE a whole number, "
            f"got {text[:80]!r}")
    return name, int(value)


def _load(args: argparse.Namespace, path: str):
    # a .csv file is a flat CSV table (docs/plan-csv.md), as in a batch
    return load_plan_file(path, limits=dict(getattr(args, "limit", None) or []))


def _plan(args: argparse.Namespace):
    for path in getattr(args, "units", None) or []:  # unit words of --units FILE, before the plan is read
        api.load_units(path)
    file = args.file[0] if isinstance(args.file, list) and args.file else (args.file or None)
    return _load(args, file) if file else bundled_plan()


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _at_least(findings: Any, severity: Optional[str]) -> Any:
    """The findings of ``severity`` or worse (error > warning > info); all for None."""
    if not severity:
        return findings
    floor = _SEVERITY_RANK[severity]
    return type(findings)(f for f in findings if _SEVERITY_RANK.get(f.severity, 0) >= floor)


def _check_settings(args: argparse.Namespace) -> dict:
    """The check settings given on the command line (--budget-tolerance ...), as Plan.check takes them."""
    return check_settings(budget_tolerance=args.budget_tolerance,
                          scale_jump_band=args.scale_jump_band and tuple(args.scale_jump_band),
                          scale_jump_mixed_band=args.scale_jump_mixed_band and tuple(args.scale_jump_mixed_band),
                          scale_jump_slip_band=args.scale_jump_slip_band and tuple(args.scale_jump_slip_band),
                          scale_jump_slip_agreement=args.scale_jump_slip_agreement)


def _cmd_check(args: argparse.Namespace) -> int:
    if _batch_mode(args):
        return _batch_check(args)
    plan = _plan(args)
    rules = [r for part in (args.rules or []) for r in part.split(",") if r]
    findings = plan.check(rules=rules, include_history=not args.no_history, rules_file=args.rules_file or None,
                          **_check_settings(args))
    status = 1 if any(f.severity == "error" for f in findings) else 0
    findings = _at_least(findings, args.severity)
    if args.format == "json":  # the array of findings only (Plan.conventions() and the report state those)
        print(json.dumps([finding_to_dict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        counts = {}
        for f in findings:
            counts[(f.severity, f.rule)] = counts.get((f.severity, f.rule), 0) + 1
        for f in findings:
            year = "" if f.year is None else f" {f.year}"
            print(f"{shown_location(f.location)}: {f.severity}: [{f.rule}] {f.node}{year}: {f.message}")
        # the conventions the budget checks went by, declared or inferred, before the summary line
        print("conventions:")
        for line in plan.conventions().lines():
            print("  " + line)
        summary = ", ".join(f"{n} {rule} ({sev})" for (sev, rule), n in sorted(counts.items()))
        print(f"{len(findings)} finding{'' if len(findings) == 1 else 's'}" + (f": {summary}" if summary else ""))
    return status


def _cmd_report(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt not in FORMATS:
        raise KinerjaError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}", id="kinerja.cli.format")
    if _batch_mode(args):
        return _batch_report(args)
    plan = _plan(args)
    report = build_report(plan, years=args.year or None, include_findings=not args.no_findings,
                          layout=args.layout)
    if fmt == "xlsx" and not args.output:
        raise KinerjaError("the xlsx format needs --output FILE.xlsx", id="kinerja.cli.output")
    if args.output:
        report.save(args.output, fmt, width=args.width, full=args.full)  # replaced whole or left as it was
        print(f"wrote {args.output}")
    else:
        print(report.render(fmt, width=args.width, full=args.full))
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    if args.versions:
        plan = _load(args, args.old) if args.old else bundled_plan()
        older, newer = plan.version_of(args.versions[0]), plan.version_of(args.versions[1])
    elif args.old and args.new:
        older, newer = _load(args, args.old), _load(args, args.new)
    else:
        plan = bundled_plan() if not args.old else _load(args, args.old)
        if len(plan.versions) < 2:
            raise KinerjaError("give two plan files, or one plan and --versions OLD NEW", id="kinerja.cli.diff")
        older, newer = plan.version_of(plan.versions[1]), plan.version_of(plan.versions[0])
    changes = older.diff(newer)
    rows = [{"kind": c.kind, "subject": c.subject, "id": c.id, "node": c.node, "name": c.name, "node_id": c.node_id,
             "node_name": c.node_name, "field": c.field, "year": c.year, "old": c.old, "new": c.new} for c in changes]
    lines = []
    for r in rows:
        where = f"{r['subject']} {r['node']}" + (f" [{r['id']}]" if r["subject"] == "indicator" else "")
        if r["kind"] == "changed":
            year = "" if r["year"] is None else f" {r['year']}"
            lines.append(f"changed {where} {r['field']}{year}: {r['old']!r} -> {r['new']!r}")
        else:
            lines.append(f"{r['kind']} {where}: {r['name']}")
    lines.append(f"{len(rows)} change{'' if len(rows) == 1 else 's'} from {_side(older, newer)} to {_side(newer, older)}")
    _emit(args, rows, lines)
    return 0


def _side(plan: Any, other: Any) -> str:
    """How ``diff`` names one side: its version, and its file too when the two sides are two files."""
    if plan.file == other.file or not plan.file:
        return f"version {plan.version}" if plan.version else "the plan"
    return shown_path(plan.file) + (f" (version {plan.version})" if plan.version else "")


def _cmd_rollup(args: argparse.Namespace) -> int:
    if _batch_mode(args):
        return _batch_rollup(args)
    plan = _plan(args)
    frame = plan.rollup(method=args.method, years=_rollup_years(args), include_history=args.history)
    _print_rollup(args, frame)
    return 0


def _rollup_years(args: argparse.Namespace) -> Optional[List[int]]:
    if args.year and "end" in args.year:
        raise KinerjaError("rollup --year end: the end-of-period column has targets but no realization to roll up; "
                           "give plan years (kinerja report --year end shows its targets)", id="kinerja.cli.year")
    return args.year


def _print_rollup(args: argparse.Namespace, frame: Any) -> None:
    from .report import rollup_lines

    if args.year:  # the history nodes are rolled up for their own years: keep the years asked for
        frame = frame[frame.year.isin(args.year)]
    if args.format == "json":
        print(frame.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print("\n".join(rollup_lines(frame, cell_width=args.width)))


# ------------------------------------------------------------------ many plans (docs/batch.md)

def _year(text: str):
    """The argparse type of ``--year``: a year (a whole number) or ``end`` (the end of the period)."""
    if text.strip().lower() == "end":
        return "end"
    if not (text.isascii() and text.strip().isdigit()):
        raise argparse.ArgumentTypeError(f"expected a year such as 2024, or end, got {text[:80]!r}")
    return int(text)


def _positive(text: str) -> int:
    """The argparse type of ``--threads N``: a whole number of at least 1."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text[:80]!r}")
    return int(text)


def _batch_mode(args: argparse.Namespace) -> bool:
    """Several paths, a folder, or (check) a format only a batch has: one run over many plans.
    One plain file (or none: the bundled plan) is the single-plan command, unchanged."""
    files = args.file or []
    if len(files) > 1 or any(os.path.isdir(f) for f in files):
        return True
    return args.command == "check" and args.format in ("jsonl", "csv")


def _batch_paths(args: argparse.Namespace) -> List[str]:
    return list(args.file) if args.file else [str(bundled_plan_path())]


class _ProgressBar:
    """Plans done, plans/s, findings so far and the time left, on one line of standard error
    (redrawn at most ten times a second); only when standard error is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.drawn = 0.0
        self.started = time.monotonic()
        self.shown = False

    def update(self, done: int, findings: int, elapsed: Optional[float] = None, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < 0.1 and done < self.total:
            return
        self.drawn = now
        elapsed = now - self.started if elapsed is None else elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (self.total - done) / rate if rate > 0 else None
        width = 24
        filled = width * done // self.total if self.total else width
        eta = "--:--" if left is None else f"{int(left) // 60:02d}:{int(left) % 60:02d}"
        line = (f"[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} plans  {rate:.1f} plans/s  "
                f"{findings} findings  ETA {eta}")
        sys.stderr.write("\r\x1b[K" + line)
        sys.stderr.flush()
        self.shown = True

    def __call__(self, p: Any) -> None:
        self.update(p.done, p.findings, p.elapsed_seconds)

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _progress_bar(total: int) -> Optional[_ProgressBar]:
    try:
        return _ProgressBar(total) if total and sys.stderr.isatty() else None
    except (AttributeError, ValueError):
        return None


def _batch_set(args: argparse.Namespace):
    from .batch import PlanSet

    for path in getattr(args, "units", None) or []:  # unit words of --units FILE, before the plans are read
        api.load_units(path)
    paths = _batch_paths(args)
    plans = PlanSet(paths, threads=args.threads, limits=dict(getattr(args, "limit", None) or []))
    if not len(plans):  # nothing to check is a mistake worth a failing status (an empty set is fine in Python)
        raise KinerjaError(f"{', '.join(paths)}: no plan files (*.yaml, *.yml, *.csv) found", id="kinerja.batch.empty")
    return plans


def _print_load_errors(errors: List[Any]) -> None:
    for e in errors:
        print(f"kinerja: error: {_one_line(str(e))}", file=sys.stderr)


def _batch_status(summary: dict) -> int:
    """The worst of all plans: 2 when one cannot be loaded (unusable input), 1 when one has an
    error-severity finding, else 0."""
    if summary["unusable"]:
        return 2
    return 1 if summary["by_severity"]["error"] else 0


_JSONL_KEYS = ["plan"]  # then the keys of finding_to_dict, in its order


def _batch_check(args: argparse.Namespace) -> int:
    plans = _batch_set(args)
    rules = [r for part in (args.rules or []) for r in part.split(",") if r]
    bar = _progress_bar(len(plans))
    try:
        findings = plans.check(rules=rules, include_history=not args.no_history, rules_file=args.rules_file or None,
                               progress=bar, **_check_settings(args))
    finally:
        if bar:
            bar.close()
    summary = plans.summary()
    records = plans.plan_records()
    errors = plans.errors
    findings = _at_least(findings, args.severity)
    if args.format == "jsonl":
        _print_load_errors(errors)
        for f in findings:
            print(json.dumps(dict(plan=f.plan, **finding_to_dict(f)), ensure_ascii=False))
    elif args.format == "json":
        _print_load_errors(errors)
        print(json.dumps({"plans": records, "findings": [dict(plan=f.plan, **finding_to_dict(f)) for f in findings],
                          "summary": summary}, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        import csv

        from .report import csv_cell

        _print_load_errors(errors)
        writer = None
        for f in findings:
            row = dict(plan=f.plan, **finding_to_dict(f))
            if writer is None:
                writer = csv.writer(sys.stdout, lineterminator="\n")
                writer.writerow(list(row))
            writer.writerow([csv_cell(v) for v in row.values()])
        if writer is None:  # no findings: the header alone
            csv.writer(sys.stdout, lineterminator="\n").writerow(["plan"] + list(_FINDING_KEYS))
    else:
        for f in findings:
            year = "" if f.year is None else f" {f.year}"
            print(f"{shown_location(f.location)}: {f.severity}: [{f.rule}] {f.node}{year}: {f.message}")
        for e in errors:
            print(f"{shown_location(e.location)}: unusable: [{e.id}] {_one_line(e.message)}")
        for line in _summary_lines(summary):
            print(line)
    return _batch_status(summary)


_FINDING_KEYS = ("rule", "severity", "node", "indicator", "year", "expected", "actual", "message", "node_id", "node_code",
                 "node_name", "indicator_name", "expected_text", "actual_text", "location", "source")


def _summary_lines(summary: dict) -> List[str]:
    """The combined summary of a batch as text."""
    sev = summary["by_severity"]
    lines = [f"plans: {summary['plans']} ({summary['loaded']} loaded, {summary['unusable']} unusable)",
             f"findings: {summary['findings']} ({sev['error']} error, {sev['warning']} warning, {sev['info']} info)"]
    if summary["by_rule"]:
        lines.append("by rule:")
        lines += [f"  {r['count']} {r['rule']} ({r['severity']})" for r in summary["by_rule"]]
    if summary["worst"]:
        lines.append("worst plans:")
        lines += [f"  {w['plan']}: {w['errors']} error, {w['warnings']} warning, {w['findings']} findings"
                  for w in summary["worst"]]
    return lines


_REPORT_EXTENSIONS = {"text": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html", "xlsx": "xlsx"}


def _batch_report(args: argparse.Namespace) -> int:
    from .batch import batch_summary

    if not args.output:
        raise KinerjaError("several plans need --output DIR, the folder for one report per plan",
                           id="kinerja.cli.output")
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise KinerjaError(f"{args.output}: --output names a file; several plans need a folder", id="kinerja.cli.output")
    plans = _batch_set(args)
    os.makedirs(args.output, exist_ok=True)
    ext = _REPORT_EXTENSIONS[args.format]
    used = {"summary"}
    records, all_findings, errors = [], [], []
    bar = _progress_bar(len(plans))
    try:
        for k, (path, plan, error) in enumerate(plans.items()):
            record = {"plan": path, "loaded": plan is not None, "report": None, "id": None, "region": None,
                      "organisation": None, "error": None, "findings": 0, "errors": 0, "warnings": 0, "info": 0}
            if plan is None:
                record["error"] = error.to_dict()
                errors.append(error)
            else:
                stem = os.path.splitext(os.path.basename(path))[0] or "plan"
                name, n = stem, 1
                while name in used:
                    n += 1
                    name = f"{stem}-{n}"
                used.add(name)
                try:
                    report = build_report(plan, years=args.year or None, include_findings=not args.no_findings,
                                          layout=args.layout)
                except KinerjaError as exc:  # e.g. a year this plan cannot report in the LKjIP layout: say which plan
                    raise KinerjaError(f"{path}: {exc}", id=exc.id) from None
                target = os.path.join(args.output, f"{name}.{ext}")
                report.save(target, args.format, width=args.width)
                findings = plan.check()
                all_findings.extend(findings)
                record.update(report=target, id=plan.id, region=plan.region, organisation=plan.organisation,
                              findings=len(findings), errors=sum(f.severity == "error" for f in findings),
                              warnings=sum(f.severity == "warning" for f in findings),
                              info=sum(f.severity == "info" for f in findings))
            records.append(record)
            plan = None
            if bar:
                bar.update(k + 1, len(all_findings))
    finally:
        if bar:
            bar.close()
    summary = batch_summary(records, all_findings)
    summary_path = os.path.join(args.output, "summary.json")
    from ._files import write_atomic

    write_atomic(summary_path, json.dumps({"plans": records, "summary": summary}, ensure_ascii=False, indent=2) + "\n")
    _print_load_errors(errors)
    written = sum(1 for r in records if r["report"])
    print(f"wrote {written} reports and {summary_path}")
    for line in _summary_lines(summary):
        print(line)
    return 2 if summary["unusable"] else 0


def _batch_rollup(args: argparse.Namespace) -> int:
    import pandas as pd

    plans = _batch_set(args)
    frames, errors = [], []
    for path, plan, error in plans.items():
        if plan is None:
            errors.append(error)
            continue
        frame = plan.rollup(method=args.method, years=_rollup_years(args), include_history=args.history)
        frame.insert(0, "plan", path)
        frames.append(frame)
        plan = None
    _print_load_errors(errors)
    from .tables import ROLLUP_COLUMNS, frame as make_frame

    frame = pd.concat(frames, ignore_index=True) if frames else make_frame([], ["plan"] + ROLLUP_COLUMNS)
    _print_rollup(args, frame)
    return 2 if errors else 0


def _catalog_for(files: Optional[List[str]]):
    from . import catalog as cat

    return cat.load(files) if files else cat.default()


def _cmd_catalog_list(args: argparse.Namespace) -> int:
    c = _catalog_for([args.file] if args.file else None)
    data = [{"id": e.id, "name": e.name, "formula": e.formula_text, "unit": e.unit, "polarity": e.polarity,
             "tests": len(e.tests)} for e in c]
    _emit(args, data, [f"{e.id}: {e.formula_text} [{e.unit}, {e.polarity}] {e.name_id}" for e in c]
          + [f"{len(c)} entries"])
    return 0


def _cmd_catalog_show(args: argparse.Namespace) -> int:
    e = _catalog_for(args.catalog).get(args.id)
    d = e.to_dict()
    lines = [f"{e.id}", f"  name: {e.name_id} / {e.name_en}", f"  formula: {e.formula_text}",
             f"  unit: {e.unit} (the formula gives {e.formula.unit})", f"  polarity: {e.polarity}"]
    if e.factor is not None:
        lines.append(f"  factor: {e.factor:g}")
    lines.append("  variables:")
    lines += [f"    {v.name} [{v.unit}]: {v.definition_id} / {v.definition_en}" for v in e.variables]
    lines += [f"  regulation: {e.regulation}", f"  source: {e.source}"]
    if e.notes:
        lines.append(f"  notes: {e.notes}")
    lines.append(f"  tests: {len(e.tests)}")
    for t in e.tests:
        expected = f"{t.expected:g}" if t.expected is not None else f"missing ({t.reason})"
        inputs = ", ".join(f"{k}={'null' if v is None else format(v, 'g')}" for k, v in t.inputs.items())
        lines.append(f"    {inputs} -> {expected}")
    lines.append(f"  defined at {e.location}")
    _emit(args, d, lines)
    return 0


def _cmd_catalog_test(args: argparse.Namespace) -> int:
    from . import catalog as cat

    results = cat.test(args.files or None)
    if args.format == "json":
        print(json.dumps({"passed": results.passed, "summary": results.summary(),
                          "results": [dict(vars(r), location=r.location) for r in results]},
                         ensure_ascii=False, indent=2))
    else:
        for r in results:
            if not r.passed or args.verbose:
                print(r.describe())
        print(results.summary())
    return 0 if results.passed else 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kinerja",
        description="Typed government performance planning (SAKIP): read printed values, classify scores, "
                    "compute and audit achievement (capaian).",
        epilog="Examples:\n"
               "  kinerja value '1 : 4.000'\n"
               "  kinerja value 742,340 --context KLA\n"
               "  kinerja classify AKIP 72.79\n"
               "  kinerja achievement '1 : 4.250' '1 : 4.347' --polarity lower --rounding half_up\n"
               "  kinerja audit 0.040% 0.024% 0.60 --polarity lower\n"
               "  kinerja check --format json          (the bundled Bekasi plan)\n"
               "  kinerja report plan.yaml --format html -o report.html\n"
               "  kinerja check plans/ --format jsonl   (every plan under a folder, on all cores)\n"
               "Exit status: 0 ok, 1 audit or check found an inconsistency (check: an error-severity finding),\n"
               "2 unusable input; several plans: the worst of all plans.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"kinerja {__version__}")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def fmt(s: argparse.ArgumentParser, choices=("text", "json")) -> None:
        s.add_argument("--format", choices=list(choices), default=argparse.SUPPRESS,
                       help="output format (default: text)")

    def units(s: argparse.ArgumentParser) -> None:
        s.add_argument("--units", action="append", metavar="FILE",
                       help="also know the unit words declared in this YAML file (repeatable; a units: list as in "
                            "a plan, docs/plan-format.md, Units)")

    def limit(s: argparse.ArgumentParser) -> None:
        s.add_argument("--limit", type=_limit, action="append", metavar="NAME=VALUE",
                       help="raise a load limit for a genuine plan past it (repeatable): " + ", ".join(_LIMIT_NAMES)
                            + " (docs/plan-format.md, Limits)")

    def paths(s: argparse.ArgumentParser) -> None:
        s.add_argument("file", nargs="*", metavar="PATH",
                       help="plan file (YAML, a CSV table: *.csv, or an Excel workbook with that table: *.xlsx), "
                            "or a folder searched recursively for *.yaml, *.yml and *.csv; several give one run "
                            "over all (docs/batch.md); default: the bundled plan")

    def threads(s: argparse.ArgumentParser) -> None:
        s.add_argument("--threads", type=_positive, metavar="N",
                       help="several plans: load and check them on N threads (default: all cores)")

    def settings(s: argparse.ArgumentParser) -> None:
        g = s.add_argument_group("check settings", "the domain settings of the checks (docs/plans.md, Settings); "
                                                   "each left at its documented default when not given")
        g.add_argument("--budget-tolerance", type=float, metavar="RUPIAH",
                       help="rupiah within which a sum agrees with its parts (default 0.5)")
        for name, default, what in (
                ("scale-jump-band", "50 200", "how many times a percentage row's neighbour exceeds a value at most 1 "
                                              "for it to read as a fraction"),
                ("scale-jump-mixed-band", "20 500", "the same when one prints %% and the other is bare"),
                ("scale-jump-slip-band", "8 12", "how many times off both its neighbours a value is a slipped digit")):
            g.add_argument("--" + name, type=float, nargs=2, metavar=("FROM", "TO"),
                           help=f"{what} (default {default})")
        g.add_argument("--scale-jump-slip-agreement", type=float, metavar="SHARE",
                       help="how far apart a slipped digit's neighbours may be (default 0.10)")

    s = sub.add_parser("check", help="check a plan (default: the bundled Bekasi plan) and list its findings; "
                                     "several plans or folders of plans at once (docs/batch.md)")
    paths(s)
    fmt(s, ("text", "json", "jsonl", "csv"))
    threads(s)
    s.add_argument("--rules", "--rule", action="append",
                   help="only these rules (comma-separated or repeated; see 'kinerja rules')")
    s.add_argument("--severity", choices=["error", "warning", "info"],
                   help="show only the findings of this severity or worse (error > warning > info); the exit "
                        "status still counts every error")
    s.add_argument("--no-history", action="store_true", help="skip the nodes of the previous plan period")
    s.add_argument("--rules-file", action="append", metavar="FILE",
                   help="also apply the validation rules of this rule file, or of a shipped one by name "
                        "(standard) (repeatable; docs/validation.md)")
    units(s)
    limit(s)
    settings(s)
    s.set_defaults(func=_cmd_check)

    s = sub.add_parser("report", help="report a plan (default: the bundled Bekasi plan); several plans or folders: "
                                      "one report per plan into --output DIR")
    paths(s)
    fmt(s, FORMATS)
    s.add_argument("--output", "-o", help="write to this file instead of standard output (required for xlsx); "
                                          "several plans: the folder for one report per plan and summary.json")
    threads(s)
    s.add_argument("--year", type=_year, action="append",
                   help="only these years in the achievement section (repeatable; 'end': the end-of-period column)")
    s.add_argument("--width", type=int, default=48, help="widest text cell in the terminal table (default 48)")
    s.add_argument("--layout", choices=LAYOUTS, default="default",
                   help="default: the plan's report; lkjip: the tables of the yearly performance report (LKjIP) "
                        "for the one --year Y (docs/lkjip.md)")
    s.add_argument("--no-findings", action="store_true", help="leave out the findings section")
    s.add_argument("--full", action="store_true", help="text: every row of every section (default: a summary and "
                                                       "the sections shortened to what a reader looks at first)")
    units(s)
    limit(s)
    s.set_defaults(func=_cmd_report)

    s = sub.add_parser("diff", help="what changed between two versions of a plan (default: awal -> perubahan "
                                    "of the bundled plan)")
    s.add_argument("old", nargs="?", help="the older plan file, or the plan whose versions to compare")
    s.add_argument("new", nargs="?", help="the newer plan file")
    s.add_argument("--versions", nargs=2, metavar=("OLD", "NEW"), help="compare two versions of one plan")
    fmt(s)
    limit(s)
    s.set_defaults(func=_cmd_diff)

    s = sub.add_parser("rollup", help="achievement rolled up the cascade, per year (several plans: a plan column)")
    paths(s)
    threads(s)
    s.add_argument("--method", choices=["mean", "budget_weighted", "ratio_of_sums"], default="mean")
    s.add_argument("--year", type=_year, action="append",
                   help="only these years (repeatable; default: the plan period; 'end' has no realization to roll up)")
    s.add_argument("--history", action="store_true", help="also the previous period's nodes")
    s.add_argument("--width", type=int, default=40, help="widest text cell (default 40)")
    fmt(s)
    units(s)
    limit(s)
    s.set_defaults(func=_cmd_rollup)

    s = sub.add_parser("rules", help="list the rules of 'kinerja check'")
    s.add_argument("--rules-file", action="append", metavar="FILE",
                   help="also list the validation rules of this rule file, or of a shipped one by name (standard) "
                        "(repeatable; docs/validation.md)")
    fmt(s)
    s.set_defaults(func=_cmd_rules)

    s = sub.add_parser("value", help="read a printed value and show its type")
    fmt(s)
    s.add_argument("text")
    s.add_argument("--context", help="unit word or scale name that settles ambiguous forms")
    s.add_argument("--convention", choices=["indonesian", "english"],
                   help="the convention the text is known to be printed in (settles 18.221 before the context)")
    s.set_defaults(func=_cmd_value)

    s = sub.add_parser("classify", help="the level of a score on a scale (KLA, AKIP, capaian, ...)")
    fmt(s)
    s.add_argument("scale")
    s.add_argument("score")
    s.set_defaults(func=_cmd_classify)

    def achievement_args(s: argparse.ArgumentParser) -> None:
        s.add_argument("target")
        s.add_argument("realization")
        s.add_argument("--unit", help="the row's satuan or scale, to read ambiguous numbers")
        s.add_argument("--convention", choices=["indonesian", "english"],
                       help="the convention target and realization are printed in (settles 1.500: one and a half "
                            "in english, fifteen hundred in indonesian)")

    s = sub.add_parser("achievement", help="achievement (capaian) of a realization against a target")
    fmt(s)
    achievement_args(s)
    s.add_argument("--polarity", choices=["higher", "lower"], default="higher")
    s.add_argument("--method", choices=["direct", "inverse", "complement", "reduction"])
    s.add_argument("--rounding", choices=["none", "half_up", "truncate"], default="half_up",
                   help="how the percent is rounded (default: half_up, a plan's default rule; none: unrounded)")
    s.add_argument("--decimals", type=int, default=2, help="decimals of the rounding (default 2)")
    s.add_argument("--cap", type=float)
    s.set_defaults(func=_cmd_achievement)

    s = sub.add_parser("audit", help="does a printed achievement follow from target and realization?")
    fmt(s)
    achievement_args(s)
    s.add_argument("reported", help="the printed achievement, e.g. 1.14 or 113%%")
    s.add_argument("--polarity", choices=["higher", "lower"], help="default: try both")
    s.add_argument("--scale", choices=["percent", "fraction"], help="default: from the text, or both")
    s.set_defaults(func=_cmd_audit)

    s = sub.add_parser("scales", help="list the registered scales")
    fmt(s)
    s.set_defaults(func=_cmd_scales)
    s = sub.add_parser("units", help="list the registered unit words")
    fmt(s)
    s.set_defaults(func=_cmd_units)

    c = sub.add_parser("catalog", help="the formula catalog: list, show and test indicator definitions")
    csub = c.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    s = csub.add_parser("list", help="list the entries of a catalog file (default: the bundled catalog)")
    s.add_argument("file", nargs="?", help="catalog file (YAML, docs/catalog.md)")
    fmt(s)
    s.set_defaults(func=_cmd_catalog_list)
    s = csub.add_parser("show", help="show one entry")
    s.add_argument("id")
    s.add_argument("--catalog", action="append", metavar="FILE", help="look in this catalog file instead of the bundled one")
    fmt(s)
    s.set_defaults(func=_cmd_catalog_show)
    s = csub.add_parser("test", help="run the test vectors of catalog files (default: the bundled catalog); "
                                     "exit 1 when one fails")
    s.add_argument("files", nargs="*", metavar="FILE")
    s.add_argument("--verbose", "-v", action="store_true", help="also list the vectors that pass")
    fmt(s)
    s.set_defaults(func=_cmd_catalog_test)
    return p


def _one_line(text: str) -> str:
    """The first line of a message, with the other control characters escaped (a formula error's
    caret lines are left out: the column is in the first line)."""
    first = text.split("\n", 1)[0]
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in first)


def _error_line(exc: BaseException) -> str:
    """``[id] location: cause`` for an exception that ends the command."""
    if isinstance(exc, KinerjaError):
        message = str(exc)
        if exc.id and not message.startswith("["):
            message = f"[{exc.id}] {message}"
        return _one_line(message)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "<output>"
        if isinstance(where, bytes):
            where = os.fsdecode(where)
        return _one_line(f"[kinerja.cli.io] {where}: {exc.strerror or exc}")
    if isinstance(exc, UnicodeError):
        return _one_line(f"[kinerja.cli.encoding] <text>: {exc}")
    if isinstance(exc, MemoryError):
        return "[kinerja.cli.memory] <input>: out of memory; the input is too large for this machine"
    if isinstance(exc, RecursionError):
        return "[kinerja.cli.recursion] <input>: the input is nested too deeply to process"
    if isinstance(exc, ValueError):
        return _one_line(f"[kinerja.cli.value] <input>: {exc}")
    return _one_line(f"[kinerja.cli.internal] <kinerja>: {type(exc).__name__}: {exc} (a bug in kinerja; "
                     "run with KINERJA_TRACEBACK=1 for the traceback and report it)")


def _report_error(exc: BaseException) -> int:
    if os.environ.get("KINERJA_TRACEBACK") and not isinstance(exc, KinerjaError):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    try:
        print(f"kinerja: error: {_error_line(exc)}", file=sys.stderr, flush=True)
    except Exception:  # stderr itself fails (closed, or cannot take the text): nothing more to say
        pass
    return 2


def _quiet_broken_pipe() -> int:
    # The reader went away (`kinerja check | head -1`): point standard output at /dev/null so that
    # flushing it at exit does not fail again, and end as a program stopped by SIGPIPE does.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 141


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            status = 0
        else:
            status = args.func(args)
        sys.stdout.flush()  # a broken pipe shows here, inside the handlers, not at exit
        return status
    except SystemExit:  # argparse: --help, --version, usage errors (already printed, exit 2)
        raise
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except Exception as exc:  # noqa: BLE001 - every error ends as one line, never a traceback
        return _report_error(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
