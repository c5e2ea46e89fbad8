"""Dag 2: energy now → desired per stakeholder, and the shortlist "met wie ga je in gesprek?" for Dag 3."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from . import shared
from .map_session import MapSession
from .page import render_markdown
from .stakeholders.model import ENERGIE, SOORTEN, shortlist

if TYPE_CHECKING:
    from .content_models_dag2 import EnergyPart


def shortlist_html(session: MapSession, content: EnergyPart) -> str:
    """The shortlist as an escaped list (biggest gap first)."""
    chosen = shortlist(session.map)
    if not chosen:
        return render_markdown(content.shortlist_empty)
    items = "".join(
        f"<li><strong>{html.escape(s.naam)}</strong> <span class='ww-hint'>({html.escape(SOORTEN[s.soort])}: "
        f"{html.escape(ENERGIE[s.energie_nu].lower())} → {html.escape(ENERGIE[s.energie_gewenst].lower())})</span>"
        "</li>"
        for s in chosen
    )
    return render_markdown(content.shortlist_intro) + f"<ol class='ww-shortlist'>{items}</ol>"


class EnergyView(widgets.HTML):
    def __init__(self, session: MapSession, content: EnergyPart) -> None:
        super().__init__(layout=shared.layout(), _dom_classes=("ww-energy",))
        self.session = session
        self.content = content
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        from .stakeholders.energy_svg import energy_svg

        chosen = [s.id for s in shortlist(self.session.map)]
        value = (f"<figure class='ww-figure'>{energy_svg(self.session.map, highlight=chosen)}</figure>"
                 f"<h3>{html.escape(self.content.shortlist_title)}</h3>{shortlist_html(self.session, self.content)}")
        if value != self.value:
            self.value = value
