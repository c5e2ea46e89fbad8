"""Dag 1's key registry: is every answer the page saves registered, once, with its exercise and shape?"""

from __future__ import annotations

from pathlib import Path

import pytest

from wijwerken_widgets.pages import dag1
from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.pages.dag1.keys import REGISTRY
from wijwerken_widgets.ui.context import Context

PAGE_DIR = Path(dag1.__file__).parent
SHAPES = {"text": str, "choice": str, "list": list, "record": dict, "records": list}


def fill_every_exercise(ctx: Context) -> None:
    """Change something in every input of every exercise, as a participant would."""
    choice = dag1.vraagstuk_choice.section(ctx)
    choice.kind.value = "intern"
    choice.description.value = "Mijn eigen woorden"
    statement = dag1.problem_statement.section(ctx)
    for name, control in statement.inputs.items():
        control.value = f"Mijn {name}"
    dag1.assumptions.section(ctx).rows.add_row({"assumption": "Bewoners lezen de website niet", "how": "vragen",
                                                "with_whom": "wijkraad"})
    real = dag1.real_problem.section(ctx)
    real.why_inputs["oorzaak"].value = "Niemand is eigenaar"
    real.tree_inputs["probleem"].value = "Initiatieven lopen vast"
    real.perspectives.add_row({"who": "Een initiatiefnemer", "definition": "Van loket naar loket"})
    real.reflection.value = "Het gaat om eigenaarschap"
    dag1.summary_card.section(ctx)


def test_every_saved_answer_is_registered_and_every_registered_key_is_saved(ctx: Context) -> None:
    """After a participant filled in every exercise, are the stored keys exactly the registry's keys?"""
    fill_every_exercise(ctx)
    saved = ctx.store.latest_answers(ctx.person.id, prefix=keys.PREFIX)
    assert set(saved) == REGISTRY.keys()


def test_each_stored_value_has_its_registered_shape(ctx: Context) -> None:
    """Is every stored answer the JSON shape its registry entry promises (text, a record, rows of records)?"""
    fill_every_exercise(ctx)
    for key, version in ctx.store.latest_answers(ctx.person.id, prefix=keys.PREFIX).items():
        shape = REGISTRY.answer(key).shape
        assert isinstance(version.value, SHAPES[shape]), key
        if shape == "records":
            assert all(isinstance(row, dict) for row in version.value), key


def test_every_key_names_an_exercise_of_the_page_and_starts_with_the_prefix() -> None:
    """Does each registered key belong to an exercise of dag1.yaml (with its own module), under ``dag1.``?"""
    exercises = texts.load().exercises
    for answer in REGISTRY.answers:
        assert answer.key.startswith(keys.PREFIX)
        assert hasattr(exercises, answer.exercise), answer
        assert (PAGE_DIR / f"{answer.exercise}.py").is_file(), answer
        assert answer.label.strip() and answer.meaning.strip()
    assert REGISTRY.page == "dag1"


@pytest.mark.parametrize("key", sorted(REGISTRY.keys()))
def test_each_key_string_is_written_once_in_the_package(key: str) -> None:
    """Is the key spelled once (in keys.py, or in shared/vraagstuk.py when later days read it), so the exercises, the
    summary card and Dag 3 all use its constant?"""
    package = PAGE_DIR.parent.parent
    spelled = {str(path.relative_to(package)): path.read_text(encoding="utf-8").count(f'"{key}"')
               for path in package.rglob("*.py")}
    shared = {keys.HOOFDVRAAG, keys.VRAAGSTUK_KIND, keys.VRAAGSTUK_DESCRIPTION, keys.PROBLEEM, keys.DOEL,
              keys.AANNAMES, keys.WAAROM, keys.PERSPECTIEVEN}
    home = "shared/vraagstuk.py" if key in shared else "pages/dag1/keys.py"
    assert {name: n for name, n in spelled.items() if n} == {home: 1}


def test_an_unregistered_key_is_described_by_nothing() -> None:
    """Does the registry refuse to describe a key nobody registered?"""
    assert REGISTRY.answer(keys.HOOFDVRAAG).exercise == "problem_statement"
    assert REGISTRY.answer("dag1.bestaat_niet") is None
