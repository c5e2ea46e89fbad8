"""Bring the database schema to the newest revision with Alembic, from inside the package.

Kernels start per page view, so :func:`is_current` answers with one plain query and Alembic is only imported
when a migration is really needed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from wijwerken_widgets.store.backup import BackupError, copy_verified, utc_stamp
from wijwerken_widgets.store.engine import sqlite_path, writer

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0012"
MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
_PG_MIGRATION_LOCK = 0x77696A77  # any fixed number; serialises concurrent upgrades on PostgreSQL


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in ``alembic_version``, or ``None`` for a database without one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_current(engine: Engine) -> bool:
    """Whether the database is at :data:`HEAD_REVISION` (does not import Alembic)."""
    return current_revision(engine) == HEAD_REVISION


def alembic_config() -> Config:
    """An Alembic configuration pointing at the packaged migrations (no ``alembic.ini`` needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    """Migrate the database to head in one transaction that holds the write lock.

    Concurrent callers wait for each other; the second finds the database current and changes nothing.
    On SQLite, foreign keys are switched off during the migration (as SQLite's docs prescribe for table
    rebuilds, so a rebuild can never cascade) and checked before the commit.
    """
    from alembic import command

    config = alembic_config()
    with writer(engine).connect() as conn:
        raw = _sqlite_driver_connection(conn)
        sqlite = raw is not None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")  # only effective outside a transaction
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SET LOCAL lock_timeout = 0"))
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
                if sqlite:
                    _backup_before_upgrade(conn, engine)
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"migration left broken foreign keys: {problems[:5]}")
        finally:
            if raw is not None:
                try:
                    raw.execute("PRAGMA foreign_keys = ON")
                except sqlite3.Error:
                    conn.invalidate()  # never hand a connection without foreign keys back to the pool


def _sqlite_driver_connection(conn: Connection) -> sqlite3.Connection | None:
    """The ``sqlite3`` connection under ``conn`` on SQLite; None on other databases."""
    if conn.dialect.name != "sqlite":
        return None
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise RuntimeError(f"SQLite through an unexpected driver ({type(raw).__name__})")
    return raw


def _backup_before_upgrade(conn: Connection, engine: Engine) -> Path | None:
    """Copy an SQLite database that holds data at an older revision before migrating it.

    Runs while ``conn`` holds the write lock, so the copy is the state the migration starts from. The copy sits
    beside the database as ``<name>.backup-<old revision>-<UTC time>``, verified before it gets that name (see
    :func:`~wijwerken_widgets.store.backup.copy_verified`); returns its path (``None``: no copy needed). When no
    verified copy can be made, nothing is left behind and the upgrade is refused (:class:`BackupError`).
    """
    path = sqlite_path(engine)
    if path is None or not inspect(conn).has_table("alembic_version"):
        return None
    old = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if old is None or old == HEAD_REVISION:
        return None
    target = path.with_name(f"{path.name}.backup-{old}-{utc_stamp()}")
    try:
        copy = copy_verified(path, target)
        if copy.revision != old:
            target.unlink(missing_ok=True)
            raise BackupError(f"the copy is at revision {copy.revision}, not {old}")
    except BackupError as exc:
        raise BackupError(
            f"The upgrade of {path} was refused: no verified backup could be made first ({exc}). The database "
            "is unchanged. Free disk space or fix the folder's permissions, then run: wijwerken db upgrade"
        ) from exc
    return target
