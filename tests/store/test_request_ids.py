"""Idempotent saves: a retry that carries the request id of a save that already committed writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import make_url

from tests.store.conftest import PG_URL
from tests.support.tcp_proxy import CommitReplyDropper
from wijwerken_widgets.store import ItemChange, Person, Store, StoreUnavailable


def test_a_repeated_request_id_returns_the_stored_answer_and_writes_nothing(store: Store, person: Person) -> None:
    """Does a second save with the same request id return the first version, without conflict or new row?"""
    first = store.save_answer(person.id, "k", "eerste", base_id=None, client_id="tab", request_id="tab:1")
    other = store.save_answer(person.id, "k", "andere tab", base_id=first.version.id, client_id="tab-2")
    again = store.save_answer(person.id, "k", "eerste", base_id=None, client_id="tab", request_id="tab:1")
    assert again.version == first.version and again.version.request_id == "tab:1"
    assert again.conflict is None
    assert [v.id for v in store.answer_history(person.id, "k")] == [first.version.id, other.version.id]
    nieuw = store.save_answer(person.id, "k", "tweede", base_id=other.version.id, client_id="tab", request_id="tab:2")
    assert nieuw.version.id > other.version.id and nieuw.version.value == "tweede"


def test_request_ids_of_different_people_do_not_mix(store: Store, person: Person) -> None:
    """Does someone else's request id never return (or block) this person's save?"""
    bram = store.add_person(person.cohort_id, "Bram", "deelnemer", "hash-bram", group_id=person.group_id)
    store.save_answer(person.id, "k", "van Anna", base_id=None, client_id="x", request_id="x:1")
    saved = store.save_answer(bram.id, "k", "van Bram", base_id=None, client_id="x", request_id="x:1")
    assert saved.version.value == "van Bram" and saved.version.person_id == bram.id


def test_a_repeated_request_id_returns_the_stored_items(store: Store, person: Person) -> None:
    """Does a retried save_items return the versions the first attempt wrote, and write none again?"""
    assert person.group_id is not None
    changes = [ItemChange("gesprek", "g1", {"titel": "Intake"}), ItemChange("citaat", "c1", {"tekst": "Ja"})]
    first = store.save_items("gesprekken", person.group_id, changes, person_id=person.id, client_id="t",
                             request_id="t:7")
    again = store.save_items("gesprekken", person.group_id, changes, person_id=person.id, client_id="t",
                             request_id="t:7")
    assert [r.item for r in again] == [r.item for r in first]
    assert [r.conflict for r in again] == [None, None]
    assert len(store.items_history("gesprekken", person.group_id)) == 2
    moved = store.save_map_changes(person.group_id, [ItemChange("position", "p1", {"x": 1})], person_id=person.id,
                                   client_id="t", request_id="t:8")
    assert store.save_map_changes(person.group_id, [ItemChange("position", "p1", {"x": 1})],
                                  person_id=person.id, client_id="t", request_id="t:8") == moved
    assert len(store.map_history(person.group_id)) == 1


def test_a_repeated_request_id_returns_the_stored_log_entry(store: Store, person: Person) -> None:
    """Does a retried logboek save return the stored version instead of adding version 2?"""
    def save() -> object:
        return store.save_log_entry(person.id, "e1", day="dag1", prompt="Wat viel op?", text="Veel",
                                    sharing="prive", client_id="t", request_id="t:3")

    first = save()
    assert save() == first
    assert [e.version for e in store.log_entries(person.id)] == [1]


@pytest.mark.skipif(not PG_URL, reason="needs WIJWERKEN_TEST_DATABASE_URL (PostgreSQL)")
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_commit_whose_reply_was_lost_is_retried_and_stored_only_once(db_url: str, person: Person) -> None:
    """When the server commits but the reply never reaches the kernel, does the retry with the same request id
    store nothing more and report no conflict? A real TCP proxy between SQLAlchemy and PostgreSQL forwards the
    COMMIT and then cuts the connection before the server's reply gets through."""
    url = make_url(db_url)
    with CommitReplyDropper((url.host or "127.0.0.1", url.port or 5432)) as proxy:
        via_proxy = url.set(host="127.0.0.1", port=proxy.port).update_query_dict({"sslmode": "disable"})
        store = Store.open(via_proxy.render_as_string(hide_password=False))
        try:
            before = store.save_answer(person.id, "k", "voor", base_id=None, client_id="tab", request_id="tab:1")
            proxy.arm()
            with pytest.raises(StoreUnavailable):
                store.save_answer(person.id, "k", "na", base_id=before.version.id, client_id="tab",
                                  request_id="tab:2")
            assert proxy.dropped.is_set()
            retry = store.save_answer(person.id, "k", "na", base_id=before.version.id, client_id="tab",
                                      request_id="tab:2")
            history = store.answer_history(person.id, "k")
        finally:
            store.close()
    assert retry.conflict is None
    assert [v.value for v in history] == ["voor", "na"]
    assert retry.version == history[-1]
