"""A cohort's roster changed in one transaction (SQLite and PostgreSQL): all of it, or nothing."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from wijwerken_widgets.store import Person, Store
from wijwerken_widgets.store.roster import NewCohort, NewPerson, PersonChange, RosterChange


def test_a_roster_change_that_fails_late_stores_nothing(store: Store, person: Person) -> None:
    """Does a clash at the last step (a username in use) undo the new group, the renamed person and the new
    settings of the same change?"""
    store.add_person(person.cohort_id, "Bram", "deelnemer", "hash-bram", hub_user="bram")
    cohort = store.cohort(person.cohort_id)
    change = RosterChange(
        cohort_id=cohort.id, settings={"dagen": 4}, new_groups=[("Team Twee", "intern")],
        changed_people=[PersonChange(person.id, "Anna de Wit", "Team Twee", "medewerker", None)],
        new_people=[NewPerson("Carla", "deelnemer", "hash-carla", group="Team Twee", hub_user="bram")])
    with pytest.raises(IntegrityError):
        store.apply_roster(change)
    assert store.cohort(cohort.id) == cohort
    assert [g.name for g in store.groups(cohort.id)] == ["Team Wijk"]
    assert store.person(person.id) == person and len(store.people(cohort.id)) == 2

    change.new_people[0] = NewPerson("Carla", "deelnemer", "hash-carla", group="Team Twee", hub_user="carla")
    _, added = store.apply_roster(change)
    assert [p.name for p in added] == ["Carla"] and store.person(person.id).name == "Anna de Wit"
    assert store.cohort(cohort.id).settings == {"dagen": 4}


def test_trainers_see_their_own_and_their_assigned_cohorts(store: Store, person: Person) -> None:
    """Are a trainer's cohorts their own plus those assigned (not a deelnemer's, not a removed trainer's)?"""
    home, _ = store.apply_roster(RosterChange(new_cohort=NewCohort("a", "A", "A"),
                                              new_people=[NewPerson("Tara", "trainer", "hash-tara")]))
    trainer = store.people(home.id)[0]
    assert store.trainer_cohort_ids(trainer) == [home.id]
    store.apply_roster(RosterChange(cohort_id=person.cohort_id, assign_trainers=[trainer.id]))
    assert store.trainer_cohort_ids(trainer) == [home.id, person.cohort_id]
    assert store.trainer_cohort_ids(person) == [person.cohort_id]
    assert [p.name for p in store.assigned_trainers(person.cohort_id)] == ["Tara"]
    store.apply_roster(RosterChange(cohort_id=home.id, removed_people=[trainer.id]))
    removed = store.person(trainer.id)
    assert removed.removed_at is not None and removed.hub_user is None
    assert store.trainer_cohort_ids(removed) == [] and store.assigned_trainers(person.cohort_id) == []


def test_a_change_never_touches_another_cohorts_people(store: Store, person: Person) -> None:
    """Is a person id of another cohort refused (LookupError), with nothing stored?"""
    other, _ = store.apply_roster(RosterChange(new_cohort=NewCohort("b", "B", "B")))
    with pytest.raises(LookupError):
        store.apply_roster(RosterChange(cohort_id=other.id, settings={"x": 1}, removed_people=[person.id]))
    assert store.person(person.id) == person and store.cohort(other.id).settings == {}
