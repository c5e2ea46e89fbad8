"""The key registry of the three months after Dag 4 (see ``core/keys.py``): every kind of group item the page
writes, all in the group's ``"act"`` space. It saves no personal answer besides the logboek. It reads the Dag 4
actions and the Dag 2 map, and changes an action only when its owner is reassigned."""

from __future__ import annotations

from wijwerken_widgets.core.keys import ItemKind, Registry
from wijwerken_widgets.shared.act.interventions import Interventie
from wijwerken_widgets.shared.act.items import SPACE
from wijwerken_widgets.shared.act.monitoring import Status
from wijwerken_widgets.shared.act.olievlek import Olievlek

STATUS = ItemKind(SPACE, Status.KIND, "since", "Stand van een actie",
                  "One status update of an action (a new item each time, never edited): op schema / hapert / klaar / "
                  "gestopt, a note, the day, whether there was contact with the owner, who wrote it.", Status,
                  free_text=("notitie",))
INTERVENTIONS = ItemKind(SPACE, Interventie.KIND, "interventions", "Mini-interventie",
                         "A mini-interventie for a stalled action: template, who, when, what we hope the stakeholders "
                         "discover, follow-up date, and its outcome (also written to the action as a status).",
                         Interventie, free_text=("wie", "hoop", "uitkomst"))
OLIEVLEK = ItemKind(SPACE, Olievlek.KIND, "olievlek", "Olievlek",
                    "One time a member passed Wij-Werken on: with whom (a role or team, no name), how many colleagues, "
                    "when, how, and what they took from it.", Olievlek,
                    free_text=("met", "hoe", "meegenomen"))

REGISTRY = Registry(page="maanden", items=(STATUS, INTERVENTIONS, OLIEVLEK))
