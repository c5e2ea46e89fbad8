"""Logging in with a code, and recognising the same browser again on the next page."""

from __future__ import annotations

import datetime

import pytest

from wijwerken_widgets.people.codes import hash_code, legacy_hash_code, new_code
from wijwerken_widgets.people.identity import (
    SESSION_COOKIE,
    WrongCode,
    login,
    person_by_code,
    person_from_environment,
    session_token_from_cookie_header,
)
from wijwerken_widgets.store import Store


def deelnemer(issued):
    return next(c for c in issued if c.rol == "deelnemer")


def test_does_a_right_code_log_in_the_right_person(store, issued):
    code = deelnemer(issued)
    person, token = login(store, code.code.lower().replace("-", " "))
    assert person.name == code.naam
    assert person.role == "deelnemer"
    assert token


def test_does_every_issued_code_have_the_new_format_and_log_in(store, issued):
    for item in issued:
        assert len(item.code) == 19 and item.code.count("-") == 3
        person, _token = login(store, item.code)
        assert (person.name, person.role) == (item.naam, item.rol)
        assert person.code_hash == hash_code(item.code) and person.code_hash.startswith("hmac-sha256:")


@pytest.mark.parametrize("typed", ["K7QM-4XPD-9TWA-R3HN", "K7QM-4XPD-9TWA", "", "   ", "' OR 1=1 --"])
def test_is_a_wrong_code_refused(store, issued, typed):
    with pytest.raises(WrongCode):
        login(store, typed)
    assert person_by_code(store, typed) is None


OLD_CODE = "K7QM-4XPD-9TWA"  # a code of the earlier format, stored as plain SHA-256


def add_legacy_person(store):
    cohort = store.cohort_by_slug("demogemeente-2026")
    return store.add_person(cohort.id, "Oude Code", "deelnemer", legacy_hash_code(OLD_CODE))


def test_does_a_legacy_code_log_in_once_and_is_its_hash_then_upgraded(store, issued):
    old = add_legacy_person(store)
    person, token = login(store, OLD_CODE.lower().replace("-", " "))
    assert person.id == old.id and token
    assert store.person(old.id).code_hash == hash_code(OLD_CODE)
    assert store.person_by_code_hash(legacy_hash_code(OLD_CODE)) is None  # the plain hash is gone
    assert login(store, OLD_CODE)[0].id == old.id  # and the code keeps working, now by its keyed hash


def test_does_a_legacy_server_side_code_log_the_kernel_in_and_upgrade(store, issued, monkeypatch):
    old = add_legacy_person(store)
    monkeypatch.setenv("WIJWERKEN_CODE", OLD_CODE)
    assert person_from_environment(store).id == old.id
    assert store.person(old.id).code_hash == hash_code(OLD_CODE)


def test_is_a_plain_hash_matched_only_by_its_own_code(store, issued):
    """A row with the plain hash of a new-format code is upgraded too (a code is a code); a different code is not."""
    cohort = store.cohort_by_slug("demogemeente-2026")
    code = new_code()
    person = store.add_person(cohort.id, "Plain", "deelnemer", legacy_hash_code(code))
    assert person_by_code(store, new_code()) is None
    assert store.person(person.id).code_hash == legacy_hash_code(code)
    assert person_by_code(store, code).id == person.id


def test_does_a_new_page_recognise_the_browser_by_its_cookie(db_url, store, issued, monkeypatch):
    """After a 'reload' (a new kernel with a new Store on the same file) the cookie identifies the person."""
    code = deelnemer(issued)
    _, token = login(store, code.code)
    store.close()

    monkeypatch.setenv("HTTP_COOKIE", f"_xsrf=2|abc|def|123; {SESSION_COOKIE}={token}; other=1")
    reopened = Store.open(db_url)
    try:
        person = person_from_environment(reopened)
    finally:
        reopened.close()
    assert person is not None and person.name == code.naam


def test_is_nobody_recognised_without_a_cookie(store, issued):
    assert person_from_environment(store) is None


@pytest.mark.parametrize(
    "value",
    ["forged-token-forged-token-forged-token-0000", "1", "", '"quoted"', "x" * 500],
)
def test_is_a_forged_cookie_value_not_recognised(store, issued, monkeypatch, value):
    login(store, deelnemer(issued).code)  # a real session exists, but not with this token
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={value}")
    assert person_from_environment(store) is None


def test_is_an_expired_session_not_recognised(store, issued, monkeypatch):
    long_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=401)
    _, token = login(store, deelnemer(issued).code, now=long_ago)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    assert person_from_environment(store) is None


def test_does_a_session_last_30_days_and_renewal_extend_it(store, issued):
    _, token = login(store, deelnemer(issued).code)
    from wijwerken_widgets.people.codes import hash_token

    now = datetime.datetime.now(datetime.timezone.utc)
    later, much_later = now + datetime.timedelta(days=29), now + datetime.timedelta(days=31)
    assert store.person_by_session(hash_token(token), now=later) is not None
    assert store.person_by_session(hash_token(token), now=much_later) is None

    store.renew_session(hash_token(token), now + datetime.timedelta(days=40))
    assert store.person_by_session(hash_token(token), now=much_later) is not None
    person, expires = store.live_session(hash_token(token))
    assert expires == now + datetime.timedelta(days=40) and person.id == store.person_by_session(hash_token(token)).id


def test_does_renewal_leave_an_ended_session_ended(store, issued):
    _, token = login(store, deelnemer(issued).code)
    from wijwerken_widgets.people.codes import hash_token

    store.end_session(hash_token(token))
    store.renew_session(hash_token(token), datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=40))
    assert store.live_session(hash_token(token)) is None


def test_is_the_cookie_found_behind_a_cookie_python_cannot_parse():
    token = "A" * 43
    header = f'broken="unterminated; {SESSION_COOKIE}={token}'
    assert session_token_from_cookie_header(header) == token


def test_is_a_jupyterhub_user_mapped_to_their_person_without_a_code(store, issued, monkeypatch):
    cohort = store.cohort_by_slug("demogemeente-2026")
    hub_person = store.add_person(cohort.id, "Hub Gebruiker", "deelnemer", "x" * 64, hub_user="hgebruiker")

    monkeypatch.setenv("JUPYTERHUB_USER", "hgebruiker")
    assert person_from_environment(store) == hub_person


def test_does_an_unknown_jupyterhub_user_get_nobody_even_with_a_valid_cookie(store, issued, monkeypatch):
    _, token = login(store, deelnemer(issued).code)
    monkeypatch.setenv("JUPYTERHUB_USER", "onbekend")
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    assert person_from_environment(store) is None


def test_does_a_server_side_code_log_the_kernel_in(store, issued, monkeypatch):
    trainer = next(c for c in issued if c.rol == "trainer")
    monkeypatch.setenv("WIJWERKEN_CODE", trainer.code)
    person = person_from_environment(store)
    assert person is not None and person.name == trainer.naam and person.role == "trainer"


def test_does_a_non_preheated_voila_kernel_read_the_cookie_without_waiting(store, issued, monkeypatch):
    code = deelnemer(issued)
    _, token = login(store, code.code)
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    assert person_from_environment(store).name == code.naam
