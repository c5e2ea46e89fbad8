"""The logboek in the store: sharing levels decide who else reads an entry, always by its latest version."""

from __future__ import annotations

from wijwerken_widgets.store import Person, Store


def _people(store: Store, anna: Person) -> tuple[Person, Person, Person, Person]:
    """Anna's groupmate Bram, Carla from another group of the cohort, the cohort's trainer, and an outsider trainer."""
    other_group = store.add_group(anna.cohort_id, "Team Intern", "intern")
    bram = store.add_person(anna.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=anna.group_id)
    carla = store.add_person(anna.cohort_id, "Carla Bos", "deelnemer", "hash-carla", group_id=other_group.id)
    trainer = store.add_person(anna.cohort_id, "Tineke Trainer", "trainer", "hash-tineke")
    elsewhere = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    outsider = store.add_person(elsewhere.id, "Olaf Buiten", "trainer", "hash-olaf")
    return bram, carla, trainer, outsider


def _write(store: Store, who: Person, entry_id: str, text: str, sharing: str, **extra) -> None:
    store.save_log_entry(who.id, entry_id, day="dag3", prompt="Wat neem je mee?", text=text, sharing=sharing,
                         client_id="tab", **extra)


def _texts(entries) -> list[str]:
    return [shared.entry.text for shared in entries]


def test_each_sharing_level_reaches_exactly_its_readers(store: Store, person: Person) -> None:
    """privé: nobody else; trainer: the cohort's trainers; groep: trainers and groupmates, never other groups."""
    bram, carla, trainer, outsider = _people(store, person)
    _write(store, person, "e1", "Alleen voor mij", "prive")
    _write(store, person, "e2", "Voor de trainer", "trainer")
    _write(store, person, "e3", "Voor de groep", "groep")
    assert [e.text for e in store.log_entries(person.id)] == ["Alleen voor mij", "Voor de trainer", "Voor de groep"]
    assert _texts(store.shared_log_entries(bram)) == ["Voor de groep"]
    assert _texts(store.shared_log_entries(carla)) == []
    assert _texts(store.shared_log_entries(trainer)) == ["Voor de trainer", "Voor de groep"]
    assert _texts(store.shared_log_entries(outsider)) == []
    assert {s.author for s in store.shared_log_entries(trainer)} == {"Anna de Vries"}
    assert _texts(store.shared_log_entries(person)) == []  # one's own entries are not "shared with me"


def test_making_an_entry_private_later_hides_every_earlier_version(store: Store, person: Person) -> None:
    """An entry first shared with the group, then made privé, is gone for groupmates and trainers alike."""
    bram, _, trainer, _ = _people(store, person)
    _write(store, person, "e1", "Eerst gedeeld", "groep")
    assert _texts(store.shared_log_entries(bram)) == ["Eerst gedeeld"]
    _write(store, person, "e1", "Toch liever privé", "prive")
    assert store.shared_log_entries(bram) == [] and store.shared_log_entries(trainer) == []
    [mine] = store.log_entries(person.id)
    assert (mine.text, mine.sharing, mine.version) == ("Toch liever privé", "prive", 2)


def test_a_removed_entry_is_gone_for_everyone_and_edits_keep_their_place(store: Store, person: Person) -> None:
    bram, *_ = _people(store, person)
    _write(store, person, "e1", "Eerste", "groep")
    _write(store, person, "e2", "Tweede", "groep")
    _write(store, person, "e1", "Eerste, aangevuld", "groep")
    assert [e.text for e in store.log_entries(person.id)] == ["Eerste, aangevuld", "Tweede"]
    _write(store, person, "e2", "Tweede", "groep", deleted=True)
    assert [e.text for e in store.log_entries(person.id)] == ["Eerste, aangevuld"]
    assert _texts(store.shared_log_entries(bram)) == ["Eerste, aangevuld"]


def test_an_unknown_sharing_level_is_refused(store: Store, person: Person) -> None:
    import pytest

    with pytest.raises(ValueError, match="sharing"):
        _write(store, person, "e1", "x", "iedereen")
    assert store.log_entries(person.id) == []


def test_a_trainer_reads_the_shared_entries_of_a_cohort_they_are_assigned_to_but_never_a_prive_one(
        store: Store, person: Person) -> None:
    """cohort_ids: a trainer of cohort A assigned to cohort B reads B's shared entries (never privé); an id of a
    cohort they do not train gives nothing; without cohort_ids only the trainer's own cohort is read."""
    from wijwerken_widgets.store.roster import RosterChange

    elsewhere = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    trainer = store.add_person(elsewhere.id, "Tineke Trainer", "trainer", "hash-tineke")
    stranger = store.add_person(elsewhere.id, "Olaf Buiten", "trainer", "hash-olaf")
    _write(store, person, "a", "Voor de trainer", "trainer")
    _write(store, person, "b", "Mijn geheim", "prive")
    _write(store, person, "c", "Voor de groep", "groep")
    assert store.shared_log_entries(trainer, cohort_ids=[person.cohort_id]) == []  # not assigned yet
    store.apply_roster(RosterChange(cohort_id=person.cohort_id, assign_trainers=[trainer.id]))
    seen = store.shared_log_entries(trainer, cohort_ids=[person.cohort_id])
    assert _texts(seen) == ["Voor de trainer", "Voor de groep"]
    assert store.shared_log_entries(trainer) == []  # the default stays the trainer's own cohort
    assert store.shared_log_entries(stranger, cohort_ids=[person.cohort_id]) == []
    assert store.shared_log_entries(person, cohort_ids=[person.cohort_id]) == []  # a participant: own group only
