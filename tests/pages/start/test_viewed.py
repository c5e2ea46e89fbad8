"""Wie bekeek je werk?: on request a participant reads which trainer opened or downloaded their work, and when; not
another group's views, not a participant's own actions."""

from __future__ import annotations

from wijwerken_widgets.pages.start import viewed
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.ui.context import Context


def test_a_participant_reads_which_trainer_viewed_their_groups_work(ctx: Context, codes) -> None:
    store, cohort = ctx.store, ctx.cohort
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    other_group = next(g for g in store.groups(cohort.id) if g.id != ctx.group.id)
    store.audit("view", "group", ctx.group.id, origin="kernel", actor_id=trainer.id, cohort_id=cohort.id)
    store.audit("export", "cohort", cohort.id, origin="kernel", actor_id=trainer.id, cohort_id=cohort.id)
    store.audit("view", "group", other_group.id, origin="kernel", actor_id=trainer.id, cohort_id=cohort.id)
    store.audit("view", "group", ctx.group.id, origin="kernel", actor_id=ctx.person.id, cohort_id=cohort.id)

    section = viewed.section(ctx)
    assert section.result.value == ""  # only on request
    section.show.click()
    shown = section.result.value
    assert shown.count("<tr><td>") == 2 and trainer.name in shown
    assert shown.index("downloadde de voortgang") < shown.index("bekeek het werk van je groep")  # newest first
    assert viewed.section(Context.for_person(store, trainer)).layout.display == "none"


def test_nobody_yet_says_so(ctx: Context) -> None:
    section = viewed.section(ctx)
    section.show.click()
    assert "Nog geen trainer" in section.result.value
