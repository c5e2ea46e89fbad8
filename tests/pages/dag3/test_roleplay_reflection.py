"""Dag 3's reflection after a round: a personal answer, not shared with the trio."""

from __future__ import annotations

from tests.support.dag3 import new_views, start_trio
from wijwerken_widgets.ui.context import Context


def test_a_reflection_is_personal_and_survives_a_new_kernel(trio, part, scenarios) -> None:
    """Is the reflection after a round saved for its writer only, and shown again in a new kernel?"""
    fatima, jeroen, _ = new_views(trio, scenarios, part)
    start_trio(fatima)
    jeroen.session.reload()
    fatima.reflection.inputs["goed"].value = "Ik liet de stilte vallen."
    fatima.reflection.inputs["meenemen"].value = "Eerst luisteren."
    key = f"dag3.rollenspel.{fatima.trio.item_id}.0"
    assert fatima.session.ctx.store.latest_answer(fatima.me, key).value["goed"] == "Ik liet de stilte vallen."
    assert jeroen.reflection.inputs["goed"].value == ""
    again = new_views([Context.for_person(fatima.session.ctx.store, fatima.session.ctx.person)], scenarios, part)[0]
    assert again.reflection.inputs["goed"].value == "Ik liet de stilte vallen."
    assert again.reflection.inputs["meenemen"].value == "Eerst luisteren."
