"""Helpers for Dag 4's tests: a group's Dag 2 map and Dag 3 conversations with quotes put in the store as the group
made them on earlier days, and Dag 4 sessions that only read the store when the test says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.support.dag3 import new_map, new_session
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.shared.act.sources import KEY, Sources
from wijwerken_widgets.shared.conversations.items import Citaat, Gesprek, Verslag
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context


@dataclass
class Held:
    """A conversation as the test made it: its plan id, the stakeholder's map id, and its quotes' ids."""

    plan_id: str
    stakeholder_id: str
    quote_ids: list[str] = field(default_factory=list)


def hold_conversations(ctx: Context, *conversations: tuple[dict, str, list[str]], interviewer: int | None = None
                       ) -> list[Held]:
    """Put stakeholders on the group's map and, per ``(stakeholder fields, consent, quotes)``, a held conversation
    with its report (consent ``"ja"``, ``"nee"`` or ``"onbekend"``) and quotes, in this order (the order held).
    ``interviewer``: who held them (a person id; default ``ctx``'s person)."""
    stakeholder_map: MapSession = new_map(ctx, *(people for people, _, _ in conversations))
    by_name = {s.naam: s for s in stakeholder_map.map.stakeholders}
    session = new_session(ctx)
    who = ctx.person.id if interviewer is None else interviewer
    held = []
    for people, consent, quotes in conversations:
        stakeholder = by_name[people["naam"]]
        plan = Gesprek(new_id(), stakeholder_id=stakeholder.id, stakeholder=stakeholder.naam, wie=who)
        session.put_item(plan)
        session.put_item(Verslag(plan.id, gesprek_id=plan.id, stakeholder_id=stakeholder.id, toestemming=consent,
                                 notities=f"Gesprek met {stakeholder.naam}"))
        made = Held(plan.id, stakeholder.id)
        for text in quotes:
            quote = Citaat(new_id(), gesprek_id=plan.id, stakeholder_id=stakeholder.id, tekst=text)
            session.put_item(quote)
            made.quote_ids.append(quote.id)
        held.append(made)
    return held


def act_session(ctx: Context) -> ActSession:
    """The group's Dag 4 items in a kernel that only reads the store when the test says so."""
    return ActSession(ctx, poll_seconds=None)


def sources(ctx: Context) -> Sources:
    """The group's conversations and map as a Dag 4 page reads them (fresh, no polling), also made the page's."""
    made = Sources(new_session(ctx), MapSession(ctx, poll_seconds=None))
    ctx.shared[KEY] = made
    return made
