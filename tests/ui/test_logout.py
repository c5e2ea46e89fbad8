""""Niet jij? Uitloggen": the session ends in the store, the browser forgets the drafts and posts to ``/logout``."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.people.identity import SESSION_COOKIE, login, person_from_environment
from wijwerken_widgets.ui.logout import LogoutBox
from wijwerken_widgets.ui.page import Page


def test_does_logging_out_end_only_this_browsers_session(store, codes, monkeypatch) -> None:
    participant = next(c for c in codes if c.rol == "deelnemer")
    monkeypatch.setenv("VOILA_BASE_URL", "/werkboek/")
    person, here = login(store, participant.code)
    _, elsewhere = login(store, participant.code)
    flushed = []
    box = LogoutBox(store, here, "abc123", before=lambda: flushed.append(True))
    box.click()
    assert flushed == [True]
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={here}")
    assert person_from_environment(store) is None  # the old cookie no longer logs anybody in
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={elsewhere}")
    assert person_from_environment(store) == person
    assert box.script is not None and box.children[-1] is box.script
    (output,) = box.script.outputs
    script = output["data"]["application/javascript"]
    assert 'd.forget(who)' in script and '("abc123", "/werkboek/logout")' in script and "f.submit()" in script
    assert "_xsrf" in script and "document.cookie =" not in script  # the HttpOnly cookie is the server's to clear
    assert box.button.disabled


def test_does_a_page_offer_logout_for_a_cookie_but_not_for_a_hub_user(store, codes, db_url, monkeypatch) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    participant = next(c for c in codes if c.rol == "deelnemer")
    _, token = login(store, participant.code)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    page = Page("Dag 1", workbook="dag1.ipynb").show()
    assert page.top is None and page.session_token == token
    (box,) = [w for w in page.whobar.children if isinstance(w, LogoutBox)]
    assert box.question.value == "Niet jij?" and box.button.description == "Uitloggen"
    assert page.root.children[-1] is page.end  # the page's end stays last
    page.add(widgets.Label("later"))
    assert page.root.children[-1] is page.end

    monkeypatch.delenv("HTTP_COOKIE")
    from wijwerken_widgets.people.codes import hash_code, new_code

    store.add_person(store.cohorts()[0].id, "Hub Deelnemer", "deelnemer", hash_code(new_code()), hub_user="hubje")
    monkeypatch.setenv("JUPYTERHUB_USER", "hubje")
    hub_page = Page("Dag 1", workbook="dag1.ipynb").show()
    assert hub_page.session_token is None
    assert not any(isinstance(w, LogoutBox) for w in hub_page.whobar.children)


def test_does_a_page_without_login_show_no_form(store, codes, db_url, monkeypatch) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    page = Page("Toegankelijkheid", workbook="toegankelijkheid.ipynb", needs_login=False).show()
    assert page.top is None and page.ctx is None
    assert "toegankelijkheid.ipynb" in page.end.value
