"""A group's shared items in two kernels: a save refused as stale is merged (forms) or re-applied (operations)."""

from __future__ import annotations

import pytest

from tests.support.races import groupmate_saves_first
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.group_session import GroupSession, merge


class Items(GroupSession["Items"]):
    space = "gesprekken"


def test_merge_takes_each_sides_own_fields_and_names_the_clashes() -> None:
    """Are fields only one side changed taken from that side, and fields both changed differently kept as mine?"""
    base = {"doel": "a", "opening": "b", "wanneer": "c", "vervolg": "d"}
    mine = {"doel": "A (mij)", "opening": "b", "wanneer": "C", "vervolg": "d"}
    theirs = {"doel": "a", "opening": "B (hen)", "wanneer": "C!", "vervolg": "d", "nieuw": 1}
    merged, clashes = merge(base, mine, theirs)
    assert merged == {"doel": "A (mij)", "opening": "B (hen)", "wanneer": "C", "vervolg": "d", "nieuw": 1}
    assert clashes == ["wanneer"]


def test_an_update_is_applied_again_to_the_version_a_groupmate_saved_in_between(
    ctx: Context, groupmate: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a groupmate appends to an item between my read and my write, is my append made on top of theirs?"""
    mine, theirs = Items(ctx, poll_seconds=None), Items(groupmate, poll_seconds=None)
    mine.put("trio", "t1", {"rondes": ["eerste"]})
    theirs.reload()

    def append(name: str):
        return lambda item: {**item.data, "rondes": [*item.data["rondes"], name]}

    ran = groupmate_saves_first(ctx.store, monkeypatch, lambda: theirs.update("trio", "t1", append("hunne")))
    result = mine.update("trio", "t1", append("mijne"))
    assert ran and result is not None
    assert mine.items[("trio", "t1")].data["rondes"] == ["eerste", "hunne", "mijne"]
    assert [v.version for v in ctx.store.items_history("gesprekken", ctx.group.id, item_id="t1")] == [3, 2, 1]


def test_a_stale_edit_is_merged_per_field_and_a_clash_keeps_mine_and_reports_theirs(
    ctx: Context, groupmate: Context
) -> None:
    """Does an edit from an old version keep their other fields, keep my text in a field both changed, and say so?"""
    mine, theirs = Items(ctx, poll_seconds=None), Items(groupmate, poll_seconds=None)
    base = {"doel": "", "opening": "", "wanneer": ""}
    mine.put("gesprek", "g1", base)
    theirs.reload()
    theirs.put("gesprek", "g1", {**base, "opening": "hun opening", "wanneer": "dinsdag"}, base_version=1,
               base_data=base)
    result = mine.put("gesprek", "g1", {**base, "doel": "mijn doel", "wanneer": "woensdag"}, base_version=1,
                      base_data=base)
    saved = result.item.data
    assert (saved["doel"], saved["opening"], saved["wanneer"]) == ("mijn doel", "hun opening", "woensdag")
    conflict = mine.conflict(result)
    assert conflict is not None and conflict.their_name == groupmate.person.name
    assert conflict.theirs.data["wanneer"] == "dinsdag"
    history = ctx.store.items_history("gesprekken", ctx.group.id, item_id="g1")
    assert [v.data["wanneer"] for v in history] == ["woensdag", "dinsdag", ""]
