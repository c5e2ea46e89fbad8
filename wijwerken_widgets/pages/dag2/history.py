"""Dag 2: who changed what on the map, and bringing back a stakeholder that was taken off."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import LOCAL_TIME, clock
from wijwerken_widgets.core.html import escaped, format_html
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.keys import RELATION, STAKEHOLDER
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.store import MapItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content, HistoryPart

SHOWN = 15


def _when(item: MapItem) -> str:
    return f"{item.changed_at.astimezone(LOCAL_TIME):%d-%m} {clock(item.changed_at)}"


def describe(item: MapItem, session: MapSession, content: HistoryPart | None = None) -> str:
    """One change in plain Dutch, as HTML with every name isolated: "12-05 14:03 · Anna zette 'Wijkagent' op de
    kaart"."""
    content = content or texts.load().exercises.history
    who = session.author(item.person_id)
    if item.kind == RELATION:
        names = session.map.by_id()
        van, naar = (names[i].naam if i in names else content.removed_stakeholder
                     for i in (item.data.get("van"), item.data.get("naar")))
        what = format_html(content.relation, van=van, naar=naar)
    else:
        what = format_html(content.stakeholder, naam=item.data.get("naam", "?"))
    done = content.removed if item.deleted else (content.added if item.version == 1 else content.changed)
    return f"{_when(item)} · {format_html(done, who=who, what=what)}"


def describe_batch(items: list[MapItem], session: MapSession, page: Dag2Content | None = None) -> str:
    """One save of many items (an import) in one line of HTML: "12-05 14:03 · Anna zette of wijzigde 12 stakeholders
    en 9 relaties in één keer"."""
    page = page or texts.load()
    content = page.exercises.history
    counts = {name: sum(i.kind == kind for i in items) for name, kind in
              (("stakeholders", STAKEHOLDER), ("relations", RELATION))}
    said = texts.counts(page, **{name: n for name, n in counts.items() if n})
    what = escaped(content.both.format(**said) if len(said) == 2 else next(iter(said.values()), ""))
    return f"{_when(items[0])} · {format_html(content.batch, who=session.author(items[0].person_id), what=what)}"


def lines(history: list[MapItem], session: MapSession, page: Dag2Content | None = None) -> list[str]:
    """The history in Dutch as HTML, one line per change, or one line for a save of more than three items."""
    page = page or texts.load()
    batches: list[list[MapItem]] = []
    for item in history:
        if batches and (batches[-1][0].person_id, batches[-1][0].changed_at) == (item.person_id, item.changed_at):
            batches[-1].append(item)
        else:
            batches.append([item])
    out = []
    for batch in batches:
        out += ([describe_batch(batch, session, page)] if len(batch) > 3
                else [describe(i, session, page.exercises.history) for i in batch])
    return out


class HistoryView(widgets.VBox):
    """The latest changes (attributed) and a restore for removed stakeholders."""

    def __init__(self, session: MapSession, page: Dag2Content | None = None) -> None:
        self.session = session
        self.page = page or texts.load()
        self.content = content = self.page.exercises.history
        self.changes = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-history",))
        self.removed = widgets.Dropdown(description=content.removed_label, options=[], layout=styles.layout())
        self.restore_button = button(content.restore_button, "undo")
        self.restore_box = widgets.VBox([self.removed, self.restore_button], layout=widgets.Layout(display="none"))
        self.feedback = Feedback()
        self.restore_button.on_click(lambda _: self.restore())
        super().__init__([self.changes, self.restore_box, self.feedback], layout=styles.layout())
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        try:
            history = self.session.history(SHOWN)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        items = "".join(f"<li>{line}</li>" for line in lines(history, self.session, self.page))
        value = (f"<ul class='ww-history-list'>{items}</ul>" if items
                 else f"<p class='ww-hint'>{html.escape(self.content.empty)}</p>")
        if value != self.changes.value:
            self.changes.value = value
        removed = [(s.naam, s.id) for s, _ in self.session.removed_stakeholders()]
        if removed != list(self.removed.options):
            current = self.removed.value
            ids = [item_id for _, item_id in removed]
            with self.removed.hold_sync():  # ipywidgets 8 leaves the value empty when the options change
                self.removed.options = removed
                self.removed.value = current if current in ids else (ids[0] if ids else None)
            self.feedback.clear()  # an earlier "staat weer op de kaart" is old news now
        self.restore_box.layout.display = "" if removed else "none"

    def restore(self) -> None:
        item_id = self.removed.value
        if item_id is None:
            return
        try:
            self.session.restore(item_id)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        naam = self.session.map.by_id()[item_id].naam
        self.feedback.show(self.content.restored.format(naam=naam), "success")


def section(ctx: Context) -> widgets.Widget:
    """The ``history`` part of ``dag2.yaml``: who changed what on the map (nothing for someone in no group)."""
    page, current = texts.load(), page_map(ctx)
    return hidden() if current is None else Exercise(page.exercises.history.title, page.exercises.history.instruction,
                                                     [HistoryView(current, page)])
