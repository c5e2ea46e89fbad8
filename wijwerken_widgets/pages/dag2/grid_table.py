"""The invloed × belang grid as a table: per quadrant its advice and who is in it, for screen readers and phones.

A score is high above the middle (4, 5) and low below it (1, 2); a 3 lies on the dashed line of the picture, so
whoever has invloed or belang 3 is listed "op de grens" (``border``). The words are ``exercises.grid`` of
``dag2.yaml`` (the quadrants' titles and advice of its ``picture``, the rest of its ``table``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import format_html
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.model import SCORE_MAX, SCORE_MIN, Stakeholder, StakeholderMap

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content

BORDER = "border"
ORDER = ("manage_closely", "keep_satisfied", "keep_informed", "monitor", BORDER)
_MIDDLE = (SCORE_MIN + SCORE_MAX) / 2
_QUADRANTS = {
    (True, True): "manage_closely",
    (True, False): "keep_satisfied",
    (False, True): "keep_informed",
    (False, False): "monitor",
}


def quadrant_of(s: Stakeholder) -> str:
    """The quadrant's key in ``ORDER`` (as the picture's ``QUADRANTS``), or ``BORDER`` for a score of 3."""
    if _MIDDLE in (s.invloed, s.belang):
        return BORDER
    return _QUADRANTS[(s.invloed > _MIDDLE, s.belang > _MIDDLE)]


def by_quadrant(m: StakeholderMap) -> dict[str, list[Stakeholder]]:
    """Every key of ``ORDER`` with its stakeholders: highest invloed, then belang first, then by name."""
    found: dict[str, list[Stakeholder]] = {key: [] for key in ORDER}
    for s in sorted(m.stakeholders, key=lambda s: (-s.invloed, -s.belang, s.key)):
        found[quadrant_of(s)].append(s)
    return found


def quadrant_table_html(m: StakeholderMap, page: Dag2Content | None = None) -> str:
    """An escaped table: a row per quadrant (its title and advice as row header, a list of its stakeholders with
    their scores)."""
    page = page or texts.load()
    grid = page.exercises.grid
    words = grid.table
    rows = []
    for key, people in by_quadrant(m).items():
        quadrant = words.border if key == BORDER else getattr(grid.picture.quadrants, key)
        names = "".join(f"<li>{format_html(words.person, naam=s.naam, invloed=s.invloed, belang=s.belang)}</li>"
                        for s in people)
        cell = f"<ul>{names}</ul>" if names else html.escape(words.nobody)
        rows.append(f'<tr><th scope="row">{html.escape(quadrant.title)}<span class="ww-advice">'
                    f"{html.escape(quadrant.advice)}</span></th><td>{cell}</td></tr>")
    caption = words.caption.format(**texts.counts(page, stakeholders=len(m)))
    headers = "".join(f'<th scope="col">{html.escape(text)}</th>' for text in (words.quadrant, words.people))
    return (f'<table class="ww-table ww-quadrant-table"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{headers}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
