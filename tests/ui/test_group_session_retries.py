"""A group session's save that failed is retried under the same request id, so it is stored once."""

from __future__ import annotations

import logging

import pytest

from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import ItemChange, StoreUnavailable
from wijwerken_widgets.ui.context import Context


def test_saving_the_same_changes_again_after_a_failure_is_one_save(ctx: Context, write_locked) -> None:
    """Does GroupSession.save reuse the failed attempt's request id for the same changes, and stop after success?"""
    session = MapSession(ctx, poll_seconds=None)
    changes = [ItemChange("stakeholder", "s1", {"naam": "Wijkagent"})]
    with write_locked(), pytest.raises(StoreUnavailable):
        session.save(changes)
    failed = session._pending
    assert failed is not None
    # The failed attempt had in fact committed (its reply was lost): the retry must find it.
    ctx.store.save_items("map", session.group_id, changes, person_id=ctx.person.id, client_id=ctx.client_id,
                         request_id=failed[1])
    [result] = session.save(changes)
    assert result.conflict is None and result.item.request_id == failed[1]
    assert len(ctx.store.map_history(session.group_id)) == 1
    [second] = session.save([ItemChange("stakeholder", "s1", {"naam": "Buurtagent"}, base_version=1)])
    assert second.item.version == 2 and second.item.request_id != failed[1]


def test_a_failed_group_save_and_its_recovery_are_logged_without_content(
    ctx: Context, write_locked, caplog: pytest.LogCaptureFixture
) -> None:
    """Does a failed group save log who, which items and why (one line), and the next save that works a recovery?"""
    caplog.set_level(logging.INFO, logger="wijwerken")
    session = MapSession(ctx, poll_seconds=None)
    changes = [ItemChange("stakeholder", "s1", {"naam": "Geheime wethouder"})]
    with write_locked(), pytest.raises(StoreUnavailable):
        session.save(changes)
    session.save(changes)
    what = f"group={session.group_id} space=map items=stakeholder:s1"
    assert [r.getMessage() for r in caplog.records if r.name == "wijwerken.saves"] == [
        f"save failed: person={ctx.person.id} {what} reason=unreachable",
        f"save recovered: person={ctx.person.id} {what}",
    ]
    assert "Geheime" not in caplog.text
