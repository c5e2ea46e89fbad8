"""The store's modules import each other in one direction only: no cycles, also not through imports inside
functions or under ``TYPE_CHECKING`` (the ``Store`` parts share ``store/base.py`` and ``store/records.py``)."""

from __future__ import annotations

import ast
from pathlib import Path

import wijwerken_widgets

PACKAGE_DIR = Path(wijwerken_widgets.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(layer: str) -> dict[str, Path]:
    folder = PACKAGE_DIR / layer
    return {
        module_name(path): path
        for path in folder.rglob("*.py")
        if "versions" not in path.relative_to(folder).parts  # frozen Alembic migrations
    }


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every module of ``known`` that ``path`` imports anywhere in its code (top level, functions, TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import submodule`` depends on the submodule; ``from package import name`` on the package
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & known
            names = [alias.name for alias in node.names if f"{node.module}.{alias.name}" not in known]
            found.update(submodules)
            if names:
                found.add(node.module)
    return found & known


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph``, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                return [*stack[stack.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_store_has_no_import_cycles() -> None:
    """Does no module of the store (the package ``__init__`` aside) import, directly or through others, itself?"""
    found = modules("store")
    package = "wijwerken_widgets.store"
    known = set(found) - {package}
    graph = {name: imported_modules(path, known) - {name} for name, path in found.items() if name != package}
    assert cycle(graph) is None, " → ".join(cycle(graph) or [])


def test_the_store_parts_do_not_import_the_store_api() -> None:
    """Do items, maps and logbook build on store.base instead of importing the Store class they are part of?"""
    found = modules("store")
    for name in ("items", "maps", "logbook", "base", "records"):
        imports = imported_modules(found[f"wijwerken_widgets.store.{name}"], set(found))
        assert "wijwerken_widgets.store.api" not in imports and "wijwerken_widgets.store" not in imports, name


def test_the_cycle_finder_finds_a_cycle_inside_a_function(tmp_path: Path) -> None:
    """Is an import inside a function counted (the checks above would pass vacuously otherwise)?"""
    (tmp_path / "a.py").write_text("import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from a import x\n", encoding="utf-8")
    known = {"a", "b"}
    graph = {name: imported_modules(tmp_path / f"{name}.py", known) for name in known}
    assert cycle(graph) == ["a", "b", "a"]
