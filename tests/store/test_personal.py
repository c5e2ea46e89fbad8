"""One person's rows, table by table (``wijwerken privacy export`` reads them): everything they wrote, every
version, items that name them; nobody else's rows, never a code or token hash; every table accounted for."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wijwerken_widgets.store import ItemChange, Person, Store
from wijwerken_widgets.store.personal import CONTEXT_TABLES, PERSON_TABLES
from wijwerken_widgets.store.schema import metadata


def test_every_table_is_exported_or_left_out_with_a_reason() -> None:
    tables = {table.name for table in metadata.sorted_tables}
    assert set(PERSON_TABLES) | set(CONTEXT_TABLES) == tables
    assert not set(PERSON_TABLES) & set(CONTEXT_TABLES)
    assert all(len(reason) > 20 for reason in [*PERSON_TABLES.values(), *CONTEXT_TABLES.values()])


def test_a_persons_rows_are_theirs_only_with_every_version(store: Store, person: Person) -> None:
    bram = store.add_person(person.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=person.group_id)
    store.add_session(person.id, "token-hash-anna", datetime.now(timezone.utc) + timedelta(days=1))
    store.add_session(bram.id, "token-hash-bram", datetime.now(timezone.utc) + timedelta(days=1))
    first = store.save_answer(person.id, "dag1.probleem", "Eerst", base_id=None, client_id="t").version
    second = store.save_answer(person.id, "dag1.probleem", "Toen", base_id=first.id, client_id="t").version
    store.save_answer(bram.id, "dag1.probleem", "Van Bram", base_id=None, client_id="t")
    [own] = store.save_items("gesprekken", person.group_id, [ItemChange("gesprek", "g1", {"met": "Buurt"})],
                             person_id=person.id, client_id="t")
    store.save_items("gesprekken", person.group_id, [ItemChange("gesprek", "g1", {"met": "Wijk"}, 1)],
                     person_id=bram.id, client_id="t")
    [naming] = store.save_items("act", person.group_id, [ItemChange("actie", "a1", {"eigenaar": person.id})],
                                person_id=bram.id, client_id="t")
    store.save_items("act", person.group_id, [ItemChange("actie", "a2", {"eigenaar": bram.id})],
                     person_id=bram.id, client_id="t")
    store.save_log_entry(person.id, "e1", day="dag1", prompt="", text="Privé", sharing="prive", client_id="t")
    store.save_log_entry(person.id, "e1", day="dag1", prompt="", text="Gedeeld", sharing="groep", client_id="t")
    store.save_log_entry(bram.id, "e9", day="dag1", prompt="", text="Van Bram", sharing="prive", client_id="t")
    store.set_signal(person.cohort_id, "hand", {}, person_id=person.id)
    store.audit("login", "person", person.id, origin="web", actor_id=person.id, cohort_id=person.cohort_id)
    store.audit("login", "person", bram.id, origin="web", actor_id=bram.id, cohort_id=person.cohort_id)

    rows = store.personal_rows(person.id, person_fields={"eigenaar"})
    assert set(rows) == set(PERSON_TABLES)
    assert [r["id"] for r in rows["people"]] == [person.id] and "code_hash" not in rows["people"][0]
    assert [r["value"] for r in rows["answers"]] == ["Eerst", "Toen"] and rows["answers"][1]["id"] == second.id
    assert [r["data"] for r in rows["conversation_items"]] == [own.item.data]  # Bram's later version is his
    assert [r["id"] for r in rows["act_items"]] == [naming.item.id]  # names Anna as eigenaar
    assert [(r["text"], r["sharing"]) for r in rows["logbook"]] == [("Privé", "prive"), ("Gedeeld", "groep")]
    assert [r["person_id"] for r in rows["sessions"]] == [person.id] and "token_hash" not in rows["sessions"][0]
    assert [r["kind"] for r in rows["signals"]] == ["hand"]
    assert [r["actor_person_id"] for r in rows["audit"]] == [person.id]
    assert rows["trainer_cohorts"] == []
    assert "hash-anna" not in repr(rows) and "token-hash" not in repr(rows) and "Bram" not in repr(rows)
    with pytest.raises(LookupError):
        store.personal_rows(99_999)
