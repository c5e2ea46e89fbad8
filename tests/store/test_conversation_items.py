"""The Dag 3 space of a group's shared items: kept apart from the map, same versions (compare-and-set: tests/store/test_items.py)."""

from __future__ import annotations

import pytest

from wijwerken_widgets.store import ItemChange, MapChange, Person, Store


def test_conversations_and_the_map_are_separate_spaces(store: Store, person: Person) -> None:
    gid = person.group_id
    store.save_map_changes(gid, [MapChange("stakeholder", "s1", {"naam": "OR"})], person_id=person.id,
                           client_id="a")
    [saved] = store.save_items("gesprekken", gid, [ItemChange("gesprek", "g1", {"stakeholder_id": "s1"})],
                               person_id=person.id, client_id="a")
    assert [i.item_id for i in store.items("gesprekken", gid)] == ["g1"]
    assert [i.item_id for i in store.map_items(gid)] == ["s1"]
    assert store.items_revision("gesprekken", gid) == saved.item.id
    assert store.items_since("gesprekken", gid, saved.item.id) == []


def test_map_kinds_are_refused_in_the_conversation_space(store: Store, person: Person) -> None:
    with pytest.raises(ValueError, match="kind"):
        store.save_items("gesprekken", person.group_id, [ItemChange("stakeholder", "s1", {})],
                         person_id=person.id, client_id="a")
