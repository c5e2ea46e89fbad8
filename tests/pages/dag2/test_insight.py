"""Dag 2's insight view: what the network says, and "this stakeholder is me" with a reflection."""

from __future__ import annotations

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2 import keys, texts
from wijwerken_widgets.pages.dag2.insight import NOT_ON_MAP, InsightView
from wijwerken_widgets.shared.stakeholders.model import validate_relation, validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_choosing_myself_saves_the_choice_and_explains_my_place(ctx: Context) -> None:
    """Does picking "me" on the map save it, explain that place in Dutch, and come back in a new tab?"""
    session = map_session(ctx)
    me, other = validate_stakeholder({"naam": "Ik"}), validate_stakeholder({"naam": "Wijkagent"})
    session.add([me, other], [validate_relation({"van": me.id, "naar": other.id})])
    content = texts.load().exercises.insight
    view = InsightView(ctx, session, content)
    assert view.me.options[0] == (content.not_on_map_option, NOT_ON_MAP)
    assert content.position.not_on_map in view.position.value
    view.me.value = me.id
    assert ctx.store.latest_answer(ctx.person.id, keys.MY_POSITION).value == me.id
    assert content.position.in_group.format(names="\u2068Wijkagent\u2069") in view.position.value  # name isolated
    again = InsightView(Context.for_person(ctx.store, ctx.person), map_session(ctx), content)
    assert again.me.value == me.id


def test_a_chosen_stakeholder_that_left_the_map_is_not_shown(ctx: Context) -> None:
    """When "me" is taken off the map, does the picker fall back to "not on the map"?"""
    session = map_session(ctx)
    me = validate_stakeholder({"naam": "Ik"})
    session.add([me])
    view = InsightView(ctx, session, texts.load().exercises.insight)
    view.me.value = me.id
    session.remove(keys.STAKEHOLDER, me.id)
    view.draw()
    assert view.me.value == NOT_ON_MAP


def test_my_choice_stays_when_a_groupmate_adds_someone(ctx: Context, groupmate: Context) -> None:
    """Does a stakeholder added by a groupmate leave my "this is me" choice, shown and stored, as it was?"""
    session = map_session(ctx)
    me = validate_stakeholder({"naam": "Zelf"})
    session.add([me])
    view = InsightView(ctx, session, texts.load().exercises.insight)
    view.me.value = me.id
    map_session(groupmate).add([validate_stakeholder({"naam": "Aad"})])
    session.reload()
    view.draw()
    assert view.me.value == me.id and len(view.me.options) == 3
    assert ctx.store.latest_answer(ctx.person.id, keys.MY_POSITION).value == me.id
