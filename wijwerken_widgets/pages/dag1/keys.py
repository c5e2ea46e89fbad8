"""Dag 1's registry (see ``core.keys``): every answer a participant saves on this page, and what it means.

The exercise modules save under these constants; nothing else in the package spells a key. The keys later days
read (``HOOFDVRAAG``) are spelled in ``shared/vraagstuk.py``.
"""

from __future__ import annotations

from wijwerken_widgets.core.keys import AnswerKey, Registry
from wijwerken_widgets.shared.vraagstuk import AANNAMES as AANNAMES
from wijwerken_widgets.shared.vraagstuk import DOEL as DOEL  # the keys later days read live in shared
from wijwerken_widgets.shared.vraagstuk import HOOFDVRAAG as HOOFDVRAAG
from wijwerken_widgets.shared.vraagstuk import PERSPECTIEVEN as PERSPECTIEVEN
from wijwerken_widgets.shared.vraagstuk import PROBLEEM as PROBLEEM
from wijwerken_widgets.shared.vraagstuk import VRAAGSTUK_DESCRIPTION as VRAAGSTUK_DESCRIPTION
from wijwerken_widgets.shared.vraagstuk import VRAAGSTUK_KIND as VRAAGSTUK_KIND
from wijwerken_widgets.shared.vraagstuk import WAAROM as WAAROM

PREFIX = "dag1."
"""Every Dag 1 answer key starts with this (``store.latest_answers(person_id, PREFIX)``)."""

PROBLEEMBOOM = "dag1.probleemboom"
REFLECTIE = "dag1.reflectie"

REGISTRY = Registry(
    page="dag1",
    answers=(
        AnswerKey(VRAAGSTUK_KIND, "vraagstuk_choice", "Soort vraagstuk",
                  'the kind of vraagstuk chosen: "extern" (van buiten naar binnen) or "intern" (de interne vraag); '
                  "stored only once the participant changes the group's", "choice", prefilled=True),
        AnswerKey(VRAAGSTUK_DESCRIPTION, "vraagstuk_choice", "Beschrijving van het vraagstuk",
                  "the vraagstuk in the participant's own words; stored only once it differs from the cohort's text",
                  prefilled=True),
        AnswerKey(PROBLEEM, "problem_statement", "Probleem", "the problem: the situation, not yet a solution"),
        AnswerKey(DOEL, "problem_statement", "Doel", "the goal: what is different when it has worked"),
        AnswerKey(HOOFDVRAAG, "problem_statement", "Hoofdvraag",
                  "the open main question to explore with others (Dag 3 starts its plans from it)"),
        AnswerKey(AANNAMES, "assumptions", "Aannames",
                  "assumptions to check: rows of {assumption, how, with_whom}", "records"),
        AnswerKey(WAAROM, "real_problem", "Vijf keer waarom",
                  "the why chain: {start, waarom_1 … waarom_N, oorzaak}, oorzaak being the underlying cause",
                  "record"),
        AnswerKey(PROBLEEMBOOM, "real_problem", "Probleemboom",
                  "the problem tree: {oorzaken, probleem, gevolgen}, one cause or effect per line", "record"),
        AnswerKey(PERSPECTIEVEN, "real_problem", "Perspectieven",
                  "how others would describe the problem: rows of {who, definition, source}, source being one of "
                  "the YAML's source_options (asked, or still an assumption)", "records"),
        AnswerKey(REFLECTIE, "real_problem", "Reflectie",
                  "what the participant noticed: is the problem still the one they started with?"),
    ),
)
