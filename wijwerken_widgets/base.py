"""Small building blocks shared by the exercise widgets: Markdown, exercise frames, labelled inputs."""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets

from .content import TextField
from .page import render_markdown

FULL_WIDTH = {"width": "auto"}


def markdown(text: str, css_class: str = "ww-text") -> widgets.HTML:
    """Trainer-written Markdown (raw HTML escaped)."""
    box = widgets.HTML(render_markdown(text))
    box.add_class(css_class)
    return box


def details(summary: str, body_html: str) -> widgets.HTML:
    """A native fold-out (``<details>``); ``summary`` is escaped, ``body_html`` must already be safe."""
    box = widgets.HTML(f"<details><summary>{html.escape(summary)}</summary>{body_html}</details>")
    box.add_class("ww-details")
    return box


def exercise_frame(title: str, instruction: str, children: Iterable[widgets.Widget]) -> widgets.VBox:
    """An exercise: title, instruction (Markdown) and its inputs."""
    heading = widgets.HTML(f"<h2>{html.escape(title)}</h2>")
    frame = widgets.VBox([heading, markdown(instruction), *children])
    frame.add_class("ww-exercise")
    return frame


def text_input(field: TextField, *, rows: int = 3, single_line: bool = False) -> widgets.Widget:
    """A Text/Textarea with the field's placeholder; the label and help are added by :func:`labelled`."""
    if single_line:
        return widgets.Text(placeholder=field.placeholder, layout=FULL_WIDTH, continuous_update=True)
    return widgets.Textarea(placeholder=field.placeholder, rows=rows, layout=FULL_WIDTH, continuous_update=True)


def labelled(field: TextField, control: widgets.Widget, *extra: widgets.Widget) -> widgets.VBox:
    """Label above the control, the help text as a fold-out, then any extra widgets (status, coaching)."""
    label = widgets.HTML(f'<label class="ww-label">{html.escape(field.label)}</label>')
    parts: list[widgets.Widget] = [label]
    if field.help:
        parts.append(details("Tips", render_markdown(field.help)))
    box = widgets.VBox([*parts, control, *extra])
    box.add_class("ww-field")
    return box
