"""A trainer opening a group's work is one audit line (``view``, the group), each download one more (``export``);
a participant opening the page writes none; no line holds what the group wrote."""

from __future__ import annotations

from tests.pages.groepswerk.conftest import save
from tests.support.audit import assert_no_content
from wijwerken_widgets.pages import groepswerk
from wijwerken_widgets.pages.groepswerk.work import shown_group
from wijwerken_widgets.ui.context import Context

MARKER = "Geheime wijkagent Pietersen"


def test_a_trainer_opening_a_groups_work_writes_one_view_line_and_one_per_download(coach: Context,
                                                                                   ctx: Context) -> None:
    save(ctx.store, "map", ctx.group.id, ctx.person.id, ("stakeholder", "s1", {"naam": MARKER, "soort": "bestuur"}))
    before = len(ctx.store.audit_lines())
    assert shown_group(coach) is not None
    kaart = groepswerk.kaart.section(coach)
    groepswerk.chooser.section(coach)  # the same page: no second line
    [view] = ctx.store.audit_lines()[before:]
    assert (view.action, view.object_type, view.object_id, view.result, view.origin, view.actor_person_id,
            view.cohort_id) == ("view", "group", ctx.group.id, "ok", "kernel", coach.person.id, ctx.group.cohort_id)
    kaart.export("csv")
    assert f"-groep-{ctx.group.id}-" in kaart.link.value  # the file was made
    [export] = ctx.store.audit_lines()[before + 1:]
    assert (export.action, export.object_type, export.object_id, export.actor_person_id) == (
        "export", "group", ctx.group.id, coach.person.id)
    assert_no_content(ctx.store, [MARKER])


def test_a_participant_opening_the_page_writes_no_view_line(ctx: Context) -> None:
    before = ctx.store.audit_lines()
    assert shown_group(ctx) is None and groepswerk.kaart.section(ctx) is not None
    assert ctx.store.audit_lines() == before
