"""The three months for trainers: per group how many actions there are, how many are klaar, haperen or stil, and
the open mini-interventies, with a link to that group's page (where the trainer watches, read-only)."""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.board import thresholds
from wijwerken_widgets.pages.maanden.schema import MaandenContent
from wijwerken_widgets.shared.act import overview
from wijwerken_widgets.shared.groups import trainer_groups
from wijwerken_widgets.store import Group, Store, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def group_counts(store: Store, group: Group, content: MaandenContent, today: date) -> dict[str, int]:
    """One group's actions: all, klaar, hapert, stil, and open mini-interventies (``shared.act.overview``)."""
    return overview.group_counts(store, group, thresholds(content.common), today)


class MonthsTrainerView(widgets.VBox):
    """Read-only overview of every group of the trainer's cohort, refreshed with "Vernieuwen"."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        self.overview = static_html("")
        refresh = button(self.content.common.refresh_button, "refresh")
        refresh.on_click(lambda _: self.show())
        super().__init__([refresh, self.overview], layout=styles.layout(), _dom_classes=("ww-maanden-trainer",))
        self.show()

    def show(self) -> None:
        part = self.content.exercises.trainer
        try:
            lines = []
            for group in trainer_groups(self.ctx):
                counts = group_counts(self.ctx.store, group, self.content, date.today())
                link = format_html(part.open_group, groep=group.name)
                lines.append(f"<li>{format_html(part.group_line, groep=group.name, **counts)} · "
                             f"<a href='?groep={group.id}'>{link}</a></li>")
        except StoreUnavailable as exc:
            self.overview.value = notice_html(exc.message, "error")
            return
        self.overview.value = (f"<ul>{''.join(lines)}</ul>" if lines
                               else f"<p class='ww-empty'>{html.escape(part.no_groups)}</p>")


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``maanden.yaml``: only for trainers."""
    if ctx.person.role != "trainer" or ctx.cohort is None:
        return hidden()
    part = texts.load().exercises.trainer
    return Exercise(part.title, part.instruction, [MonthsTrainerView(ctx)])
