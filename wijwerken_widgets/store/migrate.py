"""Bring the database schema to the newest revision with Alembic, from inside the package.

Kernels start per page view, so :func:`is_current` answers with one plain query and Alembic is only imported
when a migration is really needed.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from wijwerken_widgets.store.engine import sqlite_path, writer

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0004"
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
    beside the database as ``<name>.backup-<old revision>-<UTC time>``; returns its path (``None``: no copy).
    """
    path = sqlite_path(engine)
    if path is None or not inspect(conn).has_table("alembic_version"):
        return None
    old = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if old is None or old == HEAD_REVISION:
        return None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{old}-{stamp}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
