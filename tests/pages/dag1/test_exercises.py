"""The Dag 1 exercises, driven from Python the way a participant drives them in the browser."""

from __future__ import annotations

from wijwerken_widgets.pages import dag1
from wijwerken_widgets.pages.dag1.vraagstuk_choice import KEY_DESCRIPTION, KEY_KIND
from wijwerken_widgets.ui.context import Context


def latest(ctx: Context, key: str):
    version = ctx.store.latest_answer(ctx.person.id, key)
    return None if version is None else version.value


def test_vraagstuk_is_prefilled_from_the_cohort_and_stored_only_when_changed(ctx: Context) -> None:
    """Does a Groep Buiten member start on the cohort's external vraagstuk, without a stored answer yet?"""
    exercise = dag1.vraagstuk_choice.section(ctx)
    assert exercise.kind.value == "extern"
    assert exercise.description.value.startswith("Bewonersinitiatieven die slagen")
    assert exercise.prefilled_note.layout.display != "none"
    assert latest(ctx, KEY_DESCRIPTION) is None

    exercise.kind.value = "intern"
    assert exercise.description.value.startswith("Talent benutten, samen")
    assert latest(ctx, KEY_KIND) == "intern"
    assert latest(ctx, KEY_DESCRIPTION) is None

    exercise.description.value = "Mijn eigen woorden"
    exercise.kind.value = "extern"
    assert exercise.description.value == "Mijn eigen woorden"
    assert exercise.prefilled_note.layout.display == "none"
    again = dag1.vraagstuk_choice.section(Context.for_person(ctx.store, ctx.person))
    assert (again.kind.value, again.description.value) == ("extern", "Mijn eigen woorden")


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


def test_assumptions_rows_are_saved_and_restored(ctx: Context) -> None:
    """Are added and removed aannames stored as one list and back after a reload?"""
    exercise = dag1.assumptions.section(ctx)
    exercise.rows.add_button.click()
    exercise.rows.add_row({"assumption": "Bewoners lezen de website niet", "how": "vragen", "with_whom": "wijkraad"})
    exercise.rows.remove_row(0)
    assert latest(ctx, "dag1.aannames") == [
        {"assumption": "Bewoners lezen de website niet", "how": "vragen", "with_whom": "wijkraad"}
    ]
    again = dag1.assumptions.section(Context.for_person(ctx.store, ctx.person))
    assert again.rows.value == latest(ctx, "dag1.aannames")


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


def test_summary_card_shows_answers_literally_and_updates_after_saves(ctx: Context) -> None:
    """Does the card escape participant text and follow new answers without a reload?"""
    card = dag1.summary_card.section(ctx)
    assert "Nog niet ingevuld" in card.card.value
    exercise = dag1.problem_statement.section(ctx)
    exercise.inputs["hoofdvraag"].value = "<img src=x onerror=alert(1)> Hoe dan?"
    assert "&lt;img src=x onerror=alert(1)&gt; Hoe dan?" in card.card.value
    assert "<img" not in card.card.value


def test_why_steps_carry_their_css_classes_one_by_one(ctx: Context) -> None:
    """Are the why-chain steps styled as a chain (separate DOM classes; a class with a space is invalid)?"""
    exercise = dag1.real_problem.section(ctx)
    steps = [w for w in _walk(exercise) if "ww-why-step" in w._dom_classes]
    assert len(steps) == 5
    assert all(" " not in cls for w in _walk(exercise) for cls in w._dom_classes)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
