"""Cohorts, groups, people and browser sessions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from wijwerken_widgets.store import Person, Store


def test_cohorts_groups_and_people_can_be_found_again(store: Store) -> None:
    """Can a cohort, its groups and its people be found by id, slug, code hash and hub user?"""
    cohort = store.add_cohort("utrecht-2025", "Utrecht", "Voorjaar", {"dagen": [1, 2, 3], "taal": "nl"})
    intern = store.add_group(cohort.id, "Team Intern", "intern")
    extern = store.add_group(cohort.id, "Team Buurt", "extern")
    anna = store.add_person(
        cohort.id, "Anna", "deelnemer", "h-anna", group_id=intern.id, functie="Beleidsadviseur"
    )
    tess = store.add_person(cohort.id, "Tess", "trainer", "h-tess", hub_user="tess")
    assert store.cohort(cohort.id) == cohort == store.cohort_by_slug("utrecht-2025")
    assert store.cohort(cohort.id).settings == {"dagen": [1, 2, 3], "taal": "nl"}
    assert store.cohorts() == [cohort]
    assert store.groups(cohort.id) == [intern, extern]
    assert store.group(extern.id).vraagstuk == "extern"
    assert store.people(cohort.id) == [anna, tess]
    assert store.person(anna.id).functie == "Beleidsadviseur"
    assert store.person_by_code_hash("h-tess") == tess
    assert store.person_by_hub_user("tess") == tess
    assert cohort.created_at.utcoffset() == timedelta(0)


def test_unknown_things_are_none(store: Store) -> None:
    """Do lookups of things that do not exist return None or an empty list?"""
    assert store.cohort(1) is None and store.cohort_by_slug("nee") is None and store.group(1) is None
    assert (
        store.person(1) is None
        and store.person_by_code_hash("x") is None
        and store.person_by_hub_user("x") is None
    )
    assert store.cohorts() == [] and store.groups(1) == [] and store.people(1) == []


def test_invalid_role_and_vraagstuk_are_refused(store: Store) -> None:
    """Are roles other than deelnemer/trainer and vraagstukken other than intern/extern refused?"""
    cohort = store.add_cohort("c", "G", "N", {})
    with pytest.raises(ValueError):
        store.add_group(cohort.id, "G", "anders")
    with pytest.raises(ValueError):
        store.add_person(cohort.id, "X", "beheerder", "h")


def test_codes_and_slugs_are_unique(store: Store, person: Person) -> None:
    """Is a second person with the same code hash, or a second cohort with the same slug, refused?"""
    with pytest.raises(IntegrityError):
        store.add_person(person.cohort_id, "Kopie", "deelnemer", person.code_hash)
    with pytest.raises(IntegrityError):
        store.add_cohort("demo", "Elders", "Dubbel", {})
    assert [p.name for p in store.people(person.cohort_id)] == [person.name]


def test_set_code_hash_replaces_the_login_code(store: Store, person: Person) -> None:
    """After a new code is set, does only the new code find the person?"""
    store.set_code_hash(person.id, "nieuwe-hash")
    assert store.person_by_code_hash("nieuwe-hash") == store.person(person.id)
    assert store.person_by_code_hash(person.code_hash) is None
    with pytest.raises(LookupError):
        store.set_code_hash(person.id + 999, "x")


def test_sessions_expire(store: Store, person: Person) -> None:
    """Does a session find its person until it expires, and nothing after or for unknown tokens?"""
    now = datetime.now(timezone.utc)
    store.add_session(person.id, "token-hash", now + timedelta(hours=8))
    store.add_session(person.id, "old-token-hash", now - timedelta(seconds=1))
    assert store.person_by_session("token-hash") == person
    assert store.person_by_session("token-hash", now=now + timedelta(hours=7, minutes=59)) == person
    assert store.person_by_session("token-hash", now=now + timedelta(hours=8, seconds=1)) is None
    assert store.person_by_session("old-token-hash") is None
    assert store.person_by_session("unknown") is None


def test_session_expiry_respects_time_zones(store: Store, person: Person) -> None:
    """Is an expiry given in Dutch summer time (UTC+2) compared as the same instant?"""
    cest = timezone(timedelta(hours=2))
    expires = datetime(2025, 6, 1, 12, 0, tzinfo=cest)  # 10:00 UTC
    store.add_session(person.id, "t", expires)
    assert store.person_by_session("t", now=datetime(2025, 6, 1, 9, 59, tzinfo=timezone.utc)) == person
    assert store.person_by_session("t", now=datetime(2025, 6, 1, 10, 1, tzinfo=timezone.utc)) is None
