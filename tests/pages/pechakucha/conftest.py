"""A member of the demo's filled Voorbeeldgroep, with their Dag 1, status updates of two actions, and logboek entries
of every sharing level of their own and of a groupmate."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wijwerken_widgets.app.example_group import add_example_group
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared import vraagstuk
from wijwerken_widgets.shared.act.monitoring import DONE, STALLING, Status
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

OWN_PRIVATE = "Mijn geheime twijfel over het hele traject"
OWN_SHARED = "Ik leerde dat luisteren meer oplevert dan zenden"
OWN_FOR_TRAINER = "Ik durf nu vaker stil te zijn in een gesprek"
THEIR_PRIVATE = "Wat mijn groepsgenoot privé schreef"
THEIR_SHARED = "Wat mijn groepsgenoot met de groep deelde"


@dataclass
class Group:
    member: Context
    groupmate: Context


@pytest.fixture
def demo(store: Store, codes) -> Group:
    add_example_group(store, store.cohorts()[0])
    group = store.groups(1)[-1]
    first, second = [p for p in store.people(1) if p.group_id == group.id][:2]
    member, groupmate = Context.for_person(store, first), Context.for_person(store, second)
    for key, value in ((vraagstuk.PROBLEEM, "Initiatieven van bewoners stranden in onze procedures."),
                       (vraagstuk.DOEL, "Elk klein initiatief weet binnen een week waar het aan toe is."),
                       (vraagstuk.HOOFDVRAAG, "Hoe helpen we bewonersinitiatieven sneller op weg?")):
        store.save_answer(first.id, key, value, base_id=None, client_id="test")
    act = ActSession(member, poll_seconds=None)
    actions = act.actions()
    act.put_item(Status(new_id(), actions[0].item_id, DONE, "Het aanspreekpunt is er.", "2027-02-01", True, first.id))
    act.put_item(Status(new_id(), actions[1].item_id, STALLING, "Nog geen datum.", "2027-02-03", False, first.id))
    for person, text, sharing in ((first, OWN_PRIVATE, "prive"), (first, OWN_SHARED, "groep"),
                                  (first, OWN_FOR_TRAINER, "trainer"), (second, THEIR_PRIVATE, "prive"),
                                  (second, THEIR_SHARED, "groep")):
        store.save_log_entry(person.id, new_id(), day="dag4", prompt="", text=text, sharing=sharing,
                             client_id="test")
    return Group(member, groupmate)
