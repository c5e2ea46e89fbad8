"""Checked SQLite database files: the start-up check, verified copies (backup, pre-migration backup) and restore.

A copy is made with SQLite's online backup API into a temporary name beside its target, read back and verified
(``PRAGMA integrity_check`` ok, the Alembic revision readable, the same row count in every table as the source
had), synced to disk, and only then renamed to its final name. A copy that fails leaves no file behind. Messages
are in English, for the trainer or administrator.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm")
PRIVATE_FILE_MODE = 0o600  # the same as store.engine.PRIVATE_FILE_MODE


class DatabaseFileError(OSError):
    """The SQLite database file cannot be used as it is (message in English, says what to do)."""


class BackupError(RuntimeError):
    """A copy of the database could not be made or verified (message in English)."""


@dataclass(frozen=True)
class Snapshot:
    """What a verified database holds: its Alembic revision and the row count of every table."""

    revision: str | None
    rows: dict[str, int]


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def check_database_file(path: Path, *, integrity: bool = True) -> None:
    """Refuse an existing database file that is empty, not SQLite, read-only or (``integrity``) damaged.

    An absent file is fine: the store creates it. Nothing is written to the file.
    """
    if not path.exists():
        return
    restore = "Restore it from a backup (wijwerken db restore BACKUP) or move it away; see 'Runbook' in the README."
    if path.stat().st_size == 0:
        raise DatabaseFileError(
            f"The database file {path} is empty (0 bytes); wijwerken will not create a new database over it. "
            + restore
        )
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseFileError(f"The database file {path} is not an SQLite database (damaged?). " + restore)
    for name in [path, *(path.with_name(path.name + side) for side in SIDE_FILES)]:
        if name.exists() and not _writable(name):
            raise DatabaseFileError(
                f"The database file {name} is read-only; wijwerken could not save anything. Make it writable for "
                f"the user that runs wijwerken (e.g. chmod u+w {path}*) and start again."
            )
    if integrity:
        try:
            snapshot(path)
        except BackupError as exc:
            raise DatabaseFileError(f"{exc} " + restore) from exc


def _writable(path: Path) -> bool:
    try:
        with path.open("r+b"):
            return True
    except OSError:
        return False


def snapshot(path: Path) -> Snapshot:
    """Verify the database at ``path`` (read only) and say what it holds; raises :class:`BackupError`."""
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError(f"{path} is missing or empty (0 bytes).")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return _verified(conn, path)
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is damaged or not an SQLite database ({exc}).") from exc


def _verified(conn: sqlite3.Connection, path: Path) -> Snapshot:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged: {'; '.join(map(str, problems[:5]))}.")
    return _snapshot(conn, path)


def _snapshot(conn: sqlite3.Connection, path: Path) -> Snapshot:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    if not tables:  # an SQLite file without any table yet (a first start that was cut short): nothing to lose
        return Snapshot(None, {})
    if "alembic_version" not in tables:
        raise BackupError(f"{path} is not a wijwerken database (it has no schema revision).")
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    rows = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    return Snapshot(None if revision is None else str(revision[0]), rows)


def copy_verified(source: Path, target: Path) -> Snapshot:
    """Copy the database ``source`` (live or not) to ``target`` as described in the module docstring."""
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))  # private from the start
        with closing(sqlite3.connect(source, isolation_level=None)) as src:
            src.execute("BEGIN")  # one read snapshot for the counts and the copy
            expected = _snapshot(src, source)
            with closing(sqlite3.connect(partial)) as copy:
                src.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            src.execute("COMMIT")
        _fsync(partial)
        got = snapshot(partial)
        if got != expected:
            raise BackupError(f"the copy of {source} does not match it ({got} instead of {expected}).")
        os.replace(partial, target)
        _fsync(target.parent)
        return got
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Could not copy {source} to {target}: {exc}.") from exc
    finally:
        for name in [partial, *(partial.with_name(partial.name + side) for side in SIDE_FILES)]:
            name.unlink(missing_ok=True)


def restore_database(backup: Path, database: Path) -> Path | None:
    """Replace ``database`` by the verified ``backup``; the current file is kept first as
    ``<name>.before-restore-<UTC>`` (returned; ``None`` when there was no database)."""
    wanted = snapshot(backup)
    if wanted.revision is None:
        raise BackupError(f"{backup} is not a wijwerken database (it has no schema revision).")
    kept = None
    if database.exists():
        kept = database.with_name(f"{database.name}.before-restore-{utc_stamp()}")
        try:
            snapshot(database)
            healthy = True
        except BackupError:
            healthy = False
        if healthy:
            copy_verified(database, kept)
        else:  # damaged or empty: keep its bytes as they are, and start the restore from no file
            shutil.copy2(database, kept)
            os.chmod(kept, PRIVATE_FILE_MODE)
            for name in [database, *(database.with_name(database.name + side) for side in SIDE_FILES)]:
                name.unlink(missing_ok=True)
    if not database.exists():
        copy_verified(backup, database)
    else:  # in place, through SQLite, so connections that are open see the restored data, never a torn file
        try:
            with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(database)) as dst:
                src.backup(dst)
        except sqlite3.Error as exc:
            raise BackupError(f"Could not restore {backup} into {database}: {exc}.") from exc
    if snapshot(database) != wanted:
        raise BackupError(f"{database} does not match {backup} after the restore; the old file is kept as {kept}.")
    return kept


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
