"""What every type of shared group item shares: tolerant reading of stored JSON and writing it back.

A type reads its stored JSON with ``from_data(item_id, data)`` and writes it with ``data()``. Reading is tolerant:
stored data may predate a field or hold something unreadable, and a missing or unreadable field gets its default,
never a crash. No widgets and no store here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from wijwerken_widgets.store import GroupItem

T = TypeVar("T", bound="Item")


# -- reading stored values tolerantly ----------------------------------------------------------------------------


def text(value: Any) -> str:
    """Stored text; a number is shown as typed, anything else (``None``, a list …) is empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def whole(value: Any) -> int | None:
    """A whole number such as a person id (an int, never a bool), or ``None``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def seconds(value: Any) -> float | None:
    """A finite number of seconds, or ``None``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def parse_time(value: Any) -> datetime | None:
    """A stored ISO time as an aware datetime (a time without zone is UTC), or ``None`` when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def question_lines(text: str) -> list[str]:
    """The questions in a text: one per line, trimmed, empty lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def questions(value: Any) -> tuple[str, ...]:
    """A plan's questions: a list of texts (or, as text, one question per line)."""
    if isinstance(value, str):
        return tuple(question_lines(value))
    return tuple(text(q) for q in value) if isinstance(value, list) else ()


def as_json(value: Any) -> Any:
    """A field's value as stored: tuples as lists, datetimes as ISO text, nested types as their ``data()``."""
    if isinstance(value, tuple):
        return [as_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "data"):
        return value.data()
    return value


class Item:
    """What every item type shares: its kind, and the stored fields split into fixed (set when the item is made,
    never edited in its form) and edited ones, for :class:`~wijwerken_widgets.ui.item_autosave.ItemAutosave`."""

    KIND: ClassVar[str]
    FIXED: ClassVar[tuple[str, ...]] = ()

    id: str

    @classmethod
    def from_data(cls: type[T], item_id: str, data: Mapping[str, Any]) -> T:
        raise NotImplementedError

    @classmethod
    def of(cls: type[T], item: GroupItem) -> T:
        """The type's reading of a stored item (its current version)."""
        return cls.from_data(item.item_id, item.data if isinstance(item.data, Mapping) else {})

    def data(self) -> dict[str, Any]:
        """The stored JSON: every field but ``id``, in declaration order."""
        return {f.name: as_json(getattr(self, f.name)) for f in fields(self) if f.name != "id"}  # type: ignore[arg-type]

    def fixed_data(self) -> dict[str, Any]:
        """The stored fields its form does not edit."""
        return {k: v for k, v in self.data().items() if k in self.FIXED}

    def edited_data(self) -> dict[str, Any]:
        """The stored fields its form edits."""
        return {k: v for k, v in self.data().items() if k not in self.FIXED}


def mapping(data: Any) -> Mapping[str, Any]:
    return data if isinstance(data, Mapping) else {}
