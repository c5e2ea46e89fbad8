"""Dag 2: many stakeholders at once, from a pasted list or an Excel/CSV file, after a preview."""

from __future__ import annotations

import html
import logging

import ipywidgets as widgets

from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.notices import message

log = logging.getLogger("wijwerken")
MAX_UPLOAD = 5 * 1024 * 1024
PASTE_PLACEHOLDER = (
    "Eén naam per regel, bijvoorbeeld:\nWethouder Sociaal Domein\nBewoner Rozenstraat\nWijkagent\n\n"
    "Of plak rijen uit Excel (naam, soort, intern/extern, invloed, belang, houding, energie nu, gewenst, notitie)."
)


class StakeholderImport(widgets.VBox):
    """Paste or upload, see what will happen (new, updated, problems), then import in one save."""

    def __init__(self, session: MapSession) -> None:
        self.session = session
        self.pending = None
        self.paste = widgets.Textarea(placeholder=PASTE_PLACEHOLDER, rows=6, layout=styles.layout())
        self.read_paste = button("Bekijk wat er wordt toegevoegd", "eye")
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False,
                                         description="Kies een bestand (CSV of Excel)")
        self.upload.layout = widgets.Layout(width="auto")
        self.preview = widgets.HTML(layout=styles.layout())
        self.confirm = button("Importeren", "check", "ww-primary")
        self.confirm.layout = widgets.Layout(display="none")
        self.feedback = widgets.VBox(layout=styles.plain_layout())
        self.read_paste.on_click(lambda _: self.preview_paste())
        self.upload.observe(lambda _: self.preview_upload(), names="value")
        self.confirm.on_click(lambda _: self.commit())
        super().__init__([
            static_html("<label class='ww-label'>Plak een lijst</label>"), self.paste, self.read_paste,
            static_html("<label class='ww-label'>Of lees een bestand in</label>"
                        "<p class='ww-hint'>Een CSV- of Excel-bestand met een kolom <em>naam</em> (de andere kolommen "
                        "mogen ontbreken), zoals de export van deze kaart.</p>"),
            self.upload, self.preview, self.confirm, self.feedback,
        ], layout=styles.layout(), _dom_classes=("ww-stakeholder-import",))

    def preview_paste(self) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        self._show(tables.parse_pasted(self.paste.value))

    def preview_upload(self) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        if not self.upload.value:
            return
        upload = self.upload.value[0]
        name, data = upload["name"], bytes(upload["content"])
        if len(data) > MAX_UPLOAD:
            self._show(None, f"'{name}' is groter dan 5 MB; dat is te groot voor een stakeholderkaart.")
            return
        try:
            result = tables.read_file(name, data)
        except Exception:  # any unreadable file: a Dutch message, never a traceback
            log.warning("could not read uploaded file %r", name, exc_info=True)
            self._show(None, f"'{name}' kon niet worden gelezen. Is het een CSV- of Excel-bestand (.csv, .xlsx)?")
            return
        self._show(result)

    def _show(self, result, error: str | None = None) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        self.feedback.children = []
        self.pending = None
        if result is None or error:
            self.preview.value = ""
            self.confirm.layout.display = "none"
            self.feedback.children = [message(error or "", "error")]
            return
        new, updated = tables.merge_into(self.session.map, result.stakeholders, given=result.given)
        relations, unresolved = tables.resolve_relations(result.relations, self.session.map, new)
        problems = [*result.problems, *unresolved]
        parts = [f"<p><strong>{len(new)}</strong> nieuw, <strong>{len(updated)}</strong> bijgewerkt"
                 f"{f', <strong>{len(relations)}</strong> relaties' if relations else ''}.</p>"]
        if new:
            names = ", ".join(html.escape(s.naam) for s in new[:30]) + (" …" if len(new) > 30 else "")
            parts.append(f"<p>Nieuw: {names}</p>")
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:20])
            more = f"<li>… en nog {len(problems) - 20}</li>" if len(problems) > 20 else ""
            parts.append(f"<p>Dit wordt overgeslagen:</p><ul>{items}{more}</ul>")
        self.preview.value = f"<div class='ww-import-preview'>{''.join(parts)}</div>"
        if new or updated or relations:
            self.pending = (new, updated, relations)
            self.confirm.layout.display = ""
        else:
            self.preview.value = ""
            self.confirm.layout.display = "none"
            text = " ".join(problems) if problems else "Er is niets nieuws om toe te voegen: alles staat al op de kaart."
            self.feedback.children = [message(text, "error" if problems else "info")]

    def commit(self) -> None:
        if self.pending is None:
            return
        new, updated, relations = self.pending
        try:
            self.session.add([*new, *updated], relations)
        except StoreUnavailable as exc:
            self.feedback.children = [message(exc.message, "error")]
            return
        self.pending = None
        self.paste.value = ""
        self.preview.value = ""
        self.confirm.layout.display = "none"
        self.feedback.children = [message(f"{len(new)} nieuw en {len(updated)} bijgewerkt op de kaart gezet.",
                                          "success")]
