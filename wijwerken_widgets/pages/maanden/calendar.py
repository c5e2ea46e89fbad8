"""The three months: the group's check-in days (the cohort's ``terugkomritme``) and each action's due date, and the
``.ics`` calendar file of both with a reminder a day before — made on click, into the participant's own calendar,
without any mail server."""

from __future__ import annotations

import html
import logging
from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import download_link
from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.board import Board, checkin_days, page_board
from wijwerken_widgets.pages.maanden.schema import CalendarPart
from wijwerken_widgets.shared.act.calendar import Event
from wijwerken_widgets.shared.act.monitoring import parse_day
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")
ICS_MIME = "text/calendar"


def _dutch(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def events(board: Board, part: CalendarPart, days: list[date]) -> list[Event]:
    """The check-ins and the due dates of the group's unfinished actions, as calendar events."""
    group = board.session.ctx.group
    group_name = group.name if group is not None else ""
    found = [Event(f"terugkom-{board.session.group_id}-{day.isoformat()}", day, part.checkin_event,
                   part.checkin_description) for day in days]
    for state in board.states():
        due = parse_day(state.action.eind)
        if due is not None and state.status not in ("klaar", "gestopt"):
            found.append(Event(f"actie-{state.action.id}", due, part.due_event.format(actie=state.name),
                               part.due_description.format(groep=group_name, eigenaar=state.owner)))
    return found


class CalendarView(widgets.VBox):
    """The check-ins and due dates as lists, and "Agenda maken (.ics)"."""

    def __init__(self, board: Board, part: CalendarPart) -> None:
        self.board, self.part = board, part
        ctx = board.session.ctx
        self.days = checkin_days((ctx.cohort.settings if ctx.cohort else {}) or {}, board.today())
        self.lists = static_html("")
        make = button(part.download_button, "calendar")
        make.on_click(lambda _: self.download())
        self.link = static_html("")
        super().__init__([self.lists, make, self.link], layout=styles.layout(), _dom_classes=("ww-calendar",))
        board.on_change(self.redraw)
        self.redraw()

    def redraw(self) -> None:
        part, today = self.part, self.board.today()
        upcoming = next((d for d in self.days if d >= today), None)
        checkins = []
        for day in self.days:
            mark = part.next_mark if day == upcoming else part.past_mark if day < today else ""
            line = html.escape(part.checkin_line.format(datum=_dutch(day)))
            checkins.append(f"<li>{line}{f' · <strong>{html.escape(mark)}</strong>' if mark else ''}</li>")
        due = sorted(((d, s) for s in self.board.states() if (d := parse_day(s.action.eind)) is not None),
                     key=lambda pair: pair[0])
        due_lines = "".join(f"<li>{format_html(part.due_line, datum=_dutch(d), actie=s.name, eigenaar=s.owner)}</li>"
                            for d, s in due)
        value = (f"<h3>{html.escape(part.checkins_title)}</h3><ul class='ww-inline-list'>{''.join(checkins)}</ul>"
                 f"<h3>{html.escape(part.due_title)}</h3>"
                 + (f"<ul>{due_lines}</ul>" if due_lines else f"<p class='ww-empty'>{html.escape(part.due_none)}</p>"))
        if self.lists.value != value:
            self.lists.value = value

    def download(self) -> None:
        """Put a link to the ``.ics`` file under the button."""
        from wijwerken_widgets.shared.act.calendar import calendar_ics

        part, board = self.part, self.board
        group = board.session.ctx.group
        name = part.calendar_name.format(groep=group.name if group is not None else "")
        try:
            found = events(board, part, self.days)
            data = calendar_ics(name, found, reminder=part.reminder)
        except Exception:
            log.exception("calendar export failed")
            self.link.value = notice_html(part.failed, "error")
            return
        filename = f"{part.file_name}-{board.today().isoformat()}.ics"
        self.link.value = download_link(data, filename, ICS_MIME, part.download_label.format(bestand=filename))


def section(ctx: Context) -> widgets.Widget:
    """The ``calendar`` part of ``maanden.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.calendar
    board = page_board(ctx)
    if board is None:
        return hidden()
    return Exercise(part.title, part.instruction, [CalendarView(board, part)])
