"""Dag 2's key registry: is every answer and every kind of map item the page saves registered, once?"""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest

from wijwerken_widgets.pages import dag2
from wijwerken_widgets.pages.dag2 import keys, texts
from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
from wijwerken_widgets.pages.dag2.entry_relations import RelationForm
from wijwerken_widgets.pages.dag2.insight import InsightView
from wijwerken_widgets.pages.dag2.keys import REGISTRY
from wijwerken_widgets.pages.dag2.network import NetworkView
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui.context import Context

PAGE_DIR = Path(dag2.__file__).parent


def find(widget, kind: type):
    """The first widget of ``kind`` inside ``widget``."""
    if isinstance(widget, kind):
        return widget
    for child in getattr(widget, "children", ()):
        if (found := find(child, kind)) is not None:
            return found
    return None


def fill_every_exercise(ctx: Context) -> None:
    """Add two stakeholders and a relation, drag one, and say which one is me and what that means."""
    entry = dag2.entry.section(ctx)
    form = find(entry, StakeholderForm)
    for naam in ("Wijkagent", "Ik zelf"):
        form.naam.value = naam
        form.submit()
    find(entry, widgets.Tab).selected_index = 3  # "Relaties": built when first opened
    relations = find(entry, RelationForm)
    people = page_map(ctx).map.stakeholders
    relations.van.value, relations.naar.value = people[0].id, people[1].id
    relations.submit()
    find(dag2.network.section(ctx), NetworkView).positions.value = json.dumps({people[0].id: {"x": 10, "y": 20}})
    insight = find(dag2.insight.section(ctx), InsightView)
    insight.me.value = people[1].id
    insight.reflection.value = "Ik ken vooral collega's"


def test_every_saved_answer_is_registered_and_every_registered_key_is_saved(ctx: Context) -> None:
    """After a participant did every exercise, are the stored keys exactly the registry's keys?"""
    fill_every_exercise(ctx)
    saved = ctx.store.latest_answers(ctx.person.id, prefix=keys.PREFIX)
    assert set(saved) == REGISTRY.keys()
    for key, version in saved.items():
        assert isinstance(version.value, str) and version.value, key  # both are text or a choice (an id)


def test_every_kind_of_map_item_is_registered_with_a_type_that_reads_it(ctx: Context) -> None:
    """Are the kinds the page stored in the group's map exactly the registered ones, each readable by its type?"""
    fill_every_exercise(ctx)
    items = ctx.store.items(keys.SPACE, ctx.group.id)
    assert {item.kind for item in items} == {kind.kind for kind in REGISTRY.items}
    registered = {kind.kind: kind for kind in REGISTRY.items}
    for item in items:
        kind = registered[item.kind]
        assert kind.space == keys.SPACE == MapSession.space
        if kind.type is not None:
            assert kind.type.from_data(item.item_id, item.data).data() == item.data
        else:
            assert set(item.data) == {"x", "y"}


def test_every_key_and_kind_names_an_exercise_of_the_page() -> None:
    """Does each registered answer and item kind belong to an exercise of dag2.yaml with its own module?"""
    exercises = texts.load().exercises
    for entry in (*REGISTRY.answers, *REGISTRY.items):
        assert hasattr(exercises, entry.exercise), entry
        assert (PAGE_DIR / f"{entry.exercise}.py").is_file(), entry
        assert entry.label.strip() and entry.meaning.strip()
    assert all(answer.key.startswith(keys.PREFIX) for answer in REGISTRY.answers)
    assert REGISTRY.page == "dag2"


@pytest.mark.parametrize("key", sorted(REGISTRY.keys()))
def test_each_key_string_is_written_once_in_the_page(key: str) -> None:
    """Is the key spelled only in keys.py, so the exercises all use its constant?"""
    spelled = {path.name: path.read_text(encoding="utf-8").count(f'"{key}"') for path in PAGE_DIR.glob("*.py")}
    assert {name: n for name, n in spelled.items() if n} == {"keys.py": 1}
