"""Which group's shared work a page shows: a participant's own group; a trainer picks one with ?groep=."""

from __future__ import annotations

import pytest

from tests.support.maps import map_session
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.groups import group_links
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import page_map
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


def test_a_trainer_sees_the_map_of_the_group_named_in_the_address(
    store: Store, codes, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Does a trainer (in no group) get the first group's map, or the one in ?groep=, with links to the others?"""
    map_session(ctx).add([validate_stakeholder({"naam": "Wijkagent"})])
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    other = next(g for g in store.groups(ctx.cohort.id) if g.id != ctx.group.id)
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    seen = page_map(Context.for_person(store, trainer))
    assert [s.naam for s in seen.map.stakeholders] == ["Wijkagent"]
    monkeypatch.setenv("QUERY_STRING", f"groep={other.id}")
    trainer_ctx = Context.for_person(store, trainer)
    assert page_map(trainer_ctx).map.stakeholders == ()
    links = group_links(trainer_ctx, other, "Je bekijkt als trainer de kaart van:").value
    assert f'href="?groep={ctx.group.id}"' in links and f"<strong><bdi>{other.name}</bdi></strong>" in links


def test_a_participant_cannot_look_at_another_groups_map(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is ?groep= ignored for a participant, who always sees their own group's map?"""
    other = next(g for g in ctx.store.groups(ctx.cohort.id) if g.id != ctx.group.id)
    monkeypatch.setenv("QUERY_STRING", f"groep={other.id}")
    assert page_map(ctx).group_id == ctx.group.id


def test_a_trainer_looking_at_a_groups_map_is_one_audit_line_per_page(
    store: Store, codes, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Is a trainer's Dag 2 page on a group one 'view' line about that group (not one per read), and a
    participant's own map none?"""
    from tests.support.audit import assert_no_content

    map_session(ctx).add([validate_stakeholder({"naam": "Wijkagent Geheim"})])
    before = len(store.audit_lines())
    page_map(ctx)
    assert len(store.audit_lines()) == before
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    trainer_ctx = Context.for_person(store, trainer)
    page_map(trainer_ctx)
    page_map(trainer_ctx)
    [login_line, view] = store.audit_lines()[before:]
    assert login_line.action == "login"
    assert (view.action, view.object_type, view.object_id, view.actor_person_id, view.origin) == (
        "view", "group", ctx.group.id, trainer.id, "kernel")
    assert_no_content(store, ["Wijkagent Geheim"])
