"""``wijwerken privacy retention``: by the dates of each cohort's file a dry run only tells, a real run archives and
later purges (only audit lines left, the SQLite file compacted), running it twice is harmless, and a cohort without
dates is kept. ``wijwerken cohort archive``/``unarchive`` by hand."""

from __future__ import annotations

from pathlib import Path

from tests.app.test_cli import DEMO, wijwerken
from tests.store.test_retention import counts
from tests.support.voila_server import printed_codes
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store

SLUG, OTHER = "demogemeente-2026", "anderstad-2026"
MARKER = "MARKER-tekst-om-te-bewaren"


def _cohorts(tmp_path: Path) -> Path:
    """Two cohorts: the demo with a ``bewaren`` block and an answer, and one without any date; the data folder."""
    data = tmp_path / "data"
    dated = tmp_path / "demo.yaml"
    dated.write_text(DEMO.read_text(encoding="utf-8")
                     + "bewaren:\n  archiveren: 2027-07-01\n  verwijderen: 2028-07-01\n", encoding="utf-8")
    undated = tmp_path / "anderstad.yaml"
    undated.write_text(DEMO.read_text(encoding="utf-8").replace("gemeente: Demogemeente", "gemeente: Anderstad")
                       .replace(f"slug: {SLUG}", f"slug: {OTHER}"), encoding="utf-8")
    for path in (dated, undated):
        created = wijwerken("cohort", "create", str(path), data=data)
        assert created.returncode == 0, created.stderr
        if path == dated:
            store = Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}")
            me, _ = login(store, next(c for c in printed_codes(created.stdout) if c.rol == "deelnemer").code)
            store.save_answer(me.id, "dag1.probleem", MARKER, base_id=None, client_id="t")
            store.close()
    return data


def _state(data: Path) -> dict[str, str]:
    """Slug → "archived" or "open", for the cohorts in the store."""
    store = Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}")
    try:
        return {c.slug: "open" if c.archived_at is None else "archived" for c in store.cohorts()}
    finally:
        store.close()


def test_retention_archives_then_purges_by_the_dates_and_twice_is_harmless(tmp_path: Path) -> None:
    data = _cohorts(tmp_path)
    database = data / "wijwerken.sqlite3"
    early = wijwerken("privacy", "retention", "--today", "2027-06-30", data=data)
    assert early.returncode == 0, early.stderr
    assert f"{SLUG} (cohort 1): in use; archive on 2027-07-01, purge on 2028-07-01." in early.stdout
    assert f"{OTHER} (cohort 2): no dates, kept" in early.stdout

    dry = wijwerken("privacy", "retention", "--today", "2027-07-01", "--dry-run", data=data)
    assert "would archive" in dry.stdout and "nothing has changed" in dry.stdout
    assert _state(data) == {SLUG: "open", OTHER: "open"}

    archived = wijwerken("privacy", "retention", "--today", "2027-07-01", data=data)
    assert archived.returncode == 0, archived.stderr
    assert f"{SLUG} (cohort 1): archived (read-only); archive on 2027-07-01" in archived.stdout
    assert _state(data) == {SLUG: "archived", OTHER: "open"}
    again = wijwerken("privacy", "retention", "--today", "2027-07-02", data=data)
    assert again.returncode == 0 and f"{SLUG} (cohort 1): archived since " in again.stdout
    assert _state(data) == {SLUG: "archived", OTHER: "open"}

    dry = wijwerken("privacy", "retention", "--today", "2028-07-01", "--dry-run", data=data)
    assert f"{SLUG} (cohort 1): would purge (sessions 1, answers 1, people 7, groups 2, cohorts 1)" in dry.stdout
    assert _state(data) == {SLUG: "archived", OTHER: "open"}

    store = Store.open(f"sqlite:///{database}")
    before = counts(store)
    store.close()
    purged = wijwerken("privacy", "retention", "--today", "2028-07-01", data=data)
    assert purged.returncode == 0, purged.stderr
    assert f"{SLUG} (cohort 1): purged (" in purged.stdout and "only its audit lines are left" in purged.stdout
    assert _state(data) == {OTHER: "open"}
    store = Store.open(f"sqlite:///{database}")
    after = counts(store)
    lines = store.audit_lines(cohort_id=1)
    store.close()
    assert after["people"] < before["people"] and after["answers"] == 0 and after["audit"] > before["audit"]
    assert [line.action for line in lines][-2:] == ["cohort_archive", "cohort_purge"]
    assert MARKER.encode() not in b"".join(p.read_bytes() for p in data.glob("wijwerken.sqlite3*"))

    again = wijwerken("privacy", "retention", "--today", "2028-07-01", "--compact", data=data)
    assert again.returncode == 0 and "purged" not in again.stdout and f"{OTHER} (cohort 2)" in again.stdout


def test_cohort_archive_and_unarchive_by_hand(tmp_path: Path) -> None:
    data = _cohorts(tmp_path)
    first = wijwerken("cohort", "archive", OTHER, data=data)
    assert first.returncode == 0, first.stderr
    assert f"Cohort '{OTHER}' is archived (read-only)." in first.stdout
    assert "already; nothing changed" in wijwerken("cohort", "archive", OTHER, data=data).stdout
    assert _state(data) == {SLUG: "open", OTHER: "archived"}
    assert "[archived " in next(line for line in wijwerken("cohort", "list", data=data).stdout.splitlines()
                                if line.startswith(OTHER))
    listed = wijwerken("privacy", "retention", "--today", "2027-01-01", data=data)
    assert f"{OTHER} (cohort 2): no dates, kept" in listed.stdout
    assert "is no longer archived" in wijwerken("cohort", "unarchive", OTHER, data=data).stdout
    assert _state(data) == {SLUG: "open", OTHER: "open"}
    missing = wijwerken("cohort", "archive", "bestaat-niet", data=data)
    assert missing.returncode == 2 and "no cohort 'bestaat-niet'" in missing.stderr
