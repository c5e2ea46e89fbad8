"""The store's part for a cohort's roster: its groups, people and trainers, changed all at once.

A :class:`RosterChange` (worked out by ``people/cohorts.py`` from a settings file or a CLI command) is applied in
ONE write transaction by :meth:`RosterStore.apply_roster`: when any step fails (a username taken in another cohort,
a code hash in use, the database going away) nothing of it is stored.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase, as_record, utc_now
from wijwerken_widgets.store.records import Cohort, Person

REMOVED_CODE_PREFIX = "removed:"
"""The start of the code hash of a removed person: no code hashes to it (``people.codes`` hashes start with
``hmac-sha256:`` or are bare hex), so nobody can log in as them."""


@dataclass(frozen=True)
class NewCohort:
    slug: str
    gemeente: str
    name: str


@dataclass(frozen=True)
class NewPerson:
    name: str
    role: str
    code_hash: str
    group: str | None = None
    """The group's name: an existing group of the cohort or one of ``RosterChange.new_groups``."""
    functie: str | None = None
    hub_user: str | None = None


@dataclass(frozen=True)
class PersonChange:
    """New values for a stored person (every field is written)."""

    person_id: int
    name: str
    group: str | None
    functie: str | None
    hub_user: str | None


@dataclass
class RosterChange:
    """Everything to change in one cohort; empty lists change nothing."""

    cohort_id: int | None = None
    new_cohort: NewCohort | None = None
    """With ``cohort_id`` None: the cohort to create first."""
    settings: dict[str, Any] | None = None
    cohort_name: tuple[str, str] | None = None
    """New (gemeente, name) of the cohort."""
    new_groups: list[tuple[str, str]] = field(default_factory=list)
    """(name, vraagstuk) of each new group."""
    group_vraagstuk: list[tuple[int, str]] = field(default_factory=list)
    new_people: list[NewPerson] = field(default_factory=list)
    changed_people: list[PersonChange] = field(default_factory=list)
    new_codes: list[tuple[int, str]] = field(default_factory=list)
    """(person id, code hash): a reissued code; the person's browser sessions end."""
    removed_people: list[int] = field(default_factory=list)
    """Removed: cannot log in any more (code and username cleared, sessions ended, trainer assignments dropped);
    their answers and group work stay."""
    assign_trainers: list[int] = field(default_factory=list)
    unassign_trainers: list[int] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self.new_cohort is None and not any(
            (self.settings is not None, self.cohort_name, self.new_groups, self.group_vraagstuk, self.new_people,
             self.changed_people, self.new_codes, self.removed_people, self.assign_trainers,
             self.unassign_trainers))


class RosterStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for cohorts' rosters and trainers (one of its bases)."""

    def apply_roster(self, change: RosterChange) -> tuple[Cohort, list[Person]]:
        """Apply ``change`` in one transaction; return the cohort and the people added (in the order given).

        Raises what the database raises (e.g. ``IntegrityError`` for a username already in use); then nothing is
        stored. ``LookupError`` for an unknown cohort, group or person.
        """
        with self._write() as conn:
            cohort_id = self._cohort_for(conn, change)
            groups = {row.name: row.id for row in conn.execute(
                select(t.groups.c.name, t.groups.c.id).where(t.groups.c.cohort_id == cohort_id))}
            for name, vraagstuk in change.new_groups:
                if vraagstuk not in t.VRAAGSTUKKEN:
                    raise ValueError(f"vraagstuk must be one of {t.VRAAGSTUKKEN}, not {vraagstuk!r}")
                insert = t.groups.insert().values(cohort_id=cohort_id, name=name, vraagstuk=vraagstuk)
                groups[name] = int(conn.execute(insert.returning(t.groups.c.id)).scalar_one())
            for changed_group, vraagstuk in change.group_vraagstuk:
                self._update_one(conn, t.groups, changed_group, cohort_id, vraagstuk=vraagstuk)

            def group_id(name: str | None) -> int | None:
                if name is None:
                    return None
                if name not in groups:
                    raise LookupError(f"no group {name!r} in cohort {cohort_id}")
                return int(groups[name])

            for person_id in change.removed_people:
                self._update_one(conn, t.people, person_id, cohort_id, removed_at=utc_now(), hub_user=None,
                                 code_hash=REMOVED_CODE_PREFIX + secrets.token_hex(16))
                conn.execute(t.sessions.delete().where(t.sessions.c.person_id == person_id))
                conn.execute(t.trainer_cohorts.delete().where(t.trainer_cohorts.c.person_id == person_id))
            for person in change.changed_people:
                self._update_one(conn, t.people, person.person_id, cohort_id, name=person.name,
                                 group_id=group_id(person.group), functie=person.functie, hub_user=person.hub_user)
            for person_id, code_hash in change.new_codes:
                self._update_one(conn, t.people, person_id, cohort_id, code_hash=code_hash)
                conn.execute(t.sessions.delete().where(t.sessions.c.person_id == person_id))
            added = [
                as_record(Person, conn.execute(t.people.insert().values(
                    cohort_id=cohort_id, name=p.name, role=p.role, code_hash=p.code_hash, group_id=group_id(p.group),
                    functie=p.functie, hub_user=p.hub_user, created_at=utc_now()).returning(*t.people.c)).one())
                for p in change.new_people
            ]
            for person_id in change.assign_trainers:
                conn.execute(t.trainer_cohorts.insert().values(person_id=person_id, cohort_id=cohort_id))
            for person_id in change.unassign_trainers:
                tc = t.trainer_cohorts.c
                conn.execute(t.trainer_cohorts.delete().where(tc.person_id == person_id, tc.cohort_id == cohort_id))
            values: dict[str, Any] = {}
            if change.settings is not None:
                values["settings"] = change.settings
            if change.cohort_name is not None:
                values["gemeente"], values["name"] = change.cohort_name
            if values:
                conn.execute(t.cohorts.update().where(t.cohorts.c.id == cohort_id).values(**values))
            cohort = as_record(Cohort, conn.execute(select(t.cohorts).where(t.cohorts.c.id == cohort_id)).one())
        return cohort, added

    @staticmethod
    def _cohort_for(conn: Connection, change: RosterChange) -> int:
        if change.cohort_id is not None:
            return change.cohort_id
        if change.new_cohort is None:
            raise ValueError("a roster change names a cohort or a new cohort")
        new = change.new_cohort
        return int(conn.execute(t.cohorts.insert().values(
            slug=new.slug, gemeente=new.gemeente, name=new.name, settings=change.settings or {},
            created_at=utc_now()).returning(t.cohorts.c.id)).scalar_one())

    @staticmethod
    def _update_one(conn: Connection, table: Any, row_id: int, cohort_id: int, **values: Any) -> None:
        """Update one row of ``table`` that belongs to ``cohort_id`` (never a row of another cohort)."""
        result = conn.execute(table.update().where(table.c.id == row_id, table.c.cohort_id == cohort_id)
                              .values(**values))
        if result.rowcount != 1:
            raise LookupError(f"no row {row_id} of cohort {cohort_id} in {table.name}")

    # -- trainers and their cohorts --------------------------------------------------------------------------
    def trainer_cohort_ids(self, person: Person) -> list[int]:
        """The cohorts whose groups ``person`` may see as trainer: their home cohort, then those they are assigned
        to (by id). A deelnemer or removed person: only the home cohort, or none when removed."""
        if person.removed_at is not None:
            return []
        if person.role != "trainer":
            return [person.cohort_id]
        tc = t.trainer_cohorts.c
        with self._read() as conn:
            assigned = conn.execute(select(tc.cohort_id).where(tc.person_id == person.id).order_by(tc.cohort_id))
            return [person.cohort_id, *(cid for (cid,) in assigned if cid != person.cohort_id)]

    def assigned_trainers(self, cohort_id: int) -> list[Person]:
        """The trainers of other cohorts assigned to ``cohort_id``."""
        tc = t.trainer_cohorts.c
        stmt = (select(t.people).join(t.trainer_cohorts, tc.person_id == t.people.c.id)
                .where(tc.cohort_id == cohort_id).order_by(t.people.c.id))
        return self._all(Person, stmt)
