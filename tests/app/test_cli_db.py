"""The command line and the database file: refusing unusable files, backups and restores (SQLite)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.support.unprivileged import as_nobody
from tests.support.voila_server import ROOT
from wijwerken_widgets.store import Store

DB = "wijwerken.sqlite3"


def wijwerken(*args: str, data: Path, prefix: tuple[str, ...] = (), env: dict[str, str] | None = None
              ) -> subprocess.CompletedProcess:
    """Run the command; ``serve`` is refused before it would start a server (a start ends in the timeout)."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "wijwerken_widgets", *args, "--data", str(data)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env,
    )


def filled(data: Path) -> Path:
    """A data folder with a real database holding one cohort ("eerste")."""
    data.mkdir(parents=True, exist_ok=True)
    with Store.open(f"sqlite:///{data / DB}") as store:
        store.add_cohort("eerste", "Eerstegemeente", "Eerste", {})
    return data / DB


def cohorts(database: Path) -> list[str]:
    with Store.open(f"sqlite:///{database}") as store:
        return [c.slug for c in store.cohorts()]


def damage(database: Path, offset: int) -> None:
    with database.open("r+b") as f:
        f.seek(offset)
        f.write(b"\xde\xad\xbe\xef" * 1024)


COMMANDS = [("serve",), ("db", "upgrade")]  # serve is refused before it would start a server


@pytest.mark.parametrize("command", COMMANDS, ids=["serve", "db upgrade"])
def test_an_empty_database_file_is_refused_not_replaced(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Does a 0-byte database file stop the command, without a new database (and demo codes) over it?"""
    data = tmp_path / "data"
    data.mkdir()
    (data / DB).touch()
    result = wijwerken(*command, data=data)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: The database file {data / DB} is empty (0 bytes)")
    assert "wijwerken db restore" in result.stderr and "Traceback" not in result.stderr
    assert (data / DB).stat().st_size == 0 and "Demo cohort" not in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=["serve", "db upgrade"])
@pytest.mark.parametrize("offset", [0, 4096 * 2], ids=["header", "pages"])
def test_a_damaged_database_file_is_refused_in_english(tmp_path: Path, command: tuple[str, ...], offset: int
                                                       ) -> None:
    """Does a damaged file stop the command with an English line that says so (not 'even niet bereikbaar')?"""
    database = filled(tmp_path / "data")
    for n in range(30):  # enough pages that page 3 holds data
        with Store.open(f"sqlite:///{database}") as store:
            store.add_cohort(f"c{n}", "G" * 500, "N", {"n": "x" * 500})
    damage(database, offset)
    before = database.read_bytes()
    result = wijwerken(*command, data=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: The database file {database} is ") or result.stderr.startswith(
        f"error: {database} is damaged"), result.stderr
    assert "damaged" in result.stderr and "wijwerken db restore" in result.stderr
    assert "niet bereikbaar" not in result.stderr and "Traceback" not in result.stderr
    assert database.read_bytes() == before


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside the test's tmp_path (which only root may enter), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="wijwerken-cli-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("command", COMMANDS, ids=["serve", "db upgrade"])
def test_a_read_only_database_file_is_refused(shared_dir: Path, command: tuple[str, ...]) -> None:
    """Does a database file the server's user may not write stop the command with an English line?"""
    database = filled(shared_dir / "data")
    prefix = as_nobody(shared_dir)
    database.chmod(0o444)
    result = wijwerken(*command, data=shared_dir / "data", prefix=tuple(prefix))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"error: The database file {database} is read-only")
    assert "chmod u+w" in result.stderr and "Traceback" not in result.stderr


def test_an_absent_database_is_still_created(tmp_path: Path) -> None:
    """Does `db upgrade` on a new data folder create the database as before?"""
    result = wijwerken("db", "upgrade", data=tmp_path / "nieuw")
    assert result.returncode == 0, result.stderr
    assert cohorts(tmp_path / "nieuw" / DB) == []


def test_backup_then_restore_brings_the_old_data_back(tmp_path: Path) -> None:
    """Data → `db backup` → change → `db restore`: is the old data back, and the changed state kept aside?"""
    database = filled(tmp_path / "data")
    made = wijwerken("db", "backup", str(tmp_path / "kopie.sqlite3"), data=tmp_path / "data")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Backup written to {tmp_path / 'kopie.sqlite3'} and verified: revision ")
    with Store.open(f"sqlite:///{database}") as store:
        store.add_cohort("later", "Latergemeente", "Later", {})
    restored = wijwerken("db", "restore", str(tmp_path / "kopie.sqlite3"), data=tmp_path / "data")
    assert restored.returncode == 0, restored.stderr
    assert cohorts(database) == ["eerste"]
    [kept] = (tmp_path / "data").glob(f"{DB}.before-restore-*")
    assert cohorts(kept) == ["eerste", "later"]
    assert f"kept as {kept}" in restored.stdout


def test_a_backup_holds_no_secret_of_the_login_codes_and_says_so(tmp_path: Path) -> None:
    """The secret beside the database (the default) stays out of `db backup`, which names where it is."""
    env = {k: v for k, v in os.environ.items() if k != "WIJWERKEN_SECRET_FILE"}
    data = tmp_path / "data"
    created = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "cohort", "create",
         str(ROOT / "exercises" / "cohorts" / "demogemeente.yaml"), "--data", str(data)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env,
    )
    assert created.returncode == 0, created.stderr
    secret = (data / "code-secret").read_bytes()
    made = wijwerken("db", "backup", data=data, env=env)
    assert made.returncode == 0, made.stderr
    assert f"The secret of the login codes, {data / 'code-secret'}, is not in the backup" in made.stdout
    [backup] = (data / "backups").iterdir()
    content = backup.read_bytes()
    assert secret not in content and secret.hex().encode() not in content


def test_backup_without_a_path_goes_to_the_backups_folder(tmp_path: Path) -> None:
    """Does `db backup` without a path write a dated, verified copy under the data folder's backups/?"""
    filled(tmp_path / "data")
    result = wijwerken("db", "backup", data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    [copy] = (tmp_path / "data" / "backups").glob("wijwerken-*.sqlite3")
    assert cohorts(copy) == ["eerste"]
    assert [p.name for p in (tmp_path / "data" / "backups").iterdir()] == [copy.name]  # no temporary left


@pytest.mark.parametrize("broken", ["empty", "damaged", "other"])
def test_restore_refuses_a_broken_backup_and_changes_nothing(tmp_path: Path, broken: str) -> None:
    """Is an empty, damaged or foreign backup refused, the database left as it was and nothing kept aside?"""
    database = filled(tmp_path / "data")
    backup = tmp_path / "kopie.sqlite3"
    if broken == "empty":
        backup.touch()
    elif broken == "damaged":
        shutil.copy(database, backup)
        damage(backup, 0)
    else:
        import sqlite3

        with sqlite3.connect(backup) as other:
            other.execute("CREATE TABLE iets (x)")
    result = wijwerken("db", "restore", str(backup), data=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {backup} is "), result.stderr
    assert "Traceback" not in result.stderr
    assert cohorts(database) == ["eerste"]
    assert list((tmp_path / "data").glob("*before-restore*")) == []


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_postgresql_gets_pg_dump_guidance(tmp_path: Path, command: str) -> None:
    """On PostgreSQL, do backup and restore explain pg_dump/pg_restore and exit 2 (nothing was copied)?"""
    env = {**os.environ, "WIJWERKEN_DATABASE_URL": "postgresql+psycopg://wijwerken@127.0.0.1:1/wijwerken"}
    args = ["db", command] + (["dump.file"] if command == "restore" else [])
    result = wijwerken(*args, data=tmp_path, env=env)
    assert result.returncode == 2
    assert ("pg_dump" if command == "backup" else "pg_restore") in result.stdout


def test_a_database_file_without_tables_yet_is_taken_as_new(tmp_path: Path) -> None:
    """Is an SQLite file that has no table at all (a first start cut short) set up as before, not refused?"""
    import sqlite3

    (tmp_path / "data").mkdir()
    with closing(sqlite3.connect(tmp_path / "data" / DB)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    result = wijwerken("db", "upgrade", data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert cohorts(tmp_path / "data" / DB) == []
