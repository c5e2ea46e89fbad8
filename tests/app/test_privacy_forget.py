"""``wijwerken privacy forget-name``: without ``--yes`` it only counts; with it the name leaves every version and the
SQLite file itself (VACUUM); a name that is too short is refused."""

from __future__ import annotations

from pathlib import Path

from tests.app.test_cli import DEMO, wijwerken
from tests.app.test_privacy_erase import SLUG, _file_bytes
from tests.store.test_erase import all_rows
from wijwerken_widgets.store import ItemChange, Store

NAME = "Henk Oosterbeek"
TYPED = ("Henk Oosterbeek", "henk  OOSTERBEEK", "Henk Oosterbeek zei het al")


def _setup(data: Path) -> int:
    """The demo cohort with the name in three versions of a stakeholder, an answer and a privé logboek entry; the
    group id."""
    created = wijwerken("cohort", "create", str(DEMO), data=data)
    assert created.returncode == 0, created.stderr
    store = Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}")
    try:
        cohort = store.cohort_by_slug(SLUG)
        me = next(p for p in store.people(cohort.id) if p.role == "deelnemer")
        group = me.group_id
        assert group is not None
        for version, typed in enumerate(TYPED):
            store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": typed}, version or None)],
                             person_id=me.id, client_id="t")
        store.save_answer(me.id, "dag1.probleem", f"Gesprek met {NAME}.", base_id=None, client_id="t")
        store.save_log_entry(me.id, "e1", day="dag1", prompt="", text=f"{NAME} (privé)", sharing="prive",
                             client_id="t")
    finally:
        store.close()
    return group


def test_forget_name_counts_first_then_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    data = tmp_path / "d"
    group = _setup(data)
    database = data / "wijwerken.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    before = all_rows(store)
    store.close()

    asked = wijwerken("privacy", "forget-name", SLUG, NAME.lower(), data=data)
    assert asked.returncode == 0, asked.stderr
    assert "map_items: 3" in asked.stdout and "answers: 1" in asked.stdout and "logbook: 1" in asked.stdout
    assert "Nothing has changed" in asked.stdout
    store = Store.open(f"sqlite:///{database}")
    assert all_rows(store) == before
    store.close()

    done = wijwerken("privacy", "forget-name", SLUG, NAME, "--yes", data=data)
    assert done.returncode == 0, done.stderr
    assert "(naam verwijderd)" in done.stdout and "map_items: 3" in done.stdout
    store = Store.open(f"sqlite:///{database}")
    try:
        assert "oosterbeek" not in repr(all_rows(store)).casefold()
        assert [i.data["naam"] for i in store.items_history("map", group, item_id="s1")] == \
            ["(naam verwijderd) zei het al"] * 2 + ["(naam verwijderd)", "(naam verwijderd)"]
    finally:
        store.close()
    assert b"Oosterbeek" not in _file_bytes(database) and b"OOSTERBEEK" not in _file_bytes(database)

    again = wijwerken("privacy", "forget-name", SLUG, NAME, data=data)
    assert again.returncode == 0 and "(none)" in again.stdout, again.stderr


def test_a_short_name_or_unknown_cohort_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "d"
    _setup(data)
    short = wijwerken("privacy", "forget-name", SLUG, "He", "--yes", data=data)
    assert short.returncode != 0 and "at least 3 letters" in short.stderr
    unknown = wijwerken("privacy", "forget-name", "nergens", NAME, data=data)
    assert unknown.returncode != 0 and "no cohort" in unknown.stderr
