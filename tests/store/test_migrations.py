"""Schema creation and migrations."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import wijwerken_widgets
from wijwerken_widgets.store import Person, Store
from wijwerken_widgets.store.backup import BackupError
from wijwerken_widgets.store.migrate import HEAD_REVISION, MIGRATIONS_DIR, alembic_config, is_current, upgrade
from wijwerken_widgets.store.schema import metadata

TABLES = {"cohorts", "groups", "people", "sessions", "answers", "map_items", "conversation_items", "act_items", "logbook",
          "alembic_version"}


def test_open_creates_the_schema_in_an_empty_database(db_url: str) -> None:
    """Does opening an empty database create every table and record the head revision?"""
    with Store.open(db_url) as store:
        assert set(inspect(store.engine).get_table_names()) >= TABLES
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
                HEAD_REVISION
            ]
        assert is_current(store.engine)


def test_head_revision_constant_is_alembics_head() -> None:
    """Does HEAD_REVISION name the newest migration, so is_current() cannot miss a new one?"""
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrated_schema_matches_the_tables_module(store: Store) -> None:
    """Do the migrations create exactly what schema.py describes (no forgotten migration)?"""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_reopening_keeps_data_and_skips_alembic(db_url: str, person: Person) -> None:
    """Does a second open of a current database keep the answers and never import alembic (light kernels)?"""
    store = Store.open(db_url)
    store.save_answer(person.id, "dag1.probleem", "Te weinig tijd", base_id=None, client_id="tab-1")
    store.close()
    script = (
        "import sys\n"
        "from wijwerken_widgets.store import Store\n"
        f"store = Store.open({db_url!r})\n"
        f"print(store.latest_answer({person.id}, 'dag1.probleem').value)\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["Te weinig tijd", "False"]


def _open_and_count(url: str, start: Any) -> None:
    start.wait()
    with Store.open(url) as store:
        assert store.cohorts() == []


def test_kernels_opening_a_new_database_at_once_all_succeed(db_url: str) -> None:
    """When several kernels open the same empty database at the same moment, does every one of them work?"""
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(4)
    kernels = [ctx.Process(target=_open_and_count, args=(db_url, start)) for _ in range(4)]
    for kernel in kernels:
        kernel.start()
    for kernel in kernels:
        kernel.join(timeout=60)
    assert [kernel.exitcode for kernel in kernels] == [0, 0, 0, 0]
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_upgrading_a_current_database_changes_nothing(store: Store, person: Person) -> None:
    """Is running the migrations again on a database with data harmless?"""
    store.save_answer(person.id, "dag1.probleem", ["a", "b"], base_id=None, client_id="tab-1")
    upgrade(store.engine)
    assert store.latest_answer(person.id, "dag1.probleem").value == ["a", "b"]
    assert [c.slug for c in store.cohorts()] == ["demo"]


def test_migrations_ship_inside_the_package(tmp_path: Path) -> None:
    """Do migrations run from a lone copy of the package, as from an installed wheel (no checkout, no ini)?"""
    assert MIGRATIONS_DIR.is_relative_to(Path(wijwerken_widgets.__file__).parent)
    site = tmp_path / "site-packages"
    shutil.copytree(
        Path(wijwerken_widgets.__file__).parent,
        site / "wijwerken_widgets",
        ignore=shutil.ignore_patterns("__pycache__", "_bundled"),
    )
    db = tmp_path / "elsewhere" / "db.sqlite3"
    script = (
        "import wijwerken_widgets.store as s, sys\n"
        f"store = s.Store.open('sqlite:///{db}')\n"
        "print(s.__file__.startswith(sys.argv[1]), len(store.cohorts()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "0"]


def test_upgrading_an_older_sqlite_database_keeps_its_data_and_a_backup(tmp_path: Path) -> None:
    """Does a database from revision 0001 get a backup copy, then the new tables, with every answer kept?"""
    from alembic import command
    from sqlalchemy import create_engine

    db = tmp_path / "wijwerken.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO cohorts (slug, gemeente, name, settings, created_at) "
                          "VALUES ('oud', 'Oudegemeente', 'Oud', '{}', '2026-01-01 10:00:00')"))
    engine.dispose()
    with Store.open(f"sqlite:///{db}") as old:  # the upgrade happens here
        assert "map_items" in inspect(old.engine).get_table_names()
        assert [c.gemeente for c in old.cohorts()] == ["Oudegemeente"]
    backups = list(tmp_path.glob("wijwerken.sqlite3.backup-0001-*"))
    assert len(backups) == 1
    backup = create_engine(f"sqlite:///{backups[0]}")
    with backup.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        assert "map_items" not in inspect(conn).get_table_names()
    backup.dispose()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own 2 MB tmpfs, to fill up for real (needs root and mount; else the test is skipped)."""
    folder = tmp_path / "klein"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_backup_that_cannot_be_written_refuses_the_upgrade_and_leaves_no_file(small_disk: Path) -> None:
    """When the disk fills up while the pre-migration backup is written, is the upgrade refused with a clear
    message, no (partial) file left under a backup's name, and the database untouched at its old revision?"""
    from alembic import command
    from sqlalchemy import create_engine

    db = small_disk / "wijwerken.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        for n in range(200):
            conn.execute(text("INSERT INTO cohorts (slug, gemeente, name, settings, created_at) "
                              f"VALUES ('c{n}', '{'x' * 2000}', 'N', '{{}}', '2026-01-01 10:00:00')"))
    engine.dispose()
    filler = small_disk / "vol"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:  # take all free space, then give back a little less than the database needs
            handle.write(b"\0" * 4096)
    os.truncate(filler, filler.stat().st_size - 160 * 1024)  # room for -wal, -shm
    with pytest.raises(BackupError, match="upgrade of .* was refused: no verified backup"):
        Store.open(f"sqlite:///{db}")
    assert sorted(p.name for p in small_disk.iterdir() if "backup" in p.name or "partial" in p.name) == []
    filler.unlink()
    with Store.open(f"sqlite:///{db}") as store:  # with room again the upgrade happens, with its backup
        assert len(store.cohorts()) == 200
    assert len(list(small_disk.glob("wijwerken.sqlite3.backup-0003-*"))) == 1


def test_upgrading_from_0010_keeps_cohorts_and_their_ids_and_archives_none(tmp_path: Path) -> None:
    """Does migration 0011 keep every cohort, group and person with its id, leave them unarchived, and (SQLite) never
    give a deleted id again?"""
    from alembic import command
    from sqlalchemy import create_engine

    db = tmp_path / "wijwerken.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0010")
        conn.execute(text("INSERT INTO cohorts (id, slug, gemeente, name, settings, created_at) "
                          "VALUES (7, 'oud', 'Oudegemeente', 'Oud', '{}', '2026-01-01 10:00:00')"))
        conn.execute(text("INSERT INTO groups (id, cohort_id, name, vraagstuk) VALUES (3, 7, 'Groep', 'intern')"))
        conn.execute(text("INSERT INTO people (id, cohort_id, group_id, name, role, code_hash, created_at) "
                          "VALUES (9, 7, 3, 'Anna', 'deelnemer', 'h', '2026-01-01 10:00:00')"))
    engine.dispose()
    with Store.open(f"sqlite:///{db}") as store:
        [cohort] = store.cohorts()
        assert (cohort.id, cohort.slug, cohort.archived_at) == (7, "oud", None)
        assert [(p.id, p.group_id, p.name) for p in store.people(7)] == [(9, 3, "Anna")]
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM people WHERE id = 9"))
        assert store.add_person(7, "Bram", "deelnemer", "h2", group_id=3).id == 10
