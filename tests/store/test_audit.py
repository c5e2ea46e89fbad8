"""The audit trail in the store (BIO 8.15): one line per action with codes and ids only, the same line in the server
log, refused when it would hold anything else, and never in the way of the action it records."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from wijwerken_widgets.store import Person, Store
from wijwerken_widgets.store.engine import make_engine


def test_a_line_keeps_every_field_and_is_found_by_actor_object_and_cohort(store: Store, person: Person) -> None:
    trainer = store.add_person(person.cohort_id, "Tineke Trainer", "trainer", "hash-tineke")
    viewed = store.audit("view", "group", person.group_id, origin="kernel", actor_id=trainer.id,
                         cohort_id=person.cohort_id)
    assert viewed is not None
    assert (viewed.action, viewed.object_type, viewed.object_id, viewed.result, viewed.origin,
            viewed.actor_person_id, viewed.cohort_id) == ("view", "group", person.group_id, "ok", "kernel",
                                                          trainer.id, person.cohort_id)
    assert viewed.at.tzinfo is not None
    refused = store.audit("login", "person", origin="web", result="refused")
    reissued = store.audit("code_reissue", "person", person.id, origin="cli", cohort_id=person.cohort_id)
    logged_in = store.audit("login", "person", person.id, origin="web", actor_id=person.id,
                            cohort_id=person.cohort_id)
    assert store.audit_lines(person_id=person.id) == [reissued, logged_in]  # as object, then as actor
    assert store.audit_lines(person_id=trainer.id) == [viewed]
    assert store.audit_lines(cohort_id=person.cohort_id) == [viewed, reissued, logged_in]
    assert store.audit_lines() == [viewed, refused, reissued, logged_in]
    assert store.audit_lines(limit=2) == [reissued, logged_in]  # the newest, oldest first


def test_anything_but_codes_and_ids_is_refused_and_nothing_is_stored(store: Store, person: Person) -> None:
    with pytest.raises(ValueError, match="action"):
        store.audit("Anna de Vries opende het logboek", "person", person.id, origin="kernel")
    with pytest.raises(ValueError, match="object"):
        store.audit("view", "logboek", person.id, origin="kernel")
    with pytest.raises(ValueError, match="origin"):
        store.audit("view", "group", 1, origin="192.168.1.5")
    with pytest.raises(ValueError, match="result"):
        store.audit("login", "person", origin="web", result="wrong code K7QM-4XPD")
    with pytest.raises(TypeError, match="integers"):
        store.audit("login", "person", "K7QM-4XPD-9TWA-R3HN", origin="web")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="integers"):
        store.audit("view", "group", 1, origin="kernel", actor_id="Anna")  # type: ignore[arg-type]
    assert store.audit_lines() == []


def test_the_same_line_goes_to_the_server_log(store: Store, person: Person,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="wijwerken.audit"):
        line = store.audit("export", "person", person.id, origin="cli", cohort_id=person.cohort_id)
    assert line is not None
    assert [r.getMessage() for r in caplog.records if r.name == "wijwerken.audit"] == [
        f"audit: action=export object=person-{person.id} result=ok origin=cli actor=- cohort={person.cohort_id}"]
    assert line.fields() in caplog.text
    refused = store.audit("login", "person", origin="web", result="refused")
    assert refused is not None and refused.fields() == "action=login object=person result=refused origin=web " \
                                                        "actor=- cohort=-"


def test_a_line_the_store_cannot_take_is_logged_and_the_action_goes_on(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    Store.open(url).close()
    store = Store(make_engine(url, lock_timeout_ms=200))
    other = sqlite3.connect(tmp_path / "w.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        with caplog.at_level(logging.INFO, logger="wijwerken.audit"):
            assert store.audit("view", "group", 3, origin="kernel", actor_id=7, cohort_id=1) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "audit: action=view object=group-3 result=ok origin=kernel actor=7 cohort=1" in caplog.text
    assert "audit line not stored: action=view object=group-3" in caplog.text
    assert store.audit_lines() == []
    store.close()
