""""Niet jij? Uitloggen": the session ends in the store and the browser forgets the cookie and the drafts."""

from __future__ import annotations

from wijwerken_widgets.people.identity import SESSION_COOKIE, person_from_environment
from wijwerken_widgets.ui.login import LoginForm
from wijwerken_widgets.ui.logout import LogoutBox
from wijwerken_widgets.ui.page import Page


def test_does_logging_out_end_only_this_browsers_session(store, codes, monkeypatch) -> None:
    participant = next(c for c in codes if c.rol == "deelnemer")
    here, elsewhere = LoginForm(store), LoginForm(store)
    person = here.submit(participant.code)
    elsewhere.submit(participant.code)
    flushed = []
    box = LogoutBox(store, here.token, "abc123", before=lambda: flushed.append(True))
    box.click()
    assert flushed == [True]
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={here.token}")
    assert person_from_environment(store) is None  # the old cookie no longer logs anybody in
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={elsewhere.token}")
    assert person_from_environment(store) == person
    assert box.script is not None and box.children[-1] is box.script
    (output,) = box.script.outputs
    script = output["data"]["application/javascript"]
    assert f'document.cookie = "{SESSION_COOKIE}=; path=/; max-age=0' in script
    assert 'd.forget(who)' in script and '("abc123")' in script and "window.location.reload()" in script
    assert box.button.disabled


def test_does_a_page_offer_logout_after_login_and_for_a_cookie_but_not_for_a_hub_user(
        store, codes, db_url, monkeypatch) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    participant = next(c for c in codes if c.rol == "deelnemer")
    page = Page("Dag 1", workbook="dag1.ipynb").show()
    assert page.whobar.layout.display == "none"
    form = page.top.children[0]
    assert page.progress is None
    form.submit(participant.code)
    assert page.session_token == form.token
    (box,) = [w for w in page.whobar.children if isinstance(w, LogoutBox)]
    assert box.question.value == "Niet jij?" and box.button.description == "Uitloggen"

    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={form.token}")
    again = Page("Dag 1", workbook="dag1.ipynb").show()
    assert again.top is None and any(isinstance(w, LogoutBox) for w in again.whobar.children)
    assert again.root.children[-1] is again.end  # the page's end stays last
    again.add(page.who)
    assert again.root.children[-1] is again.end


def test_does_a_page_without_login_show_no_form(store, codes, db_url, monkeypatch) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    page = Page("Toegankelijkheid", workbook="toegankelijkheid.ipynb", needs_login=False).show()
    assert page.top is None and page.ctx is None
    assert "toegankelijkheid.ipynb" in page.end.value


def test_does_hiding_the_who_line_before_login_hide_nothing_else(store, codes, db_url, monkeypatch) -> None:
    """The shared layouts of ``ui.styles`` may never be changed: only the who line is hidden before the login."""
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    page = Page("Dag 1", workbook="dag1.ipynb").show()
    hidden = [w for w in page.root.children if w.layout.display == "none"]
    assert hidden == [page.whobar] and page.root.layout.display != "none"
