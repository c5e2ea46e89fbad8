""""Wat ziet je trainer?": a folded-out explanation (native ``<details>``) at the end of every participant's page.

The text per page is ``trainer_sees.pages`` of ``algemeen.yaml`` (workbook → Markdown), then its ``general`` line, so
a trainer edits them in one place; the schema refuses the file when a page of the navigation has none. Only for a
participant (not for a trainer, not on a page that needs no login, not on a page the cohort turned off), and only on
a page with a text.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.blocks import details_html

if TYPE_CHECKING:
    from wijwerken_widgets.store import Person


def trainer_sees_html(person: Person | None, workbook: str | None, *, needs_login: bool = True,
                      off: Collection[str] = ()) -> str:
    """The fold-out for ``person`` on ``workbook``, or ``""`` when it is not shown there (also on a page the
    cohort turned off: ``off`` holds the pages' stems, ``dag2``)."""
    if person is None or person.role != "deelnemer" or not needs_login or workbook is None:
        return ""
    if Path(workbook).stem in off:
        return ""
    words = texts.load().trainer_sees
    text = words.pages.get(workbook)
    if not text:
        return ""
    body = render_markdown(text) + render_markdown(words.general)
    return f'<div class="ww-trainer-sees">{details_html(words.summary, body)}</div>'
