"""The progress matrix: a table of participants × exercises, grouped by day, each cell a sign and a word, with each
day's expected-by date, a "nu" line and a legend. The data is ``progress.build``; it is read once per page (shared
with "Wie mist nog?") and again on "Vernieuwen"."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import name_html, notice_html, render_markdown
from wijwerken_widgets.pages.trainer import progress, texts
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import texts as common_texts
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.trainer.schema import TrainerContent

SHARED = "trainer.matrices"
"""``ctx.shared`` key of the page's matrices (one per cohort of the trainer)."""


def day_titles() -> dict[str, str]:
    """Page → its name in the navigation (``algemeen.yaml``), e.g. ``dag1`` → "Dag 1: het vraagstuk"."""
    return {p.workbook.removesuffix(".ipynb"): p.name for p in common_texts.load().navigation.pages}


def matrices(ctx: Context, *, refresh: bool = False, today: date | None = None) -> list[progress.Matrix]:
    """The matrix of each of the trainer's cohorts, read once per page (``refresh`` reads again); none for anyone
    else."""
    if not access.for_trainer(ctx):
        return []
    if refresh or SHARED not in ctx.shared:
        if SHARED not in ctx.shared:  # the page's first read: one audit line per cohort shown
            for cohort in access.trainer_cohorts(ctx):
                ctx.store.audit("view", "cohort", cohort.id, origin="kernel", actor_id=ctx.person.id,
                                cohort_id=cohort.id)
        content = texts.load()
        ctx.shared[SHARED] = [progress.build(ctx.store, cohort, ctx.person, today or date.today(), day_titles(),
                                             content.logbook_column)
                              for cohort in access.trainer_cohorts(ctx)]
    found: list[progress.Matrix] = ctx.shared[SHARED]
    return found


def cell_html(state: str, content: TrainerContent, column: progress.Column | None = None) -> str:
    """One cell: the state's sign (hidden from screen readers) and word; ``data-exercise`` names the column."""
    shown = getattr(content.states, state)
    which = f' data-exercise="{html.escape(column.page)}.{html.escape(column.exercise)}"' if column else ""
    return (f'<td class="ww-state-{state}"{which}><span aria-hidden="true">'
            f"{html.escape(shown.icon)}</span> {html.escape(shown.label)}</td>")


def legend_html(content: TrainerContent) -> str:
    part = content.exercises.matrix
    items = "".join(f'<li class="ww-state-{name}"><span class="ww-state-icon" aria-hidden="true">'
                    f"{html.escape(getattr(content.states, name).icon)}</span> "
                    f"{html.escape(getattr(content.states, name).label)}</li>" for name in progress.STATES)
    return (f'<div class="ww-matrix-legend"><h3>{html.escape(part.legend_title)}</h3><ul>{items}</ul>'
            f"{render_markdown(part.rules)}</div>")


def table_html(matrix: progress.Matrix, content: TrainerContent) -> str:
    """The table; the "nu" column stands after the days whose date has come."""
    part = content.exercises.matrix
    now_at = matrix.now_after()
    now_head = (f'<th scope="col" rowspan="2" class="ww-now"><span class="ww-now-mark">▼ {html.escape(part.now)}'
                "</span></th>")
    top = [f'<th scope="col" rowspan="2">{html.escape(part.participant_header)}</th>',
           f'<th scope="col" rowspan="2">{html.escape(part.group_header)}</th>']
    sub: list[str] = []
    for index, day in enumerate(matrix.days):
        if index == now_at:
            top.append(now_head)
        when = part.expected_by.format(datum=long_date(day.expected)) if day.expected else part.no_date
        top.append(f'<th scope="colgroup" colspan="{len(day.columns)}" class="ww-matrix-day">'
                   f'{html.escape(day.title)}<br><span class="ww-hint">{html.escape(when)}</span></th>')
        sub.extend(f'<th scope="col">{html.escape(c.title)}</th>' for c in day.columns)
    if now_at == len(matrix.days):
        top.append(now_head)
    body = []
    for row in matrix.rows:
        cells = []
        for index, day in enumerate(matrix.days):
            if index == now_at:
                cells.append('<td class="ww-now"></td>')
            cells.extend(cell_html(row.states[(c.page, c.exercise)], content, c) for c in day.columns)
        if now_at == len(matrix.days):
            cells.append('<td class="ww-now"></td>')
        group = name_html(row.group) if row.group else html.escape(part.no_group)
        body.append(f'<tr><th scope="row">{name_html(row.name)}</th><td>{group}</td>{"".join(cells)}</tr>')
    caption = html.escape(part.caption.format(cohort=matrix.cohort))
    return (f'<p class="ww-matrix-now">{html.escape(part.now_line.format(datum=long_date(matrix.today)))}</p>'
            f'<div class="ww-table-wrap ww-matrix-scroll" tabindex="0" role="region" aria-label="{html.escape(part.table_label)}">'
            f'<table class="ww-table ww-matrix"><caption>{caption}</caption><thead><tr>{"".join(top)}</tr>'
            f'<tr>{"".join(sub)}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def matrices_html(found: list[progress.Matrix], content: TrainerContent) -> str:
    if not found:
        return f'<p class="ww-empty">{html.escape(content.no_cohort)}</p>'
    return "".join(table_html(m, content) if m.rows
                   else f'<p class="ww-empty">{html.escape(content.no_participants)}</p>' for m in found)


class MatrixView(Exercise):
    """The matrix with "Vernieuwen" and the legend."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        part = self.content.exercises.matrix
        self.table = static_html("", "ww-table-wrap ww-matrix-box")
        self.refresh_button = button(self.content.refresh_button, "refresh")
        self.refresh_button.on_click(lambda _: self.show(refresh=True))
        super().__init__(part.title, part.instruction,
                         [self.refresh_button, self.table, static_html(legend_html(self.content))])
        self.show()

    def show(self, *, refresh: bool = False) -> None:
        try:
            self.table.value = matrices_html(matrices(self.ctx, refresh=refresh), self.content)
        except StoreUnavailable as exc:
            self.table.value = notice_html(exc.message, "error")


def section(ctx: Context) -> widgets.Widget:
    """The ``matrix`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return MatrixView(ctx)
