"""Wie mist nog?: choose an exercise, get the names of who does not have it klaar yet and a mail text with those
names, both in a text box to copy. Nothing is sent: the workbook has no mail server."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.trainer import progress, texts
from wijwerken_widgets.pages.trainer.matrix import matrices
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.trainer.schema import MissingPart


def choices(found: list[progress.Matrix]) -> list[tuple[str, tuple[int, str, str]]]:
    """(label, (matrix index, page, exercise)) of every column, labelled with its day."""
    return [(f"{day.title} · {column.title}", (index, column.page, column.exercise))
            for index, matrix in enumerate(found) for day in matrix.days for column in day.columns]


def mail_text(part: MissingPart, names: list[str], exercise: str, day: str, trainer: str) -> str:
    return part.mail.format(namen=part.name_separator.join(names), oefening=exercise, dag=day, trainer=trainer)


class MissingView(Exercise):
    """The choice of exercise, the count, and the two text boxes."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        part = self.part = self.content.exercises.missing
        style = {"description_width": "initial"}
        self.choice = widgets.Dropdown(description=part.exercise_label, layout=styles.layout(), style=style)
        self.summary = static_html("", "ww-missing-summary")
        self.names = widgets.Textarea(description=part.names_label, rows=3, layout=styles.layout(), style=style)
        self.mail = widgets.Textarea(description=part.mail_label, rows=10, layout=styles.layout(), style=style)
        super().__init__(part.title, part.instruction, [self.choice, self.summary, self.names, self.mail])
        self.add_class("ww-who-misses")
        try:
            options = choices(matrices(ctx))
        except StoreUnavailable as exc:
            self.summary.value = notice_html(exc.message, "error")
            options = []
        self.choice.options = options
        self.choice.observe(lambda _: self.show(), names="value")
        self.show()

    def show(self) -> None:
        """Fill the boxes for the chosen exercise (from the matrix as last read)."""
        if self.choice.value is None:
            self.summary.value, self.names.value, self.mail.value = "", "", ""
            return
        index, page, exercise = self.choice.value
        matrix = matrices(self.ctx)[index]
        day = next(d for d in matrix.days if d.page == page)
        column = next(c for c in day.columns if c.exercise == exercise)
        rows = progress.missing(matrix, column)
        total = sum(1 for r in matrix.rows if r.states.get((page, exercise)) != progress.OFF)
        names = [r.name for r in rows]
        if names:
            count = self.part.count.format(aantal=len(names), totaal=total, oefening=column.title)
            self.summary.value = f"<p>{html.escape(count)}</p>"
            self.names.value = self.part.name_separator.join(names)
            self.mail.value = mail_text(self.part, names, column.title, day.title, self.ctx.person.name)
        else:
            self.summary.value = f'<p>{html.escape(self.part.everyone.format(oefening=column.title))}</p>'
            self.names.value, self.mail.value = "", ""


def section(ctx: Context) -> widgets.Widget:
    """The ``missing`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return MissingView(ctx)
