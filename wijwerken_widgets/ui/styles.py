"""Layout and style models shared by many widgets of a page.

Every widget, layout and style is a model that the browser receives when a page opens; widgets that are never
hidden or resized on their own can share one layout and one style instead of bringing their own.
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_string import HTMLStyle, LabelStyle, TextStyle


@functools.cache
def layout() -> widgets.Layout:
    """Full width (``auto``); never change it on one widget, give that widget its own layout instead."""
    return widgets.Layout(width="auto")


@functools.cache
def html_style() -> HTMLStyle:
    return HTMLStyle()


@functools.cache
def text_style() -> TextStyle:
    return TextStyle()


@functools.cache
def label_style() -> LabelStyle:
    return LabelStyle()


@functools.cache
def button_style() -> ButtonStyle:
    return ButtonStyle()


@functools.cache
def plain_layout() -> widgets.Layout:
    """No layout settings at all (each widget's own default look); never change it on one widget."""
    return widgets.Layout()
