"""Speed and memory of the wijwerken workbook, side by side with a bare one-Textarea notebook, in one run.

Usage: ``python benchmarks/run.py [--quick] [--json PATH] [--pg-url URL]``

One ``wijwerken serve`` (127.0.0.1 only) serves a temporary copy of ``workbooks/*.ipynb`` plus
``benchmarks/bare/bare.ipynb``, with a temporary data folder and a benchmark cohort of 15 deelnemers. Measured:

1. navigation → interactive in headless Chromium, one page at a time (bare, start, Dag 1 logged in);
2. 15 participants opening Dag 1 (and, for comparison, bare) at the same moment, with a protocol-level client;
3. save latency (widget change → row readable from another connection) on SQLite, and PostgreSQL when
   ``--pg-url`` or ``WIJWERKEN_TEST_DATABASE_URL`` is set;
4. kernel memory of one logged-in Dag 1 page and of the bare page; the server's memory and kernels after 200 page
   requests without a session (each only redirects to the login page);
5. a training day (a second server whose cohort has Dag 1 today, ``training_day.py``): the idle pools' memory, the
   burst of 15 and Dag 1 one page at a time, each Dag 1 page from the pool of started kernels.

Prints a table with each target and ✓/✗; exits 0 even when a target is missed (1 only when a measurement broke).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

import browser_timing
import protocol_client
import psutil
import save_latency
import training_day
import workspace

PARTICIPANTS = 15
PAGES = ["bare.ipynb", "start.ipynb", "dag1.ipynb"]
MIB = 1024 * 1024


@dataclass
class Figure:
    """One line of the report; ``ok`` is None for figures without a target."""

    section: str
    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    detail: str = ""


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]


def machine() -> dict[str, str]:
    info = {
        "cores": f"{os.cpu_count()} logical, {psutil.cpu_count(logical=False)} physical",
        "cpu": platform.processor() or platform.machine(),
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "python": platform.python_version(),
        "os": platform.platform(),
    }
    try:
        chromium = subprocess.run([browser_timing.CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
        info["chromium"] = chromium.stdout.strip() or chromium.stderr.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        info["chromium"] = f"unavailable ({exc})"
    for package in ("voila", "ipywidgets", "ipykernel", "jupyter_server", "SQLAlchemy", "playwright"):
        info[package] = version(package)
    try:
        model = next(line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
        info["cpu"] = model.split(":", 1)[1].strip()
    except (OSError, StopIteration):
        pass
    return info


# --- 1. browser -----------------------------------------------------------------------------------------------


def browser_figures(server: workspace.Server, code: str, runs: int, raw: dict) -> list[Figure]:
    timings = browser_timing.measure_pages(server.page_url, code, PAGES, runs, lambda: server.wait_idle(60))
    raw["browser_seconds"] = timings
    bare = statistics.median(timings["bare.ipynb"])
    figures = [Figure("1 browser", "bare.ipynb: Textarea visible", bare, "s",
                      detail=f"median of {runs}; runs {fmt_list(timings['bare.ipynb'])}")]
    labels = {"start.ipynb": "start.ipynb: overview + 'Ingelogd als'",
              "dag1.ipynb": "dag1.ipynb: card + text inputs usable"}
    for notebook in ("start.ipynb", "dag1.ipynb"):
        median = statistics.median(timings[notebook])
        figures.append(Figure("1 browser", labels[notebook], median, "s",
                              detail=f"median of {runs}; runs {fmt_list(timings[notebook])}"))
        ratio = median / bare
        figures.append(Figure("1 browser", f"{notebook} / bare", ratio, "×", "≤ 1.25×", ratio <= 1.25))
    return figures


# --- 2. protocol: one user, and a burst of 15 ------------------------------------------------------------------


def close_all(server: workspace.Server, loads: list[protocol_client.PageLoad]) -> None:
    """Close the pages (and any kernel left by a failed load) and wait until no kernel runs."""
    for load in loads:
        load.close()
    time.sleep(0.5)
    for kernel_id in server.kernels():
        protocol_client.shutdown_kernel(server.url, kernel_id)
    server.wait_idle(90)


def single_user_figures(server: workspace.Server, cookie: str, runs: int, raw: dict) -> list[Figure]:
    """Server-side time of one page load with nobody else on the server (context for the burst)."""
    notebooks = ("bare.ipynb", "dag1.ipynb")
    loads: dict[str, list[protocol_client.PageLoad]] = {notebook: [] for notebook in notebooks}
    for notebook in notebooks:  # warm-up
        close_all(server, [protocol_client.load_page(server.url, notebook, cookie)])
    for _ in range(runs):  # interleaved, so that drift hits both alike
        for notebook in notebooks:
            load = protocol_client.load_page(server.url, notebook, cookie)
            close_all(server, [load])
            loads[notebook].append(load)
    figures = []
    for notebook in notebooks:
        ready = [load.ready_seconds for load in loads[notebook]]
        raw[f"single_user_seconds_{notebook}"] = ready
        figures.append(Figure("2 protocol", f"{notebook}: one user, GET → update_states", statistics.median(ready),
                              "s", detail=f"median of {runs}; page HTML done after "
                              f"{statistics.median(load.html_seconds for load in loads[notebook]):.2f} s; "
                              f"{loads[notebook][0].widget_count} widget models"))
    return figures


def burst_figures(server: workspace.Server, cookies: list[str], bursts: int, raw: dict) -> list[Figure]:
    ready: dict[str, list[float]] = {"bare.ipynb": [], "dag1.ipynb": []}
    failed: dict[str, list[str]] = {"bare.ipynb": [], "dag1.ipynb": []}
    memory_per_kernel: list[float] = []
    for _ in range(bursts):
        for notebook in ready:
            time.sleep(2)
            loads, failures = protocol_client.burst(server.url, notebook, cookies)
            try:
                ready[notebook] += [load.ready_seconds for load in loads]
                failed[notebook] += failures
                if notebook == "dag1.ipynb":
                    kernels = server.kernels()
                    memory_per_kernel += [kernel_memory(kernels[load.kernel_id])[1] for load in loads
                                          if load.kernel_id in kernels]
            finally:
                close_all(server, loads)
    raw["burst_failures"] = failed
    raw["burst_seconds"] = ready
    figures = []
    for notebook, values in ready.items():
        figures.append(Figure("2 burst", f"{notebook}: {len(cookies)} at once, median", statistics.median(values),
                              "s", detail=f"{bursts} burst(s), n={len(values)}"))
        figures.append(Figure("2 burst", f"{notebook}: {len(cookies)} at once, p95", p95(values), "s",
                              detail=f"max {max(values):.2f} s"))
    ratio = p95(ready["dag1.ipynb"]) / p95(ready["bare.ipynb"])
    figures.append(Figure("2 burst", "dag1 p95 / bare p95", ratio, "×", "≤ 1.5×", ratio <= 1.5))
    for notebook, failures in failed.items():
        total = len(failures) + len(ready[notebook])
        first = f"; first: {failures[0][:90]}" if failures else ""
        figures.append(Figure("2 burst", f"{notebook}: page loads that failed", len(failures), "", "0",
                              not failures, detail=f"of {total}, left out of median and p95{first}"))
    if memory_per_kernel:
        figures.append(Figure("4 memory", f"dag1.ipynb kernel RSS during a burst of {len(cookies)}",
                              statistics.median(memory_per_kernel), "MiB",
                              detail=f"median; total {sum(memory_per_kernel) / bursts:.0f} MiB per burst"))
    return figures


# --- 3. save latency --------------------------------------------------------------------------------------------


def save_figures(pg_url: str | None, saves: int, raw: dict) -> list[Figure]:
    results = {}
    with tempfile.TemporaryDirectory(prefix="wijwerken-save-") as folder:
        results["SQLite"] = save_latency.measure_widget_saves(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", saves)
    if pg_url:
        with save_latency.scratch_postgres(pg_url) as url:
            results["PostgreSQL"] = save_latency.measure_widget_saves(url, saves)
    raw["save_ms"] = results
    figures = []
    for backend, timings in results.items():
        figures.append(Figure("3 save", f"{backend}: widget change → committed row, p95", p95(timings), "ms",
                              "≤ 50 ms", p95(timings) <= 50,
                              detail=f"n={len(timings)}, median {statistics.median(timings):.2f} ms"))
    if not pg_url:
        figures.append(Figure("3 save", "PostgreSQL", None, "", detail="not measured: set --pg-url or "
                              "WIJWERKEN_TEST_DATABASE_URL"))
    return figures


# --- 4. memory --------------------------------------------------------------------------------------------------


def kernel_memory(process: psutil.Process) -> tuple[float, float]:
    """(USS, RSS) in MiB of a kernel process and its children."""
    uss = rss = 0.0
    for proc in [process, *process.children(recursive=True)]:
        info = proc.memory_full_info()
        uss, rss = uss + info.uss / MIB, rss + info.rss / MIB
    return uss, rss


def memory_figures(server: workspace.Server, cookie: str, samples: int, raw: dict) -> list[Figure]:
    figures = []
    for notebook in ("bare.ipynb", "dag1.ipynb"):
        measured = []
        for _ in range(samples):
            load = protocol_client.load_page(server.url, notebook, cookie)
            try:
                time.sleep(1.0)  # let the kernel settle after sending the widgets' state
                measured.append(kernel_memory(server.kernels()[load.kernel_id]))
            finally:
                close_all(server, [load])
        raw[f"kernel_memory_mib_{notebook}"] = measured
        uss = statistics.median(m[0] for m in measured)
        rss = statistics.median(m[1] for m in measured)
        target = ("≤ 150 MiB", rss <= 150) if notebook == "dag1.ipynb" else ("", None)
        figures.append(Figure("4 memory", f"{notebook} kernel, one page, RSS", rss, "MiB", *target,
                              detail=f"USS {uss:.0f} MiB; median of {samples}"))
    return figures


def server_rss(server: workspace.Server) -> float:
    """RSS in MiB of the server processes (`wijwerken serve` and its Voilà child), kernels left out."""
    root = psutil.Process(server.process.pid)
    kernels = {k.pid for k in server.kernels().values()}
    procs = [root, *(c for c in root.children(recursive=True) if c.pid not in kernels)]
    return sum(proc.memory_info().rss for proc in procs) / MIB


def unauthenticated_figures(server: workspace.Server, requests_count: int, raw: dict) -> list[Figure]:
    """The server's memory and kernels after many page requests without a session (each must only redirect)."""
    import requests

    server.wait_idle(60)
    before, kernels_before = server_rss(server), len(server.kernels())
    statuses = [requests.get(server.page_url("dag1.ipynb"), allow_redirects=False, timeout=30).status_code
                for _ in range(requests_count)]
    time.sleep(1.0)
    after, kernels_after = server_rss(server), len(server.kernels())
    raw["unauthenticated"] = {"rss_before_mib": before, "rss_after_mib": after, "statuses": sorted(set(statuses))}
    started = kernels_after - kernels_before
    return [
        Figure("4 memory", f"{requests_count} page requests without a session: kernels started", started, "",
               "0", started == 0, detail=f"answers: {sorted(set(statuses))}"),
        Figure("4 memory", f"{requests_count} page requests without a session: server RSS growth", after - before,
               "MiB", "≤ 10 MiB", after - before <= 10, detail=f"{before:.0f} → {after:.0f} MiB"),
    ]


def training_day_figures(folder: Path, workbooks: Path, bursts: int, runs: int, raw: dict) -> list[Figure]:
    """Dag 1 on today's programme: pooled kernels (``benchmarks/training_day.py``), against bare in the same run."""
    results = training_day.measure(folder, workbooks, PARTICIPANTS, bursts, runs, kernel_memory)
    raw["training_day"] = results
    pooled, bare = results["burst_seconds"]["dag1.ipynb"], results["burst_seconds"]["bare.ipynb"]
    figures = [Figure("4 memory", f"idle pools on a training day ({results['pool_kernels']} kernels)",
                      results["pool_mib"], "MiB", detail="Dag 1: one per participant; start page: 2")]
    if pooled and bare:
        figures += [
            Figure("2 burst", f"training day: bare.ipynb (no pool), {PARTICIPANTS} at once, p95", p95(bare), "s",
                   detail=f"median {statistics.median(bare):.2f} s; n={len(bare)}"),
            Figure("2 burst", f"training day: dag1.ipynb from the pool, {PARTICIPANTS} at once, p95", p95(pooled),
                   "s", "≤ 3 s", p95(pooled) <= 3, detail=f"median {statistics.median(pooled):.2f} s; n={len(pooled)}"),
            Figure("2 burst", "training day: dag1 from the pool p95 / bare p95", p95(pooled) / p95(bare), "×",
                   "≤ 1.0×", p95(pooled) / p95(bare) <= 1.0),
        ]
    failures = results["burst_failures"]
    figures.append(Figure("2 burst", "training day: page loads that failed", len(failures), "", "0",
                          not failures, detail=failures[0][:90] if failures else ""))
    timings = results["browser_seconds"]
    dag1, bare_page = statistics.median(timings["dag1.ipynb"]), statistics.median(timings["bare.ipynb"])
    figures += [
        Figure("1 browser", "training day: bare.ipynb (no pool): Textarea visible", bare_page, "s",
               detail=f"median of {len(timings['bare.ipynb'])}"),
        Figure("1 browser", "training day: dag1.ipynb from the pool: card + inputs usable", dag1, "s",
               detail=f"median of {len(timings['dag1.ipynb'])}"),
        Figure("1 browser", "training day: dag1 from the pool / bare", dag1 / bare_page, "×", "≤ 1.0×",
               dag1 / bare_page <= 1.0),
    ]
    return figures


# --- report -----------------------------------------------------------------------------------------------------


def fmt_list(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def render(info: dict[str, str], figures: list[Figure], errors: list[str]) -> str:
    lines = ["wijwerken benchmark", ""]
    lines += [f"  {key:<15} {value}" for key, value in info.items()]
    lines.append("")
    width = max(len(f.name) for f in figures) if figures else 20
    section = None
    for f in figures:
        if f.section != section:
            section = f.section
            lines.append(f"[{section}]")
        if f.value is None:
            value = "—"
        elif f.unit in ("MiB", ""):
            value = f"{f.value:.0f} {f.unit}".strip()
        else:
            value = f"{f.value:.2f} {f.unit}"
        mark = {True: "✓", False: "✗", None: " "}[f.ok]
        lines.append(f"  {f.name:<{width}}  {value:>10}  {f.target:<10} {mark}  {f.detail}")
    for error in errors:
        lines.append(f"ERROR {error}")
    return "\n".join(lines)


def ordinary_server(tmp: Path, workbooks: Path, runs: int, bursts: int, samples: int, raw: dict, attempt,
                    errors: list[str]) -> None:
    """Sections 1–4 on a server whose cohort has no training day today (no pools)."""
    data = tmp / "data"
    cohort_file = workspace.write_cohort_yaml(tmp / "benchmark-cohort.yaml", PARTICIPANTS)
    codes = workspace.create_cohort(data, cohort_file)
    if len(codes) != PARTICIPANTS:
        raise RuntimeError(f"expected {PARTICIPANTS} codes from 'cohort create', got {len(codes)}")
    cookies = workspace.session_cookies(data, codes)
    print("… starting wijwerken serve", file=sys.stderr, flush=True)
    server = workspace.start_server(data_dir=data, workbooks_dir=workbooks, log_path=tmp / "server.log")
    try:
        attempt("browser, one page at a time",
                lambda: browser_figures(server, next(iter(codes.values())), runs, raw))
        attempt("protocol, one user", lambda: single_user_figures(server, cookies[0], runs, raw))
        attempt("kernel memory", lambda: memory_figures(server, cookies[0], samples, raw))
        attempt("unauthenticated requests", lambda: unauthenticated_figures(server, 200, raw))
        attempt(f"burst of {PARTICIPANTS}", lambda: burst_figures(server, cookies, bursts, raw))
    finally:
        workspace.stop_server(server)
        if errors:
            print(server.log_path.read_text(errors="replace")[-4000:], file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run with fewer repetitions")
    parser.add_argument("--json", type=Path, help="also write the figures and raw timings to this JSON file")
    parser.add_argument("--training-day-only", action="store_true",
                        help="measure only the training day (section 5: its own server, pooled Dag 1 beside bare)")
    parser.add_argument("--pg-url", default=os.environ.get("WIJWERKEN_TEST_DATABASE_URL"),
                        help="PostgreSQL URL for the save latency (default: $WIJWERKEN_TEST_DATABASE_URL)")
    args = parser.parse_args(argv)
    runs, bursts, saves, samples = (2, 1, 50, 1) if args.quick else (9, 3, 300, 3)

    info = machine()
    figures: list[Figure] = []
    errors: list[str] = []
    raw: dict = {}

    def attempt(label: str, step) -> None:
        print(f"… {label}", file=sys.stderr, flush=True)
        try:
            figures.extend(step())
        except Exception as exc:  # one broken measurement must not hide the others
            errors.append(f"{label}: {exc!r}")
            traceback.print_exc()

    if not args.training_day_only:
        attempt("save latency", lambda: save_figures(args.pg_url, saves, raw))
    with tempfile.TemporaryDirectory(prefix="wijwerken-bench-") as folder:
        tmp = Path(folder)
        workbooks = workspace.prepare_workbooks(tmp / "workbooks")
        if not args.training_day_only:
            ordinary_server(tmp, workbooks, runs, bursts, samples, raw, attempt, errors)
        print("… a training day: Dag 1 from a pool of started kernels", file=sys.stderr, flush=True)
        (tmp / "training-day").mkdir()
        attempt("training day", lambda: training_day_figures(tmp / "training-day", workbooks, bursts, runs, raw))

    order = ["1 browser", "2 protocol", "2 burst", "3 save", "4 memory"]
    figures.sort(key=lambda f: order.index(f.section))
    print(render(info, figures, errors))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "figures": [asdict(f) for f in figures], "raw": raw,
                                         "errors": errors}, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
