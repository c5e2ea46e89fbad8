"""Mendelow's power/interest grid (invloed × belang) as one inline SVG string: no script, every text escaped.

Scores are whole numbers 1-5, so stakeholders share cells: each cell lists its people as a marker plus a
(shortened) name, the full name in an SVG ``<title>`` tooltip, and "+N meer" when the cell is full. The words are
``exercises.grid.picture`` of ``dag2.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijwerken_widgets.core.svg import svg_text
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.network_draw import HOUDING_BORDERS, HOUDING_COLOURS, shorten
from wijwerken_widgets.shared.stakeholders.model import (
    HOUDINGEN,
    POSITIES,
    SCORE_MAX,
    SCORE_MIN,
    Stakeholder,
    StakeholderMap,
)

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content, GridPicture

# (invloed high?, belang high?) -> the quadrant in the YAML (its title and advice), its tint
QUADRANTS: dict[tuple[bool, bool], tuple[str, str]] = {
    (True, True): ("manage_closely", "#fbe3d6"),
    (True, False): ("keep_satisfied", "#fff2c6"),
    (False, True): ("keep_informed", "#dcebf7"),
    (False, False): ("monitor", "#ececec"),
}
NAME_LIMIT = 18
_LEVELS = SCORE_MAX - SCORE_MIN + 1
_CELL_W, _CELL_H = 148, 92
_LINE = 15
_X0, _Y0 = 64, 58  # plot origin (top left)
_X1, _Y1 = _X0 + _LEVELS * _CELL_W, _Y0 + _LEVELS * _CELL_H
_WIDTH, _HEIGHT = _X1 + 16, _Y1 + 100
_MIDDLE = (SCORE_MIN + SCORE_MAX) / 2  # quadrant border runs through the middle score
def marker(s: Stakeholder, x: float, y: float, size: float = 5.0) -> str:
    """The stakeholder's marker: colour = houding, circle = intern, diamond = extern (as in the network)."""
    fill, border = HOUDING_COLOURS[s.houding], HOUDING_BORDERS[s.houding]
    style = f'fill="{fill}" stroke="{border}" stroke-width="1.2"'
    if s.positie == "extern":
        r = size * 1.2
        return f'<path d="M{x:g} {y - r:g}L{x + r:g} {y:g}L{x:g} {y + r:g}L{x - r:g} {y:g}Z" {style}/>'
    return f'<circle cx="{x:g}" cy="{y:g}" r="{size:g}" {style}/>'


def _cell_x(belang: float) -> float:
    return _X0 + (belang - SCORE_MIN) * _CELL_W


def _cell_y(invloed: float) -> float:
    return _Y0 + (SCORE_MAX - invloed) * _CELL_H


def _quadrants(picture: GridPicture) -> list[str]:
    mid_x, mid_y = _cell_x(_MIDDLE + 0.5), _cell_y(_MIDDLE - 0.5)
    parts = []
    for (high_power, high_interest), (name, tint) in QUADRANTS.items():
        quadrant = getattr(picture.quadrants, name)
        title, advice = quadrant.title, quadrant.advice
        x, width = (mid_x, _X1 - mid_x) if high_interest else (_X0, mid_x - _X0)
        y, height = (_Y0, mid_y - _Y0) if high_power else (mid_y, _Y1 - mid_y)
        parts.append(f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" fill="{tint}"/>')
        # Titles sit outside the plot (above the top quadrants, below the bottom ones) so names never cover them.
        anchor, text_x = ("end", _X1) if high_interest else ("start", _X0)
        title_y = _Y0 - 30 if high_power else _Y1 + 40
        parts.append(
            f'<text x="{text_x}" y="{title_y}" text-anchor="{anchor}" font-size="15" font-weight="bold" '
            f'fill="#1f2328">{svg_text(title)}</text>'
            f'<text x="{text_x}" y="{title_y + 16}" text-anchor="{anchor}" font-size="12" '
            f'fill="#424a53">{svg_text(advice)}</text>'
        )
    for step in range(_LEVELS + 1):
        x, y = _X0 + step * _CELL_W, _Y0 + step * _CELL_H
        parts.append(f'<line x1="{x}" y1="{_Y0}" x2="{x}" y2="{_Y1}" stroke="#ffffff" stroke-width="1.5"/>')
        parts.append(f'<line x1="{_X0}" y1="{y}" x2="{_X1}" y2="{y}" stroke="#ffffff" stroke-width="1.5"/>')
    parts.append(
        f'<line x1="{mid_x:g}" y1="{_Y0}" x2="{mid_x:g}" y2="{_Y1}" stroke="#6e7781" stroke-dasharray="5 4"/>'
        f'<line x1="{_X0}" y1="{mid_y:g}" x2="{_X1}" y2="{mid_y:g}" stroke="#6e7781" stroke-dasharray="5 4"/>'
        f'<rect x="{_X0}" y="{_Y0}" width="{_X1 - _X0}" height="{_Y1 - _Y0}" fill="none" stroke="#6e7781"/>'
    )
    return parts


def _axes(picture: GridPicture) -> list[str]:
    parts = []
    for score in range(SCORE_MIN, SCORE_MAX + 1):
        x, y = _cell_x(score) + _CELL_W / 2, _cell_y(score) + _CELL_H / 2
        tick = 'font-size="12" fill="#424a53"'
        parts.append(f'<text x="{x:g}" y="{_Y1 + 16}" text-anchor="middle" {tick}>{score}</text>')
        parts.append(f'<text x="{_X0 - 10}" y="{y + 4:g}" text-anchor="end" {tick}>{score}</text>')
    centre_y = (_Y0 + _Y1) / 2
    parts.append(
        f'<text x="{(_X0 + _X1) / 2:g}" y="{_Y1 + 86}" text-anchor="middle" font-size="14" font-weight="bold" '
        f'fill="#1f2328">{svg_text(picture.belang_axis)}</text>'
        f'<text x="24" y="{centre_y:g}" text-anchor="middle" font-size="14" font-weight="bold" fill="#1f2328" '
        f'transform="rotate(-90 24 {centre_y:g})">{svg_text(picture.invloed_axis)}</text>'
    )
    return parts


def _tooltip(s: Stakeholder, picture: GridPicture) -> str:
    return picture.tooltip.format(naam=isolated(s.naam), houding=HOUDINGEN[s.houding], positie=POSITIES[s.positie].lower(),
                                  invloed=s.invloed, belang=s.belang)


def _cell(people: list[Stakeholder], invloed: int, belang: int, picture: GridPicture) -> list[str]:
    """One row per person (marker + name); a full cell ends with "+N meer" (its tooltip names the rest)."""
    rows = (_CELL_H - 8) // _LINE
    shown = people if len(people) <= rows else people[: rows - 1]
    lines = len(shown) + (len(people) > len(shown))
    x, top = _cell_x(belang) + 12, _cell_y(invloed) + (_CELL_H - lines * _LINE) / 2 + _LINE / 2
    parts = []
    for row, s in enumerate(shown):
        y = top + row * _LINE
        parts.append(
            f'<g class="wk-person"><title>{svg_text(_tooltip(s, picture))}</title>{marker(s, x, y)}'
            f'<text x="{x + 10:g}" y="{y + 4:g}" font-size="12" fill="#1f2328">{svg_text(shorten(s.naam, NAME_LIMIT))}'
            "</text></g>"
        )
    hidden = people[len(shown):]
    if hidden:
        y = top + len(shown) * _LINE
        names = ", ".join(isolated(s.naam) for s in hidden)
        parts.append(
            f'<g class="wk-more"><title>{svg_text(names)}</title><text x="{x + 10:g}" y="{y + 4:g}" font-size="12" '
            f'font-style="italic" fill="#424a53">{svg_text(picture.more.format(n=len(hidden)))}</text></g>'
        )
    return parts


def grid_svg(m: StakeholderMap, page: Dag2Content | None = None) -> str:
    """The power/interest grid: belang left to right, invloed bottom to top, four quadrants with advice; its words
    are ``page``'s (default: ``dag2.yaml``)."""
    page = page or texts.load()
    picture = page.exercises.grid.picture
    cells: dict[tuple[int, int], list[Stakeholder]] = {}
    for s in m.stakeholders:
        cells.setdefault((s.invloed, s.belang), []).append(s)
    parts = [*_quadrants(picture), *_axes(picture)]
    for (invloed, belang), people in sorted(cells.items()):
        parts.extend(_cell(people, invloed, belang, picture))
    if not cells:
        parts.append(
            f'<text x="{(_X0 + _X1) / 2:g}" y="{(_Y0 + _Y1) / 2:g}" text-anchor="middle" font-size="15" '
            f'fill="#424a53" stroke="#ffffff" stroke-width="4" paint-order="stroke">{svg_text(picture.empty)}</text>'
        )
    label = picture.label.format(**texts.counts(page, stakeholders=len(m)))
    return (
        f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" width="100%" role="img" '
        f'aria-label="{svg_text(label)}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" '
        f'style="max-width:{_WIDTH}px;height:auto">'
        f"<title>{svg_text(label)}</title>{''.join(parts)}</svg>"
    )
