"""Opgestoken handen: who pressed "Hand opsteken" on a page (``ui/live.py``), the longest waiting first, each with
"Geholpen", which lowers the hand (also on the participant's page, at its next poll)."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.vandaag.board import Board, board
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


class HandsView(Exercise):
    def __init__(self, ctx: Context, found: Board) -> None:
        self.ctx, self.board = ctx, found
        part = self.part = found.content.exercises.hands
        self.summary = static_html("", "ww-feedback ww-hands-summary")
        self.list = widgets.VBox([], layout=styles.plain_layout(), _dom_classes=("ww-hands",))
        self.shown: tuple | None = None  # what was last drawn
        super().__init__(part.title, part.instruction, [self.summary, self.list])
        found.on_change(lambda _full: self.draw(), self)
        self.draw()

    def draw(self) -> None:
        snapshot = self.board.snapshot
        hands = snapshot.hands if snapshot is not None else ()
        key = tuple((h.person_id, h.since) for h in hands)
        if key == self.shown:
            return
        self.shown = key
        part = self.part
        self.summary.value = f"<p>{html.escape(part.count.format(aantal=len(hands)) if hands else part.none)}</p>"
        rows = []
        for hand in hands:
            line = part.line.format(naam=hand.name, groep=hand.group or "–", tijd=clock(hand.since))
            helped = button(part.helped_button.format(naam=hand.name), "check", "ww-helped")
            helped.on_click(lambda _, pid=hand.person_id: self.helped(pid))
            rows.append(widgets.HBox([static_html(f"<span>{html.escape(line)}</span>", "ww-hand-who"), helped],
                                     layout=styles.plain_layout(), _dom_classes=("ww-hand-row",)))
        self.list.children = rows

    def helped(self, person_id: int) -> None:
        """Lower the hand of ``person_id`` (a participant of the cohort on show) and read again."""
        cohort = self.board.cohort
        if cohort is None:
            return
        try:
            self.ctx.store.clear_signal(cohort.id, "hand", person_id=person_id)
        except StoreUnavailable as exc:
            self.summary.value = notice_html(exc.message, "error")
            return
        self.board.read(full=False)


def section(ctx: Context) -> widgets.Widget:
    """The ``hands`` part of ``vandaag.yaml``: only for trainers."""
    if not access.for_trainer(ctx) or board(ctx).cohort is None:
        return hidden()
    return HandsView(ctx, board(ctx))
