"""Fixtures of the "Werk van de groepen" tests: the demo cohort's trainer, and a second cohort with its own group."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets
import pytest

from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Group, ItemChange, Person, Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def coach(store: Store, codes, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> Context:
    """The demo cohort's trainer, reading the participant ``ctx``'s group (``?groep=``)."""
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


@pytest.fixture
def other_cohort(store: Store) -> tuple[Group, Person]:
    """Cohort B: one group with one participant, who wrote a problem and shared a logboek entry."""
    cohort = store.add_cohort("ander", "Anderegemeente", "Cohort Ander", {})
    group = store.add_group(cohort.id, "Groep Elders", "extern")
    member = store.add_person(cohort.id, "Bea Elders", "deelnemer", "hash-bea", group_id=group.id)
    store.save_answer(member.id, "dag1.probleem", "Het geheim van cohort B", client_id="t", base_id=None)
    store.save_log_entry(member.id, "b1", day="dag1", prompt="", text="Gedeeld in B", sharing="trainer",
                         client_id="t")
    store.save_log_entry(member.id, "b2", day="dag1", prompt="", text="Privé in B", sharing="prive", client_id="t")
    return group, member


def save(store: Store, space: str, group_id: int, person_id: int, *items: tuple[str, str, dict]) -> None:
    """Store new group items (kind, item id, data) as ``person_id``."""
    store.save_items(space, group_id, [ItemChange(kind, item_id, data) for kind, item_id, data in items],
                     person_id=person_id, client_id="t")


def tree(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from tree(child)


def text_of(widget: widgets.Widget) -> str:
    return " ".join(str(getattr(w, "value", "")) for w in tree(widget))
