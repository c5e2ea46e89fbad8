"""The SQLite database, its side files, its folder and its backups are private to the server's user."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.voila_server import ROOT
from wijwerken_widgets.store import Store

DB = "wijwerken.sqlite3"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_data_folder_and_database_are_private(tmp_path: Path) -> None:
    """Does `Store.open` on a new data folder create it 0700 and the database with -wal/-shm 0600?"""
    data = tmp_path / "data"
    with Store.open(f"sqlite:///{data / DB}") as store:
        store.add_cohort("eerste", "Eerstegemeente", "Eerste", {})
        files = [data / DB, data / f"{DB}-wal", data / f"{DB}-shm"]
        assert all(f.exists() for f in files)
        assert mode(data) == 0o700
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}


def test_an_open_folder_and_file_are_narrowed_with_a_log_line(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """Are an existing 0755 folder and 0644 database (and -wal) narrowed to 0700/0600, and is that logged?"""
    data = tmp_path / "data"
    Store.open(f"sqlite:///{data / DB}").close()
    data.chmod(0o755)
    (data / DB).chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="wijwerken"):
        Store.open(f"sqlite:///{data / DB}").close()
    assert mode(data) == 0o700 and mode(data / DB) == 0o600
    assert f"Folder {data} was mode 755; set it to 700" in caplog.text
    assert f"File {data / DB} was mode 644; set it to 600" in caplog.text


def test_a_backup_and_its_folder_are_private(tmp_path: Path) -> None:
    """Does `wijwerken db backup` write its copy 0600 into a backups/ folder that is 0700?"""
    data = tmp_path / "data"
    with Store.open(f"sqlite:///{data / DB}") as store:
        store.add_cohort("eerste", "Eerstegemeente", "Eerste", {})
    result = subprocess.run([sys.executable, "-m", "wijwerken_widgets", "db", "backup", "--data", str(data)],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    backups = data / "backups"
    [copy] = backups.iterdir()
    assert mode(backups) == 0o700 and mode(copy) == 0o600
