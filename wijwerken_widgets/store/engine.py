"""Engine set-up and safety checks for the store's database.

SQLite gets WAL, ``synchronous=FULL``, a busy timeout and foreign keys on every connection; write
transactions start with ``BEGIN IMMEDIATE`` so that two writers never deadlock on a lock upgrade.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError

DEFAULT_LOCK_TIMEOUT_MS = 5000
DEFAULT_CONNECT_TIMEOUT_S = 5

# Filesystems on which SQLite's locking or durability cannot be trusted.
NETWORK_FSTYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "lustre", "afs",
        "davfs", "ncpfs", "coda", "gfs2", "ocfs2", "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs",
        "fuse.davfs2", "fuse.s3fs", "fuse.rclone", "fuse.gcsfuse", "fuse.smbnetfs", "fuse.rclonefs",
    }
)  # fmt: skip

_WRITE_OPTION = "wijwerken_write"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")

log = logging.getLogger("wijwerken")


class DataDirError(OSError):
    """The data folder cannot safely hold the SQLite database (message in English, for the trainer)."""


class IntegrityCheckError(OSError):
    """SQLite reports that the database file is damaged."""


def make_engine(url: str, *, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> Engine:
    """An engine for ``url`` with the store's connection settings (see module docstring).

    ``lock_timeout_ms`` bounds how long a statement waits for a lock (SQLite ``busy_timeout``, PostgreSQL
    ``lock_timeout``) before the store gives up and reports itself unavailable.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {}
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = DEFAULT_CONNECT_TIMEOUT_S
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)

        @event.listens_for(engine, "connect")
        def _on_pg_connect(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET lock_timeout = {int(lock_timeout_ms)}")
            dbapi_connection.commit()

        return engine
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over BEGIN from pysqlite (SQLAlchemy's documented recipe; Python 3.11 has no autocommit attr).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout_ms)}")
            _use_wal(cursor, lock_timeout_ms)
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _use_wal(cursor: Any, lock_timeout_ms: int) -> None:
    """Switch the database to WAL (kept in the file: once done, later connections only read it). Switching needs
    the file to itself, and SQLite answers "database is locked" at once instead of waiting while another connection
    creates the same new database: so try again until ``lock_timeout_ms`` has passed."""
    import sqlite3
    import time

    deadline = time.monotonic() + lock_timeout_ms / 1000
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)  # the other connection holds the file for a moment: look again shortly


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), but its transactions take SQLite's write lock up front.

    Use ``writer(engine).begin()`` for every transaction that writes; elsewhere it changes nothing.
    """
    return engine.execution_options(**{_WRITE_OPTION: True})


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a file-based SQLite engine, else ``None``."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if url.database.startswith("file:"):
        return None
    return Path(url.database)


@dataclass(frozen=True)
class Mount:
    """One line of ``/proc/self/mountinfo``."""

    mount_point: str
    fstype: str
    source: str
    options: str


def _unescape(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """Parse the text of ``/proc/self/mountinfo`` (see proc(5)); malformed lines are ignored."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields:
            continue
        sep = fields.index("-")
        if sep < 6 or len(fields) < sep + 3:
            continue
        mounts.append(
            Mount(
                mount_point=_unescape(fields[4]),
                fstype=fields[sep + 1],
                source=_unescape(fields[sep + 2]),
                options=fields[5],
            )
        )
    return mounts


def mount_of(path: str | os.PathLike[str], mounts: list[Mount]) -> Mount | None:
    """The mount that contains the absolute ``path``: the longest mount point, the last one when stacked."""
    target = os.path.normpath(os.fspath(path))
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best.mount_point)):
            best = mount
    return best


def is_network_fstype(fstype: str) -> bool:
    """Whether a filesystem type is a network or cluster filesystem."""
    return fstype in NETWORK_FSTYPES or fstype.split(".", 1)[0] in NETWORK_FSTYPES


def check_data_dir(path: str | os.PathLike[str], *, mountinfo: str | None = None) -> Path:
    """Create the data folder if needed and refuse read-only folders and network filesystems.

    ``mountinfo`` replaces the text of ``/proc/self/mountinfo`` (for tests). Returns the resolved folder.
    """
    folder = Path(path).expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Cannot create the data folder {folder}: {exc.strerror or exc}") from exc
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise DataDirError(
            f"The data folder {folder} is on a read-only filesystem; choose a writable folder."
        )
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:  # not Linux: no way to tell, so trust the folder
            mountinfo = ""
    mount = mount_of(folder, parse_mountinfo(mountinfo))
    if mount is not None and is_network_fstype(mount.fstype):
        raise DataDirError(
            f"The data folder {folder} is on a network filesystem ({mount.fstype} at {mount.mount_point}). "
            "SQLite cannot lock or sync files safely there; use a local disk, or set "
            "WIJWERKEN_DATABASE_URL to a PostgreSQL database."
        )
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-") as probe:
            probe.write(b"ok")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise DataDirError(f"The data folder {folder} is not writable: {exc.strerror or exc}") from exc
    return folder


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (mode 0700) or narrow an existing one that others can read, with a log line.

    A folder owned by another user or with the sticky bit (``/tmp``) is left as it is, with a warning.
    """
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True)
        return
    except FileExistsError:
        pass
    info = folder.stat()
    if not stat.S_IMODE(info.st_mode) & 0o077:
        return
    if info.st_uid != os.geteuid() or info.st_mode & stat.S_ISVTX:
        log.warning("The folder %s can be read by other users; wijwerken leaves it as it is "
                    "(not owned by this user, or shared). Keep the data folder private.", folder)
        return
    mode = stat.S_IMODE(info.st_mode)
    os.chmod(folder, mode & 0o700)
    log.warning("Folder %s was mode %o; set it to %o (only this user).", folder, mode, mode & 0o700)


def make_private_file(path: Path, *, quiet: bool = False) -> None:
    """Take away group and other access to ``path`` (if it exists): 0644 becomes 0600. Logged unless ``quiet``
    (a file just created)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        os.chmod(path, mode & 0o700)  # only the group and other bits go: a read-only file stays read-only
        if not quiet:
            log.warning("File %s was mode %o; set it to %o (only this user).", path, mode, mode & 0o700)


def make_private_database(database: Path, *, quiet: bool = False) -> None:
    """Keep an SQLite database private: its folder 0700 and the file with its ``-wal``/``-shm`` files 0600.

    ``quiet`` right after SQLite created the file (no log line for a mode nobody chose)."""
    make_private_dir(database.parent)
    for name in [database, *(database.with_name(database.name + side) for side in SQLITE_SIDE_FILES)]:
        make_private_file(name, quiet=quiet)


def integrity_check(engine: Engine) -> None:
    """Run SQLite's ``PRAGMA integrity_check``; raise :class:`IntegrityCheckError` unless it says ok."""
    if engine.url.get_backend_name() != "sqlite":
        return
    try:
        with engine.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    except DBAPIError as exc:
        raise IntegrityCheckError(
            f"The database {engine.url.database} is damaged or unreadable ({exc.orig}). "
            "Restore it from a backup before starting wijwerken."
        ) from exc
    if rows != ["ok"]:
        details = "; ".join(str(row) for row in rows[:5])
        raise IntegrityCheckError(
            f"The database {engine.url.database} is damaged: {details}. "
            "Restore it from a backup before starting wijwerken."
        )
