"""Dag 1, oefening 5: the vraagstuk on one card, derived from the stored answers."""

from __future__ import annotations

from wijwerken_widgets.pages import dag1
from wijwerken_widgets.ui.context import Context


def test_summary_card_shows_answers_literally_and_updates_after_saves(ctx: Context) -> None:
    """Does the card escape participant text and follow new answers without a reload?"""
    card = dag1.summary_card.section(ctx)
    assert "Nog niet ingevuld" in card.card.value
    exercise = dag1.problem_statement.section(ctx)
    exercise.inputs["hoofdvraag"].value = "<img src=x onerror=alert(1)> Hoe dan?"
    assert "&lt;img src=x onerror=alert(1)&gt; Hoe dan?" in card.card.value
    assert "<img" not in card.card.value
