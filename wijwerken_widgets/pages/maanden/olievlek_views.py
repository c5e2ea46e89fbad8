"""The olievlek's read-only views as HTML: progress per member and for the group (a ``<progress>`` bar with the same
count in words: never colour alone), how it was shared, and the trainer's totals of every group of a cohort.
Everything typed is escaped (``core.html.format_html``)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import format_html, name_html
from wijwerken_widgets.shared.act.items import SPACE
from wijwerken_widgets.shared.act.olievlek import WAYS, Olievlek, Progress, by_way, progress

if TYPE_CHECKING:
    from wijwerken_widgets.pages.maanden.olievlek_schema import OlievlekPart
    from wijwerken_widgets.store import Group, GroupItem, Person, Store


def group_members(people: Iterable[Person], group_id: int) -> list[Person]:
    """The participants (no trainers) of group ``group_id``."""
    return [p for p in people if p.group_id == group_id and p.role == "deelnemer"]


def entries_of(items: Iterable[GroupItem]) -> list[Olievlek]:
    """The current (not removed) olievlek entries among a group's items."""
    return [Olievlek.of(i) for i in items if i.kind == Olievlek.KIND and not i.deleted]


def _bar(count: int, aim: int, label: str) -> str:
    """A progress bar (its value capped at the aim) named by ``label`` (plain text), with the count as fallback."""
    return (f'<progress max="{aim}" value="{min(count, aim)}" aria-label="{html.escape(label, quote=True)}">'
            f"{count}/{aim}</progress>")


def progress_html(part: OlievlekPart, entries: Sequence[Olievlek], members: Sequence[Person], *,
                  me: int | None = None, names: dict[int, str] | None = None) -> str:
    """Per member "Noor: 7 van 10 collega's" with a bar (``me`` first, marked), then the group's total, how many
    reached the aim, and the entries per way. ``names``: the names of authors who are no longer members."""
    words = part.progress
    counted: Progress = progress(entries, [p.id for p in members])
    known = {**(names or {}), **{p.id: p.name for p in members}}
    order = sorted(counted.per_member, key=lambda pid: (pid != me, known.get(pid, "").lower(), pid))
    lines = []
    for pid in order:
        count, name = counted.per_member[pid], known.get(pid, "?")
        shown = f"{name} ({words.you})" if pid == me else name
        text = words.member_line.format(naam=shown, aantal=count, doel=counted.aim)
        line = format_html(words.member_line, naam=shown, aantal=count, doel=counted.aim)
        reached = (f' <strong class="ww-olievlek-reached">✓ {html.escape(words.reached)}</strong>'
                   if counted.reached(pid) else "")
        mine = ' class="ww-olievlek-me"' if pid == me else ""
        lines.append(f"<li{mine}><span>{line}</span> {_bar(count, counted.aim, text)}{reached}</li>")
    group_aim = counted.aim * max(len(members), 1)
    total = words.group_line.format(aantal=counted.total, doel=group_aim)
    ways = by_way(entries)
    way_text = " · ".join(html.escape(words.way_count.format(hoe=part.ways[w], aantal=ways[w])) for w in WAYS)
    return (f"<h3>{html.escape(words.title)}</h3>"
            f"<ul class='ww-olievlek-progress'>{''.join(lines)}</ul>"
            f"<p class='ww-olievlek-total'><strong>{html.escape(total)}</strong> {_bar(counted.total, group_aim, total)}"
            f"</p><p>{html.escape(words.group_reached.format(bereikt=counted.members_reached(), leden=len(members), doel=counted.aim))}</p>"
            f"<p class='ww-hint'>{html.escape(words.per_way)} {way_text}</p>")


@dataclass(frozen=True)
class GroupTotals:
    """One group's olievlek for the trainer."""

    group: Group
    members: int
    reached: int
    colleagues: int
    entries: int
    ways: dict[str, int]


def group_totals(store: Store, group: Group, people: Iterable[Person]) -> GroupTotals:
    """Read one group's entries from the store and count them."""
    entries = entries_of(store.items(SPACE, group.id))
    members = group_members(people, group.id)
    counted = progress(entries, [p.id for p in members])
    return GroupTotals(group, len(members), counted.members_reached(), counted.total, len(entries), by_way(entries))


def totals_html(part: OlievlekPart, rows: Sequence[GroupTotals]) -> str:
    """The trainer's table: per group who reached ten, the colleagues together, the entries and the entries per way,
    with a link to the group's page."""
    words = part.totals
    if not rows:
        return f"<p class='ww-empty'>{html.escape(words.no_groups)}</p>"
    heads = [words.group, words.reached, words.colleagues, words.entries, *(part.ways[w] for w in WAYS)]
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in heads)
    body = []
    for row in rows:
        link = (f'<a href="?groep={row.group.id}" title="{html.escape(words.open_group.format(groep=row.group.name))}">'
                f"{name_html(row.group.name)}</a>")
        cells = [html.escape(words.reached_cell.format(bereikt=row.reached, leden=row.members)), str(row.colleagues),
                 str(row.entries), *(str(row.ways[w]) for w in WAYS)]
        body.append(f'<tr><th scope="row">{link}</th>{"".join(f"<td>{c}</td>" for c in cells)}</tr>')
    return (f"<div class='ww-table-wrap'><table class='ww-table ww-olievlek-totals'><caption>{html.escape(words.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")
