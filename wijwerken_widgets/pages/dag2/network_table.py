"""Dag 2: the network as a sortable table and, per chosen stakeholder, its relations in words.

The drawing (``network.py``) needs a mouse and eyes: hovering shows a stakeholder's details, clicking highlights its
lines. This view offers the same with a keyboard and a screen reader: a real ``<table>`` (caption, column headers,
``aria-sort`` on the sorted column) sorted with a "Sorteer op" dropdown, and a "Relaties van" dropdown that lists the
chosen stakeholder's details and relations. Each is one HTML widget; every name is escaped. The words are
``exercises.network.table`` of ``dag2.yaml``.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import escaped, format_html, name_html
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    POSITIES,
    RELATIE_SOORTEN,
    SOORTEN,
    STERKTES,
    Stakeholder,
    StakeholderMap,
    name_key,
)
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui import styles

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content
    from wijwerken_widgets.pages.dag2.tables_schema import NetworkTableTexts

COLUMNS = ("naam", "soort", "invloed", "belang", "energie", "relaties", "rol")
"""The table's columns, also the sort choices; the first is the default order."""
ROLE_ORDER = ("spil", "verbinder", "groepje", "los")
NONE = ""
MAX_ROWS = 100
"""Rows shown; the rest are named by ``rest`` (another order brings them up; the entry tab's table searches all)."""
SETTLE_SECONDS = 1.0


@dataclass(frozen=True)
class Row:
    """One stakeholder as the table shows it: ``roles`` are keys of ``ROLE_ORDER``."""

    stakeholder: Stakeholder
    relations: int
    roles: tuple[str, ...]


def rows(m: StakeholderMap) -> list[Row]:
    """One row per stakeholder (by name), with its number of relations and its roles in the network."""
    from wijwerken_widgets.pages.dag2.insight_analysis import roles

    found = roles(m)
    counts = {s.id: 0 for s in m.stakeholders}
    for r in m.relations:
        for end in r.ends:
            if end in counts:
                counts[end] += 1
    return [Row(s, counts[s.id], found.get(s.id, ())) for s in m.stakeholders]


def _role_rank(row: Row) -> int:
    return min((ROLE_ORDER.index(role) for role in row.roles), default=len(ROLE_ORDER))


SORT_KEYS: Mapping[str, Callable[[Row], tuple]] = {
    "naam": lambda row: (),
    "soort": lambda row: (name_key(SOORTEN[row.stakeholder.soort]),),
    "invloed": lambda row: (-row.stakeholder.invloed,),
    "belang": lambda row: (-row.stakeholder.belang,),
    "energie": lambda row: (-row.stakeholder.energie_gap,),
    "relaties": lambda row: (-row.relations,),
    "rol": lambda row: (_role_rank(row),),
}
"""Per column its order: numbers high first, the biggest rise in energy first, roles as ``ROLE_ORDER``; ties by name."""


def sort_rows(table: list[Row], column: str) -> list[Row]:
    """``table`` in the order of ``column`` (see :data:`SORT_KEYS`), then by name."""
    key = SORT_KEYS[column]
    return sorted(table, key=lambda row: (*key(row), row.stakeholder.key, row.stakeholder.id))


def role_text(row: Row, words: NetworkTableTexts, *, first_only: bool = False) -> str:
    """The roles in plain Dutch ("centraal (een spil), verbindt groepen"), only the first with ``first_only`` (as
    the table shows it), or ``roles.other``."""
    shown = row.roles[:1] if first_only else row.roles
    return ", ".join(getattr(words.roles, role) for role in shown) or words.roles.other


def _cells(row: Row, words: NetworkTableTexts) -> list[str]:
    s = row.stakeholder
    energy = words.energy.format(nu=ENERGIE[s.energie_nu], gewenst=ENERGIE[s.energie_gewenst])
    return [SOORTEN[s.soort], str(s.invloed), str(s.belang), energy, str(row.relations), role_text(row, words, first_only=True)]


def table_html(m: StakeholderMap, column: str = COLUMNS[0], page: Dag2Content | None = None) -> str:
    """The map as an escaped table sorted on ``column``: a caption, ``<th scope="col">`` headers with ``aria-sort``
    on the sorted one, and the name as each row's header; in a box that scrolls sideways on a narrow screen."""
    page = page or texts.load()
    words = page.exercises.network.table
    if not m.stakeholders:
        return f"<p class='ww-hint'>{html.escape(words.empty)}</p>"
    sorted_rows = sort_rows(rows(m), column)
    caption = words.caption.format(sort=getattr(words.sorts, column).lower(),
                                   **texts.counts(page, stakeholders=len(m)))
    order = "ascending" if column in ("naam", "soort", "rol") else "descending"
    sorted_on = f' aria-sort="{order}"'
    headers = "".join(
        f'<th scope="col"{sorted_on if key == column else ""}>{html.escape(getattr(words.columns, key))}</th>'
        for key in COLUMNS
    )
    body = "".join(
        f'<tr><th scope="row">{name_html(row.stakeholder.naam)}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in _cells(row, words))
        + "</tr>"
        for row in sorted_rows[:MAX_ROWS]
    )
    rest = len(sorted_rows) - MAX_ROWS
    note = f"<p class='ww-hint'>{html.escape(words.rest.format(shown=MAX_ROWS, n=rest))}</p>" if rest > 0 else ""
    return (
        f'<div class="ww-scroll" role="region" tabindex="0" aria-label="{html.escape(caption, quote=True)}">'
        f'<table class="ww-table ww-network-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{headers}</tr></thead><tbody>{body}</tbody></table></div>{note}"
    )


def details_html(m: StakeholderMap, stakeholder_id: str, page: Dag2Content | None = None) -> str:
    """What the drawing shows of one stakeholder (its tooltip and highlighted lines) as escaped text: details,
    role, note and a list of its relations, strongest first."""
    page = page or texts.load()
    words = page.exercises.network.table
    people = m.by_id()
    s = people.get(stakeholder_id)
    if s is None:
        return ""
    row = next(r for r in rows(m) if r.stakeholder.id == stakeholder_id)
    details = words.details.format(
        soort=SOORTEN[s.soort], positie=POSITIES[s.positie].lower(), houding=HOUDINGEN[s.houding].lower(),
        invloed=s.invloed, belang=s.belang, nu=ENERGIE[s.energie_nu].lower(), gewenst=ENERGIE[s.energie_gewenst].lower(),
    )
    parts = [f"<p><strong>{name_html(s.naam)}</strong>: {html.escape(details)} "
             f"{html.escape(words.role.format(rol=role_text(row, words)))}</p>"]
    if s.notitie:
        parts.append(f"<p>{format_html(words.note, notitie=s.notitie)}</p>")
    mine = [r for r in m.relations if stakeholder_id in r.ends and (r.ends - {stakeholder_id})]
    if not mine:
        parts.append(f"<p>{format_html(words.no_relations, naam=s.naam)}</p>")
        return "".join(parts)
    mine.sort(key=lambda r: (-r.sterkte, people[next(iter(r.ends - {stakeholder_id}))].key, r.soort))
    counted = {key: escaped(text) for key, text in texts.counts(page, relations=len(mine)).items()}
    title = format_html(words.relations_title, naam=s.naam, **counted)
    items = "".join(
        "<li>" + format_html(words.relation, soort=escaped(RELATIE_SOORTEN[r.soort]),
                             sterkte=escaped(STERKTES[r.sterkte].lower()),
                             naam=people[next(iter(r.ends - {stakeholder_id}))].naam) + "</li>"
        for r in mine
    )
    parts.append(f"<p>{title}</p><ul class='ww-relations-of'>{items}</ul>")
    return "".join(parts)


class NetworkTable(widgets.VBox):
    """The table with its "Sorteer op" dropdown, and "Relaties van" with the chosen stakeholder's relations."""

    def __init__(self, session: MapSession, page: Dag2Content | None = None) -> None:
        self.session = session
        self.page = page or texts.load()
        words = self.page.exercises.network.table
        self.sort = widgets.Dropdown(options=[(getattr(words.sorts, c), c) for c in COLUMNS], value=COLUMNS[0],
                                     description=words.sort_label, layout=styles.layout())
        self.table = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-network-table-box",))
        self.pick = widgets.Dropdown(options=self._options(), value=NONE, description=words.pick_label,
                                     layout=styles.layout())
        self.details = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-relations-box",))
        self.sort.observe(lambda _: self.draw_table(), names="value")
        self.pick.observe(lambda _: self.draw_details(), names="value")
        intro = widgets.HTML(f"<p class='ww-hint'>{html.escape(words.intro)}</p>", layout=styles.layout())
        super().__init__([intro, self.sort, self.table, self.pick, self.details], layout=styles.layout(),
                         _dom_classes=("ww-network-table-view",))
        self._pending: asyncio.TimerHandle | None = None
        session.on_change(lambda _: self.draw_soon())
        self.draw()

    def draw_soon(self) -> None:
        """Redraw once the map has been still for a moment: the roles need the network analysis, so the graph and
        the pictures reach the browser first (as the insight does; both use one analysis per map)."""
        from wijwerken_widgets.core.loop import call_when_still

        self._pending = call_when_still(self._pending, SETTLE_SECONDS, self.draw)

    def _options(self) -> list[tuple[str, str]]:
        words = self.page.exercises.network.table
        return [(words.pick_none, NONE), *((s.naam, s.id) for s in self.session.map.stakeholders)]

    def draw(self) -> None:
        options = self._options()
        if options != list(self.pick.options):
            keep = self.pick.value if any(v == self.pick.value for _, v in options) else NONE
            with self.pick.hold_sync():
                self.pick.options = options
                self.pick.value = keep
        self.draw_table()
        self.draw_details()

    def draw_table(self) -> None:
        value = table_html(self.session.map, self.sort.value, self.page)
        if value != self.table.value:
            self.table.value = value

    def draw_details(self) -> None:
        value = details_html(self.session.map, self.pick.value, self.page) if self.pick.value else ""
        if value != self.details.value:
            self.details.value = value
