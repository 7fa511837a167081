"""The national benchmark of kinerja (docs/performance.md, "A national corpus"): a deterministic
synthetic corpus of every agency's plan in every region (bench/national_corpus.py), checked in
one run:

1. per plan, on one thread: ``load_plan``, ``plan.check()`` and ``plan.to_frame()`` timed apart
   (median and 99th percentile of each, and the sums);
2. the whole corpus, ``load_plan`` + ``check`` of every plan through a
   ``concurrent.futures.ThreadPoolExecutor`` of 1 thread and of one thread a core (the GIL is
   released in both calls);
3. the whole corpus through ``kinerja.dask.check_plans(folder, client).compute()`` on a
   ``LocalCluster`` of 1 and of 2 single-threaded worker processes (cluster start-up timed
   apart).

It prints MB/s and plans/s of each, the CPU time it took (this process's, or the dask
workers'), the peak resident memory of this process and of the dask
workers, and the command that reproduces the run.

    bench/plans                                   # 514 regions x 40 agencies, seed 1
    bench/plans --regions 20 --agencies 40        # a smaller corpus
    bench/plans --dir /tmp/corpus --keep          # write the corpus there and keep it
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from typing import List, Optional, Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import national_corpus  # noqa: E402


def _rss_mb() -> float:
    """Peak resident memory of this process, MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _worker_cpu() -> float:
    import time as t

    return t.process_time()


def _worker_rss() -> float:
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024.0


def _quantile(xs: Sequence[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = min(len(xs) - 1, max(0, int(round(q * (len(xs) - 1)))))
    return xs[i]


def _load_check(path: str) -> int:
    import kinerja

    try:
        plan = kinerja.load_plan(path)
    except kinerja.PlanFileError:
        return -1
    return len(plan.check())


def _line(label: str, seconds: float, plans: int, mb: float, extra: str = "") -> str:
    return (f"  {label:<34} {seconds:9.2f} s  {plans / seconds:8.1f} plans/s  {mb / seconds:7.2f} MB/s"
            + (f"  {extra}" if extra else ""))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", help="folder for the corpus (default: a temporary folder, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument("--skip", default="", help="comma-separated phases to skip: per-plan,threads,dask")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    import kinerja

    command = f"bench/plans --regions {args.regions} --agencies {args.agencies} --seed {args.seed}"
    if skip:
        command += f" --skip {args.skip}"
    print(f"kinerja {kinerja.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}")
    print(f"reproduce: {command}")
    folder = args.dir or tempfile.mkdtemp(prefix="kinerja-national-")
    try:
        t0 = time.perf_counter()
        rows = national_corpus.Generator(args.seed).write(folder, args.regions, args.agencies)
        gen = time.perf_counter() - t0
        files = [r["path"] for r in rows]
        n = len(files)
        mb = sum(r["bytes"] for r in rows) / 1e6
        sizes = sorted(r["bytes"] for r in rows)
        damaged = sum(1 for r in rows if r["damage"])
        print(f"corpus: {n} plans ({args.regions} regions x {args.agencies} agencies), {mb:.1f} MB, "
              f"{sizes[0] / 1e3:.0f}-{sizes[-1] / 1e3:.0f} KB (median {sizes[n // 2] / 1e3:.0f} KB), "
              f"{damaged} damaged, written in {gen:.1f} s to {folder}")

        warm = kinerja.bundled_plan()  # warm-up: pandas and the catalogs imported before any timing
        warm.check().to_frame()
        warm.to_frame()
        del warm

        if "per-plan" not in skip:
            loads: List[float] = []
            checks: List[float] = []
            frames: List[float] = []
            findings = errors = 0
            cpu = time.process_time()
            for f in files:
                t = time.perf_counter()
                try:
                    plan = kinerja.load_plan(f)
                except kinerja.PlanFileError:
                    errors += 1
                    continue
                t1 = time.perf_counter()
                found = plan.check()
                t2 = time.perf_counter()
                plan.to_frame()
                t3 = time.perf_counter()
                loads.append(t1 - t)
                checks.append(t2 - t1)
                frames.append(t3 - t2)
                findings += len(found)
                del plan, found
            print(f"per plan, one thread ({n - errors} loaded, {errors} not loadable, {findings} findings), ms:")
            for name, xs in (("load_plan", loads), ("check", checks), ("to_frame", frames)):
                print(f"  {name:<10} median {1e3 * _quantile(xs, 0.5):8.2f}  p99 {1e3 * _quantile(xs, 0.99):8.2f}"
                      f"  total {sum(xs):8.2f} s")
            print(f"  load_plan on its own: {mb / sum(loads):.2f} MB/s; CPU time of the pass "
                  f"{time.process_time() - cpu:.2f} s for {sum(loads) + sum(checks) + sum(frames):.2f} s of wall time")

        if "threads" not in skip:
            print("whole corpus, load_plan + check (ThreadPoolExecutor):")
            for threads in sorted({1, os.cpu_count() or 1}):
                t, cpu = time.perf_counter(), time.process_time()
                with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
                    counts = list(pool.map(_load_check, files, chunksize=1))
                wall, cpu = time.perf_counter() - t, time.process_time() - cpu
                found = sum(c for c in counts if c > 0)
                print(_line(f"{threads} thread{'s' if threads > 1 else ''}", wall, n, mb,
                            f"CPU {cpu:.2f} s; {found} findings, {counts.count(-1)} not loadable"))
            print(f"  peak resident memory of this process: {_rss_mb():.0f} MB")

        if "dask" not in skip:
            import warnings

            from distributed import Client, LocalCluster

            import kinerja.dask as kd

            print("whole corpus, kinerja.dask.check_plans(folder, client).compute() (LocalCluster):")
            for workers in (1, 2):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    t = time.perf_counter()
                    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, host="127.0.0.1",
                                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
                    client = Client(cluster, set_as_default=False)
                    start = time.perf_counter() - t
                    try:
                        cpu0 = client.run(_worker_cpu)
                        t = time.perf_counter()
                        frame = kd.check_plans(folder, client)
                        result = frame.compute()
                        wall = time.perf_counter() - t
                        cpu1 = client.run(_worker_cpu)
                        cpu = sum(cpu1[w] - cpu0[w] for w in cpu1)
                        peaks = client.run(_worker_rss)
                        failed = int(result["rule"].str.startswith("kinerja.").sum())
                        print(_line(f"{workers} worker{'s' if workers > 1 else ''}, {frame.npartitions} partitions", wall,
                                    n, mb, f"CPU {cpu:.2f} s (workers); {len(result) - failed} findings, {failed} not loadable; start-up {start:.1f} s; "
                                    f"worker peak {max(peaks.values()):.0f} MB"))
                        del result, frame
                    finally:
                        client.close()
                        cluster.close()
            print(f"  peak resident memory of this process: {_rss_mb():.0f} MB")
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
