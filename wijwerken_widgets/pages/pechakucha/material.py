"""What the proposals are made from, read once from the store when the page opens (``proposals.Material``).

The participant's Dag 1 answers, the group's map, conversations and Dag 4 items, and the participant's own logboek
entries (``store.log_entries`` of their own id: another person's entry is never read here).
"""

from __future__ import annotations

import logging

from wijwerken_widgets.pages.pechakucha.proposals import Material
from wijwerken_widgets.shared import vraagstuk
from wijwerken_widgets.shared.act.items import SPACE as ACT
from wijwerken_widgets.shared.conversations.items import SPACE as CONVERSATIONS
from wijwerken_widgets.shared.groups import page_group
from wijwerken_widgets.shared.stakeholders.model import InvalidInput, Stakeholder
from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")


def gather(ctx: Context) -> Material:
    """The logged-in person's material; without a group only their vraagstuk and logboek."""
    store, person = ctx.store, ctx.person
    group = page_group(ctx)
    stakeholders: dict[str, Stakeholder] = {}
    conversations, act = [], []
    if group is not None:
        for item in store.map_items(group.id):
            if item.kind == "stakeholder" and not item.deleted:
                try:
                    stakeholders[item.item_id] = Stakeholder.from_data(item.item_id, item.data)
                except InvalidInput:
                    log.warning("map item %s of group %s is unreadable; left out", item.id, group.id)
        conversations = store.items(CONVERSATIONS, group.id)
        act = store.items(ACT, group.id)
    people = [p.name for p in store.people(ctx.cohort.id)] if ctx.cohort is not None else [person.name]
    return Material(person.id, vraagstuk.read(ctx), stakeholders, conversations, act, store.log_entries(person.id),
                    people)
