"""Dag 4: every change to the group's Dag 4 work, with who and when, and undo. In the silent phase a member does not
see groupmates' links here either."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock, long_date
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.shared.act import history, operations
from wijwerken_widgets.shared.act.items import SILENT, Koppeling
from wijwerken_widgets.store import StaleItems, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.notices import Feedback

SHOWN = 25
"""How many changes the list offers (the store keeps them all)."""


class HistoryView(widgets.VBox):
    """The latest changes, newest first; choose one and undo it."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.words = analysis, analysis.part.history
        words = self.words
        self.intro = static_html(f"<p>{html.escape(words.intro)}</p>")
        self.chooser = widgets.Select(description=words.choose_label, rows=8, layout=styles.layout(),
                                      style={"description_width": "initial"})
        self.undo_button = button(words.undo_button, "undo")
        self.undo_button.on_click(lambda _: self.undo())
        self.empty = static_html(f"<p class='ww-empty'>{html.escape(words.empty)}</p>")
        self.feedback = Feedback()
        self._changes: dict[str, history.Change] = {}
        self._versions: list = []
        self._revision = -1
        super().__init__([self.intro], layout=styles.layout(), _dom_classes=("ww-history",))
        analysis.on_change(self.refresh)
        self.refresh()

    def _visible(self, change: history.Change) -> bool:
        if self.analysis.phase != SILENT:
            return True
        return all(v.kind != Koppeling.KIND or Koppeling.of(v).door == self.analysis.me for v in change.versions)

    def refresh(self) -> None:
        session = self.analysis.session
        if session.revision == self._revision:
            return
        self._revision = session.revision
        self._versions = session.versions
        names = self.analysis.theme_names()
        shown = [c for c in history.changes(self._versions) if self._visible(c)][:SHOWN]
        self._changes = {c.key: c for c in shown}
        options = []
        for change in shown:
            what, name = history.describe(change, history.before(change, self._versions), names)
            template = self.words.what.get(what, self.words.what.get("anders", what))
            text = template.format(naam=isolated(name), aantal=len(change.versions))
            when = f"{long_date(change.changed_at)} {clock(change.changed_at)}"
            options.append((self.words.entry.format(tijd=when, wie=isolated(self.analysis.who(change.person_id)),
                                                    wat=text), change.key))
        self.chooser.options = options
        if options:
            self.chooser.value = options[0][1]
        tools = [] if self.analysis.trainer else [self.undo_button, self.feedback]  # the group undoes, not the trainer
        children = [self.intro, self.chooser, *tools] if options else [self.intro, self.empty]
        if list(self.children) != children:
            self.children = children

    def undo(self) -> None:
        change = self._changes.get(self.chooser.value or "")
        if change is None:
            return
        earlier = history.before(change, self._versions)
        session = self.analysis.session
        try:
            session.save(operations.undo(change.versions, earlier))
        except StaleItems as exc:
            who = self.analysis.who(exc.current[0].person_id) if exc.current else "?"
            self.feedback.show(self.words.undo_stale.format(wie=isolated(who)), "warning")
            return
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        self.feedback.show(self.words.undone, "success")
