"""Under the actieplan: the group's choice to share its rode draden and actions with other municipalities
(kruisbestuiving, the trainers' page ``kruisbestuiving.ipynb``). One group item (``shared.act.items.Delen``), off
until a member ticks it; any member may change it.

A tick is saved from the version this tab showed: when a groupmate changed the choice in between, nothing is
written (the store refuses the stale save), the box shows the groupmate's choice and the line under it says so, so
a stale click never silently wins. A groupmate's change shows when polling brings it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag4.plan_schema import ShareChoiceTexts
from wijwerken_widgets.shared.act.items import Delen
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.store import ItemChange, StaleItems, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.notices import Feedback


class ShareChoice(widgets.VBox):
    """The checkbox "Delen voor kruisbestuiving …", what is shared and what not, and a status line."""

    def __init__(self, session: ActSession, words: ShareChoiceTexts) -> None:
        self.session, self.words = session, words
        self.version: int | None = None
        self._quiet = False
        self.box = widgets.Checkbox(False, description=words.label, indent=False,
                                    layout=widgets.Layout(width="auto"), _dom_classes=("ww-share-choice",))
        self.box.disabled = session.ctx.person.role == "trainer"  # the group decides
        self.box.observe(self._ticked, "value")
        self.feedback = Feedback()
        super().__init__([markdown(f"### {words.title}\n\n{words.explanation}"), self.box, self.feedback],
                         layout=styles.layout(), _dom_classes=("ww-share",))
        session.on_change(lambda _: self.refresh())
        self.refresh()

    def current(self) -> tuple[bool, int | None]:
        found = self.session.item(Delen.KIND, Delen.ID)
        return (False, None) if found is None else (Delen.of(found).aan, found.version)

    def refresh(self) -> None:
        """Show the stored choice (a groupmate's change arrives here)."""
        value, version = self.current()
        self.version = version
        if self.box.value != value:
            self._set(value)

    def _set(self, value: bool) -> None:
        self._quiet = True
        try:
            self.box.value = value
        finally:
            self._quiet = False

    def _ticked(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        wanted, base = bool(change["new"]), self.version
        try:
            self.session.save([ItemChange(Delen.KIND, Delen.ID, Delen(aan=wanted).data(), base)])
        except StaleItems:
            value, _version = self.current()
            self.refresh()
            found = self.session.item(Delen.KIND, Delen.ID)
            who = self.session.author(found.person_id) if found is not None else ""
            text = self.words.changed_by.format(naam=isolated(who), tijd=clock(found.changed_at) if found else "",
                                                stand=self.words.on if value else self.words.off)
            self.feedback.show(text, "warning")
            return
        except StoreUnavailable as exc:
            self._set(not wanted)
            self.feedback.show(exc.message, "error")
            return
        self.refresh()
        self.feedback.show(self.words.on_saved if wanted else self.words.off_saved, "success")
