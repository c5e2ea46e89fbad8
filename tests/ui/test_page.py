"""A workbook page: the sections of whoever is logged in; friendly errors under Voilà."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.page import Page

FRIENDLY_ERROR = texts.load().page.friendly_error


@pytest.fixture
def page_env(monkeypatch: pytest.MonkeyPatch, db_url: str, codes) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)


def test_a_page_that_knows_nobody_links_to_the_login_page_and_builds_nothing(page_env, monkeypatch) -> None:
    """Does a page without a session (e.g. logged out in another tab) say so, link to the login page (back to this
    page) and build no exercise?"""
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/dag1.ipynb")
    page = Page("Dag 1").show()
    notice = page.top.children[0].value
    assert texts.load().page.not_logged_in in notice
    assert 'href="/login?next=/voila/render/dag1.ipynb"' in notice
    built = []
    page.section(lambda ctx: built.append(ctx) or widgets.Label("oefening"))
    assert built == [] and page.sections == [] and page.whobar is None


def test_a_page_greets_the_person_of_the_session_and_builds_the_sections(page_env, monkeypatch, store, codes) -> None:
    """Does a browser with a live session get its person's page at once?"""
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login

    participant = next(c for c in codes if c.rol == "deelnemer")
    _, token = login(store, participant.code)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    page = Page("Dag 1").show()
    built = []
    page.section(lambda ctx: built.append(ctx.person.name) or widgets.Label("oefening"))
    assert built == [participant.naam] and page.top is None
    assert page.who.value.startswith(f"Ingelogd als \u2068{participant.naam}\u2069")  # the name isolated


def test_hub_user_not_in_the_cohort_gets_a_dutch_message(page_env, monkeypatch) -> None:
    """Under JupyterHub, is an unknown hub user told so in Dutch instead of asked for a code?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "onbekend")
    page = Page("Dag 1").show()
    assert "onbekend" in page.top.children[0].value and "trainer" in page.top.children[0].value


def test_a_failing_section_shows_a_dutch_message_under_voila(page_env, monkeypatch, codes) -> None:
    """Under Voilà, does a broken exercise show the friendly message instead of breaking the page?"""
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.setenv("WIJWERKEN_CODE", codes[1].code)
    page = Page("Dag 1").show()
    slot_holder = []

    def broken(ctx):
        raise KeyError("kapot")

    page.section(broken)
    page.section(lambda ctx: slot_holder.append(1) or widgets.Label("werkt"))
    assert FRIENDLY_ERROR in page.sections[0].children[0].value
    assert "kapot" not in page.sections[0].children[0].value
    assert slot_holder == [1]  # the next section still builds


def test_a_failing_section_raises_for_trainers_and_tests(page_env, monkeypatch, codes) -> None:
    """Outside Voilà (JupyterLab, nbval) does a broken exercise raise, so it gets noticed?"""
    monkeypatch.setenv("WIJWERKEN_CODE", codes[1].code)
    page = Page("Dag 1").show()
    with pytest.raises(KeyError):
        page.section(lambda ctx: {}["kapot"])


def test_a_page_of_an_archived_cohort_says_so_at_the_top(page_env, monkeypatch, store, codes) -> None:
    """Does a participant of an archived cohort still get their page, with the notice that it can only be read,
    above everything else, and without the live hand button?"""
    participant = next(c for c in codes if c.rol == "deelnemer")
    monkeypatch.setenv("WIJWERKEN_CODE", participant.code)
    archived = texts.load().privacy.archived
    assert archived not in repr([w.value for w in Page("Dag 1").show().root.children if hasattr(w, "value")])
    store.archive_cohort(store.cohorts()[0].id)
    page = Page("Dag 1").show()
    notice, whobar = page.root.children[1], page.root.children[2]
    assert archived in notice.value and whobar is page.whobar
    built = []
    page.section(lambda ctx: built.append(ctx.person.name) or widgets.Label("oefening"))
    assert built == [participant.naam]  # the work is still shown
    assert not [w for w in page.root.children if "ww-live" in getattr(w, "_dom_classes", ())]
