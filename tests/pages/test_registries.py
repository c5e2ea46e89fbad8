"""Finding every page's key registry by looking (``pages.registries``), as the werkboek download does."""

from __future__ import annotations

from wijwerken_widgets import pages


def test_are_the_pages_with_a_keys_py_found_and_the_others_skipped() -> None:
    found = [registry.page for registry in pages.registries()]
    assert {"dag1", "dag2", "dag3", "dag4"} <= set(found)
    assert not {"start", "logboek", "toegankelijkheid"} & set(found)
    assert found == sorted(found)


def test_are_a_pages_exercise_titles_read_from_its_yaml() -> None:
    assert pages.exercise_titles("dag1")["assumptions"] == "3. Aannames"
    assert pages.exercise_titles("start") == {} and pages.exercise_titles("geen_pagina") == {}
