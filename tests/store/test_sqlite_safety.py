"""SQLite settings, concurrent writers, data-folder checks and the integrity check."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijwerken_widgets.store import Store
from wijwerken_widgets.store.engine import (
    DataDirError,
    IntegrityCheckError,
    check_data_dir,
    integrity_check,
    is_network_fstype,
    make_engine,
    mount_of,
    parse_mountinfo,
    writer,
)

SAMPLE_MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
95 27 0:50 / /srv/gedeeld rw,relatime shared:40 - nfs4 fileserver:/export/gedeeld rw,vers=4.2
96 95 0:51 / /srv/gedeeld/lokaal rw,relatime - ext4 /dev/vdb rw
97 27 0:52 / /mnt/afdeling\040sociaal\040domein rw,relatime - cifs //nas/sociaal rw,vers=3.0
98 27 0:53 / /home/trainer/remote rw,nosuid master:7 - fuse.sshfs trainer@host:/data rw,user_id=0
99 27 0:54 / /mnt/wsl rw - 9p drvfs rw
"""


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}"


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_url: str) -> None:
    """Are WAL, synchronous=FULL, a busy timeout and foreign keys really active on pooled connections?"""
    with Store.open(sqlite_url) as store:
        for _ in range(2):  # a second, separate connection too
            with store.engine.connect() as a, store.engine.connect() as b:
                for conn in (a, b):
                    values = [
                        conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                        for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
                    ]
                    assert values == ["wal", 2, 5000, 1]  # synchronous 2 is FULL


def test_write_transactions_take_the_write_lock_at_begin(sqlite_url: str) -> None:
    """Does a write transaction hold SQLite's write lock from BEGIN on (no deadlock on lock upgrade),
    while read transactions do not block writers?"""
    with Store.open(sqlite_url) as store:
        other = sqlite3.connect(store.engine.url.database, timeout=0, isolation_level=None)
        with store.engine.connect() as reader:
            reader.exec_driver_sql("SELECT count(*) FROM cohorts").scalar()
            other.execute("BEGIN IMMEDIATE")  # a read transaction leaves room for a writer
            other.execute("ROLLBACK")
        with writer(store.engine).begin(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def _save_many(url: str, person_id: int, client: str, count: int) -> None:
    with Store.open(url) as store:
        base = None
        for n in range(count):
            base = store.save_answer(
                person_id, "dag1.probleem", f"{client}-{n}", base_id=base, client_id=client
            )
            base = base.version.id


def test_two_processes_writing_lose_no_save(sqlite_url: str) -> None:
    """When two processes (two kernels) save to one SQLite file at the same time, is every save kept?"""
    with Store.open(sqlite_url) as store:
        cohort = store.add_cohort("c", "G", "N", {})
        anna = store.add_person(cohort.id, "Anna", "deelnemer", "h")
    ctx = multiprocessing.get_context("spawn")
    workers = [
        ctx.Process(target=_save_many, args=(sqlite_url, anna.id, name, 150))
        for name in ("laptop", "telefoon")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    with Store.open(sqlite_url) as store:
        values = [v.value for v in store.answer_history(anna.id, "dag1.probleem")]
    assert len(values) == 300
    for name in ("laptop", "telefoon"):
        assert [v for v in values if v.startswith(name)] == [f"{name}-{n}" for n in range(150)]


def test_check_data_dir_creates_a_missing_folder(tmp_path: Path) -> None:
    """Does check_data_dir create a missing data folder and accept it?"""
    folder = check_data_dir(tmp_path / "nieuw" / "data")
    assert folder.is_dir() and folder == (tmp_path / "nieuw" / "data").resolve()
    assert list(folder.iterdir()) == []  # the write test leaves nothing behind


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A real read-only folder: a read-only tmpfs when we may mount one, else /sys (writes always fail)."""
    target = tmp_path / "alleen-lezen"
    target.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(target)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield target if mounted else Path("/sys/kernel")
    finally:
        if mounted:
            subprocess.run(["umount", str(target)], check=True)


def test_check_data_dir_refuses_a_read_only_folder(read_only_dir: Path) -> None:
    """Does check_data_dir refuse a folder where nothing can be written, with a clear message?"""
    with pytest.raises(DataDirError, match="read-only|not writable"):
        check_data_dir(read_only_dir)
    with pytest.raises(DataDirError, match="Cannot create"):
        check_data_dir(read_only_dir / "wijwerken")


def test_mountinfo_parser_spots_network_filesystems() -> None:
    """Does the mountinfo parser find the mount of a path and recognise nfs, cifs, sshfs and 9p?"""
    mounts = parse_mountinfo(SAMPLE_MOUNTINFO + "garbage line\n")
    assert len(mounts) == 7
    cases = {
        "/srv/gedeeld/wijwerken": ("nfs4", True),
        "/srv/gedeeld/lokaal/wijwerken": ("ext4", False),
        "/srv/gedeeldx": ("ext4", False),
        "/mnt/afdeling sociaal domein/data": ("cifs", True),
        "/home/trainer/remote": ("fuse.sshfs", True),
        "/mnt/wsl/c/Users": ("9p", True),
        "/home/trainer/.local/share/wijwerken": ("ext4", False),
    }
    for path, (fstype, network) in cases.items():
        mount = mount_of(path, mounts)
        assert mount is not None and mount.fstype == fstype, path
        assert is_network_fstype(mount.fstype) is network, path


def test_check_data_dir_refuses_a_network_filesystem(tmp_path: Path) -> None:
    """When the data folder lies on an NFS mount, does check_data_dir refuse it and suggest PostgreSQL?"""
    mountinfo = f"27 1 254:0 / / rw - ext4 /dev/vda rw\n95 27 0:50 / {tmp_path} rw - nfs fs:/export rw\n"
    with pytest.raises(DataDirError, match="network filesystem.*nfs") as raised:
        check_data_dir(tmp_path / "data", mountinfo=mountinfo)
    assert "PostgreSQL" in str(raised.value)
    assert check_data_dir(tmp_path / "data", mountinfo="27 1 254:0 / / rw - ext4 /dev/vda rw\n").is_dir()


def _filled_database(path: Path) -> None:
    with Store.open(f"sqlite:///{path}") as store:
        cohort = store.add_cohort("c", "G", "N", {})
        anna = store.add_person(cohort.id, "Anna", "deelnemer", "h")
        for n in range(200):
            store.save_answer(anna.id, f"k{n % 7}", "tekst " * 50 + str(n), base_id=None, client_id="c")


def test_integrity_check_passes_on_a_good_database(tmp_path: Path) -> None:
    """Does the integrity check accept an intact database?"""
    _filled_database(tmp_path / "goed.sqlite3")
    engine = make_engine(f"sqlite:///{tmp_path / 'goed.sqlite3'}")
    integrity_check(engine)
    engine.dispose()


@pytest.mark.parametrize("offset", [4096 * 3, 0])
def test_integrity_check_fails_on_a_damaged_file(tmp_path: Path, offset: int) -> None:
    """Does the integrity check refuse a file with garbage in its pages or its header?"""
    good = tmp_path / "goed.sqlite3"
    _filled_database(good)
    damaged = tmp_path / "kapot.sqlite3"
    damaged.write_bytes(good.read_bytes())
    with damaged.open("r+b") as f:
        f.seek(offset)
        f.write(b"\xde\xad\xbe\xef" * 3 * 1024)
    engine = make_engine(f"sqlite:///{damaged}")
    with pytest.raises(IntegrityCheckError, match="is damaged"):
        integrity_check(engine)
    engine.dispose()
