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


def test_the_grey_examples_follow_the_chosen_vraagstuk(ctx: Context) -> None:
    """Does someone who chooses the internal vraagstuk see examples about colleagues, not about residents, also after
    switching back and forth and in a new kernel?"""
    from wijwerken_widgets.pages.dag1 import texts

    content = texts.load().exercises.problem_statement
    choice = dag1.vraagstuk_choice.section(ctx)
    exercise = dag1.problem_statement.section(ctx)
    choice.kind.value = "extern"
    choice.kind_saver.flush()
    assert exercise.inputs["probleem"].placeholder == content.fields.probleem.placeholder
    assert "initiatie" in exercise.inputs["probleem"].placeholder.lower()
    choice.kind.value = "intern"
    choice.kind_saver.flush()
    intern = {name: exercise.inputs[name].placeholder for name in ("probleem", "doel", "hoofdvraag")}
    assert intern == {name: getattr(content.placeholders["intern"], name) for name in intern}
    assert not any("bewoner" in text.lower() or "initiatie" in text.lower() for text in intern.values())
    again = dag1.problem_statement.section(Context.for_person(ctx.store, ctx.person))
    assert again.inputs["doel"].placeholder == intern["doel"]


def test_the_examples_of_oefening_3_and_4_follow_the_chosen_vraagstuk_too(ctx: Context) -> None:
    """Do the aannames rows (also one added later), the why chain, the tree and the perspectives show internal
    examples for the internal vraagstuk, and the residents' ones again after switching back?"""
    from wijwerken_widgets.pages.dag1 import texts

    content = texts.load().exercises
    choice = dag1.vraagstuk_choice.section(ctx)
    assumptions, real = dag1.assumptions.section(ctx), dag1.real_problem.section(ctx)
    assumptions.rows.add_row()
    choice.kind.value = "intern"
    choice.kind_saver.flush()
    intern_3, intern_4 = content.assumptions.placeholders["intern"], content.real_problem.placeholders["intern"]
    assumptions.rows.add_row()
    shown = [row["assumption"].placeholder for row in assumptions.rows._rows]
    assert shown == [intern_3.assumption, intern_3.assumption]
    assert real.why_inputs["start"].placeholder == intern_4.start
    assert real.tree_inputs["gevolgen"].placeholder == intern_4.gevolgen
    real.perspectives.add_row()
    assert real.perspectives._rows[0]["who"].placeholder == intern_4.who
    assert real.reflection.placeholder == intern_4.reflectie
    choice.kind.value = "extern"
    choice.kind_saver.flush()
    assert assumptions.rows._rows[1]["how"].placeholder == content.assumptions.columns.how.placeholder
    assert real.why_inputs["start"].placeholder == content.real_problem.why_chain.start.placeholder
