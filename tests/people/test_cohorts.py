"""Creating a cohort: codes issued once, only hashes stored, the mail-merge file, the demo cohort."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from wijwerken_widgets.people.codes import hash_token, normalise_code
from wijwerken_widgets.people.cohorts import (
    CohortExists,
    create_cohort,
    demo_cohort_settings,
    ensure_demo_cohort,
    reissue_code,
    write_codes_csv,
)
from wijwerken_widgets.people.identity import WrongCode, login
from wijwerken_widgets.store import Store


def database_bytes(db_url: str) -> bytes:
    """Everything SQLite wrote for this database: the file, its WAL and shared-memory files."""
    db = Path(db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


def test_does_create_cohort_add_everyone_with_a_unique_code(store, issued):
    settings = demo_cohort_settings()
    cohort = store.cohort_by_slug("demogemeente-2026")
    assert cohort is not None and cohort.gemeente == "Demogemeente" and cohort.name == settings.naam
    assert {(g.name, g.vraagstuk) for g in store.groups(cohort.id)} == {
        ("Groep Buiten", "extern"),
        ("Groep Binnen", "intern"),
    }
    people = store.people(cohort.id)
    groups = {g.id: g.name for g in store.groups(cohort.id)}
    assert sorted((p.name, p.role, groups.get(p.group_id), p.functie) for p in people) == sorted(
        [(t.naam, "trainer", None, None) for t in settings.trainers]
        + [(d.naam, "deelnemer", d.groep, d.functie) for d in settings.deelnemers]
    )
    assert len({c.code for c in issued}) == len(issued) == len(people)
    assert {(c.naam, c.rol, c.groep) for c in issued} == {
        (p.name, p.role, groups.get(p.group_id)) for p in people
    }


def test_are_only_hashes_of_codes_and_tokens_stored(db_url, store, issued):
    _, token = login(store, issued[0].code)
    store.close()
    stored = database_bytes(db_url)
    assert b"Demogemeente" in stored  # the check can see what is there
    for item in issued:
        assert item.code.encode() not in stored
        assert normalise_code(item.code).encode() not in stored
    assert token.encode() not in stored


def test_is_a_second_cohort_with_the_same_slug_refused(store, issued):
    with pytest.raises(CohortExists, match="demogemeente-2026"):
        create_cohort(store, demo_cohort_settings())


def test_does_the_codes_csv_open_with_names_and_codes(tmp_path, issued):
    path = tmp_path / "codes.csv"
    write_codes_csv(issued, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [(r["naam"], r["rol"], r["groep"] or None, r["code"]) for r in rows] == [
        (c.naam, c.rol, c.groep, c.code) for c in issued
    ]
    assert path.stat().st_mode & 0o077 == 0  # codes are secrets: owner only


def test_does_ensure_demo_cohort_create_it_once(db_url, store):
    first = ensure_demo_cohort(store)
    assert first is not None and len(first) == 7
    assert ensure_demo_cohort(store) is None
    store.close()
    with Store.open(db_url) as reopened:
        assert ensure_demo_cohort(reopened) is None
        assert len(reopened.cohorts()) == 1
        assert len(reopened.people(reopened.cohorts()[0].id)) == 7


def test_does_a_reissued_code_replace_the_lost_one(store, issued):
    """Does the new code work, and do the old code and browsers logged in with it stop working?"""
    lost = next(c for c in issued if c.rol == "deelnemer")
    person, token = login(store, lost.code)
    assert store.person_by_session(hash_token(token)).id == person.id
    new = reissue_code(store, person.id)
    assert new != lost.code
    assert store.person_by_session(hash_token(token)) is None
    assert login(store, new)[0].id == person.id
    with pytest.raises(WrongCode):
        login(store, lost.code)


def test_is_reissuing_for_an_unknown_person_refused(store, issued):
    with pytest.raises(LookupError):
        reissue_code(store, 999_999)
