"""Dag 1, oefening 2: probleem, doel and hoofdvraag with live coaching."""

from __future__ import annotations

from tests.pages.dag1.conftest import latest
from wijwerken_widgets.pages import dag1
from wijwerken_widgets.ui.context import Context


def test_hoofdvraag_coaching_follows_the_text(ctx: Context) -> None:
    """Does the coaching change while typing, from tips on a closed solution-question to praise for an open one?"""
    exercise = dag1.problem_statement.section(ctx)
    hoofdvraag = exercise.inputs["hoofdvraag"]
    hoofdvraag.value = "Moeten we een app invoeren voor meldingen?"
    rules = exercise.coaching["hoofdvraag"].rules
    assert "closed_question" in rules and "contains_solution" in rules
    hoofdvraag.value = "Hoe ervaren inwoners die dit jaar een vergunning aanvroegen het contact met de gemeente?"
    rules = exercise.coaching["hoofdvraag"].rules
    assert "open_question" in rules and "no_solution" in rules
    assert "closed_question" not in rules and "contains_solution" not in rules
    assert latest(ctx, "dag1.hoofdvraag").startswith("Hoe ervaren inwoners")
