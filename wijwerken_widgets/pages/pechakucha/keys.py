"""The pecha kucha page's registry (see ``core.keys``): the one personal answer it saves.

It reads the participant's Dag 1 answers (``shared/vraagstuk.py``), the group's map, conversations and Dag 4 items,
and the participant's own logboek entries, and writes none of them.
"""

from __future__ import annotations

from wijwerken_widgets.core.keys import AnswerKey, Registry

SLIDES = "pechakucha.dias"

REGISTRY = Registry(
    page="pechakucha",
    answers=(
        AnswerKey(SLIDES, "editor", "Dia's van de pecha kucha",
                  "the picked slides in their order (at most the YAML's number, 20): rows of {bron, titel, tekst, "
                  "alt}, bron being the proposal's id (``proposals.py``) or ``eigen-<id>`` for a slide typed by the "
                  "participant", "records"),
    ),
)
