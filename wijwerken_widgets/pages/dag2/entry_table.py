"""Dag 2: the map as a table (pandas): search, sort, and edit many rows at once as spreadsheet text."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart

PAGE_ROWS = 50
SORTS = ("naam", "invloed", "belang", "soort", "houding")  # columns to sort on; the first is the default
DESCENDING = ("invloed", "belang")
PROBLEMS_SHOWN = 10


class StakeholderTable(widgets.VBox):
    """A read-only, escaped HTML table with search and sort, and a tab-separated editor for bulk changes."""

    def __init__(self, session: MapSession, part: EntryPart | None = None) -> None:
        page = texts.load()
        self.session = session
        self.dag2 = page
        self._base: dict[str, dict] = {}  # stakeholder id → data the edit started from
        self.content = content = (part or page.exercises.entry).table
        self.search = widgets.Text(placeholder=content.search.placeholder, description=content.search.label,
                                   continuous_update=True)
        self.sort = widgets.Dropdown(options=[(getattr(content.sorts, column), column) for column in SORTS],
                                     value=SORTS[0], description=content.sort_label)
        self.page = widgets.BoundedIntText(1, min=1, max=1, description=content.page_label,
                                           layout=widgets.Layout(width="auto"), _dom_classes=("ww-table-page",))
        self.table = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-table-wrap",))
        self.editor = widgets.Textarea(rows=10, layout=styles.layout(), _dom_classes=("ww-tsv",))
        self.edit_button = button(content.edit_button, "table")
        self.save_button = button(content.save_button, "check", "ww-primary")
        self.editor_box = widgets.VBox(
            [widgets.HTML(f"<div class='ww-hint'>{render_markdown(content.editor_help)}</div>"), self.editor,
             self.save_button],
            layout=widgets.Layout(display="none"),
        )
        self.feedback = Feedback()
        for control in (self.search, self.sort, self.page):
            control.observe(lambda _: self.render(), names="value")
        self.edit_button.on_click(lambda _: self.open_editor())
        self.save_button.on_click(lambda _: self.save_editor())
        controls = widgets.HBox([self.search, self.sort, self.page], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([controls, self.table, self.edit_button, self.editor_box, self.feedback],
                         layout=styles.layout(), _dom_classes=("ww-stakeholder-table",))
        session.on_change(lambda _: self.render())
        self.render()

    def frame(self):
        """The rows shown: filtered by the search text and sorted."""
        from wijwerken_widgets.shared.stakeholders import tables

        frame = tables.stakeholder_frame(self.session.map)
        if needle := self.search.value.strip().casefold():
            text = frame[["naam", "functie", "soort", "notitie"]].astype(str).agg(" ".join, axis=1).str.casefold()
            frame = frame[text.str.contains(needle, regex=False)]
        descending = self.sort.value in DESCENDING
        key = (lambda col: col.astype(str).str.casefold()) if not descending else None
        return frame.sort_values(self.sort.value, ascending=not descending, key=key, kind="stable")

    def render(self) -> None:
        frame = self.frame()
        pages = max(1, -(-len(frame) // PAGE_ROWS))
        self.page.max = pages
        start = (min(self.page.value, pages) - 1) * PAGE_ROWS
        shown = frame.iloc[start:start + PAGE_ROWS]
        if shown.empty:
            self.table.value = f"<p class='ww-hint'>{html.escape(self.content.empty)}</p>"
            return
        stakeholders = texts.counts(self.dag2, stakeholders=len(frame))["stakeholders"]
        caption = (self.content.caption_pages.format(stakeholders=stakeholders, page=start // PAGE_ROWS + 1,
                                                     pages=pages)
                   if pages > 1 else self.content.caption.format(stakeholders=stakeholders))
        table = self._shown_columns(shown).to_html(
            index=False, escape=True, border=0, classes="ww-table ww-entry-table", na_rep="")
        # pandas writes bare <th> (all column headers here, without an index) and no caption.
        head, _, rest = table.replace("<th>", '<th scope="col">').partition(">")
        label = html.escape(caption, quote=True)
        self.table.value = (f'<div class="ww-scroll" role="region" tabindex="0" aria-label="{label}">{head}>'
                            f"<caption>{html.escape(caption)}</caption>{rest}</div>")

    def _shown_columns(self, frame):
        """The rows as the page shows them: energy now and desired in one column (as the network's table), and the
        optional functie only when a stakeholder on the map has one, so the table fits the column of a laptop
        screen; headers from the column names."""
        words = self.dag2.exercises.network.table
        energy = [words.energy.format(nu=nu, gewenst=gewenst)
                  for nu, gewenst in zip(frame["energie_nu"], frame["energie_gewenst"], strict=True)]
        unused = [] if any(s.functie for s in self.session.map.stakeholders) else ["functie"]
        shown = frame.drop(columns=["energie_nu", "energie_gewenst", *unused])
        shown.insert(shown.columns.get_loc("notitie"), words.columns.energie, energy)
        return shown.rename(columns=lambda c: c.replace("_", " ").capitalize() if c.islower() else c)

    def open_editor(self) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        self.editor.value = tables.stakeholder_frame(self.session.map).to_csv(sep="\t", index=False)
        self._base = {s.id: s.data() for s in self.session.map.stakeholders}  # what the rows said when opened
        self.editor_box.layout.display = ""

    def save_editor(self) -> None:
        from wijwerken_widgets.shared.stakeholders import table_import

        result = table_import.parse_pasted(self.editor.value)
        new, updated = table_import.merge_into(self.session.map, result.stakeholders, given=result.given)
        try:
            self.session.add([*new, *updated], base=self._base)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        saved = self.content.saved.format(new=len(new), updated=len(updated))
        problems = result.problems[:PROBLEMS_SHOWN]
        self.feedback.show(" ".join([saved, *problems]), "warning" if problems else "success")
        self.editor_box.layout.display = "none"
