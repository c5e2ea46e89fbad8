"""The ``wijwerken`` command: ``serve`` the workbook, manage ``cohort``\\s, look after the ``db``, ``privacy``
exports.

Messages here are for trainers and administrators, in English.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.app.check import add_check_parser, variants_ok
from wijwerken_widgets.app.cli_cohorts import add_cohort_commands
from wijwerken_widgets.app.cli_common import open_store as _open_store
from wijwerken_widgets.app.cli_common import plural
from wijwerken_widgets.app.cli_common import print_codes as _print_codes
from wijwerken_widgets.app.cli_common import sqlite_file as _sqlite_file
from wijwerken_widgets.app.cli_common import use_data_dir as _use_data_dir
from wijwerken_widgets.app.cli_privacy import add_privacy_commands
from wijwerken_widgets.app.variant_audit import record_variant_changes
from wijwerken_widgets.app.variant_copy import add_variant_parser
from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.people.cohorts import IssuedCode
    from wijwerken_widgets.store import Store


def _precompile() -> None:
    """Compile the package's bytecode once, so that no page kernel compiles it again (they start per page view).

    A wheel install already has it; an editable install or ``PYTHONDONTWRITEBYTECODE`` would not.
    """
    import compileall

    compileall.compile_dir(paths.PACKAGE_DIR, quiet=2)


def _check_content() -> None:
    """Validate the exercise files now (which also fills the content cache the page kernels read)."""
    from wijwerken_widgets.content import loader
    from wijwerken_widgets.pages.dag1 import texts as dag1
    from wijwerken_widgets.pages.dag2 import texts as dag2
    from wijwerken_widgets.pages.dag3 import texts as dag3
    from wijwerken_widgets.pages.dag3.plans_coaching import QUESTION_COACHING_FILE, load_question_coaching
    from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios
    from wijwerken_widgets.pages.dag4 import texts as dag4
    from wijwerken_widgets.pages.groepswerk import texts as groepswerk
    from wijwerken_widgets.pages.maanden import texts as maanden
    from wijwerken_widgets.pages.pechakucha import texts as pechakucha
    from wijwerken_widgets.pages.start import texts as start
    from wijwerken_widgets.pages.trainer import texts as trainer
    from wijwerken_widgets.shared import coaching
    from wijwerken_widgets.shared.logbook import texts as logboek
    from wijwerken_widgets.shared.stakeholders import texts as stakeholderkaart
    from wijwerken_widgets.ui import texts as algemeen

    files = [(m.FILE, m.load) for m in (algemeen, start, dag1, dag2, dag3, dag4, maanden, pechakucha, logboek,
                                              stakeholderkaart, trainer, groepswerk)]
    files.append((coaching.FILE, coaching.load_rules))
    for name, load in files:
        try:
            load()
        except loader.ContentError as exc:
            print(f"warning: pages using {name} will show an error until it is fixed:\n{exc}", file=sys.stderr)
    try:
        load_question_coaching()
    except loader.ContentError as exc:
        print(f"warning: Dag 3 shows no question coaching until {QUESTION_COACHING_FILE} is fixed:\n{exc}",
              file=sys.stderr)
    for problem in load_scenarios().problems:
        print(f"warning: this role-play scenario is left out until it is fixed:\n{problem}", file=sys.stderr)


def _add_example_group(store: Store) -> list[IssuedCode]:
    """The demo's filled example group (a broken example file is reported and left out, never stops the server)."""
    from wijwerken_widgets.app.example_group import add_example_group
    from wijwerken_widgets.content.loader import ContentError

    cohort = store.cohorts()[0]
    try:
        return add_example_group(store, cohort)
    except ContentError as exc:
        print(f"warning: the demo's example group is left out until this is fixed:\n{exc}", file=sys.stderr)
        return []


def cmd_serve(args: argparse.Namespace) -> int:
    from wijwerken_widgets.app.serve import run_voila
    from wijwerken_widgets.people.cohorts import ensure_demo_cohort

    data_dir = _use_data_dir(args.data)
    workbooks = (args.workbooks or paths.workbooks_dir()).expanduser().resolve()
    store = _open_store(data_dir, check_integrity=True)
    try:
        _check_secret()
        codes = None if args.no_demo else ensure_demo_cohort(store)
        if codes:
            codes += _add_example_group(store)
            _print_codes(codes, title="The store was empty, so the demo cohort 'Demogemeente' was created (start with "
                                      "--no-demo to leave it out). Log in with one of these codes:")
        elif cohorts := store.cohorts():
            print(f"The store holds {plural(len(cohorts), 'cohort')} ({', '.join(c.slug for c in cohorts)}). Codes "
                  "are shown only when they are issued; for a lost one: wijwerken cohort new-code COHORT \"NAME\"")
        else:
            print("The store holds no cohort yet: wijwerken cohort create FILE")
        municipalities = sorted({cohort.gemeente for cohort in store.cohorts()})
        if not variants_ok(municipalities):
            return 2
        record_variant_changes(store, data_dir, workbooks=workbooks)
    finally:
        store.close()
    print(f"Data folder: {data_dir}")
    print(f"Secret of the login codes: {_secret_path()} (back it up with the database; it is not in db backups)")
    _precompile()
    _check_content()
    if args.max_kernels is not None and args.max_kernels < 1:
        print("error: --max-kernels must be at least 1", file=sys.stderr)
        return 2
    if args.pool_refresh is not None and args.pool_refresh < 1:
        print("error: --pool-refresh must be at least 1 second", file=sys.stderr)
        return 2
    return run_voila(port=args.port, data_dir=data_dir, workbooks_dir=workbooks, max_kernels=args.max_kernels,
                     behind_proxy=args.behind_proxy, pool_refresh=args.pool_refresh)


def _secret_path() -> Path:
    """Where the secret of the login codes is (not what it is: the secret itself is never printed)."""
    from wijwerken_widgets.people.secret import secret_path

    return secret_path()


def _check_secret() -> None:
    """Read (or make) the secret of the login codes now: a damaged file stops the server at once, not each login."""
    from wijwerken_widgets.people.secret import code_secret

    code_secret()


PG_BACKUP = """The database is PostgreSQL (WIJWERKEN_DATABASE_URL), which wijwerken does not copy itself. Back it up
with pg_dump, using the URL without '+psycopg', e.g.:
  pg_dump --format=custom --file=wijwerken-$(date -u +%Y%m%dT%H%M%SZ).dump "postgresql://USER@HOST/DB"
and check the file with: pg_restore --list FILE"""
PG_RESTORE = """The database is PostgreSQL (WIJWERKEN_DATABASE_URL), which wijwerken does not restore itself. Stop
wijwerken serve, keep a dump of the current state (pg_dump, see: wijwerken db backup), then restore with e.g.:
  pg_restore --clean --if-exists --single-transaction --dbname="postgresql://USER@HOST/DB" FILE"""


def cmd_db_backup(args: argparse.Namespace) -> int:
    from wijwerken_widgets.store.backup import check_database_file, copy_verified, utc_stamp
    from wijwerken_widgets.store.engine import make_private_dir

    data_dir = _use_data_dir(args.data)
    if (database := _sqlite_file()) is None:
        print(PG_BACKUP)
        return 2
    if not database.exists():
        raise FileNotFoundError(f"There is no database at {database} to back up.")
    check_database_file(database, integrity=False)  # the copy itself is verified below
    target = (args.path or data_dir / "backups").expanduser().resolve()
    if args.path is None or target.is_dir():
        if args.path is None:
            make_private_dir(target)  # the data folder's backups/: only this user
        else:
            target.mkdir(parents=True, exist_ok=True)
        target = target / f"{database.stem}-{utc_stamp()}.sqlite3"
    if target.exists():
        raise FileExistsError(f"{target} already exists; wijwerken does not overwrite a backup.")
    copy = copy_verified(database, target)
    print(f"Backup written to {target} and verified: revision {copy.revision}, {sum(copy.rows.values())} rows "
          f"in {len(copy.rows)} tables.")
    print(f"The secret of the login codes, {_secret_path()}, is not in the backup: keep a copy of it elsewhere "
          "(without it no login code works after a restore).")
    return 0


def cmd_db_restore(args: argparse.Namespace) -> int:
    from wijwerken_widgets.store.backup import restore_database

    _use_data_dir(args.data)
    if (database := _sqlite_file()) is None:
        print(PG_RESTORE)
        return 2
    backup = args.path.expanduser().resolve()
    kept = restore_database(backup, database)
    print(f"Restored {database} from {backup} (verified).")
    if kept is not None:
        print(f"The database as it was is kept as {kept}.")
    print("Participants reload their pages to see the restored answers.")
    print(f"Login codes work only with the secret the backup was made with ({_secret_path()}).")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir, check_integrity=True)
    store.close()
    print("Database is up to date and passed the integrity check.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijwerken", description="Grip op Loslaten workbook (Wij-Werken).")
    sub = parser.add_subparsers(dest="command", required=True)
    data_help = "data folder (default: $WIJWERKEN_HOME or ~/.local/share/wijwerken)"

    serve = sub.add_parser("serve", help="start the workbook in Voilà on http://127.0.0.1:PORT")
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--data", type=Path, help=data_help)
    serve.add_argument("--workbooks", type=Path, help="folder of notebooks to serve (default: the shipped workbooks)")
    serve.add_argument("--no-demo", action="store_true",
                       help="never create the demo cohort (by default it is created when the store holds no cohort)")
    serve.add_argument("--behind-proxy", action="store_true",
                       help="the workbook is reached through a reverse proxy on this machine (e.g. nginx with TLS) "
                            "that sets X-Forwarded-For and X-Forwarded-Proto: use them for the client address of the "
                            "login limits and for the Secure flag of the session cookie")
    serve.add_argument("--pool-refresh", type=int, default=None, metavar="SECONDS",
                       help="how often to look at the cohorts' programmes for training days (default: 600)")
    serve.add_argument("--max-kernels", type=int, default=None, metavar="N",
                       help="most workbook pages open at once, for everyone together (default: 60, about 70 MiB "
                            "each); beyond it a page says it is busy")
    serve.set_defaults(func=cmd_serve)

    add_check_parser(sub)
    add_variant_parser(sub)
    add_cohort_commands(sub, data_help)
    add_privacy_commands(sub, data_help)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="migrate the database to the current schema and check it")
    upgrade.add_argument("--data", type=Path, help=data_help)
    upgrade.set_defaults(func=cmd_db_upgrade)
    backup = db_sub.add_parser("backup", help="write a verified copy of the SQLite database")
    backup.add_argument("path", type=Path, nargs="?",
                        help="file or folder for the copy (default: the data folder's backups/)")
    backup.add_argument("--data", type=Path, help=data_help)
    backup.set_defaults(func=cmd_db_backup)
    restore = db_sub.add_parser("restore", help="replace the SQLite database by a verified backup (keeps the old)")
    restore.add_argument("path", type=Path, help="the backup file")
    restore.add_argument("--data", type=Path, help=data_help)
    restore.set_defaults(func=cmd_db_restore)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.func
    try:
        return command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a trainer gets one clear line, not a traceback
        from wijwerken_widgets.core.yaml_files import ContentError
        from wijwerken_widgets.people.cohorts import CohortExists
        from wijwerken_widgets.store import StoreUnavailable
        from wijwerken_widgets.store.backup import BackupError

        if isinstance(exc, (ContentError, CohortExists, StoreUnavailable, BackupError, LookupError, ValueError,
                            OSError)):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
