"""Dag 2: many stakeholders at once, from a pasted list or an Excel/CSV file, after a preview."""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import Html, format_html, name_html, render_markdown
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart

log = logging.getLogger("wijwerken")
MAX_UPLOAD_MB = 5
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024
NAMES_SHOWN, PROBLEMS_SHOWN = 30, 20


def _label(text: str) -> str:
    return f"<label class='ww-label'>{html.escape(text)}</label>"


def _strong(n: int | str) -> str:
    return f"<strong>{html.escape(str(n))}</strong>"


class StakeholderImport(widgets.VBox):
    """Paste or upload, see what will happen (new, updated, problems), then import in one save."""

    def __init__(self, session: MapSession, part: EntryPart | None = None) -> None:
        self.session = session
        self.content = content = (part or texts.load().exercises.entry).importer
        self.pending = None
        self._base: dict[str, dict] = {}  # stakeholder id → data the edit started from
        self.paste = widgets.Textarea(placeholder=content.paste.placeholder, rows=6, layout=styles.layout())
        self.read_paste = button(content.preview_button, "eye")
        # ipywidgets writes "<description> (<files>)" on the button; after a line break (ww-upload, widgets.css) the
        # count goes to a second line that the button's height cuts off.
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False,
                                         description=content.upload_button.strip() + "\n", tooltip=content.upload_button,
                                         _dom_classes=("ww-upload",))
        self.upload.layout = widgets.Layout(width="auto")
        self.preview = widgets.HTML(layout=styles.layout())
        self.confirm = button(content.confirm_button, "check", "ww-primary")
        self.confirm.layout = widgets.Layout(display="none")
        self.feedback = Feedback()
        self.read_paste.on_click(lambda _: self.preview_paste())
        self.upload.observe(lambda _: self.preview_upload(), names="value")
        self.confirm.on_click(lambda _: self.commit())
        super().__init__([
            static_html(_label(content.paste.label)), self.paste, self.read_paste,
            static_html(_label(content.file_label)
                        + f"<div class='ww-hint'>{render_markdown(content.file_help)}</div>"),
            self.upload, self.preview, self.confirm, self.feedback,
        ], layout=styles.layout(), _dom_classes=("ww-stakeholder-import",))

    def preview_paste(self) -> None:
        from wijwerken_widgets.shared.stakeholders import table_import

        self._show(table_import.parse_pasted(self.paste.value))

    def preview_upload(self) -> None:
        from wijwerken_widgets.shared.stakeholders import table_import

        if not self.upload.value:
            return
        upload = self.upload.value[0]
        name, data = upload["name"], bytes(upload["content"])
        if len(data) > MAX_UPLOAD:
            self._show(None, self.content.too_big.format(name=name, megabytes=MAX_UPLOAD_MB))
            return
        try:
            result = table_import.read_file(name, data)
        except Exception:  # any unreadable file: a Dutch message, never a traceback
            log.warning("could not read uploaded file %r", name, exc_info=True)
            self._show(None, self.content.unreadable.format(name=name))
            return
        self._show(result)

    def _show(self, result, error: str | None = None) -> None:
        from wijwerken_widgets.shared.stakeholders import table_import

        content = self.content
        self.feedback.clear()
        self.pending = None
        if result is None or error:
            self.preview.value = ""
            self.confirm.layout.display = "none"
            self.feedback.show(error or "", "error")
            return
        new, updated = table_import.merge_into(self.session.map, result.stakeholders, given=result.given)
        relations, unresolved = table_import.resolve_relations(result.relations, self.session.map, new)
        problems = [*result.problems, *unresolved]
        summary = content.summary_relations if relations else content.summary
        said = texts.counts(texts.load(), relations=len(relations))
        counts = {"new": _strong(len(new)), "updated": _strong(len(updated)), "relations": _strong(said["relations"])}
        parts = [f"<p>{html.escape(summary).format(**counts)}</p>"]
        if new:
            names = Html(", ".join(name_html(s.naam) for s in new[:NAMES_SHOWN]) + (" …" if len(new) > NAMES_SHOWN else ""))
            parts.append(f"<p>{format_html(content.new_names, names=names)}</p>")
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:PROBLEMS_SHOWN])
            rest = len(problems) - PROBLEMS_SHOWN
            more = f"<li>{html.escape(content.more_problems.format(n=rest))}</li>" if rest > 0 else ""
            parts.append(f"<p>{html.escape(content.skipped)}</p><ul>{items}{more}</ul>")
        self.preview.value = f"<div class='ww-import-preview'>{''.join(parts)}</div>"
        if new or updated or relations:
            self.pending = (new, updated, relations)
            self._base = {s.id: s.data() for s in self.session.map.stakeholders}  # the map the preview was made on
            self.confirm.layout.display = ""
        else:
            self.preview.value = ""
            self.confirm.layout.display = "none"
            text = " ".join(problems) if problems else content.nothing_new
            self.feedback.show(text, "error" if problems else "info")

    def commit(self) -> None:
        if self.pending is None:
            return
        new, updated, relations = self.pending
        try:
            self.session.add([*new, *updated], relations, base=self._base)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        self.pending = None
        self.paste.value = ""
        self.preview.value = ""
        self.confirm.layout.display = "none"
        self.feedback.show(self.content.imported.format(new=len(new), updated=len(updated)), "success")
