"""A group's Dag 3 work as this kernel sees it: conversation plans, reports, quotes, role-play trios, feedback.

The items live in the store's ``"gesprekken"`` space (see ``store/items.py``); this session loads them, saves
changes and polls for groupmates' changes like the Dag 2 map. Data shapes (``GroupItem.data``):

- ``gesprek`` (a conversation plan): ``stakeholder_id``, ``stakeholder`` (name when planned), ``wie`` (person id
  or ``None``), ``wanneer``, ``doel``, ``opening``, ``vragen`` (list of str), ``luisteren``, ``afsluiten``;
- ``verslag`` (item_id = the plan's): ``notities``, ``energie``, ``verrassingen``, ``vervolg``, ``toestemming``
  (``"onbekend"``, ``"ja"`` or ``"nee"``);
- ``citaat``: ``gesprek_id``, ``stakeholder_id``, ``tekst``;
- ``trio``: ``leden`` (3 or 4 person ids), ``rondes`` (list of ``{"scenario": id, "gestart": ISO time or None,
  "resterend": seconds or None}``); the last round is the current one, roles rotate (:func:`roles`);
- ``feedback`` (item_id ``"<trio>-<round>-<observator id>"``): ``trio_id``, ``ronde``, ``voor`` (the
  gespreksvoerder), ``van`` (the observator), ``scenario``, ``soort``, ``punten`` (``{key: {"oordeel", "voorbeeld"}}``),
  ``tip``.

New items get ``aangemaakt`` from :meth:`GroupSession.put`.
"""

from __future__ import annotations

from dataclasses import replace

from wijwerken_widgets.shared.groups import page_group
from wijwerken_widgets.store import GroupItem, Person
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.group_session import GroupSession

CONSENT = ("onbekend", "ja", "nee")
ROLES = ("gespreksvoerder", "gesprekspartner", "observator")


def roles(members: list[int], round_index: int) -> dict[int, str]:
    """Who plays what in round ``round_index`` (0-based): the roles move one place each round.

    The gespreksvoerder of round 0 is the first member; everyone not leading or playing observes.
    """
    count = len(members)
    lead = round_index % count
    partner = (round_index + 1) % count
    return {member: ROLES[0] if i == lead else ROLES[1] if i == partner else ROLES[2]
            for i, member in enumerate(members)}


def feedback_id(trio_id: str, round_index: int, observer_id: int) -> str:
    return f"{trio_id}-{round_index}-{observer_id}"


class ConversationSession(GroupSession["ConversationSession"]):
    """One group's Dag 3 items in one kernel."""

    space = "gesprekken"

    def conversations(self) -> list[GroupItem]:
        """The group's conversation plans, in the order they were taken on."""
        return self.live("gesprek")

    def item(self, kind: str, item_id: str) -> GroupItem | None:
        """The current version of an item, or ``None`` when there is none or it was removed."""
        found = self.items.get((kind, item_id))
        return None if found is None or found.deleted else found

    def report(self, conversation_id: str) -> GroupItem | None:
        return self.item("verslag", conversation_id)

    def quotes(self, conversation_id: str | None = None) -> list[GroupItem]:
        """Quotes of one conversation, or of all of them."""
        return [q for q in self.live("citaat") if conversation_id is None or q.data.get("gesprek_id") == conversation_id]

    def trios_of(self, person_id: int) -> list[GroupItem]:
        """The role-play trios ``person_id`` is in, the newest first."""
        return [t for t in reversed(self.live("trio")) if person_id in t.data.get("leden", [])]

    def feedback_for(self, person_id: int) -> list[GroupItem]:
        """Feedback written for ``person_id`` as gespreksvoerder, the newest first."""
        return [f for f in reversed(self.live("feedback")) if f.data.get("voor") == person_id]

    def members(self) -> list[Person]:
        """The participants of this group (for "wie voert het gesprek?" and for trios)."""
        people = self.ctx.store.people(self.ctx.group.cohort_id)
        return [p for p in people if p.group_id == self.group_id and p.role == "deelnemer"]


def page_conversations(ctx: Context) -> ConversationSession | None:
    """The page's conversation session (made once per page, shared by its sections), or ``None`` for someone in no
    group; a trainer sees the group chosen with ``?groep=<id>`` (see ``shared.groups``)."""
    if "gesprekken" not in ctx.shared:
        group = page_group(ctx)
        ctx.shared["gesprekken"] = None if group is None else ConversationSession(replace(ctx, group=group))
    return ctx.shared["gesprekken"]
