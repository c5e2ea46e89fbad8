"""Dag 1, oefening 4: "Is het probleem wel het echte probleem?" (why chain, tree, perspectives, reflection)."""

from __future__ import annotations

from tests.pages.dag1.conftest import latest, walk
from wijwerken_widgets.pages import dag1
from wijwerken_widgets.ui.context import Context


def test_real_problem_parts_are_saved(ctx: Context) -> None:
    """Are the why chain, tree, perspectives and reflection stored under their own keys?"""
    exercise = dag1.real_problem.section(ctx)
    exercise.why_inputs["start"].value = "Weinig bewoners op wijkavonden"
    exercise.why_inputs["waarom_1"].value = "Omdat ze het niet weten"
    exercise.tree_inputs["oorzaken"].value = "Uitnodiging alleen online"
    exercise.perspectives.add_row({"who": "Een initiatiefnemer", "definition": "Van loket naar loket"})
    exercise.reflection.value = "Het gaat om eigenaarschap"
    assert latest(ctx, "dag1.waarom")["waarom_1"] == "Omdat ze het niet weten"
    assert latest(ctx, "dag1.probleemboom")["oorzaken"] == "Uitnodiging alleen online"
    assert latest(ctx, "dag1.perspectieven")[0]["who"] == "Een initiatiefnemer"
    assert latest(ctx, "dag1.perspectieven")[0]["source"]  # a source is always chosen
    assert latest(ctx, "dag1.reflectie") == "Het gaat om eigenaarschap"


def test_why_steps_carry_their_css_classes_one_by_one(ctx: Context) -> None:
    """Are the why-chain steps styled as a chain (separate DOM classes; a class with a space is invalid)?"""
    exercise = dag1.real_problem.section(ctx)
    steps = [w for w in walk(exercise) if "ww-why-step" in w._dom_classes]
    assert len(steps) == 5
    assert all(" " not in cls for w in walk(exercise) for cls in w._dom_classes)
