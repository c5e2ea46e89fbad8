"""The start page's way to the trainer page: shown to trainers only."""

from __future__ import annotations

from wijwerken_widgets.pages.start import trainer_link
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.ui.context import Context


def test_does_only_a_trainer_see_the_link_to_tussen_de_dagen(ctx: Context, codes) -> None:
    assert ctx.person.role == "deelnemer" and trainer_link.section(ctx).layout.display == "none"
    person, _ = login(ctx.store, next(c for c in codes if c.rol == "trainer").code)
    shown = trainer_link.section(Context.for_person(ctx.store, person))
    assert 'href="trainer.ipynb"' in shown.children[0].value
    assert 'href="groepswerk.ipynb"' in shown.children[0].value
