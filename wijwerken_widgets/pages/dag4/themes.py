"""Dag 4: the rode draden — the group's thematic analysis of its Dag 3 quotes.

The parts, each its own module: the phase (silent first, then together), the themes (make, rename, merge, split,
remove), assigning themes to quotes, evidence per theme, who was not heard, and the history with undo. They all
read one :class:`~wijwerken_widgets.pages.dag4.analysis.Analysis` and redraw when it changes.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.analysis import page_analysis
from wijwerken_widgets.pages.dag4.themes_editor import ThemeEditor
from wijwerken_widgets.pages.dag4.themes_evidence import EvidenceView
from wijwerken_widgets.pages.dag4.themes_gaps import GapsView
from wijwerken_widgets.pages.dag4.themes_history import HistoryView
from wijwerken_widgets.pages.dag4.themes_phase import PhaseBar
from wijwerken_widgets.pages.dag4.themes_quotes import QuoteAssigner
from wijwerken_widgets.shared.groups import group_links
from wijwerken_widgets.ui.blocks import Exercise, button, markdown, static_html
from wijwerken_widgets.ui.context import Context


def _heading(text: str) -> widgets.HTML:
    return static_html(f"<h3>{html.escape(text)}</h3>")


def section(ctx: Context) -> widgets.Widget:
    """The ``themes`` part of ``dag4.yaml``; someone in no group reads why there is nothing to do."""
    content = texts.load()
    part = content.exercises.themes
    analysis = page_analysis(ctx)
    if analysis is None:
        return Exercise(part.title, part.instruction, [markdown(part.no_group, "ww-notice")])
    refresh = button(content.common.refresh_button, "refresh")
    refresh.on_click(lambda _: analysis.sources.refresh())
    children: list[widgets.Widget] = []
    if analysis.trainer and ctx.cohort is not None:
        children.append(group_links(ctx, analysis.session.ctx.group, content.exercises.trainer.instruction))
    children += [
        PhaseBar(analysis),
        _heading(part.editor.choose_label), ThemeEditor(analysis),
        _heading(part.quotes.quote_label), QuoteAssigner(analysis), refresh,
        _heading(part.evidence.title), EvidenceView(analysis),
        _heading(part.gaps.title), GapsView(analysis),
        _heading(part.history.title), HistoryView(analysis),
    ]
    return Exercise(part.title, part.instruction, children)
