"""The logboek's saves in the server log: a failed "Stukje toevoegen" and the next that works, without the text."""

from __future__ import annotations

import logging

import pytest

from tests.support.logbook import new_logbook, write_entry
from wijwerken_widgets.ui.context import Context


def test_a_failed_add_and_its_recovery_are_logged_without_the_text(
    ctx: Context, write_locked, caplog: pytest.LogCaptureFixture
) -> None:
    """Does a failed new entry log one 'save failed' line, and the next saved entry one 'save recovered' line?"""
    caplog.set_level(logging.INFO, logger="wijwerken")
    logbook = new_logbook(ctx)
    with write_locked():
        write_entry(logbook, "Een geheime reflectie")
    write_entry(logbook, "Een geheime reflectie")
    [entry] = ctx.store.log_entries(ctx.person.id)
    lines = [r.getMessage() for r in caplog.records if r.name == "wijwerken.saves"]
    assert [line for line in lines if "logboek=" in line] == [  # the draft box (key=logboek.concept) logs too
        f"save failed: person={ctx.person.id} logboek=new-entry reason=unreachable",
        f"save recovered: person={ctx.person.id} logboek={entry.entry_id}",
    ]
    assert "geheime" not in caplog.text


def test_a_sharing_change_after_a_lost_save_is_stored(ctx: Context, write_locked) -> None:
    """When an entry's text save failed but had in fact landed, is a later sharing change still stored (a new
    request, not a retry that would return the landed version)?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "Eerste versie")
    card = logbook.cards[0]
    with write_locked():
        card.text.value = "Tweede versie"
    lost = card.saver.request_id
    ctx.store.save_log_entry(ctx.person.id, card.saver.entry.entry_id, day="dag3", prompt="", text="Tweede versie",
                             sharing="prive", client_id=ctx.client_id, request_id=lost)
    card.sharing.value = "groep"
    [entry] = ctx.store.log_entries(ctx.person.id)
    assert (entry.text, entry.sharing) == ("Tweede versie", "groep")
