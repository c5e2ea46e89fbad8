"""Dag 2: what the lines of the map say (networkx, in plain Dutch) and where the participant stands."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag2 import keys, texts
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import Autosave, SaveStatus, adopt_statuses, autosave_widget
from wijwerken_widgets.ui.blocks import Exercise, hidden, labelled, static_html, text_input
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    import asyncio

    from wijwerken_widgets.pages.dag2.schema import InsightPart

NOT_ON_MAP = ""
SETTLE_SECONDS = 2.0


class InsightView(widgets.VBox):
    """The findings, a "this is me" picker (saved per participant) and a reflection on that position."""

    def __init__(self, ctx: Context, session: MapSession, content: InsightPart) -> None:
        self.session = session
        self.content = content
        self.findings = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-insight",))
        self.me = widgets.Dropdown(options=self._options(), value=NOT_ON_MAP, layout=styles.layout())
        self.position = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-position",))
        me_status = SaveStatus()
        self.me_saver = Autosave(ctx, keys.MY_POSITION, get_value=lambda: self.me.value, set_value=self._set_me,
                                 status=me_status, empty=NOT_ON_MAP)
        self.reflection = text_input(content.reflection, rows=4)
        status = SaveStatus()
        self.reflection_saver = autosave_widget(ctx, keys.POSITION_REFLECTION, self.reflection, status)
        self._refreshing = False  # the picker's options are being replaced: not the participant's choice
        self.me.observe(lambda _: self._me_changed(), names="value")
        super().__init__([
            self.findings,
            static_html(f"<label class='ww-label'>{html.escape(content.position_label)}</label>"),
            self.me, me_status, self.position,
            labelled(content.reflection, self.reflection, status),
        ], layout=styles.layout())
        adopt_statuses(self)
        self._pending: asyncio.TimerHandle | None = None
        session.on_change(lambda _: self.draw_soon())
        self.draw()

    def draw_soon(self) -> None:
        """Redraw once the map has been still for a moment: the analysis is the slowest view, so the graph and
        the other views reach the browser first, and a burst of changes is analysed once."""
        from wijwerken_widgets.core.loop import call_when_still

        self._pending = call_when_still(self._pending, SETTLE_SECONDS, self.draw)

    def _me_changed(self) -> None:
        if not self._refreshing:
            self.me_saver.changed()
            self.draw_position()

    def _set_me(self, value: str) -> None:
        """Show the saved choice, unless that stakeholder is no longer on the map."""
        if any(v == value for _, v in self.me.options):
            self.me.value = value

    def _options(self) -> list[tuple[str, str]]:
        return [(self.content.not_on_map_option, NOT_ON_MAP),
                *((s.naam, s.id) for s in self.session.map.stakeholders)]

    def draw(self) -> None:
        from wijwerken_widgets.pages.dag2.insight_analysis import analyse

        options = self._options()
        if options != list(self.me.options):
            keep = self.me.value if any(v == self.me.value for _, v in options) else NOT_ON_MAP
            # New options select the first one: set the value after them, without saving either step.
            self._refreshing = True
            try:
                with self.me.hold_sync():
                    self.me.options = options
                    self.me.value = keep
            finally:
                self._refreshing = False
        sentences = analyse(self.session.map, self.content).sentences
        value = "<ul class='ww-findings'>" + "".join(f"<li>{html.escape(s)}</li>" for s in sentences) + "</ul>"
        if value != self.findings.value:
            self.findings.value = value
        self.draw_position()

    def draw_position(self) -> None:
        from wijwerken_widgets.pages.dag2.insight_analysis import position_of

        me = self.me.value or None
        value = (f"<p class='ww-position-text'>{html.escape(position_of(self.session.map, me, self.content))}</p>"
                 f"<p class='ww-hint'>{html.escape(self.content.reflection_prompt)}</p>")
        if value != self.position.value:
            self.position.value = value


def section(ctx: Context) -> widgets.Widget:
    """The ``insight`` part of ``dag2.yaml``: what the network says, and where the participant stands (nothing for someone in no group)."""
    part, current = texts.load().exercises.insight, page_map(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [InsightView(ctx, current, part)])
