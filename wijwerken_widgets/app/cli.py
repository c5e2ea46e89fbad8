"""The ``wijwerken`` command: ``serve`` the workbook, manage ``cohort``\\s, look after the ``db``.

Messages here are for trainers and administrators, in English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.people.cohorts import IssuedCode
    from wijwerken_widgets.store import Cohort, Person, Store


def _use_data_dir(data: Path | None) -> Path:
    """Make ``--data`` win over ``WIJWERKEN_HOME`` for this process and the kernels it starts."""
    if data is not None:
        os.environ["WIJWERKEN_HOME"] = str(data.expanduser().resolve())
    return paths.data_dir()


def _open_store(data_dir: Path, *, check_integrity: bool = False) -> Store:
    """Open the store, after refusing a data folder or an existing SQLite file that cannot be used safely
    (never a new database over an empty, damaged or read-only one)."""
    from wijwerken_widgets.store import Store
    from wijwerken_widgets.store.backup import check_database_file
    from wijwerken_widgets.store.engine import check_data_dir, integrity_check

    if (database := _sqlite_file()) is not None:
        check_data_dir(database.parent)
        check_database_file(database, integrity=check_integrity)
    store = Store.open()
    if check_integrity:
        integrity_check(store.engine)
    return store


def _print_codes(codes: Sequence[IssuedCode], *, title: str) -> None:
    print(f"\n{title}")
    width = max(len(c.naam) for c in codes)
    for c in codes:
        print(f"  {c.rol:<9} {c.naam:<{width}}  {c.groep or '':<16} {c.code}")
    print("  (Codes are shown once and stored only as hashes. Keep them safe.)\n")


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
    from wijwerken_widgets.pages.maanden import texts as maanden
    from wijwerken_widgets.pages.pechakucha import texts as pechakucha
    from wijwerken_widgets.pages.start import texts as start
    from wijwerken_widgets.shared import coaching
    from wijwerken_widgets.shared.logbook import texts as logboek
    from wijwerken_widgets.shared.stakeholders import texts as stakeholderkaart
    from wijwerken_widgets.ui import texts as algemeen

    files = [(m.FILE, m.load) for m in (algemeen, start, dag1, dag2, dag3, dag4, maanden, pechakucha, logboek,
                                              stakeholderkaart)]
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


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 trainer``, ``2 trainers``, ``0 deelnemers``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def _write_csv(codes: Sequence[IssuedCode], path: Path | None) -> None:
    from wijwerken_widgets.people.cohorts import write_codes_csv

    if path is not None and codes:
        write_codes_csv(codes, path)
        print(f"{plural(len(codes), 'code')} written to {path} (for a mail merge; delete it once the mails are sent).")


def cmd_cohort_create(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import create_cohort
    from wijwerken_widgets.people.settings import load_cohort_settings

    data_dir = _use_data_dir(args.data)
    settings = load_cohort_settings(args.file)
    store = _open_store(data_dir)
    try:
        codes = create_cohort(store, settings)
    finally:
        store.close()
    _print_codes(codes, title=f"Cohort '{settings.slug}' ({settings.naam}, {settings.gemeente}) created with "
                              f"{plural(len(settings.groepen), 'group')}, "
                              f"{plural(len(settings.trainers), 'trainer')} and "
                              f"{plural(len(settings.deelnemers), 'deelnemer')}:")
    _write_csv(codes, args.csv)
    return 0


def cmd_cohort_update(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import update_cohort
    from wijwerken_widgets.people.settings import load_cohort_settings

    data_dir = _use_data_dir(args.data)
    settings = load_cohort_settings(args.file)
    store = _open_store(data_dir)
    try:
        renamed = dict(_rename(pair) for pair in args.renamed)
        report = update_cohort(store, settings, remove_missing=args.remove_missing, renamed=renamed,
                               dry_run=args.dry_run)
    finally:
        store.close()
    if report.changes:
        done = "would change (dry run, nothing stored)" if args.dry_run else "updated"
        print(f"Cohort '{report.slug}' {done} ({plural(len(report.changes), 'change')}):")
        for line in report.changes:
            print(f"  {line}")
    else:
        print(f"Cohort '{report.slug}' already matches {args.file}: nothing {'to change' if args.dry_run else 'changed'}.")
    if report.added and not args.dry_run:
        title = ("Code of the person added:" if len(report.added) == 1
                 else f"Codes of the {len(report.added)} people added:")
        _print_codes(report.added, title=title)
        _write_csv(report.added, args.csv)
    if report.missing:
        print(f"Not in the file, kept: {', '.join(report.missing)}. To take "
              f"{'this person' if len(report.missing) == 1 else 'them'} out, run again with --remove-missing "
              f"or use: wijwerken cohort remove {report.slug} \"NAME\". Renamed? Run again with "
              "--renamed \"OLD NAME=NEW NAME\" (the login code stays).")
    if report.groups_not_in_file:
        print(f"Not in the file, kept (groups are never removed): {', '.join(report.groups_not_in_file)}.")
    return 0


def _rename(pair: str) -> tuple[str, str]:
    old, sep, new = pair.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise ValueError(f"--renamed takes \"OLD NAME=NEW NAME\", not {pair!r}")
    return old.strip(), new.strip()


def cmd_cohort_add_participant(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import add_participant

    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir)
    try:
        cohort = _cohort(store, args.cohort)
        code = add_participant(store, cohort, args.naam, args.groep, args.functie, args.gebruikersnaam)
    finally:
        store.close()
    _print_codes([code], title=f"{code.naam} added to group '{code.groep}' of cohort '{args.cohort}'. Add them to the "
                               "cohort file too, or the next 'wijwerken cohort update' reports them as missing.")
    _write_csv([code], args.csv)
    return 0


def cmd_cohort_remove(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import remove_person

    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir)
    try:
        person = remove_person(store, _cohort(store, args.cohort), args.name)
    finally:
        store.close()
    print(f"{person.name} is removed from cohort '{args.cohort}': their code and sessions no longer work. What "
          "they wrote stays (their group's work stays whole).")
    return 0


def cmd_cohort_assign_trainer(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import assign_trainer

    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir)
    try:
        cohort = _cohort(store, args.cohort)
        home = None if args.home is None else _cohort(store, args.home)
        trainer = assign_trainer(store, cohort, args.name, home=home, unassign=args.remove)
        own = store.cohort(trainer.cohort_id)
    finally:
        store.close()
    where = f"of cohort '{own.slug}'" if own else ""
    if args.remove:
        print(f"Trainer {trainer.name} {where} no longer sees the groups of cohort '{args.cohort}'.")
    else:
        print(f"Trainer {trainer.name} {where} now also sees the groups of cohort '{args.cohort}', with the same "
              "login code.")
    return 0


def _cohort(store: Store, slug: str) -> Cohort:
    """The cohort with ``slug``; an operator's error (exit) when there is none."""
    cohort = store.cohort_by_slug(slug)
    if cohort is None:
        raise SystemExit(f"error: no cohort '{slug}' (see: wijwerken cohort list)")
    return cohort


def cmd_cohort_programme(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.settings import load_cohort_settings

    data_dir = _use_data_dir(args.data)
    settings = load_cohort_settings(args.file)
    store = _open_store(data_dir)
    try:
        cohort = _cohort(store, args.cohort)
        dumped = settings.model_dump(mode="json")
        programme = dumped["programma"]
        store.set_cohort_settings(cohort.id, {**cohort.settings, "programma": programme,
                                              "terugkomritme": dumped["terugkomritme"]})
    finally:
        store.close()
    days = ", ".join(f"Dag {day['dag']} on {day['datum']}" for day in programme) or "no training days"
    print(f"Programme of '{args.cohort}': {days}. A running server picks it up at its next look (every ten minutes "
          "unless started with --pool-refresh).")
    return 0


def cmd_cohort_list(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import active_people

    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir)
    try:
        cohorts = store.cohorts()
        for cohort in cohorts:
            people = active_people(store, cohort)
            trainers = sum(p.role == "trainer" for p in people)
            line = (f"{cohort.slug:<28} {cohort.gemeente:<20} {plural(len(people) - trainers, 'deelnemer')}, "
                    f"{plural(trainers, 'trainer')}")
            if assigned := store.assigned_trainers(cohort.id):
                line += f" (also trained by: {', '.join(p.name for p in assigned)})"
            print(line)
        if not cohorts:
            print("No cohorts yet: wijwerken cohort create FILE")
    finally:
        store.close()
    return 0


def cmd_cohort_new_code(args: argparse.Namespace) -> int:
    from wijwerken_widgets.people.cohorts import find_person, reissue_all, reissue_code

    if args.all == (args.name is not None):
        print("error: name one person, or give --all (with --yes and --csv FILE)", file=sys.stderr)
        return 2
    if args.all and not (args.yes and args.csv):
        print("error: --all gives EVERYONE in the cohort a new code and their old code stops working. Codes are "
              "stored only as hashes, so this is the only way to list them again. Confirm with --yes and give "
              "--csv FILE for the mail merge.", file=sys.stderr)
        return 2
    data_dir = _use_data_dir(args.data)
    store = _open_store(data_dir)
    try:
        cohort = _cohort(store, args.cohort)
        if args.all:
            codes = reissue_all(store, cohort)
        else:
            person = find_person(store, cohort, args.name)
            codes = [_issued(store, person, reissue_code(store, person.id))]
    finally:
        store.close()
    if args.all:
        _print_codes(codes, title=f"New codes for the {plural(len(codes), 'person', 'people')} of cohort "
                                  f"'{args.cohort}' (every old code and login has stopped working):")
        _write_csv(codes, args.csv)
    else:
        print(f"New code for {person.name}: {codes[0].code}")
        print("  (Shown once and stored only as a hash; the old code and its logins no longer work.)")
        _write_csv(codes, args.csv)
    return 0


def _issued(store: Store, person: Person, code: str) -> IssuedCode:
    from wijwerken_widgets.people.cohorts import IssuedCode

    group = None if person.group_id is None else store.group(person.group_id)
    return IssuedCode(person.name, "trainer" if person.role == "trainer" else "deelnemer",
                      None if group is None else group.name, code)


def _secret_path() -> Path:
    """Where the secret of the login codes is (not what it is: the secret itself is never printed)."""
    from wijwerken_widgets.people.secret import secret_path

    return secret_path()


def _check_secret() -> None:
    """Read (or make) the secret of the login codes now: a damaged file stops the server at once, not each login."""
    from wijwerken_widgets.people.secret import code_secret

    code_secret()


def _sqlite_file() -> Path | None:
    """The SQLite database file of ``paths.database_url()``; ``None`` for a database server."""
    from sqlalchemy import make_url

    url = make_url(paths.database_url())
    if url.get_backend_name() != "sqlite" or not url.database or url.database.startswith((":", "file:")):
        return None
    return Path(url.database).expanduser().resolve()


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

    cohort = sub.add_parser(
        "cohort", help="create, update and list cohorts, add or remove people, issue codes, assign trainers",
        description="Codes are shown once, when they are issued, and stored only as hashes: they cannot be listed "
                    "again. A lost code is replaced with 'new-code'; 'new-code --all' replaces every code of a "
                    "cohort (e.g. for a new mail merge).")
    cohort_sub = cohort.add_subparsers(dest="cohort_command", required=True)
    csv_help = "also write the new codes to this CSV file for a mail merge (readable only by you)"
    create = cohort_sub.add_parser("create", help="create a cohort from a YAML settings file (all or nothing)")
    create.add_argument("file", type=Path)
    create.add_argument("--csv", type=Path, help=csv_help)
    create.add_argument("--data", type=Path, help=data_help)
    create.set_defaults(func=cmd_cohort_create)
    update = cohort_sub.add_parser(
        "update", help="apply a changed settings file to its cohort (same slug), all or nothing",
        description="Adds new groups and people (printing their codes once), updates the name, group, functie and "
                    "gebruikersnaam of people already there (matched by gebruikersnaam, else by name; see --renamed) "
                    "and the "
                    "cohort's name, programma, terugkomritme and vraagstukken. People missing from the file are "
                    "reported, and removed only with --remove-missing. Groups are never removed. Running it again "
                    "changes nothing. Tip: look first with --dry-run (a renamed person without gebruikersnaam would "
                    "otherwise come in as someone new: use --renamed).")
    update.add_argument("file", type=Path)
    update.add_argument("--remove-missing", action="store_true",
                        help="remove the people who are not in the file (they can no longer log in; what they "
                             "wrote stays)")
    update.add_argument("--renamed", action="append", default=[], metavar="OLD=NEW",
                        help="someone without a gebruikersnaam was renamed in the file: keep their login and work "
                             "(repeat for several people)")
    update.add_argument("--dry-run", action="store_true", help="only show what would change; store nothing")
    update.add_argument("--csv", type=Path, help=csv_help)
    update.add_argument("--data", type=Path, help=data_help)
    update.set_defaults(func=cmd_cohort_update)
    listing = cohort_sub.add_parser("list", help="list cohorts")
    listing.add_argument("--data", type=Path, help=data_help)
    listing.set_defaults(func=cmd_cohort_list)
    add = cohort_sub.add_parser("add-participant", help="add one deelnemer to a group, with a new code")
    add.add_argument("cohort", help="cohort slug")
    add.add_argument("--naam", required=True)
    add.add_argument("--groep", required=True, help="an existing group of the cohort")
    add.add_argument("--functie", required=True, choices=["medewerker", "leidinggevende", "OR-lid"])
    add.add_argument("--gebruikersnaam", help="JupyterHub user name (then no code is needed to log in)")
    add.add_argument("--csv", type=Path, help=csv_help)
    add.add_argument("--data", type=Path, help=data_help)
    add.set_defaults(func=cmd_cohort_add_participant)
    remove = cohort_sub.add_parser("remove", help="take someone out of a cohort (they can no longer log in; what "
                                                  "they wrote stays)")
    remove.add_argument("cohort", help="cohort slug")
    remove.add_argument("name", help="the person's name")
    remove.add_argument("--data", type=Path, help=data_help)
    remove.set_defaults(func=cmd_cohort_remove)
    new_code = cohort_sub.add_parser(
        "new-code", help="issue a new code for someone who lost theirs (or, with --all, for everyone)",
        description="Codes are stored only as hashes, so they cannot be shown again: this issues a NEW code (shown "
                    "once) and the old one stops working. --all does so for everyone in the cohort, which is the "
                    "only way to get a list of codes again; it needs --yes and --csv FILE.")
    new_code.add_argument("cohort", help="cohort slug")
    new_code.add_argument("name", nargs="?", help="the person's name as in the settings file")
    new_code.add_argument("--all", action="store_true", help="a new code for everyone in the cohort")
    new_code.add_argument("--yes", action="store_true", help="confirm --all")
    new_code.add_argument("--csv", type=Path, help=csv_help)
    new_code.add_argument("--data", type=Path, help=data_help)
    new_code.set_defaults(func=cmd_cohort_new_code)
    assign = cohort_sub.add_parser(
        "assign-trainer", help="let a trainer of another cohort also see this cohort's groups (same login)")
    assign.add_argument("cohort", help="slug of the cohort to assign the trainer to")
    assign.add_argument("name", help="the trainer's name")
    assign.add_argument("--from", dest="home", metavar="SLUG",
                        help="the trainer's own cohort (needed when trainers of several cohorts share the name)")
    assign.add_argument("--remove", action="store_true", help="take the assignment back")
    assign.add_argument("--data", type=Path, help=data_help)
    assign.set_defaults(func=cmd_cohort_assign_trainer)
    programme = cohort_sub.add_parser("programme", help="take the training days ('programma') and the check-in rhythm "
                                        "('terugkomritme') from a settings file")
    programme.add_argument("cohort", help="cohort slug")
    programme.add_argument("file", type=Path, help="the cohort's YAML settings file, with its 'programma'")
    programme.add_argument("--data", type=Path, help=data_help)
    programme.set_defaults(func=cmd_cohort_programme)

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
