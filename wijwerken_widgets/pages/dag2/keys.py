"""Dag 2's registry (see ``core.keys``): the answers a participant saves, and the kinds of item of the group's map.

The map is the store space ``SPACE`` (see ``shared.stakeholders.session.MapSession``): a stakeholder and a relation
are read and written by their dataclasses in ``shared.stakeholders.model``; a position is ``{"x", "y"}`` under the
stakeholder's id. The exercise modules use these constants; nothing else in the page spells a key or a kind.
"""

from __future__ import annotations

from wijwerken_widgets.core.keys import AnswerKey, ItemKind, Registry
from wijwerken_widgets.shared.stakeholders.model import Relation, Stakeholder

PREFIX = "dag2."
"""Every Dag 2 answer key starts with this (``store.latest_answers(person_id, PREFIX)``)."""

MY_POSITION = "dag2.mijn_positie"
POSITION_REFLECTION = "dag2.reflectie_positie"

SPACE = "map"
STAKEHOLDER = "stakeholder"
RELATION = "relation"
POSITION = "position"

REGISTRY = Registry(
    page="dag2",
    answers=(
        AnswerKey(MY_POSITION, "insight", "Mijn plek op de kaart",
                  'the id of the stakeholder on the group\'s map that is the participant ("": not on the map)',
                  "choice"),
        AnswerKey(POSITION_REFLECTION, "insight", "Reflectie op mijn plek",
                  "what the participant's place in the network means for how they approach the conversations"),
    ),
    items=(
        ItemKind(SPACE, STAKEHOLDER, "entry", "Stakeholder",
                 "someone with a stake in the group's vraagstuk: naam, functie (optional), soort, positie, invloed, "
                 "belang, houding, energie nu and gewenst, notitie", Stakeholder,
                 free_text=("naam", "functie", "notitie")),
        ItemKind(SPACE, RELATION, "entry", "Relatie",
                 "a line between two stakeholders (van, naar: their ids) with a soort and a sterkte", Relation),
        ItemKind(SPACE, POSITION, "network", "Plek in het netwerk",
                 'where the group put a stakeholder in the network drawing: {"x", "y"}, under the stakeholder\'s id'),
    ),
)
