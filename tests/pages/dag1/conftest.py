"""Helpers for the Dag 1 tests: the exercises are driven from Python the way a participant drives them."""

from __future__ import annotations

from wijwerken_widgets.ui.context import Context


def latest(ctx: Context, key: str):
    """The participant's latest stored answer under ``key`` (``None`` when nothing is stored)."""
    version = ctx.store.latest_answer(ctx.person.id, key)
    return None if version is None else version.value


def walk(widget):
    """``widget`` and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)
