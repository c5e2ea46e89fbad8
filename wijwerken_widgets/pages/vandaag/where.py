"""Wie is waar: per participant the page last opened and when, when they last saved, and "vastgelopen?" as a sign
and a word (the rule in ``today.status``; its two numbers are settings in ``vandaag.yaml``)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.vandaag import today
from wijwerken_widgets.pages.vandaag.board import Board, board
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.ui import texts as common
from wijwerken_widgets.ui.blocks import Exercise, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.vandaag.schema import WherePart


def page_names() -> dict[str, str]:
    """Page (``dag1``) → its name in the navigation (``Dag 1``)."""
    navigation = common.load().navigation
    return {Path(p.workbook).stem: p.name for p in (*navigation.pages, *navigation.trainer_pages)}


def table_html(part: WherePart, snapshot: today.Snapshot, names: dict[str, str]) -> str:
    """The table (every name escaped); each state a sign and a word."""
    signs = {today.STUCK: part.stuck, today.FINE: part.fine, today.AWAY: part.away}
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in (
        part.name_header, part.group_header, part.page_header, part.seen_header, part.saved_header, part.stuck_header))
    body = []
    for row in snapshot.rows:
        sign = signs.get(row.status) if row.status is not None else None
        state = (f'<span aria-hidden="true">{html.escape(sign.icon)}</span> {html.escape(sign.label)}'
                 if sign is not None else "")
        page = names.get(row.page, row.page) if row.page else part.not_seen
        cells = (html.escape(row.group or part.no_group), html.escape(page),
                 html.escape(clock(row.seen)) if row.seen else "",
                 html.escape(clock(row.saved)) if row.saved else html.escape(part.never_saved))
        body.append(f'<tr data-person="{row.person_id}" class="ww-where-{row.status or "unseen"}">'
                    f'<th scope="row">{html.escape(row.name)}</th>' + "".join(f"<td>{c}</td>" for c in cells)
                    + f'<td class="ww-where-state">{state}</td></tr>')
    caption = html.escape(part.caption.format(cohort=snapshot.cohort.name))
    return (f'<div class="ww-table-wrap"><table class="ww-table ww-where"><caption>{caption}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


class WhereView(Exercise):
    def __init__(self, ctx: Context, found: Board) -> None:
        self.board, content = found, found.content
        self.part = content.exercises.where
        self.names = page_names()
        self.table = static_html("", "ww-where-table")
        rule = self.part.rule.format(minuten=content.stuck_after_minutes, uren=content.away_after_hours)
        super().__init__(self.part.title, self.part.instruction, [self.table, static_html(render_markdown(rule),
                                                                                            "ww-hint")])
        found.on_change(lambda _full: self.draw(), self)
        self.draw()

    def draw(self) -> None:
        if self.board.snapshot is not None:
            value = table_html(self.part, self.board.snapshot, self.names)
            if value != self.table.value:
                self.table.value = value


def section(ctx: Context) -> widgets.Widget:
    """The ``where`` part of ``vandaag.yaml``: only for trainers."""
    if not access.for_trainer(ctx) or board(ctx).cohort is None:
        return hidden()
    return WhereView(ctx, board(ctx))
