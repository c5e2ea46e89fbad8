"""``wijwerken privacy export``: everything the store holds about one person, in one zip (AVG: right of access).

The zip holds ``data.json`` (every row of every table that names the person or holds what they wrote, table by
table as ``store/personal.py`` reads them, with all versions; never a code hash or a session's token hash) and
``werkboek.html`` (their werkboek as the start page makes it). Making it is one audit line. Messages are for
operators, in English. ``wijwerken privacy erase`` erases one person (AVG: right to erasure; ``store/erase.py``)
and, on SQLite, rebuilds the database file so no freed page keeps their text; ``wijwerken privacy forget-name``
replaces a stakeholder's or resident's name in every version of a cohort's texts (``store/forget.py``). See
``docs/privacy.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.app.cli_common import open_store, use_data_dir
from wijwerken_widgets.app.cli_retention import add_retention_command

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort, Person, Store

FORMAT = "wijwerken-privacy-export/1"
DATA_FILE, WERKBOEK_FILE = "data.json", "werkboek.html"


def export_data(store: Store, person: Person) -> dict[str, Any]:
    """``data.json``: the person's rows per table, the context (cohort, group) and what was left out and why."""
    from wijwerken_widgets.pages.start.werkboek_export import PERSON_FIELDS
    from wijwerken_widgets.store.personal import CONTEXT_TABLES, OMITTED_COLUMNS, PERSON_TABLES

    cohort = store.cohort(person.cohort_id)
    group = store.group(person.group_id) if person.group_id is not None else None
    return {
        "format": FORMAT,
        "made_at": datetime.now(timezone.utc).isoformat(),
        "person_id": person.id,
        "context": {
            "cohort": None if cohort is None else {"id": cohort.id, "slug": cohort.slug, "gemeente": cohort.gemeente,
                                                   "name": cohort.name},
            "group": None if group is None else {"id": group.id, "name": group.name, "vraagstuk": group.vraagstuk},
        },
        "tables": store.personal_rows(person.id, person_fields=PERSON_FIELDS),
        "about_the_tables": PERSON_TABLES,
        "not_exported": {"tables": CONTEXT_TABLES,
                         "columns": {table: list(columns) for table, columns in OMITTED_COLUMNS.items()}},
    }


def werkboek_html(store: Store, person: Person) -> bytes:
    """The person's werkboek as one web page, as the start page's "Je werkboek" makes it."""
    from wijwerken_widgets.pages.start import texts, werkboek_export, werkboek_render
    from wijwerken_widgets.ui import texts as common_texts

    words = texts.load().werkboek
    navigation = [(p.workbook, p.name) for p in common_texts.load().navigation.pages]
    return werkboek_render.to_html(werkboek_export.collect(store, person, words, navigation), words)


def write_export(store: Store, person: Person, out: Path) -> Path:
    """Write the zip to ``out`` (never over an existing file; readable by its owner only) and record it in the
    audit trail."""
    data = json.dumps(export_data(store, person), ensure_ascii=False, indent=1).encode("utf-8")
    page = werkboek_html(store, person)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with open(fd, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DATA_FILE, data)
            archive.writestr(WERKBOEK_FILE, page)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    store.audit("export", "person", person.id, origin="cli", cohort_id=person.cohort_id)
    return out


def find_person(store: Store, cohort: Cohort, name: str) -> Person:
    """The cohort's person called ``name``, removed people included (case and invisible characters ignored)."""
    from wijwerken_widgets.people.cohorts import same_name

    matches = [p for p in store.people(cohort.id) if same_name(p.name) == same_name(name)]
    if not matches:
        raise LookupError(f"Nobody called '{name}' in cohort '{cohort.slug}' (see: wijwerken cohort list).")
    if len(matches) > 1:
        ids = ", ".join(str(p.id) for p in matches)
        raise LookupError(f"{len(matches)} people called '{name}' in cohort '{cohort.slug}' (ids {ids}): use --id.")
    return matches[0]


def cmd_privacy_export(args: argparse.Namespace) -> int:
    if (args.id is None) == (args.name is None):
        raise ValueError("name one person: COHORT \"NAME\", or COHORT --id N")
    data_dir = use_data_dir(args.data)
    store = open_store(data_dir)
    try:
        cohort = store.cohort_by_slug(args.cohort)
        if cohort is None:
            raise LookupError(f"no cohort '{args.cohort}' (see: wijwerken cohort list)")
        person = find_person(store, cohort, args.name) if args.id is None else store.person(args.id)
        if person is None or person.cohort_id != cohort.id:
            raise LookupError(f"no person with id {args.id} in cohort '{cohort.slug}'")
        out = args.out or Path(f"privacy-{cohort.slug}-{person.id}-{date.today().isoformat()}.zip")
        if out.exists():
            raise FileExistsError(f"{out} already exists; choose another --out (an export is never overwritten).")
        write_export(store, person, out)
    finally:
        store.close()
    print(f"Everything stored about {person.name} (person {person.id}) is in {out}: {DATA_FILE} (every table, "
          f"every version) and {WERKBOEK_FILE}. It holds personal data: hand it over securely and delete your copy.")
    return 0


def _erase_target(store: Store, cohort: Cohort, args: argparse.Namespace) -> Person | None:
    """The person to erase; ``None`` when nobody of that name is left (erased already: the name is gone)."""
    from wijwerken_widgets.people.cohorts import same_name

    if args.id is not None:
        person = store.person(args.id)
        if person is None or person.cohort_id != cohort.id:
            raise LookupError(f"no person with id {args.id} in cohort '{cohort.slug}'")
        return person
    if not [p for p in store.people(cohort.id) if same_name(p.name) == same_name(args.name)]:
        return None
    return find_person(store, cohort, args.name)


def _counts(counts: dict[str, int]) -> str:
    return "\n".join(f"  {table}: {count}" for table, count in counts.items() if count)


def _compact(store: Store) -> None:
    """Rebuild the SQLite file so freed pages keep no erased text; when the database is busy, say how to retry."""
    from wijwerken_widgets.store import StoreUnavailable

    try:
        store.compact()
    except StoreUnavailable:
        print("Warning: the database file could not be compacted now (busy), so freed pages may still hold erased "
              "text. Run the same command with --yes again later to compact it.")


def _free_text() -> dict[tuple[str, str], tuple[str, ...]]:
    """The typed-text fields of every kind of shared item, from the pages' key registries."""
    from wijwerken_widgets.pages import registries
    from wijwerken_widgets.store.erase import free_text_fields

    return free_text_fields((kind.space, kind.kind, kind.free_text) for r in registries() for kind in r.items)


def cmd_privacy_erase(args: argparse.Namespace) -> int:
    from wijwerken_widgets.pages.start.werkboek_export import PERSON_FIELDS
    from wijwerken_widgets.ui import texts

    if (args.id is None) == (args.name is None):
        raise ValueError("name one person: COHORT \"NAME\", or COHORT --id N")
    store = open_store(use_data_dir(args.data))
    try:
        cohort = store.cohort_by_slug(args.cohort)
        if cohort is None:
            raise LookupError(f"no cohort '{args.cohort}' (see: wijwerken cohort list)")
        person = _erase_target(store, cohort, args)
        free_text = _free_text()
        counts = {} if person is None else store.erasure(person.id, person_fields=PERSON_FIELDS, free_text=free_text)
        if person is None or not any(counts.values()):
            print(f"Nothing to erase: {'nobody of that name' if person is None else f'person {person.id}'} in "
                  f"cohort '{cohort.slug}' holds personal data (erased already?).")
            if args.yes:
                _compact(store)  # finishes an erasure whose compaction could not run
            return 0
        if not args.yes:
            print(f"Would erase {person.name} (person {person.id}) from cohort '{cohort.slug}'; rows per table:\n"
                  f"{_counts(counts)}\nNothing has changed. Run again with --yes to erase (this cannot be undone).")
            return 0
        counts = store.erase_person(person.id, person_fields=PERSON_FIELDS, free_text=free_text,
                                    placeholder=texts.load().privacy.erased_text, origin="cli")
        _compact(store)
    finally:
        store.close()
    print(f"Erased person {person.id} from cohort '{cohort.slug}'; rows per table:\n{_counts(counts)}\n"
          "Their group's shared work stays, under 'verwijderde deelnemer', with their texts in it replaced. "
          "Remove them from the cohort file too, "
          "and mind the backups (see docs/privacy.md).")
    return 0


def cmd_privacy_forget_name(args: argparse.Namespace) -> int:
    """Show (without ``--yes``) or remove (with it) every use of a name in the cohort's texts; ``store/forget.py``."""
    from wijwerken_widgets.ui import texts as common_texts

    replacement = common_texts.load().privacy.removed_name
    store = open_store(use_data_dir(args.data))
    try:
        cohort = store.cohort_by_slug(args.cohort)
        if cohort is None:
            raise LookupError(f"no cohort '{args.cohort}' (see: wijwerken cohort list)")
        if not args.yes:
            uses = store.name_uses(cohort.id, args.name)
        else:
            uses = store.forget_name(cohort.id, args.name, replacement, origin="cli")
            _compact(store)
    finally:
        store.close()
    totals: dict[str, int] = {}
    for use in uses:
        totals[use.table] = totals.get(use.table, 0) + use.versions
    lines = "\n".join(f"  {table}: {total}" + "".join(
        f"\n    group {u.group_id if u.group_id is not None else '-'}, {u.kind}: {u.items} item(s), {u.versions} version(s)"
        for u in uses if u.table == table) for table, total in totals.items()) or "  (none)"
    if not args.yes:
        print(f"Versions in cohort '{cohort.slug}' that hold the name, per table:\n{lines}\nNothing has changed. "
              f"Run again with --yes to replace it with '{replacement}' in every version (privé logboek included).")
    else:
        print(f"Replaced the name with '{replacement}' in cohort '{cohort.slug}'; versions per table:\n{lines}\n"
              "Pages still open show the old text until reloaded, and a save from one can write it back: run "
              "this again after the training day. Mind the backups (see docs/privacy.md).")
    return 0


def add_privacy_commands(sub: Any, data_help: str) -> None:
    """The ``privacy`` group of the ``wijwerken`` parser (``sub``: its subparsers)."""
    privacy = sub.add_parser("privacy", help="AVG: export or erase what is stored about a person (see docs/privacy.md)")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", required=True)
    export = privacy_sub.add_parser(
        "export", help="write everything stored about one person to a zip (data.json and werkboek.html)",
        description="Writes one zip with every row of every table that names the person or holds what they wrote "
                    "(all versions, privé logboek entries included; never code or session hashes) and their "
                    "werkboek as a web page. Recorded in the audit trail.")
    export.add_argument("cohort", help="cohort slug")
    export.add_argument("name", nargs="?", help="the person's name (removed people too)")
    export.add_argument("--id", type=int, help="the person's id instead of the name")
    export.add_argument("--out", type=Path, help="the zip to write (default: privacy-SLUG-ID-DATE.zip here)")
    export.add_argument("--data", type=Path, help=data_help)
    export.set_defaults(func=cmd_privacy_export)
    erase = privacy_sub.add_parser(
        "erase", help="erase one person: their answers, logboek, sessions and name (asks for --yes)",
        description="Deletes the person's answers and logboek entries (every version), sessions and signals, and "
                    "takes their name, functie, user name and code out of the store, in one transaction. Their "
                    "group's shared items stay, re-pointed to 'verwijderde deelnemer'. Without --yes it only "
                    "prints what would be erased. Recorded in the audit trail (ids only).")
    erase.add_argument("cohort", help="cohort slug")
    erase.add_argument("name", nargs="?", help="the person's name (removed people too)")
    erase.add_argument("--id", type=int, help="the person's id instead of the name")
    erase.add_argument("--yes", action="store_true", help="really erase (without it: only show what would go)")
    erase.add_argument("--data", type=Path, help=data_help)
    erase.set_defaults(func=cmd_privacy_erase)
    forget = privacy_sub.add_parser(
        "forget-name", help="remove a stakeholder's or resident's name from every version of a cohort's texts",
        description="Replaces the name (case, spacing and invisible characters ignored; whole names only) in every "
                    "version of the cohort's group work, answers and logboek entries (privé too). Without --yes "
                    "it only counts. Recorded in the audit trail (never the name).")
    forget.add_argument("cohort", help="cohort slug")
    forget.add_argument("name", help="the name to remove (at least 3 letters)")
    forget.add_argument("--yes", action="store_true", help="really replace it (without it: only count)")
    forget.add_argument("--data", type=Path, help=data_help)
    forget.set_defaults(func=cmd_privacy_forget_name)
    add_retention_command(privacy_sub, data_help)
