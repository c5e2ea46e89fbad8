"""Dag 1, oefening 2: probleem, doel en hoofdvraag, each autosaved, with live coaching and pilot examples; the grey
examples follow the kind of vraagstuk chosen in oefening 1."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.pages.dag1.vraagstuk_choice import follow_examples
from wijwerken_widgets.shared.coaching import coach_doel, coach_hoofdvraag, coach_probleem
from wijwerken_widgets.shared.coaching_panel import CoachingPanel
from wijwerken_widgets.ui.autosave import SaveStatus, autosave_widget
from wijwerken_widgets.ui.blocks import Exercise, details, labelled, text_input
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.live import RepeatedTips

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag1.schema import ProblemStatement as Content

KEYS = {"probleem": keys.PROBLEEM, "doel": keys.DOEL, "hoofdvraag": keys.HOOFDVRAAG}
COACHES = {"probleem": coach_probleem, "doel": coach_doel, "hoofdvraag": coach_hoofdvraag}


def examples_html(content: Content) -> tuple[str, str]:
    """The pilot examples and the before → after improvements, escaped."""
    good = "".join(
        f"<li><q>{html.escape(e.text)}</q><br><span class='ww-why'>{html.escape(e.why)}</span>"
        f" <span class='ww-source'>({html.escape(e.source)})</span></li>"
        for e in content.good_examples
    )
    better = "".join(
        f"<li><s>{html.escape(e.before)}</s><br>→ <q>{html.escape(e.after)}</q><br>"
        f"<span class='ww-why'>{html.escape(e.why)}</span></li>"
        for e in content.improvements
    )
    return f"<ul class='ww-examples'>{good}</ul>", f"<ul class='ww-examples'>{better}</ul>"


class ProblemStatementExercise(Exercise):
    """Three text fields; under each its save status and coaching that updates while typing."""

    def __init__(self, ctx: Context, content: Content) -> None:
        self.inputs: dict[str, widgets.Textarea] = {}
        self.savers = {}
        self.coaching: dict[str, CoachingPanel] = {}
        fields = []
        for name, key in KEYS.items():
            field = getattr(content.fields, name)
            control = text_input(field, rows=2 if name == "hoofdvraag" else 3)
            status = SaveStatus()
            self.inputs[name] = control
            self.savers[name] = autosave_widget(ctx, key, control, status)
            self.coaching[name] = CoachingPanel(content.coaching_title, control, COACHES[name])
            fields.append(labelled(field, control, status, self.coaching[name]))
        repeated = RepeatedTips(ctx)  # the same tip after three saves: the trainer's "vastgelopen?" on Vandaag
        fields_of = {key: name for name, key in KEYS.items()}

        def saved(key: str, _version) -> None:
            if (name := fields_of.get(key)) is not None:
                repeated.saved(name, [f.rule for f in self.coaching[name].feedback if f.kind == "tip"])

        ctx.on_saved(saved)
        follow_examples(ctx, content.placeholders, self.inputs)
        good, better = examples_html(content)
        super().__init__(content.title, content.instruction, [
            *fields,
            details(content.good_examples_title, good, (content.improvements_title, better)),
        ])


def section(ctx: Context) -> widgets.Widget:
    """The ``problem_statement`` exercise of ``dag1.yaml``."""
    return ProblemStatementExercise(ctx, texts.load().exercises.problem_statement)
