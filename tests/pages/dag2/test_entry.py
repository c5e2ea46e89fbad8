"""Dag 2's entry exercise: the map's status line, the tabs built when first opened, the trainer's group links."""

from __future__ import annotations

import re

import ipywidgets as widgets

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2 import entry, texts
from wijwerken_widgets.pages.dag2.entry import MapStatus
from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
from wijwerken_widgets.pages.dag2.entry_relations import RelationForm
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.stakeholders.model import validate_relation, validate_stakeholder
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


def find(widget, kind: type):
    if isinstance(widget, kind):
        return widget
    return next((found for child in getattr(widget, "children", ()) if (found := find(child, kind)) is not None),
                None)


def test_the_status_line_counts_the_map_and_follows_it(ctx: Context) -> None:
    """Does the status line name the group and count stakeholders and relations in words ("1 relatie" for one), also
    after a change?"""
    session = map_session(ctx)
    status = MapStatus(session, texts.load().exercises.entry)
    assert re.fullmatch(r"Kaart van \u2068Groep Buiten\u2069: 0 stakeholders, 0 relaties · bijgewerkt \d\d:\d\d", status.text.value)
    a, b = validate_stakeholder({"naam": "A"}), validate_stakeholder({"naam": "B"})
    session.add([a])
    assert status.text.value.startswith("Kaart van \u2068Groep Buiten\u2069: 1 stakeholder, 0 relaties · bijgewerkt ")
    session.add([b], [validate_relation({"van": a.id, "naar": b.id})])
    assert status.text.value.startswith("Kaart van \u2068Groep Buiten\u2069: 2 stakeholders, 1 relatie · bijgewerkt ")


def test_the_tabs_carry_the_yaml_titles_and_are_built_when_opened(ctx: Context) -> None:
    """Are the four tabs titled as in dag2.yaml, with only the form built until another tab is opened?"""
    section = entry.section(ctx)
    tabs = find(section, widgets.Tab)
    words = texts.load().exercises.entry.tabs
    assert tabs.titles == (words.form, words.table, words.importer, words.relations)
    assert find(section, StakeholderForm) is not None and find(section, RelationForm) is None
    tabs.selected_index = 3
    assert find(section, RelationForm) is not None


def test_a_trainer_gets_the_intro_and_links_to_the_groups(store: Store, codes) -> None:
    """Does a trainer (in no group) see the YAML's intro before the links to the groups' maps?"""
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    section = entry.section(Context.for_person(store, trainer))
    intro = texts.load().exercises.entry.trainer_intro
    assert any(intro in getattr(w, "value", "") and "?groep=" in w.value for w in section.children)
