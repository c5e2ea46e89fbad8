""""Wat ziet je trainer?": a text for every page of the navigation, shown folded to participants only."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijwerken_widgets.content import loader
from wijwerken_widgets.core import paths
from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.trainer_sees import trainer_sees_html

WORDS = texts.load().trainer_sees


@pytest.fixture
def page_env(monkeypatch: pytest.MonkeyPatch, db_url: str, codes) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)


def test_does_every_page_of_the_navigation_have_a_text() -> None:
    for page in texts.load().navigation.pages:
        assert WORDS.pages.get(page.workbook, "").strip(), page.workbook


def test_is_a_missing_text_a_validation_error_naming_the_page(tmp_path: Path) -> None:
    source = (paths.exercises_dir() / texts.FILE).read_text(encoding="utf-8")
    start = source.index("    dag2.ipynb: |")
    end = source.index("    dag3.ipynb: |")
    (tmp_path / texts.FILE).write_text(source[:start] + source[end:], encoding="utf-8")
    with pytest.raises(loader.ContentError, match=r"dag2\.ipynb"):
        loader.load_file(tmp_path / texts.FILE, texts.SCHEMA)


def test_does_the_logboek_say_privé_entries_are_never_seen() -> None:
    assert "nooit, ook niet dát ze er zijn" in WORDS.pages["logboek.ipynb"]


def _show(monkeypatch, store, codes, role: str, workbook: str, **kwargs) -> Page:
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login

    person = next(c for c in codes if c.rol == role)
    _, token = login(store, person.code)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    return Page("Dag 2", workbook=workbook, **kwargs).show()


def test_does_a_participant_get_the_folded_text_of_the_page(page_env, monkeypatch, store, codes) -> None:
    page = _show(monkeypatch, store, codes, "deelnemer", "dag2.ipynb")
    end = page.end.value
    assert f"<details><summary>{WORDS.summary}</summary>" in end and "stakeholderkaart van je groep" in end
    assert "ww-footer" in end and end.index("<details>") < end.index("ww-footer")


def test_does_a_trainer_not_get_the_block(page_env, monkeypatch, store, codes) -> None:
    page = _show(monkeypatch, store, codes, "trainer", "dag2.ipynb")
    assert WORDS.summary not in page.end.value and "<details>" not in page.end.value


def test_is_there_no_block_on_a_page_without_login_or_without_a_text(store, codes) -> None:
    from wijwerken_widgets.people.identity import login

    person, _ = login(store, next(c for c in codes if c.rol == "deelnemer").code)
    assert trainer_sees_html(person, "dag1.ipynb")
    assert trainer_sees_html(person, "toegankelijkheid.ipynb", needs_login=False) == ""
    assert trainer_sees_html(person, "dag1.ipynb", needs_login=False) == ""
    assert trainer_sees_html(person, "trainer.ipynb") == "" and trainer_sees_html(None, "dag1.ipynb") == ""


def test_is_there_no_block_on_a_page_the_cohort_turned_off(store, codes) -> None:
    from wijwerken_widgets.people.identity import login

    person, _ = login(store, next(c for c in codes if c.rol == "deelnemer").code)
    assert trainer_sees_html(person, "dag2.ipynb", off=frozenset({"dag2"})) == ""
    assert trainer_sees_html(person, "dag1.ipynb", off=frozenset({"dag2"}))
