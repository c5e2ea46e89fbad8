"""Retention of a cohort: archived it is read-only (every write refused with a Dutch message, reads and logins go
on); purged nothing of it is left but its audit lines, with no name or text in them; other cohorts are untouched."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.support.audit import assert_no_content
from wijwerken_widgets.store import ItemChange, Person, Store, StoreUnavailable
from wijwerken_widgets.store.retention import KEPT_TABLES, PURGED_TABLES
from wijwerken_widgets.store.roster import RosterChange
from wijwerken_widgets.store.schema import metadata

MARKER = "MARKER-bewaard-antwoord"
NAME = "Zeldzame Deelnemersnaam"


def counts(store: Store) -> dict[str, int]:
    """Rows per table of ``schema.metadata``."""
    with store.engine.connect() as conn:
        return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables}


def _cohort_with_work(store: Store, slug: str, name: str) -> tuple[Person, Person]:
    """A cohort with a group, a participant and a trainer, and something in every table; (participant, trainer)."""
    cohort = store.add_cohort(slug, "Gemeente " + slug, "Cohort " + slug, {"naam": "Cohort " + slug})
    group = store.add_group(cohort.id, "Groep " + slug, "extern")
    anna = store.add_person(cohort.id, name, "deelnemer", "hash-" + slug, group_id=group.id)
    trainer = store.add_person(cohort.id, "Trainer " + slug, "trainer", "hash-t-" + slug)
    store.add_session(anna.id, "token-" + slug, datetime.now(timezone.utc) + timedelta(days=1))
    store.save_answer(anna.id, "dag1.probleem", f"{MARKER} {slug}", base_id=None, client_id="t")
    store.save_log_entry(anna.id, "e1", day="dag1", prompt="", text=f"{MARKER} log {slug}", sharing="prive",
                         client_id="t")
    store.set_signal(cohort.id, "hand", {}, person_id=anna.id)
    for space, kind in (("map", "stakeholder"), ("gesprekken", "gesprek"), ("act", "actie")):
        store.save_items(space, group.id, [ItemChange(kind, "i1", {"naam": f"{MARKER} {slug}"})],  # type: ignore[arg-type]
                         person_id=anna.id, client_id="t")
    store.audit("login", "person", anna.id, origin="web", actor_id=anna.id, cohort_id=cohort.id)
    return anna, trainer


def test_every_table_is_purged_or_kept_with_a_reason() -> None:
    """Can a new table be forgotten by the purge? (Every table of the schema is in one of the two lists.)"""
    tables = {table.name for table in metadata.sorted_tables}
    assert set(PURGED_TABLES) | set(KEPT_TABLES) == tables
    assert not set(PURGED_TABLES) & set(KEPT_TABLES)


def test_purge_leaves_nothing_but_audit_lines_and_other_cohorts_untouched(store: Store) -> None:
    anna, trainer_a = _cohort_with_work(store, "alfa", NAME)
    bram, trainer_b = _cohort_with_work(store, "bravo", "Bram Blijft")
    store.apply_roster(RosterChange(cohort_id=bram.cohort_id, assign_trainers=[trainer_a.id]))
    store.apply_roster(RosterChange(cohort_id=anna.cohort_id, assign_trainers=[trainer_b.id]))
    # trainer A, assigned to cohort B, wrote in B's group: that work stays, under B's "verwijderde deelnemer"
    assert bram.group_id is not None
    store.save_items("map", bram.group_id, [ItemChange("stakeholder", "t1", {"naam": "Van trainer A"})],
                     person_id=trainer_a.id, client_id="t")
    store.set_signal(bram.cohort_id, "page", {"page": "trainer"}, person_id=trainer_a.id)
    only_b = store.cohort(bram.cohort_id)
    before = counts(store)

    with pytest.raises(ValueError, match="not archived"):
        store.purge_cohort(anna.cohort_id)
    assert store.archive_cohort(anna.cohort_id)
    planned = store.purge_counts(anna.cohort_id)
    assert counts(store)["answers"] == before["answers"]  # counting changes nothing
    done = store.purge_cohort(anna.cohort_id)
    store.compact()

    assert done == planned
    assert done["people"] == 2 and done["answers"] == 1 and done["cohorts"] == 1 and done["trainer_cohorts"] == 2
    after = counts(store)
    assert {name: before[name] - after[name] for name in PURGED_TABLES} == {
        name: done[name] - (1 if name == "people" else 0) for name in PURGED_TABLES}  # + B's tombstone person
    assert store.cohort(anna.cohort_id) is None and store.cohort_by_slug("alfa") is None
    # cohort B: everything still there and still loading
    assert store.cohort(bram.cohort_id) == only_b
    assert store.latest_answer(bram.id, "dag1.probleem").value == f"{MARKER} bravo"  # type: ignore[union-attr]
    assert [e.text for e in store.log_entries(bram.id)] == [f"{MARKER} log bravo"]
    items = {item.item_id: item for item in store.items("map", bram.group_id)}
    assert items["t1"].data == {"naam": "Van trainer A"} and items["t1"].person_id != trainer_a.id
    assert [p.name for p in store.assigned_trainers(bram.cohort_id)] == []
    assert {(s.kind, s.person_id) for s in store.signals(bram.cohort_id)} == {("hand", bram.id)}
    # cohort A: nothing but its audit lines
    lines = store.audit_lines(cohort_id=anna.cohort_id)
    assert [line.action for line in lines] == ["login", "cohort_archive", "cohort_purge"]
    assert lines[-1].object_type == "cohort" and lines[-1].object_id == anna.cohort_id
    with store.engine.connect() as conn:
        for name in PURGED_TABLES:
            dumped = repr(conn.execute(select(metadata.tables[name])).all())
            assert NAME not in dumped and f"{MARKER} alfa" not in dumped and "log alfa" not in dumped, name
        assert NAME not in repr(conn.execute(select(metadata.tables["audit"])).all())
    assert_no_content(store, [NAME, f"{MARKER} alfa", "Cohort alfa", "Groep alfa"])


def test_after_a_purge_the_sqlite_file_holds_no_name_or_text(tmp_path: Path) -> None:
    """SQLite only (its file's bytes); on PostgreSQL the purge test above reads every table."""
    store = Store.open(f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}")
    try:
        _purge_and_read_the_file(store)
    finally:
        store.close()


def _purge_and_read_the_file(store: Store) -> None:
    anna, _ = _cohort_with_work(store, "alfa", NAME)
    _cohort_with_work(store, "bravo", "Bram Blijft")
    database = Path(str(store.engine.url.database))
    store.archive_cohort(anna.cohort_id)
    store.purge_cohort(anna.cohort_id)
    store.compact()
    data = b"".join(path.read_bytes() for path in database.parent.glob(database.name + "*"))
    assert NAME.encode() not in data and f"{MARKER} alfa".encode() not in data and b"hash-alfa" not in data
    assert f"{MARKER} bravo".encode() in data  # what stays is still there


def test_an_archived_cohort_refuses_every_write_and_still_reads(store: Store, person: Person) -> None:
    """Is every write of an archived cohort's work refused with the Dutch reason, while reading and logging in go
    on, and is it writable again when unarchived?"""
    group_id = person.group_id
    assert group_id is not None
    store.save_answer(person.id, "dag1.probleem", "Eerder", base_id=None, client_id="t")
    assert store.archive_cohort(person.cohort_id) and not store.archive_cohort(person.cohort_id)
    assert store.cohort(person.cohort_id).archived_at is not None  # type: ignore[union-attr]

    writes = {
        "answer": lambda: store.save_answer(person.id, "dag1.probleem", "Nieuw", base_id=None, client_id="t"),
        "logboek": lambda: store.save_log_entry(person.id, "e1", day="dag1", prompt="", text="Nieuw",
                                                sharing="prive", client_id="t"),
        "items": lambda: store.save_items("map", group_id, [ItemChange("stakeholder", "s1", {"naam": "Nieuw"})],
                                          person_id=person.id, client_id="t"),
        "signal": lambda: store.set_signal(person.cohort_id, "hand", {}, person_id=person.id),
    }
    for what, write in writes.items():
        with pytest.raises(StoreUnavailable) as refused:
            write()
        assert refused.value.reason == "archived", what
        assert "afgesloten" in refused.value.message and "alleen nog worden gelezen" in refused.value.message
    assert "Je tekst blijft op je scherm staan" in _message(writes["answer"])
    assert store.latest_answer(person.id, "dag1.probleem").value == "Eerder"  # type: ignore[union-attr]
    assert store.log_entries(person.id) == [] and store.items("map", group_id) == []
    store.add_session(person.id, "token-later", datetime.now(timezone.utc) + timedelta(days=1))  # logging in
    assert store.person_by_session("token-later") == person

    assert store.archive_cohort(person.cohort_id, archived=False)
    assert store.save_answer(person.id, "dag1.probleem", "Weer", base_id=None, client_id="t").version.value == "Weer"
    actions = [line.action for line in store.audit_lines(cohort_id=person.cohort_id)]
    assert actions == ["cohort_archive", "cohort_unarchive"]


def _message(write: object) -> str:
    with pytest.raises(StoreUnavailable) as refused:
        write()  # type: ignore[operator]
    return refused.value.message


def test_ids_of_a_purged_cohort_are_never_given_again(store: Store) -> None:
    """After purging the newest cohort, do a new cohort, group and person get new ids (so the audit lines that name
    the old ids never seem to be about them)?"""
    anna, trainer = _cohort_with_work(store, "alfa", NAME)
    store.archive_cohort(anna.cohort_id)
    store.purge_cohort(anna.cohort_id)
    store.compact()
    cohort = store.add_cohort("nieuw", "Nieuw", "Nieuw", {})
    group = store.add_group(cohort.id, "Nieuwe groep", "intern")
    person = store.add_person(cohort.id, "Nieuw Iemand", "deelnemer", "hash-nieuw", group_id=group.id)
    assert cohort.id > anna.cohort_id and group.id > (anna.group_id or 0) and person.id > trainer.id
    assert store.audit_lines(person_id=person.id) == []
