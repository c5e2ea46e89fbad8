"""The three months: "acties sinds vorige keer" — the screen a coaching or training day opens with. One line per
action: its state, what changed since the previous check-in, and a new status in one line (status, note, contact
with the owner). Every update is a new item, so two members updating the same action both land in its history.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.board import (
    MAX_NOTE,
    MAX_UPDATES,
    ActionState,
    Board,
    checkin_days,
    page_board,
    previous_checkin,
)
from wijwerken_widgets.pages.maanden.schema import SincePart
from wijwerken_widgets.shared.act.monitoring import FINISHED, STATUSES
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback, message


class UpdateLine(widgets.VBox):
    """One action's line: its state in words, and (for a member) status, note, contact and "Stand bijschrijven"."""

    def __init__(self, owner: SinceView, action_id: str) -> None:
        self.owner, self.action_id = owner, action_id
        self._started = False
        board, part = owner.board, owner.part
        self.summary = static_html("", "ww-since-summary")
        children: list[widgets.Widget] = [self.summary]
        if not board.watching:
            # each control is named for screen readers ("Stand van <actie>"); the line above names it visibly
            self.status = widgets.Dropdown(options=[(board.status_text(s), s) for s in STATUSES],
                                           layout=widgets.Layout(width="12em"), _dom_classes=("ww-label-sr",))
            self.note = widgets.Text(placeholder=part.note_placeholder, layout=widgets.Layout(flex="1 1 16em"),
                                     continuous_update=True, _dom_classes=("ww-label-sr",))
            drafts.keep(board.session.ctx, self.note, f"maanden.stand.{action_id}")
            self.contact = widgets.Checkbox(description=part.contact_label, indent=False,
                                            layout=widgets.Layout(width="auto"))
            self.save = button(part.save_button, "check")
            self.save.on_click(lambda _: self.submit())
            self.feedback = Feedback()
            children += [widgets.HBox([self.status, self.note, self.contact, self.save],
                                      layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
                                      _dom_classes=("ww-since-form",)),
                         self.feedback]
        super().__init__(children, layout=styles.layout(), _dom_classes=("ww-since-line",))

    def show(self, state: ActionState) -> None:
        board, part = self.owner.board, self.owner.part
        last = state.last
        lines = [f"<strong>{html.escape(state.name)}</strong> · {html.escape(state.owner)}",
                 html.escape(board.state_text(state))]
        if last is not None:
            lines.append(format_html(part.last_update, stand=board.status_text(last.status),
                                     wanneer=board.when_text(last.day), door=board.author(last.door))
                         + (f" — {html.escape(last.notitie)}" if last.notitie else ""))
        previous = self.owner.previous
        if previous is not None and any(u.day is not None and u.day >= previous for u in state.updates):
            lines.append(f"<span class='ww-since-new'>{html.escape(part.since_mark)}</span>")
        value = "<br>".join(lines)
        if self.summary.value != value:
            self.summary.value = value
        if not board.watching:
            label = part.status_label.format(actie=state.name)
            note = part.note_label.format(actie=state.name)
            if self.status.description != label:
                with self.hold_sync():
                    self.status.description, self.note.description = label, note
            if not self._started:  # the choice starts at the action's last status, then stays the member's
                self._started = True
                self.status.value = state.status or STATUSES[0]

    def submit(self) -> None:
        board, part = self.owner.board, self.owner.part
        state = board.state(self.action_id)
        if state is None:
            return
        note = self.note.value.strip()
        if len(note) > MAX_NOTE:
            self.feedback.show(part.note_too_long.format(maximum=MAX_NOTE), "warning")
            return
        if len(state.updates) >= MAX_UPDATES:
            self.feedback.show(part.too_many_updates.format(maximum=MAX_UPDATES), "warning")
            return
        try:
            board.add_status(self.action_id, self.status.value, note, self.contact.value)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        self.note.value = ""
        self.contact.value = False
        drafts.stored(board.session.ctx, self.note)
        self.feedback.show(part.saved.format(actie=state.name, stand=board.status_text(self.status.value)),
                           "success")


class SinceView(widgets.VBox):
    """Every action of the plan, unfinished ones first, each its own :class:`UpdateLine`."""

    def __init__(self, board: Board, part: SincePart) -> None:
        self.board, self.part = board, part
        ctx = board.session.ctx
        settings = (ctx.cohort.settings if ctx.cohort else {}) or {}
        self.previous = previous_checkin(checkin_days(settings, board.today()), board.today())
        self.lead = static_html("", "ww-since-lead")
        self.lines: dict[str, UpdateLine] = {}
        self.area = box([])
        children: list[widgets.Widget] = [self.lead, self.area]
        if board.watching:
            group = ctx.group.name if ctx.group is not None else ""
            children.insert(0, message(board.common.trainer_watching.format(groep=group), "info"))
        super().__init__(children, layout=styles.layout(), _dom_classes=("ww-since",))
        board.on_change(self.redraw)
        self.redraw()

    def redraw(self) -> None:
        states = self.board.states()
        if not states:
            self.lead.value = notice_html(self.board.common.no_actions, "info")
            self.area.children = []
            return
        updates = [u for s in states for u in s.updates]
        if self.previous is None:
            lead = self.part.no_previous_checkin.format(aantal=len(updates))
        else:
            fresh = sum(1 for u in updates if u.day is not None and u.day >= self.previous)
            lead = self.part.previous_checkin.format(datum=self.previous.strftime("%d-%m-%Y"), aantal=fresh)
        lead_html = f"<p>{html.escape(lead)}</p>"
        if self.lead.value != lead_html:
            self.lead.value = lead_html
        ordered = sorted(states, key=lambda s: (s.status in FINISHED, not s.stalled, s.number))
        lines = []
        for state in ordered:
            line = self.lines.get(state.action.id)
            if line is None:
                line = self.lines[state.action.id] = UpdateLine(self, state.action.id)
            line.show(state)
            lines.append(line)
        if list(self.area.children) != lines:
            self.area.children = lines


def section(ctx: Context) -> widgets.Widget:
    """The ``since`` part of ``maanden.yaml`` (someone in no group is told why there is nothing)."""
    content = texts.load()
    part = content.exercises.since
    board = page_board(ctx)
    if board is None and ctx.person.role == "trainer":
        return hidden()
    if board is None:
        return Exercise(part.title, part.instruction, [message(content.no_group, "info")])
    return Exercise(part.title, part.instruction, [SinceView(board, part)])
