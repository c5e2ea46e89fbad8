"""What the ``wijwerken`` commands share: the data folder, opening the store safely, printing codes and counts."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.people.cohorts import IssuedCode
    from wijwerken_widgets.store import Store


def use_data_dir(data: Path | None) -> Path:
    """Make ``--data`` win over ``WIJWERKEN_HOME`` for this process and the kernels it starts."""
    if data is not None:
        os.environ["WIJWERKEN_HOME"] = str(data.expanduser().resolve())
    return paths.data_dir()


def open_store(data_dir: Path, *, check_integrity: bool = False) -> Store:
    """Open the store, after refusing a data folder or an existing SQLite file that cannot be used safely
    (never a new database over an empty, damaged or read-only one)."""
    from wijwerken_widgets.store import Store
    from wijwerken_widgets.store.backup import check_database_file
    from wijwerken_widgets.store.engine import check_data_dir, integrity_check

    if (database := sqlite_file()) is not None:
        check_data_dir(database.parent)
        check_database_file(database, integrity=check_integrity)
    store = Store.open()
    if check_integrity:
        integrity_check(store.engine)
    return store


def print_codes(codes: Sequence[IssuedCode], *, title: str) -> None:
    print(f"\n{title}")
    width = max(len(c.naam) for c in codes)
    for c in codes:
        print(f"  {c.rol:<9} {c.naam:<{width}}  {c.groep or '':<16} {c.code}")
    print("  (Codes are shown once and stored only as hashes. Keep them safe.)\n")


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 trainer``, ``2 trainers``, ``0 deelnemers``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def write_csv(codes: Sequence[IssuedCode], path: Path | None) -> None:
    from wijwerken_widgets.people.cohorts import write_codes_csv

    if path is not None and codes:
        write_codes_csv(codes, path)
        print(f"{plural(len(codes), 'code')} written to {path} (for a mail merge; delete it once the mails are sent).")


def sqlite_file() -> Path | None:
    """The SQLite database file of ``paths.database_url()``; ``None`` for a database server."""
    from sqlalchemy import make_url

    url = make_url(paths.database_url())
    if url.get_backend_name() != "sqlite" or not url.database or url.database.startswith((":", "file:")):
        return None
    return Path(url.database).expanduser().resolve()
