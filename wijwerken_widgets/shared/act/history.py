"""The history of a group's Dag 4 work: every version ever saved, grouped into the changes people made.

One save writes one or more versions with one request id (a merge moves links and removes a theme at once); those
versions are one :class:`Change`, undone together. :func:`replay` rebuilds the state at any point from the
versions alone, so the history is the whole truth: the current state is the replay of everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from wijwerken_widgets.shared.act.items import Actie, Koppeling, Thema
from wijwerken_widgets.store import GroupItem


@dataclass(frozen=True)
class Change:
    """The versions one save wrote, who saved them and when."""

    versions: tuple[GroupItem, ...]

    @property
    def key(self) -> str:
        first = self.versions[0]
        return first.request_id or f"row-{first.id}"

    @property
    def person_id(self) -> int:
        return self.versions[0].person_id

    @property
    def changed_at(self) -> datetime:
        return self.versions[0].changed_at

    @property
    def last_id(self) -> int:
        return max(v.id for v in self.versions)


def changes(versions: Iterable[GroupItem]) -> list[Change]:
    """The versions grouped per save (request id; a version without one is a change of its own), newest first."""
    groups: dict[str, list[GroupItem]] = {}
    for version in sorted(versions, key=lambda v: v.id):
        groups.setdefault(version.request_id or f"row-{version.id}", []).append(version)
    return sorted((Change(tuple(g)) for g in groups.values()), key=lambda c: c.last_id, reverse=True)


def replay(versions: Iterable[GroupItem], until_id: int | None = None) -> dict[tuple[str, str], GroupItem]:
    """The latest version of every item among ``versions`` saved up to row ``until_id`` (all when ``None``)."""
    state: dict[tuple[str, str], GroupItem] = {}
    for version in sorted(versions, key=lambda v: v.id):
        if until_id is None or version.id <= until_id:
            state[(version.kind, version.item_id)] = version
    return state


def before(change: Change, versions: Iterable[GroupItem]) -> dict[tuple[str, str], GroupItem | None]:
    """Each item of ``change`` as it was just before it (``None``: it did not exist yet)."""
    first = min(v.id for v in change.versions)
    earlier = replay(versions, first - 1)
    return {(v.kind, v.item_id): earlier.get((v.kind, v.item_id)) for v in change.versions}


def describe(change: Change, earlier: Mapping[tuple[str, str], GroupItem | None],
             theme_names: Mapping[str, str]) -> tuple[str, str]:
    """What a change did, as a key of ``history.what`` in ``dag4.yaml`` and the name it is about."""
    themes = [v for v in change.versions if v.kind == Thema.KIND]
    for version in themes:
        theme, old = Thema.of(version), earlier.get((version.kind, version.item_id))
        if version.deleted and theme.samengevoegd_in:
            return "samengevoegd", theme.naam
        if old is None and theme.gesplitst_uit:
            return "gesplitst", theme_names.get(theme.gesplitst_uit, theme.naam)
    if len(change.versions) == 1:
        version = change.versions[0]
        old = earlier.get((version.kind, version.item_id))
        if version.kind == Thema.KIND:
            name = Thema.of(version).naam
            if version.deleted:
                return "thema_weg", name
            if old is None:
                return "thema", name
            return ("thema_terug" if old.deleted else "thema_gewijzigd"), name
        if version.kind == Koppeling.KIND:
            name = theme_names.get(Koppeling.of(version).thema_id, "?")
            return ("koppeling_weg" if version.deleted else "koppeling"), name
        if version.kind == Actie.KIND:
            return ("actie_weg" if version.deleted else "actie"), Actie.of(version).wat
        if version.kind == "reactie":
            return "reactie", theme_names.get(version.item_id, "?")
        return version.kind, ""
    return "anders", str(len(change.versions))
