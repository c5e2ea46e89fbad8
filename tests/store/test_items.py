"""Compare-and-set of a group's shared items: a save from a stale version is refused as a whole.

Two :class:`Store` objects on one database stand for two kernels (two groupmates' pages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wijwerken_widgets.store import ItemChange, MapChange, Person, StaleItems, Store


@pytest.fixture
def other_kernel(db_url: str, store: Store) -> Iterator[Store]:
    """A second store on the same database: another kernel."""
    opened = Store.open(db_url)
    try:
        yield opened
    finally:
        opened.close()


def _bram(store: Store, person: Person) -> Person:
    return store.add_person(person.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=person.group_id)


def test_a_save_from_a_stale_version_is_refused_and_writes_nothing(store: Store, other_kernel: Store,
                                                                    person: Person) -> None:
    """Is a change from version 1 refused once someone saved version 2, with nothing of its transaction written?"""
    bram, gid = _bram(store, person), person.group_id
    store.save_items("gesprekken", gid, [ItemChange("gesprek", "g1", {"doel": "a"})], person_id=person.id,
                     client_id="a")
    [theirs] = other_kernel.save_items("gesprekken", gid, [ItemChange("gesprek", "g1", {"doel": "b"}, 1)],
                                       person_id=bram.id, client_id="b")
    with pytest.raises(StaleItems) as refused:
        store.save_items("gesprekken", gid, [ItemChange("gesprek", "g2", {"doel": "nieuw"}),
                                             ItemChange("gesprek", "g1", {"doel": "c"}, 1)],
                         person_id=person.id, client_id="a")
    assert [(i.item_id, i.version, i.data) for i in refused.value.current] == [("g1", 2, {"doel": "b"})]
    assert refused.value.current[0] == theirs.item
    assert [(i.item_id, i.data["doel"]) for i in store.items("gesprekken", gid)] == [("g1", "b")]
    assert [v.version for v in store.items_history("gesprekken", gid, item_id="g1")] == [2, 1]


def test_a_stale_map_edit_is_refused_but_positions_are_last_write_wins(store: Store, other_kernel: Store,
                                                                      person: Person) -> None:
    """Are stakeholder edits compare-and-set while node positions (layout) still take the last drag?"""
    bram, gid = _bram(store, person), person.group_id
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "OR"}),
                                 MapChange("position", "s1", {"x": 0.0, "y": 0.0})],
                           person_id=person.id, client_id="a")
    other_kernel.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "OR", "invloed": 4}, 1),
                                        MapChange("position", "s1", {"x": 5.0, "y": 5.0})],
                                  person_id=bram.id, client_id="b")
    with pytest.raises(StaleItems):
        store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "OR", "invloed": 2}, 1)],
                               person_id=person.id, client_id="a")
    [moved] = store.save_map_changes(gid, [MapChange("position", "s1", {"x": 9.0, "y": 1.0}, 1)],
                                     person_id=person.id, client_id="a")
    assert moved.item.version == 3
    current = {i.kind: i.data for i in store.map_items(gid)}
    assert current == {"stakeholder": {"naam": "OR", "invloed": 4}, "position": {"x": 9.0, "y": 1.0}}


def test_a_new_item_is_saved_but_an_id_that_exists_is_not_new(store: Store, other_kernel: Store,
                                                              person: Person) -> None:
    """Is a new item (no base version) saved as version 1, and refused when another kernel made that id first?"""
    gid = person.group_id
    [made] = other_kernel.save_items("gesprekken", gid, [ItemChange("citaat", "c1", {"tekst": "ja"})],
                                     person_id=person.id, client_id="b")
    assert made.item.version == 1 and made.conflict is None
    with pytest.raises(StaleItems):
        store.save_items("gesprekken", gid, [ItemChange("citaat", "c1", {"tekst": "nee"})], person_id=person.id,
                         client_id="a")
    [edited] = store.save_items("gesprekken", gid, [ItemChange("citaat", "c1", {"tekst": "ja!"}, 1)],
                                person_id=person.id, client_id="a")
    assert edited.item.version == 2


def test_the_share_choice_is_an_act_item_and_a_stale_choice_is_refused(store: Store, other_kernel: Store,
                                                                        person: Person) -> None:
    """Does the act space take the group's kruisbestuiving choice ("delen", migration 0009), compare-and-set?"""
    bram, gid = _bram(store, person), person.group_id
    store.save_items("act", gid, [ItemChange("delen", "delen", {"aan": True})], person_id=person.id, client_id="a")
    other_kernel.save_items("act", gid, [ItemChange("delen", "delen", {"aan": False}, 1)], person_id=bram.id,
                            client_id="b")
    with pytest.raises(StaleItems):
        store.save_items("act", gid, [ItemChange("delen", "delen", {"aan": True}, 1)], person_id=person.id,
                         client_id="a")
    [latest] = [i for i in store.items("act", gid) if i.kind == "delen"]
    assert (latest.version, latest.data) == (2, {"aan": False})
