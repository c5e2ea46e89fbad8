"""The workbook pages, one folder each; a notebook imports its page as ``from wijwerken_widgets.pages import dag1``.

:func:`registries` finds every page's key registry (``pages/<page>/keys.py``) by looking, so what reads all of them
(the werkboek download) never names a page: a new page folder with a ``keys.py`` is found without editing it.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry


def page_names() -> list[str]:
    """The page folders, by name."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if info.ispkg)


def registries() -> list[Registry]:
    """The ``REGISTRY`` of every page that has a ``keys.py`` (importing those pages), in folder order."""
    found = []
    for name in page_names():
        keys = _module(name, "keys")
        registry = getattr(keys, "REGISTRY", None) if keys is not None else None
        if registry is not None:
            found.append(registry)
    return found


def exercise_titles(page: str) -> dict[str, str]:
    """YAML key → title of a page's exercises (its ``texts.load().exercises``); empty when it has none."""
    texts = _module(page, "texts")
    exercises = getattr(texts.load(), "exercises", None) if texts is not None else None
    return {key: part.title for key, part in vars(exercises).items() if getattr(part, "title", None)} \
        if exercises is not None else {}


def _module(page: str, name: str) -> ModuleType | None:
    """The module ``pages.<page>.<name>``, or ``None`` when there is no such page or module."""
    try:
        found = importlib.util.find_spec(f"{__name__}.{page}.{name}")
    except ModuleNotFoundError:  # no such page
        return None
    return importlib.import_module(f"{__name__}.{page}.{name}") if found is not None else None
