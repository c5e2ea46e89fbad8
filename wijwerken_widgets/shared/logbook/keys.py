"""The logboek's key registry (see ``core/keys.py``): the one personal answer it saves besides its entries.

The entries themselves are kept by ``store/logbook.py`` (their own table, with a sharing level each); only the text
typed in the new-entry box before "Stukje toevoegen" is an answer: a draft, so a reload or a lost connection keeps it.
"""

from __future__ import annotations

from wijwerken_widgets.core.keys import AnswerKey, Registry

DRAFT = AnswerKey(
    key="logboek.concept",
    exercise="logbook",
    label="Logboek: concept van een nieuwe notitie",
    meaning="The text typed in the logboek's new-entry box, not added yet (emptied when the entry is added); the "
            "same draft on every page with a logboek.",
)

REGISTRY = Registry(page="logboek", answers=(DRAFT,))
