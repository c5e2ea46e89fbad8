"""The logboek's key registry: the draft of the new-entry box is its one answer key."""

from __future__ import annotations

from tests.support.logbook import new_logbook
from wijwerken_widgets.shared.logbook.keys import DRAFT, REGISTRY
from wijwerken_widgets.ui.context import Context


def test_the_draft_is_the_only_answer_the_logbook_saves_and_it_is_registered(ctx: Context) -> None:
    """After typing a draft and adding entries, is every answer key stored for the person the registered draft?"""
    logbook = new_logbook(ctx)
    logbook.text.value = "Iets"
    logbook.add_button.click()
    assert set(ctx.store.latest_answers(ctx.person.id)) == {DRAFT.key}
    assert REGISTRY.answer(DRAFT.key) is DRAFT and REGISTRY.keys() == {"logboek.concept"}
