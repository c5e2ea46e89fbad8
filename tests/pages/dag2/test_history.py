"""Dag 2's history: who changed what on the map, in plain Dutch."""

from __future__ import annotations

import html

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.history import HistoryView
from wijwerken_widgets.shared.stakeholders.model import validate_relation, validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_an_import_is_one_line_in_the_history(ctx: Context) -> None:
    """Does a save of many stakeholders at once read as one line, while single edits keep their own lines?"""
    session = map_session(ctx)
    people = [validate_stakeholder({"naam": f"Bewoner {i}"}) for i in range(5)]
    session.add(people, [validate_relation({"van": people[0].id, "naar": people[1].id})])
    session.add([validate_stakeholder({"naam": "Wijkagent"})])
    text = html.unescape(HistoryView(session).changes.value)
    assert f"<bdi>{ctx.person.name}</bdi> zette '<bdi>Wijkagent</bdi>' op de kaart" in text
    assert f"<bdi>{ctx.person.name}</bdi> zette of wijzigde 5 stakeholders en 1 relatie in één keer" in text
    assert text.count("<li>") == 2


def test_a_removed_stakeholder_is_put_back_on_the_first_click(ctx: Context) -> None:
    """After a removal, does the restore dropdown have it chosen, does one click bring it back, and does an earlier
    success message go away when the next one is removed?"""
    session = map_session(ctx)
    view = HistoryView(session)
    session.add([validate_stakeholder({"naam": "Aad"}), validate_stakeholder({"naam": "Bea"})])
    aad, bea = session.map.find("Aad"), session.map.find("Bea")
    session.remove("stakeholder", aad.id)
    assert view.removed.value == aad.id
    view.restore_button.click()
    assert session.map.find("Aad") is not None and "'Aad' staat weer op de kaart" in view.feedback.text
    session.remove("stakeholder", bea.id)
    assert view.removed.value == bea.id and view.feedback.text == ""
    view.restore_button.click()
    assert session.map.find("Bea") is not None
