"""The role-play scenarios of Dag 3: one YAML file per scenario in ``exercises/rollenspel/``.

A trainer adds a scenario by adding a file. A file with a mistake is left out and its problem (file, line, field)
is reported, so one typo never hides the other scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader
from wijwerken_widgets.content.loader import ContentError
from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.roleplay_scenario_schema import Scenario

SCENARIO_FOLDER = "rollenspel"
SUFFIXES = (".yaml", ".yml")
SCHEMA = "wijwerken_widgets.pages.dag3.roleplay_scenario_schema:Scenario"


@dataclass
class ScenarioSet:
    """The scenarios that loaded, as ``(id, scenario)`` sorted by file name, and one text per file that did not."""

    scenarios: list[tuple[str, Scenario]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def ids(self) -> list[str]:
        return [scenario_id for scenario_id, _ in self.scenarios]

    def get(self, scenario_id: str) -> Scenario | None:
        return next((scenario for found, scenario in self.scenarios if found == scenario_id), None)


def scenario_dir(directory: str | Path | None = None) -> Path:
    """``directory``, or the ``rollenspel`` folder of the exercises (``paths.exercises_dir()``)."""
    return (
        Path(directory).expanduser().resolve()
        if directory is not None
        else paths.exercises_dir() / SCENARIO_FOLDER
    )


def scenario_files(directory: str | Path | None = None) -> list[Path]:
    """The scenario files, sorted by name: ``*.yaml``/``*.yml``, not hidden, not a README."""
    folder = scenario_dir(directory)
    if not folder.is_dir():
        return []
    return sorted(
        (
            path
            for path in folder.iterdir()
            if path.suffix.lower() in SUFFIXES
            and not path.name.startswith(".")
            and path.stem.lower() != "readme"
            and path.is_file()
        ),
        key=lambda path: path.name,
    )


def _scenario_paths(directory: str | Path | None) -> list[Path]:
    """The scenario files, with the municipality's own (``exercises/<gemeente>/rollenspel/``, see
    ``content/variants.py``) added, each replacing a master scenario of the same file name, sorted by name."""
    files = scenario_files(directory)
    variant = loader.variant_dir() if directory is None else None
    if variant is not None and (own := scenario_files(variant / SCENARIO_FOLDER)):
        names = {path.name for path in own}
        files = sorted([*(path for path in files if path.name not in names), *own], key=lambda path: path.name)
    return files


def load_scenarios(directory: str | Path | None = None) -> ScenarioSet:
    """Every scenario that passes its schema; the ContentError text of every file that does not."""
    folder = scenario_dir(directory)
    result = ScenarioSet()
    if not folder.is_dir():
        result.problems.append(f"{folder}: folder not found")
        return result
    for path in _scenario_paths(directory):
        if path.stem in result.ids():
            result.problems.append(
                f"{path}: another file already has the id {path.stem!r}; this one is skipped"
            )
            continue
        try:
            result.scenarios.append((path.stem, loader.load_file(path, SCHEMA)))
        except ContentError as error:
            result.problems.append(str(error))
    return result


def load_scenario(scenario_id: str, directory: str | Path | None = None) -> Scenario:
    """The scenario whose file is named ``<scenario_id>.yaml`` (or ``.yml``); raises ContentError."""
    folder = scenario_dir(directory)
    path = next((p for p in _scenario_paths(directory) if p.stem == scenario_id), None)
    if path is None:
        raise ContentError(f"{folder}: no scenario {scenario_id!r}")
    return loader.load_file(path, SCHEMA)
