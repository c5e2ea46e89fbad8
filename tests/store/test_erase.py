"""Erasing one person (``wijwerken privacy erase``): their answers and logboek go, every version; their name and
code hash leave every table; their group's shared work still loads, re-pointed to the tombstone person; twice is
harmless; one audit line, ids only. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select

from tests.support.audit import assert_no_content
from wijwerken_widgets.core.keys import ItemKind
from wijwerken_widgets.pages import registries
from wijwerken_widgets.pages.start import texts as werkboek_texts
from wijwerken_widgets.pages.start import werkboek_export, werkboek_render
from wijwerken_widgets.pages.start.werkboek_export import PERSON_FIELDS
from wijwerken_widgets.shared.conversations.items import Trio
from wijwerken_widgets.shared.stakeholders.model import Stakeholder
from wijwerken_widgets.store import ItemChange, Person, Store
from wijwerken_widgets.store.erase import DELETED_TABLES, ERASED_TABLES, TOMBSTONE_NAME, free_text_fields
from wijwerken_widgets.store.items import Space
from wijwerken_widgets.store.personal import ITEM_TABLES, PERSON_TABLES
from wijwerken_widgets.store.schema import metadata
from wijwerken_widgets.ui import texts as common_texts

MARKER_ANSWER, MARKER_LOG = "MARKER-eigen-antwoord", "MARKER-eigen-logboek"
SHARED: tuple[Space, ...] = ("map", "gesprekken", "act")


def all_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, every version."""
    with store.engine.connect() as conn:
        return {table.name: [dict(row._mapping) for row in conn.execute(select(table))]
                for table in metadata.sorted_tables}


def _work(store: Store, anna: Person) -> Person:
    """Anna's answers, logboek, session, signal and shared items, and a groupmate's items naming her; the mate."""
    group_id = anna.group_id
    assert group_id is not None
    bram = store.add_person(anna.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=group_id)
    first = store.save_answer(anna.id, "dag1.probleem", MARKER_ANSWER, base_id=None, client_id="t").version
    store.save_answer(anna.id, "dag1.probleem", MARKER_ANSWER + "-2", base_id=first.id, client_id="t")
    store.save_log_entry(anna.id, "e1", day="dag1", prompt="", text=MARKER_LOG, sharing="prive", client_id="t")
    store.save_log_entry(anna.id, "e1", day="dag1", prompt="", text=MARKER_LOG + "-groep", sharing="groep",
                         client_id="t")
    store.add_session(anna.id, "token-hash-anna", datetime.now(timezone.utc) + timedelta(days=1))
    store.set_signal(anna.cohort_id, "hand", {}, person_id=anna.id)
    store.save_items("map", group_id, [ItemChange("stakeholder", "s1", {"naam": "Wijkagent"})], person_id=anna.id,
                     client_id="t")
    store.save_items("map", group_id, [ItemChange("stakeholder", "s1", {"naam": "Wijkagent Jan"}, 1),
                                       ItemChange("stakeholder", "s2", {"naam": "Buurtcoach"})],
                     person_id=bram.id, client_id="t")
    store.save_items("gesprekken", group_id, [ItemChange("gesprek", "g1", {"met": "Buurt", "wie": anna.id}),
                                              ItemChange("trio", "t1", {"leden": [anna.id, bram.id]})],
                     person_id=bram.id, client_id="t")
    store.save_items("act", group_id, [ItemChange("actie", "a1", {"wat": "Koffie", "eigenaar": str(anna.id)})],
                     person_id=anna.id, client_id="t")
    store.audit("login", "person", anna.id, origin="web", actor_id=anna.id, cohort_id=anna.cohort_id)
    return bram


def test_erasure_covers_every_table_the_export_knows() -> None:
    assert set(PERSON_TABLES) | {"cohorts"} == set(ERASED_TABLES)
    assert {t.name for t in DELETED_TABLES} | {t.name for t in ITEM_TABLES} | {"people", "audit"} == set(PERSON_TABLES)


def test_erasure_leaves_no_name_code_or_own_text_and_the_groups_work_loads(store: Store, person: Person) -> None:
    bram = _work(store, person)
    group = bram.group_id
    assert group is not None
    before = {space: [i.item_id for i in store.items(space, group)] for space in SHARED}
    planned = store.erasure(person.id, person_fields=PERSON_FIELDS)
    assert planned["answers"] == 2 and planned["logbook"] == 2 and planned["people"] == 1
    assert all_rows(store)["answers"]  # only a plan: nothing changed

    counts = store.erase_person(person.id, person_fields=PERSON_FIELDS)
    assert {k: v for k, v in counts.items() if k != "audit"} == {k: v for k, v in planned.items() if k != "audit"}
    assert counts["map_items"] == 1 and counts["conversation_items"] == 2 and counts["act_items"] == 1

    rows = all_rows(store)
    text = repr(rows)
    for secret in (person.name, person.code_hash, MARKER_ANSWER, MARKER_LOG, "token-hash-anna"):
        assert secret not in text, secret
    for table in DELETED_TABLES:
        assert not [r for r in rows[table.name] if r["person_id"] == person.id], table.name
    for table in ITEM_TABLES:
        assert not [r for r in rows[table.name] if r["person_id"] == person.id], table.name
    erased = store.person(person.id)
    assert erased is not None and erased.name == TOMBSTONE_NAME and erased.removed_at is not None
    assert erased.functie is None and erased.hub_user is None and erased.group_id is None
    [tomb] = [p for p in store.people(person.cohort_id) if p.id not in (person.id, bram.id)]
    assert (tomb.name, tomb.role, tomb.group_id) == (TOMBSTONE_NAME, "deelnemer", None) and tomb.removed_at

    assert {space: [i.item_id for i in store.items(space, group)] for space in SHARED} == before
    stakeholders = [Stakeholder.from_data(i.item_id, i.data) for i in store.items("map", group)]
    assert [s.naam for s in stakeholders] == ["Wijkagent Jan", "Buurtcoach"]  # Bram's texts stay
    talks = {i.item_id: i for i in store.items("gesprekken", group)}
    assert talks["g1"].data == {"met": "Buurt", "wie": tomb.id}
    assert Trio.from_data("t1", talks["t1"].data).leden == (tomb.id, bram.id)
    [action] = store.items("act", group)
    assert action.data == {"wat": "Koffie", "eigenaar": str(tomb.id)} and action.person_id == tomb.id

    [line] = [a for a in store.audit_lines(person_id=person.id) if a.action == "erase"]
    assert (line.object_type, line.object_id, line.origin, line.result) == ("person", person.id, "cli", "ok")
    assert [a.action for a in store.audit_lines(person_id=person.id)] == ["login", "erase"]  # older lines stay
    assert_no_content(store, [person.name, person.code_hash, MARKER_ANSWER, MARKER_LOG])


def test_erasing_twice_is_harmless_and_one_tombstone_serves_the_cohort(store: Store, person: Person) -> None:
    bram = _work(store, person)
    store.erase_person(person.id, person_fields=PERSON_FIELDS)
    before = all_rows(store)
    assert not any(store.erasure(person.id, person_fields=PERSON_FIELDS).values())
    assert not any(store.erase_person(person.id, person_fields=PERSON_FIELDS).values())
    assert all_rows(store) == before  # no second audit line either
    store.erase_person(bram.id, person_fields=PERSON_FIELDS)
    tombs = [p for p in store.people(person.cohort_id) if p.id not in (person.id, bram.id)]
    assert len(tombs) == 1 and not any(store.erasure(tombs[0].id, person_fields=PERSON_FIELDS).values())
    assert person.group_id is not None
    assert [i.item_id for i in store.items("map", person.group_id)] == ["s1", "s2"]


def test_the_persons_entry_leaves_the_cohort_settings(store: Store) -> None:
    cohort = store.add_cohort("c", "Gemeente", "C", {"deelnemers": [{"naam": "Anna  de Vries"}, {"naam": "Bram"}],
                                                     "trainers": [{"naam": "Tess"}]})
    anna = store.add_person(cohort.id, "Anna de Vries", "deelnemer", "hash-a")
    assert store.erasure(anna.id)["cohorts"] == 1
    store.erase_person(anna.id)
    erased_from = store.cohort(cohort.id)
    assert erased_from is not None and erased_from.settings == {"deelnemers": [{"naam": "Bram"}], "trainers": [{"naam": "Tess"}]}


def test_a_late_save_after_erasure_is_erased_by_a_second_run(store: Store, person: Person) -> None:
    """A kernel still open may save once more after the erasure: running it again removes that too."""
    store.erase_person(person.id)
    store.save_answer(person.id, "dag1.probleem", MARKER_ANSWER, base_id=None, client_id="t")
    assert store.erasure(person.id)["answers"] == 1
    assert store.erase_person(person.id)["answers"] == 1
    assert MARKER_ANSWER not in repr(all_rows(store))
    assert [a.action for a in store.audit_lines(person_id=person.id)] == ["erase", "erase"]
    assert len(store.people(person.cohort_id)) == 1  # no tombstone made: no item needed one


def _werkboek(store: Store, person: Person) -> str:
    words = werkboek_texts.load().werkboek
    navigation = [(p.workbook, p.name) for p in common_texts.load().navigation.pages]
    book = werkboek_export.collect(store, person, words, navigation)
    return werkboek_render.to_markdown(book, words).decode("utf-8")


def _free_text() -> dict[tuple[str, str], tuple[str, ...]]:
    return free_text_fields((k.space, k.kind, k.free_text) for r in registries() for k in r.items)


def test_their_typed_text_leaves_every_version_but_a_groupmates_change_stays(store: Store, person: Person) -> None:
    """Anna types a name and a note; Bram renames the stakeholder and, later, edits another field: the note Anna
    typed, carried on in Bram's versions, goes from all of them; Bram's name stays, in his versions."""
    group = person.group_id
    assert group is not None
    bram = store.add_person(person.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=group)

    def save(who: Person, version: int | None, **data: Any) -> None:
        store.save_items("map", group, [ItemChange("stakeholder", "s1", data, version)], person_id=who.id,
                         client_id="t")

    save(person, None, naam="MARKER-naam-anna", notitie="MARKER-notitie-anna", soort="inwoner")
    save(bram, 1, naam="Wijkagent Jan", notitie="MARKER-notitie-anna", soort="inwoner")
    save(bram, 2, naam="Wijkagent Jan", notitie="MARKER-notitie-anna", soort="ketenpartner")
    save(bram, 3, naam="Wijkagent Jan", notitie="Bram schreef dit", soort="ketenpartner")
    planned = store.erasure(person.id, free_text=_free_text())
    assert planned["map_items"] == 3  # Anna's version and the two of Bram's that carried her note

    store.erase_person(person.id, free_text=_free_text(), placeholder="(verwijderd)")
    versions = [i.data for i in reversed(store.items_history("map", group, item_id="s1"))]
    assert versions == [
        {"naam": "(verwijderd)", "notitie": "(verwijderd)", "soort": "inwoner"},
        {"naam": "Wijkagent Jan", "notitie": "(verwijderd)", "soort": "inwoner"},
        {"naam": "Wijkagent Jan", "notitie": "(verwijderd)", "soort": "ketenpartner"},
        {"naam": "Wijkagent Jan", "notitie": "Bram schreef dit", "soort": "ketenpartner"},
    ]
    assert "MARKER" not in repr(all_rows(store))


def test_every_registered_kind_of_item_loses_the_text_typed_in_it(store: Store, person: Person) -> None:
    """Each registered kind with typed text: a marker in every free-text field (nested ones too) is gone after
    erasure, and the item still reads with its type."""
    group = person.group_id
    assert group is not None
    kinds = [k for r in registries() for k in r.items if k.free_text]
    assert {k.kind for k in kinds} >= {"stakeholder", "gesprek", "verslag", "citaat", "feedback", "thema", "actie",
                                       "status", "interventie", "olievlek"}

    def filled(kind: ItemKind) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in kind.free_text:
            if ".*." in field:
                outer, inner = field.split(".*.")
                data[outer] = {"luisteren": {inner: f"MARKER-{kind.kind}-{inner}", "oordeel": "goed"}}
            else:
                data[field] = [f"MARKER-{kind.kind}-{field}"] if field == "vragen" else f"MARKER-{kind.kind}-{field}"
        return data

    for kind in kinds:
        store.save_items(kind.space, group, [ItemChange(kind.kind, f"x-{kind.kind}", filled(kind))],  # type: ignore[arg-type]
                         person_id=person.id, client_id="t")
    bram = store.add_person(person.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=group)
    assert "MARKER" in _werkboek(store, bram)
    store.erase_person(person.id, free_text=_free_text(), placeholder="(verwijderd)")
    assert "MARKER" not in repr(all_rows(store))
    page = _werkboek(store, bram)  # a groupmate's werkboek reads every kind of the group's work
    assert "(verwijderd)" in page and "MARKER" not in page
    for kind in kinds:
        [item] = [i for i in store.items(kind.space, group) if i.item_id == f"x-{kind.kind}"]  # type: ignore[arg-type]
        assert kind.type is not None
        kind.type.from_data(item.item_id, item.data)  # still readable


def test_free_text_names_fields_of_the_items_type() -> None:
    for kind in (k for r in registries() for k in r.items if k.free_text):
        assert kind.type is not None, kind.kind
        names = {f.name for f in dataclass_fields(kind.type)}
        assert {field.split(".")[0] for field in kind.free_text} <= names, kind.kind
