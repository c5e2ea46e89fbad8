"""Dag 2's relation form: drawing a line between two stakeholders, and taking it away."""

from __future__ import annotations

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.entry_relations import RelationForm
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_a_relation_is_added_once_and_removed_with_one_feedback_line(ctx: Context) -> None:
    """Is a relation added, a second identical one refused, and removed again, each said on the form's one line?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent"}), validate_stakeholder({"naam": "Wethouder"})])
    form = RelationForm(session)
    line, children = form.feedback, list(form.children)
    agent, alderman = session.map.find("Wijkagent"), session.map.find("Wethouder")
    form.van.value, form.naar.value, form.soort.value = agent.id, alderman.id, "spanning"
    form.submit()
    assert form.feedback.text == "Relatie toegevoegd." and len(session.map.relations) == 1
    assert form.current.options[0][0] == "Wijkagent — spanning (gewoon) — Wethouder"
    form.van.value, form.naar.value, form.soort.value = agent.id, alderman.id, "spanning"
    form.submit()
    assert form.feedback.text == "Deze relatie staat al op de kaart." and len(session.map.relations) == 1
    form.current.value = None
    form.remove()
    assert form.feedback.text == "Kies eerst een relatie in de lijst."
    form.current.value = session.map.relations[0].id
    form.remove()
    assert form.feedback.text == "Relatie weggehaald." and session.map.relations == ()
    assert form.feedback is line and list(form.children) == children  # one line, updated in place


def test_the_chosen_ends_stay_chosen_when_the_map_changes(ctx: Context) -> None:
    """After adding a relation (which changes the map and so the lists), are Van and Naar still the ones chosen?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": n}) for n in ("Anna", "Bram", "Cor")])
    form = RelationForm(session)
    assert (form.van.value, form.naar.value) == (None, None)
    bram, cor = session.map.find("Bram"), session.map.find("Cor")
    form.van.value, form.naar.value = bram.id, cor.id
    form.submit()
    assert (form.van.value, form.naar.value) == (bram.id, cor.id)
    session.add([validate_stakeholder({"naam": "Aad"})])  # sorts first: new options must not pick it
    assert (form.van.value, form.naar.value) == (bram.id, cor.id)
