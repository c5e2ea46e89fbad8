"""The three months: mini-interventies. A stalled action ("hapert", or still too long) asks for a short, guided plan
from a method template — wie, wanneer, what we hope the stakeholders discover, when we follow up — that helps the
stakeholders find their own way again. Its outcome goes back into the action's history as a status update.
"""

from __future__ import annotations

import html
from dataclasses import replace

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import parse_date
from wijwerken_widgets.core.html import format_html, render_markdown
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.board import MAX_INTERVENTIONS, MAX_NOTE, Board, page_board
from wijwerken_widgets.pages.maanden.schema import InterventionsPart
from wijwerken_widgets.shared.act.interventions import TEMPLATES, Interventie
from wijwerken_widgets.shared.act.monitoring import FINISHED, STATUSES, parse_day
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

MAX_TEXT = 1000


def _labelled(widget: widgets.Widget, label: str) -> widgets.Widget:
    widget.description = label
    widget.style = {"description_width": "initial"}
    return widget


class Outcome(widgets.VBox):
    """An open mini-interventie: its plan in one line, and how it went with the action's status after."""

    def __init__(self, owner: InterventionsView, intervention_id: str) -> None:
        self.owner, self.id = owner, intervention_id
        part, board = owner.part, owner.board
        self.line = static_html("")
        self.text = _labelled(widgets.Textarea(rows=2, layout=styles.layout(), continuous_update=True),
                              part.outcome_label)
        drafts.keep(board.session.ctx, self.text, f"maanden.uitkomst.{intervention_id}")
        self.status = _labelled(widgets.Dropdown(options=[(board.status_text(s), s) for s in STATUSES],
                                                 layout=styles.layout()), part.outcome_status)
        save = button(part.outcome_button, "check")
        save.on_click(lambda _: self.submit())
        self.feedback = Feedback()
        children = [self.line] if board.watching else [self.line, self.text, self.status, save, self.feedback]
        super().__init__(children, layout=styles.layout(), _dom_classes=("ww-intervention",))

    def show(self, intervention: Interventie, action_name: str) -> None:
        part = self.owner.part
        line: str = format_html(part.open_line, sjabloon=part.templates[intervention.sjabloon].name, actie=action_name,
                           wie=intervention.wie, wanneer=_dutch(intervention.wanneer),
                           opvolgen=_dutch(intervention.opvolgen))
        follow = parse_day(intervention.opvolgen)
        if follow is not None and follow <= self.owner.board.today():
            line += f" · <strong>{html.escape(part.follow_up_due)}</strong>"
        if intervention.hoop:
            line += f"<br><span class='ww-hint'>{html.escape(intervention.hoop)}</span>"
        if self.line.value != line:
            self.line.value = line

    def submit(self) -> None:
        part, board = self.owner.part, self.owner.board
        outcome = self.text.value.strip()
        if not outcome:
            self.feedback.show(part.outcome_missing, "warning")
            return
        if len(outcome) > MAX_NOTE:
            self.feedback.show(board.content.exercises.since.note_too_long.format(maximum=MAX_NOTE), "warning")
            return
        item = board.session.item(Interventie.KIND, self.id)
        if item is None:
            return
        intervention = Interventie.of(item)
        state = board.state(intervention.actie_id)
        note = part.outcome_note.format(sjabloon=part.templates[intervention.sjabloon].name, uitkomst=outcome)
        try:
            board.session.put_item(replace(intervention, uitkomst=outcome, afgerond=True), base_version=item.version)
            board.add_status(intervention.actie_id, self.status.value, note, True, intervention=intervention.id)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        drafts.stored(board.session.ctx, self.text)
        self.owner.feedback.show(part.outcome_saved.format(actie=state.name if state else ""), "success")


def _dutch(value: str) -> str:
    day = parse_day(value)
    return day.strftime("%d-%m-%Y") if day else "—"


class InterventionsView(widgets.VBox):
    """What stalls, a form to plan a mini-interventie, and the planned ones with their outcome."""

    def __init__(self, board: Board, part: InterventionsPart) -> None:
        self.board, self.part = board, part
        self.stalled = static_html("", "ww-stalled")
        self.feedback = Feedback()
        self.outcomes: dict[str, Outcome] = {}
        self.open_area = box([])
        self.open_none = static_html(f"<p class='ww-empty'>{html.escape(part.open_none)}</p>")
        self.done = static_html("")
        children: list[widgets.Widget] = [self.stalled]
        if not board.watching:
            ctx = board.session.ctx
            self.action = _labelled(widgets.Dropdown(layout=styles.layout()), part.choose_action)
            self.template = _labelled(widgets.Dropdown(options=[(part.templates[t].name, t) for t in TEMPLATES],
                                                       layout=styles.layout()), part.template_label)
            self.template_text = static_html("", "ww-template-text")
            self.template.observe(lambda _: self._template_shown(), names="value")
            self.wie = _labelled(widgets.Text(placeholder=part.wie.placeholder, layout=styles.layout(),
                                              continuous_update=True), part.wie.label)
            self.wanneer = _labelled(widgets.Text(placeholder=part.date_hint, layout=styles.layout(),
                                                  continuous_update=True), part.wanneer)
            self.hoop = _labelled(widgets.Textarea(placeholder=part.hoop.placeholder, rows=2, layout=styles.layout(),
                                                   continuous_update=True), part.hoop.label)
            self.opvolgen = _labelled(widgets.Text(placeholder=part.date_hint, layout=styles.layout(),
                                                   continuous_update=True), part.opvolgen)
            for name in ("wie", "wanneer", "hoop", "opvolgen"):
                drafts.keep(ctx, getattr(self, name), f"maanden.interventie.{name}")
            save = button(part.save_button, "plus")
            save.on_click(lambda _: self.plan())
            children += [box([self.action, self.template, self.template_text, self.wie, self.wanneer, self.hoop,
                              self.opvolgen, save], "ww-intervention-form")]
            self._template_shown()
        children += [self.feedback, static_html(f"<h3>{html.escape(part.open_title)}</h3>"), self.open_area,
                     self.done]
        super().__init__(children, layout=styles.layout(), _dom_classes=("ww-interventions",))
        self._options: list[tuple[str, str]] = []
        board.on_change(self.redraw)
        self.redraw()

    def _template_shown(self) -> None:
        self.template_text.value = render_markdown(self.part.templates[self.template.value].text)

    def redraw(self) -> None:
        part, board = self.part, self.board
        states = board.states()
        stalled = [s for s in states if s.stalled]
        lines = "".join(f"<li>{format_html(part.stalled_line, actie=s.name, stand=board.state_text(s))}</li>"
                        for s in stalled)
        value = (f"<h3>{html.escape(part.stalled_title)}</h3>"
                 + (f"<ul>{lines}</ul>" if lines else f"<p class='ww-empty'>{html.escape(part.stalled_none)}</p>"))
        if self.stalled.value != value:
            self.stalled.value = value
        if not board.watching:
            ordered = stalled + [s for s in states if not s.stalled and s.status not in FINISHED]
            options = [(s.name, s.action.id) for s in ordered]
            if options != self._options:
                self._options = options
                current = self.action.value
                self.action.options = options
                ids = [v for _, v in options]
                self.action.value = current if current in ids else (ids[0] if ids else None)
        names = {s.action.id: s.name for s in states}
        open_views, done = [], []
        for s in states:
            for intervention in s.interventions:
                if intervention.afgerond:
                    done.append(format_html(part.done_line, sjabloon=part.templates[intervention.sjabloon].name,
                                            actie=s.name, uitkomst=intervention.uitkomst))
                    continue
                view = self.outcomes.get(intervention.id)
                if view is None:
                    view = self.outcomes[intervention.id] = Outcome(self, intervention.id)
                view.show(intervention, names.get(intervention.actie_id, ""))
                open_views.append(view)
        wanted = open_views or [self.open_none]
        if list(self.open_area.children) != wanted:
            self.open_area.children = wanted
        done_html = f"<ul class='ww-interventions-done'>{''.join(f'<li>{d}</li>' for d in done)}</ul>" if done else ""
        if self.done.value != done_html:
            self.done.value = done_html

    def _date(self, control: widgets.Text) -> tuple[str, bool]:
        """The ISO date typed in ``control`` (empty allowed), and whether it is valid."""
        typed = control.value.strip()
        if not typed:
            return "", True
        day = parse_date(typed)
        return (day.isoformat(), True) if day else ("", False)

    def plan(self) -> None:
        part, board = self.part, self.board
        action_id = self.action.value
        state = None if action_id is None else board.state(action_id)
        if state is None:
            return
        missing = [label for label, control in ((part.wie.label, self.wie), (part.hoop.label, self.hoop))
                   if not control.value.strip()]
        if missing:
            self.feedback.show(part.missing.format(velden=", ".join(missing)), "warning")
            return
        dates: dict[str, str] = {}
        for name in ("wanneer", "opvolgen"):
            value, valid = self._date(getattr(self, name))
            if not valid:
                self.feedback.show(part.date_invalid.format(waarde=getattr(self, name).value.strip()), "warning")
                return
            dates[name] = value
        if any(len(c.value) > MAX_TEXT for c in (self.wie, self.hoop)):
            self.feedback.show(board.content.exercises.since.note_too_long.format(maximum=MAX_TEXT), "warning")
            return
        if sum(1 for i in state.interventions if not i.afgerond) >= MAX_INTERVENTIONS:
            self.feedback.show(part.too_many.format(maximum=MAX_INTERVENTIONS), "warning")
            return
        intervention = Interventie(new_id(), actie_id=action_id, sjabloon=self.template.value,
                                   wie=self.wie.value.strip(), hoop=self.hoop.value.strip(),
                                   door=board.session.ctx.person.id, wanneer=dates["wanneer"],
                                   opvolgen=dates["opvolgen"])
        try:
            board.session.put_item(intervention)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        for control in (self.wie, self.wanneer, self.hoop, self.opvolgen):
            control.value = ""
        drafts.stored(board.session.ctx, self.wie, self.wanneer, self.hoop, self.opvolgen)
        self.feedback.show(part.saved.format(actie=state.name), "success")


def section(ctx: Context) -> widgets.Widget:
    """The ``interventions`` part of ``maanden.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.interventions
    board = page_board(ctx)
    if board is None:
        return hidden()
    return Exercise(part.title, part.instruction, [InterventionsView(board, part)])
