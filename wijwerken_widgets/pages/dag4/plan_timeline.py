"""The actieplan on a timeline: one inline SVG (no script, every text escaped), a bar per action from its start to
its end under month ticks, and the actions without a date listed beneath it in text. The same facts are in the table
beside it (``plan_views.table_html``); the words are ``views`` of the ``plan`` part of ``dag4.yaml``."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import name_html
from wijwerken_widgets.core.svg import svg_text

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.plan_schema import PlanViewTexts

SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
"""Dutch month abbreviations (language data, as ``core.dutch.MONTHS``)."""
COLOURS = {"stakeholder": "#2f6f9f", "deelnemer": "#a0521a", "groep": "#6a4c93", "": "#6b7480"}
"""Bar colours per owner kind (as the owner bar's in ``wijwerken.css``); the owner is also written under each
action's name (never colour alone)."""
NAME_LIMIT = 30
_WIDTH, _LABELS, _RIGHT = 760, 230, 16
_TOP, _ROW, _BAR = 40, 36, 14


@dataclass(frozen=True)
class Entry:
    """One action on the timeline: its name, who owns it (as text), its owner kind and its dates (ISO or empty)."""

    naam: str
    wie: str
    kind: str
    start: str
    eind: str


def _shorten(text: str, limit: int = NAME_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month up to and including the month after ``last``."""
    months: list[date] = []
    day = date(first.year, first.month, 1)
    while not months or months[-1] <= last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _dates(entry: Entry) -> tuple[date, date] | None:
    """The entry's span (one date alone: that day; reversed dates in order), or ``None`` without any date."""
    found = [date.fromisoformat(d) for d in (entry.start, entry.eind) if d]
    return (min(found), max(found)) if found else None


def timeline_svg(entries: Sequence[Entry], words: PlanViewTexts) -> str:
    """The SVG of the dated entries (empty text when none has a date)."""
    dated = [(e, span) for e in entries if (span := _dates(e)) is not None]
    if not dated:
        return ""
    months = _month_starts(min(s[0] for _, s in dated), max(s[1] for _, s in dated))
    first, last = months[0], months[-1]
    scale = (_WIDTH - _LABELS - _RIGHT) / max(1, (last - first).days)

    def x(day: date) -> float:
        return round(_LABELS + (day - first).days * scale, 1)

    height = _TOP + len(dated) * _ROW + 8
    step = 1 if len(months) <= 14 else 3
    ticks = []
    for index, month in enumerate(months):
        ticks.append(f'<line x1="{x(month):g}" y1="{_TOP - 6}" x2="{x(month):g}" y2="{height - 4}" '
                     'stroke="#dfe5ec" stroke-width="1"/>')
        if index % step == 0 and month < last:
            label = SHORT_MONTHS[month.month - 1] + (f" {month.year}" if index == 0 or month.month == 1 else "")
            ticks.append(f'<text x="{x(month) + 3:g}" y="{_TOP - 12}" font-size="12" fill="#424a53">'
                         f"{svg_text(label)}</text>")
    bars = []
    for row, (entry, (start, end)) in enumerate(dated):
        top = _TOP + row * _ROW
        left, right = x(start), max(x(end), x(start) + 4)
        tip = words.bar_title.format(naam=entry.naam, wie=entry.wie, van=long_date(start), tot=long_date(end))
        bars.append(
            f'<g class="ww-timeline-row"><title>{svg_text(tip)}</title>'
            f'<text x="8" y="{top + 13}" font-size="13" fill="#1f2328">{svg_text(_shorten(entry.naam))}</text>'
            f'<text x="8" y="{top + 28}" font-size="11" fill="#5a6472">{svg_text(_shorten(entry.wie))}</text>'
            f'<rect x="{left:g}" y="{top + 4}" width="{right - left:g}" height="{_BAR}" rx="3" '
            f'fill="{COLOURS.get(entry.kind, COLOURS[""])}"/></g>')
    label = svg_text(words.timeline_label.format(aantal=len(dated)))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="ww-timeline" role="img" aria-label="{label}" '
            f'viewBox="0 0 {_WIDTH} {height}" width="100%" style="max-width: {_WIDTH}px">'
            f'<title>{label}</title>{"".join(ticks)}{"".join(bars)}</svg>')


def timeline_html(entries: Sequence[Entry], words: PlanViewTexts) -> str:
    """The picture (or, without any dated action, a sentence saying so) and the undated actions in text."""
    picture = timeline_svg(entries, words) or f"<p class='ww-empty'>{html.escape(words.timeline_empty)}</p>"
    undated = [e for e in entries if _dates(e) is None]
    if undated:
        items = "".join(f"<li>{name_html(e.naam)} ({name_html(e.wie)})</li>" for e in undated)
        rest = f"<p>{html.escape(words.undated_title)}</p><ul class='ww-timeline-undated'>{items}</ul>"
    else:
        rest = f"<p class='ww-hint'>{html.escape(words.undated_none)}</p>" if entries else ""
    return f'<div class="ww-timeline-box">{picture}{rest}</div>'
