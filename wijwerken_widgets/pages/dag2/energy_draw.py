"""The energy view as one inline SVG string: per stakeholder where the energy is now and where the group wants it.

One row per stakeholder, the five ENERGIE levels as columns, a dot at "nu" and an arrow to "gewenst"; the biggest
gaps come first. No script; every text is escaped and the full name sits in an SVG ``<title>`` tooltip. The words
are ``exercises.energy.picture`` of ``dag2.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wijwerken_widgets.core.svg import svg_text
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.network_draw import shorten
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, Stakeholder, StakeholderMap

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content, EnergyPicture

MAX_ROWS = 60
NAME_LIMIT = 30
RISING, FALLING, DOT = "#2f5f8a", "#9aa4b1", "#424a53"
HIGHLIGHT_FILL, HIGHLIGHT_MARK = "#fff1cc", "#9a4a00"
_NAME_W, _COL_W, _ROW_H, _TOP = 250, 110, 26, 58
_WIDTH = _NAME_W + len(ENERGIE) * _COL_W + 10
_LEVELS = list(ENERGIE)


def _x(level: str) -> float:
    return _NAME_W + _COL_W * (_LEVELS.index(level) + 0.5)


def order(s: Stakeholder) -> tuple[int, int, str]:
    """Biggest gap (either way) first, a rise before a fall of the same size, then by name."""
    return -abs(s.energie_gap), -s.energie_gap, s.key


def _arrow(start: float, end: float, y: float, colour: str) -> str:
    direction = 1 if end > start else -1
    tail, tip = start + direction * 9, end
    base = tip - direction * 10
    return (
        f'<line x1="{tail:g}" y1="{y:g}" x2="{base:g}" y2="{y:g}" stroke="{colour}" stroke-width="2.5"/>'
        f'<path d="M{tip:g} {y:g}L{base:g} {y - 6:g}L{base:g} {y + 6:g}Z" fill="{colour}"/>'
    )


def _row(s: Stakeholder, index: int, highlighted: bool) -> str:
    top = _TOP + index * _ROW_H
    mid = top + _ROW_H / 2
    parts = []
    if highlighted:
        parts.append(f'<rect x="0" y="{top}" width="{_WIDTH}" height="{_ROW_H}" fill="{HIGHLIGHT_FILL}"/>')
        parts.append(f'<text x="6" y="{mid + 5:g}" font-size="14" fill="{HIGHLIGHT_MARK}">★</text>')
    elif index % 2:
        parts.append(f'<rect x="0" y="{top}" width="{_WIDTH}" height="{_ROW_H}" fill="#f6f8fa"/>')
    weight = ' font-weight="bold"' if highlighted else ""
    tooltip = f"{isolated(s.naam)}: {ENERGIE[s.energie_nu]} → {ENERGIE[s.energie_gewenst]}"
    parts.append(f'<text x="24" y="{mid + 4:g}" font-size="13"{weight} fill="#1f2328">'
                 f"{svg_text(shorten(s.naam, NAME_LIMIT))}</text>")
    now, wanted = _x(s.energie_nu), _x(s.energie_gewenst)
    if wanted != now:
        parts.append(_arrow(now, wanted, mid, RISING if wanted > now else FALLING))
    parts.append(f'<circle cx="{now:g}" cy="{mid:g}" r="6" fill="{DOT}"/>')
    return f'<g class="wk-row"><title>{svg_text(tooltip)}</title>{"".join(parts)}</g>'


def _header(picture: EnergyPicture) -> list[str]:
    parts = [
        f'<circle cx="30" cy="16" r="5" fill="{DOT}"/><text x="40" y="20" font-size="12" fill="#424a53">'
        f"{svg_text(picture.now)}</text>",
        _arrow(58, 100, 16, RISING),
        f'<text x="106" y="20" font-size="12" fill="#424a53">{svg_text(picture.desired)}</text>',
        f'<text x="286" y="20" font-size="13" fill="{HIGHLIGHT_MARK}">★</text>'
        f'<text x="302" y="20" font-size="12" fill="#424a53">{svg_text(picture.shortlisted)}</text>',
    ]
    for key, label in ENERGIE.items():
        parts.append(f'<text x="{_x(key):g}" y="{_TOP - 8}" text-anchor="middle" font-size="13" font-weight="bold" '
                     f'fill="#1f2328">{svg_text(label)}</text>')
    return parts


def energy_svg(m: StakeholderMap, highlight: Iterable[str] = (), page: Dag2Content | None = None) -> str:
    """Now and desired energy per stakeholder; ids in ``highlight`` (the shortlist) bold with a ★. Its words are
    ``page``'s (default: ``dag2.yaml``)."""
    page = page or texts.load()
    picture = page.exercises.energy.picture
    marked = set(highlight)
    people = sorted(m.stakeholders, key=order)
    shown, rest = people[:MAX_ROWS], people[MAX_ROWS:]
    label = picture.label.format(**texts.counts(page, stakeholders=len(m)))
    parts = _header(picture)
    bottom = _TOP + max(len(shown), 1) * _ROW_H
    for key in ENERGIE:
        parts.append(f'<line x1="{_x(key):g}" y1="{_TOP}" x2="{_x(key):g}" y2="{bottom}" stroke="#d0d7de"/>')
    parts.extend(_row(s, index, s.id in marked) for index, s in enumerate(shown))
    if not shown:
        parts.append(f'<text x="{_WIDTH / 2:g}" y="{_TOP + 18}" text-anchor="middle" font-size="14" fill="#424a53">'
                     f"{svg_text(picture.empty)}</text>")
    if rest:
        bottom += _ROW_H
        parts.append(f'<text x="24" y="{bottom - 8}" font-size="13" font-style="italic" fill="#424a53">'
                     f"{svg_text(picture.rest.format(n=len(rest)))}</text>")
    height = bottom + 8
    return (
        f'<svg viewBox="0 0 {_WIDTH} {height}" width="100%" role="img" aria-label="{svg_text(label)}" '
        f'font-family="system-ui, -apple-system, Segoe UI, sans-serif" style="max-width:{_WIDTH}px;height:auto">'
        f"<title>{svg_text(label)}</title>{''.join(parts)}</svg>"
    )
