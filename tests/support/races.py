"""Forcing the race between two kernels: a groupmate's save that lands between this kernel's read and its write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wijwerken_widgets.store import Store


def groupmate_saves_first(store: Store, monkeypatch: pytest.MonkeyPatch, action: Callable[[], Any]) -> list[Any]:
    """Run ``action`` (another kernel's save) right before the next ``store.save_items``, once.

    Returns a list that receives what ``action`` returned, so the test can check it ran."""
    real, done = store.save_items, []

    def save_items(*args: Any, **kwargs: Any) -> Any:
        if not done:
            done.append(None)
            done[0] = action()
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "save_items", save_items)
    return done
