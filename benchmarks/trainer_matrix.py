"""The trainer page "Tussen de dagen" with 150 participants beside a participant's Dag 1 page.

Usage: ``python benchmarks/trainer_matrix.py [--quick] [--json PATH]``

One ``wijwerken serve`` (127.0.0.1, SQLite in a temporary data folder) with ten cohorts of 15 participants
(``wijwerken cohort create`` ten times); the trainer of the first is assigned to the nine others (``wijwerken cohort
assign-trainer``), so the trainer page shows all ten cohorts: 150 participants. Every participant has Dag 1 answers
(some exercises klaar, some bezig, some not started) and every third a logboek entry shared with the trainer.
Measured in headless Chromium with session cookies, interleaved (7 rounds after a warm-up;
``--quick``: 2):

1. Dag 1 as a participant: navigation → the summary card and the text fields usable (``browser_timing.READY``);
2. the trainer page: navigation → the matrix and the last section (downloads) shown.

Target (from the issue): the trainer page ≤ 1.5 × the day page. Prints a table; exits 0 even when the target is
missed (1 only when a measurement broke).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import browser_timing
import workspace
import yaml
from playwright.sync_api import Page, sync_playwright
from run import machine

COHORTS, PER_COHORT = 10, 15
TARGET_RATIO = 1.5
TIMEOUT = 180.0
VIEWPORT = {"width": 1280, "height": 900}
SEED = 20265
TRAINER_READY = """() => {
    const v = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
    return v(document.querySelector('.ww-matrix')) && v(document.querySelector('.ww-trainer-downloads'));
}"""


def write_cohort(path: Path, n: int, participants: int) -> Path:
    """Cohort ``n``: ``participants`` deelnemers in groups of 15."""
    workspace.write_cohort_yaml(path, participants)
    cohort = yaml.safe_load(path.read_text(encoding="utf-8"))
    vraagstuk = cohort["groepen"][0]["vraagstuk"]
    groups = max(1, participants // PER_COHORT)
    cohort.update(slug=f"bench-{n:02d}", naam=f"Benchmark {n:02d}")
    cohort["groepen"] = [{"naam": f"Groep {g + 1:02d}", "vraagstuk": vraagstuk} for g in range(groups)]
    for i, deelnemer in enumerate(cohort["deelnemers"]):
        deelnemer["naam"] = f"Deelnemer {n:02d}-{i + 1:03d}"
        deelnemer["groep"] = f"Groep {i // PER_COHORT + 1:02d}"
    cohort["trainers"] = [{"naam": f"Trainer {n:02d}"}]
    path.write_text(yaml.safe_dump(cohort, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assign(data_dir: Path, cohort: int) -> None:
    """``wijwerken cohort assign-trainer``: the first cohort's trainer also trains cohort ``cohort``."""
    result = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "cohort", "assign-trainer", f"bench-{cohort:02d}", "Trainer 01",
         "--from", "bench-01", "--data", str(data_dir)],
        env=workspace.server_env(), capture_output=True, text=True, timeout=120, cwd=workspace.ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"assign-trainer failed:\n{result.stdout}\n{result.stderr}")


def create(data_dir: Path, cohort_file: Path) -> dict[str, str]:
    """``wijwerken cohort create``; {naam: code} of everyone it printed (trainer included)."""
    result = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "cohort", "create", str(cohort_file), "--data", str(data_dir)],
        env=workspace.server_env(), capture_output=True, text=True, timeout=120, cwd=workspace.ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"cohort create failed:\n{result.stdout}\n{result.stderr}")
    codes = {}
    for line in result.stdout.splitlines():
        match = re.match(r"\s+(?:deelnemer|trainer)\s+((?:Deelnemer|Trainer) [\d-]+)\s.*\s(\S+)$", line)
        if match:
            codes[match.group(1)] = match.group(2)
    return codes


def seed(data_dir: Path) -> dict[str, float]:
    """Dag 1 answers for every participant of every cohort, a shared logboek entry for every third."""
    from wijwerken_widgets.core import paths
    from wijwerken_widgets.pages.dag1 import keys
    from wijwerken_widgets.store import Store

    rnd = random.Random(SEED)
    store = Store.open(f"sqlite:///{data_dir / paths.DATABASE_FILE}")
    started, answers, entries = time.perf_counter(), 0, 0
    try:
        people = [p for cohort in store.cohorts() for p in store.people(cohort.id) if p.role == "deelnemer"]
        for n, person in enumerate(people):
            chosen = [keys.PROBLEEM, keys.DOEL, keys.HOOFDVRAAG, keys.REFLECTIE][: rnd.randint(0, 4)]
            for key in chosen:
                store.save_answer(person.id, key, f"Antwoord van {person.name}", client_id="bench", base_id=None)
                answers += 1
            if rnd.random() < 0.5:
                store.save_answer(person.id, keys.AANNAMES, [{"assumption": "Inwoners willen dit", "how": "vragen",
                                                              "with_whom": "wijkraad"}], client_id="bench",
                                  base_id=None)
                answers += 1
            if n % 3 == 0:
                store.save_log_entry(person.id, f"bench{n:04d}", day="dag1", prompt="", text="Wat me opviel",
                                     sharing="trainer", client_id="bench")
                entries += 1
    finally:
        store.close()
    return {"seconds": time.perf_counter() - started, "answers": answers, "entries": entries}


def context_with(browser, cookie: str):
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    name, _, value = cookie.partition("=")
    context.add_cookies([{"name": name, "value": value, "domain": "127.0.0.1", "path": "/"}])
    return context


def page_load(page: Page, url: str, ready: str, arg: int = 0) -> float:
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT * 1000)
    page.wait_for_function(ready, arg=arg, polling=20, timeout=TIMEOUT * 1000)
    return time.perf_counter() - started


def measure(server: workspace.Server, participant: str, trainer: str, runs: int) -> dict:
    loads: dict[str, list[float]] = {"dag1": [], "trainer": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_timing.CHROMIUM,
                                             args=browser_timing.CHROMIUM_ARGS, headless=True)
        try:
            pages = {"dag1": (context_with(browser, participant).new_page(), server.page_url("dag1.ipynb"),
                              browser_timing.READY["dag1.ipynb"]),
                     "trainer": (context_with(browser, trainer).new_page(), server.page_url("trainer.ipynb"),
                                 TRAINER_READY)}
            for round_ in range(runs + 1):
                for label, (page, url, ready) in pages.items():
                    seconds = page_load(page, url, ready, 1)
                    if round_:
                        loads[label].append(seconds)
                    print(f"… {label} {seconds:.2f} s", file=sys.stderr, flush=True)
                    browser_timing.leave(page, lambda: server.wait_idle(90))
        finally:
            browser.close()
    return {"loads": loads}


def report(info: dict, seeded: dict, results: dict, errors: list[str]) -> tuple[str, dict]:
    loads = results.get("loads", {})
    day = statistics.median(loads["dag1"]) if loads.get("dag1") else None
    matrix = statistics.median(loads["trainer"]) if loads.get("trainer") else None
    lines = ["wijwerken benchmark: the trainer's progress matrix", ""]
    lines += [f"  {key:<15} {value}" for key, value in info.items()]
    lines += [f"  seeded         {COHORTS} cohorts × {PER_COHORT} participants, all trained by the measured trainer "
              f"(one own cohort, {COHORTS - 1} assigned), {seeded.get('answers', '?')} answers, "
              f"{seeded.get('entries', '?')} shared logboek entries ({seeded.get('seconds', 0):.1f} s)", ""]
    summary: dict = {}
    if day and matrix:
        ratio = matrix / day
        ok = "✓" if ratio <= TARGET_RATIO else "✗"
        lines += [f"  Dag 1 as a participant (navigation → usable), median of {len(loads['dag1'])}:      {day:.2f} s",
                  f"  trainer page, {COHORTS * PER_COHORT} rows (navigation → every part), median of "
                  f"{len(loads['trainer'])}: {matrix:.2f} s",
                  f"  ratio trainer ÷ Dag 1: {ratio:.2f}×  (target ≤ {TARGET_RATIO}×) {ok}"]
        summary.update(dag1_s=day, trainer_s=matrix, ratio=ratio)
    lines += [f"ERROR {e}" for e in errors]
    return "\n".join(lines), summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run with fewer repetitions")
    parser.add_argument("--json", type=Path, help="also write the figures and raw timings to this JSON file")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 7
    errors: list[str] = []
    seeded: dict = {}
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="wijwerken-bench-trainer-") as folder:
        tmp = Path(folder)
        data = tmp / "data"
        workbooks = workspace.prepare_workbooks(tmp / "workbooks")
        print("… creating cohorts", file=sys.stderr, flush=True)
        codes = create(data, write_cohort(tmp / "cohort-01.yaml", 1, PER_COHORT))
        for n in range(2, COHORTS + 1):
            create(data, write_cohort(tmp / f"cohort-{n:02d}.yaml", n, PER_COHORT))
            assign(data, n)
        participant, trainer = workspace.session_cookies(data, {k: codes[k] for k in ("Deelnemer 01-001",
                                                                                      "Trainer 01")})
        print("… seeding", file=sys.stderr, flush=True)
        seeded = seed(data)
        server = workspace.start_server(data_dir=data, workbooks_dir=workbooks, log_path=tmp / "server.log")
        try:
            results = measure(server, participant, trainer, runs)
        except Exception as exc:
            errors.append(repr(exc))
            traceback.print_exc()
            print(server.log_path.read_text(errors="replace")[-3000:], file=sys.stderr)
        finally:
            workspace.stop_server(server)
    text, summary = report(machine(), seeded, results, errors)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "raw": results, "seeded": seeded, "errors": errors},
                                        indent=2), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
