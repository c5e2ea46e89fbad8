"""Dag 1, oefening 3: aannames — what you assume, and how and with whom you will check each one (the grey
examples follow the chosen vraagstuk)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.pages.dag1.vraagstuk_choice import follow_examples
from wijwerken_widgets.ui.autosave import Autosave, SaveStatus
from wijwerken_widgets.ui.blocks import Exercise, details
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.row_list import Column, RowList

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag1.schema import Assumptions as Content


class AssumptionsExercise(Exercise):
    """A list of ``{assumption, how, with_whom}`` rows, autosaved as one answer."""

    def __init__(self, ctx: Context, content: Content) -> None:
        cols = content.columns
        self.rows = RowList(
            [Column(name, field.label, field.placeholder)
             for name, field in (("assumption", cols.assumption), ("how", cols.how), ("with_whom", cols.with_whom))],
            add_label=content.add_button, remove_label=content.remove_button,
            confirm_label=content.remove_confirm, empty_text=content.empty_text,
        )
        self.status = SaveStatus()
        self.saver = Autosave(ctx, keys.AANNAMES, get_value=lambda: self.rows.value,
                              set_value=lambda rows: setattr(self.rows, "value", rows), status=self.status, empty=[])
        self.rows.on_change(self.saver.changed)
        self.rows.keep_fields(self.saver.keep_field)
        examples = "".join(
            f"<li><b>{html.escape(e.assumption)}</b><br>{html.escape(cols.how.label)} {html.escape(e.how)}<br>"
            f"{html.escape(cols.with_whom.label)} {html.escape(e.with_whom)}</li>"
            for e in content.examples
        )
        follow_examples(ctx, content.placeholders, {"rows": self.rows})
        parts = [self.rows, self.status]
        if examples:
            parts.append(details(content.examples_title, f"<ul class='ww-examples'>{examples}</ul>"))
        super().__init__(content.title, content.instruction, parts)


def section(ctx: Context) -> widgets.Widget:
    """The ``assumptions`` exercise of ``dag1.yaml``."""
    return AssumptionsExercise(ctx, texts.load().exercises.assumptions)
