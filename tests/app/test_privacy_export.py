"""``wijwerken privacy export``: one person's data, complete — every row of every table that names them or holds
what they wrote, every version, their privé logboek too — plus their werkboek, in one zip; nothing of anyone else's
privé writing, no code or session hash; every table of the store is exported or left out with a reason."""

from __future__ import annotations

import json
import stat
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import and_, or_, select

from tests.app.test_cli import DEMO, wijwerken
from tests.support.voila_server import printed_codes
from wijwerken_widgets.app.cli_privacy import DATA_FILE, WERKBOEK_FILE, write_export
from wijwerken_widgets.people.cohorts import assign_trainer, reissue_code
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import ItemChange, Person, Store
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.personal import CONTEXT_TABLES, OMITTED_COLUMNS
from wijwerken_widgets.ui.context import Context

ANSWER, OWN_PRIVATE, OTHERS_PRIVATE = "MARKER-antwoord-eerst", "MARKER-eigen-prive", "MARKER-andermans-prive"


def _unzipped(path: Path) -> tuple[dict[str, Any], str]:
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == [DATA_FILE, WERKBOEK_FILE]
        data = json.loads(archive.read(DATA_FILE))
        return data, archive.read(DATA_FILE).decode("utf-8") + archive.read(WERKBOEK_FILE).decode("utf-8")


def _raw_rows(store: Store, table: t.Table, person_id: int) -> list[dict[str, Any]]:
    """The person's rows straight from the table (the test's own reading, not the export's)."""
    c = table.c
    if table.name == "people":
        where = c.id == person_id
    elif table.name == "audit":
        where = or_(c.actor_person_id == person_id, and_(c.object_type == "person", c.object_id == person_id))
    else:
        where = c.person_id == person_id
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(table).where(where))]


def _key(table: t.Table, row: dict[str, Any]) -> Any:
    return row["id"] if "id" in table.c else (row["person_id"], row["cohort_id"])


def assert_complete(store: Store, person: Person, data: dict[str, Any]) -> None:
    """Every table of the store: exported with every row of the person, or left out with a reason."""
    for table in t.metadata.sorted_tables:
        if table.name in CONTEXT_TABLES:
            assert table.name not in data["tables"]
            assert data["not_exported"]["tables"][table.name] == CONTEXT_TABLES[table.name]
            continue
        assert table.name in data["tables"], f"table {table.name} is neither exported nor left out with a reason"
        exported = {_key(table, row): row for row in data["tables"][table.name]}
        made = datetime.fromisoformat(data["made_at"])
        for row in _raw_rows(store, table, person.id):
            if table.name == "audit" and row["at"] > made:
                continue  # the export's own line, written once the zip is there
            assert _key(table, row) in exported, (table.name, row)
            shown = exported[_key(table, row)]
            for column, value in row.items():
                if column in OMITTED_COLUMNS.get(table.name, ()):
                    assert column not in shown
                elif isinstance(value, datetime):
                    assert datetime.fromisoformat(shown[column]) == value
                else:
                    assert shown[column] == value, (table.name, column)


def test_the_export_holds_every_row_of_the_person_and_nothing_private_of_others(
        store: Store, codes, ctx: Context, groupmate: Context, tmp_path: Path) -> None:
    me, mate, group = ctx.person, groupmate.person, ctx.group
    first = store.save_answer(me.id, "dag1.probleem", ANSWER, base_id=None, client_id="t").version
    store.save_answer(me.id, "dag1.probleem", "MARKER-antwoord-toen", base_id=first.id, client_id="t")
    store.save_answer(mate.id, "dag1.probleem", "MARKER-antwoord-van-groepsgenoot", base_id=None, client_id="t")
    store.save_items("map", group.id, [ItemChange("stakeholder", "s1", {"naam": "MARKER-wijkagent"})],
                     person_id=me.id, client_id="t")
    store.save_items("map", group.id, [ItemChange("stakeholder", "s1", {"naam": "MARKER-wijkagent-2"}, 1)],
                     person_id=me.id, client_id="t")
    store.save_items("gesprekken", group.id, [ItemChange("gesprek", "g1", {"stakeholder": "Buurt", "wie": me.id})],
                     person_id=mate.id, client_id="t")
    store.save_items("act", group.id, [ItemChange("actie", "a1", {"wat": "MARKER-actie"})], person_id=me.id,
                     client_id="t")
    store.save_log_entry(me.id, "e1", day="dag1", prompt="Vraag", text=OWN_PRIVATE, sharing="prive", client_id="t")
    store.save_log_entry(me.id, "e2", day="dag1", prompt="Vraag", text="MARKER-voor-trainer", sharing="trainer",
                         client_id="t")
    store.save_log_entry(me.id, "e2", day="dag1", prompt="Vraag", text="MARKER-voor-groep", sharing="groep",
                         client_id="t")
    store.save_log_entry(mate.id, "x1", day="dag1", prompt="Vraag", text=OTHERS_PRIVATE, sharing="prive",
                         client_id="t")
    store.set_signal(me.cohort_id, "hand", {}, person_id=me.id)
    reissue_code(store, mate.id)  # an audit line about someone else
    trainer = next(p for p in store.people(me.cohort_id) if p.role == "trainer")
    store.audit("view", "group", group.id, origin="kernel", actor_id=trainer.id, cohort_id=me.cohort_id)

    out = tmp_path / "export.zip"
    write_export(store, me, out)
    data, text = _unzipped(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert_complete(store, me, data)
    assert data["person_id"] == me.id and data["context"]["group"]["name"] == group.name
    logbook = [(row["entry_id"], row["text"], row["sharing"]) for row in data["tables"]["logbook"]]
    assert logbook == [("e1", OWN_PRIVATE, "prive"), ("e2", "MARKER-voor-trainer", "trainer"),
                       ("e2", "MARKER-voor-groep", "groep")]
    assert [row["value"] for row in data["tables"]["answers"]] == [ANSWER, "MARKER-antwoord-toen"]
    assert [row["data"]["naam"] for row in data["tables"]["map_items"]] == ["MARKER-wijkagent", "MARKER-wijkagent-2"]
    assert [row["person_id"] for row in data["tables"]["conversation_items"]] == [mate.id]  # names me as "wie"
    assert {row["action"] for row in data["tables"]["audit"]} == {"login"}  # my logins; not the trainer's view
    with zipfile.ZipFile(out) as archive:
        page = archive.read(WERKBOEK_FILE).decode("utf-8")
    assert OWN_PRIVATE in page and "MARKER-antwoord-toen" in page and "MARKER-wijkagent-2" in page
    for absent in (OTHERS_PRIVATE, "MARKER-antwoord-van-groepsgenoot"):
        assert absent not in text
    assert mate.name not in json.dumps(data["tables"], ensure_ascii=False)
    secrets = [me.code_hash, *(row["token_hash"] for row in _raw_rows(store, t.sessions, me.id))]
    assert len(secrets) >= 2 and not [s for s in secrets if s in text]
    assert all("code_hash" not in row for row in data["tables"]["people"])
    assert all("token_hash" not in row for row in data["tables"]["sessions"])
    [line] = [a for a in store.audit_lines(person_id=me.id) if a.action == "export"]
    assert (line.object_type, line.object_id, line.origin, line.result) == ("person", me.id, "cli", "ok")
    with pytest.raises(FileExistsError):
        write_export(store, me, out)  # never over an existing file


def test_a_trainers_export_holds_their_assignments_and_a_werkboek_without_group(store: Store, codes,
                                                                               tmp_path: Path) -> None:
    trainer, _token = login(store, next(c for c in codes if c.rol == "trainer").code)
    other = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    assign_trainer(store, other, trainer.name)
    store.add_session(trainer.id, "token-hash-of-the-trainer", datetime.now(timezone.utc) + timedelta(days=1))
    write_export(store, trainer, tmp_path / "trainer.zip")
    data, text = _unzipped(tmp_path / "trainer.zip")
    assert_complete(store, trainer, data)
    assert data["tables"]["trainer_cohorts"] == [{"person_id": trainer.id, "cohort_id": other.id}]
    assert data["context"]["group"] is None and len(data["tables"]["sessions"]) == 2
    assert "token-hash-of-the-trainer" not in text and trainer.code_hash not in text


def test_the_command_finds_a_person_by_name_or_id_and_says_what_is_wrong(tmp_path: Path) -> None:
    data = tmp_path / "d"
    created = wijwerken("cohort", "create", str(DEMO), data=data)
    assert created.returncode == 0, created.stderr
    name = next(c.naam for c in printed_codes(created.stdout) if c.rol == "deelnemer")
    out = tmp_path / "by-name.zip"
    done = wijwerken("privacy", "export", "demogemeente-2026", name.upper(), "--out", str(out), data=data)
    assert done.returncode == 0, done.stderr
    assert f"Everything stored about {name}" in done.stdout and str(out) in done.stdout
    person_id = _unzipped(out)[0]["person_id"]
    by_id = wijwerken("privacy", "export", "demogemeente-2026", "--id", str(person_id), "--out",
                      str(tmp_path / "by-id.zip"), data=data)
    assert by_id.returncode == 0, by_id.stderr
    assert _unzipped(tmp_path / "by-id.zip")[0]["tables"]["people"][0]["name"] == name
    for args, message in ((("demogemeente-2026", "Niemand Bekend"), "Nobody called 'Niemand Bekend'"),
                          (("demogemeente-2026", "--id", "999"), "no person with id 999"),
                          (("bestaat-niet", name), "no cohort 'bestaat-niet'"),
                          (("demogemeente-2026",), "name one person"),
                          (("demogemeente-2026", name, "--out", str(out)), "already exists")):
        failed = wijwerken("privacy", "export", *args, data=data)
        assert failed.returncode == 2 and message in failed.stderr and "Traceback" not in failed.stderr, failed.stderr
    store = Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}")
    try:
        exports = [a for a in store.audit_lines() if a.action == "export"]
        assert [(a.object_id, a.origin) for a in exports] == [(person_id, "cli"), (person_id, "cli")]
    finally:
        store.close()
