"""Dag 2: download the group's map (CSV, Excel, GraphML, GEXF, Kumu JSON, offline HTML) without leaving the server.

A click builds the file in the kernel and offers it as a ``data:`` link, so nothing is written to disk and no
other host is involved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import download_link
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import ExportPart

log = logging.getLogger("wijwerken")


def _standalone(m: StakeholderMap, title: str) -> bytes:
    from wijwerken_widgets.pages.dag2 import network_draw

    return network_draw.standalone_document(m, network_draw.place_new(m, m.positions), title).encode("utf-8")


def formats(title: str, labels) -> list[tuple[str, str, str, Callable[[StakeholderMap], bytes]]]:
    """(button text, file extension, MIME type, maker) for every export; ``labels``: the YAML's ``buttons``."""
    from wijwerken_widgets.shared.stakeholders import tables

    return [
        (labels.excel, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", tables.to_xlsx),
        (labels.csv, "csv", "text/csv", tables.to_csv),
        (labels.webpage, "html", "text/html", lambda m: _standalone(m, title)),
        (labels.graphml, "graphml", "application/graphml+xml", tables.to_graphml),
        (labels.gexf, "gexf", "application/gexf+xml", tables.to_gexf),
        (labels.kumu, "json", "application/json", tables.to_kumu_json),
    ]


class ExportView(widgets.VBox):
    def __init__(self, session: MapSession, part: ExportPart | None = None) -> None:
        self.session = session
        self.content = content = part or texts.load().exercises.export
        assert session.ctx.group is not None, "a MapSession belongs to a group"
        group = session.ctx.group.name
        self.title = content.document_title.format(group=isolated(group))
        self.stem = f"{content.file_name}-" + "".join(c if c.isalnum() else "-" for c in group.lower()).strip("-")
        self.link = widgets.HTML(layout=styles.layout())
        buttons = []
        for label, extension, mime, make in formats(self.title, content.buttons):
            control = button(label, "download")
            control.on_click(lambda _, e=extension, m=mime, f=make: self.export(e, m, f))
            buttons.append(control)
        super().__init__([widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap")), self.link],
                         layout=styles.layout())

    def export(self, extension: str, mime: str, make: Callable[[StakeholderMap], bytes]) -> None:
        try:
            data = make(self.session.map)
        except Exception:
            log.exception("export %s failed", extension)
            self.link.value = notice_html(self.content.failed, "error")
            return
        filename = f"{self.stem}-{date.today().isoformat()}.{extension}"
        self.link.value = download_link(data, filename, mime)


def section(ctx: Context) -> widgets.Widget:
    """The ``export`` part of ``dag2.yaml``: the map's downloads (nothing for someone in no group)."""
    part, current = texts.load().exercises.export, page_map(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [ExportView(current, part)])
