"""``wijwerken privacy erase``: without ``--yes`` it only says what would go; with it the person's name, code and own
texts leave every table and the SQLite file itself (VACUUM), their group's map still builds; a second run says there
is nothing to erase."""

from __future__ import annotations

from pathlib import Path

from tests.app.test_cli import DEMO, wijwerken
from tests.store.test_erase import all_rows
from tests.support.audit import assert_no_content
from tests.support.voila_server import printed_codes
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.stakeholders.model import Stakeholder
from wijwerken_widgets.store import ItemChange, Person, Store

SLUG = "demogemeente-2026"
MARKER_ANSWER, MARKER_LOG = "MARKER-antwoord-om-te-wissen", "MARKER-logboek-om-te-wissen"
MARKER_MAP = "MARKER-kaart-om-te-wissen"


def _file_bytes(database: Path) -> bytes:
    """The database file and its side files, as they are on disk."""
    return b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))


def _people(database: Path) -> list[Person]:
    store = Store.open(f"sqlite:///{database}")
    try:
        return [p for c in store.cohorts() for p in store.people(c.id)]
    finally:
        store.close()


def _setup(data: Path) -> tuple[str, str, int, int]:
    """The demo cohort with one participant's answer, logboek and map items, and a groupmate's; the participant's
    name and code hash, their id and group id."""
    created = wijwerken("cohort", "create", str(DEMO), data=data)
    assert created.returncode == 0, created.stderr
    codes = [c for c in printed_codes(created.stdout) if c.rol == "deelnemer"]
    store = Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}")
    try:
        me, _ = login(store, codes[0].code)
        group_id = me.group_id
        assert group_id is not None
        mate = next(p for p in store.people(me.cohort_id) if p.group_id == group_id and p.id != me.id)
        store.save_answer(me.id, "dag1.probleem", MARKER_ANSWER, base_id=None, client_id="t")
        store.save_log_entry(me.id, "e1", day="dag1", prompt="", text=MARKER_LOG, sharing="prive", client_id="t")
        store.save_items("map", group_id, [ItemChange("stakeholder", "s1", {"naam": MARKER_MAP})],
                         person_id=me.id, client_id="t")
        store.save_items("map", group_id, [ItemChange("stakeholder", "s2", {"naam": "Buurtcoach", "wie": me.id})],
                         person_id=mate.id, client_id="t")
    finally:
        store.close()
    return codes[0].naam, me.code_hash, me.id, group_id


def test_erase_asks_for_yes_then_leaves_no_trace_and_the_map_still_builds(tmp_path: Path) -> None:
    data = tmp_path / "d"
    name, code_hash, person_id, group_id = _setup(data)
    database = data / "wijwerken.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    before = all_rows(store)
    store.close()

    asked = wijwerken("privacy", "erase", SLUG, name, data=data)
    assert asked.returncode == 0, asked.stderr
    assert f"Would erase {name} (person {person_id})" in asked.stdout and "--yes" in asked.stdout
    assert "answers: 1" in asked.stdout and "logbook: 1" in asked.stdout and "map_items: 2" in asked.stdout
    store = Store.open(f"sqlite:///{database}")
    assert all_rows(store) == before  # nothing changed
    store.close()

    done = wijwerken("privacy", "erase", SLUG, name.upper(), "--yes", data=data)
    assert done.returncode == 0, done.stderr
    assert f"Erased person {person_id}" in done.stdout and "answers: 1" in done.stdout

    mates = [p.id for p in _people(database) if p.group_id == group_id]
    export = wijwerken("privacy", "export", SLUG, "--id", str(mates[0]), "--out", str(tmp_path / "mate.zip"), data=data)
    assert export.returncode == 0, export.stderr  # a groupmate's werkboek still builds from the re-pointed items

    store = Store.open(f"sqlite:///{database}")
    try:
        rows = repr(all_rows(store))
        for secret in (name, code_hash, MARKER_ANSWER, MARKER_LOG, MARKER_MAP):
            assert secret not in rows, secret
        items = store.items("map", group_id)
        assert [i.item_id for i in items] == ["s1", "s2"]
        assert [Stakeholder.from_data(i.item_id, i.data).naam for i in items] == ["(verwijderd)", "Buurtcoach"]
        [line] = [a for a in store.audit_lines(person_id=person_id) if a.action == "erase"]
        assert (line.object_type, line.origin) == ("person", "cli")
        assert_no_content(store, [name, MARKER_ANSWER, MARKER_LOG, MARKER_MAP])
        audit_count = len(store.audit_lines())
    finally:
        store.close()
    on_disk = _file_bytes(database)
    for secret in (name, MARKER_ANSWER, MARKER_LOG, MARKER_MAP):
        assert secret.encode("utf-8") not in on_disk, secret

    for args in ((name, "--yes"), ("--id", str(person_id), "--yes")):
        again = wijwerken("privacy", "erase", SLUG, *args, data=data)
        assert again.returncode == 0 and "Nothing to erase" in again.stdout, again.stderr
    store = Store.open(f"sqlite:///{database}")
    assert len(store.audit_lines()) == audit_count
    store.close()


def test_without_compaction_the_file_would_keep_the_text(tmp_path: Path) -> None:
    """Why the command runs VACUUM: deleted rows stay in the file's free pages until it is rebuilt."""
    data = tmp_path / "d"
    _name, _hash, person_id, _group = _setup(data)
    database = data / "wijwerken.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    try:
        store.erase_person(person_id)
        assert MARKER_LOG.encode() in _file_bytes(database)
        store.compact()
        assert MARKER_LOG.encode() not in _file_bytes(database)
    finally:
        store.close()


def test_erase_says_what_is_wrong_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert wijwerken("cohort", "create", str(DEMO), data=data).returncode == 0
    for args, message in ((("--id", "999", "--yes"), "no person with id 999"),
                          (("bestaat-niet", "Iemand"), "no cohort 'bestaat-niet'"),
                          ((), "name one person")):
        full = args if args and args[0] == "bestaat-niet" else (SLUG, *args)
        failed = wijwerken("privacy", "erase", *full, data=data)
        assert failed.returncode == 2 and message in failed.stderr and "Traceback" not in failed.stderr, failed.stderr
    nobody = wijwerken("privacy", "erase", SLUG, "Niemand Bekend", "--yes", data=data)
    assert nobody.returncode == 0 and "Nothing to erase: nobody of that name" in nobody.stdout
