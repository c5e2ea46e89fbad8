"""Dag 1, oefening 4: "Is het probleem wel het echte probleem?".

Vijf keer waarom and a simple probleemboom dig to underlying causes; perspectieven record whose definition of the
problem each view is (asked, or still an assumption); a reflection closes the exercise. The grey examples follow the
chosen vraagstuk.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.content.loader import TextField
from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.pages.dag1.vraagstuk_choice import follow_examples
from wijwerken_widgets.ui.autosave import Autosave, SaveStatus, autosave_form, autosave_widget
from wijwerken_widgets.ui.blocks import (
    Exercise,
    box,
    details_html,
    heading_html,
    joined,
    labelled,
    static_html,
    text_input,
)
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.row_list import Column, RowList

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag1.schema import RealProblem as Content


def _subheading(title: str, instruction: str, fold_out: tuple[str, str] | None = None) -> widgets.HTML:
    """A part's heading and instruction, with its examples fold-out (``(summary, body_html)``) in the same widget."""
    extra = f'<div class="ww-details">{joined(details_html(*fold_out))}</div>' if fold_out else ""
    return static_html(heading_html(title, instruction, level=3) + extra, "ww-text")


class RealProblemExercise(Exercise):
    """Four autosaved parts: why chain, problem tree, perspectives and reflection."""

    def __init__(self, ctx: Context, content: Content) -> None:
        chain = content.why_chain
        self.why_inputs: dict[str, widgets.ValueWidget] = {"start": text_input(chain.start, single_line=True)}
        for n in range(1, chain.steps + 1):
            step = TextField(label=chain.step_label.format(n=n), placeholder=chain.step_placeholder)
            self.why_inputs[f"waarom_{n}"] = text_input(step, single_line=True)
        self.why_inputs["oorzaak"] = text_input(chain.underlying, rows=2)
        self.why_status = SaveStatus()
        self.why_saver = autosave_form(ctx, keys.WAAROM, self.why_inputs, self.why_status)
        why_fields = [labelled(chain.start, self.why_inputs["start"])]
        for n in range(1, chain.steps + 1):
            label = TextField(label=chain.step_label.format(n=n))
            why_fields.append(labelled(label, self.why_inputs[f"waarom_{n}"], css_class="ww-field ww-why-step"))
        why_fields.append(labelled(chain.underlying, self.why_inputs["oorzaak"]))
        example = "".join(f"<li>{html.escape(line)}</li>" for line in chain.example)

        tree = content.problem_tree
        self.tree_inputs = {"oorzaken": text_input(tree.causes, rows=4), "probleem": text_input(tree.problem, rows=2),
                            "gevolgen": text_input(tree.effects, rows=4)}
        self.tree_status = SaveStatus()
        self.tree_saver = autosave_form(ctx, keys.PROBLEEMBOOM, self.tree_inputs, self.tree_status)
        tree_grid = box([
            labelled(tree.effects, self.tree_inputs["gevolgen"]),
            labelled(tree.problem, self.tree_inputs["probleem"]),
            labelled(tree.causes, self.tree_inputs["oorzaken"]),
        ], "ww-tree")

        persp = content.perspectives
        self.perspectives = RowList(
            [Column("who", persp.who.label, persp.who.placeholder),
             Column("definition", persp.definition.label, persp.definition.placeholder),
             Column("source", persp.source_label, options=tuple(persp.source_options))],
            add_label=persp.add_button, remove_label=persp.remove_button,
            confirm_label=persp.remove_confirm, empty_text=persp.empty_text,
        )
        self.perspectives_status = SaveStatus()
        self.perspectives_saver = Autosave(
            ctx, keys.PERSPECTIEVEN, get_value=lambda: self.perspectives.value,
            set_value=lambda rows: setattr(self.perspectives, "value", rows), status=self.perspectives_status, empty=[],
        )
        self.perspectives.on_change(self.perspectives_saver.changed)
        self.perspectives.keep_fields(self.perspectives_saver.keep_field)
        persp_examples = "".join(
            f"<li><b>{html.escape(e.who)}</b>: <q>{html.escape(e.definition)}</q> <i>({html.escape(e.source)})</i></li>"
            for e in persp.examples
        )

        self.reflection = text_input(content.reflection, rows=3)
        self.reflection_status = SaveStatus()
        self.reflection_saver = autosave_widget(ctx, keys.REFLECTIE, self.reflection, self.reflection_status)

        follow_examples(ctx, content.placeholders, {
            "start": self.why_inputs["start"], "oorzaak": self.why_inputs["oorzaak"], **self.tree_inputs,
            "perspectives": self.perspectives, "reflectie": self.reflection,
        })
        super().__init__(content.title, content.instruction, [
            _subheading(chain.title, chain.instruction,
                        (chain.example_title, f"<ol class='ww-why-example'>{example}</ol>")),
            *why_fields, self.why_status,
            _subheading(tree.title, tree.instruction), tree_grid, self.tree_status,
            _subheading(persp.title, persp.instruction,
                        (persp.examples_title, f"<ul class='ww-examples'>{persp_examples}</ul>") if persp_examples else None),
            self.perspectives, self.perspectives_status,
            labelled(content.reflection, self.reflection, self.reflection_status),
        ])


def section(ctx: Context) -> widgets.Widget:
    """The ``real_problem`` exercise of ``dag1.yaml``."""
    return RealProblemExercise(ctx, texts.load().exercises.real_problem)
