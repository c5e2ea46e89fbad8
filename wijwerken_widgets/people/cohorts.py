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
AUDIT_ORIGIN = "cli"
"""Where the changes made here come from in the audit trail: an operator's command (``wijwerken cohort``, ``serve``)."""


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
    issued = add_from_settings(store, change, settings.trainers, settings.deelnemers)
    try:
        cohort, _people = store.apply_roster(change)
    except IntegrityError as exc:
        if store.cohort_by_slug(slug) is not None:  # created by another process in between
            raise exists from exc
        raise CohortUpdateError(f"Cohort '{slug}' was not created (nothing was stored): {_clash(exc)}") from exc
    store.audit("cohort_create", "cohort", cohort.id, origin=AUDIT_ORIGIN, cohort_id=cohort.id)
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


def add_from_settings(store: Store, change: RosterChange, trainers: Iterable[Trainer],
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
    store.audit("person_add", "person", person.id, origin=AUDIT_ORIGIN, cohort_id=cohort_id)
    group = None if person.group_id is None else store.group(person.group_id)
    return IssuedCode(naam, rol, None if group is None else group.name, code)


def reissue_code(store: Store, person_id: int, *, actor_id: int | None = None, origin: str = AUDIT_ORIGIN) -> str:
    """Give a person a new code and return it; the old code and every browser logged in with it stop working.
    ``actor_id``, ``origin``: who asked, from where (the audit line; a trainer on the trainer page: "kernel").

    Raises ``LookupError`` if the person is unknown or removed.
    """
    from wijwerken_widgets.store.roster import RosterChange

    person = store.person(person_id)
    if person is None or person.removed_at is not None:
        raise LookupError(f"There is no person with id {person_id}.")
    code = _unused_code(store)
    store.apply_roster(RosterChange(cohort_id=person.cohort_id, new_codes=[(person_id, hash_code(code))]))
    store.audit("code_reissue", "person", person_id, origin=origin, actor_id=actor_id, cohort_id=person.cohort_id)
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
    for person_id, _hash in change.new_codes:
        store.audit("code_reissue", "person", person_id, origin=AUDIT_ORIGIN, cohort_id=cohort.id)
    return issued


def _role(person: Person) -> Literal["deelnemer", "trainer"]:
    return "trainer" if person.role == "trainer" else "deelnemer"


def same_name(name: str) -> str:
    """What two names must not share to be told apart (as the settings check: case and invisible characters)."""
    return for_comparison(name).strip().casefold()


def active_people(store: Store, cohort: Cohort) -> list[Person]:
    """The cohort's people who were not removed."""
    return [p for p in store.people(cohort.id) if p.removed_at is None]


def find_person(store: Store, cohort: Cohort, naam: str) -> Person:
    """The cohort's (not removed) person called ``naam`` (case and invisible characters ignored); ``LookupError``."""
    matches = [p for p in active_people(store, cohort) if same_name(p.name) == same_name(naam)]
    if not matches:
        raise LookupError(f"Nobody called '{naam}' in cohort '{cohort.slug}' (see: wijwerken cohort list).")
    return matches[0]


def add_participant(store: Store, cohort: Cohort, naam: str, groep: str, functie: str,
                    gebruikersnaam: str | None = None, *, actor_id: int | None = None,
                    origin: str = AUDIT_ORIGIN) -> IssuedCode:
    """Add one deelnemer to an existing group of the cohort, with a fresh code (returned once); ``actor_id``,
    ``origin`` as for :func:`reissue_code`."""
    from wijwerken_widgets.store.roster import NewPerson, RosterChange

    deelnemer = Deelnemer(naam=naam, groep=groep, functie=functie,  # pydantic checks the functie
                          gebruikersnaam=gebruikersnaam)
    groups = [g.name for g in store.groups(cohort.id)]
    if deelnemer.groep not in groups:
        raise LookupError(f"Cohort '{cohort.slug}' has no group '{deelnemer.groep}' (groups: {', '.join(groups)}).")
    if any(same_name(p.name) == same_name(deelnemer.naam) for p in active_people(store, cohort)):
        raise CohortUpdateError(f"There is already someone called '{deelnemer.naam}' in cohort '{cohort.slug}'.")
    code_secret()
    code = _unused_code(store)
    person = NewPerson(deelnemer.naam, "deelnemer", hash_code(code), group=deelnemer.groep,
                       functie=deelnemer.functie, hub_user=deelnemer.gebruikersnaam)
    added = apply_change(store, RosterChange(cohort_id=cohort.id, new_people=[person]), cohort.slug)
    store.audit("person_add", "person", added[0].id, origin=origin, actor_id=actor_id, cohort_id=cohort.id)
    return IssuedCode(deelnemer.naam, "deelnemer", deelnemer.groep, code)


def remove_person(store: Store, cohort: Cohort, naam: str) -> Person:
    """Take someone out of the cohort: they can no longer log in (code, username and sessions end, trainer
    assignments are dropped). What they wrote stays, so their group's work stays whole; erasing it is a separate
    step. Returns the person as they were."""
    from wijwerken_widgets.store.roster import RosterChange

    person = find_person(store, cohort, naam)
    store.apply_roster(RosterChange(cohort_id=cohort.id, removed_people=[person.id]))
    store.audit("person_remove", "person", person.id, origin=AUDIT_ORIGIN, cohort_id=cohort.id)
    return person


def apply_change(store: Store, change: RosterChange, slug: str) -> list[Person]:
    """``store.apply_roster`` with a refused write (a username in use) as ``CohortUpdateError``."""
    from sqlalchemy.exc import IntegrityError

    try:
        return store.apply_roster(change)[1]
    except IntegrityError as exc:
        raise CohortUpdateError(f"Cohort '{slug}' was not changed (nothing was stored): {_clash(exc)}") from exc


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
                  if p.role == "trainer" and same_name(p.name) == same_name(naam)]
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
    store.audit("trainer_unassign" if unassign else "trainer_assign", "person", trainer.id, origin=AUDIT_ORIGIN,
                cohort_id=cohort.id)
    return trainer


def _unused_code(store: Store) -> str:
    """A new code whose hash is not in use yet (a clash is astronomically unlikely, but cheap to rule out)."""
    while True:
        code = new_code()
        if store.person_by_code_hash(hash_code(code)) is None:
            return code
