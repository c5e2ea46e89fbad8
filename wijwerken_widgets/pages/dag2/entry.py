"""Dag 2: add and change stakeholders and relations: a form (at once), a table, an import and relations (built when
their tab is first opened). Its parts are the ``entry_*`` modules; their texts are ``exercises.entry`` of the YAML."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.groups import group_links
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import message

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart


class MapStatus(widgets.HBox):
    """"Kaart van Team Wijk: 12 stakeholders, 9 relaties · bijgewerkt 14:03" and a Vernieuwen button."""

    def __init__(self, session: MapSession, part: EntryPart) -> None:
        self.session = session
        self.template = part.status
        self.page = texts.load()
        self.text = widgets.Label(style=styles.label_style(), _dom_classes=("ww-map-status",))
        refresh = button(part.refresh_button, "refresh")
        refresh.on_click(lambda _: self.refresh())
        super().__init__([self.text, refresh], layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        session.on_change(lambda _: self.show())
        self.show()

    def refresh(self) -> None:
        try:
            self.session.reload()
        except StoreUnavailable as exc:
            self.text.value = exc.message
            return
        self.show()

    def show(self) -> None:
        m = self.session.map
        counts = texts.counts(self.page, stakeholders=len(m), relations=len(m.relations))
        self.text.value = self.template.format(group=isolated(self.session.ctx.group.name), time=clock(datetime.now(timezone.utc)),
                                               **counts)


def section(ctx: Context) -> widgets.Widget:
    """The ``entry`` part of ``dag2.yaml``; a notice for someone in no group."""
    from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
    from wijwerken_widgets.pages.dag2.entry_import import StakeholderImport
    from wijwerken_widgets.pages.dag2.entry_relations import RelationForm
    from wijwerken_widgets.pages.dag2.entry_table import StakeholderTable

    content = texts.load()
    part = content.exercises.entry
    current = page_map(ctx)
    if current is None:
        return message(content.no_group.strip(), "info")
    makers = (lambda: StakeholderForm(current, part), lambda: StakeholderTable(current, part),
              lambda: StakeholderImport(current, part), lambda: RelationForm(current, part))
    slots = [widgets.VBox([makers[0]()])] + [widgets.VBox() for _ in makers[1:]]
    titles = (part.tabs.form, part.tabs.table, part.tabs.importer, part.tabs.relations)
    tabs = widgets.Tab(children=slots, titles=titles, selected_index=0, layout=styles.layout(),
                       _dom_classes=("ww-entry-tabs",))

    def opened(change) -> None:
        index = change["new"]
        if index is not None and not slots[index].children:
            slots[index].children = [makers[index]()]

    tabs.observe(opened, names="selected_index")
    top = [group_links(ctx, current.ctx.group, part.trainer_intro)] if ctx.group is None else []
    return Exercise(part.title, part.instruction, [*top, MapStatus(current, part), tabs])
