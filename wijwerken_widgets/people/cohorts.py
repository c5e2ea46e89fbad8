"""Cohorts in the store: create one from validated settings and update it from a changed file, add and remove
people, issue personal codes, assign trainers to several cohorts, and the demo cohort.

Every change to a cohort is worked out here and stored in one transaction (``store/roster.py``): a failure
half-way stores nothing. People in a file are matched to the stored ones by ``gebruikersnaam`` when both have one,
else by name (ignoring case and invisible characters); see ``exercises/cohorts/README.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wijwerken_widgets.core import paths
from wijwerken_widgets.core.text import for_comparison
from wijwerken_widgets.people.codes import hash_code, new_code
from wijwerken_widgets.people.secret import code_secret
from wijwerken_widgets.people.settings import CohortSettings, Deelnemer, Trainer, load_cohort_settings

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort, Person, Store
    from wijwerken_widgets.store.roster import RosterChange

DEMO_COHORT_FILE = Path("cohorts") / "demogemeente.yaml"
CSV_DELIMITER = ";"  # what Excel with Dutch regional settings expects
CSV_ENCODING = "utf-8-sig"  # the byte-order mark makes Excel read UTF-8 (é, ë, ...) correctly


class CohortExists(Exception):
    """A cohort with this slug is already in the store."""


@dataclasses.dataclass(frozen=True)
class IssuedCode:
    """A personal code handed out once, to print or mail; the store keeps only its hash."""

    naam: str
    rol: Literal["deelnemer", "trainer"]
    groep: str | None
    code: str


def create_cohort(store: Store, settings: CohortSettings) -> list[IssuedCode]:
    """Add the cohort, its groups, trainers and deelnemers, each person with a fresh code, in one transaction (a
    failure half-way stores nothing).

    Raises ``CohortExists`` if the slug is taken. Returns the plain codes, which are not stored anywhere.
    The secret of the code hashes is read (or made) first, so a damaged secret file stops before anything is stored.
    """
    from sqlalchemy.exc import IntegrityError

    from wijwerken_widgets.store.roster import NewCohort, RosterChange

    code_secret()
    slug = settings.slug
    assert slug is not None, "CohortSettings always fills in the slug"
    exists = CohortExists(
        f"There is already a cohort '{slug}'. Choose another 'slug' in the cohort file, or change the existing "
        f"cohort with: wijwerken cohort update FILE"
    )
    if store.cohort_by_slug(slug) is not None:
        raise exists
    change = RosterChange(new_cohort=NewCohort(slug, settings.gemeente, settings.naam),
                          settings=settings.model_dump(mode="json"),
                          new_groups=[(g.naam, g.vraagstuk) for g in settings.groepen])
    issued = _add_from_settings(store, change, settings.trainers, settings.deelnemers)
    try:
        store.apply_roster(change)
    except IntegrityError as exc:
        if store.cohort_by_slug(slug) is not None:  # created by another process in between
            raise exists from exc
        raise CohortUpdateError(f"Cohort '{slug}' was not created (nothing was stored): {_clash(exc)}") from exc
    return issued


class CohortUpdateError(ValueError):
    """A cohort change that cannot be applied; nothing of it was stored."""


def _clash(exc: Exception) -> str:
    """What a refused write clashed with, in words an operator can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "hub_user" in text:
        return "a 'gebruikersnaam' in the file is already used by someone (in this or another cohort)"
    if "code_hash" in text:
        return "a new code clashed with one in use; run the command again"
    return str(getattr(exc, "orig", exc))


def _add_from_settings(store: Store, change: RosterChange, trainers: Iterable[Trainer],
                       deelnemers: Iterable[Deelnemer]) -> list[IssuedCode]:
    """Put each person into ``change.new_people`` with a fresh code; return the codes."""
    from wijwerken_widgets.store.roster import NewPerson

    issued: list[IssuedCode] = []
    for trainer in trainers:
        code = _unused_code(store)
        change.new_people.append(NewPerson(trainer.naam, "trainer", hash_code(code), hub_user=trainer.gebruikersnaam))
        issued.append(IssuedCode(trainer.naam, "trainer", None, code))
    for deelnemer in deelnemers:
        code = _unused_code(store)
        change.new_people.append(NewPerson(deelnemer.naam, "deelnemer", hash_code(code), group=deelnemer.groep,
                                           functie=deelnemer.functie, hub_user=deelnemer.gebruikersnaam))
        issued.append(IssuedCode(deelnemer.naam, "deelnemer", deelnemer.groep, code))
    return issued


def write_codes_csv(codes: Iterable[IssuedCode], path: Path | str) -> None:
    """Write the codes for a mail merge: columns naam;rol;groep;code, UTF-8 with BOM, ``;`` separated.

    The file holds secrets, so it is created readable for its owner only.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER)
        writer.writerow(["naam", "rol", "groep", "code"])
        for item in codes:
            writer.writerow([item.naam, item.rol, item.groep or "", item.code])


def demo_cohort_settings() -> CohortSettings:
    """The shipped Demogemeente cohort settings."""
    return load_cohort_settings(paths.exercises_dir() / DEMO_COHORT_FILE)


def ensure_demo_cohort(store: Store) -> list[IssuedCode] | None:
    """Create the Demogemeente cohort in an empty store (no cohort at all); return its codes, or None when the store
    already holds a cohort (the demo or a real one)."""
    settings = demo_cohort_settings()
    assert settings.slug is not None
    if store.cohorts():
        return None
    try:
        return create_cohort(store, settings)
    except CohortExists:  # created by another process in between
        return None


def add_person_with_code(store: Store, cohort_id: int, naam: str, rol: Literal["deelnemer", "trainer"], *,
                         group_id: int | None = None, functie: str | None = None) -> IssuedCode:
    """Add one person to a cohort with a fresh code (e.g. the demo's example group); returns the code, once."""
    code = _unused_code(store)
    person = store.add_person(cohort_id, naam, rol, hash_code(code), group_id=group_id, functie=functie)
    group = None if person.group_id is None else store.group(person.group_id)
    return IssuedCode(naam, rol, None if group is None else group.name, code)


def reissue_code(store: Store, person_id: int) -> str:
    """Give a person a new code and return it; the old code and every browser logged in with it stop working.

    Raises ``LookupError`` if the person is unknown or removed.
    """
    from wijwerken_widgets.store.roster import RosterChange

    person = store.person(person_id)
    if person is None or person.removed_at is not None:
        raise LookupError(f"There is no person with id {person_id}.")
    code = _unused_code(store)
    store.apply_roster(RosterChange(cohort_id=person.cohort_id, new_codes=[(person_id, hash_code(code))]))
    return code


def reissue_all(store: Store, cohort: Cohort) -> list[IssuedCode]:
    """A new code for everyone in the cohort (not removed), in one transaction; every old code stops working.

    Codes are stored only as hashes, so this is the only way to export "the codes" again (e.g. for a mail merge).
    """
    from wijwerken_widgets.store.roster import RosterChange

    code_secret()
    groups = {g.id: g.name for g in store.groups(cohort.id)}
    change = RosterChange(cohort_id=cohort.id)
    issued: list[IssuedCode] = []
    for person in active_people(store, cohort):
        code = _unused_code(store)
        change.new_codes.append((person.id, hash_code(code)))
        issued.append(IssuedCode(person.name, _role(person), groups.get(person.group_id or -1), code))
    store.apply_roster(change)
    return issued


def _role(person: Person) -> Literal["deelnemer", "trainer"]:
    return "trainer" if person.role == "trainer" else "deelnemer"


def _same(name: str) -> str:
    """What two names must not share to be told apart (as the settings check: case and invisible characters)."""
    return for_comparison(name).strip().casefold()


def active_people(store: Store, cohort: Cohort) -> list[Person]:
    """The cohort's people who were not removed."""
    return [p for p in store.people(cohort.id) if p.removed_at is None]


def find_person(store: Store, cohort: Cohort, naam: str) -> Person:
    """The cohort's (not removed) person called ``naam`` (case and invisible characters ignored); ``LookupError``."""
    matches = [p for p in active_people(store, cohort) if _same(p.name) == _same(naam)]
    if not matches:
        raise LookupError(f"Nobody called '{naam}' in cohort '{cohort.slug}' (see: wijwerken cohort list).")
    return matches[0]


def add_participant(store: Store, cohort: Cohort, naam: str, groep: str, functie: str,
                    gebruikersnaam: str | None = None) -> IssuedCode:
    """Add one deelnemer to an existing group of the cohort, with a fresh code (returned once)."""
    from wijwerken_widgets.store.roster import NewPerson, RosterChange

    deelnemer = Deelnemer(naam=naam, groep=groep, functie=functie,  # pydantic checks the functie
                          gebruikersnaam=gebruikersnaam)
    groups = [g.name for g in store.groups(cohort.id)]
    if deelnemer.groep not in groups:
        raise LookupError(f"Cohort '{cohort.slug}' has no group '{deelnemer.groep}' (groups: {', '.join(groups)}).")
    if any(_same(p.name) == _same(deelnemer.naam) for p in active_people(store, cohort)):
        raise CohortUpdateError(f"There is already someone called '{deelnemer.naam}' in cohort '{cohort.slug}'.")
    code_secret()
    code = _unused_code(store)
    person = NewPerson(deelnemer.naam, "deelnemer", hash_code(code), group=deelnemer.groep,
                       functie=deelnemer.functie, hub_user=deelnemer.gebruikersnaam)
    _apply(store, RosterChange(cohort_id=cohort.id, new_people=[person]), cohort.slug)
    return IssuedCode(deelnemer.naam, "deelnemer", deelnemer.groep, code)


def remove_person(store: Store, cohort: Cohort, naam: str) -> Person:
    """Take someone out of the cohort: they can no longer log in (code, username and sessions end, trainer
    assignments are dropped). What they wrote stays, so their group's work stays whole; erasing it is a separate
    step. Returns the person as they were."""
    from wijwerken_widgets.store.roster import RosterChange

    person = find_person(store, cohort, naam)
    store.apply_roster(RosterChange(cohort_id=cohort.id, removed_people=[person.id]))
    return person


def _apply(store: Store, change: RosterChange, slug: str) -> list[Person]:
    """``store.apply_roster`` with a refused write (a username in use) as ``CohortUpdateError``."""
    from sqlalchemy.exc import IntegrityError

    try:
        return store.apply_roster(change)[1]
    except IntegrityError as exc:
        raise CohortUpdateError(f"Cohort '{slug}' was not changed (nothing was stored): {_clash(exc)}") from exc


@dataclasses.dataclass
class CohortUpdate:
    """What ``update_cohort`` changed (or, with ``dry_run``, would change)."""

    slug: str
    changes: list[str] = dataclasses.field(default_factory=list)
    """One line per change, e.g. "group 'Team 3' added"."""
    added: list[IssuedCode] = dataclasses.field(default_factory=list)
    missing: list[str] = dataclasses.field(default_factory=list)
    """Names of people in the store who are not in the file (kept unless ``remove_missing``)."""
    removed: list[str] = dataclasses.field(default_factory=list)
    groups_not_in_file: list[str] = dataclasses.field(default_factory=list)


def update_cohort(store: Store, settings: CohortSettings, *, remove_missing: bool = False,
                  renamed: dict[str, str] | None = None, dry_run: bool = False) -> CohortUpdate:
    """Bring the stored cohort with the file's slug in line with ``settings``, in one transaction.

    New groups and people are added (people with a fresh code, in ``added``); the name, group, functie and
    gebruikersnaam of people already there are updated; the cohort's name and settings (programma, terugkomritme,
    vraagstukken) are replaced. People matched by gebruikersnaam when both have one, else by name (case and
    invisible characters ignored); ``renamed`` maps a stored name to the file's new name for someone without a
    gebruikersnaam. People missing from the file are reported and only removed with ``remove_missing`` (see
    :func:`remove_person`). Groups are never removed. Running it again changes nothing. ``dry_run``: report what
    would change (``added`` then holds no usable codes) and store nothing.
    Raises ``LookupError`` when there is no such cohort, ``CohortUpdateError`` for a change that cannot be made.
    """
    from wijwerken_widgets.store.roster import PersonChange, RosterChange

    slug = settings.slug
    assert slug is not None, "CohortSettings always fills in the slug"
    cohort = store.cohort_by_slug(slug)
    if cohort is None:
        raise LookupError(f"There is no cohort '{slug}' to update (see: wijwerken cohort list). Create it with: "
                          "wijwerken cohort create FILE; or write the existing cohort's slug into the file "
                          "('slug: ...').")
    code_secret()
    report = CohortUpdate(slug)
    change = RosterChange(cohort_id=cohort.id)
    dumped = settings.model_dump(mode="json")
    if dumped != cohort.settings:
        change.settings = dumped
        for key in ("vraagstukken", "programma", "terugkomritme"):
            if dumped.get(key) != cohort.settings.get(key):
                report.changes.append(f"{key} changed")
    if (settings.gemeente, settings.naam) != (cohort.gemeente, cohort.name):
        change.cohort_name = (settings.gemeente, settings.naam)
        report.changes.append(f"name changed to '{settings.naam}' ({settings.gemeente})")

    stored_groups = {g.name: g for g in store.groups(cohort.id)}
    for groep in settings.groepen:
        if (stored := stored_groups.get(groep.naam)) is None:
            change.new_groups.append((groep.naam, groep.vraagstuk))
            report.changes.append(f"group '{groep.naam}' added")
        elif stored.vraagstuk != groep.vraagstuk:
            change.group_vraagstuk.append((stored.id, groep.vraagstuk))
            report.changes.append(f"group '{groep.naam}' now works on the {groep.vraagstuk} vraagstuk")
    file_groups = {g.naam for g in settings.groepen}
    report.groups_not_in_file = [name for name in stored_groups if name not in file_groups]
    group_names = {g.id: g.name for g in stored_groups.values()}

    unmatched = active_people(store, cohort)
    for old_name in renamed or {}:
        find_person(store, cohort, old_name)  # a LookupError names a mistyped old name
    new_names = {_same(new_name): _same(old_name) for old_name, new_name in (renamed or {}).items()}
    new_trainers: list[Trainer] = []
    new_deelnemers: list[Deelnemer] = []
    entries: list[Trainer | Deelnemer] = [*settings.trainers, *settings.deelnemers]
    for entry in entries:
        person = _match(entry, unmatched, new_names)
        if person is None:
            if isinstance(entry, Trainer):
                new_trainers.append(entry)
            else:
                new_deelnemers.append(entry)
            continue
        unmatched.remove(person)
        role = "trainer" if isinstance(entry, Trainer) else "deelnemer"
        if person.role != role:
            raise CohortUpdateError(
                f"'{person.name}' is a {person.role} in cohort '{slug}' but is listed under "
                f"{'trainers' if role == 'trainer' else 'deelnemers'} in the file. A role cannot change: remove "
                "the person (wijwerken cohort remove) and add them again under a different name. Nothing was changed.")
        group_name = entry.groep if isinstance(entry, Deelnemer) else None
        functie = entry.functie if isinstance(entry, Deelnemer) else None
        new = PersonChange(person.id, entry.naam, group_name, functie, entry.gebruikersnaam)
        old = PersonChange(person.id, person.name, group_names.get(person.group_id or -1), person.functie,
                           person.hub_user)
        if new != old:
            change.changed_people.append(new)
            what = [label for label, a, b in (("name", old.name, new.name), ("group", old.group, new.group),
                                              ("functie", old.functie, new.functie),
                                              ("gebruikersnaam", old.hub_user, new.hub_user)) if a != b]
            report.changes.append(f"{person.name}: {', '.join(what)} changed")
    report.added = _add_from_settings(store, change, new_trainers, new_deelnemers)
    report.changes += [f"{c.rol} '{c.naam}' added" for c in report.added]
    if remove_missing:
        change.removed_people = [p.id for p in unmatched]
        report.removed = [p.name for p in unmatched]
        report.changes += [f"{p.role} '{p.name}' removed" for p in unmatched]
    else:
        report.missing = [p.name for p in unmatched]
    if dry_run:
        report.added = [dataclasses.replace(c, code="") for c in report.added]
    elif not change.is_empty():
        _apply(store, change, slug)
    return report


def _match(entry: Trainer | Deelnemer, people: list[Person], new_names: dict[str, str]) -> Person | None:
    """The stored person the file's entry stands for: the same gebruikersnaam, else the same name (or the old name
    of a renamed person: ``new_names`` maps new names to old, both as ``_same`` gives them)."""
    if entry.gebruikersnaam is not None:
        for person in people:
            if person.hub_user is not None and _same(person.hub_user) == _same(entry.gebruikersnaam):
                return person
    name = new_names.get(_same(entry.naam), _same(entry.naam))
    return next((p for p in people if _same(p.name) == name), None)


def trainer_cohorts(store: Store, person: Person) -> list[Cohort]:
    """The cohorts whose groups ``person`` sees as trainer: their own, then those they are assigned to."""
    cohorts = (store.cohort(cohort_id) for cohort_id in store.trainer_cohort_ids(person))
    return [c for c in cohorts if c is not None]


def assign_trainer(store: Store, cohort: Cohort, naam: str, *, home: Cohort | None = None,
                   unassign: bool = False) -> Person:
    """Let the trainer called ``naam`` (of another cohort: ``home``, or the only trainer of that name) also see
    ``cohort``'s groups, with the same login; ``unassign`` takes that back. Doing it twice changes nothing."""
    from wijwerken_widgets.store.roster import RosterChange

    candidates = [p for c in ([home] if home is not None else store.cohorts()) for p in active_people(store, c)
                  if p.role == "trainer" and _same(p.name) == _same(naam)]
    if not candidates:
        raise LookupError(f"No trainer called '{naam}'" + (f" in cohort '{home.slug}'." if home else "."))
    if len(candidates) > 1:
        raise LookupError(f"{len(candidates)} trainers are called '{naam}': name the trainer's own cohort with "
                          "--from SLUG.")
    trainer = candidates[0]
    if trainer.cohort_id == cohort.id:
        raise CohortUpdateError(f"'{trainer.name}' is a trainer of cohort '{cohort.slug}' itself.")
    assigned = any(p.id == trainer.id for p in store.assigned_trainers(cohort.id))
    if assigned != unassign:
        return trainer
    change = RosterChange(cohort_id=cohort.id)
    (change.unassign_trainers if unassign else change.assign_trainers).append(trainer.id)
    store.apply_roster(change)
    return trainer


def _unused_code(store: Store) -> str:
    """A new code whose hash is not in use yet (a clash is astronomically unlikely, but cheap to rule out)."""
    while True:
        code = new_code()
        if store.person_by_code_hash(hash_code(code)) is None:
            return code
