"""The trainer's command line: creating cohorts, codes for a mail merge, clear errors without tracebacks."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.support.voila_server import ROOT

DEMO = ROOT / "exercises" / "cohorts" / "demogemeente.yaml"


def wijwerken(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", *args, "--data", str(data)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )


def test_cohort_create_prints_codes_once_and_writes_the_mail_merge_csv(tmp_path: Path) -> None:
    """Does `cohort create` print a code per person and write them to the CSV, and refuse a second time?"""
    result = wijwerken("cohort", "create", str(DEMO), "--csv", str(tmp_path / "codes.csv"), data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "codes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {row["naam"] for row in rows} >= {"Marieke Verhoeven", "Fatima El Amrani"}
    assert all(row["code"] in result.stdout for row in rows)

    again = wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d")
    assert again.returncode != 0
    assert "Traceback" not in again.stderr

    listing = wijwerken("cohort", "list", data=tmp_path / "d")
    assert "demogemeente-2026" in listing.stdout and "6 deelnemers, 1 trainers" in listing.stdout


def test_a_broken_settings_file_names_file_line_and_field_without_a_traceback(tmp_path: Path) -> None:
    """Does a typo in the YAML give one clear message per problem, with file, line and field?"""
    bad = tmp_path / "gemeente.yaml"
    bad.write_text(DEMO.read_text(encoding="utf-8").replace("gemeente: Demogemeente", "gemeentee: Demogemeente"),
                   encoding="utf-8")
    result = wijwerken("cohort", "create", str(bad), data=tmp_path / "d")
    assert result.returncode == 2
    assert f"{bad}:4: gemeentee" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_code_replaces_a_lost_code(tmp_path: Path) -> None:
    """Does `cohort new-code` print a fresh code for a named participant?"""
    created = wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d")
    old = next(line.split()[-1] for line in created.stdout.splitlines() if "Fatima El Amrani" in line)
    result = wijwerken("cohort", "new-code", "demogemeente-2026", "Fatima El Amrani", data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    new = result.stdout.split(": ")[1].split()[0]
    assert new != old and len(new) == 14


def test_serve_refuses_a_data_folder_it_cannot_write(tmp_path: Path) -> None:
    """Does `serve` stop with one English line when the data folder cannot be used?"""
    result = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "serve", "--data", "/proc/wijwerken-test"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "/proc/wijwerken-test" in result.stderr
    assert "Traceback" not in result.stderr
