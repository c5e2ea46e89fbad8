"""The pecha kucha page's registry: the one answer it saves, spelled once, belonging to an exercise of its YAML."""

from __future__ import annotations

from pathlib import Path

from wijwerken_widgets.pages.pechakucha import keys, texts
from wijwerken_widgets.pages.pechakucha.keys import REGISTRY

PAGE_DIR = Path(keys.__file__).parent


def test_every_answer_belongs_to_an_exercise_and_is_spelled_only_in_keys_py() -> None:
    exercises = texts.load().exercises
    assert REGISTRY.page == "pechakucha" and REGISTRY.keys() == {keys.SLIDES}
    for answer in REGISTRY.answers:
        assert hasattr(exercises, answer.exercise) and (PAGE_DIR / f"{answer.exercise}.py").is_file()
        spelled = {p.name: p.read_text(encoding="utf-8").count(f'"{answer.key}"') for p in PAGE_DIR.glob("*.py")}
        assert {name: n for name, n in spelled.items() if n} == {"keys.py": 1}
