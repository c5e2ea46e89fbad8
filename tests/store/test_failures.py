"""The store when the database is full, locked, unreachable or restarted."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from tests.support.unprivileged import as_nobody
from wijwerken_widgets.store import Person, Store, StoreUnavailable
from wijwerken_widgets.store.engine import make_engine


@contextmanager
def write_lock_held_elsewhere(db_url: str, person_id: int) -> Iterator[None]:
    """Another process's transaction that holds what a save of ``person_id`` needs."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        other = sqlite3.connect(url.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("SELECT id FROM people WHERE id = :id FOR UPDATE"), {"id": person_id})
        yield
    engine.dispose()


def test_full_sqlite_database_is_unavailable_and_recovers(tmp_path: Path) -> None:
    """When the disk is full, does a save raise StoreUnavailable ('vol'), and work again with room?"""
    store = Store.open(f"sqlite:///{tmp_path / 'full.sqlite3'}")
    cohort = store.add_cohort("c", "G", "N", {})
    anna = store.add_person(cohort.id, "Anna", "deelnemer", "h")
    with store.engine.connect() as conn:  # the pool's only connection: the one every save below uses
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 5}")
    saved = []
    with pytest.raises(StoreUnavailable) as raised:
        for n in range(100):
            saved.append(store.save_answer(anna.id, "k", f"{n} " + "x" * 3000, base_id=None, client_id="c"))
    assert raised.value.reason == "full"
    assert "vol" in raised.value.message and "Je tekst blijft staan" in raised.value.message
    assert isinstance(raised.value.__cause__, OperationalError)
    assert 0 < len(saved) < 100
    assert store.answer_history(anna.id, "k") == [s.version for s in saved]  # nothing half-written
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")
    assert (
        store.save_answer(anna.id, "k", "weer ruimte", base_id=None, client_id="c").version.value
        == "weer ruimte"
    )
    store.close()


def test_locked_database_is_unavailable_and_recovers(db_url: str, person: Person) -> None:
    """When another writer holds the lock too long, does a save raise StoreUnavailable, and work later?"""
    store = Store(make_engine(db_url, lock_timeout_ms=200))
    first = store.save_answer(person.id, "k", "voor", base_id=None, client_id="c")
    with write_lock_held_elsewhere(db_url, person.id):
        started = time.monotonic()
        with pytest.raises(StoreUnavailable) as raised:
            store.save_answer(person.id, "k", "tijdens", base_id=first.version.id, client_id="c")
        assert time.monotonic() - started < 5
        assert "niet bereikbaar" in raised.value.message
        assert store.latest_answer(person.id, "k").value == "voor"  # reading still works meanwhile
    after = store.save_answer(person.id, "k", "na", base_id=first.version.id, client_id="c")
    assert after.conflict is None
    assert [v.value for v in store.answer_history(person.id, "k")] == ["voor", "na"]
    store.close()


def test_unreachable_database_is_unavailable() -> None:
    """Does opening a database server that does not answer raise StoreUnavailable with a Dutch message?"""
    with pytest.raises(StoreUnavailable) as raised:
        Store.open("postgresql+psycopg://postgres@127.0.0.1:1/test")
    assert raised.value.message.startswith("Je gegevens konden niet worden geladen")
    assert "niet bereikbaar" in raised.value.message
    assert isinstance(raised.value.__cause__, OperationalError)


def test_unwritable_database_folder_is_unavailable() -> None:
    """Does a database path that cannot be created give StoreUnavailable instead of a crash?"""
    with pytest.raises(StoreUnavailable):
        Store.open("sqlite:////proc/wijwerken/db.sqlite3")


def test_store_survives_a_database_restart(db_url: str, person: Person) -> None:
    """After the server drops every connection (restart), does the next save work without reopening?"""
    store = Store.open(db_url)
    store.save_answer(person.id, "k", "voor", base_id=None, client_id="c")
    url = make_url(db_url)
    if url.get_backend_name() == "postgresql":
        admin = create_engine(url.difference_update_query(["options"]))
        with admin.begin() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :n AND pid <> pg_backend_pid()"
                ),
                {"n": url.query["application_name"]},
            ).scalar()
        admin.dispose()
        assert killed >= 1
    else:  # SQLite has no server: close the pooled connection behind SQLAlchemy's back instead
        with store.engine.connect() as conn:
            conn.connection.driver_connection.close()
    assert store.save_answer(person.id, "k", "na", base_id=None, client_id="c").version.value == "na"
    assert store.latest_answer(person.id, "k").value == "na"
    store.close()


READ_ONLY_SCRIPT = """
import os, sys
from wijwerken_widgets.store import Store, StoreUnavailable
db = sys.argv[1]
store = Store.open(f"sqlite:///{db}")
cohort = store.add_cohort("c", "G", "N", {})
anna = store.add_person(cohort.id, "Anna", "deelnemer", "h")
store.save_answer(anna.id, "k", "voor", base_id=None, client_id="c")
os.chmod(db, 0o444)
store.engine.dispose()  # the pool turns over: the next connection opens the file as it is now
try:
    store.save_answer(anna.id, "k", "tijdens", base_id=None, client_id="c")
    print("saved while read-only")
except StoreUnavailable as exc:
    print("unavailable", exc.reason)
for name in (db, db + "-wal", db + "-shm"):  # SQLite made its side files read-only like the database
    if os.path.exists(name):
        os.chmod(name, 0o644)
print(store.save_answer(anna.id, "k", "na", base_id=None, client_id="c").version.value)
print(",".join(v.value for v in store.answer_history(anna.id, "k")))
"""


def test_a_read_only_database_file_recovers_once_writable_again(tmp_path: Path) -> None:
    """Does one Store refuse saves while its SQLite file is read-only (reason ``read_only``) and save again as soon
    as the file is writable, without a restart?

    SQLite opens a file it may not write read-only, silently, and that connection stays read-only after the file
    is fixed (the fix: the database file and its ``-wal``/``-shm`` side files, which SQLite creates with the
    database's mode). The file is made read-only with chmod; root ignores file modes, so when the tests run as root the
    scenario runs in a child process as the unprivileged user ``nobody`` (a real permission check, no mocks)."""
    folder = Path(tempfile.mkdtemp(prefix="wijwerken-ro-"))  # tmp_path is not reachable for nobody
    try:
        result = subprocess.run(
            [*as_nobody(folder), sys.executable, "-c", READ_ONLY_SCRIPT, str(folder / "wijwerken.sqlite3")],
            capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2],
        )
    finally:
        shutil.rmtree(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["unavailable read_only", "na", "voor,na"]
