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
