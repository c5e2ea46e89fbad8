"""The trainer's command line: creating cohorts, codes for a mail merge, clear errors without tracebacks."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.support.voila_server import ROOT, printed_codes

DEMO = ROOT / "exercises" / "cohorts" / "demogemeente.yaml"


def wijwerken(*args: str, data: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", *args, "--data", str(data)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
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
    assert "demogemeente-2026" in listing.stdout and "6 deelnemers, 1 trainer\n" in listing.stdout


def test_codes_are_printed_in_four_groups_and_the_secret_is_made_in_the_data_folder(tmp_path: Path) -> None:
    """Without WIJWERKEN_SECRET_FILE: is the secret made as 'code-secret' (0600) in the --data folder, and do the
    printed codes (four groups of four) parse for the tests' servers?"""
    env = {k: v for k, v in os.environ.items() if k != "WIJWERKEN_SECRET_FILE"}
    result = wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d", env=env)
    assert result.returncode == 0, result.stderr
    codes = printed_codes(result.stdout)
    assert len(codes) == 7 and all(len(c.code) == 19 for c in codes)
    secret = tmp_path / "d" / "code-secret"
    assert len(secret.read_bytes()) == 32 and stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_a_damaged_secret_file_gives_one_clear_line(tmp_path: Path) -> None:
    """Does a secret file of the wrong length stop `cohort create` with one English line and no traceback?"""
    secret = tmp_path / "code-secret"
    secret.write_bytes(b"too short")
    result = wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d",
                       env={**os.environ, "WIJWERKEN_SECRET_FILE": str(secret)})
    assert result.returncode == 2
    assert f"error: The secret of the login codes {secret} is not 32 bytes long" in result.stderr
    assert "Traceback" not in result.stderr
    assert "demogemeente-2026" not in wijwerken("cohort", "list", data=tmp_path / "d").stdout  # nothing half made


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
    assert new != old and len(new) == 19


def test_serve_refuses_a_data_folder_it_cannot_write(tmp_path: Path) -> None:
    """Does `serve` stop with one English line when the data folder cannot be used?"""
    result = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "serve", "--data", "/proc/wijwerken-test"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "/proc/wijwerken-test" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_programme_is_taken_into_an_existing_cohort_and_its_day_gets_a_pool(tmp_path: Path) -> None:
    """Does `cohort programme` store the training days of an existing cohort (people and codes untouched), so that
    the pools of that day follow from it?"""
    import datetime

    from wijwerken_widgets.app.web.pools import todays_pools
    from wijwerken_widgets.store import Store

    assert wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d").returncode == 0
    today = datetime.date.today().isoformat()
    with_days = tmp_path / "demo.yaml"
    with_days.write_text(DEMO.read_text(encoding="utf-8") + f"\nprogramma:\n  - {{dag: 2, datum: {today}}}\n",
                         encoding="utf-8")
    result = wijwerken("cohort", "programme", "demogemeente-2026", str(with_days), data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert f"Dag 2 on {today}" in result.stdout
    with Store.open(f"sqlite:///{tmp_path / 'd' / 'wijwerken.sqlite3'}") as store:
        (cohort,) = store.cohorts()
        assert cohort.settings["programma"] == [{"dag": 2, "datum": today}]
        assert len(store.people(cohort.id)) == 7
        assert [(a.action, a.object_id) for a in store.audit_lines()] == [("cohort_create", cohort.id),
                                                                          ("cohort_update", cohort.id)]
        workbooks = tmp_path / "workbooks"
        (workbooks / "demogemeente").mkdir(parents=True)
        for name in ("start.ipynb", "dag2.ipynb", "demogemeente/dag2.ipynb"):
            (workbooks / name).write_text("{}", encoding="utf-8")
        assert todays_pools(store, datetime.date.today(), workbooks, 60) == {
            "demogemeente/dag2.ipynb": 6, "start.ipynb": 2}  # the municipality's copy is what its people open
    unknown = wijwerken("cohort", "programme", "bestaat-niet", str(with_days), data=tmp_path / "d")
    assert unknown.returncode != 0 and "no cohort 'bestaat-niet'" in unknown.stderr
