"""The shape of a page's key registry (``pages/<page>/keys.py``): every answer a participant saves, every kind of
shared item, what it means and how it is called in Dutch.

The werkboek export, the trainer's progress matrix and the privacy export and erasure all read the registries, so
they never need to know an exercise's internals: "every key and item of day N, and what it means".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

Shape = Literal["text", "choice", "list", "record", "records"]


@dataclass(frozen=True)
class AnswerKey:
    """A personal answer (``store.save_answer``): its store key, the exercise (YAML key) it belongs to, its Dutch
    label (as a trainer or a werkboek shows it), what it holds (English, for developers) and its JSON shape."""

    key: str
    exercise: str
    label: str
    meaning: str
    shape: Shape = "text"
    prefilled: bool = False
    """The page fills it in from the cohort's settings and stores it only when the participant changes it: kept as
    it is, it counts as answered once the participant has saved anything else on the page."""


@dataclass(frozen=True)
class ItemKind:
    """A kind of shared group item (``store.save_items``) in a store space, with the frozen dataclass that reads and
    writes its data (``from_data(item_id, data)`` and ``data()``)."""

    space: str
    kind: str
    exercise: str
    label: str
    meaning: str
    type: type[Any] | None = None
    free_text: tuple[str, ...] = ()
    """The data fields that hold what a participant typed (``a.*.b``: field ``b`` of every value of mapping ``a``):
    what erasure replaces in the versions whose text an erased participant wrote (``store/erase.py``)."""


@dataclass(frozen=True)
class Registry:
    """One page's registry: its answer keys and item kinds, looked up by key."""

    page: str
    answers: tuple[AnswerKey, ...] = ()
    items: tuple[ItemKind, ...] = ()

    def __post_init__(self) -> None:
        keys = [a.key for a in self.answers]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.page}: an answer key is registered twice")

    def keys(self) -> frozenset[str]:
        """Every registered answer key (patterns as written, e.g. ``dag3.rollenspel.{trio}.{ronde}``)."""
        return frozenset(a.key for a in self.answers)

    def answer(self, key: str) -> AnswerKey | None:
        """The registered answer that a stored ``key`` is, or is made from: in a pattern key each ``{placeholder}``
        stands for one dot-free part. ``None`` when the page does not save ``key``."""
        return next((a for a in self.answers if _pattern(a.key).fullmatch(key)), None)

    def item(self, space: str, kind: str) -> ItemKind | None:
        """The registered kind of group item, or ``None`` when the page does not write it."""
        return next((i for i in self.items if (i.space, i.kind) == (space, kind)), None)

    def exercise(self, name: str) -> tuple[AnswerKey, ...]:
        """The answer keys of one exercise (a YAML key of the page), in registry order."""
        return tuple(a for a in self.answers if a.exercise == name)


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile("".join(r"[^.]+" if part.startswith("{") else re.escape(part)
                              for part in re.split(r"(\{\w+\})", key)))
