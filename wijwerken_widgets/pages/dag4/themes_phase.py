"""Dag 4: silent first, then together. Each member says when they are done with their own quotes; anyone can then
reveal, after which everybody sees everybody's links (the history keeps who linked what in which phase)."""

from __future__ import annotations

import html
from dataclasses import replace

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.shared.act.items import SILENT, TOGETHER, Fase
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, confirm_first, static_html
from wijwerken_widgets.ui.notices import Feedback


class PhaseBar(widgets.VBox):
    """Where the group is: the silent phase with "Ik ben klaar" and the reveal, or together."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.words = analysis, analysis.part.phase
        self.text = static_html("")
        self.done = button(self.words.done_button, "check")
        self.done.on_click(lambda _: self._toggle_done())
        self.reveal = button(self.words.reveal_button, "eye")
        confirm_first(self.reveal, self.words.reveal_confirm, self._reveal)
        self.feedback = Feedback()
        self.buttons = widgets.HBox([self.done, self.reveal], layout=styles.plain_layout())
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-analysis-phase",))
        analysis.on_change(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        words, phase = self.words, self.analysis.session.phase()
        if phase.fase == SILENT:
            members = self.analysis.members()
            done = len([m for m in members if m.id in phase.klaar])
            count = words.done_count.format(klaar=done, totaal=len(members))
            value = (f"<h3>{html.escape(words.silent_title)}</h3>{render_markdown(words.silent_text)}"
                     f"<p class='ww-analysis-count' role='status'>{html.escape(count)}</p>")
            mine = self.analysis.me in phase.klaar
            label = words.not_done_button if mine else words.done_button
            if self.done.description != label:
                self.done.description = label
            children = [self.text, self.buttons, self.feedback] if not self.analysis.trainer else [self.text]
        else:
            value = f"<h3>{html.escape(words.together_title)}</h3>{render_markdown(words.together_text)}"
            children = [self.text]
        if self.text.value != value:
            self.text.value = value
        if list(self.children) != children:
            self.children = children

    def _save(self, change: object) -> None:
        def build(item: GroupItem | None) -> dict | None:
            current = Fase() if item is None else Fase.of(item)
            new = change(current)  # type: ignore[operator]
            return None if new == current else new.data()

        try:
            self.analysis.session.update(Fase.KIND, Fase.ID, build)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")

    def _toggle_done(self) -> None:
        me = self.analysis.me

        def toggle(phase: Fase) -> Fase:
            klaar = tuple(p for p in phase.klaar if p != me) if me in phase.klaar else (*phase.klaar, me)
            return replace(phase, klaar=klaar)

        self._save(toggle)

    def _reveal(self) -> None:
        self.reveal.description, self.reveal.button_style = self.words.reveal_button, ""
        self._save(lambda phase: replace(phase, fase=TOGETHER))
