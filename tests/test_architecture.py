"""The package's shape (docs/architecture.md): layers as folders, dependencies pointing down, no cycles, small modules."""

from __future__ import annotations

from pathlib import Path

import grimp
import networkx as nx
from importlinter.cli import lint_imports

import wijwerken_widgets

PACKAGE = Path(wijwerken_widgets.__file__).parent
ROOT = PACKAGE.parent
MAX_LINES = 400


def test_dependencies_point_down_and_no_page_imports_another() -> None:
    """Do the import-linter contracts in pyproject.toml hold (layers, independent pages), imports in functions too?"""
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_import_cycles_also_not_inside_functions() -> None:
    """Is the module import graph (every import statement, also inside functions) free of cycles?"""
    graph = grimp.build_graph("wijwerken_widgets", cache_dir=None)
    edges = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            edges.add_edge(module, imported)
    cycles = [sorted(c) for c in nx.strongly_connected_components(edges) if len(c) > 1]
    assert cycles == []


def test_every_module_is_small() -> None:
    """Is every module of the package under 400 lines (frozen migrations aside)?"""
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
    }
    assert {name: lines for name, lines in sizes.items() if lines >= MAX_LINES} == {}
