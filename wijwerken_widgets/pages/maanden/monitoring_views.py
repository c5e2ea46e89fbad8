"""The three months: the actions as a table, a timeline of their statuses and done versus planned over time — as
safe HTML (everything typed escaped), each picture with a table beside it."""

from __future__ import annotations

import html
from datetime import date

from wijwerken_widgets.core.html import format_html
from wijwerken_widgets.pages.maanden.board import ActionState, Board
from wijwerken_widgets.pages.maanden.schema import MonitoringPart
from wijwerken_widgets.shared.act.monitoring import done_day, done_vs_planned, parse_day, weeks


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def _scroll(label: str, body: str) -> str:
    return (f"<div class='ww-scroll' role='region' tabindex='0' aria-label='{html.escape(label)}'>{body}</div>")


def table_html(board: Board, states: list[ActionState], part: MonitoringPart) -> str:
    """One row per action: name, owner, status (and still), last update, due date, number of updates."""
    c = part.columns
    head = "".join(f"<th scope='col'>{html.escape(t)}</th>" for t in (c.actie, c.eigenaar, c.stand, c.sinds, c.eind,
                                                                      c.standen))
    rows = []
    for s in states:
        last = s.last
        rows.append(f"<tr><th scope='row'>{html.escape(s.name)}</th><td>{html.escape(s.owner)}</td>"
                    f"<td>{html.escape(board.state_text(s))}</td>"
                    f"<td>{html.escape(_dutch(last.day) if last else '')}</td>"
                    f"<td>{html.escape(_dutch(parse_day(s.action.eind)))}</td><td>{len(s.updates)}</td></tr>")
    return _scroll(part.table_title, f"<table class='ww-table ww-monitoring-table'><thead><tr>{head}</tr></thead>"
                                     f"<tbody>{''.join(rows)}</tbody></table>")


def timeline_html(board: Board, states: list[ActionState], part: MonitoringPart) -> str:
    """Per action its updates in date order, each with its date and status in words (a list, readable as is)."""
    if not any(s.updates for s in states):
        return f"<p class='ww-empty'>{html.escape(part.timeline_empty)}</p>"
    items = []
    for s in states:
        steps = "".join(
            f"<li class='ww-step ww-step-{u.status}'><span class='ww-step-date'>{html.escape(_dutch(u.day))}</span> "
            f"{html.escape(board.status_text(u.status))}</li>" for u in s.updates)
        still = (f"<li class='ww-step ww-step-stil'>{html.escape(board.state_text(s))}</li>"
                 if s.stillness.still else "")
        items.append(f"<li><strong>{html.escape(s.name)}</strong><ol class='ww-steps'>{steps}{still}</ol></li>")
    return (f"<p class='ww-hint'>{html.escape(part.timeline_caption)}</p>"
            f"<ul class='ww-status-timeline'>{''.join(items)}</ul>")


def progress_rows(states: list[ActionState], today: date) -> list[tuple[date, int, int]]:
    """Per week from the plan's first day up to today: planned klaar and really klaar."""
    plans = [(parse_day(s.action.eind), done_day(s.updates)) for s in states]
    days = [d for s in states for d in (parse_day(s.action.start), parse_day(s.action.eind)) if d]
    days += [u.day for s in states for u in s.updates if u.day]
    if not any(due for due, _ in plans) or not days or min(days) > today:
        return []
    return done_vs_planned(plans, weeks(min(days), today))


def progress_html(rows: list[tuple[date, int, int]], part: MonitoringPart) -> str:
    """Done versus planned per week: a small line picture (two lines, each also named in a legend with a dash
    pattern, not colour alone) and the same figures as a table."""
    if not rows:
        return f"<p class='ww-empty'>{html.escape(part.progress_empty)}</p>"
    c = part.progress_columns
    top = max(1, *(max(p, d) for _, p, d in rows))
    width, height, step = 40 + 36 * max(len(rows) - 1, 1), 120, 36

    def points(index: int) -> str:
        values = [planned if index == 1 else done for _, planned, done in rows]
        return " ".join(f"{30 + n * step},{10 + (height - 30) * (1 - value / top):.0f}"
                        for n, value in enumerate(values))

    last = rows[-1]
    label = format_html(part.progress_caption + " {gepland}: {p}, {klaar}: {d}.", gepland=c.gepland, p=last[1],
                        klaar=c.klaar, d=last[2])
    svg = (f"<svg class='ww-progress-chart' role='img' aria-label='{label}' width='{width}' height='{height}' "
           f"viewBox='0 0 {width} {height}'>"
           f"<line class='ww-axis' x1='26' y1='{height - 20}' x2='{width}' y2='{height - 20}'/>"
           f"<polyline class='ww-line-planned' points='{points(1)}'/>"
           f"<polyline class='ww-line-done' points='{points(2)}'/></svg>")
    legend = (f"<p class='ww-legend'><span class='ww-key ww-key-planned' aria-hidden='true'></span> "
              f"{html.escape(c.gepland)} <span class='ww-key ww-key-done' aria-hidden='true'></span> "
              f"{html.escape(c.klaar)}</p>")
    head = "".join(f"<th scope='col'>{html.escape(t)}</th>" for t in (c.week, c.gepland, c.klaar))
    body = "".join(f"<tr><th scope='row'>{_dutch(w)}</th><td>{p}</td><td>{d}</td></tr>" for w, p, d in rows)
    table = _scroll(part.progress_title, f"<table class='ww-table'><thead><tr>{head}</tr></thead>"
                                         f"<tbody>{body}</tbody></table>")
    return (f"<p class='ww-hint'>{html.escape(part.progress_caption)}</p><div class='ww-side-by-side'>"
            f"<div>{svg}{legend}</div>{table}</div>")


def history_html(board: Board, state: ActionState, part: MonitoringPart) -> str:
    """Every status update of one action, newest first, with its note, who wrote it and contact with the owner."""
    if not state.updates:
        return f"<p class='ww-empty'>{html.escape(part.history_empty)}</p>"
    items = []
    for u in reversed(state.updates):
        line = format_html(part.history_line, datum=_dutch(u.day), stand=board.status_text(u.status),
                           door=board.author(u.door))
        extra = [part.contact_yes if u.contact else part.contact_no]
        if u.interventie:
            extra.append(part.intervention_mark)
        note = f"<br>{html.escape(u.notitie)}" if u.notitie else ""
        items.append(f"<li>{line} · <span class='ww-hint'>{html.escape(' · '.join(extra))}</span>{note}</li>")
    return f"<ol class='ww-history' reversed>{''.join(items)}</ol>"

