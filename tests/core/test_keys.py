"""A page's key registry: lookups of stored keys (also made from a pattern) and of item kinds."""

from __future__ import annotations

import pytest

from wijwerken_widgets.core.keys import AnswerKey, ItemKind, Registry

REFLECTION = AnswerKey("dag9.ronde.{trio}.{ronde}", "roleplay", "Reflectie", "a reflection per trio and round", "record")
NOTE = AnswerKey("dag9.notitie", "note", "Notitie", "a note")
PLAN = ItemKind("gesprekken", "gesprek", "plans", "Gespreksplan", "a plan")
REGISTRY = Registry(page="dag9", answers=(REFLECTION, NOTE), items=(PLAN,))


def test_a_stored_key_finds_its_entry_also_when_made_from_a_pattern() -> None:
    """Does "dag9.ronde.t1.0" find the pattern entry, and a plain key itself?"""
    assert REGISTRY.answer("dag9.ronde.t1.0") is REFLECTION
    assert REGISTRY.answer("dag9.notitie") is NOTE


@pytest.mark.parametrize("key", ["dag9.ronde.t1", "dag9.ronde.a.b.c", "xdag9.notitie", "dag9.notitie.x", "dag1.doel"])
def test_a_key_the_page_does_not_save_finds_nothing(key: str) -> None:
    """Is a key with too few or too many parts, or of another page, unknown?"""
    assert REGISTRY.answer(key) is None


def test_item_kinds_and_exercises_are_looked_up() -> None:
    """Are item kinds found by space and kind, and answers by their exercise?"""
    assert REGISTRY.item("gesprekken", "gesprek") is PLAN
    assert REGISTRY.item("map", "gesprek") is None
    assert REGISTRY.exercise("note") == (NOTE,)
    assert REGISTRY.keys() == {"dag9.ronde.{trio}.{ronde}", "dag9.notitie"}


def test_a_key_registered_twice_is_refused() -> None:
    """Is a page whose registry names one key twice caught when it is made?"""
    with pytest.raises(ValueError, match="twice"):
        Registry(page="dag9", answers=(NOTE, NOTE))
