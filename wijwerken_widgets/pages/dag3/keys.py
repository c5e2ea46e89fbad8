"""Dag 3's key registry: every personal answer it saves and every kind of group item it writes (see ``core/keys.py``).

The round reflections are saved per trio and round: their key is a pattern (``{trio}`` and ``{ronde}`` stand for
one dot-free part each); :func:`reflection_key` makes one and ``REGISTRY.answer`` finds the entry of a stored key.
The conversation items live in the ``"gesprekken"`` space, each read and written by its type in
``shared/conversations/items.py``. Dag 3 also reads Dag 1's hoofdvraag (for suggested questions) but never saves it.
"""

from __future__ import annotations

from wijwerken_widgets.core.keys import AnswerKey, ItemKind, Registry
from wijwerken_widgets.shared.conversations.items import (
    FEEDBACK_SHARED,
    SPACE,
    Citaat,
    Feedback,
    Gesprek,
    Trio,
    Verslag,
)

ROUND_REFLECTION = AnswerKey(
    key="dag3.rollenspel.{trio}.{ronde}",
    exercise="roleplay",
    label="Reflectie na een rollenspelronde",
    meaning="After each role-play round, for oneself: what went well, what I did differently than planned, what I "
            "take to the real conversation ({goed, anders, meenemen}); {ronde} is the 0-based round index.",
    shape="record",
)

FEEDBACK_SHARING = AnswerKey(
    key=FEEDBACK_SHARED,
    exercise="roleplay",
    label="Feedback gedeeld met de trainer",
    meaning="Whether the trainer may read the role-play feedback this participant got as gespreksvoerder (true or "
            "false; not stored means not shared).",
    shape="choice",
    prefilled=True,
)

PLANS = ItemKind(SPACE, Gesprek.KIND, "plans", "Gespreksplan",
                 "The group's plan for a conversation with a stakeholder of the shortlist: who talks, when, and the "
                 "purpose, opening, open questions, what to listen for and how to close.", Gesprek,
                 free_text=("stakeholder", "wanneer", "doel", "opening", "luisteren", "afsluiten", "vragen"))
REPORTS = ItemKind(SPACE, Verslag.KIND, "reports", "Gespreksverslag",
                   "The report of a conversation (item id = the plan's): consent for quotes, what was heard, where "
                   "the energy was, what surprised, what was agreed.", Verslag,
                   free_text=("notities", "energie", "verrassingen", "vervolg"))
QUOTES = ItemKind(SPACE, Citaat.KIND, "reports", "Citaat",
                  "A quote of a conversation, linked to its plan and stakeholder; kept only with consent.", Citaat,
                  free_text=("tekst",))
TRIOS = ItemKind(SPACE, Trio.KIND, "roleplay", "Rollenspeltrio",
                 "A role-play trio: its members and rounds (scenario and the shared timer of each).", Trio)
FEEDBACK = ItemKind(SPACE, Feedback.KIND, "roleplay", "Feedback van de observator",
                    "The observator's checklist of one round for its gespreksvoerder: a rating and an example per "
                    "point, and a tip.", Feedback,
                    free_text=("punten.*.voorbeeld", "tip"))

REGISTRY = Registry(page="dag3", answers=(ROUND_REFLECTION, FEEDBACK_SHARING), items=(PLANS, REPORTS, QUOTES, TRIOS, FEEDBACK))


def reflection_key(trio_id: str, round_index: int) -> str:
    """The key of one's reflection after round ``round_index`` (0-based) of trio ``trio_id``."""
    return ROUND_REFLECTION.key.format(trio=trio_id, ronde=round_index)
