"""What the group does to its themes, as the changes to save: link, unlink, merge, split, undo.

Each function builds :class:`~wijwerken_widgets.store.ItemChange` s from the current items (``ActSession.items``);
``ActSession.apply`` saves them in one transaction and builds them again from the newest versions when a groupmate
saved in between, so an operation is never lost and never undoes theirs. Undo (:func:`undo`) is the exception: it
restores the versions before one change and is refused when anyone changed those items since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.items import Koppeling, Thema, link_id
from wijwerken_widgets.store import GroupItem, ItemChange

Items = Mapping[tuple[str, str], GroupItem]


def _live(items: Items, kind: str, item_id: str) -> GroupItem | None:
    found = items.get((kind, item_id))
    return None if found is None or found.deleted else found


def _version(items: Items, kind: str, item_id: str) -> int | None:
    found = items.get((kind, item_id))
    return None if found is None else found.version


def links_of(items: Items, theme_id: str) -> list[Koppeling]:
    """The live links of one theme."""
    return [Koppeling.of(i) for (kind, _), i in items.items()
            if kind == Koppeling.KIND and not i.deleted and i.data.get("thema_id") == theme_id]


def set_link(items: Items, quote_id: str, theme_id: str, soort: str | None, *, door: int, fase: str
             ) -> list[ItemChange]:
    """Link a quote to a theme as ``soort`` (``None``: unlink); nothing when it already is so."""
    item_id = link_id(quote_id, theme_id)
    current = _live(items, Koppeling.KIND, item_id)
    version = _version(items, Koppeling.KIND, item_id)
    if soort is None:
        return [] if current is None else [ItemChange(Koppeling.KIND, item_id, current.data, version, True)]
    if current is not None and Koppeling.of(current).soort == soort:
        return []
    link = Koppeling.new(quote_id, theme_id, soort, door, fase)
    return [ItemChange(Koppeling.KIND, item_id, link.data(), version)]


def _move(items: Items, links: Iterable[Koppeling], target: str, *, door: int, fase: str) -> list[ItemChange]:
    """Move ``links`` to theme ``target`` (a quote already linked there keeps that link)."""
    changes = []
    for link in links:
        old = link_id(link.citaat_id, link.thema_id)
        changes.append(ItemChange(Koppeling.KIND, old, link.data(), _version(items, Koppeling.KIND, old), True))
        new = link_id(link.citaat_id, target)
        if _live(items, Koppeling.KIND, new) is None:
            moved = Koppeling.new(link.citaat_id, target, link.soort, door, fase)
            changes.append(ItemChange(Koppeling.KIND, new, moved.data(), _version(items, Koppeling.KIND, new)))
    return changes


def merge(items: Items, source: str, target: str, *, door: int, fase: str) -> list[ItemChange]:
    """Merge theme ``source`` into ``target``: its quotes move, and it is removed with ``samengevoegd_in``."""
    old, new = _live(items, Thema.KIND, source), _live(items, Thema.KIND, target)
    if old is None or new is None or source == target:
        return []
    gone = replace(Thema.of(old), samengevoegd_in=target)
    return [*_move(items, links_of(items, source), target, door=door, fase=fase),
            ItemChange(Thema.KIND, source, {**old.data, **gone.data()}, old.version, True)]


def split(items: Items, source: str, quote_ids: Iterable[str], naam: str, *, door: int, fase: str,
          new_theme_id: str | None = None) -> tuple[str, list[ItemChange]]:
    """Split theme ``source``: a new theme ``naam`` takes the links of ``quote_ids``. Returns its id and the
    changes."""
    theme_id = new_theme_id or new_id()
    if _live(items, Thema.KIND, source) is None:
        return theme_id, []
    chosen = set(quote_ids)
    moving = [k for k in links_of(items, source) if k.citaat_id in chosen]
    theme = Thema(theme_id, naam=naam, gesplitst_uit=source)
    return theme_id, [ItemChange(Thema.KIND, theme_id, theme.data()),
                      *_move(items, moving, theme_id, door=door, fase=fase)]


def undo(change: Iterable[GroupItem], earlier: Mapping[tuple[str, str], GroupItem | None]) -> list[ItemChange]:
    """The changes that undo the versions of one change: each item back to its version before it (``earlier``;
    ``None``: it did not exist, so it is removed again). Based on the change's own versions, so the store refuses
    the undo (``StaleItems``) when anyone changed one of them since."""
    result = []
    for version in change:
        before = earlier.get((version.kind, version.item_id))
        if before is None:
            result.append(ItemChange(version.kind, version.item_id, version.data, version.version, True))
        else:
            result.append(ItemChange(version.kind, version.item_id, before.data, version.version, before.deleted))
    return result
