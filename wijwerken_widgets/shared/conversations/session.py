"""A group's Dag 3 work as this kernel sees it: conversation plans, reports, quotes, role-play trios, feedback.

The items live in the store's ``"gesprekken"`` space (see ``store/items.py``); this session loads them, saves
changes and polls for groupmates' changes like the Dag 2 map. What each kind of item holds is its type in
``items.py`` (:class:`~wijwerken_widgets.shared.conversations.items.Gesprek` and the others); the session hands out
the stored items (who saved them, when, which version) and each reader reads their data with ``Type.of(item)``.

New items get ``aangemaakt`` from :meth:`GroupSession.put`.
"""

from __future__ import annotations

from dataclasses import replace

from wijwerken_widgets.shared.conversations.items import (
    SPACE,
    Citaat,
    ConversationItem,
    Feedback,
    Gesprek,
    Trio,
    Verslag,
)
from wijwerken_widgets.shared.groups import page_group
from wijwerken_widgets.store import GroupItem, ItemSaveResult, Person
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.group_session import POLL_SECONDS, GroupSession


class ConversationSession(GroupSession["ConversationSession"]):
    """One group's Dag 3 items in one kernel."""

    space = SPACE

    def conversations(self) -> list[GroupItem]:
        """The group's conversation plans, in the order they were taken on."""
        return self.live(Gesprek.KIND)

    def item(self, kind: str, item_id: str) -> GroupItem | None:
        """The current version of an item, or ``None`` when there is none or it was removed."""
        found = self.items.get((kind, item_id))
        return None if found is None or found.deleted else found

    def report(self, conversation_id: str) -> GroupItem | None:
        return self.item(Verslag.KIND, conversation_id)

    def quotes(self, conversation_id: str | None = None) -> list[GroupItem]:
        """Quotes of one conversation, or of all of them."""
        return [q for q in self.live(Citaat.KIND) if conversation_id in (None, Citaat.of(q).gesprek_id)]

    def trios_of(self, person_id: int) -> list[GroupItem]:
        """The role-play trios ``person_id`` is in, the newest first."""
        return [t for t in reversed(self.live(Trio.KIND)) if person_id in Trio.of(t).leden]

    def feedback_for(self, person_id: int) -> list[GroupItem]:
        """Feedback written for ``person_id`` as gespreksvoerder, the newest first."""
        return [f for f in reversed(self.live(Feedback.KIND)) if Feedback.of(f).voor == person_id]

    def put_item(self, value: ConversationItem, *, base_version: int | None = None,
                 deleted: bool = False) -> ItemSaveResult:
        """Save ``value`` as its kind's item (see :meth:`GroupSession.put`)."""
        return self.put(value.KIND, value.id, value.data(), base_version=base_version, deleted=deleted)

    def members(self) -> list[Person]:
        """The participants of this group (for "wie voert het gesprek?" and for trios)."""
        people = self.ctx.store.people(self.ctx.group.cohort_id)
        return [p for p in people if p.group_id == self.group_id and p.role == "deelnemer"]


def page_conversations(ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> ConversationSession | None:
    """The page's conversation session (made once per page, shared by its sections), or ``None`` for someone in no
    group; a trainer sees the group chosen with ``?groep=<id>`` (see ``shared.groups``). ``poll_seconds``: how often
    it looks for groupmates' changes (``None``: read once, e.g. on a later day)."""
    if SPACE not in ctx.shared:
        group = page_group(ctx)
        ctx.shared[SPACE] = (None if group is None
                             else ConversationSession(replace(ctx, group=group), poll_seconds=poll_seconds))
    return ctx.shared[SPACE]
