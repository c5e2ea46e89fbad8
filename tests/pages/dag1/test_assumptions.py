"""Dag 1, oefening 3: aannames, and how and with whom to check them."""

from __future__ import annotations

from tests.pages.dag1.conftest import latest
from wijwerken_widgets.pages import dag1
from wijwerken_widgets.ui.context import Context


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


def test_removing_an_assumption_or_a_perspective_asks_first(ctx: Context) -> None:
    """Does the first click on Verwijderen only ask "Zeker weten? Klik nogmaals" (from dag1.yaml), and the second
    remove the row, for aannames and perspectieven alike?"""
    exercise = dag1.assumptions.section(ctx)
    exercise.rows.add_row({"assumption": "Bewoners lezen de website niet"})
    real = dag1.real_problem.section(ctx)
    real.perspectives.add_row({"who": "Een initiatiefnemer"})
    for rows, key in ((exercise.rows, "dag1.aannames"), (real.perspectives, "dag1.perspectieven")):
        remove = rows.rows_box.children[0].children[-1]
        assert remove.description == "Verwijderen"
        remove.click()
        assert remove.description == "Zeker weten? Klik nogmaals" and remove.button_style == "danger"
        assert len(rows.value) == 1 and len(latest(ctx, key)) == 1
        remove.click()
        assert rows.value == [] and latest(ctx, key) == []
