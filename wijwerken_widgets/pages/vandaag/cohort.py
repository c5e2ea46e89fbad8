"""Cohort: which of the trainer's cohorts the page shows (a choice only with several), and "Vernieuwen"."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.vandaag.board import Board, board
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


class CohortView(Exercise):
    def __init__(self, ctx: Context, found: Board) -> None:
        self.board, content = found, found.content
        part = content.exercises.cohort
        self.choice = widgets.Dropdown(options=[(c.name, c.id) for c in found.cohorts],
                                       value=found.cohort.id if found.cohort else None,
                                       description=part.cohort_label, style={"description_width": "initial"},
                                       layout=widgets.Layout(display="flex" if len(found.cohorts) > 1 else "none"))
        self.refresh = button(part.refresh_button, "refresh", "ww-vandaag-refresh")
        self.status = static_html("", "ww-feedback ww-vandaag-status")
        self.refresh.on_click(lambda _: found.read(full=True))
        self.choice.observe(lambda change: found.choose(change["new"]), names="value")
        row = widgets.HBox([self.choice, self.refresh, self.status], layout=styles.plain_layout(),
                           _dom_classes=("ww-hand-row",))
        super().__init__(part.title, part.instruction, [row])
        found.on_change(lambda _full: self.draw(), self)
        self.draw()

    def draw(self) -> None:
        found, part = self.board, self.board.content.exercises.cohort
        if found.error:
            self.status.value = notice_html(found.error, "error")
        elif found.snapshot is not None:
            self.status.value = f"<span>{html.escape(part.refreshed.format(tijd=clock(found.snapshot.read_at)))}</span>"


def section(ctx: Context) -> widgets.Widget:
    """The ``cohort`` part of ``vandaag.yaml``: only for trainers; a trainer without a cohort reads why."""
    if not access.for_trainer(ctx):
        return hidden()
    found = board(ctx)
    if found.cohort is None:
        return static_html(notice_html(found.content.no_cohort, "warning"))
    return CohortView(ctx, found)
