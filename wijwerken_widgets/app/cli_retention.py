"""``wijwerken privacy retention``: archive and purge cohorts whose dates have passed (AVG: storage limitation).

For every cohort its retention dates (``content/retention.py``: the ``bewaren`` block of its settings, else defaults
from its programme): on or after the archive date it is archived (read-only), on or after the purge date every row of
it but the audit lines is deleted (``store/retention.py``) and a SQLite file is compacted. Idempotent, meant to be
scheduled (daily). ``wijwerken cohort archive``/``unarchive`` do the archiving by hand. Messages are for operators,
in English. See ``docs/privacy.md``.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.app.cli_common import open_store, use_data_dir

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort, Store


def _rows(counts: dict[str, int]) -> str:
    return ", ".join(f"{table} {count}" for table, count in counts.items() if count) or "no rows"


def _one(store: Store, cohort: Cohort, today: datetime.date, dry_run: bool, content: Any) -> tuple[str, bool]:
    """What retention does to one cohort (done unless ``dry_run``): a line to print, and whether it purged."""
    from wijwerken_widgets.content.retention import dates

    when = dates(cohort.settings, content)
    name = f"{cohort.slug} (cohort {cohort.id})"
    if when.archive is None or when.purge is None:
        return f"{name}: no dates, kept (give it a programme or a 'bewaren' block).", False
    plan = f"archive on {when.archive}, purge on {when.purge}"
    if when.purge <= today:
        if dry_run:
            return f"{name}: would purge ({_rows(store.purge_counts(cohort.id))}); {plan}.", False
        store.archive_cohort(cohort.id, origin="cli")
        counts = store.purge_cohort(cohort.id, origin="cli")
        return f"{name}: purged ({_rows(counts)}); only its audit lines are left.", True
    if when.archive <= today:
        if cohort.archived_at is not None:
            return f"{name}: archived since {cohort.archived_at:%Y-%m-%d}; {plan}.", False
        if dry_run:
            return f"{name}: would archive; {plan}.", False
        store.archive_cohort(cohort.id, origin="cli")
        return f"{name}: archived (read-only); {plan}.", False
    state = "archived by hand" if cohort.archived_at is not None else "in use"
    return f"{name}: {state}; {plan}.", False


def _compact(store: Store) -> bool:
    """Rebuild the SQLite file so freed pages keep no purged text; when the database is busy, say how to retry."""
    from wijwerken_widgets.store import StoreUnavailable

    try:
        store.compact()
    except StoreUnavailable:
        print("Warning: the database file could not be compacted now (busy), so freed pages may still hold purged "
              "text. Run 'wijwerken privacy retention --compact' again later.")
        return False
    return True


def cmd_privacy_retention(args: argparse.Namespace) -> int:
    from wijwerken_widgets.content import programme

    today = args.today or datetime.date.today()
    content = programme.load()
    store = open_store(use_data_dir(args.data))
    try:
        cohorts = store.cohorts()
        purged = False
        for cohort in cohorts:
            line, done = _one(store, cohort, today, args.dry_run, content)
            purged = purged or done
            print(line)
        compacted = _compact(store) if (purged or args.compact) and not args.dry_run else True
    finally:
        store.close()
    if not cohorts:
        print("No cohorts.")
    if args.dry_run:
        print(f"Dry run for {today}: nothing has changed.")
    return 0 if compacted else 1


def add_retention_command(privacy_sub: Any, data_help: str) -> None:
    """``wijwerken privacy retention`` (``privacy_sub``: the subparsers of the ``privacy`` group)."""
    retention = privacy_sub.add_parser(
        "retention", help="archive and purge the cohorts whose retention dates have passed (schedule it daily)",
        description="For every cohort: on or after its archive date it becomes read-only (people can still log in, "
                    "read and download their werkboek); on or after its purge date every row of it is deleted but "
                    "its audit lines. The dates are the 'bewaren' block of the cohort file, else a month after the "
                    "last step of its programme and twelve months after that. Running it again changes nothing.")
    retention.add_argument("--today", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD",
                           help="act as if it were this day (default: today)")
    retention.add_argument("--dry-run", action="store_true", help="only show what would be done")
    retention.add_argument("--compact", action="store_true",
                           help="also rebuild a SQLite file when nothing was purged (after a busy run)")
    retention.add_argument("--data", type=Path, help=data_help)
    retention.set_defaults(func=cmd_privacy_retention)


def cmd_cohort_archive(args: argparse.Namespace) -> int:
    archived = args.cohort_command == "archive"
    store = open_store(use_data_dir(args.data))
    try:
        cohort = store.cohort_by_slug(args.cohort)
        if cohort is None:
            raise LookupError(f"no cohort '{args.cohort}' (see: wijwerken cohort list)")
        changed = store.archive_cohort(cohort.id, origin="cli", archived=archived)
    finally:
        store.close()
    state = "archived (read-only)" if archived else "no longer archived (writable)"
    print(f"Cohort '{cohort.slug}' is {state}{'' if changed else ' already; nothing changed'}.")
    return 0


def add_archive_commands(cohort_sub: Any, data_help: str) -> None:
    """``wijwerken cohort archive`` and ``unarchive`` (``cohort_sub``: the subparsers of the ``cohort`` group)."""
    for name, text in (("archive", "make a cohort read-only now (people can still log in and read)"),
                       ("unarchive", "make an archived cohort writable again")):
        command = cohort_sub.add_parser(name, help=text)
        command.add_argument("cohort", help="cohort slug")
        command.add_argument("--data", type=Path, help=data_help)
        command.set_defaults(func=cmd_cohort_archive)
