"""Bring a stored cohort in line with its changed settings file, in one transaction (``wijwerken cohort update``).

People in the file are matched to the stored ones by ``gebruikersnaam`` when both have one, else by name (case and
invisible characters ignored), or through ``renamed``; see ``exercises/cohorts/README.md``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from wijwerken_widgets.people.cohorts import (
    AUDIT_ORIGIN,
    CohortUpdateError,
    IssuedCode,
    active_people,
    add_from_settings,
    apply_change,
    find_person,
    same_name,
)
from wijwerken_widgets.people.secret import code_secret
from wijwerken_widgets.people.settings import CohortSettings, Deelnemer, Trainer

if TYPE_CHECKING:
    from wijwerken_widgets.store import Person, Store


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
    gebruikersnaam of people already there are updated; the cohort's name and settings (traject, start, programma, terugkomritme, uit,
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
        for key in ("vraagstukken", "traject", "start", "programma", "terugkomritme", "uit", "bewaren"):
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
    new_names = {same_name(new_name): same_name(old_name) for old_name, new_name in (renamed or {}).items()}
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
    report.added = add_from_settings(store, change, new_trainers, new_deelnemers)
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
        added = apply_change(store, change, slug)
        store.audit("cohort_update", "cohort", cohort.id, origin=AUDIT_ORIGIN, cohort_id=cohort.id)
        for action, person_ids in (("person_add", [p.id for p in added]), ("person_remove", change.removed_people)):
            for person_id in person_ids:
                store.audit(action, "person", person_id, origin=AUDIT_ORIGIN, cohort_id=cohort.id)
    return report


def _match(entry: Trainer | Deelnemer, people: list[Person], new_names: dict[str, str]) -> Person | None:
    """The stored person the file's entry stands for: the same gebruikersnaam, else the same name (or the old name
    of a renamed person: ``new_names`` maps new names to old, both as ``same_name`` gives them)."""
    if entry.gebruikersnaam is not None:
        for person in people:
            if person.hub_user is not None and same_name(person.hub_user) == same_name(entry.gebruikersnaam):
                return person
    name = new_names.get(same_name(entry.naam), same_name(entry.naam))
    return next((p for p in people if same_name(p.name) == name), None)
