"""Per group of the trainer's cohorts: its actions (all, klaar, hapert, stil) and open mini-interventies
(``shared.act.overview``), with a link to that group's page of the months. An action is stil after the default
number of days per status (``Thresholds.default()``, the same as ``maanden.yaml`` ships)."""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.trainer import texts
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.act.monitoring import Thresholds
from wijwerken_widgets.shared.act.overview import group_counts
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def groups_html(ctx: Context, today: date) -> str:
    """One line per group of the trainer's cohorts; empty for anyone but a trainer."""
    if not access.for_trainer(ctx):
        return ""
    part = texts.load().exercises.groups
    lines = [f"<li>{format_html(part.group_line, groep=group.name, **group_counts(ctx.store, group, Thresholds.default(), today))}</li>"
             for cohort in access.trainer_cohorts(ctx) for group in ctx.store.groups(cohort.id)]
    return f"<ul>{''.join(lines)}</ul>" if lines else f"<p class='ww-empty'>{html.escape(part.no_groups)}</p>"


class GroupsView(Exercise):
    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        part = self.content.exercises.groups
        self.overview = static_html("")
        self.refresh_button = button(self.content.refresh_button, "refresh")
        self.refresh_button.on_click(lambda _: self.show())
        super().__init__(part.title, part.instruction, [self.refresh_button, self.overview])
        self.show()

    def show(self) -> None:
        try:
            self.overview.value = groups_html(self.ctx, date.today())
        except StoreUnavailable as exc:
            self.overview.value = notice_html(exc.message, "error")


def section(ctx: Context) -> widgets.Widget:
    """The ``groups`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return GroupsView(ctx)
