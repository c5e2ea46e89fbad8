"""The group's map in a kernel (MapSession): removing, restoring, and groupmates' changes found by polling."""

from __future__ import annotations

from tests.support.maps import map_session
from wijwerken_widgets.shared.stakeholders.model import validate_relation, validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_a_removed_stakeholder_hides_its_relations_and_comes_back_with_them(ctx: Context) -> None:
    """Does removing a stakeholder hide its relations too, and does restoring bring both back?"""
    session = map_session(ctx)
    a, b = validate_stakeholder({"naam": "A"}), validate_stakeholder({"naam": "B"})
    session.add([a, b], [validate_relation({"van": a.id, "naar": b.id})])
    session.remove("stakeholder", a.id)
    assert [s.naam for s in session.map.stakeholders] == ["B"] and session.map.relations == ()
    assert [s.naam for s, _ in session.removed_stakeholders()] == ["A"]
    session.restore(a.id)
    assert len(session.map) == 2 and len(session.map.relations) == 1


def test_a_groupmates_removal_and_edit_reach_this_kernel_by_polling(ctx: Context, groupmate: Context) -> None:
    """Does an incremental reload take in another kernel's removal and edit, and nothing when nothing changed?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    a, b = validate_stakeholder({"naam": "A"}), validate_stakeholder({"naam": "B"})
    mine.add([a, b])
    theirs.reload()
    theirs.remove("stakeholder", a.id)
    theirs.edit(validate_stakeholder({"naam": "B", "invloed": 5}, item_id=b.id), theirs.version("stakeholder", b.id))
    assert mine.reload() is True
    assert [(s.naam, s.invloed) for s in mine.map.stakeholders] == [("B", 5)]
    assert mine.reload() is False


def test_a_table_save_over_a_groupmates_newer_version_keeps_their_field_and_mine(
    ctx: Context, groupmate: Context, monkeypatch
) -> None:
    """When a groupmate saves a stakeholder between my read and my table save, is my save refused as stale, then
    made on top of theirs per field: their invloed and my belang both in the current version?"""
    from tests.support.races import groupmate_saves_first

    mine, theirs = map_session(ctx), map_session(groupmate)
    a = validate_stakeholder({"naam": "A"})
    mine.add([a])
    theirs.reload()
    base = {a.id: a.data()}  # what my table showed
    ran = groupmate_saves_first(ctx.store, monkeypatch, lambda: theirs.edit(
        validate_stakeholder({"naam": "A", "invloed": 1}, item_id=a.id), theirs.version("stakeholder", a.id)))
    mine.add([validate_stakeholder({"naam": "A", "belang": 5}, item_id=a.id)], base=base)
    assert ran
    history = ctx.store.map_history(ctx.group.id, kind="stakeholder", item_id=a.id)
    assert [(v.data["belang"], v.data["invloed"]) for v in history] == [(5, 1), (3, 1), (3, 3)]
