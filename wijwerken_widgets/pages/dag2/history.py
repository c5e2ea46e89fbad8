"""Dag 2: who changed what on the map, and bringing back a stakeholder that was taken off."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.keys import RELATION, STAKEHOLDER
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.store import MapItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import message

SHOWN = 15


def describe(item: MapItem, session: MapSession) -> str:
    """One change in plain Dutch: "14:03 Anna voegde 'Wijkagent' toe"."""
    who = session.author(item.person_id)
    if item.kind == RELATION:
        names = session.map.by_id()
        ends = [names[i].naam if i in names else "een weggehaalde stakeholder"
                for i in (item.data.get("van"), item.data.get("naar"))]
        what = f"de relatie {ends[0]} – {ends[1]}"
    else:
        what = f"'{item.data.get('naam', '?')}'"
    verb = "haalde" if item.deleted else ("zette" if item.version == 1 else "wijzigde")
    tail = " weg" if item.deleted else (" op de kaart" if item.version == 1 else "")
    return f"{item.changed_at.astimezone().strftime('%d-%m')} {clock(item.changed_at)} · {who} {verb} {what}{tail}"


def describe_batch(items: list[MapItem], session: MapSession) -> str:
    """One save of many items (an import) in one line: "14:03 · Anna zette 12 stakeholders en 9 relaties op de kaart"."""
    first = items[0]
    counts = [(sum(i.kind == kind for i in items), one, many) for kind, one, many in
              ((STAKEHOLDER, "stakeholder", "stakeholders"), (RELATION, "relatie", "relaties"))]
    what = " en ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
    when = f"{first.changed_at.astimezone().strftime('%d-%m')} {clock(first.changed_at)}"
    return f"{when} · {session.author(first.person_id)} zette of wijzigde {what} in één keer"


def lines(history: list[MapItem], session: MapSession) -> list[str]:
    """The history in Dutch, one line per change, or one line for a save of more than three items."""
    batches: list[list[MapItem]] = []
    for item in history:
        if batches and (batches[-1][0].person_id, batches[-1][0].changed_at) == (item.person_id, item.changed_at):
            batches[-1].append(item)
        else:
            batches.append([item])
    out = []
    for batch in batches:
        out += [describe_batch(batch, session)] if len(batch) > 3 else [describe(i, session) for i in batch]
    return out


class MapHistoryView(widgets.VBox):
    """The latest changes (attributed) and a restore for removed stakeholders."""

    def __init__(self, session: MapSession) -> None:
        self.session = session
        self.changes = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-history",))
        self.removed = widgets.Dropdown(description="Weggehaald", options=[], layout=styles.layout())
        self.restore_button = button("Zet terug op de kaart", "undo")
        self.restore_box = widgets.VBox([self.removed, self.restore_button], layout=widgets.Layout(display="none"))
        self.feedback = widgets.VBox(layout=styles.plain_layout())
        self.restore_button.on_click(lambda _: self.restore())
        super().__init__([self.changes, self.restore_box, self.feedback], layout=styles.layout())
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        try:
            history = self.session.history(SHOWN)
        except StoreUnavailable as exc:
            self.feedback.children = [message(exc.message, "error")]
            return
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines(history, self.session))
        value = f"<ul class='ww-history-list'>{items}</ul>" if items else "<p class='ww-hint'>Nog geen wijzigingen.</p>"
        if value != self.changes.value:
            self.changes.value = value
        removed = [(s.naam, s.id) for s, _ in self.session.removed_stakeholders()]
        if removed != list(self.removed.options):
            self.removed.options = removed
        self.restore_box.layout.display = "" if removed else "none"

    def restore(self) -> None:
        item_id = self.removed.value
        if item_id is None:
            return
        try:
            self.session.restore(item_id)
        except StoreUnavailable as exc:
            self.feedback.children = [message(exc.message, "error")]
            return
        naam = self.session.map.by_id()[item_id].naam
        self.feedback.children = [message(f"'{naam}' staat weer op de kaart.", "success")]


def section(ctx: Context) -> widgets.Widget:
    """The ``history`` part of ``dag2.yaml``: who changed what on the map (nothing for someone in no group)."""
    part, current = texts.load().exercises.history, page_map(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [MapHistoryView(current)])
