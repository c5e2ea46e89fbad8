"""Autosave retries carry the request id of the value they retry, so a save that did commit is never stored twice."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pytest

from wijwerken_widgets.ui.autosave import autosave_widget
from wijwerken_widgets.ui.context import Context


def test_a_retry_reuses_the_request_id_and_a_new_edit_gets_the_next(ctx: Context, write_locked) -> None:
    """Does a retry of the same text send the failed attempt's request id, and the next edit a new one?"""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.idem", area)
    with write_locked():
        area.value = "eerste gedachte"
        failed_with = saver.request_id
        assert failed_with is not None and failed_with.startswith(f"{ctx.client_id}:")
        assert not saver.flush()  # a second failing attempt keeps the same key
        assert saver.request_id == failed_with
    assert saver.flush()
    stored = ctx.store.latest_answer(ctx.person.id, "t.idem")
    assert stored is not None and stored.request_id == failed_with
    area.value = "tweede gedachte"
    nieuw = ctx.store.latest_answer(ctx.person.id, "t.idem")
    assert nieuw is not None and nieuw.value == "tweede gedachte"
    assert int(nieuw.request_id.rsplit(":", 1)[1]) > int(failed_with.rsplit(":", 1)[1])


def test_a_retry_of_a_save_that_did_commit_adds_no_version(ctx: Context, write_locked) -> None:
    """When the failed attempt had in fact been stored (its reply was lost), does the retry store nothing more?"""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.lost", area)
    with write_locked():
        area.value = "al opgeslagen"
    # What the lost attempt did on the server: the same value under the same request id.
    ctx.store.save_answer(ctx.person.id, "t.lost", "al opgeslagen", base_id=None, client_id=ctx.client_id,
                          request_id=saver.request_id)
    assert saver.flush()
    assert saver.status.text.startswith("Opgeslagen")
    assert [v.value for v in ctx.store.answer_history(ctx.person.id, "t.lost")] == ["al opgeslagen"]


def test_a_failed_save_and_its_recovery_are_one_log_line_each_without_the_text(
    ctx: Context, write_locked, caplog: pytest.LogCaptureFixture
) -> None:
    """Does the server log get 'save failed: person key reason' and then 'save recovered', never the typed text?"""
    caplog.set_level(logging.INFO, logger="wijwerken")
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "dag1.vraagstuk", area)
    with write_locked():
        area.value = "geheime gedachte"
    saver.flush()
    assert [r.getMessage() for r in caplog.records if r.name == "wijwerken.saves"] == [
        f"save failed: person={ctx.person.id} key=dag1.vraagstuk reason=unreachable",
        f"save recovered: person={ctx.person.id} key=dag1.vraagstuk",
    ]
    assert "geheime" not in caplog.text
