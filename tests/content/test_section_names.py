"""A cohort turns an exercise off by its YAML key (``uit: [pechakucha.download]``, checked by ``wijwerken check``),
and the page leaves out the section module of that name: so every exercise section of a workbook is named as its
key under ``exercises:``."""

from __future__ import annotations

import json
import re

import yaml

from wijwerken_widgets.core import paths

NOT_EXERCISES = {"closing", "logbook", "programme", "werkboek", "viewed", "trainer_link"}
"""Sections that are no exercise of the page's YAML (a closing text, the shared logboek, the start page's parts)."""


def test_every_exercise_section_of_a_workbook_has_the_name_of_its_yaml_key() -> None:
    for notebook in sorted(paths.workbooks_dir().glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        sections = re.findall(r"page\.section\(\w+\.(\w+)\)", code)
        content = paths.exercises_dir() / f"{notebook.stem}.yaml"
        keys = set(yaml.safe_load(content.read_text(encoding="utf-8")).get("exercises") or {}) if content.exists() else set()
        assert [s for s in sections if s not in keys | NOT_EXERCISES] == [], notebook.name
