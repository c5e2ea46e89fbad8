"""Dag 4's choice to share for kruisbestuiving: off by default, any member changes it, a stale click never wins."""

from __future__ import annotations

from tests.support.dag4 import act_session
from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.plan_share import ShareChoice
from wijwerken_widgets.shared.act.items import Delen
from wijwerken_widgets.ui.context import Context

WORDS = texts.load().exercises.plan.share


def stored(ctx: Context) -> bool:
    found = next((i for i in ctx.store.items("act", ctx.group.id) if i.kind == Delen.KIND), None)
    return found is not None and Delen.of(found).aan


def test_is_sharing_off_until_a_member_ticks_it_and_then_on_for_the_group(ctx: Context, groupmate: Context) -> None:
    mine = ShareChoice(act_session(ctx), WORDS)
    assert mine.box.value is False and not stored(ctx) and mine.box.description == WORDS.label
    assert "niet" in mine.children[0].value and "stakeholders" in mine.children[0].value
    mine.box.value = True
    assert stored(ctx) and "Opgeslagen" in mine.feedback.value
    theirs = ShareChoice(act_session(groupmate), WORDS)
    assert theirs.box.value is True
    theirs.box.value = False  # any member may change it
    assert not stored(ctx)


def test_does_a_stale_click_never_silently_win(ctx: Context, groupmate: Context) -> None:
    """This tab still shows "off" while a groupmate turned it on and off again: its click ("on") was made from an
    old version, so nothing is written, the box shows the groupmate's choice and the line says who changed it."""
    mine = ShareChoice(act_session(ctx), WORDS)
    theirs = ShareChoice(act_session(groupmate), WORDS)
    theirs.box.value = True
    theirs.box.value = False
    mine.box.value = True  # this tab has not polled yet: made from "no choice yet"
    assert stored(ctx) is False and mine.box.value is False
    assert groupmate.person.name in mine.feedback.value and "niet opgeslagen" in mine.feedback.value
    mine.box.value = True  # now made from the current version: saved
    assert stored(ctx) is True


def test_does_the_choice_never_count_in_the_progress_of_the_plan(ctx: Context) -> None:
    """Optional: neither ticking nor not ticking makes the actieplan more or less "klaar"."""
    from wijwerken_widgets.pages.dag4.keys import REGISTRY
    from wijwerken_widgets.ui.progress import exercise_parts, exercises_of, group_items, titles_of

    ShareChoice(act_session(ctx), WORDS).box.value = True
    parts = exercise_parts(REGISTRY, {}, group_items(ctx.store, REGISTRY, ctx.group.id))
    assert set(parts["plan"]) == {"act/actie"} and parts["share"] == {"act/delen": True}
    assert "share" not in exercises_of(REGISTRY, titles_of(texts.load().exercises))
