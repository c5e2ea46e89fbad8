"""The content cache is keyed by the schema: changing any schema module, or a module it imports, validates again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import wijwerken_widgets
from wijwerken_widgets.content import loader
from wijwerken_widgets.core import paths

PACKAGE = Path(wijwerken_widgets.__file__).parent
SCHEMA_MODULES = sorted(
    "wijwerken_widgets." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    for path in PACKAGE.rglob("*schema*.py")
)


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the package's sources that the loader reads its schema sources from."""
    copy = tmp_path / "wijwerken_widgets"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "jupyter_data"))
    monkeypatch.setattr(paths, "PACKAGE_DIR", copy)
    loader._schema_digest.cache_clear()
    yield copy
    loader._schema_digest.cache_clear()


def _source(copy: Path, module: str) -> Path:
    return copy.joinpath(*module.split(".")[1:]).with_suffix(".py")


def test_every_schema_of_a_content_file_is_found() -> None:
    """Are the schemas of the pages, the coaching, the logboek, the scenarios, the question coaching and the texts
    every page shares all covered?"""
    assert {
        "wijwerken_widgets.content.schema",
        "wijwerken_widgets.pages.start.schema",
        "wijwerken_widgets.pages.dag1.schema",
        "wijwerken_widgets.pages.dag2.schema",
        "wijwerken_widgets.pages.dag3.schema",
        "wijwerken_widgets.pages.dag3.roleplay_scenario_schema",
        "wijwerken_widgets.pages.dag3.plans_coaching_schema",
        "wijwerken_widgets.shared.coaching_schema",
        "wijwerken_widgets.shared.logbook.schema",
        "wijwerken_widgets.shared.stakeholders.schema",
        "wijwerken_widgets.ui.schema",
    } <= set(SCHEMA_MODULES)


@pytest.mark.parametrize("module", SCHEMA_MODULES)
def test_changing_a_schema_module_invalidates_its_cache(package_copy: Path, module: str) -> None:
    """After an upgrade changes a schema module, does its content get a new cache key (and so validate again)?"""
    before = loader._cache_file(Path("x.yaml"), f"{module}:Model", b"same file")
    with _source(package_copy, module).open("a", encoding="utf-8") as source:
        source.write("\n# changed in an upgrade\n")
    loader._schema_digest.cache_clear()
    assert loader._cache_file(Path("x.yaml"), f"{module}:Model", b"same file") != before


@pytest.mark.parametrize(
    ("schema", "imported"),
    [
        ("wijwerken_widgets.pages.dag2.schema", "wijwerken_widgets.content.schema"),
        ("wijwerken_widgets.pages.dag3.plans_coaching_schema", "wijwerken_widgets.shared.stakeholders.model"),
    ],
)
def test_changing_a_module_a_schema_imports_invalidates_it_too(package_copy: Path, schema: str, imported: str) -> None:
    """Do the shared schema pieces and the stakeholder vocabularies count for the schemas that use them?"""
    before = loader._schema_digest(schema)
    with _source(package_copy, imported).open("a", encoding="utf-8") as source:
        source.write("\n# changed in an upgrade\n")
    loader._schema_digest.cache_clear()
    assert loader._schema_digest(schema) != before
