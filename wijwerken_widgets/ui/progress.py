"""Which exercises of a day have something stored: "3 van 5 oefeningen ingevuld" and a list with ✓ per exercise.

Built from the day's key registry (``pages/<day>/keys.py``, see ``core.keys``) and the store: an exercise counts
as filled in once one of its answer keys has a stored answer of this person, or (group work) one of its item kinds
has an item of the person's group that is not removed. Refreshed after every answer saved in this page; group items
saved by others show after a reload.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.ui import styles, texts

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry
    from wijwerken_widgets.store import AnswerVersion, GroupItem, Store
    from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")


def exercises_of(registry: Registry, titles: Mapping[str, str]) -> list[str]:
    """The exercises (YAML keys, in the order of ``titles``) that the registry saves anything for."""
    saved = {a.exercise for a in registry.answers} | {i.exercise for i in registry.items}
    return [name for name in titles if name in saved]


def filled_in(ctx: Context, registry: Registry) -> set[str]:
    """The exercises of ``registry`` with a stored answer of this person or a live item of their group."""
    stored = ctx.store.latest_answers(ctx.person.id, f"{registry.page}.")
    items = group_items(ctx.store, registry, ctx.group.id) if ctx.group is not None else {}
    return {name for name, found in exercise_parts(registry, stored, items).items()
            if any(part is not None for part in found.values())}


def group_items(store: Store, registry: Registry, group_id: int) -> dict[str, list[GroupItem]]:
    """Space → every item of a group in the spaces ``registry`` writes to (removed ones included)."""
    return {space: store.items(space, group_id)  # type: ignore[arg-type]  # a registry's space
            for space in sorted({i.space for i in registry.items})}


def has_content(value: object) -> bool:
    """Whether a stored value holds anything typed or chosen: text that is not blank, or a list or record with
    such a value in it (numbers and booleans count)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Mapping):
        return any(has_content(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(has_content(v) for v in value)
    return value is not None


def exercise_parts(registry: Registry, stored: Mapping[str, AnswerVersion],
                   items: Mapping[str, list[GroupItem]] | None = None) -> dict[str, dict[str, bool | None]]:
    """Per exercise of ``registry``, per part of it (a registered answer key, or ``space/kind`` of an item kind):
    ``None`` when nothing is stored, ``False`` when only empty values are, ``True`` when something was typed or
    chosen (for an item kind: a live item of the group; ``items`` is space → the group's items). Exercises with
    nothing stored still have their parts. A ``prefilled`` answer (the cohort's text, stored only when changed)
    counts as answered once anything else on the page is."""
    parts: dict[str, dict[str, bool | None]] = {}
    for answer in registry.answers:
        parts.setdefault(answer.exercise, {})[answer.key] = None
    for kind in registry.items:
        parts.setdefault(kind.exercise, {})[f"{kind.space}/{kind.kind}"] = None
    for key, version in stored.items():
        entry = registry.answer(key)
        if entry is not None:
            found = parts[entry.exercise]
            found[entry.key] = bool(found[entry.key]) or has_content(version.value)
    for space, found_items in (items or {}).items():
        for item in found_items:
            item_kind = registry.item(space, item.kind)
            if item_kind is not None and not item.deleted:
                parts[item_kind.exercise][f"{space}/{item_kind.kind}"] = True
    if any(part is True for found in parts.values() for part in found.values()):
        for answer in registry.answers:  # kept as the cohort filled it in, once the page is in use
            if answer.prefilled and parts[answer.exercise][answer.key] is None:
                parts[answer.exercise][answer.key] = True
    return parts


def progress_html(titles: Mapping[str, str], exercises: list[str], done: set[str]) -> str:
    """The count and the list; each line says in words whether it is filled in (never colour alone)."""
    words = texts.load().progress
    count = sum(name in done for name in exercises)
    lines = "".join(
        f'<li class="{"ww-progress-done" if name in done else "ww-progress-open"}">'
        f'<span class="ww-progress-mark" aria-hidden="true">{"✓" if name in done else "○"}</span> '
        f"{html.escape(titles[name])} <span class=\"ww-progress-state\">"
        f"({html.escape(words.done if name in done else words.open)})</span></li>"
        for name in exercises
    )
    summary = html.escape(words.summary.format(ingevuld=count, totaal=len(exercises)))
    return (f'<div class="ww-progress"><p class="ww-progress-summary"><strong>{summary}</strong></p>'
            f'<ul>{lines}</ul><p class="ww-progress-note">{html.escape(words.note)}</p></div>')


class Progress(widgets.HTML):
    """The progress hint of one day for the logged-in person; ``refresh()`` reads the store again."""

    def __init__(self, ctx: Context, registry: Registry, titles: Mapping[str, str]) -> None:
        self.ctx, self.registry, self.titles = ctx, registry, dict(titles)
        self.exercises = exercises_of(registry, self.titles)
        super().__init__(layout=styles.plain_layout(), style=styles.html_style())
        self.refresh()
        ctx.on_saved(lambda key, _version: self.refresh() if key.startswith(f"{registry.page}.") else None)

    def refresh(self) -> None:
        from wijwerken_widgets.store import StoreUnavailable

        try:
            self.value = progress_html(self.titles, self.exercises, filled_in(self.ctx, self.registry))
        except StoreUnavailable:
            log.warning("progress of %s not shown: store unavailable", self.registry.page)


def titles_of(exercises: object) -> dict[str, str]:
    """YAML key → title of a day's ``exercises`` (loaded content), in YAML order; exercises without a title are left out."""
    return {name: exercise.title for name, exercise in vars(exercises).items() if getattr(exercise, "title", None)}
