"""Dag 1, oefening 1: choosing the vraagstuk, prefilled from the cohort."""

from __future__ import annotations

from tests.pages.dag1.conftest import latest
from wijwerken_widgets.pages import dag1
from wijwerken_widgets.pages.dag1.keys import VRAAGSTUK_DESCRIPTION, VRAAGSTUK_KIND
from wijwerken_widgets.ui.context import Context


def test_vraagstuk_is_prefilled_from_the_cohort_and_stored_only_when_changed(ctx: Context) -> None:
    """Does a Groep Buiten member start on the cohort's external vraagstuk, without a stored answer yet?"""
    exercise = dag1.vraagstuk_choice.section(ctx)
    assert exercise.kind.value == "extern"
    assert exercise.description.value.startswith("Bewonersinitiatieven die slagen")
    assert exercise.prefilled_note.layout.display != "none"
    assert latest(ctx, VRAAGSTUK_DESCRIPTION) is None

    exercise.kind.value = "intern"
    assert exercise.description.value.startswith("Talent benutten, samen")
    assert latest(ctx, VRAAGSTUK_KIND) == "intern"
    assert latest(ctx, VRAAGSTUK_DESCRIPTION) is None

    exercise.description.value = "Mijn eigen woorden"
    exercise.kind.value = "extern"
    assert exercise.description.value == "Mijn eigen woorden"
    assert exercise.prefilled_note.layout.display == "none"
    again = dag1.vraagstuk_choice.section(Context.for_person(ctx.store, ctx.person))
    assert (again.kind.value, again.description.value) == ("extern", "Mijn eigen woorden")


def test_each_vraagstuk_shows_its_own_example_and_placeholder(ctx: Context) -> None:
    """Does "De interne vraag" show its own examples and grey example text (from dag1.yaml), not the residents'?"""
    options = dag1.texts.load().exercises.vraagstuk_choice.options
    exercise = dag1.vraagstuk_choice.section(ctx)
    assert exercise.description.placeholder == options["extern"].placeholder
    assert "bewoners" in exercise.description.placeholder
    exercise.kind.value = "intern"
    assert exercise.description.placeholder == options["intern"].placeholder
    assert "bewoners" not in exercise.description.placeholder and "team" in exercise.description.placeholder
    assert "(Kerkrade en Vaals)" in exercise.option_html.value and "(Sittard-Geleen)" not in exercise.option_html.value
    exercise.kind.value = "extern"
    assert exercise.description.placeholder == options["extern"].placeholder


def test_a_trainer_is_not_told_that_their_trainer_filled_it_in(ctx: Context, codes) -> None:
    from wijwerken_widgets.people.identity import login

    trainer, _ = login(ctx.store, next(c for c in codes if c.rol == "trainer").code)
    exercise = dag1.vraagstuk_choice.section(Context.for_person(ctx.store, trainer))
    assert exercise.prefilled_note.layout.display == "none"
