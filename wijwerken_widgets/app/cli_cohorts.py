"""``wijwerken cohort ...``: create, update and list cohorts, add and remove people, issue codes, assign trainers.

Messages are for trainers and administrators, in English. Codes are shown once and stored only as hashes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.app.cli_common import open_store as _open_store
from wijwerken_widgets.app.cli_common import plural
from wijwerken_widgets.app.cli_common import print_codes as _print_codes
from wijwerken_widgets.app.cli_common import use_data_dir as _use_data_dir
from wijwerken_widgets.app.cli_common import write_csv as _write_csv
from wijwerken_widgets.app.cli_retention import add_archive_commands

if TYPE_CHECKING:
    from wijwerken_widgets.people.cohorts import IssuedCode
    from wijwerken_widgets.store import Cohort, Person, Store


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
    from wijwerken_widgets.people.cohort_update import update_cohort
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
        keys = ("traject", "start", "programma", "terugkomritme", "bewaren")
        store.set_cohort_settings(cohort.id, {**cohort.settings, **{key: dumped[key] for key in keys}})
        store.audit("cohort_update", "cohort", cohort.id, origin="cli", cohort_id=cohort.id)
    finally:
        store.close()
    named = [(f"Dag {day['dag']}" if day["dag"] else day["stap"], day["datum"]) for day in programme]
    days = ", ".join(f"{name} on {when}" for name, when in named) or "no dates"
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
            if cohort.archived_at is not None:
                line += f" [archived {cohort.archived_at:%Y-%m-%d}]"
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


def add_cohort_commands(sub: Any, data_help: str) -> None:
    """The ``cohort`` group of the ``wijwerken`` parser (``sub``: its subparsers)."""
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
    programme = cohort_sub.add_parser("programme", help="take the trajectory ('traject', 'start'), its dates ('programma') "
                                        "the check-in rhythm ('terugkomritme') and the retention dates ('bewaren') from a "
                                        "settings file")
    programme.add_argument("cohort", help="cohort slug")
    programme.add_argument("file", type=Path, help="the cohort's YAML settings file, with its 'programma'")
    programme.add_argument("--data", type=Path, help=data_help)
    programme.set_defaults(func=cmd_cohort_programme)
    add_archive_commands(cohort_sub, data_help)
