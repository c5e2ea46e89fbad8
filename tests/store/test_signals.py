"""Live signals of a training day in the store: one row per (cohort, person, kind), replaced in place; and when
each participant last saved, without privé logboek writing."""

from __future__ import annotations

import pytest

from wijwerken_widgets.store import ItemChange, Person, Store


def test_a_signal_is_made_replaced_and_removed_per_person_and_kind(store: Store, person: Person) -> None:
    cohort = person.cohort_id
    first = store.set_signal(cohort, "page", {"page": "dag1"}, person_id=person.id)
    second = store.set_signal(cohort, "page", {"page": "dag2"}, person_id=person.id)
    store.set_signal(cohort, "hand", {}, person_id=person.id)
    assert second.id == first.id and second.updated_at >= first.updated_at
    assert [(s.kind, s.data) for s in store.signals(cohort)] == [("page", {"page": "dag2"}), ("hand", {})]
    store.clear_signal(cohort, "hand", person_id=person.id)
    store.clear_signal(cohort, "hand", person_id=person.id)  # nothing there: no error
    assert [s.kind for s in store.signals(cohort)] == ["page"]


def test_the_cohorts_timer_is_one_row_without_a_person(store: Store, person: Person) -> None:
    cohort = person.cohort_id
    other = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    store.set_signal(cohort, "timer", {"resterend": 600})
    store.change_signal(cohort, "timer", lambda now: {**now.data, "resterend": now.data["resterend"] + 60})
    store.set_signal(other.id, "timer", {"resterend": 5})
    [timer] = store.signals(cohort, "timer")
    assert timer.person_id is None and timer.data == {"resterend": 660}
    assert [s.data for s in store.signals(other.id)] == [{"resterend": 5}]


def test_a_signal_refuses_an_unknown_kind_and_a_big_value(store: Store, person: Person) -> None:
    with pytest.raises(ValueError, match="kind"):
        store.set_signal(person.cohort_id, "chat", {}, person_id=person.id)
    with pytest.raises(ValueError, match="at most"):
        store.set_signal(person.cohort_id, "page", {"page": "x" * 3000}, person_id=person.id)
    assert store.signals(person.cohort_id) == []


def test_last_saved_takes_answers_items_and_shared_logboek_but_no_private_writing(store: Store,
                                                                                 person: Person) -> None:
    cohort = person.cohort_id
    bram = store.add_person(cohort, "Bram Smit", "deelnemer", "hash-bram", group_id=person.group_id)
    carla = store.add_person(cohort, "Carla Bos", "deelnemer", "hash-carla")
    dirk = store.add_person(cohort, "Dirk Stil", "deelnemer", "hash-dirk")
    elsewhere = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    olaf = store.add_person(elsewhere.id, "Olaf Buiten", "deelnemer", "hash-olaf")
    answer = store.save_answer(person.id, "dag1.probleem", "Iets", base_id=None, client_id="t").version
    [item] = store.save_items("map", person.group_id, [ItemChange("stakeholder", "s1", {"naam": "Buurt"}, None)],
                              person_id=bram.id, client_id="t")
    store.save_answer(carla.id, "logboek.concept", "Half concept", base_id=None, client_id="t")
    store.save_log_entry(carla.id, "p", day="dag1", prompt="", text="Geheim", sharing="prive", client_id="t")
    shared = store.save_log_entry(dirk.id, "s", day="dag1", prompt="", text="Voor jou", sharing="trainer",
                                  client_id="t")
    store.save_answer(olaf.id, "dag1.probleem", "Elders", base_id=None, client_id="t")
    found = store.last_saved(cohort)
    assert found == {person.id: answer.saved_at, bram.id: item.item.changed_at, dirk.id: shared.saved_at}
    store.save_log_entry(dirk.id, "s", day="dag1", prompt="", text="Toch privé", sharing="prive", client_id="t")
    assert dirk.id not in store.last_saved(cohort)
