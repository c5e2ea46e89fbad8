"""Small building blocks shared by the exercise widgets: Markdown, exercise frames, labelled inputs.

Static pieces share their layout and style models (see ``shared``), and text that belongs together (a heading and
its instruction, a label and its tips) is one widget.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.ui import styles, texts
from wijwerken_widgets.ui.autosave import adopt_statuses

if TYPE_CHECKING:
    from wijwerken_widgets.content.schema import TextField


def _classes(css_class: str | None) -> tuple[str, ...]:
    """CSS classes (space-separated) given at construction: adding them afterwards costs a message each."""
    return tuple(css_class.split()) if css_class else ()


def static_html(value: str, css_class: str | None = None) -> widgets.HTML:
    """HTML that is never hidden on its own; ``value`` must already be safe (escaped)."""
    return widgets.HTML(value, layout=styles.layout(), style=styles.html_style(), _dom_classes=_classes(css_class))


def hidden() -> widgets.HTML:
    """Nothing to show (a section that does not apply to this person), as one invisible widget."""
    return widgets.HTML(layout=widgets.Layout(display="none"))


def button(description: str, icon: str = "", css_class: str | None = None) -> widgets.Button:
    """A button that is never hidden on its own."""
    return widgets.Button(description=description, icon=icon, layout=styles.plain_layout(), style=styles.button_style(),
                          _dom_classes=_classes(css_class))


def confirm_first(control: widgets.Button, confirm_text: str, action: Callable[[], None]) -> None:
    """A remove button that asks first: its first click turns it into ``confirm_text`` ("Zeker weten? Klik
    nogmaals", red), the second click runs ``action`` (as the logboek's remove does)."""

    def clicked(_: widgets.Button) -> None:
        if control.description != confirm_text:
            with control.hold_sync():
                control.description, control.button_style = confirm_text, "danger"
            return
        action()

    control.on_click(clicked)


def box(children: Iterable[widgets.Widget], css_class: str | None = None) -> widgets.VBox:
    """A column that is never hidden on its own."""
    return adopt_statuses(widgets.VBox(list(children), layout=styles.layout(), _dom_classes=_classes(css_class)))


def markdown(text: str, css_class: str = "ww-text") -> widgets.HTML:
    """Trainer-written Markdown (raw HTML escaped)."""
    return static_html(render_markdown(text), css_class)


def details_html(summary: str, body_html: str) -> str:
    """A native fold-out (``<details>``); ``summary`` is escaped, ``body_html`` must already be safe."""
    return f"<details><summary>{html.escape(summary)}</summary>{body_html}</details>"


def joined(body_html: str) -> str:
    """Safe HTML that follows other HTML in the same widget, spaced as if it were a widget of its own."""
    return f'<div class="ww-joined">{body_html}</div>'


def details(summary: str, body_html: str, *more: tuple[str, str]) -> widgets.HTML:
    """One or more fold-outs (``(summary, body_html)`` pairs) in one widget, spaced as separate widgets."""
    rest = "".join(joined(details_html(s, b)) for s, b in more)
    return static_html(details_html(summary, body_html) + rest, "ww-details")


def heading_html(title: str, instruction: str, level: int = 2) -> str:
    return f"<h{level}>{html.escape(title)}</h{level}>{render_markdown(instruction)}"


def exercise_children(
    title: str, instruction: str, children: Iterable[widgets.Widget], lead_html: str = ""
) -> list[widgets.Widget]:
    """An exercise's content: title, instruction and any ``lead_html`` (one widget), then its inputs."""
    return [static_html(heading_html(title, instruction) + lead_html, "ww-text"), *children]


class Exercise(widgets.VBox):
    """Base of the exercise widgets: title and instruction above the inputs, with the exercise styling.

    ``lead_html`` (already safe) is static text shown right under the instruction, in the same widget.
    """

    def __init__(
        self, title: str, instruction: str, children: Iterable[widgets.Widget], lead_html: str = ""
    ) -> None:
        super().__init__(exercise_children(title, instruction, children, lead_html), layout=styles.layout(),
                         _dom_classes=("ww-exercise",))
        adopt_statuses(self)


def text_input(field: TextField, *, rows: int = 3, single_line: bool = False, value: str = "") -> widgets.Widget:
    """A Text/Textarea with the field's placeholder; the label and help are added by :func:`labelled`."""
    common = dict(value=value, placeholder=field.placeholder, layout=styles.layout(), style=styles.text_style(),
                  continuous_update=True)
    if single_line:
        return widgets.Text(**common)
    return widgets.Textarea(rows=rows, **common)


def label_html(field: TextField) -> str:
    """The field's label and, when it has one, its help as a fold-out (titled ``fields.help_summary``)."""
    label = f'<label class="ww-label">{html.escape(field.label)}</label>'
    if field.help:
        summary = texts.load().fields.help_summary
        label += f'<div class="ww-details">{details_html(summary, render_markdown(field.help))}</div>'
    return label


def labelled(
    field: TextField, control: widgets.Widget, *extra: widgets.Widget, css_class: str = "ww-field"
) -> widgets.VBox:
    """Label (with tips) above the control, then any extra widgets (status, coaching)."""
    return box([static_html(label_html(field)), control, *extra], css_class)
