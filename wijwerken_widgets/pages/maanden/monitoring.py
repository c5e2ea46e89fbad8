"""The three months: how the actions are doing — a table, a timeline of their statuses and done versus planned
(``monitoring_views.py``), and per action its whole history and its owner. Making yourself the owner of a
stakeholder's stalled action first passes the "niet overnemen" guard: the page explains why the solution should
stay with the stakeholders and asks for a reason, which goes into the action's history.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html, render_markdown
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.board import MAX_NOTE, Board, page_board
from wijwerken_widgets.pages.maanden.monitoring_views import history_html, progress_html, progress_rows, table_html
from wijwerken_widgets.pages.maanden.monitoring_views import timeline_html as status_timeline_html
from wijwerken_widgets.pages.maanden.schema import MonitoringPart
from wijwerken_widgets.shared.act.interventions import takes_over
from wijwerken_widgets.shared.act.items import Actie
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback


class ActionHistory(widgets.VBox):
    """Choose an action: its history, and (for a member) a new owner, guarded against taking it over."""

    def __init__(self, board: Board, part: MonitoringPart) -> None:
        self.board, self.part = board, part
        self.chooser = widgets.Dropdown(description=part.history_choose, layout=styles.layout(),
                                        style={"description_width": "initial"})
        self.chooser.observe(lambda _: self.redraw(), names="value")
        self.history = static_html("", "ww-action-history")
        children: list[widgets.Widget] = [static_html(f"<h3>{html.escape(part.history_title)}</h3>"), self.chooser,
                                          self.history]
        self.feedback = Feedback()
        if not board.watching:
            self.owner = widgets.Dropdown(layout=styles.layout(), style={"description_width": "initial"})
            change = button(part.owner_button, "user")
            change.on_click(lambda _: self.change_owner())
            self.reason = widgets.Textarea(placeholder=part.guard_reason_placeholder, rows=2,
                                           description=part.guard_reason, layout=styles.layout(),
                                           style={"description_width": "initial"}, continuous_update=True)
            drafts.keep(board.session.ctx, self.reason, "maanden.overnemen.reden")
            confirm, cancel = button(part.guard_confirm, "check"), button(part.guard_cancel, "times")
            confirm.on_click(lambda _: self.change_owner(confirmed=True))
            cancel.on_click(lambda _: self.close_guard())
            self.guard_text = static_html("", "ww-guard-text")
            self.guard = box([self.guard_text, self.reason, widgets.HBox([cancel, confirm])], "ww-guard")
            self.guard.layout = widgets.Layout(display="none")
            children += [static_html(f"<h4>{html.escape(part.owner_title)}</h4>"), self.owner, change, self.guard]
        children.append(self.feedback)
        super().__init__(children, layout=styles.layout(), _dom_classes=("ww-action-detail",))
        self._options: list[tuple[str, str]] = []

    def redraw(self) -> None:
        states = self.board.states()
        options = [(s.name, s.action.id) for s in states]
        if options != self._options:
            self._options = options
            current = self.chooser.value
            self.chooser.options = options
            ids = [v for _, v in options]
            self.chooser.value = current if current in ids else (ids[0] if ids else None)
        state = None if self.chooser.value is None else self.board.state(self.chooser.value)
        value = "" if state is None else history_html(self.board, state, self.part)
        if self.history.value != value:
            self.history.value = value
        if state is not None and not self.board.watching:
            owners = self.board.owners()
            label = self.part.owner_label.format(actie=state.name)
            current = f"{state.action.eigenaar_soort}:{state.action.eigenaar}"
            if [v for _, v in owners] != [v for _, v in self.owner.options] or self.owner.description != label:
                with self.owner.hold_sync():
                    self.owner.options, self.owner.description = owners, label
            if self.owner.value is None or self._shown != state.action.id:
                self.owner.value = current if current in [v for _, v in owners] else ":"
                self._shown = state.action.id
                self.close_guard()

    _shown = ""

    def close_guard(self) -> None:
        if not self.board.watching:
            self.guard.layout.display = "none"

    def change_owner(self, confirmed: bool = False) -> None:
        """Save the chosen owner; a member taking over a stakeholder's stalled action confirms with a reason."""
        part, board = self.part, self.board
        state = None if self.chooser.value is None else board.state(self.chooser.value)
        if state is None or self.owner.value is None:
            return
        kind, _, owner = str(self.owner.value).partition(":")
        action = state.action
        if (kind, owner) == (action.eigenaar_soort, action.eigenaar):
            self.feedback.show(part.owner_same, "info")
            return
        me = board.session.ctx.person.id
        guarded = takes_over(action.eigenaar_soort, kind, owner, me, state.stalled)
        reason = self.reason.value.strip()
        if guarded and not confirmed:
            self.guard_text.value = (f"<h4>{html.escape(part.guard_title)}</h4>"
                                     + render_markdown(part.guard_text.format(eigenaar=state.owner)))
            self.guard.layout.display = ""
            self.feedback.clear()
            return
        if guarded and not reason:
            self.feedback.show(part.guard_reason_missing, "warning")
            return
        if len(reason) > MAX_NOTE:
            self.feedback.show(board.content.exercises.since.note_too_long.format(maximum=MAX_NOTE), "warning")
            return

        def reassign(item: object) -> dict | None:
            data = getattr(item, "data", None)
            if item is None or getattr(item, "deleted", False) or not isinstance(data, dict):
                return None
            return {**data, "eigenaar_soort": kind, "eigenaar": owner}

        try:
            board.session.update(Actie.KIND, action.id, reassign)
            if guarded:
                note = part.guard_note.format(door=board.session.ctx.person.name, reden=reason)
                board.add_status(action.id, state.status or "hapert", note, False)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        if guarded:
            self.reason.value = ""
            drafts.stored(board.session.ctx, self.reason)
        self.close_guard()
        name = next((n for n, v in board.owners() if v == self.owner.value), "")
        self.feedback.show(part.owner_saved.format(actie=state.name, eigenaar=name), "success")


class MonitoringView(widgets.VBox):
    """The three views and the history, redrawn on every change of the group's items."""

    def __init__(self, board: Board, part: MonitoringPart) -> None:
        self.board, self.part = board, part
        self.table = static_html("")
        self.timeline = static_html("")
        self.progress = static_html("")
        self.detail = ActionHistory(board, part)
        self.empty = static_html(notice_html(board.common.no_actions, "info"))
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-monitoring",))
        board.on_change(self.redraw)
        self.redraw()

    def redraw(self) -> None:
        states = self.board.states()
        if not states:
            self.children = [self.empty]
            return
        part = self.part
        for view, value in (
            (self.table, f"<h3>{html.escape(part.table_title)}</h3>{table_html(self.board, states, part)}"),
            (self.timeline, f"<h3>{html.escape(part.timeline_title)}</h3>"
                            f"{status_timeline_html(self.board, states, part)}"),
            (self.progress, f"<h3>{html.escape(part.progress_title)}</h3>"
                            f"{progress_html(progress_rows(states, self.board.today()), part)}"),
        ):
            if view.value != value:
                view.value = value
        self.detail.redraw()
        wanted = [self.table, self.timeline, self.progress, self.detail]
        if list(self.children) != wanted:
            self.children = wanted


def section(ctx: Context) -> widgets.Widget:
    """The ``monitoring`` part of ``maanden.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.monitoring
    board = page_board(ctx)
    if board is None:
        return hidden()
    return Exercise(part.title, part.instruction, [MonitoringView(board, part)])
