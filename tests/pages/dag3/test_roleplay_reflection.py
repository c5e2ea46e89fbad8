"""Dag 3's reflection after a round: a personal answer, not shared with the trio."""

from __future__ import annotations

from tests.support.dag3 import new_views, start_trio
from wijwerken_widgets.pages.dag3.roleplay_reflection import EarlierReflections
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


def test_my_reflection_stays_readable_after_the_next_round_begins(trio, part, scenarios) -> None:
    """When the trio moves on, does Fatima still see what she wrote after round 1 (escaped), and only she?"""
    from tests.support.dag3 import GESPREK, reload_all

    fatima, jeroen, sanne = new_views(trio, scenarios, part)
    start_trio(fatima)
    reload_all([jeroen, sanne])
    fatima.reflection.inputs["goed"].value = "Ik liet de <b>stilte</b> vallen.\nEn vroeg door."
    fatima.reflection.inputs["meenemen"].value = "Eerst luisteren."
    fatima.next_picker.value = GESPREK
    fatima.next_round()
    assert fatima.round_index == 1 and fatima.reflection.inputs["goed"].value == ""
    [earlier] = [w for w in fatima.children if isinstance(w, EarlierReflections)]
    text = earlier.value
    assert "Je reflecties na eerdere rondes (1)" in text and "Ronde 1" in text
    assert "Ik liet de &lt;b&gt;stilte&lt;/b&gt; vallen.<br>En vroeg door." in text and "Eerst luisteren." in text
    assert part.reflection.anders.label not in text  # left empty
    jeroen.session.reload()
    [theirs] = [w for w in jeroen.children if isinstance(w, EarlierReflections)]
    assert "stilte" not in theirs.value
