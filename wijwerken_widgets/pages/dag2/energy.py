"""Dag 2: energy now → desired per stakeholder, and the shortlist "met wie ga je in gesprek?" for Dag 3."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html, render_markdown
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, SOORTEN, StakeholderMap, shortlist
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, hidden
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content, EnergyPart


def shortlist_html(session: MapSession, content: EnergyPart) -> str:
    """The shortlist as an escaped list (biggest gap first)."""
    chosen = shortlist(session.map)
    if not chosen:
        return render_markdown(content.shortlist_empty)
    items = "".join(
        f"<li><strong>{name_html(s.naam)}</strong> <span class='ww-hint'>({html.escape(SOORTEN[s.soort])}: "
        f"{html.escape(ENERGIE[s.energie_nu].lower())} → {html.escape(ENERGIE[s.energie_gewenst].lower())})</span>"
        "</li>"
        for s in chosen
    )
    return render_markdown(content.shortlist_intro) + f"<ol class='ww-shortlist'>{items}</ol>"


def energy_table_html(m: StakeholderMap, content: EnergyPart, page: Dag2Content) -> str:
    """The picture as an escaped table in a folded ``<details>``: name, energy now → desired (as the network's
    table words it), shortlisted; biggest gaps first and as many as the picture. It scrolls in its own box on a
    phone."""
    from wijwerken_widgets.pages.dag2.energy_draw import MAX_ROWS, order

    words, arrow = content.table, page.exercises.network.table.energy
    chosen = {s.id for s in shortlist(m)}
    headers = "".join(f'<th scope="col">{html.escape(text)}</th>' for text in (words.naam, words.energy,
                                                                              words.shortlisted))
    body = "".join(
        f'<tr><th scope="row">{name_html(s.naam)}</th>'
        f"<td>{html.escape(arrow.format(nu=ENERGIE[s.energie_nu], gewenst=ENERGIE[s.energie_gewenst]))}</td>"
        f"<td>{html.escape(words.listed if s.id in chosen else '')}</td></tr>"
        for s in sorted(m.stakeholders, key=order)[:MAX_ROWS]
    )
    rest = len(m) - MAX_ROWS
    note = f"<p class='ww-hint'>{html.escape(content.picture.rest.format(n=rest))}</p>" if rest > 0 else ""
    caption = html.escape(words.caption.format(**texts.counts(page, stakeholders=len(m))), quote=True)
    return (f"<details class='ww-table-details'><summary>{html.escape(words.summary)}</summary>"
            f'<div class="ww-scroll" role="region" tabindex="0" aria-label="{caption}">'
            f"<table class='ww-table ww-energy-table'><caption>{caption}</caption>"
            f"<thead><tr>{headers}</tr></thead><tbody>{body}</tbody></table></div>{note}</details>")


class EnergyView(widgets.HTML):
    def __init__(self, session: MapSession, content: EnergyPart) -> None:
        super().__init__(layout=styles.layout(), _dom_classes=("ww-energy",))
        self.session = session
        self.content = content
        self.page = texts.load()
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        from wijwerken_widgets.pages.dag2.energy_draw import energy_svg

        m = self.session.map
        chosen = [s.id for s in shortlist(m)]
        table = energy_table_html(m, self.content, self.page) if m.stakeholders else ""
        value = (f"<figure class='ww-figure'>{energy_svg(m, highlight=chosen, page=self.page)}</figure>{table}"
                 f"<h3>{html.escape(self.content.shortlist_title)}</h3>{shortlist_html(self.session, self.content)}")
        if value != self.value:
            self.value = value


def section(ctx: Context) -> widgets.Widget:
    """The ``energy`` part of ``dag2.yaml``: energy now → desired, and the shortlist (nothing for someone in no group)."""
    part, current = texts.load().exercises.energy, page_map(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [EnergyView(current, part)])
