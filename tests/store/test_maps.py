"""A group's shared stakeholder map in the store: versions, attribution, removal and restore."""

from __future__ import annotations

import threading

from wijwerken_widgets.store import MapChange, Person, StaleItems, Store


def _colleague(store: Store, person: Person, name: str = "Bram Smit") -> Person:
    return store.add_person(person.cohort_id, name, "deelnemer", f"hash-{name}", group_id=person.group_id)


def test_every_change_is_a_new_attributed_version(store: Store, person: Person) -> None:
    """Does an edit append version 2 by its author while version 1 stays in the history?"""
    bram = _colleague(store, person)
    gid = person.group_id
    [first] = store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "Wethouder"})],
                                     person_id=person.id, client_id="tab-a")
    [second] = store.save_map_changes(
        gid, [MapChange("stakeholder", "s1", {"naam": "Wethouder Jansen"}, base_version=1)],
        person_id=bram.id, client_id="tab-b",
    )
    assert (first.item.version, second.item.version) == (1, 2)
    assert second.conflict is None
    [current] = store.map_items(gid)
    assert current.data == {"naam": "Wethouder Jansen"} and current.person_id == bram.id
    history = store.map_history(gid, item_id="s1")
    assert [(v.version, v.person_id, v.data["naam"]) for v in history] == [
        (2, bram.id, "Wethouder Jansen"),
        (1, person.id, "Wethouder"),
    ]
    assert store.map_revision(gid) == second.item.id


def test_removed_items_stay_restorable(store: Store, person: Person) -> None:
    """Is a removal a version with 'deleted', after which a restore brings the same data back?"""
    gid = person.group_id
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "Buurtcoach"})], person_id=person.id,
                           client_id="a")
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "Buurtcoach"}, 1, deleted=True)],
                           person_id=person.id, client_id="a")
    [removed] = store.map_items(gid)
    assert removed.deleted and removed.version == 2
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", removed.data, 2)], person_id=person.id,
                           client_id="a")
    [restored] = store.map_items(gid)
    assert not restored.deleted and restored.data == {"naam": "Buurtcoach"} and restored.version == 3


def test_maps_of_groups_are_separate(store: Store, person: Person) -> None:
    """Does one group's map never show another group's items?"""
    other_group = store.add_group(person.cohort_id, "Team Intern", "intern")
    other = store.add_person(person.cohort_id, "Cor", "deelnemer", "hash-cor", group_id=other_group.id)
    store.save_map_changes(person.group_id, [MapChange("stakeholder", "s1", {"naam": "A"})], person_id=person.id,
                           client_id="a")
    store.save_map_changes(other_group.id, [MapChange("stakeholder", "s2", {"naam": "B"})], person_id=other.id,
                           client_id="b")
    assert [i.item_id for i in store.map_items(person.group_id)] == ["s1"]
    assert [i.item_id for i in store.map_items(other_group.id)] == ["s2"]
    assert store.map_revision(store.add_group(person.cohort_id, "Leeg", "intern").id) == 0


def test_positions_never_conflict(store: Store, person: Person) -> None:
    """Is dragging a node (a position) last-writer-wins without a conflict notice?"""
    bram = _colleague(store, person)
    gid = person.group_id
    store.save_map_changes(gid, [MapChange("position", "s1", {"x": 1.0, "y": 2.0})], person_id=person.id,
                           client_id="a")
    [moved] = store.save_map_changes(gid, [MapChange("position", "s1", {"x": 5.0, "y": 6.0})],
                                     person_id=bram.id, client_id="b")
    assert moved.conflict is None and moved.item.version == 2


def test_a_batch_is_one_transaction(store: Store, person: Person) -> None:
    """Does a batch with an invalid change save nothing at all (an import is all or nothing)?"""
    gid = person.group_id
    changes = [MapChange("stakeholder", "s1", {"naam": "A"}), MapChange("stakeholder", "s2", {"bad": float("nan")})]
    try:
        store.save_map_changes(gid, changes, person_id=person.id, client_id="a")
    except ValueError:
        pass
    else:
        raise AssertionError("a NaN value must be refused")
    assert store.map_items(gid) == []


def test_concurrent_editors_get_consecutive_versions(store: Store, person: Person) -> None:
    """Do eight kernels saving the same stakeholder at once (each retrying from the latest version when refused
    as stale) produce versions 1..8 with no lost save?"""
    people = [_colleague(store, person, f"Deelnemer {i}") for i in range(8)]
    gid = person.group_id
    start = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def edit(p: Person) -> None:
        try:
            start.wait()
            while True:
                latest = store.map_history(gid, item_id="s1", limit=1)
                base = latest[0].version if latest else None
                try:
                    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": p.name}, base)],
                                           person_id=p.id, client_id=p.name)
                    return
                except StaleItems:
                    continue
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    history = store.map_history(gid, item_id="s1")
    assert sorted(v.version for v in history) == list(range(1, 9))
    assert {v.data["naam"] for v in history} == {p.name for p in people}


def test_changes_since_a_revision_are_returned_in_order(store: Store, person: Person) -> None:
    """Does a kernel that saw revision r get exactly the versions saved after r, oldest first?"""
    gid = person.group_id
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "A"})], person_id=person.id, client_id="a")
    seen = store.map_revision(gid)
    store.save_map_changes(gid, [MapChange("stakeholder", "s2", {"naam": "B"}),
                                 MapChange("stakeholder", "s1", {"naam": "A2"}, 1)], person_id=person.id,
                           client_id="a")
    changes = store.map_changes_since(gid, seen)
    assert [(c.item_id, c.version) for c in changes] == [("s2", 1), ("s1", 2)]
    assert store.map_changes_since(gid, store.map_revision(gid)) == []


def test_history_of_content_leaves_out_any_number_of_drags(store: Store, person: Person) -> None:
    """After many drags, does the history of stakeholders and relations still reach back to the first change?"""
    gid = person.group_id
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "A"})], person_id=person.id, client_id="a")
    store.save_map_changes(gid, [MapChange("position", "s1", {"x": float(i), "y": 0.0}) for i in range(50)],
                           person_id=person.id, client_id="a")
    history = store.map_history(gid, kind=("stakeholder", "relation"), limit=5)
    assert [(i.kind, i.item_id) for i in history] == [("stakeholder", "s1")]
