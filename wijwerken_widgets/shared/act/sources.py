"""What Dag 4 analyses: the group's Dag 3 quotes with their context, read from the conversations and the Dag 2 map.

Both are read once per page (they were finished on earlier days) and again on :meth:`Sources.refresh` (the page's
"Vernieuwen" button). :meth:`Sources.quotes` is the list every Dag 4 view works from: only quotes of conversations
with consent (``evidence.analysable_quotes``).
"""

from __future__ import annotations

from collections.abc import Callable

from wijwerken_widgets.shared.act.evidence import Quote, analysable_quotes, conversation_order
from wijwerken_widgets.shared.conversations.items import Gesprek, Verslag
from wijwerken_widgets.shared.conversations.session import ConversationSession, page_conversations
from wijwerken_widgets.shared.stakeholders.model import Stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui.context import Context

KEY = "act-sources"


class Sources:
    """One group's conversations and map as Dag 4 reads them."""

    def __init__(self, conversations: ConversationSession, stakeholder_map: MapSession) -> None:
        self.conversations, self.map = conversations, stakeholder_map
        self._listeners: list[Callable[[Sources], None]] = []
        self._compute()

    def _compute(self) -> None:
        self.stakeholders: dict[str, Stakeholder] = self.map.map.by_id()
        self.held: list[Gesprek] = conversation_order(self.conversations.items.values())
        self.quotes: list[Quote] = analysable_quotes(self.conversations.items.values(), self.stakeholders)

    def on_change(self, listener: Callable[[Sources], None]) -> None:
        self._listeners.append(listener)

    def refresh(self) -> None:
        """Read the conversations and the map again; tell the listeners when anything changed."""
        changed = self.conversations.reload() | self.map.reload()
        if changed:
            self._compute()
            for listener in list(self._listeners):
                listener(self)

    def report(self, conversation_id: str) -> Verslag | None:
        item = self.conversations.report(conversation_id)
        return None if item is None else Verslag.of(item)

    def conversation(self, conversation_id: str) -> Gesprek | None:
        return next((c for c in self.held if c.id == conversation_id), None)

    def quote(self, quote_id: str) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)


def page_sources(ctx: Context) -> Sources | None:
    """The page's sources (made once, shared by its sections), or ``None`` for someone in no group."""
    if KEY not in ctx.shared:
        conversations = page_conversations(ctx, poll_seconds=None)
        stakeholder_map = page_map(ctx, poll_seconds=None)
        ctx.shared[KEY] = (None if conversations is None or stakeholder_map is None
                           else Sources(conversations, stakeholder_map))
    return ctx.shared[KEY]
